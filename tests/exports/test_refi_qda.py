"""REFI-QDA: .qdpx and .qdc valid against the QDA-XML 1.0 schemas; selections in code points."""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from db.exports.common import ExportError, is_placed
from db.exports.model import ExportCorpus
from db.exports.refi_qda import write_qdc, write_qdpx
from tests.exports.conftest import EXT_B, TAG_RIGHTS, TAG_WAGES, TAGS

P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def qdpx(corpus, tmp_path_factory):
    return write_qdpx(corpus, tmp_path_factory.mktemp("qdpx") / "project.qdpx")


@pytest.fixture(scope="module")
def project(qdpx):
    with zipfile.ZipFile(qdpx) as zf:
        return etree.fromstring(zf.read("project.qde"))


def assert_valid(schema: etree.XMLSchema, doc) -> None:
    assert schema.validate(doc), "\n".join(str(e) for e in schema.error_log)


def test_zip_layout_and_encodings(qdpx, corpus):
    with zipfile.ZipFile(qdpx) as zf:
        names = zf.namelist()
        assert names[0] == "project.qde"
        sources = [n for n in names if n != "project.qde"]
        assert len(sources) == len(corpus.articles)
        assert all(n.startswith("sources/") and n.endswith(".txt") for n in sources)  # lowercase folder
        qde = zf.read("project.qde")
        assert not qde.startswith(b"\xef\xbb\xbf") and b"\r" not in qde
        assert qde.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
        for name in sources:
            data = zf.read(name)
            assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
            data.decode("utf-8")


def test_project_valid_against_xsd(project, qde_schema):
    assert_valid(qde_schema, project)


def test_selections_are_code_point_spans_of_the_source_files(qdpx, project, corpus):
    quotes = {a.id: a.quote for _, a in corpus.iter_annotations()}
    seen = 0
    with zipfile.ZipFile(qdpx) as zf:
        for src in project.iter(f"{P}TextSource"):
            path = src.get("plainTextPath")
            assert path.startswith("internal://")
            text = zf.read("sources/" + path.removeprefix("internal://")).decode("utf-8")
            for sel in src.iter(f"{P}PlainTextSelection"):
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                assert text[start:end] == quotes[sel.get("guid")]
                seen += 1
    placed = [a for art, a in corpus.iter_annotations() if is_placed(art, a) and a.tag_id in {t.id for t in TAGS}]
    assert seen == len(placed)
    ext_b = [a for a in placed if EXT_B in a.quote]
    assert ext_b, "the fixture has a passage with 𠀋 inside"


def test_orphans_and_unknown_tags_are_skipped(project, corpus):
    guids = {sel.get("guid") for sel in project.iter(f"{P}PlainTextSelection")}
    by_quote = {a.quote: a.id for _, a in corpus.iter_annotations()}
    assert by_quote["此句已被删除"] not in guids  # orphaned
    assert by_quote["不再相符"] not in guids  # stale quote
    assert by_quote["区劳动局"] not in guids  # its tag is not in the codebook


def test_codebook_nested_with_colours(project):
    codes = project.find(f"{P}CodeBook/{P}Codes")
    top = {c.get("name"): c for c in codes.findall(f"{P}Code")}
    assert set(top) == {"劳资纠纷", "权益", "strike action", "地点"}
    assert top["权益"].get("guid") == TAG_RIGHTS.id and top["权益"].get("color") == "#3366CC"
    child = top["权益"].find(f"{P}Code")
    assert child.get("name") == "工资" and child.get("guid") == TAG_WAGES.id and child.get("color") == "#33AA55"
    assert child.findtext(f"{P}Description") == "工资拖欠与补发"
    assert top["strike action"].get("color") == "#AABBCC"
    assert top["地点"].get("isCodable") == "false"  # a parent path that is no tag
    assert top["地点"].find(f"{P}Code").get("color") is None  # "not a colour" is dropped


def test_references_resolve(project):
    code_guids = {c.get("guid") for c in project.iter(f"{P}Code")}
    note_guids = {n.get("guid") for n in project.iter(f"{P}Note")}
    user_guids = {u.get("guid") for u in project.iter(f"{P}User")}
    source_guids = {s.get("guid") for s in project.iter(f"{P}TextSource")}
    var_guids = {v.get("guid") for v in project.iter(f"{P}Variable")}
    assert {r.get("targetGUID") for r in project.iter(f"{P}CodeRef")} <= code_guids
    assert {r.get("targetGUID") for r in project.iter(f"{P}NoteRef")} == note_guids
    assert {r.get("targetGUID") for r in project.iter(f"{P}MemberSource")} == source_guids
    assert {r.get("targetGUID") for r in project.iter(f"{P}VariableRef")} == var_guids
    creators = {e.get("creatingUser") for e in project.iter() if e.get("creatingUser")}
    assert creators <= user_guids
    every = [e.get("guid") for e in project.iter() if e.get("guid")]
    assert len(every) == len(set(every)) and all(GUID.match(g) for g in every)


def test_notes(project):
    notes = {n.findtext(f"{P}PlainTextContent") for n in project.iter(f"{P}Note")}
    assert {"跨越引题与主标题", "工资拖欠三个月", "待核：工人人数", "需要核对照片说明"} <= notes


def test_codebook_qdc_valid(corpus, tmp_path, qdc_schema):
    out = write_qdc(corpus, tmp_path / "codebook.qdc")
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    doc = etree.fromstring(data)
    assert_valid(qdc_schema, doc)
    assert len(doc.findall(f".//{C}Code")) == len(TAGS) + 1  # with the synthesised parent 地点


def test_empty_codebook_cannot_be_a_qdc(tmp_path):
    with pytest.raises(ExportError):
        write_qdc(ExportCorpus("空"), tmp_path / "empty.qdc")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("with_tags", [False, True])
def test_sparse_projects_have_no_empty_containers(tmp_path, qde_schema, with_tags):
    corpus = ExportCorpus("空项目", tags=list(TAGS) if with_tags else [])
    out = write_qdpx(corpus, tmp_path / "p.qdpx")
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == ["project.qde"]
        assert_valid(qde_schema, etree.fromstring(zf.read("project.qde")))
