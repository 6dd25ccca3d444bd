"""The cycle's e-mails: templates, who receives each kind, one message per recipient, and the log.

Sits above the steps whose records it reads (topics, planning, outcomes, evaluation);
the files attached and the .eml and SMTP ways out are in exports/mail.py.
"""
