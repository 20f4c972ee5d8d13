# Two commands do all set-up on a fresh machine with Python >= 3.11 and make:
#   make demo   replay the 2016 Aleppo votes and the headline what-ifs
#   make test   run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test gates lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "unsc-simulate needs Python >= 3.11 (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/unsc demo --out out

# quality gates (each takes seconds). `make test` runs the gates that are clean (ruff, the import
# contract) before pytest, so CI does; mypy joins them once `make lint` reports no error.
gates: $(STAMP)
	$(BIN)/ruff check simulate tests benchmarks scripts notebooks/*.py
	$(BIN)/lint-imports

lint: gates
	$(BIN)/mypy

test: gates
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_power.py
	$(BIN)/python benchmarks/bench_startup.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis build dist
