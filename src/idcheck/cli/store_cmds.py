"""``idcheck init``, ``user add|passwd|disable``, ``screen``, ``db verify|backup|restore``.

Passwords are never taken on the command line: ``--password-file F`` (``-`` for
standard input) or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from idcheck.checklist import (
    Answer,
    ChecklistError,
    assess,
    danger_hit,
    find,
    load_checklist_bytes,
    text_for,
)
from idcheck.checklist.loader import parse_yaml
from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE
from idcheck.paths import data_dir
from idcheck.store import (
    SOURCES,
    Adult,
    AnswerContext,
    CaseDetails,
    Decision,
    InvalidInput,
    Store,
    StoreError,
    restore,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create the encrypted store and the first (admin) account")
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F")
    p.set_defaults(handler=cmd_init)

    u = sub.add_parser("user", help="add, change or disable accounts")
    ua = u.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = _opener(ua.add_parser("add", help="add an account (administrators)"))
    q.add_argument("name")
    q.add_argument("--role", choices=["worker", "admin"], default="worker")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=cmd_user_add)
    q = _opener(ua.add_parser("passwd", help="change your password, or reset another's"))
    q.add_argument("name", nargs="?", help="reset this user's password (administrators)")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=cmd_user_passwd)
    q = _opener(ua.add_parser("disable", help="disable an account (administrators)"))
    q.add_argument("name")
    q.set_defaults(handler=cmd_user_disable)

    q = _opener(sub.add_parser("screen", help="record a whole screening from an answers file"))
    q.add_argument("--checklist", required=True, metavar="ID[@VER]")
    q.add_argument("--answers", required=True, type=Path, metavar="FILE.yaml")
    q.add_argument("--case", metavar="REF", help="the case reference (created if new)")
    q.set_defaults(handler=cmd_screen)

    d = sub.add_parser("db", help="verify, back up or restore the store")
    da = d.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    q = _opener(da.add_parser("verify", help="integrity checks and the audit chain"))
    q.add_argument("--anchor", metavar="SEQ:HASH", help="a head printed on a report")
    q.set_defaults(handler=cmd_db_verify)
    q = _opener(da.add_parser("backup", help="an encrypted copy in one file"))
    q.add_argument("file", type=Path)
    q.set_defaults(handler=cmd_db_backup)
    q = _opener(da.add_parser("restore", help="replace the store by a checked backup"))
    q.add_argument("file", type=Path)
    q.set_defaults(handler=cmd_db_restore)


def _opener(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F", help="read the password from F ('-': stdin)")
    return p


def read_secret(path: str | None, prompt: str) -> str:
    """A password from a file (first line), stdin ('-'), or a prompt."""
    if path == "-":
        return sys.stdin.readline().rstrip("\r\n")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError) as e:
            raise InvalidInput(f"cannot read a password from {path}: {e}") from None
    return getpass.getpass(prompt)


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
        password = read_secret(args.password_file, f"new password for {args.user}: ")
        if not args.password_file:
            again = getpass.getpass("repeat the password: ")
            if again != password:
                return fail(EXIT_USAGE, "the two passwords differ")
        store, recovery = Store.create(where, args.user, password)
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, str(e))
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
        return fail(EXIT_STORE, str(e))
    try:
        return int(fn(store))
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
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
            store.reset_password(store.user_by_name(args.name).id, new)
            print(f"reset the password of {args.name}")
        else:
            old = read_secret(args.password_file, "current password: ")
            store.set_password(old, new)
            print("password changed")
        return EXIT_OK

    return _with_store(args, run)


def cmd_user_disable(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        store.disable_user(store.user_by_name(args.name).id)
        print(f"disabled {args.name}")
        return EXIT_OK

    return _with_store(args, run)


def _answer_entry(item_id: str, raw: Any) -> tuple[Answer, AnswerContext]:
    if not isinstance(raw, dict):
        return Answer.of(raw), AnswerContext()
    known = {
        "answer",
        "source",
        "note",
        "child_words",
        "language",
        "interpreter",
        "interpreter_present",
        "read_back",
    }
    extra = set(raw) - known
    if extra:
        raise InvalidInput(f"answer to {item_id}: unknown key(s) {', '.join(sorted(extra))}")
    if "answer" not in raw:
        raise InvalidInput(f"answer to {item_id}: missing 'answer'")
    source = raw.get("source")
    if source is not None and source not in SOURCES:
        raise InvalidInput(f"answer to {item_id}: source must be one of {', '.join(SOURCES)}")
    interpreter = raw.get("interpreter")
    return Answer.of(raw["answer"]), AnswerContext(
        source=source,
        worker_note=raw.get("note"),
        child_words=raw.get("child_words"),
        language=raw.get("language"),
        interpreter_present=raw.get("interpreter_present", bool(interpreter) or None),
        interpreter=interpreter,
        read_back=raw.get("read_back"),
    )


def _case_details(ref: str, raw: Any) -> CaseDetails:
    raw = dict(raw or {})
    raw.pop("reference", None)
    adults = tuple(
        Adult(str(a.get("description", "")), a.get("stated_relation"))
        for a in raw.pop("adults", []) or []
    )
    try:
        return CaseDetails(reference=ref, adults=adults, **raw)
    except TypeError as e:
        raise InvalidInput(f"case details: {e}") from None


def cmd_screen(args: argparse.Namespace) -> int:
    try:
        entry = find(args.checklist)
        text = entry.path.read_bytes()
        checklist = load_checklist_bytes(text, str(entry.path))
        doc = parse_yaml(args.answers.read_bytes(), str(args.answers))
    except KeyError:
        return fail(EXIT_USAGE, f"no installed checklist {args.checklist}")
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot read {args.answers}: {e.strerror}")
    except ChecklistError as e:
        return fail(EXIT_USAGE, str(e))
    data = doc.data
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return fail(EXIT_USAGE, f"{args.answers}: expected a mapping 'answers: {{ITEM: ANSWER}}'")
    ref = args.case or (data.get("case") or {}).get("reference")
    if not ref:
        return fail(EXIT_USAGE, "give --case REF or case: {reference: ...} in the answers file")
    import hashlib

    def run(store: Store) -> int:
        existing = [c for c in store.list_cases(search=str(ref)) if c.reference == str(ref)]
        case_id = (
            existing[0].id
            if existing
            else store.create_case(_case_details(str(ref), data.get("case")))
        )
        sid = store.start_screening(case_id, checklist, text, hashlib.sha256(text).hexdigest())
        for item_id, raw in answers.items():
            answer, context = _answer_entry(str(item_id), raw)
            store.record_answer(sid, str(item_id), answer, context)
            item = checklist.item(str(item_id))
            spec = danger_hit(item, answer)
            if spec is not None:
                print(
                    f"IMMEDIATE DANGER ({item_id}): {text_for(spec.message, 'en')}", file=sys.stderr
                )
        result = assess(checklist, store.get_screening(sid, audit=False).plain_answers())
        decision = data.get("decision")
        if decision:
            store.record_decision(
                sid,
                Decision(
                    result.outcome.id,
                    result.fired_ids,
                    str(decision.get("outcome", result.outcome.id)),
                    str(decision.get("reasons", "")),
                ),
            )
            if data.get("complete"):
                store.complete_screening(sid)
        print(f"screening {sid}")
        print(
            f"suggested outcome: {result.outcome.id} "
            f"(rules fired: {', '.join(result.fired_ids) or 'none'})"
        )
        return EXIT_OK

    return _with_store(args, run)


def cmd_db_verify(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        try:
            result = store.verify(args.anchor)
        except ValueError as e:
            return fail(EXIT_USAGE, str(e))
        for m in result.messages:
            print(m)
        return EXIT_OK if result.ok else EXIT_FAILED

    return _with_store(args, run)


def cmd_db_backup(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        path = store.backup(args.file)
        print(f"backup written to {path}")
        return EXIT_OK

    return _with_store(args, run)


def cmd_db_restore(args: argparse.Namespace) -> int:
    try:
        password = read_secret(args.password_file, f"password for {args.user}: ")
        result = restore(data_dir(args.data_dir), args.file, args.user, password)
    except InvalidInput as e:
        return fail(EXIT_USAGE, str(e))
    except StoreError as e:
        return fail(EXIT_STORE, str(e))
    for m in result.messages:
        print(m)
    print(f"restored from {args.file}")
    return EXIT_OK
