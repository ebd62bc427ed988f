from datetime import date

from petrel.errors import Problem
from petrel.readers import ReadOptions


def test_csv_columns_match_whatever_their_case_spacing_or_bom(read_inputs, write_file):
    path = write_file(
        "news.csv",
        "\ufeff ID ,Text,Date,TITLE,extra\r\n"
        'n1,"Troops withdrew, officials said.",2024-02-01,Withdrawal,ignored\r\n',
    )
    result = read_inputs(path)
    (article,) = result.articles
    assert (article.id, article.text, article.date, article.title) == (
        "n1", "Troops withdrew, officials said.", date(2024, 2, 1), "Withdrawal"
    )
    assert result.problems == []


def test_csv_without_a_text_column_is_one_problem_naming_the_columns(read_inputs, write_file):
    path = write_file("news.csv", "id,body,date\n1,Some words,2024-01-01\n2,More words,2024-01-02\n")
    result = read_inputs(path)
    assert result.articles == []
    assert result.where() == [(str(path), None, Problem.CSV_NO_TEXT_COLUMN)]
    assert "columns found: id, body, date" in str(result.problems[0])


def test_csv_blank_text_row_is_reported_at_the_line_where_the_row_starts(read_inputs, write_file):
    path = write_file(
        "news.csv",
        'id,text\n1,"A long article\nover two lines."\n2,"   "\n\n3,The last one.\n',
    )
    result = read_inputs(path)
    assert result.texts == ["A long article\nover two lines.", "The last one."]
    assert [article.origin for article in result.articles] == [f"{path}:2", f"{path}:6"]
    assert result.where() == [(str(path), 4, Problem.NO_TEXT)]


def test_csv_row_that_cannot_be_parsed_skips_only_that_row(read_inputs, write_file):
    path = write_file("news.csv", 'id,text\n1,"quoted"then more\n2,Still read.\n')
    result = read_inputs(path)
    assert result.texts == ["Still read."]
    assert result.where() == [(str(path), 2, Problem.BAD_CSV)]


def test_csv_invalid_utf8_row_skips_only_that_row(read_inputs, write_file):
    content = b"id,text\n1,Fine.\n2,Caf\xe9 bombing\n3,Also fine.\n"
    path = write_file("news.csv", content)
    result = read_inputs(path)
    assert result.texts == ["Fine.", "Also fine."]
    assert result.where() == [(str(path), 3, Problem.ENCODING)]
    assert result.problems[0].detail == {"offset": content.index(b"\xe9")}


def test_csv_long_article_is_not_cut_by_the_csv_field_limit(read_inputs, write_file):
    long_text = "Word " * 60_000  # 300 KB, over the csv module's default 128 KiB field limit
    path = write_file("news.csv", f'text\n"{long_text}"\n')
    assert read_inputs(path).texts == [long_text]


def test_csv_rows_without_a_date_get_the_date_option(read_inputs, write_file):
    path = write_file("news.csv", "text,date\nUndated.,\nDated.,2023-01-09\n")
    result = read_inputs(path, options=ReadOptions(publication_date=date(2024, 6, 1)))
    assert [article.date for article in result.articles] == [date(2024, 6, 1), date(2023, 1, 9)]


def test_csv_unclosed_quote_is_reported_at_the_row_where_it_opens(read_inputs, write_file):
    path = write_file("news.csv", 'id,text\n1,First.\n2,"Never closed\n3,Swallowed.\n')
    result = read_inputs(path)
    assert result.texts == ["First."]
    assert result.where() == [(str(path), 3, Problem.BAD_CSV)]
    assert "unexpected end of data" in str(result.problems[0])


def test_csv_header_that_is_not_utf8_stops_that_file_only(read_inputs, write_file):
    bad = write_file("bad.csv", b"id,t\xe9xt\n1,Words.\n")
    good = write_file("good.csv", "text\nStill read.\n")
    result = read_inputs(bad, good)
    assert result.texts == ["Still read."]
    assert result.where() == [(str(bad), 1, Problem.ENCODING)]
