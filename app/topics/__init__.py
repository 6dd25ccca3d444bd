"""Step 1, topic collection: proposals from departments, the returned forms, outreach to partners."""
