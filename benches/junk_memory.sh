#!/usr/bin/env bash
# Peak memory of `timeline check` on files that are not data sets, one row each: the file's size,
# the peak resident memory (GNU time's maximum RSS) and the ratio of the two, which should stay
# under about 3. Not a test: it prints numbers.
#
#   benches/junk_memory.sh [MB]        (default 100; the NUL file is also measured at 3×MB)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
cargo build --release --quiet --bin timeline
bin=$PWD/target/release/timeline
dir=target/bench-data/junk
mkdir -p "$dir"
make() { [[ -f $dir/$1 ]] || eval "$2" > "$dir/$1"; }
make "nul-$mb.json" "head -c ${mb}M /dev/zero"
make "nul-$((3 * mb)).json" "head -c $((3 * mb))M /dev/zero"
make "random-$mb.bin" "head -c ${mb}M /dev/urandom | tr -d '\\000'"
make "letters-$mb.json" "python3 -c 'import sys; sys.stdout.write(\"a\" * ($mb * 1000000))'"
make "array-$mb.json" "python3 -c 'import sys; sys.stdout.write(\"[\" + \"1,\" * ($mb * 500000) + \"1]\")'"
make "csv-$mb.csv" "python3 -c 'import sys; sys.stdout.write(\"a,b\\n\" * ($mb * 250000))'"
printf '%-22s %10s %12s %6s\n' file MB peak_MB ratio
for f in "nul-$mb.json" "nul-$((3 * mb)).json" "random-$mb.bin" "letters-$mb.json" "array-$mb.json" "csv-$mb.csv"; do
  size=$(stat -c %s "$dir/$f")
  /usr/bin/time -o "$dir/.rss" -f %M "$bin" check --no-cache --data "$dir/$f" >/dev/null 2>&1 || true
  kb=$(tail -1 "$dir/.rss")
  awk -v f="$f" -v s="$size" -v k="$kb" 'BEGIN { printf "%-22s %10.0f %12.0f %6.2f\n", f, s / 1e6, k / 1e3, k * 1e3 / s }'
done
