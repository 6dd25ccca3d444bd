"""Pieces every tab shares: the table model, record form and tab, pickers, background worker."""
