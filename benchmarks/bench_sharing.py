"""Case package figures, measured side by side in one run.

    python benchmarks/bench_sharing.py [--runs N] [--cases N] [--answers N]

A store of N cases (default 200), each with one completed full screening of
``--answers`` answers (default 40, with the child's words and a decision). Timed,
interleaved so each sees the same machine load: reading the cases out
(``Store.package_cases``), sealing them (JSON, Ed25519 signature, age encryption),
the whole export (both, written atomically and audited), opening the package at
the receiving store (decryption, signature, every field checked), and the import
(all of that and the merge, in one transaction, into an empty store: every row
new). Beside them, the same store's backup, the other way a whole store's cases
leave it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stores import PASSWORD, build
from _util import median, ms, readme_row

from idcheck.sharing import export_cases, import_package, read_package
from idcheck.sharing.package import seal
from idcheck.store import Store
from idcheck.store.keys import MINIMUM_KDF


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--answers", type=int, default=40)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sharing-", dir="/dev/shm") as tmp:
        root = Path(tmp)
        build(root / "nord", a.cases, a.answers)
        nord = Store.open(root / "nord", "bench", PASSWORD, kdf=MINIMUM_KDF)
        sor, _ = Store.create(root / "sor-template", "bo", PASSWORD, kdf=MINIMUM_KDF)
        sor_keys = sor.sharing_keys()
        sor.add_recipient("Nord", nord.sharing_keys())
        sor.lock()
        nord.add_recipient("Sør", sor_keys)
        ids = [c.id for c in nord.list_cases(follow_up=False)]
        times: dict[str, list[float]] = {
            k: [] for k in ("read", "seal", "export", "open", "import", "backup")
        }
        size = 0
        import time

        for run in range(a.runs):
            t = time.perf_counter()
            body = nord.package_cases(ids)
            times["read"].append(time.perf_counter() - t)
            t = time.perf_counter()
            sealed = seal(nord, body, [sor_keys])
            times["seal"].append(time.perf_counter() - t)
            out = root / f"p{run}.idcheck"
            t = time.perf_counter()
            export_cases(nord, ids, [sor_keys], out)
            times["export"].append(time.perf_counter() - t)
            size = len(sealed.data)
            target = root / f"sor{run}"
            shutil.copytree(root / "sor-template", target)
            sor = Store.open(target, "bo", PASSWORD, kdf=MINIMUM_KDF)
            t = time.perf_counter()
            read_package(sor, out)
            times["open"].append(time.perf_counter() - t)
            t = time.perf_counter()
            done = import_package(sor, out)
            times["import"].append(time.perf_counter() - t)
            assert len(done.report.added) == len(ids)
            sor.lock()
            shutil.rmtree(target)
            t = time.perf_counter()
            nord.backup(root / f"b{run}.bak")
            times["backup"].append(time.perf_counter() - t)
            (root / f"b{run}.bak").unlink()
        nord.lock()
    print(f"{a.cases} cases x {a.answers} answers, package {size / 1e6:.1f} MB, {a.runs} runs")
    for k, v in times.items():
        print(f"  {k:7s} median {ms(median(v))}  ({ms(median(v) / a.cases)} a case)")
    exp, imp, back = median(times["export"]), median(times["import"]), median(times["backup"])
    print(f"  import / export {imp / exp:.2f}x; export / backup {exp / back:.2f}x")
    readme_row(
        f"case package of {a.cases:,} cases ({a.answers} answers each, completed): export "
        "(read, sign, encrypt, write) / import into an empty store (decrypt, check, merge), "
        "vs a backup of the same store",
        f"{ms(exp)} / {ms(imp)} vs {ms(back)}; {size / 1e6:.1f} MB",
    )


if __name__ == "__main__":
    main()
