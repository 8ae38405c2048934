"""The one atomic-write helper: the old file or the new one, never half, no litter."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from idcheck.files import atomic_write, is_disk_full, is_read_only


def test_writes_and_replaces_leaving_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "prefs.json"
    atomic_write(target, "first\n")
    atomic_write(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prefs.json"]


def test_a_failed_rename_leaves_the_old_content_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # a folder where the file should go: the rename fails
    (target / "inside").write_text("kept")
    with pytest.raises(OSError) as e:
        atomic_write(target, b"new")
    assert not is_disk_full(e.value)
    assert (target / "inside").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_failures_are_named_by_their_errno() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert is_read_only(OSError(errno.EROFS, "Read-only file system"))
    assert not is_read_only(OSError(errno.ENOSPC, "No space left on device"))
    assert not is_disk_full(ValueError("not an OSError"))


def test_a_reference_becomes_a_file_name_that_names_one_file_in_the_folder_chosen():
    from idcheck.files import file_stem

    assert file_stem("2026-017") == "2026-017"
    assert file_stem("OSL/2026/17") == "OSL-2026-17"  # not two folders down
    assert file_stem("2026-017\nOslo S") == "2026-017-Oslo-S"  # no line break in a name
    assert file_stem("..\\..\\x:y") == "x-y"
    assert file_stem("محمد\u200f 12") == "محمد-12"  # letters of any script kept
    assert file_stem("///") == "case"
