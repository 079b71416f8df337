"""Command line: ``extractor extract|train|evaluate ...``."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _add_train(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train", help="train a model").add_subparsers(dest="what", required=True)
    ner = train.add_parser("ner", help="train the stanza NER tagger on NER-UK 2.0")
    ner.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="NER-UK 2.0 folder (default: %(default)s)")
    ner.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="raw texts for word vectors (default: %(default)s)")
    ner.add_argument("--out", type=Path, default=Path("models/uk-ner"), help="where the model goes (default: %(default)s)")
    ner.add_argument("--work-dir", type=Path, default=Path("build/ner"), help="intermediate files (default: %(default)s)")
    ner.add_argument("--max-steps", type=int, default=14000, help="training steps (default: %(default)s)")
    ner.add_argument("--eval-interval", type=int, default=500, help="steps between dev evaluations (default: %(default)s)")
    ner.add_argument("--vectors", choices=["fasttext", "word2vec", "none"], default="fasttext", help="word vectors recipe (default: %(default)s)")
    ner.add_argument("--seed", type=int, default=1234, help="random seed (default: %(default)s)")
    ner.add_argument("--threads", type=int, default=2, help="CPU threads (default: %(default)s)")
    ner.add_argument("--limit-docs", type=int, default=None, help="train on the first N documents only (smoke tests)")
    ner.set_defaults(func=_run_train_ner)


def _run_train_ner(args: argparse.Namespace) -> int:
    from extractor.ner.train import TrainConfig, train

    config = TrainConfig(corpus=args.corpus, out=args.out, bruk_texts=args.bruk_texts, work_dir=args.work_dir,
                         max_steps=args.max_steps, eval_interval=args.eval_interval, seed=args.seed,
                         vectors=args.vectors, threads=args.threads, limit_docs=args.limit_docs)
    train(config)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Ukrainian entity and quantity extractor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_train(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose or args.command == "train" else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
