#!/usr/bin/env bash
# The README's test command (`npm test`): installs the clients the tests read our files with
# when they are missing and this machine allows it, builds, type-checks, runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-tools.sh
npm run build --silent
npm run typecheck --silent
exec node_modules/.bin/vitest run "$@"
