#!/usr/bin/env bash
# Import of an N-row ACLED-layout CSV into an empty database, side by side with the sqlite3
# shell (../shared/peers/sqlite_import.sh) and GDAL's ogr2ogr (../shared/peers/ogr_import.sh),
# taking turns in the same session.
#
#   bench/import_vs_peers.sh [N] [REPEATS]      (default 1000000 rows, 3 repeats)
#
# Needs: the peers folder beside the checkout, sqlite3 and gdal-bin on the host, a release
# build (scripts/build). Every timing is a whole process, start to file closed; ours includes
# the FTS5 and R*Tree indexes and runs through scripts/dev (the Debian 13 root). Prints one
# line per run (wall s, user CPU s, peak RSS KB) and the medians.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${FRONTIER_PEERS:-$repo/../shared/peers}"
n="${1:-1000000}"
repeats="${2:-3}"
work="${FRONTIER_BENCH_DIR:-/tmp/frontier-bench}"
mkdir -p "$work"
csv="$work/events_$n.csv"
app="$repo/build/release/app/frontier-atlas"
dev="$repo/scripts/dev"

[ -x "$app" ] || "$repo/scripts/build" release >&2
[ -f "$csv" ] || python3 "$peers/gen_events.py" "$n" "$csv" >&2

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A wall user rss
measure() { # name command...
  local name="$1"; shift
  local out="$work/time_$name.txt"
  /usr/bin/time -f "%e %U %M" -o "$out" "$@" >/dev/null 2>"$work/err_$name.txt"
  read -r w u m <"$out"
  echo "$name wall=${w}s user=${u}s rss=${m}KB"
  wall[$name]+="$w "; user[$name]+="$u "; rss[$name]+="$m "
}
for r in $(seq "$repeats"); do
  rm -f "$work/ours.db" "$work/ours.db-wal" "$work/ours.db-shm"
  measure ours "$dev" "$app" import --db "$work/ours.db" "$csv" --format acled
  measure sqlite3 "$peers/sqlite_import.sh" "$csv" "$work/sqlite.db"
  measure ogr2ogr "$peers/ogr_import.sh" "$csv" "$work/ogr.gpkg"
done
for name in ours sqlite3 ogr2ogr; do
  printf '%s median: wall %s s, user %s s, peak RSS %s KB (runs: %s)\n' "$name" \
    "$(tr ' ' '\n' <<<"${wall[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${user[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${rss[$name]}" | grep . | median)" "${wall[$name]}"
done
