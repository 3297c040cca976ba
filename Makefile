# The two quickstart commands: `make run` (set up, ingest the sample articles, print the main query)
# and `make test` (set up, run the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= .kg/store

.PHONY: setup run test test-fast golden lint clean

# Two stamps: `make run` needs only the runtime dependencies; `make test` (and `make setup`, the full
# development set-up) adds the test extras on top. Either order works on a fresh clone, and an edit of
# pyproject.toml redoes both. pip is quiet (-qq: its errors still show), so the answer is what `make run` prints last.
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
PIP := PIP_ROOT_USER_ACTION=ignore $(BIN)/pip install --quiet --quiet --disable-pip-version-check --progress-bar off

$(RUNTIME): pyproject.toml
	@echo "setting up $(VENV): the runtime dependencies (about a minute the first time)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip
	@$(PIP) -e .
	@touch $@

$(TESTING): $(RUNTIME)
	@echo "setting up $(VENV): the test extras"
	@$(PIP) -e ".[test]"
	@touch $@

setup: $(TESTING)

run: $(RUNTIME)
	@$(BIN)/kg ingest --store $(STORE) data/articles
	@echo
	@$(BIN)/kg query --store $(STORE) countries-discussed-per-call

test: $(TESTING)
	bash scripts/test.sh

# the base of the test pyramid: no spaCy model, no servers, no Java or browser (under a minute)
test-fast: $(TESTING)
	bash scripts/test.sh -m "not slow and not external"

# rewrite tests/golden/nquads from the code as it is now; review `git diff tests/golden` before committing
golden: setup
	$(BIN)/python -m tests.golden.regenerate

lint: setup
	$(BIN)/ruff check kg tests scripts

clean:
	rm -rf $(VENV) .kg
