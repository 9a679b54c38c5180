"""A throwaway PostgreSQL server for the test session, so the database layer is proven on both backends.

`postgres_server()` yields a SQLAlchemy URL (`postgresql+psycopg://postgres@127.0.0.1:PORT/bot_test`):

- env `TEST_DATABASE_URL_PG` set: that server is used as it is (nothing is started or stopped);
- else the server binaries are found (env `PG_BIN`, else the newest `/usr/lib/postgresql/*/bin`), a cluster
  is created in a temporary directory (trust auth, UTF8, locale C, durability off: it is thrown away),
  `postgres` listens on 127.0.0.1 on a free port and on a unix socket in that directory, and is stopped
  and the directory deleted at the end. As root, initdb and postgres run as the `postgres` system user
  (they refuse to run as root); the Debian package `postgresql` creates that user;
- no binaries (or no psycopg, or no `postgres` user): the tests are skipped with how to install them,
  except under `CI=true`, where that is an error: CI must never silently skip PostgreSQL. Binaries that
  are there but fail to start a server are always an error.

`reset_schema(url)` empties the database between tests (drop and recreate the `public` schema).
Equivalent shell commands (as root, prefix each with `runuser -u postgres --`):

    initdb --pgdata DIR/data --username postgres --auth trust --encoding UTF8 --locale C --no-sync
    postgres -D DIR/data -c listen_addresses=127.0.0.1 -c port=PORT -c unix_socket_directories=DIR/run \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off ...
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from sqlalchemy.engine import URL, make_url

ENV_URL = "TEST_DATABASE_URL_PG"
ENV_BIN = "PG_BIN"
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
INSTALL_HINT = "apt-get install -y postgresql"
DATABASE = "bot_test"
START_TIMEOUT_S = 30.0

# Durability is pointless for a server that is deleted at the end of the session, and costs time.
FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
    "shared_buffers": "32MB",
    # Not UTC, so the tests prove that UTCDateTime does not depend on the session's time zone.
    "timezone": "Europe/Stockholm",
}


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed (or not usable as installed): skipped locally, an error under CI."""


class PostgresFailed(RuntimeError):
    """PostgreSQL is installed but the throwaway server did not start: always an error."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def find_binaries() -> Path | None:
    """The directory holding initdb and postgres: PG_BIN, else the newest Debian install, else PATH."""
    override = os.environ.get(ENV_BIN)
    if override:
        path = Path(override)
        if not ((path / "initdb").is_file() and (path / "postgres").is_file()):
            raise PostgresUnavailable(f"{ENV_BIN}={override} does not hold initdb and postgres")
        return path
    candidates = [
        path / "bin"
        for path in DEBIAN_BINARIES.glob("*")
        if path.name.isdigit()
        and (path / "bin" / "initdb").is_file()
        and (path / "bin" / "postgres").is_file()
    ]
    if candidates:
        return max(candidates, key=lambda path: int(path.parent.name))
    initdb, postgres = shutil.which("initdb"), shutil.which("postgres")
    if initdb and postgres and Path(initdb).resolve().parent == Path(postgres).resolve().parent:
        return Path(initdb).resolve().parent
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def psycopg_dsn(url: str | URL) -> str:
    """A libpq connection string for a SQLAlchemy URL (psycopg does not read `postgresql+psycopg://`)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def connect(url: str | URL, **kwargs: Any) -> Any:
    """A psycopg connection in autocommit mode (CREATE/DROP DATABASE cannot run in a transaction)."""
    import psycopg

    return psycopg.connect(psycopg_dsn(url), autocommit=True, **kwargs)


class PostgresServer:
    """One `postgres` process on a fresh cluster in a temporary directory."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        # initdb and postgres refuse to run as root: as root, run them as the postgres system user.
        self._as: dict[str, Any] = {}
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable(
                    f"running as root needs the `postgres` system user (`{INSTALL_HINT}` creates it)"
                ) from exc
            self._as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        self.root = Path(tempfile.mkdtemp(prefix="bot-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "run"
        self.log = self.root / "postgres.log"
        self.sockets.mkdir()
        if self._as:
            for path in (self.root, self.sockets):
                os.chown(path, self._as["user"], self._as["group"])
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> URL:
        return URL.create(
            "postgresql+psycopg", username="postgres", host="127.0.0.1", port=self.port, database=DATABASE
        )

    def start(self) -> URL:
        try:
            self._initdb()
            for attempt in range(3):  # the free port can be taken between finding it and binding it
                self.port = free_port()
                if self._start_postgres():
                    break
                if attempt == 2:
                    raise PostgresFailed(f"postgres did not start:\n{self._log_tail()}")
            with connect(self.url.set(database="postgres")) as conn:
                conn.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE template0')
        except BaseException:
            self.stop()
            raise
        return self.url

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # "fast" shutdown: ends open sessions, no waiting
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        shutil.rmtree(self.root, ignore_errors=True)

    def _initdb(self) -> None:
        command = [
            str(self.binaries / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
            "--no-instructions",
        ]
        result = subprocess.run(
            command, cwd=self.root, capture_output=True, text=True, check=False, **self._as
        )
        if result.returncode != 0:
            raise PostgresFailed(f"initdb failed ({result.returncode}):\n{result.stdout}{result.stderr}")

    def _start_postgres(self) -> bool:
        """Start postgres and wait until it accepts connections; False if it exited (port taken)."""
        settings = {
            **FAST_SETTINGS,
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.sockets),
        }
        command = [str(self.binaries / "postgres"), "-D", str(self.data)]
        for name, value in settings.items():
            command += ["-c", f"{name}={value}"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.root,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C in the terminal reaches pytest, which stops the server
                **self._as,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        admin = self.url.set(database="postgres")
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                return False
            try:
                with connect(admin, connect_timeout=2):
                    return True
            except Exception:  # noqa: BLE001 - not accepting connections yet
                time.sleep(0.02)
        raise PostgresFailed(f"postgres did not accept connections within {START_TIMEOUT_S:.0f} s")

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no log)"


def unavailable(reason: str) -> NoReturn:
    """Skip locally; fail under CI, where PostgreSQL must run."""
    if in_ci():
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@contextlib.contextmanager
def postgres_server() -> Iterator[URL]:
    """The URL of a PostgreSQL database for this session (see the module docstring)."""
    external = os.environ.get(ENV_URL)
    if external:
        yield make_url(external)
        return
    if importlib.util.find_spec("psycopg") is None:
        unavailable("the psycopg driver is not installed (pip install -e '.[dev]')")
    try:
        binaries = find_binaries()
        if binaries is None:
            unavailable(
                f"no PostgreSQL server binaries (looked in ${ENV_BIN}, {DEBIAN_BINARIES}/*/bin and PATH); "
                f"install them with `{INSTALL_HINT}` or point {ENV_URL} at a server"
            )
        server = PostgresServer(binaries)
    except PostgresUnavailable as exc:
        unavailable(str(exc))
    url = server.start()
    try:
        yield url
    finally:
        server.stop()


# --- a clean database for every test ----------------------------------------------------------------


def reset_schema(url: str | URL) -> None:
    """Empty the database: drop and recreate the `public` schema (15 ms; a fresh database costs ~100 ms).

    Sessions a previous test left open are ended first, so one leaked connection cannot block the drop.
    """
    with connect(url) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        conn.execute("SET lock_timeout = '5s'")
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")
