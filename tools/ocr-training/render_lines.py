#!/usr/bin/python3
"""Renders receipt-like text lines as a till-receipt scan would show them, for fine-tuning Tesseract.

Each line is drawn in one of many monospaced and plain sans fonts (receipt printers print in fonts like these),
then degraded the way thermal and dot-matrix prints look after a low-resolution scan: faded and streaky ink,
dots, blur, small character heights, noise, JPEG artefacts (but no specks: a speck the truth
does not mention teaches the model to ignore the full stops and commas that look like one), a slight tilt, and the enlargement Taskloom's own
pipeline applies to small scans. Writes multi-page TIFFs (one line per page) with WordStr box files, ready for
`tesseract X.tif X --psm 13 lstm.train`.

usage: render_lines.py OUTDIR COUNT [--seed N] [--per-file 400]
"""

import argparse
import glob
import io
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import receipt_text

MONO = ["DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
        "NotoMono-Regular.ttf", "Hack-Regular.ttf", "Hack-Bold.ttf", "Inconsolata.otf", "FiraCode-Regular.ttf",
        "FiraCode-Medium.ttf", "JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf", "Go-Mono.ttf", "Go-Mono-Bold.ttf",
        "AnonymousPro-Regular.ttf", "Cousine-Regular.ttf", "Cousine-Bold.ttf", "OCRB.otf", "TlwgMono.ttf",
        "TlwgTypo.ttf", "DotGothic16-Regular.ttf", "B612Mono-Regular.otf", "Courier Prime.otf",
        "Courier Prime Sans.otf", "Courier Prime Code.otf", "NimbusMonoPS-Regular.otf", "NimbusMonoPS-Bold.otf",
        "FreeMono.ttf", "FreeMonoBold.ttf", "unifont.otf"]
SANS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansCondensed.ttf", "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf", "LiberationSansNarrow-Regular.ttf", "Arimo-Regular.ttf", "Arimo-Bold.ttf",
        "OpenSans-Regular.ttf", "OpenSans-Bold.ttf", "Go-Regular.ttf", "Go-Medium.ttf", "B612-Regular.otf",
        "NimbusSans-Regular.otf", "NimbusSans-Bold.otf", "NimbusSansNarrow-Regular.otf", "FreeSans.ttf",
        "FreeSansBold.ttf", "Tinos-Regular.ttf", "LiberationSerif-Regular.ttf"]


def find_fonts(names):
    found = []
    for name in names:
        paths = glob.glob("/usr/share/fonts/**/" + name, recursive=True)
        if paths:
            found.append(paths[0])
    return found


def render(text, font_path, cap_px):
    """Black on white at a high resolution, with optional extra letter spacing and bold strokes."""
    size = int(cap_px * 1.45)
    font = ImageFont.truetype(font_path, size)
    spacing = random.choice([0, 0, 0, random.uniform(0.02, 0.25)]) * size
    stroke = random.choice([0, 0, 0, 1]) if cap_px > 24 else 0
    ascent, descent = font.getmetrics()
    width = int(font.getlength(text) + spacing * len(text) + size)
    height = ascent + descent + size // 2
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    x, y = size // 3, size // 4
    if spacing == 0:
        draw.text((x, y), text, font=font, fill=0, stroke_width=stroke, stroke_fill=0)
    else:
        for ch in text:
            draw.text((x, y), ch, font=font, fill=0, stroke_width=stroke, stroke_fill=0)
            x += font.getlength(ch) + spacing
    a = np.asarray(img, dtype=np.float32) / 255.0
    cols = np.where(a.min(axis=0) < 0.5)[0]
    rows = np.where(a.min(axis=1) < 0.5)[0]
    if len(cols) == 0:
        return None
    pad_x, pad_y = int(size * random.uniform(0.15, 0.6)), int(size * random.uniform(0.12, 0.45))
    x0, x1 = max(0, cols[0] - pad_x), min(a.shape[1], cols[-1] + pad_x)
    y0, y1 = max(0, rows[0] - pad_y), min(a.shape[0], rows[-1] + pad_y)
    return a[y0:y1, x0:x1]


def smooth_noise(shape, scale):
    small = np.random.rand(max(2, shape[0] // scale + 2), max(2, shape[1] // scale + 2)).astype(np.float32)
    img = Image.fromarray((small * 255).astype(np.uint8)).resize((shape[1], shape[0]), Image.BILINEAR)
    return np.asarray(img, dtype=np.float32) / 255.0


def stroke_weight(ink, cap_px):
    """Thermal heads and ink bleed print strokes bolder or thinner than the font draws them."""
    f = random.random()
    if f < 0.25:
        size = 5 if cap_px >= 38 and random.random() < 0.3 else 3
        img = Image.fromarray((ink * 255).astype(np.uint8)).filter(ImageFilter.MinFilter(size))
        return np.asarray(img, dtype=np.float32) / 255.0
    if f < 0.37:
        img = Image.fromarray((ink * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(3))
        return np.asarray(img, dtype=np.float32) / 255.0
    return ink


def with_neighbours(ink, font_path, cap_px):
    """Layout analysis cuts a line out with slivers of the lines above and below it: stack a cut-off part of
    other lines around this one. Returns the stacked image and the same-sized image of this line alone."""
    parts, main_parts = [], []
    for where in ("above", "below"):
        if random.random() < 0.25:
            other = render(receipt_text.line(), font_path, cap_px)
            if other is None:
                continue
            keep = max(2, int(other.shape[0] * random.uniform(0.1, 0.35)))
            sliver = other[-keep:] if where == "above" else other[:keep]
            width = max(ink.shape[1], sliver.shape[1])
            sliver = np.pad(sliver, ((0, 0), (0, width - sliver.shape[1])), constant_values=1.0)[:, :ink.shape[1]]
            if sliver.shape[1] < ink.shape[1]:
                sliver = np.pad(sliver, ((0, 0), (0, ink.shape[1] - sliver.shape[1])), constant_values=1.0)
            parts.append((where, sliver))
    if not parts:
        return ink, ink
    top = [p for w, p in parts if w == "above"]
    bottom = [p for w, p in parts if w == "below"]
    stacked = np.vstack(top + [ink] + bottom)
    blank = [np.ones_like(p) for p in top], [np.ones_like(p) for p in bottom]
    main = np.vstack(blank[0] + [ink] + blank[1])
    return stacked, main


def degrade(ink, cap_px, main=None):
    """`ink` is 0 (ink) .. 1 (paper) at high resolution. Returns an 8-bit scan-like image and the box of its
    text (left, top, right, bottom), which is what Tesseract's layout analysis would cut out of a page. `main`,
    when given, is `ink` without the slivers of neighbouring lines: the box is that line's."""
    darkness = 1.0 - ink
    clean = Image.fromarray(((ink if main is None else main) * 255).astype(np.uint8))
    h, w = darkness.shape
    if random.random() < 0.15:
        # Dot-matrix and worn thermal heads: the strokes break into dots on a grid.
        pitch = max(2, int(cap_px / random.uniform(7, 12)))
        yy, xx = np.mgrid[0:h, 0:w]
        dots = ((np.sin(xx * math.pi / pitch) ** 2) * (np.sin(yy * math.pi / pitch) ** 2)) ** 0.25
        darkness = darkness * (0.35 + 0.65 * dots)
    if random.random() < 0.4:
        # Faded and streaky thermal ink: gain varying along the line and in vertical streaks.
        gain = 0.6 + 0.4 * smooth_noise((h, w), max(4, int(cap_px * random.uniform(0.5, 3))))
        streak = 0.75 + 0.25 * np.random.rand(1, w).astype(np.float32).repeat(h, axis=0)
        darkness = darkness * gain * (streak if random.random() < 0.4 else 1.0)
    ink_level = random.uniform(0.5, 1.0) if random.random() < 0.3 else random.uniform(0.8, 1.0)
    darkness = np.clip(darkness * ink_level, 0, 1)
    # Down to the scan's resolution: capitals 6-22 px high, most of them 8-14.
    target = math.exp(random.uniform(math.log(6.5), math.log(22))) if random.random() < 0.5 else random.uniform(8, 14)
    f = target / cap_px
    img = Image.fromarray(((1 - darkness) * 255).astype(np.uint8))
    angle = random.gauss(0, 0.35)
    if abs(angle) > 0.05:
        img = img.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)
        clean = clean.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)
    # Condensed print, and the double-width print receipts use for the shop's name and the total.
    f_width = random.random()
    squeeze = random.uniform(0.7, 0.92) if f_width < 0.25 else random.uniform(1.25, 1.9) if f_width < 0.4 else \
        random.uniform(0.92, 1.08)
    size = (max(8, int(img.width * f * squeeze)), max(8, int(img.height * f)))
    img = img.resize(size, Image.LANCZOS if random.random() < 0.5 else Image.BILINEAR)
    mask = np.asarray(clean.resize(size, Image.BILINEAR)) < 170
    cols, rows = np.where(mask.any(axis=0))[0], np.where(mask.any(axis=1))[0]
    if len(cols) == 0 or len(rows) == 0:
        return None, None
    box = [cols[0], rows[0], cols[-1] + 1, rows[-1] + 1]
    a = np.asarray(img, dtype=np.float32)
    sigma = random.choice([0, 0, random.uniform(0.3, 0.6), random.uniform(0.5, 0.9)])
    if sigma > 0:
        a = np.asarray(Image.fromarray(a.astype(np.uint8)).filter(ImageFilter.GaussianBlur(sigma)), dtype=np.float32)
    paper = random.uniform(228, 255) if random.random() < 0.7 else random.uniform(190, 235)
    ink_gray = random.uniform(0, 60) if random.random() < 0.8 else random.uniform(60, 120)
    a = ink_gray + (a / 255.0) * (paper - ink_gray)
    if random.random() < 0.3:
        a = a * (0.85 + 0.15 * smooth_noise(a.shape, max(3, a.shape[0])))  # uneven paper
    a = a + np.random.randn(*a.shape).astype(np.float32) * random.choice([0, 0, 2, 4, 7, 11])
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if random.random() < 0.8:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=random.randint(25, 95))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    # Taskloom enlarges small receipts (up to 2x, bicubic) before OCR.
    if random.random() < 0.6 and img.height < 40:
        up = random.uniform(1.3, 2.0)
        img = img.resize((int(img.width * up), int(img.height * up)), Image.BICUBIC)
        box = [int(v * up) for v in box]
    return img, box


def main():
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    p.add_argument("count", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-file", type=int, default=400)
    args = p.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    mono, sans = find_fonts(MONO), find_fonts(SANS)
    if len(mono) < 5:
        raise SystemExit("render_lines.py: too few fonts found; run install-training-deps.sh")
    os.makedirs(args.outdir, exist_ok=True)
    made = 0
    part = 0
    while made < args.count:
        pages, boxes = [], []
        while len(pages) < args.per_file and made < args.count:
            text = receipt_text.line()
            font = random.choice(mono) if random.random() < 0.7 else random.choice(sans)
            cap = random.uniform(28, 44)
            ink = render(text, font, cap)
            if ink is None:
                continue
            ink, main = with_neighbours(stroke_weight(ink, cap), font, cap)
            img, text_box = degrade(ink, cap, main)
            if img is None:
                continue
            left, top, right, bottom = text_box
            n = len(pages)
            # Box files count rows from the bottom.
            boxes.append("WordStr %d %d %d %d %d #%s" % (left, img.height - bottom, right, img.height - top, n, text))
            boxes.append("\t %d %d %d %d %d" % (right, img.height - bottom, right + 1, img.height - top, n))
            pages.append(img)
            made += 1
        base = os.path.join(args.outdir, "lines-%d-%03d" % (args.seed, part))
        pages[0].save(base + ".tif", save_all=True, append_images=pages[1:], compression="tiff_lzw")
        with open(base + ".box", "w", encoding="utf-8") as f:
            f.write("\n".join(boxes) + "\n")
        with open(base + ".gt.txt", "w", encoding="utf-8") as f:
            f.write("\n".join(b.split("#", 1)[1] for b in boxes if b.startswith("WordStr")) + "\n")
        part += 1
    print("render_lines.py: %d lines in %d files under %s (%d mono, %d sans fonts)" % (made, part, args.outdir, len(mono), len(sans)))


if __name__ == "__main__":
    main()
