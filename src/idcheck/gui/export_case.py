"""Export… in the window: a case sent to one or more recipients of the
directory, as the whole case (a package for another idcheck site) or its
referral PDF alone (for an agency that opens it with the standard age tool).

It reads like Import…: a dialog to choose, the work off the UI thread, one
message saying what was written and to whom. The work is the command line's
(:func:`idcheck.sharing.export_case`): the same checks, the same file and the
same audit rows. Where to save is checked before anything is made: a path onto
the store or into its folder is refused in words, an existing file is replaced
only when the worker says so, and a full disk leaves nothing half-written (the
file is written whole under another name, then renamed), with the dialog shown
again as it was chosen.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from idcheck.files import file_stem
from idcheck.gui.ops import Op
from idcheck.gui.session import line_edit, named, scrolling, wrapped

if TYPE_CHECKING:
    from idcheck.gui.session import Session
    from idcheck.sharing import Exported
    from idcheck.store import Store
    from idcheck.store.exchange import Recipient

__all__ = ["ExportAction", "ExportDialog", "export_case_op", "recipients_op"]


def recipients_op() -> Op[list[Recipient]]:
    """The directory, revoked recipients included (shown, not chosen)."""
    return Op("list recipients", lambda s: s.list_recipients())


def export_case_op(
    case_id: int, to: list[str], out: Path, *, referral: bool
) -> Op[Exported | Exception]:
    """The case (or its referral PDF) written to ``out`` for ``to`` (fingerprints).
    A refusal a person can act on (a full disk, a revoked recipient, no completed
    screening, a missing font) is returned, not raised, so the dialog can be shown
    again as it was chosen."""

    def run(store: Store) -> Exported | Exception:
        from idcheck.report import MissingFont
        from idcheck.sharing import PackageRefused, export_case
        from idcheck.store import StoreError

        def pdf(screening_id: int) -> bytes:
            from idcheck.report.export import make_referral

            doc, _ = make_referral(store, screening_id)
            return doc.data

        try:
            return export_case(store, case_id, to, out, referral=pdf if referral else None)
        except (OSError, StoreError, PackageRefused, MissingFont) as e:
            return e

    busy = QCoreApplication.translate("Operations", "Encrypting and writing the case…")
    return Op("export-case", run, busy=busy)


#: An item's data: the recipient's name when it is an agency (an age key alone).
_AGENCY = Qt.ItemDataRole.UserRole + 1


def recipient_line(r: Recipient) -> str:
    """A recipient in one line: its name, kind and fingerprint; a revoked one
    says when and by whom, and that it cannot be chosen."""
    if r.revoked:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.revoked_at))
        return QCoreApplication.translate(
            "Recipients", "{0}: revoked {1} by {2}, cannot be chosen"
        ).format(r.name, when, r.revoked_by or "?")
    kind = (
        QCoreApplication.translate("Recipients", "idcheck site")
        if r.kind == "site"
        else QCoreApplication.translate("Recipients", "agency, age key")
    )
    return QCoreApplication.translate("Recipients", "{0}: {1}, fingerprint {2}").format(
        r.name, kind, r.fingerprint
    )


def _file_name(reference: str, referral: bool) -> str:
    stem = file_stem(reference)
    return f"{stem}-referral.pdf.age" if referral else f"{stem}.idcheck"


class ExportDialog(QDialog):
    """Whom to send the case to, what to send, and where to save it. ``accept()``
    only once the choice can be written: a recipient, a path idcheck may write,
    and an existing file the worker agreed to replace."""

    def __init__(
        self, session: Session, reference: str, recipients: list[Recipient], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.reference = reference
        self.setWindowTitle(self.tr("Export case {0}").format(reference))
        self.recipients = named(QListWidget(), self.tr("Recipients"))
        for r in recipients:
            item = QListWidgetItem(recipient_line(r))
            item.setData(Qt.ItemDataRole.UserRole, r.fingerprint)
            item.setData(_AGENCY, r.name if r.kind == "agency" else "")
            if r.revoked:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        # Short choices with their explanation under them: a radio button never
        # wraps, and the dialog must fit a laptop at 200 % text.
        self.whole = QRadioButton(self.tr("The &whole case"))
        self.referral = QRadioButton(self.tr("The &referral PDF only"))
        whole_note = wrapped(
            self.tr("For another idcheck site, which imports it and merges it with what it has.")
        )
        referral_note = wrapped(
            self.tr("For an agency without idcheck, which opens it with the standard age tool.")
        )
        for note in (whole_note, referral_note):
            note.setIndent(24)
        self.whole.setChecked(True)
        self.kinds = QButtonGroup(self)
        for b in (self.whole, self.referral):
            self.kinds.addButton(b)
        self.referral.toggled.connect(self._kind_changed)
        self.path = line_edit(self.tr("Save to"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self.choose_path)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)
        # The choices scroll when a large text size makes them taller than the
        # screen; the problem and the buttons stay in view.
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.addWidget(
            wrapped(
                self.tr(
                    "The file is encrypted so that only the recipients chosen here can open "
                    "it, and signed by this computer's store. Check each fingerprint with "
                    "the recipient if you are unsure."
                )
            )
        )
        box.addWidget(QLabel(self.tr("Send to:")))
        if not recipients:
            box.addWidget(
                wrapped(
                    self.tr(
                        "The directory has no recipient yet: an administrator adds them under "
                        "Administration, Recipients."
                    )
                )
            )
        box.addWidget(self.recipients, 1)
        box.addWidget(QLabel(self.tr("What to send:")))
        box.addWidget(self.whole)
        box.addWidget(whole_note)
        box.addWidget(self.referral)
        box.addWidget(referral_note)
        box.addWidget(QLabel(self.tr("Save to:")))
        box.addLayout(where)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(holder), 1)
        outer.addWidget(self.problem)
        outer.addWidget(self.buttons)
        # As tall as the choices need (up to a laptop's screen): where to save
        # must be in view without scrolling.
        hint = holder.sizeHint()
        self.resize(max(hint.width() + 40, 680), min(hint.height() + 110, 700))
        self.recipients.setFocus()

    def chosen(self) -> list[str]:
        """The fingerprints of the recipients ticked."""
        out = []
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if item.checkState() == Qt.CheckState.Checked and item.flags():
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _kind_changed(self) -> None:
        text = self.path.text().strip()
        if not text:
            return
        p = Path(text)
        for referral in (True, False):
            if p.name == _file_name(self.reference, referral):
                name = _file_name(self.reference, self.referral.isChecked())
                self.path.setText(str(p.with_name(name)))

    def choose_path(self) -> None:
        referral = self.referral.isChecked()
        current = self.path.text().strip()
        suggested = current or str(Path.home() / _file_name(self.reference, referral))
        kinds = (
            self.tr("Encrypted referrals (*.age);;All files (*)")
            if referral
            else self.tr("Case packages (*.idcheck);;All files (*)")
        )
        path = self.session.messages.save_path(
            self, self.tr("Export a case"), suggested, kinds, ask_replace=False
        )
        if path is not None:
            self.path.setText(str(path))

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def check(self) -> None:
        """Accept only what can be written; otherwise say why here, keeping every
        choice."""
        from idcheck.sharing import check_export_path
        from idcheck.store import UnsafeOutput

        self.problem.clear()
        if not self.chosen():
            self._say(self.tr("Choose at least one recipient."), self.recipients)
            return
        agencies = [
            str(self.recipients.item(i).data(_AGENCY))
            for i in range(self.recipients.count())
            if self.recipients.item(i).checkState() == Qt.CheckState.Checked
            and self.recipients.item(i).data(_AGENCY)
        ]
        if (
            agencies
            and self.whole.isChecked()
            and not self.session.messages.confirm(
                self,
                self.tr("The whole case to an agency?"),
                self.tr(
                    "{0}: an agency without idcheck cannot import a case package; it would "
                    "read the whole case as raw data. What an agency reads is the referral "
                    "PDF. Send the whole case anyway?"
                ).format(", ".join(agencies)),
            )
        ):
            self.referral.setFocus()
            return
        if not self.path.text().strip():
            self._say(self.tr("Choose where to save the file."), self.path)
            return
        try:
            out = check_export_path(self.target(), self.session.data_dir)
        except UnsafeOutput as e:
            self._say(self.session.words.describe(e) or str(e), self.path)
            return
        if out.exists() and not self.session.messages.confirm(
            self,
            self.tr("Replace the file?"),
            self.tr("{0} exists already. Replace it with this export?").format(out),
        ):
            self.path.setFocus()
            return
        self.accept()

    def _say(self, text: str, focus: QWidget) -> None:
        self.problem.setText(text)
        focus.setFocus()


class ExportAction(QObject):
    """The steps of Export…, from the dialog to the message saying what was
    written; the dialog comes back as chosen when the export was refused."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent
        self.dialog: ExportDialog | None = None

    def run(self, session: Session, case_id: int, reference: str) -> None:
        recipients = session.run(recipients_op(), self.widget)
        if recipients is None:
            return
        dialog = ExportDialog(session, reference, recipients, self.widget)
        self.dialog = dialog
        self._ask(session, dialog, case_id)

    def _ask(self, session: Session, dialog: ExportDialog, case_id: int) -> None:
        session.track(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or not session.is_open:
            dialog.deleteLater()
            self.dialog = None
            return
        op = export_case_op(
            case_id, dialog.chosen(), dialog.target(), referral=dialog.referral.isChecked()
        )
        session.start(op, self.widget, on_done=lambda r: self._done(session, dialog, case_id, r))

    def _done(
        self, session: Session, dialog: ExportDialog, case_id: int, result: Exported | Exception
    ) -> None:
        if isinstance(result, Exception):
            said = session.words.describe(result) or str(result)
            session.messages.error(
                self.widget,
                self.tr("Not exported"),
                self.tr("Nothing was exported: {0}").format(said),
            )
            self._ask(session, dialog, case_id)
            return
        dialog.deleteLater()
        self.dialog = None
        session.messages.info(self.widget, self.tr("Case exported"), self.summary(result))

    def summary(self, done: Exported) -> str:
        lines = [
            self.tr("The referral PDF, encrypted, was written to {0}.").format(done.path)
            if done.screening is not None
            else self.tr("The case was written to {0}.").format(done.path)
        ]
        lines.append(self.tr("Only these recipients can open it:"))
        lines += [
            self.tr("  {0} (fingerprint {1})").format(k.name or k.age, k.fingerprint)
            for k in done.to
        ]
        if done.screening is not None:
            lines.append(
                self.tr(
                    "The agency opens it with its own key: age -d -i KEY.txt FILE > referral.pdf"
                )
            )
        lines.append(
            self.tr("SHA-256 of the file (recorded in the audit trail): {0}").format(done.sha256)
        )
        return "\n".join(lines)
