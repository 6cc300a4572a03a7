#!/usr/bin/env bash
# Installs what the tests need and runs every test. The last line is the plain summary "N passed, N failed".
#
# Tools it installs itself: Azurite (npm, package-lock.json), smtp4dev (dotnet tool manifest in .config/),
# the Bicep CLI (NuGet, by scripts/lint-infra.sh). The tests start their own Azurite and smtp4dev on free ports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"

step() { printf '\n== %s\n' "$*"; }

# If installing, building or linting fails, no test ran: say so on the last line, as CI reads it.
summary_printed=false
trap '$summary_printed || { echo "Stopped before the tests ran."; echo "0 passed, 0 failed"; }' EXIT

step "Installing local components (Azurite, smtp4dev)"
# npm ci starts from scratch each time; skip it when node_modules already matches the lock file.
if [[ ! -x node_modules/.bin/azurite || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet tool restore

step "Building"
dotnet build Functions.sln -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary"

step "Bicep build and lint"
scripts/lint-infra.sh

step "Running tests"
rm -rf "$results"
set +e
dotnet test Functions.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | grep -vE '^\s*$'
test_exit=${PIPESTATUS[0]}
set -e

# The summary comes from the test results themselves, so a run that executed nothing shows "0 passed".
passed=0; failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [[ $test_exit -ne 0 && $failed -eq 0 ]]; then failed=1; echo "dotnet test exited with $test_exit"; fi
echo "$passed passed, $failed failed"
summary_printed=true
[[ $failed -eq 0 && $passed -gt 0 ]]
