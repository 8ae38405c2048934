"""The statistics as a PDF: on page 1 a bar chart of screenings per period and a
table per category, on page 2 the follow-up of the children first met in the
period (:mod:`idcheck.report.followup_stats`), all with the suppressed figures
(:mod:`idcheck.report.stats`).

A suppressed period gets no bar, only its mark (``<5`` or ``x``), so the chart
never shows more than the tables do.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from idcheck.report.followup_stats import (
    FOLLOWUP_LABELS,
    FOLLOWUP_UNIT,
    FollowupStats,
)
from idcheck.report.fonts import register
from idcheck.report.pdf import _styles, build_pdf, markup, write_atomic
from idcheck.report.stats import ALL, SUPPRESSION_NOTE, Stats, unit

BAR = colors.HexColor("#2b5a7a")
SHORT = {
    "sex": "Sex",
    "age-band": "Age band",
    "minor": "Under 18",
    "form": "Exploitation form",
    "identified-by": "Who identified the child",
    "outcome": "Outcome",
}
READING = (
    "Age: the assessed age, else the age the child gives. Exploitation form: from the "
    "indicators answered yes; a screening may show several forms, or none. Outcome: the "
    "professional's decision, else what the rules suggested."
)

FOLLOWUP_READING = (
    "Safe placement: the first task of the safe-placement clock marked done. Referrals: the "
    "first referral sent to each recipient, counted from first contact; states as they are "
    "now. Found after every episode: no missing episode of the child is still open."
)


def nice_step(top: int) -> int:
    """1, 2, 5, 10, 20, 50 ...: the first step giving at most five grid lines."""
    step = 1
    while top / step > 5:
        for m in (2, 5 / 2, 2):
            step = int(step * m)
            if top / step <= 5:
                break
    return step


def chart(stats: Stats, width: float, height: float = 46 * mm) -> Drawing:
    """Completed screenings per period; suppressed periods carry their mark, no bar."""
    font = register("latin")
    shown = [stats.total(p) for p in stats.periods]
    values = [v if isinstance(v, int) else 0 for v in shown]
    d = Drawing(width, height, initialFontName=font)
    c = VerticalBarChart()
    c.x, c.y = 26, 24
    c.width, c.height = width - 36, height - 34
    c.data = [values]
    c.bars[0].fillColor = BAR
    c.bars[0].strokeColor = None
    c.valueAxis.valueMin = 0
    top = max([*values, 5])
    c.valueAxis.valueMax = top * 1.15
    c.valueAxis.valueStep = nice_step(top)
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 7
    c.categoryAxis.categoryNames = list(stats.periods)
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 6.5 if len(stats.periods) > 12 else 7
    if len(stats.periods) > 12:
        c.categoryAxis.labels.angle = 45
        c.categoryAxis.labels.boxAnchor = "ne"
    c.barLabels.fontName = font
    d.add(c)
    step = c.width / max(1, len(values))
    for i, v in enumerate(shown):
        x = c.x + step * (i + 0.5)
        y = c.y + (values[i] / c.valueAxis.valueMax) * c.height + 2
        d.add(String(x, y, str(v), fontName=font, fontSize=7, textAnchor="middle"))
    return d


FOLLOWUP_SHORT = {
    "placement": "Safe placement (from first contact)",
    "referral-time": "Referrals (from first contact)",
    "referral-state": "Referrals by state",
    "missing": "Went missing",
}


def _table(stats: Stats, table: str, width: float) -> Table:
    rows = [(stats.label(table, c), stats.shown((table, c, ALL))) for c in stats.categories[table]]
    return _boxed(SHORT.get(table, table), rows, width)


def _followup_table(f: FollowupStats, table: str, width: float) -> Table:
    rows = [(words, f.shown((table, c, ALL))) for c, words in FOLLOWUP_LABELS[table].items()]
    return _boxed(FOLLOWUP_SHORT[table], rows, width)


def _grid(tables: list[Table], half: float) -> Table:
    grid = [
        tables[i : i + 2] + [""] * (2 - len(tables[i : i + 2])) for i in range(0, len(tables), 2)
    ]
    g = Table(grid, colWidths=[half + 3 * mm, half + 3 * mm])
    g.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), register("latin")),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return g


def _boxed(title: str, shown: list[tuple[str, int | str]], width: float) -> Table:
    styles = _styles()
    rows: list[list[Any]] = [[Paragraph(title, styles["h3"]), ""]]
    for words, value in shown:
        rows.append([markup(words), str(value)])
    if len(rows) == 1:
        rows.append(["none", "0"])
    t = Table(
        [[Paragraph(r[0], styles["small"]) if isinstance(r[0], str) else r[0], r[1]] for r in rows],
        colWidths=[width - 16 * mm, 14 * mm],
    )
    t.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("FONTNAME", (0, 0), (-1, -1), register("latin")),
                ("FONTSIZE", (1, 1), (1, -1), 8.5),
                ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.HexColor("#cccccc")),
                ("TOPPADDING", (0, 1), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 0.5),
            ]
        )
    )
    return t


def stats_story(stats: Stats) -> list[Any]:
    styles = _styles()
    frame = 210 * mm - 36 * mm
    half = frame / 2 - 3 * mm
    flow: list[Any] = [
        Paragraph("Anonymised statistics", styles["title"]),
        Paragraph(
            markup(
                f"From {stats.since.isoformat()} to {stats.until.isoformat()}, by {stats.by}. "
                f"Counted: {unit(stats)}."
            ),
            styles["meta"],
        ),
        Paragraph(
            markup(f"In all: {stats.total()} completed screenings. {SUPPRESSION_NOTE}"),
            styles["meta"],
        ),
        Paragraph(
            "No names, case references or free text are held in these figures. "
            "They count what was recorded, not what happened to any child.",
            styles["meta"],
        ),
        Spacer(1, 2 * mm),
        Paragraph(f"Completed screenings per {stats.by}", styles["h3"]),
        chart(stats, frame),
        Spacer(1, 2 * mm),
    ]
    flow.append(_grid([_table(stats, t, half) for t in stats.categories], half))
    flow.append(Spacer(1, 2 * mm))
    flow.append(
        Paragraph(
            f"{READING} Counts for each {stats.by} are in the CSV and JSON exports of the "
            "same figures.",
            styles["small"],
        )
    )
    f = stats.followup
    if f is not None:  # its own page: the screenings' page stays as it was
        flow.append(PageBreak())
        flow.append(Paragraph("Follow-up", styles["title"]))
        flow.append(
            Paragraph(
                markup(
                    f"Counted: {FOLLOWUP_UNIT}. Median hours from first contact to a safe "
                    f"placement: {f.median('placement')}; to a referral: "
                    f"{f.median('referral')} (shown over five or more). Recipients are "
                    "not named."
                ),
                styles["meta"],
            )
        )
        flow.append(_grid([_followup_table(f, t, half) for t in FOLLOWUP_LABELS], half))
        flow.append(Spacer(1, 2 * mm))
        flow.append(
            Paragraph(
                f"{FOLLOWUP_READING} Counts for each {stats.by} are in the CSV and JSON "
                "exports of the same figures.",
                styles["small"],
            )
        )
    return flow


def render_stats_pdf(stats: Stats, target: Path | io.BytesIO) -> None:
    """The screenings' page and the follow-up's (atomically written, or into a buffer)."""
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    data = build_pdf(
        lambda: stats_story(stats),
        title=f"Anonymised statistics {stats.since} to {stats.until}",
        footer_left="anonymised statistics · no personal data"
        + (f" · audit {stats.audit_head}" if stats.audit_head else ""),
        footer_right=f"idcheck · {now}",
    )
    write_atomic(data, target)
