"""Benchmark (not a test): ``python -m extractor_lab.bench``.

Speed, on one fixed corpus of BRUK texts, all in one run so that the ratios
hold on a shared, noisy machine:
- the reference: stanza's own ``Pipeline(processors="tokenize,ner",
  tokenize_pretokenized=True)`` running the forward pass of the single tagger
  shipped before the distilled one (``uk_ner.pt`` of commit REFERENCE_COMMIT,
  taken from git history);
- NER alone, through our tagger: the default (member 1) and ``--accurate-ner``;
- the whole pipeline in one process, and with one worker per core (the default
  and ``--accurate-ner``);
- cold start (a fresh interpreter: import and load every model) and peak RSS.
Scale (``--scale-docs``): documents/s of a CLI run with 1 and N workers (one
core each) on news-sized documents cut from BRUK, and of the library's
``Extractor`` in one process with torch on every core, peak RSS of runs of N/10 and N documents,
how long a ``--resume`` of the finished run takes to skip everything, and a
run killed (SIGKILL, workers included) half way and resumed, whose tables
must equal the uninterrupted run's.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractor_lab.paths import SHARED

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_COMMIT = "53f66e8"  # the last commit whose models/uk-ner/uk_ner.pt is the single tagger shipped before


def corpus(folder: Path, max_chars: int) -> list[str]:
    texts, total = [], 0
    for path in sorted(folder.rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
        total += len(texts[-1])
        if total >= max_chars:
            break
    return texts


def reference_tagger(cache: Path) -> Path:
    """The previously shipped single tagger, from git history."""
    target = cache / "uk_ner.pt"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        data = subprocess.run(["git", "show", f"{REFERENCE_COMMIT}:models/uk-ner/uk_ner.pt"], cwd=ROOT,
                              capture_output=True, check=True).stdout
        target.write_bytes(data)
    return target


def stanza_forward(sentences: list[list[str]], tagger: Path, vectors: Path) -> float:
    """Seconds stanza's own pipeline takes to tag the pre-tokenized sentences."""
    import stanza

    with tempfile.TemporaryDirectory() as resources:
        Path(resources, "resources.json").write_text(json.dumps({"uk": {"lang_name": "Ukrainian"}}))
        pipeline = stanza.Pipeline(lang="uk", dir=resources, processors="tokenize,ner", tokenize_pretokenized=True,
                                   ner_model_path=str(tagger), ner_pretrain_path=str(vectors), download_method=None,
                                   logging_level="WARN", device="cpu")
        started = time.perf_counter()
        pipeline(sentences)
        return time.perf_counter() - started


# a child process's own peak RSS in KB (an expression for its code, which imports re): read from
# VmHWM, since ru_maxrss survives exec and a child of this bench, which holds loaded models, would
# report the bench's size
OWN_PEAK_KB = "int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"


def cold_start() -> float:
    code = "import time; t = time.perf_counter(); from extractor import Extractor; Extractor(); print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def pipeline_peak_rss(texts: list[str]) -> float:
    """Peak RSS in MB of a fresh process that loads the extractor and runs it over ``texts`` (VmHWM:
    this bench process holds the reference model too, and ``ru_maxrss`` of a child counts its parent)."""
    code = ("import json, re, sys, collections; from extractor import Extractor; texts = json.load(sys.stdin); "
            "collections.deque(Extractor().iter_documents(texts, as_text=True), maxlen=0); "  # as a run: none kept
            f"print({OWN_PEAK_KB} / 1024)")
    return float(subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                                check=True).stdout.strip().splitlines()[-1])


CLI_CODE = ("import re, resource, sys; from extractor.cli import main; code = main(sys.argv[1:]); "
            f"print(max({OWN_PEAK_KB}, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)")


def cli_run(inputs: Path, out: Path, *options: str, env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the largest process) of one `extractor extract` run."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CLI_CODE, "extract", str(inputs), "--out", str(out),
                             "--no-progress", *options], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr)
    return seconds, float(result.stdout.strip().splitlines()[-1])


def kill_half_way(inputs: Path, out: Path, batches: int, *options: str) -> None:
    """Start a run and SIGKILL it, workers and all, once about half of its ``batches`` are committed."""
    run = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(inputs), "--out", str(out),
                            "--no-progress", *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    manifest = out / "_run" / "manifest.jsonl"
    while run.poll() is None:
        if manifest.exists() and manifest.read_text(encoding="utf-8").count("\n") >= batches // 2:
            os.killpg(run.pid, signal.SIGKILL)
            break
        time.sleep(0.2)
    run.wait()
    if run.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the run ended (exit {run.returncode}) before it could be killed half way")


def same_tables(first: Path, second: Path) -> bool:
    """Whether two output folders hold the same four CSV tables, rows compared after sorting."""
    import pandas as pd

    for name in ("mentions", "entities", "quantities", "documents"):
        a, b = (pd.read_csv(folder / f"{name}.csv", keep_default_na=False, dtype=str) for folder in (first, second))
        if list(a.columns) != list(b.columns) or len(a) != len(b):
            return False
        a, b = (t.sort_values(list(t.columns)).reset_index(drop=True) for t in (a, b))
        if not a.equals(b):
            return False
    return True


def news_corpus(folder: Path, count: int, chars: int = 1500) -> Path:
    """``count`` documents of about ``chars`` characters cut from BRUK texts, one .txt file each."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted((SHARED / "bruk" / "text").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for start in range(0, len(text) - chars // 2, chars):
            (folder / f"{written:06d}.txt").write_text(text[start:start + chars], encoding="utf-8")
            written += 1
            if written == count:
                return folder
    return folder


def speed(args) -> None:
    texts = corpus(args.texts, args.chars)
    from extractor import Extractor
    from extractor.corpus import extract_to_folder
    from extractor.models import NER_MODEL_DIR, NER_VECTORS_FILE
    from extractor.workers import available_cores

    extractor = Extractor()
    documents = list(extractor.iter_documents(texts, as_text=True))
    sentences = [[t.norm for t in s.tokens] for d in documents for s in d.sentences]
    tokens = sum(map(len, sentences))
    print(f"corpus: {len(texts)} BRUK texts, {sum(map(len, texts)):,} chars, {tokens:,} tokens, {available_cores()} cores")
    reference = tokens / stanza_forward(sentences, reference_tagger(ROOT / "build" / "reference-ner"),
                                        NER_MODEL_DIR / NER_VECTORS_FILE)

    def ner_speed(tagger) -> float:
        started = time.perf_counter()
        tagger.tag(sentences)
        return tokens / (time.perf_counter() - started)

    from extractor.ner.tagger import NerTagger, _native_bf16

    ner = ner_speed(extractor.ner)
    accurate = NerTagger(members=2)
    ner_accurate = ner_speed(accurate)
    accurate.bf16 = _native_bf16()  # what --accurate-ner --bf16 gives here
    ner_accurate_bf16 = ner_speed(accurate)
    del accurate
    started = time.perf_counter()
    list(extractor.iter_documents(texts, as_text=True))
    one_process = tokens / (time.perf_counter() - started)
    workers = available_cores()
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        extract_to_folder(texts, Path(out) / "tables", as_text=True, workers=workers)
        all_cores = tokens / (time.perf_counter() - started)
        started = time.perf_counter()
        extract_to_folder(texts, Path(out) / "accurate", as_text=True, workers=workers, ner_members=2)
        all_cores_accurate = tokens / (time.perf_counter() - started)
    print(f"reference, stanza Pipeline forward of the previous single tagger: {reference:,.0f} tokens/s")
    print(f"NER only, our tagger (default: member 1 alone): {ner:,.0f} tokens/s")
    print(f"NER only, --accurate-ner (member 2 where member 1 is unsure): {ner_accurate:,.0f} tokens/s")
    print(f"NER only, --accurate-ner --bf16 ({'native' if _native_bf16() else 'no native bf16 here: float32'}): "
          f"{ner_accurate_bf16:,.0f} tokens/s")
    print(f"end-to-end, one process: {one_process:,.0f} tokens/s")
    print(f"end-to-end, {workers} workers (model loading included): {all_cores:,.0f} tokens/s")
    print(f"ratio end-to-end ({workers} workers) / reference: {all_cores / reference:.2f}")
    print(f"end-to-end, --accurate-ner, {workers} workers: {all_cores_accurate:,.0f} tokens/s, "
          f"ratio to the reference {all_cores_accurate / reference:.2f}")
    print(f"cold start (fresh interpreter, import and load every model): {cold_start():.2f} s")
    print(f"peak RSS of one process running the pipeline over the corpus: {pipeline_peak_rss(texts):,.0f} MB")


def one_process_all_threads(inputs: Path) -> float:
    """Seconds a fresh process takes to run ``Extractor().extract`` (torch on every core) over ``inputs``."""
    code = "import sys; from extractor import Extractor; Extractor().extract([sys.argv[1]])"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(inputs)], capture_output=True, check=True)
    return time.perf_counter() - started


def scale(args) -> None:
    from extractor.workers import available_cores

    workers = available_cores()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        big = news_corpus(work / "big", args.scale_docs)
        small = news_corpus(work / "small", args.scale_docs // 10)
        one, big_rss = cli_run(big, work / "one", "--workers", "1")
        many, _ = cli_run(big, work / "many", "--workers", str(workers))
        library = one_process_all_threads(big)
        resume, _ = cli_run(big, work / "many", "--workers", str(workers), "--resume")
        _, small_rss = cli_run(small, work / "small-out", "--workers", "1")
        kill_half_way(big, work / "killed", -(-args.scale_docs // 32), "--workers", str(workers))
        cli_run(big, work / "killed", "--workers", str(workers), "--resume")
        resumed_same = same_tables(work / "killed", work / "many")
        from distributed import LocalCluster

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            on_dask, _ = cli_run(big, work / "dask", "--dask-scheduler", cluster.scheduler_address)
        dask_same = same_tables(work / "dask", work / "many")
    count = args.scale_docs
    print(f"scale corpus: {count} documents of about 1,500 characters")
    print(f"--workers 1 (one core): {count / one:.1f} documents/s; --workers {workers}: {count / many:.1f} "
          f"documents/s; ratio {one / many:.2f}")
    print(f"for comparison, Extractor().extract in one process, torch on all {workers} cores: "
          f"{count / library:.1f} documents/s; --workers {workers} / that: {library / many:.2f}")
    print(f"peak RSS, 1 worker: {count // 10} documents {small_rss:,.0f} MB, {count} documents {big_rss:,.0f} MB "
          f"(difference {big_rss - small_rss:+,.0f} MB)")
    print(f"Dask, a local cluster of {workers} one-thread workers: {count / on_dask:.1f} documents/s; "
          f"/ --workers {workers}: {many / on_dask:.2f} (the bar: at least 0.9); tables "
          f"{'equal' if dask_same else 'DIFFERENT'}")
    print(f"--resume of the finished run (skips all {count}): {resume:.1f} s")
    print(f"killed (SIGKILL) half way, then --resume: tables {'equal' if resumed_same else 'DIFFERENT from'} "
          "the uninterrupted run's (rows compared after sorting)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor_lab.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=SHARED / "bruk" / "text" / "good", help="(default: %(default)s)")
    parser.add_argument("--chars", type=int, default=1_000_000, help="speed corpus size in characters (default: %(default)s)")
    parser.add_argument("--scale-docs", type=int, default=0,
                        help="also run the scale section on this many documents (the issue's bar: 2000)")
    parser.add_argument("--no-speed", dest="speed", action="store_false", help="only the scale section")
    args = parser.parse_args(argv)
    if args.speed:
        speed(args)
    if args.scale_docs:
        scale(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
