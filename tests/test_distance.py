from strife.geo.distance import km_between

import pytest


def test_a_degree_along_a_meridian_and_along_the_equator():
    # 2*pi*R/360 with the mean radius 6371.0088 km is 111.195 km, whichever way.
    assert km_between(10.0, 20.0, 11.0, 20.0) == pytest.approx(111.195, abs=0.001)
    assert km_between(0.0, 20.0, 0.0, 21.0) == pytest.approx(111.195, abs=0.001)


def test_known_distances_and_symmetry():
    quetta, kabul = (30.1841, 67.0014), (34.5281, 69.1723)
    # about 483 km north and 204 km east of Quetta: ~524 km on a flat map
    assert 515 < km_between(*quetta, *kabul) < 530
    assert km_between(*quetta, *kabul) == pytest.approx(km_between(*kabul, *quetta))
    assert km_between(1.0, 2.0, 1.0, 2.0) == 0.0
    # antipodes: half the circumference, and no domain error from rounding
    assert km_between(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.1)
