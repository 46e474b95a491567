#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs the test suite inside a private D-Bus session with an unlocked gnome-keyring,
# so keyring tests use the real Secret Service. The tests start Xvfb and the test
# identity provider themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
mkdir -p build
exec dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(printf "workplace-test" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  set +e
  .venv/bin/python -m pytest "$@"
  rc=$?
  [ $rc -eq 5 ] && { echo "no tests collected"; exit 1; }
  exit $rc
' bash "$@"
