from petrel.errors import Problem


def test_json_array_of_articles_reports_bad_items_at_their_line(read_inputs, write_file):
    path = write_file(
        "batch.json",
        '[\n  {"id": "x1", "text": "Rebels seized the town."},\n  42,\n  {"id": "x2", "text": ""},\n'
        '  {"id": "x3",\n   "text": "Aid arrived."}\n]\n',
    )
    result = read_inputs(path)
    assert [(article.id, article.text) for article in result.articles] == [
        ("x1", "Rebels seized the town."),
        ("x3", "Aid arrived."),
    ]
    assert result.articles[1].origin == f"{path}:5"
    assert result.where() == [(str(path), 3, Problem.NOT_AN_OBJECT), (str(path), 4, Problem.NO_TEXT)]


def test_json_single_object_is_one_article(read_inputs, write_file):
    path = write_file("one.json", '{"text": "A single story.", "title": "One"}')
    result = read_inputs(path)
    assert [(article.text, article.title) for article in result.articles] == [("A single story.", "One")]


def test_json_that_is_really_jsonl_is_read_line_by_line(read_inputs, write_file):
    path = write_file("export.json", '{"text": "first"}\n{"text": "second"}\n{oops\n')
    result = read_inputs(path)
    assert result.texts == ["first", "second"]
    assert result.where() == [(str(path), 3, Problem.BAD_JSON)]


def test_broken_pretty_printed_json_is_one_problem_at_the_error_line(read_inputs, write_file):
    path = write_file("broken.json", '[\n  {"text": "a"},\n  {"text": "b"},\n]\n')
    result = read_inputs(path)
    assert result.articles == []
    assert result.where() == [(str(path), 4, Problem.BAD_JSON)]
