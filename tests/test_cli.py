"""The `strife` command end to end: real files, a real SQLite store, real output."""

import csv
import datetime as dt
import functools
import io
import json

import pytest
from click.testing import CliRunner

from strife.cli import main
from strife.cli_params import STORE_FILTERS
from strife.export.acled import COLUMNS

REPORT = (
    "Gunmen stormed a police checkpoint in Bannu on Monday night, killing three policemen, "
    "officials said. The attackers fled after a brief exchange of fire.\n"
)
PROTEST = "Hundreds of teachers marched in Nairobi on Tuesday to demand higher pay. Police fired tear gas to disperse them.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store.sqlite")


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_text_file_to_jsonl(runner, tmp_path):
    path = tmp_path / "bannu.txt"
    path.write_text(REPORT)
    result = runner.invoke(main, ["extract", str(path), "--published", "2024-03-05"])
    assert result.exit_code == 0, result.output
    (event,) = records(result.stdout)
    assert event["article"]["id"] == "bannu.txt"
    assert event["date"] == "2024-03-04"
    assert event["location"]["iso3"] == "PAK"
    assert event["fatalities"]["best"] == 3


def test_extract_folder_to_acled_csv(runner, tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(REPORT)
    (tmp_path / "reports" / "b.txt").write_text(PROTEST)
    result = runner.invoke(main, ["extract", str(tmp_path / "reports"), "--format", "csv", "--published", "2024-03-06"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0].keys()) == COLUMNS
    types = {r["event_type"] for r in rows}
    assert types == {"Battles", "Protests"}
    assert {r["source"] for r in rows} == {"a.txt", "b.txt"}


def test_extract_stdin(runner):
    result = runner.invoke(main, ["extract", "-", "--published", "2024-03-05"], input=REPORT)
    assert result.exit_code == 0, result.output
    assert records(result.stdout)[0]["article"]["id"] == "stdin"


def test_jsonl_batch_with_a_bad_line_goes_on(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": REPORT, "published": "2024-03-05"}),
        "{not json",
        json.dumps({"id": "r3", "text": PROTEST, "published": "2024-03-06"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1  # something was skipped
    ids = {r["article"]["id"] for r in records(result.stdout)}
    assert ids == {"r1", "r3"}
    assert "batch.jsonl:2" in result.stderr


def test_binary_and_empty_inputs_are_named_with_a_reason(runner, tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text(REPORT)
    result = runner.invoke(main, ["extract", str(tmp_path), "--published", "2024-03-05"])
    assert result.exit_code == 1
    assert "blob.txt" in result.stderr and "empty.txt" in result.stderr
    assert len(records(result.stdout)) == 1


def test_ingest_is_idempotent_and_events_filters(runner, tmp_path, db):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT)
    (tmp_path / "in" / "b.txt").write_text(PROTEST)
    first = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "--published", "2024-03-06"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "--published", "2024-03-06"])
    assert "2 already in the store" in again.stderr
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert len(records(listed.stdout)) == 2
    kenya = runner.invoke(main, ["events", "--db", db, "--country", "KEN", "--format", "jsonl"])
    assert [r["event_type"] for r in records(kenya.stdout)] == ["Protests"]
    table = runner.invoke(main, ["events", "--db", db, "--country", "PAK"])
    assert "Battles" in table.stdout and "Protests" not in table.stdout


def test_demo_codes_the_bundled_reports(runner, db):
    result = runner.invoke(main, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].split()[0] == "date"
    assert len(lines) > 8  # the eight bundled reports hold more than eight events


SECOND_REPORT = (
    "Three police officers were killed when militants attacked a checkpoint in Bannu district on Monday, "
    "a police spokesman said on Tuesday.\n"
)


def test_two_reports_of_one_attack_are_one_event_with_its_history(runner, tmp_path, db):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT)
    (tmp_path / "in" / "b.txt").write_text(SECOND_REPORT)
    done = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "--published", "2024-03-05"])
    assert done.exit_code == 0, done.output
    (event,) = records(runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout)
    shown = runner.invoke(main, ["events", "show", event["id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0] == f"event {event['id']}"
    assert "sources (2):" in lines and "history (2):" in lines
    history = lines[lines.index("history (2):") + 1 :]
    assert "created by a.txt" in history[0]
    assert any("by b.txt" in line and "match score" in line for line in history)
    as_json = json.loads(runner.invoke(main, ["events", "show", event["id"], "--db", db, "--format", "json"]).stdout)
    assert [s["article_id"] for s in as_json["sources"]] == ["a.txt", "b.txt"]
    assert [r["kind"] for r in as_json["revisions"]][0] == "created"


def test_events_show_an_unknown_id_says_so(runner, db):
    shown = runner.invoke(main, ["events", "show", "e_nothing", "--db", db])
    assert shown.exit_code == 2 and "no event e_nothing" in shown.stderr


# One value for each store filter, as a user types it, and as the store should receive it.
FILTER_ARGS = {
    "country": (["--country", "PAK"], "PAK"),
    "admin1": (["--admin1", "Khyber Pakhtunkhwa"], "Khyber Pakhtunkhwa"),
    "since": (["--since", "2024-03-01"], dt.date(2024, 3, 1)),
    "until": (["--until", "2024-03-31"], dt.date(2024, 3, 31)),
    "event_type": (["--type", "Battles"], "Battles"),
    "actor": (["--actor", "police"], "police"),
    "bbox": (["--bbox", "70,32,71.5,33.5"], (70.0, 32.0, 71.5, 33.5)),
    "text": (["--text", "checkpoint"], "checkpoint"),
    "limit": (["--limit", "5"], 5),
    "offset": (["--offset", "1"], 1),
}


def test_events_and_export_take_the_same_filters_and_query_the_store_alike(runner, tmp_path, db, monkeypatch):
    from strife.store import Store

    # Every filter the store query has is tried, so a filter added to one command only fails here.
    assert set(FILTER_ARGS) == set(STORE_FILTERS)
    calls = []
    real_events = Store.events

    @functools.wraps(real_events)
    def recording_events(self, *args, **kwargs):
        calls.append(kwargs)
        return real_events(self, *args, **kwargs)

    monkeypatch.setattr(Store, "events", recording_events)
    path = tmp_path / "bannu.txt"
    path.write_text(REPORT)
    assert runner.invoke(main, ["ingest", str(path), "--db", db, "--published", "2024-03-05"]).exit_code == 0
    args = [word for typed, _ in FILTER_ARGS.values() for word in typed]
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", *args])
    assert listed.exit_code == 0, listed.output
    exported = runner.invoke(main, ["export", "--format", "jsonl", "--db", db, *args])
    assert exported.exit_code == 0, exported.output
    by_events, by_export = calls
    assert by_events == {name: value for name, (_, value) in FILTER_ARGS.items()}
    assert by_export == {**by_events, "with_history": True}  # export also asks for each event's history
    assert [e["id"] for e in records(exported.stdout)] == [e["id"] for e in records(listed.stdout)]


def test_both_commands_refuse_a_bad_filter_value_and_export_names_filters_by_their_flags(runner, tmp_path, db):
    for command in (["events"], ["export", "--format", "jsonl"]):
        bad_box = runner.invoke(main, [*command, "--db", db, "--bbox", "80,40,70"])
        assert bad_box.exit_code == 2 and "--bbox" in bad_box.output, command
        negative = runner.invoke(main, [*command, "--db", db, "--limit", "-1"])
        assert negative.exit_code == 2 and "--limit" in negative.output, command
    records_file = tmp_path / "events.jsonl"
    records_file.write_text("")
    refused = runner.invoke(main, ["export", "--format", "jsonl", "--from", str(records_file), "--type", "Battles", "--offset", "0"])
    assert refused.exit_code == 2 and "--type" in refused.output and "--offset" in refused.output
    assert "event_type" not in refused.output  # the flag the user typed, not the store's argument name
