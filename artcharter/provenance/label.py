"""Label an existing image: an honest AI disclosure attached to a signed copy.

The source file is only read. The copy carries the IPTC XMP fields (written first) and a
C2PA manifest: the actions with the declared source type and tool, every human input as an
ingredient with its hash, the author and title, the training/mining choice and the record.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from artcharter.base.errors import BadInput
from artcharter.base.hashing import HashingWriter, sha256_hex
from artcharter.base.interrupts import interrupts_deferred
from artcharter.provenance import image_files, media_files, softbinding
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.manifest import PARENT_ID, build_manifest, ingredient_id, xmp_fields
from artcharter.provenance.media_files import MediaInfo
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.prompt_key import keyed_record, project_secret
from artcharter.provenance.record import (
    DEFAULT_MODEL_KIND,
    INGREDIENT_ROLES,
    MODEL_KINDS,
    SOURCE_TYPES,
    TRAINING_MINING,
    ArtworkRecord,
    Ingredient,
    ModelInfo,
    Person,
    SeriesPlace,
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


def check_constraint(training_mining: str, training_constraint: str | None) -> None:
    """A constraint in words belongs only to a ``constrained`` training/mining choice."""
    if training_constraint and training_mining != "constrained":
        raise BadInput(
            MESSAGES(
                "label.constraint_without_constrained",
                param="training_constraint",
                param_choice="training_mining",
            )
        )


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
        definition = {
            "title": name,
            "relationship": relationship,
            "description": role,
            "label": ingredient_id(len(records)),
        }
        records.append(Ingredient(name, sha256_hex(data), mime, role, relationship))
        inputs.append(IngredientInput(definition, mime, data))
    return records, inputs


def placed_ids(inputs: list[IngredientInput]) -> list[str]:
    """The instance ids of the human components among ``inputs`` (for c2pa.placed)."""
    return [
        str(i.definition["label"])
        for i in inputs
        if i.definition.get("relationship") == "componentOf" and i.definition.get("label")
    ]


def sign_record(
    data: bytes,
    record: ArtworkRecord,
    output: Path,
    identity: SigningIdentity | None,
    ingredient_inputs: list[IngredientInput],
    *,
    ledger: Ledger | None,
    status: str,
    png_text: dict[str, str] | None = None,
    session_id: str | None = None,
    extra_rows: Any = None,
    watermark: bool = False,
    thumbnail: tuple[str, bytes] | None = None,
    iscc: str | None = None,
    fresh: bool = False,
) -> Signed:
    """Write XMP, sign, and publish the file with its ledger row. Shared by label and generate.

    Without an ``identity`` (a probe campaign's image, which no artist vouches for) the file
    keeps its XMP and PNG text but is not signed. ``watermark`` first hides the artwork id
    in the pixels (artcharter.provenance.watermark). ``fresh``: the bytes were just encoded
    from pixels (generate), so they carry no earlier manifest to look for; ``thumbnail`` is
    the claim thumbnail made from those pixels, ``iscc`` their soft binding
    (``softbinding.fingerprint_image``)."""
    pixels_iscc = iscc
    # A private prompt is written as a keyed hash only the project can check.
    record = keyed_record(record, project_secret(ledger.path) if ledger else None)
    fmt = image_files.detect_format(data)
    if fmt is None:
        raise BadInput(MESSAGES("image_files.not_an_image", name=output.name))
    parent = None if fresh else existing_manifest(data, fmt)
    has_parent = parent is not None
    ingredients = list(ingredient_inputs)
    if parent is not None:
        # The parent keeps its own title (the one its signer gave it), not the new one.
        title = parent.get("title") if isinstance(parent.get("title"), str) else None
        ingredients.insert(
            0,
            IngredientInput(
                {"title": title or "parent", "relationship": "parentOf", "label": PARENT_ID},
                image_files.MIME_TYPES[fmt],
                data,
            ),
        )
    pixels = data
    if watermark:
        from artcharter.provenance import watermark as invisible

        pixels = invisible.embed(data, record.artwork_id)
    prepared = image_files.embed_metadata(
        pixels, image_files.xmp_packet(xmp_fields(record)), png_text
    )
    iscc = None
    time_stamped, time_stamp_error = False, None
    if identity is None:
        signed = prepared
    else:
        manifest = build_manifest(
            record,
            has_parent=has_parent,
            version=VERSION,
            placed=placed_ids(ingredient_inputs),
            watermarked=watermark,
        )
        # The pixels' own fingerprint and thumbnail, unless a watermark changed them.
        if pixels_iscc is not None and not watermark:
            iscc = softbinding.add_code(manifest, pixels_iscc)
        else:
            iscc = softbinding.add_to(manifest, prepared)
        own_thumbnail = None if watermark else thumbnail
        with interrupts_deferred():  # c2pa's callbacks would swallow a Ctrl-C
            signed_image = sign_image(prepared, fmt, manifest, identity, ingredients, own_thumbnail)
        signed = signed_image.data
        time_stamped, time_stamp_error = signed_image.time_stamped, signed_image.time_stamp_error
    digest = sha256_hex(signed)

    def rows(ledger: Ledger) -> None:
        ledger.add_artwork(record, output, digest, status=status, session_id=session_id)
        if identity is not None:
            ledger.add_signature(
                record.artwork_id,
                time_stamped=time_stamped,
                time_stamp_error=time_stamp_error,
                iscc=iscc,
                iscc_bits=softbinding.as_int(iscc) if iscc else None,
                watermark=record.artwork_id.replace("-", "")[:12] if watermark else None,
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
        time_stamped=time_stamped,
        time_stamp_error=time_stamp_error,
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
    c2pa reads and writes the files in pieces, and the SHA-256 of the signed file is taken
    from the bytes as they are written, so a large film is never whole in memory nor read
    back. The work's picture (poster frame, waveform, first page or cover) is signed in as
    the claim thumbnail."""
    from artcharter.provenance.media_previews import preview

    mime = media_files.mime_of(fmt)
    ingredients = list(ingredient_inputs)
    record = keyed_record(record, project_secret(ledger.path) if ledger else None)
    with open(source, "rb") as src:
        parent = existing_manifest(src, fmt)
    has_parent = parent is not None
    if parent is not None:
        # Given as a path: c2pa reads the parent's credentials from the file as a stream.
        # The parent keeps its own title (the one its signer gave it), not the new one.
        title = parent.get("title") if isinstance(parent.get("title"), str) else None
        ingredients.insert(
            0,
            IngredientInput(
                {"title": title or "parent", "relationship": "parentOf", "label": PARENT_ID},
                mime,
                source,
            ),
        )
    manifest = build_manifest(
        record, has_parent=has_parent, version=VERSION, placed=placed_ids(ingredient_inputs)
    )
    picture = preview(source, fmt)
    resources = {}
    if picture is not None:
        mime_picture = "image/png" if picture.startswith(b"\x89PNG") else "image/jpeg"
        manifest["thumbnail"] = {"format": mime_picture, "identifier": PREVIEW_ID}
        resources[PREVIEW_ID] = picture
    digest, stamp = "", (False, None)

    def write(out: BinaryIO) -> None:
        nonlocal digest, stamp
        # The SHA-256 is taken from the bytes as c2pa writes them, not read back.
        hashed = HashingWriter(out)
        # Ctrl-C is held while c2pa signs (its callbacks would swallow it and the run would
        # go on), then stops the run here: the partial file is removed, nothing published.
        with open(source, "rb") as src, interrupts_deferred():
            stamp = sign_stream(
                src, hashed, mime, manifest, identity, ingredients, resources=resources
            )
        digest = hashed.hexdigest()

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
    training_constraint: str | None = None,
    training_mining_default: bool = False,
    title: str | None = None,
    declaration: Declaration | None = None,
    ledger: Ledger | None = None,
    force: bool = False,
    watermark: bool = False,
    model_kind: str | None = None,
    series: SeriesPlace | None = None,
) -> Signed:
    """Write a signed, labelled copy of ``source`` at ``output``; the source is never touched.

    ``source`` is an image, a video, a sound or a document (``media_files``); ``model_kind``
    says what kind of model took part (by default the one that makes such works);
    ``series``: the work's place in the series of a labelled folder (``label_folder``)."""
    check_choices(source_type, training_mining)
    check_text(title=title, tool=tool, prompt=prompt, training_constraint=training_constraint)
    check_constraint(training_mining, training_constraint)
    if model_kind is not None and model_kind not in MODEL_KINDS:
        raise BadInput(
            MESSAGES(
                "label.unknown_model_kind", model_kind=model_kind, choices=", ".join(MODEL_KINDS)
            )
        )
    if private_prompt and not prompt:
        raise BadInput(
            MESSAGES("label.private_without_prompt", param="private_prompt", param_prompt="prompt")
        )
    media_format = media_files.detect_media(media_files.read_head(source))
    media = None
    if media_format is None:
        data = _read_source(source, output, force)
    else:
        data, media = b"", _read_media_source(source, media_format, output, force)
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
        prompt_sha256=prompt_hash(prompt) if prompt and not private_prompt else None,
        prompt_private=private_prompt,
        ingredients=ingredient_records,
        training_constraint=training_constraint or None,
        training_mining=training_mining,
        training_mining_default=training_mining_default,
        declaration=declaration,
        software={"artcharter": VERSION},
        media=media,
        model_kind=(
            (model_kind or DEFAULT_MODEL_KIND[work_kind])
            if SOURCE_TYPES[source_type] != "none"
            else None
        ),
        series=series,
    )
    if media_format is not None:
        if watermark:  # the invisible watermark is made for still pictures
            raise BadInput(MESSAGES("watermark.still_images_only", name=source.name))
        return sign_media_record(
            source,
            media_format,
            record,
            output,
            identity,
            ingredient_inputs,
            ledger=ledger,
            status="signed",
        )
    return sign_record(
        data,
        record,
        output,
        identity,
        ingredient_inputs,
        ledger=ledger,
        status="signed",
        watermark=watermark,
    )


def _read_media_source(source: Path, fmt: str, output: Path, force: bool) -> MediaInfo:
    """What a video, sound or document is (checked by its decoder, never read whole), once
    the output is known to be a new file of its format."""
    from artcharter.provenance.media_previews import info

    if output.resolve() == source.resolve():
        raise BadInput(MESSAGES("label.same_file"))
    if output.exists() and not force:
        raise BadInput(MESSAGES("label.exists", output=output, param="force"))
    media = info(source, fmt, str(source))
    suffixes = media_files.FORMATS[fmt].suffixes
    if output.suffix.lower() not in suffixes:
        raise BadInput(
            MESSAGES(
                "label.wrong_extension",
                name=output.name,
                value=fmt.upper(),
                choices=", ".join(sorted(suffixes)),
            )
        )
    return media


def _read_source(source: Path, output: Path, force: bool) -> bytes:
    """The source image's bytes, once the output is known to be a new file of its format."""
    if output.resolve() == source.resolve():
        raise BadInput(MESSAGES("label.same_file"))
    if output.exists() and not force:
        raise BadInput(MESSAGES("label.exists", output=output, param="force"))
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
    return data


def with_declared_adapters(record: ArtworkRecord, declaration: Declaration) -> ModelInfo | None:
    """The record's model with what ``declaration`` says of its adapters' training, for
    the adapters whose own TOML said nothing (what it said is signed: it stays). An
    adapter the declaration names by a SHA-256 the record does not list is refused: the
    declaration would speak of a model the work was not made with."""
    if not declaration.adapters:
        return record.model
    listed = {a.sha256: a for a in (record.model.adapters if record.model else [])}
    for told in declaration.adapters:
        if told.sha256 not in listed:
            raise BadInput(
                MESSAGES(
                    "declaration.adapter_unknown",
                    file=told.file or "?",
                    sha256=told.sha256[:16],
                )
            )
    answers = {a.sha256: a for a in declaration.adapters if a.training_data}
    adapters = [
        dataclasses.replace(
            a,
            training_data=answers[a.sha256].training_data,
            by_artist=answers[a.sha256].by_artist,
        )
        if a.sha256 in answers and not a.training_data
        else a
        for a in record.model.adapters  # type: ignore[union-attr]
    ]
    return dataclasses.replace(record.model, adapters=adapters)  # type: ignore[type-var]


def sign_declaration(
    source: Path,
    output: Path,
    *,
    identity: SigningIdentity,
    declaration: Declaration,
    title: str | None = None,
    training_mining: str | None = None,
    training_constraint: str | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    force: bool = False,
) -> Signed:
    """Write a copy of the signed artwork ``source`` at ``output`` that carries the artist's
    declaration, signed again with ``source`` as its parent ingredient.

    The artwork keeps its id and everything its record said (prompt, model, energy,
    ingredients); only the declaration, and the title and training/mining choice it
    makes (``title``, ``training_mining`` and its ``training_constraint``, already merged
    with the command's), are added. ``source`` must verify and be signed by the same artist: a
    declaration speaks for the author of the work, never over someone else's signature.
    """
    from artcharter.provenance import verdicts
    from artcharter.provenance.verify import verify_bytes

    data = _read_source(source, output, force)
    checked = verify_bytes(data, str(source), anchors)
    if checked.verdict == verdicts.NO_CREDENTIAL:
        raise BadInput(MESSAGES("declaration.sign_no_credential", image=source))
    if checked.verdict not in verdicts.VOUCHED:
        raise BadInput(
            MESSAGES("declaration.sign_not_valid", image=source, verdict=checked.verdict)
        )
    signer = checked.signer.get("name")
    if signer != identity.name:
        raise BadInput(
            MESSAGES(
                "declaration.sign_other_artist",
                image=source,
                signer=signer or "?",
                artist=identity.name,
                param="artist",
            )
        )
    digest = sha256_hex(data)
    row = ledger.find_artwork(digest) if ledger is not None else None
    # The ledger keeps what the file may only carry as a hash (a private prompt).
    if row is not None and row["sha256"] == digest:
        record = ledger.record_of(row)  # type: ignore[union-attr]
    elif checked.record is not None:
        record = ArtworkRecord.from_dict(checked.record)
    else:
        raise BadInput(MESSAGES("declaration.sign_no_credential", image=source))
    choice = training_mining or record.training_mining
    # A constraint the record carried stays with the constrained choice it belongs to.
    kept = record.training_constraint if choice == record.training_mining else None
    constraint = training_constraint or kept
    check_choices(record.source_type, choice)
    check_text(title=title, training_constraint=training_constraint)
    check_constraint(choice, constraint)
    declared = dataclasses.replace(
        record,
        model=with_declared_adapters(record, declaration),
        title=title or record.title,
        training_mining=choice,
        training_mining_default=record.training_mining_default and not training_mining,
        training_constraint=constraint or None,
        declaration=declaration,
        software={**record.software, "artcharter": VERSION},
    )
    status = row["status"] if row is not None and row["status"] in ("kept", "signed") else "signed"
    return sign_record(data, declared, output, identity, [], ledger=ledger, status=status)
