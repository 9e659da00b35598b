#!/usr/bin/env bash
# Installs Tesseract's best_int English model (more accurate than Debian's tessdata_fast at the same speed) into
# Taskloom's model folder, next to links to the system's other languages, so "eng+kor" resolves in one folder.
# The OCR pack uses this folder when it exists ($TASKLOOM_TESSDATA overrides it) and the system models otherwise.
# Idempotent: does nothing when the model is already there.
set -euo pipefail

dest="${TASKLOOM_TESSDATA:-${XDG_DATA_HOME:-$HOME/.local/share}/taskloom/tessdata}"
system_dir="$(dirname "$(ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata 2>/dev/null | head -n1)")"
mkdir -p "$dest"

for f in "$system_dir"/*.traineddata; do
  [ -e "$f" ] || continue
  name="$(basename "$f")"
  [ "$name" = eng.traineddata ] && continue
  [ -e "$dest/$name" ] || ln -s "$f" "$dest/$name"
done

if [ ! -s "$dest/eng.traineddata" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent @tesseract.js-data/eng@1.0.0 >/dev/null && tar xzf tesseract.js-data-eng-*.tgz)
  gunzip -c "$work/package/4.0.0_best_int/eng.traineddata.gz" > "$dest/eng.traineddata.part"
  mv "$dest/eng.traineddata.part" "$dest/eng.traineddata"
  echo "fetch-tessdata.sh: installed eng (best_int) into $dest" >&2
fi
