from datetime import date

from petrel.articles import text_hash
from petrel.errors import Problem
from petrel.readers import ReadOptions


def test_text_file_is_one_article_dated_with_the_date_option(read_inputs, write_file):
    text = "Rebels shelled the port on Monday.\n\nThe navy responded.\n"
    path = write_file("story.txt", text)
    result = read_inputs(path, options=ReadOptions(publication_date=date(2024, 4, 2)))
    (article,) = result.articles
    assert article.text == text
    assert article.id == text_hash(text)
    assert article.date == date(2024, 4, 2)
    assert (article.title, article.source, article.url) == (None, None, None)
    assert article.origin == str(path)


def test_text_file_is_kept_as_read_except_its_bom(read_inputs, write_file):
    path = write_file("story.txt", b"\xef\xbb\xbf  Line one\r\nLine two  ")
    assert read_inputs(path).texts == ["  Line one\r\nLine two  "]


def test_text_file_without_date_option_has_no_date(read_inputs, write_file):
    assert read_inputs(write_file("story.md", "# Title\nBody.")).articles[0].date is None


def test_named_file_with_unknown_extension_is_read_as_text(read_inputs, write_file):
    path = write_file("story.article", "Strikers blocked the highway.")
    assert read_inputs(path).texts == ["Strikers blocked the highway."]


def test_text_file_of_unicode_spaces_only_is_empty(read_inputs, write_file):
    path = write_file("blank.txt", "\u00a0\u2003\n")
    result = read_inputs(path)
    assert result.articles == []
    assert result.where() == [(str(path), None, Problem.EMPTY)]
