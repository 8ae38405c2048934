"""Plain data built from the YAML events the bounded first pass reads anyway.

The first pass over every file (``document._count``: tags refused, nodes and
aliases bounded) walks libyaml's events; building the data from the same events
saves reading the file a second time through ruamel.yaml's constructor and its
resolver (pure Python, most of a cold load). The scalars are resolved with
ruamel.yaml's own YAML 1.2 implicit rules and built by its own safe constructor
functions (dates left as their text), so the data is what the safe loader
builds. Anything out of the ordinary (a merge key, a duplicate or non-scalar
key, a ``%YAML`` directive, a second document) gives up: the caller then reads
the file as before.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import implicit_resolvers

_STR = "tag:yaml.org,2002:str"
#: ruamel.yaml's YAML 1.2 rules for plain scalars, in its order.
_RULES = [
    (tag, regexp, tuple(first))
    for versions, tag, regexp, first in implicit_resolvers
    if (1, 2) in versions
]
# The safe loader's own constructor (bound to its loader: YAML 1.2 rules).
#: Every first letter a rule looks at: a plain scalar starting otherwise is text.
_FIRST = frozenset(c for _tag, _regexp, chars in _RULES for c in chars)
_CONSTRUCTOR: SafeConstructor = YAML(typ="safe", pure=True).constructor
_BUILT = {
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


class GiveUp(Exception):
    """The events hold something this builder leaves to the full loader."""


def _plain(value: str) -> Any:
    first = value[:1]
    if first not in _FIRST:
        return value
    tag = _STR
    for rule, regexp, chars in _RULES:
        if first in chars and regexp.match(value):
            tag = rule
            break
    if tag == _STR:
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:timestamp":
        return value  # kept as the text written, as the loader keeps dates
    build = _BUILT.get(tag)
    if build is None:  # a merge key, '=': the full loader's business
        raise GiveUp(tag)
    return build(ScalarNode(tag, value))


class DataBuilder:
    """Given every event (:meth:`take`), ``data`` is the document's plain data."""

    def __init__(self) -> None:
        self._stack: list[list[Any] | _MapFrame] = []  # the open collections
        self._anchors: dict[str, Any] = {}
        self._open_anchors: list[str | None] = []
        self._documents = 0
        self.data: Any = None
        #: Something was left to the full loader: ``data`` means nothing.
        self.gave_up = False

    def take(self, ev: Any) -> None:
        """One event, in the order read."""
        try:
            self._feed(ev)
        except GiveUp:
            self.gave_up = True
            self.data = None

    def _feed(self, ev: Any) -> None:
        if isinstance(ev, ScalarEvent):
            # Plain (style None, or '' from libyaml) is resolved; quoted or block is text.
            value = _plain(ev.value) if not ev.style and ev.implicit[0] else ev.value
            if ev.anchor is not None:
                self._anchors[str(ev.anchor)] = value
            self._add(value)
        elif isinstance(ev, MappingStartEvent | SequenceStartEvent):
            new: Any = {} if isinstance(ev, MappingStartEvent) else []
            self._open_anchors.append(None if ev.anchor is None else str(ev.anchor))
            if ev.anchor is not None:
                self._anchors[str(ev.anchor)] = new
            self._add(new)
            self._stack.append(_MapFrame(new) if isinstance(new, dict) else new)
        elif isinstance(ev, MappingEndEvent | SequenceEndEvent):
            self._stack.pop()
            self._open_anchors.pop()
        elif isinstance(ev, AliasEvent):
            anchor = str(ev.anchor)
            if anchor not in self._anchors or anchor in self._open_anchors:
                raise GiveUp("alias")  # unknown, or recursive
            self._add(self._anchors[anchor])
        elif isinstance(ev, DocumentStartEvent):
            self._documents += 1
            if self._documents > 1 or getattr(ev, "version", None) is not None:
                raise GiveUp("document")
        elif not isinstance(ev, StreamStartEvent):
            return  # document and stream ends

    def _add(self, value: Any) -> None:
        if not self._stack:
            self.data = value
            return
        top = self._stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif top.key is _NO_KEY:
            if isinstance(value, dict | list) or value in top.mapping:
                raise GiveUp("key")  # a collection as a key, or a duplicate
            top.key = value
        else:
            top.mapping[top.key] = value
            top.key = _NO_KEY


class _NoKey:
    pass


_NO_KEY = _NoKey()


class _MapFrame:
    """An open mapping and the key waiting for its value."""

    __slots__ = ("key", "mapping")

    def __init__(self, mapping: dict[Any, Any]) -> None:
        self.mapping = mapping
        self.key: Any = _NO_KEY
