# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEED    = examples/seed_000_02a743bcd8f885df.txt

.PHONY: demo test eval bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

demo: $(BIN)/.installed  ## install, code the seed article, print a summary, write out/seed.json + eventwire.duckdb
	mkdir -p out
	$(BIN)/eventwire code $(SEED) --format json -o out/seed.json --db eventwire.duckdb --summary
	@echo "wrote out/seed.json and eventwire.duckdb"

test: $(BIN)/.installed  ## install and run the test suite
	$(BIN)/python -m pytest

eval: $(BIN)/.installed  ## score every gold article and sentence set in ../shared
	$(BIN)/eventwire eval --json out/eval.json

bench: $(BIN)/.installed  ## speed ratios on the corpus
	$(BIN)/python benchmarks/bench_coding.py

clean:
	rm -rf out eventwire.duckdb build *.egg-info
