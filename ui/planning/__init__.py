"""The Workshops tab and the workshop planner: rounds, panels, timeline, time slots, invitations."""
