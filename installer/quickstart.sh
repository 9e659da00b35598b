#!/usr/bin/env bash
# Installs what is missing, builds Taskloom, and runs the example flow headless on its embedded sample data,
# printing the result; with a display, it then opens that flow in the studio. The first of the README's two
# set-up commands.
set -euo pipefail
cd "$(dirname "$0")/.."
./installer/deps-debian.sh
cmake --preset default
flow=examples/orders-report/orders-report.flow.json
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  cmake --build --preset default --target taskloom taskloom-studio
  build/bin/taskloom run "$flow" --no-store
  exec build/bin/taskloom-studio "$flow"
fi
cmake --build --preset default --target taskloom
exec build/bin/taskloom run "$flow" --no-store
