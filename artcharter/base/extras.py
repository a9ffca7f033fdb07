"""The optional extras of the install, and the one line that names the extra a command
needs when its library is missing.

`pip install artcharter` is the light install: label, verify, check, report, cartel,
summary, the jury desk and the prompt audit. Generation, the CLIP bias probes and energy
measurement need heavy libraries (PyTorch and its CUDA builds weigh gigabytes), which come
with the extras declared in pyproject.toml. A command that reaches one of them without it
fails with ``missing_extra``'s message instead of a traceback.
"""

from __future__ import annotations

from artcharter.base.errors import EXIT_SETUP, SetupError
from artcharter.base.messages import MESSAGES

# Each heavy library (its import name) and the extra that installs it. PyTorch is in
# both `probes` and `generate`: the message names both.
EXTRA_OF = {
    "torch": "probes",
    "torchvision": "probes",
    "open_clip": "probes",
    "timm": "probes",
    "diffusers": "generate",
    "transformers": "generate",
    "accelerate": "generate",
    "safetensors": "generate",
    "codecarbon": "energy",
    "ray": "cluster",
}


def missing_extra(error: ImportError) -> SetupError | None:
    """The error to show for ``error``, a failed import of a library an extra brings;
    None when the missing module is not one of them (a real bug, left to surface)."""
    module = (getattr(error, "name", None) or "").split(".")[0]
    extra = EXTRA_OF.get(module)
    if extra is None:
        return None
    key = "extras.missing_torch" if module in ("torch", "torchvision") else "extras.missing"
    return SetupError(MESSAGES(key, module=module, extra=extra), EXIT_SETUP)
