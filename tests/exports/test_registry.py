"""The FORMATS registry: every writer runs, reports progress, and leaves nothing behind when cancelled."""

from __future__ import annotations

import pytest

from db.exports import FORMATS, ExportError, export
from db.exports.registry import ExportFormat, register

EXPECTED = {"jsonl", "csv", "qdpx", "qdc", "w3c", "tei", "brat", "markdown", "text"}
#: Formats written from any corpus; jsonl is written from a project snapshot only (tests/exports/test_snapshot.py).
HAND = EXPECTED - {"jsonl"}


def test_registry_lists_the_formats():
    assert set(FORMATS) == EXPECTED
    for name, fmt in FORMATS.items():
        assert fmt.name == name and fmt.label and fmt.description
        assert fmt.is_directory == (fmt.extension == "")
        assert fmt.extension == "" or fmt.extension.startswith(".")


@pytest.mark.parametrize("name", sorted(HAND))
def test_every_writer_runs_and_reports_progress(name, corpus, tmp_path):
    fmt = FORMATS[name]
    calls: list[tuple[int, int]] = []
    out = fmt.writer(corpus, fmt.default_path("export", tmp_path), lambda done, total: calls.append((done, total)))
    assert out == fmt.default_path("export", tmp_path)
    assert out.is_dir() if fmt.is_directory else out.is_file()
    assert calls and calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("name", sorted(HAND))
def test_cancelled_export_leaves_no_file(name, corpus, tmp_path):
    fmt = FORMATS[name]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done >= 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        fmt.writer(corpus, fmt.default_path("export", tmp_path), cancel)
    assert list(tmp_path.iterdir()) == []


def test_export_by_name(corpus, tmp_path):
    assert export(corpus, "csv", tmp_path / "x.csv").is_file()
    with pytest.raises(ExportError):
        export(corpus, "docx", tmp_path / "x.docx")


def test_register_refuses_a_taken_name():
    with pytest.raises(ValueError):
        register(ExportFormat("csv", "x", "x", ".csv", FORMATS["csv"].writer))


def test_jsonl_needs_a_project(corpus, tmp_path):
    with pytest.raises(ExportError, match="written from a project"):
        export(corpus, "jsonl", tmp_path / "x.jsonl")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(HAND - {"qdc"}))
def test_empty_corpus(name, tmp_path, request):
    import json
    import zipfile

    from lxml import etree

    from db.exports.model import ExportCorpus

    fmt = FORMATS[name]
    out = fmt.writer(ExportCorpus("空"), fmt.default_path("empty", tmp_path), None)
    if name == "w3c":
        assert json.loads(out.read_text(encoding="utf-8"))["total"] == 0
    elif name == "tei":
        rng = request.getfixturevalue("tei_rng")
        assert rng.validate(etree.parse(str(out))), rng.error_log
    elif name == "qdpx":
        with zipfile.ZipFile(out) as zf:
            assert zf.namelist() == ["project.qde"]
