"""What is known by name: the rule registry (built-in and registered rules, the
rule in force on a date) and the scenarios (bundled and users' files)."""
