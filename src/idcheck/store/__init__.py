"""The encrypted store: SQLCipher through SQLAlchemy, per-user key slots, one
transaction per answer with its audit row, a tamper-evident audit chain,
backup and restore. Qt-free.

Typical use::

    store, recovery_key = Store.create(data_dir, "anna", password)   # once
    store = Store.open(data_dir, "anna", password)
    case_id = store.create_case(CaseDetails(reference="2026-001"))
    sid = store.start_screening(case_id, checklist, text, sha256)
    store.record_answer(sid, "travelled-alone", Answer(value="yes"),
                        AnswerContext(source="child-said", child_words="..."))
    store.lock()
"""

from idcheck.paths import store_exists
from idcheck.store.audit import AuditHead
from idcheck.store.errors import (
    AccessWithdrawn,
    DiskFull,
    InvalidInput,
    NewerSchema,
    NoStore,
    NotAllowed,
    NotAStore,
    OtherStore,
    ReadOnlyRecord,
    StoreCorrupt,
    StoreError,
    StoreInUse,
    StoreLocked,
    StoreReadOnly,
    TooSoon,
    UserDisabled,
    WrongPassword,
)
from idcheck.store.outputs import UnsafeOutput, check_output
from idcheck.store.records import (
    IDENTIFIED_BY,
    SOURCES,
    Adult,
    AnswerContext,
    AuditRow,
    Case,
    CaseDetails,
    CaseRow,
    Decision,
    PinnedDocuments,
    PinnedRoutes,
    ScreeningRecord,
    ScreeningRow,
    StatRow,
    StoredAnswer,
    User,
    VerifyResult,
    text_too_long,
)
from idcheck.store.site import (
    JURISDICTIONS,
    PRINT_LANGUAGES,
    SiteProfile,
    installed_routes,
    routes_for,
)
from idcheck.store.store import KeyChange, Store, check_case, fold, restore, verify_store

__all__ = [
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
    "fold",
    "installed_routes",
    "restore",
    "routes_for",
    "store_exists",
    "text_too_long",
    "verify_store",
]
