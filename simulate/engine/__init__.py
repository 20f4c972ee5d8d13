"""The engine: replay a vote under a rule, the what-if grid, reform councils,
and the one place where outcomes are put into words."""
