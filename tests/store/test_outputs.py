"""Where the store writes a file it is asked for (a backup) and where any output
may go: never onto the store's own files, however they are named, and a folder
or a missing folder is said, not guessed. (The command line's and the window's
refusals are in tests/attack/test_output_paths.py.)"""

from __future__ import annotations

import os

import pytest

from idcheck.store import UnsafeOutput, check_output


@pytest.mark.parametrize("name", ["idcheck.db", "keyslots.0.json", "keyslots.1.json"])
def test_a_backup_onto_one_of_the_stores_files_is_refused_and_the_file_untouched(
    store, data_dir, name
):
    before = (data_dir / name).read_bytes()
    with pytest.raises(UnsafeOutput, match="one of the store's own files"):
        store.backup(data_dir / name)
    assert (data_dir / name).read_bytes() == before


def test_a_link_to_the_database_is_refused_from_another_folder(store, data_dir, tmp_path):
    link = tmp_path / "innocent.idcheck-backup"
    os.symlink(data_dir / "idcheck.db", link)  # followed to the file it names
    with pytest.raises(UnsafeOutput, match="one of the store's own files"):
        store.backup(link)
    hard = tmp_path / "also-innocent.pdf"
    os.link(data_dir / "idcheck.db", hard)
    with pytest.raises(UnsafeOutput, match="a link to it"):
        check_output(hard, data_dir)


def test_a_folder_or_a_missing_folder_is_said(store, tmp_path):
    with pytest.raises(UnsafeOutput, match="is a folder"):
        store.backup(tmp_path)
    with pytest.raises(UnsafeOutput, match="does not exist") as info:
        store.backup(tmp_path / "no such folder" / "copy.idcheck-backup")
    assert info.value.reason.startswith("the folder ")  # the reason alone, for a message


def test_a_backup_elsewhere_is_written_where_asked(store, tmp_path):
    target = tmp_path / "office.idcheck-backup"
    assert store.backup(target) == target.resolve()
    assert target.stat().st_size > 0
    assert [r.action for r in store.audit_trail("backup")] == ["backup"]
