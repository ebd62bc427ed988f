"""HTML pages: the main text, without navigation, footers and other boilerplate.

Extraction is done by trafilatura, on the page as read: nothing is ever fetched from the
network, not even the canonical URL the page names.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.fields import parse_publication_date
from petrel.readers.input_files import Report, read_document
from petrel.readers.options import ReadOptions


def read_html_file(path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """The one article of an HTML page, with its title, date, canonical URL and site name."""
    html = read_document(path, options, report)
    if html is None:
        return
    article = article_from_html(html, path, options)
    if article is None:
        report(InputProblem(path, None, Problem.HTML_NO_MAIN_TEXT))
        return
    yield article


def article_from_html(html: str, origin: str, options: ReadOptions) -> Article | None:
    """The main text and metadata of a page, or None when it has no main text.

    The date is the publication date in the page's metadata (meta tags, JSON-LD), else
    `options.publication_date`; dates merely mentioned in the text are not used.
    """
    # Imported here: trafilatura takes a noticeable time to import, and most runs read no HTML.
    import trafilatura
    from lxml.etree import LxmlError
    from trafilatura.settings import set_date_params

    try:
        page = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=set_date_params(extensive=False),
        )
    except (ValueError, TypeError, LxmlError):
        return None
    if page is None or not page.text or not page.text.strip():
        return None
    return Article(
        text=page.text,
        date=_page_date(page.date) or options.publication_date,
        title=page.title or None,
        source=page.sitename or None,
        url=page.url or None,
        origin=origin,
    )


def _page_date(value: str | None) -> date | None:
    try:
        return parse_publication_date(value)
    except ValueError:
        return None
