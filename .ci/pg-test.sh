#!/usr/bin/env bash
# The one command for developers: runs the PostgreSQL tests (and what they depend on) against a
# throwaway local server, then removes it.
#   bash .ci/pg-test.sh               # mvn -B -pl adapters/store-postgres,examples -am verify
#   bash .ci/pg-test.sh -o -q         # extra Maven arguments are passed on
set -euo pipefail
cd "$(dirname "$0")/.."
pg_env="$(bash .ci/pg-start.sh)"   # an assignment, so that set -e stops here when PostgreSQL does not start
eval "$pg_env"
trap 'bash .ci/pg-stop.sh "$RETURNSYNC_PG_HOME"' EXIT
mvn -B -pl adapters/store-postgres,examples -am verify "$@"
