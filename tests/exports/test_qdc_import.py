"""REFI-QDA codebook import: valid files (nesting, colours, descriptions, clashes) and invalid ones."""

from __future__ import annotations

import pytest
from lxml import etree

from db import Project
from db.exports.qdc_import import CodebookInvalid, import_codebook, validate
from db.exports.snapshot import export_project


def gid(n: int) -> str:
    return f"{n:08x}-aaaa-4bbb-8ccc-{n:012x}"


VALID = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another Tool 3.1">
  <Codes>
    <Code guid="{gid(1)}" name="权益" isCodable="true" color="#36c">
      <Description>职工的合法权益</Description>
      <Code guid="{gid(2)}" name="工资" isCodable="true" color="#33AA55">
        <Code guid="{gid(3)}" name="拖欠" isCodable="true"/>
      </Code>
      <Code guid="{gid(4)}" name="工资" isCodable="false">
        <Description>duplicate sibling</Description>
        <Code guid="{gid(5)}" name="补发" isCodable="true"/>
      </Code>
      <Code guid="{gid(6)}" name="加班/休息" isCodable="1"/>
    </Code>
    <Code guid="{{{gid(7).upper()}}}" name="  地点 " isCodable="0"/>
    <Code guid="{gid(8)}" name="" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="{gid(9)}" name="常用"><MemberCode guid="{gid(1)}"/></Set>
  </Sets>
</CodeBook>
"""


def test_valid_codebook_is_imported(tmp_path, qdc_schema):
    assert qdc_schema.validate(etree.fromstring(VALID.encode())), qdc_schema.error_log
    assert validate(VALID.encode()) == [] and validate(VALID.encode(), use_xsd=False) == []
    path = tmp_path / "book.qdc"
    path.write_text(VALID, encoding="utf-8")
    with Project.open(tmp_path / "p.jiaokan") as p:
        p.add_tag("权益", colour="#000000")  # already there: left as it is
        dry = import_codebook(p, path, dry_run=True)
        assert dry.dry_run and [t.path for t in p.tags()] == ["权益"]
        report = import_codebook(p, path)
        assert report.created == dry.created == [
            "权益/工资", "权益/工资/拖欠", "权益/工资/补发", "权益/加班／休息", "地点", "未命名 unnamed"]
        assert report.existing == ["权益"]
        assert len(report.clashes) == 1 and gid(2) in report.clashes[0] and gid(4) in report.clashes[0]
        assert "same name" in report.clashes[0] and "merged" in report.clashes[0]
        assert len(report.renamed) == 3  # the slash, the spaces, the empty name
        assert report.not_codable == 2 and report.sets_ignored == 1
        tags = {t.path: t for t in p.tags()}
        assert tags["权益"].colour == "#000000" and tags["权益/工资"].colour == "#33aa55"
        assert tags["权益/工资/补发"].parent_id == tags["权益/工资"].id
        again = import_codebook(p, path)
        assert again.created == [] and len(again.existing) == 7
    assert "merged" in report.summary() and "not imported" in report.summary()


def test_round_trip_of_our_own_codebook(work_project, tmp_path):
    out = export_project(work_project, "qdc", tmp_path / "own.qdc").path
    with Project.open(work_project) as src:
        expected = [(t.path, t.colour, t.description) for t in src.tags()]
    with Project.open(tmp_path / "q.jiaokan") as p:
        import_codebook(p, out)
        assert [(t.path, t.colour, t.description) for t in p.tags()] == expected


INVALID = {
    "wrong namespace": '<CodeBook xmlns="urn:other"><Codes><Code guid="{g}" name="a" isCodable="true"/></Codes>'
    "</CodeBook>",
    "no codes": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
    "no name": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{g}" isCodable="true"/></Codes>'
    "</CodeBook>",
    "bad guid": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="42" name="a" isCodable="true"/></Codes>'
    "</CodeBook>",
    "bad colour": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{g}" name="a" isCodable="true" '
    'color="red"/></Codes></CodeBook>',
    "bad boolean": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{g}" name="a" isCodable="yes"/>'
    "</Codes></CodeBook>",
    "description after child": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{g}" name="a" '
    'isCodable="true"><Code guid="{g}" name="b" isCodable="true"/><Description>x</Description></Code></Codes>'
    "</CodeBook>",
    "text in codes": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>words<Code guid="{g}" name="a" '
    'isCodable="true"/></Codes></CodeBook>',
    "unknown attribute": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" colour="x"><Codes><Code guid="{g}" name="a" '
    'isCodable="true"/></Codes></CodeBook>',
    "not xml": "<CodeBook",
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_codebooks_are_refused(case, tmp_path, qdc_schema):
    data = INVALID[case].replace("{g}", gid(1)).encode()
    with_xsd, by_hand = validate(data), validate(data, use_xsd=False)
    assert with_xsd and by_hand, (with_xsd, by_hand)
    if case != "not xml":
        assert not qdc_schema.validate(etree.fromstring(data))
    path = tmp_path / "bad.qdc"
    path.write_bytes(data)
    with Project.open(tmp_path / "p.jiaokan") as p:
        with pytest.raises(CodebookInvalid) as info:
            import_codebook(p, path)
        assert p.tags() == []
    assert "not a valid REFI-QDA codebook" in str(info.value) and info.value.errors


def test_entities_are_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{gid(1)}" name="&b;" isCodable="true"/>'
        "</Codes></CodeBook>"
    )
    assert validate(bomb.encode()) and validate(bomb.encode(), use_xsd=False)
