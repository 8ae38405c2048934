"""Build the one-folder application: compile translations, run PyInstaller.

    python build_scripts/build.py [--dist DIR] [--work DIR] [--sizes]

The result is DIR/idcheck/ (default build/dist/idcheck/), started by its
``idcheck`` executable; ``idcheck --self-test`` checks it. It prints the folder's
size and its largest parts (by library); ``--sizes`` only prints those, for the
build already there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _part(rel: Path) -> str:
    """What a file belongs to: the Qt library or plugin folder it is, else the
    top folder under _internal (a Python package, fonts...), else the file."""
    parts = rel.parts
    if len(parts) == 1:
        return f"{parts[0]} (the executable, with all the Python bytecode)"
    if parts[0] != "_internal" or len(parts) == 2:
        return parts[-1]
    if parts[1] == "PySide6" and len(parts) > 3 and parts[2] == "Qt":
        if parts[3] == "lib":
            name = parts[4]
            return "ICU (Qt needs it)" if name.startswith("libicu") else f"Qt {name}"
        return f"Qt {parts[3]}" + (f"/{parts[4]}" if parts[3] == "plugins" else "")
    if parts[1] == "PySide6":
        return "PySide6 bindings"
    if parts[1] == "idcheck":
        return "idcheck data (migrations, report templates)"
    return parts[1]


def sizes(app: Path, top: int = 20) -> list[tuple[str, int]]:
    """The ``top`` largest parts of the folder, in bytes, largest first."""
    totals: dict[str, int] = {}
    for f in app.rglob("*"):
        if f.is_file() and not f.is_symlink():
            key = _part(f.relative_to(app))
            totals[key] = totals.get(key, 0) + f.stat().st_size
    return sorted(totals.items(), key=lambda kv: -kv[1])[:top]


def report(app: Path) -> None:
    print(f"{app}: {folder_size(app) / 1e6:.0f} MB; largest parts:")
    for name, size in sizes(app):
        print(f"  {size / 1e6:6.1f} MB  {name}")


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
    parser.add_argument("--sizes", action="store_true", help="only show the sizes of a build")
    args = parser.parse_args()
    if args.sizes:
        app = args.dist / "idcheck"
        if not app.is_dir():
            print(f"no build in {app}", file=sys.stderr)
            return 2
    else:
        app = build(args.dist, args.work)
        print(f"built {app} ({folder_size(app) / 1e6:.0f} MB)")
    report(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
