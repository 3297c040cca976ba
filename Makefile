# The two quickstart commands: `make run` (set up, ingest the sample articles, print the main query)
# and `make test` (set up, run the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= .kg/store

.PHONY: setup run test test-fast golden lint clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --progress-bar off -e ".[test]"
	touch $(BIN)/kg

setup: $(BIN)/kg

run: setup
	$(BIN)/kg ingest --store $(STORE) data/articles
	$(BIN)/kg query --store $(STORE) countries-discussed-per-call

test: setup
	bash scripts/test.sh

# the base of the test pyramid: no spaCy model, no servers, no Java or browser (under a minute)
test-fast: setup
	bash scripts/test.sh -m "not slow and not external"

# rewrite tests/golden/nquads from the code as it is now; review `git diff tests/golden` before committing
golden: setup
	$(BIN)/python -m tests.golden.regenerate

lint: setup
	$(BIN)/ruff check kg tests scripts

clean:
	rm -rf $(VENV) .kg
