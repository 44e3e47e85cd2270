"""Speed and memory benchmark (``make bench``): prints the figures and writes them as JSON.

Measures, each in a fresh process so that peak memory and cold caches are real:
- extraction time and articles per second from a cold cache on synthetic corpora of
  100, 1,000 and 10,000 articles of about 500 words (benchmarks/synth.py);
- on the largest corpus, a full rebuild from the stored per-article results (every cross-article step
  run whole: dating rounds, merge, tables; ``build(warm=False)``);
- the rebuild time after adding one article to the largest corpus (warm: the saved build is
  patched, see helpers/build.py), for several added articles in turn (median and
  maximum), and the time of a rerun with nothing changed;
- peak memory (maximum resident set size) of each run;
- the time of ``make report``'s job on the real corpus (data/).

Usage: python benchmarks/bench.py [--sizes 100 1000 10000] [--out benchmarks/results.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def child(data_dir: str, full: bool = False) -> None:
    """Run in a subprocess: build every table of ``data_dir`` and print timings as JSON."""
    import resource

    t0 = time.perf_counter()
    from helpers.build import build  # imports are part of a user's run
    from helpers.extract import nlp

    loading = {"s": 0.0}  # time spent loading the spaCy model (measured around our own loaders)

    def timed(load):
        def wrapper():
            t = time.perf_counter()
            try:
                return load()
            finally:
                loading["s"] += time.perf_counter() - t

        wrapper.cache_info = load.cache_info
        return wrapper

    nlp.model = timed(nlp.model)
    t1 = time.perf_counter()
    t = build(data_dir, warm=not full)
    t2 = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = int((t.articles.status == "ok").sum())
    print(
        json.dumps(
            {
                "articles": n,
                "import_s": round(t1 - t0, 3),
                "build_s": round(t2 - t1, 3),
                "total_s": round(t2 - t0, 3),
                "peak_rss_mb": round(peak_kb / 1024, 1),
                "events": len(t.events),
                "chronology": len(t.chronology),
                "figures": len(t.figures),
                "mode": t.how.split(" (")[0],
                "why": t.how,
                "ner_model_loaded": "spacy" in sys.modules,
                "model_load_s": round(loading["s"], 3),
            }
        )
    )


def run_child(data_dir: Path, full: bool = False) -> dict:
    import os

    os.sync()  # the previous run's files reach the disk first: its writeback is not timed here
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(data_dir)] + (["--full"] if full else []),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus(tmp: Path, n: int) -> Path:
    from synth import write_corpus

    d = tmp / f"corpus_{n}"
    shutil.copytree(ROOT / "data" / "reference", d / "reference")
    write_corpus(d, n)
    return d


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--full", action="store_true", help="(child) a full build from the stored results")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--out", default=str(HERE / "results.json"))
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--warm", type=int, default=5, help="articles added one at a time to the largest corpus")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.full)
        return 0
    results: dict = {
        "machine": f"{platform.machine()}, {platform.python_version()}, {__import__('os').cpu_count()} cores",
        "sizes": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        last = None
        for n in args.sizes:
            d = corpus(tmp, n)
            r = run_child(d)
            r["articles_per_s"] = round(n / r["build_s"], 1)
            results["sizes"].append(r)
            print(
                f"cold  {n:>6} articles: build {r['build_s']:7.1f} s ({r['articles_per_s']:6.1f} articles/s), "
                f"total with imports {r['total_s']:6.1f} s, peak memory {r['peak_rss_mb']:7.1f} MB",
                flush=True,
            )
            last = (n, d)
        if last:
            n, d = last
            from synth import write_corpus

            r = run_child(d, full=True)
            results["full_rebuild_from_stored_results"] = r
            print(
                f"full  {n:>6} articles from the stored per-article results (every cross-article step whole): "
                f"build {r['build_s']:.2f} s, peak memory {r['peak_rss_mb']:.1f} MB",
                flush=True,
            )

            warm = []
            for i in range(args.warm):
                write_corpus(d, 1, seed=99 + i, start=n + i)  # one more article, new text
                r = run_child(d)
                warm.append(r | {"corpus": n + i + 1})
                print(
                    f"warm  {n + i + 1:>6} articles after adding one: build {r['build_s']:.2f} s "
                    f"({r['mode']}{', NER model loaded' if r['ner_model_loaded'] else ''}), "
                    f"total with imports {r['total_s']:.2f} s, peak memory {r['peak_rss_mb']:.1f} MB",
                    flush=True,
                )
            builds = sorted(r["build_s"] for r in warm)
            results["warm_rebuild_after_one_article"] = {
                "runs": warm,
                "median_build_s": builds[len(builds) // 2],
                "max_build_s": builds[-1],
                "median_total_s": sorted(r["total_s"] for r in warm)[len(warm) // 2],
            }
            print(
                f"warm rebuild after adding one article: median {builds[len(builds) // 2]:.2f} s, "
                f"max {builds[-1]:.2f} s (build; imports add about {warm[0]['import_s']:.1f} s)"
            )
            r = run_child(d)
            results["rerun_unchanged"] = r
            print(f"rerun with nothing changed: build {r['build_s']:.2f} s ({r['mode']})", flush=True)
    sizes = results["sizes"]
    if len(sizes) >= 2:
        per = [s["build_s"] / s["articles"] for s in sizes]
        results["seconds_per_article"] = [round(x, 4) for x in per]
        print(
            "seconds per article by size (linear growth keeps this flat):",
            ", ".join(f"{s['articles']}: {x * 1000:.1f} ms" for s, x in zip(sizes, per)),
        )
    if not args.no_report:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "helpers", "report", "--no-save"], cwd=ROOT, check=True, capture_output=True
        )
        results["report_real_corpus_s"] = round(time.perf_counter() - t0, 1)
        print(f"make report on the real corpus (data/): {results['report_real_corpus_s']} s")
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    print(f"written: {Path(args.out).relative_to(ROOT) if Path(args.out).is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
