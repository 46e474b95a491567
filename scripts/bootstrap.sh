#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Installs everything `make run` and `make test` need on a fresh Debian/Ubuntu machine:
# the system packages (only when missing), the Python virtual environment and the
# npm packages of the local test identity provider. Safe to run again; it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt offscreen and under X
  libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  libxkbcommon-x11-0 fonts-dejavu-core
  # Secret Service keyring, headless (brings dbus-run-session); its real system
  # prompter (gcr-prompter) answered under Xvfb with xdotool, window hints read with
  # xprop (tests/support/keyringd.py, the sign-in attention test)
  gnome-keyring dbus gcr xdotool x11-utils openbox
  # Python venv and the test identity provider
  python3-venv nodejs npm
  # packaging checks: desktop-file-validate, appstreamcli, rpmspec; Qt's Wayland
  # libraries, which the .deb depends on
  desktop-file-utils appstream rpm libwayland-cursor0 libwayland-egl1
  # the desktop's link handling (xdg-open, xdg-mime), for the link registration tests
  xdg-utils
  # the GNOME desktop's proxy settings, read with gsettings (desktop proxy tests)
  libglib2.0-bin gsettings-desktop-schemas
  # PyICU (look-alike host names) builds against the system ICU
  libicu-dev pkg-config g++ python3-dev
  # a real freedesktop notification service for the end-to-end test of notifications
  # (new mail, the meeting reminder's Join button), shown on the test's Xvfb screen
  dunst
  # the accessibility checks read the real window over AT-SPI as Orca does
  # (tests/support/atspi*.py): the accessibility bus, pyatspi for the system python3,
  # a window manager for real keyboard focus, xdotool to press keys
  at-spi2-core python3-pyatspi openbox xdotool
  # ip, to add an address to the loopback link: the network-change test (netlink)
  iproute2
  # the Windows build and its tests under Wine (make windows, tests/windows)
  wine64 wixl msitools gcc-mingw-w64-x86-64-win32
)
# The real IMAP server of the mail integration tests, started by the tests on loopback.
# Installed on its own, below: its system service is neither started nor enabled.
DOVECOT_PACKAGES=(dovecot-imapd)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  case "$pkg" in
    python3-venv) python3 -c 'import venv, ensurepip' 2>/dev/null && continue ;;
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  installed "$pkg" || missing+=("$pkg")
done
missing_dovecot=()
for pkg in "${DOVECOT_PACKAGES[@]}"; do
  installed "$pkg" || missing_dovecot+=("$pkg")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  # Wait for the dpkg lock (a fresh machine may be running its own apt jobs).
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq --no-install-recommends "$@"
}
if [ $((${#missing[@]} + ${#missing_dovecot[@]})) -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing system packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

# Dovecot for the tests only: its package would start the system's own Dovecot on
# 143/993 and enable it at boot. Only a Dovecot this run brings is held back; where
# dovecot-core was there before, it is someone's mail server and the package does
# what it always does.
POLICY=/usr/sbin/policy-rc.d
policy_added=0
remove_policy() {
  if [ "$policy_added" = 1 ]; then
    $SUDO rm -f "$POLICY"
    policy_added=0
  fi
}
if [ ${#missing_dovecot[@]} -gt 0 ]; then
  ours=1
  installed dovecot-core && ours=0
  echo "bootstrap: installing ${missing_dovecot[*]}" \
    "$([ "$ours" = 1 ] && echo "(its system service stays off)")"
  if [ "$ours" = 1 ] && [ ! -e "$POLICY" ]; then
    # invoke-rc.d and deb-systemd-invoke ask policy-rc.d before they start a service
    # (101: not allowed). This one refuses Dovecot's only, and only while the install
    # runs; a policy-rc.d that is already there (a container's) is left alone.
    trap remove_policy EXIT
    tmp_policy=$(mktemp)
    printf '%s\n' '#!/bin/sh' '# scripts/bootstrap.sh, while it installs Dovecot' \
      'case "$1" in dovecot|dovecot.service|dovecot.socket) exit 101 ;; esac' 'exit 0' \
      >"$tmp_policy"
    chmod 755 "$tmp_policy"
    $SUDO mv "$tmp_policy" "$POLICY"
    policy_added=1
  fi
  apt_install "${missing_dovecot[@]}"
  remove_policy
  if [ "$ours" = 1 ]; then
    # The package enables its units whatever the policy says. With systemd running,
    # --now also stops anything that started all the same; without it (a container,
    # a chroot) systemctl only removes the links that would start it at boot.
    if command -v systemctl >/dev/null; then
      now=""
      [ -d /run/systemd/system ] && now="--now"
      $SUDO systemctl disable $now --quiet dovecot.service dovecot.socket || true
    elif command -v update-rc.d >/dev/null; then
      $SUDO update-rc.d dovecot disable >/dev/null || true
    fi
  fi
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "bootstrap: Python 3.11 or newer is needed, found $("$PY" --version 2>&1)." >&2
  echo "  Install python3.11 (or newer) and run again with PYTHON=python3.11." >&2
  exit 1
fi

# The test identity provider (oidc-provider 9 and jose 6) needs Node.js 20 or newer.
# Debian 12 and Ubuntu 24.04 ship Node 18: then Node 20 comes from the npm registry
# (the "node" package) into .tools/node, which the scripts put first on PATH.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] && [ ! -x .tools/node/node_modules/.bin/node ]; then
  echo "bootstrap: Node.js $node_major is too old for the test identity provider;" \
       "installing Node.js 20 into .tools/node"
  npm install --prefix .tools/node --no-audit --no-fund --loglevel=error node@20
fi

if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "bootstrap: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# Compiled translations (.qm) are build products of the committed .ts sources.
.venv/bin/python -m workplace.i18n_build
# Bytecode, as every real install has it (pip compiles site-packages; the .deb bundle
# ships .pyc). The editable checkout has none, and with PYTHONDONTWRITEBYTECODE set
# (as on CI) every start would compile all of workplace from source again.
.venv/bin/python -m compileall -q workplace benchmarks

# Radicale, the real CalDAV server of the calendar tests and the demo, in a virtual
# environment of its own (never the launcher's).
if [ ! -x build/radicale-venv/bin/radicale ]; then
  echo "bootstrap: installing Radicale into build/radicale-venv"
  mkdir -p build
  "$PY" -m venv build/radicale-venv
  build/radicale-venv/bin/python -m pip install -q 'radicale>=3.2,<4'
fi

# Synapse (the real Matrix homeserver of the chat tests and the demo chat) is not
# installed here: it belongs to the tests (scripts/test.sh installs it) and to
# `make synapse`; `make run` without it uses the demo's Matrix stand-in.

if [ -f tests/stack/package-lock.json ]; then
  lockstamp=tests/stack/node_modules/.installed-$(sha256sum tests/stack/package-lock.json | cut -c1-16)
  if [ ! -f "$lockstamp" ]; then
    echo "bootstrap: installing the test identity provider (npm ci)"
    (cd tests/stack && npm ci --no-audit --no-fund --loglevel=error)
    touch "$lockstamp"
  fi
fi
