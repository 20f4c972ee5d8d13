"""A deliberately broken rule: adopted iff between 9 and 12 members vote yes.

`unsc check-rule rules/examples/nine-to-twelve.py` finds that it is not
monotonic: a thirteenth vote in favour defeats a draft that twelve adopted.
"""

import numpy as np

SEATS = 15
VETO = [True] * 5 + [False] * 10  # the first five seats hold a veto (unused here)
TITLE = "adopted iff 9 to 12 members vote yes (deliberately broken)"

YES = 0


def decide(profiles: np.ndarray) -> np.ndarray:
    yes = (profiles == YES).sum(axis=1)
    return (yes >= 9) & (yes <= 12)
