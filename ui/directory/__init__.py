"""Editors of the short reference lists: semesters, departments, topic areas."""
