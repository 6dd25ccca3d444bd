"""Who takes part: semesters, departments and their staff, partner universities, the reference lists."""
