#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# `make run`: starts the local demo organisation Musterstadt (test identity provider
# with the demo user demo/demo and live demo services), then the launcher configured
# for it. Everything started here stops when the launcher exits.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python tests/stack/demo.py "$@"
