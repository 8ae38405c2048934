"""``idcheck site show|set``: the site profile (name, jurisdiction, phone,
address, print language, referral routes). Anyone signed in may show it;
only administrators set it, and each change is audited."""

from __future__ import annotations

import argparse
import dataclasses

from idcheck.cli import EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, with_store
from idcheck.store import JURISDICTIONS, PRINT_LANGUAGES, SiteProfile, Store, routes_for


def describe(profile: SiteProfile) -> list[str]:
    """The profile as ``field: value`` lines."""
    j = profile.jurisdiction
    routes = routes_for(profile)
    if profile.route_ids:
        route_text = ", ".join(routes)
    elif routes:
        route_text = f"{', '.join(routes)} (every installed routes file of {profile.country})"
    else:
        route_text = "(none until a jurisdiction is set)" if not j else "(none installed)"
    address = profile.address.splitlines() or [""]
    lines = [
        f"name: {profile.name or '(not set)'}",
        f"jurisdiction: {f'{j} ({JURISDICTIONS.get(j, j)})' if j else '(not set)'}",
        f"phone: {profile.phone or '(not set)'}",
        f"address: {address[0] or '(not set)'}",
        *(f"         {line}" for line in address[1:]),
        f"print language: {profile.print_language} "
        f"({PRINT_LANGUAGES.get(profile.print_language, '?')})",
        f"routes: {route_text}",
    ]
    if not profile.is_set_up:
        lines.append(
            "the site is not set up: an administrator sets its name and jurisdiction "
            "with: idcheck site set --name N --jurisdiction CODE"
        )
    return lines


def cmd_site_show(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        print("\n".join(describe(store.site_profile())))
        return EXIT_OK

    return with_store(args, run)


def cmd_site_set(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    for field in ("name", "jurisdiction", "phone", "address", "print_language"):
        value = getattr(args, field)
        if value is not None:
            changes[field] = value
    if args.routes is not None:
        changes["route_ids"] = tuple(r.strip() for r in args.routes.split(",") if r.strip())
    if not changes:
        return fail(
            EXIT_USAGE,
            "nothing to change: give --name, --jurisdiction, --phone, --address, "
            "--print-language or --routes",
        )

    def run(store: Store) -> int:
        profile = dataclasses.replace(store.site_profile(), **changes)  # type: ignore[arg-type]
        store.set_site_profile(profile)
        print("\n".join(describe(store.site_profile())))
        return EXIT_OK

    return with_store(args, run)
