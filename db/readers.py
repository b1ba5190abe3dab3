"""Read-only connections to a project file, so that readers never wait behind a writer.

SQLite in WAL mode lets any number of connections read while one writes; each reader sees
the last committed state. Two kinds are handed out here:

- :func:`open_reader`: one connection inside one read transaction, a consistent snapshot
  for an export or a report however long it takes, while the desk goes on editing;
- :class:`ReaderPool`: one read-only connection per thread for :meth:`db.connection.Connection.read`,
  so the desk's GUI thread reads the library, an article or the search index while an import
  or a merge holds the write lock on the writer's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from db.errors import ProjectNotFound, ProjectOpenError


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout, isolation_level=None,
        check_same_thread=False,
    )


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A second, read-only connection to a project file, inside a read transaction (a consistent snapshot)."""
    path = Path(path)
    if not path.is_file():
        raise ProjectNotFound(str(path))
    try:
        conn = _connect_read_only(path, 5.0)
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts at the first read
    except sqlite3.Error as exc:
        raise ProjectOpenError(str(path), f"{path}: cannot be read: {exc}") from exc
    return conn


class ReaderPool:
    """One read-only connection per thread that reads, opened on its first read, closed with the pool."""

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._closed = False

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect_read_only(self.path, self.busy_timeout)
            conn.execute("PRAGMA query_only = ON")
            with self._guard:
                if self._closed:
                    conn.close()
                    raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
                self._all.append(conn)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        with self._guard:
            self._closed = True
            conns, self._all = self._all, []
        for conn in conns:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            conn.close()
