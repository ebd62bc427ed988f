from __future__ import annotations

from petrel.readers.estimate import estimate_article_count


def test_estimate_counts_lines_of_jsonl_and_csv_and_one_per_document(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    (tmp_path / "news" / "b.csv").write_text("id,text\n1,x\n2,y\n", encoding="utf-8")
    (tmp_path / "news" / "c.txt").write_text("One story.", encoding="utf-8")
    (tmp_path / "news" / "d.html").write_text("<p>One page.</p>", encoding="utf-8")
    assert estimate_article_count([tmp_path / "news"]) == 3 + 2 + 1 + 1


def test_estimate_is_unknown_for_stdin_and_zero_for_missing_files(tmp_path):
    assert estimate_article_count(["-"]) is None
    assert estimate_article_count([tmp_path / "missing.jsonl"]) == 0
