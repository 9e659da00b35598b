#!/usr/bin/env python3
"""Keeps taskloom_nodes_<lang>.ts in step with the node specs.

Node specs are declared once, in English, in C++ (and Lua) and are not seen by lupdate. This script reads what
`taskloom nodes --json` prints, collects every text the studio shows from a spec (categories, titles,
descriptions, port, parameter, field and option titles and descriptions), and rewrites the .ts file (context
"NodeSpec"): translations already there are kept, new texts are added as unfinished, texts no spec uses any more
are dropped. `--add FILE.tsv` (English<TAB>translation per line) fills in translations.

    build/bin/taskloom nodes --json > nodes.json
    app/studio/translations/update-node-translations.py nodes.json app/studio/translations/taskloom_nodes_ko.ts
"""
import argparse
import json
import sys
import xml.etree.ElementTree as ET


def spec_texts(nodes):
    seen = {}

    def add(text):
        if isinstance(text, str) and text.strip() and text not in seen:
            seen[text] = None

    for n in nodes:
        add(n.get("category"))
    for n in nodes:
        add(n.get("title"))
    for n in nodes:
        for port in n.get("inputs", []) + n.get("outputs", []):
            if isinstance(port, dict):
                add(port.get("title"))

    def params(list_):
        for p in list_ or []:
            add(p.get("title"))
            for o in p.get("options") or []:
                if isinstance(o, dict):
                    add(o.get("title"))
            params(p.get("fields"))

    def descriptions(list_):
        for p in list_ or []:
            add(p.get("description"))
            for o in p.get("options") or []:
                if isinstance(o, dict):
                    add(o.get("description"))
            descriptions(p.get("fields"))

    for n in nodes:
        params(n.get("params"))
    for n in nodes:
        add(n.get("description"))
    for n in nodes:
        descriptions(n.get("params"))
    return list(seen)


def read_ts(path):
    try:
        root = ET.parse(path).getroot()
    except (FileNotFoundError, ET.ParseError):
        return None, {}
    out = {}
    for message in root.iter("message"):
        source = message.findtext("source")
        t = message.find("translation")
        if source and t is not None and t.text and t.get("type") not in ("unfinished", "obsolete", "vanished"):
            out[source] = t.text
    return root.get("language"), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nodes_json", help="output of `taskloom nodes --json` (- for standard input)")
    ap.add_argument("ts", help="the .ts file to update, e.g. taskloom_nodes_ko.ts")
    ap.add_argument("--language", default=None, help="language of a new file, e.g. ko_KR")
    ap.add_argument("--add", help="TSV of English<TAB>translation to fill in")
    args = ap.parse_args()

    data = json.load(sys.stdin if args.nodes_json == "-" else open(args.nodes_json, encoding="utf-8"))
    texts = spec_texts(data["nodes"] if isinstance(data, dict) else data)
    language, known = read_ts(args.ts)
    if args.add:
        with open(args.add, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    source, translation = line.rstrip("\n").split("\t", 1)
                    if translation.strip():
                        known[source] = translation
    language = args.language or language or "ko_KR"

    ts = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "NodeSpec"
    done = 0
    for text in texts:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        t = ET.SubElement(message, "translation")
        if text in known:
            t.text = known[text]
            done += 1
        else:
            t.set("type", "unfinished")
    ET.indent(ts)
    with open(args.ts, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(ts, encoding="unicode"))
        f.write("\n")
    print(f"{args.ts}: {len(texts)} texts, {done} translated, {len(texts) - done} unfinished", file=sys.stderr)


if __name__ == "__main__":
    main()
