"""What a forger does to a signed file, at the byte level, for PNG, JPEG and WebP.

Each function takes the bytes of a real signed file and returns the bytes of an altered
one, the way an attacker (or a careless editor) would make them: pixels changed or cropped
while the C2PA manifest store is carried over, the store moved onto another image, a byte
flipped inside the claim signature, an assertion rewritten in place. No c2pa code is
mocked: the results are read back by the real verifier.

The manifest store (a JUMBF box tree) sits in a ``caBX`` chunk in PNG, in ``APP11``
segments in JPEG (split into pieces, each repeating the box header) and in a ``C2PA``
chunk in WebP. ``store_spans`` maps the contiguous store onto the file's bytes so that a
length-preserving edit of the store can be written back in place.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from artcharter.provenance.image_files import (
    PNG_MAGIC,
    XMP_JPEG_HEADER,
    XMP_PNG_KEYWORD,
    detect_format,
)

# --- containers ----------------------------------------------------------------------------


def png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, start, end) of each chunk, ``end`` past the CRC."""
    chunks, pos = [], len(PNG_MAGIC)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunks.append((kind, pos, pos + 12 + length))
        pos += 12 + length
        if kind == b"IEND":
            break
    return chunks


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """(marker, start, end) of each header segment up to the start of scan (excluded)."""
    segments, pos = [], 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segments.append((marker, pos, pos + 2 + length))
        pos += 2 + length
    return segments


def _jpeg_scan_start(data: bytes) -> int:
    segments = jpeg_segments(data)
    return segments[-1][2] if segments else 2


def webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        chunks.append((kind, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    return chunks


def webp_file(chunks: list[tuple[bytes, bytes]]) -> bytes:
    body = b"WEBP" + b"".join(
        kind + struct.pack("<I", len(p)) + p + (b"\x00" if len(p) & 1 else b"")
        for kind, p in chunks
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _is_c2pa_app11(data: bytes, start: int, end: int) -> bool:
    return data[start + 1] == 0xEB and data[start + 4 : start + 6] == b"JP"


def _webp_offsets(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each WebP chunk."""
    out, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        out.append((kind, pos + 8, pos + 8 + size))
        pos += 8 + size + (size & 1)
    return out


def store_spans(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of the file that, joined, are the JUMBF manifest store."""
    fmt = detect_format(data)
    if fmt == "png":
        return [(s + 8, e - 4) for kind, s, e in png_chunks(data) if kind == b"caBX"]
    if fmt == "webp":
        return [(s, e) for kind, s, e in _webp_offsets(data) if kind == b"C2PA"]
    if fmt == "jpeg":
        spans = []
        for _marker, start, end in jpeg_segments(data):
            if _is_c2pa_app11(data, start, end):
                # 'JP', box instance (2), sequence (4); pieces after the first repeat the
                # superbox's LBox and TBox (8 bytes) before going on.
                header = 4 + 8 + (8 if spans else 0)
                spans.append((start + header, end))
        return spans
    raise ValueError("not a PNG, JPEG or WebP file")


def read_store(data: bytes) -> bytes:
    spans = store_spans(data)
    if not spans:
        raise ValueError("no C2PA manifest store in this file")
    return b"".join(data[s:e] for s, e in spans)


def write_store(data: bytes, store: bytes) -> bytes:
    """The file with its manifest store replaced by ``store`` of the same length."""
    spans = store_spans(data)
    if sum(e - s for s, e in spans) != len(store):
        raise ValueError("a store edited in place must keep its length")
    out, pos = bytearray(data), 0
    for s, e in spans:
        out[s:e] = store[pos : pos + e - s]
        pos += e - s
    if detect_format(data) == "png":  # keep the chunk CRCs right, as a careful forger would
        for kind, s, e in png_chunks(bytes(out)):
            if kind == b"caBX":
                out[s:e] = png_chunk(kind, bytes(out[s + 8 : e - 4]))
    return bytes(out)


def store_parts(data: bytes) -> list[bytes]:
    """The raw container parts (chunks or segments) that carry the manifest store."""
    fmt = detect_format(data)
    if fmt == "png":
        return [data[s:e] for kind, s, e in png_chunks(data) if kind == b"caBX"]
    if fmt == "jpeg":
        return [data[s:e] for _m, s, e in jpeg_segments(data) if _is_c2pa_app11(data, s, e)]
    if fmt == "webp":
        return [p for kind, p in webp_chunks(data) if kind == b"C2PA"]
    raise ValueError("not a PNG, JPEG or WebP file")


def strip(data: bytes, *, store: bool = True, xmp: bool = True, text: bool = True) -> bytes:
    """Remove the manifest store, the XMP packet and (PNG) text chunks; pixels untouched."""
    fmt = detect_format(data)
    if fmt == "png":
        out = [PNG_MAGIC]
        for kind, s, e in png_chunks(data):
            keyword = data[s + 8 : e - 4].split(b"\x00", 1)[0]
            drop = (
                (store and kind == b"caBX")
                or (xmp and kind == b"iTXt" and keyword == XMP_PNG_KEYWORD)
                or (text and kind in (b"tEXt", b"zTXt", b"iTXt") and keyword != XMP_PNG_KEYWORD)
            )
            if not drop:
                out.append(data[s:e])
        return b"".join(out)
    if fmt == "jpeg":
        out, scan = [data[:2]], _jpeg_scan_start(data)
        for marker, s, e in jpeg_segments(data):
            is_xmp = marker == 0xE1 and data[s + 4 :].startswith(XMP_JPEG_HEADER)
            if (store and _is_c2pa_app11(data, s, e)) or (xmp and is_xmp):
                continue
            out.append(data[s:e])
        out.append(data[scan:])
        return b"".join(out)
    if fmt == "webp":
        kept = [
            (k, p)
            for k, p in webp_chunks(data)
            if not ((store and k == b"C2PA") or (xmp and k == b"XMP "))
        ]
        if kept and kept[0][0] == b"VP8X" and xmp:
            header = bytearray(kept[0][1])
            header[0] &= ~0x04 & 0xFF  # no XMP any more
            kept[0] = (b"VP8X", bytes(header))
        return webp_file(kept)
    raise ValueError("not a PNG, JPEG or WebP file")


def _webp_extended(data: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a WebP, with a VP8X header added if it is a simple one."""
    chunks = webp_chunks(data)
    if chunks and chunks[0][0] == b"VP8X":
        return chunks
    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
    vp8x = bytes(4) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return [(b"VP8X", vp8x), *chunks]


def insert_store(data: bytes, parts: list[bytes]) -> bytes:
    """Put manifest store parts (from ``store_parts``) into another file of the same format,
    where a C2PA writer puts them."""
    fmt = detect_format(data)
    if fmt == "png":
        out = [PNG_MAGIC]
        for kind, s, e in png_chunks(data):
            out.append(data[s:e])
            if kind == b"IHDR":
                out.extend(parts)
        return b"".join(out)
    if fmt == "jpeg":
        segments = jpeg_segments(data)
        after = next((e for m, _s, e in segments if m == 0xE0), 2)
        return data[:after] + b"".join(parts) + data[after:]
    if fmt == "webp":
        return webp_file(_webp_extended(data) + [(b"C2PA", p) for p in parts])
    raise ValueError("not a PNG, JPEG or WebP file")


def with_image_data(signed: bytes, other: bytes) -> bytes:
    """``signed`` with its image data (and dimensions) taken from ``other``: the metadata
    and the manifest store stay where they were. Both files have the same format."""
    fmt = detect_format(signed)
    if fmt != detect_format(other):
        raise ValueError("both files must have the same format")
    if fmt == "png":
        image_kinds = {b"IHDR", b"IDAT", b"IEND"}
        new_ihdr = [other[s:e] for k, s, e in png_chunks(other) if k == b"IHDR"]
        new_idat = [other[s:e] for k, s, e in png_chunks(other) if k == b"IDAT"]
        out, placed = [PNG_MAGIC], False
        for kind, s, e in png_chunks(signed):
            if kind == b"IHDR":
                out.extend(new_ihdr)
            elif kind == b"IDAT":
                if not placed:
                    out.extend(new_idat)
                    placed = True
            elif kind not in image_kinds:
                out.append(signed[s:e])
        out.append(png_chunk(b"IEND", b""))
        return b"".join(out)
    if fmt == "jpeg":
        # Keep the signed file's APPn segments; take tables, frame and scan from the other.
        keep = [signed[s:e] for m, s, e in jpeg_segments(signed) if 0xE0 <= m <= 0xEF]
        rest_start = next(
            (s for m, s, _e in jpeg_segments(other) if not 0xE0 <= m <= 0xEF),
            _jpeg_scan_start(other),
        )
        return signed[:2] + b"".join(keep) + other[rest_start:]
    if fmt == "webp":
        new_bitstream = [(k, p) for k, p in webp_chunks(other) if k in (b"VP8 ", b"VP8L")]
        other_ext = _webp_extended(other)
        chunks = []
        for kind, payload in webp_chunks(signed):
            if kind == b"VP8X":
                header = bytearray(payload)
                header[4:10] = other_ext[0][1][4:10]  # canvas size of the new image
                chunks.append((kind, bytes(header)))
            elif kind in (b"VP8 ", b"VP8L"):
                chunks.extend(new_bitstream)
            else:
                chunks.append((kind, payload))
        return webp_file(chunks)
    raise ValueError("not a PNG, JPEG or WebP file")


# --- JUMBF ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A JUMBF superbox found in the store: its label and where its content boxes lie."""

    label: str
    start: int
    end: int
    content: list[tuple[bytes, int, int]]  # (type, payload start, payload end)


def _boxes(store: bytes, start: int, end: int) -> list[tuple[bytes, int, int, int]]:
    """(type, box start, payload start, box end) of the boxes between start and end."""
    out, pos = [], start
    while pos + 8 <= end:
        (size,) = struct.unpack(">I", store[pos : pos + 4])
        kind = store[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", store[pos + 8 : pos + 16])
            header = 16
        elif size == 0:
            size = end - pos
        out.append((kind, pos, pos + header, pos + size))
        pos += size
    return out


def superboxes(store: bytes) -> list[Box]:
    """Every labelled ``jumb`` superbox of the store, depth first."""
    found: list[Box] = []

    def walk(start: int, end: int) -> None:
        for kind, box_start, payload, box_end in _boxes(store, start, end):
            if kind != b"jumb":
                continue
            inner = _boxes(store, payload, box_end)
            label = ""
            if inner and inner[0][0] == b"jumd":
                desc = store[inner[0][2] : inner[0][3]]
                toggles = desc[16]
                if toggles & 0x02:
                    label = desc[17:].split(b"\x00", 1)[0].decode("utf-8", "replace")
            content = [(k, p, e) for k, _s, p, e in inner[1:]]
            found.append(Box(label, box_start, box_end, content))
            walk(payload, box_end)

    walk(0, len(store))
    return found


def find_box(store: bytes, prefix: str) -> Box:
    """The last superbox whose label starts with ``prefix`` (the active manifest is last)."""
    matches = [b for b in superboxes(store) if b.label.startswith(prefix)]
    if not matches:
        raise ValueError(f"no JUMBF box labelled {prefix}*")
    return matches[-1]


def edit_store(data: bytes, change: Callable[[bytearray], None]) -> bytes:
    """Apply a length-preserving edit to the manifest store and write it back in place."""
    store = bytearray(read_store(data))
    change(store)
    return write_store(data, bytes(store))


def flip_signature(data: bytes) -> bytes:
    """Flip one bit inside the COSE signature value of the active manifest's claim signature."""

    def change(store: bytearray) -> None:
        box = find_box(bytes(store), "c2pa.signature")
        _kind, start, end = box.content[0]
        cose = bytes(store[start:end])
        # COSE_Sign1 ends with the signature as a byte string: 0x58 0x40 then 64 bytes for
        # ES256 and Ed25519. Flip a bit in its middle.
        at = cose.rfind(b"\x58\x40")
        if at < 0 or at + 66 > len(cose):
            raise ValueError("no 64-byte signature value found in the COSE structure")
        store[start + at + 2 + 32] ^= 0x01

    return edit_store(data, change)


def replace_in_box(data: bytes, prefix: str, old: bytes, new: bytes) -> bytes:
    """Rewrite ``old`` as ``new`` (same length) inside the content of one labelled box."""
    if len(old) != len(new):
        raise ValueError("the replacement must keep the length")

    def change(store: bytearray) -> None:
        box = find_box(bytes(store), prefix)
        hits = 0
        for _kind, start, end in box.content:
            chunk = bytes(store[start:end])
            if old in chunk:
                store[start:end] = chunk.replace(old, new)
                hits += 1
        if not hits:
            raise ValueError(f"{old!r} not found in box {box.label}")

    return edit_store(data, change)


# --- pixels --------------------------------------------------------------------------------


SAVE_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


def encode(img: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, SAVE_FORMATS[fmt], **options)
    return out.getvalue()


def decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as img:
        return img.convert("RGB")


def paint(img: Image.Image) -> Image.Image:
    """A visible edit: a filled rectangle in one corner."""
    edited = img.copy()
    ImageDraw.Draw(edited).rectangle((2, 2, 20, 14), fill=(0, 200, 0))
    return edited


# --- a claim signature made by hand --------------------------------------------------------


def resign_claim(data: bytes, chain_der: list[bytes], key: object, *, alg: int = -7) -> bytes:
    """Replace the claim signature with a COSE_Sign1 (ES256) made here with ``key`` and
    ``chain_der`` (leaf first), keeping the box length.

    c2pa-rs refuses to sign with an expired, not-yet-valid or CA certificate; a forger who
    holds such a key is not bound by that and writes the signature by hand. The verifier
    must still reject it. With a valid key this reproduces what c2pa-rs writes (a control).
    ``alg``: the COSE algorithm the header names (-7 is ES256; another one, an algorithm
    the validator does not support, the signature being made with ES256 all the same).
    """
    import cbor2
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, utils

    def change(store: bytearray) -> None:
        raw = bytes(store)
        claim_box = find_box(raw, "c2pa.claim")
        _k, claim_start, claim_end = claim_box.content[0]
        claim = raw[claim_start:claim_end]
        sig_box = find_box(raw, "c2pa.signature")
        _k, start, end = sig_box.content[0]
        protected = cbor2.dumps({1: alg, 33: chain_der[0] if len(chain_der) == 1 else chain_der})
        to_sign = cbor2.dumps(["Signature1", protected, b"", claim])
        der = key.sign(to_sign, ec.ECDSA(hashes.SHA256()))  # type: ignore[attr-defined]
        r, s = utils.decode_dss_signature(der)
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        size = end - start
        for pad in range(size, -1, -1):  # the padding absorbs the change in length
            cose = cbor2.dumps(cbor2.CBORTag(18, [protected, {"pad": bytes(pad)}, None, signature]))
            if len(cose) == size:
                store[start:end] = cose
                return
        raise ValueError("the hand-made signature does not fit in the signature box")

    return edit_store(data, change)


def replace_assertion(data: bytes, prefix: str, content: bytes) -> bytes:
    """Replace the CBOR content of an assertion (same length) and update the claim's hashed
    reference to it, as a forger who then signs the claim with their own key does."""
    import hashlib

    def change(store: bytearray) -> None:
        raw = bytes(store)
        box = find_box(raw, prefix)
        _kind, start, end = box.content[0]
        if len(content) != end - start:
            raise ValueError(f"the new content must be {end - start} bytes long")
        # The claim holds SHA-256 of the assertion superbox without its 8-byte header.
        old_hash = hashlib.sha256(raw[box.start + 8 : box.end]).digest()
        store[start:end] = content
        new_hash = hashlib.sha256(bytes(store[box.start + 8 : box.end])).digest()
        claim = find_box(bytes(store), "c2pa.claim")
        _k, c_start, c_end = claim.content[0]
        at = bytes(store[c_start:c_end]).find(old_hash)
        if at < 0:
            raise ValueError(f"no hashed reference to {box.label} in the claim")
        store[c_start + at : c_start + at + 32] = new_hash

    return edit_store(data, change)


def deep_cbor(depth: int, size: int) -> bytes:
    """``size`` bytes of CBOR: arrays nested ``depth`` deep around a byte string filler."""
    filler = size - depth - 3
    if filler < 0 or filler > 0xFFFF:
        raise ValueError("size must leave room for the nesting and fit a 2-byte length")
    return b"\x81" * depth + b"\x59" + filler.to_bytes(2, "big") + b"\x00" * filler


def remote_reference(
    data: bytes, fmt: str, manifest: dict[str, object], identity: object, url: str
) -> tuple[bytes, bytes]:
    """The image signed with its manifest kept on a server: the file only carries ``url``
    (c2pa-rs writes it into the XMP). Made with c2pa's own Builder; returns the file's
    bytes and the manifest store to serve at ``url``."""
    import c2pa

    info = c2pa.C2paSignerInfo(
        identity.alg.encode(),  # type: ignore[attr-defined]
        identity.chain_pem,  # type: ignore[attr-defined]
        identity.key_pem,  # type: ignore[attr-defined]
        None,
    )
    mime = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}[fmt]
    with c2pa.Signer.from_info(info) as signer, c2pa.Builder(manifest) as builder:
        builder.set_no_embed()
        builder.set_remote_url(url)
        out = io.BytesIO()
        store = builder.sign(signer, mime, io.BytesIO(data), out)
    return out.getvalue(), store
