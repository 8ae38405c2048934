"""Preview, print and save the referral summary of a screening.

The PDF is built once in memory by :func:`idcheck.report.export.make_referral`;
pages are rendered for the preview with pypdfium2. Save writes exactly the
previewed bytes and Print prints them (:mod:`idcheck.report.export`): nothing is
written to disk except the file the worker chooses (atomically), and every save
and print is one audit row. The dialog takes at most the screen's available
size, so its buttons stay on a 1280 x 720 laptop screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from idcheck.files import file_stem
from idcheck.gui import ops
from idcheck.gui.session import Session
from idcheck.report.export import Document, make_referral
from idcheck.store import PRINT_LANGUAGES as SITE_PRINT_LANGUAGES
from idcheck.store import UnsafeOutput, check_output

# Languages a referral can be printed in, with their names as the menu shows them.
PRINT_LANGUAGES = tuple(SITE_PRINT_LANGUAGES.items())


def pdf_bytes(store: Any, screening_id: int, include_names: bool) -> tuple[bytes, Any]:
    doc, summary = make_referral(store, screening_id, include_names=include_names)
    return doc.data, summary


def fit_to_screen(dialog: QWidget, want_width: int, want_height: int, available: QRect) -> None:
    """Resize a dialog to what it wants, but never past the screen's available
    area (less a margin for the window frame)."""
    width = min(want_width, available.width() - 40)
    height = min(want_height, available.height() - 60)
    dialog.resize(max(width, 320), max(height, 240))


def fit_dialog(dialog: QWidget, parent: QWidget | None, want_width: int, want_height: int) -> None:
    """:func:`fit_to_screen` on the screen the dialog opens on (its parent's);
    the size it wants when no screen is known."""
    screen = dialog.screen() or (parent.screen() if parent is not None else None)
    if screen is not None:
        fit_to_screen(dialog, want_width, want_height, screen.availableGeometry())
    else:
        dialog.resize(want_width, want_height)


def show_pages(
    pages: QVBoxLayout, data: bytes, scale: float = 1.4, keep: QWidget | None = None
) -> None:
    """The preview's pages: the ones shown before gone at once (not when the
    deferred delete runs), ``keep`` excepted, and a label per page of ``data``."""
    while pages.count():
        item = pages.takeAt(0)
        old = item.widget() if item is not None else None
        if old is not None and old is not keep:
            old.hide()
            old.deleteLater()
    for image in page_images(data, scale) if data else []:
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pages.addWidget(label)


def site_print_language(session: Session, parent: QWidget | None) -> str:
    """The language the site prints in (English when it is not set up)."""
    profile = session.run(ops.site_profile(), parent)
    return profile.print_language if profile is not None else "en"


def print_language_box(name: str, lang: str) -> QComboBox:
    """The languages a document can be printed in, ``lang`` chosen; ``name`` is
    its accessible name and tooltip."""
    box = QComboBox()
    box.setAccessibleName(name)
    box.setToolTip(name)
    for code, label in PRINT_LANGUAGES:
        box.addItem(label, code)
    box.setCurrentIndex(max(0, box.findData(lang)))
    return box


def page_images(data: bytes, scale: float = 1.4) -> list[QImage]:
    """Every page of a PDF as an image (held in memory only)."""
    doc = pdfium.PdfDocument(data)
    images = []
    try:
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=scale)
            pil = bitmap.to_pil().convert("RGB")
            raw = pil.tobytes("raw", "RGB")
            images.append(
                QImage(
                    raw, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888
                ).copy()
            )
    finally:
        doc.close()
    return images


class ReferralDialog(QDialog):
    """The referral as it will print: preview, save as PDF, print."""

    def __init__(
        self, session: Session, screening_id: int, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.screening_id = screening_id
        self.case_id = case_id
        self.setWindowTitle(self.tr("Referral summary"))
        self.names = QCheckBox(self.tr("Print the child's names"))
        self.names.toggled.connect(self.refresh)
        self.language = print_language_box(
            self.tr("Language of the printed referral"), site_print_language(session, parent)
        )
        self.language.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_)
        self.letter_button = QPushButton(self.tr("Support &letter…"))
        self.letter_button.setToolTip(
            self.tr("A letter for a guardian, a lawyer or the asylum case, with facts you confirm")
        )
        self.letter_button.clicked.connect(self.open_letter)
        self.letter_dialog: Any = None
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for w in (
            self.names,
            self.language,
            self.save_button,
            self.print_button,
            self.letter_button,
        ):
            buttons.addWidget(w)
        buttons.addStretch()
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addLayout(buttons)
        fit_dialog(self, parent, 900, 900)
        self.data = b""
        self.document: Document | None = None
        self.refresh()

    def refresh(self) -> None:
        include = self.names.isChecked()
        lang = str(self.language.currentData() or "en")
        made = self.session.run(
            ops.make_referral(self.screening_id, include_names=include, lang=lang), self
        )
        if made is None:
            return
        self.document, self.summary = made
        self.data = self.document.data
        show_pages(self.pages, self.data)

    def open_letter(self) -> None:
        """The support letter of this screening, from facts the worker confirms."""
        from idcheck.gui.letter import LetterDialog

        dialog = LetterDialog(self.session, self.screening_id, self.case_id, self)
        self.letter_dialog = dialog
        self.session.track(dialog)
        dialog.exec()

    def save_to(self, path: Path) -> bool:
        """Write the previewed PDF itself (not a new one) and audit the export;
        False (with a message) when it could not be."""
        doc = self.document
        if doc is None:
            return False
        return self.session.run(ops.export_document(doc, path), self) is not None

    def save(self) -> None:
        path = self.session.save_path(
            self,
            self.tr("Save the referral summary"),
            f"referral-{file_stem(self.summary.case_reference)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is not None:
            self.save_to(path)

    def print_(self) -> None:
        from idcheck.gui import printing

        # Before Qt's print support first reaches the print service: over its
        # local socket, never TCP, unless the user chooses a network print server.
        printing.choose_service(self._ask_network_printing)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            # "Print to File": Qt writes the file itself, so it is checked like a save.
            try:
                check_output(Path(printer.outputFileName()), self.session.data_dir)
            except UnsafeOutput as e:
                self.session.messages.error(self, self.tr("Print"), str(e))
                return
        self.print_to(printer)

    def _ask_network_printing(self, server: str) -> bool:
        return bool(
            self.session.messages.confirm(
                self,
                self.tr("Print"),
                self.tr(
                    "This computer is set up to print through the print server {0} on the "
                    "network. Print through it? The system's print service would then send "
                    "the referral over the network (idcheck itself never connects to one). "
                    "No: print on this computer only (its own printers, or to a PDF file)."
                ).format(server),
            )
        )

    def print_to(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            for n, image in enumerate(page_images(self.data, scale=3.0)):
                if n:
                    printer.newPage()
                rect = painter.viewport()
                size = image.size()
                size.scale(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(rect.x(), rect.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        doc = self.document
        if doc is not None:
            self.session.run(ops.record_print(doc), self)
