"""Step 3, online exchanges: exchanges and their rounds, panels, the scheduling rules, time zones, time slots."""
