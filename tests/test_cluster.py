"""Generation on a real local Ray cluster (``num_cpus=2``) with the demo models.

One Ray instance serves the whole module (Ray takes seconds to start). Its worker processes
run ``cluster_hooks.setup``: an audit hook logging every file they open, and a fault switch
for chosen seeds. Drivers are this process (the Python API and the CLI in process) or real
``artcharter`` subprocesses joining the same instance by its address, killed by PID.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cluster_hooks
import pytest
from PIL import Image

from artcharter import CampaignRequest, open_project
from artcharter.provenance import campaign as camp
from artcharter.provenance.campaign.classify import pixels_sha256
from artcharter.provenance.campaign.store import missing_failures
from artcharter.provenance.generate import GenerateRequest

REQUEST = CampaignRequest(
    model="demo", clip="demo", subjects=("nurse", "ceo"), per_prompt=3, steps=1, size=64, new=True
)


@pytest.fixture(scope="module")
def xdg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture(scope="module")
def audit_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audit")


@pytest.fixture(scope="module")
def fail_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "seeds.txt"
    path.write_text("", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def address(xdg: Path, audit_dir: Path, fail_file: Path) -> Iterator[str]:
    """A local Ray instance with two CPUs, its workers audited; its address."""
    import ray
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(cluster_hooks)  # the workers cannot import tests/
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(xdg))  # the raylet and every worker inherit it
        ray.init(
            num_cpus=2,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
            runtime_env={
                "worker_process_setup_hook": cluster_hooks.setup,
                "env_vars": {
                    cluster_hooks.AUDIT_DIR: str(audit_dir),
                    cluster_hooks.FAIL_FILE: str(fail_file),
                    "XDG_CACHE_HOME": str(xdg),
                },
            },
        )
        try:
            yield ray.get_runtime_context().gcs_address
        finally:
            ray.shutdown()


@pytest.fixture
def project(tmp_path: Path, school_dir: Path, xdg: Path, monkeypatch) -> Path:
    from artcharter.provenance.config import init_project, set_config_value

    root = tmp_path / "school"
    init_project(root, "ESAD", lang="en")
    shutil.copytree(school_dir, root / "keys")
    set_config_value(root, "artist", "name", "Alice Martin")
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))  # the demo models, shared with the workers
    return root


def _one_thread() -> Any:
    """A single process computing as a CPU worker does: one thread per operation (on a CPU,
    pixels depend on how many threads share an operation)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    return lambda: torch.set_num_threads(threads)


def _campaign(project: Path, request: CampaignRequest) -> tuple[Any, list[tuple], list[dict]]:
    """Run a campaign; its images, and its artworks' records in the order they were made."""
    with open_project(project) as opened:
        result = opened.probe_campaign(request, artist="Alice Martin")
        images = sorted(
            (i["prompt_key"], i["image_index"], i["seed"], i["pixels_sha256"], i["status"],
             i["reading"])
            for i in camp.iter_campaign_images(opened.ledger, result.campaign_id)
        )  # fmt: skip
        rows = opened.ledger.db.query(
            "SELECT record FROM artworks WHERE session_id = ? ORDER BY rowid",
            [result.campaign_id],
        )
        records = [_comparable(json.loads(r["record"])) for r in rows]
    return result, images, records


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A record less what differs between any two runs: ids, timings, energy, batch ids."""
    record = {k: v for k, v in record.items() if k not in ("artwork_id", "energy", "created_at")}
    generation = dict(record["generation"])
    generation.pop("timings_ms")
    return {**record, "generation": generation}


def test_two_workers_equal_one_process(project: Path, address: str) -> None:
    """Same pixels, readings, figures and records (but ids, timings and energy), in the
    same order, with one process, one worker or two, whatever order batches finish in."""
    restore = _one_thread()
    try:
        single, single_images, single_records = _campaign(project, REQUEST)
    finally:
        restore()
    two, two_images, two_records = _campaign(
        project, dataclasses.replace(REQUEST, cluster=address, workers=2)
    )
    one, one_images, one_records = _campaign(
        project, dataclasses.replace(REQUEST, cluster=address, workers=1)
    )
    assert len(single_images) == 6 and all(i[4] != "pending" for i in single_images)
    assert two_images == single_images and one_images == single_images
    assert two_records == single_records and one_records == single_records
    for result in (two, one):
        assert result.to_dict("en")["prompts"] == single.to_dict("en")["prompts"]
        assert result.to_dict("en")["aggregates"] == single.to_dict("en")["aggregates"]
        assert result.campaign["status"] == "complete" and result.missing == 0
    # The energy of each image was measured on its worker, and is recorded.
    with open_project(project) as opened:
        phases = Counter(
            r["phase"]
            for r in opened.ledger.db.query(
                "SELECT phase FROM energy_runs WHERE session_id = ?", [two.campaign_id]
            )
        )
        assert phases["generation"] == 6 and phases["model-load"] == 2
        # A file made on the cluster is signed here by Alice, and verifies as such.
        path = next(iter(opened.ledger.session_artwork_seeds(two.campaign_id)))["path"]
        verdict = opened.verify(path)
    assert verdict.verdict == "trusted" and "Alice Martin" in json.dumps(verdict.to_dict("en"))


def test_generate_on_the_cluster_and_no_key_read_by_a_worker(
    project: Path, address: str, audit_dir: Path, tmp_path: Path
) -> None:
    request = GenerateRequest("a lighthouse", output_dir=tmp_path / "out", seed=7, n=3, size=64)
    restore = _one_thread()
    try:
        with open_project(project) as opened:
            alone = opened.generate(request, model="demo")
    finally:
        restore()
    with open_project(project) as opened:
        there = opened.generate(request, model="demo", cluster=address, workers=2)

    def pixels(path: Path) -> str:
        with Image.open(path) as image:
            return pixels_sha256(image.convert("RGB"))

    assert [s.record.generation.seed for s in there] == [7, 8, 9]
    assert [pixels(s.path) for s in there] == [pixels(s.path) for s in alone]
    assert all(s.record.author.name == "Alice Martin" for s in there)
    # The driver read Alice's key; no worker process opened any file of the keys folder,
    # though they opened the model's files (the audit sees their opens).
    key_dir = (project / "keys").resolve()
    logs = {p.name: p.read_text(encoding="utf-8") for p in audit_dir.glob("*.log")}
    opened_files = [line for text in logs.values() for line in text.splitlines()]
    assert any("model_index.json" in line or "unet" in line for line in opened_files)
    assert not [line for line in opened_files if "keys" in Path(line).parts]
    assert not [line for line in opened_files if str(key_dir) in line or "school" in line]


def test_a_batch_failing_three_times_is_recorded_and_counted(
    project: Path, address: str, fail_file: Path, capsys
) -> None:
    from artcharter.cli import run as cli

    argv = ["--project", str(project), "probe", "campaign", "--model", "demo", "--clip", "demo",
            "--subjects", "nurse", "--per-prompt", "3", "--steps", "1", "--size", "64",
            "--cluster", address, "--workers", "2"]  # fmt: skip
    fail_file.write_text("1", encoding="utf-8")
    try:
        code = cli(argv)
    finally:
        fail_file.write_text("", encoding="utf-8")
    out = capsys.readouterr().out
    assert code == 1
    assert "1 image missing" in out and "injected fault for seeds [1]" in out
    with open_project(project) as opened:
        (campaign,) = camp.campaigns(opened.ledger)
        failures = missing_failures(opened.ledger, campaign["campaign_id"])
        assert campaign["status"] == "incomplete" and campaign["images_total"] == 2
        assert [(f["seed"], f["tries"]) for f in failures] == [(1, 3)]
    # Run again: the missing image is made, nothing else; the campaign is complete.
    assert cli([*argv, "--resume", campaign["campaign_id"]]) == 0
    with open_project(project) as opened:
        images = list(camp.iter_campaign_images(opened.ledger, campaign["campaign_id"]))
        assert sorted(i["seed"] for i in images) == [0, 1, 2]
        assert camp.get_campaign(opened.ledger, campaign["campaign_id"])["status"] == "complete"
        assert len(opened.ledger.session_artwork_seeds(campaign["campaign_id"])) == 3


# --- real processes killed by their PID ---------------------------------------------------


def _driver(project: Path, address: str, *extra: str) -> subprocess.Popen[str]:
    argv = [str(Path(sys.executable).parent / "artcharter"), "--project", str(project), "probe", "campaign",
            "--model", "demo", "--clip", "demo", "--subjects", "nurse,ceo", "--per-prompt", "8",
            "--steps", "1", "--size", "64", "--cluster", address, "--workers", "2",
            "--artist", "Alice Martin", *extra]  # fmt: skip
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)
    )


def _listed(project: Path) -> int:
    try:
        with sqlite3.connect(project / "artcharter.db", timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM probe_images").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _wait_for(condition: Any, driver: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if driver.poll() is not None:
            pytest.fail(f"the driver ended first ({driver.returncode}): {driver.stderr.read()}")  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _worker_pids() -> list[int]:
    """The processes of live cluster workers (Ray names them after the actor class)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if cmdline.startswith(b"ray::RenderWorker"):
                found.append(int(entry.name))
    return found


def _check_complete(project: Path) -> str:
    """Every seed of the campaign once, in its images and among the session's artworks."""
    with open_project(project) as opened:
        (campaign,) = camp.campaigns(opened.ledger)
        campaign_id = campaign["campaign_id"]
        images = Counter(
            (i["prompt_key"], i["seed"])
            for i in camp.iter_campaign_images(opened.ledger, campaign_id)
        )
        signed = Counter(
            (r["prompt"], r["seed"]) for r in opened.ledger.session_artwork_seeds(campaign_id)
        )
        status = camp.get_campaign(opened.ledger, campaign_id)["status"]
    assert sorted(images) == [
        (key, seed) for key in sorted({k for k, _ in images}) for seed in range(8)
    ]
    assert len(images) == 16 and set(images.values()) == {1}
    assert len(signed) == 16 and set(signed.values()) == {1}, signed
    assert status == "complete"
    return campaign_id


def test_a_worker_killed_mid_run_has_its_batches_retried(project: Path, address: str) -> None:
    driver = _driver(project, address)
    try:
        _wait_for(lambda: _listed(project) >= 2 and len(_worker_pids()) == 2, driver)
        at_kill = _listed(project)
        os.kill(_worker_pids()[0], signal.SIGKILL)
        _out, err = driver.communicate(timeout=300)
    finally:
        driver.kill()
    assert driver.returncode == 0, err
    assert at_kill < 16
    _check_complete(project)


def test_a_driver_killed_mid_run_resumes_without_duplicates(project: Path, address: str) -> None:
    driver = _driver(project, address)
    try:
        _wait_for(lambda: _listed(project) >= 3, driver)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(timeout=60)
    finally:
        driver.kill()
    with open_project(project) as opened:
        (campaign,) = camp.campaigns(opened.ledger)
        signed_before = {
            r["artwork_id"] for r in opened.ledger.session_artwork_seeds(campaign["campaign_id"])
        }
    assert 3 <= len(signed_before) < 16
    resumed = _driver(project, address, "--resume", campaign["campaign_id"])
    _out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    campaign_id = _check_complete(project)
    with open_project(project) as opened:
        after = {r["artwork_id"] for r in opened.ledger.session_artwork_seeds(campaign_id)}
    assert signed_before <= after  # what was signed was kept, not made again
    leftovers = [p for p in (project / "probes").rglob("*") if p.name.endswith(".partial")]
    assert leftovers == []


def test_without_cluster_nothing_imports_ray(tmp_path: Path, xdg: Path) -> None:
    """The single-process path is unchanged: generating without --cluster imports no Ray."""
    root = tmp_path / "p"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from artcharter.cli import run\n"
        "from artcharter.provenance import keys\n"
        "from artcharter.provenance.config import init_project, set_config_value\n"
        f"root = Path({str(root)!r})\n"
        "init_project(root, 'ESAD', lang='en')\n"
        "keys.init_school(root / 'keys', 'ESAD')\n"
        "keys.issue_artist(root / 'keys', 'Alice Martin', 'a@example.org')\n"
        "set_config_value(root, 'artist', 'name', 'Alice Martin')\n"
        "code = run(['--project', str(root), 'generate', 'a cat', '--model', 'demo',"
        " '--size', '64', '-o', str(root / 'out')])\n"
        "print(code, [m for m in sys.modules if m == 'ray' or m.startswith('ray.')][:3])\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.stdout.splitlines()[-1] == "0 []", out.stderr
