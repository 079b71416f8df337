"""The spaCy component: registered by entry point, same entities as Extractor, batches, DocBin, displaCy."""
import spacy
from spacy import displacy
from spacy.tokens import DocBin

from conftest import ARTICLE, SAMPLES

TEXTS = [line.strip() for path in sorted(SAMPLES.glob("*.txt")) + [ARTICLE]
         for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 80][:20]


def _entities_of_docs(docs):
    return [[(e.text, e.label_, e._.lemma, e._.country_code) for e in doc.ents] for doc in docs]


def test_the_component_gives_the_extractors_entities_in_two_processes(extractor):
    assert len(TEXTS) == 20
    nlp = spacy.blank("uk")
    nlp.add_pipe("uk_entities")  # no import of ours: the entry point registers the factory
    docs = list(nlp.pipe(TEXTS, batch_size=8, n_process=2))
    expected = [[(e.text, e.label, e.lemma, e.country_code) for e in extractor(text).entities] for text in TEXTS]
    assert _entities_of_docs(docs) == expected
    assert sum(map(len, expected)) > 40


def test_docbin_keeps_the_extension_data_and_displacy_draws_it():
    nlp = spacy.blank("uk")
    nlp.add_pipe("uk_entities")
    doc = nlp("Президент України Володимир Зеленський прибув до Києва. Кредит становить 50 млрд доларів.")
    assert doc._.quantities[0]["currency"] == "USD" and doc._.quantities[0]["value"] == 50e9
    assert [t.lemma_ for t in doc][:2] == ["президент", "україна"] and doc[1].morph.get("Case") == ["Gen"]
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    assert _entities_of_docs([restored]) == _entities_of_docs([doc])
    assert {e._.lemma for e in restored.ents} >= {"Україна", "Володимир Зеленський", "Київ"}
    html = displacy.render(restored, style="ent")
    assert "Зеленський" in html and "PERS" in html


def test_a_processed_document_converts_to_a_spacy_doc(extractor):
    document = extractor("Заяву Володимира Зеленського підтримали в Києві.")
    from extractor.spacy import to_spacy

    doc = to_spacy(document)
    assert [(e.text, e._.lemma) for e in doc.ents] == [(e.text, e.lemma) for e in document.entities]
    assert [t.lemma_ for t in doc] == [t.lemma for t in document.tokens]


def test_two_processes_after_a_first_call_in_this_one_finish(tmp_path):
    """The README's order: nlp(text) first, then nlp.pipe(n_process=2). Workers forked from a process
    whose torch had run used to wait forever; a fresh interpreter runs it under a time limit."""
    import subprocess
    import sys

    script = tmp_path / "order.py"
    script.write_text(
        "import spacy\n"
        "nlp = spacy.blank('uk'); nlp.add_pipe('uk_entities')\n"
        "first = nlp('Президент України Володимир Зеленський прибув до Києва.')\n"
        "docs = list(nlp.pipe(['Зеленський прибув до Львова.'] * 12, batch_size=4, n_process=2))\n"
        "print(len(first.ents), len(docs), sorted({e.text for d in docs for e in d.ents}))\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[:2] == ["3", "12"] and "Львова" in done.stdout
