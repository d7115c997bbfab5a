"""Import a script of `scripts/` as a module, as `python scripts/NAME.py` would run it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script(name: str) -> ModuleType:
    """Return `scripts/<name>.py` loaded as the module `dyad_<name>`.

    The scripts folder joins `sys.path` first, so a script that imports its neighbours
    (`realtext_complete` imports `realtext_select`) finds them; the module is registered
    by name, since dataclasses look their module up there.
    """
    if str(SCRIPTS) not in sys.path:
        sys.path.append(str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(f"dyad_{name}", SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
