"""The store's tests share the bundled intake screen and a store as the first
release wrote it; the store itself is tests/conftest.py's (``store``,
``data_dir``, ``template``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, WORKER_PASSWORD  # noqa: F401  (the store's tests use them)

from idcheck.checklist import Answer, Checklist, find, load_checklist_bytes
from idcheck.store import CaseDetails, Decision


@dataclass
class Bundled:
    checklist: Checklist
    text: bytes
    sha256: str


@pytest.fixture(scope="session")
def intake() -> Bundled:
    text = find("intake-screen").path.read_bytes()
    return Bundled(load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())


def start(store, intake, ref="2026-001"):
    """A case and a draft screening of it with the intake screen: (case id, screening id)."""
    cid = store.create_case(CaseDetails(reference=ref))
    return cid, store.start_screening(cid, intake.checklist, intake.text, intake.sha256)


def screened(store, intake, ref, answers, outcome=None, **details):
    """A case screened with ``answers`` (item -> value); completed with ``outcome``
    as the decision when given."""
    cid = store.create_case(CaseDetails(reference=ref, **details))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    for item, value in answers.items():
        store.record_answer(sid, item, Answer(value=value))
    if outcome:
        store.record_decision(sid, Decision(outcome, (), outcome))
        store.complete_screening(sid)
    return cid, sid


# ------------------------------------------------------- a store of the first schema

FIRST_REVISION = "0001"


@dataclass
class FirstSchemaStore:
    path: Path
    key: bytearray
    draft_id: int
    completed_id: int


def build_first_schema_store(path: Path, bundled: Bundled) -> FirstSchemaStore:
    """A store as the first release wrote it: the schema made by Alembic's first
    revision only, rows written with that schema's SQL (not today's code), an
    audit chain, and key slots. Keep this builder as it is when the schema moves
    on: it is what proves that old stores still open."""
    import secrets
    import time

    from alembic import command

    from idcheck.paths import DB_NAME
    from idcheck.store import audit
    from idcheck.store.database import alembic_config, make_engine

    path.mkdir(parents=True)
    key = bytearray(secrets.token_bytes(32))
    engine = make_engine(path / DB_NAME, key, create=True)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, FIRST_REVISION)
    now = time.time() - 86400
    rows = [
        (
            "INSERT INTO users (id, username, role, disabled, created_at) VALUES (1, 'anna', 'admin', 0, ?)",
            (now,),
        ),
        (
            "INSERT INTO settings (key, value) VALUES ('idle_minutes', '5'), ('retention_years', '0'),"
            " ('site_name', ''), ('jurisdiction', '')",
            (),
        ),
        (
            "INSERT INTO cases (id, reference, given_name, search_key, claimed_age, age_disputed, status,"
            " created_at, updated_at, created_by) VALUES (1, 'V1-001', 'Øystein', 'v1-001 oystein', 15, 1,"
            " 'open', ?, ?, 1)",
            (now, now),
        ),
        (
            "INSERT INTO accompanying_adults (case_id, description, stated_relation)"
            " VALUES (1, 'woman, about 40', 'aunt')",
            (),
        ),
        (
            "INSERT INTO checklist_texts (sha256, text) VALUES (?, ?)",
            (bundled.sha256, bundled.text),
        ),
        (
            "INSERT INTO screenings (id, case_id, checklist_id, checklist_version, checklist_sha256, status,"
            " started_at, started_by, position) VALUES (1, 1, ?, ?, ?, 'draft', ?, 1, 'debt')",
            (bundled.checklist.id, bundled.checklist.version, bundled.sha256, now),
        ),
        (
            "INSERT INTO answers (screening_id, item_id, status, value, source, child_words, language,"
            " interpreter_present, interpreter, read_back, answered_by, answered_at)"
            " VALUES (1, 'debt', 'answered', '\"yes\"', 'child-said', 'I must pay for the trip', 'nb',"
            " 1, 'Phone 4411', 1, 1, ?)",
            (now,),
        ),
        (
            "INSERT INTO screenings (id, case_id, checklist_id, checklist_version, checklist_sha256, status,"
            " started_at, started_by, completed_at, suggested_outcome, fired_rules, decision_outcome,"
            " decision_reasons, decided_by, decided_at) VALUES (2, 1, ?, ?, ?, 'draft', ?, 1, NULL,"
            " 'full-screening', '[\"signs-recorded\"]', 'full-screening', '', 1, ?)",
            (bundled.checklist.id, bundled.checklist.version, bundled.sha256, now, now),
        ),
        (
            "INSERT INTO answers (screening_id, item_id, status, value, answered_by, answered_at)"
            " VALUES (2, 'documents-held', 'answered', '\"yes\"', 1, ?)",
            (now,),
        ),
        ("UPDATE screenings SET status = 'completed', completed_at = ? WHERE id = 2", (now,)),
    ]
    events = [
        ("store-created", None, None),
        ("case-created", 1, None),
        ("screening-started", 1, 1),
        ("answer", 1, 1),
        ("screening-started", 1, 2),
        ("answer", 1, 2),
        ("decision", 1, 2),
        ("screening-completed", 1, 2),
    ]
    akey = audit.audit_key(key)
    with engine.begin() as conn:
        for sql, params in rows:
            conn.exec_driver_sql(sql, params)
        prev = audit.GENESIS
        for seq, (action, case_id, screening_id) in enumerate(events, start=1):
            row = {
                "seq": seq,
                "at": round(now + seq, 6),
                "user_id": 1,
                "action": action,
                "case_id": case_id,
                "screening_id": screening_id,
                "object_id": None,
            }
            h = audit.row_hash(akey, prev, row)
            conn.exec_driver_sql(
                "INSERT INTO audit (seq, at, user_id, action, case_id, screening_id, object_id,"
                " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row.values(), prev, h),
            )
            prev = h
    engine.dispose()
    write_first_format_slots(path, bytes(key), [(1, "anna", PASSWORD)])
    return FirstSchemaStore(path, key, draft_id=1, completed_id=2)


def write_first_format_slots(
    path: Path, key: bytes, users: list[tuple[int, str, str]], recovery: bytes | None = None
) -> None:
    """Key slots as the first release wrote them (format version 1: the database
    key wrapped directly by each password, and by the recovery key). Keep as it
    is: it is what proves that old slot files still open."""
    import base64
    import json
    import secrets
    import uuid

    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    store_id = str(uuid.uuid4())
    slots = []
    for uid, name, password in users:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = hash_secret_raw(
            password.encode(),
            salt,
            time_cost=2,
            memory_cost=19 * 1024,
            parallelism=1,
            hash_len=32,
            type=Type.ID,
        )
        wrapped = AESGCM(kek).encrypt(
            nonce, key, f"idcheck-keyslots:{store_id}:user:{uid}".encode()
        )
        slots.append(
            {
                "id": f"user:{uid}",
                "kind": "user",
                "user_id": uid,
                "username": name,
                "salt": b64(salt),
                "nonce": b64(nonce),
                "wrapped": b64(wrapped),
                "kdf": {"name": "argon2id", "t": 2, "m": 19 * 1024, "p": 1},
            }
        )
    if recovery is not None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = HKDF(hashes.SHA256(), 32, salt, b"idcheck recovery slot").derive(recovery)
        wrapped = AESGCM(kek).encrypt(nonce, key, f"idcheck-keyslots:{store_id}:recovery".encode())
        slots.append(
            {
                "id": "recovery",
                "kind": "recovery",
                "user_id": None,
                "username": None,
                "salt": b64(salt),
                "nonce": b64(nonce),
                "wrapped": b64(wrapped),
                "kdf": None,
            }
        )
    for seq, name in enumerate(("keyslots.0.json", "keyslots.1.json"), start=1):
        doc = {
            "format": "idcheck-keyslots",
            "version": 1,
            "store_id": store_id,
            "seq": seq,
            "slots": slots,
        }
        (path / name).write_text(json.dumps(doc, indent=1), encoding="utf-8")


@pytest.fixture
def first_schema_store(tmp_path: Path, intake: Bundled) -> FirstSchemaStore:
    return build_first_schema_store(tmp_path / "v1", intake)
