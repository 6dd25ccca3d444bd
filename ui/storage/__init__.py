"""Shared database in the window: connecting, users, audit log, live refresh, backups."""
