"""The site profile: read by anyone signed in, set by administrators only,
checked field by field, audited, kept in the settings table so stores made
before it keep their site name and jurisdiction."""

from __future__ import annotations

import dataclasses

import pytest

from idcheck.paths import DB_NAME
from idcheck.store import (
    InvalidInput,
    NotAllowed,
    SiteProfile,
    Store,
    installed_routes,
    routes_for,
)
from idcheck.store.database import make_engine

PASSWORD = "correct horse battery"  # as in conftest.py
WORKER_PASSWORD = "worker password 1"

NORD = SiteProfile(
    name="Mottak Nord",
    jurisdiction="NO",
    phone="+47 22 00 00 00",
    address="Storgata 1\n0155 Oslo",
    print_language="nb",
)


def _actions(store: Store) -> list[str]:
    return [r.action for r in store.audit_trail()]


def test_a_new_store_has_no_site_set_up(store):
    profile = store.site_profile()
    assert profile == SiteProfile()
    assert not profile.is_set_up
    assert profile.print_language == "en"


def test_an_administrator_sets_the_site_and_it_is_audited_once(store):
    before = _actions(store)
    store.set_site_profile(NORD)
    assert store.site_profile() == NORD
    assert store.site_profile().is_set_up
    assert _actions(store)[len(before) :] == ["site-changed"]


def test_the_site_survives_locking_and_reopening(store, data_dir):
    store.set_site_profile(dataclasses.replace(NORD, route_ids=("routes-no", "routes-gb")))
    store.lock()
    again = Store.open(data_dir, "anna", PASSWORD)
    try:
        assert again.site_profile().route_ids == ("routes-no", "routes-gb")
        assert again.site_profile().address == "Storgata 1\n0155 Oslo"
    finally:
        again.lock()


def test_a_worker_reads_the_site_but_cannot_change_it(store, data_dir):
    store.set_site_profile(NORD)
    store.lock()
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        assert worker.site_profile() == NORD
        with pytest.raises(NotAllowed):
            worker.set_site_profile(dataclasses.replace(NORD, name="Elsewhere"))
        assert worker.site_profile() == NORD
    finally:
        worker.lock()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"jurisdiction": "SE"}, "unknown jurisdiction 'SE'; one of: NO (Norway)"),
        ({"jurisdiction": "GB"}, "unknown jurisdiction 'GB'"),
        ({"print_language": "de"}, "unknown print language 'de'; one of: en (English)"),
        ({"name": "Mottak\x07Nord"}, "the site's name has a control character"),
        ({"name": "Mottak\nNord"}, "the site's name has a control character"),
        ({"phone": "22\u202e00"}, "the site's phone has a control character"),
        ({"address": "Storgata 1\x00"}, "the site's address has a control character"),
        ({"name": "N" * 121}, "the site's name is 121 characters long; at most 120"),
        ({"address": "a" * 301}, "the site's address is 301 characters long; at most 300"),
        ({"address": "\n".join("abcdefg")}, "the site's address has more than 6 lines"),
        ({"phone": "call Anna"}, "the site's phone 'call Anna' is not a phone number"),
        ({"route_ids": ("routes-se",)}, "no installed routes file 'routes-se'; installed: "),
        ({"route_ids": ("../etc",)}, "'../etc' is not a routes file id"),
    ],
)
def test_bad_site_fields_get_a_clear_message_and_change_nothing(store, change, message):
    store.set_site_profile(NORD)
    before = _actions(store)
    with pytest.raises(InvalidInput) as e:
        store.set_site_profile(dataclasses.replace(NORD, **change))
    assert message in str(e.value)
    assert "\n" not in str(e.value)
    assert store.site_profile() == NORD
    assert _actions(store) == before


def test_texts_are_trimmed_and_codes_read_in_either_case(store):
    store.set_site_profile(
        SiteProfile(
            name="  Mottak Nord ",
            jurisdiction="gb-sct",
            phone=" 0131 000 0000 ",
            route_ids=("routes-gb", "routes-gb"),
        )
    )
    got = store.site_profile()
    assert (got.name, got.jurisdiction, got.phone, got.route_ids) == (
        "Mottak Nord",
        "GB-SCT",
        "0131 000 0000",
        ("routes-gb",),
    )


def test_the_site_keys_are_not_set_around_the_checks(store):
    with pytest.raises(InvalidInput, match="part of the site profile"):
        store.set_setting("jurisdiction", "XX")
    assert store.site_profile().jurisdiction == ""


def test_routes_default_to_the_installed_routes_of_the_site_country():
    installed = installed_routes()
    assert installed["routes-no"] == "NO" and installed["routes-gb"] == "GB"
    assert routes_for(SiteProfile(name="x", jurisdiction="NO")) == ["routes-no"]
    assert routes_for(SiteProfile(name="x", jurisdiction="GB-SCT")) == ["routes-gb"]
    assert routes_for(
        SiteProfile(name="x", jurisdiction="GB-NIR"), {"routes-gb": "GB", "routes-gb-nir": "GB"}
    ) == ["routes-gb", "routes-gb-nir"]
    assert routes_for(SiteProfile(name="x", jurisdiction="NO", route_ids=("routes-gb",))) == [
        "routes-gb"
    ]
    assert routes_for(SiteProfile()) == []


def test_a_store_made_before_the_site_profile_keeps_its_site_name_and_jurisdiction(
    first_schema_store,
):
    engine = make_engine(first_schema_store.path / DB_NAME, first_schema_store.key)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE settings SET value = 'Mottak Nord' WHERE key = 'site_name'")
        conn.exec_driver_sql("UPDATE settings SET value = 'no' WHERE key = 'jurisdiction'")
    engine.dispose()
    store = Store.open(first_schema_store.path, "anna", PASSWORD)
    try:
        profile = store.site_profile()
        assert (profile.name, profile.jurisdiction, profile.print_language) == (
            "Mottak Nord",
            "NO",
            "en",
        )
        assert profile.is_set_up
        store.set_site_profile(dataclasses.replace(profile, phone="22 00 00 00"))
        assert store.site_profile().name == "Mottak Nord"
    finally:
        store.lock()
