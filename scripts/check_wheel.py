"""Build artcharter's wheel, install it into a fresh venv, and list what it added.

Only ``artcharter/`` and its ``.dist-info`` may appear in site-packages: a module named
``provenance`` or ``reports`` at the top would overwrite (or be shadowed by) unrelated
distributions of those names. Offline: the wheel is built without build isolation and
installed without dependencies. Exit 0 when the wheel is clean, 1 otherwise.

    python scripts/check_wheel.py
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def site_packages(env: Path) -> Path:
    purelib = sysconfig.get_path("purelib", vars={"base": str(env), "platbase": str(env)})
    return Path(purelib)


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(out), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = out.glob("artcharter-*.whl")
    return wheel


def added_by(wheel: Path, env: Path) -> list[str]:
    """The top-level entries of site-packages that installing the wheel added."""
    venv.create(env, with_pip=True)
    site = site_packages(env)
    before = {p.name for p in site.iterdir()}
    subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         "--disable-pip-version-check", str(wheel)],
        check=True,
    )  # fmt: skip
    return sorted({p.name for p in site.iterdir()} - before - {"__pycache__"})


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="artcharter-wheel-") as tmp:
        wheel = build_wheel(Path(tmp) / "dist")
        added = added_by(wheel, Path(tmp) / "venv")
    print("site-packages gained:", ", ".join(added))
    unexpected = [
        name for name in added if name != "artcharter" and not name.startswith("artcharter-")
    ]
    if unexpected or "artcharter" not in added:
        print("unexpected:", ", ".join(unexpected) or "(artcharter itself missing)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
