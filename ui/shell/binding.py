"""The Qt binding's import tax, lifted.

Once PySide6 is loaded it looks at every module imported after it, to give the ones that use
PySide6 a default for its opt-in `from __feature__ import snake_case, true_property` syntax.
It decides by reading the module's whole source file (`inspect.getsource`) and searching it
for the word "PySide6": SQLAlchemy, the models and the tabs' code, imported behind the first
paint, then cost about 50 ms more to import than without PySide6 (benchmarks/window.py;
docs/performance.md). This program uses no `__feature__`, so the answer only has to be the
same for the modules that matter: `skip_source_scan` has PySide6 decide from what the module
holds once imported (a PySide6 module or class among its names) instead of its text.
"""
from __future__ import annotations

import sys
from types import ModuleType

BINDING_PREFIXES = ("PySide6.", "shiboken6.")


def refers_to_binding(module: ModuleType) -> bool:
    """Whether an imported module holds a PySide6 module or class under one of its names. Only types and modules
    are looked at: asking anything else for its `__module__` could run code (a lazy module's `__getattr__`)."""
    for value in list(vars(module).values()):
        if isinstance(value, type):
            owner = value.__module__
        elif isinstance(value, ModuleType):
            owner = value.__name__
        else:
            continue
        if isinstance(owner, str) and (owner + ".").startswith(BINDING_PREFIXES):
            return True
    return False


def skip_source_scan() -> bool:
    """Replace PySide6's source scan with `refers_to_binding`; False (and nothing changed) where this PySide6
    has no such scan."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = refers_to_binding  # type: ignore[attr-defined]
    return True
