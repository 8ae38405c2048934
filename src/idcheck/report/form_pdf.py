"""A checklist printed as a blank form, to fill in by hand (workshops, and the
day the laptop is not there).

Each item is printed under its section, numbered, in adult words with the
child's words below; beside it the answer boxes of the project's vocabulary
(yes / no / unsure / declined / not asked for an indicator or a yes-no
question, each option for a choice), then boxes for where the answer comes
from and ruled lines for the child's own words. An item is kept on one page
with its boxes and lines. ``trainer`` adds each item's trainer notes, its
trauma-informed reading and its verification note.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from idcheck.checklist.basics import text_for
from idcheck.checklist.model import Checklist, Indicator, Question
from idcheck.checklist.vocabulary import ANSWER_WORDS, SOURCE_WORDS
from idcheck.report.fonts import register
from idcheck.report.i18n import Translator
from idcheck.report.pdf import _styles, build_pdf, markup, write_atomic
from idcheck.report.rtl import BidiParagraph

__all__ = ["INDICATOR_BOXES", "AnswerBoxes", "WriteLines", "form_pdf", "form_story", "render_form"]

#: The boxes beside every indicator and yes-no question, in this order.
INDICATOR_BOXES = ("yes", "no", "unsure", "declined", "not-asked")
BOX = 3.4 * mm


class AnswerBoxes(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """A row of empty boxes, each followed by its label; wraps to more rows
    when the labels do not fit the width."""

    def __init__(self, labels: list[str], *, caption: str = "", size: float = 9) -> None:
        super().__init__()
        self.labels = labels
        self.caption = caption
        self.size = size
        self.font = register("latin")
        self.bold = register("latin-bold")
        self._rows: list[list[tuple[float, str]]] = []

    def _layout(self, width: float) -> None:
        x0 = 6 * mm + (
            stringWidth(self.caption, self.bold, self.size) + 3 * mm if self.caption else 0
        )
        rows: list[list[tuple[float, str]]] = [[]]
        x = x0
        for label in self.labels:
            w = BOX + 1.5 * mm + stringWidth(label, self.font, self.size) + 5 * mm
            if rows[-1] and x + w > width:
                rows.append([])
                x = x0
            rows[-1].append((x, label))
            x += w
        self._rows = rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._rows) * (BOX + 2.6 * mm) + 1 * mm
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.8)
        c.setStrokeColor(colors.black)
        y = self.height - BOX - 1 * mm
        if self.caption:
            c.setFont(self.bold, self.size)
            c.drawString(6 * mm, y + 0.6 * mm, self.caption)
        c.setFont(self.font, self.size)
        for row in self._rows:
            for x, label in row:
                c.rect(x, y, BOX, BOX, stroke=1, fill=0)
                c.drawString(x + BOX + 1.5 * mm, y + 0.6 * mm, label)
            y -= BOX + 2.6 * mm
        c.restoreState()


class WriteLines(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """A caption and ruled lines to write on."""

    def __init__(self, caption: str, lines: int = 2, gap: float = 7 * mm) -> None:
        super().__init__()
        self.caption = caption
        self.lines = lines
        self.gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 4 * mm + self.lines * self.gap
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(register("latin"), 8)
        c.setFillColor(colors.HexColor("#444444"))
        c.drawString(6 * mm, self.height - 3 * mm, self.caption)
        c.setStrokeColor(colors.HexColor("#777777"))
        c.setLineWidth(0.5)
        for n in range(1, self.lines + 1):
            y = self.height - 3 * mm - n * self.gap + 2 * mm
            c.line(6 * mm, y, self.width, y)
        c.restoreState()


def _boxes_for(item: Indicator | Question, lang: str, tr: Translator) -> list[str]:
    words = {k: tr.gettext(v) for k, v in ANSWER_WORDS.items()}
    if isinstance(item, Indicator) or item.type == "yes-no":
        return [words[k] for k in INDICATOR_BOXES]
    specials = [words["declined"], words["not-asked"]]
    if item.type in ("choice", "multi-choice"):
        return [text_for(o.label, lang) for o in item.options] + specials
    return specials


def _item_flow(
    number: str, item: Indicator | Question, lang: str, trainer: bool, tr: Translator
) -> Any:
    st = _styles()
    parts: list[Any] = [
        BidiParagraph(markup(f"{number}  {text_for(item.text, lang)}"), st["strong"])
    ]
    if item.child_text is not None and lang in (
        item.child_text if isinstance(item.child_text, dict) else {lang: ""}
    ):
        said = text_for(item.child_text, lang)
        parts.append(
            BidiParagraph(
                markup(tr.gettext("Child words: %(words)s") % {"words": said}), st["note"]
            )
        )
    if isinstance(item, Indicator):
        meta = tr.gettext("Indicator, %(strength)s") % {"strength": tr.gettext(item.strength)}
        parts.append(BidiParagraph(markup(meta), st["small"]))
    if item.danger is not None:
        parts.append(
            BidiParagraph(
                markup(
                    tr.gettext("Immediate danger if answered: %(answers)s. %(message)s")
                    % {
                        "answers": ", ".join(
                            tr.gettext(ANSWER_WORDS.get(a, a)) for a in item.danger.answers
                        ),
                        "message": text_for(item.danger.message, lang),
                    }
                ),
                st["warning"],
            )
        )
    labels = _boxes_for(item, lang, tr)
    if isinstance(item, Question) and item.type in ("text", "number", "date"):
        unit = f" ({text_for(item.unit, lang)})" if item.unit is not None else ""
        hint = {"date": "YYYY-MM-DD"}.get(item.type, "")
        parts.append(WriteLines(tr.gettext("Answer") + unit + (f", {hint}" if hint else ""), 1))
    elif isinstance(item, Question) and item.type == "multi-choice":
        parts.append(BidiParagraph(markup(tr.gettext("Tick every one that applies.")), st["small"]))
    parts.append(AnswerBoxes(labels))
    if isinstance(item, Indicator) or (
        isinstance(item, Question) and item.type in ("yes-no", "choice", "multi-choice")
    ):
        parts.append(
            AnswerBoxes(
                [tr.gettext(w) for w in SOURCE_WORDS.values()],
                caption=tr.gettext("Source:"),
                size=8,
            )
        )
        parts.append(
            WriteLines(tr.gettext("The child's own words, as said (language, read back?):"), 2)
        )
    if trainer:
        parts += _trainer_flow(item, lang, tr)
    parts.append(Spacer(1, 3 * mm))
    return KeepTogether(parts)


def _trainer_flow(item: Indicator | Question, lang: str, tr: Translator) -> list[Any]:
    st = _styles()
    out: list[Any] = []
    if item.trainer_notes is not None:
        out.append(
            BidiParagraph(
                markup(
                    tr.gettext("Trainer notes: %(notes)s")
                    % {"notes": text_for(item.trainer_notes, lang)}
                ),
                st["note"],
            )
        )
    if isinstance(item, Indicator) and item.reading is not None:
        r = item.reading
        for label, text in (
            (tr.gettext("What we see"), r.seen),
            (tr.gettext("The common narrative"), r.narrative),
            (tr.gettext("What it may mean"), r.meaning),
        ):
            out.append(BidiParagraph(markup(f"{label}: {text_for(text, lang)}"), st["small"]))
    if isinstance(item, Indicator) and item.verification_note is not None:
        out.append(
            BidiParagraph(
                markup(
                    f"{tr.gettext(item.verification)}: {text_for(item.verification_note, lang)}"
                ),
                st["small"],
            )
        )
    return out


def form_story(checklist: Checklist, lang: str, trainer: bool = False) -> list[Any]:
    """The blank form's flowables."""
    tr = Translator(lang)
    st = _styles()
    heading = tr.gettext("Blank form for trainers") if trainer else tr.gettext("Blank form")
    flow: list[Any] = [
        BidiParagraph(markup(text_for(checklist.title, lang)), st["title"]),
        BidiParagraph(
            markup(f"{heading} · {checklist.ref}"),
            st["meta"],
        ),
        Spacer(1, 2 * mm),
    ]
    for label in (
        tr.gettext("Case reference"),
        tr.gettext("Date and time"),
        tr.gettext("Worker"),
        tr.gettext("Interpreter, and language used"),
    ):
        flow.append(WriteLines(label + ":", 1, gap=6 * mm))
    flow.append(
        BidiParagraph(
            markup(
                tr.gettext(
                    "Tick one box for each item. Write the child's own words as said, in "
                    "quotation marks, apart from your own notes. The form records indicators; "
                    "it does not decide anything about the child."
                )
            ),
            st["p"],
        )
    )
    for s_no, section in enumerate(checklist.sections, start=1):
        flow.append(BidiParagraph(markup(f"{s_no}. {text_for(section.title, lang)}"), st["h2"]))
        if section.intro is not None:
            flow.append(BidiParagraph(markup(text_for(section.intro, lang)), st["note"]))
        for i_no, item in enumerate(section.items, start=1):
            flow.append(_item_flow(f"{s_no}.{i_no}", item, lang, trainer, tr))
    return flow


def form_pdf(checklist: Checklist, lang: str = "en", trainer: bool = False) -> bytes:
    """The blank form's PDF bytes."""
    tr = Translator(lang)
    return build_pdf(
        lambda: form_story(checklist, lang, trainer),
        title=tr.gettext("Blank form"),
        footer_left=f"{checklist.ref} · " + tr.gettext("Case reference") + ": ____________",
        footer_right="idcheck",
        lang=lang,
    )


def render_form(
    checklist: Checklist, target: Path | io.BytesIO, lang: str = "en", trainer: bool = False
) -> None:
    """Write the blank form to a file (atomically) or into a buffer."""
    write_atomic(form_pdf(checklist, lang, trainer), target)


def N_(text: str) -> str:
    """Marks a text for the catalogue (printed through a variable)."""
    return text


#: Texts printed through a variable: places, verification and review words.
MARKED = (
    N_("Norway"),
    N_("England and Wales"),
    N_("Scotland"),
    N_("Northern Ireland"),
    N_("verified"),
    N_("secondary"),
    N_("unverified"),
)
