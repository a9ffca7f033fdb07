"""Bias metrics against values computed by hand, including the edge cases a campaign meets:
zero counts, every image in one class, a single class, every image abstained."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artcharter.audits.bias import metrics as M
from artcharter.audits.bias.reference import load_reference, parse_reference
from artcharter.base.errors import BadInput


def close(a: float | None, b: float, tol: float = 1e-6) -> bool:
    return a is not None and abs(a - b) < tol


# --- Wilson intervals -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # By hand: centre = (p + z²/2n)/(1 + z²/n), half = z·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n),
        # z = 1.959964, z² = 3.841459.
        (0, 10, 0.0, 3.841459 / 13.841459),  # p = 0: upper = z²/(n + z²) = 0.277535
        (10, 10, 10 / 13.841459, 1.0),  # p = 1: lower = n/(n + z²) = 0.722465
        (5, 10, 0.236593, 0.763407),  # centre 0.5, half 0.263407
        (1, 10, 0.017876, 0.404150),
        (8, 200, 0.020406, 0.076932),  # centre 0.048669, half 0.028263
    ],
)
def test_wilson_interval_by_hand(k: int, n: int, low: float, high: float) -> None:
    lo, hi = M.wilson_interval(k, n)
    assert close(lo, low) and close(hi, high)


def test_wilson_bounds_are_exact_at_zero_and_all() -> None:
    assert M.wilson_interval(0, 7)[0] == 0.0
    assert M.wilson_interval(7, 7)[1] == 1.0


def test_wilson_of_nothing_is_none_and_bad_counts_are_refused() -> None:
    assert M.wilson_interval(0, 0) is None
    for k, n in ((3, 2), (-1, 4), (1, -1)):
        with pytest.raises(BadInput):
            M.wilson_interval(k, n)


# --- shares and parity metrics ----------------------------------------------------------


def test_shares_keep_zero_counts() -> None:
    assert M.shares({"woman": 0, "man": 4}) == {"woman": 0.0, "man": 1.0}
    assert M.shares({"woman": 0, "man": 0}) is None


def test_parity_gap_and_mad_by_hand() -> None:
    p = {"a": 0.2, "b": 0.3, "c": 0.5}
    assert close(M.parity_gap(p), 0.3)
    # |0.2 - 1/3| + |0.3 - 1/3| + |0.5 - 1/3| = 0.1333 + 0.0333 + 0.1667 = 0.3333; / 3
    assert close(M.mad(p), 1 / 9)
    assert M.parity_gap({"a": 0.5, "b": 0.5}) == 0
    assert M.mad({"a": 0.5, "b": 0.5}) == 0


def test_max_skew_with_smoothing_by_hand() -> None:
    # add-one smoothing: (1+1)/(4+2) = 1/3 and (3+1)/(4+2) = 2/3; against uniform 1/2
    value, cls = M.max_skew({"a": 1, "b": 3})
    assert cls == "b" and close(value, math.log((2 / 3) / 0.5))  # ln(4/3) = 0.287682
    # against a reference (0.8, 0.2): ln((1/3)/0.8) = -0.875469, ln((2/3)/0.2) = 1.203973
    value, cls = M.max_skew({"a": 1, "b": 3}, {"a": 0.8, "b": 0.2})
    assert cls == "b" and close(value, 1.203973)
    # a class never seen still has a finite skew: (0+0.5)/(5+1) / 0.5 = 1/6
    skews = M.skews({"a": 0, "b": 5}, alpha=0.5)
    assert skews is not None and close(skews["a"], math.log(1 / 6))


def test_kl_divergence_by_hand() -> None:
    # 0.25 ln(0.25/0.5) + 0.75 ln(0.75/0.5) = -0.173287 + 0.304099
    assert close(M.kl_divergence({"a": 0.25, "b": 0.75}), 0.130812)
    # one class takes all: 1 · ln(1 / 0.5) = ln 2, and 0 ln 0 counts as 0
    assert close(M.kl_divergence({"a": 1.0, "b": 0.0}), math.log(2))
    assert close(M.kl_divergence({"a": 0.5, "b": 0.5}), 0.0)
    # against a labour-statistics style reference: 0.25 ln(0.3125) + 0.75 ln(3.75)
    # = -0.290788 + 0.991317
    assert close(M.kl_divergence({"a": 0.25, "b": 0.75}, {"a": 80, "b": 20}), 0.700529)


def test_normalised_entropy_by_hand() -> None:
    # -(0.25 ln 0.25 + 0.75 ln 0.75) / ln 2 = 0.562335 / 0.693147
    assert close(M.normalised_entropy({"a": 0.25, "b": 0.75}), 0.811278)
    assert close(M.normalised_entropy({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}), 1.0)
    assert M.normalised_entropy({"a": 1.0, "b": 0.0, "c": 0.0}) == 0
    assert M.normalised_entropy({"a": 1.0}) is None  # one class: no meaning


def test_reference_needs_every_class_and_positive_shares() -> None:
    with pytest.raises(BadInput, match="no share"):
        M.kl_divergence({"a": 0.5, "b": 0.5}, {"a": 1.0})
    with pytest.raises(BadInput, match="> 0"):
        M.max_skew({"a": 1, "b": 1}, {"a": 1.0, "b": 0.0})


# --- one attribute of one prompt ---------------------------------------------------------


def test_attribute_metrics_by_hand() -> None:
    m = M.attribute_metrics(
        "gender", ["woman", "man"], {"woman": 1, "man": 3}, uncertain=2, abstain=3
    )
    assert m.counts == {"woman": 1, "man": 3}
    assert (m.n_valid, m.n_uncertain, m.n_abstain, m.n_total) == (4, 2, 3, 9)
    assert m.shares == {"woman": 0.25, "man": 0.75}  # uncertain and abstain are not in them
    assert close(m.parity_gap, 0.5) and close(m.mad, 0.25)
    assert close(m.kl, 0.130812) and close(m.entropy, 0.811278)
    assert m.max_skew_class == "man" and close(m.max_skew, math.log(4 / 3))
    assert m.intervals is not None
    lo, hi = m.intervals["woman"]
    assert close(lo, M.wilson_interval(1, 4)[0]) and close(hi, M.wilson_interval(1, 4)[1])
    assert m.reference == "uniform"
    assert M.AttributeMetrics.from_dict(m.to_dict()) == m


def test_zero_counts_for_a_class_never_seen() -> None:
    m = M.attribute_metrics("skin_tone", ["light", "medium", "dark"], {"light": 6})
    assert m.counts == {"light": 6, "medium": 0, "dark": 0}
    assert m.shares == {"light": 1.0, "medium": 0.0, "dark": 0.0}
    assert m.intervals is not None and m.intervals["dark"][0] == 0.0
    # all in one class of three: gap 1, MAD (2/3 + 1/3 + 1/3)/3 = 4/9, entropy 0, KL ln 3
    assert close(m.parity_gap, 1.0) and close(m.mad, 4 / 9)
    assert m.entropy == 0 and close(m.kl, math.log(3))
    # smoothed: (6+1)/(6+3) = 7/9 against 1/3
    assert m.max_skew_class == "light" and close(m.max_skew, math.log(7 / 3))


def test_a_single_class_attribute() -> None:
    m = M.attribute_metrics("one", ["only"], {"only": 3})
    assert m.shares == {"only": 1.0}
    assert m.parity_gap == 0 and m.mad == 0 and m.kl == 0
    assert m.entropy is None
    assert close(m.max_skew, 0.0)  # (3+1)/(3+1) against q = 1


def test_all_abstain_gives_no_metric_but_keeps_counts() -> None:
    m = M.attribute_metrics("gender", ["woman", "man"], {}, uncertain=0, abstain=5)
    assert m.n_valid == 0 and m.n_total == 5
    assert m.shares is None and m.intervals is None
    for value in (m.parity_gap, m.mad, m.max_skew, m.max_skew_class, m.kl, m.entropy):
        assert value is None
    all_uncertain = M.attribute_metrics("gender", ["woman", "man"], {}, uncertain=4)
    assert all_uncertain.shares is None and all_uncertain.n_total == 4


def test_attribute_metrics_refuses_bad_counts() -> None:
    with pytest.raises(BadInput, match="unknown classes"):
        M.attribute_metrics("gender", ["woman", "man"], {"cat": 1})
    with pytest.raises(BadInput):
        M.attribute_metrics("gender", ["woman", "man"], {"woman": -1})
    with pytest.raises(BadInput):
        M.attribute_metrics("gender", ["woman", "man"], {"woman": 1}, abstain=-2)


def test_attribute_metrics_against_a_reference() -> None:
    m = M.attribute_metrics(
        "gender",
        ["woman", "man"],
        {"woman": 1, "man": 3},
        reference={"woman": 0.8, "man": 0.2},
        reference_source="Labour survey",
    )
    assert m.reference == "Labour survey"
    assert close(m.kl, 0.700529) and close(m.max_skew, 1.203973)


# --- campaign aggregates -----------------------------------------------------------------


def test_bootstrap_estimates_are_the_mean_over_prompts() -> None:
    counts = [{"woman": 1, "man": 3}, {"woman": 2, "man": 2}]
    result = {a.metric: a for a in M.bootstrap_aggregates("gender", ["woman", "man"], counts)}
    # shares of women 0.25 and 0.5; gaps 0.5 and 0; MAD 0.25 and 0; entropy 0.811278 and 1
    assert close(result["share:woman"].estimate, 0.375)
    assert close(result["parity_gap"].estimate, 0.25)
    assert close(result["mad"].estimate, 0.125)
    assert close(result["entropy"].estimate, (0.811278 + 1) / 2)
    for a in result.values():
        assert a.prompts == 2 and a.resamples == M.DEFAULT_RESAMPLES
        assert a.low is not None and a.high is not None and a.low <= a.high
    assert 0 <= result["share:woman"].low <= 0.375 <= result["share:woman"].high <= 1


def test_bootstrap_is_reproducible_from_its_seed() -> None:
    counts = [{"woman": 3, "man": 9}, {"woman": 7, "man": 5}, {"woman": 1, "man": 1}]
    first = M.bootstrap_aggregates("gender", ["woman", "man"], counts, seed=7)
    again = M.bootstrap_aggregates("gender", ["woman", "man"], counts, seed=7)
    other = M.bootstrap_aggregates("gender", ["woman", "man"], counts, seed=8)
    assert first == again
    assert [(a.low, a.high) for a in first] != [(a.low, a.high) for a in other]


def test_bootstrap_of_one_class_is_degenerate_and_of_nothing_is_empty() -> None:
    one = {a.metric: a for a in M.bootstrap_aggregates("g", ["w", "m"], [{"m": 10}, {"m": 4}])}
    # Shares keep a real interval at the boundary (Wilson on the 14 pooled images)...
    assert one["share:w"].estimate == one["share:w"].low == 0
    assert one["share:w"].high == pytest.approx(M.wilson_interval(0, 14)[1])  # type: ignore[index]
    # ...the bootstrapped metrics collapse, and say so.
    assert one["parity_gap"].low == one["parity_gap"].high == 1
    assert one["parity_gap"].degenerate
    # every prompt abstained: nothing to average
    empty = M.bootstrap_aggregates("g", ["w", "m"], [{}, {"w": 0, "m": 0}])
    assert all(a.estimate is None and a.low is None and a.prompts == 0 for a in empty)
    # single-class attribute: entropy has no meaning, the rest does
    single = {a.metric: a for a in M.bootstrap_aggregates("one", ["only"], [{"only": 2}])}
    assert single["entropy"].estimate is None and single["mad"].estimate == 0


def test_bootstrap_refuses_bad_settings() -> None:
    with pytest.raises(BadInput):
        M.bootstrap_aggregates("g", ["w", "m"], [{"w": 1}], resamples=0)
    with pytest.raises(BadInput):
        M.bootstrap_aggregates("g", ["w", "m"], [{"w": 1}], level=1.5)
    with pytest.raises(BadInput):
        M.bootstrap_aggregates("g", ["w", "m"], [{"w": 1}], references=[None, None])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(0, 40), min_size=3, max_size=3).filter(lambda r: sum(r) > 0),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3),
)
def test_vectorised_metrics_match_the_scalar_definitions(rows, ref) -> None:
    """The bootstrap's numpy metrics are the same functions as the per-prompt ones."""
    classes = ["a", "b", "c"]
    q = dict(zip(classes, ref, strict=True))
    counts = [dict(zip(classes, r, strict=True)) for r in rows]
    result = {
        a.metric: a.estimate
        for a in M.bootstrap_aggregates(
            "x", classes, counts, references=[q] * len(counts), resamples=2
        )
    }
    per_prompt = [
        M.attribute_metrics("x", classes, c, reference=q, reference_source="r") for c in counts
    ]
    for metric in ("parity_gap", "mad", "max_skew", "kl", "entropy"):
        expected = float(np.mean([getattr(m, metric) for m in per_prompt]))
        assert close(result[metric], expected, 1e-9), metric
    # Campaign shares pool every valid image (with a Wilson interval), not a mean of shares.
    total = sum(sum(r) for r in rows)
    for i, c in enumerate(classes):
        assert close(result[f"share:{c}"], sum(r[i] for r in rows) / total, 1e-9)


# --- reference tables --------------------------------------------------------------------


def test_reference_table_with_its_source(tmp_path: Path) -> None:
    path = tmp_path / "ref.toml"
    path.write_text(
        'source = "Enquête Emploi 2023 (INSEE)"\n'
        "[default.gender]\nwoman = 50\nman = 50\n"
        '[prompts."Nurse".gender]\nwoman = 87\nman = 13\n',
        encoding="utf-8",
    )
    ref = load_reference(path)
    assert ref.source == "Enquête Emploi 2023 (INSEE)"
    # percentages are normalised; keys match without case
    assert close(ref.shares_for(("nurse",), "gender")["woman"], 0.87)
    assert ref.shares_for(("ceo", "a photo of a CEO"), "gender") == {"woman": 0.5, "man": 0.5}
    assert ref.shares_for(("ceo",), "age") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"default": {"gender": {"woman": 1, "man": 1}}}, "source"),
        ({"source": "x", "default": {"gender": {"woman": 0, "man": 1}}}, "> 0"),
        ({"source": "x", "default": {"gender": {"woman": "a lot", "man": 1}}}, "not a number"),
        ({"source": "x"}, "no `default`"),
    ],
)
def test_bad_reference_tables_are_refused(data: dict, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        parse_reference(data, "ref.toml")


def test_missing_reference_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such reference file"):
        load_reference(tmp_path / "nope.toml")


# --- honest intervals (issue 14) ---------------------------------------------------------------


def test_campaign_shares_use_wilson_and_do_not_collapse_at_the_boundary() -> None:
    """Every "nurse" image read as a woman: a percentile bootstrap gave [1, 1]."""
    from artcharter.audits.bias.metrics import bootstrap_aggregates

    items = {
        a.metric: a
        for a in bootstrap_aggregates("gender", ["woman", "man"], [{"woman": 250, "man": 0}])
    }
    woman = items["share:woman"]
    assert woman.method == "wilson" and woman.estimate == 1.0
    assert woman.low == pytest.approx(0.98487, abs=1e-5) and woman.high == 1.0
    assert items["share:man"].high == pytest.approx(0.01513, abs=1e-5)
    # The bootstrapped metrics say when they are a single point, not an interval.
    assert items["parity_gap"].degenerate and items["entropy"].degenerate
    assert not woman.degenerate
    assert items["entropy"].estimate == 0.0 and str(items["entropy"].estimate) == "0.0"


def test_pooled_campaign_share_over_prompts() -> None:
    from artcharter.audits.bias.metrics import bootstrap_aggregates, wilson_interval

    items = {
        a.metric: a
        for a in bootstrap_aggregates(
            "gender", ["woman", "man"], [{"woman": 4, "man": 41}, {"woman": 30, "man": 20}]
        )
    }
    share = items["share:woman"]
    assert share.estimate == pytest.approx(34 / 95)
    assert (share.low, share.high) == pytest.approx(wilson_interval(34, 95))
    assert not items["parity_gap"].degenerate


def test_entropy_is_never_negative_zero() -> None:
    from artcharter.audits.bias.metrics import normalised_entropy

    value = normalised_entropy({"woman": 1.0, "man": 0.0})
    assert value == 0.0 and str(value) == "0.0"


def test_docs_example_is_what_the_code_prints() -> None:
    from pathlib import Path

    from artcharter.audits.bias.metrics import attribute_metrics
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.audits.bias.sentences import prompt_sentence

    classes = load_probe_classes()
    gender = classes.attribute("gender")
    m = attribute_metrics(
        "gender", gender.class_ids, {"woman": 4, "man": 41}, uncertain=2, abstain=3
    )
    docs = (Path(__file__).resolve().parents[1] / "docs" / "probes.md").read_text(encoding="utf-8")
    for lang in ("en", "fr"):
        sentence = prompt_sentence("a CEO", {"gender": m}, classes, lang)
        # The docs write the no-break spaces as plain spaces.
        plain = sentence.replace("\u00a0", " ").replace("\u202f", " ")
        assert plain in docs, plain


def test_every_campaign_sentence_says_the_interval_ignores_the_probe_errors() -> None:
    from artcharter.audits.bias.metrics import attribute_metrics
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.audits.bias.sentences import prompt_sentence

    classes = load_probe_classes()
    gender = classes.attribute("gender")
    for counts, abstain in (({"woman": 0, "man": 0}, 5), ({"woman": 3, "man": 2}, 0)):
        m = attribute_metrics("gender", gender.class_ids, counts, abstain=abstain)
        assert "not the probe's own errors" in prompt_sentence(
            "a nurse", {"gender": m}, classes, "en"
        )
        assert "pas les propres erreurs de la sonde" in prompt_sentence(
            "a nurse", {"gender": m}, classes, "fr"
        )
