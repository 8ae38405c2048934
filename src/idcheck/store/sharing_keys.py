"""A store's sharing keys: an age (X25519) identity to receive packages and an
Ed25519 key to sign them, and the short fingerprint people read to each other.

The private keys are made once per store (by the migration that adds sharing,
at ``init`` and when an older store is upgraded) and kept only in the store's
``sharing_keys`` table, inside the encrypted database. What leaves the store is the
public card (:class:`PublicKeys`): the age recipient (``age1…``), the signing
key, and the fingerprint, a hash of both in four groups of four letters and
digits (80 bits), meant to be read out over the phone.

An agency without idcheck is known by its age recipient alone (an ``age-keygen``
key); its fingerprint is a hash of that key.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "MAX_KEY_FILE",
    "PublicKeys",
    "fingerprint",
    "holds_private_key",
    "new_private_keys",
    "parse_age_recipient",
    "parse_card",
    "parse_public_key",
    "parse_sign_key",
    "read_key_file",
    "sign",
    "verify_signature",
]

#: The first line of a public card (``idcheck keys show``).
CARD_MAGIC = "idcheck-public-keys/1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_AGE_RE = re.compile(r"age1[02-9ac-hj-np-z]{58}")


def _base32(raw: bytes) -> str:
    bits = int.from_bytes(raw, "big")
    n = len(raw) * 8 // 5
    return "".join(_CROCKFORD[(bits >> (5 * (n - 1 - i))) & 31] for i in range(n))


def fingerprint(age_recipient: str, sign_key: str | None) -> str:
    """``XXXX-XXXX-XXXX-XXXX``: the first 80 bits of a SHA-256 over the public
    keys, in Crockford's base 32 (no I, L, O or U to misread)."""
    if sign_key is None:
        data = b"idcheck-age-key/1|" + age_recipient.encode("ascii")
    else:
        data = b"idcheck-site-keys/1|" + age_recipient.encode("ascii") + b"|" + sign_key.encode()
    short = _base32(hashlib.sha256(data).digest()[:10])
    return "-".join(short[i : i + 4] for i in range(0, 16, 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, with or without dashes or spaces), in
    its printed form; misread letters are mapped as Crockford's base 32 does."""
    t = re.sub(r"[\s\-]", "", text.upper()).translate(str.maketrans("OILU", "011V"))
    return "-".join(t[i : i + 4] for i in range(0, len(t), 4))


@dataclass(frozen=True, slots=True)
class PublicKeys:
    """What a site gives others: its name, age recipient, signing key (None for an
    agency known by an age key alone) and their fingerprint."""

    name: str
    age: str
    sign: str | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.age, self.sign)

    def card(self) -> str:
        """The public card, as ``idcheck keys show`` prints it and
        ``idcheck recipient add --card`` reads it."""
        lines = [CARD_MAGIC, f"name: {self.name}", f"age: {self.age}"]
        if self.sign is not None:
            lines.append(f"sign: {self.sign}")
        lines.append(f"fingerprint: {self.fingerprint}")
        return "\n".join(lines) + "\n"


def new_private_keys() -> dict[str, str]:
    """A new store's sharing keys and global id (the ``sharing_keys`` row)."""
    identity = pyrage.x25519.Identity.generate()
    signing = Ed25519PrivateKey.generate()
    raw = signing.private_bytes_raw()
    return {
        "age_identity": str(identity),
        "sign_key": base64.b64encode(raw).decode("ascii"),
        "store_uid": str(uuid.uuid4()),
    }


def age_public(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def sign_public(private_b64: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "ed25519:" + base64.b64encode(raw).decode("ascii")


def sign(private_b64: str, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64)).sign(data)


def verify_signature(public: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(_sign_raw(public)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _sign_raw(public: str) -> bytes:
    if not public.startswith("ed25519:"):
        raise ValueError("not an ed25519 key")
    raw = base64.b64decode(public[8:], validate=True)
    if len(raw) != 32:
        raise ValueError("an ed25519 key has 32 bytes")
    return raw


def parse_age_recipient(text: str) -> str | None:
    """The age recipient in ``text`` (``age1…``, as ``age-keygen`` prints it), else None."""
    t = text.strip()
    if not _AGE_RE.fullmatch(t):
        return None
    try:
        pyrage.x25519.Recipient.from_str(t)
    except Exception:  # pyrage raises its own RecipientError (not exported typed)
        return None
    return t


def parse_sign_key(text: str) -> str | None:
    """An ``ed25519:BASE64`` signing key, else None."""
    t = text.strip()
    try:
        _sign_raw(t)
    except (ValueError, TypeError):
        return None
    return t


def parse_card(text: str) -> PublicKeys | str:
    """A public card's keys, or a message saying what is wrong with it. A file
    that holds only an age recipient (an ``age-keygen`` public key, or the
    ``# public key:`` line of its key file) is an agency's card, with no name."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return "it is empty"
    if lines[0] != CARD_MAGIC:
        for ln in lines:
            candidate = ln.removeprefix("# public key:").strip()
            if parse_age_recipient(candidate):
                return PublicKeys("", candidate, None)
        return f"it is not a public card (its first line should be {CARD_MAGIC!r})"
    fields: dict[str, str] = {}
    for ln in lines[1:]:
        key, sep, value = ln.partition(":")
        if not sep:
            return f"the line {ln[:40]!r} is not 'field: value'"
        fields[key.strip()] = value.strip()
    age = parse_age_recipient(fields.get("age", ""))
    if age is None:
        return "its 'age:' line is not an age public key (age1…)"
    sign_key = None
    if "sign" in fields:
        sign_key = parse_sign_key(fields["sign"])
        if sign_key is None:
            return "its 'sign:' line is not a signing key (ed25519:…)"
    keys = PublicKeys(fields.get("name", ""), age, sign_key)
    if "fingerprint" in fields and normal_fingerprint(fields["fingerprint"]) != keys.fingerprint:
        return "its fingerprint does not match its keys: the card was altered or mistyped"
    return keys


#: A public card is a few lines; a key file larger than this is not one.
MAX_KEY_FILE = 16384
_PRIVATE = re.compile(r"AGE-SECRET-KEY-1|AGE-PLUGIN-|PRIVATE KEY", re.IGNORECASE)


def holds_private_key(text: str) -> bool:
    """Whether ``text`` holds a private key (age's ``AGE-SECRET-KEY-1…``, a PEM or
    OpenSSH private key): what must never be given to idcheck as a recipient."""
    return _PRIVATE.search(text) is not None


def parse_public_key(text: str) -> PublicKeys | str:
    """A recipient's keys as given (pasted, or read from a file): a public card,
    an age public key (``age1…``), or the ``# public key:`` line of a public
    file; else what is wrong, in words. Text holding a private key is refused
    whole, and the message never repeats any of it."""
    if holds_private_key(text):
        return (
            "it holds a private key, which must never leave its owner: ask for the public "
            "key only (age1…, printed by age-keygen -y KEY.txt, or idcheck keys show); "
            "nothing was kept"
        )
    age = parse_age_recipient(text)
    if age is not None:
        return PublicKeys("", age, None)
    return parse_card(text)


def read_key_file(path: Path, data_dir: Path | None = None) -> PublicKeys | str:
    """A recipient's keys from a file (see :func:`parse_public_key`), or what is
    wrong: not a regular file, one of the store's files or anything in its
    folder, larger than a card can be, or not UTF-8 text."""
    import os
    import stat

    try:
        real = Path(os.path.realpath(path))
        if data_dir is not None:
            home = Path(os.path.realpath(data_dir))
            if real == home or home in real.parents:
                return f"{path} is in the store's own folder: not a key file"
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return f"{path} is not a regular file"
        if st.st_size > MAX_KEY_FILE:
            return (
                f"{path} is {st.st_size:,} bytes: too large to be a public key "
                "(a card is a few lines)"
            )
        with open(real, "rb") as f:
            raw = f.read(MAX_KEY_FILE + 1)
    except OSError as e:
        return f"cannot read {path}: {e.strerror}"
    if len(raw) > MAX_KEY_FILE:
        return f"{path} is too large to be a public key (a card is a few lines)"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"{path} is not a public key (not text)"
    found = parse_public_key(text)
    return found if isinstance(found, PublicKeys) else f"{path}: {found}"
