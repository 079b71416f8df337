"""Command line: ``extractor extract|train|evaluate ...``."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from extractor.reading.sources import DEFAULT_MAX_CHARS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _probability(text: str) -> float:
    """An argparse type for dropout rates, so a bad value fails before any training starts."""
    value = float(text)
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a probability in [0, 1)")
    return value


def _add_train(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train", help="train a model").add_subparsers(dest="what", required=True)
    ner = train.add_parser("ner", help="train the stanza NER tagger on NER-UK 2.0")
    ner.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="NER-UK 2.0 folder (default: %(default)s)")
    ner.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="raw texts for word vectors and character language models (default: %(default)s)")
    ner.add_argument("--out", type=Path, default=Path("models/uk-ner"), help="where the model goes (default: %(default)s)")
    ner.add_argument("--work-dir", type=Path, default=Path("build/ner"), help="intermediate files (default: %(default)s)")
    ner.add_argument("--max-steps", type=int, default=12000, help="training steps (default: %(default)s)")
    ner.add_argument("--eval-interval", type=int, default=500, help="steps between dev evaluations (default: %(default)s)")
    ner.add_argument("--early-stop-steps", type=int, default=5000,
                     help="stop when dev F1 has not improved for this many steps (default: %(default)s)")
    ner.add_argument("--vectors", choices=["fasttext", "word2vec", "none"], default="fasttext", help="word vectors recipe (default: %(default)s)")
    ner.add_argument("--vectors-file", type=Path, default=None,
                     help="reuse this uk_vectors.pt instead of building vectors (taggers of one ensemble share it)")
    ner.add_argument("--vector-vocab", type=int, default=60000, help="most frequent words the vectors keep (default: %(default)s)")
    ner.add_argument("--vector-min-count", type=int, default=2, help="fewest occurrences of a kept word (default: %(default)s)")
    ner.add_argument("--vectors-without-dev", action="store_true",
                     help="leave the dev documents out of the vectors' text too, so dev words are as new as a user's")
    ner.add_argument("--vocab-from", choices=["all", "unlabelled"], default="all",
                     help="words the vectors keep: every word of their text, or only words of the unlabelled BRUK "
                          "texts, so that training sentences have unknown words as often as new text (default: %(default)s)")
    ner.add_argument("--known-forms-in-training", action="store_true",
                     help="train with the known-form lookup for unknown words that tagging uses")
    ner.add_argument("--charlm", action="store_true",
                     help="also train forward/backward character language models and tag with them (no dev gain measured)")
    ner.add_argument("--charlm-epochs", type=int, default=6, help="epochs of each character language model (default: %(default)s)")
    ner.add_argument("--charlm-hidden-dim", type=int, default=256, help="hidden units of each character language model (default: %(default)s)")
    ner.add_argument("--charlm-dir", type=Path, default=None,
                     help="reuse uk_charlm_forward.pt and uk_charlm_backward.pt from this folder instead of training them "
                          "(implies --charlm)")
    ner.add_argument("--char-hidden-dim", type=int, default=100,
                     help="hidden units of the tagger's own character model (default: %(default)s)")
    ner.add_argument("--word-dropout", type=_probability, default=0.01,
                     help="share of training words replaced by the unknown word (default: %(default)s)")
    ner.add_argument("--seed", type=int, default=1234, help="random seed (default: %(default)s)")
    ner.add_argument("--threads", type=int, default=2, help="CPU threads (default: %(default)s)")
    ner.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="train on the CPU or a CUDA GPU (default: %(default)s)")
    ner.add_argument("--limit-docs", type=int, default=None, help="train on the first N documents only (smoke tests)")
    ner.set_defaults(func=_run_train_ner)
    charlm = train.add_parser(
        "charlm", help="train the forward/backward character language models alone",
        description="Train stanza character language models on the raw text that `train ner` uses (BRUK plus the "
                    "NER-UK training documents) and write uk_charlm_{forward,backward}.pt to --out, for "
                    "`train ner --charlm-dir`. Big models want --device cuda.")
    charlm.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="NER-UK 2.0 folder (default: %(default)s)")
    charlm.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="raw BRUK texts (default: %(default)s)")
    charlm.add_argument("--out", type=Path, required=True, help="folder for the model files")
    charlm.add_argument("--work-dir", type=Path, default=Path("build/charlm"), help="intermediate files (default: %(default)s)")
    charlm.add_argument("--hidden-dim", type=int, default=512,
                        help="hidden units; 512 is what the shipped model reads, and 1024 would not fit the 50 MB budget (default: %(default)s)")
    charlm.add_argument("--epochs", type=int, default=20, help="epochs; the one with the best held-out perplexity is kept (default: %(default)s)")
    charlm.add_argument("--dropout", type=_probability, default=0.05,
                        help="dropout on the LSTM's input and output (stanza's default: %(default)s)")
    charlm.add_argument("--direction", nargs="+", choices=["forward", "backward"], default=["forward", "backward"],
                        help="which models to train (default: both, one after the other)")
    charlm.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="(default: %(default)s)")
    charlm.add_argument("--seed", type=int, default=1234, help="random seed (default: %(default)s)")
    charlm.add_argument("--threads", type=int, default=2, help="CPU threads (default: %(default)s)")
    charlm.add_argument("--limit-docs", type=int, default=None, help="train on the first N texts only (smoke tests)")
    charlm.set_defaults(func=_run_train_charlm)
    pack = train.add_parser(
        "ner-pack", help="pack trained taggers into a shippable model folder (half precision)",
        description="Copy the taggers written by `extractor train ner` into one model folder with their vectors, "
                    "weights in half precision (half the size, the same tags). Several members make an ensemble "
                    "whose scores the tagger averages; they must be trained with the same --vectors-file.")
    pack.add_argument("members", nargs="+", type=Path, metavar="MEMBER", help="folder written by `extractor train ner`")
    pack.add_argument("--out", type=Path, default=Path("models/uk-ner"), help="model folder to write (default: %(default)s)")
    pack.set_defaults(func=_run_pack)
    lemmas = train.add_parser("lemmas", help="learn the lemma chooser from BRUK gold lemmas")
    lemmas.add_argument("--bruk", type=Path, default=SHARED / "bruk" / "disambig", help="BRUK disambiguated XML folder (default: %(default)s)")
    lemmas.add_argument("--out", type=Path, default=Path("models/lemmas/uk_lemmas.json.gz"), help="model file (default: %(default)s)")
    lemmas.set_defaults(func=_run_train_lemmas)
    repair = train.add_parser("repair", help="count BRUK word frequencies for damage repair (held-out texts excluded)")
    repair.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="raw BRUK texts (default: %(default)s)")
    repair.add_argument("--out", type=Path, default=Path("models/repair/uk_wordfreq.json.gz"), help="model file (default: %(default)s)")
    repair.set_defaults(func=_run_train_repair)


def _run_train_ner(args: argparse.Namespace) -> int:
    from extractor.ner.train import TrainConfig, train

    config = TrainConfig(corpus=args.corpus, out=args.out, bruk_texts=args.bruk_texts, work_dir=args.work_dir,
                         max_steps=args.max_steps, eval_interval=args.eval_interval,
                         early_stop_steps=args.early_stop_steps, seed=args.seed,
                         vectors=args.vectors, vectors_file=args.vectors_file, vocab_from=args.vocab_from,
                         vector_vocab=args.vector_vocab, vector_min_count=args.vector_min_count,
                         vectors_without_dev=args.vectors_without_dev,
                         known_forms_in_training=args.known_forms_in_training, charlm=args.charlm or args.charlm_dir is not None, charlm_epochs=args.charlm_epochs,
                         charlm_dir=args.charlm_dir, charlm_hidden_dim=args.charlm_hidden_dim,
                         char_hidden_dim=args.char_hidden_dim, word_dropout=args.word_dropout, device=args.device,
                         threads=args.threads, limit_docs=args.limit_docs)
    train(config)
    return 0


def _run_train_charlm(args: argparse.Namespace) -> int:
    from extractor.ner.train import TrainConfig, train_charlms

    config = TrainConfig(corpus=args.corpus, out=args.out, bruk_texts=args.bruk_texts, work_dir=args.work_dir,
                         seed=args.seed, charlm=True, charlm_hidden_dim=args.hidden_dim, charlm_epochs=args.epochs,
                         charlm_dropout=args.dropout,
                         device=args.device, threads=args.threads, limit_docs=args.limit_docs)
    train_charlms(config, directions=tuple(args.direction))
    return 0


def _run_pack(args: argparse.Namespace) -> int:
    from extractor.ner.pack import pack

    pack(args.members, args.out)
    return 0


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


def _add_evaluate(sub: argparse._SubParsersAction) -> None:
    evaluate = sub.add_parser("evaluate", help="score a model").add_subparsers(dest="what", required=True)
    ner = evaluate.add_parser("ner", help="strict P/R/F1 of the NER model on NER-UK 2.0")
    ner.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="NER-UK 2.0 folder (default: %(default)s)")
    ner.add_argument("--split", choices=["test", "dev"], default="test", help="test split, or dev (held out from train) (default: %(default)s)")
    ner.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled models/uk-ner)")
    ner.add_argument("--against", type=Path, default=None, metavar="MODEL_DIR",
                     help="also score this model folder, and bootstrap the difference over documents (is a gain real?)")
    ner.add_argument("--known-forms", choices=["model", "on", "off"], default="model",
                     help="look words the vectors lack up as a known form of the same lexeme: as the model "
                          "was trained, always, or never (default: %(default)s)")
    ner.add_argument("--against-known-forms", choices=["model", "on", "off"], default="model",
                     help="the same for the --against model (--against the same folder measures the lookup itself)")
    ner.add_argument("--json", action="store_true", help="print JSON")
    ner.set_defaults(func=_run_evaluate_ner)
    lemmas = evaluate.add_parser("lemmas", help="lemma accuracy: pymorphy3 first parse vs. ours")
    source = lemmas.add_mutually_exclusive_group(required=True)
    source.add_argument("--bruk", type=Path, help="folder of BRUK disambiguated XML files (or one file)")
    source.add_argument("--conllu", type=Path, help="CoNLL-U file with gold lemmas")
    lemmas.add_argument("--held-out", action="store_true", help="with --bruk: score only the files held out from training")
    lemmas.add_argument("--json", action="store_true", help="print JSON")
    lemmas.set_defaults(func=_run_evaluate_lemmas)
    repair = evaluate.add_parser("repair", help="damage held-out BRUK texts, repair them and score the repair")
    repair.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="raw BRUK texts (default: %(default)s)")
    repair.add_argument("--max-files", type=int, default=None, help="score only the first N held-out files")
    repair.add_argument("--conllu", type=Path, default=None,
                        help="score on the sentences of this UD .conllu file instead of BRUK (an independent check)")
    repair.add_argument("--json", action="store_true", help="print JSON")
    repair.set_defaults(func=_run_evaluate_repair)


_KNOWN_FORMS = {"model": None, "on": True, "off": False}


def _run_evaluate_ner(args: argparse.Namespace) -> int:
    from extractor.ner.evaluate import compare, evaluate, format_comparison, format_report, to_json
    from extractor.ner.tagger import DEFAULT_MODEL_DIR

    model_dir = args.model_dir or DEFAULT_MODEL_DIR
    if args.against:
        comparison = compare(args.corpus, args.split, (model_dir, _KNOWN_FORMS[args.known_forms]),
                             (args.against, _KNOWN_FORMS[args.against_known_forms]), progress=not args.json)
        print(to_json(comparison) if args.json else format_comparison(comparison))
        return 0
    report = evaluate(args.corpus, args.split, model_dir, progress=not args.json,
                      known_forms=_KNOWN_FORMS[args.known_forms])
    print(to_json(report) if args.json else format_report(report))
    return 0


def _run_evaluate_lemmas(args: argparse.Namespace) -> int:
    import json

    from extractor.morphology import evaluate as lemma_eval
    from extractor.morphology.bruk import split_files
    from extractor.morphology.lemmas import LemmaModel
    from extractor.morphology.tagger import DEFAULT_LEMMA_MODEL

    model = LemmaModel.load(DEFAULT_LEMMA_MODEL)
    if args.bruk:
        if not args.bruk.exists():
            raise SystemExit(f"error: {args.bruk}: no such file or folder")
        if args.held_out:
            sentences = [s for f in split_files(args.bruk)[1] for s in lemma_eval.bruk_sentences(f)]
        else:
            sentences = lemma_eval.bruk_sentences(args.bruk)
        name = f"BRUK {args.bruk}{' (held-out files)' if args.held_out else ''}"
    else:
        if not args.conllu.exists():
            raise SystemExit(f"error: {args.conllu}: no such file")
        sentences, name = lemma_eval.conllu_sentences(args.conllu), f"UD {args.conllu}"
    result = lemma_eval.score(sentences, model)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else lemma_eval.format_report(name, result))
    return 0


def _run_train_lemmas(args: argparse.Namespace) -> int:
    from extractor.morphology.bruk import split_files
    from extractor.morphology.lemmas import LemmaModel

    train_files, test_files = split_files(args.bruk)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    LemmaModel.learn(train_files).save(args.out)
    print(f"learned from {len(train_files)} BRUK files ({len(test_files)} held out) -> {args.out}", file=sys.stderr)
    return 0


def _run_train_repair(args: argparse.Namespace) -> int:
    from extractor.cleaning.repair import count_words, save_frequencies

    save_frequencies(*count_words(args.bruk_texts), args.out)
    print(f"word frequencies -> {args.out}", file=sys.stderr)
    return 0


def _run_evaluate_repair(args: argparse.Namespace) -> int:
    import json

    from extractor.cleaning.evaluate_repair import bruk_lines, conllu_lines, evaluate, format_report

    stats = evaluate(conllu_lines(args.conllu) if args.conllu else bruk_lines(args.bruk_texts, args.max_files))
    print(json.dumps(stats, indent=2) if args.json else format_report(stats))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Ukrainian entity and quantity extractor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    _add_train(sub)
    _add_evaluate(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    logging.basicConfig(level=logging.INFO if args.verbose or args.command == "train" else logging.WARNING,
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
