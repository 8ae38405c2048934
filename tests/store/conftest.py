"""A fresh encrypted store per test, copied from a template made once."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from idcheck.checklist import Checklist, find, load_checklist_bytes
from idcheck.store import Store

PASSWORD = "correct horse battery"
WORKER_PASSWORD = "worker password 1"


@dataclass
class Template:
    path: Path
    recovery: str


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    path = tmp_path_factory.mktemp("template") / "store"
    store, recovery = Store.create(path, "anna", PASSWORD)
    store.add_user("ben", WORKER_PASSWORD, "worker")
    store.lock()
    (path / "idcheck.lock").unlink()
    return Template(path, recovery)


@pytest.fixture
def data_dir(template: Template, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(template.path, target)
    return target


@pytest.fixture
def store(data_dir: Path):
    s = Store.open(data_dir, "anna", PASSWORD)
    yield s
    s.lock()


@dataclass
class Bundled:
    checklist: Checklist
    text: bytes
    sha256: str


@pytest.fixture(scope="session")
def intake() -> Bundled:
    text = find("intake-screen").path.read_bytes()
    return Bundled(load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())
