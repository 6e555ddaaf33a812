#!/usr/bin/env bash
# Imports the Thunderbird ISPDB sample that sits beside the checkout (../shared/ispdb/xml, commit
# c6ad796 of 2026-03-12) when it is there; the site works without it, on data/ alone.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE="${ISPDB_SAMPLE_DIR:-../shared/ispdb/xml}"
if [ ! -d "$SAMPLE" ]; then
  echo "No ISPDB sample at $SAMPLE: skipping the import (the catalogue shows data/ only)."
  exit 0
fi
exec npx tsx scripts/import-ispdb.ts "$SAMPLE" --as-of 2026-03-12
