"""How tests/data/store-v1.* were made, by strife at commit 0bb28ad (schema version 1, before
alembic): `python tests/data/make_store_v1.py tests/data/store-v1.sqlite`, and for PostgreSQL
the same with a postgresql+psycopg:// URL, then `pg_dump --no-owner --no-privileges --inserts`
(its \\restrict lines removed). Kept so the upgrade test reads a file the old code really wrote."""
import sys, sqlite3
sys.path.insert(0, "tests")
from test_store import article, event
from strife.ingest.article import Skipped
from strife.store import Store

def fill(url):
    with Store.open(url) as s:
        pk = article(text="Report from Pakistan. " * 3, id="a_pk", origin="pk.txt")
        ke = article(text="Report from Kenya. " * 3, id="a_ke", origin="ke.txt")
        s.ingest(pk, [event(pk, "e_b", date="2024-01-30", killed=5), event(pk, "e_undated", date=None, start=9)])
        s.ingest(ke, [event(ke, "e_ke", date="2024-02-05", event_type="Protests", iso3="KEN", country="Kenya", start=4)])
        s.ingest(article(text="Nothing happened.", id="a_none", origin="none.txt"), [])
        s.record_skip(Skipped(origin="x.bin", reason="binary"))

fill(sys.argv[1])
if "://" not in sys.argv[1]:
    with sqlite3.connect(sys.argv[1]) as c:
        c.execute("PRAGMA journal_mode=DELETE")
