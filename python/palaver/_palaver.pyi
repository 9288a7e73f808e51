"""Type stubs of palaver's native module (PyO3): the engine, the event stream and the errors."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

__version__: str

Event = Dict[str, Any]
"""An event record, exactly as ``palaver code --format jsonl`` prints it (the event record contract)."""

class PalaverError(Exception):
    """Something palaver could not do: a configuration or dictionary it could not read, a bad argument."""

class RecordError(PalaverError):
    """A record that could not be coded."""

    index: int
    """Its 0-based position among the records."""
    id: Optional[str]
    """Its id, where it has a readable one."""
    record: Any
    """The record itself."""
    reason: str
    """What was wrong with it."""

class PalaverWarning(UserWarning):
    """A problem that did not stop coding: an unreadable date, a skipped dictionary line or record."""

class EventStream(Iterator[Event]):
    """The events of ``Engine.code_many``, in record order, coded a batch at a time."""

    def __iter__(self) -> "EventStream": ...
    def __next__(self) -> Event: ...

class Engine:
    """palaver's coding engine: dictionaries loaded once, shared by any number of threads.

    Coding releases the GIL: several Python threads may call ``code`` on one engine at once, and
    ``code_many`` codes on a pool of native threads.
    """

    def __init__(
        self,
        config: Optional[Union[str, "os.PathLike[str]"]] = None,
        *,
        keep_negated: bool = False,
        implied_sources: bool = True,
        gazetteer: Optional[Union[str, "os.PathLike[str]"]] = None,
    ) -> None: ...
    def code(
        self,
        text: str,
        date: Optional[Union[str, datetime.date]] = None,
        lang: Optional[str] = None,
        *,
        id: str = "doc",
    ) -> List[Event]:
        """Codes one article's text; returns its events, each a dict as ``palaver code`` prints it."""
    def code_many(
        self,
        records: Iterable[Mapping[str, Any]],
        threads: Optional[int] = None,
        errors: str = "raise",
    ) -> EventStream:
        """Codes records ({"id", "text", "date"}) on ``threads`` threads; yields their events in order."""
    @property
    def config(self) -> Optional[str]:
        """The TOML configuration the engine was built from, or None for palaver's own dictionaries."""
    @property
    def dictionary_warnings(self) -> List[str]:
        """Lines of the configured dictionaries or gazetteer that could not be read, as "file:line: what"."""
