"""Shared test set-up: Qt offscreen, and every test isolated from the user's
environment and data folder."""

from __future__ import annotations

import os

# Qt aborts the whole run when there is no display and no platform set.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Key slots made in tests use argon2id at the floor the store enforces (t=2,
# 19 MiB): still the OWASP minimum, and fast enough for hundreds of stores.
os.environ.setdefault("IDCHECK_KDF", "fast")

import pytest


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
