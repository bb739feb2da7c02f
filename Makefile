# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEED    = examples/seed_000_02a743bcd8f885df.txt

.PHONY: demo test eval bench clean browser

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	# the small-town gazetteer, built once into the user's cache (extract/places/towns.py)
	$(BIN)/python -c "from eventwire.extract.places import Gazetteer; Gazetteer.load().towns('')"
	touch $@

demo: $(BIN)/.installed  ## install, code the seed article, print a summary, write out/seed.json + eventwire.duckdb
	mkdir -p out
	$(BIN)/eventwire code $(SEED) --format json -o out/seed.json --db eventwire.duckdb --summary
	@echo "wrote out/seed.json and eventwire.duckdb"

test: $(BIN)/.installed browser  ## install and run the test suite
	$(BIN)/python -m pytest

# The dashboard tests drive Debian's chromium through Playwright, which never downloads a browser
# of its own. Installed with apt when missing and we are root (CI is); otherwise they skip.
CHROMIUM ?= /usr/bin/chromium
browser:  ## Debian's chromium for the browser tests
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "$(CHROMIUM) is missing and we are not root: the browser tests will skip" >&2; fi; \
	fi

eval: $(BIN)/.installed  ## score every gold article and sentence set in ../shared
	$(BIN)/eventwire eval --json out/eval.json

bench: $(BIN)/.installed  ## speed ratios on the corpus
	$(BIN)/python benchmarks/bench_coding.py

clean:
	rm -rf out eventwire.duckdb build *.egg-info
