"""The Topics tab: proposals, their status and outreach to partners."""
