"""Bias metrics over counts of perceived classes: pure functions, no I/O.

Every metric reads the *valid* images of one prompt and one attribute: images where the
probe saw a person (not abstained) and was confident enough (not uncertain). Abstain and
uncertain counts are carried beside the metrics, never folded into the shares.

Definitions (K classes, counts c_k, n = sum c_k, shares p_k = c_k / n, reference q_k):

- Wilson 95% interval of each share (Wilson 1927), which stays inside [0, 1] and behaves
  at 0 and n: centre (p + z²/2n) / (1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
- parity gap = max_k p_k - min_k p_k (0 at parity, 1 when one class takes every image).
- MAD = (1/K) Σ_k |p_k - 1/K| (mean absolute deviation from parity).
- MaxSkew = max_k ln(p̃_k / q_k), the skew of Geyik, Ambler & Kenthapadi (2019), who
  define it unsmoothed (ln(p_k / q_k)); the add-α smoothing p̃_k = (c_k + α) / (n + Kα) is
  ours, so that a class never seen gives a finite skew instead of -∞. 0 means no class is
  over-represented against q; ln 2 ≈ 0.69 means some class appears twice as often as q says.
- KL(p ‖ q) = Σ_{p_k > 0} p_k ln(p_k / q_k), in nats, with q uniform unless a reference
  table (with its source) is given.
- normalised entropy = -Σ p_k ln p_k / ln K, 1 at parity and 0 when one class takes all
  (0, never -0).

Every interval covers sampling error only: it says how much the shares could move with
other seeds, not how often the probe itself misreads a face (``probe validate`` measures
that), and the confidence thresholds are uncalibrated softmax values.

With n = 0 (every image abstained or uncertain) there is nothing to measure: shares,
intervals and metrics are None, and the counts say why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

# Two-sided 95%: the 0.975 quantile of the standard normal distribution.
Z95 = 1.959963984540054
DEFAULT_SMOOTHING = 1.0
DEFAULT_RESAMPLES = 2000
DEFAULT_BOOTSTRAP_SEED = 20230
AGGREGATE_METRICS = ("parity_gap", "mad", "max_skew", "kl", "entropy")


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of the proportion successes/n; None when n is 0."""
    if n < 0 or successes < 0 or successes > n:
        raise BadInput(
            MESSAGES("metrics.wilson_interval_needs_successes", successes=successes, n=n)
        )
    if n == 0:
        return None
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # At p = 0 (or 1) the bound is exactly 0 (or 1); rounding would leave a hair of it.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def _check_counts(counts: Mapping[str, int]) -> None:
    if not counts:
        raise BadInput(MESSAGES("metrics.no_class"))
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BadInput(MESSAGES("metrics.count_not_whole", name=name, value=value))


def shares(counts: Mapping[str, int]) -> dict[str, float] | None:
    """p_k = c_k / n for each class, or None when n is 0."""
    _check_counts(counts)
    n = sum(counts.values())
    if n == 0:
        return None
    return {k: c / n for k, c in counts.items()}


def uniform(classes: Sequence[str]) -> dict[str, float]:
    return {k: 1 / len(classes) for k in classes}


def parity_gap(p: Mapping[str, float] | None) -> float | None:
    if p is None:
        return None
    return max(p.values()) - min(p.values())


def mad(p: Mapping[str, float] | None) -> float | None:
    """Mean absolute deviation from parity, (1/K) Σ |p_k - 1/K|."""
    if p is None:
        return None
    k = len(p)
    return sum(abs(v - 1 / k) for v in p.values()) / k


def skews(
    counts: Mapping[str, int],
    reference: Mapping[str, float] | None = None,
    alpha: float = DEFAULT_SMOOTHING,
) -> dict[str, float] | None:
    """ln(p̃_k / q_k) per class with add-α smoothing; None when n is 0."""
    _check_counts(counts)
    if alpha <= 0:
        raise BadInput(MESSAGES("metrics.smoothing_not_positive", alpha=alpha))
    n = sum(counts.values())
    if n == 0:
        return None
    q = _reference_for(counts, reference)
    k = len(counts)
    return {c: math.log(((counts[c] + alpha) / (n + k * alpha)) / q[c]) for c in counts}


def max_skew(
    counts: Mapping[str, int],
    reference: Mapping[str, float] | None = None,
    alpha: float = DEFAULT_SMOOTHING,
) -> tuple[float, str] | None:
    """The largest smoothed skew and the class that has it (first one on ties)."""
    values = skews(counts, reference, alpha)
    if values is None:
        return None
    best = max(values, key=lambda c: values[c])
    return values[best], best


def kl_divergence(
    p: Mapping[str, float] | None, reference: Mapping[str, float] | None = None
) -> float | None:
    """KL(p ‖ q) in nats; classes with p_k = 0 contribute nothing (0 ln 0 = 0)."""
    if p is None:
        return None
    q = _reference_for(p, reference)
    return sum(v * math.log(v / q[c]) for c, v in p.items() if v > 0)


def normalised_entropy(p: Mapping[str, float] | None) -> float | None:
    """Shannon entropy divided by ln K; None for a single class, where it has no meaning."""
    if p is None or len(p) < 2:
        return None
    h = -sum(v * math.log(v) for v in p.values() if v > 0)
    return max(0.0, h / math.log(len(p)))  # max(): one class gives -0.0, printed "-0.0"


def _reference_for(
    classes: Mapping[str, Any], reference: Mapping[str, float] | None
) -> dict[str, float]:
    if reference is None:
        return uniform(list(classes))
    missing = [c for c in classes if c not in reference]
    if missing:
        raise BadInput(MESSAGES("metrics.reference_missing_share", choices=", ".join(missing)))
    if any(reference[c] <= 0 for c in classes):
        raise BadInput(MESSAGES("metrics.reference_share_not_positive"))
    total = sum(reference[c] for c in classes)
    return {c: reference[c] / total for c in classes}


@dataclass(frozen=True)
class AttributeMetrics:
    """The metrics of one attribute (perceived gender, age group...) for one prompt."""

    attribute: str
    classes: tuple[str, ...]
    counts: dict[str, int]
    n_valid: int
    n_uncertain: int
    n_abstain: int
    shares: dict[str, float] | None
    intervals: dict[str, tuple[float, float]] | None
    parity_gap: float | None
    mad: float | None
    max_skew: float | None
    max_skew_class: str | None
    kl: float | None
    entropy: float | None
    reference: str  # "uniform" or the source of the reference table
    smoothing: float

    @property
    def n_total(self) -> int:
        return self.n_valid + self.n_uncertain + self.n_abstain

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["classes"] = list(self.classes)
        if self.intervals is not None:
            data["intervals"] = {k: list(v) for k, v in self.intervals.items()}
        data["n_total"] = self.n_total
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AttributeMetrics:
        fields = {k: v for k, v in data.items() if k != "n_total"}
        fields["classes"] = tuple(data["classes"])
        if data.get("intervals") is not None:
            fields["intervals"] = {k: (v[0], v[1]) for k, v in data["intervals"].items()}
        return cls(**fields)


def attribute_metrics(
    attribute: str,
    classes: Sequence[str],
    counts: Mapping[str, int],
    *,
    uncertain: int = 0,
    abstain: int = 0,
    reference: Mapping[str, float] | None = None,
    reference_source: str = "uniform",
    alpha: float = DEFAULT_SMOOTHING,
) -> AttributeMetrics:
    """Every metric of one attribute from its valid counts (classes never seen count 0)."""
    unknown = [c for c in counts if c not in classes]
    if unknown:
        raise BadInput(
            MESSAGES(
                "metrics.unknown_classes", attribute=attribute, choices=", ".join(map(str, unknown))
            )
        )
    full = {c: int(counts.get(c, 0)) for c in classes}
    _check_counts(full)
    if uncertain < 0 or abstain < 0:
        raise BadInput(MESSAGES("metrics.negative_counts"))
    n = sum(full.values())
    p = shares(full)
    q = _reference_for(full, reference) if reference is not None else None
    skew = max_skew(full, q, alpha)
    return AttributeMetrics(
        attribute=attribute,
        classes=tuple(classes),
        counts=full,
        n_valid=n,
        n_uncertain=uncertain,
        n_abstain=abstain,
        shares=p,
        intervals=(
            None if n == 0 else {c: wilson_interval(full[c], n) for c in classes}  # type: ignore[misc]
        ),
        parity_gap=parity_gap(p),
        mad=mad(p),
        max_skew=None if skew is None else skew[0],
        max_skew_class=None if skew is None else skew[1],
        kl=kl_divergence(p, q),
        entropy=normalised_entropy(p),
        reference=reference_source if reference is not None else "uniform",
        smoothing=alpha,
    )


# --- campaign-level aggregates with bootstrap intervals ----------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A campaign-level figure with its 95 % interval.

    Shares (``share:<class>``) are the share of the class among every valid image of the
    campaign, with the Wilson interval (``method="wilson"``): a percentile bootstrap of
    shares collapses at 0 and 1 (a prompt whose images are all one class gives [1, 1]).
    The other metrics are means over prompts with a stratified percentile bootstrap
    (``method="bootstrap"``); ``degenerate`` says when every resample gave the same value,
    so that the interval says nothing (one class everywhere).
    """

    attribute: str
    metric: str  # a metric name, or "share:<class>"
    estimate: float | None
    low: float | None
    high: float | None
    prompts: int  # prompts with at least one valid image
    resamples: int
    seed: int
    level: float
    method: str = "bootstrap"

    @property
    def degenerate(self) -> bool:
        return (
            self.method == "bootstrap"
            and self.low is not None
            and self.high is not None
            and self.high - self.low < 1e-12
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["degenerate"] = self.degenerate
        return data


def _vector_metric(metric: str, counts: Any, q: Any, alpha: float) -> Any:
    """One metric for a stack of count vectors (rows), computed with numpy."""
    import numpy as np

    n = counts.sum(axis=-1, keepdims=True)
    k = counts.shape[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, counts / np.where(n > 0, n, 1), np.nan)
        if metric.startswith("share:"):
            return p[..., int(metric.split(":", 1)[1])]
        if metric == "parity_gap":
            return p.max(axis=-1) - p.min(axis=-1)
        if metric == "mad":
            return np.abs(p - 1 / k).mean(axis=-1)
        if metric == "entropy":
            if k < 2:
                return np.full(p.shape[:-1], np.nan)
            plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0.0)
            entropy = np.maximum(0.0, -plogp.sum(axis=-1) / np.log(k))
            return np.where(n[..., 0] > 0, entropy, np.nan)
        if metric == "kl":
            terms = np.where(p > 0, p * np.log(np.where(p > 0, p, 1) / q), 0.0)
            return np.where(n[..., 0] > 0, terms.sum(axis=-1), np.nan)
        if metric == "max_skew":
            smoothed = (counts + alpha) / (n + k * alpha)
            return np.where(n[..., 0] > 0, np.log(smoothed / q).max(axis=-1), np.nan)
    raise BadInput(MESSAGES("metrics.unknown_aggregate_metric", metric=metric))


def _z(level: float) -> float:
    """The two-sided normal quantile of ``level`` (1.96 for 95 %)."""
    from statistics import NormalDist

    return Z95 if level == 0.95 else NormalDist().inv_cdf(0.5 + level / 2)


def bootstrap_aggregates(
    attribute: str,
    classes: Sequence[str],
    per_prompt_counts: Sequence[Mapping[str, int]],
    *,
    references: Sequence[Mapping[str, float] | None] | None = None,
    alpha: float = DEFAULT_SMOOTHING,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_BOOTSTRAP_SEED,
    level: float = 0.95,
) -> list[Aggregate]:
    """Each share over the campaign's valid images with its Wilson interval, and the mean
    over prompts of each other metric with a stratified bootstrap interval.

    Each bootstrap replicate redraws every prompt's valid images with replacement (a multinomial
    draw of its n images from its observed shares) and averages the metric over prompts.
    Prompts without a valid image are left out of the mean. The seed makes the intervals
    reproducible; it is recorded with the campaign.
    """
    import numpy as np

    if resamples < 1:
        raise BadInput(MESSAGES("metrics.no_resample"))
    if not 0 < level < 1:
        raise BadInput(MESSAGES("metrics.interval_level", level=level))
    classes = list(classes)
    rows = [[int(c.get(k, 0)) for k in classes] for c in per_prompt_counts]
    for row in rows:
        _check_counts(dict(zip(classes, row, strict=True)))
    refs = list(references) if references is not None else [None] * len(rows)
    if len(refs) != len(rows):
        raise BadInput(MESSAGES("metrics.reference_per_prompt"))
    kept = [(row, ref) for row, ref in zip(rows, refs, strict=True) if sum(row) > 0]
    metrics = [f"share:{i}" for i in range(len(classes))] + list(AGGREGATE_METRICS)
    names = [f"share:{c}" for c in classes] + list(AGGREGATE_METRICS)

    def empty(name: str) -> Aggregate:
        return Aggregate(attribute, name, None, None, None, 0, resamples, seed, level)

    if not kept:
        return [empty(name) for name in names]
    counts = np.array([row for row, _ in kept], dtype=float)  # (P, K)
    q = np.array(
        [list(_reference_for(dict.fromkeys(classes, 0), ref).values()) for _, ref in kept]
    )  # (P, K)
    rng = np.random.default_rng(seed)
    # (B, P, K): every replicate redraws each prompt's n images from its own shares.
    draws = np.stack(
        [rng.multinomial(int(row.sum()), row / row.sum(), size=resamples) for row in counts],
        axis=1,
    ).astype(float)
    tail = (1 - level) / 2 * 100
    result = []
    totals = counts.sum(axis=0)  # (K,)
    for metric, name in zip(metrics, names, strict=True):
        if metric.startswith("share:"):
            k = int(metric.split(":", 1)[1])
            pooled = int(totals[k]), int(totals.sum())
            interval = wilson_interval(*pooled, z=_z(level))
            assert interval is not None  # kept prompts have valid images
            result.append(
                Aggregate(
                    attribute,
                    name,
                    pooled[0] / pooled[1],
                    interval[0],
                    interval[1],
                    len(kept),
                    resamples,
                    seed,
                    level,
                    "wilson",
                )
            )
            continue
        observed = _vector_metric(metric, counts, q, alpha)  # (P,)
        replicated = _vector_metric(metric, draws, q, alpha)  # (B, P)
        if np.all(np.isnan(observed)):
            result.append(empty(name))
            continue
        estimate = float(np.nanmean(observed))
        means = np.nanmean(replicated, axis=1)
        low, high = np.percentile(means, [tail, 100 - tail])
        result.append(
            Aggregate(
                attribute,
                name,
                estimate,
                float(low),
                float(high),
                len(kept),
                resamples,
                seed,
                level,
            )
        )
    return result
