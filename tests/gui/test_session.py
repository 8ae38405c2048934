"""The operations layer: slow calls off the UI thread, results back on it."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from idcheck.gui.session import run_async


def test_the_result_comes_back_on_the_ui_thread_and_the_call_ran_off_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    ui = QApplication.instance().thread()
    threads, results = [], []
    op = run_async(
        parent,
        "working",
        lambda: threads.append(QThread.currentThread()) or 42,
        results.append,
        lambda e: None,
    )
    op.wait()
    assert results == [42] and threads[0] is not ui


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
