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

The slot file is written twice (``keyslots.0.json`` and ``keyslots.1.json``),
each atomically (temporary name, fsync, rename) and with a sequence number, one
after the other: a crash at any moment leaves at least one complete copy, and
the reader takes the valid copy with the highest number.

Slot files of the first format (version 1: the database key wrapped directly by
each password) still open; a user's slot is converted at their next unlock, and
a key change drops the slots still in the old form (their passwords must then
be reset) and replaces an old-form recovery slot with a new recovery key.

KDF parameters read from a file are checked against floors and caps, so a
crafted slot file can neither weaken a new password nor demand 4 GiB of memory.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import math
import os
import secrets
import stat
import tempfile
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from idcheck.paths import SLOT_FILES
from idcheck.store.errors import DiskFull, NotAStore, StoreCorrupt, StoreReadOnly

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


def default_kdf() -> KdfParams:
    """The parameters new slots get (t=3, 64 MiB, p=4: about 160 ms here).

    ``IDCHECK_KDF=fast`` selects the floor (t=2, 19 MiB, p=1) for the test suite;
    it is still the OWASP minimum, never weaker.
    """
    if os.environ.get("IDCHECK_KDF") == "fast":
        return KdfParams(2, 19 * 1024, 1)
    return KdfParams()


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


def _recovery_kek(recovery: bytes, salt: bytes) -> bytes:
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
        if legacy:
            return cls(
                slot_id,
                kind,
                user_id,
                username,
                salt,
                params,
                b"",
                _unb64(d["nonce"], 12),
                _unb64(d["wrapped"], KEY_BYTES + 16),
                [],
                True,
            )
        sealed = d["sealed"]
        if not isinstance(sealed, list) or len(sealed) > 8:
            raise ValueError("bad sealed keys")
        return cls(
            slot_id,
            kind,
            user_id,
            username,
            salt,
            params,
            _unb64(d["public"], 32),
            _unb64(d["nonce"], 12),
            _unb64(d["private"], 32 + 16),
            [Sealed.from_json(s) for s in sealed],
            False,
        )


def _legacy_aad(store_id: str, slot: Slot) -> bytes:
    return f"{FORMAT}:{store_id}:{slot.slot_id}".encode()


def _new_slot(
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


@dataclass
class SlotFile:
    store_id: str
    seq: int = 0
    #: The generation of the database key the store is under (the older one while
    #: a change is under way).
    generation: int = 1
    slots: list[Slot] = field(default_factory=list)
    version: int = VERSION

    # -- making slots ----------------------------------------------------------

    def add_user_slot(
        self, user_id: int, username: str, password: str, keysets: list[KeySet]
    ) -> None:
        """A new slot (a new key pair) for a user, replacing any they had."""
        kdf = default_kdf()
        salt = secrets.token_bytes(16)
        kek = derive_password_key(password, salt, kdf)
        slot = _new_slot(
            f"user:{user_id}", "user", user_id, username, salt, kdf, kek, self.store_id
        )
        for ks in keysets:
            slot.seal(self.store_id, ks)
        self.slots = [s for s in self.slots if s.slot_id != slot.slot_id]
        self.slots.append(slot)

    def set_recovery_slot(self, recovery: bytes, keysets: list[KeySet]) -> None:
        salt = secrets.token_bytes(16)
        slot = _new_slot(
            "recovery",
            "recovery",
            None,
            None,
            salt,
            None,
            _recovery_kek(recovery, salt),
            self.store_id,
        )
        for ks in keysets:
            slot.seal(self.store_id, ks)
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        self.slots.append(slot)

    def remove_user_slot(self, user_id: int) -> None:
        self.slots = [s for s in self.slots if s.user_id != user_id]

    def seal_all(self, ks: KeySet) -> None:
        """Seal a new generation to every slot of the current format. A slot whose
        public key is not a usable X25519 key (a crafted one: it could never have
        opened) is dropped."""
        kept = []
        for s in self.slots:
            if not s.legacy:
                try:
                    s.seal(self.store_id, ks)
                except ValueError:
                    continue
            kept.append(s)
        self.slots = kept

    def finish(self, generation: int) -> None:
        """The database is under ``generation``: drop every other sealed copy."""
        self.generation = generation
        for s in self.slots:
            if not s.legacy:
                s.sealed = [x for x in s.sealed if x.generation == generation]

    def drop_legacy(self) -> tuple[list[str], bool]:
        """Remove the slots of the first format (they cannot take a new key):
        (the user names dropped, whether the recovery slot was one)."""
        names = [s.username or "" for s in self.slots if s.legacy and s.kind == "user"]
        recovery = any(s.legacy and s.kind == "recovery" for s in self.slots)
        self.slots = [s for s in self.slots if not s.legacy]
        return names, recovery

    @property
    def pending(self) -> int | None:
        """The newer generation a change was moving to, when one was cut short."""
        newest = max(
            (x.generation for s in self.slots if not s.legacy for x in s.sealed), default=0
        )
        return newest if newest > self.generation else None

    # -- opening ---------------------------------------------------------------

    def user_slot(self, username: str) -> Slot | None:
        for s in self.slots:
            if s.kind == "user" and s.username == username:
                return s
        return None

    def recovery_slot(self) -> Slot | None:
        for s in self.slots:
            if s.kind == "recovery":
                return s
        return None

    def open_user(self, username: str, password: str) -> tuple[Slot, list[KeySet]] | None:
        """The user's slot and its key sets (oldest first), or None when the name
        or password is wrong or the slot was altered."""
        slot = self.user_slot(username)
        if slot is None or slot.kdf is None:
            # Spend the same time as a real try, so a wrong name is not told apart.
            derive_password_key(password, b"\0" * 16, default_kdf())
            return None
        kek = derive_password_key(password, slot.salt, slot.kdf.checked())
        found = slot.open(self.store_id, kek, self.generation)
        if found is None and normal_password(password) != password:
            # A slot made before passwords were normalised, from a decomposed form.
            kek = derive_password_key(password, slot.salt, slot.kdf, normalise=False)
            found = slot.open(self.store_id, kek, self.generation)
        return None if found is None else (slot, found)

    def open_recovery(self, recovery: bytes) -> tuple[Slot, list[KeySet]] | None:
        slot = self.recovery_slot()
        if slot is None:
            return None
        found = slot.open(self.store_id, _recovery_kek(recovery, slot.salt), self.generation)
        return None if found is None else (slot, found)

    # -- files -----------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "seq": self.seq,
            "generation": self.generation,
            "slots": [s.to_json() for s in self.slots],
        }


def new_slot_file() -> SlotFile:
    return SlotFile(store_id=str(uuid.uuid4()))


#: Largest slot file read (a real one holds a few KiB per user).
MAX_SLOT_FILE_BYTES = 4 * 1024 * 1024


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; OSError otherwise.

    Opened without blocking and checked with fstat before reading, so a FIFO, a
    device such as /dev/zero (directly or through a link) or a huge file is
    refused at once instead of hanging or filling memory; at most ``limit + 1``
    bytes are ever read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit} bytes", str(path))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes", str(path))
    return data


def _read_one(path: Path) -> SlotFile | None:
    """One copy of the slot file, checked whole; None when it is missing or not a
    valid slot file (every field of every slot has its type, size and range)."""
    try:
        return _parse_one(path)
    except _BadCopy:
        return None


class _BadCopy(Exception):
    """Why one copy of the slot file is not used."""


def _parse_one(path: Path) -> SlotFile:
    try:
        data = json.loads(
            read_bounded(path, MAX_SLOT_FILE_BYTES).decode("utf-8"),
            parse_constant=_no_constant,
        )
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not an idcheck key slot file")
        version = data.get("version")
        if type(version) is not int or version not in (1, VERSION):
            raise ValueError(f"unknown version {version!r}"[:80])
        seq, generation = data["seq"], data.get("generation", 1)
        for n in (seq, generation):
            if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n < 2**62:
                raise ValueError("bad sequence or generation number")
        store_id = data["store_id"]
        if not isinstance(store_id, str) or not 0 < len(store_id) <= 64:
            raise ValueError("bad store id")
        slots = data["slots"]
        if not isinstance(slots, list) or len(slots) > 10_000:
            raise ValueError("bad list of slots")
        parsed = [
            Slot.from_json(s, legacy=version == 1 or bool(isinstance(s, dict) and s.get("legacy")))
            for s in slots
        ]
        if not any(s.kind == "user" for s in parsed):
            # every store has at least one user: this copy is not one of ours
            raise ValueError("no user slot")
        return SlotFile(
            store_id=store_id,
            seq=seq,
            generation=generation,
            slots=parsed,
            version=version,
        )
    except FileNotFoundError:
        raise _BadCopy("missing") from None
    except OSError as e:
        raise _BadCopy(e.strerror or str(e)) from None
    except KeyError as e:
        raise _BadCopy(f"missing {e}"[:80]) from None
    except RecursionError:
        raise _BadCopy("nested too deep") from None
    except (ValueError, TypeError, AttributeError, OverflowError, UnicodeError) as e:
        raise _BadCopy(str(e).splitlines()[0][:160] if str(e) else type(e).__name__) from None
    except MemoryError:
        raise _BadCopy("too large") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a slot file holds")


def read_slot_copies(data_dir: Path) -> list[SlotFile]:
    """Every valid copy of the slot file, newest first; NotAStore / StoreCorrupt
    when there is none."""
    copies: list[SlotFile] = []
    why: list[str] = []
    for name in SLOT_FILES:
        try:
            copies.append(_parse_one(data_dir / name))
        except _BadCopy as e:
            if os.path.lexists(data_dir / name):
                why.append(f"{name}: {e}")
    if not copies:
        if why:
            raise StoreCorrupt(
                f"the key slot files in {data_dir} are damaged ({'; '.join(why)}); use a backup"
            )
        raise NotAStore(f"{data_dir} holds no idcheck key slots")
    return sorted(copies, key=lambda c: c.seq, reverse=True)


def read_slots(data_dir: Path) -> SlotFile:
    """The newest valid copy of the slot file; NotAStore when there is none."""
    return read_slot_copies(data_dir)[0]


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, fsync, rename, fsync the folder."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except PermissionError as e:
        raise StoreReadOnly(f"cannot write in {path.parent}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFull(
                f"the disk is full: {path.name} was not changed; free some space and try again"
            ) from None
        if isinstance(e, OSError) and e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreReadOnly(f"cannot write {path}: {e.strerror}") from None
        raise


def write_slots(data_dir: Path, sf: SlotFile) -> None:
    """Write both copies, one after the other, each with a higher sequence number."""
    for name in SLOT_FILES:
        sf.seq += 1
        atomic_write(data_dir / name, json.dumps(sf.to_json(), indent=1).encode("utf-8"))


# ------------------------------------------------------------- failed unlocks

LOCKOUT_FILE = "unlock-failures.json"
#: The counter of wrong recovery keys (no user name can start with a space).
RECOVERY_NAME = " recovery"
FREE_TRIES = 3
MAX_DELAY = 300.0


#: Actions a queued entry may name (the file is outside the encrypted store).
PENDING_ACTIONS = ("login-failed", "recovery-failed", "login-too-soon")


def _fallback_file(data_dir: Path) -> Path:
    """Where failed tries are counted when the data folder cannot be written (a
    read-only folder or medium): this account's own state folder, one file per
    store folder."""
    from platformdirs import user_state_path

    digest = hashlib.sha256(os.path.realpath(data_dir).encode("utf-8", "surrogatepass"))
    return user_state_path("idcheck", appauthor=False) / "unlock-failures" / (
        digest.hexdigest()[:32] + ".json"
    )


def _failure_files(data_dir: Path) -> tuple[Path, Path]:
    return data_dir / LOCKOUT_FILE, _fallback_file(data_dir)


def _read_failures_at(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_bounded(path, 1024 * 1024).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_failures(data_dir: Path) -> dict[str, Any]:
    return _read_failures_at(data_dir / LOCKOUT_FILE)


def _entry(data: dict[str, Any], username: str) -> tuple[int, float]:
    """(failed tries in a row, time of the last) for ``username``, whatever the file holds."""
    users = data.get("users")
    entry = users.get(username) if isinstance(users, dict) else None
    if not isinstance(entry, dict):
        return 0, 0.0
    count, last = entry.get("count"), entry.get("last")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        count = 0
    if not isinstance(last, int | float) or isinstance(last, bool) or not math.isfinite(last):
        last = 0.0
    return min(count, 10_000), float(last)


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed tries in a row: none for the first
    three, then 2, 4, 8 … seconds, at most five minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_TRIES + 1))


def wait_remaining(data_dir: Path, username: str, now: float | None = None) -> float:
    """Seconds still to wait before ``username`` may try again.

    Never more than the delay itself: a clock set back after a failed try (a
    year, say) must not lock the person out for the whole jump.
    """
    now = time.time() if now is None else now
    wait = 0.0
    for path in _failure_files(data_dir):
        count, last = _entry(_read_failures_at(path), username)
        delay = delay_after(count)
        wait = max(wait, min(delay, last + delay - now))
    return max(0.0, wait)


def _write_failures(data_dir: Path, update: Any) -> bool:
    """Apply ``update`` to the failure file in the data folder, or, when that folder
    cannot be written, to the fallback file; False when neither could be written."""
    for path in _failure_files(data_dir):
        data = _read_failures_at(path)
        update(data)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, json.dumps(data).encode("utf-8"))
            return True
        except (OSError, StoreReadOnly, DiskFull):
            continue
    return False


def _queue(data: dict[str, Any], user_id: int | None, at: float, action: str) -> None:
    pending = data.get("pending_audit")
    if not isinstance(pending, list):
        pending = data["pending_audit"] = []
    if len(pending) < 1000:
        pending.append({"user_id": user_id, "at": at, "action": action})


def record_failure(
    data_dir: Path, username: str, user_id: int | None, action: str = "login-failed"
) -> float:
    """Count a failed try (kept across restarts); return the wait before the next.

    The failure is also queued for the audit trail, by user id only, and written
    there at the next successful unlock (the database cannot be written without
    the key). A read-only data folder still counts: the count then goes to this
    account's state folder (see :func:`_fallback_file`).
    """
    now = time.time()
    counted = 0

    def update(data: dict[str, Any]) -> None:
        nonlocal counted
        count, _last = _entry(data, username)
        users = data.get("users")
        if not isinstance(users, dict):
            users = data["users"] = {}
        counted = count + 1
        users[username] = {"count": counted, "last": now}
        _queue(data, user_id, now, action)

    if not _write_failures(data_dir, update):
        # Nowhere to count: the next try waits as long as the longest delay.
        return MAX_DELAY
    return delay_after(counted)


def record_refused(data_dir: Path, username: str, user_id: int | None) -> None:
    """Queue, for the audit trail, a try refused because it came too soon."""
    now = time.time()
    _write_failures(data_dir, lambda data: _queue(data, user_id, now, "login-too-soon"))


def clear_failures(data_dir: Path, username: str) -> list[dict[str, Any]]:
    """Reset a user's count after a successful unlock; return the queued audit
    entries (checked: an action of :data:`PENDING_ACTIONS`, a finite time, a
    user id or none), from the data folder and the fallback file."""
    pending: list[dict[str, Any]] = []
    for path in _failure_files(data_dir):
        data = _read_failures_at(path)
        if not data:
            continue
        raw = data.get("pending_audit")
        for p in raw if isinstance(raw, list) else []:
            if not isinstance(p, dict):
                continue
            action, at, uid = p.get("action", "login-failed"), p.get("at"), p.get("user_id")
            if action not in PENDING_ACTIONS:
                continue
            if not isinstance(at, int | float) or isinstance(at, bool) or not math.isfinite(at):
                continue
            if uid is not None and (not isinstance(uid, int) or isinstance(uid, bool)):
                uid = None
            pending.append({"action": action, "at": float(at), "user_id": uid})
        users = data.get("users")
        if isinstance(users, dict):
            users.pop(username, None)
        data["pending_audit"] = []
        with contextlib.suppress(OSError, StoreReadOnly, DiskFull):
            atomic_write(path, json.dumps(data).encode("utf-8"))
    pending.sort(key=lambda p: p["at"])
    return pending


def wipe(buf: bytearray) -> None:
    """Overwrite key material held in a mutable buffer."""
    for i in range(len(buf)):
        buf[i] = 0
