"""``idcheck checklist list|lint|diff|lock``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("checklist", help="list, lint, diff and lock checklists")
    p.add_subparsers(dest="checklist_command", metavar="ACTION")
