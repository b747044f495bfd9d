"""The two back-ends behind one small connection interface: SQLite (a file, WAL) and PostgreSQL.

SQL is written once with ``?`` placeholders; ``Backend.sql`` turns it into the dialect's form.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from warta.errors import StoreError

_PLACEHOLDER = re.compile(r"\?")

# WAL: a commit appends the transaction's pages to the write-ahead log, and is durable once it
# returns, against a killed process (SIGINT, SIGTERM, SIGKILL) too: the log is in the operating
# system's hands, and the next open replays it. synchronous=NORMAL syncs the log to disk at
# checkpoints rather than at every commit (after a power cut the last commits may be missing, the
# file is never corrupt). A checkpoint copies the log's pages back into the database file: every
# 10,000 pages (40 MB) rather than SQLite's 1,000, so a page that many batches change (the LSH
# bands, the indexes) is copied once per checkpoint, not once per few batches. The log file is
# cut back to 64 MB after a checkpoint.
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=60000",
                  "cache_size=-65536", "wal_autocheckpoint=10000", "journal_size_limit=67108864")


class Backend:
    """A database connection with the few operations the store needs."""

    dialect = ""

    def __init__(self, name: str):
        self.name = name

    def sql(self, statement: str) -> str:
        return statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(statement), tuple(params))

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.cursor().executemany(self.sql(statement), rows)

    def all(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(statement, params).fetchall())

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(statement, params).fetchone()

    def cursor(self) -> Any:
        return self.conn.cursor()

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def begin(self) -> None:
        """Start a write transaction (SQLite takes its write lock now, not at the first write)."""

    def close(self) -> None:
        self.conn.close()

    def table_exists(self, table: str) -> bool:
        raise NotImplementedError

    def blob(self, value: bytes | None) -> Any:
        return value


class SQLiteBackend(Backend):
    dialect = "sqlite"

    def __init__(self, path: str):
        super().__init__(path)
        try:
            if path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path, timeout=60, isolation_level=None,
                                        check_same_thread=False)
            for pragma in SQLITE_PRAGMAS:
                self.conn.execute(f"PRAGMA {pragma}")
        except (sqlite3.Error, OSError) as err:
            raise StoreError(path, f"cannot open SQLite store: {err}") from err

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_exists(self, table: str) -> bool:
        return self.one("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)) is not None


class PostgresBackend(Backend):
    dialect = "postgresql"

    def __init__(self, url: str):
        super().__init__(_redact(url))
        try:
            import psycopg
            self.conn = psycopg.connect(url, autocommit=True)
        except Exception as err:  # psycopg.Error, or ImportError when psycopg is missing
            raise StoreError(_redact(url), f"cannot connect to PostgreSQL: {err}") from err

    def sql(self, statement: str) -> str:
        return _PLACEHOLDER.sub("%s", statement.replace("%", "%%"))

    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        if self.conn.info.transaction_status != 0:  # not IDLE
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.info.transaction_status != 0:
            self.conn.execute("ROLLBACK")

    def table_exists(self, table: str) -> bool:
        row = self.one("SELECT to_regclass(?)", (table,))
        return row is not None and row[0] is not None

    def blob(self, value: bytes | None) -> Any:
        return value


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def connect(url_or_path: str) -> Backend:
    """``postgresql://…`` (or ``postgres://…``) → PostgreSQL; anything else is a SQLite file path."""
    if url_or_path.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url_or_path)
    if url_or_path.startswith("sqlite:///"):
        url_or_path = url_or_path[len("sqlite:///"):]
    return SQLiteBackend(url_or_path)
