"""Interchange: every export of one real project, read back with readers that share no code with the writers.

- REFI-QDA: lxml and the REFI XSDs; every ``Note``, ``PlainTextSelection`` and ``Coding`` names a
  declared user and a creation time; a passage's note is its selection's ``Description`` (where
  QualCoder reads a coding's memo); the reads QualCoder's importer makes without a check succeed.
- W3C: plain JSON and PyLD; for every tagging and editing annotation, ``prefix + exact + suffix``
  occurs once, exactly at the TextPositionSelector, in the text of the resource the target names.
  That text comes from the project, not from the writer: the current text from ``articles.text``,
  the text before an edit from a copy of the project in which the store's own revert undid that
  edit and every later one.
- brat: a standoff parser written here; every span's text is the ``.txt`` there.
- Stable identities: a filtered export gives each tag the same GUID, ``isCodable`` and brat type
  as the full export of the same project.
- CSV, TEI, Markdown, text and JSONL: parsed with csv, lxml (+ tei_all when installed) and json.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from db import Project, derived_text
from db.article_text import A_TEXT, TEXT
from db.exports.registry import FORMATS
from db.exports.snapshot import ExportFilter, export_project
from tests.exports.conftest import SCHEMAS, json_nodes
from tests.exports.workproject import build

Q = "{urn:QDA-XML:project:1.0}"
QC = "{urn:QDA-XML:codebook:1.0}"
CONTEXT = json.loads((SCHEMAS / "w3c-anno.jsonld").read_text(encoding="utf-8"))
FILTER = ExportFilter(tag_paths=("权益/工资",))  # a child tag: its parent 权益 is in the codebook only as a parent
REPEATED = "街坊们在会上一再重复同一句话：书屋要开到晚上，孩子放学后才有地方看书。"
LAST = "街道表示将研究延长开放的办法。"
EDITOR = "王编辑"


# -- the project ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The shared work project, plus a page whose paragraph repeats and work done without an author."""
    folder = tmp_path_factory.mktemp("interchange")
    path = build(folder)
    page = folder / "pages" / "周报-2024-03-07.txt"
    lines = ["虚构周报 星期四 第2版", "书屋夜读的呼声", "本报记者 曾一帆", *[REPEATED] * 4, LAST]
    page.write_text("\n".join([*lines, ""]), encoding="utf-8")
    with Project.open(path, author=EDITOR) as p:
        outcome = p.import_file(page)
        (article,) = p.article_ids(outcome.source_id)
        text = p.get_article(article).text
        second = text.index(REPEATED, text.index(REPEATED) + 1)
        rights = p.find_tag("权益").id
        p.annotate(article, rights, second, second + 6, note="第二次重复")  # its 32-character context repeats
        p.correct(article, *_span(p, article, "研究"), "考虑")
        p.author = None
        p.annotate(article, rights, *_span(p, article, "延长开放"))
        p.add_note(article, "无人署名的笔记")
    return path


def _span(p: Project, article_id: int, passage: str) -> tuple[int, int]:
    start = p.get_article(article_id).text.index(passage)
    return start, start + len(passage)


def _rows(path: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = derived_text.install(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _same_second(refi: str, stored: str) -> bool:
    """A REFI-QDA time (UTC, whole seconds, "Z", as QDA tools write them) names the stored instant."""
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", refi), refi
    return _instant(refi) == _instant(stored).replace(microsecond=0)


@pytest.fixture(scope="module")
def exports(project, tmp_path_factory) -> dict[str, Path]:
    """Every registered format, full; and qdpx, qdc, w3c and brat filtered by one tag."""
    out = tmp_path_factory.mktemp("out")
    paths: dict[str, Path] = {}
    for name, fmt in FORMATS.items():
        paths[name] = export_project(project, name, fmt.default_path("full", out)).path
    for name in ("qdpx", "qdc", "w3c", "brat"):
        paths[f"{name}-filtered"] = export_project(project, name, FORMATS[name].default_path("filtered", out),
                                                   FILTER).path
    return paths


def test_every_format_is_exported(exports):
    assert set(FORMATS) <= set(exports)
    for path in exports.values():
        assert path.exists() and (path.is_dir() or path.stat().st_size > 0)


# -- REFI-QDA --------------------------------------------------------------------------------------


def _qde(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        texts = {n.removeprefix("sources/"): zf.read(n).decode("utf-8") for n in zf.namelist() if n != "project.qde"}
    return root, texts


def _users(root: etree._Element) -> dict[str, str]:
    return {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}


def _source_text(src: etree._Element, texts: dict[str, str]) -> str:
    return texts[src.get("plainTextPath").removeprefix("internal://")]


def test_qdpx_valid_and_every_note_and_selection_signed_and_dated(exports, qde_schema):
    root, _ = _qde(exports["qdpx"])
    qde_schema.assertValid(root)
    users = _users(root)
    signed = list(root.iter(f"{Q}Note", f"{Q}PlainTextSelection", f"{Q}Coding"))
    assert {e.tag for e in signed} == {f"{Q}Note", f"{Q}PlainTextSelection", f"{Q}Coding"}
    for e in signed:
        assert e.get("creatingUser") in users, etree.tostring(e)[:200]
        assert _instant(e.get("creationDateTime")).tzinfo is not None


def test_qdpx_notes_carry_the_projects_authors_and_times(exports, project):
    root, texts = _qde(exports["qdpx"])
    users = _users(root)
    notes = {n.get("guid"): n for n in root.iter(f"{Q}Note")}
    by_text: dict[str, list[etree._Element]] = {}
    for src in root.iter(f"{Q}TextSource"):
        by_text.setdefault(_source_text(src, texts), []).append(src)
    stored = _rows(project, f"SELECT n.text, n.author, n.created_at, {A_TEXT} AS article FROM article_notes n"
                            " JOIN articles a ON a.id = n.article_id")
    assert len(stored) >= 3
    for row in stored:
        (src,) = by_text[row["article"]]
        refs = [notes[r.get("targetGUID")] for r in src.findall(f"{Q}NoteRef")]
        (note,) = [n for n in refs if n.findtext(f"{Q}PlainTextContent") == row["text"]]
        assert users[note.get("creatingUser")] == (row["author"] or "未署名 unsigned")
        assert _same_second(note.get("creationDateTime"), row["created_at"])
        assert row["text"] in src.findtext(f"{Q}Description")  # QualCoder's file memo


def test_qdpx_passage_notes_are_the_selections_description(exports, project):
    root, texts = _qde(exports["qdpx"])
    users = _users(root)
    notes = {n.get("guid"): n.findtext(f"{Q}PlainTextContent") for n in root.iter(f"{Q}Note")}
    selections: dict[tuple[str, int, int], list[etree._Element]] = {}
    for src in root.iter(f"{Q}TextSource"):
        text = _source_text(src, texts)
        for sel in src.findall(f"{Q}PlainTextSelection"):
            selections.setdefault((text, int(sel.get("startPosition")), int(sel.get("endPosition"))), []).append(sel)
    stored = _rows(project, f"SELECT n.*, {A_TEXT} AS article FROM annotations n JOIN articles a ON a.id = n.article_id"
                            " WHERE n.orphaned = 0")
    written = 0
    for row in stored:
        candidates = selections.get((row["article"], row["char_start"], row["char_end"]), [])
        (sel,) = [s for s in candidates if users[s.get("creatingUser")] == (row["author"] or "未署名 unsigned")]
        assert row["article"][row["char_start"] : row["char_end"]] == row["quote"]
        assert _same_second(sel.get("creationDateTime"), row["created_at"])
        if row["note"]:
            assert sel.findtext(f"{Q}Description") == row["note"]
            (ref,) = sel.findall(f"{Q}NoteRef")
            assert notes[ref.get("targetGUID")] == row["note"]
            written += 1
        else:
            assert sel.find(f"{Q}Description") is None
    assert written >= 4 and sum(len(v) for v in selections.values()) == len(stored)


def test_qdpx_reads_that_qualcoder_makes_unchecked(exports):
    """What QualCoder's importer (src/qualcoder/refi.py) reads without a check, read the same way.

    It takes a Note's date from creationDateTime, else modifiedDateTime, and calls ``.replace`` on it
    (one missing date ends the import); a coding's memo is its selection's Description; a coding's
    code is the CodeRef of ``list(Coding)[0]``; a source's text file is ``sources/`` + plainTextPath.
    """
    root, texts = _qde(exports["qdpx"])
    codes = {c.get("guid") for c in root.iter(f"{Q}Code") if c.get("isCodable") != "false"}
    for note in root.find(f"{Q}Notes"):
        date = note.get("creationDateTime") or note.get("modifiedDateTime")
        assert date.replace("T", " ").replace("Z", "")
    memos = []
    for src in root.find(f"{Q}Sources"):
        assert _source_text(src, texts)
        for sel in src.findall(f"{Q}PlainTextSelection"):
            int(sel.get("startPosition")), int(sel.get("endPosition"))
            for coding in sel.findall(f"{Q}Coding"):
                assert list(coding)[0].get("targetGUID") in codes
            memo = next((d.text for d in sel if d.tag == f"{Q}Description" and d.text is not None), "")
            memos.append(memo)
    assert "第二次重复" in memos and "=1+1 不是公式" in memos


def test_qdc_valid(exports, qdc_schema):
    qdc_schema.assertValid(etree.parse(str(exports["qdc"])))
    qdc_schema.assertValid(etree.parse(str(exports["qdc-filtered"])))


# -- W3C -------------------------------------------------------------------------------------------


_RESOURCE = re.compile(r"^urn:jiaokan:article:(\d+)(?::before-edit:(\d+))?$")


class Texts:
    """The text of a resource the W3C export names, obtained from the project alone."""

    def __init__(self, project: Path, scratch: Path) -> None:
        self.project, self.scratch = project, scratch
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        if iri not in self.cache:
            m = _RESOURCE.match(iri)
            assert m, f"unknown resource {iri}"
            article, edit = int(m.group(1)), m.group(2)
            if edit is None:
                (row,) = _rows(self.project, f"SELECT {TEXT} AS text FROM articles WHERE id = ?", (article,))
                self.cache[iri] = row["text"]
            else:
                self.cache[iri] = self._before(article, int(edit))
        return self.cache[iri]

    def _before(self, article: int, edit: int) -> str:
        """Revert, in a copy, this edit and every later one of the article, newest first (the store's undo)."""
        copy = self.scratch / f"before-{edit}.jiaokan"
        shutil.copyfile(self.project, copy)
        later = _rows(self.project, "SELECT id FROM edits WHERE id >= ? AND (article_id = ? OR other_article_id = ?)"
                                    " ORDER BY id DESC", (edit, article, article))
        with Project.open(copy, author="test") as p:
            for row in later:
                p.revert(row["id"])
            return p.get_article(article).text


@pytest.fixture(scope="module")
def w3c(exports) -> dict[str, Any]:
    return json.loads(exports["w3c"].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts(project, tmp_path_factory) -> Texts:
    return Texts(project, tmp_path_factory.mktemp("states"))


def _selectors(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    sel = item["target"]["selector"]
    return {s["type"]: s for s in (sel if isinstance(sel, list) else [sel])}


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _check_anchor(item: dict[str, Any], texts: Texts) -> None:
    text = texts(item["target"]["source"])
    sel = _selectors(item)
    quote, pos = sel["TextQuoteSelector"], sel["TextPositionSelector"]
    start, end = pos["start"], pos["end"]
    assert text[start:end] == quote["exact"], item["id"]
    needle = quote["prefix"] + quote["exact"] + quote["suffix"]
    assert _occurrences(text, needle) == [start - len(quote["prefix"])], item["id"]


def test_w3c_expands_with_pyld(w3c):
    from pyld import jsonld  # a test dependency (pyproject: test extra)

    def loader(url: str, options: dict | None = None) -> dict:
        assert url == "http://www.w3.org/ns/anno.jsonld", url
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    expanded = jsonld.expand(w3c, {"documentLoader": loader})
    oa = "http://www.w3.org/ns/oa#"
    annotations = [n for n in json_nodes(expanded) if f"{oa}Annotation" in n.get("@type", [])]
    assert len(annotations) == w3c["total"] == len(w3c["first"]["items"])
    sources = {s["@id"] for n in json_nodes(expanded) for s in n.get(f"{oa}hasSource", [])}
    assert any(":before-edit:" in s for s in sources)


def test_w3c_tagging_anchors_in_the_text_it_names(w3c, texts, project):
    """Placed passages in the current text; an orphan (its text was corrected away) in the text before that edit."""
    tagging = [i for i in w3c["first"]["items"] if i["motivation"] == "tagging"]
    assert len(tagging) == _rows(project, "SELECT count(*) AS n FROM annotations")[0]["n"]
    current = [i for i in tagging if ":before-edit:" not in i["target"]["source"]]
    orphans = [i for i in tagging if ":before-edit:" in i["target"]["source"]]
    assert len(current) == _rows(project, "SELECT count(*) AS n FROM annotations WHERE orphaned = 0")[0]["n"]
    assert len(orphans) == _rows(project, "SELECT count(*) AS n FROM annotations WHERE orphaned = 1")[0]["n"] >= 1
    for item in tagging:
        _check_anchor(item, texts)
    placed = current
    repeated = [i for i in placed if _selectors(i)["TextQuoteSelector"]["exact"] == REPEATED[:6]]
    (item,) = [i for i in repeated if len(_selectors(i)["TextQuoteSelector"]["prefix"]) > 32]  # grown to be unique


def test_w3c_every_correction_anchors_in_the_text_before_it(w3c, texts, project):
    editing = [i for i in w3c["first"]["items"] if i["motivation"] == "editing"]
    stored = _rows(project, "SELECT id, article_id, params FROM edits e WHERE op = 'correct'"
                            " AND NOT EXISTS (SELECT 1 FROM edits r WHERE r.reverts = e.id)")
    assert len(stored) >= 5 and len(editing) == len(stored)
    by_edit = {int(_RESOURCE.match(i["target"]["source"]).group(2)): i for i in editing}
    assert set(by_edit) == {r["id"] for r in stored}  # 100% anchored: every one names its state
    for row in stored:
        item = by_edit[row["id"]]
        params = json.loads(row["params"])
        _check_anchor(item, texts)
        sel = _selectors(item)
        assert sel["TextQuoteSelector"]["exact"] == params["old_text"]
        assert sel["TextPositionSelector"]["start"] == params["start"]
        body = item["body"] if isinstance(item["body"], list) else [item["body"]]
        assert body[0]["purpose"] == "editing" and body[0]["value"] == params["text"]


def test_w3c_article_notes_have_creator_and_created(w3c, project):
    notes = [i for i in w3c["first"]["items"] if i["motivation"] == "commenting"]
    stored = _rows(project, "SELECT article_id, text, author, created_at, updated_at FROM article_notes")
    assert len(notes) == len(stored)
    by_text = {n["body"]["value"]: n for n in notes}
    for row in stored:
        item = by_text[row["text"]]
        assert item["target"] == f"urn:jiaokan:article:{row['article_id']}"
        assert _instant(item["created"]) == _instant(row["created_at"])
        assert _instant(item["modified"]) == _instant(row["updated_at"])
        if row["author"]:
            assert item["creator"]["name"] == row["author"] and item["creator"]["type"] == "Person"
        else:
            assert "creator" not in item


# -- brat ------------------------------------------------------------------------------------------


def _parse_ann(data: str) -> list[tuple[str, list[tuple[int, int]], str]]:
    out = []
    for line in data.splitlines():
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, text = rest.split("\t", 1)
            type_, spans = head.split(" ", 1)
            out.append((type_, [(int(a), int(b)) for a, b in (s.split(" ") for s in spans.split(";"))], text))
    return out


def _brat_types(folder: Path) -> dict[str, tuple[str, bool]]:
    """Tag path -> (brat type, annotatable), from annotation.conf and visual.conf's labels."""
    labels = {}
    for line in (folder / "visual.conf").read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3:
            labels[parts[0]] = parts[1]
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    entities = conf.split("[entities]\n", 1)[1].split("\n[", 1)[0]
    out = {}
    for line in entities.splitlines():
        name = line.strip()
        if name:
            out[labels[name.lstrip("!")]] = (name.lstrip("!"), not name.startswith("!"))
    return out


def test_brat_spans_are_the_text(exports, project):
    folder = exports["brat"]
    types = {t for t, _ in _brat_types(folder).values()}
    total = 0
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for type_, spans, quoted in _parse_ann(ann.read_text(encoding="utf-8")):
            assert type_ in types
            assert quoted == " ".join(text[a:b] for a, b in spans)
            total += 1
    assert total == _rows(project, "SELECT count(*) AS n FROM annotations WHERE orphaned = 0")[0]["n"]


# -- stable identities -----------------------------------------------------------------------------


def _codes(root: etree._Element, ns: str) -> dict[str, tuple[str, str]]:
    """Code path -> (guid, isCodable)."""
    out = {}

    def walk(el: etree._Element, prefix: tuple[str, ...]) -> None:
        for code in el.findall(f"{ns}Code"):
            path = (*prefix, code.get("name"))
            out["/".join(path)] = (code.get("guid"), code.get("isCodable"))
            walk(code, path)

    for codes in root.iter(f"{ns}Codes"):
        walk(codes, ())
    return out


def test_tag_identities_equal_in_full_and_filtered_exports(exports):
    full, _ = _qde(exports["qdpx"])
    part, _ = _qde(exports["qdpx-filtered"])
    full_codes, part_codes = _codes(full, Q), _codes(part, Q)
    assert set(part_codes) == {"权益", "权益/工资"}
    assert {p: full_codes[p] for p in part_codes} == part_codes
    assert part_codes["权益"][1] == "true"  # a tag in its own right: codable in both
    qdc_full = _codes(etree.parse(str(exports["qdc"])).getroot(), QC)
    qdc_part = _codes(etree.parse(str(exports["qdc-filtered"])).getroot(), QC)
    assert {p: qdc_full[p] for p in qdc_part} == qdc_part and qdc_full == full_codes

    brat_full, brat_part = _brat_types(exports["brat"]), _brat_types(exports["brat-filtered"])
    assert set(brat_part) == {"权益", "权益/工资"}
    assert {p: brat_full[p] for p in brat_part} == brat_part

    def classifying(path: Path) -> dict[str, str]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        out = {}
        for item in doc["first"]["items"]:
            bodies = item.get("body", [])
            bodies = bodies if isinstance(bodies, list) else [bodies]
            tag = next((b["value"] for b in bodies if b.get("purpose") == "tagging"), None)
            iri = next((b["source"] for b in bodies if b.get("purpose") == "classifying"), None)
            if tag:
                out[tag] = iri
        return out

    w3c_full, w3c_part = classifying(exports["w3c"]), classifying(exports["w3c-filtered"])
    assert w3c_part and {p: w3c_full[p] for p in w3c_part} == w3c_part


def test_filtered_selections_keep_their_guids(exports):
    full, _ = _qde(exports["qdpx"])
    part, _ = _qde(exports["qdpx-filtered"])
    guids = {s.get("guid") for s in full.iter(f"{Q}PlainTextSelection")}
    kept = {s.get("guid") for s in part.iter(f"{Q}PlainTextSelection")}
    assert kept and kept < guids


# -- the other formats -----------------------------------------------------------------------------


def test_csv_rows_are_the_passages(exports, project):
    data = exports["csv"].read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert len(rows) == _rows(project, "SELECT count(*) AS n FROM annotations")[0]["n"]
    placed = [r for r in rows if r["start"]]  # an orphan keeps its row, without a place
    assert len(placed) == _rows(project, "SELECT count(*) AS n FROM annotations WHERE orphaned = 0")[0]["n"]
    texts = {str(r["id"]): r["text"] for r in _rows(project, f"SELECT id, {TEXT} AS text FROM articles")}
    for row in placed:
        start, end = int(row["start"]), int(row["end"])
        assert texts[row["article_id"]][start:end] == row["passage"].removeprefix("'")


def test_tei_parses_and_validates(exports, tei_rng):
    doc = etree.parse(str(exports["tei"]))
    tei_rng.assertValid(doc)


def test_reading_formats_and_jsonl_hold_every_article(exports, project):
    titles = [r["headline"] for r in _rows(project, "SELECT headline FROM articles a JOIN sources s"
                                                     " ON s.id = a.source_id WHERE s.superseded = 0")]
    plain = exports["text"].read_text(encoding="utf-8")
    assert all(t.split(" ")[-1] in plain for t in titles if t)
    markdown = exports["markdown"].read_text(encoding="utf-8")
    assert markdown.count("\n## ") == len(titles)
    records = [json.loads(line) for line in exports["jsonl"].read_text(encoding="utf-8").splitlines() if line]
    assert records and all(isinstance(r, dict) for r in records)
