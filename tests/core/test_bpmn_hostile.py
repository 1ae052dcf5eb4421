"""Hostile and broken files are refused by name, in one sentence, before they cost anything."""

from __future__ import annotations

import pytest

from omplanner.bpmn.importer import read_bpmn
from omplanner.bpmn.safe_xml import BpmnFileError, read_bpmn_bytes

from .test_bpmn_import_miwg import _empty_plan

DEFINITIONS = b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
<task id="t" name="&lol4;"/></process></definitions>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
<task id="t" name="&secret;"/></process></definitions>"""


def _refusal(raw: bytes) -> str:
    with pytest.raises(BpmnFileError) as caught:
        read_bpmn(raw, _empty_plan(), "m-cur", "hostile.bpmn")
    message = str(caught.value)
    assert message.startswith("hostile.bpmn: ") and "\n" not in message
    return message


def test_billion_laughs_is_refused_as_a_dtd():
    assert "declares a DTD" in _refusal(BILLION_LAUGHS)


def test_an_external_entity_is_refused_and_never_read():
    message = _refusal(EXTERNAL_ENTITY)
    assert "declares a DTD" in message and "root:" not in message


def test_a_utf16_doctype_is_refused_after_parsing_without_expanding():
    raw = EXTERNAL_ENTITY.replace(b'<?xml version="1.0"?>', b"").decode().encode("utf-16")
    assert "declares a DTD" in _refusal(raw)


def test_deep_nesting_is_refused_by_its_depth():
    raw = DEFINITIONS + b"<process id='p'>" + b"<documentation>" * 5000 + b"</documentation>" * 5000
    raw += b"</process></definitions>"
    assert "nested more than" in _refusal(raw)


def test_a_file_of_50_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.bpmn"
    with path.open("wb") as handle:
        handle.write(DEFINITIONS)
        handle.truncate(50 * 2**20)
    with pytest.raises(BpmnFileError) as caught:
        read_bpmn_bytes(path)
    assert "50 MB" in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04 a zip file", "not an XML file"),
        (b"name,minutes\nKey in,5\n", "not an XML file"),
        (b"<definitions><task></definitions>", "not well-formed XML"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "not BPMN 2.0: its root is <svg>"),
        (DEFINITIONS + b"</definitions>", "no process"),
    ],
)
def test_files_that_are_not_bpmn_get_one_sentence(raw, words):
    assert words in _refusal(raw)


def test_sloppy_but_harmless_files_are_forgiven():
    raw = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>'
        b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:v="urn:vendor">'
        b'<process id="p"><v:magic id="x"/><task id="1 not a name" name="Pr\xfcfen"/></process></definitions>'
    )
    result = read_bpmn(raw, _empty_plan(), "m-cur")
    assert [s.name for s in result.pmap.steps] == ["Prüfen"]
    assert result.degradations == []
