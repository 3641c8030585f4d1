# Espace numérique du Pays de Redon. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# `make serve` runs the production settings locally, over plain HTTP, for benchmarks.
SERVE_ENV := DJANGO_SETTINGS_MODULE=espace.settings.production SECRET_KEY=local-serve-only-$(shell hostname)-not-secret-0123456789abcdef \
	ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:$(PORT) SECURE_SSL_REDIRECT=false SECURE_COOKIES=false

.DEFAULT_GOAL := help
.PHONY: help install run test lint format check serve bench validate deploy-check lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 ou plus récent est nécessaire."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed ## Create the virtual environment and install the pinned requirements

# Every link in the outbox's mails points at this address, so each one opens.
run: export SITE_URL = http://127.0.0.1:$(PORT)
run: install ## Set up the SQLite demo site and serve it on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	@echo "Site : http://127.0.0.1:$(PORT)/   Administration : http://127.0.0.1:$(PORT)/admin/   Courriels : http://127.0.0.1:$(PORT)/dev/courriels/"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install ## Ruff (lint and format) and djhtml on the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates $(shell find . -path ./.venv -prune -o -path '*/templates/*' -name '*.html' -not -path './templates/*' -print)

format: install ## Format Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: install ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=espace.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=espace.settings.test $(MANAGE) makemigrations --check --dry-run

# Two processes, a test file each at a time (pytest-xdist): 15 → 10 minutes on the 2 cores of CI.
TEST_WORKERS ?= 2
test: lint check ## The whole suite: lint, checks, unit, HTTP and browser tests
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

serve: install ## Serve with gunicorn and production settings (DEBUG off) on port $(PORT)
	$(SERVE_ENV) $(MANAGE) migrate --no-input -v 0
	$(SERVE_ENV) $(MANAGE) collectstatic --no-input -v 0
	$(SERVE_ENV) PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py espace.wsgi

bench: install ## Measure queries, bytes and latency per page (see bench/README.md)
	$(BIN)/python bench/run.py

validate: install ## Heavy checks of what the site sends out: Nu HTML checker, iCalendar, Atom, LibreOffice fr/en (docs/sorties.md)
	$(BIN)/python validate/run.py

deploy-check: install ## Build the image with podman and check the whole stack for real (root; see deploy/check.py)
	$(BIN)/python deploy/check.py

lock: install ## Pin every transitive runtime dependency with hashes in requirements.lock (the image installs it)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements.lock requirements.txt

clean: ## Remove the virtual environment, the SQLite database and generated files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles var .pytest_cache .ruff_cache
