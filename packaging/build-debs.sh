#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages pudding-server and pudding into dist/, then checks them with
# lintian and appstreamcli. Usage: bash packaging/build-debs.sh
#
# The tree (tracked files plus uncommitted changes, no build directories) is copied to
# build-deb/, packaging/debian becomes its debian/ (the systemd unit, sysusers.d and
# tmpfiles.d files from packaging/systemd under debhelper's names), and dpkg-buildpackage
# builds the binary packages there. Environment: JOBS (default 2) parallel compile jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
jobs="${JOBS:-2}"

for tool in dpkg-buildpackage dh lintian appstreamcli desktop-file-validate; do
    command -v "$tool" >/dev/null || {
        echo "build-debs: $tool is missing (bash packaging/install-deps.sh)" >&2
        exit 1
    }
done
dpkg-checkbuilddeps packaging/debian/control

version="$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)"
work="$root/build-deb"
src="$work/pudding-gabel-$version"
rm -rf "$work"
mkdir -p "$src" "$root/dist"

# A clean copy of the tree: what git tracks (as it is now in the work tree) and new files git
# does not ignore; without git, everything but build output.
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
        | tar --null -T - -cf - | tar -xf - -C "$src"
else
    tar --exclude='./build*' --exclude=./dist --exclude=./.pudding -cf - . | tar -xf - -C "$src"
fi

cp -r packaging/debian "$src/debian"
cp packaging/systemd/pudding-server.service "$src/debian/pudding-server.service"
cp packaging/systemd/pudding-server.sysusers "$src/debian/pudding-server.sysusers"
cp packaging/systemd/pudding-server.tmpfiles "$src/debian/pudding-server.tmpfiles"

# ccache speeds up rebuilds when it is there; the packages do not depend on it. The source
# copy always has the same path, so the cache hits across runs.
# debhelper gives the build a HOME of its own, so the cache directory is named here.
if command -v ccache >/dev/null; then
    CCACHE_DIR="$(ccache --get-config cache_dir)"
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="$src" CCACHE_DIR
fi
export DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS:-}"
(cd "$src" && nice dpkg-buildpackage -us -uc -b)

changes="$(ls "$work"/pudding-gabel_"${version}"_*.changes)"
rm -f "$root"/dist/*
# The files the .changes lists (packages, debug symbols, buildinfo), and the .changes itself.
sed -n '/^Files:/,/^[^ ]/s/^ [0-9a-f]\{32\} [0-9]* [^ ]* [^ ]* //p' "$changes" \
    | while read -r f; do mv "$work/$f" "$root/dist/"; done
mv "$changes" "$root/dist/"
changes="$root/dist/$(basename "$changes")"

echo "build-debs: lintian"
# --pedantic and --info show every tag for review; any error, warning or info fails the build
# (overrides, each with a reason, live in packaging/debian/*.lintian-overrides).
lintian --info --display-info --pedantic --fail-on error,warning,info "$changes"

echo "build-debs: appstreamcli and desktop-file-validate on the packaged files"
appstreamcli validate --no-net --explain "$src/debian/pudding/usr/share/metainfo/de.puddinggabel.Pudding.metainfo.xml"
desktop-file-validate "$src/debian/pudding/usr/share/applications/de.puddinggabel.Pudding.desktop"

echo "build-debs: done"
ls -l "$root/dist"
