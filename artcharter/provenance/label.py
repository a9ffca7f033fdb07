"""Label an existing image: an honest AI disclosure attached to a signed copy.

The source file is only read. The copy carries the IPTC XMP fields (written first) and a
C2PA manifest: the actions with the declared source type and tool, every human input as an
ingredient with its hash, the author and title, the training/mining choice and the record.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import image_files
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.manifest import PARENT_ID, build_manifest, xmp_fields
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import (
    INGREDIENT_ROLES,
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
)
from artcharter.provenance.version import VERSION


@dataclass(frozen=True)
class Signed:
    """A signed artwork on disk: where it is, its hash, and its record."""

    path: Path
    sha256: str
    record: ArtworkRecord


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
    thumbnail: tuple[str, bytes] | None = None,
    fresh: bool = False,
) -> Signed:
    """Write XMP, sign, and publish the file with its ledger row. Shared by label and generate.

    ``fresh``: the bytes were just encoded from pixels (generate), so they carry no earlier
    manifest to look for; ``thumbnail`` is the claim thumbnail made from those pixels."""
    fmt = image_files.detect_format(data)
    if fmt is None:
        raise BadInput(MESSAGES("image_files.not_an_image", name=output.name))
    has_parent = False if fresh else existing_manifest(data, fmt)
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
    signed = sign_image(prepared, fmt, manifest, identity, ingredients, thumbnail)
    digest = sha256_hex(signed)

    def rows(ledger: Ledger) -> None:
        ledger.add_artwork(record, output, digest, status=status, session_id=session_id)
        if record.declaration is not None:
            ledger.add_declaration(record)
        if extra_rows is not None:
            extra_rows(ledger)

    publish(output, signed, ledger, rows)
    return Signed(output, digest, record)


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
) -> Signed:
    """Write a signed, labelled copy of ``source`` at ``output``; the source is never touched."""
    check_choices(source_type, training_mining)
    check_text(title=title, tool=tool, prompt=prompt)
    if output.resolve() == source.resolve():
        raise BadInput(MESSAGES("label.same_file"))
    if output.exists() and not force:
        raise BadInput(MESSAGES("label.exists", output=output, param="force"))
    if private_prompt and not prompt:
        raise BadInput(
            MESSAGES("label.private_without_prompt", param="private_prompt", param_prompt="prompt")
        )
    data = image_files.read_file(source)
    check = image_files.check_image(data, str(source))
    out_format = image_files.detect_format(data)
    suffixes = {"png": {".png"}, "jpeg": {".jpg", ".jpeg"}, "webp": {".webp"}}
    if output.suffix.lower() not in suffixes[check.format]:
        raise BadInput(
            MESSAGES(
                "label.wrong_extension",
                name=output.name,
                value=out_format.upper() if out_format else "?",
                choices=", ".join(sorted(suffixes[check.format])),
            )
        )
    ingredient_records, ingredient_inputs = read_ingredients(list(ingredients))
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
    )
    return sign_record(
        data, record, output, identity, ingredient_inputs, ledger=ledger, status="signed"
    )
