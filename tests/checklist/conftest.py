"""A minimal valid checklist to build broken variants from."""

from __future__ import annotations

from pathlib import Path

import pytest

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


@pytest.fixture
def write_checklist(tmp_path: Path):
    """Write text as tmp/<id>/<version>.yaml and return the path."""

    def write(text: str = MINIMAL, ident: str = "tiny", version: str = "1.0.0") -> Path:
        folder = tmp_path / ident
        folder.mkdir(exist_ok=True)
        path = folder / f"{version}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
