"""Each package's public names are the agreed ones: a name added to or dropped
from a package's ``__all__`` by accident fails here, so that a change of the
surface other parts (and other people's code) import from is made on purpose,
by changing the list below with it."""

from __future__ import annotations

import importlib
import types

import pytest

PUBLIC: dict[str, tuple[str, ...]] = {
    "idcheck.checklist": (
        "Action",
        "Answer",
        "AnswerValue",
        "Assessment",
        "Checklist",
        "ChecklistError",
        "Contact",
        "ContactRole",
        "DangerHit",
        "DangerSpec",
        "Deadline",
        "Directory",
        "Entry",
        "FiredRule",
        "Indicator",
        "Outcome",
        "Problem",
        "Question",
        "Routes",
        "Rule",
        "Section",
        "assess",
        "bundled_root",
        "danger_hit",
        "entries",
        "find",
        "forms_pointed_to",
        "holds",
        "load_any",
        "load_bundled",
        "load_checklist",
        "load_checklist_bytes",
        "load_directory",
        "load_entry",
        "load_routes",
        "load_routes_bytes",
        "load_routes_ref",
        "normalise",
        "parse_ref",
        "text_for",
        "validate_answer",
        "visible_item_ids",
    ),
    "idcheck.checklist.vocabulary": (
        "ANSWER_WORDS",
        "CONTEXT",
        "QT_TRANSLATE_NOOP",
        "SOURCES",
        "SOURCE_CHOICES",
        "SOURCE_WORDS",
        "Source",
        "answer_text",
        "source_text",
    ),
    "idcheck.store": (
        "REFERRAL_METHODS",
        "REFERRAL_STATES",
        "TASK_STATUSES",
        "FollowupStatRow",
        "MissingDraft",
        "MissingEpisode",
        "Plan",
        "PlanEntry",
        "Referral",
        "ReferralDraft",
        "ReferralMethod",
        "ReferralState",
        "ReferralStateChange",
        "Task",
        "TaskDraft",
        "TaskRow",
        "TaskStatus",
        "TimelineEntry",
        "TimelineKind",
        "IDENTIFIED_BY",
        "JURISDICTIONS",
        "PRINT_LANGUAGES",
        "SOURCES",
        "AccessWithdrawn",
        "Adult",
        "AnswerContext",
        "AuditHead",
        "AuditRow",
        "Case",
        "CaseDetails",
        "CaseRow",
        "Decision",
        "DiskFull",
        "InvalidInput",
        "KeyChange",
        "NewerSchema",
        "NoStore",
        "NotAStore",
        "NotAllowed",
        "OtherStore",
        "PinnedDocuments",
        "PinnedRoutes",
        "ReadOnlyRecord",
        "ScreeningRecord",
        "ScreeningRow",
        "SiteProfile",
        "StatKind",
        "StatRow",
        "Store",
        "StoreCorrupt",
        "StoreError",
        "StoreInUse",
        "StoreLocked",
        "StoreReadOnly",
        "StoredAnswer",
        "TooSoon",
        "UnsafeOutput",
        "User",
        "UserDisabled",
        "VerifyResult",
        "WrongPassword",
        "check_case",
        "check_output",
        "date_fault",
        "fold",
        "installed_routes",
        "restore",
        "routes_for",
        "store_exists",
        "text_too_long",
        "verify_store",
    ),
    "idcheck.followup": ("due_at",),
    "idcheck.report": (
        "Document",
        "MissingFont",
        "ReferralSummary",
        "build_summary",
        "fonts_used",
        "make_letter",
        "make_referral",
        "record_print",
        "referral_pdf",
        "render_referral",
        "save_document",
    ),
    "idcheck.training": (
        "TRAINING_PASSWORD",
        "TRAINING_SITE",
        "TRAINING_USER",
        "CaseFile",
        "TrainingStore",
        "build_training_store",
        "synthetic_cases",
    ),
    "idcheck.cli": (
        "EXIT_DENIED",
        "EXIT_FAILED",
        "EXIT_OK",
        "EXIT_STORE",
        "EXIT_USAGE",
        "Handler",
        "build_parser",
        "main",
    ),
    "idcheck.cli.common": (
        "export",
        "fail",
        "opened",
        "read_new_secret",
        "read_secret",
        "refusal",
        "unsafe_output",
        "with_store",
        "without_store",
    ),
    "idcheck.answers_file": (
        "ANSWER_KEYS",
        "CASE_KEYS",
        "PlannedAnswer",
        "ScreenPlan",
        "plan_screening",
        "read_answers_file",
        "record_plan",
    ),
    "idcheck.walk": (
        "Amendment",
        "OverviewRow",
        "Progress",
        "WalkState",
        "contacts_for",
        "guidance_for",
        "role_label",
    ),
    "idcheck.checklist.guide": (
        "GUIDES_FOLDER",
        "Block",
        "Guide",
        "GuideSection",
        "blocks",
        "bundled_guide",
        "bundled_guide_path",
        "citations",
        "for_site",
        "load_guide",
        "review_note",
        "search",
        "sections_for_item",
    ),
    "idcheck.files": (
        "atomic_write",
        "file_stem",
        "fsync_dir",
        "fsync_path",
        "is_disk_full",
        "is_read_only",
    ),
    "idcheck.window_settings": (
        "LANGUAGE_NAMES",
        "PREFS_FILE",
        "SYSTEM",
        "TEXT_SIZES",
        "WALK_FILE",
        "WALK_MODES",
        "UiPrefs",
        "available_languages",
        "read_walk_mode",
        "translations_dir",
        "walk_file",
        "write_walk_mode",
    ),
}


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_a_packages_public_names_are_the_agreed_ones(name: str) -> None:
    module = importlib.import_module(name)
    public = module.__all__
    assert len(set(public)) == len(public), "a name listed twice"
    assert sorted(public) == sorted(PUBLIC[name])


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_every_public_name_is_there(name: str) -> None:
    module = importlib.import_module(name)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert missing == []
    # A public name is a thing of the package, not a submodule listed by mistake.
    modules = [n for n in module.__all__ if isinstance(getattr(module, n), types.ModuleType)]
    assert modules == []


def test_the_window_package_exports_nothing() -> None:
    """The window is a shell: nothing imports names from ``idcheck.gui`` itself."""
    import idcheck.gui

    assert not hasattr(idcheck.gui, "__all__")
    names = [
        n
        for n, v in vars(idcheck.gui).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    ]
    assert names == []
