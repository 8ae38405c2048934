"""Every bad package is refused by ``idcheck import`` with one line and exit 2,
and nothing in the receiving store changes: ``idcheck db verify`` passes and
every table holds the rows it held."""

from __future__ import annotations

import pyrage
import pytest
from tests.conftest import new_store
from tests.sharing.conftest import row_counts

from idcheck.sharing import export_cases, resolve_recipient


@pytest.fixture
def sent(pair):
    """A good package from Nord to Sør, and Sør's rows before any import."""
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    export_cases(nord, [cid], [resolve_recipient(nord, "Mottak Sør")], pair.tmp / "good.idcheck")
    nord.lock()
    sor = pair.sor()
    counts = row_counts(sor)
    sor.lock()
    return pair.tmp / "good.idcheck", counts


def _refused(pair, counts, path, says, *extra):
    r = pair.cli("sor", "import", str(path), *extra)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("idcheck: "), r.stderr
    assert says in lines[0], lines[0]
    assert "nothing changed" in lines[0]
    v = pair.cli("sor", "db", "verify")
    assert v.returncode == 0, v.stdout + v.stderr
    sor = pair.sor()
    try:
        assert row_counts(sor) == counts
    finally:
        sor.lock()


def _sor_identity(pair):
    sor = pair.sor()
    try:
        with sor.engine.connect() as conn:
            secret = conn.exec_driver_sql("SELECT age_identity FROM sharing_keys").scalar_one()
        return pyrage.x25519.Identity.from_str(secret), sor.sharing_keys()
    finally:
        sor.lock()


def test_a_package_for_another_recipient(pair, sent):
    other = pyrage.x25519.Identity.generate()
    nord = pair.nord()
    export_cases(
        nord,
        [nord.case_id_by_reference("2026-041")],
        [resolve_recipient(nord, str(other.to_public()))],
        pair.tmp / "other.idcheck",
    )
    nord.lock()
    _refused(pair, sent[1], pair.tmp / "other.idcheck", "encrypted for another recipient")


def test_a_tampered_package(pair, sent):
    data = bytearray(sent[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    (pair.tmp / "t.idcheck").write_bytes(bytes(data))
    _refused(pair, sent[1], pair.tmp / "t.idcheck", "damaged, cut short or altered")


def test_a_truncated_package(pair, sent):
    data = sent[0].read_bytes()
    (pair.tmp / "cut.idcheck").write_bytes(data[: len(data) - 100])
    _refused(pair, sent[1], pair.tmp / "cut.idcheck", "damaged, cut short or altered")


def test_a_package_altered_and_encrypted_again_fails_its_signature(pair, sent):
    identity, keys = _sor_identity(pair)
    plain = pyrage.decrypt(sent[0].read_bytes(), [identity])
    altered = plain.replace(b'"claimed_age":15', b'"claimed_age":12')
    assert altered != plain
    recipient = pyrage.x25519.Recipient.from_str(keys.age)
    (pair.tmp / "a.idcheck").write_bytes(pyrage.encrypt(altered, [recipient]))
    _refused(pair, sent[1], pair.tmp / "a.idcheck", "signature does not match")


def test_a_replayed_package(pair, sent):
    r = pair.cli("sor", "import", str(sent[0]))
    assert r.returncode == 0, r.stderr
    assert "new case: 2026-041" in r.stdout
    sor = pair.sor()
    counts = row_counts(sor)
    sor.lock()
    _refused(pair, counts, sent[0], "imported here already")


def test_a_package_from_an_unknown_sender_needs_its_fingerprint(pair, sent):
    tom, _ = new_store(pair.tmp / "tom", "tom")
    sor = pair.sor()
    sor_keys = sor.sharing_keys()
    sor.lock()
    tom.add_recipient("Mottak Sør", sor_keys)
    cid = tom.create_case(
        __import__("idcheck.store", fromlist=["CaseDetails"]).CaseDetails(reference="T-1")
    )
    export_cases(tom, [cid], [sor_keys], pair.tmp / "tom.idcheck")
    fpr = tom.sharing_keys().fingerprint
    tom.lock()
    _refused(pair, sent[1], pair.tmp / "tom.idcheck", "does not know")
    _refused(
        pair, sent[1], pair.tmp / "tom.idcheck", "does not know", "--trust", "AAAA-BBBB-CCCC-DDDD"
    )
    r = pair.cli("sor", "import", str(pair.tmp / "tom.idcheck"), "--trust", fpr.lower())
    assert r.returncode == 0, r.stderr
    assert "added to the directory" in r.stdout and "new case: T-1" in r.stdout


def test_a_package_from_a_newer_version(pair, sent):
    _, keys = _sor_identity(pair)
    recipient = pyrage.x25519.Recipient.from_str(keys.age)
    plain = b"idcheck-package/2\nsignature: AAAA\n{}"
    (pair.tmp / "new.idcheck").write_bytes(pyrage.encrypt(plain, [recipient]))
    _refused(pair, sent[1], pair.tmp / "new.idcheck", "newer idcheck (package format 2")


@pytest.mark.parametrize(
    "content,says",
    [
        (b"%PDF-1.4 not a package", "not an age-encrypted file"),
        (b"", "not an age-encrypted file"),
        ("Årsrapport\n".encode() * 50, "not an age-encrypted file"),
    ],
)
def test_not_a_package(pair, sent, content, says):
    (pair.tmp / "x.idcheck").write_bytes(content)
    _refused(pair, sent[1], pair.tmp / "x.idcheck", says)


def test_an_encrypted_file_that_is_not_a_package(pair, sent):
    _, keys = _sor_identity(pair)
    recipient = pyrage.x25519.Recipient.from_str(keys.age)
    (pair.tmp / "pdf.age").write_bytes(pyrage.encrypt(b"%PDF-1.7\n...", [recipient]))
    _refused(pair, sent[1], pair.tmp / "pdf.age", "not an idcheck package (it is a PDF")


def test_a_package_passed_on_to_someone_it_was_not_addressed_to(pair, sent):
    # Sør decrypts what Nord sent it and encrypts it again to Tom, who knows Nord.
    identity, _ = _sor_identity(pair)
    plain = pyrage.decrypt(sent[0].read_bytes(), [identity])
    tom, _ = new_store(pair.tmp / "tom", "tom")
    nord = pair.nord()
    tom.add_recipient("Mottak Nord", nord.sharing_keys())
    nord.lock()
    forwarded = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(tom.sharing_keys().age)])
    (pair.tmp / "fwd.idcheck").write_bytes(forwarded)
    from idcheck.sharing import PackageRefused, import_package

    before = row_counts(tom)
    with pytest.raises(PackageRefused, match="not addressed to this store"):
        import_package(tom, pair.tmp / "fwd.idcheck")
    assert row_counts(tom) == before
    tom.lock()


def _resign_from_nord(pair, plain_doc: bytes, sor_age: str):
    """A package signed with Nord's own key (as a sender's software with a defect
    would make it), encrypted to Sør."""
    import base64

    from idcheck.store.sharing_keys import sign

    nord = pair.nord()
    try:
        with nord.engine.connect() as conn:
            key = conn.exec_driver_sql("SELECT sign_key FROM sharing_keys").scalar_one()
    finally:
        nord.lock()
    first = b"idcheck-package/1\n"
    signature = base64.b64encode(sign(key, first + plain_doc))
    plain = first + b"signature: " + signature + b"\n" + plain_doc
    return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(sor_age)])


@pytest.mark.parametrize(
    "change,says",
    [
        # A field the format does not have.
        ((b'"claimed_age":15', b'"claimed_age":15,"shoe_size":41'), "bad data at"),
        # An answer its checklist cannot take (found while merging: the whole
        # transaction is undone).
        ((b'"value":"\\"unsure\\""', b'"value":"\\"perhaps\\""'), "an answer to 'danger-missing'"),
    ],
)
def test_a_signed_package_with_bad_data_changes_nothing(pair, sent, change, says):
    identity, keys = _sor_identity(pair)
    plain = pyrage.decrypt(sent[0].read_bytes(), [identity])
    doc = plain.split(b"\n", 2)[2]
    assert change[0] in doc, change[0]
    bad = _resign_from_nord(pair, doc.replace(change[0], change[1], 1), keys.age)
    (pair.tmp / "bad.idcheck").write_bytes(bad)
    r = pair.cli("sor", "import", str(pair.tmp / "bad.idcheck"))
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert says in r.stderr and "nothing changed" in r.stderr, r.stderr
    assert pair.cli("sor", "db", "verify").returncode == 0
    sor = pair.sor()
    try:
        assert row_counts(sor) == sent[1]
    finally:
        sor.lock()
