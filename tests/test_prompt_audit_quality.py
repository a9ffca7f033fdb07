"""Precision and recall of the prompt audit on prompts written for it, in each language.

tests/data/prompts_fr.tsv and prompts_en.tsv hold, for each prompt, the findings a careful
reader expects: kind, category, the words as written, and "neg" when they are negated. A
finding counts as right only when all four match. Prompts that must list nothing ("un vin
riche", "a poor harvest") count through precision. The test prints the figures per language
and per kind (run with -s to see them) and fails under 0.95 precision or 0.90 recall.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from artcharter.audits.bias.prompt_audit import audit_prompt

DATA = Path(__file__).parent / "data"
MIN_PRECISION = 0.95
MIN_RECALL = 0.90

Key = tuple[str, str, str, bool]


def read_cases(lang: str) -> list[tuple[str, set[Key]]]:
    cases = []
    for line in (DATA / f"prompts_{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        prompt, _, expected = line.partition("\t")
        keys: set[Key] = set()
        for item in filter(None, (x.strip() for x in expected.split(" | "))):
            kind, category, text, *neg = item.split("/")
            keys.add((kind, category, text, neg == ["neg"]))
        cases.append((prompt, keys))
    return cases


def found(prompt: str) -> set[Key]:
    return {
        (f.kind, f.category, f.text, f.negated)
        for f in audit_prompt(prompt).findings
        if f.kind != "name"
    }


def evaluate(lang: str) -> dict[str, object]:
    """Counts per kind, and the prompts where the audit and the expectation differ."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    differences = []
    for prompt, expected in read_cases(lang):
        got = found(prompt)
        for key in got & expected:
            tp[key[0]] += 1
        for key in got - expected:
            fp[key[0]] += 1
        for key in expected - got:
            fn[key[0]] += 1
        if got != expected:
            differences.append((prompt, sorted(got - expected), sorted(expected - got)))

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    kinds = sorted(set(tp) | set(fp) | set(fn))
    table = {
        kind: {
            "precision": ratio(tp[kind], tp[kind] + fp[kind]),
            "recall": ratio(tp[kind], tp[kind] + fn[kind]),
            "tp": tp[kind],
            "fp": fp[kind],
            "fn": fn[kind],
        }
        for kind in kinds
    }
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    table["all"] = {
        "precision": ratio(total_tp, total_tp + total_fp),
        "recall": ratio(total_tp, total_tp + total_fn),
        "tp": total_tp,
        "fp": total_fp,
        "fn": total_fn,
    }
    return {"table": table, "differences": differences, "prompts": len(read_cases(lang))}


def report(lang: str, result: dict[str, object]) -> str:
    lines = [f"{lang}: {result['prompts']} prompts"]
    for kind, row in result["table"].items():  # type: ignore[union-attr]
        lines.append(
            f"  {kind:11} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']})"
        )
    for prompt, extra, missed in result["differences"]:  # type: ignore[union-attr]
        lines.append(f"  ≠ {prompt!r}: listed {extra}, missed {missed}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_precision_and_recall(lang: str) -> None:
    cases = read_cases(lang)
    assert len(cases) >= 200
    assert sum(1 for _p, expected in cases if not expected) >= 30  # prompts to leave alone
    result = evaluate(lang)
    text = report(lang, result)
    print(text)
    overall = result["table"]["all"]  # type: ignore[index]
    assert overall["precision"] >= MIN_PRECISION, text
    assert overall["recall"] >= MIN_RECALL, text


def test_the_expectations_are_well_formed() -> None:
    kinds = {"identity", "descriptor", "occupation"}
    for lang in ("fr", "en"):
        for prompt, expected in read_cases(lang):
            for kind, _category, text, _neg in expected:
                assert kind in kinds, (lang, prompt, kind)
                assert text in prompt, (lang, prompt, text)  # words as written
