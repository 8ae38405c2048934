"""The guide handout, the blank form and the training watermark, read from the
word positions on the printed pages (pdftotext -bbox)."""

from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from idcheck.checklist import guide, load_bundled
from idcheck.report.form_pdf import form_pdf
from idcheck.report.guide_pdf import guide_pdf
from idcheck.watermark import training_prints


def pages(data: bytes, tmp_path: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (x, y, word)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    result: list[list[tuple[float, float, str]]] = []
    for row in out.splitlines():
        if "<page " in row:
            result.append([])
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', row
        )
        if m:
            result[-1].append((float(m.group(1)), float(m.group(2)), html.unescape(m.group(3))))
    return result


def test_a_blank_form_has_the_five_boxes_beside_each_indicator(tmp_path):
    checklist = load_bundled("intake-screen")
    rows: dict[tuple[int, int], list[str]] = {}
    for n, page in enumerate(pages(form_pdf(checklist, "en"), tmp_path)):
        for _x, y, w in page:
            rows.setdefault((n, round(y)), []).append(w)
    five = [
        r for r in rows.values() if r[:6] == ["yes", "no", "unsure", "declined", "not", "asked"]
    ]
    yes_no = sum(1 for _s, it in checklist.items() if it.option_ids() == ("yes", "no", "unsure"))
    assert len(five) == yes_no


def test_the_watermark_is_on_every_page_in_training_only(tmp_path):
    checklist = load_bundled("child-trafficking-full")
    # The watermark is drawn rotated; pdftotext -bbox leaves rotated words out,
    # so each page's text is read with pypdf.
    with training_prints():
        marked = PdfReader(io.BytesIO(form_pdf(checklist, "nb"))).pages
    plain = PdfReader(io.BytesIO(form_pdf(checklist, "nb"))).pages
    assert len(marked) > 3
    assert all("OPPLÆRING" in p.extract_text() for p in marked)
    assert not any("OPPLÆRING" in p.extract_text() for p in plain)


def test_the_guide_handout_has_its_sections_and_citations(tmp_path):
    g = guide.bundled_guide()
    text = " ".join(w for p in pages(guide_pdf(g, "en"), tmp_path) for _x, _y, w in p)
    for s in g.sections:
        assert s.title_in("en").split(":")[0].split()[0] in text
    assert "Sources:" in text and "[1]" in text
    assert "Modern Slavery Act 2015" in text
