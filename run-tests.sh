#!/usr/bin/env bash
# Builds every module and runs every test, on a fresh machine as in CI.
# The GUI smoke test needs a display, so this runs Maven under a virtual X server (xvfb),
# installing it first if it is missing. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "run-tests.sh: installing xvfb (virtual display for the GUI smoke test)..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq xvfb xauth >/dev/null
fi

exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" mvn -B verify "$@"
