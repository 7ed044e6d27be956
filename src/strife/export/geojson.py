"""GeoJSON (RFC 7946) for GIS tools: a FeatureCollection of points, [longitude, latitude]
in WGS 84, properties the record's flat fields (lists joined into text) so QGIS, ArcGIS
and geopandas open it as one attribute table.

An event that cannot be placed on a map (no coordinates, or coordinates out of range) is
not a feature; it is counted and named in the collection's `strife_unmapped` member (a
foreign member, which RFC 7946 section 6.1 allows) and in what `write_geojson` returns,
so a caller can report it rather than lose it silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import IO, Iterable

from strife.export.flat import joined_row
from strife.record import Event


@dataclass
class GeoJSONResult:
    features: int = 0
    unmapped: list[tuple[str, str]] = field(default_factory=list)  # (event id, why)


def _unmapped_reason(event: Event) -> str | None:
    loc = event.location
    if loc is None:
        return "no location"
    if loc.lat is None or loc.lon is None:
        return f"no coordinates for {loc.name or loc.admin1 or loc.country or 'its place'}"
    if not (-90 <= loc.lat <= 90 and -180 <= loc.lon <= 180):
        return f"coordinates out of range (lat {loc.lat}, lon {loc.lon})"
    return None


def feature(event: Event) -> dict:
    loc = event.location
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": joined_row(event),
    }


def feature_collection(events: Iterable[Event]) -> tuple[dict, GeoJSONResult]:
    result = GeoJSONResult()
    features = []
    for event in events:
        why = _unmapped_reason(event)
        if why is not None:
            result.unmapped.append((event.id, why))
            continue
        features.append(feature(event))
    result.features = len(features)
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "strife_unmapped": {"count": len(result.unmapped), "events": [{"id": i, "reason": r} for i, r in result.unmapped]},
    }
    return collection, result


def write_geojson(events: Iterable[Event], out: IO[str]) -> GeoJSONResult:
    collection, result = feature_collection(events)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return result
