"""One font resolver per script, so every language of the checklists prints.

reportlab has no per-glyph fallback: a character the font lacks is silently
dropped. So text is split into runs by script and each run is set in a font
found for that script; a script with no font raises :class:`MissingFont`
naming the package to install, never printing with missing letters.

Fonts are found, in order: in a frozen build's ``fonts/`` folder, through
fontconfig (``fc-match``), then in the usual font folders of Windows and macOS.
Only TrueType outlines can be embedded, so the CJK run uses Droid Sans Fallback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont


class MissingFont(RuntimeError):
    """No font for a script the document needs; the message says what to install."""


@dataclass(frozen=True, slots=True)
class ScriptFont:
    script: str
    families: tuple[str, ...]
    files: tuple[str, ...]
    package: str


SCRIPTS: dict[str, ScriptFont] = {
    "latin": ScriptFont("latin", ("DejaVu Sans",), ("DejaVuSans.ttf",), "fonts-dejavu-core"),
    "latin-bold": ScriptFont(
        "latin-bold", ("DejaVu Sans:bold",), ("DejaVuSans-Bold.ttf",), "fonts-dejavu-core"
    ),
    "arabic": ScriptFont(
        "arabic",
        ("Noto Naskh Arabic", "Noto Sans Arabic"),
        ("NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf"),
        "fonts-noto-core",
    ),
    "ethiopic": ScriptFont(
        "ethiopic", ("Noto Sans Ethiopic",), ("NotoSansEthiopic-Regular.ttf",), "fonts-noto-core"
    ),
    "cjk": ScriptFont(
        "cjk", ("Droid Sans Fallback",), ("DroidSansFallbackFull.ttf",), "fonts-droid-fallback"
    ),
}


def script_of(ch: str) -> str:
    """The font run a character belongs to."""
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x1200 <= o <= 0x139F or 0x2D80 <= o <= 0x2DDF or 0xAB00 <= o <= 0xAB2F:
        return "ethiopic"
    if 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF:
        return "cjk"
    return "latin"


def runs(text: str, has_glyph: Callable[[str, str], bool] | None = None) -> list[tuple[str, str]]:
    """Split text into (script, text) runs. Letters and digits go to their
    script's run; spaces and punctuation join the run they are in when its font
    has them (``has_glyph(script, ch)``), else the Latin run. Where a word
    changes font, a hair space (U+200A) separates the two: HarfBuzz shapes a
    word in one font, and reportlab breaks words at spaces."""
    scripts: list[str] = []
    parts: list[list[str]] = []
    for ch in text:
        if ch.isalnum():
            s = script_of(ch)
        else:
            s = scripts[-1] if scripts else "latin"
            if not ch.isspace() and has_glyph is not None and not has_glyph(s, ch):
                s = "latin"
        if scripts and scripts[-1] == s:
            parts[-1].append(ch)
            continue
        if scripts and not ch.isspace() and not parts[-1][-1].isspace():
            parts[-1].append("\u200a")
        scripts.append(s)
        parts.append([ch])
    return [(s, "".join(p)) for s, p in zip(scripts, parts, strict=True)]


@cache
def has_glyph(script: str, ch: str) -> bool:
    """Whether the script's font has a glyph for the character."""
    font = pdfmetrics.getFont(register(script))
    return ord(ch) in font.face.charToGlyph


def _search_dirs() -> list[Path]:
    dirs = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "fonts")
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        dirs.append(Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
    return dirs


@cache
def font_file(script: str) -> Path:
    """The TrueType file for a script; raises MissingFont."""
    spec = SCRIPTS[script]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        for name in spec.files:
            if (Path(frozen) / "fonts" / name).exists():
                return Path(frozen) / "fonts" / name
    fc = shutil.which("fc-match")
    if fc:
        for family in spec.families:
            try:
                r = subprocess.run(  # noqa: S603 - fc-match from PATH, fixed arguments
                    [fc, "-f", "%{file}\n%{family}", family],
                    capture_output=True,
                    text=True,
                    timeout=10,
                    check=False,
                )
            except (OSError, subprocess.SubprocessError):
                break
            lines = r.stdout.splitlines()
            base = family.split(":")[0]
            if len(lines) >= 2 and base in lines[1] and lines[0].endswith(".ttf"):
                path = Path(lines[0])
                if path.name in spec.files or not spec.files:
                    return path
    for d in _search_dirs():
        if d.is_dir():
            for name in spec.files:
                found = next(iter(d.rglob(name)), None)
                if found is not None:
                    return found
    raise MissingFont(
        f"no font for {script.split('-')[0]} script: install the '{spec.package}' package "
        f"(or a font named {' or '.join(spec.families)})"
    )


@cache
def register(script: str) -> str:
    """Register the script's font with reportlab (once) and return its name."""
    name = f"idcheck-{script}"
    pdfmetrics.registerFont(TTFont(name, str(font_file(script))))
    if script == "latin":
        # <b> and <i> in a paragraph's markup find the bold face through the family.
        bold = register("latin-bold")
        registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
    elif script != "latin-bold":
        registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


def fonts_used() -> list[Path]:
    """Every font file the reports may embed, for the frozen build to bundle."""
    out = []
    for script in SCRIPTS:
        try:
            out.append(font_file(script))
        except MissingFont:
            continue
    return out


bundle_fonts = fonts_used
