"""The site profile in the window: the fields first run asks for (name,
jurisdiction, phone, address, print language) and the administration's Site tab,
which also chooses the referral routes.

The store checks every field again (:meth:`idcheck.store.Store.set_site_profile`);
the core is imported only when a profile is built or saved, so first run opens
without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
from idcheck.gui.i18n import LANGUAGE_NAMES
from idcheck.gui.session import Session, line_edit, named, scrolling, wrapped

if TYPE_CHECKING:
    from idcheck.store import SiteProfile

#: The jurisdictions a site can choose (the store's codes), named in the
#: interface language.
JURISDICTION_LABELS = {
    "NO": QT_TRANSLATE_NOOP("SiteFields", "Norway"),
    "GB-EAW": QT_TRANSLATE_NOOP("SiteFields", "England and Wales"),
    "GB-SCT": QT_TRANSLATE_NOOP("SiteFields", "Scotland"),
    "GB-NIR": QT_TRANSLATE_NOOP("SiteFields", "Northern Ireland"),
}
#: The languages documents can be printed in (the store's codes).
PRINT_LANGUAGES = ("en", "nb")


class SiteFields(QWidget):
    """Name, jurisdiction, phone, address and print language, as a form: its own,
    or rows added to ``form`` (first run lines them up with the account's)."""

    def __init__(self, parent: QWidget | None = None, form: QFormLayout | None = None) -> None:
        super().__init__(parent)
        self.name = line_edit(self.tr("Name of the site"))
        self.jurisdiction = named(QComboBox(), self.tr("Jurisdiction"))
        self.jurisdiction.addItem(self.tr("not chosen yet"), "")
        for code, label in JURISDICTION_LABELS.items():
            self.jurisdiction.addItem(
                f"{QCoreApplication.translate('SiteFields', str(label))} ({code})", code
            )
        self.phone = line_edit(self.tr("The site's phone number"))
        self.address = named(QPlainTextEdit(), self.tr("The site's address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.print_language = named(QComboBox(), self.tr("Language of printed documents"))
        for code in PRINT_LANGUAGES:
            self.print_language.addItem(LANGUAGE_NAMES[code], code)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        else:
            self.setVisible(False)  # its fields live in the form given
        self.form = form
        self.form.addRow(self.tr("Name of the site"), self.name)
        self.form.addRow(self.tr("Jurisdiction"), self.jurisdiction)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Print documents in"), self.print_language)

    def line_edits(self) -> list[QLineEdit]:
        return [self.name, self.phone]

    def set_profile(self, profile: SiteProfile) -> None:
        self.name.setText(profile.name)
        self.jurisdiction.setCurrentIndex(max(0, self.jurisdiction.findData(profile.jurisdiction)))
        self.phone.setText(profile.phone)
        self.address.setPlainText(profile.address)
        self.print_language.setCurrentIndex(
            max(0, self.print_language.findData(profile.print_language))
        )

    def profile(self, route_ids: tuple[str, ...] = ()) -> SiteProfile:
        from idcheck.store import SiteProfile

        return SiteProfile(
            name=self.name.text().strip(),
            jurisdiction=str(self.jurisdiction.currentData() or ""),
            phone=self.phone.text().strip(),
            address=self.address.toPlainText().strip(),
            print_language=str(self.print_language.currentData() or "en"),
            route_ids=route_ids,
        )


class SiteTab(QWidget):
    """The administration's Site tab: the site fields and the referral routes it uses."""

    saved = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        from idcheck.checklist import Routes, load_entry, text_for
        from idcheck.checklist.catalogue import newest_entries
        from idcheck.gui.i18n import content_language

        self.session = session
        self.fields = SiteFields()
        self.own_routes = QCheckBox(self.tr("Use every referral routes file of the site's country"))
        self.routes: dict[str, QCheckBox] = {}
        self.countries: dict[str, str] = {}
        lang = content_language()
        for e in newest_entries():
            obj = load_entry(e)
            if isinstance(obj, Routes) and e.id not in self.routes:
                check = QCheckBox(text_for(obj.title, lang))
                check.setToolTip(e.id)
                check.setAccessibleName(self.tr("Use the routes file {0}").format(e.id))
                self.routes[e.id] = check
                self.countries[e.id] = obj.jurisdiction
        self.routes_note = wrapped("")
        self.routes_note.setObjectName("routesnote")
        self.save_button = QPushButton(self.tr("Sa&ve the site"))
        self.save_button.clicked.connect(self.save)
        self.own_routes.toggled.connect(self._update_routes)
        self.fields.jurisdiction.currentIndexChanged.connect(self._update_routes)
        routes = QVBoxLayout()
        routes.addWidget(self.own_routes)
        for check in self.routes.values():
            routes.addWidget(check)
        routes.addWidget(self.routes_note)
        # The tab scrolls when large text makes it taller than the dialog.
        holder = QWidget()
        scrolling(holder, self)
        box = QVBoxLayout(holder)
        box.addWidget(
            wrapped(
                self.tr(
                    "Every referral and letter names the site and prints its phone and address. "
                    "A referral lists only the routes the site uses."
                )
            )
        )
        box.addWidget(self.fields)
        title = QLabel(self.tr("Referral routes"))
        title.setObjectName("section")
        box.addWidget(title)
        box.addLayout(routes)
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch()
        profile = session.run(ops.site_profile(), self)
        if profile is not None:
            self.fields.set_profile(profile)
            self.own_routes.setChecked(not profile.route_ids)
            for rid, check in self.routes.items():
                check.setChecked(rid in profile.route_ids)
        self._update_routes()

    def _update_routes(self) -> None:
        own = self.own_routes.isChecked()
        country = str(self.fields.jurisdiction.currentData() or "").split("-", 1)[0]
        for rid, check in self.routes.items():
            check.setEnabled(not own)
            if own:
                check.setChecked(bool(country) and self.countries[rid] == country)
        if own and not country:
            self.routes_note.setText(self.tr("Choose the jurisdiction to see its routes."))
        elif own and not any(c.isChecked() for c in self.routes.values()):
            self.routes_note.setText(
                self.tr("No routes file for this country is installed: choose one below.")
            )
        else:
            self.routes_note.setText("")

    def chosen_routes(self) -> tuple[str, ...]:
        if self.own_routes.isChecked():
            return ()
        return tuple(rid for rid, c in self.routes.items() if c.isChecked())

    def save(self) -> None:
        if not self.own_routes.isChecked() and not self.chosen_routes():
            self.session.messages.error(
                self,
                self.tr("Site"),
                self.tr("Choose at least one routes file, or use those of the site's country."),
            )
            return
        profile = self.fields.profile(self.chosen_routes())
        saved = self.session.run(ops.save_site(profile), self)
        if saved is not None:
            self.fields.set_profile(saved)
            self.saved.emit()
            self.session.messages.info(self, self.tr("Site"), self.tr("The site is saved."))
