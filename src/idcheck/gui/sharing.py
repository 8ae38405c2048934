"""Import… in the window: a case package chosen, checked, decrypted and merged
off the UI thread; from a sender this store does not know, the sender's
fingerprint is shown and imported only when the person confirms it is the one
read to them. What the import changed is said in one message.

The work is :func:`idcheck.sharing.import_package`'s; a refusal (another
recipient's package, one altered, cut short, replayed, from a newer idcheck, not
a package) is said by the window's one error mapper, and nothing changes.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel

from idcheck.gui.ops import Changes, Op

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from idcheck.gui.session import Session
    from idcheck.sharing import Imported, UnknownSender
    from idcheck.store import Case, Store
    from idcheck.store.exchange import CaseVersion

__all__ = ["ImportAction", "case_versions_op", "import_package_op", "other_versions"]


def import_package_op(path: Path, trust: str | None) -> Op[Imported | UnknownSender]:
    """Check and merge the package at ``path``; a sender not known here (and not
    confirmed by ``trust``) is returned, not raised, for the person to confirm."""

    def run(store: Store) -> Imported | UnknownSender:
        from idcheck.sharing import UnknownSender, import_package

        try:
            return import_package(store, path, trust=trust)
        except UnknownSender as e:
            if trust is not None:
                raise
            return e

    busy = QCoreApplication.translate("Operations", "Checking and importing the package…")
    return Op("import-package", run, Changes(cases=True), busy=busy)


class ImportAction(QObject):
    """The steps of Import…, from the file chooser to the message saying what
    changed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent

    def run(self, session: Session) -> None:
        path = session.messages.open_path(
            self.widget,
            self.tr("Import a case package"),
            self.tr("Case packages (*.idcheck *.age);;All files (*)"),
        )
        if path is not None:
            session.start(
                import_package_op(path, None),
                self.widget,
                on_done=lambda r: self._done(session, path, r),
            )

    def _done(self, session: Session, path: Path, result: Imported | UnknownSender) -> None:
        from idcheck.sharing import UnknownSender

        if isinstance(result, UnknownSender):
            sender = result.sender
            question = self.tr(
                "This package is from a site this computer does not know yet: {0}.\n\n"
                "Its fingerprint is:\n\n    {1}\n\n"
                "Ask the sender to read you their fingerprint (by phone or in person). "
                "Import only if it is the same. Is it the same?"
            ).format(sender.name or self.tr("no name given"), sender.fingerprint)
            if session.messages.confirm(self.widget, self.tr("A sender not known yet"), question):
                session.start(
                    import_package_op(path, sender.fingerprint),
                    self.widget,
                    on_done=lambda r: self._done(session, path, r),
                )
            return
        session.messages.info(self.widget, self.tr("Package imported"), self.summary(result))

    def summary(self, done: Imported) -> str:
        r = done.report
        lines = [
            self.tr("From {0} (fingerprint {1}).").format(
                done.sender.name or self.tr("a site"), done.sender.fingerprint
            )
        ]
        if done.trusted_now:
            lines.append(self.tr("The sender is now in the directory."))
        if not r.changed:
            lines.append(self.tr("Nothing new: everything in it is here already."))
        lines += [self.tr("New case: {0}").format(ref) for ref in r.added]
        lines += [
            self.tr("{0} is in use here: the case was added as {1}.").format(old, new)
            for old, new in r.renamed
        ]
        lines += [self.tr("Details taken from the sender: {0}").format(ref) for ref in r.updated]
        lines += [self.tr("Brought up to date: {0}").format(ref) for ref in r.brought_up_to_date]
        lines += [
            self.tr(
                "Both sides changed {0}: this computer's details stay, and the sender's are "
                "kept beside them (open the case to see both)."
            ).format(ref)
            for ref in r.both_kept
        ]
        lines.append(
            self.tr(
                "{0} screening(s) and {1} answer(s) added, {2} completed, {3} kept as two versions."
            ).format(r.screenings, r.answers, r.completed, r.variants)
        )
        if r.followup:
            lines.append(
                self.tr(
                    "{0} follow-up record(s) (tasks, referrals, plans, missing episodes, notes) "
                    "added or brought up to date."
                ).format(r.followup)
            )
        # The last line as Export…'s: the file's hash, which both ends' audit rows hold.
        lines.append(
            self.tr("SHA-256 of the file (recorded in the audit trail): {0}").format(done.sha256)
        )
        return "\n".join(lines)


def case_versions_op(case_id: int) -> Op[list[CaseVersion]]:
    """Other sites' versions of a case's details kept beside this store's."""
    return Op("case-versions", lambda s: s.case_versions(case_id))


#: The details a version shows, in the case dialog's order (the reference is
#: each site's own and not compared).
_FIELDS = (
    ("given_name", QT_TRANSLATE_NOOP("OtherVersions", "Given name")),
    ("family_name", QT_TRANSLATE_NOOP("OtherVersions", "Family name")),
    ("claimed_age", QT_TRANSLATE_NOOP("OtherVersions", "Age the child gives")),
    ("assessed_age", QT_TRANSLATE_NOOP("OtherVersions", "Assessed age")),
    ("age_disputed", QT_TRANSLATE_NOOP("OtherVersions", "Age disputed")),
    ("claimed_dob", QT_TRANSLATE_NOOP("OtherVersions", "Date of birth the child gives")),
    ("gender", QT_TRANSLATE_NOOP("OtherVersions", "Gender")),
    ("nationality", QT_TRANSLATE_NOOP("OtherVersions", "Nationality")),
    ("languages", QT_TRANSLATE_NOOP("OtherVersions", "Languages")),
    ("identified_by", QT_TRANSLATE_NOOP("OtherVersions", "Identified by")),
    ("notes", QT_TRANSLATE_NOOP("OtherVersions", "Note")),
    ("status", QT_TRANSLATE_NOOP("OtherVersions", "Status")),
)


def other_versions(session: Session, case: Case, parent: QWidget) -> QLabel | None:
    """A box saying, for each version another site sent while this one changed
    the same case, the details in which the two differ (theirs, then this
    computer's); None when there is none."""
    versions = session.run(case_versions_op(case.id), parent)
    if not versions:
        return None
    mine = {f: getattr(case.details, f, None) for f, _ in _FIELDS}
    mine["status"] = case.status

    def shown(value: object) -> str:
        if value is None or value == "":
            return QCoreApplication.translate("OtherVersions", "not recorded")
        if isinstance(value, bool):
            if value:
                return QCoreApplication.translate("OtherVersions", "yes")
            return QCoreApplication.translate("OtherVersions", "no")
        return str(value)

    parts = [
        QCoreApplication.translate(
            "OtherVersions",
            "Both sides changed this case's details. The details shown above are this "
            "computer's; another site's version is kept beside them:",
        )
    ]
    for v in versions:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(v.at))
        parts.append(
            QCoreApplication.translate("OtherVersions", "From {0}, received {1}:").format(
                v.origin, when
            )
        )
        differ = [
            (label, v.details.get(f), mine.get(f))
            for f, label in _FIELDS
            if v.details.get(f) != mine.get(f)
        ]
        if not differ:
            parts.append(QCoreApplication.translate("OtherVersions", "  the same as here now"))
        for label, theirs, here in differ:
            parts.append(
                QCoreApplication.translate("OtherVersions", "  {0}: {1} (here: {2})").format(
                    QCoreApplication.translate("OtherVersions", str(label)),
                    shown(theirs),
                    shown(here),
                )
            )
    box = QLabel("\n".join(parts))
    box.setObjectName("otherversions")
    box.setWordWrap(True)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName(QCoreApplication.translate("OtherVersions", "Another site's version"))
    return box
