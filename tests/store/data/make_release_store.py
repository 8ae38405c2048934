"""Makes ``store-0005``: a store written by the release whose schema head is
0005 (main at 38ccb10), through that release's own store API, for the
migration test. Run from a checkout of that release:

    git worktree add --detach /tmp/idcheck-0005 38ccb10
    cd /tmp/idcheck-0005
    PYTHONPATH=src python /path/to/make_release_store.py OUT_DIR

The password of ``anna`` (administrator) and ``ben`` (worker) is in
``store-0005/PASSWORD``; the key slots use the store's floor cost. No real
person's data: every name and word is made up.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.store import Adult, AnswerContext, CaseDetails, Decision, SiteProfile, Store
from idcheck.store.keys import MINIMUM_KDF

PASSWORD = "release store 0005"


def main(out: Path) -> None:
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    store, _recovery = Store.create(out, "anna", PASSWORD, kdf=MINIMUM_KDF)
    store.add_user("ben", PASSWORD, "worker")
    store.set_site_profile(
        SiteProfile(name="Test site", jurisdiction="NO", phone="+47 000", print_language="en")
    )
    ctx = AnswerContext(
        source="child-said",
        child_words="Jeg må betale for reisen",
        language="nb",
        interpreter_present=True,
        interpreter="Phone 4411",
        read_back=True,
    )
    names = [("Øystein", "Ås"), ("Mei", "Lin"), ("سارا", "احمدی"), (None, None)]
    for n, (given, family) in enumerate(names, start=1):
        cid = store.create_case(
            CaseDetails(
                reference=f"R5-{n:03d}",
                given_name=given,
                family_name=family,
                claimed_age=14 + n % 3,
                age_disputed=n % 2 == 0,
                nationality="VN",
                identified_by="police",
                adults=(Adult("woman, about 40", "aunt"),) if n == 1 else (),
                notes=f"note {n}",
            )
        )
        sid = store.start_screening(cid, checklist, text, sha)
        store.record_answer(sid, "documents-held", Answer(value="unsure"), ctx)
        store.record_answer(sid, "documents-held", Answer(value="yes"), ctx)
        store.record_answer(sid, "debt", Answer(status="declined"))
        if n == 4:
            continue  # a draft left open
        store.record_decision(
            sid, Decision("full-screening", ("signs-recorded",), "full-screening")
        )
        store.complete_screening(sid)
        if n == 1:  # an amendment, completed with another decision
            aid = store.amend_screening(sid)
            store.record_answer(aid, "fear-threats", Answer(value="yes"), ctx)
            store.record_decision(
                aid,
                Decision(
                    "full-screening",
                    ("signs-recorded",),
                    "immediate-protection",
                    "fear of the adult",
                ),
            )
            store.complete_screening(aid)
        if n == 3:
            store.close_case(cid)
    (out / "MANIFEST.json").write_text(
        json.dumps(manifest(store), indent=1) + "\n", encoding="utf-8"
    )
    store.lock()
    (out / "idcheck.lock").unlink(missing_ok=True)
    (out / "PASSWORD").write_text(PASSWORD + "\n", encoding="utf-8")


#: The tables whose every row the migration must keep, by primary key.
TABLES = {
    "users": "id",
    "cases": "id",
    "accompanying_adults": "id",
    "checklist_texts": "sha256",
    "screenings": "id",
    "answers": "id",
    "contacts": "id",
    "settings": "key",
    "audit": "seq",
    "pinned_documents": "screening_id",
}


def manifest(store: Store) -> dict[str, object]:
    """Each table's columns and, per row, the SHA-256 of its values as text (the
    test compares the migrated store's rows with these; no data in clear)."""
    out: dict[str, object] = {}
    with store.engine.connect() as conn:
        for table, key in TABLES.items():
            cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            rows = conn.exec_driver_sql(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}"
            ).all()
            out[table] = {"columns": cols, "rows": [row_hash(r) for r in rows]}
    return out


def row_hash(row: object) -> str:
    return hashlib.sha256(repr(tuple(row)).encode("utf-8")).hexdigest()  # type: ignore[arg-type]


if __name__ == "__main__":
    main(Path(sys.argv[1]))
