"""Sharing a case with another site or agency: a package encrypted to each
recipient (age v1, X25519) and signed by the sending store (Ed25519), merged
on arrival by global ids. Qt-free; the window and the command line call these.

Typical use::

    to = [resolve_recipient(store, "Mottak Sør")]
    result = export_cases(store, [case_id], to, Path("case.idcheck"))
    ...
    imported = import_package(other_store, Path("case.idcheck"))
    imported.report.added      # the references of the cases new there
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from idcheck.files import atomic_write
from idcheck.sharing.package import (
    FORMAT_VERSION,
    MAX_BYTES,
    Opened,
    PackageRefused,
    UnknownSender,
    open_package,
    seal,
    seal_file,
)
from idcheck.store import InvalidInput, Store, UnsafeOutput, check_output
from idcheck.store.exchange import Recipient
from idcheck.store.exchange_in import MergeReport
from idcheck.store.sharing_keys import PublicKeys, normal_fingerprint, parse_age_recipient

__all__ = [
    "FORMAT_VERSION",
    "Exported",
    "Imported",
    "PackageRefused",
    "Recipient",
    "UnknownSender",
    "check_export_path",
    "export_case",
    "export_cases",
    "export_file",
    "import_package",
    "read_package",
    "resolve_recipient",
    "resolve_recipients",
]


def resolve_recipient(store: Store, text: str) -> PublicKeys:
    """A ``--to``: a recipient's name (or fingerprint) in the directory, or an age
    public key (``age1…``, an agency's ``age-keygen`` key). A revoked recipient
    (by its name or its key) is refused."""
    found = store.find_recipient(text)
    if found is not None:
        if found.revoked:
            raise InvalidInput(
                f"{found.name} ({found.fingerprint}) was {found.revocation()}: nothing is "
                "sent to a revoked recipient; nothing was written"
            )
        return found.keys
    age = parse_age_recipient(text)
    if age is not None:
        return PublicKeys("", age, None)
    raise InvalidInput(
        f"no recipient {text!r} in the directory, and it is not an age public key (age1…); "
        "add it with idcheck recipient add"
    )


def resolve_recipients(store: Store, texts: Sequence[str]) -> list[PublicKeys]:
    """Each of ``texts`` as :func:`resolve_recipient`, each recipient once."""
    keys: list[PublicKeys] = []
    for text in texts:
        k = resolve_recipient(store, text)
        if all(k.fingerprint != seen.fingerprint for seen in keys):
            keys.append(k)
    if not keys:
        raise InvalidInput("choose at least one recipient")
    return keys


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    sha256: str
    cases: int
    to: tuple[PublicKeys, ...]
    #: The screening whose referral PDF was sent (a PDF export), else None.
    screening: int | None = None


def export_case(
    store: Store,
    case_id: int,
    to: Sequence[str],
    out: Path,
    *,
    referral: Callable[[int], bytes] | None = None,
) -> Exported:
    """Export… in the window and ``idcheck export REF`` on the command line: the
    case as a package to ``out``, encrypted to each of ``to`` (names, fingerprints
    or age keys; revoked recipients refused). With ``referral`` (which makes the
    referral PDF of a screening id: the report layer's, passed in), the referral
    of the case's newest completed screening alone, for the standard age tool.
    The same checks, file and audit rows whichever calls it; nothing is left
    half-written on a full disk."""
    keys = resolve_recipients(store, to)
    check_export_path(out, store.data_dir)
    if referral is None:
        return export_cases(store, [case_id], keys, out)
    done = [s for s in store.list_screenings(case_id) if s.status == "completed"]
    if not done:
        raise InvalidInput("the case has no completed screening to refer; nothing was written")
    newest = max(done, key=lambda s: (s.completed_at or 0, s.id))
    return export_file(store, referral(newest.id), newest.id, keys, out)


def check_export_path(out: Path, data_dir: Path) -> Path:
    """Where an export may be written: not one of the store's files (see
    :func:`check_output`), and not inside the store's folder at all (what is sent
    to someone is kept apart from the store, its backups and its key files)."""
    real = check_output(out, data_dir)
    home = Path(os.path.realpath(data_dir))
    if real.parent == home or home in real.parents:
        raise UnsafeOutput(
            out,
            "is in the store's own folder; save what you send somewhere else "
            "(a USB stick, your documents)",
        )
    return real


def _write(store: Store, out: Path, data: bytes) -> Path:
    out = check_export_path(out, store.data_dir)
    atomic_write(out, data)  # only ciphertext ever reaches the disk
    return out


def export_cases(store: Store, case_ids: list[int], to: list[PublicKeys], out: Path) -> Exported:
    """Write the cases as one package to ``out`` (atomically), encrypted to each
    of ``to`` and signed by the store; audited per recipient and per case. If the
    audit cannot be written the file is removed again."""
    if not case_ids:
        raise InvalidInput("no case to export")
    body = store.package_cases(case_ids)
    sealed = seal(store, body, to)
    path = _write(store, out, sealed.data)
    try:
        store.record_export(sealed.package_id, sealed.sha256, to, body)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Exported(path, sealed.sha256, len(case_ids), tuple(to))


def export_file(
    store: Store, data: bytes, screening_id: int, to: list[PublicKeys], out: Path
) -> Exported:
    """A referral PDF (``data``, never written in clear) encrypted to ``to`` for
    the standard age tool; audited as ``report-exported-encrypted``."""
    sealed = seal_file(data, to)
    path = _write(store, out, sealed)
    import hashlib

    sha = hashlib.sha256(sealed).hexdigest()
    try:
        store.record_pdf_export(sha, to, screening_id)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Exported(path, sha, 1, tuple(to), screening_id)


def read_package(store: Store, path: Path) -> Opened:
    """A package file opened and checked (see :func:`open_package`), not merged."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise PackageRefused(f"cannot read {path}: {e.strerror}") from None
    if len(data) > MAX_BYTES:
        raise PackageRefused(f"{path} is larger than a package can be; nothing changed")
    return open_package(store, data, str(path))


@dataclass(frozen=True, slots=True)
class Imported:
    sender: PublicKeys
    sha256: str
    report: MergeReport
    #: The sender was added to the directory on the user's confirmation.
    trusted_now: bool = False


def import_package(store: Store, path: Path, *, trust: str | None = None) -> Imported:
    """Check and merge a package. From a sender not in the directory it is
    refused (UnknownSender) unless ``trust`` is the sender's fingerprint, which
    the user confirmed: the sender is then added to the directory (audited). A
    package imported before is refused; nothing changes on any refusal."""
    opened = read_package(store, path)
    sender = opened.sender
    known = store.find_recipient(sender.fingerprint)
    if known is not None and known.revoked:
        raise PackageRefused(
            f"{path} is from {known.name} ({known.fingerprint}), which was {known.revocation()} "
            "here; nothing changed"
        )
    trusted_now = False
    if known is None or known.keys.fingerprint != sender.fingerprint:
        if trust is None or normal_fingerprint(trust) != sender.fingerprint:
            raise UnknownSender(sender, None if trust is None else normal_fingerprint(trust))
        trusted_now = True
    seen = store.package_received(opened.document.package_id)
    if seen is not None:
        import datetime as dt

        when = dt.datetime.fromtimestamp(seen).strftime("%Y-%m-%d %H:%M")
        raise PackageRefused(f"{path} was imported here already ({when}); nothing changed")
    add_as = None
    if trusted_now:
        add_as = sender.name or f"site {sender.fingerprint}"
        if store.find_recipient(add_as) is not None:
            add_as = f"{add_as} ({sender.fingerprint})"
    try:
        report = store.merge_package(
            opened.document.package_id,
            opened.sha256,
            sender,
            opened.document.body,
            add_sender_as=add_as,
        )
    except InvalidInput as e:
        # Found while merging (an answer its checklist cannot take …): the merge
        # is one transaction, undone whole.
        raise PackageRefused(f"{path}: {e}; nothing changed") from None
    return Imported(sender, opened.sha256, report, trusted_now)
