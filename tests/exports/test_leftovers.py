"""Temporary files of killed exports are removed by the next export to the same name, from any front end."""

from __future__ import annotations

import pytest

from db.exports.common import ExportError
from db.exports.snapshot import export_project


@pytest.mark.parametrize("fmt, name", [("csv", "out.csv"), ("tei", "out.xml"), ("brat", "brat-out")])
def test_the_store_export_removes_what_a_killed_export_left(work_project, tmp_path, fmt, name):
    abandoned = tmp_path / f".{name}.x1y2z3.part"
    abandoned.write_text("half an export", encoding="utf-8")
    other = tmp_path / ".another.csv.q9.part"  # another output's leftovers are not ours to remove
    other.write_text("", encoding="utf-8")
    export_project(work_project, fmt, tmp_path / name)
    assert not abandoned.exists()
    assert other.exists()
    assert (tmp_path / name).exists()


def test_a_missing_folder_is_refused_not_created(work_project, tmp_path):
    target = tmp_path / "typo" / "out.csv"
    with pytest.raises(ExportError, match="does not exist"):
        export_project(work_project, "csv", target)
    assert not (tmp_path / "typo").exists()
