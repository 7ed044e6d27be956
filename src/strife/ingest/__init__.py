"""Ingest: what a user gives -> Article (text repaired, furniture marked) or Skipped (why)."""

from strife.ingest.article import Article, Furniture, Skipped
from strife.ingest.sources import read_inputs

__all__ = ["Article", "Furniture", "Skipped", "read_inputs"]
