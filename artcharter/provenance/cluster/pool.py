"""The workers of one run: batches dispatched with bounded back-pressure, published in
order, retried on another worker when theirs dies, given up after three tries."""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from artcharter.base.errors import ArtcharterError, SetupError
from artcharter.provenance.cluster.connect import Cluster
from artcharter.provenance.cluster.worker import Rendered, RenderWorker
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.version import VERSION

MAX_TRIES = 3  # a batch that failed this many times is recorded as failed
PER_WORKER = 2  # batches queued on a worker: the next one is there when it finishes
WINDOW_PER_WORKER = 4  # batches between the oldest unpublished and the newest dispatched


@dataclass
class Task:
    """One batch: the request it belongs to, its seeds, and what the driver does with it."""

    request: Any  # artcharter.provenance.generate.GenerateRequest
    seeds: list[int]
    publish: Callable[[Rendered], None]
    fail: Callable[[str, int], None]  # reason, tries
    seq: int = -1
    tries: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Worker:
    actor: Any
    busy: int = 0


class WorkerPool:
    """Ray actors rendering batches for this driver, which alone signs and records.

    At most ``window`` batches are between the oldest one not yet published and the newest
    one dispatched (rendered images waiting for an earlier batch included): ``submit``
    blocks, publishing what comes back, until there is room. The driver's memory is then
    bounded by ``window`` batches whatever the cluster's speed.
    """

    def __init__(
        self,
        cluster: Cluster,
        *,
        model: str,
        dtype: str | None,
        country: str,
        window: int | None = None,
    ) -> None:
        self.cluster = cluster
        self.ray = cluster.ray
        self._remote = self.ray.remote(**cluster.actor_options())(RenderWorker)
        options = cluster.actor_options()
        self._args = (model, cluster.device, dtype, country, options["num_cpus"])
        self.window = window or WINDOW_PER_WORKER * cluster.workers
        self._spare = cluster.workers  # dead workers that may be replaced
        self._workers: list[_Worker] = []
        self._waiting: deque[Task] = deque()
        self._running: dict[Any, tuple[Task, _Worker]] = {}
        self._finished: dict[int, tuple[Task, Rendered | None]] = {}
        self._next_seq = 0
        self._next_publish = 0
        self.model: Any = None  # the model as the workers loaded it (described)
        self.failed = 0  # batches given up
        self.replaced = 0  # workers that died and were replaced

    # --- life ---------------------------------------------------------------------------

    def start(self) -> Any:
        """Start the workers, each loading the model; return the model as they describe it.
        A model that cannot load raises the worker's own error."""
        self._workers = [_Worker(self._spawn()) for _ in range(self.cluster.workers)]
        replies = [w.actor.describe.remote() for w in self._workers]
        try:
            described = self.ray.get(replies)
        except Exception as exc:
            raise _cause(exc) or SetupError(
                MESSAGES("cluster.worker_failed", value=_line(exc))
            ) from None
        for reply in described:
            self._check(reply)
        return self.model

    def close(self) -> None:
        """Stop this run's workers (their GPUs go back to the cluster)."""
        for worker in self._workers:
            with contextlib.suppress(Exception):
                self.ray.kill(worker.actor, no_restart=True)
        self._workers = []

    def _spawn(self) -> Any:
        return self._remote.remote(*self._args)

    # --- batches ------------------------------------------------------------------------

    def submit(self, task: Task) -> None:
        task.seq = self._next_seq
        self._next_seq += 1
        self._waiting.append(task)
        self._dispatch()
        while self._next_seq - self._next_publish >= self.window:
            self._step()

    def drain(self) -> None:
        """Wait for every submitted batch to be published or given up."""
        while self._next_publish < self._next_seq:
            self._step()

    def _dispatch(self) -> None:
        while self._waiting:
            free = [w for w in self._workers if w.busy < PER_WORKER]
            if not free:
                return
            worker = min(free, key=lambda w: w.busy)
            task = self._waiting.popleft()
            ref = worker.actor.render.remote(task.request, task.seeds)
            worker.busy += 1
            self._running[ref] = (task, worker)

    def _step(self) -> None:
        self._dispatch()
        if not self._running:
            raise SetupError(MESSAGES("cluster.no_workers_left", address=self.cluster.address))
        (ref,), _ = self.ray.wait(list(self._running), num_returns=1)
        task, worker = self._running.pop(ref)
        worker.busy -= 1
        try:
            rendered = self.ray.get(ref)
        except self.ray.exceptions.RayActorError as exc:
            self._lost(worker)
            self._retry(task, MESSAGES("cluster.worker_died", value=_line(exc)).render("en"))
        except self.ray.exceptions.RayTaskError as exc:
            cause = _cause(exc)
            if cause is not None:
                raise cause from None  # the person's mistake, the same on every worker
            self._retry(task, _reason(exc))
        else:
            self._check(rendered)
            self._finished[task.seq] = (task, rendered)
        self._dispatch()
        self._publish_ready()

    def _retry(self, task: Task, reason: str) -> None:
        task.tries += 1
        task.reasons.append(reason)
        if task.tries >= MAX_TRIES:
            self._finished[task.seq] = (task, None)
        else:
            self._waiting.appendleft(task)

    def _lost(self, worker: _Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
            with contextlib.suppress(Exception):
                self.ray.kill(worker.actor, no_restart=True)
            if self._spare > 0:
                self._spare -= 1
                self.replaced += 1
                self._workers.append(_Worker(self._spawn()))

    def _publish_ready(self) -> None:
        while self._next_publish in self._finished:
            task, rendered = self._finished.pop(self._next_publish)
            self._next_publish += 1
            if rendered is None:
                self.failed += 1
                task.fail(task.reasons[-1], task.tries)
            else:
                task.publish(rendered)

    def _check(self, reply: Rendered) -> None:
        """Every worker runs this artcharter and the very same weights."""
        if reply.version != VERSION:
            raise SetupError(
                MESSAGES(
                    "cluster.other_version", host=reply.host, value=reply.version, version=VERSION
                )
            )
        if self.model is None:
            self.model = reply.model
            return
        if reply.model.info.weights_sha256 != self.model.info.weights_sha256:
            raise SetupError(
                MESSAGES(
                    "cluster.other_weights",
                    host=reply.host,
                    model_id=self.model.info.id,
                    value=str(reply.model.info.weights_sha256)[:12],
                )
            )


def _cause(exc: BaseException) -> ArtcharterError | None:
    """The artcharter error a worker raised (a bad setting, a model that cannot load)."""
    found = getattr(exc, "cause", None)
    if isinstance(found, ArtcharterError):
        return found
    return exc if isinstance(exc, ArtcharterError) else None


def _reason(exc: BaseException) -> str:
    cause = getattr(exc, "cause", None) or exc
    return f"{type(cause).__name__}: {_line(cause)}"


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
