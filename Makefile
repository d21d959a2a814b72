# Every target installs what it needs: a fresh machine needs only python3 (3.11+) and make.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: install run test lint fmt-records unit bench bench-bureau fuzz soak pipeline clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The message catalogues, compiled beside their sources whenever a .po changes.
PO := $(wildcard src/barrier_cli/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)
$(MO): %.mo: %.po $(STAMP)
	$(PY) scripts/compile_catalogues.py

install: $(STAMP) $(MO)

## The main job on the bundled example records.
run: install
	$(BIN)/barrier --records records check
	$(BIN)/barrier --records records analyze --month last

## Lint, types, the example records, then the test suite.
test: install lint
	$(BIN)/barrier --records records check --strict
	$(BIN)/barrier --records records fmt --check
	$(BIN)/pytest -q -n auto -p no:cacheprovider

lint: install
	$(BIN)/ruff check --no-cache src tests scripts
	$(BIN)/ruff format --no-cache --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## Benchmarks against check-jsonschema on generated trees (not part of `make test`).
bench: install
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) scripts/bench.py

## The bureau ledger: the full bureau (50 units x 200 people x 2 years, daily returns) from
## YAML trees through `bureau sync` and `bureau analyze`; export per 100k records; `bureau
## analyze` at 10^6 and 10^7 rows with DuckDB beside a pandas baseline (time and peak
## memory); then the PySpark local-mode test (the bureau/sql figure on Spark).
bench-bureau: install
	$(PY) -m pip install --quiet -e '.[dev,bureau]' pyspark
	$(PY) scripts/bench_bureau.py --rows 1000000 10000000 --out bench/bureau.json \
		--pipeline-units 50 --people 200 --months 24 --reports-per-unit 2400
	BARRIER_SPARK=1 $(BIN)/pytest -q -p no:cacheprovider -m slow tests/slow/test_bureau_spark.py

## Long property-based runs of the never-crash and round-trip tests.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests -k "property or fuzz"

## kill -9 at random moments of add, fmt, action done and notice --issue, 100+ times: no
## orphan, no burnt notice number, no partial file, check clean (minutes; not in `make test`).
## The CI script init writes, run in a fresh venv that installs barrier from a git source of
## this checkout (a minute or more; `make test` skips it).
pipeline: install
	BARRIER_PIPELINE=1 $(BIN)/pytest -q -p no:cacheprovider tests/acceptance/test_ci_pipeline.py

soak: install
	BARRIER_SOAK=1 $(BIN)/pytest -q -p no:cacheprovider tests/acceptance/test_soak.py

unit: install
	$(BIN)/pytest -q -x tests/unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
