"""The audit trail covers content, and ``db verify`` checks what protects it.

Each case is an attack that got through before: someone who can unlock the store
drops the triggers that keep completed screenings read-only and edits an answer
(the chain held ids only, so it still verified); empties the trail (it verified
as "ok, 1 rows", the verify's own unlock row); and ``db verify`` wrote its unlock
and lock rows into a file it had just found damaged.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.paths import DB_NAME
from idcheck.store import AnswerContext, CaseDetails, Decision, Store, verify_store
from idcheck.store.database import expected_triggers, head_revision

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
WORDS = "He said I must pay back the trip first."


@pytest.fixture(scope="module")
def intake() -> tuple[object, bytes, str]:
    text = find("intake-screen").path.read_bytes()
    return load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, intake) -> tuple[Path, int, int]:
    """A store with one completed screening (answers with full context, a
    decision) and one draft; returns its folder and the two screening ids."""
    checklist, text, sha = intake
    path = tmp_path_factory.mktemp("audit") / "store"
    store, _ = new_store(path)
    store.add_user("ben", "worker password 1")  # user 2
    cid = store.create_case(CaseDetails(reference="2026-041"))
    sid = store.start_screening(cid, checklist, text, sha)
    store.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(
            source="child-said",
            worker_note="Looked at the man before answering.",
            child_words=WORDS,
            language="en",
            interpreter_present=True,
            interpreter="Phone interpreter 4411",
            read_back=True,
        ),
    )
    store.record_answer(sid, "documents-held", Answer(value="no"))
    store.record_decision(sid, Decision("full-screening", ("signs-recorded",), "full-screening"))
    store.complete_screening(sid)
    draft = store.start_screening(cid, checklist, text, sha)
    store.record_answer(draft, "debt", Answer(value="unsure"))
    store.lock()
    (path / "idcheck.lock").unlink()
    return path, sid, draft


@pytest.fixture
def data_dir(template, tmp_path: Path) -> Path:
    shutil.copytree(template[0], tmp_path / "store")
    return tmp_path / "store"


def raw_sql(data_dir: Path, *statements: str, params: tuple = ()) -> None:
    """What someone who unlocks the store can do outside idcheck: drop the
    protecting triggers and change rows (through the store's own connection,
    which is the same SQLCipher file and key)."""
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        with s.engine.begin() as conn:
            for st in statements:
                conn.exec_driver_sql(st, params if "?" in st else ())
    finally:
        s.lock()


DROP = (
    "DROP TRIGGER answers_no_update",
    "DROP TRIGGER screenings_completed_no_update",
)


def idcheck(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    pw = data_dir.parent / "pw"
    pw.write_text(PASSWORD + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(data_dir),
            *args,
            "--user",
            "anna",
            "--password-file",
            str(pw),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# ------------------------------------------------------------ content in the chain


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("value", "'\"no\"'"),
        ("status", "'declined'"),
        ("source", "'observed'"),
        ("worker_note", "'nothing to note'"),
        ("child_words", "'I owe nothing.'"),
        ("language", "'nb'"),
        ("interpreter_present", "0"),
        ("interpreter", "NULL"),
        ("read_back", "0"),
        ("answered_by", "2"),
        ("answered_at", "answered_at - 86400"),
    ],
)
def test_an_edited_completed_answer_is_found_and_its_screening_named(
    data_dir, template, column, value
):
    _, sid, _ = template
    raw_sql(
        data_dir,
        *DROP,
        f"UPDATE answers SET {column} = {value} WHERE item_id = 'debt' AND screening_id = {sid}",
    )
    result = verify_store(data_dir, "anna", PASSWORD)
    assert not result.ok
    assert sid in result.altered_screenings
    assert any(
        f"screening {sid} (completed at row" in m and "changed after it was completed" in m
        for m in result.messages
    ), result.messages


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("decision_outcome", "'immediate-protection'"),
        ("decision_reasons", "'changed my mind'"),
        ("suggested_outcome", "'no-indicators'"),
        ("fired_rules", "'[]'"),
        ("completed_at", "completed_at + 3600"),
        ("decided_by", "2"),
        ("status", "'draft'"),  # (no longer hashed with the completed ones: on its own)
    ],
)
def test_an_edited_decision_is_found(data_dir, template, column, value):
    _, sid, _ = template
    raw_sql(data_dir, *DROP, f"UPDATE screenings SET {column} = {value} WHERE id = {sid}")
    result = verify_store(data_dir, "anna", PASSWORD)
    assert not result.ok and sid in result.altered_screenings, result.messages


def test_a_removed_or_added_answer_is_found(data_dir, template):
    _, sid, _ = template
    raw_sql(
        data_dir,
        "DROP TRIGGER answers_completed_no_delete",
        f"DELETE FROM answers WHERE screening_id = {sid} AND item_id = 'documents-held'",
    )
    assert sid in verify_store(data_dir, "anna", PASSWORD).altered_screenings
    raw_sql(
        data_dir,
        "DROP TRIGGER answers_completed_no_insert",
        "INSERT INTO answers (screening_id, item_id, status, value, answered_by, answered_at)"
        f" VALUES ({sid}, 'fear-threats', 'answered', '\"yes\"', 1, 0)",
    )
    assert sid in verify_store(data_dir, "anna", PASSWORD).altered_screenings


def test_the_command_names_the_screening_and_fails(data_dir, template):
    _, sid, _ = template
    raw_sql(
        data_dir, *DROP, f"UPDATE answers SET child_words = 'nothing' WHERE screening_id = {sid}"
    )
    r = idcheck(data_dir, "db", "verify")
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"content: screening {sid} (completed at row" in r.stdout
    assert "trigger answers_no_update is missing" in r.stdout


def test_a_draft_marked_completed_behind_idcheck_is_found(data_dir, template):
    _, _, draft = template
    raw_sql(data_dir, f"UPDATE screenings SET status = 'completed' WHERE id = {draft}")
    result = verify_store(data_dir, "anna", PASSWORD)
    assert not result.ok and draft in result.altered_screenings, result.messages


def test_an_untouched_store_verifies_with_content_covered_from_its_creation(data_dir):
    result = verify_store(data_dir, "anna", PASSWORD)
    assert result.ok, result.messages
    assert result.content_from == 1
    assert any(m.startswith("content covered from row 1: 1 completed") for m in result.messages)


def test_an_amendment_and_retention_keep_verifying(data_dir, template, intake):
    _, sid, _ = template
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        new = s.amend_screening(sid)
        s.record_answer(new, "debt", Answer(value="no"))
        s.record_decision(new, Decision("full-screening", (), "full-screening"))
        s.complete_screening(new)
        case_id = s.get_screening(new).case_id
        assert s.verify().ok
        s.close_case(case_id)
        s.set_setting("retention_years", "1")
        assert s.apply_retention(now=4e9) == [case_id]
        result = s.verify()
    finally:
        s.lock()
    # The completed screenings are gone with their case: retention's row after
    # their completion rows says why; the trail still verifies.
    assert result.ok, result.messages


def test_a_screening_deleted_behind_idcheck_is_found(data_dir, template):
    _, sid, _ = template
    raw_sql(
        data_dir,
        "DROP TRIGGER answers_completed_no_delete",
        "DROP TRIGGER screenings_completed_no_delete",
        "DROP TRIGGER pinned_documents_no_delete",
        f"DELETE FROM pinned_documents WHERE screening_id = {sid}",
        f"DELETE FROM answers WHERE screening_id = {sid}",
        f"DELETE FROM screenings WHERE id = {sid}",
    )
    result = verify_store(data_dir, "anna", PASSWORD)
    assert not result.ok
    assert any(
        f"screening {sid} (completed at row" in m and "missing" in m for m in result.messages
    ), result.messages


# ------------------------------------------------------------------- the triggers


def test_every_protecting_trigger_is_checked(data_dir):
    names = sorted(expected_triggers(head_revision()))
    assert len(names) >= 11  # 0001's eight and 0004's three
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        for name in names:
            with s.engine.begin() as conn:
                sql = conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
                ).scalar()
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
            result = s.verify()
            assert not result.ok
            assert any(f"trigger {name} is missing" in m for m in result.messages), name
            with s.engine.begin() as conn:
                conn.exec_driver_sql(sql)
        assert s.verify().ok
    finally:
        s.lock()


def test_a_disarmed_or_extra_trigger_is_found(data_dir):
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        with s.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER audit_no_delete")
            conn.exec_driver_sql(
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 "
                "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER quiet AFTER INSERT ON answers BEGIN "
                "UPDATE cases SET notes = NULL; END"
            )
        result = s.verify()
    finally:
        s.lock()
    assert not result.ok
    text = "\n".join(result.messages)
    assert "trigger audit_no_delete was changed" in text
    assert "trigger quiet is not one of idcheck's" in text


# ------------------------------------------------------------- an emptied trail


def test_an_emptied_trail_does_not_verify(data_dir):
    raw_sql(data_dir, "DROP TRIGGER audit_no_delete", "DELETE FROM audit")
    # (the raw_sql's own lock row is now row 1)
    result = verify_store(data_dir, "anna", PASSWORD)
    assert not result.ok
    assert any("broken at row 1" in m for m in result.messages), result.messages
    r = idcheck(data_dir, "db", "verify")
    assert r.returncode == 1 and "broken at row 1" in r.stdout


def test_an_empty_trail_is_refused_with_or_without_an_anchor(data_dir):
    s = Store.open(data_dir, "anna", PASSWORD)
    head = s.audit_head()
    try:
        with s.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER audit_no_delete")
            conn.exec_driver_sql("DELETE FROM audit")
        # Deliberate: the store keeps the trail's head in memory to chain the next
        # row; with the trail deleted behind its back (no public call does that)
        # the remembered head is forgotten, as a store opened now would have none.
        s._head = None
        plain = s.verify()
        anchored = s.verify(str(head))
    finally:
        s._settled = False  # the lock row would start a new trail (the same reason)
        s.lock()
    assert not plain.ok and any("the trail is empty" in m for m in plain.messages)
    assert not anchored.ok


def test_an_unanchored_verify_says_what_it_cannot_prove(data_dir):
    r = idcheck(data_dir, "db", "verify")
    assert r.returncode == 0, r.stderr
    assert "without an anchor" in r.stdout and "--anchor SEQ:HASH" in r.stdout


def test_the_anchor_printed_on_a_referral_is_checked(data_dir, template, tmp_path):
    _, sid, _ = template
    pdf = tmp_path / "referral.pdf"
    r = idcheck(data_dir, "report", str(sid), "--out", str(pdf))
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    import re

    found = re.search(r"\b(\d+):([0-9a-f]{12})\b", text)
    assert found, text
    anchor = found.group(0)
    r = idcheck(data_dir, "db", "verify", "--anchor", anchor)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"anchor {anchor}: the trail reaches it" in r.stdout
    # Rows cut off after the referral was printed: the anchor shows it.
    raw_sql(
        data_dir,
        "DROP TRIGGER audit_no_delete",
        f"DELETE FROM audit WHERE seq >= {int(found.group(1))}",
    )
    r = idcheck(data_dir, "db", "verify", "--anchor", anchor)
    assert r.returncode == 1


# -------------------------------------------------------- a damaged file is not written


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.name.startswith(DB_NAME)
    }


def test_verifying_a_damaged_store_writes_nothing_into_it(data_dir, template):
    _, sid, _ = template
    raw_sql(data_dir, *DROP, f"UPDATE answers SET value = '\"no\"' WHERE screening_id = {sid}")
    before = _snapshot(data_dir)
    r = idcheck(data_dir, "db", "verify")
    assert r.returncode == 1
    assert _snapshot(data_dir) == before
    # A verify that finds all well does audit its unlock.
    shutil.rmtree(data_dir)
    shutil.copytree(template[0], data_dir)
    before = _snapshot(data_dir)
    assert idcheck(data_dir, "db", "verify").returncode == 0
    assert _snapshot(data_dir) != before


# ------------------------------------------------------------------ older stores


def _first_schema_builder():
    spec = importlib.util.spec_from_file_location(
        "store_conftest", ROOT / "tests" / "store" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_an_older_store_keeps_verifying_and_says_from_where_content_is_covered(tmp_path, intake):
    mod = _first_schema_builder()
    checklist, text, sha = intake
    v1 = mod.build_first_schema_store(tmp_path / "v1", mod.Bundled(checklist, text, sha))
    s = Store.open(v1.path, "anna", PASSWORD)
    try:
        result = s.verify()
        marker = result.content_from
        sid = s.start_screening(1, checklist, text, sha)
        s.record_answer(sid, "debt", Answer(value="yes"))
        s.record_decision(sid, Decision("full-screening", (), "full-screening"))
        s.complete_screening(sid)
        later = s.verify()
    finally:
        s.lock()
    assert result.ok, result.messages
    # The first-release trail has 8 rows; the upgrade's marker follows them.
    assert marker == 9
    assert any(
        m.startswith("content covered from row 9: 0 completed")
        and "1 completed before row 9 are covered by ids only" in m
        for m in result.messages
    ), result.messages
    assert later.ok and any("content covered from row 9: 1 completed" in m for m in later.messages)


@pytest.mark.parametrize(
    ("form", "one_by_one"), [("sha256:", 50), ("sha256:", 0), ("sha256r:", 50)]
)
def test_completions_hashed_in_an_earlier_form_keep_verifying(
    data_dir, intake, monkeypatch, form, one_by_one
):
    """The first release of content hashes wrote each part as JSON ("sha256:"),
    the second each part's repr with the pinned routes text in full ("sha256r:");
    such rows are still checked, edits to them and to the pinned text still found."""
    from idcheck.store import content

    # (0: the first form hashed in a pass of its own, as for a store of many)
    monkeypatch.setattr(content, "_ONE_BY_ONE", one_by_one)
    checklist, text, sha = intake
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        cid = s.create_case(CaseDetails(reference="FIRST-FORM"))
        sid = s.start_screening(cid, checklist, text, sha)
        s.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(child_words=WORDS))
        s.record_decision(sid, Decision("full-screening", (), "full-screening"))
        with monkeypatch.context() as m:
            m.setattr(content, "WRITTEN", form)
            s.complete_screening(sid)
        with s.engine.connect() as conn:
            held = conn.exec_driver_sql(
                "SELECT content FROM audit WHERE action = 'screening-completed' "
                "AND screening_id = ?",
                (sid,),
            ).scalar()
        assert held.split(":")[0] + ":" == form
        assert s.verify().ok
    finally:
        s.lock()
    other = data_dir.parent / "pinned-text-changed"
    shutil.copytree(data_dir, other)
    raw_sql(data_dir, *DROP, f"UPDATE answers SET child_words = 'x' WHERE screening_id = {sid}")
    assert sid in verify_store(data_dir, "anna", PASSWORD).altered_screenings
    raw_sql(
        other,
        "DROP TRIGGER pinned_texts_no_update",
        "UPDATE pinned_texts SET text = replace(text, 'Call', 'Ring')",
    )
    result = verify_store(other, "anna", PASSWORD)
    assert sid in result.altered_screenings
    assert any(m.startswith("pinned routes texts: changed") for m in result.messages)
