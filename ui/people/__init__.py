"""The People tab: staff, their exchanges and preparation."""
