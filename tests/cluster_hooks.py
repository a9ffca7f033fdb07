"""Set-up run in every Ray worker process of the cluster tests (``worker_process_setup_hook``).

Two instruments, both outside artcharter's code: an audit hook (PEP 578) that logs every file
a worker opens, to prove the private key is never read there; and a fault switch that makes
the rendering of chosen seeds raise, as a broken GPU or driver would, to exercise the
pool's retries. Both are driven by environment variables the test sets for its Ray job."""

from __future__ import annotations

import os
import sys
from typing import Any

AUDIT_DIR = "ARTCHARTER_TEST_AUDIT_DIR"
FAIL_FILE = "ARTCHARTER_TEST_FAIL_SEEDS"


def setup() -> None:
    audit = os.environ.get(AUDIT_DIR)
    if audit:
        log = open(os.path.join(audit, f"{os.getpid()}.log"), "a", buffering=1)  # noqa: SIM115

        def hook(event: str, args: tuple[Any, ...]) -> None:
            if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
                log.write(os.fsdecode(args[0]) + "\n")

        sys.addaudithook(hook)
    fail = os.environ.get(FAIL_FILE)
    if fail:
        from artcharter.provenance import generate

        real = generate._run_pipeline

        def failing(loaded: Any, prompt: str, negative: Any, batch: Any, **kwargs: Any) -> Any:
            try:
                with open(fail, encoding="utf-8") as f:
                    seeds = {int(x) for x in f.read().split()}
            except OSError:
                seeds = set()
            hit = sorted(seeds & set(batch.seeds))
            if hit:
                raise RuntimeError(f"injected fault for seeds {hit}")
            return real(loaded, prompt, negative, batch, **kwargs)

        generate._run_pipeline = failing
