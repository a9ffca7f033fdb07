"""Prompt audit: audits per second after load, and the one-off load, against the pattern
matcher it replaced — side by side in one run, in paired rounds.

    python benchmarks/prompt_audit_bench.py [--rounds 5] [--baseline 1ba58fd]

The pattern matcher is the module and word lists of commit ``--baseline`` (the last commit
before the spaCy audit), read from this repository's git history into a temporary folder;
without git history the comparison is skipped and only the spaCy audit is measured.

Prompts: every prompt of tests/data/prompts_fr.tsv and prompts_en.tsv (French, English and
mixed, written for the tests). Throughput: rounds alternate the two matchers in one process
after both are loaded; the figure is the median over rounds. Load: a fresh Python process per
round imports the audit and audits one French and one English prompt (so both spaCy
pipelines load); the figure is the median wall time of that first call. Targets (issue 20):
at least 200 prompts per second on two cores, and a load under 1.5 s. The machine may be
shared: the load average is printed beside the figures, and ratios measured side by side
matter more than absolute numbers.

The screen (issue 16): per round, the time to build it (reading the pipelines' tables) and
its cost per prompt over the test prompts and the artworks' prompts of
benchmarks/report_bench.py, how many of those prompts it lets skip spaCy altogether, and the
first audit of a prompt that names no one in a fresh process (spaCy never imported).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FILES = ("prompt_audit.py", "data/descriptors.toml", "data/identity_terms.toml",
         "data/occupations.toml")  # fmt: skip


def prompts() -> list[str]:
    out = []
    for lang in ("fr", "en"):
        for line in (DATA / f"prompts_{lang}.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t", 1)[0])
    return out


def baseline_folder(commit: str, into: Path) -> Path | None:
    """The pattern matcher of ``commit`` as a module file beside its word lists."""
    (into / "data").mkdir(parents=True, exist_ok=True)
    for name in FILES:
        path = f"artcharter/audits/{'bias/' if name.endswith('.py') else ''}{name}"
        done = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:{path}"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            return None
        (into / name).write_text(done.stdout, encoding="utf-8")
    return into


LOADER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
t0, c0 = time.perf_counter(), time.process_time()
if {folder!r}:
    from prompt_audit_bench import load_module
    audit = load_module(Path({folder!r})).audit_prompt
else:
    from artcharter.audits.bias.prompt_audit import audit_prompt as audit
audit("une infirmière noire souriante")
audit("a rich businessman in a suit")
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def load_time(folder: Path | None) -> tuple[float, float]:
    """Wall and CPU seconds of the first two audits in a fresh process."""
    code = LOADER.format(folder=str(folder) if folder else "", bench=str(Path(__file__).parent))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def load_module(folder: Path) -> object:
    import importlib.util
    import tomllib

    spec = importlib.util.spec_from_file_location("old_prompt_audit", folder / "prompt_audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_prompt_audit"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.read_data = lambda name: tomllib.loads(  # type: ignore[attr-defined]
        (folder / "data" / name).read_text("utf-8")
    )
    return module


FIRST_PLAIN = """
import sys, time
t0, c0 = time.perf_counter(), time.process_time()
from artcharter.audits.bias.prompt_audit import audit_prompt
audit_prompt("a lighthouse number 0, gouache")
print(time.perf_counter() - t0, time.process_time() - c0, "spacy" in sys.modules)
"""


def subject_prompts() -> list[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from report_bench import prompt_of

    return [prompt_of(i) for i in range(200)]


def screen_rows(rounds: int) -> dict[str, object]:
    """The screen's build time, cost per prompt and share of prompts it lets skip."""
    from artcharter.audits.bias import lexicon, nlp, prompt_audit, screen

    sets = {"test prompts": prompts(), "artwork subjects": subject_prompts()}
    pieces = {
        name: [
            [text.text[r.start : r.end] for r in runs]
            for text, runs in (prompt_audit._runs(p, "en") for p in texts)
        ]
        for name, texts in sets.items()
    }
    builds, costs = [], {name: [] for name in sets}
    for _ in range(rounds):
        start = time.process_time()
        built = screen.build(lexicon.builtin(), [screen.read_pipeline(x) for x in nlp.LANGS])
        builds.append(time.process_time() - start)
        for name, parts in pieces.items():
            flat = [piece for prompt in parts for piece in prompt]
            start = time.process_time()
            for piece in flat:
                built.may_find(piece)
            costs[name].append((time.process_time() - start) / len(flat) * 1e6)
    skipped = {
        name: sum(not any(built.may_find(x) for x in prompt) for prompt in parts)
        for name, parts in pieces.items()
    }
    first = [
        subprocess.run(
            [sys.executable, "-c", FIRST_PLAIN], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(rounds)
    ]
    return {
        "build_ms_cpu": statistics.median(builds) * 1000,
        "us_per_part_cpu": {name: statistics.median(v) for name, v in costs.items()},
        "prompts": {name: len(v) for name, v in sets.items()},
        "skipped": skipped,
        "first_plain_audit_s": {
            "wall": statistics.median(float(f[0]) for f in first),
            "cpu": statistics.median(float(f[1]) for f in first),
            "spacy_imported": any(f[2] == "True" for f in first),
        },
    }


def rate(audit: object, texts: list[str]) -> tuple[float, float]:
    """Prompts per wall second and per CPU second (the audit runs on one thread)."""
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        audit(text)  # type: ignore[operator]
    return (
        len(texts) / (time.perf_counter() - start),
        len(texts) / (time.process_time() - cpu),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", default="1ba58fd")
    args = parser.parse_args()
    texts = prompts()
    print(f"machine: {os.cpu_count()} cores, load average before {os.getloadavg()}")
    print("the machine may be shared with other work: compare the side-by-side ratios")
    with tempfile.TemporaryDirectory() as tmp:
        folder = baseline_folder(args.baseline, Path(tmp))
        if folder is None:
            print(f"no git history for {args.baseline}: measuring the spaCy audit alone")
        loads: dict[str, list[tuple[float, float]]] = {"spacy": [], "patterns": []}
        for _ in range(args.rounds):
            loads["spacy"].append(load_time(None))
            if folder:
                loads["patterns"].append(load_time(folder))

        from artcharter.audits.bias.prompt_audit import audit_prompt

        old = load_module(folder).audit_prompt if folder else None  # type: ignore[attr-defined]
        audit_prompt(texts[0])
        audit_prompt("a nurse")
        rates: dict[str, list[tuple[float, float]]] = {"spacy": [], "patterns": []}
        for _ in range(args.rounds):
            rates["spacy"].append(rate(audit_prompt, texts))
            if old:
                old(texts[0])
                rates["patterns"].append(rate(old, texts))

    def medians(values: dict[str, list[tuple[float, float]]]) -> dict[str, dict[str, float]]:
        return {
            name: {
                "wall": statistics.median(v[0] for v in pairs),
                "cpu": statistics.median(v[1] for v in pairs),
            }
            for name, pairs in values.items()
            if pairs
        }

    result = {
        "prompts": len(texts),
        "rounds": args.rounds,
        "load_s": medians(loads),
        "prompts_per_s": medians(rates),
        "load_average_after": os.getloadavg(),
    }
    print(f"{len(texts)} prompts (fr, en and mixed), {args.rounds} paired rounds, medians")
    print("  per wall second, and per CPU second (what the machine's other work leaves out)")
    for name, label in (("spacy", "spaCy audit    "), ("patterns", "pattern matcher")):
        if name in result["prompts_per_s"]:
            r, ld = result["prompts_per_s"][name], result["load_s"][name]
            print(
                f"  {label}: {r['wall']:7.0f} /s wall {r['cpu']:7.0f} /s CPU   "
                f"load {ld['wall']:5.2f} s wall {ld['cpu']:5.2f} s CPU"
            )
    new_rate, new_load = result["prompts_per_s"]["spacy"], result["load_s"]["spacy"]
    if folder:
        old_rate, old_load = result["prompts_per_s"]["patterns"], result["load_s"]["patterns"]
        print(
            f"  ratio spaCy / patterns (wall): {new_rate['wall'] / old_rate['wall']:.2f}x the "
            f"rate, {new_load['wall'] / old_load['wall']:.1f}x the load time"
        )
    for measure in ("wall", "cpu"):
        print(
            f"  targets ({measure}): >= 200 prompts/s "
            f"{'met' if new_rate[measure] >= 200 else 'NOT met'}, load < 1.5 s "
            f"{'met' if new_load[measure] < 1.5 else 'NOT met'}"
        )
    screened = screen_rows(args.rounds)
    result["screen"] = screened
    print("the screen (parts of a prompt in one language; CPU, medians):")
    print(f"  built in {screened['build_ms_cpu']:.1f} ms")
    for name, count in screened["prompts"].items():
        print(
            f"  {name}: {screened['us_per_part_cpu'][name]:.1f} us per part, "
            f"{screened['skipped'][name]} of {count} prompts skip spaCy"
        )
    first = screened["first_plain_audit_s"]
    print(
        f"  first audit of a prompt naming no one, fresh process: {first['wall']:.2f} s wall "
        f"{first['cpu']:.2f} s CPU, spaCy imported: {first['spacy_imported']}"
    )
    print(f"load average after {os.getloadavg()}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
