"""``idcheck interface show|set``: the window's settings kept on this computer
(language, text size, walk-through) have a way in on the command line as in the
window, and the window reads what it keeps. Real files in ``tmp_path``; the
walk-through's file is under the test's own ``XDG_CONFIG_HOME`` (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.test_startup import HEAVY, imported_after

from idcheck import window_settings
from idcheck.cli import main
from idcheck.window_settings import PREFS_FILE, SYSTEM, UiPrefs, walk_file

ROOT = Path(__file__).resolve().parents[2]
FRESH = [
    "language: the computer's (English where there is no translation for it)",
    "text size: 100 %",
    "walk-through: one item at a time",
]


@pytest.fixture(autouse=True)
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """English and Norwegian installed, whatever ./dev has compiled in this checkout."""
    folder = tmp_path / "qm"
    folder.mkdir()
    (folder / "idcheck_nb.qm").write_bytes(b"")
    monkeypatch.setattr(window_settings, "translations_dir", lambda: folder)
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "interface", *args])


def shown(out: str) -> list[str]:
    return out.splitlines()[:3]


def subprocess_idcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def test_show_on_a_fresh_folder_says_the_defaults_and_where_they_would_be_kept(data, capsys):
    assert run(data, "show") == 0
    out, err = capsys.readouterr()
    assert shown(out) == FRESH and err == ""
    assert f"language and text size kept in: {data / PREFS_FILE} (not written yet" in out
    assert f"walk-through kept in: {walk_file()} (not written yet" in out
    assert not data.exists() and not walk_file().exists()  # showing writes nothing


def test_each_setting_is_kept_and_setting_one_keeps_the_others(data, capsys):
    assert run(data, "set", "--text-size", "200") == 0
    assert shown(capsys.readouterr().out)[1] == "text size: 200 %"
    assert UiPrefs.load(data) == UiPrefs(SYSTEM, 200)  # the window's own loader

    assert run(data, "set", "--language", "nb") == 0
    assert UiPrefs.load(data) == UiPrefs("nb", 200)
    kept = (data / PREFS_FILE).read_bytes()

    assert run(data, "set", "--walk", "section") == 0
    assert (data / PREFS_FILE).read_bytes() == kept  # the walk-through has its own file
    capsys.readouterr()
    assert run(data, "show") == 0
    out = capsys.readouterr().out
    assert shown(out) == [
        "language: nb (Norsk bokmål)",
        "text size: 200 %",
        "walk-through: one section at a time",
    ]
    assert "not written yet" not in out

    assert run(data, "set", "--language", "system", "--text-size", "150") == 0
    assert UiPrefs.load(data) == UiPrefs(SYSTEM, 150)
    assert run(data, "set", "--language", "en", "--text-size", "100", "--walk", "item") == 0
    assert UiPrefs.load(data) == UiPrefs("en", 100)
    assert json.loads((data / PREFS_FILE).read_text()) == {"language": "en", "text_size": 100}
    assert sorted(p.name for p in data.iterdir()) == [PREFS_FILE]  # no temporary file left


def test_the_window_reads_the_walk_through_the_command_line_set_and_back(data, capsys):
    from PySide6.QtCore import QSettings

    from idcheck.gui.walk_form import WalkPreferences

    assert run(data, "set", "--walk", "section") == 0
    assert WalkPreferences().mode() == "section"
    assert WalkPreferences(walk_file()).mode() == "section"
    WalkPreferences().set_mode("item")  # the window's switch
    capsys.readouterr()
    assert run(data, "show") == 0
    assert shown(capsys.readouterr().out)[2] == "walk-through: one item at a time"
    # Whatever else QSettings keeps in the file stays as it was.
    settings = QSettings(str(walk_file()), QSettings.Format.IniFormat)
    settings.setValue("other/list", "a, b")
    settings.setValue("walk/later", "@odd")
    settings.sync()
    del settings
    assert run(data, "set", "--walk", "section") == 0
    assert WalkPreferences().mode() == "section"
    again = QSettings(str(walk_file()), QSettings.Format.IniFormat)
    assert (again.value("other/list"), again.value("walk/later")) == ("a, b", "@odd")


def test_a_walk_through_file_made_by_hand_is_read_as_the_window_reads_it(tmp_path):
    from idcheck.gui.walk_form import WalkPreferences

    path = tmp_path / "walkthrough.ini"
    for text in (
        '\ufeff[walk]\r\nmode = "section" \r\n',
        "[walk]\nmode=item\nmode=section\n",
        "[General]\nx=1\n\n[walk]\nmode=section ; chosen in training\n",
        "[walk]\nmode=sideways\n",
        "[Walk]\nMode=section\n",
        "",
    ):
        path.write_text(text, encoding="utf-8", newline="")
        assert window_settings.read_walk_mode(path)[0] == WalkPreferences(path).mode(), text
    path.write_text("[General]\nx=1\n", encoding="utf-8")
    window_settings.write_walk_mode("section", path)
    assert path.read_text(encoding="utf-8") == "[General]\nx=1\n\n[walk]\nmode=section\n"
    assert WalkPreferences(path).mode() == "section"


BAD = [
    (("--text-size", "120"), "--text-size '120'"),
    (("--text-size", "200%"), "--text-size"),
    (("--language", "xx"), "--language 'xx'"),
    (("--language", "nb\nrm -rf"), r"'nb\nrm -rf'"),
    (("--language", "\u202enb"), r"'\u202enb'"),
    (("--language", "العربية"), "--language '\\u0627"),
    (("--language", "NB"), "--language 'NB'"),
    (("--walk", "page"), "--walk 'page'"),
    (("--walk", "section", "--text-size", "175"), "--text-size '175'"),
    ((), "nothing to change"),
]


@pytest.mark.parametrize(("args", "says"), BAD)
def test_a_bad_value_is_one_line_and_nothing_is_written(data, capsys, args, says):
    assert run(data, "set", "--language", "nb", "--text-size", "150", "--walk", "section") == 0
    before = (data / PREFS_FILE).read_bytes(), walk_file().read_bytes()
    capsys.readouterr()
    assert run(data, "set", *args) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("idcheck: ") and says in err
    assert len(err.splitlines()) == 1 and "\u202e" not in err
    assert ((data / PREFS_FILE).read_bytes(), walk_file().read_bytes()) == before


def test_a_bad_value_on_a_fresh_computer_creates_no_file(data, capsys):
    assert run(data, "set", "--walk", "sideways") == 2
    assert not data.exists() and not walk_file().exists()


@pytest.mark.parametrize(
    ("content", "expected", "says"),
    [
        ('{"language": "nb", "text_size": 2', UiPrefs(), "not JSON"),
        ("[1, 2]", UiPrefs(), "expected an object"),
        ('{"language": 7, "text_size": "big"}', UiPrefs(), "language 7 is not"),
        ('{"language": "nb", "text_size": 175}', UiPrefs("nb", 100), "text_size 175"),
    ],
)
def test_a_damaged_settings_file_is_said_in_one_line_and_set_writes_a_good_one(
    data, capsys, content, expected, says
):
    data.mkdir()
    (data / PREFS_FILE).write_text(content, encoding="utf-8")
    assert run(data, "show") == 0
    out, err = capsys.readouterr()
    assert err.startswith(f"idcheck: {data / PREFS_FILE}") and says in err
    assert len(err.splitlines()) == 1
    size = f"text size: {expected.text_size} %"
    assert shown(out)[1:] == [size, FRESH[2]]
    assert (data / PREFS_FILE).read_text(encoding="utf-8") == content  # left for a person
    # Setting the walk-through leaves the damaged file alone; setting the size mends it.
    assert run(data, "set", "--walk", "section") == 0
    assert (data / PREFS_FILE).read_text(encoding="utf-8") == content
    capsys.readouterr()
    assert run(data, "set", "--text-size", "150") == 0
    assert len(capsys.readouterr().err.splitlines()) == 1  # the old file's fault, said once
    assert UiPrefs.read(data) == (UiPrefs(expected.language, 150), None)


def test_a_damaged_walk_through_file_is_said_in_one_line(data, capsys):
    walk_file().parent.mkdir(parents=True)
    walk_file().write_text("[walk]\nmode=sideways\n", encoding="utf-8")
    assert run(data, "show") == 0
    out, err = capsys.readouterr()
    assert shown(out)[2] == "walk-through: one item at a time"
    assert "'sideways' is not item or section" in err and len(err.splitlines()) == 1
    assert run(data, "set", "--walk", "section") == 0
    assert window_settings.read_walk_mode() == ("section", None)


def test_the_data_folder_from_the_environment_is_used(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IDCHECK_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["interface", "set", "--text-size", "150"]) == 0
    assert UiPrefs.load(tmp_path / "env-data") == UiPrefs(SYSTEM, 150)
    assert f"kept in: {tmp_path / 'env-data' / PREFS_FILE}" in capsys.readouterr().out


def test_a_data_folder_that_is_a_file_is_said_and_nothing_is_written(tmp_path):
    blocked = tmp_path / "data"
    blocked.write_text("not a folder")
    for args in (("show",), ("set", "--text-size", "200", "--walk", "section")):
        r = subprocess_idcheck("--data-dir", str(blocked), "interface", *args)
        assert r.returncode == 2, r.stderr
        assert r.stdout == "" and "Traceback" not in r.stderr
        assert r.stderr == (
            f"idcheck: the data folder {blocked} is a file, not a folder: give a folder with "
            "--data-dir (or IDCHECK_DATA_DIR)"
            + ("; nothing was written" if args[0] == "set" else "")
            + "\n"
        )
    assert blocked.read_text() == "not a folder"
    assert not walk_file().exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "qm"]


def test_the_text_size_option_of_the_subcommand_is_not_the_windows(tmp_path):
    """``--text-size`` after ``interface set`` is the subcommand's: main() refuses the
    window's --text-size and --lang with a subcommand, not this one."""
    data = tmp_path / "data"
    r = subprocess_idcheck("--data-dir", str(data), "interface", "set", "--text-size", "200")
    assert r.returncode == 0, r.stderr
    assert "text size: 200 %" in r.stdout and r.stderr == ""
    assert UiPrefs.load(data) == UiPrefs(SYSTEM, 200)
    # Before the subcommand it is the window's, and refused as ever.
    r = subprocess_idcheck("--data-dir", str(data), "--text-size", "150", "interface", "show")
    assert r.returncode == 2 and "are the window's" in r.stderr
    assert UiPrefs.load(data) == UiPrefs(SYSTEM, 200)


def test_the_command_runs_without_qt_or_the_store(tmp_path):
    """No display needed, and nothing heavy: no store is opened."""
    rc, modules, out = imported_after(["--data-dir", str(tmp_path / "d"), "interface", "show"])
    assert rc == 0, out
    assert "text size: 100 %" in out
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
