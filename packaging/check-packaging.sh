#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fast checks of the packaging files (run by ctest, tests/packaging.cmake), each with a
# negative control: a broken copy that the same checker must refuse.
#   check-packaging.sh desktop|metainfo|man|icons|unit [path to pudding-server]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() { echo "check-packaging: $*" >&2; exit 1; }
# The checker must refuse the broken copy, with the given message.
expect_refused() {
    local what="$1" pattern="$2"
    shift 2
    local out
    if out="$("$@" 2>&1)"; then
        fail "negative control: $what was accepted: $out"
    fi
    grep -q -- "$pattern" <<<"$out" || fail "negative control: $what: expected '$pattern' in: $out"
    echo "negative control ok: $what"
}

desktop="$here/desktop/de.puddinggabel.Pudding.desktop"
metainfo="$here/desktop/de.puddinggabel.Pudding.metainfo.xml"

case "${1:-}" in
desktop)
    out="$(desktop-file-validate "$desktop" 2>&1)" || fail "$out"
    [ -z "$out" ] || fail "desktop-file-validate: $out"
    echo "desktop-file-validate: clean"
    sed 's/^Categories=.*/Categories=Pudding;/' "$desktop" >"$tmp/broken.desktop"
    expect_refused "a desktop file with an unknown main category" "Pudding" \
        desktop-file-validate "$tmp/broken.desktop"
    ;;
metainfo)
    appstreamcli validate --no-net --pedantic "$metainfo"
    sed 's#<project_license>.*</project_license>#<project_license>Pudding-License</project_license>#' \
        "$metainfo" >"$tmp/broken.metainfo.xml"
    expect_refused "metainfo with an unknown licence" "spdx-license-unknown" \
        appstreamcli validate --no-net "$tmp/broken.metainfo.xml"
    ;;
man)
    for page in "$here"/man/*.1; do
        out="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)"
        [ -z "$out" ] || fail "$(basename "$page"): $out"
        grep -q '^\.SH NAME' "$page" || fail "$(basename "$page") has no NAME section"
        echo "man --warnings: $(basename "$page") clean"
    done
    printf '.TH BROKEN 1\n.SH NAME\nbroken \\- test\n.XX undefined macro\n' >"$tmp/broken.1"
    expect_refused "a man page with an undefined macro" "warning" \
        sh -c 'out="$(LC_ALL=C.UTF-8 man --warnings -l "$1" 2>&1 >/dev/null)"; echo "$out"; [ -z "$out" ]' \
        sh "$tmp/broken.1"
    ;;
icons)
    svg="$here/desktop/icons/hicolor/scalable/apps/de.puddinggabel.Pudding.svg"
    [ -f "$svg" ] || fail "no scalable icon"
    for size in 16 24 32 48 64 128 256 512; do
        png="$here/desktop/icons/hicolor/${size}x${size}/apps/de.puddinggabel.Pudding.png"
        [ -f "$png" ] || fail "no ${size}x${size} icon"
        # PNG header: width and height as big-endian 32-bit numbers at bytes 16..23.
        dims="$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')"
        [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
    done
    grep -q '^Icon=de.puddinggabel.Pudding$' "$desktop" || fail "the desktop file names another icon"
    echo "icons: scalable + 8 PNG sizes, named as the desktop file says"
    ;;
unit)
    server="${2:?path to the pudding-server binary}"
    unit="$here/systemd/pudding-server.service"
    # The unit as installed names /usr/bin/pudding-server; verify it against the built one.
    sed "s#^ExecStart=/usr/bin/pudding-server #ExecStart=$server #" "$unit" \
        >"$tmp/pudding-server.service"
    grep -q "^ExecStart=$server " "$tmp/pudding-server.service" || fail "no ExecStart to replace"
    # --man=no: the man page is checked by the man test; here it is not installed.
    systemd-analyze verify --man=no "$tmp/pudding-server.service"
    echo "systemd-analyze verify: clean"
    # Hardening must not regress: exposure at most 2.0 (threshold is in tenths).
    systemd-analyze security --offline=true --threshold=20 "$tmp/pudding-server.service" \
        | tail -n 1
    sed 's#^ExecStart=.*#ExecStart=/nonexistent/pudding-server#' "$tmp/pudding-server.service" \
        >"$tmp/broken.service"
    expect_refused "a unit whose ExecStart does not exist" "is not executable" \
        systemd-analyze verify --man=no "$tmp/broken.service"
    grep -v -E '^(Protect|Private|Restrict|SystemCall|Capability|NoNewPrivileges|MemoryDeny|Lock)' \
        "$tmp/pudding-server.service" >"$tmp/plain.service"
    expect_refused "the unit without its hardening" "exposure level" \
        bash -c 'systemd-analyze security --offline=true --threshold=20 "$1" | tail -n 1
                 exit "${PIPESTATUS[0]}"' bash "$tmp/plain.service"
    ;;
*)
    fail "usage: $0 desktop|metainfo|man|icons|unit [pudding-server]"
    ;;
esac
