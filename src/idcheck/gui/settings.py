"""Settings of this computer's window: interface language and text size.

The dialog takes the current :class:`~idcheck.gui.i18n.UiPrefs` and returns new
ones; saving and applying them is the caller's::

    dialog = SettingsDialog(prefs, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        prefs = dialog.prefs()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.i18n import (
    SYSTEM,
    TEXT_SIZES,
    UiPrefs,
    available_languages,
    language_name,
    system_language,
)


class SettingsDialog(QDialog):
    """Choose the interface language (those installed, by their own names) and the
    text size (100, 150 or 200 %)."""

    def __init__(
        self,
        prefs: UiPrefs,
        parent: QWidget | None = None,
        folder: Path | None = None,
        *,
        training: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings on this computer"))
        self._initial = prefs
        available = available_languages(folder)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(
            self.tr("Same as this computer ({0})").format(
                language_name(system_language(available))
            ),
            SYSTEM,
        )
        for code in available:
            self.language.addItem(language_name(code), code)
        if prefs.language not in (SYSTEM, *available):
            # Chosen earlier but not installed now: keep it visible rather than
            # silently changing the choice.
            self.language.addItem(
                self.tr("{0} (not installed)").format(language_name(prefs.language)),
                prefs.language,
            )
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.text_size = QComboBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        labels = {
            100: self.tr("Normal (100 %)"),
            150: self.tr("Large (150 %)"),
            200: self.tr("Very large, for a projector (200 %)"),
        }
        for percent in TEXT_SIZES:
            self.text_size.addItem(labels[percent], percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(prefs.text_size)))
        self.sample = QLabel(self.tr("This is how large the text will be."))
        self.sample.setObjectName("sample")
        self.sample.setWordWrap(True)
        self.sample.setAccessibleName(self.tr("Sample of the text size"))
        self.sample.ensurePolished()  # its font as the app's style sheet sets it now
        self._base_points = self.sample.font().pointSizeF() * 100 / max(1, prefs.text_size)
        self.text_size.currentIndexChanged.connect(self._show_sample)
        note = QLabel(
            self.tr(
                "Training mode: these settings last until this training window closes "
                "(start it with 'idcheck demo --text-size 200 --lang nb' to open it so)."
            )
            if training
            else self.tr(
                "These settings are kept on this computer and apply to everyone who uses it."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Text size"), self.text_size)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.sample)
        box.addWidget(note)
        box.addWidget(self.buttons)
        self.language.setFocus()
        self._show_sample()

    def _show_sample(self) -> None:
        # A style sheet, not setFont: the app's style sheet would win over a font.
        if self._base_points > 0:
            points = self._base_points * int(self.text_size.currentData()) / 100
            self.sample.setStyleSheet(f"QLabel {{ font-size: {points:.1f}pt; }}")

    def prefs(self) -> UiPrefs:
        """The preferences as chosen in the dialog."""
        return UiPrefs(
            language=str(self.language.currentData()), text_size=int(self.text_size.currentData())
        )
