# Kabar KIM — `make html` builds the sample site offline into output/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUTPUT := output
PELICAN := $(BIN)/pelican content --fatal errors
HOST ?= 127.0.0.1
PORT ?= 8000
VNU_VERSION := 26.9.27

.PHONY: html serve test test-fast publish check clean fetch

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pip install --quiet -e '.[test]'
	# The Nu HTML checker for the tests (needs Java); the pip package ships an outdated one.
	command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix $(VENV)/npm vnu-jar@$(VNU_VERSION) \
	  || echo "npm missing: HTML validation tests will be skipped"
	touch $(STAMP)

html: $(STAMP)
	$(PELICAN) -s pelicanconf.py -o $(OUTPUT)

serve: $(STAMP)
	$(PELICAN) -s pelicanconf.py -o $(OUTPUT) --autoreload --listen --bind $(HOST) --port $(PORT)

check: $(STAMP)
	$(BIN)/kim check

# kabar (issue 3): the only networked step; SOURCES=… ARCHIVE=… STRICT=1 are optional.
fetch: $(STAMP)
	$(BIN)/kim fetch $(if $(SOURCES),--sources $(SOURCES)) $(if $(ARCHIVE),--archive $(ARCHIVE)) $(if $(STRICT),--strict)

# Browser tests run in their own session: Playwright's sync API keeps an event loop
# running in the main thread, which other tests' asyncio.run() must not share.
test: $(STAMP)
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser"
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -m browser

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

# Production build: absolute URLs from publishconf.py, swapped into place in one step.
publish: $(STAMP)
	rm -rf $(OUTPUT).new
	$(PELICAN) -s publishconf.py -o $(OUTPUT).new
	rm -rf $(OUTPUT).old
	if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(OUTPUT).old; fi
	mv $(OUTPUT).new $(OUTPUT)
	rm -rf $(OUTPUT).old

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old .cache .pytest_cache
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
