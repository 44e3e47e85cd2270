"""Command line: ``python -m helpers export [--data-dir DATA] [--out OUT] [--jobs N]``,
``python -m helpers report [--data-dir DATA] [--out OUT]`` (run the notebooks, build reports/),
``python -m helpers evaluate --gold DIR [--out FILE]`` (score the extraction against hand-coded
articles), ``python -m helpers evaluate --timeml DIR [--out FILE]`` (score the date tagger on ISO-TimeML gold) and ``python -m helpers gazetteer`` (rebuild data/reference/gazetteer.csv)."""

from __future__ import annotations

import argparse
import sys

from . import config


def main(argv: list[str] | None = None) -> int:
    """Run the command line: ``export`` (the default use), ``report``, ``evaluate`` or ``gazetteer``."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["report"]:
        from .present.report import main as report

        return report(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="extract the corpus and write the contract's tables")
    ex.add_argument("--data-dir", default=None, help="data folder (default: the repository's data/)")
    ex.add_argument("--out", default=None, help="output folder (default: DATA/processed/)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes reading and extracting articles (default: all cores)",
    )
    ev = sub.add_parser("evaluate", help="score the extraction against hand-coded articles (see data/gold/README.md)")
    what = ev.add_mutually_exclusive_group(required=True)
    what.add_argument("--gold", help="folder with gold.json, articles/ and optional sites.csv")
    what.add_argument("--timeml", metavar="DIR", help="ISO-TimeML files (*.tml, any depth): score the date tagger")
    ev.add_argument("--out", default=None, help="write the scores, per article and every miss, as JSON")
    ev.add_argument("--quiet", action="store_true", help="print the summary lines only, not every miss")
    ev.add_argument(
        "--corrections",
        default=None,
        help="apply this corrections file (as DATA/corrections.csv) before scoring; default: none",
    )
    sub.add_parser("report", help="run notebooks 00-03 and build reports/ (see python -m helpers report -h)")
    gz = sub.add_parser("gazetteer", help="rebuild DATA/reference/gazetteer.csv from the reference layers")
    gz.add_argument("--data-dir", default=None)
    args = parser.parse_args(argv)
    if args.command == "evaluate":
        return _evaluate_timeml(args) if args.timeml else _evaluate(args)
    p = config.paths(args.data_dir)
    if args.command == "gazetteer":
        from .extract.places import write_gazetteer

        print(write_gazetteer(p.reference).name, "written")
        return 0
    from .build import InputError
    from .present.export import export

    try:
        summary = export(args.data_dir, args.out, progress=not args.quiet, jobs=args.jobs)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary)
    return 0


def _evaluate(args) -> int:
    import json
    from pathlib import Path

    from .build import InputError
    from .evaluate import GoldError, evaluate, miss_lines, summary_lines

    try:
        result = evaluate(args.gold, corrections=args.corrections)
    except (GoldError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print("\n".join(miss_lines(result)))
    print("\n".join(summary_lines(result["overall"])))
    if args.corrections:
        print("corrections: " + ", ".join(f"{n} {s}" for s, n in result["corrections"].items()))
    if args.out:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _evaluate_timeml(args) -> int:
    """The date tagger on TimeML gold: every miss (unless --quiet), then the summary line."""
    import json
    from pathlib import Path

    from .timeml import evaluate_timeml, misses, summary_line

    folder = Path(args.timeml)
    if not folder.is_dir():
        print(f"error: no such folder: {folder}", file=sys.stderr)
        return 2
    figures, pairs, errors = evaluate_timeml(folder)
    for e in errors:
        print(f"skipped: {e}", file=sys.stderr)
    if not figures["documents"]:
        print(f"error: no readable TimeML file (*.tml) under {folder}", file=sys.stderr)
        return 2
    if not args.quiet:
        print("\n".join("miss: " + p.describe() for p in misses(pairs)))
    print(summary_line(figures))
    if args.out:
        Path(args.out).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
