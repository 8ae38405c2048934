"""``idcheck keys show``, ``recipient add|list|revoke`` and ``import``: this store's
public keys, the directory of sites and agencies cases go to, and a package
received (checked, decrypted, merged)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from idcheck.cli import EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output, with_store
from idcheck.files import atomic_write
from idcheck.paths import data_dir
from idcheck.sharing import PackageRefused, import_package
from idcheck.store import Store
from idcheck.store.sharing_keys import (
    PublicKeys,
    holds_private_key,
    normal_fingerprint,
    parse_age_recipient,
    parse_public_key,
    read_key_file,
)


def cmd_keys_show(args: argparse.Namespace) -> int:
    if args.out is not None:
        refused = unsafe_output(args, args.out, "--out")
        if refused is not None:
            return refused

    def run(store: Store) -> int:
        keys = store.sharing_keys()
        card = keys.card()
        print(card, end="")
        print(f"read this to the other site: {keys.fingerprint}", file=sys.stderr)
        if args.out is not None:
            try:
                atomic_write(args.out, card)
            except OSError as e:
                return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
            print(f"public card written to {args.out}", file=sys.stderr)
        return EXIT_OK

    return with_store(args, run)


def _keys_from(args: argparse.Namespace) -> PublicKeys | str:
    """The keys of ``--age-key`` or ``--card``, checked as the window's
    Recipients page checks them (a private key refused and never repeated)."""
    if args.age_key is not None:
        if holds_private_key(args.age_key):
            return f"--age-key: {parse_public_key(args.age_key)}"
        age = parse_age_recipient(args.age_key)
        return PublicKeys("", age, None) if age else f"{args.age_key!r} is not an age public key"
    return read_key_file(args.card, data_dir(args.data_dir))


def cmd_recipient_add(args: argparse.Namespace) -> int:
    keys = _keys_from(args)
    if isinstance(keys, str):
        return fail(EXIT_USAGE, keys)
    if args.fingerprint and normal_fingerprint(args.fingerprint) != keys.fingerprint:
        return fail(
            EXIT_USAGE,
            f"the fingerprint you were read ({normal_fingerprint(args.fingerprint)}) is not the "
            f"card's ({keys.fingerprint}): do not add it; nothing changed",
        )
    name = (args.name or keys.name).strip()
    if not name:
        return fail(EXIT_USAGE, "give the recipient a name (the card names none)")

    def run(store: Store) -> int:
        r = store.add_recipient(name, keys)
        print(f"added {r.name} ({r.kind}), fingerprint {r.fingerprint}")
        return EXIT_OK

    return with_store(args, run)


def cmd_recipient_list(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        for r in store.list_recipients():
            added = dt.datetime.fromtimestamp(r.added_at).strftime("%Y-%m-%d")
            line = f"{r.name}\t{r.kind}\t{r.fingerprint}\t{r.keys.age}\tadded {added}"
            # REVOKED stands out; the user who revoked it is named as they sign in.
            revoked = "REVOKED " + r.revocation().removeprefix("revoked ")
            print(f"{line}\t{revoked}" if r.revoked else line)
        return EXIT_OK

    return with_store(args, run)


def cmd_recipient_revoke(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        r = store.revoke_recipient(args.recipient)
        print(
            f"revoked {r.name} ({r.kind}), fingerprint {r.fingerprint}: nothing is sent to it "
            "from now on, and no package it signs is imported; it stays listed as revoked"
        )
        return EXIT_OK

    return with_store(args, run)


def cmd_import(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        try:
            done = import_package(store, args.file, trust=args.trust)
        except PackageRefused as e:
            return fail(EXIT_USAGE, str(e))
        r = done.report
        who = f"{done.sender.name or 'a site'} ({done.sender.fingerprint})"
        if done.trusted_now:
            print(f"{who} added to the directory, as you confirmed its fingerprint")
        print(f"package from {who}, sha256 {done.sha256}")
        if not r.changed:
            print("nothing new: every case, screening and answer in it is here already")
        for ref in r.added:
            print(f"new case: {ref}")
        for old, new in r.renamed:
            print(f"  {old} is in use here: the case was added as {new}")
        for ref in r.updated:
            print(f"details taken from the sender: {ref}")
        for ref in r.brought_up_to_date:
            print(f"brought up to date: {ref}")
        for ref in r.both_kept:
            print(
                f"both sides changed {ref}: this store's details stay, the sender's are kept "
                "beside them (the case shows both)"
            )
        print(
            f"{r.screenings} screening(s) and {r.answers} answer(s) added, "
            f"{r.completed} completed, {r.variants} kept as two versions; "
            f"{r.followup} follow-up record(s) (tasks, referrals, plans, missing episodes, notes) "
            "added or brought up to date"
        )
        return EXIT_OK

    return with_store(args, run)
