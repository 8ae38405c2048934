"""The operations layer: slow calls off the UI thread, results back on it."""

from __future__ import annotations

import errno
import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from tests.conftest import new_store

from idcheck.gui import ops
from idcheck.gui.session import Messages, Session, run_async
from idcheck.store import CaseDetails


def test_the_result_comes_back_on_the_ui_thread_and_the_call_ran_off_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    ui = QApplication.instance().thread()
    called_on, results, handled_on = [], [], []

    def done(result):
        results.append(result)
        handled_on.append(QThread.currentThread())

    op = run_async(
        parent,
        "working",
        lambda: called_on.append(QThread.currentThread()) or 42,
        done,
        lambda e: None,
    )
    op.wait()
    assert results == [42]
    assert called_on[0] is not ui  # the call ran off the UI thread…
    assert handled_on == [ui]  # …and its result was handled on it


def test_an_error_is_handed_to_the_ui_thread(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def fail():
        raise OSError("No space left on device")

    run_async(parent, "working", fail, lambda r: None, errors.append).wait()
    assert [str(e) for e in errors] == ["No space left on device"]


def test_no_cycle_collection_runs_while_a_worker_runs(qtbot):
    """A collection in a worker could destroy a widget off its thread (a crash):
    the collector is off from the start of a call until its result is handled."""
    parent = QWidget()
    qtbot.addWidget(parent)
    started, go, seen = threading.Event(), threading.Event(), []

    def work():
        started.set()
        go.wait(10)
        seen.append(gc.isenabled())

    assert gc.isenabled()
    op = run_async(parent, "working", work, lambda r: seen.append(gc.isenabled()), lambda e: None)
    assert started.wait(10)
    assert not gc.isenabled()
    go.set()
    op.wait()
    assert seen == [False, False] and gc.isenabled()


# ------------------------------------------------------------------ Session and named operations


class Said(Messages):
    def __init__(self):
        self.errors: list[str] = []

    def error(self, parent, title, text):
        self.errors.append(text)


@pytest.fixture
def session(qtbot, tmp_path):
    store, _ = new_store(tmp_path / "store")
    parent = QWidget()
    qtbot.addWidget(parent)
    s = Session(store, Said(), parent)
    yield s
    if s.is_open:
        s.close()


def test_a_named_operation_changes_the_store_and_says_what_changed(session):
    seen = []
    session.changed.connect(seen.append)
    case_id = session.run(ops.create_case(CaseDetails(reference="OPS-1")))
    assert [r.id for r in session.run(ops.list_cases())] == [case_id]
    assert seen == [ops.Changes(cases=True)]
    session.run(ops.list_cases())  # a query changes nothing: nothing is announced
    assert seen == [ops.Changes(cases=True)]


def test_an_expected_error_of_each_kind_is_one_message_and_announces_nothing(session, tmp_path):
    from idcheck.checklist import ChecklistError, load_directory
    from idcheck.report import MissingFont

    seen = []
    session.changed.connect(seen.append)
    session.run(ops.create_case(CaseDetails(reference="OPS-1")))
    seen.clear()

    def raising(error):
        def fn(_store):
            raise error

        return ops.Op("test", fn, ops.Changes(cases=True))

    bad = tmp_path / "directory.yaml"
    bad.write_text("contacts: [unclosed\n")
    with pytest.raises(ChecklistError) as checklist_error:
        load_directory(bad)
    cases = [
        (ops.create_case(CaseDetails(reference="OPS-1")), "Not saved: a case with reference "),
        (raising(checklist_error.value), "The file could not be read; nothing was changed:\n"),
        (raising(MissingFont("install fonts-noto-core")), "The document cannot be made: "),
        (raising(OSError(errno.ENOSPC, "No space left on device")), "The disk is full: "),
        (raising(OSError(errno.EROFS, "Read-only file system")), "That folder cannot be written"),
        (raising(OSError(errno.EIO, "Input/output error")), "The file could not be written: "),
    ]
    said = []
    for op, start in cases:
        session.messages.errors.clear()
        assert session.run(op) is None
        assert len(session.messages.errors) == 1 and session.messages.errors[0].startswith(start)
        said.append(session.messages.errors[0])
    assert (
        f"{bad}:2:1: not valid YAML" in said[1]
    )  # the checklist's own words: the file, line and column
    assert said[2].endswith("install fonts-noto-core")  # what to install
    assert seen == []
    assert [r.reference for r in session.run(ops.list_cases())] == ["OPS-1"]


def test_an_unexpected_error_is_not_hidden_behind_a_message(session):
    def defect(_store):
        raise KeyError("a defect")

    with pytest.raises(KeyError):
        session.run(ops.Op("defect", defect))
    assert session.messages.errors == []


def test_an_operation_that_can_take_long_runs_only_off_the_ui_thread(qtbot, session, tmp_path):
    ui = QApplication.instance().thread()
    op = ops.backup(tmp_path / "b.idcheck-backup")
    assert op.slow
    with pytest.raises(ValueError):
        session.run(op)
    called_on, handled_on = [], []
    slow = ops.Op(
        "slow",
        lambda s: called_on.append(QThread.currentThread()) or op.fn(s),
        ops.Changes(settings=True),
        "Writing the backup…",
    )
    session.changed.connect(lambda _c: handled_on.append(("changed", QThread.currentThread())))
    running = session.start(slow, on_done=lambda p: handled_on.append((p, QThread.currentThread())))
    running.wait()
    assert called_on[0] is not ui
    assert handled_on == [("changed", ui), (tmp_path / "b.idcheck-backup", ui)]
    assert (tmp_path / "b.idcheck-backup").exists()


def test_a_slow_operation_failing_is_a_message_on_the_ui_thread(session, tmp_path):
    missing = tmp_path / "no-such-folder" / "b.idcheck-backup"
    done, failed = [], []
    session.start(
        ops.backup(missing),
        on_done=done.append,
        on_failed=lambda: failed.append(len(session.messages.errors)),
    ).wait()
    assert done == [] and len(session.messages.errors) == 1
    # The caller hears of it after the message (the case list stops waiting for rows).
    assert failed == [1]


def test_no_view_reaches_the_store_but_through_named_operations():
    """Only the session holds the store; views run operations (idcheck.gui.ops)."""
    import idcheck.gui

    folder = Path(idcheck.gui.__file__).parent
    offenders = []
    for path in sorted(folder.glob("*.py")):
        if path.name in ("session.py", "ops.py"):
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("store_behind(", "._store", "session.store", "session.call("):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []
