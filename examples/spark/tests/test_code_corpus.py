"""The Spark recipe, run for real: PySpark in local mode (local[2]) codes a corpus through
`RDD.pipe` and the palaver binary, and its Parquet holds what `palaver code` makes on one machine.

Needs Java (17) for Spark; skipped, saying so, where there is none. tools/test_python.sh installs
PySpark and builds the binary.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

if shutil.which("java") is None:
    pytest.skip("Java is absent: the Spark tests need a JVM (Java 17); skipped", allow_module_level=True)

import pyarrow.dataset as ds  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
HERE = REPO / "examples" / "spark"
BIN = Path(os.environ.get("PALAVER_BIN", REPO / "target" / "release" / "palaver"))


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = load("make_corpus")
job = load("code_corpus")


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    if not BIN.is_file():
        pytest.fail(f"no palaver binary at {BIN}: run cargo build --release -p palaver (or set PALAVER_BIN)")
    d = tmp_path_factory.mktemp("spark")
    corpus = d / "corpus"
    corpus.mkdir()
    # 400 articles over eight months in two files, and a third holding only records that cannot be
    # coded (its task pipes nothing but the end-of-partition record to palaver); read through a glob
    make_corpus.write(str(d / "all.jsonl"), 400, bad=False)
    lines = (d / "all.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (corpus / "part-a.jsonl").write_text("".join(lines[:150]), encoding="utf-8")
    (corpus / "part-b.jsonl").write_text("".join(lines[150:]), encoding="utf-8")
    (corpus / "part-c.jsonl").write_text("\n".join(make_corpus.BAD_LINES) + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def one_machine(work: Path):
    """What `palaver code` makes of the same files: its events, its stderr, its exit status."""
    files = [str(work / "corpus" / f"part-{x}.jsonl") for x in "abc"]
    run = subprocess.run([str(BIN), "code", "--quiet", *files], capture_output=True, text=True, check=False)
    gdelt = subprocess.run(
        [str(BIN), "code", "--quiet", "--format", "gdelt", *files], capture_output=True, text=True, check=False
    )
    events = [json.loads(line) for line in run.stdout.splitlines()]
    return events, run, [line.split("\t")[0] for line in gdelt.stdout.splitlines()]


@pytest.fixture(scope="module")
def spark_run(work: Path):
    """`python examples/spark/code_corpus.py` in local mode, as a user runs it."""
    out = work / "out"
    t0 = time.perf_counter()
    run = subprocess.run(
        [
            sys.executable, str(HERE / "code_corpus.py"), "--master", "local[2]", "--palaver", str(BIN),
            "--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false",
            "--conf", "spark.sql.shuffle.partitions=4",
            str(work / "corpus" / "*.jsonl"), str(out),
        ],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    print(f"\nspark job: {seconds:.1f} s; exit status {run.returncode}", file=sys.stderr)
    return out, run, seconds


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("palaver-test-read")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("OFF")  # the unreadable files below are meant to fail
    yield session
    session.stop()


def expected_row(e: dict) -> dict:
    """A `palaver code` event as the row the Parquet should hold (written apart from the job's own)."""
    row = {
        "date": e["date"], "date_precision": e["date_precision"],
        "cameo": e["cameo"], "cameo_root": e["cameo_root"], "quad_class": e["quad_class"],
        "goldstein": e["goldstein"], "plover_event": e["plover"]["event"], "plover_mode": e["plover"]["mode"],
        "acled_event_type": (e["acled"] or {}).get("event_type"),
        "acled_sub_event_type": (e["acled"] or {}).get("sub_event_type"),
        "fatalities": e["fatalities"], "num_mentions": 1, "num_articles": 1, "num_sources": 1,
        "doc_id": e["doc_id"], "url": None, "sentence": e["evidence"]["sentence"], "rule": e["rule"],
    }  # fmt: skip
    for side in ("source", "target"):
        for f in ("text", "code", "actor_id", "name", "country", "sector"):
            row[f"{side}_{f}"] = (e[side] or {}).get(f)
    loc = e["location"] or {}
    for col, key in [("place_name", "name"), ("place_country", "country"), ("admin1", "admin1"),
                     ("admin2", "admin2"), ("lat", "lat"), ("lon", "lon"), ("place_precision", "precision"),
                     ("geonameid", "geonameid")]:  # fmt: skip
        row[col] = loc.get(key)
    date = e["date"]
    row["month"] = date[:7] if date and len(date) >= 7 else (f"{date}-01" if date else "undated")
    return row


def spark_rows(out: Path) -> list:
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    return table.to_pylist()


def freeze(row: dict) -> tuple:
    return tuple(sorted((k, v) for k, v in row.items() if k != "event_id"))


def test_the_job_codes_what_palaver_code_makes(one_machine, spark_run):
    events, cli, gdelt_ids = one_machine
    out, run, seconds = spark_run
    assert cli.returncode == 1 and run.returncode == 1, run.stderr[-3000:]
    rows = spark_rows(out)
    assert len(events) > 400 and len(rows) == len(events)
    assert Counter(freeze(r) for r in rows) == Counter(freeze(expected_row(e)) for e in events)
    # event_id is the GDELT GLOBALEVENTID `palaver code --format gdelt` prints for the same event
    assert sorted(str(r["event_id"]) for r in rows) == sorted(gdelt_ids)
    assert len({r["event_id"] for r in rows}) == len(rows)
    assert len({r["month"] for r in rows}) >= 8
    print(f"spark: {len(rows)} events in {seconds:.1f} s", file=sys.stderr)


def test_a_bad_record_is_reported_and_the_rest_coded(work, one_machine, spark_run):
    events, cli, _ = one_machine
    out, run, _ = spark_run
    assert "malformed JSON" in cli.stderr and 'no "text" field' in cli.stderr
    assert "2 record(s) could not be coded" in run.stderr, run.stderr[-3000:]
    assert "malformed JSON" in run.stderr and 'no "text" field' in run.stderr
    reports = [
        json.loads(line) for f in sorted((out / "_rejected").glob("*.json")) for line in f.read_text().splitlines()
    ]
    assert sorted(r["record"] for r in reports) == sorted(make_corpus.BAD_LINES)
    reasons = {r["record"]: r["reason"] for r in reports}
    assert reasons[make_corpus.BAD_LINES[0]].startswith("malformed JSON")
    assert reasons[make_corpus.BAD_LINES[1]] == 'no "text" field: record not coded'
    assert all(r["file"].endswith("part-c.jsonl") for r in reports)
    # every other article is coded: the same documents have events as on one machine
    assert {r["doc_id"] for r in spark_rows(out)} == {e["doc_id"] for e in events}


def test_the_schema_is_the_one_palaver_export_writes(work, spark_run):
    out, _, _ = spark_run
    db, exported = work / "events.db", work / "exported"
    ingest = subprocess.run(
        [str(BIN), "ingest", "--quiet", "--db", str(db), str(work / "corpus")], capture_output=True, text=True
    )
    assert ingest.returncode == 1 and "malformed JSON" in ingest.stderr, ingest.stderr
    export = subprocess.run(
        [str(BIN), "export", "--db", str(db), "--format", "parquet", "-o", str(exported)],
        capture_output=True,
        text=True,
    )
    assert export.returncode == 0, export.stderr
    theirs = pq.read_schema(next(exported.glob("month=*/*.parquet")))
    ours = pq.read_schema(next(out.glob("month=*/*.parquet")))
    describe = lambda s: [(f.name, str(f.type), f.nullable) for f in s]  # noqa: E731
    assert describe(ours) == describe(theirs)
    pattern = re.compile(r"month=(\d{4}-\d{2}|undated)$")
    assert all(pattern.match(p.name) for p in out.iterdir() if not p.name.startswith(("_", ".")))
    assert {p.name for p in exported.iterdir()} <= {p.name for p in out.iterdir()}


def test_spark_sql_reads_the_events_by_month_and_prunes_the_others(spark, work, one_machine, spark_run):
    events, _, _ = one_machine
    out, _, _ = spark_run
    # the README's statements
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW events USING parquet OPTIONS (path '{out}/')")
    readme = "SELECT cameo_root, count(*) AS n FROM events WHERE month = '2021-03' GROUP BY cameo_root ORDER BY n DESC"
    from_march = spark.read.parquet(f"{out}/").where("month >= '2021-03'")
    assert from_march.count() == sum(1 for e in events if expected_row(e)["month"] >= "2021-03")
    by_month = {
        r["month"]: r["n"] for r in spark.sql("SELECT month, count(*) AS n FROM events GROUP BY month").collect()
    }
    assert by_month == dict(Counter(expected_row(e)["month"] for e in events))
    march = "SELECT cameo_root, count(*) AS n FROM events WHERE month = '2021-03' GROUP BY cameo_root"
    plan = spark.sql(march)._jdf.queryExecution().executedPlan().toString()
    assert re.search(r"PartitionFilters: \[.*month.*2021-03", plan), plan
    expected_march = Counter(e["cameo_root"] for e in events if expected_row(e)["month"] == "2021-03")
    assert {r["cameo_root"]: r["n"] for r in spark.sql(march).collect()} == dict(expected_march)
    ordered = spark.sql(readme).collect()
    assert {r["cameo_root"]: r["n"] for r in ordered} == dict(expected_march)
    assert [r["n"] for r in ordered] == sorted(expected_march.values(), reverse=True)

    # Pruning for real: with every other month's files made unreadable, March still reads
    broken = work / "broken"
    shutil.copytree(out, broken)
    schema = spark.read.parquet(str(out)).schema
    for f in broken.glob("month=*/*.parquet"):
        if f.parent.name != "month=2021-03":
            f.write_bytes(b"not parquet at all")
    spark.read.schema(schema).parquet(str(broken)).createOrReplaceTempView("broken")
    got = {r["cameo_root"]: r["n"] for r in spark.sql(march.replace("FROM events", "FROM broken")).collect()}
    assert got == dict(expected_march)
    with pytest.raises(Exception, match="(?i)FAILED_READ_FILE|checksum|not a parquet"):
        spark.sql("SELECT sum(goldstein) FROM broken").collect()


def test_a_partition_whose_records_were_all_rejected_still_runs_palaver_cleanly():
    # palaver refuses an empty input (exit status 1), which would fail the task: hence the end record
    empty = subprocess.run([str(BIN), "code", "--quiet", "-"], input="", capture_output=True, text=True)
    assert empty.returncode == 1 and "empty input" in empty.stderr
    end = subprocess.run(
        [str(BIN), "code", "--quiet", "-"], input=job.END_OF_PARTITION + "\n", capture_output=True, text=True
    )
    assert (end.returncode, end.stdout, end.stderr) == (0, "", "")
    assert list(job.with_end(iter(["a", "b"]))) == ["a", "b", job.END_OF_PARTITION]


def test_the_helpers_agree_with_palaver():
    assert job.month_of("2021-03-05") == "2021-03" and job.month_of("2021-03") == "2021-03"
    assert job.month_of("2021") == "2021-01" and job.month_of(None) == "undated" and job.month_of("soon") == "undated"
    assert job.check("  ") == ("blank",)
    assert job.check('{"id": 7, "text": "x"}')[2] == "7"
    assert job.check('{"text": "x"}')[2].startswith("sha1-")
    assert job.check('{"id": true, "text": "x"}') == ("bad", 'field "id" must be a string: record not coded')
    assert job.check("[1]")[1] == "a record must be a JSON object: record not coded"
    assert job.check("x" * (4 << 20) + "y")[1].startswith("line longer than 4 MiB")
