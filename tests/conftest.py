"""Shared test set-up: Qt offscreen, every test isolated from the user's
environment and data folder, and the one way a test makes a store."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

# Qt aborts the whole run when there is no display and no platform set.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from idcheck.store import Store
from idcheck.store.keys import MINIMUM_KDF

PASSWORD = "correct horse battery"
WORKER_PASSWORD = "worker password 1"
#: Key slots made in tests use argon2id at the floor the store enforces (t=2,
#: 19 MiB, p=1): still the OWASP minimum, and fast enough for hundreds of stores.
#: Passed to the store explicitly; nothing in the environment changes the cost.
FAST_KDF = MINIMUM_KDF


def new_store(path: Path, username: str = "anna", password: str = PASSWORD) -> tuple[Store, str]:
    """The one way a test makes a store: a new encrypted store at ``path`` (its own
    store id and keys), open as ``username``, its first administrator, with key
    slots at :data:`FAST_KDF`. Returns the store and its recovery key."""
    return Store.create(path, username, password, kdf=FAST_KDF)


def open_store(path: Path, username: str = "anna", password: str = PASSWORD) -> Store:
    """Open a test's store (slots it makes while open get :data:`FAST_KDF`)."""
    return Store.open(path, username, password, kdf=FAST_KDF)


@dataclass
class Template:
    """A store made once per session and copied for each test that needs one
    (creating one per test would cost the migrations each time)."""

    path: Path
    recovery: str
    screening_id: int | None = None

    def copy(self, target: Path) -> Path:
        shutil.copytree(self.path, target)
        return target


def make_template(path: Path, build=None, *, worker: bool = True) -> Template:
    """A store made with :func:`new_store` (an administrator ``anna`` and, with
    ``worker``, a worker ``ben``), ``build(store)`` run on it, locked, ready to
    copy. ``build`` may return a screening id kept with the template."""
    store, recovery = new_store(path)
    if worker:
        store.add_user("ben", WORKER_PASSWORD, "worker")
    sid = build(store) if build is not None else None
    store.lock()
    (path / "idcheck.lock").unlink()
    return Template(path, recovery, sid)


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The plain store: ``anna`` (administrator) and ``ben`` (worker)."""
    return make_template(tmp_path_factory.mktemp("template") / "store")


@pytest.fixture
def data_dir(template: Template, tmp_path: Path) -> Path:
    """A fresh copy of the session's ``template`` (a folder may override it)."""
    return template.copy(tmp_path / "store")


@pytest.fixture
def store(data_dir: Path):
    """The copy in ``data_dir``, open as ``anna``."""
    s = open_store(data_dir)
    yield s
    s.lock()


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("IDCHECK_DATA_DIR", raising=False)
    monkeypatch.delenv("IDCHECK_CHECKLISTS", raising=False)
