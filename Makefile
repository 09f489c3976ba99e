# The portal's commands. `make start` and `make test` do all the set-up.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
VAR := $(CURDIR)/var
INSTANCE := $(VAR)/instance
ZOPE_CONF := $(INSTANCE)/etc/zope.conf
LISTEN ?= localhost:8080
SITE ?= traite
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: setup.py constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt pip setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

$(INSTANCE)/etc:
	mkdir -p $@ $(VAR)/filestorage $(VAR)/blobstorage $(VAR)/log $(VAR)/cache

$(ZOPE_CONF): etc/zope.conf.in | $(INSTANCE)/etc
	sed -e 's|@INSTANCE@|$(INSTANCE)|g' -e 's|@VAR@|$(VAR)|g' $< > $@

# The port is written on first run; delete this file to serve on another LISTEN.
$(INSTANCE)/etc/zope.ini: etc/zope.ini.in | $(INSTANCE)/etc
	sed -e 's|@VAR@|$(VAR)|g' -e 's|@LISTEN@|$(LISTEN)|g' $< > $@

$(INSTANCE)/etc/site.zcml: etc/site.zcml | $(INSTANCE)/etc
	cp $< $@

.PHONY: instance
instance: $(ZOPE_CONF) $(INSTANCE)/etc/zope.ini $(INSTANCE)/etc/site.zcml ## Write the Zope instance configuration under var/

.PHONY: site
site: install instance ## Create the admin user and the site with the corpus (once)
	$(BIN)/traite-setup -c $(ZOPE_CONF) -s $(SITE) --password-file $(VAR)/admin-password

.PHONY: demo
demo: install instance ## Add the demo users (random passwords in var/demo-users.txt); never in production
	$(BIN)/traite-setup -c $(ZOPE_CONF) -s $(SITE) --password-file $(VAR)/admin-password \
	  --demo --demo-users-file $(VAR)/demo-users.txt

.PHONY: start
start: site ## Install, create the site if needed and serve http://localhost:8080
	@echo "Portail : http://localhost:8080/$(SITE)  (Ctrl-C pour arrêter)"
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

.PHONY: import
import: install instance ## Re-import the corpus into the site (updates, no duplicates)
	$(BIN)/traite-import -c $(ZOPE_CONF) -s $(SITE)

.PHONY: import-dry-run
import-dry-run: install ## Parse the corpus and print the summary, write nothing
	$(BIN)/traite-import --dry-run

.PHONY: notify-overdue
notify-overdue: install instance ## Mail the ministries about overdue measures (once a month each; server stopped)
	$(BIN)/traite-notify-overdue -c $(ZOPE_CONF) -s $(SITE)

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests (as root; quick when present)
	bash scripts/chromium.sh

.PHONY: test
test: install chromium ## Run the whole test suite (the browser tests need Chromium)
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: bench
bench: install ## Run the benchmarks under bench/ (prints tables)
	$(BIN)/python -m bench

.PHONY: search-server
search-server: ## Download (once) and start a local OpenSearch on 127.0.0.1:9250
	python3 scripts/search_server.py start opensearch

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
