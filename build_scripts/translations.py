"""The Qt Linguist pipeline for the window's strings.

    python build_scripts/translations.py extract [--no-obsolete]
    python build_scripts/translations.py compile [--out DIR] [--force]
    python build_scripts/translations.py pseudo [--out DIR]
    python build_scripts/translations.py check

``extract`` runs pyside6-lupdate over ``src/idcheck/gui/*.py`` and the shared
words of an answer (``src/idcheck/checklist/vocabulary.py``) into
``translations/idcheck_en.ts`` and ``translations/idcheck_nb.ts``; strings already
translated keep their translation, new ones are added as unfinished.
``compile`` runs pyside6-lrelease on every ``translations/idcheck_*.ts`` whose
``.qm`` is missing or older (``--force``: all), into ``translations/`` or DIR;
unfinished translations are left out, so such a string shows in English.
``pseudo`` writes two pseudo-locales for layout tests, made from the sources as
they are now: ``en_XA`` (every string about 40 % longer, accented and
bracketed) and ``ar_XB`` (the same strings, in a right-to-left layout). They go
to ``build/translations-pseudo/`` (never into the frozen build) unless DIR is
given. ``check`` exits 1 and names every string of the sources that has no
finished Norwegian translation, or whose translation drops or adds a placeholder.

Location references are not written into the .ts files, so that a change of
line numbers in the sources does not rewrite every file.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "idcheck" / "gui"
#: The words of an answer every layer shares (Qt-free; its marks are read too).
SHARED_WORDS = ROOT / "src" / "idcheck" / "checklist" / "vocabulary.py"
TS_DIR = ROOT / "translations"
PSEUDO_DIR = ROOT / "build" / "translations-pseudo"
#: The languages with a .ts file: English is the source language (the .ts is the
#: template for a new language), Norwegian Bokmål is translated.
LANGUAGES = ("en", "nb")
PSEUDO = {"en_XA": "ltr", "ar_XB": "rtl"}

# Placeholders a translation must keep: Python format fields ({0}, {name}),
# Qt's %1 / %n / %L1.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6-Essentials next to this Python, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"translations: {name} not found (install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    return [*sorted(str(p) for p in SOURCES.glob("*.py")), str(SHARED_WORDS)]


def ts_path(lang: str) -> Path:
    return TS_DIR / f"idcheck_{lang}.ts"


def lupdate(ts: Path, lang: str, *, no_obsolete: bool = False) -> None:
    """Merge the strings of the sources into ``ts`` (created when missing)."""
    cmd = [
        tool("pyside6-lupdate"),
        *source_files(),
        "-silent",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        lang,
        "-ts",
        str(ts),
    ]
    if no_obsolete:
        cmd.insert(1, "-no-obsolete")
    subprocess.run(cmd, check=True, cwd=ROOT)


def extract(no_obsolete: bool = False) -> None:
    TS_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        lupdate(ts_path(lang), lang, no_obsolete=no_obsolete)
        print(f"updated {ts_path(lang).relative_to(ROOT)}")


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        check=True,
        cwd=ROOT,
    )


def compile_all(out: Path | None = None, force: bool = False) -> list[Path]:
    """Compile each .ts to .qm where it is missing or stale; the .qm files written."""
    out = out or TS_DIR
    written = []
    for ts in sorted(TS_DIR.glob("idcheck_*.ts")):
        qm = out / (ts.stem + ".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            lrelease(ts, qm)
            written.append(qm)
    return written


# ------------------------------------------------------------------ messages


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    finished: bool
    obsolete: bool


def read_ts(ts: Path) -> list[Message]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if tr is not None and m.get("numerus") == "yes":
                forms = tuple(f.text or "" for f in tr.iter("numerusform"))
            else:
                forms = ((tr.text or "") if tr is not None else "",)
            out.append(
                Message(
                    context=name,
                    source=m.findtext("source") or "",
                    translations=forms,
                    finished=kind == "" and all(forms),
                    obsolete=kind in ("obsolete", "vanished"),
                )
            )
    return out


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(messages: list[Message]) -> list[str]:
    """One line per string without a finished translation or with wrong placeholders."""
    lines = []
    for m in messages:
        if m.obsolete:
            continue
        where = f"{m.context}: {m.source!r}"
        if not m.finished:
            lines.append(f"{where}: no finished translation")
            continue
        numerus = len(m.translations) > 1
        expected = [p for p in placeholders(m.source) if not (numerus and p == "%n")]
        for t in m.translations:
            # A plural form may leave out the count itself ("one item"), nothing else.
            have = [p for p in placeholders(t) if not (numerus and p == "%n")]
            if have != expected:
                lines.append(f"{where}: placeholders {expected} in the source, {have} in {t!r}")
    return lines


def current_messages(lang: str = "nb") -> list[Message]:
    """The committed translations merged with the strings of the sources as they
    are now (the committed file is not changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / f"idcheck_{lang}.ts"
        if ts_path(lang).exists():
            shutil.copyfile(ts_path(lang), copy)
        lupdate(copy, lang)
        return read_ts(copy)


# ------------------------------------------------------------------ pseudo-locale

_ACCENTS = str.maketrans(
    "AaCcEeIiNnOoUuYyDdGgKkLlRrSsTtZz",
    "ÅåÇçÉéÎîÑñÖöÛûÝýÐðĜĝĶķĻļŔŕŠšŢţŽž",
)
# Punctuation runs stop at "{", so "#{1}" keeps its placeholder whole.
_KEEP = re.compile(r"(\{[^{}]*\}|%L?\d+|%n|&&|&\w+;|<[^>]+>|&(?=\w)|\s+|[^\w\s{]+|\{)")
_VOWELS = "aeiouyAEIOUY"


def _stretch_word(word: str, keep_first: bool) -> str:
    extra = (len(word) * 2 + 4) // 5  # about 40 %, at least one letter
    vowels = [c for c in word if c in _VOWELS] or [word[-1]]
    padded = word + "".join(vowels[i % len(vowels)] for i in range(extra))
    head, rest = (padded[:1], padded[1:]) if keep_first else ("", padded)
    return head + rest.translate(_ACCENTS)


def pseudo_text(text: str) -> str:
    """``Save the case`` → ``[Šåvéé ţĥéé çåšéé]``: each word about 40 % longer and
    accented, the whole bracketed; placeholders, mnemonics (``&N``), markup and
    line breaks are kept as they are."""
    out = []
    after_amp = False
    for part in _KEEP.split(text):
        if not part:
            continue
        if _KEEP.fullmatch(part):
            out.append(part)
            after_amp = part == "&"
        else:
            out.append(_stretch_word(part, keep_first=after_amp))
            after_amp = False
    return "[" + "".join(out) + "]"


def write_pseudo(out: Path | None = None) -> list[Path]:
    """Both pseudo-locales as .qm files in ``out``; the paths written."""
    out = out or PSEUDO_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in PSEUDO:
            ts = Path(tmp) / f"idcheck_{code}.ts"
            lupdate(ts, code, no_obsolete=True)
            tree = ET.parse(ts)
            for m in tree.getroot().iter("message"):
                source = m.findtext("source") or ""
                tr = m.find("translation")
                if tr is None:
                    tr = ET.SubElement(m, "translation")
                tr.attrib.pop("type", None)
                if m.get("numerus") == "yes":
                    forms = list(tr.iter("numerusform")) or [ET.SubElement(tr, "numerusform")]
                    for f in forms:
                        f.text = pseudo_text(source)
                else:
                    tr.text = pseudo_text(source)
            tree.write(ts, encoding="utf-8", xml_declaration=True)
            qm = out / f"idcheck_{code}.qm"
            lrelease(ts, qm)
            written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="update the .ts files from the sources")
    p.add_argument("--no-obsolete", action="store_true", help="drop strings no longer used")
    p = sub.add_parser("compile", help="compile the .ts files to .qm")
    p.add_argument("--out", type=Path)
    p.add_argument("--force", action="store_true")
    p = sub.add_parser("pseudo", help="write the pseudo-locales en_XA and ar_XB")
    p.add_argument("--out", type=Path)
    sub.add_parser("check", help="every string has a finished Norwegian translation")
    args = parser.parse_args(argv)
    if args.cmd == "extract":
        extract(args.no_obsolete)
    elif args.cmd == "compile":
        for qm in compile_all(args.out, args.force):
            print(f"wrote {qm}")
    elif args.cmd == "pseudo":
        for qm in write_pseudo(args.out):
            print(f"wrote {qm}")
    else:
        found = problems(current_messages("nb"))
        for line in found:
            print(line)
        if found:
            print(f"{len(found)} string(s) need attention in {ts_path('nb').relative_to(ROOT)}")
            return 1
        print("every string has a finished Norwegian translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
