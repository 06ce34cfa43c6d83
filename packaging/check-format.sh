#!/usr/bin/env bash
# Fails when a C++ file of the project differs from .clang-format. Fix with:
#   git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is missing: bash packaging/install-deps.sh"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ ${#files[@]} -eq 0 ]; then
    echo "no C++ files found (not a git checkout?)"; exit 1
fi
bad=()
for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "${#bad[@]} of ${#files[@]} files differ from .clang-format:"
    printf '  %s\n' "${bad[@]}"
    echo "fix: clang-format -i ${bad[*]}"
    exit 1
fi
echo "all ${#files[@]} C++ files match .clang-format ($(clang-format --version))"
