"""Corpus-scale runs: committed batch by batch, resumed after kill -9, locked, on workers and on Dask."""
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from extractor.cli import main
from extractor.run_folder import RunFolder

from conftest import SHARED

TABLES = ("mentions", "entities", "quantities", "documents")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 news-sized documents cut from BRUK texts, as .txt files."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "bruk" / "text" / "good").glob("*.txt"))[:12]]
    pieces = [text[i:i + 700] for text in texts for i in range(0, min(len(text), 2800), 700)][:40]
    for number, piece in enumerate(pieces):
        (folder / f"doc{number:03d}.txt").write_text(piece, encoding="utf-8")
    return folder


def tables(out):
    """The four tables, rows sorted, so runs that committed batches in another order compare equal."""
    found = {}
    for name in TABLES:
        table = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        found[name] = table.sort_values(list(table.columns)).reset_index(drop=True)
    return found


def assert_same_tables(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole") / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--workers", "1", "--batch-docs", "4", "--no-progress"]) == 0
    return tables(out)


def _extract_command(corpus, out, *extra):
    return [sys.executable, "-m", "extractor", "extract", str(corpus), "--out", str(out), "--workers", "1",
            "--batch-docs", "4", "--no-progress", *extra]


def test_a_run_killed_half_way_resumes_to_the_same_tables(corpus, uninterrupted, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen(_extract_command(corpus, out), stderr=subprocess.PIPE, env={**os.environ, "OMP_NUM_THREADS": "1"})
    manifest = out / "_run" / "manifest.jsonl"
    deadline = time.time() + 300
    while time.time() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_text().splitlines()) >= 4:  # 16 of 40 documents committed
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    committed = len(manifest.read_text().splitlines())
    assert 4 <= committed < 10, committed  # killed between batches or within one, not after the end
    assert not (out / "mentions.csv").exists()

    again = subprocess.run(_extract_command(corpus, out), capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr  # an unfinished run is not overwritten by accident

    resumed = subprocess.run(_extract_command(corpus, out, "--resume"), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert "already done" in resumed.stderr
    assert_same_tables(tables(out), uninterrupted)


def test_a_changed_input_is_redone_on_resume(corpus, tmp_path):
    changed = tmp_path / "corpus"
    changed.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:6]:
        (changed / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(changed), "--out", str(out), "--workers", "1", "--batch-docs", "2", "--no-progress"]) == 0
    (changed / "doc001.txt").write_text("Президент Франції Емманюель Макрон прибув до Києва.", encoding="utf-8")
    assert main(["extract", str(changed), "--out", str(out), "--workers", "1", "--resume", "--no-progress"]) == 0
    fresh = tmp_path / "fresh"
    assert main(["extract", str(changed), "--out", str(fresh), "--workers", "1", "--no-progress"]) == 0
    assert_same_tables(tables(out), tables(fresh))
    assert "Макрон" in " ".join(tables(out)["mentions"].text)


def test_a_second_run_into_a_locked_folder_stops_with_a_clear_error(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    holder = RunFolder(out)
    holder.open(resume=False)
    try:
        assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 2
    finally:
        holder.close()
    assert "another extractor run is writing there" in capsys.readouterr().err
    assert not (out / "mentions.csv").exists()


@pytest.mark.parametrize("problem", ["out is a file", "missing input"])
def test_usage_problems_stop_before_any_work(corpus, tmp_path, capsys, problem):
    out = tmp_path / "out"
    inputs = [str(corpus)]
    if problem == "out is a file":
        out.write_text("not a folder")
    else:
        inputs.append(str(tmp_path / "no-such-folder"))
    assert main(["extract", *inputs, "--out", str(out), "--no-progress"]) == 2
    error = capsys.readouterr().err
    assert ("is a file" in error) if problem == "out is a file" else ("no-such-folder" in error)


def test_our_own_output_folder_is_not_read_as_input(corpus, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text((corpus / "doc000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for _ in range(2):
        assert main(["extract", str(folder), "--out", str(folder / "out"), "--workers", "1", "--no-progress"]) == 0
    assert list(pd.read_csv(folder / "out" / "documents.csv").doc_id) == ["a"]


def test_jsonl_records_are_limited_one_by_one_not_as_a_file(tmp_path):
    import json

    source = tmp_path / "news.jsonl"
    records = [{"id": n, "text": f"Новина {n}: уряд України ухвалив рішення про бюджет на {2000 + n} рік."} for n in range(60)]
    records.append({"id": "long", "text": "слово " * 400})
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    assert source.stat().st_size > 4 * 1000
    out = tmp_path / "out"
    code = main(["extract", str(source), "--out", str(out), "--id-column", "id", "--max-chars", "1000", "--workers", "1",
                 "--no-progress"])
    documents = pd.read_csv(out / "documents.csv")
    assert code == 1 and len(documents) == 61
    assert list(documents.status).count("ok") == 60
    assert "--max-chars" in documents.set_index("doc_id").loc["news-long", "error"]


def test_two_workers_and_a_dask_cluster_give_the_tables_of_one_worker(corpus, uninterrupted, tmp_path, extractor):
    import dask.bag as db
    from distributed import Client, LocalCluster

    from extractor.on_dask import extract_bag

    assert main(["extract", str(corpus), "--out", str(tmp_path / "two"), "--workers", "2", "--batch-docs", "4",
                 "--no-progress"]) == 0
    assert_same_tables(tables(tmp_path / "two"), uninterrupted)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        assert main(["extract", str(corpus), "--out", str(tmp_path / "dask"), "--batch-docs", "4", "--no-progress",
                     "--dask-scheduler", cluster.scheduler_address]) == 0
        assert_same_tables(tables(tmp_path / "dask"), uninterrupted)
        with Client(cluster):
            texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:8]]
            mentions, _, documents = extract_bag(db.from_sequence(texts, npartitions=2))
            mentions, documents = mentions.compute(), documents.compute()
    assert len(documents) == 8 and set(documents.status) == {"ok"}
    expected = extractor.extract(texts, as_text=True).mentions
    columns = ["text", "label", "lemma", "country_code"]
    assert sorted(map(tuple, mentions[columns].fillna("").values)) == sorted(map(tuple, expected[columns].fillna("").values))


def test_in_process_runs_with_other_options_do_not_share_models(tmp_path):
    """The one-worker path keeps its models between runs of one process, but only for the same options."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("У звязку з цим Рада ухвалила закон.", encoding="utf-8")
    repaired = {}
    for name, extra in (("plain", ["--no-repair"]), ("repaired", [])):
        out = tmp_path / name
        assert main(["extract", str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--no-progress", *extra]) == 0
        repaired[name] = int(pd.read_csv(out / "documents.csv").repaired_words.sum())
    assert repaired == {"plain": 0, "repaired": 1}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_long_document_reports_progress_by_characters(workers):
    """NER reports the characters it tagged batch by batch, from this process or from worker processes,
    so a long document shows progress before its batch is done."""
    from extractor.reading import RawDocument
    from extractor.workers import run_local

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "bruk" / "text" / "good").glob("*.txt")))
    assert len(text) > 60_000
    heard = []
    results = list(run_local([[RawDocument("long", text[:60_000])]], {"batch_docs": 1}, workers, heard.append))
    assert len(results) == 1 and results[0].documents.status[0] == "ok"
    assert len(heard) >= 4  # 60,000 characters come in NER batches of at most 10,000
    assert 0.7 * 60_000 < sum(heard) < 1.3 * 60_000  # characters of its words, a space after each


def test_a_worker_in_this_process_is_one_core_and_gives_the_threads_back():
    """A worker is one core, in this process too (two runs started by hand must not fight over the
    cores); once the run is over, this process's torch has the threads it had before."""
    import torch

    from extractor.reading import RawDocument
    from extractor.workers import run_local

    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        batches = [[RawDocument("a", "Київ сьогодні.")], [RawDocument("b", "Львів учора.")]]
        run = run_local(batches, {"batch_docs": 1}, 1)
        first = next(run)
        during = torch.get_num_threads()
        rest = list(run)
        after = torch.get_num_threads()
    finally:
        torch.set_num_threads(before)
    assert first.documents.status[0] == "ok" and len(rest) == 1
    assert (during, after) == (1, 2)


@pytest.mark.parametrize("command", ["evaluate", "train", "label"])
def test_a_lab_command_given_to_the_extractor_names_the_lab_command(command, capsys):
    assert main([command, "ner", "--split", "test"]) == 2
    assert f"extractor-lab {command} ner --split test" in capsys.readouterr().err


def test_accurate_and_fast_ner_together_are_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--accurate-ner", "--fast-ner"])
    assert stop.value.code == 2 and "not allowed with" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_run_of_only_broken_inputs_reports_without_loading_the_models(tmp_path, workers):
    """In a fresh interpreter, so that no earlier test's models count."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00\xff")
    code = ("import sys; from extractor.cli import main; from extractor import workers; "
            f"rc = main(['extract', {str(tmp_path / 'in')!r}, '--out', {str(tmp_path / 'out')!r}, '--workers', {workers!r}, "
            "'--no-progress']); print(rc, workers._EXTRACTOR is None, 'stanza' in sys.modules, 'torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["1", "True", "False", "False"], done.stderr[-2000:]
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert sorted(documents.status) == ["error", "error"]


def test_the_progress_bar_ends_on_the_summary_lines_tokens_per_second(corpus, tmp_path):
    """The bar's last figure counts the same seconds as the summary line, writing the tables included
    (in a fresh interpreter, where writing them first imports pandas)."""
    import re

    command = [sys.executable, "-m", "extractor", "extract", str(corpus / "doc000.txt"), str(corpus / "doc001.txt"),
               "--out", str(tmp_path / "out"), "--workers", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    shown = re.findall(r"([\d,]+) tokens/s", done.stderr)
    assert len(shown) >= 2 and done.stderr.rstrip().splitlines()[-1].endswith("documents.csv"), done.stderr[-2000:]
    assert shown[-2] == shown[-1]  # the bar's last postfix, then the summary line
