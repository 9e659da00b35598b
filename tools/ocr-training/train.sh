#!/usr/bin/env bash
# Fine-tunes Tesseract's English best_int model on rendered till-receipt lines and writes the receipt model
# (nodes/ocr/models/receipt.lstm). Reproduces the committed model; takes a few hours on 2 cores.
#
# usage: tools/ocr-training/train.sh WORKDIR [LINES] [ITERATIONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:?usage: train.sh WORKDIR [LINES] [ITERATIONS]}"
lines="${2:-40000}"
iterations="${3:-12000}"
"$here/install-training-deps.sh"
mkdir -p "$work/model" "$work/lines" "$work/out"
export OMP_THREAD_LIMIT=1

# 1. The base model: best_int from the npm registry, turned into a float model that lstmtraining can continue.
if [ ! -s "$work/model/eng_float.traineddata" ]; then
  (cd "$work/model" && npm pack --silent @tesseract.js-data/eng@1.0.0 >/dev/null && tar xzf tesseract.js-data-eng-*.tgz)
  gunzip -c "$work/model/package/4.0.0_best_int/eng.traineddata.gz" > "$work/model/eng_best_int.traineddata"
  /usr/bin/python3 "$here/lstm_int_to_float.py" "$work/model/eng_best_int.traineddata" "$work/model/eng_float.lstm"
  /usr/bin/python3 "$here/lstm_int_to_float.py" "$work/model/eng_best_int.traineddata" "$work/model/eng_float.traineddata"
fi

# 2. Training lines: two renderers in parallel, different seeds; then Tesseract's line features per page.
if [ ! -e "$work/lines/rendered" ]; then
  half=$(( lines / 2 ))
  /usr/bin/python3 "$here/render_lines.py" "$work/lines" "$half" --seed 1 &
  /usr/bin/python3 "$here/render_lines.py" "$work/lines" "$half" --seed 2 &
  wait
  touch "$work/lines/rendered"
fi
for tif in "$work"/lines/*.tif; do
  base="${tif%.tif}"
  [ -s "$base.lstmf" ] || tesseract "$tif" "$base" --psm 13 lstm.train >/dev/null 2>&1
done
ls "$work"/lines/*.lstmf | sort > "$work/all.txt"
head -n -2 "$work/all.txt" > "$work/train.txt"
tail -n 2 "$work/all.txt" > "$work/eval.txt"

# 3. Fine-tune; the checkpoint with the lowest error on the training lines is kept.
lstmtraining --continue_from "$work/model/eng_float.lstm" --traineddata "$work/model/eng_float.traineddata" \
  --train_listfile "$work/train.txt" --eval_listfile "$work/eval.txt" --model_output "$work/out/receipt" \
  --max_iterations "$iterations" --debug_interval 0

# 4. Back to an integer model (as fast as best_int), and its LSTM component alone for the repository.
lstmtraining --stop_training --convert_to_int --continue_from "$work/out/receipt_checkpoint" \
  --traineddata "$work/model/eng_float.traineddata" --model_output "$work/receipt.traineddata"
combine_tessdata -e "$work/receipt.traineddata" "$work/receipt.lstm"
echo "train.sh: wrote $work/receipt.traineddata and $work/receipt.lstm" >&2
