# presscut: `make demo` runs the main job on the embedded store, `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= presscut.db

.PHONY: demo test lint typecheck pytest install install-test clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run the install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/presscut demo --db $(DB)

lint: install-test
	$(BIN)/ruff check src tests

typecheck: install-test
	$(BIN)/mypy

# pytest exits 5 when it collects no tests; that is not a failure of the code.
pytest: install-test
	$(BIN)/python -m pytest -q || [ $$? -eq 5 ]

test: lint typecheck pytest

# Screenshots of the web workspace for the README (needs /usr/bin/chromium); not part of `make test`.
screenshots: install-test
	$(BIN)/presscut demo --db $(DB) > /dev/null
	$(BIN)/python -m presscut.web.screenshots --db $(DB) --out docs/screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DB) $(DB)-wal $(DB)-shm
