"""Percentiles for the benchmarks' timing tables."""
from __future__ import annotations


def pct(values: list[float], p: float) -> float:
    """The value at the p-th percentile of `values` (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
