"""petrel: political event data from news text, with evidence for every record."""

__version__ = "0.1.0"
