#!/usr/bin/env bash
# Time and peak memory of `timeline check --no-cache` on the same generated data set in our format
# and as JSON lines (written by `timeline export --format jsonl`): N events (default 200,000), the
# built-in events repeated under new ids, with their countries, people, places and quotes of the
# built-in articles. Prints the file's size, the wall time, the peak resident memory (GNU time's
# maximum RSS) and its ratio to the size. Not a test.
#
#   benches/jsonl_load.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
cargo build --release --quiet --bin timeline
bin=$PWD/target/release/timeline
dir=target/bench-data/jsonl
mkdir -p "$dir"
native=$dir/native-$n.json
lines=$dir/lines-$n.jsonl
[[ -f $native ]] || python3 - "$n" > "$native" <<'PY'
import json, sys
n = int(sys.argv[1])
d = json.load(open("assets/timeline.json"))
events = []
for i in range(n):
    e = dict(d["events"][i % len(d["events"])])
    e["id"] = "%s-%d" % (e["id"], i)
    events.append(e)
json.dump({"countries": d["countries"], "sources": d["sources"], "events": events}, sys.stdout, ensure_ascii=False)
PY
[[ -f $lines ]] || "$bin" export --data "$native" --articles seeds --no-cache --format jsonl --out "$lines"
printf '%-28s %8s %8s %10s %6s\n' file MB seconds peak_MB ratio
for f in "$native" "$lines"; do
  size=$(stat -c %s "$f")
  /usr/bin/time -o "$dir/.rss" -f '%e %M' "$bin" check --no-cache --data "$f" --articles seeds >/dev/null
  read -r secs kb < <(tail -1 "$dir/.rss")
  awk -v f="$(basename "$f")" -v s="$size" -v t="$secs" -v k="$kb" \
    'BEGIN { printf "%-28s %8.0f %8.2f %10.0f %6.2f\n", f, s / 1e6, t, k / 1e3, k * 1e3 / s }'
done
