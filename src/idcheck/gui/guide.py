"""Help → Guide: the offline guide in the window.

The guide (:mod:`idcheck.checklist.guide`, the file in ``checklists/guides/``) is
shown in a dialog: its sections in a list beside the section being read, a search
field that filters the list as one types (every word, accents and æøå folded),
the language to read it in (the interface language when the guide has it), and
each language's review status in plain words: a draft says it is a draft. The
sections are those of the site's jurisdiction (the general ones and that place's
duties); "every place" shows the others too.

Keys: typing goes to the search; Up / Down / Page Up / Page Down move in the list
from the search field; Enter goes to the text; Ctrl+F back to the search; Escape
closes. The header's Help button has "Guide…" (Ctrl+F1), and the why of an item
(F1 in the walk) opens the guide at the section the item links to.

Nothing here reads or writes a child's data; the guide is read from the
installed file only.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import guide as guides
from idcheck.checklist import text_for
from idcheck.checklist.guide import Guide, GuideSection
from idcheck.gui import i18n
from idcheck.gui.help_menu import GUIDE_KEY, install_help
from idcheck.gui.site import JURISDICTION_LABELS
from idcheck.gui.why import cited_source

__all__ = ["GUIDE_KEY", "GuideDialog", "install_help", "reading_language", "section_html"]

CONTEXT = "GuideDialog"
#: The key that opens the guide from anywhere in the window.
#: The keys the search field hands to the list of sections.
_MOVES = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 5,
    Qt.Key.Key_PageUp: -5,
}


def reading_language(guide: Guide, lang: str) -> str:
    """``lang`` when the guide is written in it, else English."""
    return lang if lang in guide.languages else "en"


def place_name(code: str) -> str:
    label = JURISDICTION_LABELS.get(code)
    return QCoreApplication.translate("SiteFields", str(label)) if label else code


def review_line(guide: Guide, lang: str) -> str:
    """One language's review status, in plain words of the interface language."""
    info = guide.languages[lang]
    if info.status == "draft":
        line = QCoreApplication.translate(
            "GuideDialog", "{0}: a draft, not yet reviewed. Check it with your lead."
        ).format(info.name)
    elif info.reviewed_by:
        line = QCoreApplication.translate("GuideDialog", "{0}: reviewed by {1}.").format(
            info.name, info.reviewed_by
        )
    else:
        line = QCoreApplication.translate("GuideDialog", "{0}: reviewed.").format(info.name)
    return line + (f" {info.note}" if info.note else "")


def section_html(guide: Guide, section: GuideSection, lang: str) -> str:
    """A section as the dialog shows it: title, summary, the places it is for, its
    body (paragraphs keep their line breaks; bullets; sub-headings) and its sources."""
    direction = guide.languages[lang].direction if lang in guide.languages else "ltr"
    out = [f"<div dir='{direction}'>", f"<h2>{html.escape(section.title_in(lang))}</h2>"]
    summary = text_for(section.summary, lang) if section.summary else ""
    if summary:
        out.append(f"<p><i>{html.escape(summary)}</i></p>")
    if section.jurisdictions:
        places = ", ".join(place_name(j) for j in section.jurisdictions)
        label = QCoreApplication.translate("GuideDialog", "For sites in: {0}").format(places)
        out.append(f"<p><b>{html.escape(label)}</b></p>")
    bullets: list[str] = []
    for block in guides.blocks(section.body_in(lang)):
        text = html.escape(block.text).replace("\n", "<br>")
        if block.kind == "bullet":
            bullets.append(f"<li>{text}</li>")
            continue
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        out.append(f"<h3>{text}</h3>" if block.kind == "heading" else f"<p>{text}</p>")
    if bullets:
        out.append("<ul>" + "".join(bullets) + "</ul>")
    sources = QCoreApplication.translate("GuideDialog", "Sources")
    out.append(f"<h4>{html.escape(sources)}</h4><ol>")
    for source, where in guides.citations(guide, section):
        at = QCoreApplication.translate("GuideDialog", "at: {0}").format(where) if where else ""
        out.append(cited_source(source, at))
    out.append("</ol></div>")
    return "\n".join(out)


class GuideDialog(QDialog):
    """The guide: search, the sections found, the section being read."""

    def __init__(
        self,
        guide: Guide,
        lang: str,
        jurisdiction: str | None,
        parent: QWidget | None = None,
        section_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.guide = guide
        self.jurisdiction = jurisdiction or None
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the guide"))
        self.search.setPlaceholderText(self.tr("Type words to find in the guide"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the guide"))
        for code, info in guide.languages.items():
            self.language.addItem(info.name, code)
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language)
        self.every_place = QCheckBox(self.tr("Every &place's duties"))
        if self.jurisdiction is None:
            self.every_place.setChecked(True)
            self.every_place.setEnabled(False)
            self.every_place.setToolTip(
                self.tr("The site's place is not set: the duties of every place are shown.")
            )
        else:
            self.every_place.setToolTip(
                self.tr(
                    "Also the duties and numbers of places other than this site's ({0})"
                ).format(place_name(self.jurisdiction))
            )
        self.review = QLabel()
        self.review.setObjectName("guidereview")
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.PlainText)
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections of the guide found"))
        self.text = QTextBrowser()
        self.text.setObjectName("guidetext")
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("The section of the guide"))
        self.found = QLabel()
        self.found.setObjectName("guidefound")
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 2)
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addWidget(self.every_place)
        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(self.text)
        split.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.review)
        box.addWidget(split, 1)
        box.addWidget(self.found)
        box.addWidget(buttons)
        self.search.installEventFilter(self)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self._to_search)
        self.language.setCurrentIndex(max(0, self.language.findData(reading_language(guide, lang))))
        self.search.textChanged.connect(lambda _t: self._refill(best=True))
        self.language.currentIndexChanged.connect(lambda _i: self._language_changed())
        self.every_place.toggled.connect(lambda _on: self._refill())
        self.sections.currentRowChanged.connect(lambda _r: self._show())
        self._language_changed()
        if section_id is not None:
            self.show_section(section_id)
        self.resize(900, 640)
        self.search.setFocus()

    # -- what is shown ---------------------------------------------------------------

    @property
    def lang(self) -> str:
        return str(self.language.currentData() or "en")

    def _language_changed(self) -> None:
        self.setWindowTitle(
            self.tr("Guide: {0} (version {1})").format(
                text_for(self.guide.title, self.lang), self.guide.version
            )
        )
        first = [self.lang, *(c for c in self.guide.languages if c != self.lang)]
        self.review.setText("\n".join(review_line(self.guide, c) for c in first))
        self._refill()

    def visible_sections(self) -> list[GuideSection]:
        """The sections the search finds among those of the site (or every place)."""
        place = None if self.every_place.isChecked() else self.jurisdiction
        allowed = {s.id for s in guides.for_site(self.guide, place)}
        return [
            s for s in guides.search(self.guide, self.search.text(), self.lang) if s.id in allowed
        ]

    def _refill(self, *, best: bool = False) -> None:
        """List what the search finds; the best hit is shown after a search is
        typed, else the section being read stays when it is still listed."""
        was = None if best else self.current_id()
        found = self.visible_sections()
        self.sections.blockSignals(True)
        self.sections.clear()
        for s in found:
            row = QListWidgetItem(s.title_in(self.lang))
            row.setData(Qt.ItemDataRole.UserRole, s.id)
            self.sections.addItem(row)
        ids = [s.id for s in found]
        self.sections.setCurrentRow(ids.index(was) if was in ids else 0 if ids else -1)
        self.sections.blockSignals(False)
        place = None if self.every_place.isChecked() else self.jurisdiction
        total = len(guides.for_site(self.guide, place))
        if found:
            self.found.setText(self.tr("{0} of {1} sections").format(len(found), total))
        else:
            self.found.setText(self.tr("No section holds every word you typed."))
        self._show()

    def current_id(self) -> str | None:
        row = self.sections.currentItem()
        return str(row.data(Qt.ItemDataRole.UserRole)) if row is not None else None

    def _show(self) -> None:
        section_id = self.current_id()
        if section_id is None:
            self.text.setPlainText(
                self.tr(
                    "Nothing in the guide holds every word of “{0}”. Try fewer words, or "
                    "the guide's other language."
                ).format(" ".join(self.search.text().split()))
            )
            return
        section = next(s for s in self.guide.sections if s.id == section_id)
        self.text.setHtml(section_html(self.guide, section, self.lang))

    def show_section(self, section_id: str) -> bool:
        """Show the section ``section_id`` (the search is cleared, and every place's
        sections are listed if it is another place's). False if there is none."""
        if not any(s.id == section_id for s in self.guide.sections):
            return False
        self.search.clear()
        ids = [s.id for s in self.visible_sections()]
        if section_id not in ids and self.every_place.isEnabled():
            self.every_place.setChecked(True)
            ids = [s.id for s in self.visible_sections()]
        self.sections.setCurrentRow(ids.index(section_id))
        return True

    # -- keys ------------------------------------------------------------------------

    def _to_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in _MOVES and self.sections.count():
                row = self.sections.currentRow() + _MOVES[Qt.Key(key)]
                self.sections.setCurrentRow(max(0, min(self.sections.count() - 1, row)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.text.setFocus()
                return True
        return super().eventFilter(obj, event)


def load_guide_or_say(parent: QWidget | None, messages: Any) -> Guide | None:
    """The installed guide, or None after saying why it could not be read."""
    from idcheck.checklist.loader import ChecklistError

    try:
        return guides.bundled_guide()
    except (ChecklistError, OSError) as e:
        messages.error(
            parent,
            QCoreApplication.translate("GuideDialog", "Guide"),
            QCoreApplication.translate(
                "GuideDialog", "The guide could not be read; nothing was changed:\n{0}"
            ).format(e),
        )
        return None


def site_jurisdiction(session: Any, parent: QWidget | None) -> str | None:
    """The site's jurisdiction code, or None (locked, or the site not set up)."""
    if session is None:
        return None
    from idcheck.gui import ops

    profile = session.run(ops.site_profile(), parent)
    return (profile.jurisdiction or None) if profile is not None else None


def open_guide(window: Any, section_id: str | None = None) -> GuideDialog | None:
    """Help → Guide from the main window: the guide in the interface language,
    for the site's place; closed at lock like every dialog."""
    guide = load_guide_or_say(window, window.messages)
    if guide is None:
        return None
    session = window.session
    dialog = GuideDialog(
        guide, i18n.content_language(), site_jurisdiction(session, window), window, section_id
    )
    if session is not None:
        session.track(dialog)
    dialog.exec()
    return dialog
