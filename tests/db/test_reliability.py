"""Reliability: SIGKILL mid-write, two processes on one file, a folder of bad inputs."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db import Project
from db.models import ImportStatus

from .conftest import ROOT, SMALL_PAGE

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from db import Project, ProjectBusy, StoreError
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    project = Project.open(path, busy_timeout=20)
    sid = project.list_sources()[0].id
    article = project.article_ids(sid)[0]
    for i in range(count):
        try:
            tag = project.add_tag(f"{{name}}-{{i}}")
            project.annotate(article, tag.id, i % 50, i % 50 + 3, note=name)
            project.correct(article, 0, 1, name[0] + str(i % 10))
        except ProjectBusy as exc:
            print("busy", exc, flush=True)
            continue
        print("ack", tag.id, flush=True)
    print("done", flush=True)
    """
)


def _start_writer(tmp_path: Path, project_path: Path, name: str, count: int) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(project_path), name, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def shared_project(tmp_path: Path) -> Path:
    path = tmp_path / "shared.jiaokan"
    with Project.open(path) as p:
        p.import_file(SMALL_PAGE)
    return path


def test_sigkill_keeps_every_acknowledged_write(tmp_path: Path, shared_project: Path) -> None:
    child = _start_writer(tmp_path, shared_project, "killed", 100_000)
    acked: list[int] = []
    assert child.stdout is not None
    deadline = time.monotonic() + 30
    while len(acked) < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        if line.startswith("ack"):
            acked.append(int(line.split()[1]))
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert len(acked) >= 40, child.stderr.read() if child.stderr else ""
    with Project.open(shared_project) as p:
        assert p.integrity_check() == ["ok"]
        present = {t.id for t in p.tags()}
        assert set(acked) <= present
        sid = p.list_sources()[0].id
        article = p.get_article(p.article_ids(sid)[0])
        assert {a.tag_id for a in article.annotations} >= set(acked)
        assert len(p.history(article.id)) >= len(acked)
        for ann in article.annotations:
            assert ann.orphaned or article.text[ann.start : ann.end] == ann.quote


def test_two_processes_share_one_file(tmp_path: Path, shared_project: Path) -> None:
    children = [_start_writer(tmp_path, shared_project, name, 40) for name in ("alpha", "beta")]
    outputs = [c.communicate(timeout=120) for c in children]
    acked = []
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "Traceback" not in err
        lines = out.splitlines()
        assert lines[-1] == "done"
        acked += [int(line.split()[1]) for line in lines if line.startswith("ack")]
        assert all(line.startswith(("ack", "busy", "done")) for line in lines)
    assert len(acked) >= 40  # with a 20 s timeout nobody should even have to give up
    with Project.open(shared_project) as p:
        assert p.integrity_check() == ["ok"]
        assert {t.id for t in p.tags()} == set(acked)
        names = {t.name.split("-")[0] for t in p.tags()}
        assert names == {"alpha", "beta"}


def _make_bad_folder(folder: Path) -> dict[str, str | None]:
    """File name → the words its failure reason must contain (None: it must import)."""
    text = SMALL_PAGE.read_text(encoding="utf-8")
    rng = random.Random(7)
    folder.mkdir()
    expected: dict[str, str | None] = {}
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)))
    expected["binary.txt"] = "binary"
    (folder / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = "empty"
    (folder / "gbk.txt").write_bytes(text.replace("职工", "工人").encode("gbk"))
    expected["gbk.txt"] = None
    (folder / "utf16.txt").write_bytes(text.replace("职工", "员工").encode("utf-16"))
    expected["utf16.txt"] = None
    good = "职工服务中心在县城建成开放。\n".encode()
    (folder / "invalid-utf8.txt").write_bytes(good * 20 + b"\xc3\x28\xa0\xa1" + good * 20)
    expected["invalid-utf8.txt"] = "not valid UTF-8"
    (folder / "nul.txt").write_bytes(good * 5 + b"\x00" + good)
    expected["nul.txt"] = "NUL"
    with open(folder / "huge-line.txt", "wb") as fh:  # 50 MB on one line
        chunk = "职工".encode() * 100_000
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    expected["huge-line.txt"] = "too large for a page dump"
    os.mkfifo(folder / "fifo.txt")
    expected["fifo.txt"] = "FIFO"
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    expected["dangling.txt"] = "broken symbolic link"
    many = folder / "many"
    many.mkdir()
    for i in range(1000):
        (many / f"brief-{i:04d}.txt").write_text(f"简讯第{i}号\n\n本报讯 第{i}家职工驿站今天开放。\n", encoding="utf-8")
    return expected


def test_folder_of_bad_inputs(tmp_path: Path, project: Project) -> None:
    kept = project.import_file(SMALL_PAGE)
    expected = _make_bad_folder(tmp_path / "bad")
    started = time.monotonic()
    report = project.import_paths([tmp_path / "bad"])
    elapsed = time.monotonic() - started
    by_name = {Path(o.path).name: o for o in report.outcomes}
    for name, words in expected.items():
        outcome = by_name[name]
        if words is None:
            assert outcome.status is ImportStatus.IMPORTED, (name, outcome.reason)
        else:
            assert outcome.status is ImportStatus.FAILED, name
            assert words in outcome.reason, (name, outcome.reason)
    assert sum(1 for n, o in by_name.items() if n.startswith("brief-") and o.status is ImportStatus.IMPORTED) == 1000
    assert elapsed < 40, f"importing the bad folder took {elapsed:.1f} s"
    assert project.integrity_check() == ["ok"]
    assert project.get_source(kept.source_id).raw_text == SMALL_PAGE.read_text(encoding="utf-8")
    assert project.count_articles(kept.source_id) == 3
    assert project.count_sources() == 1 + 2 + 1000


def test_unreadable_file(tmp_path: Path, project: Project) -> None:
    from .conftest import skip_if_root_for_permissions

    skip_if_root_for_permissions()
    path = tmp_path / "secret.txt"
    path.write_bytes(SMALL_PAGE.read_bytes())
    path.chmod(0)
    try:
        outcome = project.import_file(path)
    finally:
        path.chmod(0o644)
    assert outcome.status is ImportStatus.FAILED and "permission denied" in outcome.reason


def test_cancel_keeps_what_was_imported(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i:02d}.txt").write_text(f"简讯第{i}号\n\n本报讯 第{i}家职工驿站开放。\n", encoding="utf-8")
    seen = []
    report = project.import_paths([folder], progress=seen.append, cancel=lambda: len(seen) >= 5)
    assert report.cancelled and len(report.outcomes) == 5
    assert project.count_sources() == 5
    assert [p.done for p in seen] == [1, 2, 3, 4, 5] and seen[0].total == 20
