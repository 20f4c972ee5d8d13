"""Build ``01-aleppo-2016.ipynb`` from the cells below (outputs stripped).

Edit this file, not the notebook, then run::

    .venv/bin/python notebooks/build_01_aleppo_2016.py

The test suite checks that the committed notebook is what this script builds,
and executes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbbuild  # the shared builder beside this script (the script's folder is on sys.path)

NOTEBOOK = Path(__file__).resolve().with_name("01-aleppo-2016.ipynb")

CELLS: list[tuple[str, str]] = [
    ("markdown", """\
# Aleppo, 2016: three drafts, three failures

In autumn 2016 the UN Security Council voted three times on drafts about the
fighting in Aleppo, Syria. None was adopted. This notebook replays those votes
with `unsc-simulate`, shows **why** each draft failed, and asks *what if*: what
if one member had voted differently?

**How the Council decides** (Article 27 of the UN Charter):

* 15 members: 5 **permanent** (China, France, the Russian Federation, the United
  Kingdom, the United States) and 10 **elected** for two years;
* a draft resolution needs **9 votes in favour**;
* and no **veto**: a vote *against* by any permanent member blocks it. An
  abstention is not a veto: that has been the Council's practice since 1946.

Run the cells from top to bottom (Shift+Enter)."""),
    ("code", """\
%matplotlib inline
from simulate import load_scenario, replay, grid, SetBallots
from simulate.figures import plot_table, plot_compare, plot_grid"""),
    ("markdown", """\
## 8 October 2016: two drafts at one meeting

At its 7785th meeting the Council voted on two competing drafts: first
**S/2016/846**, put forward by France and Spain, then **S/2016/847**, put forward
by the Russian Federation. Each scenario file holds the draft, the council and
every member's ballot, from the meeting record."""),
    ("code", """\
october_1 = load_scenario("S/2016/846")
october_2 = load_scenario("S/2016/847")
december = load_scenario("S/2016/1026")

first = replay(october_1)
print(october_1.record.draft.title)
print("Tally (for-against-abstain):", first.tally)
print(first.reason)"""),
    ("markdown", """\
Eleven votes in favour is more than the nine required, but the Russian
Federation voted against, and it holds a veto. In the table below each seat is
coloured by its ballot; permanent members sit in squares at the head of the
table; the blocking veto is ringed in black and tagged **VETO**.

Look at China: it **abstained**. An abstention does not block a draft."""),
    ("code", "plot_table(first)"),
    ("markdown", """\
The second draft failed for a different reason. Count the votes in favour:"""),
    ("code", """\
second = replay(october_2)
print(october_2.record.draft.title)
print("Tally:", second.tally)
print(second.reason)"""),
    ("code", "plot_table(second)"),
    ("markdown", """\
Three permanent members voted against S/2016/847, yet it was **not vetoed**:
with only four votes in favour it never reached the nine it needed, so the
permanent members' votes made no difference. A veto only counts when it defeats a
draft that would otherwise pass."""),
    ("markdown", """\
## 5 December 2016: a double veto

**S/2016/1026**, put forward by Egypt, New Zealand and Spain, asked for a
seven-day truce in Aleppo."""),
    ("code", """\
third = replay(december)
print(december.record.draft.title)
print("Tally:", third.tally)
print(third.reason)
plot_table(third)"""),
    ("markdown", """\
This time China voted against too: **two** vetoes. In October China had
abstained.

## What if?

Each scenario file names a few *what-ifs*. `replay(scenario, [name])` replays
the vote with that change; `plot_compare` puts the vote as it happened and the
what-if side by side, with the seats that changed ringed in purple.

**What if China had abstained again, as in October?**"""),
    ("code", """\
for name, whatif in december.whatifs.items():
    print(f"{name:24} {whatif.describe()}")"""),
    ("code", """\
again = replay(december, ["china-abstains-again"])
print(again.tally, "-", again.reason)
plot_compare(third, again, descriptions=[december.whatif("china-abstains-again").describe()])"""),
    ("markdown", """\
One veto is enough: the Russian Federation's vote against still blocks the draft.

**What if the Russian Federation had abstained?** Then China's vote against
still blocks it. Only when **both** abstain does the draft pass:"""),
    ("code", """\
for name in ["russia-abstains", "russia-and-china-abstain"]:
    outcome = replay(december, [name])
    print(f"{name:26} {outcome.tally:8} {outcome.reason}")"""),
    ("markdown", """\
**What if a bloc had formed?** Suppose Angola and Venezuela had voted exactly as
the Russian Federation did. Does a bloc of elected members change the outcome?"""),
    ("code", """\
bloc = replay(december, ["bloc-follows-russia"])
print(bloc.tally, "-", bloc.reason)
plot_compare(third, bloc, descriptions=[december.whatif("bloc-follows-russia").describe()])"""),
    ("markdown", """\
Angola's abstention became a vote against; Venezuela already voted against.
Eleven members still voted in favour, and the result is the same: it was the
vetoes, not the number of votes, that decided.

You can also write a what-if yourself, without a scenario file:"""),
    ("code", """\
mine = replay(october_1, [SetBallots({"Russia": "abstain"})])
print(mine.tally, "-", mine.reason)"""),
    ("markdown", """\
## All the what-ifs at once

The grid below has one row for each vote as recorded (*baseline*) and each
what-if, and one column for each **rule**: `charter-1965` is the Charter as
practised; `strict-concurrence` reads Article 27(3) literally, so that a
permanent member's abstention would also block a draft. Green cells were
adopted; a black **VETO** tag names the members who blocked the draft, by ISO
code (CHN China, FRA France, GBR United Kingdom, RUS Russian Federation, USA
United States)."""),
    ("code", "plot_grid([october_1, october_2, december])"),
    ("markdown", """\
Under the literal reading, China's abstention in October would itself have
been a veto:"""),
    ("code", """\
literal = replay(october_1, rule="strict-concurrence")
print(literal.reason)"""),
    ("markdown", """\
## Exercises

1. S/2016/847 received 4 votes in favour. How many more did it need? Find a
   what-if in which it gets enough votes in favour. Is it adopted then? Why, or
   why not? (Hint: `october_2.whatifs` and `replay(october_2, ["elected-follow-egypt"])`.)
2. Use `SetBallots` to find the **smallest** change to the December vote that
   gets S/2016/1026 adopted. How many members have to change their ballot?
3. What if Egypt had voted against in December? Predict the outcome first,
   then check it in the cell below.
4. Under the literal reading (`rule="strict-concurrence"`), which of the three
   drafts fail, and who blocks them? Why would abstaining then no longer be a
   way for a permanent member to let a draft pass?
5. For discussion: three permanent members voted against S/2016/847, yet the
   record does not call it a veto. Why does that matter for how we describe
   what happened?"""),
    ("code", """\
# Exercise 3: change the ballots, predict, then run.
changes = [SetBallots({"Egypt": "no"})]
outcome = replay(december, changes)
print(outcome.tally, "-", outcome.reason)"""),
]


def render() -> str:
    return nbbuild.render(CELLS)


if __name__ == "__main__":
    sys.exit(nbbuild.main(sys.argv, CELLS, NOTEBOOK))
