"""Command line: ``extractor extract ...`` (training and scoring are ``extractor-lab``'s)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from extractor.reading.sources import DEFAULT_MAX_CHARS
from extractor.workers import available_cores


def _add_extract(sub: argparse._SubParsersAction) -> None:
    extract = sub.add_parser(
        "extract", help="extract entity and quantity tables from Ukrainian texts",
        description="Read texts (files, folders searched recursively for .txt/.html/.htm/.jsonl/.csv, or - for "
                    "stdin) and write mentions, entities, quantities and documents tables to --out. Finished "
                    "batches are committed to --out as they go, so a killed run goes on with --resume. "
                    "Exit code: 0 all documents processed, 1 some failed (tables still written), 2 usage error.")
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or - (stdin)")
    extract.add_argument("--out", type=Path, required=True, help="folder for the tables")
    extract.add_argument("--format", choices=["csv", "parquet", "jsonl"], default="csv", help="table format (default: %(default)s)")
    extract.add_argument("--resume", action="store_true", help="go on with the unfinished run in --out, skipping what it committed")
    extract.add_argument("--workers", type=int, default=available_cores(),
                         help="worker processes, one core each (default: every core this run may use, %(default)s)")
    extract.add_argument("--dask-scheduler", metavar="ADDRESS", default=None,
                         help="run on the workers of this Dask scheduler (tcp://HOST:PORT) instead of local processes")
    extract.add_argument("--batch-docs", type=int, default=32, help="documents per batch, the unit of commit (default: %(default)s)")
    extract.add_argument("--text-column", default="text", help="text column of .jsonl/.csv inputs (default: %(default)s)")
    extract.add_argument("--id-column", default=None, help="document id column of .jsonl/.csv inputs (default: row number)")
    extract.add_argument("--published-column", default=None,
                         help="publication date column of .jsonl/.csv inputs (ISO 8601, RFC 2822, DD.MM.YYYY or Unix "
                              "time): fills documents.published and anchors the record's relative dates")
    extract.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="longer documents are rejected with an error row (default: %(default)s)")
    extract.add_argument("--no-repair", dest="repair", action="store_false", help="do not repair lost apostrophes, hyphens and є")
    extract.add_argument("--only-uk", action="store_true", help="skip documents that are not mostly Ukrainian (status 'skipped')")
    extract.add_argument("--unsafe-csv", dest="safe_csv", action="store_false",
                         help="write CSV cells starting with = + - @ as they are (default: prefix them with ' so spreadsheets do not run them as formulas)")
    extract.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled models/uk-ner)")
    ner_speed = extract.add_mutually_exclusive_group()
    ner_speed.add_argument("--accurate-ner", action="store_true",
                           help="ask the second NER tagger where the first is unsure: NER-UK test F1 0.807 instead of "
                                "0.801, about 2.5x slower end to end (models/uk-ner/MODEL_CARD.md)")
    ner_speed.add_argument("--fast-ner", action="store_true", help="the first NER tagger alone: the default now; "
                                                                  "kept so that older commands still run")
    extract.add_argument("--reference-date", metavar="YYYY-MM-DD", default=None,
                         help="resolve dates against this day where a document's publication date is unknown")
    extract.add_argument("--device", default="cpu", help="where NER runs: cpu (default) or a torch device such as cuda")
    extract.add_argument("--bf16", action="store_true",
                         help="NER in bfloat16 on CPUs with AVX512-BF16: about 1.5x faster, but a tag can depend on "
                              "the batch, so a resumed or re-batched run may differ in a mention or two")
    extract.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar on stderr")
    _add_verbose(extract, default=argparse.SUPPRESS)  # after the command too: `extractor extract -v ...`
    extract.set_defaults(func=_run_extract)


def _add_verbose(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", default=default, help="log progress details")


def _run_extract(args: argparse.Namespace) -> int:
    from extractor.corpus import extract_to_folder
    from extractor.run_folder import RunError

    missing = [item for item in args.inputs if item != "-" and not Path(item).exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if min(args.workers, args.batch_docs) < 1:
        print("error: --workers and --batch-docs must be 1 or more", file=sys.stderr)
        return 2
    options = {"repair": args.repair, "only_uk": args.only_uk, "device": args.device, "bf16": args.bf16,
               "reference_date": args.reference_date, "ner_members": 2 if args.accurate_ner else 1}
    if args.model_dir:
        options["ner_model_dir"] = args.model_dir
    try:
        summary = extract_to_folder(args.inputs, args.out, args.format, resume=args.resume, workers=args.workers,
                                    dask_scheduler=args.dask_scheduler, progress=args.progress,
                                    safe_csv=args.safe_csv, text_column=args.text_column, id_column=args.id_column,
                                    published_column=args.published_column, max_chars=args.max_chars,
                                    batch_docs=args.batch_docs, report_errors=True,
                                    **options)
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{summary.line()} -> {', '.join(str(p) for p in summary.paths)}", file=sys.stderr)
    return 1 if summary.failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Ukrainian entity and quantity extractor.")
    _add_verbose(parser, default=False)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("extractor")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


LAB_COMMANDS = ("train", "label", "evaluate")  # moved to the lab package's own command


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in LAB_COMMANDS:
        print(f"error: `extractor {argv[0]}` is now `extractor-lab {argv[0]}`: run "
              f"extractor-lab {' '.join(argv)}", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted; what was committed stays in --out: run the same command with --resume to go on",
              file=sys.stderr)
        return 130
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
