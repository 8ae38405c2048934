"""A smaller ICU data library for the frozen build (Linux).

PySide6's wheel ships ICU with all of its data (``libicudata.so.73``, 32 MB,
the largest file of the build). Only ``libQt6Core`` links against ICU, and it
calls four ICU services: collation (``ucol_*``), time zones (``ucal_*``),
character set converters (``ucnv_*``) and case mapping (``u_strToUpper`` and
``u_strToLower``, whose data is built into ``libicuuc``). So the data that only
other services read never loads in this app and is left out:

- ``brkitr`` (break iterators and their CJK/Thai dictionaries), ``curr``,
  ``lang``, ``region``, ``unit`` (display names), ``translit`` and ``rbnf``;
- in the locale-keyed trees (``coll``, ``zone`` and the locales themselves),
  the locales of languages idcheck is not translated into: ICU falls back to
  ``root`` for them (the Unicode collation order, GMT offsets as zone names);
- the converters of multi-byte legacy character sets (Chinese, Japanese,
  Korean, EBCDIC mixed); the single-byte ones and the alias table stay. The
  app reads and writes UTF-8 only and never asks Qt for a named codec.

The package format (ICU's ``CmnD`` common data: a header, a table of contents of
name and data offsets sorted by name, the items 16-byte aligned) is rewritten
here in Python, and the result linked into a library with the same ``SONAME``
and data symbol, so ``libicuuc`` loads it as before.

    python build_scripts/icu_data.py LIBICUDATA OUT_DIR [LANGUAGE ...]
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

DROPPED_TREES = ("brkitr", "curr", "lang", "region", "unit", "translit", "rbnf")
LOCALE_TREES = ("", "coll", "zone")  # "" = the locales at the top of the package
ALWAYS = {"root", "pool", "res_index"}
_LOCALE = re.compile(r"^([a-z]{2,3})(_\w*)?\.res$")


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, data) items of an ICU common data package."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27":
        raise ValueError("not an ICU data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        raw = blob[toc + name_at : blob.index(b"\0", toc + name_at)]
        items.append((raw.decode("ascii"), blob[toc + data_at : toc + end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of these items (kept in their sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table = 4 + 8 * len(items)
    start = table + len(names)
    start += -start % 16
    offsets, data, at = [], bytearray(), start
    names_at = table
    for name, item in items:
        offsets.append((names_at, at))
        names_at += len(name) + 1
        data += item + b"\0" * (-len(item) % 16)
        at = start + len(data)
    out = bytearray(header)
    out += struct.pack("<I", len(items))
    for pair in offsets:
        out += struct.pack("<II", *pair)
    out += names
    out += b"\0" * (start - table - len(names))
    out += data
    return bytes(out)


def keep(name: str, languages: set[str]) -> bool:
    """Whether the item of this name (``icudt73l/coll/nb.res``...) is kept."""
    parts = name.split("/")[1:]
    tree, leaf = ("/".join(parts[:-1]), parts[-1])
    if tree.split("/")[0] in DROPPED_TREES:
        return False
    if leaf.endswith(".cnv"):
        return True  # decided by size in filter_items
    if tree in LOCALE_TREES and leaf.endswith(".res"):
        stem = leaf.removesuffix(".res")
        match = _LOCALE.match(leaf)
        if stem in ALWAYS or not match:
            return True
        return match.group(1) in languages
    return True


def filter_items(items: list[tuple[str, bytes]], languages: set[str]) -> list[tuple[str, bytes]]:
    if "nb" in languages or "nn" in languages:
        languages = languages | {"no", "nb", "nn"}  # ICU's Norwegian data is under "no"
    return [
        (name, data)
        for name, data in items
        if keep(name, languages) and not (name.endswith(".cnv") and _multi_byte(data))
    ]


def _multi_byte(converter: bytes) -> bool:
    """Whether a converter table (.cnv) maps characters to more than one byte.

    After the item's own header: UConverterStaticData, whose byte 71 is the
    largest number of bytes a character takes.
    """
    header_size: int = struct.unpack_from("<H", converter, 0)[0]
    return converter[header_size + 71] > 1


def _symbol(lib: Path) -> tuple[str, int, int]:
    """The data symbol of an ICU data library: name, file offset, size."""
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True, text=True, check=True
    )
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            address, size, symbol = int(fields[0], 16), int(fields[1], 16), fields[3]
            break
    else:
        raise ValueError(f"{lib}: no icudt*_dat symbol")
    segments = subprocess.run(
        ["readelf", "-lW", str(lib)], capture_output=True, text=True, check=True
    )
    for line in segments.stdout.splitlines():
        fields = line.split()
        if fields and fields[0] == "LOAD":
            offset, vaddr, filesz = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= address < vaddr + filesz:
                return symbol, address - vaddr + offset, size
    raise ValueError(f"{lib}: {symbol} is in no loaded segment")


def _soname(lib: Path) -> str:
    out = subprocess.run(
        ["readelf", "-d", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        if "(SONAME)" in line:
            return line.split("[", 1)[1].rstrip("]")
    return lib.name


def smaller_library(lib: Path, out_dir: Path, languages: set[str]) -> Path:
    """Write ``out_dir/<soname>``: the library ``lib`` with only the data kept."""
    symbol, offset, size = _symbol(lib)
    with lib.open("rb") as f:
        f.seek(offset)
        blob = f.read(size)
    header, items = read_package(blob)
    kept = filter_items(items, languages)
    out_dir.mkdir(parents=True, exist_ok=True)
    package = out_dir / f"{symbol.removesuffix('_dat')}l.dat"
    package.write_bytes(write_package(header, kept))
    assembly = out_dir / "icudata.S"
    assembly.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
        f'\t.balign 16\n{symbol}:\n\t.incbin "{package.name}"\n\t.size {symbol}, .-{symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    target = out_dir / _soname(lib)
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{target.name}",
            "-o",
            str(target),
            assembly.name,
        ],
        check=True,
        cwd=out_dir,
    )
    after = package.stat().st_size
    print(f"ICU data: {len(kept)} of {len(items)} kept, {size / 1e6:.1f} -> {after / 1e6:.1f} MB")
    return target


if __name__ == "__main__":
    smaller_library(Path(sys.argv[1]), Path(sys.argv[2]), set(sys.argv[3:]) or {"en"})
