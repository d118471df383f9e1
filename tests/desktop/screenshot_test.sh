#!/usr/bin/env bash
# The desktop build of the client, started under Xvfb with no server reachable, must draw its sign-in
# screen. Usage: screenshot_test.sh TANDEM_DESKTOP_BINARY ARTIFACT_DIR
set -euo pipefail
binary=$1 artifacts=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
TANDEM_DATA_DIR="$work/data" TANDEM_SERVER="http://127.0.0.1:9" TANDEM_SCREENSHOT="$work/sign-in.bmp" \
  timeout 60 xvfb-run -a -s "-screen 0 1200x800x24" "$binary"
node "$(dirname "$0")/bmp-to-png.mjs" "$work/sign-in.bmp" "$artifacts/desktop-sign-in.png"
