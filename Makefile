# The two commands of the project: `make run` and `make test`.
# Everything else here is what they need: a virtualenv built from the pinned requirements.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format messages clean

help:
	@echo "make run    serve the platform with demo content on http://127.0.0.1:$(PORT)"
	@echo "make serve  the production stack (variables from the environment or .env), see README"
	@echo "make test   run lint, checks and the whole test suite"

$(VENV)/bin/python:
	@$(PYTHON) -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else \"Python 3.11 or newer is needed (found \" + sys.version.split()[0] + \")\")"
	$(PYTHON) -m venv $(VENV)

# The stamp files depend on the requirement files: edit a pin and the next command reinstalls.
$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

run: $(VENV)/.runtime-installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py seed_demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} PORT=$(PORT) $(PY) -m labplatform.serve

# Production on this machine: migrate, bootstrap_site, collectstatic, then supervisord keeping
# several daphne workers on PORT, the task worker and the schedule (labplatform/production.py).
serve: $(VENV)/.runtime-installed
	$(PY) -m labplatform.production

test: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the English catalogue of our (Spanish) strings and compile every catalogue. Needs GNU
# gettext; the compiled .mo files are committed. locale/es holds hand-kept overrides of library
# strings (usted instead of tú), which makemessages must not touch.
messages: $(VENV)/.dev-installed
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale en --no-obsolete \
		--ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'staticfiles/*'
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
