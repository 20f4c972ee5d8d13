"""Analyses that ask the rules: the property battery (checks), voting power and
minimal flips under a rule."""
