"""The artwork record's JSON form and its round trip through a C2PA manifest."""

from __future__ import annotations

import json

from artcharter.provenance.declaration import Declaration
from artcharter.provenance.manifest import build_manifest, record_from_manifest, xmp_fields
from artcharter.provenance.prompt_key import keyed_record
from artcharter.provenance.record import (
    SCHEMA,
    ArtworkRecord,
    EnergyRecord,
    GenerationParams,
    Ingredient,
    ModelInfo,
    Person,
    prompt_hash,
)


def full_record(private: bool = False) -> ArtworkRecord:
    return ArtworkRecord(
        artwork_id="0b6c7f1e-0000-4000-8000-000000000001",
        kind="generated",
        source_type="trainedAlgorithmicMedia",
        title="Nocturne",
        author=Person("Alice Martin", "alice@example.org", "ESAD Exemple"),
        prompt="a lighthouse at night",
        prompt_sha256=prompt_hash("a lighthouse at night"),
        prompt_private=private,
        model=ModelInfo(
            "demo",
            pipeline_class="StableDiffusionPipeline",
            library="diffusers",
            library_version="0.42",
            is_demo=True,
        ),
        generation=GenerationParams(
            seed=7, steps=2, guidance=1.5, width=64, height=64, libraries={"torch": "2.14.1"}
        ),
        energy=EnergyRecord(
            status="measured", kwh_total=1e-6, method="TDP estimate", country_iso="FRA"
        ),
        ingredients=[Ingredient("sketch.jpg", "ab" * 32, "image/jpeg", "sketch")],
        declaration=Declaration(statement="x"),
    )


def test_json_round_trip() -> None:
    record = full_record()
    text = json.dumps(record.to_dict())
    assert ArtworkRecord.from_dict(json.loads(text)) == record
    assert record.to_dict()["schema"] == SCHEMA


def test_manifest_round_trip_keeps_every_part() -> None:
    record = full_record()
    manifest = build_manifest(record, has_parent=False, version="1.0", placed=["ingredient-0"])
    labels = [a["label"] for a in manifest["assertions"]]
    for label in (
        "fr.artcharter.record",
        "fr.artcharter.generation",
        "fr.artcharter.energy",
        "fr.artcharter.declaration",
        "c2pa.actions.v2",
        "cawg.training-mining",
    ):
        assert label in labels
    # Deprecated by C2PA (claim generators are required not to produce it): the author is
    # the signing certificate's subject.
    assert "stds.schema-org.CreativeWork" not in labels
    assert "fr.artcharter.probe" not in labels  # absent parts are not written
    assert record_from_manifest(manifest) == record
    action = manifest["assertions"][labels.index("c2pa.actions.v2")]["data"]["actions"][0]
    assert action["action"] == "c2pa.created"
    assert action["digitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert "demo model, random weights" in action["softwareAgent"]["name"]
    # The sketch (a componentOf ingredient it embeds) is referenced by a c2pa.placed action.
    placed = manifest["assertions"][labels.index("c2pa.actions.v2")]["data"]["actions"][-1]
    assert placed == {"action": "c2pa.placed", "parameters": {"ingredientIds": ["ingredient-0"]}}


def test_private_prompt_never_reaches_the_manifest_or_xmp() -> None:
    record = full_record(private=True)
    manifest = build_manifest(record, has_parent=False, version="1.0")
    assert "lighthouse" not in json.dumps(manifest)
    assert record.prompt_sha256 not in json.dumps(manifest)  # a plain hash: never written
    keyed = keyed_record(record, b"k" * 32)
    assert keyed.prompt_hmac in json.dumps(build_manifest(keyed, has_parent=False, version="1"))
    fields = xmp_fields(keyed)
    assert "lighthouse" not in json.dumps(fields)
    assert record.prompt_sha256 not in json.dumps(fields)
    assert keyed.prompt_hmac in fields["Iptc4xmpExt:AIPromptInformation"]


def test_foreign_manifest_gives_no_record() -> None:
    assert record_from_manifest({"assertions": [{"label": "c2pa.actions", "data": {}}]}) is None
    bad = {"assertions": [{"label": "fr.artcharter.record", "data": {"schema": "other/9"}}]}
    assert record_from_manifest(bad) is None
