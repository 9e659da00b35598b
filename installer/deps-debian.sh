#!/usr/bin/env bash
# The one list of Debian 12 packages Taskloom needs to build, run and test.
# Idempotent: installs only what is missing, and does nothing when everything is present.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # the libFuzzer build (preset fuzz): libstdc++ 12's <expected> needs clang 16
  clang-16 libclang-rt-16-dev
  # engine and CLI
  qt6-base-dev libqt6sql6-sqlite liblua5.4-dev libcurl4-openssl-dev libsodium-dev qtkeychain-qt6-dev libsecret-1-0
  # Lua host: regex engine with match limits
  libpcre2-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 dbus-daemon xvfb x11-utils xauth imagemagick
  # OCR pack (nodes/ocr); the better English model comes from installer/fetch-tessdata.sh
  libopencv-dev libtesseract-dev tesseract-ocr-eng tesseract-ocr-kor libpoppler-qt6-dev fonts-nanum
  # connectors (HTML parsing, PostgreSQL driver; the PostgreSQL server for its tests)
  libxml2-dev libqt6sql6-psql postgresql libxlsxwriter-dev libminizip-dev libpq-dev libsqlite3-dev
  # studio on an X display (the xcb platform plugin) with a readable default font
  qt6-qpa-plugins fonts-dejavu-core
  # recorder and desktop (RPA) nodes: XTest + RECORD, OpenCV anchors; xdotool and openbox for the X11 tests
  libx11-dev libxtst-dev libopencv-dev xdotool openbox
  # studio translations: lupdate / lrelease and the Qt6LinguistTools CMake package for qt_add_translations
  qt6-l10n-tools qt6-tools-dev
  # browser nodes (nodes/web): QtWebEngine; libqt6webenginecore6-bin carries QtWebEngineProcess
  qt6-webengine-dev libqt6webenginecore6-bin
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "deps-debian.sh: installing ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
