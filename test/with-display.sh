#!/usr/bin/env bash
# Runs a command with a virtual X display (Xvfb), so the e2e tests drive Debian's Chromium in a
# real, headed window. Headless Chromium sometimes produces no animation frames at all, and
# Playwright's waiting hangs on that; a headed window on Xvfb always draws.
set -euo pipefail
if ! command -v xvfb-run >/dev/null; then
  echo "The e2e tests need 'xvfb-run' (Debian: apt-get install xvfb xauth)." >&2
  exit 1
fi
E2E_HEADED=1 exec xvfb-run --auto-servernum --server-args='-screen 0 1920x1080x24' "$@"
