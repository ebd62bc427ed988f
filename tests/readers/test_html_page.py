from datetime import date

from petrel.errors import Problem
from petrel.readers import ReadOptions

PARAGRAPHS = [
    "Thousands of protesters marched through central Lagos on Thursday, demanding lower fuel "
    "prices and an end to the new tax on mobile payments.",
    "Police fired tear gas at the crowd near the state assembly, according to witnesses, and at "
    "least twelve people were arrested by officers.",
    "The governor said in a statement that he would meet union leaders on Friday to discuss "
    "their demands and called for calm.",
]


def news_page(head: str = "") -> str:
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html><head><title>Protesters clash with police in Lagos | Daily Example</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/subscribe">Subscribe to our newsletter today</a></li></ul></nav>
<article><h1>Protesters clash with police in Lagos</h1>
{body}</article>
<footer><p>Copyright 2024 Daily Example Media Group. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


METADATA = """
<meta property="og:title" content="Protesters clash with police in Lagos">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2024-03-21T09:30:00Z">
<link rel="canonical" href="https://news.example.com/lagos-protests">
"""


def test_html_main_text_keeps_the_article_and_drops_the_boilerplate(read_inputs, write_file):
    result = read_inputs(write_file("page.html", news_page(METADATA)))
    (article,) = result.articles
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for boilerplate in ("World news menu", "Subscribe to our newsletter", "Copyright 2024", "Privacy policy"):
        assert boilerplate not in article.text
    assert result.problems == []


def test_html_metadata_gives_title_date_canonical_url_and_source(read_inputs, write_file):
    path = write_file("page.HTM", news_page(METADATA))
    result = read_inputs(path, options=ReadOptions(publication_date=date(2000, 1, 1)))
    (article,) = result.articles
    assert article.title == "Protesters clash with police in Lagos"
    assert article.date == date(2024, 3, 21)
    assert article.url == "https://news.example.com/lagos-protests"
    assert article.source == "Daily Example"
    assert article.origin == str(path)


def test_html_without_a_date_in_its_metadata_gets_the_date_option(read_inputs, write_file):
    path = write_file("page.html", news_page())
    result = read_inputs(path, options=ReadOptions(publication_date=date(2024, 5, 6)))
    assert result.articles[0].date == date(2024, 5, 6)


def test_html_without_main_text_is_reported(read_inputs, write_file):
    path = write_file("empty.html", "<html><head><title>Nothing</title></head><body></body></html>")
    result = read_inputs(path)
    assert result.articles == []
    assert result.where() == [(str(path), None, Problem.HTML_NO_MAIN_TEXT)]


def test_html_reading_never_touches_the_network(read_inputs, write_file, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = read_inputs(write_file("page.html", news_page(METADATA)))
    assert len(result.articles) == 1 and result.problems == []
