"""The case package file, format 1 (``docs/sharing.md`` describes it for people).

A package is an age v1 file (X25519 recipients), encrypted to each recipient.
Its plaintext is::

    idcheck-package/1\\n
    signature: <base64 Ed25519 signature>\\n
    <the document: JSON, UTF-8>

The signature is the sender's, over ``idcheck-package/1\\n`` followed by the
document's bytes; the document names the sender's public keys and every
recipient's, so a package re-encrypted to someone it was not addressed to is
found out. A referral sent to an agency without idcheck (``--pdf``) is the PDF
itself, age-encrypted: ``age -d -i key.txt FILE > referral.pdf`` opens it.

Nothing here writes a file: the caller gets bytes and writes them atomically.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import pyrage
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from idcheck.store import Store
from idcheck.store.exchange_model import PackageBody
from idcheck.store.sharing_keys import PublicKeys, parse_age_recipient, verify_signature

FORMAT_VERSION = 1
MAGIC = b"idcheck-package/"
AGE_MAGIC = b"age-encryption.org/v1\n"
#: The largest package read (a whole centre's cases fit many times over).
MAX_BYTES = 256 * 1024 * 1024

_Short = Annotated[str, StringConstraints(max_length=400)]


class PackageRefused(Exception):
    """A file refused as a package: the message says why, for people; nothing
    was changed."""


class UnknownSender(PackageRefused):
    """A well-formed package from a site this store does not know: the user may
    confirm its fingerprint (read to them by the sender) and import again."""

    def __init__(self, sender: PublicKeys, given: str | None = None) -> None:
        self.sender = sender
        who = f"{sender.name or 'no name given'}, fingerprint {sender.fingerprint}"
        if given is None:
            text = (
                f"the package is from a site this store does not know ({who}); ask the sender "
                "to read you their fingerprint (idcheck keys show) and, when it is the same, "
                "import again confirming it (--trust FINGERPRINT); nothing changed"
            )
        else:
            text = (
                f"the package is from a site this store does not know ({who}), and the "
                f"fingerprint you confirmed ({given}) is not its: do not import it; "
                "nothing changed"
            )
        super().__init__(text)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class KeysModel(_Model):
    name: _Short
    age: _Short
    sign: _Short | None = None
    fingerprint: _Short


class Document(_Model):
    """What the sender signs: who sends, to whom, and the cases."""

    format: Literal["idcheck-package"] = "idcheck-package"
    version: Literal[1] = 1
    package_id: _Short
    created_at: float
    kind: Literal["cases"] = "cases"
    sender: KeysModel
    recipients: tuple[KeysModel, ...]
    body: PackageBody


def _keys_model(k: PublicKeys) -> KeysModel:
    return KeysModel(name=k.name, age=k.age, sign=k.sign, fingerprint=k.fingerprint)


def _recipients(to: list[PublicKeys]) -> list[Any]:
    if not to:
        raise PackageRefused("name at least one recipient (--to)")
    return [pyrage.x25519.Recipient.from_str(k.age) for k in to]


@dataclass(frozen=True, slots=True)
class Sealed:
    data: bytes
    package_id: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def seal(store: Store, body: PackageBody, to: list[PublicKeys]) -> Sealed:
    """The package of ``body`` from ``store`` to ``to``: signed, then encrypted
    to each recipient (in memory)."""
    package_id = str(uuid.uuid4())
    doc = Document(
        package_id=package_id,
        created_at=time.time(),
        sender=_keys_model(store.sharing_keys()),
        recipients=tuple(_keys_model(k) for k in to),
        body=body,
    )
    first = MAGIC + str(FORMAT_VERSION).encode() + b"\n"
    signed = doc.model_dump_json().encode("utf-8")
    signature = base64.b64encode(store.sign_package(first + signed))
    plain = first + b"signature: " + signature + b"\n" + signed
    return Sealed(bytes(pyrage.encrypt(plain, _recipients(to))), package_id)


def seal_file(data: bytes, to: list[PublicKeys]) -> bytes:
    """Any file (a referral PDF) encrypted to ``to``, for the standard age tool."""
    return bytes(pyrage.encrypt(data, _recipients(to)))


@dataclass(frozen=True, slots=True)
class Opened:
    """A package decrypted and its signature checked (not yet merged)."""

    document: Document
    sender: PublicKeys
    sha256: str


def open_package(store: Store, data: bytes, where: str) -> Opened:
    """Decrypt ``data`` with the store's key, check its format, version and
    signature, and that it is addressed to this store. PackageRefused says why
    not; nothing is written."""
    if not data.startswith(AGE_MAGIC):
        raise PackageRefused(
            f"{where} is not an idcheck package (not an age-encrypted file); nothing changed"
        )
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        plain = store.decrypt_package(data)
    except pyrage.DecryptError as e:
        if "no matching keys" in str(e).lower():
            raise PackageRefused(
                f"{where} is encrypted for another recipient, not for this store "
                f"({store.sharing_keys().fingerprint}); nothing changed"
            ) from None
        raise PackageRefused(
            f"{where} is damaged, cut short or altered (its encryption does not check: {e}); "
            "ask for it again; nothing changed"
        ) from None
    first, _, rest = plain.partition(b"\n")
    if not first.startswith(MAGIC):
        kind = " (it is a PDF: open it with age -d)" if plain.startswith(b"%PDF") else ""
        raise PackageRefused(
            f"{where} is encrypted for this store but is not an idcheck package{kind}; "
            "nothing changed"
        )
    version = first[len(MAGIC) :].decode("ascii", "replace")
    if not version.isdigit():
        raise PackageRefused(
            f"{where}: not an idcheck package (format {version!r}); nothing changed"
        )
    if int(version) > FORMAT_VERSION:
        raise PackageRefused(
            f"{where} was made by a newer idcheck (package format {version}; this one reads "
            f"format {FORMAT_VERSION}): update idcheck to import it; nothing changed"
        )
    sig_line, _, signed = rest.partition(b"\n")
    try:
        if not sig_line.startswith(b"signature: "):
            raise ValueError
        signature = base64.b64decode(sig_line[11:], validate=True)
        raw = json.loads(signed)
        sender = PublicKeys(
            str(raw["sender"]["name"]), str(raw["sender"]["age"]), str(raw["sender"]["sign"])
        )
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise PackageRefused(
            f"{where}: the package's signature or sender cannot be read (damaged or altered); "
            "nothing changed"
        ) from None
    if parse_age_recipient(sender.age) is None or not verify_signature(
        sender.sign or "", signature, first + b"\n" + signed
    ):
        raise PackageRefused(
            f"{where}: the signature does not match the package: it was altered after it "
            "was signed, or is not from the site it names; nothing changed"
        )
    try:
        doc = Document.model_validate_json(signed)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise PackageRefused(
            f"{where}: the package holds bad data at {loc}: {err['msg']}; nothing changed"
        ) from None
    own = store.sharing_keys()
    if own.age not in {r.age for r in doc.recipients}:
        raise PackageRefused(
            f"{where} is not addressed to this store (it names "
            f"{', '.join(r.name or r.fingerprint for r in doc.recipients)}): it was passed on; "
            "nothing changed"
        )
    if sender.fingerprint == own.fingerprint:
        raise PackageRefused(f"{where} was made by this store; nothing changed")
    return Opened(doc, sender, sha256)
