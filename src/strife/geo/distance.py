"""Distance on the Earth's surface, one definition for every stage that compares places
(merging reports, pairing gold with predictions, benchmarks).

The haversine formula on a sphere of the mean Earth radius: a few lines of arithmetic, not
worth a dependency, and within 0.5% of the ellipsoid at the scales strife compares
(a village to a district, a report's point to a coder's).
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # the IUGG mean radius


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
