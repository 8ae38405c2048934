"""The fast reading (libyaml's parser) and the located one (the pure-Python parser
that the round-trip positions describe) give the same models, and every way of
loading a checklist shares one cache of validated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcheck.checklist import (
    ChecklistError,
    bundled_root,
    entries,
    load_any,
    load_checklist_bytes,
    load_entry,
    load_routes_bytes,
)
from idcheck.checklist import document as reading
from idcheck.checklist.document import fast_data
from idcheck.checklist.loader import clear_cache, parse_yaml, validate_any

DATA = Path(__file__).parent / "data"
FILES = [e.path for e in entries(bundled_root())] + sorted(DATA.glob("*.yaml"))


def test_libyaml_is_there() -> None:
    """Without ruamel.yaml.clib every load takes the slow path; the package requires it."""
    assert reading.CParser is not None


@pytest.mark.parametrize("entry", entries(bundled_root()), ids=lambda e: e.ref)
def test_bundled_files_take_the_fast_reading(entry) -> None:
    assert fast_data(entry.path.read_text(encoding="utf-8")) is not None


def test_where_libyaml_reads_otherwise_the_located_reading_is_used() -> None:
    """libyaml refuses ``{en: Alone?, nb: Alene?}`` (a plain scalar ending in '?' in a
    flow mapping) that the YAML 1.2 parser reads: the file still loads."""
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    assert "{en: Alone?, nb: Alene?}" in text
    assert fast_data(text) is None
    assert parse_yaml(text.encode(), "m", fast=True).data == parse_yaml(text.encode(), "m").data


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_and_located_readings_give_the_same_model(path: Path) -> None:
    raw = path.read_bytes()
    fast = parse_yaml(raw, str(path), fast=True)
    located = parse_yaml(raw, str(path))
    assert fast.data == located.data
    assert validate_any(fast) == validate_any(located)


def test_every_way_in_shares_one_validated_copy() -> None:
    clear_cache()
    by_entry = {e.ref: load_entry(e) for e in entries(bundled_root())}
    for e in entries(bundled_root()):
        raw = e.path.read_bytes()
        stored = (
            load_checklist_bytes(raw)
            if by_entry[e.ref].kind == "checklist"
            else load_routes_bytes(raw)
        )
        assert stored is by_entry[e.ref], f"{e.ref} was parsed again"
        assert load_any(e.path)[1] is by_entry[e.ref]


def test_a_copy_elsewhere_with_the_same_bytes_is_not_parsed_again(tmp_path: Path) -> None:
    clear_cache()
    entry = next(e for e in entries(bundled_root()) if e.id == "intake-screen")
    first = load_entry(entry)
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(entry.path.read_bytes())
    assert load_any(copy)[1] is first
    copy.write_bytes(entry.path.read_bytes() + b"\n# edited\n")
    assert load_any(copy)[1] is not first
    assert load_any(copy)[1] == first


def test_an_invalid_text_is_not_cached_and_reports_its_position_each_time(
    write_checklist,
) -> None:
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    bad = write_checklist(text.replace("id: tiny", "id: Tiny!", 1))
    for _ in range(2):
        with pytest.raises(ChecklistError) as info:
            load_any(bad)
        p = info.value.problems[0]
        assert (p.path, p.line) == (str(bad), 1 + text[: text.index("id: tiny")].count("\n"))
        with pytest.raises(ChecklistError) as again:
            load_checklist_bytes(bad.read_bytes(), str(bad))
        assert [str(q) for q in again.value.problems] == [str(q) for q in info.value.problems]


def test_a_routes_text_given_as_a_checklist_is_refused_located() -> None:
    routes = next(e for e in entries(bundled_root()) if e.id.startswith("routes-"))
    with pytest.raises(ChecklistError) as info:
        load_checklist_bytes(routes.path.read_bytes(), "pinned")
    assert all(p.path == "pinned" and p.line >= 1 for p in info.value.problems)


EVENT_FILES = FILES + sorted(
    Path(__file__).resolve().parents[2].glob("src/idcheck/training/cases/*.yaml")
)


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_the_data_built_from_the_first_pass_is_the_safe_loaders(path: Path) -> None:
    """The data built from the bounded first pass's own events (no second read)
    is the safe loader's, value for value and type for type."""
    from idcheck.checklist.event_data import DataBuilder

    text = reading.decode(path.read_bytes(), str(path))
    builder = DataBuilder()
    try:
        bad = reading._check_events(text, str(path), reading.MAX_EVENTS, builder)
    except ChecklistError:
        return
    expected = fast_data(text)
    if bad is not None or builder.gave_up or expected is None:
        return  # refused, or left to the full loader (which the other tests cover)
    assert repr(builder.data) == repr(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb: 0x1f\nc: 1_000\nd: -2.5e3\ne: .inf\n",
            {"a": 1, "b": 31, "c": 1000, "d": -2500.0, "e": float("inf")},
        ),
        (
            "a: true\nb: no\nc: ~\nd: null\ne: 'true'\nf: 2011-13-05\ng:\n",
            {"a": True, "b": "no", "c": None, "d": None, "e": "true", "f": "2011-13-05", "g": None},
        ),
        ("a: &x [1, {b: c}]\nd: *x\n", {"a": [1, {"b": "c"}], "d": [1, {"b": "c"}]}),
        ("a: |\n  two\n  lines\nb: >\n  folded\n", {"a": "two\nlines\n", "b": "folded\n"}),
    ],
)
def test_scalars_are_resolved_as_yaml_1_2(text: str, expected: dict) -> None:
    from idcheck.checklist.event_data import DataBuilder

    builder = DataBuilder()
    assert reading._check_events(text, "t.yaml", reading.MAX_EVENTS, builder) is None
    assert not builder.gave_up
    assert repr(builder.data) == repr(expected) == repr(fast_data(text))


@pytest.mark.parametrize(
    "text", ["a: 1\na: 2\n", "<<: {a: 1}\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "? [a]\n: 1\n"]
)
def test_what_the_builder_leaves_goes_to_the_full_loader(text: str) -> None:
    """A duplicate key, a merge key, a YAML 1.1 document, a collection as a key:
    the builder gives up and the file is read as before (a duplicate key is a
    located error)."""
    from idcheck.checklist.event_data import DataBuilder

    builder = DataBuilder()
    reading._check_events(text, "t.yaml", reading.MAX_EVENTS, builder)
    assert builder.gave_up
    if text.startswith("a: 1\na: 2"):
        with pytest.raises(ChecklistError, match="duplicate key 'a'"):
            parse_yaml(text.encode(), "t.yaml", fast=True)
