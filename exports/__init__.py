"""Documents out and back in: PDF (reportlab), Excel (openpyxl), iCalendar. No Qt."""
