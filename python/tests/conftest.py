"""Fixtures of the Python package's tests: the repository, the palaver binary, a corpus."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_corpus_module():
    """examples/spark/make_corpus.py, the project's generator of test articles."""
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "examples" / "spark" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def palaver_bin() -> Path:
    """The release palaver binary (tools/test_python.sh builds it; PALAVER_BIN overrides)."""
    path = Path(os.environ.get("PALAVER_BIN", REPO / "target" / "release" / "palaver"))
    if not path.is_file():
        pytest.fail(f"no palaver binary at {path}: run cargo build --release -p palaver (or set PALAVER_BIN)")
    return path


@pytest.fixture(scope="session")
def make_corpus():
    return load_corpus_module()


@pytest.fixture(scope="session")
def cli_events(palaver_bin: Path) -> Callable[..., List[Dict[str, Any]]]:
    """A function: what `palaver code` prints for a JSONL file, each line parsed."""

    def events(jsonl: Path, *extra: str) -> List[Dict[str, Any]]:
        run = subprocess.run(
            [str(palaver_bin), "code", "--quiet", "--threads", "2", *extra, str(jsonl)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        return [json.loads(line) for line in run.stdout.splitlines()]

    return events
