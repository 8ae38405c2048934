"""The why of an item, one key away: its cited sources and how well its element
and strength are supported (the verification and its note), in words a worker can
weigh.

The walk-through installs the key with :func:`install_why_key` (F1 on the item
that has the focus); the training room shows the same text beside the trainer's
notes (:func:`why_html`). Sources are printed as text: the window opens no
network connection, so an address is there to be copied, not followed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Checklist, Indicator, Question, text_for

__all__ = [
    "STRENGTH_WORDS",
    "VERIFICATION_MEANS",
    "WHY_KEY",
    "WhyDialog",
    "install_why_key",
    "strength_word",
    "why_html",
]

CONTEXT = "Why"
#: The key that opens the why of the item with the focus.
WHY_KEY = "F1"

STRENGTH_WORDS = {
    "strong": QT_TRANSLATE_NOOP("Why", "strong"),
    "medium": QT_TRANSLATE_NOOP("Why", "medium"),
    "weak": QT_TRANSLATE_NOOP("Why", "weak"),
}


def strength_word(strength: str) -> str:
    """An indicator's strength in the interface language: "strong" → "sterk"."""
    return QCoreApplication.translate(CONTEXT, str(STRENGTH_WORDS[strength]))


#: What each verification means for the item it is on.
VERIFICATION_MEANS = {
    "verified": QT_TRANSLATE_NOOP(
        "Why",
        "Verified: the element and the strength were read in the cited source itself.",
    ),
    "secondary": QT_TRANSLATE_NOOP(
        "Why",
        "Secondary: this item is found only in a compilation that cites other work; the "
        "original was not read. Its element and strength rest on how others read that "
        "work: weigh it with that in mind.",
    ),
    "unverified": QT_TRANSLATE_NOOP(
        "Why",
        "Unverified: no published list gives this element and strength; they are the "
        "checklist authors' judgement. Take the strength as a guide for the "
        "conversation, not as evidence.",
    ),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _para(label: str, text: str) -> str:
    return f"<p><b>{html.escape(label)}</b> {html.escape(text)}</p>"


def why_html(checklist: Checklist, item: Indicator | Question, lang: str) -> str:
    """The item's element and strength, its verification and what that means, and
    every source it cites (title, publisher, year, the place in it, the address)."""
    out = [f"<h3>{html.escape(text_for(item.text, lang))}</h3>"]
    if isinstance(item, Indicator):
        try:
            element = text_for(checklist.dimension(item.dimension).label, lang)
        except KeyError:
            element = item.dimension
        out.append(_para(QCoreApplication.translate("Why", "Element:"), element))
        out.append(
            _para(
                QCoreApplication.translate("Why", "Strength:"), _tr(STRENGTH_WORDS[item.strength])
            )
        )
        supported = QCoreApplication.translate("Why", "How well this is supported")
        out.append(f"<h4>{html.escape(supported)}</h4>")
        out.append(f"<p>{html.escape(_tr(VERIFICATION_MEANS[item.verification]))}</p>")
        note = text_for(item.verification_note, lang)
        if note:
            out.append(_para(QCoreApplication.translate("Why", "For this item:"), note))
    sources = QCoreApplication.translate("Why", "Sources")
    out.append(f"<h4>{html.escape(sources)}</h4>")
    known = {s.id: s for s in checklist.sources}
    if not item.sources:
        none = QCoreApplication.translate("Why", "This item cites no source.")
        out.append(f"<p>{html.escape(none)}</p>")
    else:
        out.append("<ul>")
        for ref in item.sources:
            source = known.get(ref.ref)
            if source is None:
                out.append(f"<li>{html.escape(ref.ref)}</li>")
                continue
            at = QCoreApplication.translate("Why", "at: {0}").format(ref.where) if ref.where else ""
            out.append(cited_source(source, at, note=True))
        out.append("</ul>")
    return "\n".join(out)


def cited_source(source: Any, at: str = "", *, note: bool = False) -> str:
    """One cited source as a list item (rich text, escaped): its title and year,
    its publisher, where in it (``at``, already in words), its note when
    ``note``, and its address. The why of an item and the guide both cite so."""
    head = source.title + (f" ({source.year})" if source.year else "")
    parts = [f"<b>{html.escape(head)}</b>", html.escape(source.publisher)]
    if at:
        parts.append(html.escape(at))
    if note and source.note:
        parts.append(f"<i>{html.escape(source.note)}</i>")
    if source.url:
        parts.append(html.escape(source.url))
    return "<li>" + "<br>".join(parts) + "</li>"


class WhyDialog(QDialog):
    """The sources and the verification of one item; Escape or Enter closes it.
    F1 (or the Guide button) opens the offline guide at the section the item
    links to, or at its start when the item links to none."""

    def __init__(
        self,
        checklist: Checklist,
        item: Indicator | Question,
        lang: str,
        parent: QWidget | None,
        *,
        jurisdiction: str | None = None,
        track: Callable[[QDialog], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.jurisdiction = jurisdiction
        self.track = track
        self.setWindowTitle(self.tr("Why this item: its sources"))
        self.text = QTextBrowser()
        self.text.setObjectName("why")
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Sources and verification of the item"))
        self.guide, self.guide_sections, said = _guide_links(checklist.id, item.id, lang)
        self.text.setHtml(why_html(checklist, item, lang) + f"<p>{html.escape(said)}</p>")
        self.guide_button = QPushButton(
            self.tr("Read in the &guide (F1)") if self.guide_sections else self.tr("&Guide (F1)")
        )
        self.guide_button.setEnabled(self.guide is not None)
        self.guide_button.clicked.connect(self.open_guide)
        QShortcut(QKeySequence(WHY_KEY), self).activated.connect(self.open_guide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.text, 1)
        box.addWidget(buttons)
        self.resize(640, 480)
        self.text.setFocus()

    def open_guide(self) -> QDialog | None:
        """The guide at the item's first section (its start if it has none)."""
        if self.guide is None:
            return None
        from idcheck.gui.guide import GuideDialog

        first = self.guide_sections[0].id if self.guide_sections else None
        dialog = GuideDialog(self.guide, self.lang, self.jurisdiction, self, first)
        if self.track is not None:
            self.track(dialog)
        dialog.exec()
        # The keyboard comes back here (not every window manager hands it back).
        self.activateWindow()
        return dialog


def _guide_links(checklist_id: str, item_id: str, lang: str) -> tuple[Any, list[Any], str]:
    """The guide, the sections the item links to, and a line saying which."""
    from idcheck.checklist import guide
    from idcheck.checklist.loader import ChecklistError

    try:
        g = guide.bundled_guide()
    except (ChecklistError, OSError) as e:
        said = QCoreApplication.translate("Why", "The guide could not be read: {0}")
        return None, [], said.format(str(e).splitlines()[0] if str(e) else type(e).__name__)
    sections = guide.sections_for_item(g, checklist_id, item_id)
    if not sections:
        said = QCoreApplication.translate(
            "Why", "The guide has no section on this item; F1 opens the guide at its start."
        )
        return g, [], said
    reading = lang if lang in g.languages else "en"
    titles = "; ".join(s.title_in(reading) for s in sections)
    said = QCoreApplication.translate("Why", "In the guide: {0}. F1 opens it there.")
    return g, sections, said.format(titles)


def install_why_key(
    view: QWidget,
    current: Callable[[], tuple[Checklist, str, str] | None],
    track: Callable[[QDialog], None] | None = None,
    site: Callable[[], str | None] | None = None,
) -> QShortcut:
    """F1 in ``view`` (and its children) opens the why of the item ``current()``
    names: ``(checklist, item id, language)``, or None when there is no item.
    ``site()`` is the site's jurisdiction, for the guide's sections of its place."""

    def open_why() -> None:
        now = current()
        if now is None:
            return
        checklist, item_id, lang = now
        try:
            item = checklist.item(item_id)
        except KeyError:
            return
        where = site() if site is not None else None
        dialog = WhyDialog(checklist, item, lang, view, jurisdiction=where, track=track)
        if track is not None:
            track(dialog)
        dialog.exec()
        view.window().activateWindow()  # the walk has the keyboard again

    key = QShortcut(QKeySequence(WHY_KEY), view)
    key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    key.activated.connect(open_why)
    return key
