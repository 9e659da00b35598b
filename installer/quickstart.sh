#!/usr/bin/env bash
# Installs what is missing, builds Taskloom, and runs the example flow headless on its embedded sample data,
# printing the result. The first of the README's two set-up commands.
set -euo pipefail
cd "$(dirname "$0")/.."
./installer/deps-debian.sh
cmake --preset default
cmake --build --preset default --target taskloom
exec build/bin/taskloom run examples/orders-report/orders-report.flow.json --no-store
