"""Key slots: the database key sealed to one key pair per user and one for the
recovery key, so the database key can be replaced without anyone's password.

The database key is 32 random bytes, given raw to SQLCipher (its own KDF is
skipped); with it goes the audit chain's HMAC key, which never changes. Each
slot holds an X25519 key pair: its private key wrapped with AES-256-GCM under a
key derived from the user's password by argon2id (random salt), or for the
recovery slot by HKDF from a 160-bit recovery key shown once; its public key in
clear. The database key is *sealed* to each slot's public key (an ephemeral
X25519 exchange, HKDF, AES-256-GCM). Replacing the database key (``PRAGMA
rekey``, when a user is disabled, a password reset by an administrator, the
recovery key used or replaced, and to finish a revocation or a restore that
brings back a disabled user's slot) seals the new key to every remaining public
key: nobody's
password is needed, and a copy of an old slot yields only keys that no longer
open the database.

Everything a slot says about itself (store id, slot id, kind, user id, user
name, public key; the key's generation for a sealed copy) is the AEAD's
associated data: an edited user id or name makes the slot open nothing. The
role is never in a slot: it is read from the database.

A key change is written in three steps, each leaving a way in for every
remaining slot: the slot file with the new key sealed beside the old one; the
database re-keyed in one transaction; the slot file with the old key removed.
The opener tries the older key first, then the newer (a re-key cut short by a
crash is rolled back by the older), and finishes a change it finds half done.

The slot file holding every slot is :mod:`idcheck.store.slotfile`; the count of
failed unlocks, :mod:`idcheck.store.lockout`.

Slot files of the first format (version 1: the database key wrapped directly by
each password) still open; a user's slot is converted at their next unlock, and
a key change drops the slots still in the old form (their passwords must then
be reset) and replaces an old-form recovery slot with a new recovery key.

KDF parameters read from a file are checked against floors and caps, so a
crafted slot file can neither weaken a new password nor demand 4 GiB of memory.
The cost of a new slot is an argument of whatever makes it (``KdfParams()``
unless the caller says otherwise); nothing in the environment changes it.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from idcheck.store.errors import StoreCorrupt

FORMAT = "idcheck-keyslots"
VERSION = 2
KEY_BYTES = 32
RECOVERY_BITS = 160


@dataclass(frozen=True, slots=True)
class KdfParams:
    """argon2id parameters: time cost, memory in KiB, parallelism."""

    t: int = 3
    m: int = 64 * 1024
    p: int = 4

    # OWASP's minimum is m=19 MiB, t=2; the cap keeps a crafted file from
    # exhausting a laptop's memory or hanging the unlock screen.
    FLOORS = (2, 19 * 1024, 1)
    CAPS = (10, 1024 * 1024, 16)

    def checked(self) -> KdfParams:
        for value, lo, hi, name in zip(
            (self.t, self.m, self.p), self.FLOORS, self.CAPS, ("t", "m", "p"), strict=True
        ):
            if not (lo <= value <= hi):
                raise StoreCorrupt(
                    f"key slot asks for argon2id {name}={value}, outside {lo}..{hi}; refused"
                )
        return self


#: The floor new slots may be given (t=2, 19 MiB, p=1): OWASP's minimum, never
#: weaker; for stores that are made by the hundred (tests, benchmarks, training).
MINIMUM_KDF = KdfParams(*KdfParams.FLOORS)


def normal_password(password: str) -> str:
    """A password as it is set and checked: Unicode NFC, so an accent typed as one
    character or as a letter and a combining mark is the same password."""
    return unicodedata.normalize("NFC", password)


def derive_password_key(
    password: str, salt: bytes, kdf: KdfParams, *, normalise: bool = True
) -> bytes:
    kdf.checked()
    if normalise:
        password = normal_password(password)
    return hash_secret_raw(
        password.encode("utf-8", "surrogatepass"),
        salt,
        time_cost=kdf.t,
        memory_cost=kdf.m,
        parallelism=kdf.p,
        hash_len=32,
        type=Type.ID,
    )


def recovery_kek(recovery: bytes, salt: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, b"idcheck recovery slot").derive(recovery)


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key: (text in groups of four for a person to copy, its bytes)."""
    raw = secrets.token_bytes(RECOVERY_BITS // 8)
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4)), raw


def parse_recovery_key(text: str) -> bytes:
    """Bytes of a recovery key typed by a person (case, spaces and dashes ignored)."""
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    clean = clean.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(clean + "=" * (-len(clean) % 8))
    except ValueError:
        raise ValueError(
            "not a recovery key: expected groups of letters A-Z and digits 2-7"
        ) from None
    if len(raw) != RECOVERY_BITS // 8:
        raise ValueError("not a recovery key: wrong length")
    return raw


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any, length: int | None = None) -> bytes:
    if not isinstance(s, str):
        raise ValueError("not base64 text")
    raw = base64.b64decode(s.encode("ascii"), validate=True)
    if length is not None and len(raw) != length:
        raise ValueError(f"expected {length} bytes, got {len(raw)}")
    return raw


@dataclass(frozen=True, slots=True)
class KeySet:
    """One generation of the database key, with the audit chain's key (the same
    in every generation)."""

    generation: int
    db_key: bytes
    audit_key: bytes

    def payload(self) -> bytes:
        return self.db_key + self.audit_key

    @classmethod
    def from_payload(cls, generation: int, payload: bytes) -> KeySet:
        if len(payload) != 2 * KEY_BYTES:
            raise ValueError("sealed key of the wrong length")
        return cls(generation, payload[:KEY_BYTES], payload[KEY_BYTES:])


def new_keyset(generation: int, audit_key: bytes | None = None) -> KeySet:
    """A fresh random database key; the audit key is kept when given."""
    db_key = secrets.token_bytes(KEY_BYTES)
    if audit_key is None:
        audit_key = _legacy_audit_key(db_key)
    return KeySet(generation, db_key, bytes(audit_key))


def _legacy_audit_key(db_key: bytes) -> bytes:
    # As the audit chain derived its key before keys were sealed (audit.audit_key).
    return HKDF(hashes.SHA256(), 32, None, b"idcheck audit chain").derive(db_key)


@dataclass
class Sealed:
    """The database key of one generation, sealed to a slot's public key."""

    generation: int
    ephemeral: bytes
    nonce: bytes
    box: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "ephemeral": _b64(self.ephemeral),
            "nonce": _b64(self.nonce),
            "box": _b64(self.box),
        }

    @classmethod
    def from_json(cls, d: Any) -> Sealed:
        if not isinstance(d, dict):
            raise ValueError("a sealed key is not a mapping")
        gen = d["generation"]
        if not isinstance(gen, int) or isinstance(gen, bool) or not 0 < gen < 2**62:
            raise ValueError("bad generation")
        return cls(
            gen,
            _unb64(d["ephemeral"], 32),
            _unb64(d["nonce"], 12),
            _unb64(d["box"], 2 * KEY_BYTES + 16),
        )


def _seal_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, ephemeral + public, b"idcheck sealed database key").derive(
        shared
    )


@dataclass
class Slot:
    """One way in: a user's password or the recovery key.

    ``legacy`` slots are of the first format: ``private`` then holds the
    database key itself, wrapped under the password (or recovery) key.
    """

    slot_id: str
    kind: str  # "user" or "recovery"
    user_id: int | None
    username: str | None
    salt: bytes
    kdf: KdfParams | None
    public: bytes
    nonce: bytes
    private: bytes
    sealed: list[Sealed] = field(default_factory=list)
    legacy: bool = False

    def binding(self, store_id: str) -> bytes:
        """The associated data: everything the slot says about itself."""
        return json.dumps(
            [
                FORMAT,
                VERSION,
                store_id,
                self.slot_id,
                self.kind,
                self.user_id,
                self.username,
                _b64(self.public),
            ],
            ensure_ascii=True,
            separators=(",", ":"),
        ).encode("ascii")

    def seal(self, store_id: str, ks: KeySet) -> None:
        """Seal ``ks`` to this slot's public key (no secret of the slot needed)."""
        eph = X25519PrivateKey.generate()
        eph_pub = eph.public_key().public_bytes_raw()
        shared = eph.exchange(X25519PublicKey.from_public_bytes(self.public))
        nonce = secrets.token_bytes(12)
        box = AESGCM(_seal_key(shared, eph_pub, self.public)).encrypt(
            nonce, ks.payload(), self._sealed_aad(store_id, ks.generation)
        )
        self.sealed = [s for s in self.sealed if s.generation != ks.generation]
        self.sealed.append(Sealed(ks.generation, eph_pub, nonce, box))
        self.sealed.sort(key=lambda s: s.generation)

    def _sealed_aad(self, store_id: str, generation: int) -> bytes:
        return self.binding(store_id) + f"|generation={generation}".encode()

    def open(self, store_id: str, kek: bytes, generation: int) -> list[KeySet] | None:
        """The key sets this slot holds, oldest first; None when ``kek`` is wrong or
        anything in the slot was changed."""
        if self.legacy:
            try:
                key = AESGCM(kek).decrypt(self.nonce, self.private, _legacy_aad(store_id, self))
            except InvalidTag:
                return None
            if len(key) != KEY_BYTES:
                return None
            return [KeySet(generation, key, _legacy_audit_key(key))]
        try:
            raw = AESGCM(kek).decrypt(self.nonce, self.private, self.binding(store_id))
        except InvalidTag:
            return None
        private = X25519PrivateKey.from_private_bytes(raw)
        if private.public_key().public_bytes_raw() != self.public:
            return None
        out: list[KeySet] = []
        for s in self.sealed:
            try:
                # A crafted ephemeral key of low order gives an all-zero secret: refused.
                shared = private.exchange(X25519PublicKey.from_public_bytes(s.ephemeral))
                payload = AESGCM(_seal_key(shared, s.ephemeral, self.public)).decrypt(
                    s.nonce, s.box, self._sealed_aad(store_id, s.generation)
                )
            except (InvalidTag, ValueError):
                continue
            out.append(KeySet.from_payload(s.generation, payload))
        return out or None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "username": self.username,
            "salt": _b64(self.salt),
            "kdf": None
            if self.kdf is None
            else {"name": "argon2id", "t": self.kdf.t, "m": self.kdf.m, "p": self.kdf.p},
            "nonce": _b64(self.nonce),
        }
        if self.legacy:
            d["legacy"] = True
            d["wrapped"] = _b64(self.private)
        else:
            d["public"] = _b64(self.public)
            d["private"] = _b64(self.private)
            d["sealed"] = [s.to_json() for s in self.sealed]
        return d

    @classmethod
    def from_json(cls, d: Any, legacy: bool) -> Slot:
        if not isinstance(d, dict):
            raise ValueError("a slot is not a mapping")
        kind = d["kind"]
        if kind not in ("user", "recovery"):
            raise ValueError("unknown slot kind")
        user_id, username = d.get("user_id"), d.get("username")
        if kind == "user":
            if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
                raise ValueError("bad user id")
            if user_id >= 2**62:
                raise ValueError("bad user id")
            if not isinstance(username, str) or not 0 < len(username) <= 64:
                raise ValueError("bad user name")
        elif user_id is not None or username is not None:
            raise ValueError("a recovery slot names no user")
        kdf = d.get("kdf")
        params = None
        if kdf is not None:
            if not isinstance(kdf, dict):
                raise ValueError("bad kdf")
            values: list[int] = []
            for k in ("t", "m", "p"):
                v = kdf.get(k)
                if not isinstance(v, int) or isinstance(v, bool):
                    raise ValueError("bad kdf")
                values.append(v)
            params = KdfParams(*values)
            try:
                params.checked()
            except StoreCorrupt as e:
                raise ValueError(str(e)) from None
        if (kind == "user") != (params is not None):
            raise ValueError("a user slot has argon2id parameters, a recovery slot none")
        slot_id = str(d["id"])
        if slot_id != ("recovery" if kind == "recovery" else f"user:{user_id}"):
            # The first format bound only the slot id: a user id that does not
            # match it was edited.
            raise ValueError("slot id and user id differ")
        salt = _unb64(d["salt"])
        if not 16 <= len(salt) <= 64:
            raise ValueError("bad salt")
        if legacy:  # the first format: the database key wrapped, no key pair
            public, secret, sealed_keys = b"", _unb64(d["wrapped"], KEY_BYTES + 16), []
        else:
            sealed = d["sealed"]
            if not isinstance(sealed, list) or len(sealed) > 8:
                raise ValueError("bad sealed keys")
            public, secret = _unb64(d["public"], 32), _unb64(d["private"], 32 + 16)
            sealed_keys = [Sealed.from_json(s) for s in sealed]
        nonce = _unb64(d["nonce"], 12)
        return cls(
            slot_id,
            kind,
            user_id,
            username,
            salt,
            params,
            public,
            nonce,
            secret,
            sealed_keys,
            legacy,
        )


def _legacy_aad(store_id: str, slot: Slot) -> bytes:
    return f"{FORMAT}:{store_id}:{slot.slot_id}".encode()


def new_slot(
    slot_id: str,
    kind: str,
    user_id: int | None,
    username: str | None,
    salt: bytes,
    kdf: KdfParams | None,
    kek: bytes,
    store_id: str,
) -> Slot:
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    slot = Slot(slot_id, kind, user_id, username, salt, kdf, public, secrets.token_bytes(12), b"")
    slot.private = AESGCM(kek).encrypt(
        slot.nonce, private.private_bytes_raw(), slot.binding(store_id)
    )
    return slot


def wipe(buf: bytearray) -> None:
    """Overwrite key material held in a mutable buffer."""
    for i in range(len(buf)):
        buf[i] = 0
