"""Sharing cases with other stores, as the store does it: its keys (the private
halves never leave this object), the recipients it knows, the packages it sent
and received, and the merge of a received package in one transaction.

The package file itself (encryption, signature, format) is
:mod:`idcheck.sharing`'s; the store signs and decrypts for it, reads the cases
out (:mod:`.exchange_out`) and merges them in (:mod:`.exchange_in`).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import pyrage
from sqlalchemy import Connection, func, insert, or_, select, update

from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.exchange_in import Merger, MergeReport, Sender
from idcheck.store.exchange_model import PackageBody
from idcheck.store.exchange_out import package_body
from idcheck.store.schema import (
    audit,
    case_versions,
    cases,
    recipients,
    settings,
    sharing_keys,
    transfers,
    users,
)
from idcheck.store.sharing_keys import (
    PublicKeys,
    age_public,
    normal_fingerprint,
    sign,
    sign_public,
)

#: Audit actions that change nothing of a case (views, exports, prints): the
#: rest mark a case changed since the last transfer.
_NOT_CHANGES = ("%-viewed", "%-exported", "%-printed")


@dataclass(frozen=True, slots=True)
class Recipient:
    """A site or agency in the directory, by its public keys."""

    id: int
    name: str
    kind: str  # site | agency
    keys: PublicKeys
    added_at: float
    #: When and by whom it was revoked (None: it is not).
    revoked_at: float | None = None
    revoked_by: str | None = None

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def revocation(self) -> str:
        """``revoked on YYYY-MM-DD HH:MM by NAME``, for messages."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.revoked_at or 0))
        return f"revoked on {when} by {self.revoked_by or 'an administrator'}"


@dataclass(frozen=True, slots=True)
class CaseVersion:
    """Another site's version of a case's details, kept beside this store's
    because both sides changed them."""

    origin: str
    at: float
    details: dict[str, Any]


class Exchange(StoreCore):
    """Keys, recipients, transfers and merging."""

    # ------------------------------------------------------------------ keys

    def _secret(self, conn: Connection, key: str) -> str:
        v = conn.execute(select(sharing_keys.c[key])).scalar()
        if v is None:
            raise InvalidInput("this store has no sharing keys; open it once to add them")
        return str(v)

    def sharing_keys(self) -> PublicKeys:
        """This store's public keys, named after its site."""
        with self._read() as conn:
            name = conn.execute(
                select(settings.c.value).where(settings.c.key == "site_name")
            ).scalar()
            return PublicKeys(
                str(name or ""),
                age_public(self._secret(conn, "age_identity")),
                sign_public(self._secret(conn, "sign_key")),
            )

    def store_uid(self) -> str:
        with self._read() as conn:
            return self._secret(conn, "store_uid")

    def sign_package(self, data: bytes) -> bytes:
        """An Ed25519 signature of ``data`` by this store."""
        with self._read() as conn:
            return sign(self._secret(conn, "sign_key"), data)

    def decrypt_package(self, data: bytes) -> bytes:
        """``data`` (an age file) decrypted with this store's identity; raises
        ``pyrage.DecryptError`` when it is not for this store, or damaged."""
        with self._read() as conn:
            identity = pyrage.x25519.Identity.from_str(self._secret(conn, "age_identity"))
        return bytes(pyrage.decrypt(data, [identity]))

    # ------------------------------------------------------------ recipients

    def add_recipient(self, name: str, keys: PublicKeys) -> Recipient:
        """Add a site (age and signing keys) or an agency (an age key alone) to
        the directory (administrators); audited as ``recipient-added``."""
        self._require_admin("add recipients to the directory")
        name = name.strip()
        if not name or len(name) > 120 or any(ord(c) < 32 for c in name):
            raise InvalidInput("a recipient needs a name of at most 120 characters on one line")
        if keys.age == self.sharing_keys().age:
            raise InvalidInput("that is this store's own key")
        with self._write() as conn:
            self._insert_recipient(conn, name, keys)
        found = self.find_recipient(name)
        assert found is not None
        return found

    def _insert_recipient(self, conn: Connection, name: str, keys: PublicKeys) -> None:
        clash = conn.execute(
            select(recipients.c.name).where(
                or_(
                    recipients.c.name == name,
                    recipients.c.fingerprint == keys.fingerprint,
                    recipients.c.age_key == keys.age,
                )
            )
        ).scalar()
        if clash is not None:
            raise InvalidInput(
                f"the directory has {clash!r} already (same name or key; a revoked recipient "
                "stays listed: add a new key under another name)"
            )
        rid = conn.execute(
            insert(recipients).values(
                name=name,
                kind="site" if keys.sign is not None else "agency",
                age_key=keys.age,
                sign_key=keys.sign,
                fingerprint=keys.fingerprint,
                added_at=time.time(),
                added_by=self.user.id,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        self._audit_row(conn, "recipient-added", keys.fingerprint, object_id=rid)

    def list_recipients(self) -> list[Recipient]:
        """The directory, by name; a revoked recipient stays listed as revoked."""
        with self._read() as conn:
            return [_recipient(r) for r in conn.execute(_RECIPIENTS.order_by(recipients.c.name))]

    def find_recipient(self, text: str) -> Recipient | None:
        """A recipient by its name, its age key, its signing key or its fingerprint."""
        t = text.strip()
        with self._read() as conn:
            r = conn.execute(
                _RECIPIENTS.where(
                    or_(
                        recipients.c.name == t,
                        recipients.c.age_key == t,
                        recipients.c.sign_key == t,
                        recipients.c.fingerprint == normal_fingerprint(t),
                    )
                )
            ).first()
        return None if r is None else _recipient(r)

    def revoke_recipient(self, text: str) -> Recipient:
        """Revoke a recipient (by name or fingerprint; administrators): nothing is
        sent to it from now on and no package it signs is imported; it stays
        listed. Audited as ``recipient-revoked`` with its fingerprint."""
        self._require_admin("revoke recipients")
        found = self.find_recipient(text)
        if found is None:
            raise InvalidInput(f"no recipient {text.strip()!r} in the directory; nothing changed")
        if found.revoked:
            raise InvalidInput(f"{found.name} was {found.revocation()} already; nothing changed")
        with self._write() as conn:
            conn.execute(
                update(recipients)
                .where(recipients.c.id == found.id)
                .values(revoked_at=time.time(), revoked_by=self.user.id)
            )
            self._audit_row(conn, "recipient-revoked", found.fingerprint, object_id=found.id)
        revoked = self.find_recipient(found.fingerprint)
        assert revoked is not None
        return revoked

    # ------------------------------------------------------------- transfers

    def case_id_by_reference(self, reference: str) -> int:
        """The case with exactly this reference (InvalidInput when none)."""
        with self._read() as conn:
            cid = conn.execute(select(cases.c.id).where(cases.c.reference == reference)).scalar()
        if cid is None:
            raise InvalidInput(f"no case with reference {reference!r}")
        return int(cid)

    def case_ids_changed_since_transfer(self, fingerprint: str) -> list[int]:
        """Cases changed (created, answered, decided, received …) since the last
        package sent to ``fingerprint`` (every case when none was sent)."""
        with self._read() as conn:
            last = conn.execute(
                select(func.max(transfers.c.at)).where(
                    transfers.c.direction == "out", transfers.c.peer == fingerprint
                )
            ).scalar()
            q = select(audit.c.case_id).where(audit.c.case_id.is_not(None)).distinct()
            for pattern in _NOT_CHANGES:
                q = q.where(audit.c.action.not_like(pattern))
            if last is not None:
                q = q.where(audit.c.at > last)
            changed = set(conn.execute(q).scalars())
            live = conn.execute(select(cases.c.id).order_by(cases.c.id)).scalars()
            return [int(c) for c in live if c in changed]

    def package_cases(self, case_ids: list[int]) -> PackageBody:
        """The cases with everything recorded about them, as a package body."""
        own = self.sharing_keys().fingerprint
        uid = self.store_uid()
        with self._write() as conn:
            # A case written by other means than create_case (a bulk load) gets its
            # global id now, once.
            for cid in conn.execute(
                select(cases.c.id).where(cases.c.uid.is_(None), cases.c.id.in_(case_ids))
            ).scalars():
                conn.execute(update(cases).where(cases.c.id == cid).values(uid=str(uuid.uuid4())))
            return package_body(conn, case_ids, uid, own)

    def record_export(
        self, package_id: str, sha256: str, to: list[PublicKeys], body: PackageBody
    ) -> None:
        """Audit a package written (``package-exported`` per recipient, with the
        file's hash, and ``case-exported`` per case) and remember the versions of
        the cases' details sent."""
        now = time.time()
        with self._write() as conn:
            ids = {
                c.uid: int(i)
                for i, c in zip(
                    (
                        conn.execute(select(cases.c.id).where(cases.c.uid == pc.uid)).scalar_one()
                        for pc in body.cases
                    ),
                    body.cases,
                    strict=True,
                )
            }
            for keys in to:
                tid = _transfer(conn, "out", package_id, sha256, keys, len(body.cases), now, self)
                self._audit_row(
                    conn, "package-exported", _content(sha256, "to", keys), object_id=tid
                )
            for pc in body.cases:
                cid = ids[pc.uid]
                self._audit_row(conn, "case-exported", case_id=cid)
                conn.execute(
                    insert(case_versions).values(
                        case_id=cid, hash=pc.details_hash, at=now, conflict=False
                    )
                )

    def record_pdf_export(self, sha256: str, to: list[PublicKeys], screening_id: int) -> None:
        """Audit a referral sent encrypted (``report-exported-encrypted``)."""
        with self._write() as conn:
            case_id = _case_of(conn, screening_id)
            for keys in to:
                self._audit_row(
                    conn,
                    "report-exported-encrypted",
                    _content(sha256, "to", keys),
                    case_id=case_id,
                    screening_id=screening_id,
                )

    def package_received(self, package_id: str) -> float | None:
        """When this package was imported here before (None: never)."""
        with self._read() as conn:
            at = conn.execute(
                select(func.min(transfers.c.at)).where(
                    transfers.c.direction == "in", transfers.c.package_id == package_id
                )
            ).scalar()
        return None if at is None else float(at)

    def merge_package(
        self,
        package_id: str,
        sha256: str,
        sender: PublicKeys,
        body: PackageBody,
        *,
        add_sender_as: str | None = None,
    ) -> MergeReport:
        """Merge a received package's cases (see :mod:`.exchange_in`), in one
        transaction with its audit rows (``package-imported`` with the file's hash
        and the sender; ``case-imported`` per case changed): on any error nothing
        is written. ``add_sender_as``: the sender, whose fingerprint the user
        confirmed, goes into the directory under this name in the same transaction."""
        own = self.sharing_keys()
        uid = self.store_uid()
        with self._write() as conn:
            if conn.execute(
                select(transfers.c.id).where(
                    transfers.c.direction == "in", transfers.c.package_id == package_id
                )
            ).first():
                raise InvalidInput("this package was imported here already; nothing changed")
            if add_sender_as is not None:
                self._insert_recipient(conn, add_sender_as, sender)
            tid = _transfer(conn, "in", package_id, sha256, sender, len(body.cases), None, self)
            self._audit_row(
                conn,
                "package-imported",
                _content(sha256, "from", sender) + f";to={own.fingerprint}",
                object_id=tid,
            )
            merger = Merger(
                conn,
                audit=self._audit_row,
                checklist=self._checklist,
                store_uid=uid,
                own_site=own.fingerprint,
                sender=Sender(sender.name, sender.fingerprint),
                transfer_id=tid,
            )
            return merger.run(body)

    def case_versions(self, case_id: int) -> list[CaseVersion]:
        """Other sites' versions of the case's details kept beside this store's."""
        with self._read() as conn:
            return [
                CaseVersion(r.origin or "", float(r.at), json.loads(r.details))
                for r in conn.execute(
                    select(case_versions)
                    .where(case_versions.c.case_id == case_id, case_versions.c.conflict)
                    .order_by(case_versions.c.id)
                )
            ]


_REVOKER = users.alias("revoker")
_RECIPIENTS = select(recipients, _REVOKER.c.username.label("revoker")).outerjoin(
    _REVOKER, _REVOKER.c.id == recipients.c.revoked_by
)


def _recipient(r: Any) -> Recipient:
    return Recipient(
        int(r.id),
        r.name,
        r.kind,
        PublicKeys(r.name, r.age_key, r.sign_key),
        float(r.added_at),
        None if r.revoked_at is None else float(r.revoked_at),
        r.revoker,
    )


def _content(sha256: str, direction: str, keys: PublicKeys) -> str:
    return f"package-sha256={sha256};{direction}={keys.fingerprint}"


def _case_of(conn: Connection, screening_id: int) -> int:
    from idcheck.store.screenings import screening_row

    return int(screening_row(conn, screening_id).case_id)


def _transfer(
    conn: Connection,
    direction: str,
    package_id: str,
    sha256: str,
    peer: PublicKeys,
    n: int,
    at: float | None,
    store: StoreCore,
) -> int:
    return int(
        conn.execute(
            insert(transfers).values(
                direction=direction,
                package_id=package_id,
                sha256=sha256,
                peer=peer.fingerprint,
                peer_name=peer.name,
                cases=n,
                at=time.time() if at is None else at,
                by=store.user.id,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
    )
