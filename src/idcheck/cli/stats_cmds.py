"""``idcheck stats --from DATE --to DATE``: anonymised counts for national monitoring.

CSV (the default) or JSON on standard output or into ``--out FILE``, and a
one-page PDF with ``--pdf FILE``. Administrators only (the store enforces it);
every export is an audit row. Dates are checked before the store is opened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output, with_store
from idcheck.report.stats import collect, parse_date, to_csv, to_json, write_text
from idcheck.store import Store

CHECKLIST_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def _dates(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    since = parse_date(args.since, "--from")
    until = parse_date(args.until, "--to")
    if until < since:
        raise ValueError(f"--to {until.isoformat()} is before --from {since.isoformat()}")
    return since, until


def cmd_stats(args: argparse.Namespace) -> int:
    try:
        since, until = _dates(args)
    except ValueError as e:
        return fail(EXIT_USAGE, str(e))
    if args.checklist is not None and not CHECKLIST_ID.match(args.checklist):
        return fail(EXIT_USAGE, f"--checklist: {args.checklist!r} is not a checklist id")
    for path, option in ((args.out, "--out"), (args.pdf, "--pdf")):
        if path is None:
            continue
        refused = unsafe_output(args, path, option)
        if refused is not None:
            return refused
    if args.out and args.pdf and args.out.resolve() == args.pdf.resolve():
        return fail(EXIT_USAGE, "--out and --pdf name the same file")

    def run(store: Store) -> int:
        stats = collect(store, since, until, args.by, args.checklist)
        text = to_json(stats) if args.format == "json" else to_csv(stats)
        try:
            if args.pdf:
                # The PDF's modules (reportlab, the fonts) only when a PDF is asked for.
                from idcheck.report.fonts import MissingFont
                from idcheck.report.stats_pdf import render_stats_pdf

                try:
                    render_stats_pdf(stats, args.pdf)
                except MissingFont as e:
                    return fail(EXIT_FAILED, str(e))
                store.record_event("stats-exported-pdf")
            if args.out:
                write_text(text, args.out)
            else:
                sys.stdout.write(text)
        except OSError as e:
            return fail(EXIT_USAGE, f"cannot write {e.filename or 'the file'}: {e.strerror}")
        head = store.record_event(f"stats-exported-{args.format}")
        written = [str(p) for p in (args.out, args.pdf) if p]
        if written:
            # Beside the counts on standard output, the message goes to standard error.
            print(
                f"statistics for {since} to {until} ({stats.total()} completed screenings) "
                f"written to {', '.join(written)} (audit head {head})",
                file=sys.stdout if args.out else sys.stderr,
            )
        return EXIT_OK

    return with_store(args, run)
