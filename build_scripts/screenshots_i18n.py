"""Screenshots of the unlock page and the case list in another language and text size.

    xvfb-run -a python build_scripts/screenshots_i18n.py [--lang nb] [--size 200] [--out DIR]

Writes ``unlock-LANG-SIZE.png`` and ``cases-LANG-SIZE.png``. The window is asked
for 1366x768 (a common laptop); where its layout needs more, it is as large as it
needs. Uses a throw-away store with synthetic cases; nothing of a real store is read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="nb")
    parser.add_argument("--size", type=int, default=200, choices=(100, 150, 200))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import translations
    from PySide6.QtWidgets import QApplication

    from idcheck.gui import i18n
    from idcheck.gui.app import STYLE, MainWindow

    app = QApplication(sys.argv[:1])
    password = "screenshot password"
    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "qm"
        translations.compile_all(qm, force=True)
        used = i18n.apply(app, i18n.UiPrefs(args.lang, args.size), style=STYLE, folder=qm)
        if used != args.lang:
            print(f"screenshots: no translation for {args.lang}", file=sys.stderr)
            return 2
        data = Path(tmp) / "store"
        from screenshots import synthetic_store

        synthetic_store(data, password).lock()

        def shot(widget, name: str) -> None:
            widget.show()
            widget.raise_()
            for _ in range(20):
                app.processEvents()
            path = args.out / f"{name}-{args.lang}-{args.size}.png"
            widget.grab().save(str(path))
            size = widget.size()
            print(f"wrote {path} ({size.width()}x{size.height()})")

        w = MainWindow(data)
        w.resize(1366, 768)
        w.unlock_page.user.setText("anna")
        shot(w, "unlock")
        w.unlock_page.password.setText(password)
        w.unlock_page.unlock().wait()
        for _ in range(200):
            app.processEvents()
            if w.session is not None and w.cases.model.rowCount():
                break
        shot(w, "cases")
        w.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
