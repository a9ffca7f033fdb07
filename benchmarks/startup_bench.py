"""Start-up time, before and after: cold `import artcharter`, `artcharter --help` and
`artcharter verify one.png`, each in a fresh process, as a person (or a script) runs them.

"Before" is another checkout of the project with its own virtual environment, for example
the commit before a change, made with::

    git worktree add ../before <commit> && python3.11 -m venv ../before/.venv
    ../before/.venv/bin/pip install -e ../before

"after" is this one. Rounds are paired: each round runs every case once with each version,
alternating which goes first, so that a change in the machine's load touches both alike.
The table gives the median wall time of the rounds and the median CPU time the process used
(user + system: steadier than wall time when other work shares the machine), the ratios
after/before, and the load average (``os.getloadavg()``) before and after the run.

The signed PNG is made once with the "after" version: a project, a school, an artist and a
labelled image. It is verified as a jury would, from a folder holding only the file and the
school's root certificate (no project, so neither version writes a ledger).

    .venv/bin/python benchmarks/startup_bench.py --before-python ../before/.venv/bin/python
        [--after-python .venv/bin/python] [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ("import artcharter", "artcharter --help", "artcharter verify one.png")


def command(python: Path, case: str) -> list[str]:
    """The command line of ``case`` run with the environment of ``python``."""
    cli = python.parent / "artcharter"
    if case == "import artcharter":
        return [str(python), "-c", "import artcharter"]
    if case == "artcharter --help":
        return [str(cli), "--help"]
    return [str(cli), "verify", "one.png"]


def environment() -> dict[str, str]:
    # Bytecode is read as an installed package reads it (pip compiles it at install):
    # PYTHONDONTWRITEBYTECODE would make both versions compile every module at each start.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ARTCHARTER_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["ARTCHARTER_LANG"] = "en"
    return env


def compile_bytecode(python: Path) -> None:
    """Compile the version's own modules once, as ``pip install`` does for a wheel."""
    where = "import artcharter, pathlib; print(pathlib.Path(artcharter.__file__).parents[1])"
    found = subprocess.run([str(python), "-c", where], capture_output=True, text=True)
    root = found.stdout.strip()
    subprocess.run(
        [str(python), "-m", "compileall", "-q", "-x", r"/\.venv/|/tests/", root],
        env=environment(),
        check=True,
        capture_output=True,
    )


def make_signed_png(python: Path, folder: Path) -> Path:
    """A folder with one signed PNG and the school's root: what a jury receives."""
    cli = str(python.parent / "artcharter")
    project = folder / "project"
    env = environment()

    def run(*args: str) -> None:
        subprocess.run([cli, *args], cwd=folder, env=env, check=True, capture_output=True)

    run("init", str(project), "--name", "Bench", "--lang", "en")
    run("--project", str(project), "keys", "init-school", "--name", "ESAD Bench")
    run("--project", str(project), "keys", "issue", "--artist", "Alice Martin",
        "--email", "alice@example.org", "--default")  # fmt: skip
    source = folder / "source.png"
    subprocess.run(
        [str(python), "-c", "from PIL import Image; "
         f"Image.new('RGB', (512, 512), (180, 60, 40)).save({str(source)!r})"],
        check=True,
    )  # fmt: skip
    run("--project", str(project), "label", str(source), "-o", str(project / "one.png"),
        "--source-type", "compositeWithTrainedAlgorithmicMedia", "--tool", "SD")  # fmt: skip
    jury = folder / "jury"
    (jury / "keys").mkdir(parents=True)
    shutil.copy(project / "one.png", jury / "one.png")
    shutil.copy(project / "keys" / "school-root.pem", jury / "keys" / "school-root.pem")
    return jury


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``argv``, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=environment(), capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--before-python", type=Path, required=True)
    parser.add_argument("--after-python", type=Path, default=Path(sys.executable))
    args = parser.parse_args()
    versions = {"before": args.before_python, "after": args.after_python}
    for name, python in versions.items():
        if not (python.parent / "artcharter").exists():
            raise SystemExit(f"{name}: no artcharter command beside {python}")

    for python in versions.values():
        compile_bytecode(python)
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        jury = make_signed_png(args.after_python, Path(tmp))
        # The "import" case runs in an empty folder: no checkout shadows either install.
        empty = Path(tmp) / "empty"
        empty.mkdir()
        load_before = os.getloadavg()
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for round_index in range(args.rounds):
            order = ("before", "after") if round_index % 2 == 0 else ("after", "before")
            for case in CASES:
                cwd = jury if case.startswith("artcharter verify") else empty
                for name in order:
                    measured = timed(command(versions[name], case), cwd)
                    times.setdefault((case, name), []).append(measured)
        load_after = os.getloadavg()

    print(f"Start-up, median of {args.rounds} fresh processes per cell (paired rounds)")
    print(f"before: {args.before_python}\nafter:  {args.after_python}")
    print(f"load average (1, 5, 15 min): before the run {fmt_load(load_before)}, "
          f"after {fmt_load(load_after)}; {os.cpu_count()} CPUs")  # fmt: skip
    print()
    header = (
        f"{'':<28} {'wall ms':^22} {'CPU ms':^22}\n"
        f"{'case':<28} {'before':>7} {'after':>7} {'ratio':>6} "
        f"{'before':>7} {'after':>7} {'ratio':>6}"
    )
    print(header)
    print("-" * 74)
    slower = []
    for case in CASES:
        wall = [median_ms(times[(case, name)], 0) for name in ("before", "after")]
        cpu = [median_ms(times[(case, name)], 1) for name in ("before", "after")]
        print(
            f"{case:<28} {wall[0]:>7.0f} {wall[1]:>7.0f} {wall[1] / wall[0]:>6.2f} "
            f"{cpu[0]:>7.0f} {cpu[1]:>7.0f} {cpu[1] / cpu[0]:>6.2f}"
        )
        if wall[1] > wall[0]:
            slower.append(case)
    print()
    print("slower after (wall): " + (", ".join(slower) if slower else "none"))


def median_ms(runs: list[tuple[float, float]], which: int) -> float:
    return statistics.median(run[which] for run in runs) * 1000


def fmt_load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
