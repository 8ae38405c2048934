"""The key slot file: every slot of a store (see :mod:`idcheck.store.keys`), with
the store's id and the generation of the database key it is under.

The file is written twice (``keyslots.0.json`` and ``keyslots.1.json``), each
atomically (temporary name, fsync, rename) and with a sequence number, one
after the other: a crash at any moment leaves at least one complete copy, and
the reader takes the valid copy with the highest number. Every field of every
slot is checked on reading (type, size, range): a damaged or crafted copy is
not used.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from idcheck.files import atomic_write, is_disk_full, is_read_only
from idcheck.paths import SLOT_FILES
from idcheck.store.errors import DiskFull, NotAStore, StoreCorrupt, StoreReadOnly
from idcheck.store.keys import (
    FORMAT,
    VERSION,
    KdfParams,
    KeySet,
    Slot,
    derive_password_key,
    new_slot,
    normal_password,
    recovery_kek,
)


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
        self,
        user_id: int,
        username: str,
        password: str,
        keysets: list[KeySet],
        kdf: KdfParams,
    ) -> None:
        """A new slot (a new key pair) for a user, replacing any they had; its
        password is stretched with ``kdf`` (checked against the floors)."""
        kdf = kdf.checked()
        salt = secrets.token_bytes(16)
        kek = derive_password_key(password, salt, kdf)
        slot = new_slot(f"user:{user_id}", "user", user_id, username, salt, kdf, kek, self.store_id)
        for ks in keysets:
            slot.seal(self.store_id, ks)
        self.slots = [s for s in self.slots if s.slot_id != slot.slot_id]
        self.slots.append(slot)

    def set_recovery_slot(self, recovery: bytes, keysets: list[KeySet]) -> None:
        salt = secrets.token_bytes(16)
        slot = new_slot(
            "recovery",
            "recovery",
            None,
            None,
            salt,
            None,
            recovery_kek(recovery, salt),
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
            # Spend the same time as a real try (at the cost of this store's
            # other slots), so a wrong name is not told apart.
            cost = next((s.kdf for s in self.slots if s.kdf is not None), None)
            derive_password_key(password, b"\0" * 16, cost or KdfParams())
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
        found = slot.open(self.store_id, recovery_kek(recovery, slot.salt), self.generation)
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


def write_file(path: Path, data: bytes) -> None:
    """:func:`idcheck.files.atomic_write`, with the store's words for a full disk
    or a folder that cannot be written."""
    try:
        atomic_write(path, data)
    except OSError as e:
        if is_disk_full(e):
            raise DiskFull(
                f"the disk is full: {path.name} was not changed; free some space and try again"
            ) from None
        if is_read_only(e):
            raise StoreReadOnly(f"cannot write {path}: {e.strerror}") from None
        raise


def write_slots(data_dir: Path, sf: SlotFile) -> None:
    """Write both copies, one after the other, each with a higher sequence number."""
    for name in SLOT_FILES:
        sf.seq += 1
        write_file(data_dir / name, json.dumps(sf.to_json(), indent=1).encode("utf-8"))
