"""The AUTOMATIC1111 ``parameters`` text: how Stable Diffusion tools say how an image was made.

Stable Diffusion web UI, Forge, ComfyUI importers, Civitai and many viewers read a PNG
text chunk named ``parameters`` laid out as::

    a lighthouse at night, woodcut
    Negative prompt: blurry
    Steps: 8, Sampler: Euler, CFG scale: 5, Seed: 42, Size: 128x128, Model: ...

Prompt lines, an optional ``Negative prompt:`` part, then one line of ``Key: value``
pairs where a value holding a comma, a colon or a line break is JSON-quoted. The rules
below follow the web UI's own ``quote``/``unquote`` and ``parse_generation_parameters``.
Pure functions; the chunk is written before signing (see artcharter.provenance.label.sign_record).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from artcharter.provenance.record import ArtworkRecord

PNG_KEY = "parameters"
NEGATIVE_PREFIX = "Negative prompt:"
# One "Key: value" pair of the last line, as the web UI matches it.
_PARAM = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
# The web UI takes the last line for the parameters only if it holds at least three.
_MIN_PARAMS = 3


@dataclass(frozen=True)
class Parameters:
    prompt: str
    negative_prompt: str
    params: dict[str, str]


def quote(value: object) -> str:
    text = str(value)
    if "," not in text and "\n" not in text and ":" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def unquote(text: str) -> str:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, str) else text


def number(value: float | int) -> str:
    """7.0 -> '7', 7.5 -> '7.5': how the web UI writes a CFG scale."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def format_parameters(
    prompt: str | None, negative_prompt: str | None, params: dict[str, object | None]
) -> str:
    """The ``parameters`` text; keys whose value is None are left out."""
    lines = []
    if prompt:
        lines.append(prompt.strip())
    if negative_prompt:
        lines.append(f"{NEGATIVE_PREFIX} {negative_prompt.strip()}")
    pairs = [f"{key}: {quote(value)}" for key, value in params.items() if value is not None]
    lines.append(", ".join(pairs))
    return "\n".join(lines)


def parse_parameters(text: str) -> Parameters:
    """Read a ``parameters`` text back, as the web UI does."""
    *lines, last = text.strip().split("\n")
    if len(_PARAM.findall(last)) < _MIN_PARAMS:
        lines.append(last)
        last = ""
    prompt: list[str] = []
    negative: list[str] = []
    in_negative = False
    for raw in lines:
        line = raw.strip()
        if line.startswith(NEGATIVE_PREFIX):
            in_negative = True
            line = line[len(NEGATIVE_PREFIX) :].strip()
        (negative if in_negative else prompt).append(line)
    params = {key: unquote(value) for key, value in _PARAM.findall(last)}
    return Parameters("\n".join(prompt), "\n".join(negative), params)


def parameters_for(record: ArtworkRecord, version: str) -> str:
    """The ``parameters`` text of a generated artwork. A private prompt (and its negative
    prompt) appear only as their SHA-256, exactly as in the signed record."""
    public = record.public()
    generation = public.generation
    model = public.model
    params: dict[str, object | None] = {}
    negative = None
    if generation is not None:
        negative = generation.negative_prompt
        params["Steps"] = generation.steps
        params["Sampler"] = generation.scheduler
        params["CFG scale"] = (
            number(generation.guidance) if generation.guidance is not None else None
        )
        params["Seed"] = generation.seed
        if generation.width and generation.height:
            params["Size"] = f"{generation.width}x{generation.height}"
    if model is not None:
        params["Model hash"] = model.weights_sha256[:10] if model.weights_sha256 else None
        # No comma inside a value: the readers of this text (sd-parsers, sd-prompt-reader)
        # split the settings line on ", " without quoting.
        label = " (demo model with random weights)" if model.is_demo else ""
        params["Model"] = (model.id + label).replace(",", " ")
    if generation is not None and generation.batch_size > 1:
        params["Batch size"] = generation.batch_size
        params["Batch pos"] = generation.batch_index
    if record.prompt_private:
        # Keyed hashes (artcharter.provenance.prompt_key): only the project can check them.
        params["Prompt HMAC"] = record.prompt_hmac
        if generation is not None:
            params["Negative prompt HMAC"] = generation.negative_prompt_hmac
    params["Version"] = f"artcharter {version}"
    return format_parameters(public.prompt, negative, params)
