"""The cycle's e-mails in the window: compose and send a batch, edit the templates, set up the mail server."""
