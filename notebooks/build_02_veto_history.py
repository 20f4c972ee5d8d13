"""Build ``02-veto-history.ipynb`` from the cells below (outputs stripped).

Edit this file, not the notebook, then run::

    .venv/bin/python notebooks/build_02_veto_history.py

The test suite checks that the committed notebook is what this script builds,
and executes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbbuild  # the shared builder beside this script (the script's folder is on sys.path)

NOTEBOOK = Path(__file__).resolve().with_name("02-veto-history.ipynb")

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """\
# The veto since 1946: the record, the news' counts, and other rules

Every permanent member of the UN Security Council can block a draft resolution
with a negative vote: the **veto**. This notebook works with the project's record
of the Council: every vote listed by the UN's Dag Hammarskjöld Library from 1946
to 2022, and every veto up to 2026, each with its sources.

We will
1. count the vetoes per member and per decade,
2. check what the news said on 5 December 2016 ("the sixth time Russia blocked a
   resolution on Syria, and the fifth for China") against the data,
3. decide every vetoed draft again under other rules: what if two vetoes were
   needed, or the veto were restrained on mass atrocities?

Run the cells from top to bottom (Shift+Enter).""",
    ),
    (
        "code",
        """\
%matplotlib inline
from simulate.analysis.history import load_history
from simulate.analysis.counterfactual import decide_votes, summarize
from simulate.figures.history import plot_veto_decades, plot_syria, plot_counterfactual

record = load_history()
vetoes = record.vetoes()
print(len(record), "votes in the record,", len(vetoes), "vetoed texts")""",
    ),
    (
        "markdown",
        """\
## 1. Who vetoed, and when

A member counts once for each text it vetoed (a draft, an amendment, an
admission). The USSR and the Russian Federation are counted apart: the Russian
Federation took over the USSR's seat on 24 December 1991.""",
    ),
    (
        "code",
        """\
stats = vetoes.stats()
for member, total in stats.totals.items():
    print(f"{member:<20} {total:>4}")""",
    ),
    (
        "code",
        """\
plot_veto_decades(record)""",
    ),
    (
        "markdown",
        """\
Counting the USSR and the Russian Federation together changes the ranking:""",
    ),
    (
        "code",
        """\
combined = load_history(combine_successors=True).vetoes().stats()
print(combined.totals)""",
    ),
    (
        "markdown",
        """\
## 2. "The sixth veto on Syria": checking the news

On 5 December 2016 China and the Russian Federation vetoed S/2016/1026, a
seven-day truce in Aleppo. News reports called it the Russian Federation's sixth
veto on Syria and China's fifth. The record can check that: each veto knows which
veto it was for each member, overall and on its topic.""",
    ),
    (
        "code",
        """\
russia = record.filter(vetoed_by="Russian Federation", topic="syria", until="2016-12-05")
for vote in russia:
    print(vote.date, vote.symbol, vote.tally, "|", vote.ordinal("Russian Federation").describe())""",
    ),
    (
        "code",
        """\
china = record.filter(vetoed_by="China", topic="syria", until="2016-12-05")
print(len(russia), "for the Russian Federation,", len(china), "for China")
print(china[-1].ordinal("China").describe(), "-", china[-1].ordinal("China").describe(overall=True))""",
    ),
    (
        "markdown",
        """\
The whole Syria series: each failed draft a mark, vetoed (with the running count)
or short of the nine votes needed.""",
    ),
    (
        "code",
        """\
plot_syria(record.filter(topic="syria"))""",
    ),
    (
        "markdown",
        """\
## 3. Counterfactual history: the same votes under other rules

For most votes the record has the tally (for example 11-3-1) and the names of the
members who vetoed, not every member's ballot. So each vote is decided again over
**every ballot profile consistent with the record**, by the rule itself. If those
profiles disagree, the answer is *undetermined*, never a guess. Rules for a council
of another size (15-seat rules on the 11-seat Council before 1966) do not apply.""",
    ),
    (
        "code",
        """\
rules = ["two-vetoes", "veto-abolished-9", "french-mexican-restraint", "act-restraint"]
decisions = decide_votes(vetoes, rules)
summary = summarize(decisions)
for rule in rules:
    print(summary.headline(rule))""",
    ),
    (
        "code",
        """\
plot_counterfactual(summary)""",
    ),
    (
        "markdown",
        """\
The December 2016 draft under each rule, with the reason the rule's own replay
gives:""",
    ),
    (
        "code",
        """\
for d in decisions:
    if d.symbol == "S/2016/1026":
        print(f"{d.rule:<26} {d.outcome:<12} {d.reason}")""",
    ),
    (
        "markdown",
        """\
## Exercises

1. Which member vetoed most in the 1980s? On which topics? (Hint:
   `record.filter(since="1980", until="1989").vetoes().stats().by_topic`.)
2. Under `two-vetoes`, which member's vetoes are overcome most often, and why?
   (`summary.by_member["two-vetoes"]`)
3. The French-Mexican initiative asks permanent members not to veto drafts on
   mass atrocities. Which vetoes would it have overcome? Look at the flag each
   draft carries (`vote.flags`) and where the flag comes from.
4. Find a vote that is *undetermined* under `strict-concurrence` (try
   `decide_votes(record.filter(since="1990", until="1990"), ["strict-concurrence"])`).
   What would the record need to say to decide it?
5. For discussion: the news counted "vetoes on Syria". Which drafts does that
   count leave out, and does the count depend on what we call "on Syria"?""",
    ),
    (
        "code",
        """\
# Exercise 1: your code here
eighties = record.filter(since="1980", until="1989").vetoes().stats()
print(eighties.totals)""",
    ),
]


def render() -> str:
    return nbbuild.render(CELLS)


if __name__ == "__main__":
    sys.exit(nbbuild.main(sys.argv, CELLS, NOTEBOOK))
