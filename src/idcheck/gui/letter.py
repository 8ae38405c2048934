"""The support letter: the worker confirms each fact, sees the letter, saves it.

Every candidate fact of the screening (:func:`idcheck.report.letter.letter_facts`)
is a checkbox, and **none is ticked to begin with**: the letter goes to people
outside the service (a guardian, a lawyer, the asylum case), so each fact in it
must be one the worker has read against the record and chosen to share, not one
that rode along because it was preselected. The letter cannot be saved until at
least one fact is confirmed. The preview is built in memory; the only file
written is the one the worker chooses (atomically), and each save is audited.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from idcheck.files import file_stem
from idcheck.gui import ops
from idcheck.gui.referral import (
    fit_dialog,
    print_language_box,
    show_pages,
    site_print_language,
)
from idcheck.gui.session import Session
from idcheck.report.export import Document
from idcheck.report.letter import LetterFacts

RECIPIENT_WORDS = (
    ("guardian", QT_TRANSLATE_NOOP("LetterDialog", "the child's guardian or representative")),
    ("lawyer", QT_TRANSLATE_NOOP("LetterDialog", "the child's lawyer")),
    ("asylum", QT_TRANSLATE_NOOP("LetterDialog", "the child's asylum case")),
)
GROUP_WORDS = {
    "age": QT_TRANSLATE_NOOP("LetterDialog", "Age"),
    "indicators": QT_TRANSLATE_NOOP("LetterDialog", "Indicators recorded"),
    "words": QT_TRANSLATE_NOOP("LetterDialog", "The child's own words"),
    "outcome": QT_TRANSLATE_NOOP(
        "LetterDialog", "What the checklist suggests, and the professional's decision"
    ),
}
FACT_ROLE = Qt.ItemDataRole.UserRole


class LetterDialog(QDialog):
    """Confirm facts one by one, preview the letter, save it as PDF."""

    def __init__(
        self, session: Session, screening_id: int, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.screening_id = screening_id
        self.case_id = case_id
        self.facts: LetterFacts | None = None
        self.data = b""
        self.setWindowTitle(self.tr("Support letter"))
        self.recipient = QComboBox()
        for key, text in RECIPIENT_WORDS:
            self.recipient.addItem(QCoreApplication.translate("LetterDialog", str(text)), key)
        self.recipient.setAccessibleName(self.tr("The letter is for"))
        self.recipient.currentIndexChanged.connect(self.refresh)
        self.names = QCheckBox(self.tr("Print the child's names"))
        self.names.toggled.connect(self.reload)
        # The referral's language when opened from it, else the site's.
        chosen = getattr(parent, "language", None)
        if isinstance(chosen, QComboBox):
            lang = chosen.currentData() or "en"
        else:
            lang = site_print_language(session, parent)
        self.language = print_language_box(self.tr("Language of the printed letter"), lang)
        self.language.currentIndexChanged.connect(lambda _i: self.reload())
        intro = QLabel(
            self.tr(
                "Tick each fact you have checked against the record and want in the letter. "
                "Nothing is ticked to begin with: the letter holds only what you confirm."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Facts to confirm"))
        self.list.itemChanged.connect(lambda _i: self.refresh())
        self.count = QLabel()
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("For")))
        row.addWidget(self.recipient, 1)
        row.addWidget(self.language)
        lbox.addLayout(row)
        lbox.addWidget(intro)
        lbox.addWidget(self.list, 1)
        lbox.addWidget(self.count)
        lbox.addWidget(self.names)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        self.preview = QScrollArea()
        self.preview.setWidget(holder)
        self.preview.setWidgetResizable(True)
        self.empty = QLabel(self.tr("Confirm at least one fact to see the letter."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        left.setMinimumWidth(360)
        self.preview.setMinimumWidth(480)
        split.setSizes([500, 760])
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(split, 1)
        box.addLayout(buttons)
        self.document: Document | None = None
        fit_dialog(self, parent, 1300, 900)
        self.reload()

    # ------------------------------------------------------------------ facts

    def reload(self) -> None:
        """Fetch the facts (again, when names are switched), keeping the ticks."""
        keep = set(self.confirmed())
        facts = self.session.run(
            ops.letter_facts(
                self.screening_id,
                include_names=self.names.isChecked(),
                lang=str(self.language.currentData() or "en"),
            ),
            self,
        )
        if facts is None:
            return
        self.facts = facts
        self.list.blockSignals(True)
        self.list.clear()
        group = None
        for fact in facts.facts:
            if fact.group != group:
                group = fact.group
                title = QListWidgetItem(
                    QCoreApplication.translate("LetterDialog", str(GROUP_WORDS[group]))
                )
                font = title.font()
                font.setBold(True)
                title.setFont(font)
                title.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addItem(title)
            label = fact.label
            if fact.quote:
                # The child's words in a first-strong isolate (FSI ... PDI): an Arabic
                # sentence keeps its own right-to-left order inside this line, a
                # Latin word or number at its end included.
                label = label.replace(fact.quote, f"\u2068{fact.quote}\u2069", 1)
            item = QListWidgetItem(label)
            item.setData(FACT_ROLE, fact.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = fact.id in keep
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.refresh()

    def fact_items(self) -> list[QListWidgetItem]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [i for i in items if i is not None and i.data(FACT_ROLE)]

    def confirmed(self) -> list[str]:
        return [
            str(i.data(FACT_ROLE))
            for i in self.fact_items()
            if i.checkState() == Qt.CheckState.Checked
        ]

    def set_confirmed(self, ids: set[str]) -> None:
        for i in self.fact_items():
            i.setCheckState(
                Qt.CheckState.Checked if i.data(FACT_ROLE) in ids else Qt.CheckState.Unchecked
            )

    # ---------------------------------------------------------------- preview

    def _render(self) -> Document | None:
        """The letter with the confirmed facts, rendered once."""
        assert self.facts is not None
        op = ops.make_letter(self.facts, self.confirmed(), str(self.recipient.currentData()))
        return self.session.run(op, self)

    def refresh(self) -> None:
        chosen = self.confirmed()
        total = len(self.fact_items())
        self.count.setText(self.tr("{0} of {1} facts confirmed").format(len(chosen), total))
        self.save_button.setEnabled(bool(chosen))
        wanted = bool(chosen) and self.facts is not None
        self.document = self._render() if wanted else None
        self.data = self.document.data if self.document is not None else b""
        show_pages(self.pages, self.data, scale=1.2, keep=self.empty)
        if not wanted:
            self.pages.addWidget(self.empty)
        self.empty.setVisible(not wanted)

    # ------------------------------------------------------------------ save

    def save(self) -> None:
        if not self.confirmed() or self.facts is None:
            return
        path = self.session.save_path(
            self,
            self.tr("Save the support letter"),
            f"letter-{file_stem(self.facts.case_reference)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the previewed letter itself and audit the export."""
        doc = self.document
        if not self.confirmed() or doc is None:
            return False
        return self.session.run(ops.export_document(doc, path), self) is not None
