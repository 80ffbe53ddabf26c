# One place for every task; the README, CI and the pipelines call these targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT   ?= catalogues
PORT   ?= 8000

.PHONY: setup serve test test-fast lint typecheck js pytest validate build generate schemas golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## create the virtual environment with everything installed

serve: setup  ## build and serve the handbook on http://127.0.0.1:$(PORT)/
	$(BIN)/handbook serve $(ROOT) --port $(PORT)

test: lint typecheck js pytest  ## the whole test suite: lint, types, the sheets' script, tests

# Everything but the browser, PDF and slow tests (wheel, engines, mike): under a minute.
FAST := not browser and not pdf and not slow
test-fast: lint typecheck js  ## the quick subset while you work
	$(BIN)/pytest -q -n auto -m "$(FAST)"

lint: setup
	$(BIN)/ruff check generator tests site_config benchmarks
	$(BIN)/ruff format --check generator tests site_config benchmarks

typecheck: setup
	$(BIN)/mypy

# The sheets' ES modules (site_config/docs/assets/sheet/): ESLint and their Node tests.
node_modules/.package-lock.json: package-lock.json  # npm ci when missing or older than the lock
	npm ci --silent
	@touch $@

js: node_modules/.package-lock.json  ## lint and test the sheets' script (Node.js and npm)
	npm run --silent lint
	npm test

pytest: setup
	$(BIN)/pytest -q

validate: setup  ## check the catalogue, warnings included
	$(BIN)/handbook validate $(ROOT) --strict

build: setup  ## strict HTML build into site/
	$(BIN)/handbook build $(ROOT) --site site

generate: setup  ## the Markdown tree with its own mkdocs.yml, into build/handbook
	$(BIN)/handbook generate $(ROOT) --out build/handbook

schemas: setup  ## regenerate the JSON Schemas the catalogue files point to
	$(BIN)/handbook schema --out schemas

golden: setup  ## refresh the golden Markdown files (review the diff!)
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_render.py

bench: setup  ## benchmark S/M/L catalogues into BENCHMARKS.md
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site build $(VENV) node_modules
