"""Speed and memory benchmark (``make bench``; ``make bench-large`` adds 100,000 articles): prints the
figures and writes them as JSON (benchmarks/results.json).

Measures, each run in a fresh process so that peak memory and cold caches are real, with the load
average of the machine before each run (the machine is shared: wall times move with the load, CPU
times much less):

- the cold export (every article read, extracted, dated, merged; the tables built, saved and written)
  of synthetic corpora of 1,000, 10,000 and 30,000 articles of about 500 words after cleaning
  (benchmarks/synth.py), on every core: articles per second, milliseconds per article (wall, and CPU of
  the build's process and its workers), peak memory of the build's process and of its largest worker,
  and each stage's share of the wall time (reading and extraction, the rest of the extraction stage,
  dating rounds, merge, tables, saving the build, writing the tables);
- on the 10,000-article corpus: a full rebuild from the stored per-article results (every cross-article
  step whole), the rebuild after adding one article (the saved build patched; several articles in turn:
  median and maximum, with each stage's time), each in a fresh process (which loads the spaCy model) and
  in a live one (``build`` called again in the process after the file is added, as a researcher reruns
  the notebooks in a running kernel: the model is loaded there already), and a rerun with nothing changed;
- the peers, in the same run and on the same cleaned texts (the first 300 articles of the 1,000 corpus):
  spaCy's whole ``fr_core_news_sm`` pipeline (``nlp.pipe``; as shipped, on thinc's default backend, and on the
  NumPy BLAS backend this tool builds its model on, :mod:`helpers.extract.nlp`) and dateparser's
  ``search_dates`` (French), each in one process, in CPU milliseconds per article, against the extraction's CPU per article (all
  processes) on the same corpus: the ratios are printed;
- the time of ``make report``'s job on the real corpus (data/);
- bounded cost: one pathological 2 MB article per case, alone (benchmarks/pathological.py).

Usage: python benchmarks/bench.py [--sizes 1000 10000 30000] [--large] [--warm 5] [--out benchmarks/results.json]
"""

from __future__ import annotations

import argparse
import json
import os
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

STAGES = {  # (module, name) -> stage: wall time spent inside (a stage inside another is taken out of it)
    ("helpers.build", "Steps.read_many"): "read and extract (workers)",
    ("helpers.build", "Steps.extract_many"): "read and extract (workers)",
    ("helpers.build", "settle_dates"): "dating rounds",
    ("helpers.build", "date_added"): "dating rounds",
    ("helpers.build", "cluster"): "merge",
    ("helpers.build", "merge_events"): "merge",
    ("helpers.build", "merge_mentions"): "merge",
    ("helpers.build", "replay"): "merge",
    ("helpers.build", "table_rows"): "tables",
    ("helpers.build", "places_table"): "tables",
    ("helpers.tables", "TableRows.frame"): "tables",
    ("helpers.build", "articles_table"): "tables",
    ("helpers.build", "removed_table"): "tables",
    ("helpers.build", "mark_corrected"): "tables",
    ("helpers.build", "patch_tables"): "tables",
    ("helpers.store.saved", "save"): "save the build",
    ("helpers.store.saved", "SavedBuild.load"): "load the saved build",
    ("helpers.store.saved", "scan"): "fingerprint the inputs",
    ("helpers.extract.nlp", "model"): "spaCy model load",
}


def _timed(fn, stage: str, acc: dict, stack: list):
    """``fn``, its wall time added to ``acc[stage]`` less the time of the timed calls inside it."""

    def wrapper(*a, **k):
        t = time.perf_counter()
        stack.append(0.0)
        try:
            return fn(*a, **k)
        finally:
            spent = time.perf_counter() - t
            inner = stack.pop()
            acc[stage] = acc.get(stage, 0.0) + spent - inner
            if stack:
                stack[-1] += spent

    wrapper.cache_info = getattr(fn, "cache_info", None)
    wrapper.cache_clear = getattr(fn, "cache_clear", None)
    return wrapper


def _install_timers(stages: dict) -> None:
    """Each function of STAGES wrapped so that its wall time goes to ``stages``."""
    import importlib

    stack: list[float] = []
    for (mod, name), stage in STAGES.items():
        owner = importlib.import_module(mod)
        *path, attr = name.split(".")
        for p in path:
            owner = getattr(owner, p)
        fn = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        if isinstance(fn, classmethod):
            setattr(owner, attr, classmethod(_timed(fn.__func__, stage, stages, stack)))
        else:
            setattr(owner, attr, _timed(fn, stage, stages, stack))


def child(data_dir: str, full: bool = False, out: str | None = None) -> None:
    """Run in a subprocess: build (and, with ``out``, write) every table of ``data_dir``; print timings as JSON."""
    import resource

    load = os.getloadavg()
    t0 = time.perf_counter()
    c0 = os.times()
    from helpers import build as build_module
    from helpers.present.export import write_tables

    stages: dict[str, float] = {}
    _install_timers(stages)
    t1 = time.perf_counter()
    t = build_module.build(data_dir, warm=not full)
    t2 = time.perf_counter()
    if out:
        write_tables(t, Path(out))
    t3 = time.perf_counter()
    c1 = os.times()
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    ok = t.articles[t.articles.status == "ok"]
    n = len(ok)
    stages["write the tables"] = t3 - t2
    stages["other"] = max(0.0, (t3 - t1) - sum(stages.values()))  # imports inside the build, the corpus frame…
    loading = stages.get("spaCy model load", 0.0)
    print(
        json.dumps(
            {
                "articles": n,
                "words_after_cleaning": round(float(ok.n_words.mean()), 1) if n else 0,
                "load_average_before": [round(x, 2) for x in load],
                "import_s": round(t1 - t0, 3),
                "build_s": round(t2 - t1, 3),
                "write_s": round(t3 - t2, 3),
                "total_s": round(t3 - t0, 3),
                "cpu_parent_s": round((c1.user + c1.system) - (c0.user + c0.system), 2),
                "cpu_workers_s": round(
                    (c1.children_user + c1.children_system) - (c0.children_user + c0.children_system), 2
                ),
                "peak_rss_mb": round(me.ru_maxrss / 1024, 1),
                "peak_rss_worker_mb": round(kids.ru_maxrss / 1024, 1),
                "events": len(t.events),
                "chronology": len(t.chronology),
                "figures": len(t.figures),
                "mode": t.how.split(" (")[0],
                "why": t.how,
                "model_load_s": round(loading, 3),
                "stages_s": {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda x: -x[1])},
            }
        )
    )


def live(data_dir: str, n: int, adds: int) -> None:
    """Run in a subprocess: the rebuilds after adding one article at a time to ``data_dir`` (of ``n``
    articles, with a saved build), in this one process, as in a running notebook kernel that built before:
    the spaCy model is loaded and the corpus built once first (nothing changed: what the kernel's earlier run
    did; timed apart), then each article is written and ``build`` called again. Prints each build's timings
    as JSON."""
    from synth import write_corpus

    from helpers import build as build_module
    from helpers.extract import nlp

    stages: dict[str, float] = {}
    _install_timers(stages)
    t = time.perf_counter()
    nlp.model()
    loaded = time.perf_counter()
    before = build_module.build(data_dir)
    runs = [
        {
            "model_load_s": round(loaded - t, 3),
            "earlier_build_s": round(time.perf_counter() - loaded, 3),
            "earlier_build": before.how,
        }
    ]
    for i in range(adds):
        write_corpus(Path(data_dir), 1, seed=99 + i, start=n + i)  # the same articles as the fresh runs
        load = os.getloadavg()
        stages.clear()
        t = time.perf_counter()
        built = build_module.build(data_dir)
        spent = time.perf_counter() - t
        stages["other"] = max(0.0, spent - sum(stages.values()))
        runs.append(
            {
                "corpus": n + i + 1,
                "load_average_before": [round(x, 2) for x in load],
                "build_s": round(spent, 3),
                "mode": built.how.split(" (")[0],
                "why": built.how,
                "model_load_s": round(stages.get("spaCy model load", 0.0), 3),
                "stages_s": {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda x: -x[1])},
            }
        )
    print(json.dumps(runs))


def peers(data_dir: str, n: int) -> None:
    """Run in a subprocess: spaCy's whole French pipeline and dateparser on the cleaned texts of the first ``n``
    articles, one process each; print CPU milliseconds per article as JSON."""
    import pandas as pd

    from helpers.read.corpus import load_corpus

    arts = load_corpus(data_dir)
    texts = list(arts[arts.status == "ok"].text[:n])
    out = {"articles": len(texts), "words": int(sum(len(t.split()) for t in texts))}
    import spacy
    from thinc.api import use_ops

    from helpers.extract.nlp import BlasOps, one_thread

    for key, backend in (("spacy_ms_per_article", None), ("spacy_blas_ms_per_article", BlasOps.name)):
        # as shipped (thinc's default backend, blis), then on the backend this tool builds the model on
        if backend:
            one_thread()
            with use_ops(backend):
                nlp = spacy.load("fr_core_news_sm")
        else:
            nlp = spacy.load("fr_core_news_sm")
        list(nlp.pipe(texts[:5]))  # first-call costs apart
        c = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=64))
        out[key] = round((time.process_time() - c) * 1000 / len(texts), 2)
        out["spacy_pipeline"] = nlp.pipe_names
        del docs, nlp
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past"}
    search_dates(texts[0], languages=["fr"], settings=settings)
    c = time.process_time()
    found = sum(len(search_dates(t, languages=["fr"], settings=settings) or []) for t in texts)
    out["dateparser_ms_per_article"] = round((time.process_time() - c) * 1000 / len(texts), 2)
    out["dateparser_dates_found"] = found
    del pd
    print(json.dumps(out))


def run_child(*args: str) -> dict:
    os.sync()  # the previous run's files reach the disk first: its writeback is not timed here
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    if out.returncode:
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus(tmp: Path, n: int) -> Path:
    from synth import write_corpus

    d = tmp / f"corpus_{n}"
    shutil.copytree(ROOT / "data" / "reference", d / "reference")
    write_corpus(d, n)
    return d


def _seconds(r: dict) -> str:
    """Each stage's wall time in seconds (those of 5 ms or more)."""
    return ", ".join(f"{k} {v:.2f} s" for k, v in r["stages_s"].items() if v >= 0.005)


def _stages(r: dict) -> str:
    total = sum(r["stages_s"].values()) or 1
    return ", ".join(f"{k} {100 * v / total:.0f} %" for k, v in r["stages_s"].items() if v / total >= 0.005)


def main() -> int:
    import pathological

    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--peers")
    parser.add_argument("--write", help="(child) write the tables into this folder")
    parser.add_argument("--full", action="store_true", help="(child) a full build from the stored results")
    parser.add_argument("--live", type=int, nargs=2, metavar=("N", "ADDS"), help="(child) adds in one process")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000])
    parser.add_argument("--large", action="store_true", help="add 100,000 articles (make bench-large)")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--warm", type=int, default=5, help="articles added one at a time to the 10,000 corpus")
    parser.add_argument("--peer-articles", type=int, default=300)
    parser.add_argument("--pathological-size", type=int, default=pathological.SIZE, help="0: skip that case")
    args = parser.parse_args()
    if args.child and args.live:
        live(args.child, *args.live)
        return 0
    if args.child:
        child(args.child, args.full, args.write)
        return 0
    if args.peers:
        peers(args.peers, args.peer_articles)
        return 0
    sizes = sorted(set(args.sizes + ([100000] if args.large else [])))
    results: dict = {
        "machine": f"{platform.machine()}, {platform.python_version()}, {os.cpu_count()} cores (shared)",
        "sizes": [],
    }
    warm_at = 10000 if 10000 in sizes else sizes[-1]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in sizes:
            d = corpus(tmp, n)
            r = run_child("--child", str(d), "--write", str(tmp / f"out_{n}"))
            r["articles_per_s"] = round(n / r["build_s"], 1)
            r["ms_per_article"] = round(r["build_s"] * 1000 / n, 2)
            r["cpu_ms_per_article"] = round((r["cpu_parent_s"] + r["cpu_workers_s"]) * 1000 / n, 2)
            r["write_share_of_export"] = round(r["write_s"] / (r["build_s"] + r["write_s"]), 4)
            results["sizes"].append(r)
            print(
                f"cold  {n:>6} articles ({r['words_after_cleaning']:.0f} words after cleaning), load "
                f"{r['load_average_before'][0]:.1f}: build {r['build_s']:7.1f} s = {r['articles_per_s']:5.1f} articles/s, "
                f"{r['ms_per_article']:.1f} ms/article (CPU {r['cpu_ms_per_article']:.1f} ms/article, all processes); "
                f"write {r['write_s']:.1f} s ({100 * r['write_share_of_export']:.1f} % of the export); peak memory "
                f"{r['peak_rss_mb']:.0f} MB (largest worker {r['peak_rss_worker_mb']:.0f} MB)\n"
                f"      stages: {_stages(r)}",
                flush=True,
            )
            if n == 1000 and not args.no_peers:
                p = run_child("--peers", str(d), "--peer-articles", str(args.peer_articles))
                ours = r["cpu_ms_per_article"]
                p["ours_cpu_ms_per_article"] = ours
                p["spacy_over_ours"] = round(p["spacy_ms_per_article"] / ours, 2)
                p["spacy_blas_over_ours"] = round(p["spacy_blas_ms_per_article"] / ours, 2)
                p["dateparser_over_ours"] = round(p["dateparser_ms_per_article"] / ours, 2)
                results["peers"] = p
                print(
                    f"peers on the same cleaned texts ({p['articles']} articles, CPU per article, one process each): "
                    f"spaCy fr_core_news_sm whole pipeline {p['spacy_ms_per_article']:.1f} ms as shipped (blis), "
                    f"{p['spacy_blas_ms_per_article']:.1f} ms on NumPy's BLAS as this tool runs it; dateparser "
                    f"search_dates {p['dateparser_ms_per_article']:.1f} ms; this extraction {ours:.1f} ms (all of it, "
                    f"every process): spaCy x{p['spacy_over_ours']:.2f} (x{p['spacy_blas_over_ours']:.2f} on BLAS), "
                    f"dateparser x{p['dateparser_over_ours']:.2f}",
                    flush=True,
                )
            if n == warm_at:
                _rebuilds(results, d, n, args.warm)
            shutil.rmtree(d, ignore_errors=True)
    sizes_r = results["sizes"]
    if len(sizes_r) >= 2:
        per = [s["ms_per_article"] for s in sizes_r]
        cpu = [s["cpu_ms_per_article"] for s in sizes_r]
        results["ms_per_article_by_size"] = {str(s["articles"]): x for s, x in zip(sizes_r, per)}
        results["cpu_ms_per_article_by_size"] = {str(s["articles"]): x for s, x in zip(sizes_r, cpu)}
        print(
            "ms per article by size (flat if linear): wall "
            + ", ".join(f"{s['articles']}: {x:.1f}" for s, x in zip(sizes_r, per))
            + "; CPU "
            + ", ".join(f"{s['articles']}: {x:.1f}" for s, x in zip(sizes_r, cpu))
        )
    if args.pathological_size:
        results["pathological"] = pathological.run(args.pathological_size)
    if not args.no_report:
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "helpers", "report", "--no-save"], cwd=ROOT, check=True, capture_output=True
        )
        results["report_real_corpus_s"] = round(time.perf_counter() - t0, 1)
        results["report_load_average_before"] = round(load, 2)
        print(f"make report on the real corpus (data/), load {load:.1f}: {results['report_real_corpus_s']} s")
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    print(f"written: {Path(args.out).relative_to(ROOT) if Path(args.out).is_relative_to(ROOT) else args.out}")
    return 0


def _rebuilds(results: dict, d: Path, n: int, warm_runs: int) -> None:
    """On the corpus ``d`` of ``n`` articles, just built: a full rebuild from the stored results, then
    articles added one at a time (each a warm rebuild), then a rerun with nothing changed."""
    from synth import write_corpus

    r = run_child("--child", str(d), "--full")
    results["full_rebuild_from_stored_results"] = r
    print(
        f"full  {n:>6} articles from the stored per-article results (every cross-article step whole), load "
        f"{r['load_average_before'][0]:.1f}: build {r['build_s']:.2f} s, peak memory {r['peak_rss_mb']:.0f} MB\n"
        f"      stages: {_stages(r)}",
        flush=True,
    )
    copy = d.parent / f"{d.name}_live"  # the same corpus and saved build, for the adds in one live process
    if warm_runs:
        shutil.copytree(d, copy)
    warm = []
    for i in range(warm_runs):
        write_corpus(d, 1, seed=99 + i, start=n + i)  # one more article, new text
        r = run_child("--child", str(d))
        warm.append(r | {"corpus": n + i + 1})
        print(
            f"warm  {n + i + 1:>6} articles after adding one, fresh process, load {r['load_average_before'][0]:.1f}: "
            f"build {r['build_s']:.2f} s ({r['why']}), total with imports {r['total_s']:.2f} s, peak memory "
            f"{r['peak_rss_mb']:.0f} MB\n      stages: {_seconds(r)}",
            flush=True,
        )
    if warm:
        runs = run_child("--child", str(copy), "--live", str(n), str(warm_runs))
        shutil.rmtree(copy, ignore_errors=True)
        print(
            f"live process (a running kernel): spaCy model loaded once beforehand in {runs[0]['model_load_s']:.2f} s, "
            f"the corpus built once beforehand in {runs[0]['earlier_build_s']:.2f} s ({runs[0]['earlier_build']})"
        )
        for r in runs[1:]:
            print(
                f"warm  {r['corpus']:>6} articles after adding one, live process, load "
                f"{r['load_average_before'][0]:.1f}: build {r['build_s']:.2f} s ({r['why']})\n"
                f"      stages: {_seconds(r)}",
                flush=True,
            )
        builds = sorted(r["build_s"] for r in warm)
        totals = sorted(r["total_s"] for r in warm)
        lives = sorted(r["build_s"] for r in runs[1:])
        results["warm_rebuild_after_one_article"] = {
            "runs": warm,
            "median_build_s": builds[len(builds) // 2],
            "max_build_s": builds[-1],
            "median_total_s": totals[len(totals) // 2],
            "live_process": {
                "model_load_s": runs[0]["model_load_s"],
                "runs": runs[1:],
                "median_build_s": lives[len(lives) // 2],
                "max_build_s": lives[-1],
            },
        }
        print(
            f"warm rebuild after adding one article: fresh process median {builds[len(builds) // 2]:.2f} s, max "
            f"{builds[-1]:.2f} s (build; with a fresh Python's imports: median {totals[len(totals) // 2]:.2f} s); "
            f"live process median {lives[len(lives) // 2]:.2f} s, max {lives[-1]:.2f} s"
        )
    r = run_child("--child", str(d))
    results["rerun_unchanged"] = r
    print(f"rerun with nothing changed: build {r['build_s']:.2f} s ({r['mode']})", flush=True)


if __name__ == "__main__":
    sys.exit(main())
