# SPDX-License-Identifier: EUPL-1.2
# The two commands of the README: `make run` and `make test`. Both install what they need.

VENV := .venv
PY := $(VENV)/bin/python

.PHONY: all setup run test lint typecheck pytest translations bench clean

all: test

setup:
	@bash scripts/bootstrap.sh

run: setup
	@bash scripts/run-demo.sh

test: setup lint typecheck pytest

lint: setup
	$(VENV)/bin/ruff check workplace tests benchmarks

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	@bash scripts/test.sh $(PYTEST_ARGS)

translations: setup
	$(VENV)/bin/pyside6-lupdate -extensions py -recursive workplace -ts resources/translations/workplace_de.ts resources/translations/workplace_en.ts
	$(PY) -m workplace.i18n_build

clean:
	rm -rf build dist $(VENV) tests/stack/node_modules resources/translations/*.qm
