"""``idcheck init``, ``user add|passwd|disable``, ``screen``, ``db verify|backup|restore``.

Passwords are never taken on the command line: ``--password-file F`` (``-`` for
standard input) or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from idcheck.checklist import (
    Answer,
    Checklist,
    ChecklistError,
    Problem,
    assess,
    danger_hit,
    find,
    load_checklist_bytes,
    text_for,
    validate_answer,
)
from idcheck.checklist.loader import Document, read_document
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
    # No abbreviated options: "--password SECRET" must not pass for "--password-file".
    p = sub.add_parser(
        "init", help="create the encrypted store and the first (admin) account", allow_abbrev=False
    )
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F")
    p.set_defaults(handler=cmd_init)

    u = sub.add_parser("user", help="add, change or disable accounts", allow_abbrev=False)
    ua = u.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = _opener(ua.add_parser("add", help="add an account (administrators)", allow_abbrev=False))
    q.add_argument("name")
    q.add_argument("--role", choices=["worker", "admin"], default="worker")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=cmd_user_add)
    q = _opener(
        ua.add_parser("passwd", help="change your password, or reset another's", allow_abbrev=False)
    )
    q.add_argument("name", nargs="?", help="reset this user's password (administrators)")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=cmd_user_passwd)
    q = _opener(
        ua.add_parser("disable", help="disable an account (administrators)", allow_abbrev=False)
    )
    q.add_argument("name")
    q.set_defaults(handler=cmd_user_disable)

    q = _opener(
        sub.add_parser(
            "screen", help="record a whole screening from an answers file", allow_abbrev=False
        )
    )
    q.add_argument("--checklist", required=True, metavar="ID[@VER]")
    q.add_argument("--answers", required=True, type=Path, metavar="FILE.yaml")
    q.add_argument("--case", metavar="REF", help="the case reference (created if new)")
    q.set_defaults(handler=cmd_screen)

    d = sub.add_parser("db", help="verify, back up or restore the store", allow_abbrev=False)
    da = d.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    q = _opener(
        da.add_parser("verify", help="integrity checks and the audit chain", allow_abbrev=False)
    )
    q.add_argument("--anchor", metavar="SEQ:HASH", help="a head printed on a report")
    q.set_defaults(handler=cmd_db_verify)
    q = _opener(da.add_parser("backup", help="an encrypted copy in one file", allow_abbrev=False))
    q.add_argument("file", type=Path)
    q.set_defaults(handler=cmd_db_backup)
    q = _opener(
        da.add_parser("restore", help="replace the store by a checked backup", allow_abbrev=False)
    )
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


ANSWER_KEYS = (
    "answer",
    "source",
    "note",
    "child_words",
    "language",
    "interpreter",
    "interpreter_present",
    "read_back",
)
CASE_TEXT = ("given_name", "family_name", "nationality", "languages", "identified_by", "notes")
GENDERS = ("female", "male", "other", "unknown")


@dataclass(frozen=True)
class PlannedAnswer:
    item_id: str
    answer: Answer
    context: AnswerContext


@dataclass(frozen=True)
class ScreenPlan:
    """An answers file, checked whole against the checklist before anything is saved."""

    case: CaseDetails
    answers: tuple[PlannedAnswer, ...]
    decision_outcome: str | None
    reasons: str
    complete: bool


def _plain(value: Any) -> Any:
    """YAML dates as ISO text (answers and case fields store dates as text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def plan_screening(doc: Document, checklist: Checklist, case_ref: str | None) -> ScreenPlan:
    """Check an answers file (see the README) against ``checklist``; raise
    ChecklistError naming PATH:LINE:COL of every problem. Nothing is written."""
    problems: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(doc.problem(loc, message))

    data = doc.data
    for key in sorted(set(data) - {"case", "answers", "decision", "complete"}, key=str):
        bad((key,), f"unknown key {key!r} (expected case, answers, decision, complete)")

    case = data.get("case") or {}
    if not isinstance(case, dict):
        bad(("case",), "expected a mapping of case details")
        case = {}
    details = _plan_case(case, case_ref, bad)

    answers = data.get("answers")
    planned: list[PlannedAnswer] = []
    if not isinstance(answers, dict):
        bad(
            ("answers",) if "answers" in data else (),
            "expected a mapping 'answers: {ITEM: ANSWER}'",
        )
        answers = {}
    for item_id, raw in answers.items():
        entry = _plan_answer(
            checklist, str(item_id), raw, lambda loc, m, k=item_id: bad(("answers", k, *loc), m)
        )
        if entry is not None:
            planned.append(entry)

    decision = data.get("decision")
    outcome: str | None = None
    reasons = ""
    if decision is not None:
        if not isinstance(decision, dict):
            bad(("decision",), "expected a mapping {outcome: ID, reasons: TEXT}")
        else:
            for key in sorted(set(decision) - {"outcome", "reasons"}, key=str):
                bad(("decision", key), f"unknown key {key!r} (expected outcome, reasons)")
            known = [o.id for o in checklist.outcomes]
            if "outcome" in decision:
                outcome = str(decision["outcome"])
                if outcome not in known:
                    bad(("decision", "outcome"), f"outcome must be one of {', '.join(known)}")
            reasons = str(decision.get("reasons") or "")
    complete = data.get("complete", False)
    if not isinstance(complete, bool):
        bad(("complete",), "expected true or false")
    elif complete and decision is None:
        bad(
            ("complete",),
            "a screening is completed with the professional's decision: "
            "add decision: {outcome: ID, reasons: TEXT}",
        )
    if details is None:
        bad(
            ("case",) if "case" in data else (),
            "give --case REF or case: {reference: ...} in the answers file",
        )
    if problems:
        raise ChecklistError(problems)
    assert details is not None
    return ScreenPlan(details, tuple(planned), outcome, reasons, bool(complete))


def _plan_case(case: dict[Any, Any], case_ref: str | None, bad: Any) -> CaseDetails | None:
    fields: dict[str, Any] = {}
    for key, value in case.items():
        value = _plain(value)
        if key == "reference":
            continue
        if key in CASE_TEXT or key == "claimed_dob":
            if value is not None and not isinstance(value, str):
                bad(("case", key), "expected text")
                continue
        elif key in ("claimed_age", "assessed_age"):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120
            ):
                bad(("case", key), "expected a whole number of years")
                continue
        elif key == "age_disputed":
            if not isinstance(value, bool):
                bad(("case", key), "expected true or false")
                continue
        elif key == "gender":
            if value is not None and value not in GENDERS:
                bad(("case", key), f"expected one of {', '.join(GENDERS)}")
                continue
        elif key == "adults":
            adults = _plan_adults(value, bad)
            if adults is None:
                continue
            value = adults
        else:
            bad(("case", key), f"unknown case detail {key!r}")
            continue
        fields[str(key)] = value
    ref = case_ref or case.get("reference")
    if ref is None or not str(ref).strip():
        return None
    return CaseDetails(reference=str(ref).strip(), **fields)


def _plan_adults(value: Any, bad: Any) -> tuple[Adult, ...] | None:
    if not isinstance(value, list):
        bad(("case", "adults"), "expected a list of {description: ..., stated_relation: ...}")
        return None
    out: list[Adult] = []
    for i, a in enumerate(value):
        if not isinstance(a, dict) or not isinstance(a.get("description"), str):
            bad(("case", "adults", i), "expected {description: TEXT, stated_relation: TEXT}")
            continue
        extra = set(a) - {"description", "stated_relation"}
        if extra:
            bad(("case", "adults", i), f"unknown key(s) {', '.join(sorted(map(str, extra)))}")
            continue
        rel = a.get("stated_relation")
        out.append(Adult(a["description"], None if rel is None else str(rel)))
    return tuple(out)


def _plan_answer(checklist: Checklist, item_id: str, raw: Any, bad: Any) -> PlannedAnswer | None:
    try:
        item = checklist.item(item_id)
    except KeyError:
        bad((), f"{checklist.ref} has no item {item_id!r}")
        return None
    context = AnswerContext()
    where: tuple[str, ...] = ()
    if isinstance(raw, dict):
        extra = set(raw) - set(ANSWER_KEYS)
        if extra:
            bad((), f"answer to {item_id}: unknown key(s) {', '.join(sorted(map(str, extra)))}")
            return None
        if "answer" not in raw:
            bad((), f"answer to {item_id}: missing 'answer'")
            return None
        source = raw.get("source")
        if source is not None and source not in SOURCES:
            bad(("source",), f"answer to {item_id}: source must be one of {', '.join(SOURCES)}")
            return None
        for key in ("note", "child_words", "language", "interpreter"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                bad((key,), f"answer to {item_id}: {key} must be text")
                return None
        for key in ("interpreter_present", "read_back"):
            if raw.get(key) is not None and not isinstance(raw[key], bool):
                bad((key,), f"answer to {item_id}: {key} must be true or false")
                return None
        interpreter = raw.get("interpreter")
        context = AnswerContext(
            source=source,
            worker_note=raw.get("note"),
            child_words=raw.get("child_words"),
            language=raw.get("language"),
            interpreter_present=raw.get("interpreter_present", True if interpreter else None),
            interpreter=interpreter,
            read_back=raw.get("read_back"),
        )
        raw, where = raw["answer"], ("answer",)
    try:
        answer = Answer.of(_plain(raw))
    except ValidationError:
        bad(where, f"{item_id}: not an answer (a value, a list, not-asked or declined)")
        return None
    why = validate_answer(item, answer)
    if why:
        bad(where, f"{item_id}: {why}")
        return None
    return PlannedAnswer(item_id, answer, context)


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
        doc = read_document(args.answers)
        plan = plan_screening(doc, checklist, args.case)
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot read {args.answers}: {e.strerror}")
    except ChecklistError as e:
        for problem in e.problems:
            print(f"idcheck: {problem}", file=sys.stderr)
        return EXIT_USAGE
    sha256 = hashlib.sha256(text).hexdigest()

    def run(store: Store) -> int:
        ref = plan.case.reference
        existing = [c for c in store.list_cases(search=ref) if c.reference == ref]
        case_id = existing[0].id if existing else store.create_case(plan.case)
        sid = store.start_screening(case_id, checklist, text, sha256)
        # Each answer is committed as it is read: a failure part-way keeps the ones before.
        try:
            for p in plan.answers:
                store.record_answer(sid, p.item_id, p.answer, p.context)
                spec = danger_hit(checklist.item(p.item_id), p.answer)
                if spec is not None:
                    print(
                        f"IMMEDIATE DANGER ({p.item_id}): {text_for(spec.message, 'en')}",
                        file=sys.stderr,
                    )
            result = assess(checklist, store.get_screening(sid, audit=False).plain_answers())
            if plan.decision_outcome is not None or plan.complete:
                store.record_decision(
                    sid,
                    Decision(
                        result.outcome.id,
                        result.fired_ids,
                        plan.decision_outcome or result.outcome.id,
                        plan.reasons,
                    ),
                )
            if plan.complete:
                store.complete_screening(sid)
        except StoreError as e:
            raise type(e)(f"{e} (screening {sid} keeps the answers saved before this)") from None
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
