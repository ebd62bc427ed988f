"""`petrel info`: versions, the spaCy pipeline in use, and the data files loaded."""

from __future__ import annotations

import json
import platform
from enum import Enum

import typer

import petrel
from petrel.knowledge.actor_tables import default_actor_knowledge
from petrel.knowledge.event_lexicon import default_event_lexicon
from petrel.nlp import SPACY_MODEL, pipeline_version
from petrel.ontology import default_ontology


class InfoFormat(str, Enum):
    text = "text"
    json = "json"


def petrel_info() -> dict:
    """What petrel is running with: versions, pipeline, and every knowledge file it loads."""
    import spacy

    ontology = default_ontology()
    lexicon = default_event_lexicon()
    actors = default_actor_knowledge()
    return {
        "petrel": petrel.__version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "spacy_model": SPACY_MODEL,
        "spacy_model_version": pipeline_version(),
        "data_files": {
            "ontology": ontology.files,
            "event_lexicon": [lexicon.path],
            "actors": actors.files,
        },
        "counts": {
            "cameo_codes": len(ontology),
            "event_patterns": len(lexicon.patterns),
            "actor_names": len(actors.named),
            "sector_words": len(actors.sectors),
        },
    }


def info_command(
    format: InfoFormat = typer.Option(InfoFormat.text, "--format", help="text for people, json for scripts."),
) -> None:
    """Print the versions of petrel and spaCy, the spaCy pipeline in use and the data files loaded."""
    info = petrel_info()
    if format is InfoFormat.json:
        typer.echo(json.dumps(info, indent=2))
        return
    typer.echo(f"petrel {info['petrel']} (Python {info['python']})")
    typer.echo(f"spaCy {info['spacy']}, pipeline {info['spacy_model']} {info['spacy_model_version']}")
    typer.echo("knowledge: " + ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in info["counts"].items()))
    typer.echo("data files:")
    for group, files in info["data_files"].items():
        for path in files:
            typer.echo(f"  {group}: {path}")
