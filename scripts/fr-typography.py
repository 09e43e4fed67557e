#!/usr/bin/env python3
"""French typography in assets/fr.po: the spaces that must not break.

Rewrites every msgstr (never a msgid, msgctxt, comment or the header) in place:
  - before ":" and inside « »: U+00A0 (espace insécable);
  - before ";", "!" and "?": U+202F (espace fine insécable);
  - between a number (or a number's {placeholder}) and its unit sign
    (%, mm, mL, mg, mmHg, G, s, h, j, ...): U+00A0 ("0,5 %", "{diameter_mm} mm");
  - a thousands group ("10 000"): U+202F.
Each replacement is one space for one code point, so a text split over several
quoted lines keeps its split. Run it after adding French texts; `ctest -R
catalogue` names any plain space left (tests/text/test_typography.cpp).
Also the French texts of the scene files ([scene.fr] in scenes/*.toml).
Usage: scripts/fr-typography.py [assets/fr.po] [scenes/*.toml]
"""
import re
import sys

NBSP, NNBSP = "\u00a0", "\u202f"
UNITS = r"(?:%|‰|mmHg|mm²|mm|cm²|cm|mL|ml|mg|kg|g|µm|µg|min|ms|s|h|j|G|°C)"
RULES = [
    (re.compile(r"(?<=\S) (?=:)"), NBSP),
    (re.compile(r"(?<=\S) (?=[;!?])"), NNBSP),
    (re.compile(r"(?<=«) "), NBSP),
    (re.compile(r" (?=»)"), NBSP),
    (re.compile(r"(?<=[0-9}]) (?=" + UNITS + r"(?![\w]))"), NBSP),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),
]


def fix(text):
    chars = list(text)
    for pattern, space in RULES:
        for m in pattern.finditer(text):
            chars[m.start()] = space
    return "".join(chars)


def rewrite(lines):
    out, block = [], []  # block: indices of the current msgstr's quoted lines

    def flush():
        if not block:
            return
        parts = [re.match(r'^(msgstr(?:\[\d+\])? )?"(.*)"\s*$', out[i]) for i in block]
        texts = [p.group(2) for p in parts]
        joined = fix("".join(texts))
        at = 0
        for i, p, t in zip(block, parts, texts):
            out[i] = (p.group(1) or "") + '"' + joined[at:at + len(t)] + '"'
            at += len(t)
        block.clear()

    in_msgstr = False
    header = True  # the first entry (msgid "") is the header: untouched
    for line in lines:
        out.append(line)
        if line.startswith("msgstr"):
            flush()
            in_msgstr = True
            if not header:
                block.append(len(out) - 1)
        elif line.startswith('"') and in_msgstr:
            if not header:
                block.append(len(out) - 1)
        else:
            flush()
            if in_msgstr:
                header = False
            in_msgstr = False
    flush()
    return out


def rewrite_toml(lines):
    """The string values of the [scene.fr] table and of any [*.fr] table."""
    out, french = [], False
    for line in lines:
        if line.startswith("["):
            french = line.strip().rstrip("]").endswith(".fr")
        elif french:
            m = re.match(r'^(\s*\w+\s*=\s*)"(.*)"(\s*(#.*)?)$', line)
            if m:
                line = m.group(1) + '"' + fix(m.group(2)) + '"' + m.group(3)
        out.append(line)
    return out


def main():
    paths = sys.argv[1:] or ["assets/fr.po"]
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        fixed = rewrite_toml(lines) if path.endswith(".toml") else rewrite(lines)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(fixed))


if __name__ == "__main__":
    main()
