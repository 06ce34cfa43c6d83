#!/usr/bin/env bash
# Installs the Debian 12 packages Pudding Gabel needs to build, run and test.
# Idempotent: packages already present are skipped, so a second run is quick.
set -euo pipefail

PACKAGES=(
  # toolchain; clang-format and clang-tidy are checks the tests run (.clang-format, .clang-tidy)
  build-essential cmake ninja-build ccache pkg-config git ca-certificates curl clang-format clang-tidy
  # Qt 6.4 and friends
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-declarative-dev qt6-declarative-dev-tools qt6-positioning-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-image-formats-plugins qt6-qpa-plugins libqt6sql6-psql libqt6svg6
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtquick-templates
  qml6-module-qtquick-dialogs qml6-module-qtquick-shapes qml6-module-qtpositioning
  qml6-module-qttest qml6-module-qtqml
  # Qt Quick's own file chooser needs the folder model; the desktop's chooser goes through the
  # XDG desktop portal where one runs (see client/app/main.cpp)
  qml6-module-qt-labs-folderlistmodel qt6-xdgdesktopportal-platformtheme
  qtkeychain-qt6-dev qcoro-qt6-dev
  # crypto, images
  libsodium-dev libexif-dev libqrencode-dev
  # database
  postgresql-15 postgresql-contrib libpq-dev
  # headless GUI, keyring and benchmark tools
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools wrk jq curl
  fonts-dejavu-core fonts-noto-color-emoji
  # operations: the three-instance test behind a real nginx with TLS, promtool for the metrics
  # format, jsonschema for the API contract (Debian's python3, /usr/bin/python3)
  nginx openssl prometheus python3-jsonschema
  # packaging: Debian packages with debhelper, checked with lintian, appstreamcli,
  # desktop-file-validate and systemd-analyze
  debhelper dpkg-dev fakeroot lintian appstream desktop-file-utils systemd man-db
  # tickets and door check-in: QR decoding (ZXing), the camera (Qt Multimedia), PDF tickets
  # rendered to PNG in tests (pdftoppm), .ics checked by a real iCalendar parser
  libzxing-dev qt6-multimedia-dev qml6-module-qtmultimedia libqt6multimedia6
  gstreamer1.0-plugins-base poppler-utils python3-icalendar
  # mail: SMTP through libcurl; a real SMTP server (aiosmtpd) as the sink the tests read
  libcurl4-openssl-dev python3-aiosmtpd
)

# Fuzzing needs clang and libFuzzer (PUDDING_FUZZ=1 bash packaging/install-deps.sh).
if [ "${PUDDING_FUZZ:-0}" = "1" ]; then
  PACKAGES+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
