"""Training mode: synthetic cases in a throw-away store that never touches real data.

``idcheck demo`` (or ``idcheck --training``) opens the window on a new store made
in a temporary folder — in memory (``/dev/shm``) where the system has it — with
the synthetic cases of ``cases/`` already recorded, the example site directory as
contacts, and one account, :data:`TRAINING_USER`, whose password is shown on
screen. The user's data folder is never opened, read or created. When the window
closes the folder is deleted.

The cases are answers files (the format of ``idcheck screen``, see the README),
each naming its checklist; a trainer can add their own beside them. Each carries
a ``teaching:`` point, which :mod:`idcheck.training.exercises` reads.

Typical use::

    with TrainingStore() as training:
        ...  # training.store is open; training.folder is the throw-away folder
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from idcheck.answers_file import plan_screening, read_answers_file, record_plan
from idcheck.checklist import ChecklistError, bundled_root, find, load_checklist_bytes
from idcheck.store import SiteProfile, Store
from idcheck.watermark import training_prints

__all__ = [
    "TRAINING_PASSWORD",
    "TRAINING_SITE",
    "TRAINING_USER",
    "CaseFile",
    "TrainingStore",
    "build_training_store",
    "synthetic_cases",
]

#: The one account of a training store. Its password is not a secret: the store
#: holds synthetic cases only, and the trainer's screen shows it.
TRAINING_USER = "trainer"
TRAINING_PASSWORD = "training only"  # noqa: S105  (shown on screen on purpose)

#: Where the screenings were "carried out", as referrals and letters print it.
TRAINING_SITE = "TRAINING (synthetic case, not a real child)"
#: The training site's jurisdiction: the example directory's first country.
TRAINING_JURISDICTION = "NO"

CASES = Path(__file__).resolve().parent / "cases"


@dataclass(frozen=True)
class CaseFile:
    """A synthetic case: its answers file and the checklist it is answered under."""

    path: Path
    checklist_ref: str


def synthetic_cases(folder: Path = CASES) -> list[CaseFile]:
    """The bundled synthetic cases, in file-name order. Raises ChecklistError
    (``PATH:LINE:COL``) for a file that names no checklist, FileNotFoundError when
    there is none (an install that lost them)."""
    out = []
    if not folder.is_dir() or not any(folder.glob("*.yaml")):
        raise FileNotFoundError(f"no synthetic training cases in {folder}")
    for path in sorted(folder.glob("*.yaml")):
        doc = read_answers_file(path)
        ref = doc.data.get("checklist") if isinstance(doc.data, dict) else None
        if not isinstance(ref, str):
            raise ChecklistError([doc.problem((), "a training case names its checklist: ID@VER")])
        out.append(CaseFile(path, ref))
    return out


def build_training_store(folder: Path, cases: list[CaseFile] | None = None) -> Store:
    """Create a store in the empty ``folder`` with the training account, the
    example site directory and every synthetic case recorded; returns it open."""
    from idcheck.checklist import load_directory

    store, _recovery = Store.create(folder, TRAINING_USER, TRAINING_PASSWORD)
    try:
        # Printed on every referral and letter made in training, so a sheet left on
        # a table is never taken for a real child's.
        store.set_site_profile(SiteProfile(name=TRAINING_SITE, jurisdiction=TRAINING_JURISDICTION))
        directory = bundled_root() / "directory.yaml"
        if directory.exists():
            store.save_contacts(load_directory(directory))
        for case in synthetic_cases() if cases is None else cases:
            entry = find(case.checklist_ref)
            text = entry.path.read_bytes()
            checklist = load_checklist_bytes(text, str(entry.path))
            plan = plan_screening(read_answers_file(case.path), checklist, None)
            record_plan(store, plan, checklist, text, hashlib.sha256(text).hexdigest())
    except BaseException:
        store.lock()
        raise
    return store


def _scratch_parent() -> str | None:
    """A memory-backed folder where the system has one, else the default temp."""
    shm = Path("/dev/shm")  # noqa: S108  (mkdtemp makes a private 0700 folder in it)
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return str(shm)
    return None


class TrainingStore:
    """A training store in a new temporary folder, deleted on exit."""

    def __init__(self, cases: list[CaseFile] | None = None) -> None:
        self.cases = cases
        self.folder: Path | None = None
        self.store: Store | None = None
        # Every PDF printed while the store exists carries the TRAINING watermark.
        self._prints = ExitStack()

    def __enter__(self) -> TrainingStore:
        self._prints.enter_context(training_prints())
        # The process id in the name says whose folder it is (a left-over one is traceable).
        self.folder = Path(
            tempfile.mkdtemp(prefix=f"idcheck-training-{os.getpid()}-", dir=_scratch_parent())
        )
        try:
            self.store = build_training_store(self.folder / "store", self.cases)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            self._prints.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        assert self.folder is not None, "use TrainingStore as a context manager"
        return self.folder / "store"

    def close(self) -> None:
        """Lock the store (if still open) and delete the folder."""
        if self.store is not None and self.store.is_open:
            self.store.lock()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self._prints.close()
