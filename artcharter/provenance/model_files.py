"""Which weights a diffusers folder holds, and one hash that names them.

``weights_sha256(folder)`` is the SHA-256 of a small text that lists, sorted, every weight
file a pipeline loads from the folder (``relative/path  sha256``). Two folders with the
same weights give the same hash wherever they lie. In the Hugging Face cache the blobs
are already named by the SHA-256 of their content, so a hub model is named without
reading gigabytes; a local folder's files are hashed once and remembered by size and
modification time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from artcharter.base.files import write_atomic
from artcharter.base.hashing import hub_blob_sha256, sha256_file, sha256_hex

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".ckpt", ".pt", ".pth", ".gguf", ".onnx", ".msgpack")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def _variant_of(name: str) -> str | None:
    """'model.fp16.safetensors' -> 'fp16'; 'model.fp16-00001-of-00002.safetensors' -> 'fp16'."""
    parts = name.split(".")
    if len(parts) < 3:
        return None
    return parts[-2].split("-", 1)[0]


def components(folder: Path) -> list[str]:
    """The component folders a pipeline's ``model_index.json`` names (unet, vae, ...).

    Only they are loaded: a repository may also hold a single-file checkpoint at its root.
    """
    try:
        index = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return sorted(
        name
        for name, value in index.items()
        if not name.startswith("_") and isinstance(value, list) and (folder / name).is_dir()
    )


def weight_files(folder: Path, variant: str | None = None) -> list[Path]:
    """The weight files diffusers loads from ``folder`` for ``variant``.

    Per component folder: safetensors when there are any (diffusers prefers them), the
    files of the variant when the component has them, the plain files otherwise.
    """
    groups: dict[Path, list[Path]] = {}
    for component in components(folder):
        for path in (folder / component).glob("*"):
            if path.suffix in WEIGHT_SUFFIXES and path.is_file():
                groups.setdefault(path.parent, []).append(path)
    chosen: list[Path] = []
    for files in groups.values():
        safe = [f for f in files if f.suffix == ".safetensors"]
        files = safe or files
        matching = [f for f in files if _variant_of(f.name) == variant] if variant else []
        plain = [f for f in files if _variant_of(f.name) is None]
        chosen += matching or plain or files
    return sorted(chosen)


def revision_of(folder: Path) -> str | None:
    """The commit of a Hugging Face cache snapshot (``.../snapshots/<commit>``), else None."""
    resolved = folder.resolve()
    if resolved.parent.name == "snapshots" and _COMMIT.match(resolved.name):
        return resolved.name
    return None


def weights_sha256(
    folder: Path, variant: str | None = None, memo: Path | None = None
) -> str | None:
    """One hash for the weights of a pipeline folder, or None when it holds none.

    ``memo`` is a JSON file remembering the hashes of local files already read.
    """
    files = weight_files(folder, variant)
    if not files:
        return None
    known = _read_memo(memo)
    lines = []
    for path in files:
        lines.append(f"{path.relative_to(folder).as_posix()}  {_file_sha256(path, known)}")
    _write_memo(memo, known)
    return sha256_hex("\n".join(lines))


def _file_sha256(path: Path, known: dict[str, dict[str, object]]) -> str:
    blob = hub_blob_sha256(path)
    if blob:
        return blob
    real = path.resolve()
    stat = real.stat()
    key = str(real)
    entry = known.get(key)
    if entry and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
        return str(entry["sha256"])
    digest = sha256_file(real)
    known[key] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}
    return digest


def _read_memo(memo: Path | None) -> dict[str, dict[str, object]]:
    if memo is None:
        return {}
    try:
        data = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_memo(memo: Path | None, known: dict[str, dict[str, object]]) -> None:
    if memo is None or not known:
        return
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(memo, json.dumps(known, indent=0, sort_keys=True))
    except OSError:
        pass  # only a cache: the hash is recomputed next time
