"""The referral dialog from the window: opened with the screening's Referral
button, whatever the worker typed (line breaks included) previews and saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from idcheck.checklist import Answer
from idcheck.gui.referral import ReferralDialog
from idcheck.store import AnswerContext

WORDS = "He took my papers\nand said\r\nI owe him\u2028</para> & ]]>\tend"


@pytest.fixture
def view(walk_window):
    walk_window.cases.screen_selected(checklist_ref="intake-screen@1.0.0")
    v = walk_window.screening_view
    assert v is not None
    return v


def test_the_referral_button_previews_text_with_line_breaks(qtbot, view, walk_window, monkeypatch,
                                                            tmp_path):
    store = walk_window.session.store
    out = tmp_path / "referral.pdf"
    errors: list[str] = []
    messages = walk_window.session.messages
    monkeypatch.setattr(messages, "save_path", lambda *args: out)
    monkeypatch.setattr(messages, "error", lambda parent, title, text: errors.append(text))
    store.record_answer(view.screening_id, "documents-held", Answer(value="yes"), AnswerContext(
        source="child-said", child_words=WORDS, worker_note="seen\nat the door"))
    monkeypatch.setattr(ReferralDialog, "exec", lambda self: 0)
    qtbot.mouseClick(view.referral_button, Qt.MouseButton.LeftButton)
    dialog = view.referral_dialog
    assert isinstance(dialog, ReferralDialog)
    assert dialog.pages.count() >= 1 and dialog.data.startswith(b"%PDF")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    assert errors == []
