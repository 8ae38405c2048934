"""Every subcommand's options, and which function runs it.

Building the parser imports nothing heavy: each handler is named here by module
and function, and its module (with the store, the report or the checklist
models it needs) is imported only when that subcommand runs. ``idcheck --help``
and ``idcheck --version`` therefore start in a few tens of milliseconds.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import ClassVar, TypeAlias

from idcheck.choices import JURISDICTIONS, LETTER_RECIPIENTS, PRINT_LANGUAGES

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Lazy:
    """A handler imported when called: ``Lazy('store_cmds', 'cmd_init')(args)``."""

    __slots__ = ("function", "module")

    #: Every handler made, in order: what a parser built here can run (a test
    #: checks that each names a function that exists).
    made: ClassVar[list[Lazy]] = []

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function
        Lazy.made.append(self)

    def __call__(self, args: argparse.Namespace) -> int:
        module = importlib.import_module(f"idcheck.cli.{self.module}")
        return int(getattr(module, self.function)(args))

    def __repr__(self) -> str:
        return f"Lazy({self.module!r}, {self.function!r})"


def _opener(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F", help="read the password from F ('-': stdin)")
    return p


def register_checklist(sub: Subparsers) -> None:
    p = sub.add_parser("checklist", help="list, lint, diff and lock checklists")
    actions = p.add_subparsers(dest="checklist_command", metavar="ACTION", required=True)

    def with_root(q: argparse.ArgumentParser) -> argparse.ArgumentParser:
        q.add_argument(
            "--root", type=Path, default=None, help="checklists folder (default: the installed one)"
        )
        return q

    def run(name: str) -> Lazy:
        return Lazy("checklist_cmds", name)

    with_root(actions.add_parser("list", help="installed checklists and routes")).set_defaults(
        handler=run("cmd_list")
    )
    q = with_root(actions.add_parser("lint", help="validate files; PATH:LINE:COL errors"))
    q.add_argument("paths", nargs="+", metavar="PATH")
    q.set_defaults(handler=run("cmd_lint"))
    q = with_root(actions.add_parser("diff", help="what changed between two versions"))
    q.add_argument("id")
    q.add_argument("old")
    q.add_argument("new")
    q.set_defaults(handler=run("cmd_diff"))
    q = with_root(
        actions.add_parser("print", help="a checklist as a blank form to fill by hand (PDF)")
    )
    q.add_argument("id", metavar="ID[@VER]")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    q.add_argument("--lang", choices=list(PRINT_LANGUAGES), default="en")
    q.add_argument("--trainer", action="store_true", help="add trainer notes and readings")
    q.set_defaults(handler=Lazy("handout_cmds", "cmd_checklist_print"))
    q = with_root(actions.add_parser("lock", help="write or check checklists.lock"))
    q.add_argument("--check", action="store_true", help="fail if a published file changed")
    q.set_defaults(handler=run("cmd_lock"))


def register_store(sub: Subparsers) -> None:
    def run(name: str) -> Lazy:
        return Lazy("store_cmds", name)

    # No abbreviated options: "--password SECRET" must not pass for "--password-file".
    p = sub.add_parser(
        "init", help="create the encrypted store and the first (admin) account", allow_abbrev=False
    )
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F")
    p.set_defaults(handler=run("cmd_init"))

    u = sub.add_parser("user", help="list, add, change or disable accounts", allow_abbrev=False)
    ua = u.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = _opener(ua.add_parser("add", help="add an account (administrators)", allow_abbrev=False))
    q.add_argument("name")
    q.add_argument("--role", choices=["worker", "admin"], default="worker")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=run("cmd_user_add"))
    q = _opener(
        ua.add_parser(
            "list", help="every account: name, role, active or disabled", allow_abbrev=False
        )
    )
    q.set_defaults(handler=run("cmd_user_list"))
    q = _opener(
        ua.add_parser("passwd", help="change your password, or reset another's", allow_abbrev=False)
    )
    q.add_argument("name", nargs="?", help="reset this user's password (administrators)")
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=run("cmd_user_passwd"))
    q = _opener(
        ua.add_parser("disable", help="disable an account (administrators)", allow_abbrev=False)
    )
    q.add_argument("name")
    q.set_defaults(handler=run("cmd_user_disable"))
    q = _opener(
        ua.add_parser(
            "new-recovery-key",
            help="replace the recovery key; the old one stops working (administrators)",
            allow_abbrev=False,
        )
    )
    q.set_defaults(handler=run("cmd_user_new_recovery_key"))
    q = ua.add_parser(
        "recover",
        help="set a forgotten password with the recovery key (a new recovery key is printed)",
        allow_abbrev=False,
    )
    q.add_argument("name")
    q.add_argument(
        "--recovery-key-file", metavar="F", help="read the recovery key from F ('-': stdin)"
    )
    q.add_argument("--new-password-file", metavar="F")
    q.set_defaults(handler=run("cmd_user_recover"))

    q = _opener(
        sub.add_parser(
            "screen", help="record a whole screening from an answers file", allow_abbrev=False
        )
    )
    q.add_argument("--checklist", required=True, metavar="ID[@VER]")
    q.add_argument("--answers", required=True, type=Path, metavar="FILE.yaml")
    q.add_argument("--case", metavar="REF", help="the case reference (created if new)")
    q.set_defaults(handler=run("cmd_screen"))

    d = sub.add_parser(
        "db", help="verify, back up or restore the store; apply retention", allow_abbrev=False
    )
    da = d.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    q = _opener(
        da.add_parser("verify", help="integrity checks and the audit chain", allow_abbrev=False)
    )
    q.add_argument("--anchor", metavar="SEQ:HASH", help="a head printed on a report")
    q.set_defaults(handler=run("cmd_db_verify"))
    q = _opener(da.add_parser("backup", help="an encrypted copy in one file", allow_abbrev=False))
    q.add_argument("file", type=Path)
    q.set_defaults(handler=run("cmd_db_backup"))
    q = _opener(
        da.add_parser("restore", help="replace the store by a checked backup", allow_abbrev=False)
    )
    q.add_argument("file", type=Path)
    q.add_argument(
        "--other-store",
        action="store_true",
        help="the backup is of another store: replace this one with it all the same",
    )
    q.set_defaults(handler=run("cmd_db_restore"))
    q = _opener(
        da.add_parser(
            "retention",
            help="delete the closed cases older than the retention time (administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument("--yes", action="store_true", help="delete them (it cannot be undone)")
    q.set_defaults(handler=Lazy("site_cmds", "cmd_db_retention"))


def register_site(sub: Subparsers) -> None:
    s = sub.add_parser(
        "site",
        help="show or set the site profile, its settings and contacts (setting: administrators)",
        allow_abbrev=False,
    )
    sa = s.add_subparsers(dest="site_command", metavar="ACTION", required=True)
    q = _opener(sa.add_parser("show", help="the site profile", allow_abbrev=False))
    q.set_defaults(handler=Lazy("site_cmds", "cmd_site_show"))
    q = _opener(
        sa.add_parser(
            "set",
            help="change the site profile (administrators); fields not given stay as they are",
            allow_abbrev=False,
        )
    )
    q.add_argument("--name", metavar="N", help="the site's name, printed on every document")
    q.add_argument(
        "--jurisdiction",
        metavar="CODE",
        help="one of: " + ", ".join(f"{k} ({v})" for k, v in JURISDICTIONS.items()),
    )
    q.add_argument("--phone", metavar="P", help="the site's own phone number")
    q.add_argument("--address", metavar="A", help="the site's address (new lines allowed)")
    q.add_argument(
        "--print-language",
        metavar="L",
        help="the language documents are printed in: " + ", ".join(PRINT_LANGUAGES),
    )
    q.add_argument(
        "--routes",
        metavar="ID[,ID]",
        help="the routes files the site uses (such as routes-no); '' for every installed "
        "routes file of the site's country",
    )
    q.add_argument(
        "--idle-minutes",
        metavar="N",
        help="minutes of inactivity before the window locks (1 to 60; 5 at first)",
    )
    q.add_argument(
        "--retention-years",
        metavar="N",
        help="years a closed case is kept (0: every case, as at first; "
        "'idcheck db retention' deletes the older ones)",
    )
    q.set_defaults(handler=Lazy("site_cmds", "cmd_site_set"))
    q = _opener(
        sa.add_parser(
            "contacts",
            help="the local contacts the danger stop and the referral name; "
            "--load replaces them (administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument(
        "--load",
        metavar="FILE.yaml",
        type=Path,
        help="a site directory file (such as checklists/directory.yaml)",
    )
    q.set_defaults(handler=Lazy("site_cmds", "cmd_site_contacts"))


def register_interface(sub: Subparsers) -> None:
    """This computer's window settings: no store, no password (nothing about a child)."""
    p = sub.add_parser(
        "interface",
        help="show or set this computer's window settings: language, text size, walk-through "
        "(no password)",
        allow_abbrev=False,
    )
    pa = p.add_subparsers(dest="interface_command", metavar="ACTION", required=True)
    q = pa.add_parser(
        "show", help="the settings and the files they are kept in", allow_abbrev=False
    )
    q.set_defaults(handler=Lazy("interface_cmds", "cmd_interface_show"))
    q = pa.add_parser(
        "set", help="change them; settings not given stay as they are", allow_abbrev=False
    )
    q.add_argument(
        "--language",
        metavar="CODE|system",
        help="the interface language (en, nb), or system for the computer's",
    )
    q.add_argument("--text-size", metavar="100|150|200", help="the text size in percent")
    q.add_argument(
        "--walk", metavar="item|section", help="the walk-through: one item or one section at a time"
    )
    q.set_defaults(handler=Lazy("interface_cmds", "cmd_interface_set"))


def register_report(sub: Subparsers) -> None:
    q = _opener(sub.add_parser("report", help="the referral summary of a screening, as PDF"))
    q.add_argument("screening_id", type=int, metavar="SCREENING_ID")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    q.add_argument(
        "--lang",
        choices=list(PRINT_LANGUAGES),
        default=None,
        help="language of the printed referral (default: the site's print language)",
    )
    q.add_argument("--names", action="store_true", help="print the child's names (off by default)")
    q.set_defaults(handler=Lazy("report_cmds", "cmd_report"))


def register_plan(sub: Subparsers) -> None:
    p = sub.add_parser("plan", help="a child's individual plan", allow_abbrev=False)
    actions = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    q = _opener(actions.add_parser("print", help="the case's newest plan as PDF"))
    q.add_argument("reference", metavar="REF")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    q.add_argument(
        "--lang",
        choices=list(PRINT_LANGUAGES),
        default=None,
        help="language of the printed plan (default: the site's print language)",
    )
    q.add_argument("--names", action="store_true", help="print the child's names (off by default)")
    q.set_defaults(handler=Lazy("plan_cmds", "cmd_plan_print"))


def register_stats(sub: Subparsers) -> None:
    q = _opener(
        sub.add_parser(
            "stats",
            help="anonymised counts of completed screenings (administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument("--from", dest="since", required=True, metavar="DATE", help="YYYY-MM-DD")
    q.add_argument(
        "--to", dest="until", required=True, metavar="DATE", help="YYYY-MM-DD (included)"
    )
    q.add_argument("--by", choices=["month", "year"], default="month")
    q.add_argument("--format", choices=["csv", "json"], default="csv")
    q.add_argument(
        "--checklist",
        metavar="ID",
        help="count only screenings made with this checklist (e.g. child-trafficking-full)",
    )
    q.add_argument("--out", type=Path, metavar="FILE", help="write here instead of the screen")
    q.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="also a one-page PDF with a chart")
    q.set_defaults(handler=Lazy("stats_cmds", "cmd_stats"))


def register_letter(sub: Subparsers) -> None:
    q = _opener(
        sub.add_parser(
            "letter",
            help="a support letter (guardian, lawyer, asylum case) from confirmed facts",
            allow_abbrev=False,
        )
    )
    q.add_argument("screening_id", type=int, metavar="SCREENING_ID")
    q.add_argument("--list", action="store_true", help="list the facts that can be confirmed")
    q.add_argument("--facts", metavar="all|ID,ID", help="the facts you confirm")
    q.add_argument("--out", type=Path, metavar="FILE.pdf")
    q.add_argument(
        "--for",
        dest="recipient",
        choices=list(LETTER_RECIPIENTS),
        default="guardian",
        help="who the letter is for (default: guardian)",
    )
    q.add_argument("--names", action="store_true", help="print the child's names (off by default)")
    q.add_argument(
        "--lang",
        choices=list(PRINT_LANGUAGES),
        default=None,
        help="language of the printed letter (default: the site's print language)",
    )
    q.set_defaults(handler=Lazy("letter_cmds", "cmd_letter"))


def register_guide(sub: Subparsers) -> None:
    q = sub.add_parser(
        "guide",
        help="the offline guide (identification and follow-up): on the screen or as a PDF handout",
        allow_abbrev=False,
    )
    q.add_argument("--topic", metavar="T", help="one section: its id, or words it holds")
    q.add_argument("--out", type=Path, metavar="FILE.pdf", help="write a PDF handout here")
    q.add_argument("--lang", choices=list(PRINT_LANGUAGES), default="en")
    q.add_argument(
        "--jurisdiction",
        choices=list(JURISDICTIONS),
        default=None,
        help="only the duties of this place (default: every place)",
    )
    q.add_argument(
        "--file", type=Path, metavar="F", help="a guide file instead of the installed one"
    )
    q.add_argument(
        "--root", type=Path, default=None, help="checklists folder (default: the installed one)"
    )
    q.set_defaults(handler=Lazy("handout_cmds", "cmd_guide"))


def register_export(sub: Subparsers) -> None:
    q = _opener(
        sub.add_parser(
            "export",
            help="a case for another agency (--format package), or cases in the IOM Human "
            "Trafficking Case Data Standard (--format htcds; administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument(
        "reference", nargs="?", metavar="REF", help="the case's reference (htcds: default all)"
    )
    q.add_argument("--format", choices=["package", "htcds"], default="package")
    q.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="RECIPIENT",
        help="package: a recipient from the site directory, or an age public key (repeatable)",
    )
    q.add_argument(
        "--pdf", action="store_true", help="package: the referral PDF alone, for the age tool"
    )
    q.add_argument(
        "--all-changed-since-last-transfer",
        action="store_true",
        dest="changed",
        help="package: every case changed since the last package sent to the recipient",
    )
    q.add_argument(
        "--anonymised",
        action="store_true",
        help="htcds: for national monitoring (no names, references, dates or free text; "
        "age bands; small cells suppressed)",
    )
    q.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="package: the file to write; htcds: FILE.json or FILE.csv",
    )
    q.set_defaults(handler=Lazy("export_cmds", "cmd_export"))


def register_sharing(sub: Subparsers) -> None:
    """keys, recipient and import: sharing a case between stores (export: above)."""
    k = sub.add_parser("keys", help="this store's public keys and fingerprint", allow_abbrev=False)
    ka = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    q = _opener(
        ka.add_parser(
            "show", help="the public keys and the fingerprint to read out", allow_abbrev=False
        )
    )
    q.add_argument("--out", type=Path, metavar="FILE", help="also write the public card here")
    q.set_defaults(handler=Lazy("sharing_cmds", "cmd_keys_show"))

    r = sub.add_parser(
        "recipient", help="the sites and agencies cases can be sent to", allow_abbrev=False
    )
    ra = r.add_subparsers(dest="recipient_command", metavar="ACTION", required=True)
    q = _opener(
        ra.add_parser(
            "add",
            help="add a site (its public card) or an agency (its age key) (administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument("name", nargs="?", help="the name to know it by (default: the card's)")
    key = q.add_mutually_exclusive_group(required=True)
    key.add_argument("--card", type=Path, metavar="FILE", help="a public card (idcheck keys show)")
    key.add_argument("--age-key", metavar="age1…", help="an agency's age public key")
    q.add_argument(
        "--fingerprint",
        metavar="XXXX-XXXX-XXXX-XXXX",
        help="the fingerprint read to you by the other site; the card must match it",
    )
    q.set_defaults(handler=Lazy("sharing_cmds", "cmd_recipient_add"))
    q = _opener(ra.add_parser("list", help="the directory's recipients", allow_abbrev=False))
    q.set_defaults(handler=Lazy("sharing_cmds", "cmd_recipient_list"))
    q = _opener(
        ra.add_parser(
            "revoke",
            help="nothing is sent to it any more, nothing it signs is imported; it stays "
            "listed (administrators)",
            allow_abbrev=False,
        )
    )
    q.add_argument("recipient", metavar="NAME|FINGERPRINT", help="the recipient to revoke")
    q.set_defaults(handler=Lazy("sharing_cmds", "cmd_recipient_revoke"))

    q = _opener(
        sub.add_parser(
            "import",
            help="check, decrypt and merge a case package (append-only, idempotent)",
            allow_abbrev=False,
        )
    )
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument(
        "--trust",
        metavar="XXXX-XXXX-XXXX-XXXX",
        help="the sender's fingerprint, as they read it to you (for a sender not yet known)",
    )
    q.set_defaults(handler=Lazy("sharing_cmds", "cmd_import"))
