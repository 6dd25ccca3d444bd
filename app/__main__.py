"""`python -m app` does what `iad-workshops` does."""
import sys

from app.cli import main

sys.exit(main())
