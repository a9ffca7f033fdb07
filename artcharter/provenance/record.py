"""The artwork record: the one typed object that crosses every room, with its JSON form.

Schema ``artcharter.record/1`` (documented in docs/record-schema.md). The record is split
into C2PA assertions under one label prefix: ``<prefix>.record`` holds the core, and the
optional parts (generation, energy, declaration, probe) each get their own assertion so a
reader can find them by label. ``from_dict(to_dict(r)) == r`` is tested.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The energy record lives with its measurement (artcharter.audits.energy); it is re-exported here
# because it is a part of the artwork record.
from artcharter.audits.energy import EnergyRecord
from artcharter.base.hashing import sha256_hex
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.media_files import MediaInfo

SCHEMA = "artcharter.record/1"
# Reverse-domain prefix of every custom assertion artcharter writes.
LABEL_PREFIX = "fr.artcharter"

IPTC_SOURCE_TYPE_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/"

# IPTC digital source types an artist can declare, with how much of the image a model made.
SOURCE_TYPES: dict[str, str] = {
    "trainedAlgorithmicMedia": "generated",
    "compositeWithTrainedAlgorithmicMedia": "partly-generated",
    "algorithmicallyEnhanced": "enhanced",
    "compositeSynthetic": "partly-generated",
    "algorithmicMedia": "none",
    "digitalCreation": "none",
    "humanEdits": "none",
    "digitalCapture": "none",
    "negativeFilm": "none",
    "positiveFilm": "none",
    "print": "none",
    "minorHumanEdits": "none",
    "composite": "none",
    "compositeCapture": "none",
    "screenCapture": "none",
    "virtualRecording": "none",
    "dataDrivenMedia": "none",
}

TRAINING_MINING = ("allowed", "notAllowed", "constrained")
# The kinds of generative model a disclosure names (each has its plain explanation in the
# reports), and the one a work of each kind is assumed to come from unless told.
MODEL_KINDS = ("image", "video", "music", "voice", "text")
DEFAULT_MODEL_KIND = {"image": "image", "video": "video", "sound": "music", "document": "text"}
INGREDIENT_ROLES = ("sketch", "photo", "init-image", "earlier-version", "reference", "other")
# The role of the picture of the denoising steps a generation keeps (``--show-steps``).
STEPS_ROLE = "denoising-steps"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass
class Person:
    name: str
    email: str | None = None
    organisation: str | None = None


@dataclass
class Ingredient:
    """A human input to the artwork, identified by the hash of its bytes."""

    title: str
    sha256: str
    format: str
    role: str = "other"
    relationship: str = "componentOf"


@dataclass
class Adapter:
    """A LoRA or a textual inversion embedding added to the model (``generate --lora``,
    ``--embedding``): its file's name and hash, its scale or token, and what the TOML
    next to it declares about its training (artcharter.provenance.adapters)."""

    kind: str  # "lora" or "textual-inversion"
    file: str
    name: str
    sha256: str
    scale: float | None = None
    token: str | None = None
    training_data: str | None = None
    by_artist: bool | None = None


@dataclass
class ModelInfo:
    id: str
    revision: str | None = None
    weights_sha256: str | None = None
    pipeline_class: str | None = None
    scheduler_class: str | None = None
    library: str | None = None
    library_version: str | None = None
    is_demo: bool = False
    adapters: list[Adapter] = field(default_factory=list)


@dataclass
class GenerationParams:
    negative_prompt: str | None = None
    negative_prompt_sha256: str | None = None
    negative_prompt_hmac: str | None = None  # a private negative prompt's keyed hash
    seed: int | None = None
    steps: int | None = None
    guidance: float | None = None
    width: int | None = None
    height: int | None = None
    scheduler: str | None = None
    generator_device: str | None = None
    device: str | None = None
    device_name: str | None = None
    dtype: str | None = None
    batch_index: int = 0
    batch_size: int = 1
    libraries: dict[str, str] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Made from the artist's own image (artcharter.provenance.conditioning): "image-to-image",
    # "inpaint" or "controlnet"; how much of the start was noised away; the ControlNet's
    # kind, model and weights hash.
    mode: str | None = None
    strength: float | None = None
    control: dict[str, str | None] | None = None
    # The denoising steps shown as a strip (``--show-steps``), numbered from 1: "1, 5, 10".
    # Text, not a list: c2pa writes a list of small integers as CBOR bytes, which read
    # back as a string of characters.
    steps_shown: str | None = None
    # A series (``generate --n N``): its id (the session's), this image's place in it from
    # 1, and how many images it has (artcharter.provenance.series).
    series_id: str | None = None
    series_index: int | None = None
    series_size: int | None = None


@dataclass
class SeriesPlace:
    """A labelled work's place in a series (``label FOLDER``): the series' id, the work's
    place from 1 (its place by name in the folder), and how many files the series has.
    A generated image keeps its place in ``generation`` (series_id, series_index,
    series_size); ``ArtworkRecord.series_place`` reads either."""

    series_id: str
    index: int
    size: int


@dataclass
class ArtworkRecord:
    artwork_id: str
    kind: str  # "generated" or "labelled"
    source_type: str
    created_at: str = field(default_factory=now_iso)
    schema: str = SCHEMA
    title: str | None = None
    author: Person | None = None
    tool: str | None = None
    prompt: str | None = None
    prompt_sha256: str | None = None  # a public prompt's SHA-256
    prompt_private: bool = False
    # A private prompt's keyed hash (artcharter.provenance.prompt_key): never a plain one.
    prompt_hmac: str | None = None
    model: ModelInfo | None = None
    generation: GenerationParams | None = None
    energy: EnergyRecord | None = None
    ingredients: list[Ingredient] = field(default_factory=list)
    training_mining: str = "notAllowed"
    # With "constrained": the constraint in the artist's words (CAWG ``constraint_info``).
    training_constraint: str | None = None
    # True when the artist made no choice: ``training_mining`` is the protective default
    # (notAllowed), which a report says as "not chosen" rather than as a refusal.
    training_mining_default: bool = False
    declaration: Declaration | None = None
    probe: dict[str, Any] | None = None
    software: dict[str, str] = field(default_factory=dict)
    # A video, sound or document: its kind, format, duration or pages (None: a still image).
    media: MediaInfo | None = None
    # The kind of model that made or changed the work (MODEL_KINDS), when AI was used.
    model_kind: str | None = None
    # A labelled work signed as one file of a folder (``label FOLDER``).
    series: SeriesPlace | None = None

    @property
    def series_place(self) -> SeriesPlace | None:
        """The work's place in its series, labelled or generated (None: not in a series)."""
        if self.series is not None:
            return self.series
        gen = self.generation
        if gen is not None and gen.series_id and gen.series_index and gen.series_size:
            return SeriesPlace(gen.series_id, gen.series_index, gen.series_size)
        return None

    @property
    def work_kind(self) -> str:
        return self.media.kind if self.media else "image"

    @property
    def ai_share(self) -> str:
        return SOURCE_TYPES.get(self.source_type, "unknown")

    @property
    def source_type_uri(self) -> str:
        return IPTC_SOURCE_TYPE_URI + self.source_type

    def public(self) -> ArtworkRecord:
        """The record as it may be written into a file: a private prompt keeps only its
        keyed hash (a plain SHA-256 would let anyone test a guess)."""
        if not self.prompt_private:
            return self
        generation = self.generation
        if generation is not None:
            # The negative prompt is part of the prompt an artist keeps private.
            generation = dataclasses.replace(
                generation, negative_prompt=None, negative_prompt_sha256=None
            )
        return dataclasses.replace(self, prompt=None, prompt_sha256=None, generation=generation)

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArtworkRecord:
        if data.get("schema") != SCHEMA:
            raise ValueError(
                f"unsupported record schema {data.get('schema')!r} (expected {SCHEMA})"
            )
        return _build(cls, data)


def new_artwork_id() -> str:
    return str(uuid.uuid4())


def prompt_hash(prompt: str) -> str:
    return sha256_hex(prompt)


# --- generic dict <-> dataclass, so the schema is written once: in the classes above -------
# Verification reads a record per file: each type's converter is built once (its type hints
# resolved, its fields listed), not worked out again for every value.

_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def plain(value: Any) -> Any:
    """JSON-ready copy of a record (or any of its parts): dataclasses become dicts, lists
    and dicts are copied, scalars shared. Like ``dataclasses.asdict`` without its deep
    copy of every leaf."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is list or cls is tuple:
        return [plain(v) for v in value]
    if cls is dict:
        return {k: plain(v) for k, v in value.items()}
    if cls is Declaration:  # frozen, with its own JSON form
        return value.to_dict()
    names = _field_names(cls)
    if names is None:
        return value
    return {name: plain(getattr(value, name)) for name in names}


def _build(cls: type, data: dict[str, Any]) -> Any:
    return _converter(cls)(data)


def _keep(value: Any) -> Any:
    return value


@functools.cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """The function that turns the JSON form of type ``tp`` into ``tp`` (None stays None)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _keep
    if origin is list:
        (item,) = typing.get_args(tp)
        each = _converter(item)
        return lambda value: None if value is None else [each(v) for v in value]
    if tp is Declaration:
        return lambda value: None if value is None else Declaration.from_dict(value)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(tp)]

        def build(data: Any) -> Any:
            if data is None:
                return None
            return tp(**{name: convert(data[name]) for name, convert in fields if name in data})

        return build
    return _keep
