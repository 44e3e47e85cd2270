"""Speed of the date tagger and of publication-date inference, in words per second (``make bench``).

The tagger runs on every sentence of every article, so its speed bounds the whole extraction's. Both are
timed on 400 synthetic press-style articles (benchmarks/synth.py, about 200,000 words), with the tagger's
per-text cache cleared before each run; the best of several runs (CPU time) is kept, since the machine is
shared.

Usage: python benchmarks/tagger.py [--articles 400] [--runs 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main(argv: list[str] | None = None) -> int:
    """Print the words per second of ``tag`` and ``infer_one``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from synth import article

    from helpers import config
    from helpers.extract import dates
    from helpers.extract.published import infer_one
    from helpers.extract.timeline import Timeline
    from helpers.text import split_sentences

    rng = random.Random(7)
    texts = [article(i, rng) for i in range(args.articles)]
    words = sum(len(t.split()) for t in texts)
    timeline = Timeline.load(config.paths().reference)

    def tag_all():
        for t in texts:
            dates.tag(t, date(2021, 5, 3), date(2021, 5, 9), [(s.start, s.end) for s in split_sentences(t)])

    def infer_all():
        for t in texts:
            infer_one(t, timeline=timeline)

    for name, run in (
        ("date tagger (find and resolve, per article)", tag_all),
        ("publication date (with the reference timeline)", infer_all),
    ):
        best = float("inf")
        for _ in range(args.runs):
            dates._find_cached.cache_clear()
            t0 = time.process_time()
            run()
            best = min(best, time.process_time() - t0)
        print(f"{name}: {words / best:,.0f} words/s ({words:,} words in {best:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
