#!/bin/sh
# Regenerates the chart's font subset from the `chart-*` messages in
# locales/*/*.ftl. The build never runs this; run it (and commit both
# outputs) after a locale edit adds a character the font lacks, which the
# test `chart::tests::every_chart_character_has_a_glyph` reports.
#
# Needs fonttools (pip install fonttools) and the Noto Sans CJK collection
# (Debian: apt-get install fonts-noto-cjk), or NOTO_CJK_TTC=path/to/it.ttc.
set -eu
cd "$(dirname "$0")"
SRC=${NOTO_CJK_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}

# Every non-ASCII character of the chart-* messages (ids, placeables and all),
# plus common Japanese punctuation; ASCII is added below as a range.
python3 - ../../locales > chars.txt <<'PY'
import pathlib, re, sys
chars = set("・（）：％ー、。「」〜…")
for ftl in sorted(pathlib.Path(sys.argv[1]).glob("*/*.ftl")):
    inside = False
    for line in ftl.read_text(encoding="utf-8").splitlines():
        if re.match(r"chart-[a-z0-9-]+\s*=", line):
            inside = True
        elif not line.startswith((" ", "\t")):
            inside = False
        if inside:
            chars.update(c for c in line if ord(c) > 0x7E)
print("".join(sorted(chars)))
PY

# Font 0 of the collection is Noto Sans CJK JP Regular. No layout features
# or hinting (plotters' ab_glyph drawing uses neither); every name record is
# kept, so the copyright and the OFL notice stay in the font itself.
pyftsubset "$SRC" --font-number=0 \
    --unicodes=U+0020-007E --text-file=chars.txt \
    --layout-features='' --no-hinting --name-IDs='*' \
    --output-file=NotoSansCJKjp-chart.otf
ls -l NotoSansCJKjp-chart.otf
