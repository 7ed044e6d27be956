"""The event store: SQLite by default, any SQLAlchemy database by URL, one interface."""

from strife.store.schema import SchemaTooNew
from strife.store.store import IngestOutcome, InputRow, Store, StoreConflict, Summary
from strife.store.url import default_db_path, store_url

__all__ = [
    "IngestOutcome",
    "InputRow",
    "SchemaTooNew",
    "Store",
    "StoreConflict",
    "Summary",
    "default_db_path",
    "store_url",
]
