"""An ACLED export as an evaluation set: each row's `notes` is a report, the row its gold.

Users who hold ACLED data for their region can measure strife there. A row's
`event_date` is the report's publication date (ACLED notes are written on the day
coded). The gold is what the row codes: type, sub-type, fatalities (ACLED's
conservative count, scored against strife's `low`), coordinates, country, the two
actors with their inter codes, and the interaction.

Exports differ: columns may be missing or extra and in any case; dates come as
2024-01-30, 30 January 2024 or 30-January-2024; newer exports name inter codes
("State forces") where older ones number them. A row that cannot be used is skipped
with its reason; the others are scored.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from strife.evaluate.pairing import settings
from strife.evaluate.records import Case
from strife.ingest.article import Article, Skipped


@dataclass
class AcledRow:
    article: Article
    gold: dict


def parse_acled_date(value: str) -> dt.date | None:
    value = " ".join((value or "").split())
    for form in settings()["acled_date_formats"]:
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None


def inter_code(value: str | None) -> int | None:
    """An inter code from a number ("2", "2.0") or ACLED's name for it ("Rebel group")."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError:
        pass
    names = {k.casefold(): v for k, v in settings()["acled_inter_names"].items() if not k.startswith("_")}
    return names.get(value.casefold())


def interaction_code(value: str | None) -> str | None:
    """ACLED's interaction as digits: "12" stays, "State forces-Rebel group" is "12",
    "Rebel group only" is "20"."""
    value = (value or "").strip()
    if not value:
        return None
    if value.replace(".0", "").isdigit():
        return str(int(float(value)))
    text = value.casefold()
    if text.endswith(" only"):
        one = inter_code(value[: -len(" only")])
        return f"{one}0" if one else None
    names = sorted((k for k in settings()["acled_inter_names"] if not k.startswith("_")), key=len, reverse=True)
    for name in names:  # split at the hyphen between two names (a name may hold a slash, not a hyphen)
        if text.startswith(name.casefold() + "-"):
            first, second = inter_code(name), inter_code(value[len(name) + 1 :])
            if first and second:
                return "".join(str(c) for c in sorted((first, second)))
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _iso3(numeric: str | None, name: str | None) -> str | None:
    """ACLED's `iso` column is the numeric ISO 3166 code; else the country's name."""
    import pycountry

    code = (numeric or "").strip()
    if code:
        try:
            country = pycountry.countries.get(numeric=f"{int(float(code)):03d}")
        except ValueError:
            country = None
        if country is not None:
            return country.alpha_3
    if name and name.strip():
        try:
            return pycountry.countries.lookup(name.strip()).alpha_3
        except LookupError:
            return None
    return None


def row_gold(row: dict[str, str], article_id: str) -> dict:
    """The gold event record that an ACLED row codes; columns the export lacks are left
    out of the gold, so they are not scored."""
    gold: dict = {"article": {"id": article_id}}
    for key in ("event_type", "sub_event_type"):
        if row.get(key):
            gold[key] = row[key].strip()
    if "event_date" in row:
        gold["date"] = row["event_date"]
    if "fatalities" in row:
        try:
            gold["fatalities"] = {"low": int(float(row["fatalities"] or 0))}
        except ValueError:
            pass
    lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
    location = {}
    if lat is not None and lon is not None:
        location.update(lat=lat, lon=lon)
    if row.get("country"):
        location["country"] = row["country"].strip()
    iso3 = _iso3(row.get("iso"), row.get("country"))
    if iso3 is not None:
        location["iso3"] = iso3  # compared by code: exports and gazetteers spell country names differently
    for key in ("admin1", "admin2"):
        if row.get(key):
            location[key] = row[key].strip()
    if row.get("location"):
        location["name"] = row["location"].strip()
    if location:
        gold["location"] = location
    for n in ("1", "2"):
        key = f"actor{n}"
        if key in row:
            name = (row[key] or "").strip()
            actor = {"name": name} if name else None
            if actor is not None and f"inter{n}" in row:
                actor["inter"] = inter_code(row[f"inter{n}"])
            gold[key] = actor
    if row.get("interaction"):
        code = interaction_code(row["interaction"])
        if code is not None:
            gold["interaction"] = code
    return gold


def read_acled(path: Path, limit: int | None = None) -> tuple[list[AcledRow], list[Skipped]]:
    rows: list[AcledRow] = []
    skipped: list[Skipped] = []
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # ACLED notes can be long
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise AcledError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames:
            raise AcledError(f"{path} is empty: no header row")
        header = {name: (name or "").strip().lower() for name in reader.fieldnames}
        if "notes" not in header.values():
            raise AcledError(f"{path} has no 'notes' column (columns: {', '.join(reader.fieldnames)}); ACLED rows are scored from their notes")
        if "event_date" not in header.values():
            raise AcledError(f"{path} has no 'event_date' column: the notes need it as their publication date")
        for n, raw in enumerate(reader, start=2):
            if limit is not None and len(rows) >= limit:
                break
            origin = f"{path.name}:{n}"
            row = {header[k]: (v or "") for k, v in raw.items() if k is not None and isinstance(v, str)}
            article_id = row.get("event_id_cnty", "").strip() or origin
            notes = row.get("notes", "").strip()
            if not notes:
                skipped.append(Skipped(origin=origin, reason="row has no notes: nothing to extract from", id=article_id))
                continue
            published = parse_acled_date(row.get("event_date", ""))
            if published is None:
                skipped.append(Skipped(origin=origin, reason=f"event_date {row.get('event_date')!r} is not a date (expected 2024-01-30, 30 January 2024 or 30-January-2024)", id=article_id))
                continue
            row["event_date"] = published.isoformat()
            article = Article(id=article_id, text=notes, origin=origin, source=row.get("source") or None,
                              published=published, published_basis="metadata", language="en")
            rows.append(AcledRow(article=article, gold=row_gold(row, article_id)))
    return rows, skipped


class AcledError(Exception):
    """The file cannot be used as ACLED data at all."""


def acled_cases(path: Path, extractor, limit: int | None = None) -> tuple[list[Case], list[Skipped]]:
    rows, skipped = read_acled(path, limit)
    cases = []
    by_id = {r.article.id: r for r in rows}
    if len(by_id) < len(rows):  # repeated event ids: keep each row apart
        for n, r in enumerate(rows):
            r.article.id = f"{r.article.id}#{n}"
            r.gold["article"]["id"] = r.article.id
        by_id = {r.article.id: r for r in rows}
    for result in extractor.extract([r.article for r in rows]):
        row = by_id[result.article.id]
        if result.error is not None:
            skipped.append(Skipped(origin=result.article.origin, reason=result.error, id=result.article.id))
            continue
        cases.append(Case(result.article.id, result.article.text, [row.gold], [e.model_dump(mode="json") for e in result.events]))
    return cases, skipped
