"""``idcheck checklist list|lint|diff|lock``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from idcheck.checklist import ChecklistError, bundled_root, entries, find, load_any
from idcheck.checklist.lock import check_lock, file_sha256, write_lock
from idcheck.checklist.model import Checklist, Routes, text_for
from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def cmd_list(args: argparse.Namespace) -> int:
    root = args.root or bundled_root()
    rows = []
    for e in entries(root):
        try:
            _doc, obj = load_any(e.path)
        except ChecklistError as err:
            rows.append(
                (e.id, e.version, "error", "", file_sha256(e.path)[:12], str(err.problems[0]))
            )
            continue
        if not isinstance(obj, Checklist | Routes):
            continue
        langs = " ".join(
            f"{code}({'r' if info.status == 'reviewed' else 'draft'})"
            for code, info in obj.languages.items()
        )
        rows.append(
            (e.id, e.version, obj.kind, langs, file_sha256(e.path)[:12], text_for(obj.title, "en"))
        )
    if not rows:
        print(f"no checklists in {root}", file=sys.stderr)
        return EXIT_FAILED
    header = ("ID", "VERSION", "KIND", "LANGUAGES", "SHA256", "TITLE")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    for r in [header, *rows]:
        print("  ".join(str(r[i]).ljust(widths[i]) for i in range(5)) + "  " + r[5])
    return EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"idcheck: no such file or folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    from idcheck.checklist.lint import lint_paths  # only here: list starts without it

    problems = lint_paths(args.paths, root=args.root)
    for p in problems:
        print(p)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_FAILED if errors else EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from idcheck.checklist.diff import diff_checklists  # only here: list starts without it

    root = args.root or bundled_root()
    try:
        old = load_any(find(f"{args.id}@{args.old}", root).path)[1]
        new = load_any(find(f"{args.id}@{args.new}", root).path)[1]
    except KeyError as e:
        print(f"idcheck: no such checklist version: {e.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    except ChecklistError as e:
        print(e, file=sys.stderr)
        return EXIT_FAILED
    if not isinstance(old, Checklist) or not isinstance(new, Checklist):
        print("idcheck: diff compares two checklists", file=sys.stderr)
        return EXIT_USAGE
    print(diff_checklists(old, new).render(old.ref, new.ref))
    return EXIT_OK


def cmd_lock(args: argparse.Namespace) -> int:
    root = args.root or bundled_root()
    if args.check:
        problems = check_lock(root)
        for msg in problems:
            print(msg)
        if problems:
            return EXIT_FAILED
        print("every published checklist matches checklists.lock", file=sys.stderr)
        return EXIT_OK
    hashes = write_lock(root)
    print(f"locked {len(hashes)} file(s) in {root / 'checklists.lock'}", file=sys.stderr)
    return EXIT_OK
