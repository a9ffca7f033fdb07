"""The rules of a charter as a Markdown table, so docs/charter.md is generated from the TOML.

``python -m artcharter.charter.table docs/charter.md`` rewrites the tables between the markers
``<!-- BEGIN rules-table LANG -->`` and ``<!-- END rules-table LANG -->``; a test checks that
the document is up to date with the default charter.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from artcharter.charter.model import Charter, default_charter

HEADERS = {
    "en": ("Rule", "Point", "Severity", "Evidence", "Parameters", "What it asks"),
    "fr": ("Règle", "Point", "Sévérité", "Preuve", "Paramètres", "Ce qu'elle demande"),
}
SEVERITY = {
    "en": {"required": "required", "recommended": "recommended", "informational": "informational"},
    "fr": {
        "required": "obligatoire",
        "recommended": "recommandée",
        "informational": "pour information",
    },
}
BLOCK = re.compile(
    r"(<!-- BEGIN rules-table (fr|en) -->\n)(.*?)(<!-- END rules-table \2 -->)", re.DOTALL
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _param(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def rules_table(charter: Charter, lang: str = "en") -> str:
    """One row per rule: id and title, point, severity, evidence kind, parameters, text."""
    head = HEADERS[lang]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for rule in charter.rules:
        point = charter.points[rule.point]
        params = (
            ", ".join(f"`{k} = {_param(v)}`" for k, v in rule.params.items() if v is not None)
            or "—"
        )
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{rule.id}`<br>{_cell(rule.title[lang])}",
                    f"{point.label} · {_cell(point.title[lang])}",
                    SEVERITY[lang][rule.severity],
                    f"`{rule.evidence}`",
                    params,
                    _cell(rule.text[lang]),
                ]
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def sync_markdown(text: str, charter: Charter | None = None) -> str:
    """``text`` with every rules table replaced by the one generated from ``charter``."""
    charter = charter or default_charter()

    def replace(match: re.Match[str]) -> str:
        return match.group(1) + rules_table(charter, match.group(2)) + match.group(4)

    return BLOCK.sub(replace, text)


def main(argv: list[str]) -> int:
    for name in argv or ["docs/charter.md"]:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        path.write_text(sync_markdown(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
