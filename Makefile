# Two commands do everything (see README): `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: lab test test-browser dashboard lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "kosovo_kit needs Python >= 3.10; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,browser]"
	@touch $(STAMP)

## lab: set up .venv and open JupyterLab on the notebooks
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

## test: set up .venv and run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## test-browser: only the browser tests (needs Debian's chromium: apt-get install chromium)
test-browser: $(STAMP)
	KOSOVO_KIT_BROWSER_TESTS=1 $(BIN)/python -m pytest -m browser tests/browser

## dashboard: the actor explorer as a page without code (Voilà), on http://127.0.0.1:8866
# JUPYTER_PATH adds the kit's Voilà template, which loads nothing from outside the machine.
dashboard: $(STAMP)
	JUPYTER_PATH=$(CURDIR)/share/jupyter $(BIN)/voila notebooks/dashboard.ipynb --template=kosovo-kit \
		--no-browser --Voila.ip=127.0.0.1 --port=8866

## lint: ruff (rules and formatting) over the kit, tests and benchmarks; mypy over the kit
lint: $(STAMP)
	$(BIN)/ruff check kosovo_kit tests benchmarks
	$(BIN)/ruff format --check kosovo_kit tests benchmarks
	$(BIN)/python -m mypy

## bench: the benchmark scripts (figures, not tests)
bench: $(STAMP)
	$(BIN)/python benchmarks/import_time.py
	$(BIN)/python benchmarks/polnear.py --split dev
	$(BIN)/python benchmarks/sentiment.py
	$(BIN)/python benchmarks/widgets.py
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/adversarial.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache test-artifacts
