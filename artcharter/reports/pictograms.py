"""The AI-use pictogram: one small black-and-white SVG per level of AI use, drawn here so
that it prints on any printer and needs no font or network.

Levels follow ``ArtworkRecord.ai_share`` (from the IPTC source type): a sparkle stands for
the model, a pencil for the hand. Generated: sparkle alone; partly generated: pencil and
sparkle; enhanced: pencil with a small sparkle; none: pencil alone; unknown: a question mark.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from artcharter.reports.i18n import t

SPARKLE = "M50 6 C53 36 64 47 94 50 C64 53 53 64 50 94 C47 64 36 53 6 50 C36 47 47 36 50 6 Z"
# A pencil lying horizontally, point to the left, centred on (50, 50); rotated when drawn.
PENCIL = (
    '<path d="M6 50 L24 40 L24 60 Z" fill="#000"/>'
    '<rect x="24" y="40" width="50" height="20" fill="#fff" stroke="#000" stroke-width="5"/>'
    '<rect x="74" y="40" width="16" height="20" fill="#000"/>'
)
LEVELS = ("generated", "partly-generated", "enhanced", "none", "unknown")


def _pencil(scale: float, cx: float, cy: float) -> str:
    return (
        f'<g transform="translate({cx} {cy}) rotate(-45) scale({scale}) translate(-50 -50)">'
        f"{PENCIL}</g>"
    )


def _sparkle(scale: float, cx: float, cy: float) -> str:
    return (
        f'<path transform="translate({cx} {cy}) scale({scale}) translate(-50 -50)" '
        f'd="{SPARKLE}" fill="#000"/>'
    )


def _drawing(level: str) -> str:
    if level == "generated":
        return _sparkle(0.78, 50, 50)
    if level == "partly-generated":
        return _pencil(0.7, 38, 61) + _sparkle(0.46, 71, 29)
    if level == "enhanced":
        return _pencil(0.8, 46, 54) + _sparkle(0.26, 78, 22)
    if level == "none":
        return _pencil(0.85, 50, 50)
    return (
        '<text x="50" y="72" text-anchor="middle" font-family="sans-serif" '
        'font-weight="bold" font-size="64" fill="#000">?</text>'
    )


def pictogram_svg(level: str, lang: str, size_mm: float | None = None) -> Markup:
    """An inline ``<svg>`` for ``level``, with its meaning as an accessible title."""
    level = level if level in LEVELS else "unknown"
    title = escape(t(f"share_{level}", lang))
    size = f' width="{size_mm}mm" height="{size_mm}mm"' if size_mm else ""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"{size} role="img" '
        f'class="pictogram pictogram-{level}" aria-label="{title}">'
        f"<title>{title}</title>"
        '<rect x="3" y="3" width="94" height="94" rx="14" fill="#fff" stroke="#000" '
        'stroke-width="6"/>'
        f"{_drawing(level)}</svg>"
    )
