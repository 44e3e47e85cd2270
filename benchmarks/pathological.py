"""Pathological articles for the benchmark's bounded-cost case (issue #18; run by ``make bench``, or alone:
``python benchmarks/pathological.py [--size BYTES] [--cases NAME ...] [--timeout S]``): files just under the
size limit (``config.MAX_FILE_BYTES``) whose content makes a careless stage quadratic.

Each is written for the benchmark from our own words (no article text): one paragraph with no line break,
one sentence holding tens of thousands of numbers, of dates, of place names, and a text without a
single sentence end. The same size gives the same bytes. Each case is built and exported alone in a data
folder of its own, in a fresh process: time, peak memory, size of the stored results and of the tables.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = 1_990_000  # bytes: just under config.MAX_FILE_BYTES

TOWNS = ["Bagdad", "Erbil", "Mossoul", "Kirkouk", "Bassora", "Falloujah", "Ramadi", "Tikrit", "Taji", "Balad"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]
NATIONS = ["américains", "français", "britanniques", "italiens", "allemands", "canadiens"]


def _fill(head: str, piece, size: int, tail: str = ".") -> str:
    """``head`` then ``piece(i)`` for i = 0, 1, … until ``size`` UTF-8 bytes (about), then ``tail``."""
    parts, n, i = [head], len(head.encode()), 0
    while n < size:
        s = piece(i)
        parts.append(s)
        n += len(s.encode())
        i += 1
    return "".join(parts) + tail + "\n"


def one_line(size: int) -> str:
    """Ordinary sentences, dated and placed, with no line break at all."""
    return _fill(
        "",
        lambda i: (
            f"Le {i % 28 + 1} {MONTHS[i % 10]} 2021, des roquettes ont visé la base de {TOWNS[i % 10]}, "
            f"où {100 + i % 900} soldats {NATIONS[i % 6]} sont déployés, selon un porte-parole. "
        ),
        size,
        "",
    )


def numbers(size: int) -> str:
    """One sentence of figures: « 120 soldats américains, 135 soldats français, … »."""
    return _fill(
        "Selon le décompte publié par le ministère, il y avait ",
        lambda i: f"{100 + i % 9000} soldats {NATIONS[i % 6]}, ",
        size,
    )


def dates(size: int) -> str:
    """One sentence of dates: « le 3 mars 2021, le 4 avril 2020, … »."""
    return _fill(
        "Des attaques ont visé la base ",
        lambda i: f"le {i % 28 + 1} {MONTHS[i % 10]} {2019 + i % 6}, ",
        size,
    )


def places(size: int) -> str:
    """One sentence of place names: « à Bagdad, à Erbil, à Mossoul, … »."""
    return _fill("Les forces de la coalition ont quitté leurs positions ", lambda i: f"à {TOWNS[i % 10]}, ", size)


def no_end(size: int) -> str:
    """Words without any sentence end, line break or punctuation."""
    words = ["la", "coalition", "a", "annoncé", "le", "retrait", "des", "forces", "de", "Bagdad", "en", "mars"]
    return _fill("", lambda i: words[i % len(words)] + " ", size, "")


CASES = {"one_line": one_line, "numbers": numbers, "dates": dates, "places": places, "no_end": no_end}


def write_case(folder: Path, name: str, size: int) -> Path:
    """Write the case ``name`` of ``size`` bytes as ``folder/raw/articles/<name>.txt``."""
    out = folder / "raw" / "articles"
    out.mkdir(parents=True, exist_ok=True)
    p = out / f"{name}.txt"
    p.write_text(CASES[name](size), encoding="utf-8")
    return p


def child(data_dir: str) -> None:
    """Run in a subprocess: build and export the one article of ``data_dir``, print timings and sizes as JSON."""
    import resource

    sys.path.insert(0, str(ROOT))
    from helpers.present.export import export

    t0 = time.perf_counter()
    export(data_dir, Path(data_dir) / "processed")
    seconds = time.perf_counter() - t0
    d = Path(data_dir)
    sizes = {p.name: p.stat().st_size for p in (d / "processed").iterdir() if p.suffix == ".csv"}
    rows = {}
    for name in ("events.csv", "figures.csv", "place_mentions.csv"):
        with open(d / "processed" / name, encoding="utf-8") as fh:
            rows[name[:-4]] = sum(1 for _ in fh) - 1  # lines (a quoted cell never holds a line break here)
    print(
        json.dumps(
            {
                "build_and_export_s": round(seconds, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "results_sqlite_mb": round((d / "interim" / "results.sqlite").stat().st_size / 1e6, 2),
                "tables_mb": round(sum(sizes.values()) / 1e6, 2),
                "figures_csv_mb": round(sizes.get("figures.csv", 0) / 1e6, 2),
                "rows": rows,
            }
        )
    )


def run(size: int = SIZE, cases=None, timeout: float | None = None) -> dict:
    """Each case of ``cases`` (default all) alone, in a fresh process; printed, and returned as a dict."""
    out: dict = {"size_bytes": size}
    with tempfile.TemporaryDirectory() as tmp:
        for name in cases or CASES:
            d = Path(tmp) / name
            shutil.copytree(ROOT / "data" / "reference", d / "reference")
            write_case(d, name, size)
            cmd = [sys.executable, __file__, "--child", str(d)]
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
            except subprocess.TimeoutExpired:
                out[name] = {"error": f"stopped after {timeout:.0f} s"}
                print(f"pathological {name:>8} ({size / 1e6:.1f} MB): stopped after {timeout:.0f} s", flush=True)
                continue
            finally:
                shutil.rmtree(d, ignore_errors=True)
            if r.returncode != 0:
                out[name] = {"error": (r.stderr.strip().splitlines() or ["?"])[-1]}
                print(f"pathological {name:>8}: failed: {out[name]['error']}", flush=True)
                continue
            x = out[name] = json.loads(r.stdout.strip().splitlines()[-1])
            print(
                f"pathological {name:>8} ({size / 1e6:.1f} MB): build and export {x['build_and_export_s']:6.1f} s, "
                f"peak memory {x['peak_rss_mb']:6.0f} MB, stored results {x['results_sqlite_mb']:.1f} MB, "
                f"tables {x['tables_mb']:.1f} MB ({', '.join(f'{k} {v}' for k, v in x['rows'].items())})",
                flush=True,
            )
    return out


def main() -> int:
    """The command line: one case in a child process, or the cases run and merged into ``--out``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--cases", nargs="+", choices=list(CASES))
    parser.add_argument("--timeout", type=float, help="seconds after which a case is stopped")
    parser.add_argument("--out", help="a results JSON file to merge the numbers into (key 'pathological')")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    found = run(args.size, args.cases, args.timeout)
    if args.out:
        out = Path(args.out)
        results = json.loads(out.read_text()) if out.exists() else {}
        results["pathological"] = found
        out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
