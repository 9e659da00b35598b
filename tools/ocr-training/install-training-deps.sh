#!/usr/bin/env bash
# What training the receipt model needs beyond installer/deps-debian.sh: Tesseract's training tools, Python's
# imaging libraries and the fonts the line renderer draws with. Idempotent.
set -euo pipefail
packages=(tesseract-ocr python3-pil python3-numpy
  fonts-dejavu fonts-liberation fonts-liberation2 fonts-noto-mono fonts-hack fonts-inconsolata fonts-firacode
  fonts-jetbrains-mono fonts-go fonts-anonymous-pro fonts-croscore fonts-ocr-b fonts-tlwg-mono fonts-tlwg-typo
  fonts-dotgothic16 fonts-b612 fonts-courier-prime fonts-urw-base35 fonts-freefont-ttf fonts-unifont fonts-open-sans)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
