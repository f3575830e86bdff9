# Two commands: `make run` (set up and start a session on the demo database) and `make test` (set up and check everything).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test unit setup chromium nginx axe clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/teamleergesprek serve

# Browser tests drive Debian's Chromium; playwright cannot download its own browser here.
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# tests/browser/test_proxy.py runs the nginx configuration of docs/deploy.md (its own config and port; the
# system's nginx service is not used).
nginx:
	@test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }

# tests/browser/test_accessibility.py injects axe-core (npm's own axe.min.js, the engine without a Python wrapper)
# into each page. Installed from the npm registry into .cache/axe, pinned to major version 4; needs node and npm.
AXE_JS := .cache/axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4

axe: $(AXE_JS)

# Store tests run on SQLite and on a real PostgreSQL. .ci/postgres installs Debian's postgresql when it is missing,
# starts the cluster, makes a throwaway role and database, and prints their URL. Set TEAMLEERGESPREK_TEST_PG
# yourself to test against another server.
test: $(STAMP) chromium nginx axe
	TEAMLEERGESPREK_TEST_PG="$${TEAMLEERGESPREK_TEST_PG:-$$(bash .ci/postgres)}" && export TEAMLEERGESPREK_TEST_PG && \
	TEAMLEERGESPREK_REQUIRE_PG=1 $(BIN)/python -m pytest tests --nbval-lax notebooks

# The fast checks while you work (no browser, no PostgreSQL needed): about a minute.
unit: $(STAMP)
	$(BIN)/python -m pytest tests -m "not browser" -q

clean:
	rm -rf $(VENV) .pytest_cache .cache/axe
