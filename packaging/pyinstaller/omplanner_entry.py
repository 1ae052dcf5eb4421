"""The bundled program's entry point: the same ``omplanner`` launcher as the pip-installed script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
