#!/usr/bin/env bash
# Build and lint the Bicep deployment in infra/ with a pinned Bicep CLI.
#
# The Bicep CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64, restored by the
# restore-only project infra/tools/BicepTool.csproj into .tools/nuget (gitignored). A second run
# finds the binary already there and skips the restore.
#
# Offline by design: the template uses no registry modules (only local modules/ files), and the
# only analyzer rule that talks to a registry, use-recent-module-versions, is turned off in
# infra/bicepconfig.json because it would need network access and has nothing to check here.
# API versions were picked from the type definitions that ship inside this CLI version, so
# `bicep build` reports no BCP081 (unknown type) warnings.
#
# Exits non-zero on any error or warning from `bicep build` or `bicep lint`.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bicep_version="0.49.2"
packages_dir="$repo_root/.tools/nuget"
bicep="$packages_dir/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
template="infra/main.bicep"

if [[ ! -x "$bicep" ]]; then
  if [[ ! -f "$bicep" ]]; then
    echo "lint-infra: restoring Bicep CLI $bicep_version into .tools/nuget"
    dotnet restore infra/tools/BicepTool.csproj --packages "$packages_dir" --nologo --verbosity quiet
  fi
  chmod +x "$bicep"
fi

if [[ ! -x "$bicep" ]]; then
  echo "lint-infra: Bicep CLI not found at $bicep after restore" >&2
  exit 1
fi

"$bicep" --version

out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

status=0

# Runs one bicep command; fails if it exits non-zero or prints any diagnostic
# (warnings do not change bicep's exit code, so they are caught from its output).
run_step() {
  local label="$1"
  shift
  local log="$out_dir/$label.log"
  local rc=0
  "$@" >"$log" 2>&1 || rc=$?
  if [[ -s "$log" ]]; then
    cat "$log"
  fi
  if [[ $rc -ne 0 ]]; then
    echo "lint-infra: $label failed (exit $rc)" >&2
    status=1
  elif grep -Eq ': (Warning|Error) ' "$log"; then
    echo "lint-infra: $label reported diagnostics" >&2
    status=1
  else
    echo "lint-infra: $label clean"
  fi
}

run_step build "$bicep" build "$template" --outdir "$out_dir"
run_step lint "$bicep" lint "$template"

if [[ ! -s "$out_dir/main.json" ]]; then
  echo "lint-infra: build produced no ARM template" >&2
  status=1
fi

# The parameters file must name only parameters the template declares.
if command -v python3 >/dev/null 2>&1 && [[ -s "$out_dir/main.json" ]]; then
  python3 - "$out_dir/main.json" infra/main.parameters.json <<'PY' || status=1
import json, sys
template = json.load(open(sys.argv[1]))
params = json.load(open(sys.argv[2]))
declared = set(template.get("parameters", {}))
unknown = sorted(set(params.get("parameters", {})) - declared)
if unknown:
    print("lint-infra: main.parameters.json sets unknown parameters: " + ", ".join(unknown), file=sys.stderr)
    sys.exit(1)
print("lint-infra: parameters file clean")
PY
fi

if [[ $status -ne 0 ]]; then
  echo "lint-infra: FAILED" >&2
  exit 1
fi
echo "lint-infra: OK"
