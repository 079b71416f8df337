"""Random Unicode and random bytes through the library and the CLI: no crash, offsets hold, nothing lost."""
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.cli import main

UKRAINIAN = st.text(alphabet=st.sampled_from(list("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"
                                                 "0123456789 .,!?-'’«»()\n%№")), max_size=300)
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# each CLI run loads the models afresh, so fewer examples there
CLI_SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def raising():
    """The extractor with on_error="raise": a component that crashes fails the test, not just a row."""
    from extractor import Extractor

    return Extractor(on_error="raise")


def test_a_letter_without_a_unicode_name_is_read_as_an_unknown_word(raising):
    # hypothesis found it: pymorphy3 looks up every letter's Unicode name, and a Tangut ideograph has none
    document = raising("Слово 𗀀 і Київ.")
    assert document.status == "ok"
    assert [t.lemma for t in document.tokens if t.text == "𗀀"] == ["𗀀"]


@SETTINGS
@given(texts=st.lists(st.one_of(st.text(max_size=200), UKRAINIAN), min_size=1, max_size=4))
def test_random_texts_through_the_library(raising, texts):
    from extractor.reading.sources import normalize_newlines

    tables = raising.extract(texts, as_text=True)
    read = [normalize_newlines(t) for t in texts]  # line breaks are read as "\n"
    assert len(tables.documents) == len(texts)
    assert list(tables.documents.chars) == [len(t) if t.strip() else 0 for t in read]  # input order
    assert set(tables.documents.status) <= {"ok", "error"}
    assert all(not isinstance(e, str) or e.startswith("text ") for e in tables.documents.error)  # only empty input
    by_id = dict(zip(tables.documents.doc_id, read))
    for table in (tables.mentions, tables.quantities):
        for row in table.itertuples():
            assert by_id[row.doc_id][row.start:row.end] == row.text


@CLI_SETTINGS
@given(blobs=st.lists(st.binary(max_size=300), min_size=1, max_size=3))
def test_random_bytes_through_the_cli(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("in")
    for i, blob in enumerate(blobs):
        (folder / f"doc{i}.txt").write_bytes(blob)
    out = folder / "out"
    code = main(["extract", str(folder), "--out", str(out), "--no-progress"])
    documents = pd.read_csv(out / "documents.csv", dtype={"doc_id": str})
    assert code in (0, 1)
    assert sorted(documents.doc_id) == sorted(f"doc{i}" for i in range(len(blobs)))
    assert (code == 1) == (documents.status == "error").any()
