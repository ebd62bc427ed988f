"""Reading articles from files, directories and stdin: JSON Lines, JSON, CSV, plain text, HTML.

    for article in read_articles(["news/", "extra.jsonl"], ReadOptions(publication_date=day)):
        ...
"""

from petrel.readers.batch import log_problem, read_articles
from petrel.readers.discovery import FORMAT_BY_EXTENSION, InputFormat
from petrel.readers.fields import article_from_fields, parse_publication_date
from petrel.readers.options import ReadOptions

__all__ = [
    "FORMAT_BY_EXTENSION",
    "InputFormat",
    "ReadOptions",
    "article_from_fields",
    "log_problem",
    "parse_publication_date",
    "read_articles",
]
