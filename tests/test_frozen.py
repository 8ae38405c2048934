"""The office-laptop build: built once, it checks itself, opens its window (offscreen
and on a real X server) and opens no network connection. Slow (a PyInstaller
build): skip locally with ``-m 'not frozen'``; CI runs it.

``IDCHECK_FROZEN_APP=build/dist/idcheck/idcheck`` tests a build already made
(by ``build_scripts/build.py``) instead of building a fresh one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_offline import assert_no_network  # noqa: E402

pytestmark = pytest.mark.frozen

PASSWORD = "correct horse battery"

# Waits (up to a minute) until a window is drawn on the X server, lets it finish
# painting, and saves the root window as PNG. Run with this interpreter (PySide6).
GRAB = """
import sys, time
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
screen = app.primaryScreen()
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    img = screen.grabWindow(0).toImage()
    grid = [(x, y) for y in range(0, img.height(), 20) for x in range(0, img.width(), 20)]
    if sum(img.pixelColor(x, y).value() > 200 for x, y in grid) > 500:
        time.sleep(1)
        sys.exit(0 if screen.grabWindow(0).save(sys.argv[1]) else 1)
    time.sleep(0.5)
sys.exit("no window was drawn within a minute")
"""


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    given = os.environ.get("IDCHECK_FROZEN_APP")
    if given:
        exe = Path(given).resolve()
        assert exe.is_file(), f"IDCHECK_FROZEN_APP={given} is not a file"
        return exe
    out = tmp_path_factory.mktemp("frozen")
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_scripts" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=1500,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    exe = out / "dist" / "idcheck" / ("idcheck.exe" if os.name == "nt" else "idcheck")
    assert exe.exists()
    return exe


def traced(cmd: list[str], trace: Path) -> list[str]:
    return ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *cmd]


def frozen_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return {**env, "IDCHECK_DATA_DIR": str(tmp_path / "data"), **extra}


@pytest.fixture
def store_with_a_screening(frozen_app, tmp_path) -> Path:
    """A data folder made by the frozen command line: a store, a completed screening."""
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    env = frozen_env(tmp_path)
    for args in (
        ["init", "--user", "anna", "--password-file", str(pw)],
        [
            "screen",
            "--checklist",
            "intake-screen",
            "--answers",
            str(ROOT / "examples" / "intake-screen.yaml"),
            "--user",
            "anna",
            "--password-file",
            str(pw),
        ],
    ):
        r = subprocess.run(
            [str(frozen_app), *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert r.returncode == 0, (args, r.stdout + r.stderr)
    return tmp_path / "data"


def test_frozen_self_test_passes_traced_and_with_no_network(frozen_app, tmp_path):
    """Every check (SQLCipher, checklists, fonts, store, referral, preview) passes in
    the frozen app, opens no network socket, and works where there is no network."""
    trace = tmp_path / "trace.txt"
    env = frozen_env(tmp_path)
    r = subprocess.run(
        traced([str(frozen_app), "--self-test"], trace),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("6 of 6 checks passed")
    assert_no_network(trace.read_text())
    r = subprocess.run(
        ["unshare", "-n", str(frozen_app), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("6 of 6 checks passed")


def test_frozen_window_opens_offscreen_and_opens_no_socket(frozen_app, tmp_path):
    trace = tmp_path / "trace.txt"
    env = frozen_env(tmp_path, QT_QPA_PLATFORM="offscreen", IDCHECK_QUIT_AFTER_MS="1500")
    r = subprocess.run(
        traced([str(frozen_app)], trace), capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert_no_network(trace.read_text())


def test_frozen_training_mode_has_its_cases_and_opens_no_socket(frozen_app, tmp_path):
    """`idcheck demo` builds its store from the bundled synthetic cases (it refuses
    to start with none, so cases missing from the build fail this)."""
    trace = tmp_path / "trace.txt"
    env = frozen_env(tmp_path, QT_QPA_PLATFORM="offscreen", IDCHECK_QUIT_AFTER_MS="1500")
    r = subprocess.run(
        traced([str(frozen_app), "demo"], trace),
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr
    assert "TRAIN-0" not in r.stdout + r.stderr  # no child's data, even synthetic, in logs
    assert_no_network(trace.read_text())


def test_frozen_window_on_an_x_server_shows_the_unlock_window_with_no_network(
    frozen_app, store_with_a_screening, tmp_path
):
    """The xcb platform plugin and the libraries it needs are in the build: under
    Xvfb, in a network namespace with no interfaces and traced, the unlock window
    is drawn (light window, dark text on it) and no network socket is opened."""
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is needed for this test (./dev installs it)")
    shot = tmp_path / "unlock.png"
    trace = tmp_path / "trace.txt"
    grab = tmp_path / "grab.py"
    grab.write_text(GRAB)
    # The window quits 8 s after it is shown; the grab waits for it to be drawn.
    env = frozen_env(tmp_path, QT_QPA_PLATFORM="xcb", IDCHECK_QUIT_AFTER_MS="8000")
    env["IDCHECK_DATA_DIR"] = str(store_with_a_screening)
    app = " ".join(traced(["unshare", "-n", str(frozen_app)], trace))
    script = (
        f"{app} 2>{tmp_path / 'app.err'} & {sys.executable} {grab} {shot}; g=$?; "
        "wait $!; a=$?; exit $((g + a))"
    )
    r = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    err = (tmp_path / "app.err").read_text()
    assert r.returncode == 0, r.stdout + r.stderr + err
    assert "Could not load the Qt platform plugin" not in err, err
    assert_no_network(trace.read_text())

    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull()
    # The window: the bounding box of light pixels (Xvfb's empty root is black).
    light = [
        (x, y)
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).value() > 200
    ]
    assert len(light) > 10_000, "no window was drawn on the X server"
    x0, x1 = min(x for x, _ in light), max(x for x, _ in light)
    y0, y1 = min(y for _, y in light), max(y for _, y in light)
    # Text: dark pixels inside the window (labels, fields' names, buttons).
    dark = sum(
        image.pixelColor(x, y).value() < 80 for y in range(y0, y1, 2) for x in range(x0, x1, 2)
    )
    assert dark > 200, f"no text drawn in the window ({dark} dark pixels)"


def test_frozen_app_works_without_network(frozen_app, tmp_path):
    r = subprocess.run(
        ["unshare", "-n", str(frozen_app), "checklist", "lint", str(ROOT / "checklists")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr


# What Qt asks of ICU, answered by the build's own (reduced) ICU data: run with this
# interpreter's PySide6 and the build's ICU libraries first on the library path.
ICU_SERVICES = """
import sys
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
names = ["Åse", "Zara", "Øystein", "Ærlig", "Ola"]
nb = sorted(names, key=QCollator(QLocale("nb_NO")).sortKey)
en = sorted(names, key=QCollator(QLocale("en_GB")).sortKey)
winter = QDateTime.fromString("2026-01-15T12:00:00Z", "yyyy-MM-ddTHH:mm:ssZ")
oslo = QTimeZone(b"Europe/Oslo")
print(" ".join(nb), "|", " ".join(en))
print(oslo.isValid(), oslo.offsetFromUtc(winter))
print(QStringDecoder("windows-1252").isValid(), QStringDecoder("ISO-8859-15").isValid())
print(QLocale("tr_TR").toUpper("istanbul"))
"""


def test_frozen_icu_data_serves_collation_time_zones_codecs_and_case(frozen_app):
    lib = frozen_app.parent / "_internal" / "PySide6" / "Qt" / "lib"
    icu = next(lib.glob("libicudata.so.*"))
    env = {**os.environ, "LD_LIBRARY_PATH": str(lib), "LD_DEBUG": "libs"}
    r = subprocess.run(
        [sys.executable, "-c", ICU_SERVICES], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"init: {icu}" in r.stderr, "the build's ICU data was not the one loaded"
    lines = r.stdout.splitlines()
    # Norwegian order (Z before Æ Ø Å), and the Unicode order for English.
    assert lines[0] == "Ola Zara Ærlig Øystein Åse | Ærlig Åse Ola Øystein Zara"
    assert lines[1:] == ["True 3600", "True True", "İSTANBUL"]


def test_frozen_print_support_plugin_loads_with_the_machines_libcups(frozen_app):
    """The build leaves libcups to the system (as CUPS itself is): its print plugin
    must still load, and the libcups it loads must be the machine's."""
    internal = frozen_app.parent / "_internal"
    qt = internal / "PySide6" / "Qt"
    plugin = qt / "plugins" / "printsupport" / "libcupsprintersupport.so"
    assert plugin.is_file()
    assert not list(internal.rglob("libcups.so*")), "libcups is bundled"
    env = {
        **os.environ,
        "LD_LIBRARY_PATH": f"{qt / 'lib'}:{internal}",
        "QT_PLUGIN_PATH": str(qt / "plugins"),
        "QT_QPA_PLATFORM": "offscreen",
        "LD_DEBUG": "libs",
    }
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtPrintSupport import QPrinterInfo\n"
        "app = QApplication([])\n"
        "print(len(QPrinterInfo.availablePrinterNames()))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"calling init: {plugin}" in r.stderr, "the build's print plugin did not load"
    cups = [line for line in r.stderr.splitlines() if "calling init:" in line and "libcups" in line]
    assert cups and str(internal) not in cups[0], cups
