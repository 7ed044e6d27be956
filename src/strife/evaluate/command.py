"""`strife eval`: measured accuracy against gold (strife records, ACLED, MUC-4).

Exit codes as for the other commands: 0 all read, 1 some input skipped (named on
stderr), 2 the command used wrongly or the gold unusable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from strife.cli_params import SKIPPED_EXIT, USAGE_EXIT
from strife.cli_params import iso_date as _date


def _emit(as_json: bool, data: dict, table: str, worst: list[str], errors: int) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(table)
    if errors:
        click.echo("\nworst cases\n" + ("\n\n".join(worst) if worst else "no errors: every gold event found, every scored field right"))


@click.command("eval")
@click.argument("reports", nargs=-1)
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Gold events in strife's event-record form (JSON Lines; some fields suffice).")
@click.option("--acled", "acled_path", type=click.Path(dir_okay=False, path_type=Path),
              help="An ACLED CSV export: each row's notes are coded and scored against the row.")
@click.option("--muc4", "muc4_path", type=click.Path(dir_okay=False, path_type=Path),
              help="MUC-4 answer keys (JSON Lines), scored by role-filler matching as GRIT/GTT do.")
@click.option("--roles", "roles_path", type=click.Path(dir_okay=False, path_type=Path), help="MUC-4 role mapping (JSON Lines).")
@click.option("--limit", type=click.IntRange(min=1), help="--muc4, --acled: score only the first N documents (rows).")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for reports that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", type=click.IntRange(min=0), default=0, help="Also show the N worst cases, gold and prediction side by side.")
def eval_command(reports, gold_path, acled_path, muc4_path, roles_path, limit, published, as_json, errors):
    """Score strife against gold: --gold GOLD REPORTS..., --acled CSV, or --muc4 DEV.jsonl."""
    chosen = [name for name, v in (("--gold", gold_path), ("--acled", acled_path), ("--muc4", muc4_path)) if v is not None]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --gold, --acled or --muc4")
    if gold_path is not None and not reports:
        raise click.UsageError("--gold needs the reports it codes: strife eval --gold gold.jsonl reports/")
    if gold_path is not None and limit is not None:
        raise click.UsageError("--limit is for --muc4 and --acled; give --gold fewer reports instead")
    if gold_path is None and reports:
        raise click.UsageError(f"{chosen[0]} reads its texts from its own file; remove the REPORTS arguments")
    for path in (gold_path, acled_path, muc4_path, roles_path):
        if path is not None and not path.exists():
            raise click.UsageError(f"no such file: {path}")

    from strife.pipeline import Extractor

    if muc4_path is not None:
        try:
            from strife.evaluate.muc4 import run_muc4
        except ImportError as exc:
            click.echo(f"strife: MUC-4 scoring is not available in this installation ({exc}); --gold and --acled are", err=True)
            sys.exit(USAGE_EXIT)
        muc = run_muc4(muc4_path, roles_path, limit, Extractor())
        data = muc.as_dict()
        worst = muc.worst(errors) if errors else []
        if as_json and errors:
            data = {**data, "errors": worst}
        _emit(as_json, data, muc.table(), worst, errors)
        return

    from strife.evaluate.records import score_cases
    from strife.evaluate.report import as_dict, format_case, table, worst as worst_cases

    extractor = Extractor()
    if gold_path is not None:
        from strife.evaluate.records import GoldError, gold_cases

        try:
            cases, skipped = gold_cases(gold_path, list(reports), extractor, published=published)
        except GoldError as exc:
            click.echo(f"strife: {exc}", err=True)
            sys.exit(USAGE_EXIT)
        title = f"strife eval --gold {gold_path.name}"
    else:
        from strife.evaluate.acled import AcledError, acled_cases

        try:
            cases, skipped = acled_cases(acled_path, extractor, limit)
        except AcledError as exc:
            click.echo(f"strife: {exc}", err=True)
            sys.exit(USAGE_EXIT)
        title = f"strife eval --acled {acled_path.name} (fatalities: ACLED's count vs strife's low)"
    scores = score_cases(cases, skipped, gazetteer=extractor.gazetteer)
    for s in skipped:
        click.echo(f"strife: skipped {s.origin}: {s.reason}", err=True)
    worst = [format_case(i, o) for i, o in enumerate(worst_cases(scores, errors), start=1)] if errors else []
    _emit(as_json, as_dict(scores, errors), table(scores, title), worst, errors)
    sys.exit(SKIPPED_EXIT if skipped else 0)
