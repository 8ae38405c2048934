"""Render a :class:`ReferralSummary` to PDF: jinja2 for the words, reportlab for
the page.

The template (``templates/referral.txt.j2``) writes one block per line as
``style<TAB>markup``; every value goes through the ``t`` filter, which escapes it
and sets each script in a font that has its letters. Arabic is shaped by
HarfBuzz (``shaping=1``) and set right to left. The footer of every page has
"page x of y", the case reference and the audit head (drawn when the document is
saved, so one layout pass is enough). The file is written under
a temporary name next to the target and renamed, never left half-written.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

from idcheck.files import atomic_write
from idcheck.report.fonts import has_glyph, register, runs
from idcheck.report.i18n import Translator
from idcheck.report.language_names import language_name
from idcheck.report.rtl import BidiParagraph
from idcheck.report.summary import ReferralSummary
from idcheck.store.outputs import check_output
from idcheck.watermark import in_training

_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def clean(text: object) -> str:
    """Text as it can be printed: every kind of line break as ``\\n``, a tab as
    a space, other control characters dropped, a lone surrogate as U+FFFD."""
    out = _BREAKS.sub("\n", str(text)).replace("\t", " ")
    return "".join(
        "\ufffd"
        if unicodedata.category(c) == "Cs"
        else c
        if c == "\n" or unicodedata.category(c) != "Cc"
        else ""
        for c in out
    )


def markup(text: object) -> Markup:
    """Escape text, wrap each script run in a font that has its letters, and
    print each line break as one: any text is safe on a ``style<TAB>markup`` line."""
    if isinstance(text, Markup):
        return text
    out = []
    for script, part in runs(clean(text), has_glyph):
        body = escape(part).replace("\n", "<br/>")
        if script == "latin":
            # The paragraph's own font (regular or bold) has the Latin letters.
            out.append(body)
        else:
            out.append(f'<font name="{register(script)}">{body}</font>')
    return Markup("".join(out))  # noqa: S704 - every part escaped just above


def quoted(text: object) -> Markup:
    """The child's words, in quotation marks (laid out right to left when they
    are: see :mod:`idcheck.report.rtl`). A quotation mark is set in the Latin
    font: next to a word in another script's font a hair space parts them, as
    :func:`runs` parts any two fonts, so that HarfBuzz shapes each word in its
    own font."""
    parts = runs(clean(text), has_glyph)
    start = "\u200a" if parts and parts[0][0] != "latin" else ""
    end = "\u200a" if parts and parts[-1][0] != "latin" else ""
    return Markup(  # noqa: S704 - escaped by markup()
        "\u201c" + start + markup(text) + end + "\u201d"
    )


@cache
def _env(lang: str) -> Environment:
    """The template environment of one print language (made, and its templates
    compiled, once per process)."""
    tr = Translator(lang)
    env = Environment(
        loader=PackageLoader("idcheck.report", "templates"),
        undefined=StrictUndefined,
        # Values are escaped for reportlab's markup by `markup` (not HTML).
        autoescape=False,  # noqa: S701
        keep_trailing_newline=False,
        # Every value printed is escaped, whatever the template says.
        finalize=markup,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["t"] = markup
    env.filters["quoted"] = quoted

    def gettext(msgid: str, **values: object) -> Markup:
        return _fill(tr.gettext(msgid), values)

    def ngettext(singular: str, plural: str, n: int, **values: object) -> Markup:
        return _fill(tr.ngettext(singular, plural, n), {"num": n, **values})

    def said(line: Any) -> str:
        return words_note(line, tr)

    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, said=said)
    return env


def _fill(text: str, values: dict[str, object]) -> Markup:
    """A translated text with its %(name)s values put in, all escaped."""
    if not values:
        return markup(text)
    filled = {k: v if isinstance(v, int) else str(markup(v)) for k, v in values.items()}
    return Markup(str(markup(text)) % filled)  # noqa: S704 - text and values escaped


def words_note(line: Any, tr: Translator) -> str:
    """How the child's words were said: in which language, whether read back."""
    _ = tr.gettext
    note = _("The child's own words, as said")
    if line.child_language:
        language = language_name(line.child_language, tr.lang)
        note += ", " + _("in %(language)s") % {"language": language}
    if line.read_back:
        note += "; " + _("read back to the child")
    elif line.read_back is not None:
        note += "; " + _("not read back")
    return note + "."


def _styles() -> dict[str, ParagraphStyle]:
    base = register("latin")
    bold = register("latin-bold")
    body = ParagraphStyle("p", fontName=base, fontSize=9.5, leading=12.5, spaceAfter=2)
    return {
        "p": body,
        "meta": ParagraphStyle(
            "meta", parent=body, fontSize=9, textColor=colors.HexColor("#333333")
        ),
        "small": ParagraphStyle(
            "small",
            parent=body,
            fontSize=8.5,
            leading=11,
            leftIndent=12,
            spaceAfter=1,
            textColor=colors.HexColor("#444444"),
        ),
        "note": ParagraphStyle(
            "note", parent=body, fontSize=9, leftIndent=12, textColor=colors.HexColor("#2b3a4a")
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontSize=11,
            leftIndent=18,
            rightIndent=12,
            leading=16,
            borderColor=colors.HexColor("#8a6d1f"),
            borderWidth=0,
            backColor=colors.HexColor("#f6f1e7"),
            borderPadding=4,
            spaceBefore=2,
            spaceAfter=6,
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=16, leading=19, spaceAfter=2
        ),
        # A heading goes over to the next page with what it heads (keepWithNext).
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=bold,
            fontSize=12,
            leading=15,
            spaceBefore=7,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=bold, fontSize=11, spaceBefore=6, keepWithNext=1
        ),
        "strong": ParagraphStyle("strong", parent=body, fontName=bold),
        "warning": ParagraphStyle(
            "warning", parent=body, fontName=bold, textColor=colors.HexColor("#8b0000")
        ),
        "confidential": ParagraphStyle(
            "confidential",
            parent=body,
            fontName=bold,
            fontSize=8.5,
            textColor=colors.HexColor("#8b0000"),
        ),
        "action": ParagraphStyle("action", parent=body, spaceBefore=2, spaceAfter=0),
        "row": ParagraphStyle("row", parent=body, spaceAfter=1),
        "bullet": ParagraphStyle("bullet", parent=body, spaceBefore=3, spaceAfter=0),
    }


def flow_of(template: str, lang: str = "en", **context: Any) -> list[Any]:
    """The flowables of a ``style<TAB>markup`` template (see the module docstring),
    its frame in ``lang``."""
    styles = _styles()
    text = _env(lang).get_template(template).render(**context)
    flow: list[Any] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        style, _, body = line.partition("\t")
        if style == "spacer":
            flow.append(Spacer(1, float(body or 4) * mm))
            continue
        para = BidiParagraph(body, styles[style])
        if style == "small" and flow and getattr(flow[-1], "_idcheck_quote", False):
            # The child's words and the line saying how they were said stay on one page.
            flow[-1] = KeepTogether([flow[-1], para])
            continue
        if style == "quote":
            para._idcheck_quote = True
        flow.append(para)
        if style == "title":
            flow.append(Spacer(1, 1 * mm))
    return flow


def story(summary: ReferralSummary) -> list[Any]:
    return flow_of("referral.txt.j2", summary.lang, s=summary)


def _watermark(canvas: Canvas, words: tuple[str, str]) -> None:
    """The training watermark across the page, corner to corner, over what is
    printed (light enough to read through; nothing on the page can cover it)."""
    big, small = words
    width, height = canvas._pagesize
    diagonal = math.hypot(width, height)
    bold = register("latin-bold")
    size = min(120.0, 0.62 * diagonal / max(1.0, stringWidth(big, bold, 1)))
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#b00020"))
    canvas.setFillAlpha(0.16)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.setFont(bold, size)
    canvas.drawCentredString(0, -size * 0.3, big)
    canvas.setFillAlpha(0.3)
    canvas.setFont(bold, max(9.0, size / 7))
    canvas.drawCentredString(0, -size * 0.3 - size / 3.2, small)
    canvas.restoreState()


def _numbered_canvas(
    left: str, right: str, page_of: str, watermark: tuple[str, str] | None = None
) -> type[Canvas]:
    """A canvas that keeps each finished page until the end, then draws the footer
    ("Page x of y · LEFT", RIGHT) on every page: one layout pass, not two; and,
    when printed in training, the ``watermark`` on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(register("latin"), 7.5)
                self.setFillColor(colors.HexColor("#555555"))
                width = self._pagesize[0]
                page = page_of % {"page": self._pageNumber, "pages": total}
                self.drawString(18 * mm, 10 * mm, f"{page} · {left}")
                self.drawRightString(width - 18 * mm, 10 * mm, right)
                self.restoreState()
                if watermark is not None:
                    _watermark(self, watermark)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    make_story: Any,
    *,
    title: str,
    footer_left: str,
    footer_right: str,
    lang: str = "en",
    pagesize: tuple[float, float] = A4,
    training: bool | None = None,
) -> bytes:
    """The PDF bytes of ``make_story()`` with the footer on every page (its
    words in ``lang``). The title is the document's kind only: a PDF's metadata
    shows in file lists and search indexes, so it names no case.

    Every PDF made in training mode carries a diagonal TRAINING watermark on
    every page: ``training`` None follows :func:`idcheck.watermark.in_training`."""
    tr = Translator(lang)
    if training is None:
        training = in_training()
    mark = (
        (tr.gettext("TRAINING"), tr.gettext("Training only: not a real child"))
        if training
        else None
    )
    footer_left, footer_right = (clean(x).replace("\n", " ") for x in (footer_left, footer_right))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=clean(title).replace("\n", " "),
        initialFontName=register("latin"),
        author="idcheck",
    )
    page_of = tr.gettext("Page %(page)d of %(pages)d")
    doc.build(make_story(), canvasmaker=_numbered_canvas(footer_left, footer_right, page_of, mark))
    return out.getvalue()


def write_atomic(data: bytes, target: Path | io.BytesIO) -> None:
    """Into a buffer, or into a file idcheck may write to (:func:`check_output`)
    with :func:`idcheck.files.atomic_write`: never left half-written."""
    if isinstance(target, io.BytesIO):
        target.write(data)
        return
    atomic_write(check_output(target), data)


def referral_pdf(summary: ReferralSummary) -> bytes:
    """The referral's PDF bytes."""
    tr = Translator(summary.lang)
    confidential = tr.gettext("CONFIDENTIAL")
    case = tr.gettext("case %(ref)s") % {"ref": summary.case_reference}
    return build_pdf(
        lambda: story(summary),
        title=tr.gettext("Referral summary"),
        footer_left=f"{case} · {tr.gettext('audit %(head)s') % {'head': summary.audit_head}}"
        f" · {confidential}",
        footer_right=f"idcheck · {summary.generated}",
        lang=summary.lang,
    )


def render_referral(summary: ReferralSummary, target: Path | io.BytesIO) -> None:
    """Write the PDF to a file (atomically) or into a buffer."""
    write_atomic(referral_pdf(summary), target)
