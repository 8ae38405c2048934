"""Reading YAML safely, with every problem at ``PATH:LINE:COL``.

Checklists, routes, directories and answers files are untrusted input (a site may
edit or receive them), so reading is safe by construction:

* the file size is capped before anything is parsed;
* the YAML event stream is read first and refused if it has tags (no object
  construction of any kind), too many aliases, too deep nesting or too many
  nodes once aliases are expanded, so an alias bomb never expands;
* only then is the data built, with libyaml's parser when it is installed (fast;
  duplicate keys refused), else (or when the caller asks for the located
  reading) the pure-Python parser;
* a :class:`Document` finds the line and column of any key, value or item
  through a round-trip reading, run only when something is to be reported.

:mod:`idcheck.checklist.loader` validates the data into models.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    ScalarEvent,
)

from idcheck.checklist.event_data import DataBuilder

__all__ = [
    "MAX_ALIASES",
    "MAX_ANSWERS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EVENTS",
    "MAX_SECONDS",
    "ChecklistError",
    "Document",
    "Loc",
    "Problem",
    "decode",
    "fast_data",
    "format_problems",
    "locate",
    "parse_yaml",
    "read_bytes",
    "read_document",
]

try:  # libyaml's parser, from ruamel.yaml.clib
    from ruamel.yaml import cyaml

    CParser: Any = getattr(cyaml, "CParser", None)
except ImportError:  # pragma: no cover - the pure-Python parser alone
    CParser = None

MAX_BYTES = 2 * 1024 * 1024
MAX_ALIASES = 64
MAX_DEPTH = 48
MAX_EVENTS = 100_000
#: An answers file names each item once: at most about 2,700 nodes for the largest
#: checklist. Its own, lower limit keeps the error report of a huge one fast.
MAX_ANSWERS_NODES = 10_000
#: Reading a file (parse, checks, model) gives up after this long.
MAX_SECONDS = 5.0

Loc = tuple[str | int, ...]
#: A YAML library's own "where" line, which the problem's position replaces.
_LIBRARY_WHERE = re.compile(r'^in "<[^>]*>", (?:line \d+, column \d+|position \d+)$')


def _date_as_text(constructor: Any, node: Any) -> str:
    # A date is kept as the text written (the models and answers check it), so
    # "2011-13-05" is a located error, never a ValueError from the YAML library.
    return str(node.value)


class _TextDates(SafeConstructor):
    """The safe constructor, with dates and times left as their text."""


class _RoundTripTextDates(RoundTripConstructor):
    """The round-trip constructor (positions), with dates left as their text."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)
_RoundTripTextDates.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning in a file, 1-based line and column."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __post_init__(self) -> None:
        # One line, always: a library's message can carry a second line (such as
        # '  in "<file>", position 43084') that repeats, without the path, what
        # PATH:LINE:COL already says.
        if "\n" in self.message or "\r" in self.message:
            parts = [
                p.strip()
                for p in self.message.splitlines()
                if p.strip() and not _LIBRARY_WHERE.match(p.strip())
            ]
            object.__setattr__(self, "message", "; ".join(parts) or "not valid YAML")

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {tag}{self.message}"


class ChecklistError(Exception):
    """A file could not be loaded; ``problems`` holds every error found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Document:
    """A parsed YAML file: its plain data, its path and its bytes.

    Positions are only needed when something is wrong, so the slower round-trip
    parse that keeps them runs on the first call to :meth:`position`.
    """

    def __init__(self, path: str, data: Any, raw: bytes, text: str) -> None:
        self.path = path
        self.data = data
        self.raw = raw
        self._text = text
        self._positioned: Any = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def position(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, col) of the deepest node ``loc`` reaches."""
        if self._positioned is None:
            yaml = YAML(typ="rt", pure=True)
            yaml.Constructor = _RoundTripTextDates
            yaml.allow_duplicate_keys = False
            self._positioned = yaml.load(self._text)
        return locate(self._positioned, loc)

    def problem(self, loc: Loc, message: str, severity: str = "error") -> Problem:
        line, col = self.position(loc)
        return Problem(self.path, line, col, message, severity)


def locate(data: Any, loc: Loc) -> tuple[int, int]:
    """Walk ``loc`` through round-trip YAML data; return the 1-based position.

    Elements of ``loc`` that are not keys or indexes (pydantic's union tags such as
    ``'indicator'`` or ``'AnswerIs'``) are skipped. For a key that is absent (a
    missing field) the position is that of the mapping that lacks it.
    """
    line, col = 0, 0
    node = data
    if isinstance(node, CommentedMap | CommentedSeq):
        line, col = node.lc.line, node.lc.col
    for i, part in enumerate(loc):
        if isinstance(node, CommentedMap):
            key = _find_key(node, part)
            if key is None:
                continue
            child = node[key]
            if loc[i + 1 : i + 2] == ("[key]",):
                # pydantic's marker for an error in the key itself, not its value
                line, col = node.lc.key(key)
                break
            if isinstance(child, CommentedMap | CommentedSeq) and len(child) > 0:
                line, col = child.lc.line, child.lc.col
                if isinstance(child, CommentedMap):
                    # Point at the key for a mapping value: that's what a reader sees.
                    line, col = node.lc.key(key)
            else:
                line, col = node.lc.value(key)
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        # other parts (union tags, '[key]' markers) are skipped
    return line + 1, col + 1


def _find_key(node: CommentedMap, part: str | int) -> Any:
    if part in node:
        return part
    # pydantic reports aliases ("is", "in", "not") by alias, fields by name
    for alt in (str(part).rstrip("_"),):
        if alt in node:
            return alt
    return None


def _check_events(
    text: str, path: str, max_nodes: int = MAX_EVENTS, builder: DataBuilder | None = None
) -> Problem | None:
    """Refuse tags, alias bombs and deep nesting before building anything.

    Aliases are counted, and so is the size of the document with every alias
    expanded (what the model and the checks will walk): a few aliases nested in
    each other can stand for millions of nodes in a file of a few hundred bytes.
    """
    # libyaml's parser when it is installed (ruamel.yaml.clib): the same events
    # some thirty times faster, so even a refused 2 MB file is refused in a
    # fraction of a second. Where it reads the text differently (a syntax
    # error), the pure-Python parser decides, and locates the error.
    # ``builder``, when given, is fed libyaml's events to build the data on the
    # way (it is left without data when the pure-Python parser decides).
    try:
        return _count(YAML(typ="safe"), text, path, max_nodes, builder)
    except YAMLError:
        if builder is not None:
            builder.data = None
    try:
        return _count(YAML(typ="safe", pure=True), text, path, max_nodes)
    except MarkedYAMLError as e:
        return _yaml_problem(path, e)
    except YAMLError as e:  # pragma: no cover - unmarked errors are rare
        return Problem(path, 1, 1, f"not valid YAML: {e}")


def _count(
    yaml: YAML, text: str, path: str, max_nodes: int, builder: DataBuilder | None = None
) -> Problem | None:
    depth = 0
    aliases = 0
    expanded = 0
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, int]] = []
    deadline = time.monotonic() + MAX_SECONDS
    for events, ev in enumerate(yaml.parse(io.StringIO(text)), start=1):
        if builder is not None and not builder.gave_up:
            builder.take(ev)
        if events > max_nodes:
            return _at(path, ev, f"too many YAML nodes (more than {max_nodes})")
        if events % 4096 == 0 and time.monotonic() > deadline:
            return _at(path, ev, f"took longer than {MAX_SECONDS:g} s to read; refused")
        if isinstance(ev, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return _at(path, ev, f"too many aliases (more than {MAX_ALIASES})")
            expanded += sizes.get(str(ev.anchor), 1)
        elif isinstance(ev, ScalarEvent):
            expanded += 1
            if ev.anchor is not None:
                sizes[str(ev.anchor)] = 1
        elif isinstance(ev, CollectionStartEvent):
            expanded += 1
            open_.append((None if ev.anchor is None else str(ev.anchor), expanded))
        elif isinstance(ev, CollectionEndEvent) and open_:
            anchor, start = open_.pop()
            if anchor is not None:
                sizes[anchor] = expanded - start + 1
        if expanded > max_nodes:
            return _at(
                path,
                ev,
                f"too many YAML nodes once aliases are expanded (more than {max_nodes})",
            )
        tag = getattr(ev, "tag", None) if isinstance(ev, NodeEvent) else None
        if tag is not None:
            if isinstance(ev, ScalarEvent) and tag == "!":
                pass  # a quoted scalar reports the non-specific tag '!'
            else:
                return _at(path, ev, f"YAML tags are not allowed ({tag})")
        if isinstance(ev, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _at(path, ev, f"nesting deeper than {MAX_DEPTH} levels")
        elif isinstance(ev, CollectionEndEvent):
            depth -= 1
    return None


def _at(path: str, ev: Any, msg: str) -> Problem:
    mark = ev.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, msg)


def _yaml_problem(path: str, e: MarkedYAMLError) -> Problem:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = (e.problem or "").strip()
    ctx = (e.context or "").strip()
    if "duplicate key" in what or "duplicate key" in ctx:
        m = re.search(r'duplicate key "([^"]*)"', what)
        name = f" '{m.group(1)}'" if m else ""
        return Problem(path, line, col, f"duplicate key{name}; each key may appear once")
    msg = f"not valid YAML: {what}" + (f" ({ctx})" if ctx else "")
    return Problem(path, line, col, msg)


def parse_yaml(
    raw: bytes, path: str, *, max_nodes: int = MAX_EVENTS, fast: bool = False
) -> Document:
    """Parse bytes into a :class:`Document`; raises :class:`ChecklistError`.

    ``fast`` builds the data with libyaml's parser (ruamel.yaml.clib) when it is
    installed; the caller must be ready to read again without it when the data
    does not validate (see :func:`_load_validated`), since positions come from
    the pure-Python round-trip parser.
    """
    if len(raw) > MAX_BYTES:
        raise ChecklistError(
            [Problem(path, 1, 1, f"file is {len(raw)} bytes; at most {MAX_BYTES} are read")]
        )
    text = decode(raw, path)
    # Fast: the data built from the first pass's own (libyaml) events.
    builder = DataBuilder() if fast and CParser is not None else None
    bad = _check_events(text, path, max_nodes, builder)
    if bad is not None:
        raise ChecklistError([bad])
    data = None
    if builder is not None and not builder.gave_up and isinstance(builder.data, dict):
        data = builder.data
    elif fast:
        data = fast_data(text)
    if data is None:
        data = _pure_data(text, path)
    return Document(path, data, raw, text)


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text without a byte-order mark, or a located ChecklistError."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ChecklistError([Problem(path, line, 1, "not UTF-8 text")]) from None
    return text[1:] if text.startswith("\ufeff") else text


def _pure_data(text: str, path: str) -> dict[str, Any]:
    # The event pass refused tags, so the safe loader builds only plain data. The
    # pure-Python parser reads the text as the round-trip parser (positions) does.
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _TextDates
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as e:
        raise ChecklistError([_yaml_problem(path, e)]) from None
    if not isinstance(data, dict):
        raise ChecklistError([Problem(path, 1, 1, "expected a mapping at the top of the file")])
    return data


def fast_data(text: str) -> dict[str, Any] | None:
    """The plain data through libyaml's parser, or None when it is not installed or
    finds anything to say (the pure-Python reading then reports it, located)."""
    yaml = YAML(typ="safe")
    if CParser is None or yaml.Parser is not CParser:
        return None
    yaml.Constructor = _TextDates
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except YAMLError:
        return None
    return data if isinstance(data, dict) else None


def read_document(path: str | Path, *, max_nodes: int = MAX_EVENTS) -> Document:
    """A file read with :func:`parse_yaml` (the located, pure-Python reading)."""
    return parse_yaml(read_bytes(path), str(path), max_nodes=max_nodes)


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, refused (a located ChecklistError) over :data:`MAX_BYTES`
    or when it cannot be read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ChecklistError(
                [Problem(str(path), 1, 1, f"file is {size} bytes; at most {MAX_BYTES} are read")]
            )
        return p.read_bytes()
    except OSError as e:
        raise ChecklistError([Problem(str(path), 1, 1, f"cannot read: {e.strerror}")]) from None


def format_problems(problems: Iterable[Problem]) -> str:
    """Problems one a line, as a command prints them."""
    return "\n".join(str(p) for p in problems)
