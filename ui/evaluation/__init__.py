"""The Evaluations tab, interviews, visit priority ranking and adjustments."""
