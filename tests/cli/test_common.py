"""What every store subcommand shares: a password read from a file or standard
input as the user saved it, and each failure of the store as its exit code with
one line on standard error."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store, open_store

from idcheck.cli import EXIT_DENIED, EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE
from idcheck.cli.common import read_secret, unsafe_output, with_store
from idcheck.paths import DB_NAME
from idcheck.store import CaseDetails, InvalidInput, Store, StoreError

PASSWORD = "correct horse battery"


def test_a_password_file_is_read_as_saved(tmp_path: Path):
    f = tmp_path / "pw"
    f.write_bytes(b"\xef\xbb\xbfs\xc3\xa6ter p\xc3\xa5ss\r\nsecond line\r\n")  # BOM, CRLF
    assert read_secret(str(f), "unused") == "sæter påss"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xff\xfep\x00w\x00", "not UTF-8 text (byte 1); save it as UTF-8"),
        (b"\nthe password on line two\n", "its first line is empty"),
        (b"", "its first line is empty"),
    ],
)
def test_a_password_file_that_cannot_be_one_says_why(tmp_path: Path, content: bytes, says: str):
    f = tmp_path / "pw"
    f.write_bytes(content)
    with pytest.raises(InvalidInput, match=says.replace("(", r"\(").replace(")", r"\)")):
        read_secret(str(f), "unused")


def test_a_missing_password_file_is_named(tmp_path: Path):
    with pytest.raises(InvalidInput, match=f"cannot read a password from {tmp_path / 'none'}"):
        read_secret(str(tmp_path / "none"), "unused")


def test_a_password_on_standard_input(monkeypatch: pytest.MonkeyPatch):
    stdin = io.TextIOWrapper(io.BytesIO("hemmelig ø\nrest\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read_secret("-", "unused") == "hemmelig ø"


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    store, _ = new_store(tmp_path / "store")
    try:
        store.add_user("ben", "worker password 1", "worker")
    finally:
        store.lock()
    return tmp_path / "store"


def args_for(store_dir: Path, tmp_path: Path, user: str, password: str) -> argparse.Namespace:
    pw = tmp_path / f"{user}.pw"
    pw.write_text(password + "\n", encoding="utf-8")
    return argparse.Namespace(data_dir=str(store_dir), user=user, password_file=str(pw))


def test_each_store_failure_is_its_exit_code(store_dir, tmp_path, capsys):
    anna = args_for(store_dir, tmp_path, "anna", PASSWORD)
    ben = args_for(store_dir, tmp_path, "ben", "worker password 1")

    def add_case(store: Store) -> int:
        store.create_case(CaseDetails(reference="C-1"))
        return EXIT_OK

    def bad_input(store: Store) -> int:
        store.create_case(CaseDetails(reference=""))
        return EXIT_OK

    def fails(store: Store) -> int:
        raise StoreError("the disk said no")

    assert with_store(anna, add_case) == EXIT_OK
    assert with_store(ben, lambda s: s.add_user("cara", "another password 1")) == EXIT_DENIED
    assert capsys.readouterr().err.startswith("idcheck: ")
    assert with_store(anna, bad_input) == EXIT_USAGE
    assert with_store(anna, fails) == EXIT_FAILED
    assert capsys.readouterr().err.splitlines()[-1] == "idcheck: the disk said no"
    wrong = args_for(store_dir, tmp_path, "anna", "not the password")
    assert with_store(wrong, add_case) == EXIT_STORE
    assert with_store(args_for(store_dir, tmp_path, "anna", ""), add_case) == EXIT_USAGE
    # The store is locked again after each: the worker's refused command changed nothing.
    store = open_store(store_dir)
    try:
        assert [u.username for u in store.list_users()] == ["anna", "ben"]
        assert [c.reference for c in store.list_cases()] == ["C-1"]
    finally:
        store.lock()


def test_an_output_over_the_stores_own_file_is_refused_naming_the_option(
    store_dir, tmp_path, capsys
):
    args = argparse.Namespace(data_dir=str(store_dir))
    assert unsafe_output(args, store_dir / DB_NAME, "--out") == EXIT_USAGE
    assert capsys.readouterr().err.startswith(f"idcheck: --out {store_dir / DB_NAME}: ")
    assert (store_dir / DB_NAME).stat().st_size > 0
    assert unsafe_output(args, tmp_path / "referral.pdf", "--out") is None
