"""brat standoff: a folder with ``<name>.txt`` + ``<name>.ann`` per article and the configuration.

- ``.txt``: the article text (UTF-8, no BOM, LF: the blocks joined by "\\n"), exactly the text
  annotations are anchored in. brat counts offsets in Unicode code points, as Python does.
- ``.ann``: ``T<n>\\t<Type> <start> <end>\\t<text>`` per placed annotation. A passage that runs over
  a line break is written as brat writes it, as fragments split at the break
  (``T1\\tType 0 5;6 10\\ttext1 text2``: the fragments' texts joined by a space). A note is
  ``#<n>\\tAnnotatorNotes T<n>\\t<note>`` (line breaks and tabs in the note become spaces).
- ``annotation.conf``: the tags as the ``[entities]`` hierarchy (tab-indented); a parent path
  no tag stands for is written ``!Name`` (not annotatable).
- ``visual.conf``: the tags' Chinese names as labels and their colours. brat type names must be
  plain identifiers, and must be the same in every export of a project (a filtered export's
  ``.ann`` files merge with a full one's): a tag's type is the ASCII letters and digits of its
  name (or ``tag`` when there are none) followed by its stable id, e.g. ``strike_action_7`` or
  ``tag_12`` (a UUID id is written as its 32 hex digits). Nothing depends on the tag's place in
  the codebook or on which other tags are exported.
- ``tools.conf`` is not written (brat's defaults apply).

Orphaned annotations are skipped (brat needs a true span).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from db.exports.common import Progress, TagNode, Ticker, log_skipped, placed_annotations, tag_tree
from db.exports.leftovers import remove_stale_parts
from db.exports.model import ExportArticle, ExportCorpus
from db.exports.values import guid, rgb

_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_FILE_BAD = re.compile(r"[^A-Za-z0-9._-]+")


_SHORT_ID = re.compile(r"^[A-Za-z0-9]{1,16}$")


def type_name(node: TagNode) -> str:
    """A tag's brat type: ASCII, starting with a letter, from its name and stable id alone."""
    slug = _NON_ALNUM.sub("_", node.name).strip("_")
    if not slug or not ("a" <= slug[0].lower() <= "z"):
        slug = "tag"
    key = node.id if _SHORT_ID.match(node.id) else guid(node.id, "tag").replace("-", "")
    return f"{slug}_{key}"


def type_names(roots: list[TagNode]) -> dict[str, str]:
    """Tag node id -> brat type name (unique: the id is part of it)."""
    return {node.id: type_name(node) for root in roots for node, _ in root.walk()}


def article_file_stem(article: ExportArticle) -> str:
    return "article-" + _FILE_BAD.sub("_", article.id)


def _fragments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    while s < end:
        nl = text.find("\n", s, end)
        e = end if nl < 0 else nl
        if e > s:
            yield s, e
        s = e + 1


def _one_line(s: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", s)


def _conf_lines(roots: list[TagNode], names: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for root in roots:
        for node, depth in root.walk():
            prefix = "" if node.tag is not None else "!"
            lines.append("\t" * depth + prefix + names[node.id])
    return lines


def write_brat(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    """Write into the folder ``out`` (created if needed; files of the same names are replaced).

    The files are written into a temporary folder beside ``out`` and moved in when all are
    written: a failed or cancelled export leaves ``out`` as it was.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(out)  # what killed exports to the same folder left
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    try:
        _write_into(corpus, tmp, progress)
        out.mkdir(exist_ok=True)
        for path in sorted(tmp.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def _write_into(corpus: ExportCorpus, out: Path, progress: Progress | None) -> None:
    log_skipped("brat", corpus)
    roots = tag_tree(corpus)
    names = type_names(roots)
    tag_type = {t.id: names[t.id] for t in corpus.tags if t.id in names}

    conf = ["[entities]", *_conf_lines(roots, names), "", "[relations]", "", "[events]", "", "[attributes]", ""]
    (out / "annotation.conf").write_text("\n".join(conf), encoding="utf-8", newline="\n")
    visual = ["[labels]"]
    drawing = ["[drawing]"]
    for root in roots:
        for node, _ in root.walk():
            visual.append(f"{names[node.id]} | {_one_line('/'.join(node.path))} | {_one_line(node.name)}")
            colour = rgb(node.tag.colour) if node.tag is not None else None
            if colour:
                drawing.append(f"{names[node.id]}\tbgColor:{colour.lower()}")
    (out / "visual.conf").write_text("\n".join([*visual, "", *drawing, ""]), encoding="utf-8", newline="\n")

    ticker = Ticker(len(corpus.articles), progress)
    for article in corpus.articles:
        stem = article_file_stem(article)
        text = article.text
        lines: list[str] = []
        t = n = 0
        for ann in placed_annotations(article):
            kind = tag_type.get(ann.tag_id)
            frags = list(_fragments(text, ann.start, ann.end))
            if kind is None or not frags:
                continue
            t += 1
            spans = ";".join(f"{s} {e}" for s, e in frags)
            lines.append(f"T{t}\t{kind} {spans}\t{' '.join(text[s:e] for s, e in frags)}")
            if ann.note:
                n += 1
                lines.append(f"#{n}\tAnnotatorNotes T{t}\t{_one_line(ann.note)}")
        (out / f"{stem}.txt").write_text(text, encoding="utf-8", newline="\n")
        (out / f"{stem}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="\n")
        ticker.tick()
