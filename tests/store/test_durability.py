"""Nothing acknowledged is lost, nothing is in clear on disk, and the audit trail
shows any tampering."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from idcheck.checklist import Answer
from idcheck.store import AnswerContext, CaseDetails, Decision, Store

PASSWORD = "correct horse battery"  # as in conftest.py

WRITER = """
import sys
from pathlib import Path
from idcheck.checklist import Answer
from idcheck.store import Store, AnswerContext
store = Store.open(Path(sys.argv[1]), "anna", {password!r})
sid = int(sys.argv[2])
items = ["debt", "documents-held", "fear-threats", "adult-controls", "learned-story"]
i = 0
while True:
    aid = store.record_answer(sid, items[i % len(items)], Answer(value="yes"),
                              AnswerContext(child_words="words %d" % i))
    print(aid, flush=True)
    i += 1
"""


def test_sigkill_at_random_moments_loses_no_acknowledged_answer(data_dir, intake):
    s = Store.open(data_dir, "anna", PASSWORD)
    cid = s.create_case(CaseDetails(reference="CRASH"))
    sid = s.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    s.lock()
    rng = random.Random(20261124)
    acknowledged: list[int] = []
    script = WRITER.format(password=PASSWORD)
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir), str(sid)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        for _ in range(rng.randint(1, 25)):
            line = child.stdout.readline()
            if not line:
                break
            acknowledged.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        stored = {a.id for a in s.get_screening(sid, audit=False).history}
        assert set(acknowledged) <= stored
        assert len(acknowledged) >= 20
        result = s.verify()
        assert result.ok, result.messages
    finally:
        s.lock()


def test_canary_appears_in_no_file(template, tmp_path, intake, monkeypatch):
    """A unique string in every free-text field is nowhere on disk in clear."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    import shutil

    data_dir = tmp_path / "store"
    shutil.copytree(template.path, data_dir)
    canary = "Kanarifugl7Q2X"
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        from idcheck.store import Adult

        cid = s.create_case(
            CaseDetails(
                reference=f"{canary}-ref",
                given_name=f"{canary}-given",
                family_name=f"{canary}-fam",
                nationality=f"{canary}-nat",
                languages=f"{canary}-lang",
                notes=f"{canary}-notes",
                adults=(Adult(f"{canary}-adult", f"{canary}-rel"),),
            )
        )
        sid = s.start_screening(cid, intake.checklist, intake.text, intake.sha256)
        s.record_answer(
            sid,
            "debt",
            Answer(value="yes"),
            AnswerContext(
                source="child-said",
                worker_note=f"{canary}-note",
                child_words=f"{canary}-words",
                language="nb",
                interpreter_present=True,
                interpreter=f"{canary}-interp",
            ),
        )
        s.record_decision(
            sid,
            Decision(
                "full-screening", ("signs-recorded",), "immediate-protection", f"{canary}-reasons"
            ),
        )
        s.complete_screening(sid)
        s.list_cases(canary)
        s.backup(tmp_path / "backup.idcheck")
    finally:
        s.lock()
    needles = [canary.encode(), canary.encode("utf-16-le")]
    for root in (data_dir, tmp, tmp_path):
        for f in Path(root).rglob("*"):
            if f.is_file():
                data = f.read_bytes()
                assert not any(n in data for n in needles), f"{canary} found in clear in {f}"


# ---------------------------------------------------------------- audit chain


SLOT_CHANGER = """
import sys
from pathlib import Path
from idcheck.store import Store
from idcheck.store.keys import MINIMUM_KDF
passwords = sys.argv[2:4]
cur = int(sys.argv[4])
store = Store.open(Path(sys.argv[1]), "anna", passwords[cur], kdf=MINIMUM_KDF)
print("ready", flush=True)
while True:
    store.set_password(passwords[cur], passwords[1 - cur])
    cur = 1 - cur
    print(cur, flush=True)
"""


def test_sigkill_during_password_changes_always_leaves_a_way_in(data_dir, template):
    """Killed at any moment while a password is being changed, the store still
    opens: with the last acknowledged password or the one being set, and always
    with the recovery key."""
    import time

    from idcheck.store import WrongPassword

    passwords = [PASSWORD, "the other long password"]
    rng = random.Random(4242)
    cur = 0
    changes = 0
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", SLOT_CHANGER, str(data_dir), *passwords, str(cur)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        # Wait for the child to acknowledge one or two changes (an observable
        # point, however loaded the machine), then kill it a little later: in
        # the middle of the next change, or between two.
        acknowledged = [int(child.stdout.readline()) for _ in range(rng.randint(1, 2))]
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        acknowledged += [int(line) for line in child.stdout.read().split()]
        child.stdout.close()
        changes += len(acknowledged)
        if acknowledged:
            cur = acknowledged[-1]
        try:
            Store.open(data_dir, "anna", passwords[cur]).lock()
        except WrongPassword:
            cur = 1 - cur  # killed after the new slot was written, before it was acknowledged
            Store.open(data_dir, "anna", passwords[cur]).lock()
        Store.open_with_recovery(data_dir, template.recovery).lock()
    assert changes > 0
    s = Store.open(data_dir, "anna", passwords[cur])
    try:
        assert s.verify().ok
    finally:
        s.lock()
