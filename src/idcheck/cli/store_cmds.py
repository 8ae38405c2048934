"""``idcheck init``, ``user add|passwd|disable|recover|new-recovery-key``, ``screen``,
``db verify|backup|restore``.

Passwords are never taken on the command line: ``--password-file F`` (``-`` for
standard input) or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from idcheck.checklist import (
    ChecklistError,
    DangerSpec,
    find,
    load_checklist_bytes,
    text_for,
)
from idcheck.checklist.loader import MAX_ANSWERS_NODES, read_document
from idcheck.cli import EXIT_DENIED, EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE
from idcheck.paths import data_dir
from idcheck.store import (
    AuditHead,
    InvalidInput,
    KeyChange,
    NotAllowed,
    OtherStore,
    Store,
    StoreError,
    TooSoon,
    UnsafeOutput,
    WrongPassword,
    check_output,
    plan_screening,
    record_plan,
    restore,
    verify_store,
)


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
    print(f"idcheck: {message}", file=sys.stderr)
    return code


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    password = read_secret(args.password_file, f"password for {args.user}: ")
    store = Store.open(data_dir(args.data_dir), args.user, password)
    try:
        yield store
    finally:
        store.lock()


def cmd_init(args: argparse.Namespace) -> int:
    where = data_dir(args.data_dir)
    try:
        password = read_new_secret(args.password_file, f"new password for {args.user}: ")
        store, recovery = Store.create(where, args.user, password)
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, refusal(e))
    store.lock()
    print(f"created the store in {where}")
    print("RECOVERY KEY (shown once; write it down and keep it somewhere safe):")
    print(f"  {recovery}")
    return EXIT_OK


def _with_store(args: argparse.Namespace, fn: Any) -> int:
    try:
        store_cm = opened(args)
        store = store_cm.__enter__()
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, refusal(e))
    try:
        return int(fn(store))
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except NotAllowed as e:
        return fail(EXIT_DENIED, str(e))
    except StoreError as e:
        return fail(EXIT_FAILED, str(e))
    finally:
        store_cm.__exit__(None, None, None)


def cmd_user_add(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        pw = read_secret(args.new_password_file, f"password for the new user {args.name}: ")
        u = store.add_user(args.name, pw, args.role)
        print(f"added {u.username} ({u.role})")
        return EXIT_OK

    return _with_store(args, run)


def cmd_user_passwd(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        new = read_secret(args.new_password_file, "new password: ")
        if args.name and args.name != store.user.username:
            change = store.reset_password(store.user_by_name(args.name).id, new)
            print(f"reset the password of {args.name}")
            report_key_change(change)
        else:
            old = read_secret(args.password_file, "current password: ")
            store.set_password(old, new)
            print("password changed")
        return EXIT_OK

    return _with_store(args, run)


def cmd_user_disable(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        change = store.disable_user(store.user_by_name(args.name).id)
        print(f"disabled {args.name}")
        report_key_change(change)
        return EXIT_OK

    return _with_store(args, run)


def report_key_change(change: KeyChange) -> None:
    """What a change of the database key leaves to do (stores of the first slot format)."""
    if change.reset_needed:
        print(
            "these users had not signed in since idcheck was updated and can no longer "
            f"unlock; reset their passwords: {', '.join(change.reset_needed)}"
        )
    if change.recovery_key:
        print(
            "NEW RECOVERY KEY (the old one no longer opens the store; shown once, write it down):"
        )
        print(f"  {change.recovery_key}")


def cmd_user_new_recovery_key(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        fresh = store.replace_recovery_key()
        print(
            "NEW RECOVERY KEY (the old one no longer opens the store; shown once, write it down):"
        )
        print(f"  {fresh}")
        return EXIT_OK

    return _with_store(args, run)


def cmd_user_recover(args: argparse.Namespace) -> int:
    where = data_dir(args.data_dir)
    try:
        key = read_secret(args.recovery_key_file, "recovery key: ")
        new = read_new_secret(args.new_password_file, f"new password for {args.name}: ")
        store, fresh = Store.recover(where, args.name, key, new)
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, refusal(e))
    store.lock()
    print(f"set a new password for {args.name}")
    print("NEW RECOVERY KEY (the old one no longer opens the store; shown once, write it down):")
    print(f"  {fresh}")
    return EXIT_OK


def cmd_screen(args: argparse.Namespace) -> int:
    try:
        entry = find(args.checklist)
    except (KeyError, ValueError):
        return fail(
            EXIT_USAGE, f"no installed checklist {args.checklist} (see: idcheck checklist list)"
        )
    try:
        text = entry.path.read_bytes()
        checklist = load_checklist_bytes(text, str(entry.path))
        doc = read_document(args.answers, max_nodes=MAX_ANSWERS_NODES)
        plan = plan_screening(doc, checklist, args.case)
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot read {args.answers}: {e.strerror}")
    except ChecklistError as e:
        for problem in e.problems:
            print(f"idcheck: {problem}", file=sys.stderr)
        return EXIT_USAGE
    sha256 = hashlib.sha256(text).hexdigest()

    def run(store: Store) -> int:
        def warn(item_id: str, spec: DangerSpec) -> None:
            print(f"IMMEDIATE DANGER ({item_id}): {text_for(spec.message, 'en')}", file=sys.stderr)

        sid, result = record_plan(store, plan, checklist, text, sha256, warn)
        print(f"screening {sid}")
        print(
            f"suggested outcome: {result.outcome.id} "
            f"(rules fired: {', '.join(result.fired_ids) or 'none'})"
        )
        if plan.complete:
            print("completed")
        return EXIT_OK

    return _with_store(args, run)


def cmd_db_verify(args: argparse.Namespace) -> int:
    # Not through _with_store: a store found damaged must not get the unlock and
    # lock rows an ordinary opening writes (verify_store writes only when all is well).
    try:
        if args.anchor:
            AuditHead.parse(args.anchor)
        password = read_secret(args.password_file, f"password for {args.user}: ")
        result = verify_store(data_dir(args.data_dir), args.user, password, args.anchor)
    except ValueError as e:
        return fail(EXIT_USAGE, str(e))
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, str(e))
    for m in result.messages:
        print(m)
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_db_backup(args: argparse.Namespace) -> int:
    try:
        check_output(args.file, data_dir(args.data_dir))
    except UnsafeOutput as e:
        return fail(EXIT_USAGE, str(e))

    def run(store: Store) -> int:
        path = store.backup(args.file)
        print(f"backup written to {path}")
        return EXIT_OK

    return _with_store(args, run)


def cmd_db_restore(args: argparse.Namespace) -> int:
    try:
        password = read_secret(args.password_file, f"password for {args.user}: ")
        result = restore(
            data_dir(args.data_dir), args.file, args.user, password, other_store=args.other_store
        )
    except OtherStore as e:
        return fail(
            EXIT_USAGE, f"{e}; to replace this store with it, run the restore with --other-store"
        )
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except NotAllowed as e:
        return fail(EXIT_DENIED, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, refusal(e))
    for m in result.messages:
        print(m)
    print(f"restored from {args.file}")
    return EXIT_OK
