"""``idcheck export``: cases leaving the store.

``--format htcds`` writes every case (or the case ``REF``) as records of the IOM
Human Trafficking Case Data Standard 2.0, JSON or CSV by the name of ``--out``;
``--anonymised`` makes it fit for national monitoring. Administrators only (the
export checks it); the output path is checked before the store is opened, the file
written atomically, and each export is one audit row. ``--format package`` (the
default) is a case encrypted to its recipients.
"""

from __future__ import annotations

import argparse

from idcheck.cli import EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output, with_store
from idcheck.store import Store


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "htcds":
        return _htcds(args)
    return fail(EXIT_USAGE, "--format package: case packages are not available in this version")


def _htcds(args: argparse.Namespace) -> int:
    from idcheck.report import htcds, htcds_out

    if args.to or args.pdf:
        return fail(EXIT_USAGE, "--format htcds takes no --to or --pdf (they are for packages)")
    fmt = htcds_out.format_for(args.out)
    if fmt is None:
        return fail(EXIT_USAGE, f"--out {args.out}: name a .json or a .csv file")
    refused = unsafe_output(args, args.out, "--out")
    if refused is not None:
        return refused

    def run(store: Store) -> int:
        facts = htcds.collect(store, args.reference)
        export = htcds.build(facts, store.site_profile())
        if args.anonymised:
            export = htcds_out.anonymise(export)
        try:
            htcds_out.write(export, args.out, fmt)
        except OSError as e:
            return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
        action = "htcds-exported-anonymised" if args.anonymised else "htcds-exported"
        case_id = facts[0].case.id if args.reference is not None and facts else None
        head = store.record_event(action, case_id=case_id)
        given = (
            "fewer than 5 cases: no record given"
            if export.withheld
            else (f"{len(export.records)} record{'s' if len(export.records) != 1 else ''}")
        )
        print(f"HTCDS {fmt.upper()} written to {args.out} ({given}; audit head {head})")
        return EXIT_OK

    return with_store(args, run)
