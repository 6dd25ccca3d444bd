"""Realistic demo data: a small database to try the program, or a ten-year one to time it."""
