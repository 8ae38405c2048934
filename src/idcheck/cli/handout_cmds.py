"""``idcheck guide`` (the offline guide on the screen or as a PDF handout) and
``idcheck checklist print`` (a checklist as a blank form to fill by hand).
Neither opens the store."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from idcheck.checklist import ChecklistError, bundled_root, find, load_entry
from idcheck.checklist import guide as guides
from idcheck.checklist.basics import text_for
from idcheck.checklist.model import Checklist
from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.cli.common import fail, unsafe_output

WIDTH = 78


def _guide(args: argparse.Namespace) -> guides.Guide:
    if args.file is not None:
        return guides.load_guide(args.file)
    return guides.bundled_guide(args.root)


def _chosen(args: argparse.Namespace, g: guides.Guide) -> list[guides.GuideSection] | str:
    """The sections asked for, or the message saying why there are none."""
    sections = guides.for_site(g, args.jurisdiction)
    if not args.topic:
        return sections
    by_id = [s for s in sections if s.id == args.topic]
    if by_id:
        return by_id
    found = [s for s in guides.search(g, args.topic, args.lang) if s in sections]
    if found:
        if len(found) > 1:
            others = ", ".join(s.id for s in found[1:])
            print(f"idcheck: --topic {args.topic!r} is also in: {others}", file=sys.stderr)
        return found[:1]
    ids = ", ".join(s.id for s in sections)
    return f"no section of the guide matches --topic {args.topic!r}; the sections: {ids}"


def _as_text(g: guides.Guide, sections: list[guides.GuideSection], lang: str) -> str:
    out = [text_for(g.title, lang), f"{g.ref} · {guides.review_note(g, lang)}", ""]
    numbers: dict[str, int] = {}
    for s in sections:
        title = s.title_in(lang)
        out += [title, "=" * len(title)]
        if s.summary is not None:
            out += [*textwrap.wrap(text_for(s.summary, lang), WIDTH), ""]
        previous = ""
        for block in guides.blocks(s.body_in(lang)):
            if previous == "bullet" and block.kind != "bullet":
                out += [""]
            if block.kind == "heading":
                out += [block.text.upper()]
            elif block.kind == "bullet":
                out += textwrap.wrap(
                    block.text, WIDTH, initial_indent="  - ", subsequent_indent="    "
                )
            else:
                for line in block.text.split("\n"):
                    out += textwrap.wrap(line, WIDTH) or [""]
                out += [""]
            previous = block.kind
        if previous == "bullet":
            out += [""]
        cited = []
        for source, where in guides.citations(g, s):
            n = numbers.setdefault(source.id, len(numbers) + 1)
            cited.append(f"[{n}]" + (f" {where}" if where else ""))
        out += ["Sources: " + "; ".join(cited), ""]
    from idcheck.report.guide_pdf import source_line

    by_id = {src.id: src for src in g.sources}
    out += ["Sources", "======="]
    for ident, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        out += textwrap.wrap(f"[{n}] {source_line(by_id[ident])}", WIDTH, subsequent_indent="    ")
    return "\n".join(out)


def cmd_guide(args: argparse.Namespace) -> int:
    if args.out is not None:
        refused = unsafe_output(args, args.out, "--out")
        if refused is not None:
            return refused
    try:
        g = _guide(args)
    except ChecklistError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        return EXIT_FAILED
    except FileNotFoundError as e:
        return fail(EXIT_USAGE, str(e))
    chosen = _chosen(args, g)
    if isinstance(chosen, str):
        return fail(EXIT_USAGE, chosen)
    if args.out is None:
        print(_as_text(g, chosen, args.lang))
        return EXIT_OK
    from idcheck.report import MissingFont
    from idcheck.report.guide_pdf import render_guide

    try:
        render_guide(g, args.out, args.lang, chosen)
    except MissingFont as e:
        return fail(EXIT_FAILED, str(e))
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
    print(f"guide ({len(chosen)} section(s), {args.lang}) written to {args.out}")
    return EXIT_OK


def cmd_checklist_print(args: argparse.Namespace) -> int:
    refused = unsafe_output(args, args.out, "--out")
    if refused is not None:
        return refused
    try:
        obj = load_entry(find(args.id, args.root or bundled_root()))
    except KeyError:
        return fail(EXIT_USAGE, f"no such checklist: {args.id} (see idcheck checklist list)")
    except (ValueError, ChecklistError) as e:
        return fail(EXIT_FAILED, str(e))
    if not isinstance(obj, Checklist):
        return fail(EXIT_USAGE, f"{args.id} is a routes file, not a checklist: nothing to fill in")
    if args.lang not in obj.worker_languages():
        langs = ", ".join(obj.worker_languages())
        return fail(EXIT_USAGE, f"{obj.ref} is not written in {args.lang!r} for workers: {langs}")
    from idcheck.report import MissingFont
    from idcheck.report.form_pdf import render_form

    try:
        render_form(obj, Path(args.out), args.lang, trainer=args.trainer)
    except MissingFont as e:
        return fail(EXIT_FAILED, str(e))
    except OSError as e:
        return fail(EXIT_USAGE, f"cannot write {args.out}: {e.strerror}")
    kind = "trainer's form" if args.trainer else "blank form"
    print(f"{kind} of {obj.ref} ({args.lang}) written to {args.out}")
    return EXIT_OK
