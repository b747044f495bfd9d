# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install bench web clean

$(BIN)/warta: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/warta

install: $(BIN)/warta

demo: install
	$(BIN)/warta code warta/samples --format table

test: install
	$(BIN)/python -m pytest -q

bench: install
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

web:
	cd web && npm ci --no-audit --no-fund && node build.mjs

clean:
	rm -rf $(VENV) build *.egg-info
