#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a throwaway
# HOME, so the keychain tests talk to a real Secret Service without touching the user's own
# keychain. Needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring).
set -euo pipefail

if [ "${BACKOFFICE_IN_KEYCHAIN_SESSION:-}" = 1 ]; then
  keyring_home=$(mktemp -d)
  export HOME="$keyring_home"
  trap 'rm -rf "$keyring_home"' EXIT
  printf 'backoffice-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"
  exit $?
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "The keychain tests need '$tool' (Debian: apt-get install dbus gnome-keyring)." >&2
    exit 1
  fi
done
BACKOFFICE_IN_KEYCHAIN_SESSION=1 exec dbus-run-session -- "$0" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
