"""The keyed hash of a private prompt: only the project that keeps the prompt can check it.

A plain SHA-256 of a prompt lets anyone test a guessed prompt against the file. A private
prompt is therefore written into the file as an HMAC-SHA256 under a secret of the project,
a random 32-byte key kept 0600 beside the ledger (``<ledger>.secret``), made when the
ledger is created (``artcharter init``). The ledger keeps the prompt itself. Signed
without a ledger, a private prompt is hashed under a one-time key that is then forgotten:
no one can test anything against it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
from pathlib import Path

from artcharter.base.files import write_atomic
from artcharter.provenance.record import ArtworkRecord

PREFIX = "hmac-sha256:"
KEY_BYTES = 32


def secret_path(ledger_path: Path) -> Path:
    return ledger_path.with_name(ledger_path.name + ".secret")


def project_secret(ledger_path: Path) -> bytes:
    """The project's secret (made, 0600, if it does not exist yet)."""
    path = secret_path(ledger_path)
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    if len(key) < KEY_BYTES:
        key = secrets.token_bytes(KEY_BYTES)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, key, private=True)
    return key


def keyed_hash(text: str, key: bytes) -> str:
    digest = hmac.new(key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return PREFIX + digest


def matches(text: str, hashed: str | None, key: bytes) -> bool:
    """Whether ``text`` is the prompt whose keyed hash is ``hashed``."""
    return bool(hashed) and hmac.compare_digest(keyed_hash(text, key), hashed or "")


def keyed_record(record: ArtworkRecord, key: bytes | None) -> ArtworkRecord:
    """``record`` with a private prompt's hashes keyed (``prompt_hmac``), never plain."""
    if not record.prompt_private or record.prompt_hmac:
        return record  # public, or keyed already
    key = key or secrets.token_bytes(KEY_BYTES)  # no project: a key no one keeps
    generation = record.generation
    if generation is not None and (generation.negative_prompt or generation.negative_prompt_sha256):
        negative = generation.negative_prompt
        generation = dataclasses.replace(
            generation,
            negative_prompt_sha256=None,
            negative_prompt_hmac=keyed_hash(negative, key) if negative else None,
        )
    return dataclasses.replace(
        record,
        prompt_sha256=None,
        prompt_hmac=keyed_hash(record.prompt, key) if record.prompt else None,
        generation=generation,
    )
