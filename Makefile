# detente: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: install browser demo test eval lint format clean

# The virtual environment is rebuilt only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/detente ingest examples/ --db $(DEMO_DB)
	$(BIN)/detente summary --db $(DEMO_DB)

# the dashboard test needs a real browser: under CI it must run, so install Debian's chromium
browser:
	@if [ "$$CI" = "true" ] && ! command -v chromium >/dev/null 2>&1; then \
		echo "installing chromium for the dashboard test"; \
		apt-get update -q && apt-get install -y -q chromium; \
	fi

test: install browser
	$(BIN)/python -m pytest

# the quality gate: gold sentences and the actor table against the pinned floors, then the
# held-out test set (never used to tune the coder) against its own floors
eval: install
	$(BIN)/detente eval tests/gold/dev_cooperation.jsonl tests/gold/dev_conflict.jsonl \
		tests/gold/dev_mixed.jsonl tests/data/actor_cases.csv --floors tests/gold/floors.yaml
	$(BIN)/detente eval tests/gold/test_cooperation.jsonl tests/gold/test_conflict.jsonl \
		--floors tests/gold/floors_heldout.yaml --misses 0

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache $(DEMO_DB) $(DEMO_DB).wal
