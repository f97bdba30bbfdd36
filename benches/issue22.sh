#!/usr/bin/env bash
# Every figure of the performance table (issue 22) from one run, on generated data (seed 42):
# at 100k events `list --search` side by side with fzf (benches/vs_fzf.sh), the browser's first
# frame cold and warm and the keystroke latency in a pty (benches/keys_pty.rs); at 1M events,
# warm: `list --search`, the first frame, the whole data set in the browser, peak memory and the
# keystroke latency; and the floor, one pass over the folded text (benches/floor.rs). Prints
# Markdown. Not a test: it prints numbers; the machine's load is printed with them.
#
#   benches/issue22.sh [REPS]      (default 3: medians of 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
cargo build --release --quiet --bin timeline --example gen
cargo bench --quiet --no-run --bench keys_pty --bench floor
bin=$PWD/target/release/timeline
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for n in 100000 1000000; do
  d=target/bench-data/$n-seed42
  [[ -f $d/data.json ]] || target/release/examples/gen --events "$n" --seed 42 --out "$d" >/dev/null 2>&1
done
echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo
echo "### 100k events: \`list --search\` against \`fzf --filter\` (REPS=$reps)"
echo '```'
REPS=$reps benches/vs_fzf.sh 100000
echo '```'

# The median of numbers, one a line.
median() { python3 -c 'import sys, statistics; print("%.0f" % statistics.median(float(x) for x in sys.stdin.read().split()))'; }
# Start to first frame of the browser in a 100×30 pty: "seconds KB" (GNU time's wall clock and
# peak RSS). Arguments: the cache directory, then timeline's arguments.
frame() {
  local cache=$1
  shift
  script -qec "stty rows 30 cols 100; TIMELINE_CACHE_DIR=$cache TIMELINE_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -o $tmp -f '%e %M' $bin $*" /dev/null >/dev/null
  cat "$tmp"
}
# `frame` REPS times: "median ms · peak MB".
frames() {
  local runs=()
  for _ in $(seq "$reps"); do runs+=("$(frame "$@")"); done
  local ms mb
  ms=$(printf '%s\n' "${runs[@]}" | awk '{ print $1 * 1000 }' | median)
  mb=$(printf '%s\n' "${runs[@]}" | awk '{ print $2 / 1000 }' | median)
  echo "$ms ms · $mb MB"
}

echo
echo "### The browser's first frame (real binary, 100×30 pty; median of $reps; peak RSS)"
echo
echo "| events | cold (no cache): on the screen (80×24, keys_pty), and the end of the process | warm (preview) | warm, whole data set first (\`--search ''\`) |"
echo "|---|---|---|---|"
for n in 100000 1000000; do
  d=target/bench-data/$n-seed42
  cache=$d.cache
  if [[ $n == 100000 ]]; then
    # The first frame on the screen (keys_pty), and the end of a process that quits after it
    # (GNU time), which first waits for the cache it writes behind the frame.
    firsts=() ends=()
    for _ in $(seq "$reps"); do
      rm -rf "$cache"
      firsts+=("$(TIMELINE_CACHE_DIR=$PWD/$cache cargo bench --quiet --bench keys_pty -- "$d/data.json" 0 | awk '/^first frame/ { print $4 }')")
      rm -rf "$cache"
      ends+=("$(frame "$cache" --data "$d/data.json")")
    done
    first=$(printf '%s\n' "${firsts[@]}" | median)
    end=$(printf '%s\n' "${ends[@]}" | awk '{ print $1 * 1000 }' | median)
    mb=$(printf '%s\n' "${ends[@]}" | awk '{ print $2 / 1000 }' | median)
    cold="$first ms (cache written: $end ms) · $mb MB"
  else
    # Not a target at 1M; this run only makes sure the cache is there.
    TIMELINE_CACHE_DIR=$cache "$bin" list --data "$d/data.json" --search x >/dev/null
    cold="—"
  fi
  echo "| $n | $cold | $(frames "$cache" --data "$d/data.json") | $(frames "$cache" --data "$d/data.json" --search "''") |"
done

echo
echo "### 1M events, warm \`list --search\` (median of $reps; CPU = user + system; peak RSS)"
echo
echo "| query | wall | CPU | peak RSS | hits |"
echo "|---|---|---|---|---|"
d=target/bench-data/1000000-seed42
export TIMELINE_CACHE_DIR=$d.cache
for q in "to lam" "dai hoi xiv" "azerbaijan 2025" "'Baku !1983" "Tô Lâm" "thong loun sisoulith"; do
  runs=()
  for _ in $(seq "$reps"); do
    /usr/bin/time -o "$tmp" -f '%e %U %S %M' "$bin" list --data "$d/data.json" --search "$q" >/dev/null
    runs+=("$(cat "$tmp")")
  done
  hits=$("$bin" list --data "$d/data.json" --search "$q" | wc -l)
  wall=$(printf '%s\n' "${runs[@]}" | awk '{ print $1 * 1000 }' | median)
  cpu=$(printf '%s\n' "${runs[@]}" | awk '{ print ($2 + $3) * 1000 }' | median)
  rss=$(printf '%s\n' "${runs[@]}" | awk '{ print $4 / 1000 }' | median)
  echo "| $q | $wall ms | $cpu ms | $rss MB | $hits |"
done
echo
echo "data file: $(stat -c %s "$d/data.json" | awk '{ printf "%.0f MB", $1 / 1e6 }'), cache: $(du -m "$d.cache"/*.tlc | awk '{ s += $1 } END { print s " MB" }')"
unset TIMELINE_CACHE_DIR

echo
echo "### The floor: one pass over the folded text (best of 5)"
echo '```'
for n in 100000 1000000; do
  echo "$n events:"
  cargo bench --quiet --bench floor -- "$(ls target/bench-data/$n-seed42.cache/*.tlc | head -1)" 5
done
echo '```'

echo
echo "### Keystroke latency, real binary in an 80×24 pty (benches/keys_pty.rs, $reps repetitions)"
keys_cache=$PWD/target/tmp/bench-keys-cache
for n in 100000 1000000; do
  # Warm: keys typed while a cold start writes its cache behind the first frame would measure
  # that write too.
  TIMELINE_CACHE_DIR=$keys_cache "$bin" list --data "target/bench-data/$n-seed42/data.json" --search x >/dev/null
  echo
  echo "$n events:"
  echo '```'
  TIMELINE_CACHE_DIR=$keys_cache cargo bench --quiet --bench keys_pty -- "target/bench-data/$n-seed42/data.json" "$reps"
  echo '```'
done
