"""What a file says about itself without proof: IPTC XMP AI fields, an AUTOMATIC1111
``parameters`` chunk, a ComfyUI ``prompt``/``workflow`` chunk, EXIF software fields.

Shown for a file without a valid credential, always under "what the file says, not
verified": anyone can write these fields, and a platform may have rewritten them. Nothing
here ever joins a verified field. Pure functions over the file's bytes; the XMP is read
with patterns for the few properties wanted, never with an XML parser (no entity
expansion, no bombs), and every value is cut to a readable length.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from PIL import Image

from artcharter.provenance import a1111, image_files

MAX_VALUE = 400  # characters kept of one value
MAX_TEXT = image_files.MAX_PNG_TEXT  # a text larger than this is not read

# IPTC / Dublin Core / XMP properties worth showing, in the order shown.
XMP_FIELDS = (
    "Iptc4xmpExt:DigitalSourceType",
    "Iptc4xmpExt:AISystemUsed",
    "Iptc4xmpExt:AISystemVersionUsed",
    "Iptc4xmpExt:AIPromptInformation",
    "Iptc4xmpExt:AIPromptWriterName",
    "dc:creator",
    "dc:title",
    "xmp:CreatorTool",
    "plus:DataMining",
)
# EXIF tags: Software, Artist, ImageDescription (IFD0); UserComment (Exif IFD), where
# AUTOMATIC1111 writes its parameters in a JPEG or WebP.
EXIF_FIELDS = {0x0131: "Software", 0x013B: "Artist", 0x010E: "ImageDescription"}
EXIF_IFD, USER_COMMENT = 0x8769, 0x9286


@dataclass(frozen=True)
class Claim:
    source: str  # "xmp", "a1111", "comfyui", "exif"
    field: str
    value: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _clean(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _xmp_value(xmp: str, name: str) -> str | None:
    prefix = re.escape(name)
    # <name rdf:resource="..."/>  or  name="..." as an attribute
    found = re.search(prefix + r'\s+rdf:resource="([^"]*)"', xmp) or re.search(
        r"\s" + prefix + r'="([^"]*)"', xmp
    )
    if found:
        return html.unescape(found.group(1))
    element = re.search(f"<{prefix}(?:\\s[^>]*)?>(.*?)</{prefix}>", xmp, re.S)
    if element is None:
        return None
    inner = element.group(1)
    items = re.findall(r"<rdf:li(?:\s[^>]*)?>(.*?)</rdf:li>", inner, re.S)
    text = ", ".join(items) if items else inner
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip() or None


def xmp_claims(xmp: str) -> list[Claim]:
    if len(xmp) > MAX_TEXT:
        return []
    claims = []
    for name in XMP_FIELDS:
        value = _xmp_value(xmp, name)
        if value:
            claims.append(Claim("xmp", name, _clean(value)))
    return claims


def a1111_claims(text: str) -> list[Claim]:
    parsed = a1111.parse_parameters(text)
    claims = []
    if parsed.prompt:
        claims.append(Claim("a1111", "prompt", _clean(parsed.prompt)))
    if parsed.negative_prompt:
        claims.append(Claim("a1111", "negative prompt", _clean(parsed.negative_prompt)))
    for key in ("Model", "Model hash", "Seed", "Steps", "Sampler", "CFG scale", "Size", "Version"):
        if key in parsed.params:
            claims.append(Claim("a1111", key, _clean(parsed.params[key])))
    return claims


def comfyui_claims(prompt: str | None, workflow: str | None) -> list[Claim]:
    """The models and prompt texts of a ComfyUI graph (``prompt``: node id -> {class_type,
    inputs}); a ``workflow`` alone (the editor's layout) is only named."""
    claims: list[Claim] = []
    graph: Any = None
    if prompt and len(prompt) <= MAX_TEXT:
        try:
            graph = json.loads(prompt)
        except (json.JSONDecodeError, RecursionError):
            graph = None
    if isinstance(graph, dict):
        models, texts = [], []
        for node in graph.values():
            if not isinstance(node, dict) or not isinstance(node.get("inputs"), dict):
                continue
            inputs = node["inputs"]
            for key in ("ckpt_name", "unet_name", "lora_name", "model_name"):
                if isinstance(inputs.get(key), str):
                    models.append(inputs[key])
            if "CLIPTextEncode" in str(node.get("class_type")) and isinstance(
                inputs.get("text"), str
            ):
                texts.append(inputs["text"])
        claims += [Claim("comfyui", "model", _clean(m)) for m in dict.fromkeys(models)]
        claims += [Claim("comfyui", "prompt text", _clean(t)) for t in texts[:4]]
        claims.append(Claim("comfyui", "nodes", str(len(graph))))
    elif workflow:
        claims.append(Claim("comfyui", "workflow", "present"))
    return claims


def exif_claims(data: bytes) -> list[Claim]:
    try:
        if image_files.detect_format(data) == "png":
            # From the eXIf chunk: Pillow would decode a PNG's pixels to read its EXIF.
            raw = image_files.read_png_exif(data) or _raw_profile_exif(data)
            exif = Image.Exif()
            if raw is not None:
                exif.load(raw)
            return _exif_fields(exif)
        with Image.open(io.BytesIO(data)) as image:
            return _exif_fields(image.getexif())
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return []


def _raw_profile_exif(data: bytes) -> bytes | None:
    """EXIF in ImageMagick's older text chunk: a name, a length, then hexadecimal lines."""
    profile = image_files.read_png_text(data).get("Raw profile type exif")
    if profile is None:
        return None
    try:
        return bytes.fromhex("".join(profile.split("\n")[3:]))
    except ValueError:
        return None


def _exif_fields(exif: Image.Exif) -> list[Claim]:
    claims = [
        Claim("exif", name, _clean(exif[tag]))
        for tag, name in EXIF_FIELDS.items()
        if isinstance(exif.get(tag), str) and exif[tag].strip()
    ]
    comment = exif.get_ifd(EXIF_IFD).get(USER_COMMENT)
    if isinstance(comment, bytes):
        # An 8-byte character-code header ("UNICODE\0" is UTF-16 BE, "ASCII\0\0\0").
        header, body = comment[:8], comment[8:]
        comment = body.decode("utf-16-be" if header.startswith(b"UNICODE") else "utf-8", "replace")
    if isinstance(comment, str) and comment.strip("\x00 "):
        text = comment.strip("\x00 ")
        parsed = a1111_claims(text)
        claims += parsed if parsed else [Claim("exif", "UserComment", _clean(text))]
    return claims


def file_claims(data: bytes) -> list[Claim]:
    """Everything the file claims about how it was made, unverified, in a fixed order."""
    claims: list[Claim] = []
    is_png = image_files.detect_format(data) == "png"
    texts = image_files.read_png_text(data) if is_png else {}
    xmp = texts.get(image_files.XMP_PNG_KEYWORD.decode()) if is_png else image_files.read_xmp(data)
    if xmp:
        claims += xmp_claims(xmp)
    if is_png:
        if texts.get(a1111.PNG_KEY):
            claims += a1111_claims(texts[a1111.PNG_KEY][:MAX_TEXT])
        if texts.get("prompt") or texts.get("workflow"):
            claims += comfyui_claims(texts.get("prompt"), texts.get("workflow"))
    claims += exif_claims(data)
    return claims
