#!/usr/bin/env bash
# Peak memory of `timeline check` and `list` on generated TimelineJS files of N events (default
# 1,000,000): bare slides (a date, a headline, a short text: about 126 bytes each) and rich ones
# (media with caption and credit, a group, a paragraph: about 600 bytes each). Prints the file's
# size, the peak resident memory (GNU time's maximum RSS) and their ratio. Not a test.
#
#   benches/tjs_memory.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
cargo build --release --quiet --bin timeline
bin=$PWD/target/release/timeline
dir=target/bench-data/tjs
mkdir -p "$dir"
gen() { [[ -f $2 ]] || python3 - "$n" "$1" > "$2" <<'PY'
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
}
printf '%-28s %10s %12s %6s\n' file MB peak_MB ratio
for shape in bare rich; do
  f=$dir/tjs-$shape-$n.json
  gen "$shape" "$f"
  size=$(stat -c %s "$f")
  for cmd in check list; do
    /usr/bin/time -o "$dir/.rss" -f %M "$bin" "$cmd" --no-cache --data "$f" >/dev/null 2>&1 || true
    kb=$(tail -1 "$dir/.rss")
    awk -v f="$(basename "$f") $cmd" -v s="$size" -v k="$kb" 'BEGIN { printf "%-28s %10.0f %12.0f %6.2f\n", f, s / 1e6, k / 1e3, k * 1e3 / s }'
  done
done
