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
t0 = time.perf_counter()
if {folder!r}:
    from prompt_audit_bench import load_module
    audit = load_module(Path({folder!r})).audit_prompt
else:
    from artcharter.audits.bias.prompt_audit import audit_prompt as audit
audit("une infirmière noire souriante")
audit("a rich businessman in a suit")
print(time.perf_counter() - t0)
"""


def load_time(folder: Path | None) -> float:
    code = LOADER.format(folder=str(folder) if folder else "", bench=str(Path(__file__).parent))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(done.stdout.strip().splitlines()[-1])


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


def rate(audit: object, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        audit(text)  # type: ignore[operator]
    return len(texts) / (time.perf_counter() - start)


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
        loads: dict[str, list[float]] = {"spacy": [], "patterns": []}
        for _ in range(args.rounds):
            loads["spacy"].append(load_time(None))
            if folder:
                loads["patterns"].append(load_time(folder))

        from artcharter.audits.bias.prompt_audit import audit_prompt

        old = load_module(folder).audit_prompt if folder else None  # type: ignore[attr-defined]
        audit_prompt(texts[0])
        audit_prompt("a nurse")
        rates: dict[str, list[float]] = {"spacy": [], "patterns": []}
        for _ in range(args.rounds):
            rates["spacy"].append(rate(audit_prompt, texts))
            if old:
                old(texts[0])
                rates["patterns"].append(rate(old, texts))
    result = {
        "prompts": len(texts),
        "rounds": args.rounds,
        "load_s": {k: statistics.median(v) for k, v in loads.items() if v},
        "prompts_per_s": {k: statistics.median(v) for k, v in rates.items() if v},
        "load_average_after": os.getloadavg(),
    }
    spacy_rate = result["prompts_per_s"]["spacy"]
    spacy_load = result["load_s"]["spacy"]
    print(f"{len(texts)} prompts (fr, en and mixed), {args.rounds} paired rounds, medians")
    print(f"  spaCy audit     : {spacy_rate:8.0f} prompts/s   load {spacy_load:5.2f} s")
    if folder:
        old_rate = result["prompts_per_s"]["patterns"]
        old_load = result["load_s"]["patterns"]
        print(f"  pattern matcher : {old_rate:8.0f} prompts/s   load {old_load:5.2f} s")
        print(
            f"  ratio spaCy / patterns: {spacy_rate / old_rate:.2f}x the rate, "
            f"{spacy_load / old_load:.1f}x the load time"
        )
    print(
        f"  targets: >= 200 prompts/s {'met' if spacy_rate >= 200 else 'NOT met'}, "
        f"load < 1.5 s {'met' if spacy_load < 1.5 else 'NOT met'}"
    )
    print(f"load average after {os.getloadavg()}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
