"""The launcher: which shell starts, and what it sets up before either."""

from __future__ import annotations

import sys

import pytest

from idcheck.launcher import _wants_window, main


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--data-dir", "/x"], True),
        (["--data-dir=/x"], True),
        (["--training"], True),
        (["checklist", "list"], False),
        (["--data-dir", "/x", "db", "verify"], False),
        (["--self-test"], False),
    ],
)
def test_the_window_opens_only_without_a_subcommand(argv, window):
    assert _wants_window(argv) is window


@pytest.mark.skipif(sys.platform == "win32", reason="core files are a POSIX matter")
def test_no_core_file_can_hold_the_key_or_the_answers(capsys):
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (min(1 << 20, hard), hard))
    assert main(["--version"]) == 0  # any start, window or command line
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    assert "idcheck" in capsys.readouterr().out


def test_no_pydantic_plugin_is_loaded_whatever_is_installed(tmp_path):
    """A package installed beside idcheck that declares a ``pydantic`` plugin would
    be handed every value validated (answers, names); the program loads none, even
    when the environment asks for plugins."""
    import os
    import subprocess
    from pathlib import Path

    import idcheck

    site = tmp_path / "site"
    (site / "watcher-1.0.dist-info").mkdir(parents=True)
    (site / "watcher-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: watcher\nVersion: 1.0\n", encoding="utf-8"
    )
    (site / "watcher-1.0.dist-info" / "entry_points.txt").write_text(
        "[pydantic]\nwatcher = watcher_plugin:plugin\n", encoding="utf-8"
    )
    seen = tmp_path / "seen"
    (site / "watcher_plugin.py").write_text(
        "import pathlib\n"
        f"pathlib.Path({str(seen)!r}).write_text('loaded')\n"
        "class _P:\n"
        "    def new_schema_validator(self, *a, **k):\n"
        "        return None, None, None\n"
        "plugin = _P()\n",
        encoding="utf-8",
    )
    src = str(Path(idcheck.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), src])}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    # The plugin is real: a bare pydantic model loads it.
    probe = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int = 0\nM(x=1)\n"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)
    assert seen.read_text() == "loaded"
    seen.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "idcheck", "checklist", "list"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "child-trafficking-full" in done.stdout
    assert not seen.exists()


def test_the_help_names_training_mode_as_the_readme_does():
    """`idcheck --help` is where a trainer looks first: it names `idcheck demo` and
    `--training` (the real entry point, in a process of its own)."""
    import os
    import subprocess
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-m", "idcheck", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    words = out.split()
    assert "--training" in words
    assert "demo" in words and "training mode" in " ".join(words)
