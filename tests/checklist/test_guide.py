"""The offline guide's file: it loads like a checklist, its errors are located,
and every link from a checklist item to a guide section resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcheck.checklist import ChecklistError, bundled_root, find, load_bundled
from idcheck.checklist import guide as guide_api
from idcheck.checklist.lint import lint_paths
from idcheck.choices import JURISDICTIONS
from idcheck.cli import main

BUNDLED = guide_api.bundled_guide_path()
TEXT = BUNDLED.read_text(encoding="utf-8")
TOPICS = (
    "first-hour",
    "first-24-hours",
    "childs-rights",
    "age-disputes",
    "interpreters",
    "adult-and-child-words",
    "reading-behaviour",
    "going-missing",
)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def write(tmp_path: Path, text: str, version: str = "1.0.0") -> Path:
    folder = tmp_path / "idcheck-guide"
    folder.mkdir(exist_ok=True)
    path = folder / f"{version}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_guide_covers_the_topics_and_every_jurisdiction():
    g = guide_api.bundled_guide()
    ids = [s.id for s in g.sections]
    for topic in TOPICS:
        assert topic in ids
    for code in JURISDICTIONS:
        own = [s for s in guide_api.for_site(g, code) if s.jurisdictions]
        assert [s.jurisdictions for s in own] == [[code]], code
    # A site not set up yet sees every section.
    assert len(guide_api.for_site(g, None)) == len(g.sections)


def test_every_section_cites_its_sources_in_both_languages():
    g = guide_api.bundled_guide()
    for s in g.sections:
        cited = guide_api.citations(g, s)
        assert cited and len(cited) == len(s.sources), s.id
        for lang in ("en", "nb"):
            assert s.title_in(lang) and s.body_in(lang), (s.id, lang)
        assert s.body_in("en") != s.body_in("nb"), s.id
    assert g.languages["nb"].status == "draft"
    assert "fagperson" in guide_api.review_note(g, "nb")


def test_the_guide_never_calls_a_child_a_victim():
    lowered = TEXT.lower()
    for phrase in ("is a victim", "er et offer", "the victim is"):
        assert phrase not in lowered


def test_item_links_resolve_and_are_found_from_the_item():
    g = guide_api.bundled_guide()
    checklists = {c: load_bundled(c) for c in ("intake-screen", "child-trafficking-full")}
    links = 0
    for s in g.sections:
        for cid, items in s.items.items():
            for item in items:
                checklists[cid].item(item)  # KeyError if dangling
                assert s in guide_api.sections_for_item(g, cid, item)
                links += 1
    assert links >= 40
    assert [s.id for s in guide_api.sections_for_item(g, "intake-screen", "danger-missing")] == [
        "first-hour",
        "going-missing",
    ]


def test_bundled_files_lint_clean_with_the_guide():
    problems = lint_paths([bundled_root()])
    assert problems == [], "\n".join(map(str, problems))


def test_blocks_keep_line_breaks_bullets_and_headings():
    body = "## Now\nFirst line\nsecond line\n\n- a bullet\n  that goes on\n- another\nAfter."
    assert guide_api.blocks(body) == [
        guide_api.Block("heading", "Now"),
        guide_api.Block("paragraph", "First line\nsecond line"),
        guide_api.Block("bullet", "a bullet that goes on"),
        guide_api.Block("bullet", "another"),
        guide_api.Block("paragraph", "After."),
    ]


def test_search_folds_case_and_letters():
    g = guide_api.bundled_guide()
    assert guide_api.search(g, "TOLK", "nb")[0].id == "interpreters"
    assert "going-missing" in [s.id for s in guide_api.search(g, "forsvinner", "nb")]
    assert guide_api.search(g, "aldersvurdering", "nb")[0].id == "age-disputes"
    assert guide_api.search(g, "no-such-word-anywhere", "en") == []


def test_a_missing_body_is_located_with_what_was_expected(tmp_path):
    text = TEXT.replace(
        "    body:\n      en: |\n        The first hour is about",
        "    notbody:\n      en: |\n        The first hour is about",
        1,
    )
    path = write(tmp_path, text)
    with pytest.raises(ChecklistError) as e:
        guide_api.load_guide(path)
    messages = [str(p) for p in e.value.problems]
    assert f"{path}:{line_of(text, 'notbody:')}:5: unknown key 'notbody'" in messages
    assert any(
        m.endswith("missing required key 'body'") and m.startswith(f"{path}:") for m in messages
    )


def test_an_unknown_source_and_jurisdiction_are_located(tmp_path):
    text = TEXT.replace("{ref: politiet-kom}", "{ref: no-such-source}").replace(
        "jurisdictions: [GB-SCT]", "jurisdictions: [GB-XX]"
    )
    path = write(tmp_path, text)
    with pytest.raises(ChecklistError) as e:
        guide_api.load_guide(path)
    got = {(p.line, p.message) for p in e.value.problems}
    assert (
        line_of(text, "jurisdictions: [GB-XX]"),
        "'jurisdictions': unknown jurisdiction 'GB-XX'; expected one of NO, GB-EAW, GB-SCT, GB-NIR",
    ) in got


def test_an_unknown_source_is_located(tmp_path):
    text = TEXT.replace("{ref: politiet-kom}", "{ref: no-such-source}")
    path = write(tmp_path, text)
    with pytest.raises(ChecklistError) as e:
        guide_api.load_guide(path)
    [p] = e.value.problems
    assert (p.path, p.line) == (str(path), line_of(text, "{ref: no-such-source}"))
    assert p.message == "unknown source 'no-such-source'; expected one of the file's sources"


def test_a_yaml_syntax_error_is_one_located_line(tmp_path):
    text = TEXT.replace('version: "1.0.0"', 'version: "1.0.0', 1)
    path = write(tmp_path, text)
    with pytest.raises(ChecklistError) as e:
        guide_api.load_guide(path)
    [p] = e.value.problems
    assert p.path == str(path) and p.line >= line_of(text, 'version: "1.0.0')


def test_lint_reports_a_dangling_link_with_file_line_and_column(tmp_path, capsys):
    text = TEXT.replace(
        "intake-screen: [claimed-age, age-doubt, documents-held]",
        "intake-screen: [claimed-age, age-doubtful, documents-held]",
    ).replace("child-trafficking-full: [threatened-with", "no-such-checklist: [threatened-with")
    path = write(tmp_path, text)
    assert main(["checklist", "lint", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    line = line_of(text, "age-doubtful")
    col = text.splitlines()[line - 1].index("age-doubtful") + 1
    assert (
        f"{path}:{line}:{col}: section 'age-disputes' links to item 'age-doubtful', which is "
        f"not in {find('intake-screen').ref}; expected one of its item ids"
    ) in out  # the newest version, which the link is checked against
    line = line_of(text, "no-such-checklist:")
    assert any(
        o.startswith(
            f"{path}:{line}:7: section 'childs-rights' links to checklist 'no-such-checklist'"
        )
        for o in out
    )


def test_a_missing_language_and_a_misplaced_file_are_linted(tmp_path):
    text = TEXT.replace('      nb: "Den første timen"\n', "", 1)
    path = write(tmp_path, text, version="1.0.1")
    messages = [(p.line, p.message) for p in lint_paths([path])]
    assert (
        line_of(text, '      en: "The first hour"') - 1,
        "'title' has no text for declared language(s) nb",
    ) in messages
    assert any("does not match the file name '1.0.1.yaml'" in m for _l, m in messages)
