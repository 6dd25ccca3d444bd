"""The Overview tab: the semester in numbers and charts."""
