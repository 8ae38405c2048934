"""The site profile: who runs this store, in which jurisdiction, which referral
routes it uses, the language its printed documents are made in, and its own
phone and address. Kept in the ``settings`` table, one key per field. Qt-free."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from idcheck.choices import JURISDICTIONS as JURISDICTIONS
from idcheck.choices import PRINT_LANGUAGES as PRINT_LANGUAGES
from idcheck.store.errors import InvalidInput

#: settings table key of each field.
SETTING_KEYS: dict[str, str] = {
    "name": "site_name",
    "jurisdiction": "jurisdiction",
    "phone": "site_phone",
    "address": "site_address",
    "print_language": "print_language",
    "route_ids": "site_routes",
}
#: The longest text each field takes (characters).
MAX_LENGTHS: dict[str, int] = {"name": 120, "phone": 40, "address": 300}
_ROUTE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
#: Jurisdictions written before the codes had regions: a routes file's country.
_LEGACY = {"GB": "GB-EAW"}


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """The site as an administrator set it up; ``""`` is a field not yet set.

    ``route_ids`` names the routes files the site uses (``routes-no``); empty
    means every installed routes file of the site's country."""

    name: str = ""
    jurisdiction: str = ""
    phone: str = ""
    address: str = ""
    print_language: str = "en"
    route_ids: tuple[str, ...] = ()

    @property
    def is_set_up(self) -> bool:
        """A name and a jurisdiction are set."""
        return bool(self.name.strip() and self.jurisdiction)

    @property
    def country(self) -> str:
        """The country part of the jurisdiction (``GB`` for ``GB-SCT``), as
        routes files name it; ``""`` when none is set."""
        return self.jurisdiction.split("-", 1)[0]

    def as_dict(self) -> dict[str, Any]:
        """The fields by name (route ids as a list), as pinned with a screening."""
        return {
            "name": self.name,
            "jurisdiction": self.jurisdiction,
            "phone": self.phone,
            "address": self.address,
            "print_language": self.print_language,
            "route_ids": list(self.route_ids),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SiteProfile:
        """From :meth:`as_dict`'s form, or from settings keys (``site_name``...)."""

        def get(field: str) -> Any:
            return d.get(field, d.get(SETTING_KEYS[field]))

        routes = get("route_ids") or ()
        if isinstance(routes, str):
            routes = [r for r in routes.split(",") if r]
        return cls(
            name=str(get("name") or ""),
            jurisdiction=normalise_jurisdiction(str(get("jurisdiction") or "")),
            phone=str(get("phone") or ""),
            address=str(get("address") or ""),
            print_language=str(get("print_language") or "en"),
            route_ids=tuple(str(r) for r in routes),
        )

    def settings(self) -> dict[str, str]:
        """The settings table rows this profile is kept in."""
        return {
            "site_name": self.name,
            "jurisdiction": self.jurisdiction,
            "site_phone": self.phone,
            "site_address": self.address,
            "print_language": self.print_language,
            "site_routes": ",".join(self.route_ids),
        }


def normalise_jurisdiction(code: str) -> str:
    """A stored code as the profile carries it: upper case; ``GB`` (a country
    only) read as England and Wales, which the GB routes file is written for."""
    code = code.strip().upper()
    return _LEGACY.get(code, code)


def _has_control(text: str, *, newlines: bool) -> bool:
    for c in text:
        if newlines and c == "\n":
            continue
        if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in "\u200c\u200d":
            return True
    return False


def check_profile(profile: SiteProfile, installed_routes: Mapping[str, str]) -> SiteProfile:
    """The profile with its texts trimmed, or InvalidInput saying what is wrong.

    ``installed_routes`` maps each installed routes file id to its country."""
    name = profile.name.strip()
    phone = profile.phone.strip()
    address = profile.address.strip().replace("\r\n", "\n")
    for label, value, newlines in (
        ("name", name, False),
        ("phone", phone, False),
        ("address", address, True),
    ):
        if _has_control(value, newlines=newlines):
            raise InvalidInput(f"the site's {label} has a control character; type it again")
        limit = MAX_LENGTHS[label]
        if len(value) > limit:
            raise InvalidInput(
                f"the site's {label} is {len(value)} characters long; at most {limit}"
            )
    if phone and not re.fullmatch(r"[0-9+()\-./ ]*[0-9][0-9+()\-./ ]*", phone):
        raise InvalidInput(
            f"the site's phone {phone!r} is not a phone number (digits, spaces, + ( ) - . /)"
        )
    if address.count("\n") > 5:
        raise InvalidInput("the site's address has more than 6 lines")
    jurisdiction = profile.jurisdiction.strip().upper()
    if jurisdiction and jurisdiction not in JURISDICTIONS:
        known = ", ".join(f"{k} ({v})" for k, v in JURISDICTIONS.items())
        raise InvalidInput(f"unknown jurisdiction {profile.jurisdiction!r}; one of: {known}")
    lang = profile.print_language.strip()
    if lang not in PRINT_LANGUAGES:
        known = ", ".join(f"{k} ({v})" for k, v in PRINT_LANGUAGES.items())
        raise InvalidInput(f"unknown print language {profile.print_language!r}; one of: {known}")
    routes: list[str] = []
    for r in profile.route_ids:
        r = r.strip()
        if not r:
            continue
        if not _ROUTE_ID.fullmatch(r):
            raise InvalidInput(f"{r!r} is not a routes file id (such as routes-no)")
        if r not in installed_routes:
            known = ", ".join(sorted(installed_routes)) or "none"
            raise InvalidInput(f"no installed routes file {r!r}; installed: {known}")
        if r not in routes:
            routes.append(r)
    return SiteProfile(
        name=name,
        jurisdiction=jurisdiction,
        phone=phone,
        address=address,
        print_language=lang,
        route_ids=tuple(routes),
    )


def installed_routes() -> dict[str, str]:
    """Each installed routes file's id and the country it is written for."""
    from idcheck.checklist import ChecklistError, Routes, load_entry
    from idcheck.checklist.catalogue import newest_entries

    out: dict[str, str] = {}
    for entry in newest_entries():  # a version's id and country never change
        try:
            obj = load_entry(entry)
        except (ChecklistError, OSError):
            continue
        if isinstance(obj, Routes):
            out[entry.id] = obj.jurisdiction
    return out


def routes_for(profile: SiteProfile, installed: Mapping[str, str] | None = None) -> list[str]:
    """The routes file ids the site uses: those it names, or else every installed
    routes file of its country; none when no jurisdiction is set."""
    if profile.route_ids:
        return list(profile.route_ids)
    if not profile.jurisdiction:
        return []
    found = installed_routes() if installed is None else installed
    return sorted(r for r, country in found.items() if country == profile.country)
