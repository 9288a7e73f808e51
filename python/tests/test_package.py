"""The Python package: its events are `palaver code`'s, its errors are exceptions, it shares threads."""

from __future__ import annotations

import ast
import datetime
import doctest
import json
import threading
import time
import warnings
from pathlib import Path

import pytest

import palaver

QUICK = "Malian troops attacked JNIM militants near Mopti on Monday."


def test_quick_start_codes_the_event():
    events = palaver.code(QUICK, date="2021-03-02")
    assert len(events) == 1
    e = events[0]
    assert (e["source"]["code"], e["cameo"], e["target"]["name"]) == ("MLIMIL", "190", "JNIM")  # the README's
    assert e["date"] == "2021-03-01" and e["date_precision"] == "day"  # the Monday before Tuesday 2 March
    assert e["location"]["name"] == "Mopti"
    assert (e["doc_id"], e["event_id"]) == ("doc", "doc:0:0")
    assert e["evidence"]["sentence"] == QUICK
    assert palaver.code(QUICK, datetime.date(2021, 3, 2), "en", id="a1")[0]["event_id"] == "a1:0:0"


def test_the_module_docstring_runs():
    assert doctest.testmod(palaver, raise_on_error=True).attempted > 0


def test_code_and_code_many_print_what_the_cli_prints(tmp_path: Path, make_corpus, cli_events):
    records = make_corpus.corpus(300)
    records.append({"id": "undated", "text": "Niger's foreign minister met ECOWAS envoys in Niamey."})
    records.append({"id": 77, "text": "Chadian troops shelled Boko Haram positions.", "date": "2021-05-04T08:30:00Z"})
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = cli_events(jsonl)
    assert len(expected) > 300
    # the dicts, their keys in order, and the order of events: all as the CLI prints them
    got = list(palaver.code_many(records))
    assert got == expected
    assert [list(e) for e in got] == [list(e) for e in expected]
    assert list(palaver.code_many(iter(records), threads=1)) == expected
    engine = palaver.Engine()
    for r in records[:40]:
        one = engine.code(r["text"], r.get("date"), id=str(r["id"]))
        assert one == [e for e in expected if e["doc_id"] == str(r["id"])]


def test_records_without_id_are_named_as_the_cli_names_them(tmp_path: Path, cli_events):
    records = [{"text": "Malian troops attacked JNIM militants near Gao.", "date": "2021-01-05"}] * 3
    jsonl = tmp_path / "noid.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert list(palaver.code_many(records)) == cli_events(jsonl)
    assert [e["doc_id"] for e in palaver.code_many(records)] == ["line1", "line2", "line3"]


def test_engine_options_match_the_cli_flags(tmp_path: Path, cli_events):
    text = "Malian troops did not attack the camp. Two soldiers were killed near Gao by an IED."
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(json.dumps({"id": "n", "text": text, "date": "2021-06-01"}) + "\n", encoding="utf-8")
    negated = palaver.Engine(keep_negated=True).code(text, "2021-06-01", id="n")
    assert negated == cli_events(jsonl, "--keep-negated")
    assert any(e["negated"] for e in negated)
    bare = palaver.Engine(implied_sources=False).code(text, "2021-06-01", id="n")
    assert bare == cli_events(jsonl, "--no-implied-sources")
    assert bare != palaver.code(text, "2021-06-01", id="n")


def test_a_configuration_file(tmp_path: Path, cli_events):
    repo = Path(__file__).resolve().parents[2]
    config = tmp_path / "own.toml"
    config.write_text(f'[palaver]\ndir = "{repo / "dictionaries"}"\n', encoding="utf-8")
    engine = palaver.Engine(config)
    assert engine.config == str(config) and engine.dictionary_warnings == []
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(json.dumps({"id": "c", "text": QUICK, "date": "2021-03-02"}) + "\n", encoding="utf-8")
    events = engine.code(QUICK, "2021-03-02", id="c")
    assert events == cli_events(jsonl, "--config", str(config))
    assert events[0]["rule"].startswith(str(repo / "dictionaries"))  # read from the folder, not compiled in

    with pytest.raises(palaver.PalaverError, match="cannot read .*missing.toml"):
        palaver.Engine(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[petrarch]\nverbz = []\n", encoding="utf-8")
    with pytest.raises(palaver.PalaverError, match="not a valid configuration"):
        palaver.Engine(str(bad))
    empty_verbs = tmp_path / "empty.verbs.txt"
    empty_verbs.write_text("\n", encoding="utf-8")
    odd = tmp_path / "odd.toml"
    odd.write_text('[petrarch]\nverbs = ["empty.verbs.txt"]\n', encoding="utf-8")
    with pytest.raises(palaver.PalaverError, match="empty dictionary"):
        palaver.Engine(odd)


def test_bad_arguments_are_exceptions():
    with pytest.raises(TypeError, match="text must be a str"):
        palaver.code(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a YYYY-MM-DD date"):
        palaver.code(QUICK, date="March 2021")
    with pytest.raises(TypeError, match="date must be"):
        palaver.code(QUICK, date=20210302)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="palaver codes English"):
        palaver.code(QUICK, lang="fr")
    with pytest.raises(ValueError, match="lone surrogate"):
        palaver.code("Malian troops \ud800 attacked.")
    with pytest.raises(TypeError, match="iterable"):
        palaver.code_many(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        palaver.code_many([], threads=0)
    with pytest.raises(ValueError, match="errors="):
        palaver.code_many([], errors="ignore")
    assert palaver.code("") == [] and palaver.code("   \n\n") == [] and list(palaver.code_many([])) == []


def test_a_bad_record_raises_with_the_record_and_the_reason_after_the_events_before_it():
    good = {"id": "g", "text": QUICK, "date": "2021-03-02"}
    no_text = {"id": "t", "date": "2021-03-02"}
    stream = palaver.code_many([good, no_text, good])
    first = next(stream)
    assert first["doc_id"] == "g"
    with pytest.raises(palaver.RecordError) as caught:
        next(stream)
    e = caught.value
    assert (e.index, e.id, e.record) == (1, "t", no_text)
    assert e.reason == 'no "text" field: record not coded'
    assert 'record 1 (id "t")' in str(e) and isinstance(e, palaver.PalaverError)
    with pytest.raises(StopIteration):
        next(stream)


@pytest.mark.parametrize(
    "record, reason",
    [
        (5, "a record must be a dict"),
        ({"id": "x", "text": 5}, 'field "text" must be a string'),
        ({"id": ["x"], "text": QUICK}, 'field "id" must be a string'),
        ({"id": "x", "text": QUICK, "date": 3.5}, 'field "date"'),
        ({"id": "x", "text": "bad \udc80 text"}, "lone surrogate"),
    ],
)
def test_each_kind_of_bad_record(record, reason):
    with pytest.raises(palaver.RecordError, match=reason):
        list(palaver.code_many([record]))


def test_errors_warn_reports_bad_records_and_codes_the_rest():
    records = [{"id": "a", "text": QUICK, "date": "2021-03-02"}, None, {"id": "b", "text": QUICK}, {"text": 1}]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        events = list(palaver.code_many(records, errors="warn"))
    assert [e["doc_id"] for e in events] == ["a", "b"]
    messages = [str(w.message) for w in caught if issubclass(w.category, palaver.PalaverWarning)]
    assert len(messages) == 2 and messages[0].startswith("record 1:") and messages[1].startswith("record 3:")


def test_a_record_date_that_cannot_be_read_is_coded_with_a_warning(tmp_path: Path, cli_events):
    record = {"id": "d", "text": "Malian troops attacked JNIM militants on Monday.", "date": "last week"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        events = list(palaver.code_many([record]))
    assert any("is not YYYY-MM-DD" in str(w.message) for w in caught)
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert events == cli_events(jsonl) and events[0]["date"] is None


def test_an_error_in_the_iterable_propagates_after_the_events_before_it():
    def records():
        yield {"id": "a", "text": QUICK, "date": "2021-03-02"}
        raise KeyError("upstream")

    stream = palaver.code_many(records())
    assert next(stream)["doc_id"] == "a"
    with pytest.raises(KeyError, match="upstream"):
        next(stream)


def test_pandas_missing_values_and_mappings_are_read():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["p1", "p2"], "text": [QUICK, QUICK], "date": ["2021-03-02", None], "url": [None, "u"]})
    events = list(palaver.code_many(frame.to_dict("records")))
    assert [e["doc_id"] for e in events] == ["p1", "p2"]
    assert events[1]["date"] is None  # no date: "on Monday" stays unresolved
    rows = (row for _, row in frame.iterrows())  # pandas Series: mappings with .get
    assert [e["doc_id"] for e in palaver.code_many(rows)] == ["p1", "p2"]


def test_to_pandas_flattens_each_event_into_a_row():
    pd = pytest.importorskip("pandas")
    events = palaver.code(
        "Malian troops attacked JNIM militants near Mopti on Monday, killing 4 fighters. "
        "Niger's foreign minister met ECOWAS envoys.",
        date="2021-03-02",
    )
    frame = palaver.to_pandas(events)
    assert list(frame.columns) == list(palaver.COLUMNS)
    assert len(frame) == len(events) >= 2
    first = frame.iloc[0]
    e = events[0]
    assert (first["source_code"], first["target_name"], first["cameo"]) == ("MLIMIL", "JNIM", "190")
    assert (first["place_name"], first["lat"], first["lon"]) == ("Mopti", e["location"]["lat"], e["location"]["lon"])
    assert first["fatalities"] == e["fatalities"] == 4
    assert first["verb_span"] == tuple(e["evidence"]["spans"]["verb"])
    assert str(frame["fatalities"].dtype) == "Int64" and str(frame["quad_class"].dtype) == "int8"
    assert pd.isna(frame.iloc[1]["fatalities"])
    empty = palaver.to_pandas([])
    assert list(empty.columns) == list(palaver.COLUMNS) and len(empty) == 0


def test_coding_releases_the_gil():
    # One long article that takes a good part of a second to code and codes no event (so that making
    # dicts, which needs the GIL, takes no time): meanwhile this thread must keep running.
    sentence = "The weekly market in Mopti reopened after a month of closure, and traders from Segou returned."
    text = " ".join([sentence] * 90000)
    engine = palaver.Engine()
    engine.code(QUICK, "2021-03-02")  # load the gazetteer first
    done = threading.Event()
    took = []

    def work():
        t0 = time.perf_counter()
        assert engine.code(text, "2021-03-02") == []
        took.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.005)
    worker.join()
    assert took[0] > 0.2, f"the article took only {took[0]:.3f} s: make it longer"
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    longest = max(gaps, default=took[0])  # no gap at all: this thread never ran while the other coded
    assert len(ticks) > 10 and longest < took[0] / 3, (
        f"coding took {took[0]:.3f} s; this thread stalled {longest:.3f} s"
    )


def test_threads_share_an_engine(make_corpus):
    records = make_corpus.corpus(120, seed=3)
    engine = palaver.Engine()
    alone = [engine.code(r["text"], r["date"], id=r["id"]) for r in records]
    results = [None] * len(records)

    def work(k: int):
        for i in range(k, len(records), 4):
            r = records[i]
            results[i] = engine.code(r["text"], r["date"], id=r["id"])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == alone


def _stub_names(tree: ast.Module):
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names[node.name] = {
                n.name for n in node.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
            }
            names[node.name] |= {
                n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
            }
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
    return names


def test_the_stubs_describe_the_native_module():
    from palaver import _palaver

    stub = Path(palaver.__file__).with_name("_palaver.pyi")
    declared = _stub_names(ast.parse(stub.read_text(encoding="utf-8")))
    public = {n for n in dir(_palaver) if not n.startswith("_")}
    assert set(declared) == public
    for cls, members in declared.items():
        runtime = getattr(_palaver, cls)
        if cls == "RecordError":
            e = palaver.RecordError("x")
            assert not hasattr(e, "index")  # set on the errors palaver raises, below
            with pytest.raises(palaver.RecordError) as caught:
                list(palaver.code_many([{}]))
            runtime = caught.value
        for m in members:
            assert hasattr(runtime, m), f"{cls}.{m} is in the stub but not in the module"
        if isinstance(runtime, type) and not issubclass(runtime, BaseException):
            actual = {n for n in vars(runtime) if not n.startswith("_")}
            assert actual <= members, f"{cls}: {actual - members} are not in the stub"
    assert (Path(palaver.__file__).parent / "py.typed").exists()
    assert palaver.Engine.code.__doc__ and palaver.Engine.code_many.__doc__ and palaver.Engine.__doc__
    assert palaver.code.__doc__ and palaver.code_many.__doc__ and palaver.to_pandas.__doc__
