"""The frozen program's entry point: the same `iad-workshops` command as the installed one."""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
