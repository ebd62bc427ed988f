from datetime import date

from petrel.errors import Problem
from petrel.readers import ReadOptions

TWO_GOOD_ONE_BROKEN = (
    '{"id": "a1", "text": "Police arrested ten protesters.", "date": "2024-03-21", "title": "Arrests",'
    ' "source": "Wire", "url": "https://example.com/a1"}\n'
    '{"id": "a2", "text": "broken line, no closing brace"\n'
    '{"id": "a3", "text": "The minister met the envoy."}\n'
)


def test_jsonl_reads_every_field(read_inputs, write_file):
    path = write_file("news.jsonl", TWO_GOOD_ONE_BROKEN)
    first = read_inputs(path).articles[0]
    assert first.text == "Police arrested ten protesters."
    assert (first.id, first.date, first.title, first.source, first.url) == (
        "a1", date(2024, 3, 21), "Arrests", "Wire", "https://example.com/a1"
    )
    assert first.origin == f"{path}:1"


def test_jsonl_broken_line_in_the_middle_is_reported_and_the_rest_read(read_inputs, write_file):
    path = write_file("news.jsonl", TWO_GOOD_ONE_BROKEN)
    result = read_inputs(path)
    assert [article.id for article in result.articles] == ["a1", "a3"]
    assert result.where() == [(str(path), 2, Problem.BAD_JSON)]
    assert str(result.problems[0]).startswith(f"{path}:2: skipped: line is not valid JSON (")


def test_jsonl_blank_lines_are_ignored_and_line_numbers_stay_physical(read_inputs, write_file):
    path = write_file("news.ndjson", '\n{"text": "First."}\n\n   \n{"text": 7}\n')
    result = read_inputs(path)
    assert result.texts == ["First."]
    assert result.where() == [(str(path), 5, Problem.NO_TEXT)]


def test_jsonl_value_that_is_not_an_object_is_reported(read_inputs, write_file):
    path = write_file("news.jsonl", '["a list"]\n"a string"\n{"title": "no text"}\n{"text": "   "}\n')
    result = read_inputs(path)
    assert result.articles == []
    assert result.where() == [
        (str(path), 1, Problem.NOT_AN_OBJECT),
        (str(path), 2, Problem.NOT_AN_OBJECT),
        (str(path), 3, Problem.NO_TEXT),
        (str(path), 4, Problem.NO_TEXT),
    ]


def test_jsonl_bad_date_is_a_warning_and_the_article_is_still_coded(read_inputs, write_file):
    path = write_file("news.jsonl", '{"text": "Talks resumed.", "date": "last Tuesday"}\n')
    result = read_inputs(path)
    assert result.texts == ["Talks resumed."]
    assert result.articles[0].date is None
    (problem,) = result.problems
    assert (problem.line, problem.problem, problem.skipped) == (1, Problem.BAD_DATE, False)
    assert "warning: date 'last Tuesday' is not an ISO date" in str(problem)


def test_jsonl_bad_date_falls_back_to_the_date_option(read_inputs, write_file):
    path = write_file("news.jsonl", '{"text": "Talks resumed.", "date": "31/12/2024"}\n{"text": "Undated."}\n')
    result = read_inputs(path, options=ReadOptions(publication_date=date(2024, 5, 1)))
    assert [article.date for article in result.articles] == [date(2024, 5, 1), date(2024, 5, 1)]
    assert result.where() == [(str(path), 1, Problem.BAD_DATE_USED_DEFAULT)]
    assert "coded with the --date publication date 2024-05-01" in str(result.problems[0])
    assert not result.problems[0].skipped


def test_jsonl_row_date_wins_over_the_date_option(read_inputs, write_file):
    path = write_file("news.jsonl", '{"text": "Dated.", "date": "2023-07-04T10:00:00Z"}\n')
    result = read_inputs(path, options=ReadOptions(publication_date=date(2024, 5, 1)))
    assert result.articles[0].date == date(2023, 7, 4)


def test_jsonl_id_defaults_to_a_stable_hash_of_the_text(read_inputs, write_file):
    first = read_inputs(write_file("a.jsonl", '{"text": "Same words."}\n')).articles[0]
    second = read_inputs(write_file("b.jsonl", '{"text": "Same words.", "id": ""}\n')).articles[0]
    assert first.id == second.id and len(first.id) == 16


def test_jsonl_invalid_utf8_line_skips_only_that_line(read_inputs, write_file):
    content = b'{"text": "ok one"}\n{"text": "caf\xe9"}\n{"text": "ok two"}\n'
    path = write_file("news.jsonl", content)
    result = read_inputs(path)
    assert result.texts == ["ok one", "ok two"]
    assert result.where() == [(str(path), 2, Problem.ENCODING)]
    assert result.problems[0].detail == {"offset": content.index(b"\xe9")}


def test_jsonl_keeps_crlf_text_and_strips_a_bom(read_inputs, write_file):
    path = write_file("news.jsonl", b'\xef\xbb\xbf{"text": "line one\\r\\nline two"}\r\n')
    result = read_inputs(path)
    assert result.texts == ["line one\r\nline two"]
    assert result.problems == []


def test_jsonl_is_read_lazily(read_inputs, write_file):
    from petrel.readers import read_articles

    path = write_file("news.jsonl", '{"text": "first"}\n{"text": "second"}\n')
    articles = read_articles([str(path)], report=lambda problem: None)
    assert next(articles).text == "first"
