#!/usr/bin/env python3
"""Convert an integer ("fast" / "best_int") Tesseract LSTM model to a float one.

Why: only float LSTM models can be fine-tuned; `lstmtraining --continue_from`
refuses integer models ("... is an integer (fast) model, cannot continue
training").  The float English model (tessdata_best) cannot be downloaded from
the registries reachable here, but the best_int model can
(npm @tesseract.js-data/eng, 4.0.0_best_int).  This script dequantizes it into
a float model that `lstmtraining --continue_from` accepts.

What it does (format as written by Tesseract 4.x/5.3, little-endian):
  * walks the serialized LSTMRecognizer: the network tree (each layer starts
    with the Network header: int8 0, type-name string, int8 training state,
    int8 needs_backprop, int32 flags, ni, no, num_weights, name string), i.e.
    Series/Parallel/Reversed (uint32 count + children [+ per-layer learning
    rates if NF_LAYER_SPECIFIC_LR]), Input (StaticShape, 5 x int32),
    Convolve/Maxpool/Reconfig (2 x int32), FullyConnected (1 WeightMatrix),
    LSTM (int32 na, 4 or 5 gate WeightMatrix, optional softmax layer);
  * every int8 WeightMatrix (mode byte kInt8Flag|kDoubleFlag[|kAdamFlag];
    GENERIC_2D_ARRAY<int8> = uint32 dim1, uint32 dim2, int8 empty, data;
    then uint32 n + n doubles, the per-row scale as stored on disk, i.e.
    max_abs(row) / INT8_MAX) is replaced by the float form (mode byte without
    kInt8Flag, kAdamFlag and kDoubleFlag kept; GENERIC_2D_ARRAY<double> with
    w[r][c] = int8[r][c] * scale[r], the last column being the bias, which is
    quantized with the same row scale).  This is exactly the inverse of
    WeightMatrix::ConvertToInt(); re-quantizing gives back the same int8s.
    If a layer is stored in training state, zero momentum (and Adam) matrices
    are appended as WeightMatrix::Serialize(training=true) would write them;
  * clears TF_INT_MODE (bit 1) in training_flags; every other byte
    (layer headers, num_weights, embedded unicharset, network_str,
    iterations, null_char, adam_beta, learning_rate, momentum, recoder)
    is copied unchanged.

Usage:
  lstm_int_to_float.py IN.lstm OUT.lstm
  lstm_int_to_float.py IN.traineddata OUT.lstm          (extracts the lstm part)
  lstm_int_to_float.py IN.traineddata OUT.traineddata   (replaces the lstm part,
                                                         all other parts kept)
Then e.g.:
  lstmtraining --continue_from OUT.lstm --traineddata IN.traineddata ...

Checked with Tesseract 5.3.0 (Debian 12) on eng best_int: lstmtraining loads
and trains the result; `lstmtraining --stop_training --convert_to_int` on it
gives back the original lstm component byte for byte, except the 13 per-layer
training-state bytes (Tesseract writes 2 = TS_TEMP_DISABLE, which it reads as
"disabled", same as 0).  Debian's build uses FAST_FLOAT, so it reads the
doubles as float32.  A float model does not read exactly like the int one:
int inference rounds activations to int8 and scales and clips the input.

Only the Python standard library is used.
"""

import struct
import sys
from array import array

LITTLE = sys.byteorder == "little"

# --learning-rate-scale: lstmtraining --continue_from trains with the learning rates stored in the model (the global
# one and any per-layer ones), not with --learning_rate; fine-tuning wants them smaller.
LR_SCALE = [1.0]

# --average M...: the weights written are the mean of this model's and those of other integer models of the same
# network (checkpoints of one fine-tuning run: their mean is steadier than any one of them).
AVERAGE = {"others": [], "index": 0, "collect": None}

# Network type names, in NetworkType enum order (network.cpp kTypeNames).
TYPE_NAMES = [
    "Invalid", "Input", "Convolve", "Maxpool", "Parallel", "Replicated",
    "ParBidiLSTM", "DepParUDLSTM", "Par2dLSTM", "Series", "Reconfig",
    "RTLReversed", "TTBReversed", "XYTranspose", "LSTM", "SummLSTM",
    "Logistic", "LinLogistic", "LinTanh", "Tanh", "Relu", "Linear",
    "Softmax", "SoftmaxNoCTC", "LSTMSoftmax", "LSTMBinarySoftmax",
    "TensorFlow",
]
PLUMBING = {"Parallel", "Replicated", "ParBidiLSTM", "DepParUDLSTM",
            "Par2dLSTM", "Series", "RTLReversed", "TTBReversed", "XYTranspose"}
LSTM_TYPES = {"LSTM", "SummLSTM", "LSTMSoftmax", "LSTMBinarySoftmax"}
FC_TYPES = {"Logistic", "LinLogistic", "LinTanh", "Tanh", "Relu", "Linear",
            "Softmax", "SoftmaxNoCTC"}
TWO_INTS = {"Convolve", "Maxpool", "Reconfig"}  # half_x/half_y or x/y scale

TS_ENABLED = 1             # network.h TrainingState
NF_LAYER_SPECIFIC_LR = 64  # network.h NetworkFlags
K_INT8_FLAG = 1            # weightmatrix.cpp mode bits
K_ADAM_FLAG = 4
K_DOUBLE_FLAG = 128
TF_INT_MODE = 1            # lstmrecognizer.h TrainingFlags
TF_COMPRESS_UNICHARSET = 64
TESSDATA_LSTM = 17         # tessdatamanager.h TessdataType
MAX_TESSDATA_ENTRIES = 1000
INT8_MAX = 127


class FormatError(Exception):
    pass


class Reader:
    def __init__(self, data, what):
        self.d = data
        self.p = 0
        self.what = what

    def take(self, n):
        if n < 0 or self.p + n > len(self.d):
            raise FormatError("%s: unexpected end of data at offset %d "
                              "(need %d bytes)" % (self.what, self.p, n))
        b = self.d[self.p:self.p + n]
        self.p += n
        return b

    def unpack(self, fmt):
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def u8(self):
        return self.unpack("B")[0]

    def i32(self):
        return self.unpack("i")[0]

    def u32(self):
        return self.unpack("I")[0]

    def string(self):
        """TFile std::string: uint32 length + bytes."""
        n = self.u32()
        if n > 1 << 20:
            raise FormatError("%s: implausible string length %d at offset %d"
                              % (self.what, n, self.p - 4))
        return self.take(n)


def le_array(typecode, raw):
    a = array(typecode)
    a.frombytes(raw)
    if not LITTLE:
        a.byteswap()
    return a


def le_bytes(a):
    if not LITTLE:
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


class Stats:
    def __init__(self):
        self.int_matrices = 0
        self.float_matrices = 0
        self.weights = 0
        self.layers = 0
        self.max_abs = 0.0


def convert_weight_matrix(r, out, training, name, stats):
    """Reads one WeightMatrix from r, appends its float serialization to out."""
    start = r.p
    mode = r.u8()
    if not mode & K_DOUBLE_FLAG:
        raise FormatError("layer %r: WeightMatrix at offset %d has the old "
                          "pre-4.0 format (mode %d without kDoubleFlag); "
                          "not supported" % (name, start, mode))
    use_adam = bool(mode & K_ADAM_FLAG)
    if not mode & K_INT8_FLAG:
        # Already float: GENERIC_2D_ARRAY<double> wf_ [+ updates_ [+ adam]].
        nmat = 1 + ((1 + use_adam) if training else 0)
        for _ in range(nmat):
            d1, d2 = r.u32(), r.u32()
            r.take(8 + 8 * d1 * d2)
        out.append(r.d[start:r.p])
        stats.float_matrices += 1
        return
    dim1, dim2 = r.u32(), r.u32()
    if dim1 < 1 or dim2 < 1 or dim1 > 65535 or dim2 > 65535:
        raise FormatError("layer %r: bad int8 matrix size %dx%d at offset %d"
                          % (name, dim1, dim2, start))
    r.take(1)  # int8 empty_ element, irrelevant
    q = le_array("b", r.take(dim1 * dim2))
    nscales = r.u32()
    # With SIMD, scales_ may be padded to a rounded number of outputs.
    if nscales < dim1 or nscales > dim1 + 1024:
        raise FormatError("layer %r: %d scales for a %dx%d matrix"
                          % (name, nscales, dim1, dim2))
    scales = le_array("d", r.take(8 * nscales))
    w = array("d", bytes(8 * dim1 * dim2))
    for row in range(dim1):
        s = scales[row]
        base = row * dim2
        w[base:base + dim2] = array("d", [v * s for v in q[base:base + dim2]])
        m = abs(s) * max(abs(v) for v in q[base:base + dim2])
        if m > stats.max_abs:
            stats.max_abs = m
    if AVERAGE["collect"] is not None:
        AVERAGE["collect"].append(w)
    elif AVERAGE["others"]:
        i = AVERAGE["index"]
        AVERAGE["index"] += 1
        n = 1 + len(AVERAGE["others"])
        for other in AVERAGE["others"]:
            if i >= len(other) or len(other[i]) != len(w):
                raise FormatError("--average: the models differ in shape at matrix %d" % i)
        w = array("d", [sum(vals) / n for vals in zip(w, *(other[i] for other in AVERAGE["others"]))])
    newmode = mode & ~K_INT8_FLAG
    out.append(struct.pack("<BIId", newmode, dim1, dim2, 0.0))
    out.append(le_bytes(w))
    if training:
        # WeightMatrix::Serialize(training=true): updates_ [+ dw_sq_sum_].
        zeros = struct.pack("<IId", dim1, dim2, 0.0) + bytes(8 * dim1 * dim2)
        out.append(zeros)
        if use_adam:
            out.append(zeros)
    stats.int_matrices += 1
    stats.weights += dim1 * dim2


def ceil_log2(n):
    return (n - 1).bit_length() if n > 0 else 0


def convert_network(r, out, stats, depth=0):
    """Reads one Network (with its header) from r, appends converted bytes."""
    if depth > 64:
        raise FormatError("network nesting too deep (corrupt file?)")
    start = r.p
    t = r.unpack("b")[0]
    if t == 0:
        tname = r.string().decode("latin-1")
        if tname not in TYPE_NAMES:
            raise FormatError("unknown network layer type %r at offset %d"
                              % (tname, start))
    elif 0 < t < len(TYPE_NAMES):
        tname = TYPE_NAMES[t]
    else:
        raise FormatError("bad network layer type byte %d at offset %d"
                          % (t, start))
    training_state, _needs_backprop = r.unpack("bb")
    flags, ni, no, _num_weights = r.unpack("iiii")
    name = r.string().decode("utf-8", "replace")
    training = training_state == TS_ENABLED
    out.append(r.d[start:r.p])  # header copied unchanged
    stats.layers += 1

    if tname in PLUMBING:
        n = r.u32()
        out.append(struct.pack("<I", n))
        if n > 10000:
            raise FormatError("layer %r: implausible %d sub-layers" % (name, n))
        for _ in range(n):
            convert_network(r, out, stats, depth + 1)
        if flags & NF_LAYER_SPECIFIC_LR:
            cnt = r.u32()
            rates = struct.unpack("<%df" % cnt, r.take(4 * cnt))  # std::vector<float> learning_rates_
            out.append(struct.pack("<I%df" % cnt, cnt, *(x * LR_SCALE[0] for x in rates)))
    elif tname == "Input":
        out.append(r.take(20))  # StaticShape: batch, height, width, depth, loss
    elif tname in TWO_INTS:
        out.append(r.take(8))
    elif tname in FC_TYPES:
        convert_weight_matrix(r, out, training, name, stats)
    elif tname in LSTM_TYPES:
        na = r.i32()
        out.append(struct.pack("<i", na))
        if tname == "LSTMSoftmax":
            nf = no
        elif tname == "LSTMBinarySoftmax":
            nf = ceil_log2(no)
        else:
            nf = 0
        # Gates CI, GI, GF1, GO, [GFS only if 2-D]; ns = outputs of CI.
        ns = None
        gate = 0
        is_2d = False
        while gate < 5:
            if gate == 4 and not is_2d:
                break
            if gate == 0:
                # Peek the CI matrix size (same position in int/float form).
                ns = struct.unpack_from("<I", r.d, r.p + 1)[0]
                is_2d = (na - nf == ni + 2 * ns)
            convert_weight_matrix(r, out, training, "%s gate %d" % (name, gate),
                                  stats)
            gate += 1
        if tname in ("LSTMSoftmax", "LSTMBinarySoftmax"):
            convert_network(r, out, stats, depth + 1)
    elif tname == "TensorFlow":
        raise FormatError("TensorFlow layers are not supported")
    else:
        raise FormatError("unsupported layer type %r (%r) at offset %d"
                          % (tname, name, start))


def skip_unicharset(r):
    """Skips an embedded unicharset text (count line + count lines)."""
    def line():
        e = r.d.find(b"\n", r.p)
        if e < 0:
            raise FormatError("embedded unicharset: unterminated line")
        s = r.d[r.p:e]
        r.p = e + 1
        return s
    first = line().strip()
    if not first.isdigit():
        raise FormatError("expected embedded unicharset or network string "
                          "after the network, got %r" % first[:40])
    for _ in range(int(first)):
        line()


def convert_lstm(data, what="lstm"):
    """Returns (float_lstm_bytes, stats, info) for an int LSTM recognizer."""
    r = Reader(data, what)
    out = []
    stats = Stats()
    if len(data) < 16 or data[0] != 0:
        raise FormatError("%s does not start with a serialized network "
                          "(not a Tesseract LSTM model?)" % what)
    convert_network(r, out, stats)
    net_end = r.p
    # Charsets are embedded only if the model was written without a
    # traineddata holding lstm-unicharset and lstm-recoder.  Without them the
    # tail is exactly: string network_str + 7 x 4 bytes.
    charsets = True
    if len(data) - r.p >= 4:
        n = struct.unpack_from("<I", data, r.p)[0]
        if len(data) - r.p == 4 + n + 28:
            charsets = False
    if charsets:
        skip_unicharset(r)
    network_str = r.string().decode("utf-8", "replace")
    flags_pos = r.p
    training_flags, train_it, sample_it, null_char = r.unpack("iiii")
    adam_beta, lr, momentum = r.unpack("fff")
    if charsets and training_flags & TF_COMPRESS_UNICHARSET:
        # recoder (UnicharCompress): uint32 count + count x RecodedCharID
        # (int8 self_normalized, int32 length, length x int32 code)
        cnt = r.u32()
        for _ in range(cnt):
            r.take(1)
            length = r.i32()
            if length < 0 or length > 9:  # RecodedCharID::kMaxCodeLen
                raise FormatError("bad embedded recoder entry")
            r.take(4 * length)
    if r.p != len(data):
        raise FormatError("%s: %d unexpected trailing bytes after the model"
                          % (what, len(data) - r.p))
    if stats.int_matrices == 0:
        raise FormatError("%s contains no integer weight matrices: already a "
                          "float model?" % what)
    if stats.float_matrices:
        raise FormatError("%s mixes int and float weight matrices" % what)
    if not training_flags & TF_INT_MODE:
        print("warning: TF_INT_MODE was not set in training_flags",
              file=sys.stderr)
    tail = bytearray(data[net_end:])
    struct.pack_into("<i", tail, flags_pos - net_end,
                     training_flags & ~TF_INT_MODE)
    struct.pack_into("<f", tail, flags_pos - net_end + 20, lr * LR_SCALE[0])
    out.append(bytes(tail))
    info = dict(network_str=network_str, training_flags=training_flags,
                new_flags=training_flags & ~TF_INT_MODE, iteration=train_it,
                sample_iteration=sample_it, null_char=null_char,
                adam_beta=adam_beta, learning_rate=lr, momentum=momentum,
                charsets_embedded=charsets)
    return b"".join(out), stats, info


def read_traineddata(data, what):
    """Returns list of components (bytes or None) of a traineddata file."""
    if len(data) < 4:
        raise FormatError("%s: too short for a traineddata file" % what)
    n = struct.unpack_from("<I", data, 0)[0]
    if n < 1 or n > MAX_TESSDATA_ENTRIES:
        raise FormatError("%s: not a (little-endian) traineddata file" % what)
    if len(data) < 4 + 8 * n:
        raise FormatError("%s: truncated traineddata header" % what)
    offs = struct.unpack_from("<%dq" % n, data, 4)
    present = sorted((o, i) for i, o in enumerate(offs) if o >= 0)
    comps = [None] * n
    for k, (o, i) in enumerate(present):
        end = present[k + 1][0] if k + 1 < len(present) else len(data)
        if o < 4 + 8 * n or end > len(data) or end < o:
            raise FormatError("%s: bad offset table in traineddata" % what)
        comps[i] = data[o:end]
    return comps


def write_traineddata(comps):
    n = len(comps)
    offset = 4 + 8 * n
    table = []
    for c in comps:
        if c:
            table.append(offset)
            offset += len(c)
        else:
            table.append(-1)
    return (struct.pack("<I%dq" % n, n, *table)
            + b"".join(c for c in comps if c))


def looks_like_lstm(data):
    if len(data) < 12 or data[0] != 0:
        return False
    n = struct.unpack_from("<I", data, 1)[0]
    return 0 < n < 32 and data[5:5 + n].decode("latin-1") in TYPE_NAMES


def main(argv):
    if len(argv) >= 5 and argv[1] == "--learning-rate-scale":
        LR_SCALE[0] = float(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) >= 5 and argv[1] == "--average":
        others = argv[2:-2]
        argv = argv[:1] + argv[-2:]
        for path in others:
            with open(path, "rb") as f:
                data = f.read()
            lstm = data if looks_like_lstm(data) else read_traineddata(data, path)[TESSDATA_LSTM]
            AVERAGE["collect"] = []
            convert_lstm(lstm, path)
            AVERAGE["others"].append(AVERAGE["collect"])
            AVERAGE["collect"] = None
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
        print("usage: %s [--learning-rate-scale F] [--average OTHER...] IN.(lstm|traineddata) OUT.(lstm|traineddata)"
              % argv[0], file=sys.stderr)
        return 2
    src, dst = argv[1], argv[2]
    try:
        with open(src, "rb") as f:
            data = f.read()
    except OSError as e:
        print("error: cannot read %s: %s" % (src, e), file=sys.stderr)
        return 1
    try:
        comps = None
        if looks_like_lstm(data):
            lstm = data
        else:
            comps = read_traineddata(data, src)
            if len(comps) <= TESSDATA_LSTM or not comps[TESSDATA_LSTM]:
                raise FormatError("%s has no lstm component" % src)
            lstm = comps[TESSDATA_LSTM]
        new_lstm, stats, info = convert_lstm(lstm, src)
        # Sanity check: the result must parse as an all-float model.
        check = Stats()
        convert_network(Reader(new_lstm, "output"), [], check)
        if check.int_matrices or check.float_matrices != stats.int_matrices:
            raise FormatError("internal error: output does not re-parse")
        if dst.endswith(".traineddata"):
            if comps is None:
                raise FormatError("to write a .traineddata the input must be "
                                  "a .traineddata (or use combine_tessdata -o)")
            comps[TESSDATA_LSTM] = new_lstm
            out = write_traineddata(comps)
        else:
            out = new_lstm
    except FormatError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    try:
        with open(dst, "wb") as f:
            f.write(out)
    except OSError as e:
        print("error: cannot write %s: %s" % (dst, e), file=sys.stderr)
        return 1
    print("converted %d int8 weight matrices (%d weights, %d layers, max "
          "|w|=%.4g) of %s; training_flags %d->%d; learning rate %.3g -> %.3g; wrote %s (%d bytes)"
          % (stats.int_matrices, stats.weights, stats.layers, stats.max_abs,
             info["network_str"], info["training_flags"], info["new_flags"],
             info["learning_rate"], info["learning_rate"] * LR_SCALE[0], dst, len(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
