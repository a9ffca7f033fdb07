"""Keep diffusers and transformers quiet: a command prints one line per fact, not their logs.

Their verbosity and progress bars are process-wide settings; they are changed for the
duration of a block and put back as they were.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def quiet_libraries(*, progress: bool = False) -> Iterator[None]:
    """Errors only from diffusers and transformers; their progress bars only if ``progress``."""
    modules: list[Any] = []
    with contextlib.suppress(ImportError):
        from diffusers.utils import logging as diffusers_logging

        modules.append(diffusers_logging)
    with contextlib.suppress(ImportError):
        from transformers.utils import logging as transformers_logging

        modules.append(transformers_logging)
    saved = [(m.get_verbosity(), m.is_progress_bar_enabled()) for m in modules]
    for module in modules:
        module.set_verbosity_error()
        if not progress:
            module.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            # diffusers renames torch_dtype to dtype; older releases know only torch_dtype.
            warnings.filterwarnings("ignore", message=".*torch_dtype.* is deprecated")
            yield
    finally:
        for module, (verbosity, enabled) in zip(modules, saved, strict=True):
            module.set_verbosity(verbosity)
            if enabled:
                module.enable_progress_bar()
