#!/usr/bin/env bash
# Side by side with fzf: the same generated events, one per line for fzf, and the same final
# queries; each tool timed over its whole process (bash's clock, no helper process), once per query. Prints the ratio per query,
# with timeline's index cache cold (emptied first) and warm (the run right after).
#
#   benches/vs_fzf.sh [EVENTS]        (default 100000)
#
# fzf's lines hold what timeline searches: title, Vietnamese headline, people, places, country
# names, date, summary and quotes. timeline's time includes loading the data set: cache cold,
# parsing it, verifying every quote against its article (which fzf does not do), folding the
# search index and writing the cache (after printing); cache warm, reading the cache and stat-ing
# the data file and every article to check that it is still valid (a file whose stat changed is
# hashed again; no article is read).
#
# The machine is shared: REPS=N (default 1) runs fzf and the warm run N times each and prints the
# median; the cold run is once per query.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
reps=${REPS:-1}
if ! command -v fzf >/dev/null; then
  echo "installing fzf…" >&2
  { apt-get update -qq && apt-get install -y -qq fzf; } >/dev/null
fi
cargo build --release --quiet --bin timeline --example gen
bin=target/release/timeline
dir=target/bench-data/$n-seed42
[[ -f $dir/data.json ]] || target/release/examples/gen --events "$n" --seed 42 --out "$dir"
lines=$dir/lines.txt
# The index cache of these runs only, next to the data set.
export TIMELINE_CACHE_DIR=$dir.cache
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
echo "$(fzf --version | head -1 | cut -d" " -f1) vs timeline $("$bin" --version | cut -d" " -f2), $n events ($(du -h "$lines" | cut -f1) of lines for fzf)"
printf '%-22s %12s %14s %14s %7s %7s %8s %8s\n' query "fzf --filter" "timeline cold" "timeline warm" "× cold" "× warm" "fzf hits" "tl hits"
for q in "to lam" "dai hoi xiv" "azerbaijan 2025" "'Baku !1983" "Tô Lâm" "thong loun sisoulith"; do
  fs=(); ws=()
  rm -rf "$TIMELINE_CACHE_DIR"
  t1b=$EPOCHREALTIME; th=$("$bin" list --data "$dir/data.json" --search "$q" | wc -l); t2=$EPOCHREALTIME
  c=$(python3 -c "print($t2 - $t1b)")
  for _ in $(seq "$reps"); do
    t0=$EPOCHREALTIME; fh=$(fzf --filter "$q" < "$lines" | wc -l); t1=$EPOCHREALTIME
    "$bin" list --data "$dir/data.json" --search "$q" >/dev/null; t3=$EPOCHREALTIME
    fs+=("$t1 - $t0"); ws+=("$t3 - $t1")
  done
  F="${fs[*]}" W="${ws[*]}" Q="$q" python3 -c "
import os, statistics
f = statistics.median(eval(x) for x in os.environ['F'].replace(' - ', '-').split())
w = statistics.median(eval(x) for x in os.environ['W'].replace(' - ', '-').split())
c = $c
print('%-22s %9.0f ms %11.0f ms %11.0f ms %6.1fx %6.1fx %8d %8d' % (os.environ['Q'], f*1e3, c*1e3, w*1e3, f/c, f/w, $fh, $th))"
done
