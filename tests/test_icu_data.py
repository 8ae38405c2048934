"""The frozen build's reduced ICU data (build_scripts/icu_data.py): the package is
rewritten faithfully, keeps what Qt reads and serves it to Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))

import icu_data  # noqa: E402

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
LIBS = sorted(QT_LIB.glob("libicudata.so.*"))

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not LIBS, reason="PySide6 bundles ICU on Linux only"
)


@pytest.fixture(scope="module")
def package() -> tuple[bytes, list[tuple[str, bytes]]]:
    _, offset, size = icu_data._symbol(LIBS[0])
    with LIBS[0].open("rb") as f:
        f.seek(offset)
        return icu_data.read_package(f.read(size))


def test_package_written_again_holds_the_same_items(package):
    header, items = package
    assert len(items) > 3000
    assert icu_data.read_package(icu_data.write_package(header, items)) == (header, items)


def test_the_filter_keeps_what_qt_reads_and_leaves_out_the_rest(package):
    _, items = package
    prefix = items[0][0].split("/")[0]
    kept = {
        name.removeprefix(prefix + "/") for name, _ in icu_data.filter_items(items, {"en", "nb"})
    }
    for needed in (
        "coll/root.res",
        "coll/ucadata.icu",
        "coll/no.res",
        "coll/nb.res",
        "root.res",
        "nb.res",
        "en_GB.res",
        "zoneinfo64.res",
        "timezoneTypes.res",
        "metaZones.res",
        "cnvalias.icu",
        "ibm-5348_P100-1997.cnv",  # windows-1252
        "ibm-1252_P100-2000.cnv",
        "zone/root.res",
        "likelySubtags.res",
    ):
        assert needed in kept, needed
    for left_out in ("brkitr/cjdict.dict", "lang/nb.res", "curr/en.res", "coll/zh.res", "de.res"):
        assert left_out not in kept, left_out
    assert not any(name.endswith("gb18030.cnv") for name in kept)


def test_the_smaller_library_gives_qt_norwegian_collation_and_time_zones(tmp_path):
    lib = icu_data.smaller_library(LIBS[0], tmp_path, {"en", "nb"})
    assert lib.name == LIBS[0].name
    assert lib.stat().st_size < LIBS[0].stat().st_size / 4
    code = (
        "from PySide6.QtCore import QCollator, QLocale, QTimeZone, QStringDecoder\n"
        "names = ['Åse', 'Zara', 'Øystein', 'Ærlig', 'Ola']\n"
        "print(' '.join(sorted(names, key=QCollator(QLocale('nb_NO')).sortKey)))\n"
        "print(QTimeZone(b'Europe/Oslo').isValid(), QStringDecoder('windows-1252').isValid())\n"
    )
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "LD_DEBUG": "libs"}
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"init: {lib}" in r.stderr, "the smaller library was not the one loaded"
    assert r.stdout.splitlines() == ["Ola Zara Ærlig Øystein Åse", "True True"]
