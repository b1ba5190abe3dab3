"""Read-only connections to a project file, so that readers never wait behind a writer.

SQLite in WAL mode lets any number of connections read while one writes; each reader sees
the last committed state. Two kinds are handed out here:

- :func:`open_reader`: one connection inside one read transaction, a consistent snapshot
  for an export or a report however long it takes, while the desk goes on editing;
- :class:`ReaderPool`: read-only connections lent to :meth:`db.connection.Connection.read`, one
  per thread that is reading, so the desk's GUI thread reads the library, an article or the
  search index while an import or a merge holds the write lock on the writer's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db import derived_text
from db.errors import ProjectNotFound, ProjectOpenError


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """With the SQL functions the schema's views call (:mod:`db.derived_text`)."""
    return derived_text.install(sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout, isolation_level=None,
        check_same_thread=False,
    ))


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
    """Read-only connections lent out for one group of reads at a time.

    A thread borrows a connection for its outermost :meth:`reading` (nested ones share
    it) and gives it back at the end, so the pool holds as many connections as threads read
    at once (threads come and go: every background task is a new one), not one per thread
    that ever read. Idle connections beyond :data:`KEEP_IDLE` are closed.
    """

    KEEP_IDLE = 4

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._idle: list[sqlite3.Connection] = []
        self._open: set[sqlite3.Connection] = set()
        self._guard = threading.Lock()
        self._closed = False

    @property
    def connections(self) -> int:
        """How many read connections are open (lent out or idle)."""
        with self._guard:
            return len(self._open)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """This thread's read connection inside one read transaction (one snapshot) for the block."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:  # a nested read of this thread: the same snapshot
            yield conn
            return
        conn = self._borrow()
        try:
            conn.execute("BEGIN")
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None
                if conn.in_transaction:
                    conn.execute("COMMIT")
        finally:
            self._give_back(conn)

    def _borrow(self) -> sqlite3.Connection:
        with self._guard:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            if self._idle:
                return self._idle.pop()
        conn = _connect_read_only(self.path, self.busy_timeout)  # mode=ro: the file cannot be written
        with self._guard:
            self._open.add(conn)
        return conn

    def _give_back(self, conn: sqlite3.Connection) -> None:
        with self._guard:
            keep = not self._closed and len(self._idle) < self.KEEP_IDLE
            if keep:
                self._idle.append(conn)
            else:
                self._open.discard(conn)
        if not keep:
            conn.close()

    def close(self) -> None:
        """Close the idle connections now; lent ones close when given back."""
        with self._guard:
            self._closed = True
            idle, self._idle = self._idle, []
            self._open.difference_update(idle)
        for conn in idle:
            conn.close()
