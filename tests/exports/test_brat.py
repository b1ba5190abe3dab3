"""brat standoff, read back with a small parser written here (not the exporter's code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from db.exports.brat import write_brat
from db.exports.common import is_placed
from tests.exports.conftest import EXT_B, TAG_STRIKE, TAGS

TYPE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass
class TextBound:
    id: str
    type: str
    spans: list[tuple[int, int]]
    text: str
    notes: list[str] = field(default_factory=list)


def parse_ann(data: str) -> dict[str, TextBound]:
    """brat's standoff: T lines (id, "Type s e[;s e]", text) and "#" AnnotatorNotes lines."""
    entities: dict[str, TextBound] = {}
    assert data == "" or data.endswith("\n")
    for line in data.split("\n")[:-1]:
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, text = rest.split("\t", 1)  # the text may itself hold a tab
            type_, spans = head.split(" ", 1)
            pairs = [tuple(int(x) for x in frag.split(" ")) for frag in spans.split(";")]
            entities[ident] = TextBound(ident, type_, pairs, text)
        elif ident.startswith("#"):
            head, note = rest.split("\t", 1)
            kind, target = head.split(" ")
            assert kind == "AnnotatorNotes"
            entities[target].notes.append(note)
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return entities


def parse_conf(path: Path) -> dict[str, dict[str, int]]:
    sections: dict[str, dict[str, int]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = {}
        elif line.strip():
            sections[current][line.strip("\t")] = len(line) - len(line.lstrip("\t"))
    return sections


@pytest.fixture(scope="module")
def folder(corpus, tmp_path_factory):
    return write_brat(corpus, tmp_path_factory.mktemp("brat") / "brat")


def test_files(folder, corpus):
    names = sorted(p.name for p in folder.iterdir())
    stems = [f"article-{a.id}" for a in corpus.articles]
    expected = ["annotation.conf", "visual.conf", *[s + ".txt" for s in stems], *[s + ".ann" for s in stems]]
    assert names == sorted(expected)
    for article in corpus.articles:
        data = (folder / f"article-{article.id}.txt").read_bytes()
        assert data.decode("utf-8") == article.text and not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data


def test_annotation_conf(folder):
    conf = parse_conf(folder / "annotation.conf")
    assert set(conf) == {"entities", "relations", "events", "attributes"}
    entities = conf["entities"]
    assert all(TYPE_NAME.match(name.lstrip("!")) for name in entities)
    assert len(entities) == len(TAGS) + 1
    strike_type = "strike_action_" + TAG_STRIKE.id.replace("-", "")  # its name's ASCII, then its stable id
    assert entities[strike_type] == 0
    assert all(n.lstrip("!").startswith("tag_") for n in entities if n != strike_type)  # no ASCII in the name
    not_codable = [n for n in entities if n.startswith("!")]
    assert len(not_codable) == 1  # 地点: a parent that is no tag
    assert sum(1 for depth in entities.values() if depth == 1) == 2  # 工资 under 权益, 工厂 under 地点
    visual = (folder / "visual.conf").read_text(encoding="utf-8")
    assert "| 权益/工资 | 工资" in visual and "bgColor:#33aa55" in visual


def test_spans_are_code_points_and_match(folder, corpus):
    types = {n.lstrip("!") for n in parse_conf(folder / "annotation.conf")["entities"]}
    tag_ids = {t.id for t in TAGS}
    for article in corpus.articles:
        text = (folder / f"article-{article.id}.txt").read_text(encoding="utf-8")
        entities = parse_ann((folder / f"article-{article.id}.ann").read_text(encoding="utf-8"))
        for e in entities.values():
            assert e.type in types
            assert e.text == " ".join(text[s:t] for s, t in e.spans)
            assert all("\n" not in text[s:t] for s, t in e.spans)
            assert "\n".join(text[s:t] for s, t in e.spans) == text[e.spans[0][0] : e.spans[-1][1]]
        wanted = [a for a in article.annotations if is_placed(article, a) and a.tag_id in tag_ids]
        assert sorted(text[e.spans[0][0] : e.spans[-1][1]] for e in entities.values()) == sorted(
            a.quote for a in wanted
        )


def test_overlap_crossing_lines_non_bmp_and_notes(folder, corpus):
    entities = parse_ann((folder / "article-101.ann").read_text(encoding="utf-8"))
    by_span = {(e.spans[0][0], e.spans[-1][1]): e for e in entities.values()}
    a, b = by_span[(2, 10)], by_span[(5, 15)]  # overlapping, A over the kicker/title line break
    assert a.spans == [(2, 3), (4, 10)] and a.text == "讯 " + EXT_B + "城工人要求"
    assert b.spans == [(5, 15)]
    assert a.notes == ["跨越引题与主标题"]
    text = corpus.articles[0].text
    strike = next(e for e in entities.values() if e.text.startswith(EXT_B + "城纺织厂"))
    assert strike.spans[0][0] == text.index(EXT_B + "城纺织厂")  # code points: 𠀋 in the title counts one
    assert strike.notes == ["=1+1 不是公式"]
    quotes = {e.text for e in entities.values()}
    assert "此句已被删除" not in quotes and "不再相符" not in quotes and "区劳动局" not in quotes
    tab = parse_ann((folder / "article-103.ann").read_text(encoding="utf-8"))
    assert "\t制表符" in {e.text for e in tab.values()}  # a tab inside the text field
