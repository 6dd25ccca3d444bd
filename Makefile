# Two commands for a fresh machine: `make run` starts the application,
# `make test` runs the whole test suite. Both create .venv and install first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

DIST_STAMP := $(VENV)/.dist-stamp
DIST := dist/iad-workshops

.PHONY: run test demo screenshots translations bench lint dist dist-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

run: $(STAMP)
	$(VENV)/bin/iad-workshops

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	$(VENV)/bin/lint-imports

demo: $(STAMP)
	$(VENV)/bin/iad-workshops demo

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_new_database_screenshots.py

# After changing a visible string: update the Chinese catalogues, list what is untranslated,
# compile .qm/.mo (docs/languages.md).
translations: $(STAMP)
	$(PY) -m resources.update_translations

bench: $(STAMP)
	$(PY) -m benchmarks

lint: $(STAMP)
	$(VENV)/bin/ruff check app models exports ui tests benchmarks
	$(PY) -m mypy

# The program in one folder with its own Python and Qt, for computers without Python
# (docs/install.md); built from packaging/iad-workshops.spec into dist/iad-workshops/.
dist: $(DIST_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/iad-workshops.spec
	@du -sh $(DIST)

# Builds the folder, then runs the built program (not the source): version, database,
# demo data, documents, the window. A separate step of .ci/run.
dist-check: dist
	env -u IAD_REQUIRE_POSTGRES QT_QPA_PLATFORM=offscreen IAD_DIST_DIR=$(DIST) $(PY) -m pytest -m dist tests/test_dist_bundle.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build dist
