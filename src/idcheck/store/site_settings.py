"""The site as the store keeps it: its profile and settings, the local contacts,
and the retention of closed cases."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from idcheck.checklist import Contact, Directory
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.schema import (
    answers,
    cases,
    contacts,
    pinned_documents,
    purge,
    screenings,
    settings,
)
from idcheck.store.site import SETTING_KEYS, SiteProfile, check_profile, installed_routes

DEFAULTS = {"idle_minutes": "5", "retention_years": "0"}
#: The range of each number setting, as the window offers it.
RANGES = {"idle_minutes": (1, 60), "retention_years": (0, 99)}
_SAID = {"idle_minutes": "the idle time (minutes)", "retention_years": "the retention time (years)"}
#: The site profile's keys (set through set_site_profile, which checks them).
_SITE_KEYS = frozenset(SETTING_KEYS.values())
_CONTACT_FIELDS = ("role", "name", "phone", "hours", "note")


class SiteSettings(StoreCore):
    """The site profile, settings, local contacts and retention."""

    def list_contacts(self) -> list[dict[str, str | None]]:
        """The local directory: dicts with role, name, phone, hours, note; by role."""
        with self._read() as conn:
            return contact_rows(conn)

    def save_contacts(
        self, entries: Directory | Iterable[Contact | Mapping[str, str | None]]
    ) -> None:
        """Replace the local directory (administrators only) with a site directory
        file's contacts, or with Contact records or dicts of the same fields."""
        self._require_admin("change the contacts")
        items = entries.contacts if isinstance(entries, Directory) else entries
        rows: list[dict[str, str | None]] = []
        for e in items:
            d: Mapping[str, Any] = e.model_dump() if isinstance(e, Contact) else e
            if not d.get("role") or not d.get("name"):
                raise InvalidInput("every contact needs a role and a name")
            rows.append({k: d.get(k) for k in _CONTACT_FIELDS})
        with self._write() as conn:
            conn.execute(delete(contacts))
            if rows:
                conn.execute(insert(contacts), rows)
            self._audit_row(conn, "contacts-changed")

    def get_setting(self, key: str) -> str:
        with self._read() as conn:
            v = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return str(v) if v is not None else DEFAULTS.get(key, "")

    def site_profile(self) -> SiteProfile:
        """The site as set up (fields not yet set are ``""``); any signed-in user."""
        with self._read() as conn:
            return site_profile_in(conn)

    def set_site_profile(self, profile: SiteProfile) -> None:
        """Replace the site profile (administrators only; checked, then audited
        as ``site-changed``). InvalidInput says which field is wrong."""
        self._require_admin("change the site profile")
        checked = check_profile(profile, installed_routes())
        with self._write() as conn:
            rows = checked.settings()
            conn.execute(delete(settings).where(settings.c.key.in_(list(rows))))
            conn.execute(insert(settings), [{"key": k, "value": v} for k, v in rows.items()])
            self._audit_row(conn, "site-changed")

    def set_setting(self, key: str, value: str) -> None:
        self._require_admin("change settings")
        if key in _SITE_KEYS:
            raise InvalidInput(f"{key!r} is part of the site profile; set it with the site")
        if key not in DEFAULTS:
            raise InvalidInput(f"unknown setting {key!r}")
        if key in RANGES:
            low, high = RANGES[key]
            if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
                raise InvalidInput(
                    f"{_SAID[key]} must be a whole number from {low} to {high}, not {value!r}"
                )
        with self._write() as conn:
            conn.execute(delete(settings).where(settings.c.key == key))
            conn.execute(insert(settings).values(key=key, value=value))
            self._audit_row(conn, "setting-changed")

    def apply_retention(self, now: float | None = None) -> list[int]:
        """Delete closed cases older than the retention setting (0 = keep all); each
        deletion is audited by id. Returns the deleted case ids."""
        self._require_admin("apply retention")
        years = int(self.get_setting("retention_years") or 0)
        if years <= 0:
            return []
        cutoff = (time.time() if now is None else now) - years * 365.25 * 86400
        with self._write() as conn:
            ids = [
                r.id
                for r in conn.execute(
                    select(cases.c.id).where(cases.c.status == "closed", cases.c.closed_at < cutoff)
                )
            ]
            for cid in ids:
                _delete_case(conn, cid)
                self._audit_row(conn, "case-deleted-retention", case_id=cid)
        return ids


def _delete_case(conn: Connection, cid: int) -> None:
    """A case and everything recorded about it (the purge row lets the
    protecting triggers allow it, for this case only, inside this transaction)."""
    conn.execute(insert(purge).values(case_id=cid))
    conn.execute(
        delete(answers).where(
            answers.c.screening_id.in_(select(screenings.c.id).where(screenings.c.case_id == cid))
        )
    )
    conn.execute(delete(pinned_documents).where(pinned_documents.c.case_id == cid))
    conn.execute(
        delete(screenings).where(screenings.c.case_id == cid, screenings.c.amends_id.is_not(None))
    )
    conn.execute(delete(screenings).where(screenings.c.case_id == cid))
    conn.execute(delete(cases).where(cases.c.id == cid))
    conn.execute(delete(purge).where(purge.c.case_id == cid))


def contact_rows(conn: Connection) -> list[dict[str, Any]]:
    """The local directory as dicts (role, name, phone, hours, note), by role."""
    return [
        dict(r._mapping)
        for r in conn.execute(
            select(*(contacts.c[k] for k in _CONTACT_FIELDS)).order_by(
                contacts.c.role, contacts.c.id
            )
        )
    ]


def site_profile_in(conn: Connection) -> SiteProfile:
    """The site profile as stored, inside ``conn``'s transaction."""
    rows = conn.execute(
        select(settings.c.key, settings.c.value).where(settings.c.key.in_(_SITE_KEYS))
    )
    return SiteProfile.from_dict({r.key: r.value for r in rows})
