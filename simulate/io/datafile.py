"""Reading the project's TOML data files (scenarios, rules) with clear errors.

One place checks that the file exists, is a file, is UTF-8 and is TOML, and
caches what was built from it until the file changes.

A file's tables are declared as :class:`Table` classes and filled in one of two
ways. A file whose every key and value is exactly right (the usual case: the
bundled files) is structured by :class:`PlainStructurer`, a few lines that
never import :mod:`cattrs`. Anything else (an unknown key, a missing one, a
value of another type) goes to the strict :mod:`cattrs` converter, whose errors
the messages are made of; so a message never depends on the plain path, and the
plain path never has to judge a file it does not like. (Start-up speed:
importing cattrs, generating its structuring code and defining the attrs classes
it structures were a third of ``unsc replay``'s own time.)
"""

from __future__ import annotations

import builtins
import datetime
import functools
import inspect
import re
import sys
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from ..errors import DataFileError

if TYPE_CHECKING:  # cattrs itself is imported only for a file the plain path declines (start-up speed)
    import cattrs

__all__ = [
    "Decline",
    "PlainStructurer",
    "SpecError",
    "Table",
    "as_attrs",
    "format_exception",
    "load_toml_file",
    "parse_toml",
    "strict_converter",
    "structure",
]

T = TypeVar("T")


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """TOML text as a dictionary; a syntax error names the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from None


@functools.lru_cache(maxsize=512)
def _cached(path: Path, text: str, build: Callable[[str, Path], Any]) -> Any:
    return build(text, path)


def load_toml_file(path: str | Path, kind: str, build: Callable[[str, Path], T]) -> T:
    """``build(text, path)`` for the file at ``path`` (a ``kind`` file, for messages),
    cached by the file's content: a file rewritten within the file system's clock
    tick is read again, never served from the cache."""
    path = Path(path)
    if path.is_dir():
        raise DataFileError(path, f"is a folder, not a {kind} file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "not a UTF-8 text file") from None
    result: T = _cached(path.resolve(), text, build)
    return result


# ---------------------------------------------------------------- tables


class Table:
    """A table of a data file: annotated fields and their defaults (``attrs.Factory``
    for a new list or table each time), as an attrs class declares them, and nothing else.

    Declaring one costs nothing at import. The plain path fills it as it is (its
    instances are frozen, and compare by identity); :func:`as_attrs` makes it a
    frozen attrs class, in place, the first time cattrs is needed (start-up
    speed: an attrs class generates and compiles its methods when it is defined).
    """

    #: (name, annotation, default) of each field, in order: read when the class is declared
    table_fields: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = inspect.get_annotations(cls)
        if any(name.startswith("_") for name in own):
            raise TypeError(f"{cls.__name__}: a table's fields are keys of the file, without a leading underscore")
        cls.table_fields = tuple((name, own[name], cls.__dict__.get(name, attrs.NOTHING)) for name in own)

    def __init__(self, **values: Any) -> None:
        """As an attrs class's ``__init__`` (keywords): a default for each field not given."""
        for name, _, default in self.table_fields:
            if name in values:
                value = values.pop(name)
            elif default is attrs.NOTHING:
                raise TypeError(f"{type(self).__name__}() missing the field {name!r}")
            else:
                value = default.factory() if isinstance(default, _FACTORY) else default  # type: ignore[attr-defined]
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unknown fields {', '.join(map(repr, values))}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise attrs.exceptions.FrozenInstanceError()


_FACTORY: type = type(attrs.Factory(list))  # attrs.Factory is typed as a function


def as_attrs(*tables: type[Table]) -> None:
    """Make ``tables`` frozen attrs classes (in place: the same class objects, the same
    fields), as cattrs structures them; their annotations resolved. Once for each."""
    for table in tables:
        if not attrs.has(table):
            attrs.frozen(eq=False, repr=False, slots=False)(table)
    for table in tables:
        attrs.resolve_types(table)  # type: ignore[type-var]


# ---------------------------------------------------------------- strict structuring


class SpecError(ValueError):
    """A value in the right place but of the wrong shape; its text is shown as it is."""


def _strict(kind: type, what: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise SpecError(f"expected {what}, got {value!r}")
        return value

    return hook


def _date(value: Any, _type: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise SpecError(f"expected a TOML date such as 2016-10-08 (no quotes), got {value!r}")


def _str_list(value: Any, _type: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SpecError(f"expected a list of names such as [\"France\", \"Spain\"], got {value!r}")
    return list(value)


def strict_converter() -> cattrs.Converter:
    """A cattrs converter that refuses unknown keys and never coerces: a string
    stays a string, a number a number, a date a TOML date, a list a list."""
    import cattrs  # lazy: start-up speed (see the module's docstring)

    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(datetime.date, _date)
    conv.register_structure_hook_func(lambda t: t == list[str], _str_list)
    return conv


def format_exception(exc: BaseException, type_: Any, root: type | None = None) -> str:
    """How one structuring problem reads (for :func:`cattrs.transform_error`).

    Unknown keys get the closest known one suggested; at the top of the file
    (``root``) they are unknown tables.
    """
    import cattrs  # lazy: start-up speed (see the module's docstring)

    from ..errors import suggest

    if isinstance(exc, SpecError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        cl = exc.cl
        known = [f.name.rstrip("_") for f in attrs.fields(cl)] if cl is not None and attrs.has(cl) else []
        what = "table" if cl is not None and cl is root else "key"
        parts = []
        for extra in sorted(exc.extra_fields):
            hint = suggest(extra, known)
            parts.append(f"unknown {what} {extra!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
        return "; ".join(parts) + (f"; known: {', '.join(known)}" if known else "")
    if isinstance(exc, KeyError):
        return "required key missing"
    table = next((t for t in (type_, *typing.get_args(type_)) if isinstance(t, type) and attrs.has(t)), None)
    if isinstance(exc, AttributeError) and "has no attribute 'keys'" in str(exc) and table is not None:
        got = str(exc).split("'")[1] if "'" in str(exc) else "value"
        words = {"str": "a string", "int": "a number", "float": "a number", "list": "a list", "bool": "true or false"}
        keys = ", ".join(f.name.rstrip("_") for f in attrs.fields(table))
        return f"expected a table {{ ... }} with the keys {keys}, got {words.get(got, got)}"
    return cattrs.v.format_exception(exc, type_)


# ---------------------------------------------------------------- the plain path


class Decline(Exception):
    """The plain path leaves this value to cattrs (it is not exactly right, or of a kind it does not know)."""


def _exactly(kind: type) -> Callable[[Any], Any]:
    def hook(value: Any) -> Any:
        if type(value) is not kind:  # exactly: no bool for an int, no datetime for a date
            raise Decline
        return value

    return hook


def _as_is(value: Any) -> Any:
    return value


def _never(value: Any) -> Any:
    raise Decline


class PlainStructurer:
    """Structures values that are exactly right for their :class:`Table`, without cattrs.

    It answers only what the strict converter (:func:`strict_converter`, with the
    same registrations, the tables made attrs classes) would answer without an
    error, and answers it alike: a table of known keys with every required key
    (defaults for the others), strings that are ``str``,
    whole numbers that are ``int`` (not ``bool``), TOML dates, lists, tables,
    optional values, ``Any`` as it is, and what :meth:`register` adds. Anything
    else raises :class:`Decline`, and :func:`structure` asks cattrs instead
    (``tests/fuzz/test_plain_structuring.py`` checks the two agree).
    """

    def __init__(self) -> None:
        self._hooks: dict[Any, Callable[[Any], Any]] = {
            str: _exactly(str),
            int: _exactly(int),
            bool: _exactly(bool),
            datetime.date: _exactly(datetime.date),
            Any: _as_is,
        }
        self._keys: dict[type, dict[str, str]] = {}

    def register(self, type_: Any, hook: Callable[[Any], Any]) -> None:
        """``hook(value)`` structures ``type_`` (it raises :class:`Decline` for what it does not accept)."""
        self._hooks[type_] = hook

    def rename(self, cls: type, **keys: str) -> None:
        """Fields of ``cls`` read from other keys (``set_="set"``), as cattrs' ``override(rename=...)``."""
        self._keys[cls] = keys

    def structure(self, value: Any, type_: Any) -> Any:
        hook = self._hooks.get(type_)
        if hook is None:
            hook = self._hooks[type_] = self._hook(type_)
        return hook(value)

    def _hook(self, type_: Any) -> Callable[[Any], Any]:
        if isinstance(type_, type) and issubclass(type_, Table):
            return self._table(type_)
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        structure = self.structure
        if origin is list and len(args) == 1:
            (item,) = args

            def a_list(value: Any) -> list[Any]:
                if type(value) is not list:
                    raise Decline
                return [structure(v, item) for v in value]

            return a_list
        if origin is dict and len(args) == 2 and args[0] is str:
            item = args[1]

            def a_dict(value: Any) -> dict[str, Any]:
                if type(value) is not dict:
                    raise Decline
                return {structure(k, str): structure(v, item) for k, v in value.items()}

            return a_dict
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            (other,) = (a for a in args if a is not type(None))
            return lambda value: None if value is None else structure(value, other)
        return _never

    def _table(self, cls: type) -> Callable[[Any], Any]:
        keys = self._keys.get(cls, {})
        namespace = vars(sys.modules[cls.__module__])
        plan = [
            (keys.get(name, name), name, _evaluate(annotation, namespace), default is attrs.NOTHING)
            for name, annotation, default in cls.table_fields  # type: ignore[attr-defined]
        ]
        known = frozenset(key for key, *_ in plan)
        structure = self.structure

        def a_table(value: Any) -> Any:
            if type(value) is not dict or not known.issuperset(value):
                raise Decline
            kwargs = {}
            for key, name, type_, required in plan:
                if key in value:
                    kwargs[name] = structure(value[key], type_)
                elif required:
                    raise Decline
            return cls(**kwargs)

        return a_table


_TOKENS = re.compile(r"[\w.]+|[][,|]")


def _evaluate(annotation: Any, namespace: Mapping[str, Any]) -> Any:
    """The type an annotation's text names (``from __future__ import annotations``), read
    without compiling it: names (dotted), ``X[A, B]``, ``A | B``; other text is evaluated."""
    if not isinstance(annotation, str):
        return annotation
    tokens = _TOKENS.findall(annotation)
    if "".join(tokens) != "".join(annotation.split()):
        return eval(annotation, dict(namespace))  # text this reader does not know
    at = 0

    def union() -> Any:
        nonlocal at
        value = term()
        while at < len(tokens) and tokens[at] == "|":
            at += 1
            value = value | term()
        return value

    def term() -> Any:
        nonlocal at
        head, *rest = tokens[at].split(".")
        at += 1
        value: Any = None if head == "None" else namespace[head] if head in namespace else getattr(builtins, head)
        for part in rest:
            value = getattr(value, part)
        if at < len(tokens) and tokens[at] == "[":
            at += 1
            args = [union()]
            while tokens[at] == ",":
                at += 1
                args.append(union())
            if tokens[at] != "]":
                raise SyntaxError(annotation)
            at += 1
            value = value[tuple(args) if len(args) > 1 else args[0]]
        return value

    try:
        value = union()
        if at != len(tokens):
            raise SyntaxError(annotation)
    except (LookupError, AttributeError, TypeError, SyntaxError):
        return eval(annotation, dict(namespace))
    return value


def structure(
    plain: PlainStructurer,
    converter: Callable[[], cattrs.Converter],
    raw: dict[str, Any],
    cls: type[T],
    path: Path | str,
    where: Callable[[str], str],
) -> T:
    """``raw`` structured as ``cls``: by ``plain`` when it is exactly right, else by
    the cattrs ``converter()``, where every problem becomes one
    :class:`DataFileError` naming the file, the place (``where`` turns a cattrs
    path such as ``$.draft.date`` into ``[draft] date``) and what is wrong."""
    try:
        result: T = plain.structure(raw, cls)
        return result
    except Exception:  # Decline, or any surprise: cattrs answers (with its messages), as it always did
        pass
    import cattrs  # lazy: start-up speed (see the module's docstring)

    conv = converter()
    try:
        return conv.structure(raw, cls)
    except cattrs.BaseValidationError as exc:
        problems = []
        fmt = functools.partial(format_exception, root=cls)
        for line in cattrs.transform_error(exc, path="$", format_exception=fmt):
            message, _, at = line.rpartition(" @ ")
            place = where(re.sub(r"(?<=\w)_(?=$|[.\[])", "", at))  # fields such as set_ are TOML keys (set)
            message = message.replace("required field missing", "required key missing")
            if message == "required key missing" and place.startswith("[") and place.endswith("]"):
                message = "required table missing"
            problems.append(f"{place}: {message}")
        raise DataFileError(path, "; ".join(problems)) from None
