"""The store: one object per unlocked session, the only way data is written.

:class:`Store` joins the store's concerns, each in its own module over one
shared core (:mod:`~idcheck.store.core`: the engine, the signed-in user, the key
material, and the one transaction-and-audit path every write takes):

==========================  =====================================================
:mod:`.opening`             create, unlock (password, recovery key), recover
:mod:`.accounts`            users, passwords, the recovery key, key changes
:mod:`.cases`               cases, the case list and its search
:mod:`.screenings`          start, answer, position, decision, completion,
                            amendment, the rows statistics count
:mod:`.statistics`          the statistics' counts, taken in SQL
:mod:`.site_settings`       the site profile, settings, contacts, retention
:mod:`.backups`             backup, restore, verify before writing
:mod:`.tasks`               first contact, tasks and their clocks, My work
:mod:`.referrals`           referrals as records with their state history
:mod:`.plans`               the individual plan, every version kept
:mod:`.missing`             missing episodes (found, reported, interviewed)
:mod:`.timeline`            case notes and the case's timeline
:mod:`.followup_edits`      tasks and referrals changed after saving; the tasks
                            follow-up and review dates make
:mod:`.followup_stats`      the anonymous rows follow-up statistics count
:mod:`.auditing`            events, the trail, the whole store's check
:mod:`.exchange`            sharing keys, recipients, packages sent and merged
==========================  =====================================================

Every method that changes data runs one transaction that also writes its audit
row, and returns only after the commit (WAL, ``synchronous=FULL``): an answer
the caller was told about survives a crash. Calls are made one at a time (the
window serialises them on one worker thread); ``open``/``create`` (argon2id,
migrations), ``backup``, ``restore``, ``verify`` and ``apply_retention`` are the
slow ones.
"""

from __future__ import annotations

from idcheck.store.auditing import Auditing
from idcheck.store.backups import Backups, restore, verify_store
from idcheck.store.case_export import CaseExport
from idcheck.store.cases import Cases, check_case, fold
from idcheck.store.core import KeyChange
from idcheck.store.exchange import Exchange
from idcheck.store.followup_edits import FollowupEdits
from idcheck.store.followup_stats import FollowupStats
from idcheck.store.missing import Missing
from idcheck.store.opening import DEFAULT_KDF, Opening
from idcheck.store.plans import Plans
from idcheck.store.referrals import Referrals
from idcheck.store.screenings import Screenings, check_context
from idcheck.store.site_settings import DEFAULTS, SiteSettings
from idcheck.store.statistics import Statistics
from idcheck.store.tasks import Tasks
from idcheck.store.timeline import Timeline

__all__ = [
    "DEFAULTS",
    "DEFAULT_KDF",
    "KeyChange",
    "Store",
    "check_case",
    "check_context",
    "fold",
    "restore",
    "verify_store",
]


class Store(
    Opening,
    Cases,
    Screenings,
    Statistics,
    Tasks,
    Referrals,
    Plans,
    Missing,
    Timeline,
    FollowupEdits,
    FollowupStats,
    SiteSettings,
    Backups,
    Auditing,
    CaseExport,
    Exchange,
):
    """An unlocked store. Build with :meth:`create` or :meth:`open`; end with
    :meth:`lock` (or use it as a context manager)."""
