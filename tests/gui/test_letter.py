"""The support letter dialog: nothing ticked at first, save only with a confirmed
fact, the letter holds the ticked facts only, saves audited; opened from the
referral dialog."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.gui.letter import LetterDialog
from idcheck.gui.referral import ReferralDialog
from idcheck.gui.session import Messages, Session, store_behind
from idcheck.store import AnswerContext, CaseDetails, Decision

PASSWORD = "correct horse battery"
ARABIC = "أخذوا جواز سفري"
NORWEGIAN = "Jeg må betale tilbake reisen før jeg får gå"


class Recorded(Messages):
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.answer_path = None

    def save_path(self, parent, title, suggested, filter_):
        return self.answer_path

    def error(self, parent, title, text):
        self.errors.append(text)


@pytest.fixture
def screened(qtbot, tmp_path):
    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="2026-099", given_name="Amira", claimed_age=15))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid,
        "documents-held",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=ARABIC, language="ar", read_back=True),
    )
    store.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=NORWEGIAN, language="nb"),
    )
    store.record_decision(sid, Decision("full-screening", (), "full-screening"))
    store.complete_screening(sid)
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(store, Recorded(), parent)
    yield session, sid, cid
    if store.is_open:
        store.lock()


def item_of(dialog, fact_id):
    return next(i for i in dialog.fact_items() if i.data(Qt.ItemDataRole.UserRole) == fact_id)


def audit(store):
    return [r.action for r in store.audit_trail()]


def test_nothing_is_ticked_and_nothing_can_be_saved_until_a_fact_is_confirmed(
    qtbot, screened, tmp_path
):
    session, sid, cid = screened
    dialog = LetterDialog(session, sid, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    ids = [i.data(Qt.ItemDataRole.UserRole) for i in dialog.fact_items()]
    assert {"age", "presumption", "words:documents-held", "words:debt", "decision"} <= set(ids)
    assert dialog.confirmed() == []
    assert not dialog.save_button.isEnabled()
    assert dialog.empty.isVisible() and dialog.data == b""
    assert "0 of" in dialog.count.text()
    assert not dialog.save_to(tmp_path / "letter.pdf")
    assert not (tmp_path / "letter.pdf").exists()
    assert "letter-exported" not in audit(store_behind(session))


def test_the_letter_holds_the_ticked_facts_only(qtbot, screened, tmp_path):
    session, sid, cid = screened
    dialog = LetterDialog(session, sid, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    item_of(dialog, "age").setCheckState(Qt.CheckState.Checked)
    item_of(dialog, "words:documents-held").setCheckState(Qt.CheckState.Checked)
    assert dialog.save_button.isEnabled() and dialog.data.startswith(b"%PDF")
    assert dialog.pages.count() >= 1 and not dialog.empty.isVisible()
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("lawyer"))
    out = tmp_path / "letter.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the chooser cancelled
    assert not out.exists() and "letter-exported" not in audit(store_behind(session))
    session.messages.answer_path = out
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    raw = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    text = " ".join(unicodedata.normalize("NFKC", raw).split())
    assert "To the child's lawyer" in text and "Age the child gives: 15" in text
    squeezed = "".join(text.split())
    assert all(w in squeezed or w[::-1] in squeezed for w in ARABIC.split())
    assert NORWEGIAN not in text and "The professional's decision:" not in text
    assert "Amira" not in text
    assert audit(store_behind(session)).count("letter-exported") == 1
    # Names switched on: the facts are fetched again and the ticks kept.
    dialog.names.setChecked(True)
    assert set(dialog.confirmed()) == {"age", "words:documents-held"}
    dialog.save_to(out)
    assert "Amira" in PdfReader(out).pages[0].extract_text()
    assert audit(store_behind(session)).count("letter-exported") == 2


def test_opened_from_the_referral_dialog(qtbot, screened, monkeypatch):
    session, sid, cid = screened
    referral = ReferralDialog(session, sid, cid)
    qtbot.addWidget(referral)
    monkeypatch.setattr(LetterDialog, "exec", lambda self: 0)
    qtbot.mouseClick(referral.letter_button, Qt.MouseButton.LeftButton)
    letter = referral.letter_dialog
    assert isinstance(letter, LetterDialog) and letter.screening_id == sid
    assert letter in session.dialogs
    assert letter.confirmed() == []


def test_the_letter_is_printed_in_the_language_chosen(qtbot, screened):
    import io

    session, sid, cid = screened
    dialog = LetterDialog(session, sid, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    item_of(dialog, "age").setCheckState(Qt.CheckState.Checked)
    assert dialog.language.currentData() == "en"
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    assert dialog.language.currentData() == "nb"
    assert dialog.confirmed() == ["age"]  # the ticks are kept
    reader = PdfReader(io.BytesIO(dialog.data))
    assert reader.metadata.title == "Støttebrev"
    assert "Alder ifølge barnet: 15" in reader.pages[0].extract_text()


MIXED = "قال الرجل إنني مدين له بمبلغ 3000 يورو عن رحلة Oslo"


def test_mixed_arabic_words_read_right_to_left_in_the_list_of_facts(qtbot, tmp_path):
    """The child's words are shown inside a left-to-right line ("“…” (The child's own
    words, as said …)"): a Latin word ending the Arabic sentence must stay at its
    left end, after the Arabic words in reading order, not jump to their right."""
    from PySide6.QtGui import QTextLayout, QTextOption

    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="2026-098", claimed_age=15))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=MIXED, language="ar", read_back=True),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(store, Recorded(), parent)
    try:
        dialog = LetterDialog(session, sid, cid)
        qtbot.addWidget(dialog)
        dialog.show()
        shown = item_of(dialog, "words:debt").text()
        # Laid out as the list draws it: one line, the list's own (left-to-right) direction.
        layout = QTextLayout(shown, dialog.list.font())
        option = QTextOption()
        option.setTextDirection(dialog.list.layoutDirection())
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(100000)
        layout.endLayout()

        def x(word):
            # Inside the word: a position at a run's edge has two places on the line.
            return line.cursorToX(shown.index(word) + 1)[0]

        first, last = "قال", "Oslo"
        assert x(last) < x(first), "the sentence's last word is printed right of its first"
        assert x("(") > max(x(first), x(last)), "the note follows the quote"
    finally:
        store.lock()
