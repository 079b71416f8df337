"""Command line: ``extractor extract ...`` (training and scoring are ``extractor-lab``'s)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from extractor.reading.sources import DEFAULT_MAX_CHARS

def _add_extract(sub: argparse._SubParsersAction) -> None:
    extract = sub.add_parser(
        "extract", help="extract entity and quantity tables from Ukrainian texts",
        description="Read texts (files, folders searched recursively for .txt/.html/.htm/.jsonl/.csv, or - for "
                    "stdin) and write mentions, entities, quantities and documents tables to --out. "
                    "Exit code: 0 all documents processed, 1 some failed (tables still written), 2 usage error.")
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or - (stdin)")
    extract.add_argument("--out", type=Path, required=True, help="folder for the tables")
    extract.add_argument("--format", choices=["csv", "parquet", "jsonl"], default="csv", help="table format (default: %(default)s)")
    extract.add_argument("--text-column", default="text", help="text column of .jsonl/.csv inputs (default: %(default)s)")
    extract.add_argument("--id-column", default=None, help="document id column of .jsonl/.csv inputs (default: row number)")
    extract.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="longer documents are rejected with an error row (default: %(default)s)")
    extract.add_argument("--no-repair", dest="repair", action="store_false", help="do not repair lost apostrophes, hyphens and є")
    extract.add_argument("--only-uk", action="store_true", help="skip documents that are not mostly Ukrainian (status 'skipped')")
    extract.add_argument("--unsafe-csv", dest="safe_csv", action="store_false",
                         help="write CSV cells starting with = + - @ as they are (default: prefix them with ' so spreadsheets do not run them as formulas)")
    extract.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled models/uk-ner)")
    extract.add_argument("--fast-ner", action="store_true",
                         help="tag with the first tagger of the NER ensemble only: about 5x faster NER, "
                              "test F1 0.795 instead of 0.802 (see models/uk-ner/MODEL_CARD.md)")
    extract.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar on stderr")
    extract.set_defaults(func=_run_extract)


def _run_extract(args: argparse.Namespace) -> int:
    from extractor.pipeline import Extractor
    from extractor.tables import build_tables

    options = {"repair": args.repair, "only_uk": args.only_uk, "ner_members": 1 if args.fast_ner else None}
    if args.model_dir:
        options["ner_model_dir"] = args.model_dir
    extractor = Extractor(**options)
    documents = []
    for document in extractor.iter_documents(args.inputs, args.text_column, args.id_column, args.max_chars,
                                             progress=args.progress and len(args.inputs) > 0):
        if document.status == "error":
            print(f"error: {document.error}", file=sys.stderr)
        documents.append(document)
    tables = build_tables(documents)
    paths = tables.save(args.out, args.format, safe_csv=args.safe_csv)
    failed = sum(d.status == "error" for d in documents)
    print(f"{len(documents)} documents ({failed} failed), {len(tables.mentions)} mentions, "
          f"{len(tables.entities)} entities, {len(tables.quantities)} quantities -> "
          f"{', '.join(str(p) for p in paths)}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Ukrainian entity and quantity extractor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted; no tables were left half-written", file=sys.stderr)
        return 130
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
