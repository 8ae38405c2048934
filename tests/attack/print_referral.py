"""Print a referral from the real window, offscreen, to a PDF file: unlock, start a
screening of the first case, press Referral, press Print, and in Qt's own print
dialog choose "Print to File (PDF)", type the file name and press Print. Run as
a program (under strace, or in a network namespace) by tests/test_offline.py and
tests/attack/test_print_offline.py:

    python print_referral.py DATA_DIR OUT.pdf PASSWORD

Prints the referral's page count, the printers the dialog offered, and
"PRINTED <bytes> audited <n>" (the store's report-printed rows).
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from idcheck.gui.app import MainWindow
from idcheck.gui.referral import ReferralDialog
from idcheck.gui.session import store_behind

data, out, password = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
app = QApplication(sys.argv[:1])
w = MainWindow(data)
w.resize(1200, 760)
w.show()
w.unlock_page.user.setText("anna")
w.unlock_page.password.setText(password)
w.unlock_page.unlock().wait()
app.processEvents()
w.cases.table.selectRow(0)
w.cases.screen_selected(checklist_ref="intake-screen@1.1.0")
view = w.screening_view
seen = []


def fill_print_dialog():
    d = app.activeModalWidget()
    assert isinstance(d, QPrintDialog), d
    printers = d.findChild(QComboBox, "printers")
    seen.append([printers.itemText(i) for i in range(printers.count())])
    printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
    d.findChild(QLineEdit, "filename").setText(str(out))
    box = d.findChild(QDialogButtonBox)
    ok = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
    QTest.mouseClick(ok[0], Qt.MouseButton.LeftButton)


def in_referral():
    d = app.activeModalWidget()
    assert isinstance(d, ReferralDialog), d
    import pypdfium2

    seen.append(len(pypdfium2.PdfDocument(d.data)))
    QTimer.singleShot(400, fill_print_dialog)
    QTest.mouseClick(d.print_button, Qt.MouseButton.LeftButton)
    d.accept()


QTimer.singleShot(400, in_referral)
QTest.mouseClick(view.form.referral_button, Qt.MouseButton.LeftButton)
store = store_behind(w.session)
with store.engine.connect() as conn:
    printed = conn.exec_driver_sql(
        "SELECT count(*) FROM audit WHERE action = 'report-printed'"
    ).scalar()
w.lock()
print("printers offered:", seen[1], "referral pages:", seen[0])
print("PRINTED", out.stat().st_size if out.exists() else 0, "audited", printed)
