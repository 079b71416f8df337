"""Real-world input: encodings, formats, bad files, exit codes."""
import json

import pandas as pd
import pytest

from extractor.cli import main
from extractor.reading import read_inputs

TEXT = "Президент України Володимир Зеленський прибув до Києва, де зустрівся з прем'єр-міністром."


def read_one(path, **options):
    documents = list(read_inputs([path], **options))
    assert len(documents) == 1
    return documents[0]


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", TEXT.encode("utf-8-sig")),
    ("utf-16", TEXT.encode("utf-16")),
    ("cp1251", TEXT.encode("cp1251")),
    ("koi8_u", TEXT.encode("koi8_u")),
])
def test_encodings_are_detected(tmp_path, encoding, data):
    path = tmp_path / "news.txt"
    path.write_bytes(data)
    document = read_one(path)
    assert document.error is None and document.text == TEXT
    assert document.encoding.replace("-", "_").lower().startswith(encoding.replace("-", "_").lower()[:5])


def test_html_title_and_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Заголовок</title><script>var x = 1;</script></head>"
                    f"<body><nav>Меню</nav><p>{TEXT}</p></body></html>", encoding="utf-8")
    document = read_one(path)
    assert document.title == "Заголовок"
    assert TEXT in document.text and "var x" not in document.text and "Меню" not in document.text


def test_jsonl_and_csv_with_text_and_id_columns(tmp_path):
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(json.dumps({"id": "a1", "body": TEXT}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    documents = list(read_inputs([jsonl], text_column="body", id_column="id"))
    assert documents[0].doc_id == "feed-a1" and documents[0].text == TEXT
    assert documents[1].text is None and "invalid JSON" in documents[1].error
    table = tmp_path / "feed.csv"
    table.write_text(f'id,body\nb2,"{TEXT}"\n', encoding="utf-8")
    document = read_one(table, text_column="body", id_column="id")
    assert document.doc_id == "feed-b2" and document.text == TEXT


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t \n", "only whitespace"),
    ("binary.txt", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x10", "binary"),
    ("noise.txt", bytes(range(128, 256)) * 8, "undecodable"),
])
def test_bad_files_give_an_error_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    document = read_one(path)
    assert document.text is None and str(path) in document.error and message in document.error


def test_missing_file_empty_folder_and_size_limit(tmp_path):
    assert "no such file" in read_one(tmp_path / "missing.txt").error
    (tmp_path / "empty").mkdir()
    assert "no .txt" in read_one(tmp_path / "empty").error
    big = tmp_path / "big.txt"
    big.write_text(TEXT * 100, encoding="utf-8")
    assert "--max-chars" in read_one(big, max_chars=1000).error


def test_batch_keeps_going_and_exit_code_says_so(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "--no-progress"]) == 1
    import pandas as pd
    documents = pd.read_csv(out / "documents.csv")
    assert set(documents.status) == {"ok", "error"}
    assert "empty file" in capsys.readouterr().err
    assert len(pd.read_csv(out / "mentions.csv")) > 0


def test_usage_error_exits_2(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path)])  # --out missing
    assert exit_info.value.code == 2


def test_language_is_flagged_and_only_uk_skips(tmp_path):
    (tmp_path / "ru.txt").write_text("Это русский текст, который был написан для проверки языка.", encoding="utf-8")
    (tmp_path / "en.txt").write_text("This is an English text written to check the language flag.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt"), "--out", str(out),
                 "--only-uk", "--no-progress"]) == 0
    import pandas as pd
    documents = pd.read_csv(out / "documents.csv").set_index("doc_id")
    assert documents.loc["ru", "language"] == "ru" and documents.loc["en", "language"] == "en"
    assert set(documents.status) == {"skipped"}


def test_line_breaks_are_one_character_whatever_wrote_them(tmp_path):
    (tmp_path / "a.txt").write_bytes("Заголовок\r\rПерше речення.\r\nДруге речення.".encode("utf-8"))
    assert read_one(tmp_path / "a.txt").text == "Заголовок\n\nПерше речення.\nДруге речення."


def test_a_records_publication_date_column_is_read(tmp_path, extractor):
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "a", "body": "Учора уряд ухвалив рішення.", "date": "2025-03-20T09:15:00+02:00"},
               {"id": "b", "body": "Учора уряд ухвалив рішення.", "date": "Thu, 06 Mar 2025 10:00:00 +0000"},
               {"id": "c", "body": "Учора уряд ухвалив рішення.", "date": "1426089600"},
               {"id": "d", "body": "Учора уряд ухвалив рішення.", "date": "колись"}]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    documents = list(read_inputs([feed], text_column="body", id_column="id", published_column="date"))
    assert [d.published for d in documents[:3]] == ["2025-03-20T09:15:00+02:00", "2025-03-06T10:00:00+00:00",
                                                    "2015-03-11T16:00:00+00:00"]
    assert documents[3].text is None and "unreadable date 'колись'" in documents[3].error
    table = tmp_path / "feed.csv"
    table.write_text('id,body,date\nb2,"Учора уряд ухвалив рішення.",20.03.2025\n', encoding="utf-8")
    assert read_one(table, text_column="body", id_column="id", published_column="date").published == "2025-03-20T00:00:00"
    tables = extractor.extract([table], text_column="body", id_column="id", published_column="date")
    assert list(tables.documents.published) == ["2025-03-20T00:00:00"]
    missing = read_one(table, text_column="body", published_column="when")
    assert missing.text is None and "no column 'when'" in missing.error and "--published-column" in missing.error


def test_published_column_on_the_command_line(tmp_path):
    from extractor.cli import main

    feed = tmp_path / "feed.csv"
    feed.write_text('body,date\n"Зеленський прибув до Києва.",2025-03-20\n', encoding="utf-8")
    assert main(["extract", str(feed), "--out", str(tmp_path / "out"), "--text-column", "body",
                 "--published-column", "date", "--no-progress", "--workers", "1"]) == 0
    assert pd.read_csv(tmp_path / "out" / "documents.csv").published.tolist() == ["2025-03-20T00:00:00"]


def test_verbose_after_the_command_version_and_every_missing_path_named(tmp_path, capsys):
    from extractor.cli import build_parser

    assert build_parser().parse_args(["extract", "-v", "a.txt", "--out", "o"]).verbose is True
    assert build_parser().parse_args(["-v", "extract", "a.txt", "--out", "o"]).verbose is True
    assert build_parser().parse_args(["extract", "a.txt", "--out", "o"]).verbose is False
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.startswith("extractor ")
    assert main(["extract", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--out", str(tmp_path / "o")]) == 2
    error = capsys.readouterr().err
    assert "one.txt" in error and "two.txt" in error
