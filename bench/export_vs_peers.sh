#!/usr/bin/env bash
# Headless briefing export of 1,000,000 events, side by side with QGIS rendering the same
# points from a GeoPackage (../shared/peers/qgis_render.py), in the same session.
#
#   bench/export_vs_peers.sh [N] [REPEATS]      (default 1000000 events, 3 repeats)
#
# Needs: the peers folder beside the checkout (../shared/peers), QGIS and GDAL on the host
# (apt-get install qgis python3-qgis qgis-providers gdal-bin), and a release build
# (scripts/build). Prints "name seconds" lines and medians; every timing is a whole process,
# start to file written.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${FRONTIER_PEERS:-$repo/../shared/peers}"
n="${1:-1000000}"
repeats="${2:-3}"
work="${FRONTIER_BENCH_DIR:-/tmp/frontier-bench}"
mkdir -p "$work"
csv="$work/events_$n.csv"
db="$work/events_$n.db"
gpkg="$work/events_$n.gpkg"
app="$repo/build/release/app/frontier-atlas"
dev="$repo/scripts/dev"

[ -x "$app" ] || "$repo/scripts/build" release >&2
[ -f "$csv" ] || python3 "$peers/gen_events.py" "$n" "$csv" >&2
[ -f "$db" ] || "$dev" "$app" import --db "$db" "$csv" --format acled >&2
[ -f "$gpkg" ] || "$peers/ogr_import.sh" "$csv" "$gpkg" >/dev/null

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A runs
for r in $(seq "$repeats"); do
  t0=$(now); "$dev" "$app" export --db "$db" --out "$work/ours_4k.png" --size 3840x2160 --bbox 66,35,76,41 >/dev/null; t1=$(now)
  runs[png4k]+="$(echo "$t1-$t0" | bc) "
  t0=$(now); "$dev" "$app" export --db "$db" --out "$work/ours_a4.pdf" --page A4 --dpi 300 --bbox 66,35,76,41 >/dev/null; t1=$(now)
  runs[pdfa4]+="$(echo "$t1-$t0" | bc) "
  t0=$(now); "$dev" "$app" export --db "$db" --out "$work/ours_1080.png" --size 1920x1080 --bbox 66,35,76,41 --content map >/dev/null; t1=$(now)
  runs[png1080]+="$(echo "$t1-$t0" | bc) "
  t0=$(now); /usr/bin/python3 "$peers/qgis_render.py" "$gpkg" "$work/qgis_1080.png" >"$work/qgis_$r.txt" 2>"$work/qgis_$r.err"; t1=$(now)
  runs[qgis_total]+="$(echo "$t1-$t0" | bc) "
  runs[qgis_render]+="$(awk '$1=="qgis_gpkg_render"{print $2}' "$work/qgis_$r.txt") "
  runs[qgis_load_style_render]+="$(awk '$1=="qgis_gpkg_load"||$1=="qgis_gpkg_style"||$1=="qgis_gpkg_render"{s+=$2} END{print s}' "$work/qgis_$r.txt") "
done
printf '%-44s %s\n' "step (N=$n, $repeats runs)" "median s   (runs)"
for k in png4k pdfa4 png1080 qgis_total qgis_load_style_render qgis_render; do
  label="$k"
  case "$k" in
    png4k) label="ours: export 3840x2160 PNG (process)";;
    pdfa4) label="ours: export A4 300 dpi PDF (process)";;
    png1080) label="ours: export 1920x1080 PNG map (process)";;
    qgis_total) label="QGIS: qgis_render.py whole process";;
    qgis_load_style_render) label="QGIS: load+style+render 1920x1080";;
    qgis_render) label="QGIS: render 1920x1080 only";;
  esac
  printf '%-44s %s   (%s)\n' "$label" "$(echo ${runs[$k]} | tr ' ' '\n' | median)" "${runs[$k]% }"
done
