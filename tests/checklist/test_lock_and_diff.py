"""Published versions never change (the lock), and diff shows what a new one changes."""

from __future__ import annotations

from pathlib import Path

from idcheck.checklist import bundled_root, load_checklist
from idcheck.checklist.diff import diff_checklists
from idcheck.checklist.lock import check_lock, read_lock, write_lock
from idcheck.cli import main

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def test_bundled_checklists_match_the_lock():
    assert check_lock(bundled_root()) == []


def test_cli_lock_check_passes_on_the_bundled_checklists():
    assert main(["checklist", "lock", "--check"]) == 0


def test_lock_detects_a_changed_published_file(write_checklist, tmp_path):
    path = write_checklist()
    write_lock(tmp_path)
    assert check_lock(tmp_path) == []
    assert list(read_lock(tmp_path)) == ["tiny/1.0.0.yaml"]
    path.write_bytes(path.read_bytes().replace(b"Moved often", b"Moved often!"))
    [msg] = check_lock(tmp_path)
    assert msg.startswith("tiny/1.0.0.yaml: changed since it was published")
    assert main(["checklist", "lock", "--check", "--root", str(tmp_path)]) == 1


def test_lock_detects_missing_and_unlisted_files(write_checklist, tmp_path):
    path = write_checklist()
    write_lock(tmp_path)
    write_checklist(MINIMAL.replace('version: "1.0.0"', 'version: "1.1.0"'), version="1.1.0")
    assert check_lock(tmp_path) == [
        "tiny/1.1.0.yaml: not in checklists.lock; run `idcheck checklist lock` to publish it"
    ]
    path.unlink()
    assert "tiny/1.0.0.yaml: listed in checklists.lock but missing" in check_lock(tmp_path)


def test_no_lock_file_is_a_failure(write_checklist, tmp_path):
    write_checklist()
    problems = check_lock(tmp_path)
    assert any("no lock file" in p for p in problems)


def test_diff_shows_added_removed_reworded_and_changed_rules(write_checklist, tmp_path, capsys):
    old = load_checklist(write_checklist())
    new_text = (
        MINIMAL.replace('version: "1.0.0"', 'version: "1.1.0"')
        .replace("nb: Flyttet ofte}", "nb: Har flyttet ofte}")
        .replace("strength: medium", "strength: strong")
        .replace('when: {answer: moved, is: "yes"}', 'when: {answer: moved, in: ["yes", "unsure"]}')
        .replace(
            "outcomes:\n",
            "      - id: debt\n        kind: indicator\n        dimension: movement\n"
            "        strength: strong\n        verification: unverified\n"
            "        text: {en: Debt, nb: Gjeld}\n        sources: [{ref: src}]\n"
            "outcomes:\n",
        )
    )
    new = load_checklist(write_checklist(new_text, version="1.1.0"))
    d = diff_checklists(old, new)
    assert d.added_items == ["debt"]
    assert d.removed_items == []
    assert d.changed_items == {"moved": ["text reworded [nb]", "strength: medium -> strong"]}
    assert d.changed_rules == {"moved-rule": ["condition changed"]}
    text = d.render(old.ref, new.ref)
    assert "+ item debt" in text and "~ rule moved-rule: condition changed" in text
    assert main(["checklist", "diff", "tiny", "1.0.0", "1.1.0", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == text
    assert main(["checklist", "diff", "tiny", "1.0.0", "9.0.0", "--root", str(tmp_path)]) == 2
