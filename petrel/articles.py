"""The unit of input: one news article, as read from any file format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


def text_hash(text: str, length: int = 16) -> str:
    """A stable short hash of a text: same text, same id, on every machine."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One article to code. Only `text` is required.

    `id` is the input's id, or a stable hash of the text when the input gave none.
    `origin` says where it came from ("file.jsonl:12") for messages; it is not output.
    """

    text: str
    id: str = ""
    date: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_hash(self.text))

    @classmethod
    def from_value(cls, value: "Article | str | dict") -> "Article":
        """Accept what a Python user naturally has: an Article, a bare text, or a dict."""
        if isinstance(value, Article):
            return value
        if isinstance(value, str):
            return cls(text=value)
        if isinstance(value, dict):
            from petrel.readers.fields import article_from_fields

            return article_from_fields(value, origin=str(value.get("origin", "")))
        raise TypeError(f"cannot code a {type(value).__name__}; pass an Article, a str or a dict")
