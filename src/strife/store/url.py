"""Where the store lives: a plain path, a database URL, $STRIFE_DB, or the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "STRIFE_DB"
DEFAULT_FILENAME = "strife.sqlite"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("strife")) / DEFAULT_FILENAME


def store_url(url_or_path: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for what the user gave.

    Anything with a scheme ("sqlite:///x.db", "postgresql://…") is taken as a URL as is; any
    other string is a file path. With nothing given, $STRIFE_DB and then the user data dir
    decide, so library callers get the same default as the CLI.
    """
    if url_or_path is None:
        url_or_path = os.environ.get(ENV_VAR) or None
    if url_or_path is None:
        path = default_db_path()
    else:
        text = os.fspath(url_or_path)
        if "://" in text:
            return _with_driver(text)
        path = Path(text).expanduser()
    # SQLite creates the file but not its directory; a first run must not fail on that.
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def _with_driver(url: str) -> str:
    # A bare postgresql:// means psycopg2 to SQLAlchemy; strife depends on psycopg 3.
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url
