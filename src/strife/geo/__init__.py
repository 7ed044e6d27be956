"""strife.geo: the gazetteer and the geoparser."""

# Imported here, not lazily: the function `geoparse` shares its name with its module,
# and only an import in this file keeps `strife.geo.geoparse` the function.
from strife.geo.geoparse import ArticleGeo, PlaceMention, geoparse

__all__ = ["geoparse", "ArticleGeo", "PlaceMention"]
