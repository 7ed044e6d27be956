"""The geoparser on place phrases with known coordinates (issue 4).

Data: benchmarks/data/geo_phrases.jsonl, short wire-style reports written for this
benchmark, each place phrase with the coordinates a coder would use (GeoNames' point
for a town; for a district or province its representative point), admin1, country and
geo_precision, and whether it is the incident's place or only mentioned.

Other phrase sets in the same format, by --data: geo_phrases_heldout.jsonl (written
after the tuning; never tune on it) and geo_phrases_categories.jsonl (development data
for the categories an error analysis found weak: towns the packaged data lacks beside
another country's name, namesakes, landmarks, city districts, English province names,
'the provincial capital').

Two measures, both over the real pipeline's analysis of each report:
- phrases: every gold phrase against the geoparser's mention that covers it (the
  resolution of each place the article names);
- incidents: every gold incident place against the nearest location of the events the
  full pipeline codes from the report (which place of the article is the incident's).

Printed for each: share within 25 km and 50 km, median error, country accuracy,
unresolved share, precision-code agreement; and the speed of the geoparser (place
lookups per second) beside spaCy's parse of the same texts in the same run.

Modes: default (the packaged gazetteer) and full (an index imported from GeoNames dump
files for the countries of the benchmark, with strife.geo.importer; the dump directory
is --geonames DIR or $STRIFE_GEONAMES_DIR; without it, full mode is skipped and why).

Run: python benchmarks/bench_geo.py [--errors N] [--geonames DIR] [--mode default|full|both]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data" / "geo_phrases.jsonl"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def covering(mentions, start: int, end: int):
    """The geoparser's mention that covers most of the gold phrase (for "40 km south of
    Quetta" the mention is "Quetta" inside it)."""
    best, overlap = None, 0
    for m in mentions:
        o = min(end, m.end) - max(start, m.start)
        if o > overlap:
            best, overlap = m, o
    return best


class Tally:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[dict] = []

    def add(self, report: dict, gold: dict, got: dict | None, why: str) -> None:
        row = {"report": report["id"], "phrase": gold["phrase"], "gold": gold, "got": got, "why": why}
        if got is not None and got.get("lat") is not None:
            row["km"] = km((gold["lat"], gold["lon"]), (got["lat"], got["lon"]))
        self.rows.append(row)

    def summary(self) -> dict:
        n = len(self.rows)
        errors = [r["km"] for r in self.rows if "km" in r]
        resolved = [r for r in self.rows if "km" in r]
        return {
            "n": n,
            "within_25km": sum(e <= 25 for e in errors) / n if n else 0.0,
            "within_50km": sum(e <= 50 for e in errors) / n if n else 0.0,
            "median_km": statistics.median(errors) if errors else None,
            "country": sum(r["got"]["iso3"] == r["gold"]["iso3"] for r in resolved) / n if n else 0.0,
            "country_of_resolved": sum(r["got"]["iso3"] == r["gold"]["iso3"] for r in resolved) / len(resolved) if resolved else 0.0,
            "unresolved": (n - len(resolved)) / n if n else 0.0,
            "precision_agree": sum(r["got"].get("geo_precision") == r["gold"]["geo_precision"] for r in resolved) / n if n else 0.0,
        }

    def print(self, worst: int) -> None:
        s = self.summary()
        median = f"{s['median_km']:.1f} km" if s["median_km"] is not None else "n/a"
        print(
            f"  {self.name:<10} n={s['n']:<4} within 25 km {s['within_25km']:.3f}  within 50 km {s['within_50km']:.3f}  "
            f"median {median}  country {s['country']:.3f} (of those resolved {s['country_of_resolved']:.3f})  unresolved {s['unresolved']:.3f}  precision agree {s['precision_agree']:.3f}"
        )
        for level in (1, 2, 3):
            part = [r for r in self.rows if r["gold"]["geo_precision"] == level]
            if part:
                within = sum(r.get("km", 1e9) <= 25 for r in part) / len(part)
                print(f"    gold precision {level}: n={len(part):<4} within 25 km {within:.3f}")
        if worst:
            ranked = sorted(self.rows, key=lambda r: -r.get("km", 1e9))[:worst]
            for r in ranked:
                g, got = r["gold"], r["got"]
                where = f"{got['name']}, {got['iso3']} ({got['lat']:.2f},{got['lon']:.2f}) p{got.get('geo_precision')}" if got else "unresolved"
                dist = f"{r['km']:.0f} km" if "km" in r else "-"
                print(f"    {r['report']} '{r['phrase']}' -> {where} [{dist}]; gold {g['name']}, {g['iso3']} p{g['geo_precision']}; {r['why']}")


def as_got(place, precision) -> dict | None:
    if place is None or place.lat is None:
        return None
    return {"name": place.name, "iso3": place.iso3, "lat": place.lat, "lon": place.lon, "geo_precision": precision}


def run(reports: list[dict], gazetteer, worst: int, label: str) -> dict:
    import datetime as dt

    from strife.analyse import analyse
    from strife.extract.dates import read_dateline
    from strife.geo.geoparse import geoparse
    from strife.ingest.article import Article
    from strife.pipeline import Extractor

    extractor = Extractor(gazetteer)
    articles = [
        Article(id=r["id"], text=r["text"], origin=r["id"], published=dt.date(2024, 6, 1), published_basis="argument")
        for r in reports
    ]
    analyse(articles[:2], is_place=extractor._cased_place)  # warm the model before timing
    t0 = time.perf_counter()
    analyses = list(analyse(articles, is_place=extractor._cased_place))
    parse_s = time.perf_counter() - t0

    phrases, incidents = Tally("phrases"), Tally("incidents")
    geo_s, lookups, failures = 0.0, 0, 0
    for report, analysis in zip(reports, analyses):
        dateline = read_dateline(analysis.article.body)
        t0 = time.perf_counter()
        geo = geoparse(analysis.doc, gazetteer, dateline=dateline)
        geo_s += time.perf_counter() - t0
        lookups += len(geo.mentions)
        for gold in report["places"]:
            m = covering(geo.mentions, gold["start"], gold["end"])
            if m is None:
                phrases.add(report, gold, None, "no mention found")
            else:
                # a name the gazetteer lacks counts with its fallback (the district or
                # province that holds it), as a coder would code it
                place, precision = (m.place, m.precision) if m.place is not None else (m.fallback, m.fallback_precision)
                phrases.add(report, gold, as_got(place, precision), m.reason)
        try:
            events = extractor.code(analysis)
        except Exception as exc:  # a failure is a finding of the benchmark, not its end
            failures += 1
            events = []
            print(f"  {report['id']}: pipeline error {type(exc).__name__}: {exc}", file=sys.stderr)
        located = [e for e in events if e.location is not None and e.location.lat is not None]
        for gold in (g for g in report["places"] if g["incident"]):
            if not located:
                incidents.add(report, gold, None, "no event located" if events else "no event coded")
                continue
            best = min(located, key=lambda e: km((gold["lat"], gold["lon"]), (e.location.lat, e.location.lon)))
            loc = best.location
            why = next((ev.reason for ev in best.evidence if ev.field == "location"), "") or ""
            incidents.add(report, gold, {"name": loc.name, "iso3": loc.iso3, "lat": loc.lat, "lon": loc.lon,
                                         "geo_precision": loc.geo_precision}, why)

    # again, warm: the gazetteer's caches (a country's names for spelling matches) are
    # filled once per process, so the first pass is the cold cost and this the running one
    t0 = time.perf_counter()
    for analysis in analyses:
        geoparse(analysis.doc, gazetteer, dateline=read_dateline(analysis.article.body))
    warm_s = time.perf_counter() - t0
    countries = {g["iso3"] for r in reports for g in r["places"]}
    print(f"{label}: {len(reports)} reports, {sum(len(r['places']) for r in reports)} phrases, {len(countries)} countries")
    phrases.print(worst)
    incidents.print(worst)
    words = sum(len(r["text"].split()) for r in reports)
    print(
        f"  speed: spaCy parse {parse_s:.2f} s ({words / parse_s:,.0f} words/s); geoparser warm {warm_s:.3f} s for "
        f"{lookups} place mentions = {lookups / warm_s:,.0f} lookups/s ({warm_s / parse_s:.1%} of the parse time); "
        f"first pass, caches cold: {geo_s:.3f} s"
    )
    if failures:
        print(f"  pipeline errors: {failures}")
    return {"phrases": phrases.summary(), "incidents": incidents.summary()}


def full_gazetteer(directory: str | None, reports: list[dict]):
    """-> (Gazetteer | None, why not)"""
    if not directory:
        return None, "no GeoNames dump directory (--geonames DIR or $STRIFE_GEONAMES_DIR)"
    root = Path(directory)
    files = sorted(p for p in root.iterdir() if p.suffix in (".txt", ".zip")) if root.is_dir() else []
    if not files:
        return None, f"no GeoNames dump files (*.txt, *.zip) in {directory}"
    try:
        from strife.geo.importer import import_geonames  # written on the geo-import branch
    except ImportError as exc:
        return None, f"strife.geo.importer is not available on this branch ({exc})"
    import pycountry

    from strife.geo.gazetteer import Gazetteer

    iso2 = {pycountry.countries.get(alpha_3=g["iso3"]).alpha_2 for r in reports for g in r["places"]}
    index = Path(tempfile.mkdtemp(prefix="strife-bench-geo-")) / "gazetteer-full.sqlite"
    t0 = time.perf_counter()
    import_geonames(files, index=index, countries=iso2)
    print(f"full mode: imported {len(files)} GeoNames files for {len(iso2)} countries in {time.perf_counter() - t0:.1f} s")
    return Gazetteer.open(index), ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="print the N worst cases of each measure")
    ap.add_argument("--geonames", default=os.environ.get("STRIFE_GEONAMES_DIR"), help="directory of GeoNames dump files")
    ap.add_argument("--mode", choices=("default", "full", "both"), default="both")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    reports = load(args.data)
    if args.mode in ("default", "both"):
        from strife.geo.gazetteer import Gazetteer

        run(reports, Gazetteer.open(), args.errors, "default mode (packaged gazetteer)")
    if args.mode in ("full", "both"):
        gazetteer, why = full_gazetteer(args.geonames, reports)
        if gazetteer is None:
            print(f"full mode skipped: {why}")
        else:
            try:
                run(reports, gazetteer, args.errors, "full mode (GeoNames dump)")
            finally:  # the index was built for this run only
                gazetteer.db.close()
                shutil.rmtree(gazetteer.path.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
