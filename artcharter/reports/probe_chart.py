"""The chart of a probe campaign: perceived shares with their intervals beside parity.

One panel per attribute (perceived gender, age group, skin tone, and ethnicity when it was
asked for). Each prompt is a row; each class a marker at its share of the images read,
with its Wilson 95% interval as a horizontal error bar; a dashed line marks parity (1/K).
Images without a person and uncertain readings are not in the shares: the row label
says how many images were read. The probe model, the caveat about CLIP's own biases and,
for a demo probe, the warning that the numbers are meaningless are printed on the chart
itself, so that it cannot travel without them.

matplotlib is imported inside the functions (object API with the Agg canvas: no pyplot,
no global backend). SVG output is deterministic (fixed hash salt, no date).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from artcharter.base.files import write_atomic
from artcharter.base.numbers import fmt_percent
from artcharter.provenance.campaign import CampaignResult
from artcharter.reports.i18n import t

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
MARKERS = ("o", "s", "D", "^", "v", "P", "X")
SVG_SALT = "artcharter-probe-chart"


def _row_label(label: str, n_valid: int, lang: str, width: int = 38) -> str:
    short = label if len(label) <= width else label[: width - 1] + "…"
    return f"{short}\n{t('chart.read', lang, n=n_valid)}"


def build_figure(
    result: CampaignResult, lang: str, prompt_keys: Sequence[str] | None = None
) -> Any:
    """The matplotlib Figure of the campaign (or of some of its prompts)."""
    from matplotlib.figure import Figure

    prompts = [p for p in result.prompts if prompt_keys is None or p.key in prompt_keys]
    attributes = list(result.classes.attributes)
    rows = max(1, len(prompts))
    # Taller rows for attributes with many classes: one marker line per class.
    heights = [max(0.55, 0.12 * len(a.classes) + 0.3) * rows + 1.1 for a in attributes]
    notices = result.notices(lang)
    footer = "\n".join(textwrap.fill(n, 120) for n in notices)
    footer_lines = footer.count("\n") + 1
    header_in, footer_in = 1.15, 0.16 * footer_lines + 0.3
    fig_height = sum(heights) + header_in + footer_in
    figure = Figure(figsize=(10, fig_height), layout=None)
    top = 1 - header_in / fig_height
    bottom = footer_in / fig_height
    grid = figure.add_gridspec(
        len(attributes),
        1,
        height_ratios=heights,
        top=top,
        bottom=bottom + 0.45 / fig_height,
        left=0.27,
        right=0.76,
        hspace=0.9 / max(1, len(attributes)) + 0.25,
    )
    campaign = result.campaign
    figure.suptitle(
        t("chart.title", lang, id=result.campaign_id),
        x=0.02,
        y=1 - 0.15 / fig_height,
        ha="left",
        fontsize=13,
        fontweight="bold",
    )
    model = campaign["model_id"] + (" (demo)" if result.is_demo_model else "")
    subtitle = " · ".join(
        [
            t("chart.model", lang, model=model),
            t("chart.probe", lang, probe=result.probe_name),
        ]
        + (
            [t("chart.per_prompt", lang, n=campaign["per_prompt"])]
            if campaign["per_prompt"]
            else []
        )
    )
    figure.text(0.02, 1 - 0.5 / fig_height, subtitle, ha="left", va="top", fontsize=9)
    if result.is_demo_probe or result.is_demo_model:
        figure.text(
            0.02,
            1 - 0.78 / fig_height,
            t("chart.demo", lang),
            ha="left",
            va="top",
            fontsize=10,
            color="#B00020",
            fontweight="bold",
        )
    for panel, attribute in enumerate(attributes):
        ax = figure.add_subplot(grid[panel])
        k = len(attribute.classes)
        ax.axvline(
            1 / k,
            color="#555555",
            linestyle="--",
            linewidth=1,
            zorder=1,
            label=t("chart.parity", lang, k=k),
        )
        offsets = [(i - (k - 1) / 2) * (0.6 / max(k, 2)) for i in range(k)]
        labels = []
        for row, prompt in enumerate(prompts):
            m = prompt.metrics.get(attribute.id)
            y = len(prompts) - 1 - row
            labels.append(_row_label(prompt.label, m.n_valid if m else 0, lang))
            if m is None or m.shares is None or m.intervals is None:
                ax.text(
                    0.5,
                    y,
                    t("chart.no_reading", lang),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#777777",
                )
                continue
            for i, cls in enumerate(attribute.class_ids):
                share = m.shares[cls]
                low, high = m.intervals[cls]
                ax.errorbar(
                    share,
                    y + offsets[i],
                    xerr=[[max(0.0, share - low)], [max(0.0, high - share)]],
                    fmt=MARKERS[i % len(MARKERS)],
                    color=PALETTE[i % len(PALETTE)],
                    markersize=5,
                    capsize=2.5,
                    linewidth=1.2,
                    zorder=3,
                    label=textwrap.fill(attribute.class_label(cls, lang), 26) if row == 0 else None,
                )
        ax.set_yticks(range(len(prompts)))
        ax.set_yticklabels(list(reversed(labels)), fontsize=8)
        ax.set_ylim(-0.7, len(prompts) - 0.3)
        ax.set_xlim(-0.02, 1.02)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.set_xticklabels([fmt_percent(x, lang) for x in (0, 0.25, 0.5, 0.75, 1)], fontsize=8)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6, zorder=0)
        ax.set_title(attribute.label(lang).capitalize(), loc="left", fontsize=10)
        ax.set_xlabel(t("chart.xlabel", lang), fontsize=8)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5, frameon=False)
    figure.text(
        0.02, 0.1 / fig_height, footer, ha="left", va="bottom", fontsize=7.5, color="#333333"
    )
    return figure


def render_chart(
    result: CampaignResult,
    fmt: str,
    lang: str,
    prompt_keys: Sequence[str] | None = None,
) -> bytes:
    """The chart as SVG or PNG bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be svg or png, not {fmt!r}")
    figure = build_figure(result, lang, prompt_keys)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "none"}):
        figure.savefig(
            buffer,
            format=fmt,
            dpi=150,
            metadata={"Date": None} if fmt == "svg" else {"Software": None},
        )
    return buffer.getvalue()


def chart_svg(
    result: CampaignResult, lang: str = "en", prompt_keys: Sequence[str] | None = None
) -> str:
    """The chart as SVG text, to inline in an HTML report."""
    return render_chart(result, "svg", lang, prompt_keys).decode("utf-8")


def write_campaign_chart(
    result: CampaignResult, output_dir: Path, lang: str, *, stem: str = "chart"
) -> list[Path]:
    """Write ``<stem>.svg`` and ``<stem>.png`` into ``output_dir``; return their paths.

    Each file is written beside its name and renamed, so a reader never sees half a chart.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in ("svg", "png"):
        data = render_chart(result, fmt, lang)
        path = output_dir / f"{stem}.{fmt}"
        write_atomic(path, data)
        written.append(path)
    return written
