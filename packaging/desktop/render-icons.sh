#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the app icon's PNG sizes for the hicolor theme from the SVG (the source of truth).
# Run after changing the SVG and commit the PNGs: bash packaging/desktop/render-icons.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
svg="$here/icons/hicolor/scalable/apps/de.puddinggabel.Pudding.svg"
for size in 16 24 32 48 64 128 256 512; do
    dir="$here/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" \
        --output "$dir/de.puddinggabel.Pudding.png"
done
echo "render-icons: 8 sizes from $(basename "$svg")"
