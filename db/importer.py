"""Importing many files: folders walked recursively, progress and cancel, a report per file.

Meant to run off the GUI thread: ``progress`` is called after every file (from
the importing thread) and ``cancel`` is polled between files. Every file is its
own transaction (with worker processes, its own savepoint in a transaction that
writes a batch of files: SQLite's per-commit work is paid once a batch), so a
cancel, an error or a bad file never loses the files already imported. A batch's search
tokens go into the index once, at its end: FTS5 writes its pending terms as a new segment
at every savepoint and commit, and each segment holds nearly every trigram bucket, written
and then merged again and again whatever the batch's size: the fewer the batches, the
less the writer works. So a batch is gathered from the workers first, outside any
transaction (up to :data:`BATCH_FILES` files or :data:`BATCH_SECONDS`), and only then
written: the write lock is held while writing, never while waiting for the workers.
By default the decoding and reflowing run in one worker process
per core (:func:`default_workers`) while this thread alone writes; ``workers=1`` does
everything on this thread.
"""

from __future__ import annotations

import ctypes
import fnmatch
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db import search_index, sources
from db.connection import Connection
from db.models import ImportOutcome, ImportReport, ImportStatus

DEFAULT_PATTERN = "*.txt"

#: The parallel import gathers a batch of prepared files for at most this long or this many
#: files (outside any transaction), then writes it in one transaction.
BATCH_SECONDS = 1.0
BATCH_FILES = 64


@dataclass(frozen=True, slots=True)
class ImportProgress:
    done: int
    total: int
    path: str
    outcome: ImportOutcome


ProgressFn = Callable[[ImportProgress], None]
CancelFn = Callable[[], bool]


def collect(paths: Iterable[str | Path], pattern: str = DEFAULT_PATTERN) -> tuple[list[str], list[ImportOutcome], int]:
    """Files to import (folders walked, sorted), failures for missing paths, count of files ignored.

    Files named explicitly are always tried; inside folders only names matching
    ``pattern`` are, and hidden files and folders are skipped.
    """
    files: list[str] = []
    failures: list[ImportOutcome] = []
    ignored = 0
    for p in paths:
        path = os.path.abspath(p)
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    if fnmatch.fnmatch(name, pattern):
                        files.append(os.path.join(root, name))
                    else:
                        ignored += 1
        elif os.path.lexists(path):
            files.append(path)
        else:
            missing = ImportOutcome(sources.printable_path(path), ImportStatus.FAILED, reason="no such file or folder")
            failures.append(missing)
    return files, failures, ignored


def default_workers() -> int:
    """One worker process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _prepare_path(path: str) -> sources.Prepared | str:
    """Worker-side half of an import: the prepared dump, or the reason it was refused."""
    try:
        return sources.prepare(sources.read_file(path), path)
    except sources.ImportRefused as exc:
        return exc.reason


def _die_with_parent(parent: int) -> None:
    """Worker initializer: a worker never outlives the process that started it, even a killed one.

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); everywhere,
    a watchdog thread checks every second that the parent is still there.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle: it stops the pool

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="jiaokan-parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _worker_start() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from the main thread, started fresh from any other.

    The desktop imports on a worker thread, and a fork copies the locks its other threads may
    hold at that moment; "spawn" starts clean. The command line imports on its main thread,
    where a fork is safe, quick, and has each worker ignore Ctrl+C from its first instant.
    """
    if threading.current_thread() is threading.main_thread():
        return multiprocessing.get_context()
    return multiprocessing.get_context("spawn")


def _prepared_in_workers(files: list[str], workers: int, cancel: CancelFn) -> Iterator[tuple[str, object]]:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_worker_start(),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        window = BATCH_FILES + workers * 4  # the workers keep reflowing while a batch is written
        pending = []
        it = iter(files)
        for path in it:
            pending.append((path, pool.submit(_prepare_path, path)))
            if len(pending) >= window:
                break
        while pending:
            path, future = pending.pop(0)
            yield path, future.result()
            if cancel():
                return
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_prepare_path, nxt)))
    finally:  # cancelled, interrupted or failed: queued files are dropped, running ones finish, workers exit
        pool.shutdown(wait=True, cancel_futures=True)


def _gathered(results: Iterator[tuple[str, sources.Prepared | str]]) -> list[tuple[str, sources.Prepared | str]]:
    """The next batch of prepared files: as many as come within :data:`BATCH_SECONDS`, at most :data:`BATCH_FILES`."""
    batch = []
    started = time.monotonic()
    for item in results:
        batch.append(item)
        if len(batch) >= BATCH_FILES or time.monotonic() - started > BATCH_SECONDS:
            break
    return batch


def _store_in_batches(
    cx: Connection,
    results: Iterator[tuple[str, sources.Prepared | str]],
    finished: Callable[[ImportOutcome], None],
    cancel: CancelFn,
) -> None:
    """Write prepared files, a batch per transaction and each file a savepoint in it.

    A file that fails to be written rolls back alone; the batch before it commits and the
    error is raised after, as it was when each file was its own transaction. A cancel stops
    after the file just reported (the rest of its batch is not written).
    """
    failure: BaseException | None = None
    stopped = False
    while not stopped and failure is None and (batch := _gathered(results)):
        grams: list[tuple[int, str]] = []  # the batch's search tokens, indexed once at its end
        with cx.write() as conn:
            for path, prepared in batch:
                try:
                    if isinstance(prepared, str):
                        outcome = ImportOutcome(sources.printable_path(path), ImportStatus.FAILED, reason=prepared)
                    else:
                        mine: list[tuple[int, str]] = []
                        outcome = sources.store(cx, prepared, grams_later=mine)
                        grams += mine
                except BaseException as exc:  # noqa: BLE001 - raised again once the batch is safe
                    failure = exc
                    break
                finished(outcome)
                if cancel():
                    stopped = True
                    break
            search_index.insert_grams(conn, grams)
    if failure is not None:
        raise failure


def import_paths(
    cx: Connection,
    paths: Iterable[str | Path],
    *,
    pattern: str = DEFAULT_PATTERN,
    progress: ProgressFn | None = None,
    cancel: CancelFn | threading.Event | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders; ``workers``: reflowing processes (None: one per core)."""
    workers = default_workers() if workers is None else workers
    files, failures, ignored = collect(paths, pattern)
    should_stop: CancelFn
    if cancel is None:
        should_stop = lambda: False  # noqa: E731
    elif isinstance(cancel, threading.Event):
        should_stop = cancel.is_set
    else:
        should_stop = cancel
    report = ImportReport(list(failures), ignored=ignored)
    total = len(files) + len(failures)
    done = 0
    for outcome in failures:
        done += 1
        if progress:
            progress(ImportProgress(done, total, outcome.path, outcome))

    def finished(outcome: ImportOutcome) -> None:
        nonlocal done
        done += 1
        report.outcomes.append(outcome)
        if progress:
            progress(ImportProgress(done, total, outcome.path, outcome))

    if workers > 1 and len(files) > workers:
        with closing(_prepared_in_workers(files, workers, should_stop)) as results:
            _store_in_batches(cx, results, finished, should_stop)
        report.cancelled = should_stop() and done < total
        return report
    for path in files:
        if should_stop():
            report.cancelled = True
            break
        finished(sources.import_file(cx, path))
    return report
