from datetime import date

from petrel.errors import Problem
from petrel.readers import ReadOptions


def test_stdin_starting_with_a_brace_is_read_as_jsonl(read_inputs, stdin_bytes):
    stdin_bytes(b'\n  {"text": "From a pipe.", "id": "p1"}\nnot json\n{"text": "Second."}')
    result = read_inputs("-")
    assert result.texts == ["From a pipe.", "Second."]
    assert result.articles[0].id == "p1"
    assert result.articles[0].origin == "<stdin>:2"
    assert result.where() == [("<stdin>", 3, Problem.BAD_JSON)]


def test_stdin_jsonl_longer_than_the_sniffed_head_is_read_whole(read_inputs, stdin_bytes):
    lines = [f'{{"text": "Article number {number} {"x" * 50}"}}\n' for number in range(500)]
    stdin_bytes("".join(lines).encode())
    result = read_inputs("-")
    assert len(result.articles) == 500 and result.problems == []
    assert result.articles[-1].text.startswith("Article number 499 ")


def test_stdin_other_text_is_one_plain_article(read_inputs, stdin_bytes):
    stdin_bytes(b"Two ministers resigned on Friday.\r\n")
    result = read_inputs("-", options=ReadOptions(publication_date=date(2024, 1, 5)))
    (article,) = result.articles
    assert article.text == "Two ministers resigned on Friday.\r\n"
    assert (article.date, article.origin) == (date(2024, 1, 5), "<stdin>")


def test_stdin_problems_are_shown_as_stdin(read_inputs, stdin_bytes):
    stdin_bytes(b"   \n")
    assert read_inputs("-").where() == [("<stdin>", None, Problem.EMPTY)]
    stdin_bytes(b"x" * 100)
    assert read_inputs("-", options=ReadOptions(max_bytes=50)).where() == [("<stdin>", None, Problem.TOO_LARGE)]
    stdin_bytes(b"caf\xe9")
    assert read_inputs("-").where() == [("<stdin>", None, Problem.ENCODING)]
