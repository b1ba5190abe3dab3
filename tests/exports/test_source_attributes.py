"""Every export of a real project carries each page's date, name and number where its format has a place.

The pages' running headers give them at import; one page's are then corrected, and the
corrected values are what the exports say. The REFI-QDA project must stay valid against its XSD
and the TEI against tei_all; brat's standoff has no place for a document's attributes.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from db import Project
from db.exports.snapshot import export_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
TEI = "{http://www.tei-c.org/ns/1.0}"
QDE = "{urn:QDA-XML:project:1.0}"


@pytest.fixture(scope="module")
def project_file(tmp_path_factory) -> tuple[Path, dict[str, tuple[str, str, int]]]:
    """Both sample pages, a passage on each; the first page's attributes corrected by hand."""
    path = tmp_path_factory.mktemp("attributes") / "pages.jiaokan"
    expected = {}
    with Project.open(path, author="校对甲") as p:
        tag = p.add_tag("主题")
        for k, sample in enumerate(SAMPLES):
            source_id = p.import_file(sample).source_id
            p.annotate(p.article_ids(source_id)[0], tag.id, 0, 4)
            if k == 0:
                p.set_source_attributes(source_id, date="2025-10-01", name="要闻", number=3)
            found = p.source_attributes(source_id)
            expected[sample.name] = (found.date, found.name, found.number)
    assert expected[SAMPLES[0].name] == ("2025-10-01", "要闻", 3)
    assert all(name and number for _, name, number in expected.values())  # the other page's header read them
    return path, expected


def test_csv_rows_carry_date_name_and_number(project_file, tmp_path):
    path, expected = project_file
    out = export_project(path, "csv", tmp_path / "passages.csv").path
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert rows
    for row in rows:
        day, name, number = expected[row["source"]]
        assert (row["source_date"], row["source_page_name"], row["source_page_number"]) == (day, name, str(number))


def test_jsonl_sources_carry_them(project_file, tmp_path):
    path, expected = project_file
    out = export_project(path, "jsonl", tmp_path / "work.jsonl").path
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = [r for r in records if "source" in r]
    assert articles
    for record in articles:
        source = record["source"]
        assert (source["date"], source["page_name"], source["page_number"]) == expected[source["name"]]


def test_refi_qda_variables_are_valid_and_carry_them(project_file, tmp_path, qde_schema):
    path, expected = project_file
    out = export_project(path, "qdpx", tmp_path / "project.qdpx").path
    with zipfile.ZipFile(out) as zf:
        doc = etree.fromstring(zf.read("project.qde"))
    assert qde_schema.validate(doc), "\n".join(e.message for e in qde_schema.error_log)
    variables = {v.get("guid"): v.get("name") for v in doc.iter(f"{QDE}Variable")}
    by_page: dict[str, dict[str, str]] = {}
    for source in doc.iter(f"{QDE}TextSource"):
        values = {}
        for vv in source.iter(f"{QDE}VariableValue"):
            name = variables[vv.find(f"{QDE}VariableRef").get("targetGUID")]
            values[name] = next(iter(vv.iterchildren(f"{QDE}TextValue", f"{QDE}DateValue", f"{QDE}IntegerValue"))).text
        by_page[values["来源 source"]] = values
    for page, (day, name, number) in expected.items():
        values = by_page[page]
        assert (values["日期 date"], values["版名 page name"], values["版次 page number"]) == (day, name, str(number))


def test_tei_bibl_is_valid_and_carries_them(project_file, tmp_path, tei_rng):
    path, expected = project_file
    out = export_project(path, "tei", tmp_path / "corpus.xml").path
    doc = etree.parse(str(out))
    assert tei_rng.validate(doc), "\n".join(f"{e.line}: {e.message}" for e in tei_rng.error_log)
    for bibl in doc.iter(f"{TEI}bibl"):
        day, name, number = expected[bibl.findtext(f"{TEI}title")]
        assert bibl.find(f"{TEI}date").get("when") == day
        assert bibl.findtext(f"{TEI}biblScope[@unit='section']") == name
        assert bibl.find(f"{TEI}biblScope[@unit='page']").get("n") == str(number)


def test_w3c_targets_name_their_page(project_file, tmp_path):
    path, expected = project_file
    out = export_project(path, "w3c", tmp_path / "anno.jsonld").path
    items = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    tagged = [i for i in items if i["motivation"] == "tagging"]
    assert tagged
    for item in tagged:
        scope = item["target"]["scope"]
        page = scope["label"].split(" · ")[0]
        day, name, number = expected[page]
        assert scope["created"] == day and scope["label"] == f"{page} · {name} 第{number}版"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_reading_formats_show_them(project_file, tmp_path, fmt):
    path, expected = project_file
    out = export_project(path, fmt, tmp_path / f"corpus.{fmt}").path
    text = out.read_text(encoding="utf-8")
    for page, (day, name, number) in expected.items():
        assert f"{page} · {day} · {name} 第{number}版 · " in text
