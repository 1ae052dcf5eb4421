"""Qt fixtures. Sets the offscreen platform before Qt is imported anywhere."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
