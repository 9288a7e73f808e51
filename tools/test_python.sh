#!/usr/bin/env bash
# The Python side's tests: the `palaver` package (python/) and the Spark recipe (examples/spark/).
#
# Makes (or reuses) a virtual environment in target/pyenv with maturin, pytest, pandas, pyarrow and
# PySpark from PyPI, builds the release palaver binary if need be, installs ./python into the
# environment, and runs pytest on both. The Spark tests need Java (17); without it they are skipped,
# saying so. Run from anywhere: `bash tools/test_python.sh [pytest arguments]`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/target/pyenv"
PYSPARK="pyspark==4.0.1"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"

command -v python3 >/dev/null || { echo "python3 is missing: the Python tests need Python 3.9 or newer" >&2; exit 2; }
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
export PATH="$VENV/bin:$PATH"
t0=$(date +%s)
# pip checks the index only for what is missing or pinned to another version
python -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" pytest pandas pyarrow "$PYSPARK"
echo "test_python: Python tools ready in $(( $(date +%s) - t0 )) s ($(python --version))"

t0=$(date +%s)
cargo build --release --quiet -p palaver
export PALAVER_BIN="$ROOT/target/release/palaver"

# The package, built by maturin in release mode; its Rust build is kept in target/python between runs.
CARGO_TARGET_DIR="$ROOT/target/python" python -m pip install --quiet --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps ./python
echo "test_python: palaver binary and package built in $(( $(date +%s) - t0 )) s"

if command -v java >/dev/null; then
    java -version 2>&1 | head -1 | sed 's/^/test_python: /'
else
    echo "test_python: Java is absent: the Spark tests (examples/spark/tests) will be SKIPPED; install Java 17 to run them"
fi

# From the repository's root, `import palaver` finds the installed package (python/ is not on the path).
python -m pytest --rootdir "$ROOT" --import-mode=importlib -p no:cacheprovider -ra "$@" python/tests examples/spark/tests
