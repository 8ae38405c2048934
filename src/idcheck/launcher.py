"""The one place that decides between the window and the command line.

``idcheck`` with no subcommand opens the window, and so does ``idcheck demo``
(training mode, the same as ``idcheck --training``); anything else is the headless
command line, which never imports Qt (so it runs on a server with no GL).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

_GUI_ONLY_FLAGS = {"--data-dir", "--training", "--text-size", "--lang"}
_WITH_VALUE = ("--data-dir", "--text-size", "--lang")


def _wants_window(argv: Sequence[str]) -> bool:
    """True when argv holds no subcommand, only window options."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head in _GUI_ONLY_FLAGS:
            if head in _WITH_VALUE and rest:
                rest.pop(0)
            continue
        if head.startswith(tuple(f"{flag}=" for flag in _WITH_VALUE)):
            continue
        return False
    return True


def no_core_dumps() -> None:
    """A crash must not write the process memory (the database key, the answers
    on screen) to a core file in clear. POSIX only; elsewhere there is nothing to do."""
    try:
        import resource
    except ImportError:  # Windows
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def no_validation_plugins() -> None:
    """pydantic loads every installed package's ``pydantic`` plugin (entry points)
    and hands it each value it validates: the child's answers and names would reach
    code the project never chose, some of which sends what it sees over the
    network. None is loaded, whatever the environment says (it also spares the
    scan of every installed package's metadata at the first model built)."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"


def main(argv: Sequence[str] | None = None) -> int:
    no_core_dumps()
    no_validation_plugins()
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--trail-check-process"]:  # db verify's chain check (trail_check.FLAG)
        from idcheck.trail_check import main as trail_check

        return trail_check()
    if args[:1] == ["demo"]:  # training mode is a window: synthetic cases only
        args = ["--training", *args[1:]]
    if _wants_window(args):
        from idcheck.gui.app import run_window

        return int(run_window(args))
    from idcheck.cli import main as cli_main

    rc = cli_main(args)
    if argv is None:
        at_the_end_of_the_program()
    return rc


def at_the_end_of_the_program() -> None:
    """Run as the program (``argv`` read from the command line), the process ends
    with the command: what it has built (every model class, the checklists read)
    is put out of the collector's reach, so the interpreter's last collection does
    not walk all of it again, some 25 ms of every command. The store is closed by
    then (each command locks it in a ``finally``), output is flushed at exit as
    ever, and the operating system frees the memory."""
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
