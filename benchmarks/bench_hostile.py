"""How fast hostile input is refused (each refusal is one located line).

    python benchmarks/bench_hostile.py [--runs N]

* YAML: a 430-byte alias bomb under the alias limit (9**7 nodes once expanded),
  190,000 keys in 1.8 MB, a 100,000-answer answers file, and a checklist whose
  any/all conditions nest as deep as the nesting limit allows (linted whole);
* key slots: the unlock's read of the slot files when one copy is a FIFO, a link
  to /dev/zero or a sparse 3 GiB file (the other copy is good);
* a decompression-bomb backup (256 MiB of zeros deflated to about 250 KB):
  ``restore`` until it refuses, with nothing unpacked.

Prints the figures, then the README rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _util import median, ms, readme_row, repeat

from idcheck.answers_file import plan_screening
from idcheck.checklist import ChecklistError, find, load_checklist_bytes
from idcheck.checklist.lint import lint_paths
from idcheck.checklist.loader import MAX_ANSWERS_NODES, read_document
from idcheck.store import Store, StoreError, restore, slotfile
from idcheck.store.keys import MINIMUM_KDF

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "checklist" / "data" / "minimal.yaml").read_text()


def alias_bomb() -> str:
    lines = ["kind: checklist", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def deep_conditions(depth: int = 21) -> str:
    leaf = '{answer: alone, is: "yes"}'

    def cond(d: int) -> str:
        if d == 0:
            return '{answer: moved, is: "yes"}'
        kind = "any" if d % 2 else "all"
        twin = cond(d - 1) if d < 4 else leaf
        return "{" + kind + ": [" + cond(d - 1) + ", {not: " + twin + "}]}"

    return MINIMAL.replace('    when: {answer: moved, is: "yes"}', "    when: " + cond(depth))


def refused(path: Path, max_nodes: int | None = None) -> None:
    try:
        if max_nodes is None:
            read_document(path)
        else:
            read_document(path, max_nodes=max_nodes)
    except ChecklistError as e:
        assert len(e.problems) == 1
        return
    raise AssertionError(f"{path} was not refused")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-hostile-"))

    bomb = tmp / "bomb.yaml"
    bomb.write_text(alias_bomb())
    keys = tmp / "keys.yaml"
    keys.write_text(
        "kind: checklist\nid: x\nextra:\n" + "".join(f" {i:x}: 1\n" for i in range(190_000))
    )
    answers = tmp / "answers.yaml"
    answers.write_text("answers:\n" + "".join(f"  item-{i}: 'yes'\n" for i in range(100_000)))
    deep = tmp / "deep.yaml"
    deep.write_text(deep_conditions())

    t_bomb = median(repeat(lambda: refused(bomb), args.runs))
    t_keys = median(repeat(lambda: refused(keys), args.runs))
    t_answers = median(repeat(lambda: refused(answers, MAX_ANSWERS_NODES), args.runs))
    # Near the largest answers file under the limit, every item unknown: all errors reported.
    wrong = tmp / "wrong.yaml"
    wrong.write_text("answers:\n" + "".join(f"  item-{i}: 'yes'\n" for i in range(4_900)))
    checklist = load_checklist_bytes(find("intake-screen").path.read_bytes())

    def report_all() -> None:
        try:
            plan_screening(read_document(wrong, max_nodes=MAX_ANSWERS_NODES), checklist, "X")
        except ChecklistError as e:
            assert len(e.problems) == 4_900
            return
        raise AssertionError("no errors")

    t_wrong = median(repeat(report_all, max(1, args.runs // 2)))
    t_deep = median(repeat(lambda: lint_paths([deep]), args.runs))
    print(f"alias bomb ({bomb.stat().st_size} bytes): {ms(t_bomb)}")
    print(f"190,000 keys ({keys.stat().st_size / 1e6:.1f} MB): {ms(t_keys)}")
    print(f"100,000-answer file: {ms(t_answers)}")
    print(f"deep any/all conditions, lint: {ms(t_deep)}")
    print(f"4,900 unknown answers, every error reported: {ms(t_wrong)}")

    store = tmp / "store"
    s, _ = Store.create(store, "anna", "correct horse battery", kdf=MINIMUM_KDF)
    backup = tmp / "b.idcheck"
    s.backup(backup)
    s.lock()
    slot_times = []
    for kind in ("fifo", "zero", "sparse"):
        p = store / "keyslots.1.json"
        saved = p.read_bytes()
        p.unlink()
        if kind == "fifo":
            os.mkfifo(p)
        elif kind == "zero":
            p.symlink_to("/dev/zero")
        else:
            with open(p, "wb") as f:
                f.truncate(3 * 1024**3)
        slot_times.append(median(repeat(lambda: slotfile.read_slot_copies(store), args.runs)))
        p.unlink()
        p.write_bytes(saved)
        print(f"slot copy as {kind}: {ms(slot_times[-1])}")

    dbomb = tmp / "bomb.idcheck"
    with zipfile.ZipFile(backup) as z, zipfile.ZipFile(dbomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            out.writestr(
                name, b"\0" * (256 * 1024 * 1024) if name == "idcheck.db" else z.read(name)
            )

    def restore_bomb() -> None:
        try:
            restore(store, dbomb, "anna", "correct horse battery")
        except StoreError:
            return
        raise AssertionError("the bomb was restored")

    t_dbomb = median(repeat(restore_bomb, args.runs))
    print(f"decompression bomb ({dbomb.stat().st_size / 1e3:.0f} KB → 256 MiB): {ms(t_dbomb)}")

    readme_row(
        f"hostile YAML refused, one located line: {bomb.stat().st_size}-byte alias bomb / "
        f"190,000 keys ({keys.stat().st_size / 1e6:.1f} MB) / 100,000-answer file; "
        "deep any/all conditions linted whole (was over 60 s / 61 s / 57 s / 5–15 s)",
        f"{ms(t_bomb)} / {ms(t_keys)} / {ms(t_answers)}; {ms(t_deep)}",
    )
    readme_row(
        "an answers file of 4,900 unknown items (near the largest under its 10,000-node limit): "
        "every error reported, each located",
        ms(t_wrong),
    )
    readme_row(
        "slot files read when one copy is a FIFO / a link to /dev/zero / a sparse 3 GiB file "
        "(was: hangs / 5.6 GB read); a 256 MiB decompression-bomb backup refused",
        f"{' / '.join(ms(t) for t in slot_times)}; {ms(t_dbomb)}",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
