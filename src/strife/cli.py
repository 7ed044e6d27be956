"""The `strife` command: extract, ingest, events, export, demo, gazetteer.

Exit codes: 0 every input was read; 1 some input was skipped (each named on stderr with
its reason); 2 the command itself was used wrongly.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from importlib import resources
from typing import Iterator

import click

from strife.cli_params import SKIPPED_EXIT, asked_filters, store_filter_options
from strife.cli_params import iso_date as _date
from strife.ingest.article import Article, Skipped


def _report_skip(skipped: Skipped) -> None:
    click.echo(f"strife: skipped {skipped.origin}: {skipped.reason}", err=True)


class Run:
    """Streams inputs through the pipeline, counting what was skipped."""

    def __init__(self, paths: tuple[str, ...], published: dt.date | None) -> None:
        from strife.ingest import read_inputs

        self.skipped: list[Skipped] = []
        self.inputs = read_inputs(list(paths), published=published, stdin=sys.stdin.buffer)

    def articles(self) -> Iterator[Article]:
        for item in self.inputs:
            if isinstance(item, Skipped):
                self.skipped.append(item)
                _report_skip(item)
            else:
                yield item

    def extractions(self):
        from strife.pipeline import Extractor

        extractor = Extractor()
        for result in extractor.extract(self.articles()):
            if result.error is not None:
                skipped = Skipped(origin=result.article.origin, reason=result.error, id=result.article.id)
                self.skipped.append(skipped)
                _report_skip(skipped)
            yield result


@click.group()
@click.version_option(package_name="strife")
def main() -> None:
    """strife: news reports of political violence and unrest -> coded, geocoded events."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl", show_default=True)
def extract(paths, published, fmt):
    """Code the events in news reports: files, folders, JSON Lines batches, or - for stdin."""
    run = Run(paths, published)
    out = sys.stdout
    if fmt == "csv":
        from strife.export.acled import COLUMNS, acled_row

        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for result in run.extractions():
            for event in result.events:
                writer.writerow(acled_row(event))
    elif fmt == "json":
        records = [e.model_dump(mode="json") for r in run.extractions() for e in r.events]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for result in run.extractions():
            for event in result.events:
                out.write(event.to_json() + "\n")
            out.flush()
    sys.exit(SKIPPED_EXIT if run.skipped else 0)


def _open_store(db):
    from strife.store import SchemaTooNew, Store

    try:
        return Store.open(db)
    except SchemaTooNew as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date for inputs that carry none.")
@click.option("--db", envvar="STRIFE_DB", help="Store: a SQLite path or a postgresql:// URL (default: the user data dir).")
def ingest(paths, published, db):
    """Extract events from reports into the store; every input is recorded with its outcome."""
    run = Run(paths, published)
    counts = {"events": 0, "no_event": 0, "duplicate": 0, "skipped": 0}
    with _open_store(db) as store:
        from strife.store import StoreConflict

        for result in run.extractions():
            if result.error is not None:
                continue
            try:
                outcome = store.ingest(result.article, result.events)
            except StoreConflict as exc:
                skipped = Skipped(origin=result.article.origin, reason=str(exc), id=result.article.id)
                run.skipped.append(skipped)
                _report_skip(skipped)
                continue
            counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        for skipped in run.skipped:
            store.record_skip(skipped)
        counts["skipped"] = len(run.skipped)
    click.echo(
        f"ingested: {counts['events']} with events, {counts['no_event']} with no event, "
        f"{counts['duplicate']} already in the store, {counts['skipped']} skipped",
        err=True,
    )
    sys.exit(SKIPPED_EXIT if run.skipped else 0)


def _table(events) -> str:
    rows = [("date", "type", "sub-type", "actor1", "actor2", "place", "country", "killed")]
    for e in events:
        loc = e.location
        rows.append((
            e.date or "?",
            e.event_type or "",
            e.sub_event_type or "",
            e.actor1.name if e.actor1 else "",
            e.actor2.name if e.actor2 else "",
            (loc.name or "") if loc else "",
            (loc.iso3 or "") if loc else "",
            str(e.fatalities.best) if e.fatalities else "-",
        ))
    widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c[:40].ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


@main.group(invoke_without_command=True)
@click.option("--db", envvar="STRIFE_DB", help="Store: a SQLite path or a postgresql:// URL.")
@store_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def events(ctx, db, fmt, **filters):
    """What the store holds (one event per incident), ordered by date (undated last);
    `events show ID` for one event's history."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        try:
            found = store.events(**asked_filters(filters))
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    if fmt == "jsonl":
        for e in found:
            click.echo(e.to_json())
    else:
        click.echo(_table(found))
        click.echo(f"{len(found)} events", err=True)


@events.command("show")
@click.argument("event_id")
@click.option("--db", envvar="STRIFE_DB")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def events_show(ctx, event_id, db, fmt):
    """One event: its fields, every report of it with that report's own figures, and every
    revision with the report that caused it."""
    with _open_store(db or (ctx.obj or {}).get("db")) as store:
        found = store.event(event_id)
    if found is None:
        click.echo(f"strife: no event {event_id} in the store", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from strife.resolve.explain import describe

    click.echo(describe(found, asked_for=event_id))


@main.command()
@click.option("--db", envvar="STRIFE_DB", help="Store for the demo (default: the user data dir).")
def demo(db):
    """The main job on bundled example reports: ingest them, then show what was coded."""
    from strife.pipeline import Extractor

    demo_dir = resources.files("strife.data").joinpath("demo")
    manifest = json.loads(demo_dir.joinpath("manifest.json").read_text(encoding="utf-8"))
    from strife.ingest import read_inputs

    extractor = Extractor()
    with _open_store(db) as store:
        for entry in manifest["reports"]:
            path = str(demo_dir.joinpath(entry["file"]))
            published = dt.date.fromisoformat(entry["published"])
            items = list(read_inputs([path], published=published))
            articles = [a for a in items if isinstance(a, Article)]
            for result in extractor.extract(articles):
                outcome = store.ingest(result.article, result.events)
                click.echo(f"{entry['file']}: {outcome.outcome} ({len(result.events)} events)", err=True)
        found = store.events(country=None, since=None, until=None, event_type=None, limit=None)
    click.echo(_table(found))


@main.command("export")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "acled", "ucdp", "plover", "geojson", "parquet", "csv"]))
@click.option("-o", "--output", default="-", show_default=True, help="File to write; - is stdout (text formats only).")
@click.option("--from", "from_path", help="A JSON Lines file of event records (e.g. `strife extract` output) instead of the store; - for stdin.")
@click.option("--db", envvar="STRIFE_DB", help="Store: a SQLite path or a postgresql:// URL.")
@store_filter_options
def export_command(fmt, output, from_path, db, **filters):
    """Events from the store (or --from a JSON Lines file) as jsonl, ACLED, UCDP GED, PLOVER,
    GeoJSON, Parquet or flat CSV."""
    from strife.export.command import run_export

    code = run_export(fmt, output, from_path, db, filters)
    sys.exit(code)


@main.group()
def gazetteer():
    """The offline place index."""


@gazetteer.command("build")
@click.option("--path", help="Where to write the index (default: the user cache dir).")
@click.option("--no-reimport", is_flag=True, help="Leave out the GeoNames dumps imported into the previous index.")
def gazetteer_build(path, no_reimport):
    """Compile the packaged GeoNames data into the index (done once, automatically), then
    import again the GeoNames dumps the previous index held."""
    import time
    from pathlib import Path

    from strife.geo.gazetteer import build_index, default_index_path
    from strife.geo.importer import previous_imports, reimport

    target = Path(path) if path else default_index_path()
    recorded = [] if no_reimport else previous_imports(target)
    t0 = time.perf_counter()
    build_index(target)
    click.echo(f"gazetteer index written to {target} in {time.perf_counter() - t0:.1f} s")
    failed = False
    for entry, outcome in reimport(recorded, target):
        if isinstance(outcome, str):
            failed = True
            click.echo(f"strife: not imported again {', '.join(entry.get('files', []))}: {outcome}", err=True)
        else:
            click.echo(f"imported again {', '.join(entry['files'])}: {outcome.summary()}", err=True)
    sys.exit(SKIPPED_EXIT if failed else 0)


def _countries_option(ctx, param, value):
    if not value:
        return None
    codes = {c.strip().upper() for c in value.split(",") if c.strip()}
    bad = sorted(c for c in codes if len(c) != 2 or not c.isalpha())
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: not ISO 3166 two-letter codes (e.g. PK,AF,IN)")
    return codes


def _report_import(stats) -> None:
    click.echo(f"gazetteer {stats.index}: {stats.summary()}", err=True)
    for path, why in stats.files_skipped.items():
        click.echo(f"strife: skipped {path}: {why}", err=True)
    for problem in stats.problems:
        click.echo(f"strife: skipped {problem}", err=True)
    if stats.malformed > len(stats.problems):
        click.echo(f"strife: ... and {stats.malformed - len(stats.problems)} more malformed lines", err=True)


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--country", "countries", callback=_countries_option, help="Only these countries, e.g. PK,AF.")
@click.option("--index", "index", help="The index to import into (default: the one in the user cache dir).")
def gazetteer_import(files, countries, index):
    """Add GeoNames dumps (allCountries.zip or XX.zip, admin1CodesASCII.txt, admin2Codes.txt,
    alternateNamesV2.zip or alternatenames/XX.zip, countryInfo.txt) to the index."""
    from pathlib import Path

    from strife.geo.importer import GazetteerImportError, import_geonames

    try:
        stats = import_geonames([Path(f) for f in files], Path(index) if index else None, countries)
    except GazetteerImportError as exc:
        raise click.ClickException(f"{exc} (the index was left as it was)")
    _report_import(stats)
    sys.exit(SKIPPED_EXIT if stats.malformed or stats.files_skipped else 0)


@gazetteer.command("download")
@click.option("--country", "countries", callback=_countries_option, required=True, help="Countries to fetch, e.g. PK,AF,IN.")
@click.option("--to", "to", help="Where to keep the files (default: the user cache dir).")
@click.option("--base-url", envvar="STRIFE_GEONAMES_URL", help="GeoNames export/dump URL (or STRIFE_GEONAMES_URL).")
@click.option("--index", "index", help="The index to import into (default: the one in the user cache dir).")
def gazetteer_download(countries, to, base_url, index):
    """Fetch GeoNames country dumps (needs internet) and import them."""
    from pathlib import Path

    from strife.geo.download import DownloadError, download_geonames
    from strife.geo.importer import GazetteerImportError, import_geonames

    try:
        files = download_geonames(sorted(countries), Path(to) if to else None, base_url, progress=lambda m: click.echo(m, err=True))
        stats = import_geonames(files, Path(index) if index else None, countries)
    except (DownloadError, GazetteerImportError) as exc:
        raise click.ClickException(str(exc))
    _report_import(stats)
    sys.exit(SKIPPED_EXIT if stats.malformed or stats.files_skipped else 0)


from strife.evaluate.command import eval_command  # noqa: E402

main.add_command(eval_command)


if __name__ == "__main__":
    main()
