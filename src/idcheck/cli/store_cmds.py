"""``idcheck init``, ``user add|passwd|disable|recover|new-recovery-key``, ``screen``,
``db verify|backup|restore``.

Passwords are never taken on the command line: ``--password-file F`` (``-`` for
standard input) or a prompt.
"""

from __future__ import annotations

import argparse
import hashlib
import sys

from idcheck.answers_file import plan_screening, read_answers_file, record_plan
from idcheck.checklist import (
    ChecklistError,
    DangerSpec,
    find,
    load_checklist_bytes,
    text_for,
)
from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import (
    fail,
    read_new_secret,
    read_secret,
    unsafe_output,
    with_store,
    without_store,
)
from idcheck.paths import data_dir
from idcheck.store import (
    AuditHead,
    KeyChange,
    OtherStore,
    Store,
    restore,
    verify_store,
)


def cmd_init(args: argparse.Namespace) -> int:
    where = data_dir(args.data_dir)

    def run() -> int:
        password = read_new_secret(args.password_file, f"new password for {args.user}: ")
        store, recovery = Store.create(where, args.user, password)
        store.lock()
        print(f"created the store in {where}")
        print("RECOVERY KEY (shown once; write it down and keep it somewhere safe):")
        print(f"  {recovery}")
        return EXIT_OK

    return without_store(run)


def cmd_user_add(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        pw = read_secret(args.new_password_file, f"password for the new user {args.name}: ")
        u = store.add_user(args.name, pw, args.role)
        print(f"added {u.username} ({u.role})")
        return EXIT_OK

    return with_store(args, run)


def cmd_user_list(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        for u in store.list_users():
            role = "administrator" if u.is_admin else "worker"
            print(f"{u.username}\t{role}\t{'disabled' if u.disabled else 'active'}")
        return EXIT_OK

    return with_store(args, run)


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

    return with_store(args, run)


def cmd_user_disable(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        change = store.disable_user(store.user_by_name(args.name).id)
        print(f"disabled {args.name}")
        report_key_change(change)
        return EXIT_OK

    return with_store(args, run)


def report_key_change(change: KeyChange) -> None:
    """What a change of the database key leaves to do (stores of the first slot format)."""
    if change.reset_needed:
        print(
            "these users had not signed in since idcheck was updated and can no longer "
            f"unlock; reset their passwords: {', '.join(change.reset_needed)}"
        )
    if change.recovery_key:
        show_new_recovery_key(change.recovery_key)


def show_new_recovery_key(key: str) -> None:
    print("NEW RECOVERY KEY (the old one no longer opens the store; shown once, write it down):")
    print(f"  {key}")


def cmd_user_new_recovery_key(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        show_new_recovery_key(store.replace_recovery_key())
        return EXIT_OK

    return with_store(args, run)


def cmd_user_recover(args: argparse.Namespace) -> int:
    where = data_dir(args.data_dir)

    def run() -> int:
        key = read_secret(args.recovery_key_file, "recovery key: ")
        new = read_new_secret(args.new_password_file, f"new password for {args.name}: ")
        store, fresh = Store.recover(where, args.name, key, new)
        store.lock()
        print(f"set a new password for {args.name}")
        show_new_recovery_key(fresh)
        return EXIT_OK

    return without_store(run)


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
        doc = read_answers_file(args.answers)
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

    return with_store(args, run)


def cmd_db_verify(args: argparse.Namespace) -> int:
    # Not through with_store: a store found damaged must not get the unlock and
    # lock rows an ordinary opening writes (verify_store writes only when all is well).
    def run() -> int:
        try:
            if args.anchor:
                AuditHead.parse(args.anchor)
            password = read_secret(args.password_file, f"password for {args.user}: ")
            result = verify_store(data_dir(args.data_dir), args.user, password, args.anchor)
        except ValueError as e:
            return fail(EXIT_USAGE, str(e))
        for m in result.messages:
            print(m)
        return EXIT_OK if result.ok else EXIT_FAILED

    return without_store(run)


def cmd_db_backup(args: argparse.Namespace) -> int:
    refused = unsafe_output(args, args.file)
    if refused is not None:
        return refused

    def run(store: Store) -> int:
        path = store.backup(args.file)
        print(f"backup written to {path}")
        return EXIT_OK

    return with_store(args, run)


def cmd_db_restore(args: argparse.Namespace) -> int:
    # A path that is no file is a typo, not a damaged store: said before the
    # password is asked, exit 2.
    if args.file.is_dir() or not args.file.exists():
        said = "is a folder" if args.file.is_dir() else "no such file"
        return fail(EXIT_USAGE, f"cannot restore from {args.file}: {said}; nothing was replaced")

    def run() -> int:
        password = read_secret(args.password_file, f"password for {args.user}: ")
        try:
            result = restore(
                data_dir(args.data_dir),
                args.file,
                args.user,
                password,
                other_store=args.other_store,
            )
        except OtherStore as e:
            return fail(
                EXIT_USAGE,
                f"{e}; to replace this store with it, run the restore with --other-store",
            )
        for m in result.messages:
            print(m)
        print(f"restored from {args.file}")
        return EXIT_OK

    return without_store(run)
