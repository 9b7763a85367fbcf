#!/usr/bin/env bash
# Checks that the service's SVGs render in a real browser and show every name they should:
#   1. a leaderboard's SVG: every row's method name drawn inside the image;
#   2. a method's lineage SVG: every member's name drawn, inside its own box and the image.
# Headless Chromium (Debian's package: apt-get install -y chromium) loads each SVG inlined in a
# page whose script measures the rendered boxes; the result is read from the DOM, and PNG
# screenshots are kept for a human look.
# Usage (a server must be running, e.g. the packaged jar on KB_HTTP_PORT=18731):
#   src/bench/board-svg-check.sh                       # the Matbench Discovery F1 board, mace
#   BASE=http://localhost:18731 BOARD='3bpa?target=forces&n_train=500' LINEAGE=nequip \
#     src/bench/board-svg-check.sh
# Exit status 0 when both checks pass, 1 otherwise.
set -euo pipefail

BASE=${BASE:-http://localhost:18731}
BOARD=${BOARD:-wbm?subset=full-test-set&metric=F1}
LINEAGE=${LINEAGE:-mace}
OUT=${OUT:-/var/tmp/mlmd-kb-board-svg}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
mkdir -p "$OUT"
FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$OUT/profile")

# Loads a check page and prints what its script wrote into <pre id="result">.
run_check() {
  "$CHROMIUM" "${FLAGS[@]}" --dump-dom "file://$1" 2>/dev/null \
    | sed -n 's:.*<pre id="result">\(.*\)</pre>.*:\1:p'
}

# Screenshots an SVG at its own size (read from its width and height attributes).
screenshot() {
  local size
  size=$(python3 -c '
import sys
svg = open(sys.argv[1], encoding="utf-8").read()
def attr(name):
    return int(float(svg.split(name + "=\x27", 1)[1].split("\x27", 1)[0]))
print(str(attr("width")) + "," + str(attr("height")))' "$1")
  "$CHROMIUM" "${FLAGS[@]}" --screenshot="$2" --window-size="$size" "file://$1" \
    2>/dev/null || true
}

# --- 1. the board ------------------------------------------------------------------------------
curl -sf "$BASE/api/v1/leaderboards/$BOARD" -o "$OUT/board.json"
curl -sf -H 'Accept: image/svg+xml' "$BASE/api/v1/leaderboards/$BOARD" -o "$OUT/board.svg"

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
names = [r["method"]["name"] for r in json.load(open(f"{out}/board.json"))["rows"]]
svg = open(f"{out}/board.svg", encoding="utf-8").read()
svg = svg[svg.index("<svg"):]  # drop the XML declaration to inline it in HTML
page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{svg}
<pre id="result"></pre>
<script>
const names = {json.dumps(names)};
const root = document.querySelector("svg");
const box = root.getBoundingClientRect();
const texts = [...root.querySelectorAll("text")];
const missing = names.filter(n => !texts.some(t => {{
  if (!t.textContent.endsWith("  " + n)) return false;
  const b = t.getBoundingClientRect();
  return b.width > 0 && b.height > 0 && b.left >= box.left && b.right <= box.right
      && b.top >= box.top && b.bottom <= box.bottom;
}}));
document.getElementById("result").textContent =
  "rows=" + names.length + " drawn=" + (names.length - missing.length)
  + " missing=" + JSON.stringify(missing);
</script></body></html>"""
open(f"{out}/check.html", "w", encoding="utf-8").write(page)
PY

BOARD_RESULT=$(run_check "$OUT/check.html")
screenshot "$OUT/board.svg" "$OUT/board.png"
echo "board: $BOARD_RESULT"
echo "screenshot: $OUT/board.png"

# --- 2. the lineage ----------------------------------------------------------------------------
curl -sf "$BASE/api/v1/methods/$LINEAGE/lineage" -o "$OUT/lineage.json"
curl -sf -H 'Accept: image/svg+xml' "$BASE/api/v1/methods/$LINEAGE/lineage" \
  -o "$OUT/lineage.svg"

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
nodes = [{"slug": n["slug"], "name": n["name"]}
         for n in json.load(open(f"{out}/lineage.json"))["nodes"]]
svg = open(f"{out}/lineage.svg", encoding="utf-8").read()
svg = svg[svg.index("<svg"):]
# Each method is the group "method-<slug>": its box (the first path) and its name (the first text, cut
# at 32 characters with an ellipsis, as the chart draws it).
page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{svg}
<pre id="result"></pre>
<script>
const nodes = {json.dumps(nodes)};
const root = document.querySelector("svg");
const image = root.getBoundingClientRect();
const inside = (b, o) => b.left >= o.left - 0.5 && b.right <= o.right + 0.5
    && b.top >= o.top - 0.5 && b.bottom <= o.bottom + 0.5;
const drawn = name => {{
  const cps = [...name];
  return cps.length <= 32 ? name : cps.slice(0, 31).join("") + "\\u2026";
}};
const missing = [], overflowing = [];
for (const n of nodes) {{
  const group = document.getElementById("method-" + n.slug);
  const text = group && group.querySelector("text");
  const rect = group && group.querySelector("path");
  if (!text || text.textContent !== drawn(n.name)) {{ missing.push(n.name); continue; }}
  const t = text.getBoundingClientRect();
  if (!(t.width > 0 && t.height > 0 && inside(t, image))) {{ missing.push(n.name); continue; }}
  if (!rect || !inside(t, rect.getBoundingClientRect())) overflowing.push(n.name);
}}
document.getElementById("result").textContent =
  "methods=" + nodes.length + " drawn=" + (nodes.length - missing.length)
  + " missing=" + JSON.stringify(missing) + " overflowing=" + JSON.stringify(overflowing);
</script></body></html>"""
open(f"{out}/lineage-check.html", "w", encoding="utf-8").write(page)
PY

LINEAGE_RESULT=$(run_check "$OUT/lineage-check.html")
screenshot "$OUT/lineage.svg" "$OUT/lineage.png"
echo "lineage of $LINEAGE: $LINEAGE_RESULT"
echo "screenshot: $OUT/lineage.png"

case "$BOARD_RESULT|$LINEAGE_RESULT" in
  *'missing=[]'*'|'*'missing=[] overflowing=[]'*) exit 0 ;;
  *) exit 1 ;;
esac
