# SPDX-License-Identifier: EUPL-1.2
# The two commands of the README: `make run` and `make test`. Both install what they need.

VENV := .venv
PY := $(VENV)/bin/python

.PHONY: all setup run synapse test lint typecheck pytest translations bench bench-quick bundle deb windows policies clean

all: test

setup:
	@bash scripts/bootstrap.sh

run: setup
	@bash scripts/run-demo.sh

# The real Matrix homeserver (Synapse) in build/synapse-<version>: the tests install it
# themselves; installed, `make run` uses it for the demo chat instead of the stand-in.
synapse: setup
	$(PY) tests/stack/synapse.py --install

test: setup lint typecheck pytest bench-quick

lint: setup
	$(VENV)/bin/ruff check workplace tests benchmarks packaging

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	@bash scripts/test.sh $(PYTEST_ARGS)

translations: setup
	$(VENV)/bin/pyside6-lupdate -extensions py -recursive workplace -ts resources/translations/workplace_de.ts resources/translations/workplace_en.ts
	$(PY) -m workplace.i18n_build

bench: setup
	$(PY) -m benchmarks.run

# One run of every benchmark inside `make test`, so the benchmarks keep working.
bench-quick: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run --quick

bundle: setup
	$(PY) packaging/build.py bundle

deb: setup
	$(PY) packaging/build.py deb $(if $(TENANT),--tenant $(TENANT))

# The Windows bundle (PyInstaller under Wine) and the MSI (wixl), on Linux:
# dist/Arbeitsplatz-<version>.msi. TENANT=file embeds another organisation.
windows: setup
	$(PY) packaging/windows/winbuild.py msi $(if $(TENANT),--tenant $(TENANT))

policies: setup
	$(PY) -m workplace.config.policy_docs --write

clean:
	rm -rf build dist $(VENV) tests/stack/node_modules resources/translations/*.qm
