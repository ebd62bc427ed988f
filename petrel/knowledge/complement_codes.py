"""What appeals, promises, demands, refusals and threats are about: codes by complement.

"urged Israel to *allow aid in*": the appeal (02) is for the event its complement names (07
aid) -> 0233. The table (petrel/data/events/complement_codes.tsv) maps a frame's root and a
CAMEO prefix of its complement's event to the specific code; the longest prefix wins.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from petrel.errors import DataFileError
from petrel.knowledge.tables import read_tsv
from petrel.ontology import Ontology, default_ontology

COMPLEMENT_CODES_PATH = Path(str(resources.files("petrel") / "data" / "events" / "complement_codes.tsv"))
_COLUMNS = ("frame_root", "complement", "code")


class ComplementCodes:
    def __init__(self, table: dict[tuple[str, str], str], path: str):
        self.table, self.path = table, path
        self.roots = frozenset(root for root, _ in table)

    def code_for(self, frame_root: str, complement_code: str) -> str | None:
        """The specific code of a `frame_root` event whose complement would be `complement_code`."""
        for length in range(len(complement_code), 1, -1):
            code = self.table.get((frame_root, complement_code[:length]))
            if code is not None:
                return code
        return None


def load_complement_codes(path: Path = COMPLEMENT_CODES_PATH, ontology: Ontology | None = None) -> ComplementCodes:
    ontology = ontology or default_ontology()
    table: dict[tuple[str, str], str] = {}
    for line, row in read_tsv(path, _COLUMNS):
        root, complement, code = row["frame_root"], row["complement"], row["code"]
        for value in (root, complement, code):
            if value not in ontology:
                raise DataFileError(str(path), line, f"{value!r} is not a CAMEO code", fix="see petrel/data/ontology/cameo_codes.tsv")
        if len(root) != 2 or not code.startswith(root):
            raise DataFileError(str(path), line, f"{code} is not a code of root {root}", fix="frame_root is a two-digit root and code one of its codes")
        if (root, complement) in table:
            raise DataFileError(str(path), line, f"{root} with complement {complement} is given twice")
        table[(root, complement)] = code
    return ComplementCodes(table, str(path))


@lru_cache(maxsize=1)
def default_complement_codes() -> ComplementCodes:
    return load_complement_codes()
