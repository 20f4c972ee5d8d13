"""Build ``03-chance.ipynb`` from the cells below (outputs stripped).

Edit this file, not the notebook, then run::

    .venv/bin/python notebooks/build_03_chance.py

The test suite checks that the committed notebook is what this script builds,
and executes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbbuild  # the shared builder beside this script (the script's folder is on sys.path)

NOTEBOOK = Path(__file__).resolve().with_name("03-chance.ipynb")

CELLS: list[tuple[str, str]] = [
    ("markdown", """\
# How likely was it to pass? Uncertain ballots, blocs and rules

On 5 December 2016 the Security Council voted on **S/2016/1026**, a seven-day
truce for Aleppo: 11 votes in favour, vetoed by China and the Russian Federation.
The first notebook replayed that vote *as it happened*. This one asks a
political scientist's question: **if some ballots had been uncertain, how likely
was the draft to pass**, and how much does the answer depend on the voting rule?

Three words matter throughout:

* **adopted**: at least 9 votes in favour and no blocking veto;
* **vetoed**: enough votes in favour, but blocked by permanent members voting no;
* **short**: fewer than 9 votes in favour (whoever voted against).

Every answer states its **model**: which ballots are uncertain, with what
probabilities, and whether members vote independently."""),
    ("code", """\
%matplotlib inline
from fractions import Fraction
from simulate import load_scenario, replay
from simulate.analysis.chance import Chance, Bloc, Blocs, chance, propensities
from simulate.figures.chance import plot_chance

december = load_scenario("S/2016/1026")
print(replay(december).reason)"""),
    ("markdown", """\
## The elected members uncertain

Suppose we knew how the five permanent members voted, but each of the ten
elected members was equally likely to vote yes, no or abstain, independently.
That is the named model `elected-uncertain`. The engine computes the answer
**exactly**, as fractions, by counting ballots seat class by seat class (no
simulation needed)."""),
    ("code", """\
rules = ["charter-1965", "two-vetoes", "veto-abolished-9"]
uncertain = chance(december, [Chance(others="elected-uncertain")], rules)
print(uncertain.model)
for r in uncertain.rules:
    print(f"{r.rule:18} adopted {float(r.adopted):6.1%}   vetoed {float(r.vetoed):6.1%}   short {float(r.short):6.1%}")"""),
    ("markdown", """\
Under the Charter the draft **cannot** pass: two permanent members vote no. The
two-vetoes rule (a draft is blocked only by two permanent negative votes) does
not help either, because there *were* two. Only abolishing the veto turns the
7.7% of outcomes with nine or more votes in favour from "vetoed" into "adopted".

The exact value is a fraction:"""),
    ("code", """\
r = uncertain.rules[2]
r.adopted, r.adopted == Fraction(1507, 19683)"""),
    ("markdown", """\
## What if China had abstained, as it did in October?

What-ifs and uncertain ballots compose, in order: first China votes as it did
on S/2016/846 (it abstained), then the elected members are uncertain."""),
    ("code", """\
china_abstains = chance(december, ["china-abstains-again", Chance(others="elected-uncertain")], rules)
for r in china_abstains.rules:
    print(f"{r.rule:18} adopted {float(r.adopted):6.1%}   vetoed {float(r.vetoed):6.1%}")"""),
    ("code", "plot_chance(china_abstains)"),
    ("markdown", """\
Now the rule matters: with a single Russian veto, the two-vetoes rule lets the
draft pass whenever nine members vote yes.

## One member's ballot as a probability

Probabilities can be decimals (`0.6`) or exact fractions (`"3/5"`, `"1/3"`). Say
China abstains again, the Russian Federation abstains with probability 1/2,
and four members that voted yes had been less sure: each votes yes with
probability 1/2 and abstains otherwise. Members not named keep their ballots."""),
    ("code", """\
unsure = {"yes": "1/2", "abstain": "1/2"}
leaning = ["china-abstains-again",
           Chance({"Russian Federation": {"no": "1/2", "abstain": "1/2"},
                   "Egypt": unsure, "Malaysia": unsure, "Senegal": unsure, "Uruguay": unsure})]
for r in chance(december, leaning, rules).rules:
    print(f"{r.rule:18} adopted {str(r.adopted):6}   vetoed {str(r.vetoed):6}   short {r.short}")"""),
    ("markdown", """\
## Blocs: members who follow a leader

Treating members as independent is a strong assumption: on 1994-2025 votes,
members vote in blocs. A **bloc** is a leader and followers; each follower casts
the leader's ballot with probability `rho` and otherwise its own. Here Angola,
Venezuela and Egypt follow the Russian Federation with probability 0.8, and the
Russian Federation itself is uncertain. With one bloc the answer is still exact
(the engine conditions on the leader's ballot); the Monte Carlo engine agrees
within its standard error."""),
    ("code", """\
bloc = [
    "china-abstains-again",
    Chance({"Russian Federation": {"no": 0.5, "abstain": 0.5}}, others="elected-uncertain"),
    Blocs([Bloc("Russian Federation", ["Angola", "Venezuela", "Egypt"], 0.8)]),
]
exact = chance(december, bloc, rules)
simulated = chance(december, bloc, rules, method="montecarlo", draws=200_000, seed=2016)
print(exact.model)
for e, s in zip(exact.rules, simulated.rules):
    print(f"{e.rule:18} exact {e.adopted:.4f}   simulated {s.adopted:.4f} ± {s.stderr['adopted']:.4f}")"""),
    ("markdown", """\
## Rules compared on the same draws

With Monte Carlo, every rule is decided on **the same** simulated votes (common
random numbers), so the difference between two rules is measured much more
precisely than either probability alone:"""),
    ("code", """\
for r in simulated.rules[1:]:
    d, se = r.difference
    print(f"{r.rule} - charter-1965: {d:+.4f} (95% interval {d - 1.96 * se:+.4f} to {d + 1.96 * se:+.4f})")
plot_chance(simulated)"""),
    ("markdown", """\
## Who decides?

A member is **decisive** when the outcome would differ between its voting yes
and its voting no, the others voting as the model says (Straffin's independence
model; with every ballot a fair coin it is exactly the Banzhaf index). And how
many permanent members vote no?"""),
    ("code", """\
r = china_abstains.rules[1]  # two-vetoes
print(r.rule)
for name, p in sorted(r.decisive.items(), key=lambda kv: -kv[1])[:6]:
    print(f"  {name:30} {float(p):.1%}")
print("permanent members voting no:", [f"{float(p):.0%}" for p in r.permanent_no])"""),
    ("markdown", """\
## Propensities from the record

Instead of guessing, estimate each member's ballot frequencies from recorded
votes. With only the three Aleppo drafts of 2016 the estimates rest on three
votes each, so the prior (one pseudo-vote each for yes, no and abstain) still
weighs a lot; members never seen get the prior alone and are flagged."""),
    ("code", """\
records = [load_scenario(s) for s in ("S/2016/846", "S/2016/847", "S/2016/1026")]
estimates = propensities(records)
for name in ("China", "Russian Federation", "Angola", "Egypt"):
    e = estimates.estimate(name)
    print(f"{name:20} {e.records} votes: {e.distribution.describe()}")
council = december.record.council.names
from_record = chance(december, [estimates.chance(council)], rules)
for r in from_record.rules:
    print(f"{r.rule:18} adopted {float(r.adopted):6.1%}")"""),
    ("markdown", """\
## Exercises

1. Under `elected-uncertain`, why is P(vetoed) under `charter-1965` exactly the
   same as P(adopted) under `veto-abolished-9`? Check it with the fractions.
2. Make *every* member uncertain (`Chance(others="uncertain")`). Which rule
   changes the chance of adoption most? Which member is most often decisive?
3. Raise the bloc's `rho` from 0.8 to 1. How does the chance of adoption
   change? Compare with the deterministic what-if `bloc-follows-russia`.
4. Add China to the bloc as a second leader (`Bloc("China", [...], 0.5)`). Is
   the answer still exact? When does `chance()` switch to Monte Carlo, and what
   does its `note` say?
5. On the command line: `unsc chance S/2016/1026 --others elected-uncertain
   -r charter-1965 -r two-vetoes`, then the same with `--json`."""),
]


def render() -> str:
    return nbbuild.render(CELLS)


if __name__ == "__main__":
    sys.exit(nbbuild.main(sys.argv, CELLS, NOTEBOOK))
