"""Key slots: one random database key, wrapped once per user and once by a
recovery key.

The database key is 32 random bytes, given raw to SQLCipher (its own KDF is
skipped). Each user's slot wraps it with AES-256-GCM under a key derived from
the password by argon2id with a random salt; the recovery slot uses a key
derived by HKDF from a 160-bit recovery key shown once at set-up. The slot's
id and the store's id are the AEAD's associated data, so a slot cannot be moved
to another user or store.

The slot file is written twice (``keyslots.0.json`` and ``keyslots.1.json``),
each atomically (temporary name, fsync, rename) and with a sequence number, one
after the other: a crash at any moment leaves at least one complete copy, and
the reader takes the valid copy with the highest number.

KDF parameters read from a file are checked against floors and caps, so a
crafted slot file can neither weaken a new password nor demand 4 GiB of memory.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from idcheck.paths import SLOT_FILES
from idcheck.store.errors import NotAStore, StoreCorrupt, StoreReadOnly

FORMAT = "idcheck-keyslots"
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


def derive_password_key(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    kdf.checked()
    return hash_secret_raw(
        password.encode("utf-8"),
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


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


@dataclass
class Slot:
    """One wrapped copy of the database key."""

    slot_id: str
    kind: str  # "user" or "recovery"
    user_id: int | None
    username: str | None
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "username": self.username,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "kdf": None
            if self.kdf is None
            else {"name": "argon2id", "t": self.kdf.t, "m": self.kdf.m, "p": self.kdf.p},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Slot:
        kdf = d.get("kdf")
        return cls(
            slot_id=str(d["id"]),
            kind=str(d["kind"]),
            user_id=d.get("user_id"),
            username=d.get("username"),
            salt=_unb64(d["salt"]),
            nonce=_unb64(d["nonce"]),
            wrapped=_unb64(d["wrapped"]),
            kdf=None if kdf is None else KdfParams(int(kdf["t"]), int(kdf["m"]), int(kdf["p"])),
        )


@dataclass
class SlotFile:
    store_id: str
    seq: int = 0
    slots: list[Slot] = field(default_factory=list)

    # -- wrapping --------------------------------------------------------------

    def _aad(self, slot_id: str) -> bytes:
        return f"{FORMAT}:{self.store_id}:{slot_id}".encode()

    def add_user_slot(self, user_id: int, username: str, password: str, db_key: bytes) -> None:
        kdf = default_kdf()
        salt = secrets.token_bytes(16)
        kek = derive_password_key(password, salt, kdf)
        slot_id = f"user:{user_id}"
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, self._aad(slot_id))
        self.slots = [s for s in self.slots if s.slot_id != slot_id]
        self.slots.append(Slot(slot_id, "user", user_id, username, salt, nonce, wrapped, kdf))

    def set_recovery_slot(self, recovery: bytes, db_key: bytes) -> None:
        salt = secrets.token_bytes(16)
        kek = _recovery_kek(recovery, salt)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, self._aad("recovery"))
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        self.slots.append(Slot("recovery", "recovery", None, None, salt, nonce, wrapped, None))

    def remove_user_slot(self, user_id: int) -> None:
        self.slots = [s for s in self.slots if s.user_id != user_id]

    def user_slot(self, username: str) -> Slot | None:
        for s in self.slots:
            if s.kind == "user" and s.username == username:
                return s
        return None

    def unwrap_with_password(self, username: str, password: str) -> tuple[int, bytearray] | None:
        """(user id, database key) or None when the name or password is wrong."""
        slot = self.user_slot(username)
        if slot is None or slot.kdf is None or slot.user_id is None:
            # Spend the same time as a real try, so a wrong name is not told apart.
            derive_password_key(password, b"\0" * 16, default_kdf())
            return None
        kek = derive_password_key(password, slot.salt, slot.kdf.checked())
        try:
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad(slot.slot_id))
        except InvalidTag:
            return None
        return slot.user_id, bytearray(key)

    def unwrap_with_recovery(self, recovery: bytes) -> bytearray | None:
        for s in self.slots:
            if s.kind == "recovery":
                kek = _recovery_kek(recovery, s.salt)
                try:
                    return bytearray(AESGCM(kek).decrypt(s.nonce, s.wrapped, self._aad("recovery")))
                except InvalidTag:
                    return None
        return None

    # -- files -----------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": 1,
            "store_id": self.store_id,
            "seq": self.seq,
            "slots": [s.to_json() for s in self.slots],
        }


def new_slot_file() -> SlotFile:
    return SlotFile(store_id=str(uuid.uuid4()))


def _read_one(path: Path) -> SlotFile | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != 1:
            return None
        return SlotFile(
            store_id=str(data["store_id"]),
            seq=int(data["seq"]),
            slots=[Slot.from_json(s) for s in data["slots"]],
        )
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def read_slots(data_dir: Path) -> SlotFile:
    """The newest valid copy of the slot file; NotAStore when there is none."""
    copies = [c for c in (_read_one(data_dir / name) for name in SLOT_FILES) if c is not None]
    if not copies:
        if any((data_dir / name).exists() for name in SLOT_FILES):
            raise StoreCorrupt(f"the key slot files in {data_dir} are damaged; use a backup")
        raise NotAStore(f"{data_dir} holds no idcheck key slots")
    return max(copies, key=lambda c: c.seq)


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
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_slots(data_dir: Path, sf: SlotFile) -> None:
    """Write both copies, one after the other, each with a higher sequence number."""
    for name in SLOT_FILES:
        sf.seq += 1
        atomic_write(data_dir / name, json.dumps(sf.to_json(), indent=1).encode("utf-8"))


# ------------------------------------------------------------- failed unlocks

LOCKOUT_FILE = "unlock-failures.json"
FREE_TRIES = 3
MAX_DELAY = 300.0


def _read_failures(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((data_dir / LOCKOUT_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed tries in a row: none for the first
    three, then 2, 4, 8 … seconds, at most five minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_TRIES + 1))


def wait_remaining(data_dir: Path, username: str, now: float | None = None) -> float:
    """Seconds still to wait before ``username`` may try again."""
    entry = _read_failures(data_dir).get("users", {}).get(username)
    if not entry:
        return 0.0
    now = time.time() if now is None else now
    return max(0.0, float(entry["last"]) + delay_after(int(entry["count"])) - now)


def record_failure(data_dir: Path, username: str, user_id: int | None) -> float:
    """Count a failed try (kept across restarts); return the wait before the next.

    The failure is also queued for the audit trail, by user id only, and written
    there at the next successful unlock (the database cannot be written without
    the key).
    """
    data = _read_failures(data_dir)
    users = data.setdefault("users", {})
    entry = users.setdefault(username, {"count": 0, "last": 0.0})
    entry["count"] = int(entry["count"]) + 1
    entry["last"] = time.time()
    pending = data.setdefault("pending_audit", [])
    if len(pending) < 1000:
        pending.append({"user_id": user_id, "at": entry["last"]})
    # A read-only folder must not hide the real error from the person.
    with contextlib.suppress(OSError):
        atomic_write(data_dir / LOCKOUT_FILE, json.dumps(data).encode("utf-8"))
    return delay_after(int(entry["count"]))


def clear_failures(data_dir: Path, username: str) -> list[dict[str, Any]]:
    """Reset a user's count after a successful unlock; return the queued audit entries."""
    data = _read_failures(data_dir)
    pending = list(data.get("pending_audit", []))
    data.get("users", {}).pop(username, None)
    data["pending_audit"] = []
    if pending or (data_dir / LOCKOUT_FILE).exists():
        with contextlib.suppress(OSError):
            atomic_write(data_dir / LOCKOUT_FILE, json.dumps(data).encode("utf-8"))
    return pending


def wipe(buf: bytearray) -> None:
    """Overwrite key material held in a mutable buffer."""
    for i in range(len(buf)):
        buf[i] = 0
