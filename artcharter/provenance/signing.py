"""Signing: an artist's identity, the c2pa Builder, and the atomic hand-over of the signed file.

Only c2pa-python touches the C2PA container. The private key is decrypted in memory (for a
passphrase-protected key) and handed to the native signer; it is never written anywhere
else and never embedded.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from PIL import Image

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import staged_file
from artcharter.provenance import keys
from artcharter.provenance.image_files import MIME_TYPES
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES

PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class SigningIdentity:
    name: str
    email: str | None
    organisation: str
    alg: str
    chain_pem: bytes
    key_pem: bytes  # unencrypted PKCS#8, in memory only

    def __repr__(self) -> str:  # never print the key
        return f"SigningIdentity({self.name!r}, {self.organisation!r}, {self.alg})"


def load_identity(
    chain_path: Path, key_path: Path, passphrase: str | None = None
) -> SigningIdentity:
    certs = keys.read_certs(chain_path)
    key = keys.read_private_key(key_path, passphrase)
    leaf = certs[0]
    if leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) != key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ):
        raise BadInput(MESSAGES("signing.key_mismatch", key_path=key_path, chain_path=chain_path))
    _check_signing_certificate(leaf, chain_path)
    return SigningIdentity(
        name=_attr(leaf, NameOID.COMMON_NAME) or "",
        email=_attr(leaf, NameOID.EMAIL_ADDRESS),
        organisation=_attr(leaf, NameOID.ORGANIZATION_NAME) or "",
        alg=keys.algorithm_of(key),
        chain_pem=keys.cert_pem(*certs),
        key_pem=keys.key_pem(key),
    )


def _check_signing_certificate(leaf: x509.Certificate, chain_path: Path) -> None:
    """Refuse what c2pa-rs would refuse anyway, with a message that says what to do."""
    try:
        is_ca = leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if is_ca:
        raise BadInput(MESSAGES("signing.ca_certificate", chain_path=chain_path))
    now = dt.datetime.now(dt.UTC)
    if leaf.not_valid_after_utc < now:
        raise BadInput(
            MESSAGES(
                "signing.expired",
                chain_path=chain_path,
                expiry=leaf.not_valid_after_utc,
            )
        )
    if leaf.not_valid_before_utc > now:
        raise BadInput(
            MESSAGES(
                "signing.not_yet_valid",
                chain_path=chain_path,
                start=leaf.not_valid_before_utc,
            )
        )


def load_artist_identity(
    keys_dir: Path, artist: str, passphrase: str | None = None
) -> SigningIdentity:
    """The identity of an artist issued in this project (by name or slug)."""
    if not artist:
        raise SetupError(MESSAGES("signing.no_identity", param="artist"))
    identity = keys.artist_identity(keys_dir, keys.slugify(artist))
    if not identity.chain_path.exists():
        raise SetupError(
            MESSAGES("signing.no_certificate", artist=artist, parent=identity.chain_path.parent)
        )
    return load_identity(identity.chain_path, identity.key_path, passphrase)


def _attr(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def existing_manifest(data: bytes, fmt: str) -> bool:
    """Whether the bytes already carry a C2PA manifest store (to keep it as the parent)."""
    import c2pa

    try:
        reader = c2pa.Reader.try_create(MIME_TYPES[fmt], io.BytesIO(data))
    except c2pa.C2paError:
        return False
    if reader is None:
        return False
    reader.close()
    return True


@dataclass(frozen=True)
class IngredientInput:
    """An ingredient to embed: its c2pa JSON definition and its bytes."""

    definition: dict[str, Any]
    mime: str
    data: bytes


def sign_image(
    data: bytes,
    fmt: str,
    manifest: dict[str, Any],
    identity: SigningIdentity,
    ingredients: list[IngredientInput] = (),  # type: ignore[assignment]
    thumbnail: tuple[str, bytes] | None = None,
) -> bytes:
    """Sign image bytes with the manifest; return the signed bytes.

    ``thumbnail`` (mime, bytes), made by ``claim_thumbnail`` from pixels the caller already
    holds, becomes the claim thumbnail; without it c2pa decodes the image to make one."""
    import c2pa

    mime = MIME_TYPES[fmt]
    signer_info = c2pa.C2paSignerInfo(
        identity.alg.encode(), identity.chain_pem, identity.key_pem, None
    )
    if thumbnail is not None:
        manifest = {**manifest, "thumbnail": {"format": thumbnail[0], "identifier": THUMBNAIL_ID}}
    context = _builder_context(0 if thumbnail is not None else _thumbnail_edge(data))
    try:
        with (
            c2pa.Signer.from_info(signer_info) as signer,
            c2pa.Builder(manifest, context=context) as builder,
        ):
            if thumbnail is not None:
                builder.add_resource(THUMBNAIL_ID, io.BytesIO(thumbnail[1]))
            for ingredient in ingredients:
                builder.add_ingredient(
                    ingredient.definition, ingredient.mime, io.BytesIO(ingredient.data)
                )
            out = io.BytesIO()
            builder.sign(signer, mime, io.BytesIO(data), out)
    except c2pa.C2paError as exc:
        raise BadInput(MESSAGES("signing.failed", error=_one_line(str(exc)))) from None
    return out.getvalue()


# c2pa-rs makes the claim thumbnail 1,024 px on its long edge by default, upscaling smaller
# images: a 128 px image carried a thumbnail six times its own size, and making it took most
# of the signing time. Viewers show thumbnails small; never larger than the image itself.
THUMBNAIL_LONG_EDGE = 256
THUMBNAIL_ID = "thumbnail.jpg"
THUMBNAIL_QUALITY = 80


def claim_thumbnail(image: Image.Image) -> tuple[str, bytes]:
    """The claim thumbnail of an image already in memory, as c2pa would make it (JPEG,
    ``THUMBNAIL_LONG_EDGE`` at most): measured at 512 px, signing then takes half the time
    of letting c2pa decode the PNG it was just given."""
    small = image.convert("RGB") if image.mode != "RGB" else image.copy()
    small.thumbnail((THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE))
    out = io.BytesIO()
    small.save(out, format="JPEG", quality=THUMBNAIL_QUALITY)
    return "image/jpeg", out.getvalue()


def _thumbnail_edge(data: bytes) -> int:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return max(16, min(THUMBNAIL_LONG_EDGE, *image.size))
    except (OSError, ValueError, Image.DecompressionBombError):
        return THUMBNAIL_LONG_EDGE


@lru_cache(maxsize=32)
def _builder_context(thumbnail_long_edge: int) -> Any:
    """0: the caller brings its own thumbnail, c2pa makes none."""
    import c2pa

    thumbnail = {"long_edge": thumbnail_long_edge} if thumbnail_long_edge else {"enabled": False}
    settings = {"builder": {"thumbnail": thumbnail}}
    return c2pa.Context(c2pa.Settings.from_dict(settings))


def _one_line(text: str) -> str:
    """c2pa errors span several lines; a person gets them as one."""
    return " ".join(text.split()) or "unknown error"


_PARTIAL_NAME = re.compile(r"^\..+\.(\d+)" + re.escape(PARTIAL_SUFFIX) + "$")


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete the hidden ``.NAME.PID.partial`` files that a killed process left in
    ``folder`` (its PID no longer runs); return them. Files of live processes stay."""
    removed = []
    for candidate in folder.glob(f".*{PARTIAL_SUFFIX}"):
        match = _PARTIAL_NAME.match(candidate.name)
        if match is None or int(match.group(1)) == os.getpid() or _alive(int(match.group(1))):
            continue
        candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a PID: leave the file alone
    return True


def publish(path: Path, data: bytes, ledger: Ledger | None, rows: Callable[[Ledger], None]) -> None:
    """Make ``path`` appear with ``data`` and the ledger rows together, or neither.

    The bytes go to a ``.partial`` file beside the target first; the rename happens inside
    the ledger transaction, so a row never exists without its file, and an interruption
    leaves no half-written image under the real name.

    Unlike ``write_atomic``, the file is staged and committed in two steps, so that the
    commit falls inside the transaction; and its temporary is named by the PID, so that a
    later run can tell a killed process's leftover from a live one's and sweep it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(path.parent)
    partial = f".{path.name}.{os.getpid()}{PARTIAL_SUFFIX}"
    with (
        staged_file(path, data, temp_name=partial) as staged,
        ledger.transaction() if ledger else nullcontext(),
    ):
        if ledger:
            if path.exists():  # overwritten: its old rows must not vouch for new bytes
                ledger.retire_path(path)
            rows(ledger)
        staged.commit()
