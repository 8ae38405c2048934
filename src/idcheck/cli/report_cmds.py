"""``idcheck report SCREENING_ID --out FILE.pdf``: the referral summary as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from idcheck.cli import EXIT_FAILED, EXIT_OK
from idcheck.cli.store_cmds import _opener, _with_store, fail
from idcheck.report import MissingFont, build_summary, render_referral
from idcheck.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    q = _opener(sub.add_parser("report", help="the referral summary of a screening, as PDF"))
    q.add_argument("screening_id", type=int, metavar="SCREENING_ID")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    q.add_argument("--lang", default="en", help="language of the checklist texts (en, nb)")
    q.add_argument("--names", action="store_true", help="print the child's names (off by default)")
    q.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        summary = build_summary(store, args.screening_id, include_names=args.names, lang=args.lang)
        try:
            render_referral(summary, args.out)
        except MissingFont as e:
            return fail(EXIT_FAILED, str(e))
        rec = store.get_screening(args.screening_id, audit=False)
        store.record_event("report-exported", case_id=rec.case_id, screening_id=rec.id)
        print(f"referral summary written to {args.out} (audit head {summary.audit_head})")
        return EXIT_OK

    return _with_store(args, run)
