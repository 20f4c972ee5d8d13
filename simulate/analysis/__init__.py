"""Analyses that ask the rules: the property battery (checks), voting power and
minimal flips under a rule, and the record's history and counterfactuals."""
