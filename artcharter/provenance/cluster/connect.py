"""Joining a Ray cluster (``auto`` starts a local one) and deciding what each worker asks of it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.provenance.messages import MESSAGES

AUTO = "auto"


def import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        from artcharter.base.extras import missing_extra

        raise (missing_extra(exc) or exc) from None
    return ray


@dataclass
class Cluster:
    """A connection to Ray, and the shape of the workers it gets."""

    ray: Any
    address: str
    workers: int
    gpu: bool  # each worker holds one GPU; else one CPU
    started_here: bool

    def actor_options(self) -> dict[str, Any]:
        """Ray resources of one worker: a GPU when the cluster has them, else one CPU.
        Ray restarts nothing by itself: the pool replaces a dead worker and counts tries."""
        options: dict[str, Any] = {"num_cpus": 1, "max_restarts": 0, "max_task_retries": 0}
        if self.gpu:
            options["num_gpus"] = 1
        return options

    @property
    def device(self) -> str:
        # Ray gives each GPU worker its own CUDA_VISIBLE_DEVICES: its GPU is "cuda".
        return "cuda" if self.gpu else "cpu"

    def close(self) -> None:
        """Stop the local instance this run started; a joined cluster is left running."""
        if self.started_here:
            with contextlib.suppress(Exception):
                self.ray.shutdown()


def check_workers(workers: int | None) -> None:
    if workers is not None and workers < 1:
        raise BadInput(MESSAGES("cluster.workers_range", param="workers"))


def connect(address: str, *, workers: int | None = None, device: str = "auto") -> Cluster:
    """Join the cluster at ``address`` (``auto``: start a local Ray instance) and size the
    workers: ``workers`` of them, by default one per GPU, or one per CPU on a cluster without
    GPUs. A process that already joined Ray (``ray.init`` called by the caller) keeps its
    connection."""
    check_workers(workers)
    address = address.strip()
    if not address:
        raise BadInput(MESSAGES("cluster.empty_address", param="cluster"))
    ray = import_ray()
    started_here = False
    if not ray.is_initialized():
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "configure_logging": False,
        }
        try:
            if address == AUTO:
                ray.init(address="local", **options)
                started_here = True
            else:
                ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise SetupError(
                MESSAGES("cluster.cannot_join", address=address, value=_line(exc))
            ) from None
    resources = ray.cluster_resources()
    gpus = int(resources.get("GPU", 0))
    cpus = int(resources.get("CPU", 0))
    gpu = gpus > 0 and (device == "auto" or device.startswith("cuda"))
    if device.startswith("cuda") and not gpu:
        raise SetupError(MESSAGES("cluster.no_gpu", address=address, param="device"))
    available = gpus if gpu else cpus
    wanted = workers or available
    if wanted > available or available < 1:
        cluster = Cluster(ray, address, 0, gpu, started_here)
        cluster.close()
        raise BadInput(
            MESSAGES(
                "cluster.too_many_workers",
                workers=wanted,
                count=available,
                kind="GPU" if gpu else "CPU",
                param="workers",
            )
        )
    return Cluster(ray, address, wanted, gpu, started_here)


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
