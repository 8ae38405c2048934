"""``idcheck report SCREENING_ID --out FILE.pdf``: the referral summary as PDF."""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_FAILED
from idcheck.cli.common import export, fail, unsafe_output, with_store
from idcheck.report import MissingFont
from idcheck.report.export import make_referral
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
        return export(store, doc, args.out, "referral summary")

    return with_store(args, run)
