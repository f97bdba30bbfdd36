#!/usr/bin/env bash
# Side by side with fzf: the same generated events, one per line for fzf, and the same final
# queries; each tool timed over its whole process, once per query. Prints the ratio per query.
#
#   benches/vs_fzf.sh [EVENTS]        (default 100000)
#
# fzf's lines hold what timeline searches: title, Vietnamese headline, people, places, country
# names, date, summary and quotes. timeline's time includes loading the data set and verifying
# every quote against its article, which fzf does not do.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if ! command -v fzf >/dev/null; then
  echo "installing fzf…" >&2
  { apt-get update -qq && apt-get install -y -qq fzf; } >/dev/null
fi
cargo build --release --quiet --bin timeline --example gen
bin=target/release/timeline
dir=target/bench-data/$n-seed42
[[ -f $dir/data.json ]] || target/release/examples/gen --events "$n" --seed 42 --out "$dir"
lines=$dir/lines.txt
if [[ ! -f $lines ]]; then
  "$bin" list --data "$dir/data.json" --json | python3 -c '
import json, sys
for e in json.load(sys.stdin):
    parts = [e["title"], e.get("title_vi", ""), " ".join(e["people"]), " ".join(e["places"]),
             " ".join(c["name"] for c in e["countries"]), e["date"], e["summary"]]
    parts += [s["quote"] for s in e["sources"]]
    print(" | ".join(p for p in parts if p))
' > "$lines"
fi
now() { python3 -c 'import time; print(time.perf_counter())'; }
echo "$(fzf --version | head -1 | cut -d" " -f1) vs timeline $("$bin" --version | cut -d" " -f2), $n events ($(du -h "$lines" | cut -f1) of lines for fzf)"
printf '%-24s %12s %12s %8s %10s %10s\n' query "fzf --filter" "timeline" ratio "fzf hits" "tl hits"
for q in "to lam" "dai hoi xiv" "azerbaijan 2025" "'Baku !1983" "Tô Lâm" "thong loun sisoulith"; do
  t0=$(now); fh=$(fzf --filter "$q" < "$lines" | wc -l); t1=$(now)
  th=$("$bin" list --data "$dir/data.json" --search "$q" | wc -l); t2=$(now)
  python3 -c "f=$t1-$t0; t=$t2-$t1; print(f'%-24s %10.0f ms %10.0f ms %7.1fx %10d %10d' % ('''$q''', f*1e3, t*1e3, f/t, $fh, $th))"
done
