"""Speed and memory measurements; each reports ratios measured in one run (the machine is shared and noisy)."""
