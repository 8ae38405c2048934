"""The offline guide, or some of its sections, as a printed handout.

Each section is printed with its title, summary and body (paragraphs with their
line breaks, bullets, sub-headings; right-to-left text in reading order through
:class:`~idcheck.report.rtl.BidiParagraph`), then the sources it cites by number;
the handout ends with every cited source in full. The footer of each page says
"page x of y", the guide's version and its language's review status; printed in
training mode every page carries the TRAINING watermark (:func:`build_pdf`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer

from idcheck.checklist.basics import Source, text_for
from idcheck.checklist.guide import blocks, citations
from idcheck.checklist.guide_model import Guide, GuideSection
from idcheck.choices import JURISDICTIONS
from idcheck.report.i18n import Translator
from idcheck.report.pdf import _styles, build_pdf, markup, write_atomic
from idcheck.report.rtl import BidiParagraph

__all__ = ["guide_pdf", "guide_story", "render_guide", "review_status", "source_line"]


def review_status(guide: Guide, lang: str, tr: Translator) -> str:
    """The language's review status in the print language, with its note."""
    info = guide.languages.get(lang)
    if info is None:
        return ""
    if info.status == "reviewed":
        state = tr.gettext("reviewed")
        if info.reviewed_by:
            state = tr.gettext("reviewed by %(who)s") % {"who": info.reviewed_by}
    else:
        state = tr.gettext("draft, not yet reviewed")
    line = f"{info.name}: {state}."
    return f"{line} {info.note}" if info.note else line


def source_line(source: Source) -> str:
    """A source in full, as the list at the end prints it."""
    parts = [source.title, source.publisher + (f", {source.year}" if source.year else "")]
    if source.url:
        parts.append(source.url)
    if source.note:
        parts.append(source.note)
    return ". ".join(p.rstrip(".") for p in parts) + "."


def _section_flow(
    guide: Guide, section: GuideSection, lang: str, numbers: dict[str, int], tr: Translator
) -> list[Any]:
    st = _styles()
    # A bullet's wrapped lines start under its text, not under the bullet.
    bullet = ParagraphStyle("guide-bullet", parent=st["bullet"], leftIndent=9, firstLineIndent=-7)
    paragraph = ParagraphStyle("guide-p", parent=st["p"], spaceBefore=3)
    flow: list[Any] = [BidiParagraph(markup(section.title_in(lang)), st["h2"])]
    if section.jurisdictions:
        places = ", ".join(tr.gettext(JURISDICTIONS[j]) for j in section.jurisdictions)
        flow.append(
            BidiParagraph(markup(tr.gettext("For: %(places)s") % {"places": places}), st["meta"])
        )
    if section.summary is not None:
        flow.append(BidiParagraph(markup(text_for(section.summary, lang)), st["note"]))
    for block in blocks(section.body_in(lang)):
        if block.kind == "heading":
            flow.append(BidiParagraph(markup(block.text), st["h3"]))
        elif block.kind == "bullet":
            flow.append(BidiParagraph(markup("\u2022\u00a0" + block.text), bullet))
        else:
            flow.append(BidiParagraph(markup(block.text), paragraph))
    cited = []
    for source, where in citations(guide, section):
        n = numbers.setdefault(source.id, len(numbers) + 1)
        cited.append(f"[{n}] {source.title}" + (f", {where}" if where else ""))
    label = tr.gettext("Sources:")
    flow.append(
        KeepTogether(
            [BidiParagraph(markup(label), st["strong"])]
            + [BidiParagraph(markup(c), st["small"]) for c in cited]
        )
    )
    flow.append(Spacer(1, 6))
    return flow


def guide_story(guide: Guide, lang: str, sections: list[GuideSection]) -> list[Any]:
    """The handout's flowables: a title block, the sections, the sources."""
    tr = Translator(lang)
    st = _styles()
    flow: list[Any] = [
        BidiParagraph(markup(text_for(guide.title, lang)), st["title"]),
        BidiParagraph(
            markup(
                tr.gettext("Version %(version)s, published %(date)s")
                % {"version": guide.version, "date": guide.published.isoformat()}
            ),
            st["meta"],
        ),
        BidiParagraph(markup(review_status(guide, lang, tr)), st["meta"]),
        Spacer(1, 4),
        BidiParagraph(markup(text_for(guide.description, lang)), st["p"]),
    ]
    numbers: dict[str, int] = {}
    for section in sections:
        flow += _section_flow(guide, section, lang, numbers, tr)
    by_id = {s.id: s for s in guide.sources}
    flow.append(BidiParagraph(markup(tr.gettext("Sources")), st["h2"]))
    for ident, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        flow.append(BidiParagraph(markup(f"[{n}] {source_line(by_id[ident])}"), st["row"]))
    flow.append(Spacer(1, 4))
    flow.append(
        BidiParagraph(
            markup(
                tr.gettext(
                    "Written by the idcheck project from the public sources above; "
                    "no source's wording is reused. Licence: %(licence)s."
                )
                % {"licence": guide.licence}
            ),
            st["small"],
        )
    )
    return flow


def guide_pdf(guide: Guide, lang: str, sections: list[GuideSection] | None = None) -> bytes:
    """The handout's PDF bytes: ``sections`` (default: every section) in ``lang``."""
    tr = Translator(lang)
    chosen = list(guide.sections if sections is None else sections)
    info = guide.languages.get(lang)
    status = (
        tr.gettext("draft") if info is None or info.status == "draft" else tr.gettext("reviewed")
    )
    return build_pdf(
        lambda: guide_story(guide, lang, chosen),
        title=tr.gettext("Guide"),
        footer_left=f"{guide.ref} · {lang}: {status}",
        footer_right="idcheck",
        lang=lang,
    )


def render_guide(
    guide: Guide, target: Path | io.BytesIO, lang: str, sections: list[GuideSection] | None = None
) -> None:
    """Write the handout to a file (atomically, never over the store's files) or a buffer."""
    write_atomic(guide_pdf(guide, lang, sections), target)
