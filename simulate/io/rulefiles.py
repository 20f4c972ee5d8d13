"""Rule files: a voting rule in TOML, the format users write (``rules/README.md``).

Loading goes in two steps, as for scenario files: ``tomllib`` and a strict
:mod:`cattrs` converter (unknown keys are errors) turn the file into plain
``*Table`` classes (a file that is exactly right skips cattrs:
:class:`~simulate.io.datafile.PlainStructurer`, for start-up speed), then the
values are checked and a :class:`~simulate.rules.Rule` is built. Every problem is a
:class:`~simulate.errors.DataFileError` naming the file, the table and the key:

>>> loads_rule('[rule]\\nname = "mine"\\nquota = "nine"\\n[seats]\\nveto = 5\\nelected = 10\\n', "mine.toml")
Traceback (most recent call last):
...
simulate.errors.DataFileError: mine.toml: [rule] quota: expected a whole number, got 'nine'

:func:`dump_rule` writes any rule back in the same format, so that
``loads_rule(dump_rule(rule)) == rule``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..data import data_path
from ..errors import DataFileError, SimulateError
from ..model.ballots import Ballot, parse_ballot
from ..model.council import KINDS
from ..model.members import resolve_member
from ..rules.quota import STATUSES, Rule, VetoRestraint
from ..rules.seats import MOST_SEATS, SeatClasses, example_council
from .datafile import PlainStructurer, Table, as_attrs, load_toml_file, parse_toml, strict_converter, structure

if TYPE_CHECKING:
    import cattrs  # imported only for a file the plain path declines (simulate.io.datafile)

    from ..rules.double import DoubleMajorityRule  # imported when a file or a rule is one (start-up speed)

__all__ = [
    "BUILTIN_ORDER",
    "builtin_dir",
    "builtin_rule",
    "builtin_rules",
    "default_title",
    "dump_rule",
    "load_rule_file",
    "loads_rule",
    "save_rule",
]

#: The built-in rules, in the order ``unsc rules`` lists them (file ``NAME.toml`` each).
BUILTIN_ORDER = (
    "charter-1965",
    "charter-1945",
    "strict-concurrence",
    "strict-concurrence-1945",
    "procedural-1965",
    "procedural-1945",
    "veto-abolished-9",
    "veto-abolished-10",
    "two-vetoes",
    "act-restraint",
    "french-mexican-restraint",
    "hlp-model-a",
    "hlp-model-b",
    "g4-2005",
    "au-ezulwini-2005",
    "ufc-2005",
    "elected-majority",
)

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


# ---------------------------------------------------------------- file specs

# Tables (simulate.io.datafile.Table): cheap to declare; attrs classes only when cattrs is needed (_converter).


#: Rule kinds a file may name with ``kind`` (the default is the quota-and-veto rule).
KIND_NAMES = ("quota-veto", "double-majority")


class RuleTable(Table):
    name: str
    quota: int
    title: str | None = None
    status: str = "custom"
    procedural_quota: int | None = None
    matter: str = "substantive"
    vetoes_to_block: int = 1
    blocking: list[str] = attrs.Factory(lambda: ["no"])
    party_abstains: bool = True
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    description: str = ""
    sources: list[str] = attrs.Factory(list)
    assumptions: str = ""
    kind: str = "quota-veto"


class NewNamesTable(Table):
    veto: list[str] = attrs.Factory(list)
    permanent: list[str] = attrs.Factory(list)
    elected: list[str] = attrs.Factory(list)


class SeatsTable(Table):
    veto: int
    elected: int
    permanent: int = 0
    new_names: NewNamesTable | None = None


class RestraintTable(Table):
    flag: str
    members: list[str] = attrs.Factory(list)


class GroupTable(Table):
    seats: str
    quota: int


class RuleFile(Table):
    rule: RuleTable
    seats: SeatsTable
    restraint: RestraintTable | None = None
    group: GroupTable | None = None


_TABLES = ("seats.new_names", "rule", "seats", "restraint", "group")


@functools.cache
def _converter() -> cattrs.Converter:
    as_attrs(RuleTable, NewNamesTable, SeatsTable, RestraintTable, GroupTable, RuleFile)
    return strict_converter()


def _where(path: str) -> str:
    """``$.seats.new_names.veto`` -> ``[seats.new_names] veto``."""
    path = path.removeprefix("$").lstrip(".")
    if not path:
        return "top level"
    for table in _TABLES:
        if path == table:
            return f"[{table}]"
        if path.startswith(table + ".") or path.startswith(table + "["):
            return f"[{table}] {path[len(table):].lstrip('.')}"
    return path


_PLAIN = PlainStructurer()  # what _converter() accepts without an error, structured alike without cattrs


def _structure(raw: dict[str, Any], path: Path | str) -> RuleFile:
    return structure(_PLAIN, _converter, raw, RuleFile, path, _where)


# ---------------------------------------------------------------- checks and building


def default_title(rule: Rule) -> str:
    """A one-line title from the numbers, for a rule file without one.

    >>> default_title(Rule("x", "", quota=14, seat_classes=SeatClasses(5, 6, 14)))
    "25 seats, 14 votes; a 'no' of any of the 5 veto holders blocks"
    """
    seats = rule.seats if rule.seats is not None else "any"
    text = f"{seats} seats, {rule.quota} votes"
    if not rule.veto:
        return text + ", no veto"
    veto = rule.classes.veto
    ballots = "/".join(str(b) for b in sorted(rule.blocking_ballots))
    if rule.vetoes_to_block == 1:
        text += f"; a '{ballots}' of any of the {veto} veto holders blocks"
    else:
        text += f"; '{ballots}' of {rule.vetoes_to_block} of the {veto} veto holders blocks"
    if rule.restraint is not None:
        text += f" (restrained on drafts flagged {rule.restraint.flag})"
    return text


def _fail(path: Path | str, where: str, message: str) -> DataFileError:
    return DataFileError(path, f"{where}: {message}")


def _build(spec: RuleFile, path: Path | str) -> Rule | DoubleMajorityRule:
    rule = _build_quota(spec, path)
    if spec.rule.kind not in KIND_NAMES:
        raise _fail(path, "[rule] kind", f"expected one of {', '.join(KIND_NAMES)}, got {spec.rule.kind!r}")
    if spec.rule.kind == "quota-veto":
        if spec.group is not None:
            raise _fail(path, "[group]", 'a [group] table needs kind = "double-majority" in [rule]')
        return rule
    from ..rules.double import DoubleMajorityRule  # lazy: start-up speed (few rules are double majorities)

    g = spec.group
    if g is None:
        raise _fail(path, "[group]", 'kind = "double-majority" needs a [group] table with seats and quota')
    if g.seats not in KINDS:
        raise _fail(path, "[group] seats", f"expected one of {', '.join(KINDS)}, got {g.seats!r}")
    size = getattr(spec.seats, g.seats)
    if not 1 <= g.quota <= size:
        raise _fail(path, "[group] quota", f"expected between 1 and the {size} {g.seats} seats, got {g.quota}")
    return DoubleMajorityRule(rule, g.seats, g.quota)


def _build_quota(spec: RuleFile, path: Path | str) -> Rule:
    r, s = spec.rule, spec.seats
    if not NAME_PATTERN.match(r.name):
        raise _fail(
            path,
            "[rule] name",
            f"expected lower-case letters, digits and hyphens (such as \"my-rule\"), got {r.name!r}",
        )
    if r.status not in STATUSES:
        raise _fail(path, "[rule] status", f"expected one of {', '.join(STATUSES)}, got {r.status!r}")
    if r.matter not in ("substantive", "procedural"):
        raise _fail(path, "[rule] matter", f'expected "substantive" or "procedural", got {r.matter!r}')
    for kind in KINDS:
        if getattr(s, kind) < 0:
            raise _fail(path, f"[seats] {kind}", f"expected a number of seats (0 or more), got {getattr(s, kind)}")
    total = s.veto + s.permanent + s.elected
    if total < 1:
        raise _fail(path, "[seats]", "the council needs at least one seat")
    if total > MOST_SEATS:
        raise _fail(
            path, "[seats]", f"{total:,} seats: more than the {MOST_SEATS} Members of the United Nations"
        )
    names = s.new_names or NewNamesTable()
    for kind in KINDS:
        given = getattr(names, kind)
        if len(given) > getattr(s, kind):
            raise _fail(
                path, f"[seats.new_names] {kind}", f"{len(given)} names for at most {getattr(s, kind)} {kind} seats"
            )
        if len(set(given)) != len(given):
            raise _fail(path, f"[seats.new_names] {kind}", "the names repeat")
    for key in ("quota", "procedural_quota"):
        value = getattr(r, key)
        if value is not None and not 1 <= value <= total:
            raise _fail(path, f"[rule] {key}", f"expected between 1 and the {total} seats, got {value}")
    if not 1 <= r.vetoes_to_block <= max(1, s.veto):
        raise _fail(
            path, "[rule] vetoes_to_block", f"expected between 1 and the {s.veto} veto seats, got {r.vetoes_to_block}"
        )
    if not r.blocking:
        raise _fail(path, "[rule] blocking", 'expected at least one ballot, such as ["no"]')
    blocking = []
    for word in r.blocking:
        try:
            ballot = parse_ballot(word)
        except SimulateError as exc:
            raise _fail(path, "[rule] blocking", str(exc)) from None
        if ballot is Ballot.YES:
            raise _fail(path, "[rule] blocking", "a yes cannot block; use no, abstain or absent")
        blocking.append(ballot)
    if r.valid_from and r.valid_to and r.valid_to < r.valid_from:
        raise _fail(path, "[rule] valid_to", f"{r.valid_to} is before valid_from {r.valid_from}")
    restraint = None
    if spec.restraint is not None:
        members = []
        for name in spec.restraint.members:
            try:
                members.append(resolve_member(name))
            except SimulateError as exc:
                raise _fail(path, "[restraint] members", str(exc)) from None
        if not spec.restraint.flag.strip():
            raise _fail(path, "[restraint] flag", 'expected a draft flag such as "mass-atrocity"')
        restraint = VetoRestraint(spec.restraint.flag, members)
    classes = SeatClasses(
        veto=s.veto,
        permanent=s.permanent,
        elected=s.elected,
        veto_names=names.veto,
        permanent_names=names.permanent,
        elected_names=names.elected,
    )
    if restraint is not None and restraint.members:
        council = example_council(classes)
        holders = [seat.member.name for seat in council.seats if seat.veto]
        for member in restraint.members:
            if member.name not in holders:
                raise _fail(
                    path, "[restraint] members",
                    f"{member.name} holds no veto on this rule's council "
                    f"(veto holders: {', '.join(holders) or 'none'})",
                )
    rule = Rule(
        name=r.name,
        title=r.title or "",
        quota=r.quota,
        procedural_quota=r.procedural_quota,
        veto=r.matter == "substantive" and s.veto > 0,
        vetoes_to_block=r.vetoes_to_block,
        blocking_ballots=blocking,
        party_abstains=r.party_abstains,
        restraint=restraint,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
        description=r.description,
        sources=tuple(r.sources),
        assumptions=r.assumptions,
        seat_classes=classes,
        status=r.status,
    )
    if r.title is None:
        rule = attrs.evolve(rule, title=default_title(rule))
    return rule


def loads_rule(text: str, path: Path | str = "<rule>") -> Rule | DoubleMajorityRule:
    """A rule from TOML text (``path`` names it in error messages)."""
    return _build(_structure(parse_toml(text, path), path), path)


def load_rule_file(path: str | Path) -> Rule | DoubleMajorityRule:
    """Load and check one rule file."""
    return load_toml_file(path, "rule", loads_rule)


# ---------------------------------------------------------------- writing


def _quote(text: str) -> str:
    """A TOML basic string (JSON's escapes, plus DEL, which TOML forbids raw)."""
    import json

    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _string(text: str, key: str) -> str:
    """A TOML basic string; long ones wrapped with line-ending backslashes
    (which TOML removes with the newline and the next line's indentation)."""
    quoted = _quote(text)
    if len(key) + len(quoted) + 3 <= 100 or "\n" in text or text.startswith(" "):
        return quoted
    lines: list[list[str]] = [[]]
    for token in quoted[1:-1].split(" "):
        current = lines[-1]
        width = sum(len(t) + 1 for t in current)
        if current and token and width + len(token) > 84:
            lines.append([token])  # never start a line with a space: TOML would trim it
        else:
            current.append(token)
    return '"""\\\n' + " \\\n".join(" ".join(line) for line in lines) + '"""'


def _strings(values: Iterable[str]) -> str:
    values = list(values)
    inner = ", ".join(_quote(v) for v in values)
    if len(inner) <= 76:
        return f"[{inner}]"
    return "[\n" + "".join(f"    {_quote(v)},\n" for v in values) + "]"


def dump_rule(rule: Rule | DoubleMajorityRule) -> str:
    """The rule as a TOML rule file (``loads_rule(dump_rule(rule)) == rule``).

    >>> from simulate import get_rule
    >>> print(dump_rule(get_rule("two-vetoes")).split("[seats]")[1].strip())
    veto = 5
    permanent = 0
    elected = 10
    """
    from ..rules.double import DoubleMajorityRule  # lazy: start-up speed (see _build)

    group = None
    if isinstance(rule, DoubleMajorityRule):
        group, rule = rule, rule.base
    if not isinstance(rule, Rule):
        raise SimulateError(f"only a Rule can be written as a rule file, not {type(rule).__name__}")
    classes = rule.classes
    heading = "".join(ch if ch.isprintable() else " " for ch in rule.title).strip()
    lines = [f"# {heading}" if heading else "# a voting rule", "", "[rule]"]

    def put(key: str, value: str) -> None:
        lines.append(f"{key} = {value}")

    put("name", _quote(rule.name))
    if group is not None:
        put("kind", '"double-majority"')
    put("title", _string(rule.title, "title"))
    put("status", _quote(rule.status))
    put("quota", str(rule.quota))
    if rule.procedural_quota is not None:
        put("procedural_quota", str(rule.procedural_quota))
    if not rule.veto and classes.veto > 0:
        put("matter", '"procedural"')
    put("vetoes_to_block", str(rule.vetoes_to_block))
    put("blocking", _strings(str(b) for b in sorted(rule.blocking_ballots)))
    if not rule.party_abstains:
        put("party_abstains", "false")
    if rule.valid_from is not None:
        put("valid_from", rule.valid_from.isoformat())
    if rule.valid_to is not None:
        put("valid_to", rule.valid_to.isoformat())
    if rule.description:
        put("description", _string(rule.description, "description"))
    if rule.sources:
        put("sources", _strings(rule.sources))
    if rule.assumptions:
        put("assumptions", _string(rule.assumptions, "assumptions"))
    lines += [
        "",
        "[seats]",
        f"veto = {classes.veto}",
        f"permanent = {classes.permanent}",
        f"elected = {classes.elected}",
    ]
    named = [(k, getattr(classes, f"{k}_names")) for k in KINDS if getattr(classes, f"{k}_names")]
    if named:
        lines += ["", "[seats.new_names]"] + [f"{k} = {_strings(v)}" for k, v in named]
    if rule.restraint is not None:
        lines += ["", "[restraint]", f"flag = {_quote(rule.restraint.flag)}"]
        if rule.restraint.members:
            lines.append(f"members = {_strings(m.name for m in rule.restraint.members)}")
    if group is not None:
        lines += ["", "[group]", f"seats = {_quote(group.group)}", f"quota = {group.group_quota}"]
    return "\n".join(lines) + "\n"


def save_rule(rule: Rule | DoubleMajorityRule, path: str | Path) -> Path:
    """Write ``rule`` to ``path`` as a TOML rule file."""
    path = Path(path)
    path.write_text(dump_rule(rule), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the built-in rules


def builtin_dir() -> Path:
    """``simulate/data/rules``: one ``NAME.toml`` per built-in rule."""
    return data_path("rules")


def builtin_rule(name: str) -> Rule | DoubleMajorityRule | None:
    """The built-in rule ``name`` (loading its file only), or None."""
    if not NAME_PATTERN.match(name):
        return None
    path = builtin_dir() / f"{name}.toml"
    if not path.is_file():
        return None
    rule = load_rule_file(path)
    if rule.name != name:
        raise DataFileError(path, f"[rule] name: the file of built-in rule {name!r} names it {rule.name!r}")
    return rule


def builtin_rules() -> dict[str, Rule | DoubleMajorityRule]:
    """Every built-in rule, in :data:`BUILTIN_ORDER` (then any other file, by name)."""
    stems = sorted(p.stem for p in builtin_dir().glob("*.toml"))
    order = [n for n in BUILTIN_ORDER if n in stems] + [n for n in stems if n not in BUILTIN_ORDER]
    out = {}
    for name in order:
        rule = builtin_rule(name)
        if rule is not None:
            out[name] = rule
    return out
