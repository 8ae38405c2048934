"""``idcheck report SCREENING_ID --out FILE.pdf``: the referral summary as PDF."""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output, with_store
from idcheck.report import MissingFont
from idcheck.report.export import make_referral, save_document
from idcheck.store import Store


def cmd_report(args: argparse.Namespace) -> int:
    refused = unsafe_output(args, args.out, "--out")
    if refused is not None:
        return refused

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

    return with_store(args, run)
