"""The ten-year database the benchmarks run on, made once with `iad-workshops demo --size large`.

`large_database(scale)` with a scale above 1 adds the large demo data scale - 1 more times
(`demo --size large --add`): the same twenty semesters with `scale` times the rows, for
checking that costs grow no faster than the data. As every database `demo` makes, it has the
Overview a new window opens with beside it (`<file>-overview.json`).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.views.first_screen import snapshot_file

OUT = Path(__file__).with_name("out")


def large_database(scale: int = 1) -> Path:
    path = OUT / ("large.sqlite3" if scale == 1 else f"large-{scale}x.sqlite3")
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        partial = OUT / f"{path.stem}-partial.sqlite3"
        partial.unlink(missing_ok=True)
        print(f"making the large demo database{'' if scale == 1 else f' at {scale}x'} (once)…", flush=True)
        for extra in range(scale):
            subprocess.run([sys.executable, "-m", "app", "--database", str(partial), "demo", "--size", "large",
                            "--quiet", *(["--add"] if extra else [])], check=True, stdout=subprocess.DEVNULL)
        partial.rename(path)
        for sidecar in ("-wal", "-shm"):
            Path(str(partial) + sidecar).unlink(missing_ok=True)
        # The Overview `demo` left for the first window (app/views/first_screen.py) goes with the file.
        snapshot_file(partial).replace(snapshot_file(path))
    return path
