"""The CAMEO ontology joined with PLOVER: one table, loaded once and validated at load.

Every coded event takes its PLOVER type, mode, context, quad and penta class and Goldstein
weight from here, so those fields can never disagree with the CAMEO code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from petrel.errors import DataFileError
from petrel.records import PLOVER_TYPES

ONTOLOGY_DIR = resources.files("petrel") / "data" / "ontology"
CAMEO_TABLE = "cameo_codes.tsv"
PLOVER_TABLES = ("cameo_to_plover.txt", "plover_supplement.txt")

_CODE = re.compile(r"^\d{2,4}$")
_PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):(?P<fields>[^#]*)(?:#(?P<comment>.*))?$")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    penta_class: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class _PloverRow:
    plover: str | None
    mode: str | None
    context: tuple[str, ...]


class Ontology:
    """CAMEO codes with their PLOVER mapping. Look codes up with `ontology[code]`."""

    def __init__(self, codes: dict[str, CameoCode], files: list[str]):
        self._codes = codes
        self.files = files

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[str]:
        return list(self._codes)


def _read_cameo_table(path: Path | str, text: str) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    expected = ["code", "name", "goldstein", "quad_class", "penta_class"]
    if reader.fieldnames != expected:
        raise DataFileError(path, 1, f"header must be {' '.join(expected)}, found {reader.fieldnames}")
    for line_number, row in enumerate(reader, start=2):
        code = (row["code"] or "").strip()
        if not _CODE.match(code):
            raise DataFileError(path, line_number, f"{code!r} is not a CAMEO code (2-4 digits)")
        if code in rows:
            raise DataFileError(path, line_number, f"CAMEO code {code} is listed twice")
        try:
            rows[code] = {
                "line": line_number,
                "name": row["name"].strip(),
                "goldstein": float(row["goldstein"]),
                "quad_class": int(row["quad_class"]),
                "penta_class": int(row["penta_class"]),
            }
        except (TypeError, ValueError) as error:
            raise DataFileError(path, line_number, f"bad number in row for {code}: {error}") from None
        if rows[code]["quad_class"] not in (1, 2, 3, 4) or rows[code]["penta_class"] not in range(5):
            raise DataFileError(path, line_number, f"quad_class must be 1-4 and penta_class 0-4 for {code}")
    return rows


def _read_plover_table(path: str, text: str, known: dict[str, dict], mapped: dict[str, _PloverRow]) -> None:
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _PLOVER_LINE.match(line)
        if not match:
            raise DataFileError(path, line_number, f"expected 'CODE: TYPE, mode, context # name', found {line!r}")
        code = match["code"]
        if code not in known:
            raise DataFileError(path, line_number, f"{code} is not a CAMEO code in {CAMEO_TABLE}")
        if code in mapped:
            raise DataFileError(path, line_number, f"CAMEO code {code} is mapped twice")
        fields = [field.strip() for field in match["fields"].split(",")]
        fields += [""] * (3 - len(fields))
        plover, mode, context = fields[0], fields[1], fields[2]
        if plover == "none":
            plover = None
        elif plover not in PLOVER_TYPES:
            raise DataFileError(
                path, line_number, f"unknown PLOVER type {plover!r}",
                fix=f"use one of {', '.join(PLOVER_TYPES)} or 'none'",
            )
        contexts = tuple(part.strip() for part in context.split(";") if part.strip())
        mapped[code] = _PloverRow(plover, mode or None, contexts)


def load_ontology(directory: Path | None = None) -> Ontology:
    """Read and validate the CAMEO table and the PLOVER mapping from `directory`."""
    base = directory if directory is not None else ONTOLOGY_DIR
    cameo_path = base / CAMEO_TABLE
    known = _read_cameo_table(str(cameo_path), cameo_path.read_text(encoding="utf-8"))
    mapped: dict[str, _PloverRow] = {}
    files = [str(cameo_path)]
    for name in PLOVER_TABLES:
        path = base / name
        _read_plover_table(str(path), path.read_text(encoding="utf-8"), known, mapped)
        files.append(str(path))
    missing = [code for code in known if code not in mapped]
    if missing:
        raise DataFileError(
            str(cameo_path), known[missing[0]]["line"],
            f"no PLOVER mapping for CAMEO code(s) {', '.join(missing)}",
            fix=f"add a line 'CODE: TYPE, mode, context # name' for each to {PLOVER_TABLES[-1]} (TYPE 'none' if it has none)",
        )
    codes = {
        code: CameoCode(code=code, plover=mapped[code].plover, mode=mapped[code].mode,
                        context=mapped[code].context, **{k: v for k, v in row.items() if k != "line"})
        for code, row in known.items()
    }
    return Ontology(codes, files)


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The packaged ontology, loaded once per process."""
    return load_ontology()
