"""The export formats by name: what writes each, and whether it is text (may go to
standard output) or binary (needs a file)."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from typing import Iterable

from strife.record import Event

FORMATS = ("jsonl", "acled", "ucdp", "plover", "geojson", "parquet", "csv")
BINARY = {"parquet"}


@dataclass
class ExportReport:
    written: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (event id, why), formats that cannot hold some events


def export(fmt: str, events: Iterable[Event], output: str | os.PathLike | None) -> ExportReport:
    """Write the events in a format to a file, or to standard output when `output` is
    None or '-'. Parquet is binary and columnar: it needs a file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    to_stdout = output is None or str(output) == "-"
    if fmt in BINARY:
        if to_stdout:
            raise ValueError(f"{fmt} is a binary format: give a file with -o FILE.{fmt}")
        from strife.export.parquet import write_parquet

        return ExportReport(written=write_parquet(events, output))
    if to_stdout:
        return _write_text(fmt, events, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return _write_text(fmt, events, out)


def _write_text(fmt: str, events: Iterable[Event], out: io.TextIOBase) -> ExportReport:
    if fmt == "jsonl":
        from strife.export.jsonl import write_jsonl

        return ExportReport(written=write_jsonl(events, out))
    if fmt == "acled":
        from strife.export.acled import write_acled

        return ExportReport(written=write_acled(events, out))
    if fmt == "csv":
        from strife.export.flat import write_csv

        return ExportReport(written=write_csv(events, out))
    if fmt == "plover":
        from strife.export.plover import write_plover

        return ExportReport(written=write_plover(events, out))
    if fmt == "geojson":
        from strife.export.geojson import write_geojson

        result = write_geojson(events, out)
        return ExportReport(written=result.features, left_out=result.unmapped)
    from strife.export.ucdp import write_ucdp

    result = write_ucdp(events, out)
    return ExportReport(written=result.rows, left_out=result.left_out)
