"""`strife export`: where the events come from, the format, and the account on stderr of
what was written, left out and skipped. Kept here so the CLI module only declares the
command."""

from __future__ import annotations

import os
import sys
from collections import Counter

import click

from strife.cli_params import FILTER_FLAGS, asked_filters
from strife.export.formats import export
from strife.export.records import EventFile, store_events, with_own_source

# How many event ids to name per reason when events are left out; the count is always given.
IDS_SHOWN = 5


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet
        return False


def _export(fmt, events, output):
    try:
        return export(fmt, events, output)
    except OSError as err:
        raise click.UsageError(f"-o {output}: {err.strerror or err}")


def run_export(fmt: str, output: str, from_path: str | None, db: str | None, filters: dict) -> int:
    asked = asked_filters(filters)
    if fmt == "parquet" and output in (None, "-"):
        raise click.UsageError("parquet is a binary format: give a file with -o FILE.parquet")
    skipped = []
    if from_path is not None:
        if asked:
            options = ", ".join(FILTER_FLAGS[k] for k in sorted(asked))
            raise click.UsageError(f"{options}: filters select from the store; --from exports its file as it is")
        if output not in (None, "-") and from_path != "-" and _same_file(from_path, output):
            raise click.UsageError(f"-o {output} is the --from file: writing would erase what is to be read")
        try:
            stream = sys.stdin if from_path == "-" else open(from_path, encoding="utf-8")
        except OSError as err:
            raise click.UsageError(f"--from {from_path}: {err.strerror}")
        with stream:
            source = EventFile(stream, "<stdin>" if from_path == "-" else from_path)
            report = _export(fmt, (with_own_source(e) for e in source), output)
        skipped = source.skipped
    else:
        from strife.store import Store

        with Store.open(db) as store:
            try:
                found, refused = store_events(store, **asked)
            except ValueError as exc:  # a filter the store's query rejects, as `strife events` says
                raise click.UsageError(str(exc)) from exc
        if refused:
            options = ", ".join(FILTER_FLAGS[k] for k in refused)
            raise click.UsageError(f"{options}: this store cannot filter on that yet")
        report = _export(fmt, (with_own_source(e) for e in found), output)
    where = "stdout" if output in (None, "-") else output
    click.echo(f"exported {report.written} events as {fmt} to {where}", err=True)
    for reason, n in Counter(r for _, r in report.left_out).most_common():
        ids = [i for i, r in report.left_out if r == reason][:IDS_SHOWN]
        more = f" and {n - len(ids)} more" if n > len(ids) else ""
        click.echo(f"left out {n} (not expressible in {fmt}): {reason}: {', '.join(ids)}{more}", err=True)
    for skip in skipped:
        click.echo(f"strife: skipped {skip.origin}: {skip.reason}", err=True)
    return 1 if skipped else 0
