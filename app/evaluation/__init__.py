"""Step 5, evaluation: department interviews, their summary, the visit priority ranking."""
