"""The Partners tab: universities, contacts and their history."""
