#!/usr/bin/env bash
# Runs clang-tidy with the checks in .clang-tidy on every C++ source file of the project that the
# build compiles (headers through HeaderFilterRegex); any finding fails.
# Usage: packaging/check-tidy.sh BUILD_DIR   (a configured build with compile_commands.json)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
build="${1:?usage: check-tidy.sh BUILD_DIR}"
command -v run-clang-tidy >/dev/null || { echo "clang-tidy is missing: bash packaging/install-deps.sh"; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "$build/compile_commands.json is missing: configure the build first"; exit 1; }
# The project's own translation units: tracked .cpp files that the build compiles.
mapfile -t files < <(python3 - "$build/compile_commands.json" "$root" <<'PY'
import json, subprocess, sys
db, root = sys.argv[1], sys.argv[2]
tracked = set(subprocess.run(["git", "ls-files", "*.cpp"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.split())
seen = set()
for entry in json.load(open(db)):
    path = entry["file"]
    if path.startswith(root + "/"):
        rel = path[len(root) + 1:]
        if rel in tracked and rel not in seen:
            seen.add(rel)
            print(path)
PY
)
if [ ${#files[@]} -eq 0 ]; then
    echo "no project sources in $build/compile_commands.json"; exit 1
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Filter by file name list: run-clang-tidy takes regexes, so escape nothing and pass exact paths.
if run-clang-tidy -quiet -p "$build" -j "$(nproc)" "${files[@]}" >"$log" 2>&1; then
    echo "clang-tidy: ${#files[@]} files clean"
else
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "(warning|error): " | sort -u
    echo "clang-tidy found problems in the files above (checks: .clang-tidy)"
    exit 1
fi
