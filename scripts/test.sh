#!/usr/bin/env bash
# Run the whole test suite in the project's virtualenv; pytest's exit 5 (no tests collected) is a failure
# to report, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
fi
exit "$status"
