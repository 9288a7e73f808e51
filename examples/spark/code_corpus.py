"""Code a corpus of JSONL articles with palaver on Spark; write the events as Parquet, by month.

    python examples/spark/code_corpus.py --palaver target/release/palaver corpus.jsonl out/      # local mode
    spark-submit --master yarn --files palaver examples/spark/code_corpus.py s3a://b/news/*.jsonl s3a://b/events/

INPUT is a JSONL file, a folder of them or a glob (any path Spark reads: local, HDFS, S3; .gz is
read too), one record a line: {"id", "text", "date"?, "title"?, "source"?, "url"?}. Each Spark task
pipes its records through one `palaver code` process (RDD.pipe); the binary is shipped to the
executors with --files (or --palaver, which ships it with SparkContext.addFile). OUTPUT receives
the events as Parquet partitioned by month (OUTPUT/month=2021-03/...; undated events under
month=undated), with the columns and types `palaver export --format parquet` writes: there an
event is a stored, de-duplicated event; here each coded record is one, so event_id is the GDELT
GLOBALEVENTID of its record id (`palaver code --format gdelt` prints the same number) and its
mention, article and source counts are 1.

Records that cannot be coded (malformed JSON, no text, a field that is not a string, a line over
4 MiB: what `palaver code` rejects, except bytes that are not UTF-8, which Spark's reader turns into
U+FFFD) are written to OUTPUT/_rejected/ as JSON lines {"file", "reason", "record"} (Spark and
pyarrow skip folders whose names start with "_"), counted on stderr, and the exit status is 1, as
`palaver code`'s is; every other record is coded.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import os
import shlex
import shutil
import sys
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

# The longest record palaver reads (crates/palaver/src/input.rs: MAX_RECORD).
MAX_RECORD = 4 << 20

# The Parquet columns of `palaver export --format parquet` (crates/store/src/parquet.rs), in order:
# name, type, required. "month" is the partition, in the folder names only.
COLUMNS: List[Tuple[str, str, bool]] = [
    ("event_id", "long", True),
    ("date", "string", False),
    ("date_precision", "string", True),
    *[(f"{side}_{f}", "string", False) for side in ("source", "target")
      for f in ("text", "code", "actor_id", "name", "country", "sector")],
    ("cameo", "string", True),
    ("cameo_root", "string", True),
    ("quad_class", "int", True),
    ("goldstein", "double", True),
    ("plover_event", "string", False),
    ("plover_mode", "string", False),
    ("acled_event_type", "string", False),
    ("acled_sub_event_type", "string", False),
    ("place_name", "string", False),
    ("place_country", "string", False),
    ("admin1", "string", False),
    ("admin2", "string", False),
    ("lat", "double", False),
    ("lon", "double", False),
    ("place_precision", "string", False),
    ("geonameid", "long", False),
    ("fatalities", "int", False),
    ("num_mentions", "int", True),
    ("num_articles", "int", True),
    ("num_sources", "int", True),
    ("doc_id", "string", True),
    ("url", "string", False),
    ("sentence", "string", True),
    ("rule", "string", True),
]  # fmt: skip

UNDATED = "undated"

# Every partition ends with this empty article, so that palaver, which refuses an empty input,
# also runs (and codes nothing) where all of a partition's records were rejected.
END_OF_PARTITION = json.dumps({"id": "", "text": "", "date": "1970-01-01"})

_FIELDS = ("id", "text", "date", "title", "source", "url")


def global_event_id(event_id: str) -> int:
    """GDELT's integer event id for a palaver event id: FNV-1a, 63 bits (crates/palaver/src/sink.rs)."""
    h = 0xCBF29CE484222325
    for b in event_id.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h >> 1


def month_of(date: Optional[str]) -> str:
    """The partition of an event date, as the store computes it: the month of the first day the
    date covers (YYYY-MM-DD, YYYY-MM, YYYY -> its January), else "undated"."""
    if not date:
        return UNDATED
    parts = date[:10].split("-")
    try:
        y, m, d = int(parts[0]), (int(parts[1]) if len(parts) > 1 else 1), (int(parts[2]) if len(parts) > 2 else 1)
        if len(parts) > 3 or not (1 <= m <= 12 and 1 <= d <= 31):
            return UNDATED
        first = datetime.date(y, m, 1) + datetime.timedelta(days=d - 1)
    except (ValueError, OverflowError):
        return UNDATED
    return f"{first.year:04d}-{first.month:02d}"


def check(line: str) -> Tuple[str, ...]:
    """A JSONL line as ("ok", the record as one JSON line, its id, its url), ("bad", reason), or
    ("blank",).

    The same rules as `palaver code`'s reader (crates/palaver/src/input.rs), so that nothing reaches
    palaver that it would reject. A record without an id is named by its text's digest
    ("sha1-<16 hex>"), since a cluster does not know line numbers.
    """
    if not line.strip():
        return ("blank",)
    if len(line.encode("utf-8", "surrogatepass")) > MAX_RECORD:
        return ("bad", f"line longer than {MAX_RECORD >> 20} MiB: not coded")
    try:
        value = json.loads(line)
    except ValueError as e:
        return ("bad", f"malformed JSON ({e}): record not coded")
    if not isinstance(value, dict):
        return ("bad", "a record must be a JSON object: record not coded")
    record: Dict[str, str] = {}
    for key in _FIELDS:
        v = value.get(key)
        if v is None:
            continue
        if key == "id" and isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            return ("bad", f'field "{key}" must be a string: record not coded')
        record[key] = v
    if "text" not in record:
        return ("bad", 'no "text" field: record not coded')
    if "id" not in record:
        record["id"] = "sha1-" + hashlib.sha1(record["text"].encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return ("ok", json.dumps(record, ensure_ascii=False), record["id"], record.get("url"))


def classify(file: str, line: str) -> Tuple[str, ...]:
    """`check`, with a rejected record's file and (the start of) its line kept for the report."""
    c = check(line)
    return ("bad", file, c[1], line[:2000]) if c[0] == "bad" else c


def event_row(line: str) -> tuple:
    """One event record (a line `palaver code` printed) as a row: the columns but url, then month."""
    e = json.loads(line)
    source, target = e.get("source") or {}, e.get("target") or {}
    plover, acled, loc = e.get("plover") or {}, e.get("acled") or {}, e.get("location") or {}
    actor = ("text", "code", "actor_id", "name", "country", "sector")
    return (
        global_event_id(e["event_id"]), e.get("date"), e["date_precision"],
        *(source.get(k) for k in actor), *(target.get(k) for k in actor),
        e["cameo"], e["cameo_root"], e["quad_class"], float(e["goldstein"]),
        plover.get("event"), plover.get("mode"), acled.get("event_type"), acled.get("sub_event_type"),
        loc.get("name"), loc.get("country"), loc.get("admin1"), loc.get("admin2"), loc.get("lat"), loc.get("lon"),
        loc.get("precision"), loc.get("geonameid"), e.get("fatalities"),
        1, 1, 1,
        e["doc_id"], e["evidence"]["sentence"], e["rule"],
        month_of(e.get("date")),
    )  # fmt: skip


def with_end(records: Iterable[str]) -> Iterator[str]:
    """A partition's records, then the empty article that ends it."""
    return itertools.chain(records, [END_OF_PARTITION])


def spark_schema(with_url: bool):
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "long": T.LongType(), "int": T.IntegerType(), "double": T.DoubleType()}
    fields = [T.StructField(n, kinds[k], not required) for n, k, required in COLUMNS if with_url or n != "url"]
    if not with_url:
        fields.append(T.StructField("month", T.StringType(), False))
    return T.StructType(fields)


def palaver_on_executors(sc, path: Optional[str]) -> str:
    """Ships the palaver binary to the executors (unless --files did) and returns how a task runs it."""
    from pyspark import SparkFiles

    shipped = os.path.join(SparkFiles.getRootDirectory(), "palaver")
    if not os.path.exists(shipped):
        if path is None:
            path = shutil.which("palaver")
        if path is None:
            raise SystemExit(
                "palaver: no palaver binary: give --palaver PATH, or ship it with spark-submit --files PATH/palaver"
            )
        if "://" not in path and not os.path.isfile(path):
            raise SystemExit(f"palaver: --palaver {path}: no such file")
        if os.path.basename(path) != "palaver":
            raise SystemExit(f"palaver: --palaver {path}: the binary must be named palaver")
        sc.addFile(path if "://" in path else os.path.abspath(path))
    # Executors keep shipped files in their working directory; in local mode they run in the
    # driver's process, which keeps them in its SparkFiles directory.
    return SparkFiles.get("palaver") if sc.master.startswith("local") else "./palaver"


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help="JSONL articles: a file, a folder or a glob (local, hdfs://, s3a://)")
    p.add_argument("output", help="a new folder for the Parquet events (local, hdfs://, s3a://)")
    p.add_argument("--palaver", help="the palaver binary to ship (default: the one --files shipped, else PATH's)")
    p.add_argument("--threads", type=int, help="palaver's threads per task (default: spark.task.cpus)")
    p.add_argument("--date", help="the articles' date (YYYY-MM-DD), replacing the records' own: palaver code --date")
    p.add_argument("--partitions", type=int, help="spread the records over this many tasks first (a shuffle)")
    p.add_argument("--master", help="Spark master when run with python (default: spark-submit's, else local[*])")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting (repeatable)")
    args = p.parse_args(argv)
    if args.threads is not None and args.threads < 1:
        p.error("--threads must be at least 1")
    if args.date is not None:
        try:
            datetime.date.fromisoformat(args.date)
        except ValueError:
            p.error(f"--date {args.date!r} is not a YYYY-MM-DD date")
    return args


def run(spark, args: argparse.Namespace) -> int:
    """Codes INPUT into OUTPUT; returns the exit status (1 if any record was rejected)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    binary = palaver_on_executors(sc, args.palaver)
    threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    dated = ["--date", args.date] if args.date else []
    command = shlex.join([binary, "code", "--quiet", "--threads", str(threads), *dated, "-"])

    lines = spark.read.text(args.input).select(F.input_file_name().alias("file"), "value")
    if args.partitions:
        lines = lines.repartition(args.partitions)
    checked = lines.rdd.map(lambda r: classify(r[0], r[1])).filter(lambda c: c[0] != "blank")
    checked.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        good = checked.filter(lambda c: c[0] == "ok")
        events = good.map(lambda c: c[1]).mapPartitions(with_end).pipe(command, checkCode=True).map(event_row)
        frame = spark.createDataFrame(events, spark_schema(with_url=False))
        urls = good.filter(lambda c: c[3] is not None).map(lambda c: (c[2], c[3]))
        if urls.isEmpty():
            frame = frame.withColumn("url", F.lit(None).cast("string"))
        else:
            by_id = spark.createDataFrame(urls, "doc_id string, url string").dropDuplicates(["doc_id"])
            frame = frame.join(by_id, "doc_id", "left")
        names = [n for n, _, _ in COLUMNS]
        frame.select(*names, "month").sortWithinPartitions("month").write.partitionBy("month").parquet(args.output)

        bad = checked.filter(lambda c: c[0] == "bad").map(lambda c: c[1:])
        rejected = bad.count()
        if rejected:
            report = spark.createDataFrame(bad, "file string, reason string, record string")
            report.coalesce(1).write.json(args.output.rstrip("/") + "/_rejected")
        first = bad.take(5)
        articles = good.count()
    finally:
        checked.unpersist()
    written = spark.read.schema(spark_schema(with_url=True)).parquet(args.output).count()
    print(f"palaver: {articles} articles coded into {written} events under {args.output}", file=sys.stderr)
    if rejected:
        for file, reason, record in first:
            print(f"palaver: {file}: {reason}: {record[:200]}", file=sys.stderr)
        print(f"palaver: {rejected} record(s) could not be coded: see {args.output.rstrip('/')}/_rejected/",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("palaver code_corpus")
    if args.master:
        builder = builder.master(args.master)
    for kv in args.conf:
        key, sep, value = kv.partition("=")
        if not sep:
            raise SystemExit(f"palaver: --conf {kv!r}: give KEY=VALUE")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        return run(spark, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
