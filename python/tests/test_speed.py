"""Coding 10,000 short articles through palaver.Engine runs at least half as fast as `palaver code`.

The figures (tools/bench_python.py prints them) are in the README's "Python" section.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_python_codes_at_least_half_as_fast_as_the_command(palaver_bin):
    spec = importlib.util.spec_from_file_location("bench_python", REPO / "tools" / "bench_python.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    r = bench.measure(articles=10_000, trials=3, threads=2, binary=palaver_bin)
    print(f"\n{r}", file=sys.stderr)
    assert r["events"]["python"] == r["events"]["cli"] > 10_000
    assert r["share"] >= 0.5, r
