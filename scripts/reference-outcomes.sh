#!/usr/bin/env bash
# Prints docs/model.md's "Reference outcomes" table from the program itself
# (sclerosim --report), so the numbers there are never typed by hand.
# Usage: scripts/reference-outcomes.sh [path/to/sclerosim]   (default: build/sclerosim)
set -euo pipefail
bin="${1:-build/sclerosim}"
[ -x "$bin" ] || { echo "reference-outcomes: error: no executable at $bin (build first)" >&2; exit 2; }

# label | --set overrides (space-separated KEY=VALUE)
cases=(
  "default|"
  "POL 0.1 %|agent.concentration_pct=0.1"
  "POL 0.2 %|agent.concentration_pct=0.2"
  "POL 0.2 %, no compression|agent.concentration_pct=0.2 compression.days=0"
  "no compression (or 0 mmHg × 21 d, warned)|compression.days=0"
  "compression 2.4 h|compression.days=0.1"
  "compression 24 h (pads)|compression.days=1"
  "compression 3 days|compression.days=3"
  "compression 7 days|compression.days=7"
  "compression 8 days (24 h pads + 1 week)|compression.days=8"
  "5 mm|vein.diameter_mm=5"
  "STS 0.2 %|agent.name=sts agent.concentration_pct=0.2"
  "reticular 2 mm, POL 1 %|vein.kind=reticular vein.diameter_mm=2 agent.concentration_pct=1"
  "reticular 2 mm, POL 1 %, 24 h|vein.kind=reticular vein.diameter_mm=2 agent.concentration_pct=1 compression.days=1"
  "reticular 2 mm, POL 1 %, 8 days|vein.kind=reticular vein.diameter_mm=2 agent.concentration_pct=1 compression.days=8"
  "reticular 2 mm, POL 1 %, no compression|vein.kind=reticular vein.diameter_mm=2 agent.concentration_pct=1 compression.days=0"
  "skin tone VI|patient.skin_tone=6"
  "extravasation (POL 0.5 %, 0.1 mL)|injection.in_lumen=false agent.volume_ml=0.1"
  "extravasation STS 3 %, 0.2 mL|injection.in_lumen=false agent.name=sts agent.concentration_pct=3"
)

echo "| case | verdict | fading day | resolved day | sessions | clot peak | pigmentation ind. |"
echo "|---|---|---|---|---|---|---|"
for c in "${cases[@]}"; do
  label="${c%%|*}"
  args=()
  for kv in ${c#*|}; do args+=(--set "$kv"); done
  "$bin" "${args[@]}" --report - 2>/dev/null | awk -v label="$label" '
    # Top-level scalar fields of the pretty-printed JSON report (two-space indent).
    /^  "[a-z_]+": / {
      key = $1; gsub(/[":]/, "", key); val = $2; gsub(/[",]/, "", val); f[key] = val
    }
    function num(v, d) { return (v == "" || v == "null") ? "–" : sprintf("%." d "f", v) }
    END {
      v = f["verdict"]; gsub(/_/, " ", v)
      sev = f["extravasation_severity"]
      if (sev != "" && sev != "null") v = v ", " sev
      treated = (f["verdict"] == "closed" || f["verdict"] == "reopened" || f["verdict"] == "not_closed")
      clot = treated ? num(f["thrombus_peak"], 2) : "–"
      pig = (f["verdict"] != "not_indicated") ? num(f["pigmentation_risk"], 3) : "–"
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", label, v, num(f["fading_visible_day"], 1),
             num(f["resolved_day"], 1), f["sessions_recommended"], clot, pig
    }'
done
