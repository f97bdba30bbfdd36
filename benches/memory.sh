#!/usr/bin/env bash
# Peak memory of `timeline check --no-cache` on every kind of input, one row each: data sets
# (TimelineJS JSON of tiny and of rich slides, a TimelineJS CSV sheet, our own format from
# `examples/gen`) and files that are not data sets (NUL bytes, random bytes, `[[[[…`, one long
# string, a million empty slides, a sheet of junk rows). Prints a Markdown table: the input, the
# data file's size, the peak resident memory (GNU time's maximum RSS), their ratio, and the first
# line of what `check` said. Not a test: it prints numbers.
#
#   benches/memory.sh [SLIDES] [JUNK_MB] [GEN_EVENTS]     (defaults 1000000, 100, 100000)
#   TIMELINE_BIN=PATH benches/memory.sh                  (measure that binary, not the one built)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
mb=${2:-100}
gen_events=${3:-100000}
cargo build --release --quiet --bin timeline --example gen
bin=${TIMELINE_BIN:-$PWD/target/release/timeline}
dir=target/bench-data/memory
mkdir -p "$dir"

# TimelineJS JSON: bare slides (a date, a headline, a short text: about 126 bytes each) or rich
# ones (media with caption and credit, a group, a paragraph: about 600 bytes each).
tjs=$(cat <<'PY'
import sys
n, rich = int(sys.argv[1]), sys.argv[2] == "rich"
out = sys.stdout
out.write('{"title": {"text": {"headline": "Generated", "text": "<p>A generated timeline</p>"}},\n "events": [\n')
for i in range(n):
    y, m, d = 1000 + i % 1000, 1 + i % 12, 1 + i % 28
    sep = ",\n" if i + 1 < n else "\n"
    more = ""
    if rich:
        more = (', "media": {"url": "https://example.org/img/%d.jpg", "caption": "Photo %d of the day", '
                '"credit": "<a href=\\"https://example.org\\">Example Agency</a>"}, "group": "Group %d"' % (i, i, i % 50))
        text = "<p>" + ("Delegations met on day %d to discuss trade, fisheries and the border. " % i) * 4 + "</p>"
    else:
        text = "<p>About %d</p>" % i
    out.write('  {"start_date": {"year": %d, "month": %d, "day": %d}, '
              '"text": {"headline": "Event %d", "text": "%s"}%s}%s' % (y, m, d, i, text, more, sep))
out.write(']}\n')
PY
)
[[ -f $dir/tjs-bare-$n.json ]] || python3 -c "$tjs" "$n" bare > "$dir/tjs-bare-$n.json"
[[ -f $dir/tjs-rich-$n.json ]] || python3 -c "$tjs" "$n" rich > "$dir/tjs-rich-$n.json"
# A TimelineJS sheet saved as CSV, one bare slide a row.
[[ -f $dir/sheet-$n.csv ]] || python3 -c '
import sys
n = int(sys.argv[1])
w = sys.stdout.write
w("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n")
for i in range(n):
    w("%d,%d,%d,,,,,,,Event %d,<p>About %d</p>,,,,,,,\n" % (1000 + i % 1000, 1 + i % 12, 1 + i % 28, i, i))
' "$n" > "$dir/sheet-$n.csv"
# A sheet of the smallest rows that are events (`1,a`: 4 bytes a row, 10 MB): what an event
# costs however small it is in the file.
[[ -f $dir/sheet-tiny.csv ]] || python3 -c '
import sys
sys.stdout.write("Year,Headline\n" + "1,a\n" * 2500000)' > "$dir/sheet-tiny.csv"
# More tiny rows than the cap on events (`MAX_EVENTS`, ten million): refused at the first row
# past it, at what the cap's events cost.
[[ -f $dir/sheet-over-cap.csv ]] || python3 -c '
import sys
sys.stdout.write("Year,Headline\n" + "1,a\n" * 12000000)' > "$dir/sheet-over-cap.csv"
# Our own format, with its articles.
[[ -f $dir/gen-$gen_events/data.json ]] ||
  target/release/examples/gen --events "$gen_events" --seed 1 --out "$dir/gen-$gen_events" 2>/dev/null
# Junk.
bytes=$((mb * 1000000))
[[ -f $dir/nul-$mb ]] || head -c "$bytes" /dev/zero > "$dir/nul-$mb"
[[ -f $dir/random-$mb ]] || python3 -c '
import random, sys
r = random.Random(1)
n = int(sys.argv[1])
sys.stdout.buffer.write(bytes(b for b in r.randbytes(n) if b))' "$bytes" > "$dir/random-$mb"
[[ -f $dir/brackets-$mb.json ]] || python3 -c 'import sys; sys.stdout.write("[" * int(sys.argv[1]))' "$bytes" > "$dir/brackets-$mb.json"
[[ -f $dir/string-$mb.json ]] || python3 -c 'import sys; sys.stdout.write("\"" + "a" * (int(sys.argv[1]) - 2) + "\"")' "$bytes" > "$dir/string-$mb.json"
[[ -f $dir/empty-slides-$mb.json ]] || python3 -c '
import sys
n = (int(sys.argv[1]) - 14) // 3
sys.stdout.write("{\"events\": [" + "{}," * (n - 1) + "{}]}")' "$bytes" > "$dir/empty-slides-$mb.json"
[[ -f $dir/sheet-junk-$mb.csv ]] || python3 -c '
import sys
n = int(sys.argv[1]) // 4
sys.stdout.write("Year,Headline\n" + "x,y\n" * n)' "$bytes" > "$dir/sheet-junk-$mb.csv"

echo "| input | file | peak RSS | ratio | check says |"
echo "|---|---|---|---|---|"
row() {
  local name=$1 f=$2 said
  local size
  size=$(stat -c %s "$f")
  local c=${cmd:-check}
  said=$(/usr/bin/time -o "$dir/.rss" -f %M "$bin" "$c" --no-cache --data "$f" 2>&1 >/dev/null | grep -v '^timeline: ' | head -1 || true)
  [[ $c == list || -n $said ]] || said=$("$bin" check --no-cache --data "$f" 2>/dev/null | head -1 || true)
  said=$(printf '%s' "$said" | sed "s|$PWD/||; s|$dir/||" | cut -c1-90 | sed 's/|/\\|/g')
  local kb
  kb=$(tail -1 "$dir/.rss")
  awk -v n="$name" -v s="$size" -v k="$kb" -v said="$said" \
    'BEGIN { printf "| %s | %.0f MB | %.0f MB | %.2f× | %s |\n", n, s / 1e6, k / 1e3, k * 1e3 / s, said }'
}
row "TimelineJS JSON, $n bare slides" "$dir/tjs-bare-$n.json"
row "TimelineJS JSON, $n rich slides" "$dir/tjs-rich-$n.json"
cmd=list row "the same bare slides, \`list\` (no \`--search\`: no search index)" "$dir/tjs-bare-$n.json"
row "TimelineJS CSV sheet, $n rows" "$dir/sheet-$n.csv"
row "a sheet of 2,500,000 tiny rows \`1,a\`" "$dir/sheet-tiny.csv"
row "12,000,000 tiny rows, past the cap of 10,000,000 events" "$dir/sheet-over-cap.csv"
row "our format (examples/gen), $gen_events events" "$dir/gen-$gen_events/data.json"
row "NUL bytes" "$dir/nul-$mb"
row "random bytes (no NUL)" "$dir/random-$mb"
row "\`[[[[…\`" "$dir/brackets-$mb.json"
row "one JSON string" "$dir/string-$mb.json"
row "\`{\"events\": [{},{},…]}\`" "$dir/empty-slides-$mb.json"
row "a sheet of junk rows \`x,y\`" "$dir/sheet-junk-$mb.csv"
