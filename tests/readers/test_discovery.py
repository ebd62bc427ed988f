import os

from petrel.readers import read_articles


def test_directory_is_read_recursively_in_sorted_order_known_extensions_only(read_inputs, write_file, tmp_path):
    write_file("news/b.txt", "B text.")
    write_file("news/a.jsonl", '{"text": "A1."}\n{"text": "A2."}\n')
    write_file("news/sub/deeper/c.HTML", "<html><body><article><p>" + "C paragraph. " * 20 + "</p></article></body></html>")
    write_file("news/sub/a.csv", "text\nSub A.\n")
    write_file("news/photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write_file("news/notes.docx", b"PK\x03\x04")
    write_file("news/.hidden.txt", "Hidden file.")
    write_file("news/.git/HEAD.txt", "Hidden folder.")
    result = read_inputs(tmp_path / "news")
    assert result.problems == []
    assert [article.origin for article in result.articles] == [
        os.path.join(tmp_path, "news", "a.jsonl") + ":1",
        os.path.join(tmp_path, "news", "a.jsonl") + ":2",
        os.path.join(tmp_path, "news", "b.txt"),
        os.path.join(tmp_path, "news", "sub", "a.csv") + ":2",
        os.path.join(tmp_path, "news", "sub", "deeper", "c.HTML"),
    ]
    assert result.articles[-1].text.startswith("C paragraph.")


def test_directory_order_is_the_same_on_every_run(read_inputs, write_file, tmp_path):
    for name in ["z.txt", "m.txt", "a/x.txt", "A.txt", "b/a.text"]:
        write_file(f"docs/{name}", name)
    first = read_inputs(tmp_path / "docs").texts
    assert first == ["A.txt", "a/x.txt", "b/a.text", "m.txt", "z.txt"]
    assert read_inputs(tmp_path / "docs").texts == first


def test_paths_are_read_in_the_order_given(read_inputs, write_file):
    second = write_file("2.txt", "second")
    first = write_file("1.txt", "first")
    assert read_inputs(second, first).texts == ["second", "first"]


def test_a_single_path_may_be_passed_bare(write_file):
    path = write_file("story.txt", "One story.")
    assert [article.text for article in read_articles(path, report=lambda problem: None)] == ["One story."]


def test_problems_are_logged_as_warnings_when_no_report_is_given(write_file, caplog):
    path = write_file("broken.jsonl", '{"text": "ok"}\n{nope\n')
    with caplog.at_level("WARNING", logger="petrel.readers"):
        assert [article.text for article in read_articles([str(path)])] == ["ok"]
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}:2: skipped: line is not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    ]
