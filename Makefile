# The portal's commands. `make start` and `make test` do all the set-up.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
VAR := $(CURDIR)/var
INSTANCE := $(VAR)/instance
ZOPE_CONF := $(INSTANCE)/etc/zope.conf
# What the commands write under VAR (made private by `make instance`).
VAR_CONTENT := instance filestorage blobstorage log cache admin-password demo-users.txt
# Where `make start` serves: LISTEN when given, else the address the instance
# served on last time (read back from its zope.ini), else localhost:8080.
ifeq ($(origin LISTEN),undefined)
LISTEN := $(or $(shell sed -n 's/^listen = //p' $(INSTANCE)/etc/zope.ini 2>/dev/null),localhost:8080)
endif
# Bodies of this many bytes or more get a 413 from waitress (docs/security.md);
# like LISTEN, kept from the instance's zope.ini when not given.
ifeq ($(origin MAX_REQUEST_BODY_SIZE),undefined)
MAX_REQUEST_BODY_SIZE := $(or $(shell sed -n 's/^max_request_body_size = //p' $(INSTANCE)/etc/zope.ini 2>/dev/null),10485760)
endif
SITE ?= traite
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core by default; 0 runs in this process.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show the commands
	@grep -E '^[a-z][a-z0-9.-]*:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: setup.py constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt pip setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

# The instance's files are the owner's only (the database, blobs, logs and
# passwords are not for other local users): every command that writes under
# var/ runs with this umask. ZODB copies the blob folder's read bits to each
# blob, so blobs follow the folder.
OWNER_ONLY := umask 077 &&

$(INSTANCE)/etc:
	$(OWNER_ONLY) mkdir -p $@ $(VAR)/filestorage $(VAR)/blobstorage $(VAR)/log $(VAR)/cache

$(ZOPE_CONF): etc/zope.conf.in | $(INSTANCE)/etc
	$(OWNER_ONLY) sed -e 's|@INSTANCE@|$(INSTANCE)|g' -e 's|@VAR@|$(VAR)|g' $< > $@

# The values written into zope.ini, recorded so that zope.ini is rewritten
# whenever one changes: `LISTEN=… make start` serves on LISTEN, on every run.
ZOPE_INI_VALUES := LISTEN=$(LISTEN) MAX_REQUEST_BODY_SIZE=$(MAX_REQUEST_BODY_SIZE)
$(INSTANCE)/etc/zope.ini.values: FORCE | $(INSTANCE)/etc
	@echo '$(ZOPE_INI_VALUES)' | cmp -s - $@ || { $(OWNER_ONLY) echo '$(ZOPE_INI_VALUES)' > $@; }

$(INSTANCE)/etc/zope.ini: etc/zope.ini.in $(INSTANCE)/etc/zope.ini.values | $(INSTANCE)/etc
	$(OWNER_ONLY) sed -e 's|@VAR@|$(VAR)|g' -e 's|@LISTEN@|$(LISTEN)|g' \
	  -e 's|@MAX_REQUEST_BODY_SIZE@|$(MAX_REQUEST_BODY_SIZE)|g' $< > $@

$(INSTANCE)/etc/site.zcml: etc/site.zcml | $(INSTANCE)/etc
	$(OWNER_ONLY) cp $< $@

.PHONY: FORCE
FORCE:

# An instance made before the files were private is made private here.
.PHONY: instance
instance: $(ZOPE_CONF) $(INSTANCE)/etc/zope.ini $(INSTANCE)/etc/site.zcml ## Write the Zope instance configuration under var/
	@chmod go= $(VAR) && chmod -R go= $(wildcard $(addprefix $(VAR)/,$(VAR_CONTENT)))

.PHONY: site
site: install instance ## Create the admin user and the site with the corpus (once)
	$(OWNER_ONLY) $(BIN)/traite-setup -c $(ZOPE_CONF) -s $(SITE) --password-file $(VAR)/admin-password

.PHONY: demo
demo: install instance ## Add the demo users (random passwords in var/demo-users.txt); never in production
	$(OWNER_ONLY) $(BIN)/traite-setup -c $(ZOPE_CONF) -s $(SITE) --password-file $(VAR)/admin-password \
	  --demo --demo-users-file $(VAR)/demo-users.txt

.PHONY: start
start: site ## Install, create the site if needed and serve http://localhost:8080 (or LISTEN)
	@echo "Portail : http://$(LISTEN)/$(SITE)  (Ctrl-C pour arrêter)"
	$(OWNER_ONLY) $(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

.PHONY: import
import: install instance ## Re-import the corpus into the site (updates, no duplicates)
	$(OWNER_ONLY) $(BIN)/traite-import -c $(ZOPE_CONF) -s $(SITE)

.PHONY: import-dry-run
import-dry-run: install ## Parse the corpus and print the summary, write nothing
	$(BIN)/traite-import --dry-run

.PHONY: notify-overdue
notify-overdue: install instance ## Mail the ministries about overdue measures (once a month each; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-notify-overdue -c $(ZOPE_CONF) -s $(SITE)

# Where `make export` writes and `make import-site` reads (docs/migration.md).
EXPORT_GIVEN := $(filter-out undefined,$(origin EXPORT))
EXPORT ?= $(VAR)/exports/$(SITE)-$(shell date -u +%Y%m%d-%H%M%S)

.PHONY: export
export: install instance ## Export the whole site to EXPORT (default var/exports/SITE-date; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-export -c $(ZOPE_CONF) -s $(SITE) $(EXPORT)

.PHONY: import-site
import-site: install instance ## Create the site SITE from the export EXPORT=… (empty instance; one transaction)
	@[ -n "$(EXPORT_GIVEN)" ] || { echo "Erreur : indiquez le dossier de l'export : make import-site EXPORT=var/exports/…" >&2; exit 2; }
	$(OWNER_ONLY) $(BIN)/traite-import-site -c $(ZOPE_CONF) -s $(SITE) $(EXPORT)

# Akoma Ntoso 3.0: AKN is the item's path in the site, AKN_FILES the files to import.
AKN ?= plan-action-2010
AKN_OUT ?= $(notdir $(AKN)).akn.xml
AKN_FILES ?=
AKN_DIR ?= $(VAR)/akn

.PHONY: akn-export
akn-export: install instance ## Export an item as Akoma Ntoso 3.0 XML (AKN=plan-action-2010 AKN_OUT=…; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-akn-export -c $(ZOPE_CONF) -s $(SITE) $(AKN) -o $(AKN_OUT)

.PHONY: akn-export-all
akn-export-all: install instance ## Bulk Akoma Ntoso 3.0 export: each plan and each library into AKN_DIR (default var/akn; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-akn-export -c $(ZOPE_CONF) -s $(SITE) --all $(AKN_DIR)

.PHONY: akn-import
akn-import: install instance ## Import Akoma Ntoso 3.0 files, one transaction (AKN_FILES="a.xml b.xml"; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-akn-import -c $(ZOPE_CONF) -s $(SITE) $(AKN_FILES)

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests (as root; quick when present)
	bash scripts/chromium.sh

.PHONY: test
test: install chromium ## Run the whole test suite (the browser tests need Chromium)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

.PHONY: bench
bench: install ## Run the benchmarks under bench/ (prints tables)
	$(BIN)/python -m bench

.PHONY: bench-sync
bench-sync: install ## Time traite-sync at 1k, 10k, 100k texts; table into docs/benchmarks.md (BENCH_SYNC_SIZES)
	$(BIN)/python -m bench.sync_client

.PHONY: bench-search
bench-search: install ## Search latency (Plone, catalog, OpenSearch) and indexing at 1k, 10k, 100k texts; table into docs/benchmarks.md (BENCH_SEARCH_SIZES)
	$(BIN)/python -m bench.search

.PHONY: search-server
search-server: ## Download (once) and start a local OpenSearch on 127.0.0.1:9250
	python3 scripts/search_server.py start opensearch

.PHONY: search-reindex
search-reindex: install instance ## Rebuild the search server's index (new index, alias swapped; server stopped)
	$(OWNER_ONLY) $(BIN)/traite-search-reindex -c $(ZOPE_CONF) -s $(SITE)

.PHONY: search-servers-stop
search-servers-stop: ## Stop the local OpenSearch and Elasticsearch servers
	python3 scripts/search_server.py stop all

.PHONY: i18n
i18n: install ## Rebuild the French catalogue (locales/fr) from the code's message ids
	$(BIN)/python -m traite_portal.locales.catalogue

.PHONY: lint
lint: install ## ruff check and format check
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

.PHONY: clean
clean: ## Remove the virtualenv and build files (keeps var/ data)
	rm -rf $(VENV) build dist src/*.egg-info

versions.cfg: constraints.txt ## Generate buildout's [versions] from constraints.txt
	{ echo "# Generated from constraints.txt by 'make versions.cfg': do not edit."; \
	  echo "[versions]"; \
	  grep -E '^[A-Za-z0-9_.-]+==' constraints.txt | sed 's/==/ = /'; } > $@
