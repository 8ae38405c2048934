"""A new case: the form with the presumption of childhood; who identified the child."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.session import NO_AGE, line_edit, named, scrolling

if TYPE_CHECKING:
    from idcheck.store import CaseDetails

#: Who identified the child, as the form lists them (the statistics count them).
IDENTIFIERS = (
    ("police", QT_TRANSLATE_NOOP("CaseForm", "police")),
    ("immigration", QT_TRANSLATE_NOOP("CaseForm", "immigration authority")),
    ("health", QT_TRANSLATE_NOOP("CaseForm", "health service")),
    ("child-welfare", QT_TRANSLATE_NOOP("CaseForm", "child welfare service")),
    ("ngo", QT_TRANSLATE_NOOP("CaseForm", "voluntary organisation (NGO)")),
    ("other", QT_TRANSLATE_NOOP("CaseForm", "other")),
)


class CaseForm(QDialog):
    """A new case: reference, names, age uncertainty and date of birth, gender,
    nationality and languages, who identified the child, the accompanying adult,
    a note. Save checks the date of birth and says what is wrong, keeping every
    field as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.reference = line_edit(self.tr("Case reference"))
        self.given = line_edit(self.tr("Given name (optional)"))
        self.family = line_edit(self.tr("Family name (optional)"))
        self.claimed = self._age(self.tr("Age the child gives"))
        self.dob = line_edit(
            self.tr("Date of birth the child gives (YYYY-MM-DD)"), placeholder=self.tr("YYYY-MM-DD")
        )
        self.assessed = self._age(self.tr("Assessed age"))
        self.disputed = QCheckBox(self.tr("Age is disputed"))
        self.gender = named(QComboBox(), self.tr("Gender"))
        for value, label in (
            ("", self.tr("not recorded")),
            ("female", self.tr("female")),
            ("male", self.tr("male")),
            ("other", self.tr("other")),
            ("unknown", self.tr("unknown")),
        ):
            self.gender.addItem(label, value)
        self.nationality = line_edit(self.tr("Nationality"))
        self.languages = line_edit(
            self.tr("Languages the child speaks"),
            placeholder=self.tr("for example: Arabic, French"),
        )
        self.identified_by = named(QComboBox(), self.tr("Identified by"))
        self.identified_by.addItem(self.tr("not recorded"), "")
        for code, agency in IDENTIFIERS:
            self.identified_by.addItem(QCoreApplication.translate("CaseForm", str(agency)), code)
        self.adult = line_edit(self.tr("Accompanying adult"))
        self.relation = line_edit(self.tr("Relation the adult states"))
        self.notes = named(QPlainTextEdit(), self.tr("Note"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.presumption = QLabel("")
        self.presumption.setWordWrap(True)
        self.presumption.setObjectName("presumption")
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        for w in (self.claimed, self.assessed):
            w.valueChanged.connect(self._update_presumption)
        self.disputed.toggled.connect(self._update_presumption)
        self.dob.textChanged.connect(lambda _t: self.problem.setVisible(False))
        self.reference.textChanged.connect(lambda _t: self.problem.setVisible(False))
        form = QFormLayout()
        # A label too long beside its field (large text, long words) goes above it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Case reference"), self.reference)
        form.addRow(self.tr("Given name (optional)"), self.given)
        form.addRow(self.tr("Family name (optional)"), self.family)
        form.addRow(self.tr("Age the child gives"), self.claimed)
        form.addRow(self.tr("Date of birth the child gives"), self.dob)
        form.addRow(self.tr("Assessed age"), self.assessed)
        form.addRow("", self.disputed)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Nationality"), self.nationality)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Identified by"), self.identified_by)
        form.addRow(self.tr("Accompanying adult"), self.adult)
        form.addRow(self.tr("Relation the adult states"), self.relation)
        form.addRow(self.tr("Note"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when a large text size makes them taller than the screen.
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addLayout(form)
        inner.addWidget(self.presumption)
        inner.addStretch()
        box = QVBoxLayout(self)
        box.addWidget(scrolling(holder), 1)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self._update_presumption()
        hint = holder.sizeHint()
        self.resize(max(hint.width() + 40, 640), min(hint.height() + 120, 700))

    def showEvent(self, event: QShowEvent) -> None:
        """Opened, the keys go to the reference (they went to the scrolling area
        around the fields, so the first thing typed went nowhere)."""
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.reference.setFocus()

    def _age(self, name: str) -> QSpinBox:
        s = QSpinBox()
        s.setAccessibleName(name)
        s.setRange(NO_AGE, 30)
        s.setSpecialValueText(self.tr("not known"))
        s.setValue(NO_AGE)
        return s

    def accept(self) -> None:
        """Save, unless the reference is not one line or the date of birth is not
        a past date: then say so."""
        import unicodedata

        from idcheck.store import date_fault

        reference = self.reference.text().strip()
        if any(
            unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in "\u200c\u200d"
            for c in reference
        ):
            # A line break pasted in (the field shows it as a space) would split
            # the reference on every page, and no command could find the case.
            self._say(
                self.tr(
                    "The case reference must be one line of text: it holds a line break or "
                    "an invisible character. Type it again."
                ),
                self.reference,
            )
            return
        text = self.dob.text().strip()
        said = {
            "no-such-day": self.tr(
                "The date of birth {0} does not exist: check the month and the day."
            ),
            "form": self.tr("The date of birth {0} is not a date: write it as YYYY-MM-DD."),
            "future": self.tr("The date of birth {0} is in the future."),
        }.get(date_fault(text) if text else "")
        if said:
            self._say(said.format(text))
            return
        super().accept()

    def _say(self, message: str, field: QLineEdit | None = None) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        field = field or self.dob
        field.setFocus()
        field.selectAll()

    def details(self) -> CaseDetails:
        from idcheck.store import Adult, CaseDetails

        def age(s: QSpinBox) -> int | None:
            return None if s.value() == NO_AGE else s.value()

        def text(w: QLineEdit) -> str | None:
            return w.text().strip() or None

        adults: tuple[Adult, ...] = ()
        if self.adult.text().strip():
            adults = (Adult(self.adult.text().strip(), self.relation.text().strip() or None),)
        return CaseDetails(
            reference=self.reference.text().strip(),
            given_name=text(self.given),
            family_name=text(self.family),
            claimed_dob=text(self.dob),
            claimed_age=age(self.claimed),
            assessed_age=age(self.assessed),
            age_disputed=self.disputed.isChecked(),
            gender=self.gender.currentData() or None,
            nationality=text(self.nationality),
            languages=text(self.languages),
            identified_by=self.identified_by.currentData() or None,
            adults=adults,
            notes=self.notes.toPlainText().strip() or None,
        )

    def _update_presumption(self) -> None:
        if self.details().may_be_child:
            self.presumption.setText(
                self.tr(
                    "The child may be under 18: treat them as a child until their age is assessed."
                )
            )
        else:
            self.presumption.setText("")
