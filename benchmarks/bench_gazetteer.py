"""Gazetteer figures: default build, open, exact and fuzzy lookups, and a GeoNames import
over a synthetic dump of about a million rows.

    PYTHONPATH=src python benchmarks/bench_gazetteer.py [--rows 1000000] [--names 3000]

Targets (issue 4): build < 60 s, open < 100 ms, lookup < 1 ms. Everything is written in
a temporary directory; the user's cache is not touched. The import runs in a child
process so that its peak memory is its own: the baseline is that process's peak after
loading strife and before importing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


SYLLABLES = ["ka", "lo", "mir", "pur", "zai", "khel", "gul", "abad", "dara", "shah", "ban", "tor", "sar", "kot",
             "nar", "wal", "ghar", "chak", "dun", "ram", "sang", "bagh", "tang", "hir", "mand", "zar", "pir", "lak"]
FEATURES = [("P", "PPL")] * 60 + [("P", "PPLX")] * 5 + [("T", "MT")] * 8 + [("T", "VAL")] * 4 + [("T", "PASS")] + \
    [("H", "STM")] * 10 + [("H", "WLL")] * 4 + [("S", "SCH")] * 4 + [("L", "AREA")] * 2 + [("A", "ADM3")] * 2


def synthetic_dump(directory: Path, rows: int, alternates: int, seed: int = 7) -> list[Path]:
    """allCountries.zip, admin1/admin2 codes and alternateNamesV2.zip in the real formats,
    with invented names in PK, AF and IN (admin codes that exist in the default index)."""
    rnd = random.Random(seed)
    admin1 = {"PK": [("02", 1183606), ("03", 1168873), ("04", 1167710), ("05", 1164807)],
              "AF": [("34", 1135702), ("10", 1142226)], "IN": [("12", 1269320)]}
    (directory / "admin1CodesASCII.txt").write_text(
        "".join(f"{c}.{code}\tA{gid}\tA{gid}\t{gid}\n" for c, codes in admin1.items() for code, gid in codes), encoding="utf-8")
    (directory / "admin2Codes.txt").write_text(
        "PK.02.1175527\tKachhi\tKachhi\t1175527\n", encoding="utf-8")

    def name() -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).capitalize() + rnd.choice(["", " Kalay", " Bala", " Payan", ""])

    places = directory / "allCountries.zip"
    with zipfile.ZipFile(places, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("allCountries.txt", "w") as raw:
        batch = []
        for i in range(rows):
            iso2 = rnd.choice(["PK", "PK", "AF", "IN"])
            a1, _ = rnd.choice(admin1[iso2])
            fclass, fcode = rnd.choice(FEATURES)
            n = name()
            cols = [20_000_000 + i, n, n, f"{n}i,{n[:-1]}", f"{rnd.uniform(24, 37):.5f}", f"{rnd.uniform(61, 77):.5f}",
                    fclass, fcode, iso2, "", a1, "1175527" if a1 == "02" else "", "", "", rnd.choice([0, 0, 0, 120, 1500]),
                    "", "900", "Asia/Karachi", "2024-01-01"]
            batch.append("\t".join(map(str, cols)) + "\n")
            if len(batch) == 10_000:
                raw.write("".join(batch).encode())
                batch.clear()
        raw.write("".join(batch).encode())
    alt = directory / "alternateNamesV2.zip"
    langs = ["en", "en", "", "ur", "ps", "link", "post", "fa"]
    with zipfile.ZipFile(alt, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("alternateNamesV2.txt", "w") as raw:
        batch = []
        for i in range(alternates):
            lang = rnd.choice(langs)
            text = {"link": "https://en.wikipedia.org/wiki/X", "post": str(rnd.randint(10000, 99999))}.get(lang) or name()
            batch.append(f"{i}\t{20_000_000 + rnd.randrange(rows)}\t{lang}\t{text}\t0\t0\t0\t0\t\t\n")
            if len(batch) == 10_000:
                raw.write("".join(batch).encode())
                batch.clear()
        raw.write("".join(batch).encode())
    return [places, directory / "admin1CodesASCII.txt", directory / "admin2Codes.txt", alt]


CHILD = """
import json, sys, resource, time
from pathlib import Path
import strife.geo.importer as importer
from strife.geo import Gazetteer
def rss_kib():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
index, files = Path(sys.argv[1]), [Path(f) for f in sys.argv[2:]]
Gazetteer.open(index)  # the index, and its modules, loaded before the baseline
baseline_peak = importer.peak_rss_mb()
baseline_now = rss_kib() / 1024
t0, c0 = time.perf_counter(), time.process_time()
stats = importer.import_geonames(files, index)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "baseline_peak_mb": baseline_peak, "baseline_rss_mb": baseline_now,
                  "peak_mb": importer.peak_rss_mb(), "summary": stats.summary(), "places_read": stats.places_read,
                  "names_read": stats.names_read, "places_added": stats.places_added}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="place rows in the synthetic dump")
    parser.add_argument("--alternates", type=int, default=300_000, help="alternate-name rows in the synthetic dump")
    parser.add_argument("--names", type=int, default=3000, help="names to look up")
    args = parser.parse_args()

    from strife.geo.gazetteer import Gazetteer, build_index

    with tempfile.TemporaryDirectory(prefix="bench-gazetteer-") as tmp:
        tmp = Path(tmp)
        index = tmp / "gazetteer.sqlite"
        t0, c0 = time.perf_counter(), time.process_time()
        build_index(index)
        build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"default build: {build_s:.1f} s wall, {build_cpu:.1f} s CPU ({index.stat().st_size / 1e6:.0f} MB; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)  target < 60 s")

        opens = []
        for _ in range(20):
            t0 = time.perf_counter()
            gaz = Gazetteer.open(index)
            gaz.lookup("Quetta")  # an open index is one that answers
            opens.append(time.perf_counter() - t0)
            gaz.db.close()
        print(f"open + first lookup: median {ms(statistics.median(opens))}, max {ms(max(opens))}  target < 100 ms")

        gaz = Gazetteer.open(index)
        rnd = random.Random(1)
        names = sorted({row[0] for row in gaz.db.execute("SELECT name FROM places ORDER BY geonameid")})
        # names of places, and names that are nowhere (each once: lookups are cached)
        names = rnd.sample(names, min(args.names, len(names))) + [f"Zzyzxabad {i}" for i in range(args.names // 10)]
        rnd.shuffle(names)
        times = []
        for name in names:
            t0 = time.perf_counter()
            gaz.lookup(name)
            times.append(time.perf_counter() - t0)
        print(f"lookup ({len(names)} names, uncached): p50 {ms(pct(times, .5))}, p95 {ms(pct(times, .95))}, "
              f"max {ms(max(times))}  target < 1 ms")

        pk = [row[0] for row in gaz.db.execute("SELECT name FROM places WHERE iso2 = 'PK' AND kind = 'city' ORDER BY geonameid")]
        typos = [n[:2] + n[3:] if len(n) > 5 else n + "a" for n in rnd.sample(pk, 300)]
        first_calls, later = [], []
        for name in typos:
            t0 = time.perf_counter()
            gaz.fuzzy(name, ["PK", "AF"])
            (first_calls if len(first_calls) < 1 else later).append(time.perf_counter() - t0)
        print(f"fuzzy (300 misspelt Pakistani towns, PK+AF): first call {ms(first_calls[0])} (loads the names), "
              f"then p50 {ms(pct(later, .5))}, p95 {ms(pct(later, .95))}")

        dump = tmp / "dump"
        dump.mkdir()
        t0 = time.perf_counter()
        files = synthetic_dump(dump, args.rows, args.alternates)
        print(f"synthetic dump: {args.rows} place rows, {args.alternates} alternate names, written in {time.perf_counter() - t0:.1f} s "
              f"({sum(f.stat().st_size for f in files) / 1e6:.0f} MB zipped)")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"), os.environ.get("PYTHONPATH", "")]))
        out = subprocess.run([sys.executable, "-c", CHILD, str(index), *map(str, files)], capture_output=True, text=True, env=env)
        if out.returncode != 0:
            sys.exit(f"import failed:\n{out.stderr}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"import: {r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU, {r['places_read'] / r['seconds']:.0f} place rows/s "
              f"({(r['places_read'] + r['names_read']) / r['seconds']:.0f} rows/s with alternate names)")
        print(f"import memory: peak {r['peak_mb']:.0f} MB vs baseline {r['baseline_peak_mb']:.0f} MB peak / "
              f"{r['baseline_rss_mb']:.0f} MB resident before the import: +{r['peak_mb'] - r['baseline_peak_mb']:.0f} MB")
        print(f"  {r['summary']}")
        gaz = Gazetteer.open(index)
        times = []
        for name in names:
            t0 = time.perf_counter()
            gaz.lookup(name)
            times.append(time.perf_counter() - t0)
        print(f"lookup after the import ({index.stat().st_size / 1e6:.0f} MB index): p50 {ms(pct(times, .5))}, p95 {ms(pct(times, .95))}")


if __name__ == "__main__":
    main()
