# Cooperativa: the commands. `make help` lists them.
# Needs only Python 3.11; everything else is installed into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Processes for the default suite (pytest-xdist): one per CPU; `make test TEST_WORKERS=0` runs in one.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install messages run test test-services test-browser test-all lint format worker beat bench lock makemessages clean

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Create .venv and install the pinned dependencies

messages: $(STAMP) ## Compile the translation catalogues (.po -> .mo)
	$(MANAGE) compile_catalogues

run: $(STAMP) messages ## Set up and serve the demo site on http://127.0.0.1:8000 (SQLite, eager Celery)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(STAMP) messages ## Run the default test suite, in parallel (needs nothing but Python)
	$(BIN)/pytest tests --ignore=tests/services --ignore=tests/browser -q -n $(TEST_WORKERS)

test-services: $(STAMP) messages ## Run the services layer (PostgreSQL, Redis, Celery worker, SMTP; see README)
	$(BIN)/pytest tests/services -q

# The Nu HTML Checker (vnu-jar, run with Java 17) for the browser layer;
# installed again only when the lock file changes.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test-browser: $(STAMP) messages node_modules/.package-lock.json ## Run the browser layer (Chromium at /usr/bin/chromium; Java 17 and npm for the HTML checker)
	$(BIN)/pytest tests/browser -q

lint: $(STAMP) ## Check code style (ruff) and that imports run one way (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=. $(BIN)/lint-imports

format: $(STAMP) ## Fix code style where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: $(STAMP) ## Start a Celery worker (needs CELERY_BROKER_URL)
	@test -n "$$CELERY_BROKER_URL" || { echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/1): without a broker, tasks already run inline."; exit 1; }
	$(BIN)/celery -A cooperativa worker --loglevel=INFO

beat: $(STAMP) ## Start Celery beat, the scheduler: run exactly one
	@test -n "$$CELERY_BROKER_URL" || { echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/1) to run beat."; exit 1; }
	@mkdir -p var
	$(BIN)/celery -A cooperativa beat --loglevel=INFO --schedule=var/celerybeat-schedule

bench: $(STAMP) messages ## Load 10,000 opportunities and measure pages under gunicorn (BENCH_ARGS=--fresh rebuilds)
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

makemessages: $(STAMP) ## Extract translatable strings into locale/it/LC_MESSAGES/django.po
	$(MANAGE) makemessages --locale it --no-obsolete --ignore=.venv --ignore=var --ignore=node_modules

lock: $(STAMP) ## Recompile the pinned requirements from requirements*.in
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var
