"""Hostile output paths: no command and no save dialog writes over the store's own
files (database, its -wal and -shm, key slots, lock, failure counter), or the
copies a restore keeps, directly, through a symbolic link or a hard link."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from idcheck.store import Store, UnsafeOutput, check_output, restore

PASSWORD = "correct horse battery"
STORE_FILES = [
    "idcheck.db",
    "idcheck.db-wal",
    "idcheck.db-shm",
    "keyslots.0.json",
    "keyslots.1.json",
    "idcheck.lock",
    "unlock-failures.json",
]


def _auth(pwfile: Path) -> tuple[str, ...]:
    return ("--user", "anna", "--password-file", str(pwfile))


def _intact(data_dir: Path, before: dict[str, bytes], *, opened: bool = False) -> None:
    """The slot files unchanged, the database unchanged (or, when the test opened
    the store itself, still the store: it opens and verifies)."""
    names = ["keyslots.0.json", "keyslots.1.json"] + ([] if opened else ["idcheck.db"])
    for name in names:
        assert (data_dir / name).read_bytes() == before[name], name
    assert not (data_dir / "idcheck.db").read_bytes().startswith((b"%PDF", b"PK"))
    with Store.open(data_dir, "anna", PASSWORD) as s:
        assert s.verify().ok


def _files(data_dir: Path) -> dict[str, bytes]:
    return {
        n: (data_dir / n).read_bytes() for n in ("idcheck.db", "keyslots.0.json", "keyslots.1.json")
    }


@pytest.mark.parametrize("name", STORE_FILES)
def test_report_out_onto_a_store_file_is_refused(data_dir, pwfile, template, cli, name):
    before = _files(data_dir)
    target = data_dir / name
    r = cli(
        "report",
        str(template.screening_id),
        "--out",
        str(target),
        *_auth(pwfile),
        data_dir=data_dir,
    )
    assert r.returncode == 2, r.stderr
    assert "one of the store's own files" in r.stderr and len(r.stderr.splitlines()) == 1
    _intact(data_dir, before)


def test_backup_onto_the_database_is_refused(data_dir, pwfile, cli):
    before = _files(data_dir)
    for name in ("idcheck.db", "keyslots.1.json"):
        r = cli("db", "backup", str(data_dir / name), *_auth(pwfile), data_dir=data_dir)
        assert r.returncode == 2 and "one of the store's own files" in r.stderr, r.stderr
    _intact(data_dir, before)


def test_letter_and_stats_onto_store_files_are_refused(data_dir, pwfile, template, cli):
    before = _files(data_dir)
    r = cli(
        "letter",
        str(template.screening_id),
        "--facts",
        "all",
        "--out",
        str(data_dir / "idcheck.db"),
        *_auth(pwfile),
        data_dir=data_dir,
    )
    assert r.returncode == 2 and "one of the store's own files" in r.stderr, r.stderr
    for option in ("--out", "--pdf"):
        r = cli(
            "stats",
            "--from",
            "2020-01-01",
            "--to",
            "2030-01-01",
            option,
            str(data_dir / "keyslots.0.json"),
            *_auth(pwfile),
            data_dir=data_dir,
        )
        assert r.returncode == 2 and "one of the store's own files" in r.stderr, r.stderr
    _intact(data_dir, before)


def test_htcds_export_onto_store_files_is_refused(data_dir, pwfile, tmp_path, cli):
    """The export takes .json and .csv names: the key slots and the failure counter
    are .json, and a link may carry any name."""
    before = _files(data_dir)
    link = tmp_path / "innocent.csv"
    link.symlink_to(data_dir / "idcheck.db")
    hard = tmp_path / "hard.json"
    os.link(data_dir / "keyslots.1.json", hard)
    for target in ("keyslots.0.json", "keyslots.1.json", "unlock-failures.json", link, hard):
        for anonymised in ((), ("--anonymised",)):
            r = cli(
                "export",
                "--format",
                "htcds",
                *anonymised,
                "--out",
                str(data_dir / target),
                *_auth(pwfile),
                data_dir=data_dir,
            )
            assert r.returncode == 2, r.stderr
            assert "one of the store's own files" in r.stderr and len(r.stderr.splitlines()) == 1
    assert not (data_dir / "unlock-failures.json").exists()
    _intact(data_dir, before)


def test_a_symlink_to_the_database_is_refused(data_dir, pwfile, template, tmp_path, cli):
    before = _files(data_dir)
    link = tmp_path / "innocent.pdf"
    link.symlink_to(data_dir / "idcheck.db")
    r = cli(
        "report", str(template.screening_id), "--out", str(link), *_auth(pwfile), data_dir=data_dir
    )
    assert r.returncode == 2 and "one of the store's own files" in r.stderr, r.stderr
    folder_link = tmp_path / "elsewhere"
    folder_link.symlink_to(data_dir)
    r = cli("db", "backup", str(folder_link / "idcheck.db"), *_auth(pwfile), data_dir=data_dir)
    assert r.returncode == 2 and "one of the store's own files" in r.stderr, r.stderr
    _intact(data_dir, before)


def test_a_hard_link_to_the_database_is_refused(data_dir, tmp_path):
    link = tmp_path / "report.pdf"
    os.link(data_dir / "idcheck.db", link)
    with pytest.raises(UnsafeOutput, match="a link to it"):
        check_output(link, data_dir)
    with Store.open(data_dir, "anna", PASSWORD) as s, pytest.raises(UnsafeOutput):
        s.backup(link)
    assert link.read_bytes() == (data_dir / "idcheck.db").read_bytes()


def test_another_store_and_kept_copies_are_protected_without_being_named(data_dir, tmp_path):
    """The writers' own check (no data folder given) still knows a store's files."""
    from idcheck.report.pdf import write_atomic

    with pytest.raises(UnsafeOutput):
        write_atomic(b"%PDF", data_dir / "idcheck.db")
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "idcheck.db.replaced").write_bytes(b"old")
    for name in ("idcheck.db.replaced", "keyslots.0.json.replaced.3"):
        with pytest.raises(UnsafeOutput):
            write_atomic(b"%PDF", kept / name)
    assert (kept / "idcheck.db.replaced").read_bytes() == b"old"


def test_backup_into_a_missing_folder_or_onto_a_folder(data_dir, pwfile, tmp_path, cli):
    r = cli(
        "db", "backup", str(tmp_path / "nowhere" / "b.idcheck"), *_auth(pwfile), data_dir=data_dir
    )
    assert r.returncode == 2 and "does not exist" in r.stderr, r.stderr
    assert len(r.stderr.splitlines()) == 1
    (tmp_path / "afolder").mkdir()
    r = cli("db", "backup", str(tmp_path / "afolder"), *_auth(pwfile), data_dir=data_dir)
    assert r.returncode == 2 and "is a folder" in r.stderr, r.stderr
    assert len(r.stderr.splitlines()) == 1
    assert list((tmp_path / "afolder").iterdir()) == []


def test_a_second_restore_keeps_the_first_restores_copies(data_dir, tmp_path):
    backup = tmp_path / "b.idcheck"
    with Store.open(data_dir, "anna", PASSWORD) as s:
        s.backup(backup)
    restore(data_dir, backup, "anna", PASSWORD)
    first = {
        n: (data_dir / f"{n}.replaced").read_bytes() for n in ("idcheck.db", "keyslots.0.json")
    }
    restore(data_dir, backup, "anna", PASSWORD)
    second = {
        n: (data_dir / f"{n}.replaced.2").read_bytes() for n in ("idcheck.db", "keyslots.0.json")
    }
    restore(data_dir, backup, "anna", PASSWORD)
    for name in ("idcheck.db", "keyslots.0.json"):
        assert (data_dir / f"{name}.replaced").read_bytes() == first[name]
        assert (data_dir / f"{name}.replaced.2").read_bytes() == second[name]
        assert (data_dir / f"{name}.replaced.3").exists()
    # and no output may name them
    with pytest.raises(UnsafeOutput):
        check_output(data_dir / "idcheck.db.replaced.2", data_dir)
    with zipfile.ZipFile(backup) as z:
        assert set(z.namelist()) >= {"idcheck.db", "keyslots.0.json"}


def test_window_save_dialogs_refuse_the_store_files(qtbot, data_dir, template, tmp_path):
    """The referral's Save button, with the dialog answering the database's path."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from idcheck.gui.referral import ReferralDialog
    from idcheck.gui.session import Messages, Session

    class Answering(Messages):
        def __init__(self, path: Path) -> None:
            self.path = path
            self.errors: list[str] = []

        def save_path(self, parent, title, suggested, filter_):
            return self.path

        def error(self, parent, title, text):
            self.errors.append(text)

    before = _files(data_dir)
    store = Store.open(data_dir, "anna", PASSWORD)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        link = tmp_path / "referral.pdf"
        link.symlink_to(data_dir / "idcheck.db")
        for target in (data_dir / "idcheck.db", link, data_dir / "keyslots.0.json"):
            messages = Answering(target)
            session = Session(store, messages, parent)
            case_id = store.get_screening(template.screening_id, audit=False).case_id
            dialog = ReferralDialog(session, template.screening_id, case_id)
            qtbot.addWidget(dialog)
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert messages.errors and "one of the store's own files" in messages.errors[0]
            dialog.close()
    finally:
        store.lock()
    _intact(data_dir, before, opened=True)


def test_window_backup_button_refuses_the_store_files(qtbot, data_dir, tmp_path):
    """Administration → Data → Back up the store, with the dialog answering a hard
    link to the database, then the database itself."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from idcheck.gui.admin import DataTab
    from idcheck.gui.session import Messages, Session

    class Answering(Messages):
        def __init__(self, paths: list[Path]) -> None:
            self.paths = paths
            self.errors: list[str] = []

        def save_path(self, parent, title, suggested, filter_):
            return self.paths.pop(0)

        def error(self, parent, title, text):
            self.errors.append(text)

    link = tmp_path / "backup.idcheck-backup"
    os.link(data_dir / "idcheck.db", link)
    before = _files(data_dir)
    store = Store.open(data_dir, "anna", PASSWORD)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        messages = Answering([link, data_dir / "idcheck.db"])
        tab = DataTab(Session(store, messages, parent))
        qtbot.addWidget(tab)
        for _ in range(2):
            qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
        assert len(messages.errors) == 2
        assert all("one of the store's own files" in e for e in messages.errors)
        assert tab.backup_button.isEnabled()
    finally:
        store.lock()
    _intact(data_dir, before, opened=True)
