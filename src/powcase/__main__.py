"""``python -m powcase``: the same as the ``powcase`` command."""

import sys

from powcase.cli import main

sys.exit(main())
