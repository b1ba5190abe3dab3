"""Opening, checking, upgrading and locking one project file.

A project is one SQLite file in WAL mode (readers never wait for a writer),
with foreign keys on and a busy timeout so that a second process waits for the
write lock instead of failing at once. Writes take the lock up front
(``BEGIN IMMEDIATE``) and nest with sqlite-utils' ``db.atomic()`` savepoints;
a deferred transaction that upgrades from reading to writing could otherwise
fail with SQLITE_BUSY at once, whatever the timeout.
"""

from __future__ import annotations

import glob
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from db import derived_text, schema
from db.errors import (
    NotAProject,
    ProjectBusy,
    ProjectCorrupt,
    ProjectNotFound,
    ProjectOpenError,
    ProjectTooNew,
    StoreError,
)
from db.events import ChangeEvent, ChangeNotifier
from db.readers import ReaderPool

SQLITE_HEADER = b"SQLite format 3\x00"


def now() -> str:
    """Timestamps are ISO 8601 in UTC, to the microsecond (they sort as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _check_file(path: Path, create: bool) -> bool:
    """Refuse what cannot be a project before SQLite sees it; True when the file is new."""
    if not path.exists():
        if path.is_symlink():
            raise ProjectCorrupt(str(path), "broken symbolic link")
        if not create:
            raise ProjectNotFound(str(path))
        if not path.parent.is_dir():
            raise ProjectOpenError(str(path), f"{path}: the folder {path.parent} does not exist")
        return True
    if path.is_dir():
        raise ProjectCorrupt(str(path), "is a folder, not a project file")
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectCorrupt(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    if not header:
        if not create:  # SQLite would silently make it a new database; only commands that create may do that
            raise ProjectCorrupt(str(path), "the file is empty (0 bytes): there is no project in it")
        return True
    if header != SQLITE_HEADER:
        raise ProjectCorrupt(str(path), "not an SQLite database (the file does not start with the SQLite header)")
    return False


#: The tables every project of a schema version has (a file lacking one was damaged, not just old).
REQUIRED_TABLES = {
    1: frozenset({"sources", "articles", "blocks", "edits", "tags", "annotations"}),
    2: frozenset({"sources", "articles", "blocks", "edits", "tags", "annotations", "article_notes"}),
}


def _missing_tables(version: int, tables: set[str]) -> list[str]:
    needed = REQUIRED_TABLES.get(min(version, max(REQUIRED_TABLES)), frozenset())
    return sorted(needed - tables)


def _last_change(path: Path) -> int:
    """When the file (or its write-ahead log) last changed, in ns; 0 for a new file."""
    stamps = [p.stat().st_mtime_ns for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    return max(stamps, default=0)


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.bak-v{version}-{stamp}")


class Connection:
    """One open project file: the sqlite-utils ``Database``, a lock, and change events.

    Thread-safe. Writes hold one re-entrant lock on the writer's connection, so a
    worker thread (an import) and the GUI thread can share it. Reads never wait
    behind a writer: each thread reads on a read-only connection of its own while it
    reads (:class:`db.readers.ReaderPool`; WAL lets it read the last committed state
    while another thread writes), except inside a write of its own thread, where it reads
    on the writer's connection and so sees what it has written so far.
    """

    def __init__(self, path: str | Path, *, create: bool = True, busy_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self.notifier = ChangeNotifier()
        self.backup: Path | None = None  #: where the file was copied before an upgrade
        self._lock = threading.RLock()
        self._pending: ChangeEvent | None = None
        self._create = create
        _check_file(self.path, create)
        self._changed_ns = _last_change(self.path)  # before SQLite touches the -wal file
        try:
            conn = sqlite3.connect(  # bytes: a file name need not be valid UTF-8
                os.fsencode(self.path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise ProjectCorrupt(str(self.path), str(exc)) from exc
        self.conn = derived_text.install(conn)
        try:
            self._open()
        except BaseException:
            conn.close()
            raise
        self.db = Database(conn, execute_plugins=False)
        self._readers = ReaderPool(self.path, busy_timeout)
        self._writer: int | None = None  #: the thread inside a write, if any

    # -- opening -----------------------------------------------------------
    def _open(self) -> None:
        name = str(self.path)
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise ProjectBusy(name, self.busy_timeout) from exc
            raise ProjectCorrupt(name, str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise ProjectCorrupt(name, str(exc)) from exc
        if version > schema.SCHEMA_VERSION:
            raise ProjectTooNew(name, version, schema.SCHEMA_VERSION)
        if tables and app_id != schema.APPLICATION_ID:
            raise NotAProject(name)
        if not tables and not self._create:
            what = f"schema {version} but no tables" if version else "an empty SQLite database"
            raise ProjectCorrupt(name, f"{what}: there is no project in it")
        missing = _missing_tables(version, tables) if tables or version else []
        if missing:
            raise ProjectCorrupt(name, f"the table {missing[0]} of schema {version} is missing (the file was damaged)")
        pending = list(schema.MIGRATION_NAMES)
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
                )
            }
            unknown = applied - set(schema.MIGRATION_NAMES)
            if unknown:
                raise ProjectTooNew(name, max(version, schema.SCHEMA_VERSION + 1), schema.SCHEMA_VERSION)
            pending = [m for m in schema.MIGRATION_NAMES if m not in applied]
        try:
            self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise ProjectBusy(name, self.busy_timeout) from exc
            raise ProjectOpenError(name, f"{name}: cannot be opened for writing: {exc}") from exc
        if version < schema.SCHEMA_VERSION:
            if pending:
                self._upgrade(version)
            else:
                self._repair_version(version, tables)

    def _current_backup(self, version: int) -> Path | None:
        """A copy made by an earlier open whose upgrade failed, if the file has not changed since (no pile-up)."""
        copies = sorted(self.path.parent.glob(f"{glob.escape(self.path.name)}.bak-v{version}-*"))
        if not copies:
            return None
        newest = copies[-1]
        return newest if newest.stat().st_mtime_ns >= self._changed_ns else None

    def _repair_version(self, version: int, tables: set[str]) -> None:
        """Every migration is recorded as applied but ``user_version`` lags: set it once, no backup copy."""
        name = str(self.path)
        missing = _missing_tables(schema.SCHEMA_VERSION, tables)
        if missing:
            raise ProjectCorrupt(
                name,
                f"it records every schema migration as applied but says schema {version} and lacks the table "
                f"{missing[0]}",
            )
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(f"PRAGMA user_version = {int(schema.SCHEMA_VERSION)}")
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise ProjectBusy(name, self.busy_timeout) from exc

    def _upgrade(self, version: int) -> None:
        name = str(self.path)
        if version > 0:
            self.backup = self._current_backup(version)
        if version > 0 and self.backup is None:
            self.backup = backup_path(self.path, version)
            target = sqlite3.connect(os.fsencode(self.backup))
            try:
                with target:
                    self.conn.backup(target)
            finally:
                target.close()
        db = Database(self.conn, execute_plugins=False)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise ProjectBusy(name, self.busy_timeout) from exc
        try:
            current = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if current < schema.SCHEMA_VERSION:  # another process may have upgraded meanwhile
                schema.migrations.apply(db)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            where = f"; a copy of the file as it was is at {self.backup}" if self.backup else ""
            raise ProjectOpenError(name, f"{name}: upgrading from schema {version} failed: {exc}{where}") from exc

    # -- transactions ------------------------------------------------------
    def _translate(self, exc: sqlite3.Error) -> StoreError:
        name = str(self.path)
        text = str(exc)
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            return ProjectBusy(name, self.busy_timeout)
        if type(exc) is sqlite3.DatabaseError:  # SQLITE_CORRUPT, SQLITE_NOTADB
            return ProjectCorrupt(name, text)
        return StoreError(f"{name}: the project store failed: {text}")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A group of reads in one snapshot; SQLite errors become typed store errors.

        On this thread's own read-only connection, so a writer on another thread never
        blocks it; inside a write of this thread, on the writer's connection.
        """
        if self._writer == threading.get_ident():
            with self._lock:
                try:
                    yield self.conn
                except sqlite3.Error as exc:
                    raise self._translate(exc) from exc
            return
        try:
            with self._readers.reading() as conn:
                yield conn
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. Nested calls become savepoints of the outer transaction.

        Change events announced with :meth:`announce` are published after the
        outermost transaction commits, and dropped if it rolls back.
        """
        event: ChangeEvent | None = None
        with self._lock:
            if self.conn.in_transaction:
                try:
                    with self.db.atomic():
                        yield self.conn
                except sqlite3.Error as exc:
                    raise self._translate(exc) from exc
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._translate(exc) from exc
            self._pending = None
            self._writer = threading.get_ident()
            try:
                with self.db.atomic():
                    yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._pending = None
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._translate(exc) from exc
                raise
            finally:
                self._writer = None
            event, self._pending = self._pending, None
        if event is not None:
            self.notifier.publish(event)

    def announce(self, change: ChangeEvent) -> None:
        """Queue ``change`` for publication when the current write commits."""
        if not self.conn.in_transaction:
            self.notifier.publish(change)
            return
        self._pending = change if self._pending is None else self._pending.merged(change)

    def schema_version(self) -> int:
        with self.read() as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` messages; ``["ok"]`` for a sound file."""
        with self.read() as conn:
            return [r[0] for r in conn.execute("PRAGMA integrity_check")]

    def close(self) -> None:
        self._readers.close()
        with self._lock:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()
