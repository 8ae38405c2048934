"""Right-to-left text in the right order on the page.

reportlab lays words out left to right and, with uharfbuzz (``shaping=1``),
shapes each word: an Arabic word comes out joined and right to left, but the
words of an Arabic sentence would still run left to right. The order of the
words is the Unicode bidirectional algorithm's (UAX #9), taken from the
``python-bidi`` library: levels are resolved over the whole paragraph (rules
P, X, W, N, I), the paragraph is broken into lines by the widths of its shaped
words, and only then is each line reordered (rules L1, L2), so a wrapped quote
keeps its lines in reading order.

:class:`BidiParagraph` is a reportlab paragraph that does this whenever its
text holds a right-to-left letter: at layout it rebuilds itself as one line
per visual line (explicit breaks), each line's runs in display order and each
right-to-left word in logical order for HarfBuzz to shape.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from bidi.algorithm import (
    MIRRORED,
    explicit_embed_and_overrides,
    get_base_level,
    get_embedding_levels,
    get_empty_storage,
    reorder_resolved_levels,
    resolve_implicit_levels,
    resolve_neutral_types,
    resolve_weak_types,
)
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts as _ttfonts
from reportlab.platypus import Paragraph

_STRONG_RTL = frozenset(("R", "AL"))

# When reportlab shapes a paragraph (one that holds right-to-left text), it asks
# HarfBuzz for discretionary ligatures too: the Latin words beside the Arabic
# ones drew 'st' as one fancy letter ('barneverntjene\ufb06en'), which a reader
# finds odd and a search of the PDF misses. Only the ligatures a script needs
# (Arabic's lam-alef, the standard ones) are kept.
_SHAPE_DEFAULTS = getattr(_ttfonts.shapeFragWord, "__defaults__", None)
if _SHAPE_DEFAULTS and isinstance(_SHAPE_DEFAULTS[0], dict):
    _SHAPE_DEFAULTS[0]["dlig"] = False


def has_rtl(text: str) -> bool:
    """Whether text holds a letter written right to left (Arabic, Hebrew, …)."""
    return any(unicodedata.bidirectional(c) in _STRONG_RTL for c in text)


def base_is_rtl(text: str) -> bool:
    """The paragraph direction of UAX #9 (rules P2, P3): its first strong letter."""
    return bool(get_base_level(text))


def _levels(text: str, base_level: int) -> list[dict[str, Any]]:
    """Each character with its resolved level (rules X to I), in logical order;
    each dict also holds ``i``, the character's index in ``text``."""
    if base_level == 0 and not has_rtl(text):
        # Nothing right to left: every character on the paragraph's level (UAX #9
        # gives the same), without the algorithm's cost on a long text.
        return [{"ch": c, "level": 0, "i": i} for i, c in enumerate(text)]
    storage = get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    return list(storage["chars"])


def _display_order(chars: list[dict[str, Any]], base_level: int) -> list[dict[str, Any]]:
    """One line's characters in display order (rules L1, L2)."""
    if base_level == 0 and all(c["level"] == 0 for c in chars):
        return chars
    storage = get_empty_storage()
    storage["base_level"] = base_level
    storage["chars"] = [dict(c) for c in chars]
    reorder_resolved_levels(storage, False)
    return list(storage["chars"])


def _width(pieces: list[tuple[Any, str]]) -> float:
    """The width of one word made of (frag, text) pieces, measured as reportlab's
    own line breaking measures it (so it never breaks a line made here again)."""
    return float(sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in pieces))


def _font(frag: Any, text: str) -> str:
    attrs = f'name="{frag.fontName}" size="{frag.fontSize}"'
    color = getattr(frag, "textColor", None)
    if color is not None and hasattr(color, "hexval"):
        attrs += f' color="#{color.hexval()[2:]}"'
    return f"<font {attrs}>{escape(text)}</font>"


def _run_text(text: str, rtl: bool) -> str:
    """A run in display order as it is given to HarfBuzz: a right-to-left run's
    words keep their display order, each word back in logical order (HarfBuzz
    shapes and reverses it); a word HarfBuzz will not set right to left
    (punctuation alone) gets its mirrored glyphs here (rule L4)."""
    if not rtl:
        return text
    out = []
    for word in re.split(r"(\s)", text):
        if word.isspace() or not word:
            out.append(word)
        elif has_rtl(word):
            out.append(word[::-1])
        else:
            out.append("".join(MIRRORED.get(c, c) for c in word[::-1]))
    return "".join(out)


def visual_lines(frags: list[Any], width: float, first_width: float) -> tuple[list[str], bool]:
    """The markup of each display line of a text given as reportlab frags in
    logical order; and whether its base direction is right to left."""
    # The text, each character's frag, and the forced breaks (<br/>).
    text: list[str] = []
    owner: list[int] = []
    for n, f in enumerate(frags):
        if hasattr(f, "lineBreak"):
            text.append("\n")
            owner.append(n)
            continue
        s = getattr(f, "text", "")
        text.extend(s)
        owner.extend([n] * len(s))
    plain = "".join(text)
    base = 1 if base_is_rtl(plain) else 0
    lines_out: list[str] = []
    start = 0
    for segment in plain.split("\n"):
        end = start + len(segment)
        # Each line the writer ended (a paragraph, rule P1) has its own direction,
        # its first strong letter's (P2, P3): a Norwegian line under an Arabic one
        # reads left to right, its full stop at its end. A line with no letter
        # (a number, a dash) takes the text's.
        own = base if not _has_strong(segment) else (1 if base_is_rtl(segment) else 0)
        chars = _levels(segment, own)
        for c in chars:
            c["i"] += start
        by_index = {c["i"]: c for c in chars}
        for line in _break(
            segment, start, owner, frags, by_index, width, first_width, first=not lines_out
        ):
            lines_out.append(_line_markup(line, own, owner, frags))
        start = end + 1
    return lines_out, bool(base)


def _has_strong(text: str) -> bool:
    """Whether text holds a letter with a direction of its own (L, R or AL)."""
    return any(unicodedata.bidirectional(c) in ("L", "R", "AL") for c in text)


def visual_markup(frags: list[Any], width: float, first_width: float) -> tuple[str, bool]:
    """Paragraph markup with one explicit line per display line (see
    :func:`visual_lines`)."""
    lines, rtl = visual_lines(frags, width, first_width)
    return "<br/>".join(lines), rtl


def _break(
    segment: str,
    start: int,
    owner: list[int],
    frags: list[Any],
    by_index: dict[int, dict[str, Any]],
    width: float,
    first_width: float,
    *,
    first: bool,
) -> list[list[dict[str, Any]]]:
    """Greedy line breaking at spaces, by shaped word widths; each line as the
    level-resolved characters it holds, in logical order."""
    words: list[tuple[int, int]] = []  # [from, to) in the whole text
    i = 0
    while i < len(segment):
        if segment[i] == " ":
            i += 1
            continue
        j = i
        while j < len(segment) and segment[j] != " ":
            j += 1
        words.append((start + i, start + j))
        i = j
    lines: list[list[tuple[int, int]]] = []
    used = 0.0
    limit = first_width if first else width
    for a, b in words:
        pieces: list[tuple[Any, str]] = []
        for k in range(a, b):
            f = frags[owner[k]]
            ch = by_index[k]["ch"] if k in by_index else ""
            if pieces and pieces[-1][0] is f:
                pieces[-1] = (f, pieces[-1][1] + ch)
            else:
                pieces.append((f, ch))
        w = _width([p for p in pieces if p[1]])
        space = pdfmetrics.stringWidth(" ", frags[owner[a]].fontName, frags[owner[a]].fontSize)
        if lines and used + space + w <= limit:
            lines[-1].append((a, b))
            used += space + w
        else:
            if lines:
                limit = width
            lines.append([(a, b)])
            used = w
    out = []
    for ws in lines:
        a, b = ws[0][0], ws[-1][1]
        out.append([by_index[k] for k in range(a, b) if k in by_index])
    return out or [[]]


def _line_markup(chars: list[dict[str, Any]], base: int, owner: list[int], frags: list[Any]) -> str:
    shown = _display_order(chars, base)
    out: list[str] = []
    run: list[dict[str, Any]] = []

    def flush() -> None:
        if run:
            f = frags[owner[run[0]["i"]]]
            out.append(_font(f, _run_text("".join(c["ch"] for c in run), run[0]["level"] % 2 == 1)))
            run.clear()

    for c in shown:
        if run and (c["level"] != run[0]["level"] or owner[c["i"]] != owner[run[0]["i"]]):
            flush()
        run.append(c)
    flush()
    return "".join(out)


#: A text longer than this is laid out here too, whatever its direction, so that it
#: can be handed on in pieces (see BidiParagraph.split).
LONG = 3000
#: Lines per piece of a long paragraph.
PIECE_LINES = 24


class BidiParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type stubs
    """A paragraph whose right-to-left text prints in reading order (see the
    module docstring); text with no right-to-left letter is laid out as usual.
    A paragraph whose base direction is right to left is aligned right.

    A long text (over ``LONG`` characters) is broken into lines here as well and
    split into pieces of ``PIECE_LINES`` lines: reportlab breaks the whole rest
    of a paragraph again at every page, which made a 400 KB quote take minutes."""

    def __init__(self, text: str | None, style: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        # Pieces made by a split are already in display order.
        plain = "".join(getattr(f, "text", "") for f in self.frags) if text is not None else ""
        #: Shaped by HarfBuzz: Arabic letters take their joined forms and
        #: ligatures (lam-alef), and each word is set right to left as a whole,
        #: its punctuation included. Only where there is right-to-left text:
        #: shaping a Latin word adds ligatures (fi, st) that change nothing a
        #: reader needs and that a search of the PDF would not find.
        self._shaped = bool(plain) and has_rtl(plain)
        self._logical = list(self.frags) if plain and (len(plain) > LONG or self._shaped) else None
        self._laid_for: float | None = None
        self._pieces: list[Any] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._logical is not None and self._laid_for != availWidth:
            st = self.style
            # A hair narrower than reportlab's own test, so it never breaks a line again.
            width = availWidth - st.leftIndent - st.rightIndent - 0.5
            lines, rtl = visual_lines(self._logical, width, width - st.firstLineIndent)
            style = st
            if rtl and st.alignment == TA_LEFT:
                style = style.clone(st.name + "-rtl", alignment=TA_RIGHT)
            if self._shaped and not style.shaping:
                style = style.clone(style.name + "-shaped", shaping=1)
            logical = self._logical
            pieces = [
                "<br/>".join(lines[i : i + PIECE_LINES]) for i in range(0, len(lines), PIECE_LINES)
            ]
            # A long text: parsed and laid out piece by piece (see split and draw).
            Paragraph.__init__(self, pieces[0] if pieces else "", style)
            self._logical = logical
            self._laid_for = availWidth
            self._pieces = []
            if len(pieces) > 1:
                last = len(pieces) - 1
                for n, piece in enumerate(pieces):
                    piece_style = style.clone(
                        f"{style.name}-piece",
                        spaceBefore=style.spaceBefore if n == 0 else 0,
                        spaceAfter=style.spaceAfter if n == last else 0,
                        borderPadding=0 if 0 < n < last else style.borderPadding,
                    )
                    self._pieces.append(Paragraph(piece, piece_style))
        if len(self._pieces) > 1:
            # Every line is one explicit line of the style's leading: the height
            # without laying the pieces out twice.
            self._piece_lines = [p.text.count("<br/>") + 1 for p in self._pieces]
            self.width = availWidth
            self.height = sum(self._piece_lines) * self.style.leading
            return self.width, self.height
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def draw(self) -> None:
        if len(self._pieces) <= 1:
            super().draw()
            return
        y = self.height
        for p in self._pieces:
            _w, h = p.wrap(self.width, self.height)
            y -= h
            p.drawOn(self.canv, 0, y)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if len(self._pieces) <= 1:
            return super().split(availWidth, availHeight)  # type: ignore[no-any-return]
        return list(self._pieces)
