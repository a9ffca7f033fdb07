"""Label an existing image: an honest AI disclosure attached to a signed copy.

The source file is only read. The copy carries the IPTC XMP fields (written first) and a
C2PA manifest: the actions with the declared source type and tool, every human input as an
ingredient with its hash, the author and title, the training/mining choice and the record.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import image_files, media_files, softbinding
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.manifest import PARENT_ID, build_manifest, xmp_fields
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import (
    DEFAULT_MODEL_KIND,
    INGREDIENT_ROLES,
    MODEL_KINDS,
    SOURCE_TYPES,
    TRAINING_MINING,
    ArtworkRecord,
    Ingredient,
    Person,
    new_artwork_id,
    prompt_hash,
)
from artcharter.provenance.signing import (
    IngredientInput,
    SigningIdentity,
    existing_manifest,
    publish,
    sign_image,
    sign_stream,
)
from artcharter.provenance.version import VERSION


@dataclass(frozen=True)
class Signed:
    """A signed artwork on disk: where it is, its hash, and its record."""

    path: Path
    sha256: str
    record: ArtworkRecord
    # Whether the school's time-stamp authority stamped the signature: without it the file
    # is valid only as long as the artist's certificate.
    time_stamped: bool = False
    time_stamp_error: str | None = None
    iscc: str | None = None  # the soft binding's fingerprint


def check_choices(source_type: str, training_mining: str) -> None:
    if source_type not in SOURCE_TYPES:
        raise BadInput(
            MESSAGES(
                "label.unknown_source_type",
                source_type=source_type,
                choices=", ".join(SOURCE_TYPES),
            )
        )
    if training_mining not in TRAINING_MINING:
        raise BadInput(
            MESSAGES(
                "label.unknown_training_mining",
                training_mining=training_mining,
                choices=", ".join(TRAINING_MINING),
            )
        )


def check_text(**fields: str | None) -> None:
    """Refuse text that cannot be written as UTF-8: bytes that a terminal in another
    encoding passed through undecoded (they would break the XMP, the manifest and the ledger)."""
    for name, value in fields.items():
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError:
            raise BadInput(MESSAGES("label.not_utf8", name=name)) from None


def read_ingredients(
    paths: list[tuple[Path, str]],
) -> tuple[list[Ingredient], list[IngredientInput]]:
    """Hash and describe each human input (sketch, photo, init image...)."""
    records, inputs = [], []
    for path, role in paths:
        if role not in INGREDIENT_ROLES:
            raise BadInput(
                MESSAGES(
                    "label.unknown_role",
                    role=role,
                    choices=", ".join(INGREDIENT_ROLES),
                )
            )
        data = image_files.read_file(path)
        check = image_files.check_image(data, str(path))
        mime = image_files.MIME_TYPES[check.format]
        relationship = "inputTo" if role == "init-image" else "componentOf"
        # A file name may be any bytes; the record and the manifest need text.
        name = os.fsencode(path.name).decode("utf-8", "backslashreplace")
        records.append(Ingredient(name, sha256_hex(data), mime, role, relationship))
        definition = {"title": name, "relationship": relationship, "description": role}
        inputs.append(IngredientInput(definition, mime, data))
    return records, inputs


def sign_record(
    data: bytes,
    record: ArtworkRecord,
    output: Path,
    identity: SigningIdentity,
    ingredient_inputs: list[IngredientInput],
    *,
    ledger: Ledger | None,
    status: str,
    png_text: dict[str, str] | None = None,
    session_id: str | None = None,
    extra_rows: Any = None,
) -> Signed:
    """Write XMP, sign, and publish the file with its ledger row. Shared by label and generate."""
    fmt = image_files.detect_format(data)
    if fmt is None:
        raise BadInput(MESSAGES("image_files.not_an_image", name=output.name))
    has_parent = existing_manifest(data, fmt)
    ingredients = list(ingredient_inputs)
    if has_parent:
        ingredients.insert(
            0,
            IngredientInput(
                {"title": record.title or "source", "relationship": "parentOf", "label": PARENT_ID},
                image_files.MIME_TYPES[fmt],
                data,
            ),
        )
    prepared = image_files.embed_metadata(
        data, image_files.xmp_packet(xmp_fields(record)), png_text
    )
    manifest = build_manifest(record, has_parent=has_parent, version=VERSION)
    iscc = softbinding.add_to(manifest, prepared)
    signed_image = sign_image(prepared, fmt, manifest, identity, ingredients)
    signed = signed_image.data
    digest = sha256_hex(signed)

    def rows(ledger: Ledger) -> None:
        ledger.add_artwork(record, output, digest, status=status, session_id=session_id)
        ledger.add_signature(
            record.artwork_id,
            time_stamped=signed_image.time_stamped,
            time_stamp_error=signed_image.time_stamp_error,
            iscc=iscc,
            iscc_bits=softbinding.as_int(iscc) if iscc else None,
        )
        if record.declaration is not None:
            ledger.add_declaration(record)
        if extra_rows is not None:
            extra_rows(ledger)

    publish(output, signed, ledger, rows)
    return Signed(
        output,
        digest,
        record,
        time_stamped=signed_image.time_stamped,
        time_stamp_error=signed_image.time_stamp_error,
        iscc=iscc,
    )


PREVIEW_ID = "preview"


def sign_media_record(
    source: Path,
    fmt: str,
    record: ArtworkRecord,
    output: Path,
    identity: SigningIdentity,
    ingredient_inputs: list[IngredientInput],
    *,
    ledger: Ledger | None,
    status: str,
) -> Signed:
    """Sign a video, sound or document file as it streams from ``source`` to ``output``:
    c2pa reads and writes the files in pieces, and the SHA-256 of the signed file is read
    back from the disk, so a large film is never whole in memory. The work's picture
    (poster frame, waveform, first page or cover) is signed in as the claim thumbnail."""
    from artcharter.provenance.media_previews import preview

    mime = media_files.mime_of(fmt)
    ingredients = list(ingredient_inputs)
    with open(source, "rb") as src:
        has_parent = existing_manifest(src, fmt)
    if has_parent:
        # Given as a path: c2pa reads the parent's credentials from the file as a stream.
        ingredients.insert(
            0,
            IngredientInput(
                {"title": record.title or "source", "relationship": "parentOf", "label": PARENT_ID},
                mime,
                source,
            ),
        )
    manifest = build_manifest(record, has_parent=has_parent, version=VERSION)
    picture = preview(source, fmt)
    resources = {}
    if picture is not None:
        mime_picture = "image/png" if picture.startswith(b"\x89PNG") else "image/jpeg"
        manifest["thumbnail"] = {"format": mime_picture, "identifier": PREVIEW_ID}
        resources[PREVIEW_ID] = picture
    digest, stamp = "", (False, None)

    def write(out: BinaryIO) -> None:
        nonlocal digest, stamp
        with open(source, "rb") as src:
            stamp = sign_stream(
                src, out, mime, manifest, identity, ingredients, resources=resources
            )
        out.flush()
        digest = media_files.sha256_stream(out)

    def rows(ledger: Ledger) -> None:
        ledger.add_artwork(record, output, digest, status=status)
        # No soft binding: the ISCC image code is a still image's fingerprint.
        ledger.add_signature(record.artwork_id, time_stamped=stamp[0], time_stamp_error=stamp[1])
        if record.declaration is not None:
            ledger.add_declaration(record)

    publish(output, write, ledger, rows)
    return Signed(output, digest, record, time_stamped=stamp[0], time_stamp_error=stamp[1])


def label(
    source: Path,
    output: Path,
    *,
    identity: SigningIdentity,
    source_type: str,
    tool: str | None = None,
    prompt: str | None = None,
    private_prompt: bool = False,
    ingredients: list[tuple[Path, str]] = (),  # type: ignore[assignment]
    training_mining: str = "notAllowed",
    title: str | None = None,
    declaration: Declaration | None = None,
    ledger: Ledger | None = None,
    force: bool = False,
    model_kind: str | None = None,
) -> Signed:
    """Write a signed, labelled copy of ``source`` at ``output``; the source is never touched.

    ``source`` is an image, a video, a sound or a document (``media_files``); ``model_kind``
    says what kind of model took part (by default the one that makes such works)."""
    check_choices(source_type, training_mining)
    check_text(title=title, tool=tool, prompt=prompt)
    if model_kind is not None and model_kind not in MODEL_KINDS:
        raise BadInput(
            MESSAGES(
                "label.unknown_model_kind", model_kind=model_kind, choices=", ".join(MODEL_KINDS)
            )
        )
    if output.resolve() == source.resolve():
        raise BadInput(MESSAGES("label.same_file"))
    if output.exists() and not force:
        raise BadInput(MESSAGES("label.exists", output=output, param="force"))
    if private_prompt and not prompt:
        raise BadInput(
            MESSAGES("label.private_without_prompt", param="private_prompt", param_prompt="prompt")
        )
    media_format = media_files.detect_media(media_files.read_head(source))
    media = None
    if media_format is not None:
        # A film or a book is checked by its decoder, never read whole.
        from artcharter.provenance.media_previews import info

        media = info(source, media_format, str(source))
        fmt, data = media_format, b""
        suffixes = set(media_files.FORMATS[fmt].suffixes)
    else:
        data = image_files.read_file(source)
        fmt = image_files.check_image(data, str(source)).format
        suffixes = {"png": {".png"}, "jpeg": {".jpg", ".jpeg"}, "webp": {".webp"}}[fmt]
    if output.suffix.lower() not in suffixes:
        raise BadInput(
            MESSAGES(
                "label.wrong_extension",
                name=output.name,
                value=fmt.upper(),
                choices=", ".join(sorted(suffixes)),
            )
        )
    ingredient_records, ingredient_inputs = read_ingredients(list(ingredients))
    work_kind = media.kind if media else "image"
    record = ArtworkRecord(
        artwork_id=new_artwork_id(),
        kind="labelled",
        source_type=source_type,
        title=title,
        author=Person(identity.name, identity.email, identity.organisation),
        tool=tool,
        prompt=prompt,
        prompt_sha256=prompt_hash(prompt) if prompt else None,
        prompt_private=private_prompt,
        ingredients=ingredient_records,
        training_mining=training_mining,
        declaration=declaration,
        software={"artcharter": VERSION},
        media=media,
        model_kind=(
            (model_kind or DEFAULT_MODEL_KIND[work_kind])
            if SOURCE_TYPES[source_type] != "none"
            else None
        ),
    )
    if media_format is not None:
        return sign_media_record(
            source, fmt, record, output, identity, ingredient_inputs, ledger=ledger, status="signed"
        )
    return sign_record(
        data, record, output, identity, ingredient_inputs, ledger=ledger, status="signed"
    )
