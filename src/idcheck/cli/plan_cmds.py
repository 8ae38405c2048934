"""``idcheck plan print REF --out FILE.pdf``: a child's individual plan as PDF."""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_FAILED, EXIT_USAGE
from idcheck.cli.common import export, fail, unsafe_output, with_store
from idcheck.store import Store


def cmd_plan_print(args: argparse.Namespace) -> int:
    refused = unsafe_output(args, args.out, "--out")
    if refused is not None:
        return refused

    def run(store: Store) -> int:
        from idcheck.report.fonts import MissingFont
        from idcheck.report.plan_pdf import make_plan

        case_id = store.case_by_reference(args.reference)
        try:
            doc = make_plan(store, case_id, args.lang, include_names=args.names)
        except MissingFont as e:
            return fail(EXIT_FAILED, str(e))
        except ValueError as e:
            return fail(EXIT_USAGE, f"case {args.reference}: {e}")
        return export(store, doc, args.out, "individual plan")

    return with_store(args, run)
