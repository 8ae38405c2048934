"""``idcheck site show|set|contacts`` and ``idcheck db retention``: the site
profile (name, jurisdiction, phone, address, print language, referral routes),
the settings (idle time, retention time) and the local contacts. Anyone signed
in may show them; only administrators change them, and each change is
audited."""

from __future__ import annotations

import argparse
import dataclasses

from idcheck.cli import EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, with_store
from idcheck.store import (
    JURISDICTIONS,
    PRINT_LANGUAGES,
    InvalidInput,
    NotAllowed,
    SiteProfile,
    Store,
    routes_for,
)


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


def settings_lines(store: Store) -> list[str]:
    """The idle time and the retention time as ``field: value`` lines."""
    years = store.get_setting("retention_years")
    unit = "year" if years == "1" else "years"
    kept = "every case (no retention time)" if years in ("", "0") else f"{years} {unit}"
    return [f"lock after: {store.get_setting('idle_minutes')} min", f"keep closed cases: {kept}"]


def cmd_site_show(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        print("\n".join(describe(store.site_profile()) + settings_lines(store)))
        return EXIT_OK

    return with_store(args, run)


_SETTINGS = ("idle_minutes", "retention_years")


def cmd_site_set(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    for field in ("name", "jurisdiction", "phone", "address", "print_language"):
        value = getattr(args, field)
        if value is not None:
            changes[field] = value
    if args.routes is not None:
        changes["route_ids"] = tuple(r.strip() for r in args.routes.split(",") if r.strip())
    settings = {
        key: getattr(args, key).strip() for key in _SETTINGS if getattr(args, key) is not None
    }
    if not changes and not settings:
        return fail(
            EXIT_USAGE,
            "nothing to change: give --name, --jurisdiction, --phone, --address, "
            "--print-language, --routes, --idle-minutes or --retention-years",
        )

    def run(store: Store) -> int:
        if changes:
            profile = dataclasses.replace(store.site_profile(), **changes)  # type: ignore[arg-type]
            store.set_site_profile(profile)
        for key, value in settings.items():
            store.set_setting(key, value)
        print("\n".join(describe(store.site_profile()) + settings_lines(store)))
        return EXIT_OK

    return with_store(args, run)


def cmd_site_contacts(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        if args.load is not None:
            from idcheck.checklist import ChecklistError, load_directory

            try:
                directory = load_directory(args.load)
            except (ChecklistError, OSError) as e:
                raise InvalidInput(str(e).splitlines()[0] if str(e) else repr(e)) from e
            store.save_contacts(directory)
            print(f"contacts loaded from {args.load.name}: {len(directory.contacts)}")
            return EXIT_OK
        rows = store.list_contacts()
        if not rows:
            print("no local contacts")
        for r in rows:
            fields = (r.get(f) for f in ("role", "name", "phone", "hours", "note"))
            print("\t".join(" ".join((f or "").split()) for f in fields))
        return EXIT_OK

    return with_store(args, run)


def cmd_db_retention(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        if not store.user.is_admin:  # said before --yes is asked for
            raise NotAllowed(
                f"only an administrator may apply retention; {store.user.username} is a worker"
            )
        years = store.get_setting("retention_years")
        if years in ("", "0"):
            print(
                "every case is kept: no retention time is set "
                "(idcheck site set --retention-years N)"
            )
            return EXIT_OK
        if not args.yes:
            raise InvalidInput(
                f"this deletes every closed case older than {years} years, with its "
                "screenings, and cannot be undone; run it again with --yes to delete them"
            )
        deleted = store.apply_retention()
        unit = "year" if years == "1" else "years"
        print(f"closed cases deleted: {len(deleted)} (kept: {years} {unit})")
        return EXIT_OK

    return with_store(args, run)
