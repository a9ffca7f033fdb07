"""The artist's declaration as a typed value, with its JSON form.

Schema ``artcharter.declaration/1``. The artist writes it as TOML, which
``artcharter.charter.declaration`` validates into a ``Declaration``; the record carries it
(``ArtworkRecord.declaration``), the signed file as the ``fr.artcharter.declaration``
assertion and the ledger in its ``declarations`` table, all three in the JSON form
``to_dict`` gives. ``from_dict(to_dict(d)) == d`` is tested, and so is reading the JSON of
files signed before the declaration was typed: the form has not changed.

It lives with the record (provenance) rather than with the charter, because the record
holds it and provenance may not import the charter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "artcharter.declaration/1"
STAGES = ("ideation", "composition", "rendering", "post-production")
SHARES = ("none", "assisted", "generated")


def _items(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list | tuple) or not all(isinstance(v, Mapping) for v in value):
        raise ValueError(f"declaration {key} must be a list of tables")
    return list(value)


@dataclass(frozen=True)
class DeclaredTool:
    """An AI tool the artist used outside artcharter."""

    name: str | None
    version: str | None = None
    date: str | None = None  # ISO date or date-time, as text
    prompts: tuple[str, ...] = ()
    generations: int | None = None  # images generated in all, discarded ones included
    energy_kwh: float | None = None
    stage: str | None = None  # one of STAGES
    notes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "date": self.date,
            "prompts": list(self.prompts),
            "generations": self.generations,
            "energy_kwh": self.energy_kwh,
            "stage": self.stage,
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeclaredTool:
        prompts = data.get("prompts") or []
        if not isinstance(prompts, list | tuple):
            raise ValueError("declared tool prompts must be a list")
        return cls(
            name=data.get("name"),
            version=data.get("version"),
            date=data.get("date"),
            prompts=tuple(prompts),
            generations=data.get("generations"),
            energy_kwh=data.get("energy_kwh"),
            stage=data.get("stage"),
            notes=data.get("notes"),
        )


@dataclass(frozen=True)
class Technique:
    """A technique that would have made the image without AI."""

    name: str
    how: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "how": self.how}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Technique:
        return cls(name=data.get("name"), how=data.get("how"))  # type: ignore[arg-type]


@dataclass(frozen=True)
class HumanInput:
    """A human input to the artwork (sketch, photo, init image...)."""

    file: str | None
    role: str = "other"  # one of artcharter.provenance.record.INGREDIENT_ROLES
    sha256: str | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "role": self.role,
            "sha256": self.sha256,
            "description": self.description,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HumanInput:
        return cls(
            file=data.get("file"),
            role=data.get("role") or "other",
            sha256=data.get("sha256"),
            description=data.get("description"),
        )


@dataclass(frozen=True)
class ProcessImage:
    """An image of the artist's process."""

    file: str | None
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "caption": self.caption}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProcessImage:
        return cls(file=data.get("file"), caption=data.get("caption"))


@dataclass(frozen=True)
class DeclaredAdapter:
    """What the artist declares about an adapter the work's generation used (a LoRA, an
    embedding) whose own TOML said nothing: named by its file's SHA-256, as the record
    names it (``ArtworkRecord.model.adapters``)."""

    file: str | None
    sha256: str
    training_data: str | None = None
    by_artist: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "training_data": self.training_data,
            "by_artist": self.by_artist,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeclaredAdapter:
        return cls(
            file=data.get("file"),
            sha256=data.get("sha256"),  # type: ignore[arg-type]
            training_data=data.get("training_data"),
            by_artist=data.get("by_artist"),
        )


@dataclass(frozen=True)
class Declaration:
    """What the artist declares about the artwork; every part optional."""

    schema: str = SCHEMA
    title: str | None = None
    artist: str | None = None
    statement: str | None = None
    explanation: str | None = None
    bias_reflection: str | None = None
    training_mining: str | None = None  # one of record.TRAINING_MINING
    # With a ``constrained`` choice: the constraint, in words (the TDM assertion's
    # constraint_info).
    training_constraint: str | None = None
    ai_share: Mapping[str, str] = field(default_factory=dict)  # stage -> one of SHARES
    tools: tuple[DeclaredTool, ...] = ()
    techniques: tuple[Technique, ...] = ()
    human_inputs: tuple[HumanInput, ...] = ()
    process_images: tuple[ProcessImage, ...] = ()
    adapters: tuple[DeclaredAdapter, ...] = ()

    def field(self, key: str) -> str | list[Any] | None:
        """A text (TEXT_KEYS) or a list (LIST_KEYS) by its name, as a charter rule names
        it; None for any other name."""
        if key in TEXT_KEYS:
            return getattr(self, key)  # type: ignore[no-any-return]
        return list(getattr(self, key)) if key in LIST_KEYS else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, key for key what the file and the ledger hold."""
        return {
            "schema": self.schema,
            "title": self.title,
            "artist": self.artist,
            "statement": self.statement,
            "explanation": self.explanation,
            "bias_reflection": self.bias_reflection,
            "training_mining": self.training_mining,
            # Only when there is one: declarations signed before it existed keep their shape.
            **(
                {"training_constraint": self.training_constraint}
                if self.training_constraint
                else {}
            ),
            "ai_share": dict(self.ai_share),
            "tools": [t.to_dict() for t in self.tools],
            "techniques": [t.to_dict() for t in self.techniques],
            "human_inputs": [i.to_dict() for i in self.human_inputs],
            "process_images": [p.to_dict() for p in self.process_images],
            # Only when there are some: earlier declarations keep their shape.
            **({"adapters": [a.to_dict() for a in self.adapters]} if self.adapters else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Declaration:
        """The declaration a JSON form holds (a missing part is empty); ValueError when it
        is of another schema or not shaped like one."""
        if not isinstance(data, Mapping):
            raise ValueError("a declaration must be a table")
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported declaration schema {schema!r} (expected {SCHEMA})")
        share = data.get("ai_share") or {}
        if not isinstance(share, Mapping):
            raise ValueError("declaration ai_share must be a table of stages")
        return cls(
            schema=schema,
            title=data.get("title"),
            artist=data.get("artist"),
            statement=data.get("statement"),
            explanation=data.get("explanation"),
            bias_reflection=data.get("bias_reflection"),
            training_mining=data.get("training_mining"),
            training_constraint=data.get("training_constraint"),
            ai_share=dict(share),
            tools=tuple(DeclaredTool.from_dict(t) for t in _items(data, "tools")),
            techniques=tuple(Technique.from_dict(t) for t in _items(data, "techniques")),
            human_inputs=tuple(HumanInput.from_dict(i) for i in _items(data, "human_inputs")),
            process_images=tuple(ProcessImage.from_dict(p) for p in _items(data, "process_images")),
            adapters=tuple(DeclaredAdapter.from_dict(a) for a in _items(data, "adapters")),
        )


TEXT_KEYS = (
    "title",
    "artist",
    "statement",
    "explanation",
    "bias_reflection",
    "training_mining",
    "training_constraint",
)
LIST_KEYS = ("tools", "techniques", "human_inputs", "process_images", "adapters")
