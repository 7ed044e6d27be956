"""Full GeoNames dumps into the gazetteer index: villages, districts, valleys, mountains.

Reads the formats GeoNames publishes (https://download.geonames.org/export/dump/, see its
readme): places (allCountries.zip, XX.zip or their .txt: 19 tab-separated columns),
admin1CodesASCII.txt, admin2Codes.txt, alternate names (alternateNamesV2.zip,
alternateNames.txt, alternatenames/XX.zip) and optionally countryInfo.txt.

Every file is streamed line by line into staging tables of a private copy of the index,
so memory stays bounded whatever the dump's size (allCountries has 13 million rows);
admin names are resolved afterwards by joins, because a district's row may come after
the villages that lie in it. The copy replaces the index only when everything went in
(atomic: a failed import leaves the previous index as it was; running it again starts
over). Places of the default index keep their ids and their records (an import adds
names to them, nothing else); places an earlier import added are replaced by the newer
row, so importing the same files twice gives the same index.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import resource
import sqlite3
import sys
import time
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from strife.extract.lexicon import load_data
from strife.geo.gazetteer import Gazetteer, _latin, apply_aliases, build_index, default_index_path, keys_of, replacing

RULES = load_data("geonames_import.json")
PLACE_COLUMNS = 19
BATCH = 5000
MAX_PROBLEMS = 50  # problems listed one by one; all are counted
ADMIN_CODE = {"admin1": re.compile(r"[A-Z]{2}\.[^.\t]+"), "admin2": re.compile(r"[A-Z]{2}\.[^.\t]+\.[^.\t]+")}
# readmes and the language table travel inside the GeoNames zips; they are not data
NOT_DATA = re.compile(r"(?:^|/)(?:readme|iso-languagecodes)[^/]*\.txt$", re.I)

STAGING = """
CREATE TEMP TABLE staged (
  geonameid INTEGER PRIMARY KEY, name TEXT, kind TEXT, iso2 TEXT, a1 TEXT, a2 TEXT,
  lat REAL, lon REAL, population INTEGER, fclass TEXT, fcode TEXT
);
CREATE TEMP TABLE staged_names (key TEXT, geonameid INTEGER, alias INTEGER);
CREATE TEMP TABLE admin_codes (code TEXT PRIMARY KEY, geonameid INTEGER, name TEXT, from_file INTEGER);
CREATE TEMP TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT, country TEXT);
"""


class GazetteerImportError(Exception):
    """A dump that cannot be read at all (not a zip, cut short, unknown format)."""


@dataclass
class ImportStats:
    index: str = ""
    files: list[str] = field(default_factory=list)
    places_read: int = 0
    places_added: int = 0  # new in the index
    places_updated: int = 0  # added by an earlier import, replaced by this one's row
    places_kept: int = 0  # in the default index already: their record stays as it is
    places_filtered: dict[str, int] = field(default_factory=dict)  # reason -> rows left out
    kinds: dict[str, int] = field(default_factory=dict)  # kind of the places staged
    admin_codes: int = 0
    names_read: int = 0
    names_added: int = 0
    names_skipped: dict[str, int] = field(default_factory=dict)  # reason -> names left out
    files_skipped: dict[str, str] = field(default_factory=dict)  # file -> why it was not read
    malformed: int = 0
    problems: list[str] = field(default_factory=list)  # the first MAX_PROBLEMS, "file line N: why"
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the process's peak resident memory when the import ended

    def summary(self) -> str:
        filtered = sum(self.places_filtered.values())
        return (
            f"{self.places_read} place rows read: {self.places_added} added, {self.places_updated} updated, "
            f"{self.places_kept} already in the default index, {filtered} left out; "
            f"{self.names_added} names added ({self.names_read} alternate names read); "
            f"{self.admin_codes} admin codes; {self.malformed} malformed lines; "
            f"{self.seconds:.1f} s, peak memory {self.peak_rss_mb:.0f} MB"
        )


def peak_rss_mb() -> float:
    """The process's peak resident memory. Linux's VmHWM first: getrusage's maxrss survives
    exec, so a child of a big process would report its parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024  # bytes on macOS, KiB elsewhere


@dataclass
class _Source:
    label: str  # "PK.zip:PK.txt", for messages
    path: Path
    member: str | None  # inside a zip
    kind: str  # places | alternate_names | admin1 | admin2 | countries


def import_geonames(files: list[Path], index: Path | None = None, countries: set[str] | None = None) -> ImportStats:
    """Import GeoNames dump files into the index (the default one unless `index` is given),
    keeping only places in `countries` (ISO2 codes) when given."""
    target = Path(index) if index else default_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(target):
        return _import(files, target, countries)


@contextlib.contextmanager
def _exclusive(target: Path) -> Iterator[None]:
    """One import at a time per index: each works on a copy of the index, so a second one
    running alongside would replace the first's work with a copy taken before it."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, imports must not overlap
        yield
        return
    with open(target.with_name(target.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _import(files: list[Path], target: Path, countries: set[str] | None) -> ImportStats:
    t0 = time.perf_counter()
    if not target.exists() or not Gazetteer._current(target):
        build_index(target)
    wanted = {c.upper() for c in countries} if countries else None
    stats = ImportStats(index=str(target), files=[str(f) for f in files])
    sources = [s for f in files for s in _sources(Path(f), stats.files_skipped)]
    if not sources:
        raise GazetteerImportError(
            "no GeoNames data among the files: " + "; ".join(f"{f}: {why}" for f, why in stats.files_skipped.items())
        )
    order = {"countries": 0, "admin1": 1, "admin2": 1, "places": 2, "alternate_names": 3}
    sources.sort(key=lambda s: order[s.kind])
    use_row_alternates = not any(s.kind == "alternate_names" for s in sources)

    with replacing(target, ".gazetteer-import-", copy_of=target) as db:
        # a private copy that replaces the index only when complete: no journal needed
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA temp_store = FILE")
        db.execute("PRAGMA cache_size = -32000")  # 32 MB of page cache, not more
        db.executescript(STAGING)
        db.execute(
            "INSERT INTO countries SELECT iso2, iso3, country FROM main.places WHERE kind = 'country'"
        )
        for source in sources:
            reader = {
                "countries": _read_countries,
                "admin1": _read_admin_codes,
                "admin2": _read_admin_codes,
                "places": _read_places,
                "alternate_names": _read_alternate_names,
            }[source.kind]
            reader(db, source, _lines(source), wanted, stats, use_row_alternates)
        _merge(db, wanted, stats)
    stats.seconds = time.perf_counter() - t0
    stats.peak_rss_mb = peak_rss_mb()
    return stats


KNOWN = "places (19 columns), admin1CodesASCII, admin2Codes, alternate names, countryInfo"


def _sources(path: Path, skipped: dict[str, str]) -> list[_Source]:
    """The data files in `path` (a file, or the members of a zip). Files of the dump
    folder strife has no use for (readme, timeZones, featureCodes, hierarchy, deletes)
    are recorded in `skipped` with the reason; a zip that cannot be read is an error."""
    if not path.exists():
        raise GazetteerImportError(f"{path}: no such file")
    if NOT_DATA.search(path.name):
        skipped[str(path)] = "GeoNames documentation, not data"
        return []
    if path.suffix.lower() == ".zip":
        found = []
        try:
            with zipfile.ZipFile(path) as zf:
                members = [m.filename for m in zf.infolist() if not m.is_dir() and not NOT_DATA.search(m.filename)]
                for member in members:
                    with zf.open(member) as raw:
                        first = _first_line(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))
                    kind = _kind_of(path, member, first)
                    if kind is None:
                        skipped[f"{path}:{member}"] = f"not a GeoNames file strife reads ({KNOWN})"
                    else:
                        found.append(_Source(f"{path.name}:{member}", path, member, kind))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise GazetteerImportError(f"{path}: not a readable zip archive ({exc}); download it again") from exc
        if not members:
            skipped[str(path)] = "an empty zip archive"
        return found
    with open(path, encoding="utf-8", errors="replace") as f:
        first = _first_line(f)
    kind = _kind_of(path, None, first)
    if kind is None:
        skipped[str(path)] = f"not a GeoNames file strife reads ({KNOWN})"
        return []
    return [_Source(path.name, path, None, kind)]


def _first_line(f: Iterable[str]) -> str:
    for line in itertools.islice(f, 1000):
        if line.strip() and not line.startswith("#"):
            return line.rstrip("\n")
    return ""


def _kind_of(path: Path, member: str | None, first: str) -> str | None:
    """What a file is: by GeoNames' own file names first, then by the shape of its first row."""
    name = (member or path.name).lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("countryinfo"):
        return "countries"
    if "deletes" in name:
        return None  # lists of ids GeoNames removed (deletes-*, alternateNamesDeletes-*), not places
    if name.startswith("alternatenames") or path.parent.name.lower() == "alternatenames":
        return "alternate_names"
    cols = first.split("\t")
    if len(cols) >= 4 and cols[0].isdigit() and cols[1].isdigit() and len(cols) in (8, 10):
        return "alternate_names"
    if cols[0].isdigit() and len(cols) >= 5 and not cols[1].isdigit():
        return "places"  # a short first row is reported as malformed by the reader
    if len(cols) == 4 and ADMIN_CODE["admin2"].fullmatch(cols[0]):
        return "admin2"
    if len(cols) == 4 and ADMIN_CODE["admin1"].fullmatch(cols[0]):
        return "admin1"
    if len(cols) >= 17 and re.fullmatch(r"[A-Z]{2}", cols[0]) and re.fullmatch(r"[A-Z]{3}", cols[1]):
        return "countries"
    return None


def _lines(source: _Source) -> Iterator[tuple[int, str]]:
    """(line number, line) of a file or zip member, streamed; a zip cut short is an error
    with the file's name, not a traceback from zlib."""
    try:
        if source.member is None:
            with open(source.path, encoding="utf-8", errors="replace", newline="") as f:
                yield from enumerate(f, start=1)
        else:
            with zipfile.ZipFile(source.path) as zf, zf.open(source.member) as raw:
                yield from enumerate(io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=""), start=1)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise GazetteerImportError(f"{source.label}: cut short or corrupt ({exc}); download it again") from exc


def _problem(stats: ImportStats, source: _Source, line_no: int, why: str) -> None:
    stats.malformed += 1
    if len(stats.problems) < MAX_PROBLEMS:
        stats.problems.append(f"{source.label} line {line_no}: {why}")


def _count(counter: dict[str, int], key: str, n: int = 1) -> None:
    counter[key] = counter.get(key, 0) + n


def _batched(rows: Iterator, size: int = BATCH) -> Iterator[list]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def _read_countries(db, source, lines, wanted, stats, _alts) -> None:
    def rows():
        for line_no, line in lines:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 5 or not re.fullmatch(r"[A-Z]{2}", cols[0]):
                _problem(stats, source, line_no, f"{len(cols)} columns, not a countryInfo row")
                continue
            yield cols[0], cols[1] or None, cols[4] or None

    # the packaged data's names win ("Iran", as ACLED writes it): countryInfo only fills gaps
    db.executemany("INSERT OR IGNORE INTO countries VALUES (?,?,?)", rows())


def _read_admin_codes(db, source, lines, wanted, stats, _alts) -> None:
    pattern = ADMIN_CODE[source.kind]

    def rows():
        for line_no, line in lines:
            if not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != 4 or not pattern.fullmatch(cols[0]) or not cols[3].isdigit():
                _problem(stats, source, line_no, f"not a {source.kind} code row (code, name, ascii name, geonameid)")
                continue
            if wanted and cols[0][:2] not in wanted:
                continue
            stats.admin_codes += 1
            yield cols[0], int(cols[3]), cols[1] or cols[2]

    db.executemany("INSERT OR REPLACE INTO admin_codes VALUES (?,?,?,1)", rows())


@lru_cache(maxsize=50_000)  # names repeat (name and ascii name, namesake villages): bounded
def _keys(name: str) -> tuple[str, ...]:
    return tuple(sorted(keys_of(name)))


def _wanted_alternate(name: str) -> str | None:
    """Why an alternate name is left out, or None to keep it."""
    if len(name) < RULES["min_name_length"]:
        return "too short"
    if not _latin(name):
        return "not in Latin script"
    if not any(c.isalpha() for c in name):
        return "no letters"
    return None


def _feature_kind(fclass: str, fcode: str) -> tuple[bool, str | None]:
    code = f"{fclass}.{fcode}"
    if code in RULES["codes"]:
        return True, RULES["codes"][code]
    return fclass in RULES["classes"], RULES["classes"].get(fclass)


def _read_places(db, source, lines, wanted, stats, use_row_alternates) -> None:
    names: list[tuple[str, int, int]] = []

    def rows():
        for line_no, line in lines:
            if not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != PLACE_COLUMNS:
                _problem(stats, source, line_no, f"{len(cols)} columns, expected {PLACE_COLUMNS}")
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                population = int(cols[14] or 0)
            except ValueError as exc:
                _problem(stats, source, line_no, f"not a number where one belongs ({exc})")
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                _problem(stats, source, line_no, f"coordinates out of range ({lat}, {lon})")
                continue
            stats.places_read += 1
            iso2, fclass, fcode = cols[8], cols[6], cols[7]
            if wanted and iso2 not in wanted:
                _count(stats.places_filtered, "other country")
                continue
            known, kind = _feature_kind(fclass, fcode)
            if kind is None:
                _count(stats.places_filtered, f"feature {fclass}.{fcode}" if known else f"unknown feature class {fclass!r}")
                continue
            _count(stats.kinds, kind)
            name = cols[1] or cols[2]
            if not name:
                _problem(stats, source, line_no, "no name")
                continue
            if kind in ("admin1", "admin2"):
                # the unit's own row names it when no codes file does
                code = f"{iso2}.{cols[10]}" if kind == "admin1" else f"{iso2}.{cols[10]}.{cols[11]}"
                db.execute("INSERT OR IGNORE INTO admin_codes VALUES (?,?,?,0)", (code, gid, name))
            for own in {cols[1], cols[2]}:
                names.extend((key, gid, 0) for key in _keys(own) if own)
            if use_row_alternates:
                for alt in cols[3].split(","):
                    if alt and _wanted_alternate(alt) is None and not alt.isupper():  # all capitals: a code (IATA, ICAO)
                        names.extend((key, gid, 1) for key in _keys(alt))
            yield gid, name, kind, iso2, cols[10], cols[11], lat, lon, population, fclass, fcode

    for chunk in _batched(rows()):
        db.executemany("INSERT OR REPLACE INTO staged VALUES (?,?,?,?,?,?,?,?,?,?,?)", chunk)
        db.executemany("INSERT INTO staged_names VALUES (?,?,?)", names)
        names.clear()


def _read_alternate_names(db, source, lines, wanted, stats, _alts) -> None:
    skip_languages = RULES["skip_languages"]

    def rows():
        for line_no, line in lines:
            if not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 8 or not cols[1].isdigit():
                _problem(stats, source, line_no, f"{len(cols)} columns, not an alternate names row (8 or 10)")
                continue
            stats.names_read += 1
            language, name = cols[2], cols[3]
            if language in skip_languages:
                _count(stats.names_skipped, language)
                continue
            if cols[6] == "1":
                _count(stats.names_skipped, "colloquial")
                continue
            why = _wanted_alternate(name)
            if why is not None:
                _count(stats.names_skipped, why)
                continue
            gid = int(cols[1])
            for key in _keys(name):
                yield key, gid, 1

    for chunk in _batched(rows()):
        db.executemany("INSERT INTO staged_names VALUES (?,?,?)", chunk)


def _merge(db: sqlite3.Connection, wanted: set[str] | None, stats: ImportStats) -> None:
    """Staged rows into the index: admin names resolved, default places left as they are."""
    db.execute("CREATE INDEX temp.staged_names_place ON staged_names (geonameid)")
    (stats.places_kept,) = db.execute(
        "SELECT count(*) FROM staged s JOIN main.places p USING (geonameid) WHERE p.source = 'default'"
    ).fetchone()
    (stats.places_updated,) = db.execute(
        "SELECT count(*) FROM staged s JOIN main.places p USING (geonameid) WHERE p.source = 'geonames'"
    ).fetchone()
    (staged,) = db.execute("SELECT count(*) FROM staged").fetchone()
    stats.places_added = staged - stats.places_kept - stats.places_updated
    # a unit's name as the default index writes it ("Kachhi District"), else as its own row
    # in this import, else as the codes file gives it: never from an earlier import, so
    # that importing twice resolves the same names
    db.execute("""
        CREATE TEMP TABLE resolved AS
        SELECT s.geonameid, s.name, s.kind, s.iso2, c.iso3, c.country,
               COALESCE(p1.name, u1.name, a1.name) AS admin1, a1.geonameid AS admin1_id,
               COALESCE(p2.name, u2.name, a2.name) AS admin2, a2.geonameid AS admin2_id,
               s.lat, s.lon, s.population, s.fclass, s.fcode
        FROM staged s
        LEFT JOIN countries c ON c.iso2 = s.iso2
        LEFT JOIN admin_codes a1 ON s.a1 != '' AND a1.code = s.iso2 || '.' || s.a1
        LEFT JOIN main.places p1 ON p1.geonameid = a1.geonameid AND p1.source = 'default'
        LEFT JOIN staged u1 ON u1.geonameid = a1.geonameid
        LEFT JOIN admin_codes a2 ON s.a2 != '' AND a2.code = s.iso2 || '.' || s.a1 || '.' || s.a2
        LEFT JOIN main.places p2 ON p2.geonameid = a2.geonameid AND p2.source = 'default'
        LEFT JOIN staged u2 ON u2.geonameid = a2.geonameid
        WHERE NOT EXISTS (SELECT 1 FROM main.places d WHERE d.geonameid = s.geonameid AND d.source = 'default')
    """)
    db.execute("""
        INSERT OR REPLACE INTO main.places
          (geonameid, name, kind, iso2, iso3, country, admin1, admin1_id, admin2, admin2_id,
           lat, lon, population, feature_class, feature_code, source)
        SELECT *, 'geonames' FROM resolved
    """)
    before = db.total_changes
    country_filter = f"AND p.iso2 IN ({','.join('?' * len(wanted))})" if wanted else ""
    # an alternate name attaches to a place of the index (default or imported); a default
    # place's record stays, so the dump's names for it are its aliases
    db.execute(
        f"""
        INSERT INTO main.names (key, geonameid, alias)
        SELECT n.key, n.geonameid, MAX(MIN(n.alias), p.source = 'default')
        FROM staged_names n JOIN main.places p ON p.geonameid = n.geonameid
        WHERE 1 {country_filter}
        GROUP BY n.key, n.geonameid
        ON CONFLICT (key, geonameid) DO UPDATE SET alias = excluded.alias WHERE excluded.alias < names.alias
        """,
        tuple(sorted(wanted)) if wanted else (),
    )
    stats.names_added = db.total_changes - before
    stats.names_added += apply_aliases(db)
    _record(db, stats, wanted)


def _record(db: sqlite3.Connection, stats: ImportStats, wanted: set[str] | None) -> None:
    """What was imported, in the index's meta, keyed by the files (a re-import replaces its entry)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
    imports = json.loads(row[0]) if row else {}
    key = json.dumps([sorted(Path(f).name for f in stats.files), sorted(wanted) if wanted else None])
    entry = asdict(stats)
    for volatile in ("seconds", "peak_rss_mb", "index", "files", "files_skipped"):
        entry.pop(volatile)
    entry["files"] = sorted(Path(f).name for f in stats.files)
    entry["paths"] = [str(Path(f).resolve()) for f in stats.files]  # to import them again after a rebuild
    entry["countries"] = sorted(wanted) if wanted else None
    # counts that depend on what the index held before are left out, so a re-import
    # leaves the same record
    for relative in ("places_added", "places_updated", "names_added"):
        entry.pop(relative)
    imports[key] = entry
    db.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports, sort_keys=True),))


def recorded_imports(index: Path) -> list[dict]:
    """The imports an index holds ({"paths", "countries", ...} each), so that a rebuild of
    the default data (`strife gazetteer build`, a new index version) can run them again."""
    try:
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return []
    return list(json.loads(row[0]).values()) if row else []


def previous_imports(index: Path) -> list[dict]:
    """Imports recorded in `index` or, when it has none, in the newest older version of it
    in the same folder (gazetteer-v7.sqlite before gazetteer-v8.sqlite)."""
    if index.exists() and (found := recorded_imports(index)):
        return found
    def version(p: Path) -> int:
        digits = p.stem.rpartition("-v")[2]
        return int(digits) if digits.isdigit() else -1
    older = sorted((p for p in index.parent.glob("gazetteer-v*.sqlite") if p != index), key=version, reverse=True)
    for path in older:
        if found := recorded_imports(path):
            return found
    return []


def reimport(recorded: list[dict], index: Path) -> list[tuple[dict, ImportStats | str]]:
    """Run recorded imports again into `index`: (entry, stats) each, or (entry, why not)."""
    out: list[tuple[dict, ImportStats | str]] = []
    for entry in recorded:
        paths = [Path(p) for p in entry.get("paths", [])]
        missing = [str(p) for p in paths if not p.exists()]
        if not paths or missing:
            out.append((entry, f"files no longer there: {', '.join(missing) or 'none recorded'}"))
            continue
        try:
            out.append((entry, import_geonames(paths, index, set(entry["countries"]) if entry.get("countries") else None)))
        except GazetteerImportError as exc:
            out.append((entry, str(exc)))
    return out
