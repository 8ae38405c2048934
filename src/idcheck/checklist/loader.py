"""YAML files to checked models, with every error at ``PATH:LINE:COL``.

The file is read safely by :mod:`idcheck.checklist.document` (size, tags,
aliases, nesting and node limits before any data is built; libyaml's parser
first). If that reading's data does not validate, the file is read again with
the pure-Python parser, whose reading the round-trip positions describe, and
its problems are the ones reported. pydantic validates the document; each
error's location path is walked back to the line and column of the key, value
or item.

Each validated text is kept once per process by its SHA-256, whichever way it
came in (a path, the catalogue, the copy kept with a screening).

All errors of a file are reported together (a YAML syntax error stops parsing, so
it is reported alone).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from idcheck.checklist.document import (
    MAX_ALIASES,
    MAX_ANSWERS_NODES,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_EVENTS,
    MAX_SECONDS,
    ChecklistError,
    Document,
    Loc,
    Problem,
    decode,
    format_problems,
    locate,
    parse_yaml,
    read_bytes,
    read_document,
)
from idcheck.checklist.guide_model import Guide
from idcheck.checklist.model import Checklist, Directory, Routes

__all__ = [  # the reading's names stay importable from here
    "KINDS",
    "MAX_ALIASES",
    "MAX_ANSWERS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EVENTS",
    "MAX_SECONDS",
    "ChecklistError",
    "Document",
    "Loaded",
    "Loc",
    "Problem",
    "clear_cache",
    "format_problems",
    "load_any",
    "load_checklist",
    "load_checklist_bytes",
    "load_directory",
    "load_routes",
    "load_routes_bytes",
    "locate",
    "parse_yaml",
    "read_document",
    "validate_any",
    "validate_document",
]

M = TypeVar("M", bound=BaseModel)


def _plain(node: Any) -> Any:
    """Round-trip containers to plain dicts and lists for pydantic."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str | int) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _describe(err: Any) -> str:
    """A pydantic error as 'what was expected', in words a checklist author reads."""
    kind = err["type"]
    loc = err["loc"]
    field = next((p for p in reversed(loc) if isinstance(p, str) and not p[:1].isupper()), "")
    field = field.rstrip("_")
    if field == "[key]":
        field = "key"

    if kind == "missing":
        return f"missing required key '{field}'"
    if kind == "extra_forbidden":
        return f"unknown key '{field}'"
    if kind == "literal_error":
        return f"'{field}': {err['msg'].replace('Input should be', 'expected')}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{field}': expected an id of lowercase letters, digits and '-' (got {err['input']!r})"
        )
    if kind == "union_tag_invalid":
        return f"'{field}': {err['msg']}"
    msg: str = err["msg"]
    msg = msg.replace("Input should be", "expected").replace("Value error, ", "")
    return f"'{field}': {msg}" if field else msg


def validate_document(doc: Document, model: type[M]) -> M:
    """Validate ``doc`` against ``model``; every error becomes a located Problem."""
    try:
        return model.model_validate(_plain(doc.data))
    except ValidationError as e:
        problems = []
        seen: set[tuple[int, int, str]] = set()
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            p = doc.problem(loc, _describe(err))
            key = (p.line, p.col, p.message)
            if key not in seen:
                seen.add(key)
                problems.append(p)
        problems.sort(key=lambda p: (p.line, p.col))
        raise ChecklistError(problems) from None


KINDS: dict[str, type[BaseModel]] = {
    "checklist": Checklist,
    "routes": Routes,
    "directory": Directory,
    "guide": Guide,
}

Loaded = Checklist | Routes | Directory | Guide
#: Validated files by the SHA-256 of their bytes, for every way in (a path, the
#: catalogue, the copy kept with a screening): a text is read and checked once per
#: process. Only files that passed every check are kept; the models are frozen.
_VALIDATED: OrderedDict[str, tuple[dict[str, Any], Loaded]] = OrderedDict()
_VALIDATED_MAX = 32
_VALIDATED_LOCK = threading.Lock()


def validate_any(doc: Document) -> Loaded:
    """Validate a read file as the model its ``kind`` names, with its reference
    checks (no cache: :func:`load_any` keeps what passed)."""
    kind = doc.data.get("kind", "checklist")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise ChecklistError(
            [doc.problem(("kind",), f"'kind': expected one of {', '.join(KINDS)}, got {kind!r}")]
        )
    obj = validate_document(doc, model)
    assert isinstance(obj, Checklist | Routes | Directory | Guide)
    _check_references(doc, obj)
    return obj


def _load_validated(raw: bytes, path: str) -> tuple[Document, Loaded]:
    """Read, check and validate ``raw`` once per process (by SHA-256).

    The data is built with libyaml's parser first; if anything is wrong, the file
    is read again with the pure-Python parser, whose reading the round-trip
    positions describe, and that reading's problems are the ones reported, at
    PATH:LINE:COL exactly as without the fast path.
    """
    key = hashlib.sha256(raw).hexdigest()
    with _VALIDATED_LOCK:
        hit = _VALIDATED.get(key)
        if hit is not None:
            _VALIDATED.move_to_end(key)
    if hit is not None:
        data, obj = hit
        return Document(path, data, raw, decode(raw, path)), obj
    doc = parse_yaml(raw, path, fast=True)
    try:
        obj = validate_any(doc)
    except ChecklistError:
        doc = parse_yaml(raw, path)
        obj = validate_any(doc)
    with _VALIDATED_LOCK:
        _VALIDATED[key] = (doc.data, obj)
        while len(_VALIDATED) > _VALIDATED_MAX:
            _VALIDATED.popitem(last=False)
    return doc, obj


def cached_checklist(sha256: str) -> Checklist | None:
    """The checklist whose text has this SHA-256, when this process has loaded
    and checked it already (nothing is read); None otherwise."""
    with _VALIDATED_LOCK:
        hit = _VALIDATED.get(sha256)
    if hit is None or not isinstance(hit[1], Checklist):
        return None
    return hit[1]


def clear_cache() -> None:
    """Forget every validated file (tests and benchmarks measure a cold load)."""
    with _VALIDATED_LOCK:
        _VALIDATED.clear()


def load_any(path: str | Path) -> tuple[Document, Loaded]:
    """Load a checklist, routes or directory file, chosen by its ``kind`` key.

    Structural errors and reference errors (unknown ids in conditions and
    rules, duplicate ids) are raised together as :class:`ChecklistError`.
    """
    return _load_validated(read_bytes(path), str(path))


def load_checklist(path: str | Path) -> Checklist:
    """Load and check one checklist file."""
    return _of_kind(path, Checklist, "checklist")


def load_checklist_bytes(raw: bytes, name: str = "<stored checklist>") -> Checklist:
    """Load a checklist from its text, e.g. the copy kept with a screening.

    Cached by content with every other way in: reopening screenings answered
    under the same text, or under an installed file, parses it once per process.
    """
    return _text_as(raw, name, Checklist)


def load_routes(path: str | Path) -> Routes:
    return _of_kind(path, Routes, "routes")


def load_routes_bytes(raw: bytes, name: str = "<stored routes>") -> Routes:
    """Load a routes file from its text, e.g. the copy pinned with a screening."""
    return _text_as(raw, name, Routes)


def load_directory(path: str | Path) -> Directory:
    return _of_kind(path, Directory, "directory")


K = TypeVar("K", Checklist, Routes, Directory)


def _of_kind(path: str | Path, model: type[K], kind: str) -> K:
    """The file at ``path``, which must be of this ``kind``."""
    _doc, obj = load_any(path)
    if not isinstance(obj, model):
        raise ChecklistError([Problem(str(path), 1, 1, f"expected 'kind: {kind}'")])
    return obj


def _text_as(raw: bytes, name: str, model: type[K]) -> K:
    """A stored text read as ``model`` (cached with every other way in); a text
    that is not one gets that model's own errors, located."""
    try:
        _doc, obj = _load_validated(raw, name)
    except ChecklistError:
        obj = None
    if isinstance(obj, model):
        return obj
    doc = parse_yaml(raw, name)
    checked = validate_document(doc, model)
    _check_references(doc, checked)
    return checked


def _check_references(doc: Document, obj: Loaded) -> None:
    """Raise the reference errors (unknown ids, duplicates) of a validated file."""
    if isinstance(obj, Guide):
        from idcheck.checklist import guide_model

        found = guide_model.reference_problems(doc, obj)
    else:
        from idcheck.checklist.references import reference_problems

        found = reference_problems(doc, obj)
    problems = [p for p in found if p.severity == "error"]
    if problems:
        raise ChecklistError(problems)
