#!/usr/bin/env bash
# Install a built bundle for the current user, with its menu entry, icon and .omplan file type,
# so that double-clicking a plan in the file manager opens it in OM Planner. No root needed.
#   bash packaging/linux/install-desktop-integration.sh [dist/omplanner]
#   bash packaging/linux/install-desktop-integration.sh --uninstall
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
id=org.omplanner.OMPlanner
data="${XDG_DATA_HOME:-$HOME/.local/share}"
prefix="$HOME/.local/opt/omplanner"
bin="$HOME/.local/bin"

if [[ "${1:-}" == "--uninstall" ]]; then
  rm -rf "$prefix" "$bin/omplanner" "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml" \
         "$data/icons/hicolor/scalable/apps/$id.svg" "$data/mime/packages/$id.xml"
else
  bundle="$(cd "${1:-$here/../../dist/omplanner}" && pwd)"
  [[ -x "$bundle/omplanner" ]] || { echo "no bundle at $bundle: run bash packaging/build.sh" >&2; exit 1; }
  mkdir -p "$prefix" "$bin" "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps" \
           "$data/mime/packages"
  rm -rf "$prefix" && cp -a "$bundle" "$prefix"
  ln -sf "$prefix/omplanner" "$bin/omplanner"
  # The desktop file names the program by its full path: ~/.local/bin is not on every PATH.
  sed "s|^Exec=omplanner|Exec=$prefix/omplanner|; s|^TryExec=omplanner|TryExec=$prefix/omplanner|" \
      "$here/$id.desktop" >"$data/applications/$id.desktop"
  cp "$here/$id.metainfo.xml" "$data/metainfo/"
  cp "$here/../../resources/icons/app.svg" "$data/icons/hicolor/scalable/apps/$id.svg"  # the app's own icon
  cp "$here/$id.mime.xml" "$data/mime/packages/$id.xml"
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
if [[ "${1:-}" != "--uninstall" ]] && command -v xdg-mime >/dev/null; then
  xdg-mime default "$id.desktop" application/vnd.omplanner.plan+json
fi
if [[ "${1:-}" == "--uninstall" ]]; then
  echo "OM Planner removed from $prefix and $data"
else
  echo "OM Planner installed in $prefix; menu entry, icon and .omplan type in $data"
fi
