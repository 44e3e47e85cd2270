# The front door. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSET ?= ../shared/devset
TIMEML ?= ../shared/peer/ftib-dev
NBVAL  := --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

.DEFAULT_GOAL := help
.PHONY: help install browser export report lint format test lab bench bench-large eval gazetteer clean
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned stack (incl. the French spaCy model)

export: $(STAMP) ## write the tables of data/processed/ (python -m helpers export)
	$(BIN)/python -m helpers export

report: $(STAMP) ## run notebooks 00-03 (one kernel per core), save them executed, build reports/ (HTML, figures)
	$(BIN)/python -m helpers report

browser: ## Debian's chromium, which the browser tests drive with the network blocked
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium (apt)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP) ## ruff: lint rules and formatting checked (settings in pyproject.toml)
	$(BIN)/ruff check helpers tests benchmarks
	$(BIN)/ruff format --check helpers tests benchmarks

format: $(STAMP) ## ruff: fix what can be fixed and format the code
	$(BIN)/ruff check --fix helpers tests benchmarks
	$(BIN)/ruff format helpers tests benchmarks

test: $(STAMP) browser lint ## ruff, then unit tests, browser tests and nbval on the executed notebooks
	REQUIRE_BROWSER=1 $(BIN)/python -m pytest tests $(NBVAL) notebooks

ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: $(STAMP) ## open JupyterLab on the notebooks (trusted, so their maps render; works as root too)
	$(BIN)/jupyter trust notebooks/[0-9][0-9]-*.ipynb
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks

bench: $(STAMP) ## speed and memory benchmark, 1 000 to 30 000 articles (benchmarks/bench.py), printed and written as JSON
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/tagger.py

bench-large: $(STAMP) ## the same with 100 000 articles too (about an hour on 2 cores)
	$(BIN)/python benchmarks/bench.py --large

eval: $(STAMP) ## accuracy against hand-coded articles (../shared/devset, tests/fixtures/heldout*) and TimeML gold (../shared/peer/ftib-dev), printed and written as JSON
	$(BIN)/python benchmarks/accuracy.py --devset $(DEVSET) --timeml $(TIMEML)

gazetteer: $(STAMP) ## rebuild data/reference/gazetteer.csv from the reference layers
	$(BIN)/python -m helpers gazetteer

clean: ## remove caches and built reports (never data/raw)
	rm -rf data/interim reports .pytest_cache .cache
