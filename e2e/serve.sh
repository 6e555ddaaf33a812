#!/usr/bin/env bash
# Builds and serves the site for the browser tests on a database of its own, so the tests never
# touch the developer's prisma/dev.db.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
export DATABASE_URL="file:./.tmp/e2e.db"
rm -f .tmp/e2e.db
npx tsx prisma/migrate.ts deploy
npx tsx prisma/seed.ts
if [ -z "${E2E_SKIP_BUILD:-}" ]; then
  NEXT_DIST_DIR=.next-e2e npx next build
fi
# The production server as npm start runs it (server.ts), on loopback only.
NODE_ENV=production NEXT_DIST_DIR=.next-e2e PORT="${E2E_PORT:-3100}" HOST=127.0.0.1 exec npx tsx server.ts
