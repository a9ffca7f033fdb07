"""Reference distributions for KL and MaxSkew: uniform by default, or a table with its source.

A reference table is a TOML (or JSON) file a school writes from published statistics, for
instance the share of women in each occupation from a labour force survey. Its ``source``
is required and shown with every figure computed against it. Values are shares or counts:
each attribute's row is normalised to sum to 1, and every class needs a value > 0.

    source = "INSEE, Enquête Emploi 2023, table Emploi selon le sexe et la profession"
    url = "https://www.insee.fr/..."          # optional

    [default.gender]                          # optional: prompts without their own row
    woman = 0.5
    man = 0.5

    [prompts.nurse.gender]                    # key: the prompt set's subject id or prompt text
    woman = 0.87
    man = 0.13
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

Table = dict[str, dict[str, float]]  # attribute -> class -> share


@dataclass(frozen=True)
class Reference:
    source: str
    url: str | None = None
    default: Table = field(default_factory=dict)
    prompts: dict[str, Table] = field(default_factory=dict)
    path: str | None = None

    def shares_for(self, keys: tuple[str, ...], attribute: str) -> dict[str, float] | None:
        """The reference row for the first key that has one (subject id, prompt text), or
        the default row, or None (then metrics use the uniform distribution)."""
        for key in keys:
            table = self.prompts.get(_norm_key(key))
            if table and attribute in table:
                return table[attribute]
        return self.default.get(attribute)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "url": self.url,
            "default": self.default,
            "prompts": self.prompts,
            "path": self.path,
        }


def _norm_key(key: str) -> str:
    return " ".join(key.casefold().split())


def _table(data: Any, where: str) -> Table:
    if not isinstance(data, Mapping):
        raise BadInput(MESSAGES("reference.not_a_table", where=where))
    table: Table = {}
    for attribute, row in data.items():
        if not isinstance(row, Mapping) or not row:
            raise BadInput(MESSAGES("reference.not_pairs", where=where, attribute=attribute))
        values: dict[str, float] = {}
        for cls, value in row.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadInput(
                    MESSAGES("reference.not_a_number", where=where, attribute=attribute, cls=cls)
                )
            if not math.isfinite(value) or value <= 0:
                raise BadInput(
                    MESSAGES(
                        "reference.share_not_positive",
                        where=where,
                        attribute=attribute,
                        cls=cls,
                    )
                )
            values[str(cls)] = float(value)
        total = sum(values.values())
        table[str(attribute)] = {c: v / total for c, v in values.items()}
    return table


def parse_reference(data: Mapping[str, Any], origin: str = "reference") -> Reference:
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise BadInput(MESSAGES("reference.no_source", origin=origin))
    prompts_data = data.get("prompts", {})
    if not isinstance(prompts_data, Mapping):
        raise BadInput(MESSAGES("reference.prompts_not_a_table", origin=origin))
    prompts = {
        _norm_key(str(key)): _table(value, f"{origin}: prompts.{key}")
        for key, value in prompts_data.items()
    }
    default = _table(data.get("default", {}), f"{origin}: default")
    if not prompts and not default:
        raise BadInput(MESSAGES("reference.no_rows", origin=origin))
    url = data.get("url")
    return Reference(source.strip(), str(url) if url else None, default, prompts, origin)


def load_reference(path: Path) -> Reference:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(MESSAGES("reference.no_such_file", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(MESSAGES("prompt_sets.cannot_read", path=path, error=str(exc))) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(
            MESSAGES("probe_classes.unreadable_file", path=path, error=str(exc))
        ) from None
    return parse_reference(data, str(path))
