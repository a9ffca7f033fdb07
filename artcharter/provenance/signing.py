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
import threading
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from PIL import Image

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import staged_file
from artcharter.base.names import same_name
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
    # The school's RFC 3161 time-stamp authority, or None to sign without a time-stamp.
    tsa_url: str | None = None

    def __repr__(self) -> str:  # never print the key
        return f"SigningIdentity({self.name!r}, {self.organisation!r}, {self.alg})"


def load_identity(
    chain_path: Path, key_path: Path, passphrase: str | None = None, tsa_url: str | None = None
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
        tsa_url=tsa_url or None,
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
    keys_dir: Path, artist: str, passphrase: str | None = None, tsa_url: str | None = None
) -> SigningIdentity:
    """The identity of an artist issued in this project, by the name on its certificate
    or by its key file's slug; a name that only shares the slug is refused."""
    if not artist:
        raise SetupError(MESSAGES("signing.no_identity", param="artist"))
    identity = keys.artist_identity(keys_dir, keys.slugify(artist))
    if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", artist):  # a slug, as `keys list` shows it
        by_slug = keys.artist_identity(keys_dir, artist)
        identity = by_slug if by_slug.chain_path.exists() else identity
    if not identity.chain_path.exists():
        raise SetupError(
            MESSAGES("signing.no_certificate", artist=artist, parent=identity.chain_path.parent)
        )
    loaded = load_identity(identity.chain_path, identity.key_path, passphrase, tsa_url)
    if artist != identity.slug and not same_name(artist, loaded.name):
        raise SetupError(MESSAGES("signing.artist_mismatch", artist=artist, holder=loaded.name))
    return loaded


def _attr(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def existing_manifest(data: bytes | BinaryIO, fmt: str) -> dict[str, Any] | None:
    """The active manifest of the C2PA store the bytes (or stream) already carry, kept as
    the parent; None when there is none, ``{}`` when its active manifest cannot be rendered."""
    import c2pa

    from artcharter.provenance.media_files import mime_of

    mime = mime_of(fmt)
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        reader = c2pa.Reader.try_create(mime, stream)
    except c2pa.C2paError:
        return None
    if reader is None:
        return None
    with reader:
        try:
            return reader.get_active_manifest() or {}
        except (KeyError, ValueError, c2pa.C2paError):
            return {}


@dataclass(frozen=True)
class IngredientInput:
    """An ingredient to embed: its c2pa JSON definition and its bytes (or its file, read
    as a stream: a film's parent)."""

    definition: dict[str, Any]
    mime: str
    data: bytes | Path
    # A picture of the ingredient to sign in as its thumbnail instead of c2pa's own (which
    # is no larger than the artwork: a strip of denoising steps would be unreadable).
    thumbnail: bytes | None = None


@dataclass(frozen=True)
class SignedImage:
    """Signed bytes, and whether the school's time-stamp authority stamped the signature
    (without a stamp, the file is valid only while its certificate is)."""

    data: bytes
    time_stamped: bool
    # Why a time-stamp was asked for and not obtained (the authority's or c2pa's words).
    time_stamp_error: str | None = None


def sign_image(
    data: bytes,
    fmt: str,
    manifest: dict[str, Any],
    identity: SigningIdentity,
    ingredients: list[IngredientInput] = (),  # type: ignore[assignment]
    thumbnail: tuple[str, bytes] | None = None,
) -> SignedImage:
    """Sign image bytes with the manifest, time-stamped by the identity's authority when it
    answers; signing never fails for want of a time-stamp (offline, authority down).

    ``thumbnail`` (mime, bytes), made by ``claim_thumbnail`` from pixels the caller already
    holds, becomes the claim thumbnail; without it c2pa decodes the image to make one."""
    out = io.BytesIO()
    resources, edge = None, _thumbnail_edge(data)
    if thumbnail is not None:
        manifest = {**manifest, "thumbnail": {"format": thumbnail[0], "identifier": THUMBNAIL_ID}}
        resources, edge = {THUMBNAIL_ID: thumbnail[1]}, NO_THUMBNAIL
    stamped, stamp_error = sign_stream(
        io.BytesIO(data),
        out,
        MIME_TYPES[fmt],
        manifest,
        identity,
        ingredients,
        resources=resources,
        thumbnail_edge=edge,
    )
    return SignedImage(out.getvalue(), stamped, stamp_error)


def sign_stream(
    source: BinaryIO,
    dest: BinaryIO,
    mime: str,
    manifest: dict[str, Any],
    identity: SigningIdentity,
    ingredients: list[IngredientInput] = (),  # type: ignore[assignment]
    *,
    resources: dict[str, bytes] | None = None,
    thumbnail_edge: int = 0,
) -> tuple[bool, str | None]:
    """Sign ``source`` into ``dest`` (both file streams for a large video: c2pa reads and
    writes them in pieces); return whether it was time-stamped, and why not when a stamp
    was asked for. ``resources`` are pictures the manifest names by identifier, such as
    the claim thumbnail of a work c2pa cannot draw itself (a sound, a document)."""
    import c2pa

    stamp_error = None
    if identity.tsa_url:
        stamp_error = _unreachable(identity.tsa_url)
    if identity.tsa_url and stamp_error is None:
        try:
            _sign(
                source, dest, mime, manifest, identity, ingredients, True, resources, thumbnail_edge
            )
            return True, None
        except c2pa.C2paError as exc:
            stamp_error = _one_line(str(exc))
            source.seek(0)
            dest.seek(0)
            dest.truncate()
    try:
        _sign(source, dest, mime, manifest, identity, ingredients, False, resources, thumbnail_edge)
    except c2pa.C2paError as exc:
        raise BadInput(MESSAGES("signing.failed", error=_one_line(str(exc)))) from None
    return False, stamp_error


# An authority that did not answer is not asked again for this long: signing a batch with
# the authority down must not cost a failed signature per file.
UNREACHABLE_FOR_S = 30.0
_UNREACHABLE: dict[str, tuple[float, str]] = {}


def _unreachable(url: str) -> str | None:
    """Why the authority at ``url`` cannot be reached (a TCP connection is tried, one
    second at most), or None when it answers. c2pa would otherwise build and sign the whole
    manifest before finding out."""
    import socket
    import time
    from urllib.parse import urlsplit

    now = time.monotonic()
    known = _UNREACHABLE.get(url)
    if known is not None and now - known[0] < UNREACHABLE_FOR_S:
        return known[1]
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        family = socket.AF_INET6 if ":" in (parts.hostname or "") else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect((parts.hostname or "", port))
    except (OSError, ValueError) as exc:
        reason = f"{url}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}"
        _UNREACHABLE[url] = (now, reason)
        return reason
    _UNREACHABLE.pop(url, None)
    return None


def _sign(
    source: BinaryIO,
    dest: BinaryIO,
    mime: str,
    manifest: dict[str, Any],
    identity: SigningIdentity,
    ingredients: list[IngredientInput],
    time_stamp: bool,
    resources: dict[str, bytes] | None,
    thumbnail_edge: int,
) -> None:
    import c2pa

    signer_info = c2pa.C2paSignerInfo(
        identity.alg.encode(),
        identity.chain_pem,
        identity.key_pem,
        identity.tsa_url if time_stamp else None,
    )
    context = _builder_context(
        thumbnail_edge or THUMBNAIL_LONG_EDGE,
        created_labels(manifest, ingredients),
        mime in CHUNKED_MIMES and _stream_size(source) > CHUNKED_FROM_BYTES,
    )
    with (
        c2pa.Signer.from_info(signer_info) as signer,
        c2pa.Builder(manifest, context=context) as builder,
    ):
        for identifier, picture in (resources or {}).items():
            builder.add_resource(identifier, io.BytesIO(picture))
        for number, ingredient in enumerate(ingredients):
            if ingredient.thumbnail is not None:
                identifier = f"ingredient-thumbnail-{number}"
                builder.add_resource(identifier, io.BytesIO(ingredient.thumbnail))
                kind = "image/png" if ingredient.thumbnail.startswith(b"\x89PNG") else "image/jpeg"
                ingredient = IngredientInput(
                    {
                        **ingredient.definition,
                        "thumbnail": {"format": kind, "identifier": identifier},
                    },
                    ingredient.mime,
                    ingredient.data,
                )
            if isinstance(ingredient.data, Path):
                with open(ingredient.data, "rb") as stream:
                    builder.add_ingredient(ingredient.definition, ingredient.mime, stream)
            else:
                builder.add_ingredient(
                    ingredient.definition, ingredient.mime, io.BytesIO(ingredient.data)
                )
        builder.sign(signer, mime, source, dest)


# c2pa-rs makes the claim thumbnail 1,024 px on its long edge by default, upscaling smaller
# images: a 128 px image carried a thumbnail six times its own size, and making it took most
# of the signing time. Viewers show thumbnails small; never larger than the image itself.
THUMBNAIL_LONG_EDGE = 256
NO_THUMBNAIL = -1  # as thumbnail_edge: the caller brings its own, c2pa makes none
THUMBNAIL_ID = "thumbnail.jpg"
THUMBNAIL_QUALITY = 80


def claim_thumbnail(image: Image.Image) -> tuple[str, bytes]:
    """The claim thumbnail of an image already in memory, as c2pa would make it (JPEG,
    ``THUMBNAIL_LONG_EDGE`` at most): measured at 512 px, signing then takes about 0.4x
    the time of letting c2pa decode the PNG it was just given."""
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


def created_labels(
    manifest: dict[str, Any],
    ingredients: list[IngredientInput] = (),  # type: ignore[assignment]
) -> tuple[str, ...]:
    """The base labels of every assertion the manifest states, and of its ingredients.

    c2pa-rs puts assertions in the claim's ``gathered_assertions`` unless told otherwise, and
    gathered assertions are not attributed to the signer (C2PA 2.2 §10.2.2): the disclosure,
    the training/mining choice and the record must be *created* assertions, which the
    signature vouches for. Everything artcharter writes is its signer's statement, so every
    label goes here; only the claim thumbnail c2pa-rs adds itself stays gathered.
    """
    labels = {re.sub(r"\.v\d+$", "", str(a["label"])) for a in manifest.get("assertions", [])}
    if ingredients:
        labels.add("c2pa.ingredient")
    return tuple(sorted(labels))


# ISO base media files (MP4, MOV, M4A) are signed with their media data hashed in chunks
# (the C2PA BMFF hash's Merkle tree, one leaf a mebibyte, every leaf hash in the manifest):
# c2pa-rs otherwise hashes the asset in 256 MiB pieces, two in memory at once
# (sdk/src/utils/hash_utils.rs, MAX_HASH_BUF), so signing or verifying a 500 MB film
# peaked at about 570 MiB. Chunked, both stay near 60 MiB whatever the film's size, and
# any validator reading the file gets the same bound. One leaf hash (32 bytes) a
# mebibyte: 16 KB of manifest for a 500 MB film. Only files above CHUNKED_FROM_BYTES are
# chunked: below it the plain hash costs at most the file's size in memory, and it is the
# form every BMFF-capable validator reads (some report a Merkle tree as unsupported).
CHUNKED_MIMES = frozenset({"video/mp4", "video/quicktime", "audio/mp4"})
CHUNKED_FROM_BYTES = 64 << 20
MERKLE_CHUNK_KB = 1024


def _stream_size(stream: BinaryIO) -> int:
    """The size of the file behind ``stream``, its position unchanged."""
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        at = stream.tell()
        size = stream.seek(0, io.SEEK_END)
        stream.seek(at)
        return size


@lru_cache(maxsize=32)
def _builder_context(thumbnail_long_edge: int, created: tuple[str, ...], chunked: bool) -> Any:
    import c2pa

    # A JPEG of medium quality whatever the source's format: c2pa-rs would keep a WebP or
    # PNG source's format, losslessly (a 256 px thumbnail of a 86 KB WebP came out at
    # 129 KB; as JPEG, 11 KB).
    thumbnail = (
        {"enabled": False}
        if thumbnail_long_edge == NO_THUMBNAIL
        else {"long_edge": thumbnail_long_edge, "format": "jpeg", "quality": "medium"}
    )
    settings: dict[str, Any] = {
        "builder": {
            "thumbnail": thumbnail,
            "created_assertion_labels": list(created),
        }
    }
    if chunked:
        # No proof boxes (0): c2pa-rs inserts them through one more whole copy of the
        # asset, held in memory up to 512 MiB (core.backing_store_memory_threshold_in_mb).
        settings["core"] = {
            "merkle_tree_chunk_size_in_kb": MERKLE_CHUNK_KB,
            "merkle_tree_max_proofs": 0,
        }
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


# Folders this process has swept: listing a folder costs one entry per file, and a series of
# 25,000 images in one folder would list it 25,000 times. A killed process's leftovers are
# swept by the next process that publishes there.
_SWEPT: set[str] = set()
_SWEPT_LOCK = threading.Lock()


def _sweep_once(folder: Path) -> None:
    key = os.fspath(folder.resolve())
    with _SWEPT_LOCK:
        if key in _SWEPT:
            return
        _SWEPT.add(key)
    remove_stale_partials(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a PID: leave the file alone
    return True


def publish(
    path: Path,
    data: bytes | Callable[[BinaryIO], None],
    ledger: Ledger | None,
    rows: Callable[[Ledger], None],
) -> None:
    """Make ``path`` appear with ``data`` and the ledger rows together, or neither.

    The bytes (or what ``data`` writes into the open file) go to a ``.partial`` file
    beside the target first; the rename happens inside the ledger transaction, just before
    it commits (in a ledger batch, with the batch's other files just before the batch
    commits), so a row never exists without its file, a file without its row only if the
    process dies between the rename and the commit, and an interruption leaves no
    half-written image under the real name.

    Unlike ``write_atomic``, the file is staged and committed in two steps, so that the
    commit falls inside the transaction; and its temporary is named by the PID, so that a
    later run can tell a killed process's leftover from a live one's and sweep it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep_once(path.parent)
    partial = f".{path.name}.{os.getpid()}{PARTIAL_SUFFIX}"
    with (
        staged_file(path, data, temp_name=partial) as staged,
        ledger.transaction() if ledger else nullcontext(),
    ):
        if ledger:
            if path.exists():  # overwritten: its old rows must not vouch for new bytes
                ledger.retire_path(path)
            rows(ledger)
            ledger.rename_at_commit(staged)
        else:
            staged.commit()
