"""Build the one-folder application: compile translations, run PyInstaller.

    python build_scripts/build.py [--dist DIR]

The result is DIR/idcheck/ (default build/dist/idcheck/), started by its
``idcheck`` executable; ``idcheck --self-test`` checks it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(dist: Path, work: Path) -> Path:
    translations = ROOT / "build_scripts" / "translations.py"
    if translations.exists():
        subprocess.run([sys.executable, str(translations), "compile"], check=True, cwd=ROOT)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build_scripts" / "idcheck.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / "idcheck"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "work")
    args = parser.parse_args()
    app = build(args.dist, args.work)
    print(f"built {app} ({folder_size(app) / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
