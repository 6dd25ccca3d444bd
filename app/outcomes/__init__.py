"""Step 4, reports: what participants owe, its review and publication, follow-up contacts."""
