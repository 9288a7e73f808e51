"""Coding speed of the Python package against `palaver code`, on the same generated articles.

    python tools/bench_python.py [--articles 10000] [--trials 3] [--threads 2]

Each trial runs, in fresh processes and one after the other:
- `palaver code --quiet --threads N corpus.jsonl -o events.jsonl`: the whole command, from start
  (dictionaries, gazetteer) to the last event written;
- Python: the records read from the same file with json.loads (not timed), then
  `palaver.Engine()` and `list(engine.code_many(records, threads=N))` timed, from the engine's
  making (dictionaries, gazetteer) to the last event dict; and once more with the engine made
  ("warm").
Prints the median of each in articles per second and Python's share of the command's speed.
Needs the release binary (PALAVER_BIN, else target/release/palaver) and the package installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict

REPO = Path(__file__).resolve().parents[1]

PYTHON_RUN = r"""
import json, sys, time
import palaver
path, threads = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    records = [json.loads(line) for line in f]
t0 = time.perf_counter()
engine = palaver.Engine()
n = len(list(engine.code_many(records, threads=threads)))
t1 = time.perf_counter()
n2 = len(list(engine.code_many(records, threads=threads)))
t2 = time.perf_counter()
print(json.dumps({"cold": t1 - t0, "warm": t2 - t1, "events": n, "events2": n2}))
"""


def corpus(path: Path, articles: int) -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "examples" / "spark" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(str(path), articles, bad=False)


def measure(articles: int = 10_000, trials: int = 3, threads: int = 2, binary: Path | None = None) -> Dict:
    """Times both ways; returns medians (seconds), rates (articles/s) and event counts."""
    binary = binary or Path(os.environ.get("PALAVER_BIN", REPO / "target" / "release" / "palaver"))
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, out = Path(tmp) / "corpus.jsonl", Path(tmp) / "events.jsonl"
        corpus(jsonl, articles)
        cli, cold, warm = [], [], []
        events = {}
        for _ in range(trials):
            t0 = time.perf_counter()
            subprocess.run(
                [str(binary), "code", "--quiet", "--threads", str(threads), str(jsonl), "-o", str(out)], check=True
            )
            cli.append(time.perf_counter() - t0)
            events["cli"] = sum(1 for _ in out.open(encoding="utf-8"))
            run = subprocess.run(
                [sys.executable, "-c", PYTHON_RUN, str(jsonl), str(threads)], check=True, capture_output=True, text=True
            )
            got = json.loads(run.stdout.strip().splitlines()[-1])
            cold.append(got["cold"])
            warm.append(got["warm"])
            events["python"] = got["events"]
    med = {k: statistics.median(v) for k, v in (("cli", cli), ("python", cold), ("python_warm", warm))}
    return {
        "articles": articles,
        "threads": threads,
        "seconds": med,
        "rate": {k: articles / s for k, s in med.items()},
        "share": med["cli"] / med["python"],
        "events": events,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--trials", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    r = measure(a.articles, a.trials, a.threads)
    s, rate = r["seconds"], r["rate"]
    print(f"{a.articles} articles, {a.threads} threads, median of {a.trials} trials; {r['events']['cli']} events")
    print(f"palaver code (whole command)        {s['cli']:6.2f} s  {rate['cli']:8.0f} articles/s")
    print(f"palaver.Engine + code_many (cold)   {s['python']:6.2f} s  {rate['python']:8.0f} articles/s")
    print(f"code_many again, engine made (warm) {s['python_warm']:6.2f} s  {rate['python_warm']:8.0f} articles/s")
    print(f"Python runs at {r['share']:.2f}x the speed of palaver code")


if __name__ == "__main__":
    main()
