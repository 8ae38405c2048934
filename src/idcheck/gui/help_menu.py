"""The header's Help button and Ctrl+F1, made without the guide itself: the
guide (and the checklist models it reads) is imported when it is first opened,
not while the first window is being built."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton

from idcheck.gui.header import HeaderButton

__all__ = ["GUIDE_KEY", "install_help"]

GUIDE_KEY = "Ctrl+F1"


def _open(window: Any) -> None:
    from idcheck.gui.guide import open_guide

    open_guide(window)


def install_help(window: Any) -> QPushButton:
    """The header's Help button: its menu has "Guide…"; Ctrl+F1 opens the guide
    from anywhere in the window."""
    menu = QMenu(window)
    action = menu.addAction("")
    action.triggered.connect(lambda: _open(window))

    def texts(button: QPushButton) -> None:
        button.setText(QCoreApplication.translate("GuideDialog", "Help"))
        button.setAccessibleName(QCoreApplication.translate("GuideDialog", "Help: the guide"))
        action.setText(QCoreApplication.translate("GuideDialog", "&Guide…") + "\t" + GUIDE_KEY)

    button = HeaderButton(texts)
    button.setObjectName("help")
    button.setMenu(menu)
    key = QShortcut(QKeySequence(GUIDE_KEY), window)
    key.activated.connect(lambda: _open(window))
    return button
