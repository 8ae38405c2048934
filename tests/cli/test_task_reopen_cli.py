"""A task finished by mistake is opened again, and a task is given to a worker,
from the command line as from the window (*Reopen…*, *Take it*): ``idcheck task
done`` on a finished task says "reopen it first", so the command to do it must
exist."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_followup_cli import case_with_plan, cli  # noqa: F401
from tests.conftest import open_store


def first_open_task(data: Path) -> int:
    store = open_store(data)
    try:
        return store.task_list()[0].task.id
    finally:
        store.lock()


def test_a_finished_task_is_reopened_with_its_reason(case_with_plan, pw, capsys):  # noqa: F811
    tid = first_open_task(case_with_plan)
    assert cli(case_with_plan, pw, "task", "done", str(tid)) == 0
    capsys.readouterr()
    assert cli(case_with_plan, pw, "task", "done", str(tid)) == 2
    said = capsys.readouterr().err
    assert "reopen it first" in said
    # The message names a step the command line has: `idcheck task reopen`.
    assert cli(case_with_plan, pw, "task", "reopen", str(tid), "--reason", " ") == 2
    assert "reason for reopening is required" in capsys.readouterr().err
    assert cli(case_with_plan, pw, "task", "reopen", str(tid), "--reason", "police never came") == 0
    assert capsys.readouterr().out == f"task #{tid} open again\n"
    store = open_store(case_with_plan)
    try:
        t = store.task(tid)
        assert (t.status, t.reason, t.done_by) == ("open", "police never came", None)
    finally:
        store.lock()
    assert cli(case_with_plan, pw, "task", "reopen", str(tid), "--reason", "again") == 2
    assert "is open already" in capsys.readouterr().err


def test_a_task_is_given_to_a_worker_and_to_nobody(case_with_plan, pw, capsys):  # noqa: F811
    tid = first_open_task(case_with_plan)
    assert cli(case_with_plan, pw, "task", "assign", str(tid), "ben") == 0
    assert capsys.readouterr().out == f"task #{tid} given to ben\n"
    store = open_store(case_with_plan)
    try:
        assert store.task(tid).assignee == "ben"
    finally:
        store.lock()
    assert cli(case_with_plan, pw, "task", "assign", str(tid), "nobody-here") == 2
    assert "nobody-here" in capsys.readouterr().err
    assert cli(case_with_plan, pw, "task", "assign", str(tid), "--nobody") == 0
    assert capsys.readouterr().out == f"task #{tid} given to nobody\n"
    store = open_store(case_with_plan)
    try:
        assert store.task(tid).assignee is None
    finally:
        store.lock()
