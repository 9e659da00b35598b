#!/usr/bin/env python3
"""Writes the Korean strings of ko.py into taskloom_studio_ko.ts (after lupdate added new sources).

    cmake --build build --target update_translations && python3 app/studio/translations/fill_ts.py

Sources without a translation stay unfinished (shown in English) and are listed on stderr."""
import os
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from ko import KO  # noqa: E402

path = os.path.join(here, 'taskloom_studio_ko.ts')
tree = ET.parse(path)
root = tree.getroot()
root.set('language', 'ko_KR')
missing = []
for message in root.iter('message'):
    source = message.find('source').text or ''
    old = message.find('translation')
    if old is not None:
        message.remove(old)
    translation = ET.SubElement(message, 'translation')
    korean = KO.get(source)
    if korean is None:
        translation.set('type', 'unfinished')
        missing.append(source)
    elif message.get('numerus') == 'yes':
        ET.SubElement(translation, 'numerusform').text = korean
    else:
        translation.text = korean
ET.indent(tree, space='    ')
with open(path, 'wb') as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding='utf-8', xml_declaration=False)
    f.write(b'\n')
for s in missing:
    print('untranslated:', repr(s), file=sys.stderr)
print(f'{sum(1 for _ in root.iter("message")) - len(missing)} translated, {len(missing)} untranslated', file=sys.stderr)
