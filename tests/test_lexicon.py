"""The vocabulary's data files: each says what it is for, holds no entry twice, and is read by the product."""
import re

import pytest

from conftest import ROOT
from extractor import lexicon

LISTS = sorted(path.stem for path in lexicon.HERE.glob("*.txt"))
PRODUCT = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "extractor").rglob("*.py"))


@pytest.mark.parametrize("name", LISTS)
def test_every_list_says_what_it_is_for_and_is_read(name):
    first = (lexicon.HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert len(first) > 30, f"{name}.txt: say what the list is for and where it came from"
    entries = lexicon.entries(name)
    keys = [e.partition(" = ")[0] for e in entries]
    assert entries and len(keys) == len(set(keys)), f"{name}.txt holds an entry twice"
    assert re.search(rf"\(\"{name}\"", PRODUCT), f"{name}.txt is read by no module"


def test_a_list_without_its_line_is_refused(tmp_path, monkeypatch):
    (tmp_path / "bare.txt").write_text("слово\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "HERE", tmp_path)
    with pytest.raises(ValueError, match="bare.txt: the first line"):
        lexicon.entries("bare")


def test_tables_convert_their_values():
    assert lexicon.table("scales", float)["млн"] == 1e6
    assert lexicon.table("vague_counts", lexicon.whole_numbers)["кілька"] == (2, 9)
    assert lexicon.table("country_news_names", lambda v: v.split(" | "))["KP"][0] == "КНДР"
    assert ("наступний", "день") in lexicon.phrases("anchored_days")
