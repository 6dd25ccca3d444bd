"""`python -m benchmarks [NAME…]`: run every benchmark module (or the named ones) and print its report."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

HELPERS = ("large_database",)  # modules the benchmarks share, not benchmarks themselves


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")
                  and m.name not in HELPERS)


def summary(name: str) -> str:
    """The first line of a benchmark's docstring, without importing what it measures."""
    source = (Path(__file__).parent / f"{name}.py").read_text(encoding="utf-8")
    for quote in ('"""', "'''"):
        if quote in source:
            return source.split(quote, 2)[1].strip().splitlines()[0]
    return ""


def main(argv: list[str]) -> int:
    names = available()
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run the speed benchmarks (all of them, or the ones named) and print their figures. "
                    "See docs/performance.md for the method and the goals.",
        epilog="benchmarks:\n" + "\n".join(f"  {name:<20} {summary(name)}" for name in names),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="a benchmark to run (default: all)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in names]
    if unknown:
        parser.error(f"no benchmark called {', '.join(unknown)}; choose from {', '.join(names)}")
    for name in args.names or names:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
