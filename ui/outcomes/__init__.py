"""The Reports tab, report review, overdue reports, follow-up contacts, the Tools menu of outcomes."""
