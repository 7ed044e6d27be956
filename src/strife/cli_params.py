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
