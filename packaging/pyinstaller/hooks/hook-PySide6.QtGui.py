# Overrides PyInstaller's own hook for PySide6.QtGui (a hookspath hook takes precedence) to leave
# out the GTK3 platform theme plugin. It links against GTK 3, which a Qt app does not need and
# which we will not bundle: with it in, PyInstaller warns "Library not found: libgtk-3.so.0" and
# the bundle depends on whatever GTK the target has. Without it, Qt uses its own Fusion look and
# the freedesktop portal (xdgdesktopportal theme) for native file dialogs.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if "libqgtk3" not in str(entry[0])]
