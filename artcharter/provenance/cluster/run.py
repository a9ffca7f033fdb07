"""The driver's side: batches handed to the pool, every image signed and recorded here.

``generate_on_cluster`` is ``generate`` with the rendering sent to the cluster;
``ClusterMaker`` makes a probe campaign's images the same way. Both publish through
``artcharter.provenance.generate.publish_rendered``, so a file and its ledger rows are the
ones a single process would write, with the worker's device, timings and energy."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.errors import EXIT_FAILED, ArtcharterError
from artcharter.provenance.cluster.connect import Cluster, connect
from artcharter.provenance.cluster.pool import Task, WorkerPool
from artcharter.provenance.cluster.worker import Rendered
from artcharter.provenance.label import Signed
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.signing import SigningIdentity


@dataclass
class ClusterRun:
    """A pool of workers rendering for this driver, which signs with ``identity`` (None:
    a probe campaign's images, unsigned) and records in ``ledger``. The workers are given
    neither."""

    pool: WorkerPool
    identity: SigningIdentity | None
    ledger: Ledger | None
    # Each worker's loading, by its id: its energy row is written once per ledger.
    models: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(
        cls,
        address: str,
        *,
        model: str,
        identity: SigningIdentity | None,
        ledger: Ledger | None,
        workers: int | None = None,
        device: str = "auto",
        dtype: str | None = None,
        country: str = "FRA",
    ) -> ClusterRun:
        """Join the cluster and start the workers, each loading ``model``."""
        cluster: Cluster = connect(address, workers=workers, device=device)
        pool = WorkerPool(cluster, model=model, dtype=dtype, country=country)
        try:
            pool.start()
        except BaseException:
            pool.close()
            cluster.close()
            raise
        return cls(pool, identity, ledger)

    @property
    def model(self) -> Any:
        """The model as the workers loaded it (without its pipeline)."""
        return self.pool.model

    def close(self) -> None:
        self.pool.close()
        self.pool.cluster.close()

    def __enter__(self) -> ClusterRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(
        self,
        request: Any,
        seeds: list[int],
        session: str,
        on_image: Callable[[Signed], None],
        on_failed: Callable[[int, str, int], None],
    ) -> None:
        """Render ``seeds`` on a worker; sign and record them here, in order, as they come."""

        def publish(rendered: Rendered) -> None:
            from artcharter.provenance.generate import publish_rendered

            loaded = self.models.setdefault(rendered.model.load_id, rendered.model)
            for signed in publish_rendered(
                loaded,
                rendered.batch,
                request,
                identity=self.identity,
                ledger=self.ledger,
                session=session,
            ):
                on_image(signed)

        def fail(reason: str, tries: int) -> None:
            for seed in seeds:
                on_failed(seed, reason, tries)

        self.pool.submit(Task(request, list(seeds), publish, fail))

    def finish(self) -> None:
        self.pool.drain()


def generate_on_cluster(
    address: str,
    model: str,
    request: Any,
    *,
    identity: SigningIdentity,
    ledger: Ledger | None,
    workers: int | None = None,
    on_image: Callable[[Signed], None] | None = None,
    on_loading: Callable[[str], None] | None = None,
    on_loaded: Callable[[Any], None] | None = None,
) -> list[Signed]:
    """``generate`` with the batches rendered on the cluster at ``address`` and every image
    signed and recorded here, in seed order. Images of a batch given up after three tries
    are missing: the others are kept, then an error says how many and why."""
    from artcharter.provenance.generate import MAX_SEED, new_session_id

    request.check()
    n = request.n
    base_seed = secrets.randbelow(MAX_SEED + 1 - n) if request.seed is None else request.seed
    if on_loading is not None:
        on_loading(model)
    made: list[Signed] = []
    failures: list[tuple[int, str]] = []

    def image(signed: Signed) -> None:
        made.append(signed)
        if on_image is not None:
            on_image(signed)

    with ClusterRun.open(
        address,
        model=model,
        identity=identity,
        ledger=ledger,
        workers=workers,
        device=request.device,
        dtype=request.dtype,
        country=request.grid,
    ) as run:
        if on_loaded is not None:
            on_loaded(run.model)
        session = request.session_id or new_session_id()
        for start in range(0, n, request.batch_size):
            seeds = [base_seed + i for i in range(start, min(n, start + request.batch_size))]
            run.submit(
                request,
                seeds,
                session,
                image,
                lambda seed, reason, tries: failures.append((seed, reason)),
            )
        run.finish()
    if failures:
        raise ArtcharterError(
            MESSAGES(
                "cluster.images_failed",
                count=len(failures),
                total=n,
                seeds=", ".join(str(seed) for seed, _ in failures[:10]),
                value=failures[-1][1],
            ),
            exit_code=EXIT_FAILED,
        )
    return made


@dataclass
class ClusterMaker:
    """A probe campaign's images made on the cluster (``ImageMaker``): ``make`` hands its
    batches to the workers and returns, ``finish`` waits for the last of them."""

    run: ClusterRun
    request: Any  # the campaign's GenerateRequest template: settings, country
    batch_size: int = 1
    failures: list[tuple[str, int, str, int]] = field(default_factory=list)

    @property
    def model_id(self) -> str:
        return str(self.run.model.info.id)

    @property
    def is_demo(self) -> bool:
        return bool(self.run.model.info.is_demo)

    @property
    def weights_sha256(self) -> str | None:
        return self.run.model.info.weights_sha256

    def make(
        self,
        prompt: str,
        first_seed: int,
        n: int,
        output_dir: Path,
        session_id: str,
        on_image: Callable[[int, str, Path, str], None],
    ) -> None:
        request = dataclasses.replace(
            self.request,
            prompt=prompt,
            output_dir=output_dir,
            seed=first_seed,
            n=n,
            batch_size=min(self.batch_size, n),
            session_id=session_id,
        )
        request.check()
        for start in range(0, n, request.batch_size):
            seeds = [first_seed + i for i in range(start, min(n, start + request.batch_size))]
            self.run.submit(
                request,
                seeds,
                session_id,
                lambda signed: on_image(
                    signed.record.generation.seed,
                    signed.record.artwork_id,
                    signed.path,
                    signed.sha256,
                ),
                lambda seed, reason, tries: self.failures.append((prompt, seed, reason, tries)),
            )

    def finish(self) -> list[tuple[str, int, str, int]]:
        self.run.finish()
        given_up, self.failures = self.failures, []
        return given_up
