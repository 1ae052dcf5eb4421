#!/usr/bin/env bash
# Debian/Ubuntu packages OM Planner needs beyond Python.
#   (no option)  what the app needs to open a window on a desktop (Qt's xcb and wayland platforms)
#   --test       also what the test suite needs: LibreOffice Calc (opens our workbooks),
#                poppler-utils (renders our PDFs), desktop-file-utils, appstream and
#                shared-mime-info (validate packaging/linux/), binutils (PyInstaller's objdump)
# Installs only what is missing; runs apt-get through sudo when not root.
set -euo pipefail

packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  fonts-dejavu-core
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libreoffice-calc poppler-utils desktop-file-utils appstream shared-mime-info binutils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "System packages: all present."
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
