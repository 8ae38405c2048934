"""A referral printed in training mode says TRAINING on every page, as a reader
sees it: the referral of a screening completed in a training store, made as the
window's preview and ``idcheck report`` make it (report.export.make_referral),
read page by page with pypdfium2 — the watermark's words where they are drawn
(large, corner to corner through the middle of the page) and the page image
(the letters tinted in the watermark's colour there, and only because of it)."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pytest

from idcheck.report.export import make_referral
from idcheck.report.pdf import referral_pdf
from idcheck.training import TrainingStore

WORDS = {
    "en": ("TRAINING", "Training only: not a real child"),
    "nb": ("OPPLÆRING", "Kun til opplæring: ikke et virkelig barn"),
}
#: A letter of the watermark is drawn 100+ pt high; a word of the text, ~10 pt.
BIG = 50


def _hits(text_page, word: str) -> list[list[tuple[float, float, float, float]]]:
    """The char boxes (left, bottom, right, top; PDF points) of each place ``word``
    is on the page."""
    found = []
    search = text_page.search(word, match_case=True)
    while (hit := search.get_next()) is not None:
        start, count = hit
        found.append([text_page.get_charbox(start + i) for i in range(count)])
    return found


def _tint(image, height: float, box: tuple[float, float, float, float]) -> float:
    """The share of the box's pixels in the watermark's red over the page (the
    image is rendered at 1 pixel a point)."""
    left, bottom, right, top = box
    pixels = image.load()
    seen = tinted = 0
    for x in range(max(0, int(left)), min(image.width, int(right))):
        for y in range(max(0, int(height - top)), min(image.height, int(height - bottom))):
            r, g, b = pixels[x, y]
            seen += 1
            tinted += r >= 150 and r - g >= 15 and r - b >= 8
    return tinted / max(1, seen)


def _longest_training_referral(lang: str) -> tuple[bytes, bytes, str]:
    """The training store's completed screening whose referral in ``lang`` has the
    most pages: its PDF made in training, the same summary printed outside
    training (no watermark), and the case's reference."""
    with TrainingStore() as training:
        store = training.store
        made = []
        for case in store.list_cases():
            for row in store.list_screenings(case.id):
                if row.status == "completed":
                    doc, summary = make_referral(store, row.id, lang=lang)
                    made.append((len(pdfium.PdfDocument(doc.data)), doc.data, summary))
        assert len(made) >= 4, "the training store has completed screenings to refer"
        _pages, data, summary = max(made, key=lambda m: m[0])
    ordinary = referral_pdf(summary)  # the training store is gone: not in training now
    return data, ordinary, summary.case_reference


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_every_page_of_a_training_referral_carries_the_watermark(lang):
    big, small = WORDS[lang]
    data, ordinary, reference = _longest_training_referral(lang)
    assert reference.startswith("TRAIN-")
    pdf = pdfium.PdfDocument(data)
    plain = pdfium.PdfDocument(ordinary)
    assert len(pdf) >= 2 and len(plain) == len(pdf)
    for n in range(len(pdf)):
        page = pdf[n]
        width, height = page.get_size()
        text = page.get_textpage()
        marks = [boxes for boxes in _hits(text, big) if boxes[0][3] - boxes[0][1] > BIG]
        assert len(marks) == 1, f"page {n + 1}: {len(marks)} large {big!r}"
        boxes = marks[0]
        centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in boxes]
        (x0, y0), (x1, y1) = centres[0], centres[-1]
        # corner to corner: from lower left to upper right, along the page's diagonal
        assert x1 > x0 and y1 > y0
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        assert angle == pytest.approx(math.degrees(math.atan2(height, width)), abs=3)
        assert x1 - x0 > 0.45 * width and y1 - y0 > 0.45 * height
        middle_x = sum(x for x, _ in centres) / len(centres)
        middle_y = sum(y for _, y in centres) / len(centres)
        assert abs(middle_x - width / 2) < 0.05 * width
        assert abs(middle_y - height / 2) < 0.05 * height
        assert _hits(text, small), f"page {n + 1}: no {small!r}"

        # the page image: the letters are there in the watermark's colour...
        image = page.render(scale=1).to_pil().convert("RGB")
        on_word = [_tint(image, height, b) for b in boxes]
        assert min(on_word) > 0.15, f"page {n + 1}: {on_word}"
        # ...not on the other diagonal (the page's own text, mirrored boxes)...
        far = boxes[:2] + boxes[-2:]
        mirrored = [_tint(image, height, (width - b[2], b[1], width - b[0], b[3])) for b in far]
        assert max(mirrored) < 0.03, f"page {n + 1}: {mirrored}"
        # ...and the same page printed outside training has neither word nor tint there
        same = plain[n]
        assert not [b for b in _hits(same.get_textpage(), big) if b[0][3] - b[0][1] > BIG]
        assert not _hits(same.get_textpage(), small)
        clean = same.render(scale=1).to_pil().convert("RGB")
        assert max(_tint(clean, height, b) for b in boxes) < 0.03
