"""``idcheck export``: cases leaving the store.

``--format htcds`` writes every case (or the case ``REF``) as records of the IOM
Human Trafficking Case Data Standard 2.0, JSON or CSV by the name of ``--out``;
``--anonymised`` makes it fit for national monitoring. Administrators only (the
export checks it); the output path is checked before the store is opened, the file
written atomically, and each export is one audit row. ``--format package`` (the
default) is a case package, encrypted to each recipient and signed by this store
(one case, or with ``--all-changed-since-last-transfer`` every case changed since
the last package to the recipient); with ``--pdf`` the referral PDF alone,
encrypted for the standard age tool.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output, with_store
from idcheck.files import is_disk_full
from idcheck.store import Store

if TYPE_CHECKING:
    from idcheck.sharing import Exported


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "htcds":
        return _htcds(args)
    return _package(args)


def _package(args: argparse.Namespace) -> int:
    """A case package (one case, or every case changed since the last transfer
    to the recipients), or with ``--pdf`` the referral alone, encrypted. One
    case goes through :func:`idcheck.sharing.export_case`, as Export… in the
    window does."""
    from idcheck.sharing import PackageRefused, export_cases, resolve_recipients

    if args.anonymised:
        return fail(EXIT_USAGE, "--anonymised goes with --format htcds")
    if not args.to:
        return fail(
            EXIT_USAGE, "name a recipient with --to (a name in the directory or an age key)"
        )
    if args.changed == (args.reference is not None):
        both = ", not both" if args.changed else ""
        return fail(EXIT_USAGE, f"give a case's REF, or --all-changed-since-last-transfer{both}")
    if args.pdf and args.changed:
        return fail(EXIT_USAGE, "--pdf exports one case's referral: give its REF")
    refused = unsafe_output(args, args.out, "--out")
    if refused is not None:
        return refused

    def run(store: Store) -> int:
        try:
            if not args.changed:
                return _one_case(store, args)
            to = resolve_recipients(store, args.to)
            ids: list[int] = []
            for keys in to:
                ids += [
                    c
                    for c in store.case_ids_changed_since_transfer(keys.fingerprint)
                    if c not in ids
                ]
            if not ids:
                print("no case changed since the last transfer: nothing written")
                return EXIT_OK
            done = export_cases(store, sorted(ids), to, args.out)
        except PackageRefused as e:
            return fail(EXIT_USAGE, str(e))
        except OSError as e:
            return fail(EXIT_USAGE, _unwritten(args.out, e))
        _say(done)
        return EXIT_OK

    return with_store(args, run)


def _unwritten(out: Path, e: OSError) -> str:
    if is_disk_full(e):
        return f"the disk is full: {out} was not written (nothing half-written is left)"
    return f"cannot write {out}: {e.strerror}"


def _say(done: Exported) -> None:
    names = ", ".join(k.name or k.fingerprint for k in done.to)
    print(
        f"{done.cases} case(s) written to {done.path}, encrypted to {names}; sha256 {done.sha256}"
    )


def _one_case(store: Store, args: argparse.Namespace) -> int:
    from idcheck.report import MissingFont
    from idcheck.sharing import export_case

    def referral(screening_id: int) -> bytes:
        from idcheck.report.export import make_referral

        doc, _ = make_referral(store, screening_id)
        return doc.data

    case_id = store.case_id_by_reference(args.reference)
    try:
        done = export_case(
            store, case_id, args.to, args.out, referral=referral if args.pdf else None
        )
    except MissingFont as e:
        return fail(EXIT_FAILED, str(e))
    except OSError as e:
        return fail(EXIT_USAGE, _unwritten(args.out, e))
    if done.screening is None:
        _say(done)
        return EXIT_OK
    print(
        f"the referral of screening {done.screening} written to {done.path}, encrypted to "
        f"{', '.join(k.name or k.age for k in done.to)} (open with: age -d -i KEY.txt FILE); "
        f"sha256 {done.sha256}"
    )
    return EXIT_OK


def _htcds(args: argparse.Namespace) -> int:
    from idcheck.report import htcds, htcds_out

    if args.to or args.pdf or args.changed:
        return fail(
            EXIT_USAGE,
            "--format htcds takes no --to, --pdf or --all-changed-since-last-transfer "
            "(they are for packages)",
        )
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
        case_id = facts[0].case.id if args.reference is not None and facts else None
        try:
            head = htcds_out.save(store, export, args.out, fmt, case_id)
        except OSError as e:
            return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
        given = (
            "fewer than 5 cases: no record given"
            if export.withheld
            else (f"{len(export.records)} record{'s' if len(export.records) != 1 else ''}")
        )
        print(f"HTCDS {fmt.upper()} written to {args.out} ({given}; audit head {head})")
        return EXIT_OK

    return with_store(args, run)
