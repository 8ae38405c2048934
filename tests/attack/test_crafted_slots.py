"""Crafted key slot files: each is refused as a copy (never a crash, never a hang,
never gigabytes read), the other, good copy still lets people in, and with no good
copy left the command says the slot files are damaged (exit 3) in one line."""

from __future__ import annotations

import base64
import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from idcheck.store import Store, StoreCorrupt, slotfile

PASSWORD = "correct horse battery"


def _good(data_dir: Path) -> dict[str, Any]:
    return json.loads((data_dir / "keyslots.0.json").read_text())


def _newer(d: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(d)
    d["seq"] = d["seq"] + 100
    return d


def _anna(d: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in d["slots"] if s.get("username") == "anna")


def _slot_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], Any]:
    def make(good: dict[str, Any]) -> Any:
        d = _newer(good)
        edit(_anna(d))
        return d

    return make


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(slot: dict[str, Any]) -> None:
        slot[key] = value

    return edit


def _garbled_private(slot: dict[str, Any]) -> None:
    raw = bytearray(base64.b64decode(slot["private"]))
    raw[0] ^= 0xFF
    slot["private"] = base64.b64encode(bytes(raw)).decode()


# name -> bytes of the crafted copy, made from the good copy
CRAFTED: dict[str, Callable[[dict[str, Any]], Any]] = {
    "empty list": lambda g: [],
    "a string": lambda g: "keyslots",
    "empty salt": _slot_edit(_set("salt", "")),
    "short salt": _slot_edit(_set("salt", base64.b64encode(b"x" * 4).decode())),
    "wrong nonce length": _slot_edit(_set("nonce", base64.b64encode(b"n" * 7).decode())),
    "1e400 as sequence": lambda g: "1e400",  # spliced in below, as JSON text
    "NaN as sequence": lambda g: "NaN",
    "a list as user id": _slot_edit(_set("user_id", [1])),
    "a float as user id": _slot_edit(_set("user_id", 1.0)),
    "a mapping as user name": _slot_edit(_set("username", {"anna": 1})),
    "huge kdf memory": _slot_edit(_set("kdf", {"name": "argon2id", "t": 2, "m": 2**40, "p": 1})),
    "only the recovery slot": lambda g: {**_newer(g), "slots": [g["slots"][-1]]},
    "no slots": lambda g: {**_newer(g), "slots": []},
    "store id a list": lambda g: {**_newer(g), "store_id": [g["store_id"]]},
    "parseable, garbled key, higher sequence": _slot_edit(_garbled_private),
}


def _write_crafted(path: Path, name: str, good: dict[str, Any]) -> None:
    made = CRAFTED[name](good)
    if name in ("1e400 as sequence", "NaN as sequence"):
        text = json.dumps(_newer(good)).replace(f'"seq": {good["seq"] + 100}', f'"seq": {made}')
        assert made in text
        path.write_text(text)
    else:
        path.write_text(json.dumps(made))


def _deep(path: Path, good: dict[str, Any]) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def _dev_zero(path: Path, good: dict[str, Any]) -> None:
    path.symlink_to("/dev/zero")


def _fifo(path: Path, good: dict[str, Any]) -> None:
    os.mkfifo(path)


def _huge(path: Path, good: dict[str, Any]) -> None:
    with open(path, "wb") as f:
        f.truncate(3 * 1024**3)  # sparse: 3 GiB that read as zeros


SPECIAL = {
    "100,000-deep nesting": _deep,
    "a link to /dev/zero": _dev_zero,
    "a FIFO": _fifo,
    "a sparse 3 GiB file": _huge,
}
ALL = sorted(CRAFTED) + sorted(SPECIAL)


def _craft(path: Path, name: str, good: dict[str, Any]) -> None:
    path.unlink()
    if name in SPECIAL:
        SPECIAL[name](path, good)
    else:
        _write_crafted(path, name, good)


@pytest.mark.parametrize("name", ALL)
def test_a_crafted_newer_copy_does_not_hide_the_good_one(data_dir, pwfile, cli, name):
    good = _good(data_dir)
    _craft(data_dir / "keyslots.1.json", name, good)
    r = cli(
        "db",
        "verify",
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "audit chain: ok" in r.stdout


@pytest.mark.parametrize("name", ALL)
def test_with_no_good_copy_left_it_is_one_line_and_exit_3(data_dir, pwfile, cli, name):
    good = _good(data_dir)
    for n in ("keyslots.0.json", "keyslots.1.json"):
        _craft(data_dir / n, name, good)
    r = cli(
        "db",
        "verify",
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
        timeout=60,
    )
    assert r.returncode == 3, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    # A garbled key still parses: it reads as a wrong password, never as a crash.
    assert "damaged" in lines[0] or "wrong user name or password" in lines[0]


def test_reading_a_slot_file_is_bounded(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "zero").symlink_to("/dev/zero")
    for name in ("fifo", "zero"):
        with pytest.raises(OSError, match="not a regular file"):
            slotfile.read_bounded(tmp_path / name, 1024)
    (tmp_path / "big").write_bytes(b"{" * 2048)
    with pytest.raises(OSError, match="larger than"):
        slotfile.read_bounded(tmp_path / "big", 1024)


def test_in_process_the_good_copy_opens(data_dir):
    good = _good(data_dir)
    _craft(data_dir / "keyslots.1.json", "parseable, garbled key, higher sequence", good)
    with Store.open(data_dir, "anna", PASSWORD) as s:
        assert s.user.username == "anna"
    for n in ("keyslots.0.json", "keyslots.1.json"):
        _craft(data_dir / n, "empty list", good)
    with pytest.raises(StoreCorrupt, match="damaged"):
        Store.open(data_dir, "anna", PASSWORD)


def test_the_recovery_key_opens_past_a_garbled_newer_copy(data_dir, template):
    good = _good(data_dir)
    d = _newer(good)
    recovery = next(s for s in d["slots"] if s["kind"] == "recovery")
    _garbled_private(recovery)
    (data_dir / "keyslots.1.json").write_text(json.dumps(d))
    s = Store.open_with_recovery(data_dir, template.recovery)
    try:
        assert s.user.is_admin
    finally:
        s.lock()
