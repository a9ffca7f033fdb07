"""Adapters an artist adds to a model: LoRA weights (``--lora PATH[:SCALE]``) and textual
inversion embeddings (``--embedding PATH[:TOKEN]``), often trained on the artist's own work.

Each adapter file is read before the model loads: it must be a safetensors file (its
8-byte header length and JSON header are checked, nothing else of it is trusted), it is
hashed, and a small TOML next to it (``style.safetensors.toml`` or ``style.toml``) may
declare what it was trained on and whether the artist trained it. It goes into the record
(``model.adapters``: name, kind, SHA-256, scale or token, declared training data) and into
the manifest as an ``inputTo`` ingredient whose asset type is a model (C2PA 2.2 §18.16,
``c2pa.types.model``): the file itself is not embedded (megabytes of weights), its hash is
in the signed record.

Loading goes through diffusers' own adapter API (``load_lora_weights`` with one adapter
name each and ``set_adapters`` with their scales, ``load_textual_inversion`` with its
token), only for the generation that asked for them: ``applied`` unloads them afterwards,
so a model loaded once (a campaign, the next request) is never changed for good.
"""

from __future__ import annotations

import contextlib
import json
import struct
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_file
from artcharter.provenance.image_files import ensure_regular, named_by_user
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import Adapter, Ingredient

KINDS = ("lora", "textual-inversion")
DEFAULT_SCALE = 1.0
MAX_SCALE = 2.0
# A safetensors file starts with the length of its JSON header (little-endian u64).
MAX_HEADER_BYTES = 100 * 1024 * 1024
FORMAT = "application/octet-stream"


@dataclass(frozen=True)
class AdapterSpec:
    """An adapter as the artist names it: ``kind``, file, and a LoRA's scale or an
    embedding's token (``None``: the default)."""

    kind: str
    path: Path
    scale: float | None = None
    token: str | None = None


def parse_lora(value: str) -> AdapterSpec:
    """``style.safetensors`` or ``style.safetensors:0.7``."""
    head, sep, tail = value.rpartition(":")
    if sep and head:
        try:
            scale = float(tail)
        except ValueError:
            return AdapterSpec("lora", Path(value))
        return AdapterSpec("lora", Path(head), scale=scale)
    return AdapterSpec("lora", Path(value))


def parse_embedding(value: str) -> AdapterSpec:
    """``ink.safetensors`` or ``ink.safetensors:<ink-style>`` (the word the prompt uses)."""
    head, sep, tail = value.rpartition(":")
    if sep and head and tail and not tail.startswith(("/", "\\")):
        return AdapterSpec("textual-inversion", Path(head), token=tail)
    return AdapterSpec("textual-inversion", Path(value))


def check(specs: tuple[AdapterSpec, ...], prompt: str, negative: str | None) -> None:
    """Refuse what can be refused before the model loads: a scale out of range, an
    embedding whose word neither prompt uses, a file that is not safetensors."""
    for spec in specs:
        if spec.scale is not None and not 0 < spec.scale <= MAX_SCALE:
            raise BadInput(
                MESSAGES("adapters.scale_range", path=spec.path, scale=spec.scale, top=MAX_SCALE)
            )
        if spec.kind == "textual-inversion":
            token = token_of(spec)
            if token not in prompt and token not in (negative or ""):
                raise BadInput(MESSAGES("adapters.token_unused", path=spec.path, token=token))
        header(spec.path)


def token_of(spec: AdapterSpec) -> str:
    return spec.token or f"<{spec.path.name.split('.')[0]}>"


def header(path: Path) -> dict[str, Any]:
    """The JSON header of a safetensors file, or a one-line BadInput."""
    with named_by_user(path):
        ensure_regular(path)
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
            length = struct.unpack("<Q", head)[0] if len(head) == 8 else -1
            raw = handle.read(length) if 1 < length <= min(size - 8, MAX_HEADER_BYTES) else b""
    try:
        found = json.loads(raw) if raw.startswith(b"{") else None
    except ValueError:  # UnicodeDecodeError included
        found = None
    tensors = {k: v for k, v in (found or {}).items() if k != "__metadata__"}
    if not tensors or not all(isinstance(v, dict) and "shape" in v for v in tensors.values()):
        raise BadInput(MESSAGES("adapters.not_safetensors", path=path))
    return tensors


def declared(path: Path) -> tuple[str | None, bool | None, str | None]:
    """(training data, trained by the artist, name) from the TOML next to the adapter."""
    for candidate in (path.with_name(path.name + ".toml"), path.with_suffix(".toml")):
        if candidate.is_file():
            break
    else:
        return None, None, None
    with named_by_user(candidate):
        text = candidate.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(MESSAGES("adapters.bad_toml", path=candidate, error=str(exc))) from None
    training, by_artist, name = (
        data.get("training_data"),
        data.get("by_artist"),
        data.get("name"),
    )
    if not isinstance(training, str | None) or not isinstance(name, str | None):
        raise BadInput(MESSAGES("adapters.bad_toml", path=candidate, error="text expected"))
    if not isinstance(by_artist, bool | None):
        raise BadInput(MESSAGES("adapters.bad_toml", path=candidate, error="by_artist: true/false"))
    clean = " ".join(training.split())[:500] if training else None
    return clean or None, by_artist, " ".join(name.split())[:120] if name else None


def describe(spec: AdapterSpec) -> Adapter:
    """The record of one adapter: checked, hashed, with what its TOML declares."""
    header(spec.path)
    with named_by_user(spec.path):
        digest = sha256_file(spec.path)
    training, by_artist, name = declared(spec.path)
    lora = spec.kind == "lora"
    return Adapter(
        kind=spec.kind,
        file=spec.path.name,
        name=name or spec.path.name.split(".")[0],
        sha256=digest,
        scale=(DEFAULT_SCALE if spec.scale is None else spec.scale) if lora else None,
        token=None if lora else token_of(spec),
        training_data=training,
        by_artist=by_artist if by_artist is not None else (True if training else None),
    )


def ingredient(adapter: Adapter) -> Ingredient:
    """The adapter as the record lists its inputs: by name and hash."""
    return Ingredient(adapter.file, adapter.sha256, FORMAT, adapter.kind, "inputTo")


@contextlib.contextmanager
def applied(
    pipeline: Any, specs: tuple[AdapterSpec, ...], adapters: list[Adapter]
) -> Iterator[None]:
    """The adapters loaded into ``pipeline`` for the block, then taken out again."""
    if not specs:
        yield
        return
    names: list[str] = []
    weights: list[float] = []
    tokens: list[str] = []
    try:
        for index, (spec, adapter) in enumerate(zip(specs, adapters, strict=True)):
            _load(pipeline, spec, adapter, index, names, weights, tokens)
        if names:
            pipeline.set_adapters(names, weights)
        yield
    finally:
        with contextlib.suppress(Exception):
            if names:
                pipeline.unload_lora_weights()
            if tokens:
                pipeline.unload_textual_inversion(tokens)


def _load(
    pipeline: Any,
    spec: AdapterSpec,
    adapter: Adapter,
    index: int,
    names: list[str],
    weights: list[float],
    tokens: list[str],
) -> None:
    from artcharter.provenance.quiet import quiet_libraries

    method = "load_lora_weights" if spec.kind == "lora" else "load_textual_inversion"
    if not hasattr(pipeline, method):
        raise BadInput(
            MESSAGES("adapters.unsupported", kind=spec.kind, model=type(pipeline).__name__)
        )
    try:
        with quiet_libraries(progress=False):
            if spec.kind == "lora":
                name = f"artcharter-{index}"
                pipeline.load_lora_weights(str(spec.path), adapter_name=name)
                names.append(name)
                weights.append(float(adapter.scale or DEFAULT_SCALE))
                if not any(name in found for found in pipeline.get_list_adapters().values()):
                    raise ValueError("no layer of this model matches its weights")
            else:
                assert adapter.token is not None
                pipeline.load_textual_inversion(str(spec.path), token=adapter.token)
                tokens.append(adapter.token)
    except (ValueError, RuntimeError, KeyError, OSError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise BadInput(MESSAGES("adapters.unfit", path=spec.path, error=reason)) from None
