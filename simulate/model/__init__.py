"""The model: ballots, members, the Council on a date, motions, vote records and what-ifs.

The lowest layer: it knows nothing of rules, files or analysis.
"""
