"""``idcheck letter SCREENING_ID``: a support letter with the facts confirmed.

``--list`` prints the candidate facts (ids and what they are, without the
child's words); ``--facts all`` or ``--facts ID,ID`` names the confirmed ones,
and the letter contains those only. Every export is an audit row.
"""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import export, fail, unsafe_output, with_store
from idcheck.report import MissingFont
from idcheck.report.export import make_letter
from idcheck.report.letter import choose, letter_facts
from idcheck.store import Store


def cmd_letter(args: argparse.Namespace) -> int:
    if not args.list and (args.facts is None or args.out is None):
        return fail(EXIT_USAGE, "give --list, or --facts all|ID,ID and --out FILE.pdf")
    if args.out is not None:
        refused = unsafe_output(args, args.out, "--out")
        if refused is not None:
            return refused

    def run(store: Store) -> int:
        facts = letter_facts(store, args.screening_id, include_names=args.names, lang=args.lang)
        if args.list:
            for f in facts.facts:
                print(f"{f.id}\t{f.short}")
            return EXIT_OK
        try:
            chosen = choose(facts, args.facts)
        except ValueError as e:
            return fail(EXIT_USAGE, str(e))
        try:
            doc = make_letter(
                facts, chosen, recipient=args.recipient, prepared_by=store.user.username
            )
        except MissingFont as e:
            return fail(EXIT_FAILED, str(e))
        return export(store, doc, args.out, f"support letter with {len(chosen)} fact(s)")

    return with_store(args, run)
