"""Training mode says so on every dialog: each one is titled TRAINING, framed in
the banner's colour with a strip that says it, and placed below the window's
training banner so the banner is never covered (a dialog taller than the room left
is made shorter, down to what it needs).

Installed once on the application by the training window
(:func:`install_training_frame`); the ordinary window never has it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

__all__ = ["FRAME", "STRIP", "TrainingFrame", "install_training_frame", "training_title"]

#: The frame's width and the height of the strip at the top, in pixels at 100 %.
FRAME = 5
STRIP = 22
_MARK = "idcheckTrainingFramed"
_COLOUR = QColor("#d9b100")
_STRIP = QColor("#fff3c4")
_TEXT = QColor("#5a4300")
_WATCHED = frozenset((QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.WindowTitleChange))


def training_title(title: str) -> str:
    """``title`` as a training dialog shows it: "TRAINING — title"."""
    word = QApplication.translate("TrainingFrame", "TRAINING")
    if title.startswith(word):
        return title
    return f"{word} — {title}" if title else word


class TrainingFrame(QWidget):
    """Drawn over a dialog's edges (mouse and keys pass through it)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("trainingframe")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = self.tr("TRAINING: synthetic cases only, not a real child")
        self.setAccessibleName(self.label)
        self.setGeometry(dialog.rect())
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r = self.rect()
        strip = QRect(0, 0, r.width(), STRIP)
        p.fillRect(strip, _STRIP)
        pen = QPen(_COLOUR)
        pen.setWidth(FRAME * 2)  # half of it falls outside the widget
        p.setPen(pen)
        p.drawRect(r)
        p.setPen(_TEXT)
        font = p.font()
        font.setBold(True)
        font.setPixelSize(STRIP - 8)
        p.setFont(font)
        p.drawText(
            strip.adjusted(FRAME + 4, 0, -FRAME - 4, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.label,
        )
        p.end()


class _Framer(QObject):
    """Frames every dialog as it is first shown and keeps it below the banner."""

    def __init__(self, banner: QWidget) -> None:
        super().__init__(banner)
        self.banner = banner

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Runs for every event of the application: the type is checked first.
        kind = event.type()
        # Only while the training window is open (a test may open another after it).
        if kind in _WATCHED and isinstance(obj, QDialog) and self.banner.window().isVisible():
            if kind == QEvent.Type.Show:
                self._frame(obj)
                self._below_banner(obj)
            elif kind == QEvent.Type.Resize:
                frame = obj.findChild(TrainingFrame, "trainingframe")
                if frame is not None:
                    frame.setGeometry(obj.rect())
                    frame.raise_()
            elif kind == QEvent.Type.WindowTitleChange and obj.property(_MARK):
                title = training_title(obj.windowTitle())
                if title != obj.windowTitle():
                    obj.setWindowTitle(title)
        return False

    def _frame(self, dialog: QDialog) -> None:
        if not dialog.property(_MARK):
            dialog.setProperty(_MARK, True)
            layout = dialog.layout()
            if layout is not None:
                m = layout.contentsMargins()
                layout.setContentsMargins(
                    m.left() + FRAME, m.top() + STRIP, m.right() + FRAME, m.bottom() + FRAME
                )
            TrainingFrame(dialog).show()
        dialog.setWindowTitle(training_title(dialog.windowTitle()))

    def _below_banner(self, dialog: QDialog) -> None:
        banner = self.banner
        if not banner.isVisible() or not dialog.isWindow():
            return
        top = banner.mapToGlobal(QPoint(0, banner.height())).y() + 4
        frame = dialog.frameGeometry()
        if frame.top() >= top:
            return
        screen = dialog.screen() or QGuiApplication.primaryScreen()
        bottom = screen.availableGeometry().bottom() if screen is not None else top + frame.height()
        room = bottom - top
        extra = frame.height() - dialog.height()  # the title bar and borders
        if frame.height() > room:
            dialog.resize(dialog.width(), max(dialog.minimumSizeHint().height(), room - extra))
        dialog.move(frame.left(), top)


def install_training_frame(banner: QWidget) -> QObject:
    """Frame and title every dialog of the application for training, and keep each
    below ``banner`` (the training window's banner). Returns the filter."""
    framer = _Framer(banner)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(framer)
    return framer
