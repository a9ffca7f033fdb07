"""A cluster worker: the model loaded once on its device, batches rendered on request.

A worker is given a model name and generation settings, never a key, an identity or a
ledger: it returns pixels and measurements, and the signing host does the rest."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from typing import Any

from artcharter.provenance.version import VERSION


@dataclass(frozen=True)
class Rendered:
    """A worker's reply: the batch, the model as that worker loaded it, and who it is."""

    batch: Any  # artcharter.provenance.generate.RenderedBatch
    model: Any  # artcharter.provenance.generate.LoadedModel, described (no pipeline)
    host: str
    pid: int
    version: str


class RenderWorker:
    """Made a Ray actor by the pool (``ray.remote(**options)(RenderWorker)``)."""

    def __init__(
        self, model: str, device: str, dtype: str | None, country: str, threads: int
    ) -> None:
        from artcharter.provenance.generate import described, load_model

        if device == "cpu":
            # On a CPU, pixels depend on how many threads share each operation: a worker
            # uses exactly the CPUs Ray gives it, whatever the host, so that its images are
            # the same on any worker (and as a single process with as many threads).
            import torch

            torch.set_num_threads(threads)
        self.loaded = load_model(model, device=device, dtype=dtype, country=country)
        self.model = described(self.loaded)
        self.host = socket.gethostname()

    def describe(self) -> Rendered:
        return Rendered(None, self.model, self.host, os.getpid(), VERSION)

    def render(self, request: Any, seeds: list[int]) -> Rendered:
        from artcharter.provenance.generate import render_batch

        batch = render_batch(self.loaded, request, seeds)
        return Rendered(batch, self.model, self.host, os.getpid(), VERSION)
