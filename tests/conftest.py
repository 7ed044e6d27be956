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
