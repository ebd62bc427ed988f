"""Reading the dev-set formats, and naming the file and line of what is wrong in them."""

from datetime import date

import pytest

from petrel.errors import DataFileError
from petrel.evaluation.datasets import read_pentaclass, read_petrarch_validation

PETR2 = """<Validation>
# comments are free text in these files
<Sentences>
<Sentence category="AFP" date="20080804" id="AFP1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader arrived in
Beijing on Monday.
</Text>
</Sentence>
<Sentence category="AFP" date="20080806" id="AFP2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
Markets were calm.
</Text>
</Sentence>
<Sentence id="P3" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
</Parse>
</Sentence>
<Sentence id="P4" evaluate="false"/>
<Text>Skipped.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_petrarch_validation_reads_codings_dates_and_no_event_sentences(tmp_path):
    path = tmp_path / "gsr.xml"
    path.write_text(PETR2, encoding="utf-8")
    first, second, third = read_petrarch_validation(path)
    assert first.text == "The US leader arrived in Beijing on Monday."
    assert first.date == date(2008, 8, 4)
    assert [(c.source, c.target, c.code) for c in first.codings] == [("USA", "CHN", "042")]
    assert second.codings == ()
    assert third.text == "Boko Haram attacked."  # rebuilt from the parse when <Text> is empty


def test_pentaclass_reads_classes_and_matches_spans_despite_retokenisation(tmp_path):
    (tmp_path / "dev.tsv").write_text("A Swiss court rejected the Croatian governmentʼs request.\t3\nRebels shelled Kiev.\t4\n", encoding="utf-8")
    (tmp_path / "dev_spans.conll").write_text(
        "A B-S\nSwiss I-S\ncourt I-S\nrejected O\nthe B-T\nCroatian I-T\ngovernment I-T\n's I-T\nrequest O\n. O\n\n", encoding="utf-8"
    )
    first, second = read_pentaclass(tmp_path / "dev.tsv")
    assert (first.label, first.spans["S"]) == ("3", "A Swiss court")
    assert first.spans["T"] == "the Croatian government 's"
    assert second.spans == {}


def test_a_bad_class_names_the_file_and_line(tmp_path):
    path = tmp_path / "dev.tsv"
    path.write_text("Rebels shelled Kiev.\t4\nTalks were held.\tseven\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        read_pentaclass(path)
    assert raised.value.path == str(path) and raised.value.line == 2
