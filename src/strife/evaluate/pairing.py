"""Which predicted event is which gold event: one-to-one pairing within an article.

Gold and predicted events of one article are paired so that the summed pairing score
(date, place distance, type: weights in data/evaluation.json) is as large as possible.
Greedy pairing is not enough: taking the best-looking pair first can leave the second
gold event with nothing, where swapping would pair both.
"""

from __future__ import annotations

from functools import lru_cache

from strife.extract.lexicon import load_data
from strife.ingest.article import date_from_iso
from strife.geo.distance import km_between


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_data("evaluation.json")


def coordinates(event: dict) -> tuple[float, float] | None:
    loc = event.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    return float(loc["lat"]), float(loc["lon"])


def country_of(event: dict) -> str | None:
    loc = event.get("location") or {}
    return loc.get("iso3") or loc.get("country")


def pairing_score(gold: dict, pred: dict) -> float:
    """How well `pred` fits `gold`, from what the gold states (date, place, type).

    Zero or less means the two are not the same event. Fields the gold leaves out take
    no part; when the gold states none of them, any prediction of the article may pair.
    """
    w = settings()["pairing"]
    score, compared = 0.0, False
    if "event_type" in gold:
        compared = True
        if gold["event_type"] == pred.get("event_type"):
            score += w["same_event_type"]
            if "sub_event_type" in gold and gold["sub_event_type"] == pred.get("sub_event_type"):
                score += w["same_sub_event_type"]
    if "date" in gold:
        compared = True
        g, p = date_from_iso(gold["date"]), date_from_iso(pred.get("date"))
        if g is not None and p is not None:
            days = abs((g - p).days)
            if days == 0:
                score += w["same_date"]
            elif days <= w["date_within_days"]:
                score += w["date_near"]
    g_xy, p_xy = coordinates(gold), coordinates(pred)
    if g_xy is not None:
        compared = True
        if p_xy is not None:
            d = km_between(*g_xy, *p_xy)
            full, zero = w["place_full_km"], w["place_zero_km"]
            share = 1.0 if d <= full else max(0.0, (zero - d) / (zero - full))
            score += w["place"] * share
    elif country_of(gold) is not None:
        compared = True
        if country_of(gold) in ((pred.get("location") or {}).get("iso3"), (pred.get("location") or {}).get("country")):
            score += w["same_country"]
    if not compared:
        return w["nothing_comparable"]
    return score


def assign(scores: list[list[float]]) -> list[tuple[int, int]]:
    """The pairs (row, column) of largest summed score, each row and column used at most
    once; pairs scoring zero or less are left out (leaving both unpaired scores the same).

    The Hungarian method (Kuhn-Munkres, O(n^3)), written here because scipy's
    linear_sum_assignment would be the project's only use of scipy; articles have few
    events, but a wire round-up can have dozens, too many for exhaustive search.
    """
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    n = max(n_rows, n_cols)
    # a square cost matrix: padding cells cost 0, like a pair not worth making
    cost = [[-max(scores[i][j], 0.0) if i < n_rows and j < n_cols else 0.0 for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match_of_col = [0] * (n + 1)  # 1-based row matched to each column; 0 = none
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_of_col[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match_of_col[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match_of_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_of_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match_of_col[j0] = match_of_col[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = match_of_col[j]
        if i and i - 1 < n_rows and j - 1 < n_cols and scores[i - 1][j - 1] > 0:
            pairs.append((i - 1, j - 1))
    return sorted(pairs)


def pair_events(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs of gold index and prediction index, unpaired gold, unpaired predictions)."""
    pairs = assign([[pairing_score(g, p) for p in pred] for g in gold]) if gold and pred else []
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    return pairs, [i for i in range(len(gold)) if i not in paired_gold], [j for j in range(len(pred)) if j not in paired_pred]
