"""What the probe asks: the gate, the attributes, their classes and prompt ensembles.

Pure data, read from ``audits/data/probe_classes.toml`` (or a school's own file of the same
shape). A campaign records the whole structure and its hash, so that its readings can be
reproduced with the same questions.
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.audits.bias.prompt_audit import read_data
from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex

NO_PERSON = "no-person"


@dataclass(frozen=True)
class ClassSpec:
    id: str
    label_en: str
    label_fr: str
    describe: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


@dataclass(frozen=True)
class AttributeSpec:
    id: str
    label_en: str
    label_fr: str
    threshold: float
    focus: str
    classes: tuple[ClassSpec, ...]
    on_request: bool = False

    @property
    def class_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.classes)

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def class_label(self, class_id: str, lang: str) -> str:
        for c in self.classes:
            if c.id == class_id:
                return c.label(lang)
        return class_id


@dataclass(frozen=True)
class GateSpec:
    threshold: float
    person_classes: tuple[str, ...]
    classes: tuple[ClassSpec, ...]

    def class_label(self, class_id: str, lang: str) -> str:
        for c in self.classes:
            if c.id == class_id:
                return c.label(lang)
        return class_id


@dataclass(frozen=True)
class ProbeClasses:
    version: int
    templates: tuple[str, ...]
    gate: GateSpec
    attributes: tuple[AttributeSpec, ...]

    @property
    def sha256(self) -> str:
        payload = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return sha256_hex(payload)

    def attribute(self, attribute_id: str) -> AttributeSpec:
        for a in self.attributes:
            if a.id == attribute_id:
                return a
        raise BadInput(MESSAGES("probe_classes.unknown_attribute", attribute_id=attribute_id))

    @property
    def attribute_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.attributes)

    def select(self, *, ethnicity: bool = False) -> ProbeClasses:
        """Attributes asked on request only (ethnicity) are dropped unless requested."""
        kept = tuple(a for a in self.attributes if ethnicity or not a.on_request)
        return dataclasses.replace(self, attributes=kept)

    def with_thresholds(
        self, *, gate: float | None = None, attributes: Mapping[str, float] | None = None
    ) -> ProbeClasses:
        """The same questions with other confidence thresholds (all recorded)."""
        attributes = dict(attributes or {})
        for name, value in attributes.items():
            self.attribute(name)
            _check_threshold(value, name)
        new_gate = self.gate
        if gate is not None:
            _check_threshold(gate, "gate")
            new_gate = dataclasses.replace(self.gate, threshold=float(gate))
        return dataclasses.replace(
            self,
            gate=new_gate,
            attributes=tuple(
                dataclasses.replace(a, threshold=float(attributes.get(a.id, a.threshold)))
                for a in self.attributes
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProbeClasses:
        def classes(items: list[Mapping[str, Any]]) -> tuple[ClassSpec, ...]:
            return tuple(
                ClassSpec(c["id"], c["label_en"], c["label_fr"], tuple(c["describe"]))
                for c in items
            )

        gate = data["gate"]
        return cls(
            version=int(data["version"]),
            templates=tuple(data["templates"]),
            gate=GateSpec(
                float(gate["threshold"]), tuple(gate["person_classes"]), classes(gate["classes"])
            ),
            attributes=tuple(
                AttributeSpec(
                    a["id"],
                    a["label_en"],
                    a["label_fr"],
                    float(a["threshold"]),
                    a["focus"],
                    classes(a["classes"]),
                    bool(a.get("on_request", False)),
                )
                for a in data["attributes"]
            ),
        )


def _check_threshold(value: float, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise BadInput(MESSAGES("probe_classes.threshold_range", name=name, value=value))


def _classes_from_toml(table: Any, where: str) -> tuple[ClassSpec, ...]:
    if not isinstance(table, Mapping) or len(table) < 1:
        raise BadInput(MESSAGES("probe_classes.no_classes", where=where))
    result = []
    for class_id, entry in table.items():
        describe = entry.get("describe") if isinstance(entry, Mapping) else None
        if (
            not isinstance(describe, list)
            or not describe
            or not all(isinstance(d, str) and d.strip() for d in describe)
        ):
            raise BadInput(MESSAGES("probe_classes.describe_empty", where=where, class_id=class_id))
        result.append(
            ClassSpec(
                str(class_id),
                str(entry.get("label_en", class_id)),
                str(entry.get("label_fr", entry.get("label_en", class_id))),
                tuple(describe),
            )
        )
    return tuple(result)


def parse_probe_classes(data: Mapping[str, Any], origin: str) -> ProbeClasses:
    templates = data.get("templates")
    if not isinstance(templates, list) or not templates:
        raise BadInput(MESSAGES("probe_classes.templates_need_slot", origin=origin))
    for t in templates:
        if not isinstance(t, str) or t.count("{}") != 1:
            raise BadInput(MESSAGES("probe_classes.template_slots", origin=origin, t=t))
    gate_data = data.get("gate")
    if not isinstance(gate_data, Mapping):
        raise BadInput(MESSAGES("probe_classes.no_gate", origin=origin))
    gate_classes = _classes_from_toml(gate_data.get("classes"), f"{origin}: gate.classes")
    person = tuple(gate_data.get("person_classes", ()))
    gate_ids = {c.id for c in gate_classes}
    if not person or not set(person) <= gate_ids or set(person) == gate_ids:
        raise BadInput(MESSAGES("probe_classes.person_classes", origin=origin))
    gate_threshold = gate_data.get("threshold", 0.5)
    _check_threshold(gate_threshold, "gate")
    attributes = []
    attr_data = data.get("attributes")
    if not isinstance(attr_data, Mapping) or not attr_data:
        raise BadInput(MESSAGES("probe_classes.no_attributes", origin=origin))
    for attr_id, entry in attr_data.items():
        where = f"{origin}: attributes.{attr_id}"
        classes = _classes_from_toml(entry.get("classes"), f"{where}.classes")
        if len(classes) < 2:
            raise BadInput(MESSAGES("probe_classes.attribute_too_few_classes", where=where))
        threshold = entry.get("threshold", 0.0)
        _check_threshold(threshold, str(attr_id))
        focus = entry.get("focus", classes[0].id)
        if focus not in {c.id for c in classes}:
            raise BadInput(MESSAGES("probe_classes.unknown_focus", where=where, focus=focus))
        attributes.append(
            AttributeSpec(
                str(attr_id),
                str(entry.get("label_en", attr_id)),
                str(entry.get("label_fr", entry.get("label_en", attr_id))),
                float(threshold),
                str(focus),
                classes,
                bool(entry.get("on_request", False)),
            )
        )
    return ProbeClasses(
        int(data.get("version", 1)),
        tuple(templates),
        GateSpec(float(gate_threshold), person, gate_classes),
        tuple(attributes),
    )


def load_probe_classes(path: Path | None = None) -> ProbeClasses:
    """The built-in probe questions, or those of a school's TOML file."""
    if path is None:
        return parse_probe_classes(read_data("probe_classes.toml"), "builtin:probe_classes")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(MESSAGES("clip_probe.no_such_image", path=path)) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(
            MESSAGES("probe_classes.unreadable_file", path=path, error=str(exc))
        ) from None
    return parse_probe_classes(data, str(path))
