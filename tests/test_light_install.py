"""The light install: with the heavy libraries of the extras absent (torch, diffusers,
open_clip, codecarbon...), label, verify, check, report, cartel, summary, the jury desk
and the prompt audit work; generation and the probes fail with one line naming the extra.

The libraries are made absent in a child process by an import hook that answers as an
uninstalled package does (ModuleNotFoundError with the module's name), so the real code
paths run; pyproject's extras are checked to bring exactly those libraries.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from artcharter.base.extras import EXTRA_OF

from conftest import make_image

ROOT = Path(__file__).resolve().parents[1]
HEAVY = sorted(EXTRA_OF)

RUNNER = """
import importlib.abc, sys

BLOCKED = set(sys.argv[1].split(","))


class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
if sys.argv[2] == "-c":
    exec(sys.argv[3])
else:
    from artcharter.cli import main

    sys.argv = ["artcharter", *sys.argv[2:]]
    main()
"""


def light(tmp: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    runner = tmp / "light_runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    env = {**os.environ, "LANG": "en_US.UTF-8", "PYTHONPATH": str(ROOT)}
    env.pop("ARTCHARTER_LANG", None)
    return subprocess.run(
        [sys.executable, str(runner), ",".join(HEAVY), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def test_extras_bring_the_heavy_libraries_and_the_base_none() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = " ".join(project["dependencies"]).lower()
    for name in ("torch", "diffusers", "open_clip", "codecarbon", "transformers", "nvidia"):
        assert name not in base, name
    extras = project["optional-dependencies"]
    assert any(d.startswith("codecarbon") for d in extras["energy"])
    assert any(d.startswith("open_clip_torch") for d in extras["probes"])
    assert any(d.startswith("diffusers") for d in extras["generate"])
    assert "artcharter[energy,probes]" in extras["generate"]
    # The tests install every capability (generate, the watermark, Ray's cluster...).
    assert any(d.startswith("artcharter[generate") for d in extras["test"])


@pytest.fixture(scope="module")
def light_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("light")
    for args in (
        ("init", "atelier", "--lang", "en"),
        ("--project", "atelier", "keys", "init-school", "--name", "ESAD Exemple"),
        ("--project", "atelier", "keys", "issue", "--artist", "Alice Martin"),
    ):
        done = light(tmp, *args, cwd=tmp)
        assert done.returncode == 0, done.stderr
    return tmp / "atelier"


def test_the_light_commands_work_without_the_extras(light_project: Path) -> None:
    root = light_project
    make_image(root / "phare.png")
    steps = [
        ("label", "phare.png", "-o", "signed.png", "--source-type", "compositeWithTrainedAlgorithmicMedia",
         "--tool", "Midjourney v6", "--prompt", "a lighthouse in the fog", "--title", "Phare"),
        ("verify", "signed.png"),
        ("check", "signed.png"),
        ("report", "signed.png", "-o", "report"),
        ("cartel", "signed.png", "-o", "cartel", "--verify-url", "https://desk.example.org"),
        ("summary", ".", "-o", "summary"),
        ("probe", "prompt", "a nurse and a CEO"),
        ("energy",),
    ]  # fmt: skip
    for args in steps:
        done = light(root.parent, *args, cwd=root)
        assert done.returncode in (0, 1), (args, done.stderr)  # 1: a charter rule failed
        assert "Traceback" not in done.stderr, (args, done.stderr)
    assert (root / "report" / "signed.report.html").exists()
    assert list((root / "cartel").glob("*.html")) and (root / "summary" / "summary.html").exists()


def test_the_desk_answers_without_the_extras(light_project: Path) -> None:
    code = f"""
from pathlib import Path
from fastapi.testclient import TestClient
from artcharter.serve import DeskConfig, create_app
from artcharter.provenance.verify import read_anchors

config = DeskConfig(anchors=read_anchors([Path("keys/school-root.pem")]), lang="fr",
                    allowed_hosts=("testserver",))
with TestClient(create_app(config)) as client:
    page = client.get("/")
    assert page.status_code == 200, page.status_code
    with open("signed.png", "rb") as f:
        answer = client.post("/api/verify", files={{"file": ("signed.png", f, "image/png")}})
    assert answer.status_code == 200, answer.text
    print(answer.json()["verdict"] if "verdict" in answer.json() else answer.text)
import sys
assert not any(m.split(".")[0] in {HEAVY!r} for m in sys.modules)
"""
    if not (light_project / "signed.png").exists():
        make_image(light_project / "phare.png")
        light(light_project.parent, "label", "phare.png", "-o", "signed.png", "--source-type",
              "humanEdits", cwd=light_project)  # fmt: skip
    done = light(light_project.parent, "-c", code, cwd=light_project)
    assert done.returncode == 0, done.stderr
    assert "trusted" in done.stdout


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (("generate", "a lighthouse", "--model", "demo", "-o", "out"), "generate"),
        (("demo", "demo-folder"), "generate"),
        (("probe", "artwork", "signed.png", "--clip", "demo"), "probes"),
        (
            ("probe", "campaign", "--model", "demo", "--clip", "demo", "--subjects", "nurse"),
            "probes",
        ),
    ],
)
def test_commands_that_need_an_extra_name_it(light_project: Path, args, extra: str) -> None:
    done = light(light_project.parent, *args, cwd=light_project)
    assert done.returncode == 3, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, done.stderr  # one line, after any progress line
    assert f'pip install "artcharter[{extra}]"' in errors[0]
    assert "light install" in errors[0]
