"""palaver: news text in, coded political events out.

Each event is a dict, exactly the record ``palaver code --format jsonl`` prints (the event record
contract): who did what to whom (``source``, ``target``, ``cameo``, ``plover``, ``acled``), when
(``date``), where (``location``), with how many dead (``fatalities``), and on what evidence
(``evidence``: the sentence and the byte spans of source, target and verb; ``rule``: the
dictionary line that fired).

>>> import palaver
>>> events = palaver.code("Malian troops attacked JNIM militants near Mopti on Monday.", date="2021-03-02")
>>> events[0]["source"]["code"], events[0]["cameo"], events[0]["target"]["name"]
('MLIMIL', '190', 'JNIM')

For many articles, ``code_many`` codes on every core; an ``Engine`` holds other dictionaries
(a TOML configuration, as ``palaver code --config``) and may be shared by threads: coding releases
the GIL.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional

from ._palaver import Engine, EventStream, PalaverError, PalaverWarning, RecordError, __version__

if TYPE_CHECKING:
    import datetime

    import pandas

__all__ = [
    "Engine",
    "EventStream",
    "PalaverError",
    "PalaverWarning",
    "RecordError",
    "code",
    "code_many",
    "to_pandas",
    "COLUMNS",
    "__version__",
]

_default: Optional[Engine] = None
_default_lock = threading.Lock()


def _engine() -> Engine:
    """The engine over palaver's own dictionaries that ``code`` and ``code_many`` share."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Engine()
    return _default


def code(
    text: str,
    date: "Optional[str | datetime.date]" = None,
    lang: Optional[str] = None,
    *,
    id: str = "doc",
) -> List[Dict[str, Any]]:
    """Codes one article's text with palaver's own dictionaries; returns its events as dicts.

    ``date`` is the article's date ("YYYY-MM-DD", or a ``datetime.date``): "on Monday" and "in
    March" are read against it; without one, relative dates stay unresolved. ``lang`` is None or
    "en". ``id`` names the document (``doc_id``; ``event_id`` is "id:sentence:n").

    Raises ``TypeError`` for a text that is not a str and ``ValueError`` for a bad date or
    language.
    """
    return _engine().code(text, date, lang, id=id)


def code_many(
    records: Iterable[Mapping[str, Any]],
    threads: Optional[int] = None,
    errors: str = "raise",
) -> EventStream:
    """Codes records ({"id", "text", "date"}) on ``threads`` native threads (default: every core).

    Returns an iterator over the events of all records, in record order, as ``palaver code``
    prints them for the same records in a JSONL file. Records are read a batch at a time, so any
    iterable streams. A bad record raises ``RecordError`` (with ``index``, ``id``, ``record`` and
    ``reason``) once the events before it are yielded; with ``errors="warn"`` it is reported as a
    ``PalaverWarning`` and the rest are coded.
    """
    return _engine().code_many(records, threads, errors)


#: The columns of ``to_pandas``, in order. Where the Parquet export (``palaver export --format
#: parquet``) has a column of the same meaning, it has the same name.
COLUMNS = (
    "doc_id", "event_id", "sentence_index", "date", "date_precision",
    "source_text", "source_code", "source_actor_id", "source_name", "source_country", "source_sector",
    "target_text", "target_code", "target_actor_id", "target_name", "target_country", "target_sector",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode",
    "acled_event_type", "acled_sub_event_type",
    "place_name", "place_country", "admin1", "admin2", "lat", "lon", "place_precision", "geonameid",
    "fatalities", "negated",
    "attribution_text", "attribution_code",
    "mediator_text", "mediator_code", "mediator_actor_id", "mediator_name",
    "verb", "sentence", "source_span", "target_span", "verb_span", "rule",
)  # fmt: skip

_ACTOR = ("text", "code", "actor_id", "name", "country", "sector")


def _row(e: Mapping[str, Any]) -> tuple:
    source, target = e.get("source") or {}, e.get("target") or {}
    plover, acled, loc = e.get("plover") or {}, e.get("acled") or {}, e.get("location") or {}
    attribution, mediator = e.get("attribution") or {}, e.get("mediator") or {}
    evidence = e.get("evidence") or {}
    spans = evidence.get("spans") or {}
    span = lambda s: tuple(s) if s is not None else None  # noqa: E731
    return (
        e.get("doc_id"), e.get("event_id"), e.get("sentence_index"), e.get("date"), e.get("date_precision"),
        *(source.get(k) for k in _ACTOR),
        *(target.get(k) for k in _ACTOR),
        e.get("cameo"), e.get("cameo_root"), e.get("quad_class"), e.get("goldstein"),
        plover.get("event"), plover.get("mode"), acled.get("event_type"), acled.get("sub_event_type"),
        loc.get("name"), loc.get("country"), loc.get("admin1"), loc.get("admin2"), loc.get("lat"), loc.get("lon"),
        loc.get("precision"), loc.get("geonameid"),
        e.get("fatalities"), e.get("negated"),
        attribution.get("text"), attribution.get("code"),
        mediator.get("text"), mediator.get("code"), mediator.get("actor_id"), mediator.get("name"),
        evidence.get("verb"), evidence.get("sentence"),
        span(spans.get("source")), span(spans.get("target")), span(spans.get("verb")),
        e.get("rule"),
    )  # fmt: skip


def to_pandas(events: Iterable[Mapping[str, Any]]) -> "pandas.DataFrame":
    """A pandas DataFrame of event records, one flat row per event (columns: ``COLUMNS``).

    Actors, PLOVER, ACLED and the place are spread into columns (``source_code``,
    ``plover_event``, ``lat``...); a missing side or place gives None. ``fatalities`` and
    ``geonameid`` are nullable integers (``Int64``). Needs pandas (``pip install pandas``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("palaver.to_pandas needs pandas: pip install pandas") from e
    rows: List[tuple] = [_row(e) for e in events]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    for column, dtype in (
        ("sentence_index", "int64"),
        ("quad_class", "int8"),
        ("goldstein", "float64"),
        ("lat", "float64"),
        ("lon", "float64"),
        ("geonameid", "Int64"),
        ("fatalities", "Int64"),
        ("negated", "bool"),
    ):
        frame[column] = frame[column].astype(dtype)
    return frame
