"""The C2PA manifest of an artwork, built from its record, and the record read back from it.

Pure functions over dicts: no file, no signing. c2pa-rs fills in the hashes, the claim and
the thumbnails when the manifest is signed (see artcharter.provenance.signing).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

from artcharter.provenance.record import (
    IPTC_SOURCE_TYPE_URI,
    LABEL_PREFIX,
    SCHEMA,
    Adapter,
    ArtworkRecord,
)

RECORD_LABEL = f"{LABEL_PREFIX}.record"
# Optional parts of the record, each in its own assertion.
PART_LABELS = {
    "generation": f"{LABEL_PREFIX}.generation",
    "energy": f"{LABEL_PREFIX}.energy",
    "declaration": f"{LABEL_PREFIX}.declaration",
    "probe": f"{LABEL_PREFIX}.probe",
}
# Links the c2pa.opened action to the parent ingredient (see artcharter.provenance.label).
PARENT_ID = "parent"
TRAINING_MINING_ENTRIES = (
    "cawg.ai_inference",
    "cawg.ai_generative_training",
    "cawg.ai_training",
    "cawg.data_mining",
)


def software_agent(record: ArtworkRecord) -> dict[str, str]:
    """Who made the pixels: the model for a generation, the declared tool otherwise.

    ``version`` is the agent's own version (the model's revision), never the version of the
    library that ran it: the library and its version are in the record."""
    if record.model is not None:
        name = record.model.id + (" (demo model, random weights)" if record.model.is_demo else "")
        agent = {"name": name}
        if record.model.revision:
            agent["version"] = record.model.revision
        return agent
    if record.tool:
        return {"name": record.tool}
    return {"name": "artcharter"}


def training_entry(record: ArtworkRecord) -> dict[str, str]:
    """One cawg.training-mining entry: the choice, and a constrained choice's constraint."""
    entry = {"use": record.training_mining}
    if record.training_mining == "constrained" and record.training_constraint:
        entry["constraint_info"] = record.training_constraint
    return entry


# The asset type of a model file (C2PA 2.2 §18.16, "Asset Type"): an adapter's ingredient.
MODEL_ASSET_TYPE = "c2pa.types.model"


def adapter_ingredient(adapter: Adapter, index: int) -> dict[str, Any]:
    """A LoRA or embedding as a c2pa ingredient: a reference to a model file that went into
    the work, not its bytes (megabytes of weights); its hash and scale are in the record."""
    return {
        "title": adapter.file,
        "format": "application/octet-stream",
        "relationship": "inputTo",
        "description": adapter.kind,
        "instance_id": f"adapter-{index}",
        "data_types": [{"type": MODEL_ASSET_TYPE}],
    }


def ingredient_id(index: int) -> str:
    """The instance id linking a human input's ingredient to the action that uses it."""
    return f"ingredient-{index}"


# IPTC source types that name an edit, not how a work began: a c2pa.created action carrying
# one gives no inception signal in the C2PA signals rubric (asset-rubrics 1.0,
# inception:signal_nonGenAIDigitalCreation wants digitalCreation). A work an artist declares
# as made with human edits only is written as a digital creation, then those edits.
HUMAN_EDIT_TYPES = ("humanEdits", "minorHumanEdits")
DIGITAL_CREATION_URI = IPTC_SOURCE_TYPE_URI + "digitalCreation"


def build_manifest(
    record: ArtworkRecord,
    *,
    has_parent: bool,
    version: str,
    placed: Sequence[str] = (),
    watermarked: bool = False,
) -> dict[str, Any]:
    """The manifest definition handed to c2pa's Builder; ``placed``: the instance ids of
    the componentOf ingredients it embeds (artcharter.provenance.label); ``watermarked``:
    artcharter hid the artwork id in the pixels before signing."""
    public = record.public()
    actions: list[dict[str, Any]] = []
    if has_parent:
        # The source already carried Content Credentials: keep them as the parent and say
        # that only metadata was added.
        actions.append({"action": "c2pa.opened", "parameters": {"ingredientIds": [PARENT_ID]}})
        actions.append(
            {
                "action": "c2pa.edited.metadata",
                "softwareAgent": {"name": "artcharter", "version": version},
                "digitalSourceType": record.source_type_uri,
            }
        )
    elif record.source_type in HUMAN_EDIT_TYPES:
        actions.append(
            {
                "action": "c2pa.created",
                "digitalSourceType": DIGITAL_CREATION_URI,
                "softwareAgent": software_agent(record),
            }
        )
        actions.append({"action": "c2pa.edited", "digitalSourceType": record.source_type_uri})
    else:
        created = {
            "action": "c2pa.created",
            "digitalSourceType": record.source_type_uri,
            "softwareAgent": software_agent(record),
        }
        if record.model_kind:
            # The IPTC source type says "trained algorithmic media" whatever the medium:
            # the action's description says which kind of model (the record keeps the code).
            created["description"] = f"made with a generative {record.model_kind} model"
        actions.append(created)
    # Each human component this manifest embeds is referenced by a c2pa.placed action
    # (C2PA 2.2 §18.15.3: a componentOf ingredient is one an action placed). Components a
    # parent manifest placed stay in the parent's actions.
    if placed:
        actions.append({"action": "c2pa.placed", "parameters": {"ingredientIds": list(placed)}})
    if watermarked:
        # Not a C2PA-listed watermark, so not a soft binding: still an action artcharter did.
        actions.append(
            {
                "action": "c2pa.watermarked",
                "softwareAgent": {"name": "artcharter", "version": version},
            }
        )
    # allActionsIncluded: these are all the actions artcharter performed on the asset (the
    # making before it came to artcharter is what the source type declares). The C2PA
    # Conformance Program 0.2 requires the field (validation:mandatory_all_actions_included),
    # and without true the signals rubric adds transformation:signal_ambiguousActions.
    assertions: list[dict[str, Any]] = [
        {"label": "c2pa.actions.v2", "data": {"actions": actions, "allActionsIncluded": True}},
        {
            "label": "cawg.training-mining",
            "data": {"entries": {e: training_entry(record) for e in TRAINING_MINING_ENTRIES}},
        },
    ]
    # No stds.schema-org.CreativeWork: C2PA deprecated it (claim generators are "required
    # not to produce it", C2PA 2.2 table 19). Who made the work is the signing certificate's
    # subject; the title is the claim's. See docs/provenance.md, "Identity".
    core = public.to_dict()
    for part, label in PART_LABELS.items():
        value = core.pop(part)
        if value is not None:
            assertions.append({"label": label, "data": value})
    assertions.insert(0, {"label": RECORD_LABEL, "data": core})
    definition: dict[str, Any] = {
        "claim_generator_info": [{"name": "artcharter", "version": version}],
        "title": record.title or record.artwork_id,
        "assertions": assertions,
    }
    adapters = record.model.adapters if record.model else []
    if adapters:
        definition["ingredients"] = [adapter_ingredient(a, i) for i, a in enumerate(adapters)]
    return definition


def record_from_manifest(manifest: dict[str, Any]) -> ArtworkRecord | None:
    """The artwork record carried by an active manifest, or None if artcharter did not write it."""
    by_label = {a.get("label"): a.get("data") for a in _assertions(manifest)}
    core = by_label.get(RECORD_LABEL)
    if not isinstance(core, dict) or core.get("schema") != SCHEMA:
        return None
    data = dict(core)
    for part, label in PART_LABELS.items():
        data[part] = by_label.get(label)
    try:
        record = ArtworkRecord.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    # Anyone can sign a manifest with this label: a record whose values do not have the
    # schema's types is not artcharter's, and must not reach code that trusts those types.
    return record if _well_typed(ArtworkRecord, record) else None


def _every_assertion(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    found = manifest.get("assertions") if isinstance(manifest, dict) else None
    return [a for a in found if isinstance(a, dict)] if isinstance(found, list) else []


def _attributed(manifest: dict[str, Any], assertion: dict[str, Any]) -> bool:
    """Whether the signer vouches for the assertion: in a version 2 claim only its
    ``created_assertions`` are attributed to the signer (C2PA 2.2 §10.2.2), gathered ones
    are not; a version 1 claim has no such split."""
    version = manifest.get("claim_version")
    if not isinstance(version, int) or version < 2:
        return True
    return assertion.get("created") is True


def _assertions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The assertions the signer vouches for: the only ones anything is read from."""
    return [a for a in _every_assertion(manifest) if _attributed(manifest, a)]


def unattributed_labels(manifest: dict[str, Any]) -> list[str]:
    """The labels of gathered assertions, ignored because no one vouches for them."""
    return [str(a.get("label")) for a in _every_assertion(manifest) if not _attributed(manifest, a)]


def _well_typed(tp: Any, value: Any) -> bool:
    """Whether ``value`` has the type ``tp`` (a record dataclass or one of its field types)."""
    return _checker(tp)(value)


def _anything(value: Any) -> bool:
    return True


@functools.cache
def _checker(tp: Any) -> Callable[[Any], bool]:
    """The type test for ``tp``, built once per type (verification runs it on every file)."""
    if tp is Any:
        return _anything
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_checker(arg) for arg in typing.get_args(tp)]
        return lambda value: any(check(value) for check in options)
    if tp is type(None):
        return lambda value: value is None
    if origin is list:
        (item,) = typing.get_args(tp)
        each = _checker(item)
        return lambda value: isinstance(value, list) and all(each(v) for v in value)
    if origin is dict:
        key, item = (_checker(arg) for arg in typing.get_args(tp))
        return lambda value: (
            isinstance(value, dict) and all(key(k) and item(v) for k, v in value.items())
        )
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _checker(hints[f.name])) for f in dataclasses.fields(tp)]
        return lambda value: (
            isinstance(value, tp) and all(check(getattr(value, name)) for name, check in fields)
        )
    if tp is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if tp is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(tp, type):
        return lambda value: isinstance(value, tp)
    return lambda value: value is not None


def disclosure_from_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """What any C2PA manifest says about AI use, artcharter's or another tool's."""
    source_types, agents, actions = [], [], []
    for assertion in _assertions(manifest):
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        data = assertion.get("data")
        found = data.get("actions") if isinstance(data, dict) else None
        for action in found if isinstance(found, list) else []:
            if not isinstance(action, dict):
                continue
            actions.append(action.get("action"))
            dst = action.get("digitalSourceType")
            if dst:
                source_types.append(str(dst).rsplit("/", 1)[-1])
            agent = action.get("softwareAgent")
            if isinstance(agent, dict) and agent.get("name"):
                agents.append(" ".join(str(agent[k]) for k in ("name", "version") if agent.get(k)))
            elif isinstance(agent, str):
                agents.append(agent)
    return {"source_types": source_types, "software_agents": agents, "actions": actions}


def xmp_fields(record: ArtworkRecord) -> dict[str, str | None]:
    """IPTC 2025.1 AI fields and Dublin Core, written into the image before signing."""
    ai_system = None
    if record.model is not None:
        ai_system = record.model.id + (
            " (demo model, random weights)" if record.model.is_demo else ""
        )
    elif record.tool:
        ai_system = record.tool
    prompt = record.public().prompt
    if prompt is None and record.prompt_private:
        prompt = f"private prompt, {record.prompt_hmac}" if record.prompt_hmac else None
    return {
        "Iptc4xmpExt:DigitalSourceType": record.source_type_uri,
        "Iptc4xmpExt:AISystemUsed": ai_system if record.ai_share != "none" else None,
        "Iptc4xmpExt:AISystemVersionUsed": record.model.revision if record.model else None,
        "Iptc4xmpExt:AIPromptInformation": prompt,
        "Iptc4xmpExt:AIPromptWriterName": record.author.name if record.author and prompt else None,
        "dc:title": record.title,
        "dc:creator": record.author.name if record.author else None,
        "xmp:CreatorTool": "artcharter",
        # One id per signed rendition (the artwork id is new for each signed file); C2PA
        # readers match it with the claim's instanceID.
        "xmpMM:InstanceID": f"xmp.iid:{record.artwork_id}",
    }
