"""``db verify``'s check of the audit chain in a process of its own, so that it
runs on another core beside the content check (both are Python, which one
process runs on one core at a time) and SQLite's whole-file checks.

The process is this program again (:mod:`idcheck.launcher` hands it to
:func:`idcheck.trail_check.main`), started with a flag and nothing else: the
keys it needs travel through its standard input, never an argument, the
environment, a file or a log. It opens the store's file read-only with them,
checks rows 1 to ``upto`` (the head the caller's transaction sees) and writes
what it found to its standard output.

When the process cannot be started, reports an error (a damaged file) or exits
without an answer, the caller checks the chain in its own process, as before,
and says so. When a signal ends it (killed, crashed), the verify says the chain
was not checked and fails: it never passes without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from idcheck.trail_check import FLAG, ChainResult

#: Called with each process as soon as it is started (tests use it to end one).
on_start: list[Callable[[subprocess.Popen[bytes]], None]] = []


class Failed(Exception):
    """The process could not check (it reported an error, or exited without an
    answer): check in this process instead."""


class Ended(Exception):
    """The process was ended by a signal before it answered (its exit code in
    the message): the verify fails."""


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # the built application: its own executable
        return [sys.executable, FLAG]
    return [sys.executable, "-m", "idcheck", FLAG]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        # The same idcheck as this process, wherever it was imported from.
        here = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    return env


class ChainProcess:
    """One running check; :meth:`result` waits for it."""

    def __init__(
        self, path: Path, db_key: bytes | bytearray, mac_key: bytes | bytearray, upto: int
    ) -> None:
        self._proc = subprocess.Popen(  # noqa: S603 (this program, with a fixed flag)
            _command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_environment(),
        )
        for hook in on_start:
            hook(self._proc)
        request = {
            "path": str(path),
            "db_key": bytes(db_key).hex(),
            "mac_key": bytes(mac_key).hex(),
            "upto": upto,
        }
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            self._proc.stdin.close()
        except OSError:  # it has ended already: result() says so
            pass

    def result(self) -> ChainResult:
        """What the process found; raises :class:`Ended` when it was ended by a
        signal (killed), :class:`Failed` when it could not check (an error it
        reported, or it exited without an answer)."""
        assert self._proc.stdout is not None
        out = self._proc.stdout.read()
        code = self._proc.wait()
        if code < 0:
            raise Ended(f"exit code {code}")
        try:
            answer = json.loads(out)
            if "error" in answer:
                raise Failed(str(answer["error"]))
            if code != 0:
                raise ValueError(code)
            return ChainResult.from_dict(answer)
        except (ValueError, KeyError, TypeError) as e:
            raise Failed(f"exit code {code}, {type(e).__name__}") from None

    def stop(self) -> None:
        """End the process if it still runs (the caller gave up waiting)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()


def start(
    path: Path, db_key: bytes | bytearray, mac_key: bytes | bytearray, upto: int
) -> ChainProcess | None:
    """The check started, or None when no process could be started."""
    try:
        return ChainProcess(path, db_key, mac_key, upto)
    except OSError:
        return None
