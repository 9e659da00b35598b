#!/usr/bin/env bash
# Fine-tunes Tesseract's English best_int model on rendered till-receipt lines and writes the receipt model that
# Taskloom ships as nodes/ocr/models/eng_receipt.traineddata. About two hours on two cores.
#
# usage: tools/ocr-training/train.sh WORKDIR [LINES] [SAMPLES]
#
# The recipe: 80,000 rendered lines (four renderers, seeds 1-4), the base model's learning rate scaled by 0.25,
# 10,000 training samples (an eighth of an epoch; past that the error on real receipt lines stops falling while it
# keeps falling on the rendered ones), the last checkpoint converted back to an integer model.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:?usage: train.sh WORKDIR [LINES] [SAMPLES]}"
lines="${2:-80000}"
samples="${3:-10000}"
"$here/install-training-deps.sh"
mkdir -p "$work/model" "$work/lines" "$work/out"
export OMP_THREAD_LIMIT=1

# 1. The base model: best_int from the npm registry, turned into a float model that lstmtraining can continue.
if [ ! -s "$work/model/eng_float.traineddata" ]; then
  (cd "$work/model" && npm pack --silent @tesseract.js-data/eng@1.0.0 >/dev/null && tar xzf tesseract.js-data-eng-*.tgz)
  gunzip -c "$work/model/package/4.0.0_best_int/eng.traineddata.gz" > "$work/model/eng_best_int.traineddata"
  /usr/bin/python3 "$here/lstm_int_to_float.py" --learning-rate-scale 0.25 "$work/model/eng_best_int.traineddata" \
    "$work/model/eng_float.lstm"
  /usr/bin/python3 "$here/lstm_int_to_float.py" "$work/model/eng_best_int.traineddata" "$work/model/eng_float.traineddata"
fi

# 2. Training lines: four renderers, two at a time; then Tesseract's line features per page.
if [ ! -e "$work/lines/rendered" ]; then
  quarter=$(( lines / 4 ))
  for pair in "1 2" "3 4"; do
    for seed in $pair; do
      /usr/bin/python3 "$here/render_lines.py" "$work/lines" "$quarter" --seed "$seed" &
    done
    wait
  done
  touch "$work/lines/rendered"
fi
find "$work/lines" -name '*.tif' | sort | while read -r tif; do
  [ -s "${tif%.tif}.lstmf" ] || tesseract "$tif" "${tif%.tif}" --psm 13 lstm.train >/dev/null 2>&1
done
find "$work/lines" -name '*.lstmf' | sort > "$work/all.txt"
grep -v -e '-1-049\.' -e '-4-049\.' "$work/all.txt" | shuf --random-source=<(yes) > "$work/train.txt"
grep -e '-1-049\.' -e '-4-049\.' "$work/all.txt" > "$work/eval.txt"

# 3. Fine-tune.
lstmtraining --continue_from "$work/model/eng_float.lstm" --traineddata "$work/model/eng_float.traineddata" \
  --train_listfile "$work/train.txt" --eval_listfile "$work/eval.txt" --model_output "$work/out/receipt" \
  --max_iterations "$samples" --debug_interval 0

# 4. Back to an integer model, as fast as best_int.
lstmtraining --stop_training --convert_to_int --continue_from "$work/out/receipt_checkpoint" \
  --traineddata "$work/model/eng_float.traineddata" --model_output "$work/eng_receipt.traineddata"
echo "train.sh: wrote $work/eng_receipt.traineddata" >&2
