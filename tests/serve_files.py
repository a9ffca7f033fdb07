"""Real files for the jury desk's tests and benchmark: signed by a school's artist (trusted),
changed after signing (tampered), and never signed (no credential). Nothing is mocked:
the desk reads them back with the real verifier."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.signing import SigningIdentity


def picture(path: Path, size: tuple[int, int] = (96, 64), seed: int = 1) -> Path:
    """A small image with some structure (so that every seed gives other bytes)."""
    img = Image.new("RGB", size, (40 + seed * 37 % 180, 90, 160 - seed * 13 % 120))
    for x in range(0, size[0], 5):
        for y in range(0, size[1], 3):
            img.putpixel((x, y), ((x * seed) % 256, (y * 7 + seed) % 256, (x + y) % 256))
    fmt = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}[path.suffix.lower()]
    img.save(path, fmt)
    return path


def signed(
    folder: Path,
    identity: SigningIdentity,
    name: str = "signed.png",
    *,
    title: str = "Nocturne",
    prompt: str | None = "a harbour at night, oil painting",
    private_prompt: bool = False,
    ledger: Ledger | None = None,
    seed: int = 1,
    size: tuple[int, int] = (96, 64),
) -> Path:
    """A file labelled as AI-generated and signed by ``identity``."""
    folder.mkdir(parents=True, exist_ok=True)
    source = picture(folder / f"source-{seed}-{name}", size, seed)
    out = folder / name
    label(
        source,
        out,
        identity=identity,
        source_type="trainedAlgorithmicMedia",
        tool="Demo Diffusion 1.0",
        prompt=prompt,
        private_prompt=private_prompt,
        title=title,
        ledger=ledger,
        force=True,
    )
    source.unlink()
    return out


def tampered(signed_file: Path, out: Path) -> Path:
    """The signed file with pixel bytes changed after signing (manifest left as it was)."""
    data = bytearray(signed_file.read_bytes())
    start = data.index(b"IDAT") + 4
    for offset in range(20, 28):
        data[start + offset] ^= 0xFF
    out.write_bytes(bytes(data))
    return out


def unsigned(folder: Path, name: str = "unsigned.png", seed: int = 7) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return picture(folder / name, seed=seed)
