"""What every `strife` command shares: its exit codes and the parsing of its common options.

Kept apart from `strife.cli` because commands defined in their own modules (eval) are
imported by it and so cannot import it back.
"""

from __future__ import annotations

import datetime as dt

import click

# 0: every input was read; 1: some input was skipped (each named on stderr with its reason);
# 2: the command itself was used wrongly.
SKIPPED_EXIT = 1
USAGE_EXIT = 2


def iso_date(ctx, param, value):
    """A click callback: an ISO date option (2024-01-30), or a usage error naming the value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-01-30")


def bbox(ctx, param, value):
    """A click callback: a box as MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, read and checked by the
    store's own query parser so that a box the CLI accepts is one the store accepts."""
    if value is None:
        return None
    from strife.store.query import EventQuery

    try:
        return EventQuery.of(bbox=value).bbox
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


# The filters of a store query (`Store.events`), declared once for every command that selects
# events from the store (`strife events`, `strife export`), so that the commands cannot come
# to accept different filters or read one differently: (the `Store.events` argument the
# option fills, the option, its click settings). An option left out is None: "not asked".
STORE_FILTER_OPTIONS = (
    ("country", "--country", dict(help="ISO3 code or country name.")),
    ("admin1", "--admin1", dict(help="First-level region, e.g. Banaadir.")),
    ("since", "--since", dict(callback=iso_date, help="Events on or after this day (YYYY-MM-DD).")),
    ("until", "--until", dict(callback=iso_date, help="Events on or before this day (YYYY-MM-DD).")),
    ("event_type", "--type", dict(help="ACLED event type, e.g. Battles.")),
    ("actor", "--actor", dict(help="Part of an actor's name (actor1, actor2 or associated), any case.")),
    ("bbox", "--bbox", dict(callback=bbox, metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="Bounding box.")),
    ("text", "--text", dict(help="Words in the notes, place or actor names (all of them).")),
    ("limit", "--limit", dict(type=click.IntRange(min=0), help="At most this many events.")),
    ("offset", "--offset", dict(type=click.IntRange(min=0), help="Skip this many first (default 0).")),
)
STORE_FILTERS = tuple(name for name, _, _ in STORE_FILTER_OPTIONS)
FILTER_FLAGS = {name: flag for name, flag, _ in STORE_FILTER_OPTIONS}  # for messages naming an option


def store_filter_options(command):
    """A decorator: the command takes the store query's filters (STORE_FILTER_OPTIONS), each
    passed to it as a keyword argument named as the `Store.events` argument it fills."""
    # Applied last to first, as stacked decorators are, so that --help lists them in order.
    for name, flag, settings in reversed(STORE_FILTER_OPTIONS):
        command = click.option(flag, name, **settings)(command)
    return command


def asked_filters(filters: dict) -> dict:
    """The store filters the user gave (those not None), by their `Store.events` names."""
    return {name: value for name, value in filters.items() if name in STORE_FILTERS and value is not None}
