"""Password files the command-line tests pass with ``--password-file``."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import PASSWORD, WORKER_PASSWORD


@pytest.fixture
def pw(tmp_path: Path) -> Path:
    """The administrator anna's password, as a file."""
    p = tmp_path / "pw"
    p.write_text(PASSWORD + "\n", encoding="utf-8")
    return p


@pytest.fixture
def ben_pw(tmp_path: Path) -> Path:
    """The worker ben's password, as a file."""
    p = tmp_path / "ben-pw"
    p.write_text(WORKER_PASSWORD + "\n", encoding="utf-8")
    return p
