# Biuletyn. Two commands set everything up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BOOT ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
PORT ?= 8000
WORKERS ?= 2
THREADS ?= 2
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=
SITE_PACKAGES = $(VENV)/lib/python3.11/site-packages
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1

.PHONY: help run serve worker test test-browser-deps lint fmt messages compile-messages bench extraction-figures install install-test lock clean

help:
	@echo "make run    - install, migrate, load demo content, start the worker and scheduler, serve http://127.0.0.1:$(PORT)"
	@echo "make test   - install test tools (Chromium, axe-core, vnu) and run the whole suite"
	@echo "make serve  - production settings behind granian (PORT, WORKERS, DATABASE_URL from the environment)"
	@echo "make lint   - ruff, djhtml, mypy, makemigrations --check"
	@echo "make fmt    - format Python and templates"
	@echo "make messages - update the pl/en catalogues"
	@echo "make bench  - speed figures (app server, page cache)"
	@echo "make extraction-figures - precision and recall of the event extractor (dev and held-back sets)"

# --- installation -------------------------------------------------------------------------
$(PY):
	$(PYTHON_BOOT) -m venv $(VENV)

$(UV): | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# Locked, hashed requirements (requirements/*.txt, made by `make lock` from pyproject.toml).
# The project itself is not built: a .pth file puts src/ on the environment's path.
$(VENV)/.installed-app: requirements/app.txt | $(UV)
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements/app.txt
	@echo "$(CURDIR)/src" > $(SITE_PACKAGES)/biuletyn-src.pth
	@touch $@

$(VENV)/.installed-test: requirements/test.txt | $(UV)
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements/test.txt
	@echo "$(CURDIR)/src" > $(SITE_PACKAGES)/biuletyn-src.pth
	@touch $@ $(VENV)/.installed-app

lock: | $(UV)
	$(UV) pip compile pyproject.toml --python-version 3.11 --generate-hashes --no-header --quiet -o requirements/app.txt
	$(UV) pip compile pyproject.toml --group test --group lint --group bench --python-version 3.11 --generate-hashes --no-header --quiet -o requirements/test.txt

install: $(VENV)/.installed-app compile-messages
install-test: $(VENV)/.installed-test compile-messages

# gettext's msgfmt compiles the catalogues; Debian's package when the machine lacks it.
compile-messages:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	@$(PY) manage.py compilemessages --ignore "$(VENV)" --ignore node_modules --verbosity 0

messages: $(VENV)/.installed-test
	@# Wagtail admin overrides keep Wagtail's own msgids, translated by Wagtail's catalogues.
	$(PY) manage.py makemessages --locale pl --locale en --ignore "$(VENV)/*" --ignore "node_modules/*" --ignore "tests/*" --ignore "src/biuletyn/core/templates/wagtailadmin/*" --no-obsolete --add-location file
	$(PY) tools/fill_source_catalogue.py locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore "$(VENV)" --ignore node_modules

# --- running ------------------------------------------------------------------------------
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --port $(PORT)
	$(PY) manage.py clear_page_cache
	$(PY) manage.py ensure_demo_editor --port $(PORT)
	@set -e; \
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py run_schedule & schedule=$$!; \
	trap 'kill $$worker $$schedule 2>/dev/null' EXIT INT TERM; \
	echo "Background worker started (pid $$worker), scheduler started (pid $$schedule)."; \
	echo "Sent mail is not delivered: each message is written to a file in $(CURDIR)/var/mail/."; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install
	$(PY) manage.py db_worker

var/secret-key:
	@mkdir -p var && umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: install var/secret-key
	@export DJANGO_SETTINGS_MODULE=biuletyn.settings.production; \
	export SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}"; \
	set -e; \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py collectstatic --noinput --verbosity 0; \
	$(PY) manage.py clear_page_cache; \
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py run_schedule & schedule=$$!; \
	trap 'kill $$worker $$schedule 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/granian --interface wsgi --host 127.0.0.1 --port $(PORT) \
	  --workers $(WORKERS) --blocking-threads $(THREADS) --no-ws \
	  --respawn-failed-workers --workers-kill-timeout 30 biuletyn.wsgi:application

# --- quality ------------------------------------------------------------------------------
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium (Playwright cannot download browsers here) and Java for the Nu HTML Checker.
test-browser-deps: node_modules/.installed
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v java >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; \
	fi
	@echo "Browser: $$($(CHROMIUM) --version 2>/dev/null)"; echo "Java: $$(java -version 2>&1 | head -n 1)"

# The whole suite. With DATABASE_URL on PostgreSQL the browser tests are left to the SQLite pass.
test: install-test test-browser-deps
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then marks='-m "not browser"'; db=postgresql; else marks=''; db=sqlite; fi; \
	echo "== pytest on $$db"; \
	eval $(PY) -m pytest -n auto --dist loadgroup $$marks $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check src tests tools
	$(VENV)/bin/ruff format --check src tests tools
	$(VENV)/bin/djhtml --check $$(git ls-files 'src/**/*.html')
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/mypy src tools

fmt: install-test
	$(VENV)/bin/ruff format src tests tools
	$(VENV)/bin/ruff check --fix src tests tools
	$(VENV)/bin/djhtml $$(git ls-files 'src/**/*.html')

bench: install-test
	$(PY) tools/bench.py $(BENCH_ARGS)

# Per field TP, FP, FN, precision and recall of the event extractor (tests/extraction/data/README.md).
extraction-figures: install-test
	$(PY) tools/extraction_figures.py tests/extraction/data/dev.jsonl tests/extraction/data/heldback.jsonl

clean:
	rm -rf $(VENV) node_modules var/cache
