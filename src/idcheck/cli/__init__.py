"""The headless command line: ``idcheck SUBCOMMAND ...``.

The parser is built by :mod:`idcheck.cli.commands`, which imports nothing heavy;
each group of subcommands has its handlers in its own module (``store_cmds``,
``checklist_cmds``, ...), imported only when one of them runs, and what they
share (reading a password, opening the store, exit codes for its errors) is in
:mod:`idcheck.cli.common`. Handlers return
the process exit code:
0 success, 1 a check or validation failed, 2 usage or bad input,
3 the store could not be opened, 4 not allowed (an administrator's command run
by a worker; nothing changed). Never imports Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from idcheck import __version__

__all__ = [
    "EXIT_DENIED",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_STORE",
    "EXIT_USAGE",
    "Handler",
    "build_parser",
    "main",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_DENIED = 4

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    from idcheck.cli import commands, followup_args

    parser = argparse.ArgumentParser(
        prog="idcheck",
        description="Screening for possible child trafficking: checklists, encrypted store, "
        "referral summaries. With no subcommand, opens the window; 'idcheck demo' opens it "
        "in training mode.",
    )
    parser.add_argument("--version", action="version", version=f"idcheck {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation without a window"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the store lives (default: the user data folder; IDCHECK_DATA_DIR overrides)",
    )
    parser.add_argument(
        "--training",
        action="store_true",
        help="open the window in training mode (the same as 'idcheck demo')",
    )
    parser.add_argument(
        "--text-size",
        dest="window_text_size",
        choices=["100", "150", "200"],
        help="the window's text size for this run, over the one kept in Settings "
        "('idcheck demo --text-size 200' for a projector)",
    )
    parser.add_argument(
        "--lang",
        dest="window_lang",
        metavar="CODE",
        help="the window's language for this run (en, nb), over the one kept in Settings",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Never parsed here: the launcher opens the window for it. Listed so that
    # `idcheck --help` names it.
    sub.add_parser(
        "demo",
        help="training mode: the window on a throw-away store of six synthetic cases "
        "(your own store is never opened)",
    )
    for register in (
        commands.register_checklist,
        commands.register_store,
        commands.register_site,
        commands.register_interface,
        commands.register_report,
        commands.register_plan,
        commands.register_stats,
        commands.register_letter,
        commands.register_guide,
        followup_args.register_followup,
        commands.register_export,
        commands.register_sharing,
    ):
        register(sub)
    return parser


#: 128 + SIGPIPE, as a shell reports a program whose reader went away.
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    handler: Handler | None = getattr(args, "handler", None)
    if args.self_test:
        from idcheck.selftest import run

        return run()
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    if args.window_text_size is not None or args.window_lang is not None:
        print(
            f"idcheck: --text-size and --lang are the window's (idcheck, idcheck demo), "
            f"not 'idcheck {args.command}'s; nothing was done",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        code = handler(args)
        sys.stdout.flush()  # a reader gone is found here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        # The output was cut short (`idcheck case show REF | head`): what was done
        # is done; the rest of the output goes nowhere, without a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
