"""``idcheck --self-test``: checks an installation (the frozen app included)
without a window, one line per check, and fails on any failure.

Everything it writes goes to a temporary folder that is removed afterwards; the
store it makes there holds only synthetic answers from a checklist's worked
examples.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

#: What one check hands to a later one (the referral PDF to the preview check).
State = dict[str, bytes]


def _sqlcipher(state: State) -> str:
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    version = conn.execute("PRAGMA cipher_version").fetchone()
    conn.close()
    if not version or not version[0]:
        raise RuntimeError("the SQLite library is not SQLCipher")
    return f"SQLCipher {version[0]} (SQLite {sqlcipher.sqlite_version})"


def _checklists(state: State) -> str:
    from idcheck.checklist import bundled_root, entries, load_any
    from idcheck.checklist.lock import check_lock

    root = bundled_root()
    found = entries(root)
    if not found:
        raise RuntimeError(f"no checklists in {root}")
    for e in found:
        load_any(e.path)
    problems = check_lock(root)
    if problems:
        raise RuntimeError("; ".join(problems))
    return f"{len(found)} checklist files load and match checklists.lock"


#: "I do not want to go with him." (the child's words in the self-test's referral)
ARABIC_WORDS = "لا أريد أن أذهب معه."


def _store_report_verify(state: State) -> str:
    from idcheck.checklist import Checklist, entries, load_entry
    from idcheck.report import build_summary, render_referral
    from idcheck.store import AnswerContext, CaseDetails, Decision, Store

    with tempfile.TemporaryDirectory(prefix="idcheck-selftest-") as tmp:
        password = secrets.token_urlsafe(16)
        store, _ = Store.create(Path(tmp) / "store", "selftest", password)
        try:
            entry = next(e for e in entries() if isinstance(load_entry(e), Checklist))
            checklist = load_entry(entry)
            assert isinstance(checklist, Checklist)
            text = entry.path.read_bytes()
            cid = store.create_case(CaseDetails(reference="SELFTEST-1"))
            sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
            example = checklist.examples[0] if checklist.examples else None
            from idcheck.checklist import Answer, assess

            answers = dict(example.answers) if example else {}
            # The child's words in Arabic on every answer: the referral shapes them
            # (HarfBuzz through uharfbuzz, which the fonts check finds; without it
            # reportlab draws them letter by letter without a word).
            words = AnswerContext(child_words=ARABIC_WORDS, language="ar")
            for item_id, value in answers.items():
                store.record_answer(sid, item_id, Answer.of(value), words)
            a = assess(checklist, answers)
            store.record_decision(sid, Decision(a.outcome.id, a.fired_ids, a.outcome.id))
            store.complete_screening(sid)
            buf = io.BytesIO()
            render_referral(build_summary(store, sid), buf)
            if not buf.getvalue().startswith(b"%PDF"):
                raise RuntimeError("the referral is not a PDF")
            state["referral"] = buf.getvalue()
            result = store.verify()
            if not result.ok:
                raise RuntimeError("; ".join(result.messages))
        finally:
            store.lock()
    return (
        f"a temporary store was created, {len(answers)} synthetic answers recorded, "
        f"a referral rendered with the child's words in Arabic ({len(buf.getvalue()) // 1024} KiB) "
        "and the store verified"
    )


def _fonts(state: State) -> str:
    from reportlab.pdfbase import ttfonts

    from idcheck.report.fonts import SCRIPTS, font_file

    if ttfonts.uharfbuzz is None:  # Arabic would be drawn letter by letter: backwards
        raise RuntimeError("uharfbuzz is missing: right-to-left text cannot be shaped")
    return ", ".join(f"{s}: {font_file(s).name}" for s in SCRIPTS) + "; shaping: HarfBuzz"


def _preview(state: State) -> str:
    """The window's referral preview: pages rendered by pypdfium2 and converted
    through Pillow, as :func:`idcheck.gui.referral.page_images` does (without Qt)."""
    import pypdfium2 as pdfium

    data = state.get("referral")
    if data is None:
        raise RuntimeError("no referral to preview (the store check failed)")
    doc = pdfium.PdfDocument(data)
    try:
        pages = len(doc)
        for i in range(pages):
            image = doc[i].render(scale=1.4).to_pil().convert("L")
            darkest, _ = image.getextrema()
            if darkest > 128:
                raise RuntimeError(f"page {i + 1} of the referral renders blank")
    finally:
        doc.close()
    return f"{pages} referral pages rendered for the preview (pypdfium2 and Pillow)"


def _sharing(state: State) -> str:
    """Case packages: age encryption (pyrage) and Ed25519 signatures both work."""
    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    identity = pyrage.x25519.Identity.generate()
    sealed = pyrage.encrypt(b"idcheck self-test", [identity.to_public()])
    if pyrage.decrypt(sealed, [identity]) != b"idcheck self-test":
        raise RuntimeError("age encryption does not round-trip")
    key = Ed25519PrivateKey.generate()
    key.public_key().verify(key.sign(sealed), sealed)
    return "age (X25519) encryption and Ed25519 signatures for case packages"


CHECKS: list[tuple[str, Callable[[State], str]]] = [
    ("sqlcipher", _sqlcipher),
    ("checklists", _checklists),
    ("fonts", _fonts),
    ("store", _store_report_verify),
    ("preview", _preview),
    ("sharing", _sharing),
]


def run(out: Callable[[str], None] = print) -> int:
    """Run every check; print one line each; return 0 when all pass, else 1."""
    failed = 0
    state: State = {}
    for name, check in CHECKS:
        try:
            detail = check(state)
            out(f"ok    {name}: {detail}")
        except Exception as e:
            failed += 1
            last = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
            where = f" ({Path(last.filename).name}:{last.lineno})" if last else ""
            out(f"FAIL  {name}: {type(e).__name__}: {e}{where}")
    out(f"{len(CHECKS) - failed} of {len(CHECKS)} checks passed")
    return 0 if failed == 0 else 1
