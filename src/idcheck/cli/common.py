"""What every subcommand that opens the store shares: reading a password,
opening the store and mapping its errors to exit codes, checking an output
path, and saying a failure in one line.

Handlers write ``return with_store(args, run)`` where ``run(store)`` does the
work: a wrong password exits 3, bad input 2, a worker running an
administrator's command 4, any other store error 1.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from idcheck.cli import EXIT_DENIED, EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE
from idcheck.paths import data_dir
from idcheck.store import (
    InvalidInput,
    NotAllowed,
    Store,
    StoreError,
    TooSoon,
    UnsafeOutput,
    WrongPassword,
    check_output,
)

if TYPE_CHECKING:
    from idcheck.report import Document

__all__ = [
    "export",
    "fail",
    "opened",
    "read_new_secret",
    "read_secret",
    "refusal",
    "unsafe_output",
    "with_store",
    "without_store",
]


def read_secret(path: str | None, prompt: str) -> str:
    """A password from a file (first line), stdin ('-'), or a prompt.

    The file must be UTF-8 (a byte-order mark is skipped); only its first 64 KiB
    are read. The password is normalised (NFC) by the store when it is set and
    checked.
    """
    if path == "-":
        return _first_line(sys.stdin.buffer.readline(65536), "standard input")
    if path:
        try:
            with open(path, "rb") as f:
                raw = f.read(65536)
        except OSError as e:
            raise InvalidInput(f"cannot read a password from {path}: {e.strerror}") from None
        return _first_line(raw, path)
    return getpass.getpass(prompt)


def read_new_secret(path: str | None, prompt: str) -> str:
    """A new password: as :func:`read_secret`, but typed twice when prompted
    (two that differ raise :class:`InvalidInput`)."""
    secret = read_secret(path, prompt)
    if not path and getpass.getpass("repeat it: ") != secret:
        raise InvalidInput("the two passwords differ")
    return secret


def _first_line(raw: bytes, where: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvalidInput(
            f"the password in {where} is not UTF-8 text (byte {e.start + 1}); save it as UTF-8"
        ) from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise InvalidInput(f"no password in {where}: its first line is empty")
    return lines[0]


def refusal(e: StoreError) -> str:
    """The store's message, with the wait a wrong password or key now imposes."""
    if isinstance(e, WrongPassword) and not isinstance(e, TooSoon) and e.wait_seconds > 0:
        return f"{e}; wait {e.wait_seconds:.0f} s before the next try"
    return str(e)


def fail(code: int, message: str) -> int:
    """Say ``message`` on standard error as ``idcheck: message``; return ``code``."""
    print(f"idcheck: {message}", file=sys.stderr)
    return code


def unsafe_output(args: argparse.Namespace, path: Path, option: str = "") -> int | None:
    """The exit code and message for an output path idcheck will not write to
    (inside the data folder, a link, ...), else None. ``option`` names the flag."""
    try:
        check_output(path, data_dir(args.data_dir))
    except UnsafeOutput as e:
        return fail(EXIT_USAGE, f"{option} {e}" if option else str(e))
    return None


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The store of ``--data-dir`` unlocked as ``--user``; locked again after."""
    password = read_secret(args.password_file, f"password for {args.user}: ")
    store = Store.open(data_dir(args.data_dir), args.user, password)
    try:
        yield store
    finally:
        store.lock()


def _exit_code(e: StoreError, opening: bool) -> int:
    """Bad input exits 2, a role's refusal 4; any other store error 3 while the
    store is being opened (with the wait a wrong password imposes), else 1."""
    if isinstance(e, InvalidInput):
        return fail(EXIT_USAGE, str(e))
    if isinstance(e, NotAllowed):
        return fail(EXIT_DENIED, str(e))
    return fail(EXIT_STORE, refusal(e)) if opening else fail(EXIT_FAILED, str(e))


def with_store(args: argparse.Namespace, run: Callable[[Store], int]) -> int:
    """Open the store, ``run(store)``, lock it; each error as its exit code."""
    try:
        store_cm = opened(args)
        store = store_cm.__enter__()
    except StoreError as e:
        return _exit_code(e, opening=True)
    try:
        return int(run(store))
    except StoreError as e:
        return _exit_code(e, opening=False)
    finally:
        store_cm.__exit__(None, None, None)


def without_store(run: Callable[[], int]) -> int:
    """``run()`` a command that opens, creates or replaces the store itself
    (init, recover, restore): each error as its exit code, as while opening."""
    try:
        return int(run())
    except StoreError as e:
        return _exit_code(e, opening=True)


def export(store: Store, doc: Document, out: Path, what: str) -> int:
    """Write an exported document (a referral, a letter) to ``out`` with its
    audit row, and say where and which audit heads it names; the exit code."""
    from idcheck.report import save_document  # only the exporting commands load reportlab

    try:
        head = save_document(store, doc, out)
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot write {out}: {e.strerror}")
    print(
        f"{what} written to {out} (audit head on its pages {doc.audit_head}; "
        f"its export is audit row {head})"
    )
    return EXIT_OK
