#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Starts the launcher for the local demo organisation Musterstadt.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/workplace "$@"
