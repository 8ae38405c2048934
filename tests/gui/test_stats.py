"""The statistics dialog: a period, the table of counts as exported, saves audited,
and the figures refused to a worker."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.gui.session import Messages, Session, store_behind
from idcheck.gui.stats import StatsDialog
from idcheck.store import CaseDetails, Decision, Store

PASSWORD = "correct horse battery"


class Recorded(Messages):
    """Message boxes answered by the test: what would have been shown is kept."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.answer_path = None

    def save_path(self, parent, title, suggested, filter_):
        return self.answer_path

    def error(self, parent, title, text):
        self.errors.append(text)

    def info(self, parent, title, text):
        pass


@pytest.fixture
def session(qtbot, tmp_path):
    store, _ = new_store(tmp_path / "store")
    store.add_user("ben", "worker password 1", "worker")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    for i in range(8):
        cid = store.create_case(
            CaseDetails(
                reference=f"GUI-CANARY-{i}",
                given_name="Canaryname",
                claimed_age=14,
                gender="male" if i < 2 else "female",
                identified_by="ngo",
            )
        )
        sid = store.start_screening(cid, checklist, text, sha)
        store.record_answer(sid, "work-or-money", Answer(value="yes"))
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
    parent = QWidget()
    qtbot.addWidget(parent)
    s = Session(store, Recorded(), parent)
    yield s
    if s.is_open:
        s.close()


def count(qtbot, dialog):
    """Show the figures and wait for the count, which runs off the UI thread."""
    dialog.refresh()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def cell(dialog, category, column):
    t = dialog.table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    for r in range(t.rowCount()):
        if t.item(r, 1).text() == category:
            return t.item(r, headers.index(column)).text()
    raise KeyError(category)


def test_period_table_and_saves(qtbot, session, tmp_path):
    dialog = StatsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(b.isEnabled() for b in dialog.save_buttons.values())
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.show_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.show_button.isEnabled()
    assert session.messages.errors == []
    month = dt.date.today().strftime("%Y-%m")
    assert cell(dialog, "completed screenings", "all") == "8"
    assert cell(dialog, "male", month) == "<5"
    assert cell(dialog, "female", month) == "x"  # 8 - 6 would give the 2
    assert cell(dialog, "labour exploitation", "all") == "8"
    texts = [
        dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
    ]
    assert not any("CANARY" in t or "Canaryname" in t for t in texts)
    assert "8 completed screenings" in dialog.summary.text()

    for fmt in ("csv", "json", "pdf"):
        target = tmp_path / f"stats.{fmt}"
        session.messages.answer_path = target
        qtbot.mouseClick(dialog.save_buttons[fmt], Qt.MouseButton.LeftButton)
        assert target.exists(), fmt
    assert json.loads((tmp_path / "stats.json").read_text())["total"]["all"] == 8
    csv_lines = (tmp_path / "stats.csv").read_text().splitlines()
    assert next(x for x in csv_lines if x.startswith("sex,male,")).endswith(",<5,<5")
    assert "male <5" in " ".join(PdfReader(tmp_path / "stats.pdf").pages[0].extract_text().split())
    actions = [r.action for r in store_behind(session).audit_trail()]
    for fmt in ("csv", "json", "pdf"):
        assert actions.count(f"stats-exported-{fmt}") == 1


def test_by_year_and_an_end_before_the_start(qtbot, session):
    dialog = StatsDialog(session)
    qtbot.addWidget(dialog)
    dialog.by.setCurrentIndex(dialog.by.findData("year"))
    count(qtbot, dialog)
    year = str(dt.date.today().year)
    assert cell(dialog, "completed screenings", year) == "8"
    dialog.until.setDate(QDate(2020, 1, 1))
    dialog.refresh()
    assert not dialog.busy
    assert session.messages.errors == ["The end is before the start."]
    assert cell(dialog, "completed screenings", year) == "8"  # the table shown stays


def test_an_unwritable_file_is_a_message_and_not_audited(qtbot, session, tmp_path):
    dialog = StatsDialog(session)
    qtbot.addWidget(dialog)
    count(qtbot, dialog)
    assert not dialog.save_to(tmp_path / "missing" / "stats.csv", "csv")
    # The refusal of the path, in the interface's words (the write fails before the file).
    assert session.messages.errors[0].startswith("That file cannot be written: ")
    assert "does not exist" in session.messages.errors[0]
    actions = [r.action for r in store_behind(session).audit_trail()]
    assert not any(a.startswith("stats-exported") for a in actions)


def test_a_worker_sees_the_refusal(qtbot, session):
    data = store_behind(session).data_dir
    session.close()
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(Store.open(data, "ben", "worker password 1"), Recorded(), parent)
    dialog = StatsDialog(session)
    qtbot.addWidget(dialog)
    count(qtbot, dialog)
    assert session.messages.errors == [
        "Your role does not allow this: only an administrator may see the statistics; ben is a worker"
    ]
    assert dialog.table.rowCount() == 0
    assert not any(b.isEnabled() for b in dialog.save_buttons.values())
