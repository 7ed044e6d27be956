import os
import tempfile
from pathlib import Path

import pytest

# Tests never touch a user's real cache or store: one private cache dir for the session,
# unless CI already set one (it builds the gazetteer there once for the whole run).
if "STRIFE_CACHE_DIR" not in os.environ:
    os.environ["STRIFE_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / "strife-test-cache")

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def extractor():
    from strife.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def gaz():
    from strife.geo.gazetteer import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def parse(gaz):
    """Geoparse one text on its own: parse(text) -> ArticleGeo."""
    from strife.analyse import load_nlp
    from strife.geo.geoparse import geoparse

    nlp = load_nlp()
    return lambda text: geoparse(nlp(text), gaz)


@pytest.fixture(scope="session")
def code(extractor):
    """Code one text: code(text, published='2024-01-30') -> list[Event]."""
    import datetime as dt

    from strife.ingest.article import Article

    def run(text, published=None, id="test"):
        article = Article(
            id=id,
            text=text,
            origin=id,
            published=dt.date.fromisoformat(published) if published else None,
            published_basis="argument" if published else "none",
        )
        (result,) = list(extractor.extract([article]))
        assert result.error is None, result.error
        return result.events

    return run


# --- PostgreSQL for the store tests ---------------------------------------------------------
# $STRIFE_TEST_PG names a server (and a database to connect to for creating others), as
# .ci/run sets it. Without it, a throwaway cluster is started when PostgreSQL is installed;
# without that, the PostgreSQL cases skip, except under CI=true, where they fail.


def _initdb():
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]) if found else None


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A URL of a PostgreSQL database whose user may create databases."""
    import shutil
    import subprocess

    url = os.environ.get("STRIFE_TEST_PG")
    if url:
        yield url
        return
    initdb = _initdb()
    if initdb is None:
        message = "no PostgreSQL: set STRIFE_TEST_PG to a server's URL, or install postgresql (initdb)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    bindir = initdb.parent
    home = Path(tempfile.mkdtemp(prefix="strife-pg-"))
    # The server refuses to run as root; run it as the postgres user then.
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = home / "data"

    def run(*cmd):
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)

    run(str(initdb), "-D", str(data), "-A", "trust", "-U", "strife", "--no-sync")
    # fsync off: a test cluster's data need not survive a power cut, and it is much faster.
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-o",
        f"-h 127.0.0.1 -p {port} -k {home} -F", "start")
    try:
        yield f"postgresql://strife@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def _pg_create(pg_server, template=None):
    import uuid

    from sqlalchemy import create_engine, text

    from strife.store.url import store_url

    name = f"strife_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(store_url(pg_server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    admin.dispose()
    return name, _pg_url(pg_server, name)


def _pg_url(pg_server, name):
    from sqlalchemy.engine import make_url

    from strife.store.url import store_url

    return make_url(store_url(pg_server)).set(database=name).render_as_string(hide_password=False)


def _pg_drop(pg_server, name):
    from sqlalchemy import create_engine, text

    from strife.store.url import store_url

    admin = create_engine(store_url(pg_server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# A store at the head revision per backend, made once: each test gets a copy, so the store
# suite does not run every migration for every test (the migration tests do).


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    from strife.store import Store

    path = tmp_path_factory.mktemp("template") / "strife.sqlite"
    with Store.open(str(path)):
        pass
    return path


@pytest.fixture(scope="session")
def _pg_template(pg_server):
    from strife.store import Store

    name, url = _pg_create(pg_server)
    with Store.open(url):
        pass
    yield name
    _pg_drop(pg_server, name)


@pytest.fixture
def pg_database(pg_server):
    """A fresh, empty database on the test server for one test; dropped after it."""
    name, url = _pg_create(pg_server)
    yield url
    _pg_drop(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_store_url(request, tmp_path):
    """The URL of an empty database, once a SQLite file and once PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'strife.sqlite'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of a new store (schema at head, no rows), once in a SQLite file and once in
    PostgreSQL."""
    if request.param == "sqlite":
        import shutil

        template = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "strife.sqlite"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
        return
    pg_server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("_pg_template")
    name, url = _pg_create(pg_server, template)
    yield url
    _pg_drop(pg_server, name)
