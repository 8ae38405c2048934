"""``idcheck report SCREENING_ID --out FILE.pdf``: the referral summary as PDF."""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.store_cmds import _with_store, fail
from idcheck.paths import data_dir
from idcheck.report import MissingFont
from idcheck.report.export import make_referral, save_document
from idcheck.store import Store, UnsafeOutput, check_output


def cmd_report(args: argparse.Namespace) -> int:
    try:
        check_output(args.out, data_dir(args.data_dir))
    except UnsafeOutput as e:
        return fail(EXIT_USAGE, f"--out {e}")

    def run(store: Store) -> int:
        try:
            doc, _summary = make_referral(
                store, args.screening_id, include_names=args.names, lang=args.lang
            )
        except MissingFont as e:
            return fail(EXIT_FAILED, str(e))
        try:
            head = save_document(store, doc, args.out)
        except OSError as e:
            return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
        print(
            f"referral summary written to {args.out} (audit head on its pages "
            f"{doc.audit_head}; its export is audit row {head})"
        )
        return EXIT_OK

    return _with_store(args, run)
