#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs the test suite inside a private D-Bus session with an unlocked gnome-keyring,
# so keyring tests use the real Secret Service. The tests start Xvfb and the test
# identity provider themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
mkdir -p build
# Synapse, the real Matrix homeserver of the chat tests, in a virtual environment of its
# own under build/ (never the launcher's): installed here, once per pinned version, so a
# fresh clone's test run skips nothing (about 20 s the first time).
.venv/bin/python tests/stack/synapse.py --install --quiet
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # A keyring of its own: never the login keyring of the person running the tests
  # (another password would not unlock it, and none must be created there).
  export XDG_DATA_HOME="$PWD/build/test-keyring"
  rm -rf "$XDG_DATA_HOME" && mkdir -p "$XDG_DATA_HOME"
  eval "$(printf "workplace-test" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  # Wait until the Secret Service answers on the bus (at most 30 s), so the first
  # keyring test does not race the daemon start.
  for _ in $(seq 300); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
      | grep -q "boolean true" && break
    sleep 0.1
  done
  set +e
  .venv/bin/python -m pytest "$@"
  rc=$?
  [ $rc -eq 5 ] && { echo "no tests collected"; exit 1; }
  exit $rc
' bash "$@"
