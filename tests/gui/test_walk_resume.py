"""Kill and resume: a real window in a child process walks a screening by keyboard
and is killed with SIGKILL; the window opened afterwards resumes the draft exactly
where it was left, with every answer and its context."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.conftest import new_store

from idcheck.gui.app import MainWindow
from idcheck.gui.review import DangerDialog
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails

PASSWORD = "correct horse battery"
INTAKE = "intake-screen@1.1.0"
FULL = "child-trafficking-full@1.1.0"

#: The child: opens the real window offscreen, unlocks, starts a screening and
#: types the keys it is given (one line of steps per argument); it reports item
#: ids (never a child's details) on standard output and waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from idcheck.gui.app import MainWindow

    import os
    import traceback
    from idcheck.gui.session import Messages

    def say(*words):
        print(*words, flush=True)
        # Progress: the watchdog waits for the next word, and once the window has
        # reached where it waits to be killed, not at all.
        if words[0] in ("at", "stopped"):
            watchdog.stop()
        else:
            watchdog.start()

    class Said(Messages):
        # A message is said on standard output: a modal box would block the steps.

        def info(self, parent, title, text):
            say("message", "info")

        def error(self, parent, title, text):
            say("message", "error")

        def confirm(self, parent, title, text):
            say("message", "confirm")
            return False

    def stuck():
        # Whatever blocks the steps (a modal dialog's own loop runs this timer too)
        # is said, and the process ends, instead of waiting to be killed.
        modal, focused = QApplication.activeModalWidget(), QApplication.focusWidget()
        say("stuck", type(modal).__name__, type(focused).__name__)
        os._exit(3)

    data, ref, *steps = sys.argv[1:]
    app = QApplication([])
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.setInterval(40_000)
    watchdog.timeout.connect(stuck)
    watchdog.start()
    w = MainWindow(Path(data), Said())
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    w.unlock_page.user.setText("anna")
    w.unlock_page.password.setText(sys.stdin.readline().rstrip("\\n"))
    w.unlock_page.unlock().wait()
    w.cases.table.selectRow(0)
    w.cases.screen_selected(checklist_ref=ref)
    v = w.screening_view
    assert v is not None, "no screening opened"

    def target():
        f = QApplication.focusWidget()
        return f if f is not None and v.isAncestorOf(f) else v

    MODS = {"alt": Qt.KeyboardModifier.AltModifier, "ctrl": Qt.KeyboardModifier.ControlModifier}
    KEYS = {"left": Qt.Key.Key_Left, "right": Qt.Key.Key_Right, "down": Qt.Key.Key_Down,
            "up": Qt.Key.Key_Up, "m": Qt.Key.Key_M, "return": Qt.Key.Key_Return, "c": Qt.Key.Key_C}

    def run():
        try:
            steps_then_report()
        except BaseException:
            traceback.print_exc()
            say("failed")
            os._exit(3)

    def steps_then_report():
        for step in steps:
            QApplication.processEvents()  # what the last step set in motion settles first
            kind, _, arg = step.partition(":")
            if kind == "type":          # text into the focused widget
                QTest.keyClicks(target(), arg)
            elif kind == "key":         # e.g. key:alt+left, key:return
                mod, _, name = arg.rpartition("+")
                QTest.keyClick(target(), KEYS[name], MODS.get(mod, Qt.KeyboardModifier.NoModifier))
            elif kind == "answer":      # single keys, one answer each, reported once saved
                for k in arg:
                    item = v.walk.current
                    QTest.keyClicks(target(), k)
                    say("answered", item)
            elif kind == "loop":        # answer item after item until killed
                while True:
                    item = v.walk.current
                    kind = getattr(v.walk.checklist.item(item), "type", "indicator")
                    if kind in ("text", "number", "date"):
                        QTest.keyClicks(target(), "2020-01-01" if kind == "date" else "12")
                        QTest.keyClick(target(), Qt.Key.Key_Return)
                    elif kind == "multi-choice":
                        QTest.keyClicks(target(), "1")
                        QTest.keyClick(target(), Qt.Key.Key_Down, MODS["alt"])
                    else:
                        QTest.keyClicks(target(), "1" if kind == "choice" else "n")
                    say("answered", item)
                    if v.walk.current == item:
                        say("end")
                        break
            elif kind == "danger":      # report once the stop is on the screen, then answer yes
                QTimer.singleShot(200, lambda: say(
                    "stopped", v.danger.dialog is not None and v.danger.dialog.isVisible()))
                QTest.keyClicks(target(), "y")
        say("at", v.walk.current, v.mode)

    QTimer.singleShot(0, run)
    app.exec()
    """
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("walk-resume-template") / "store"
    store, _ = new_store(path)
    store.create_case(CaseDetails(reference="2026-070", claimed_age=14))
    store.lock()
    (path / "idcheck.lock").unlink()
    return path


@pytest.fixture
def data(template, tmp_path):
    target = tmp_path / "store"
    shutil.copytree(template, target)
    return target


class Child:
    """The window in a child process, read line by line with a deadline."""

    def __init__(self, data, ref, *steps):
        # The child's traceback, if any (closed in close()).
        self.errors = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data), ref, *steps],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            env=os.environ.copy(),  # offscreen, the fast KDF, this test's config folder
        )
        assert self.proc.stdin is not None
        self.proc.stdin.write(PASSWORD + "\n")
        self.proc.stdin.flush()
        self.lines: list[list[str]] = []

    def until(self, first_word, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if not ready:
                assert self.proc.poll() is None, f"the window process ended:\n{self.stderr()}"
                continue
            line = self.proc.stdout.readline()
            assert line, f"the window process ended:\n{self.stderr()}"
            words = line.split()
            self.lines.append(words)
            if words[0] == first_word:
                return words
            if words[0] in ("stuck", "failed"):
                raise AssertionError(f"the window process said {words}:\n{self.stderr()}")
        raise AssertionError(
            f"no {first_word!r} from the window process in {timeout} s:\n{self.stderr()}"
        )

    def stderr(self):
        self.errors.seek(0)
        return self.errors.read()[-4000:]

    def kill(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL
        self.close()

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.errors):
            if stream is not None and not stream.closed:
                stream.close()

    def answered(self):
        return [w[1] for w in self.lines if w[0] == "answered"]


@pytest.fixture
def spawn():
    """``spawn(data, ref, *steps)``: the window in a child process; always ended."""
    children = []

    def run(*args):
        children.append(Child(*args))
        return children[-1]

    yield run
    for c in children:
        c.close()


@pytest.fixture
def reopen(qtbot):
    windows = []

    def run(data):
        w = MainWindow(data)
        qtbot.addWidget(w)
        w.resize(1200, 760)
        w.show()
        w.unlock_page.user.setText("anna")
        w.unlock_page.password.setText(PASSWORD)
        w.unlock_page.unlock().wait()
        assert w.session is not None, "the store did not open after the kill"
        w.cases.table.selectRow(0)
        qtbot.mouseClick(w.cases.screen_button, Qt.MouseButton.LeftButton)  # resumes the draft
        windows.append(w)
        return w

    yield run
    for w in windows:
        w.lock()


def test_killed_one_item_at_a_time_resumes_exactly_there(data, spawn, reopen):
    child = spawn(
        data,
        INTAKE,
        "answer:nn",  # the two immediate-danger questions
        "type:15",  # claimed age, typed
        "key:return",
        "answer:y",  # age-doubt
        "answer:n",
        "key:alt+left",  # back to look at the previous item again
    )
    _at, where, mode = child.until("at")
    child.kill()
    assert (where, mode) == ("travelling-without-parents", "item")

    w = reopen(data)
    view = w.screening_view
    assert view.walk.current == where and view.mode == "item"
    rec = store_behind(w.session).get_screening(view.screening_id, audit=False)
    assert rec.plain_answers() == view.walk.answers
    assert set(view.walk.answers) == {
        "danger-harm",
        "danger-missing",
        "claimed-age",
        "age-doubt",
        "travelling-without-parents",
    }
    assert view.walk.answers["claimed-age"].value == 15
    assert view.walk.answers["age-doubt"].value == "yes"
    # The answer on screen is the stored one, and the next one goes on from there.
    assert view.panel.option_buttons["no"].isChecked()
    assert view.form.progress.text().startswith("5 of 14")


def test_killed_one_section_at_a_time_resumes_in_that_section_at_that_item(data, spawn, reopen):
    child = spawn(
        data,
        FULL,
        "key:ctrl+m",  # one section at a time: remembered on this computer
        "answer:nnn",  # safety now
        "type:14",
        "key:return",
        "type:2012-05-06",
        "key:return",
        "key:alt+down",  # past the nationality, to the languages spoken
        "key:alt+down",
        "key:c",  # open this item's answer context
    )
    _at, where, mode = child.until("at")
    child.kill()
    assert (where, mode) == ("documents-carried", "section")

    w = reopen(data)
    view = w.screening_view
    assert view.mode == "section"
    assert view.walk.current == where
    assert view.area.shown_section == "identity"
    assert view.area.panels[where].property("current") is True
    assert [i for i, p in view.area.panels.items() if p.isVisibleTo(view)][:3] == [
        "claimed-age",
        "stated-birth-date",
        "nationality",
    ]
    assert view.walk.answers["claimed-age"].value == 14
    assert view.walk.answers["stated-birth-date"].value == "2012-05-06"
    assert "nationality" not in view.walk.answers


def test_killed_with_the_danger_stop_on_screen_stops_again_on_resume(qtbot, data, spawn, reopen):
    child = spawn(data, INTAKE, "danger")
    assert child.until("stopped") == ["stopped", "True"]
    child.kill()

    seen = {}

    def acknowledge():
        for top in QApplication.topLevelWidgets():
            if isinstance(top, DangerDialog) and top.isVisible():
                seen["text"] = " ".join(lbl.text() for lbl in top.findChildren(type(top.ack)))
                qtbot.mouseClick(top.ack, Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, acknowledge)

    QTimer.singleShot(20, acknowledge)
    w = reopen(data)
    view = w.screening_view
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert view.walk.answers["danger-harm"].value == "yes"
    assert view.form.danger_banner.isVisibleTo(view)
    assert "Immediate danger recorded" in view.form.danger_banner.text()
    # The one on resume; the killed one never.
    assert len(store_behind(w.session).danger_acknowledgements(view.screening_id)) == 1


def test_killed_in_the_middle_of_answering_loses_no_answer(data, spawn, reopen):
    child = spawn(data, FULL, "loop")
    for _ in range(20):
        child.until("answered")
    child.kill()  # at whatever moment the next answer is at
    reported = child.answered()

    w = reopen(data)
    view = w.screening_view
    stored = store_behind(w.session).get_screening(view.screening_id, audit=False)
    assert set(reported) <= set(stored.answers)
    visible = view.walk.visible_ids()
    last = max(visible.index(i) for i in stored.answers)
    # Where it was left: the last item answered, or the one it had moved on to.
    assert visible.index(view.walk.current) in (last, last + 1)
