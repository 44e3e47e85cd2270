"""Accuracy gauges (``make eval``): prints one summary line per gauge and writes them as JSON.

- the development set ``../shared/devset/`` (real press articles coded by hand after the codebook):
  ``python -m helpers evaluate --gold`` on it (events, sites, troop and casualty figures, publication dates);
- the date tagger on ISO-TimeML gold, the development half of the French TimeBank ``../shared/peer/ftib-dev/``
  (Bittar et al. 2011): ``python -m helpers evaluate --timeml`` on it (relaxed, strict span and value P/R/F1
  on the DATE timexes, each document anchored on its DCT);
- our own held-out batches (``--ours``, default ``tests/fixtures/heldout*/``): articles written here in the press's
  styles and coded after the codebook before the tool read them, each scored like the development set. They are
  in the repository, so this gauge runs in any clone; each batch's README keeps its first-run numbers (the honest
  measure: the tool has been corrected on their misses since); each batch's misses go to
  ``.cache/eval/<batch>-misses.txt``.

When a gauge's folder is not there (a clone without ``../shared/``), it says so and goes on; the exit
status is 0 either way. The figures (numbers only, overall and per article: no article text) go to
``benchmarks/accuracy.json``; every miss, one line each, to ``.cache/eval/`` (not committed: the texts
are third-party).

Usage: python benchmarks/accuracy.py [--devset DIR] [--timeml DIR] [--ours DIR ...] [--out benchmarks/accuracy.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MISSES = ROOT / ".cache" / "eval"


def _shown(path: Path) -> str:
    """A path relative to the checkout when inside it, else as given (no absolute path of this machine)."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path) if not path.is_absolute() else path.name


def devset(folder: Path) -> dict | None:
    """The hand-coded gauge on ``folder``; None (and a line saying so) when it is not there."""
    from helpers.evaluate import evaluate, miss_lines, summary_lines

    if not (folder / "gold.json").is_file():
        print(f"devset: no gold.json in {_shown(folder)}; skipped")
        return None
    t0 = time.perf_counter()
    result = evaluate(folder)
    seconds = round(time.perf_counter() - t0, 1)
    MISSES.mkdir(parents=True, exist_ok=True)
    (MISSES / "devset-misses.txt").write_text("\n".join(miss_lines(result)) + "\n", encoding="utf-8")
    for line in summary_lines(result["overall"]):
        print(f"devset {line}")
    print(
        f"devset: {result['gold']['articles']} articles in {seconds} s; every miss in "
        f"{_shown(MISSES / 'devset-misses.txt')}"
    )
    return {
        "articles": result["gold"]["articles"],
        "seconds": seconds,
        "overall": result["overall"],
        "per_article": result["articles"],
    }


def ours(folders: list[Path]) -> dict:
    """Each of our held-out batches (a folder with a gold.json of articles), scored like the development set."""
    from helpers.evaluate import evaluate, miss_lines, summary_lines

    out = {}
    for folder in folders:
        if not (folder / "gold.json").is_file():
            print(f"{folder.name}: no gold.json in {_shown(folder)}; skipped")
            continue
        result = evaluate(folder)
        MISSES.mkdir(parents=True, exist_ok=True)
        (MISSES / f"{folder.name}-misses.txt").write_text("\n".join(miss_lines(result)) + "\n", encoding="utf-8")
        for line in summary_lines(result["overall"]):
            if "n/a" not in line:  # a batch coded for some gauges only (events and publication dates)
                print(f"{folder.name} {line}")
        print(f"{folder.name}: every miss in {_shown(MISSES / f'{folder.name}-misses.txt')}")
        out[folder.name] = {"articles": result["gold"]["articles"], "overall": result["overall"]}
    return out


def timeml(folder: Path) -> dict | None:
    """The tagger on TimeML gold in ``folder``; None (and a line saying so) when it is not there."""
    from helpers.timeml import evaluate_timeml, misses, summary_line

    if not folder.is_dir() or not any(folder.rglob("*.tml")):
        print(f"timeml: no *.tml under {_shown(folder)}; skipped")
        return None
    figures, pairs, errors = evaluate_timeml(folder)
    for e in errors:
        print(f"timeml: skipped {e}")
    MISSES.mkdir(parents=True, exist_ok=True)
    (MISSES / "timeml-misses.txt").write_text("\n".join(p.describe() for p in misses(pairs)) + "\n", encoding="utf-8")
    print(summary_line(figures))
    print(f"timeml: every miss in {_shown(MISSES / 'timeml-misses.txt')}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=Path("../shared/devset"))
    parser.add_argument("--timeml", type=Path, default=Path("../shared/peer/ftib-dev"))
    parser.add_argument(
        "--ours", type=Path, nargs="*", default=sorted((ROOT / "tests" / "fixtures").glob("heldout*")), metavar="DIR"
    )
    parser.add_argument("--out", type=Path, default=HERE / "accuracy.json")
    args = parser.parse_args(argv)
    results = {"measured_on": date.today().isoformat()}
    dev = devset(args.devset)
    if dev is not None:
        results["devset"] = dev
    tm = timeml(args.timeml)
    if tm is not None:
        results["timeml"] = tm
    own = ours(args.ours)
    if own:
        results["ours"] = own
    if len(results) > 1:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written to {_shown(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
