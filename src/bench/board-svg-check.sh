#!/usr/bin/env bash
# Checks that a leaderboard's SVG renders in a real browser and shows every row's method name.
# Headless Chromium (Debian's package: apt-get install -y chromium) loads the SVG inlined in a
# page whose script measures each row label's rendered box; the result is read from the DOM, and
# a PNG screenshot is kept for a human look.
# Usage (a server must be running, e.g. the packaged jar on KB_HTTP_PORT=18731):
#   src/bench/board-svg-check.sh                       # the Matbench Discovery F1 board
#   BASE=http://localhost:18731 BOARD='dataset=3bpa&target=forces&n_train=500' src/bench/board-svg-check.sh
# Exit status 0 when every name is drawn with a non-empty box inside the image, 1 otherwise.
set -euo pipefail

BASE=${BASE:-http://localhost:18731}
BOARD=${BOARD:-dataset=wbm&subset=full-test-set&metric=F1}
OUT=${OUT:-/var/tmp/mlmd-kb-board-svg}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
mkdir -p "$OUT"

curl -sf "$BASE/api/v1/leaderboards?$BOARD" -o "$OUT/board.json"
curl -sf -H 'Accept: image/svg+xml' "$BASE/api/v1/leaderboards?$BOARD" -o "$OUT/board.svg"

python3 - "$OUT" <<'PY'
import json, sys, html
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
height = int(float(svg.split("height='", 1)[1].split("'", 1)[0]))
open(f"{out}/height", "w").write(str(height))
PY

FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$OUT/profile")
RESULT=$("$CHROMIUM" "${FLAGS[@]}" --dump-dom "file://$OUT/check.html" 2>/dev/null \
  | sed -n 's:.*<pre id="result">\(.*\)</pre>.*:\1:p')
"$CHROMIUM" "${FLAGS[@]}" --screenshot="$OUT/board.png" \
  --window-size="960,$(cat "$OUT/height")" "file://$OUT/board.svg" 2>/dev/null || true
echo "$RESULT"
echo "screenshot: $OUT/board.png"
case "$RESULT" in
  *'missing=[]'*) exit 0 ;;
  *) exit 1 ;;
esac
