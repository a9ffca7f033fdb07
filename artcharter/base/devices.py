"""Which torch device a model runs on: one rule for generation and for the bias probe.

The rule:

- ``auto`` takes the best device present: the first CUDA GPU (``cuda:0``), else Apple's
  Metal backend (``mps``), else ``cpu``.
- An explicit device must exist here: ``cuda`` (the same as ``cuda:0``), ``cuda:N``,
  ``mps`` or ``cpu``. One that is not available is an error in one line, never a silent
  fall-back to another device: a run measured on the CPU is not the run that was asked for.
- Names are read case-insensitively, surrounding spaces ignored; the answer is canonical
  (``cuda:N``, ``mps``, ``cpu``).

torch is not imported here until a device is resolved (or it is passed in), so importing
this module stays cheap.
"""

from __future__ import annotations

from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.messages import MESSAGES

DEVICES = ("auto", "cuda", "cpu", "mps")


def resolve_device(device: str = "auto", torch: Any = None) -> str:
    """The canonical device for ``device`` under the rule above; ``torch`` is the module
    (or a stand-in with its ``cuda`` and ``backends.mps`` queries), imported when None."""
    wanted = device.strip().lower()
    name, colon, number = wanted.partition(":")
    if name not in DEVICES or (colon and name != "cuda"):
        raise BadInput(MESSAGES("device.unknown", device=device))
    if wanted == "cpu":
        return "cpu"
    if torch is None:
        import torch
    if wanted == "auto":
        if torch.cuda.is_available():
            return "cuda:0"
        return "mps" if _mps_available(torch) else "cpu"
    if name == "cuda":
        if not torch.cuda.is_available():
            raise SetupError(MESSAGES("device.no_cuda", param="device"))
        if colon and not (number.isascii() and number.isdigit()):
            raise BadInput(MESSAGES("device.bad_cuda", device=device))
        index = int(number) if colon else 0
        if index >= torch.cuda.device_count():
            raise BadInput(
                MESSAGES(
                    "device.no_such_gpu",
                    device=device,
                    cuda=torch.cuda.device_count(),
                    param="device",
                )
            )
        return f"cuda:{index}"
    if not _mps_available(torch):
        raise SetupError(MESSAGES("device.no_mps", param="device"))
    return "mps"


def _mps_available(torch: Any) -> bool:
    mps = getattr(torch.backends, "mps", None)
    return mps is not None and bool(mps.is_available())
