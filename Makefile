# detente: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.duckdb
VOA ?= ../shared/corpora/voa_dev.jsonl

.PHONY: install browser demo test eval train lint format clean

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
	@if [ -f $(VOA) ]; then \
		$(BIN)/detente eval tests/gold/voa/gold.jsonl --corpus $(VOA) --split dev \
			--floors tests/gold/voa/floors.yaml --misses 0 && \
		$(BIN)/detente eval tests/gold/voa/gold.jsonl --corpus $(VOA) --split heldout \
			--floors tests/gold/voa/floors.yaml --misses 0; \
	else echo "real-news stories not found at $(VOA): real-news gold not scored"; fi
	$(BIN)/detente eval tests/gold/dev_cooperation.jsonl tests/gold/dev_conflict.jsonl \
		tests/gold/dev_mixed.jsonl tests/data/actor_cases.csv --floors tests/gold/floors.yaml
	$(BIN)/detente eval tests/gold/test_cooperation.jsonl tests/gold/test_conflict.jsonl \
		--floors tests/gold/floors_heldout.yaml --misses 0

# the learned proposer (docs/lexicon.md): trained on the sentences the team wrote, shipped as
# package data; the same sentences and model give the same file
train: install
	$(BIN)/detente train training/sentences --out src/detente/data/models/proposer.json.gz

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache $(DEMO_DB) $(DEMO_DB).wal
