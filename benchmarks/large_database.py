"""The ten-year database the benchmarks run on, made once with `iad-workshops demo --size large`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).with_name("out")


def large_database() -> Path:
    path = OUT / "large.sqlite3"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        partial = OUT / "large-partial.sqlite3"
        partial.unlink(missing_ok=True)
        print("making the large demo database (once)…", flush=True)
        subprocess.run([sys.executable, "-m", "app", "--database", str(partial), "demo", "--size", "large", "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        partial.rename(path)
        for sidecar in ("-wal", "-shm"):
            Path(str(partial) + sidecar).unlink(missing_ok=True)
    return path
