#!/usr/bin/env bash
# `npm run db:generate -- --name <what>`: a new migration in packages/server/drizzle from the one schema
# source. drizzle-kit (installed at the root) looks for drizzle-orm beside itself, but npm installs
# drizzle-orm under packages/server only, so it is linked there for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
link="$PWD/node_modules/drizzle-orm"
if [ ! -e "$link" ]; then
  ln -s ../packages/server/node_modules/drizzle-orm "$link"
  trap 'rm -f "$link"' EXIT
fi
cd packages/server
../../node_modules/.bin/drizzle-kit generate --config drizzle.config.ts "$@"
