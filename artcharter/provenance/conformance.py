"""The C2PA Conformance Program's asset rubrics, computed on a file's crJSON.

The Program publishes its rubrics as YAML statements in json-formula (c2pa-org/
conformance-public, ``asset-rubrics/``, VERSION 1.0 of 2026-08-06); their engine is not on
PyPI, so this module states the same checks in Python, one function per trait, named by the
rubric's trait id. Pure functions over the dict of ``c2pa.Reader(...).crjson()``: no file.

- ``conformance_traits``: the 23 traits of ``asset-rubric-conformance0.2-spec2.2.yml``, the
  rubric for a claim generator writing C2PA 2.2 claims (c2pa-rs 0.91, which c2pa-python
  0.38 wraps, is a 2.2 generator: ``C2PA_GENERATOR_VERSION = "2.2.0"``).
- ``signal``: the classification of ``asset-rubric-signals-local.yml`` (inception and
  transformation signals), with one deliberate difference: the rubric reads the actions
  whatever the claim says of them, this module reads them only from an actions assertion
  the signer vouches for (listed in the claim's ``created_assertions``, C2PA 2.2 §10.2.2).

docs/conformance.md says how to run the Program's own evaluator on the same crJSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RUBRIC_VERSION = "1.0"  # asset-rubrics/VERSION
CONFORMANCE_RUBRIC = "asset-rubric-conformance0.2-spec2.2.yml"
SIGNALS_RUBRIC = "asset-rubric-signals-local.yml"
SPEC_VERSION = "2.2"

# The rubric's variables (asset-rubric-conformance0.2-spec2.2.yml, composables/globals-*.yml).
INCEPTION_ACTIONS = ("c2pa.created", "c2pa.opened")
NON_EDITORIAL_ACTIONS = (
    "c2pa.converted",
    "c2pa.published",
    "c2pa.repackaged",
    "c2pa.transcoded",
    "c2pa.resized.proportional",
    "c2pa.enhanced",
    "c2pa.edited.metadata",
    "c2pa.watermarked",
    "c2pa.watermarked.bound",
    "c2pa.watermarked.unbound",
    "c2pa.redacted",
)
DST_EXEMPT_PERCEPTIBLE_ACTIONS = ("c2pa.placed",)
WELL_FORMED_ERROR_CODES = frozenset(
    [
        "assertion.action.malformed",
        "assertion.bmffHash.malformed",
        "assertion.boxesHash.malformed",
        "assertion.collectionHash.malformed",
        "assertion.dataHash.malformed",
        "assertion.external-reference.malformed",
        "assertion.external-reference.labelMismatch",
        "assertion.external-reference.created",
        "assertion.ingredient.malformed",
        "assertion.alternativeContentRepresentation.malformed",
        "assertion.alternativeContentRepresentation.missing",
        "assertion.multiAssetHash.malformed",
        "assertion.cbor.invalid",
        "assertion.json.invalid",
        "claim.cbor.invalid",
        "claim.hardBindings.missing",
        "claim.malformed",
        "claim.missing",
        "claim.multiple",
        "hashedURI.missing",
        "ingredient.manifest.missing",
        "assertion.boxesHash.unknownBox",
        "assertion.multipleHardBindings",
        "manifest.compressed.invalid",
        "manifest.html.multipleManifests",
        "manifest.inaccessible",
        "manifest.multipleParents",
        "manifest.structuredText.emptyReference",
        "manifest.structuredText.malformedReference",
        "manifest.structuredText.multipleReferences",
        "manifest.structuredText.noManifest",
        "manifest.structuredText.noResolutionPath",
        "manifest.timestamp.invalid",
        "manifest.timestamp.wrongParents",
        "manifest.update.invalid",
        "manifest.update.wrongParents",
        "MISSING_VALIDATION_RESULTS",
    ]
)
VALID_ERROR_CODES = frozenset(
    [
        "assertion.action.ingredientMismatch",
        "assertion.action.redactionMismatch",
        "assertion.bmffHash.mismatch",
        "assertion.boxesHash.mismatch",
        "assertion.collectionHash.mismatch",
        "assertion.dataHash.mismatch",
        "assertion.external-reference.hashMismatch",
        "assertion.alternativeContentRepresentation.hashMismatch",
        "assertion.multiAssetHash.mismatch",
        "assertion.hashedURI.mismatch",
        "assertion.hardBinding.redacted",
        "hashedURI.mismatch",
        "ingredient.manifest.mismatch",
        "ingredient.claimSignature.missing",
        "ingredient.claimSignature.mismatch",
        "claimSignature.missing",
        "MISSING_VALIDATION_RESULTS",
    ]
)
VALID_RELATIONSHIPS = ("parentOf", "inputTo", "componentOf")
HUMAN_ENTRY_SOURCE_TYPES = ("humanEntry.anonymous", "humanEntry.credentialed")
ALLOWED_ASSERTIONS = frozenset(
    [
        "c2pa.hash.data",
        "c2pa.hash.data.part",
        "c2pa.actions.v2",
        "c2pa.ingredient.v3",
        "c2pa.hash.boxes",
        "c2pa.hash.bmff.v3",
        "c2pa.hash.collection.data",
        "c2pa.soft-binding",
        "c2pa.cloud-data",
        "c2pa.embedded-data",
        "c2pa.metadata",
        "c2pa.certificate-status",
        "c2pa.asset-type.v2",
        "c2pa.asset-ref",
        "c2pa.thumbnail.claim",
        "c2pa.thumbnail.ingredient",
        "c2pa.depthmap.GDepth",
        "c2pa.icon",
        "c2pa.assertion.metadata",
        "c2pa.time-stamp",
        "font.info",
    ]
)
ALLOWED_ACTIONS = frozenset(
    [
        "c2pa.addedText",
        "c2pa.adjustedColor",
        "c2pa.changedSpeed",
        "c2pa.color_adjustments",
        "c2pa.converted",
        "c2pa.created",
        "c2pa.cropped",
        "c2pa.deleted",
        "c2pa.drawing",
        "c2pa.dubbed",
        "c2pa.edited",
        "c2pa.edited.metadata",
        "c2pa.enhanced",
        "c2pa.filtered",
        "c2pa.opened",
        "c2pa.orientation",
        "c2pa.placed",
        "c2pa.published",
        "c2pa.redacted",
        "c2pa.removed",
        "c2pa.repackaged",
        "c2pa.resized",
        "c2pa.transcoded",
        "c2pa.translated",
        "c2pa.trimmed",
        "c2pa.unknown",
        "c2pa.watermarked",
    ]
)
DEPRECATED_ASSERTIONS = frozenset(
    [
        "c2pa.claim",
        "c2pa.hash.bmff.v2",
        "c2pa.asset-type",
        "c2pa.ingredient",
        "c2pa.ingredient.v2",
        "c2pa.actions",
    ]
)
DEPRECATED_ACTIONS = frozenset(
    [
        "c2pa.copied",
        "c2pa.formatted",
        "c2pa.version_updated",
        "c2pa.printed",
        "c2pa.managed",
        "c2pa.produced",
        "c2pa.saved",
        "c2pa.color_adjustments",
    ]
)
STANDARD_PARAMETERS = frozenset(
    [
        "redacted",
        "ingredients",
        "ingredient",
        "description",
        "sourceLanguage",
        "targetLanguage",
        "multipleInstances",
        "ranges",
        "weight",
        "width",
        "italic",
        "slant",
        "optical-size",
    ]
)

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
# Inception signals: the digital source type of the created/opened action that names them.
INCEPTION_BY_SOURCE_TYPE = {
    "http://c2pa.org/digitalsourcetype/empty": "blankCanvas",
    IPTC + "digitalCapture": "capturedMedia",
    IPTC + "computationalCapture": "capturedMedia",
    IPTC + "compositeCapture": "capturedMediaStitched",
    IPTC + "composite": "compositionMayContainGenAI",
    IPTC + "trainedAlgorithmicMedia": "fullyGenAIMedia",
    IPTC + "digitalCreation": "nonGenAIDigitalCreation",
    IPTC + "compositeWithTrainedAlgorithmicMedia": "partlyGenAICreation",
    IPTC + "screenCapture": "screenCaptureMayContainGenAI",
}
GENAI_SOURCE_TYPES = (
    IPTC + "trainedAlgorithmicMedia",
    IPTC + "compositeWithTrainedAlgorithmicMedia",
    IPTC + "compositeSynthetic",
    "http://c2pa.org/digitalsourcetype/trainedAlgorithmicData",
)
POSSIBLY_GENAI_SOURCE_TYPES = (IPTC + "digitalArt", IPTC + "composite")
# Every signal of the signals rubric, in its order (the keys of their texts in
# artcharter/provenance/messages.py: ``signal.<id>``).
INCEPTION_SIGNALS = (
    "blankCanvas",
    "capturedMedia",
    "capturedMediaStitched",
    "compositionMayContainGenAI",
    "fullyGenAIMedia",
    "mediaUnknownProvenance",
    "nonGenAIDigitalCreation",
    "partlyGenAICreation",
    "screenCaptureMayContainGenAI",
)
TRANSFORMATION_SIGNALS = (
    "ambiguousActions",
    "nonEditorial",
    "perceptibleGenAI",
    "perceptibleNonGenAI",
    "perceptiblePossiblyGenAI",
)


# --- crJSON accessors (composables/globals-manifest.yml) -------------------------------


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def active_manifest(crjson: dict[str, Any]) -> dict[str, Any]:
    """``manifests[0]``: crJSON lists the active manifest first."""
    manifests = _list(_dict(crjson).get("manifests"))
    return _dict(manifests[0]) if manifests else {}


def _assertions(manifest: dict[str, Any]) -> dict[str, Any]:
    return _dict(manifest.get("assertions"))


def _claim(manifest: dict[str, Any]) -> dict[str, Any]:
    return _dict(manifest.get("claim.v2"))


def _base_label(key: str) -> str:
    """``c2pa.ingredient.v3__1`` -> ``c2pa.ingredient.v3`` (crJSON numbers repeated labels)."""
    return key.split("__")[0]


def _actions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action of every actions assertion, in order (``_manifest_actionsV2``)."""
    found = []
    for value in _assertions(manifest).values():
        if isinstance(value, dict) and value.get("actions") is not None:
            found += [a for a in _list(value.get("actions")) if isinstance(a, dict)]
    return found


def _ingredients(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        v for v in _assertions(manifest).values() if isinstance(v, dict) and "relationship" in v
    ]


def _validation(manifest: dict[str, Any]) -> dict[str, Any]:
    found = manifest.get("validationResults")
    if isinstance(found, dict):
        return found
    return {"failure": [{"code": "MISSING_VALIDATION_RESULTS"}]}


def _failure_codes(manifest: dict[str, Any]) -> list[str]:
    return [str(_dict(f).get("code")) for f in _list(_validation(manifest).get("failure"))]


def _created_urls(manifest: dict[str, Any]) -> list[str]:
    return [str(_dict(a).get("url", "")) for a in _list(_claim(manifest).get("created_assertions"))]


# --- The conformance 0.2 / spec 2.2 traits ---------------------------------------------
# Each returns what the rubric's expression matched: an empty list when the trait passes.


def mandatory_dst_for_perceptible_transformations(m: dict[str, Any]) -> list[str]:
    return [
        str(a["action"])
        for a in _actions(m)
        if str(a.get("action", "")).startswith("c2pa.")
        and a.get("action") not in INCEPTION_ACTIONS + NON_EDITORIAL_ACTIONS
        and a.get("action") not in DST_EXEMPT_PERCEPTIBLE_ACTIONS
        and a.get("digitalSourceType") is None
    ]


def mandatory_spec_version(m: dict[str, Any]) -> list[str]:
    """Enforced for spec 2.4 and later only; for 2.2 a present specVersion must say 2.2."""
    info = _claim(m).get("claim_generator_info")
    first = _dict(info[0] if isinstance(info, list) and info else info)
    version = first.get("specVersion")
    if version is None:
        return []
    if not isinstance(version, str) or version.split(".")[:2] != SPEC_VERSION.split("."):
        return [str(version)]
    return []


def mandatory_all_actions_included(m: dict[str, Any]) -> list[str]:
    return [
        key
        for key, value in _assertions(m).items()
        if isinstance(value, dict)
        and value.get("actions") is not None
        and value.get("allActionsIncluded") is None
    ]


def no_dst_for_opened_action(m: dict[str, Any]) -> list[str]:
    return []  # enforced for spec 2.4 and later only (Conformance Program 0.2)


def well_formed_data_present(m: dict[str, Any]) -> list[str]:
    return [] if m.get("validationResults") is not None else ["validationResults"]


def well_formed_success(m: dict[str, Any]) -> list[str]:
    return [c for c in _failure_codes(m) if c in WELL_FORMED_ERROR_CODES]


valid_data_present = well_formed_data_present


def valid_success(m: dict[str, Any]) -> list[str]:
    return [c for c in _failure_codes(m) if c in VALID_ERROR_CODES]


def inception_action_position(m: dict[str, Any]) -> list[str]:
    """C2PA 2.2 §18.14.2: the first actions assertion listed in created_assertions is
    ``c2pa.actions.v2``, and when there is a c2pa.created action, the first action is an
    inception (created or opened)."""
    first = next((u for u in _created_urls(m) if "c2pa.actions" in u), "")
    actions = _actions(m)
    if not first.endswith("c2pa.actions.v2"):
        return ["no created c2pa.actions.v2"]
    if any(a.get("action") == "c2pa.created" for a in actions) and (
        actions[0].get("action") not in INCEPTION_ACTIONS
    ):
        return [str(actions[0].get("action"))]
    return []


def no_deprecated_assertions(m: dict[str, Any]) -> list[str]:
    return [k for k in _assertions(m) if k.startswith("stds.") or k in DEPRECATED_ASSERTIONS]


def no_unsupported_assertions(m: dict[str, Any]) -> list[str]:
    return [
        k
        for k in _assertions(m)
        if k.startswith("c2pa.")
        and _base_label(k) not in ALLOWED_ASSERTIONS
        and _base_label(k) not in DEPRECATED_ASSERTIONS
    ]


def no_deprecated_actions(m: dict[str, Any]) -> list[str]:
    return [str(a["action"]) for a in _actions(m) if str(a.get("action")) in DEPRECATED_ACTIONS]


def no_unsupported_actions(m: dict[str, Any]) -> list[str]:
    return [
        str(a["action"])
        for a in _actions(m)
        if str(a.get("action", "")).startswith("c2pa.") and str(a["action"]) not in ALLOWED_ACTIONS
    ]


def no_unrecognized_custom_assertions(m: dict[str, Any]) -> list[str]:
    return [k for k in _assertions(m) if not k.startswith("c2pa.") and "." not in k]


def no_unrecognized_custom_actions(m: dict[str, Any]) -> list[str]:
    return [
        str(a.get("action"))
        for a in _actions(m)
        if not str(a.get("action", "")).startswith("c2pa.") and "." not in str(a.get("action"))
    ]


def no_unrecognized_custom_action_parameters(m: dict[str, Any]) -> list[str]:
    return [
        key
        for a in _actions(m)
        for key in _dict(a.get("parameters"))
        if key not in STANDARD_PARAMETERS and "." not in key
    ]


def discouraged_legacy_action_parameters(m: dict[str, Any]) -> list[str]:
    """A warning in the rubric, never a failure."""
    return [
        str(a.get("action") or "unknown")
        for a in _actions(m)
        if isinstance(a.get("parameters"), dict)
        and (
            a["parameters"].get("description") is not None
            or a["parameters"].get("ingredient") is not None
        )
    ]


def active_manifest_urn(m: dict[str, Any]) -> list[str]:
    label = str(m.get("label") or "")
    return [] if label.startswith("urn:c2pa:") else [label]


def review_ratings_datasource(m: dict[str, Any]) -> list[str]:
    return [
        k
        for k, v in _assertions(m).items()
        if isinstance(v, dict)
        and v.get("reviewRatings") is not None
        and _dict(v.get("dataSource")).get("type") in HUMAN_ENTRY_SOURCE_TYPES
    ]


def ingredient_v3_no_active_manifest(m: dict[str, Any]) -> list[str]:
    return [
        str(i.get("dc:title"))
        for i in _ingredients(m)
        if i.get("activeManifest") is None and i.get("validationResults") is not None
    ]


def ingredient_v3_mandatory_validation_results(m: dict[str, Any]) -> list[str]:
    return [
        str(i.get("dc:title"))
        for i in _ingredients(m)
        if i.get("activeManifest") is not None and i.get("validationResults") is None
    ]


def ingredient_relationship_values(m: dict[str, Any]) -> list[str]:
    return [
        str(i.get("relationship"))
        for i in _ingredients(m)
        if i.get("relationship") not in VALID_RELATIONSHIPS
    ]


def mandatory_dst_for_created_action(m: dict[str, Any]) -> list[str]:
    return [
        "c2pa.created"
        for a in _actions(m)
        if a.get("action") == "c2pa.created" and a.get("digitalSourceType") is None
    ]


TRAITS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    f.__name__: f
    for f in (
        # Conformance Program 0.1 and 0.2 (composables/conformance-program-0.2.yml)
        mandatory_dst_for_perceptible_transformations,
        mandatory_spec_version,
        mandatory_all_actions_included,
        no_dst_for_opened_action,
        # integrity (composables/integrity-structural.yml)
        well_formed_data_present,
        well_formed_success,
        valid_data_present,
        valid_success,
        # spec 2.2 (composables/conformance-spec-2.2.yml)
        inception_action_position,
        no_deprecated_assertions,
        no_unsupported_assertions,
        no_deprecated_actions,
        no_unsupported_actions,
        no_unrecognized_custom_assertions,
        no_unrecognized_custom_actions,
        no_unrecognized_custom_action_parameters,
        discouraged_legacy_action_parameters,
        active_manifest_urn,
        review_ratings_datasource,
        ingredient_v3_no_active_manifest,
        ingredient_v3_mandatory_validation_results,
        ingredient_relationship_values,
        mandatory_dst_for_created_action,
    )
}
TRAITS["valid_data_present"] = valid_data_present
WARN_ONLY = ("discouraged_legacy_action_parameters",)


@dataclass(frozen=True)
class TraitResult:
    trait: str  # the rubric's id without its ``validation:`` category
    value: str  # "true" (passes), "false" (fails) or "warn", as the evaluator prints them
    matches: list[str] = field(default_factory=list)


def conformance_traits(crjson: dict[str, Any]) -> list[TraitResult]:
    """Every trait of the conformance 0.2 / spec 2.2 rubric on the active manifest."""
    manifest = active_manifest(crjson)
    results = []
    for name, check in TRAITS.items():
        matched = check(manifest)
        value = "true" if not matched else ("warn" if name in WARN_ONLY else "false")
        results.append(TraitResult(name, value, matched))
    return results


def failed_traits(crjson: dict[str, Any]) -> list[str]:
    return [r.trait for r in conformance_traits(crjson) if r.value == "false"]


# --- The signals rubric ------------------------------------------------------------------


def _vouched_actions(manifest: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
    """The c2pa.actions.v2 assertion and its actions, only when the claim lists it among
    its created assertions (attributed to the signer); (None, []) otherwise."""
    if not any(u.endswith("c2pa.actions.v2") for u in _created_urls(manifest)):
        return None, []
    assertion = _dict(_assertions(manifest).get("c2pa.actions.v2"))
    return (assertion or None), [a for a in _list(assertion.get("actions")) if isinstance(a, dict)]


def local_signals(manifest: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The inception and transformation signals of one manifest, as the signals rubric
    finds them (``inception:signal_*``, ``transformation:signal_*``), read only from what
    its signer vouches for."""
    assertion, actions = _vouched_actions(manifest)
    inceptions: list[str] = []
    for action in actions:
        if action.get("action") in INCEPTION_ACTIONS:
            found = INCEPTION_BY_SOURCE_TYPE.get(str(action.get("digitalSourceType")))
            if found and found not in inceptions:
                inceptions.append(found)
    created = set(_created_urls(manifest))
    first_ingredient = _dict(_assertions(manifest).get("c2pa.ingredient.v3"))
    if (
        first_ingredient
        and first_ingredient.get("activeManifest") is None
        and any(u.endswith("/c2pa.ingredient.v3") for u in created)
    ):
        inceptions.append("mediaUnknownProvenance")
    transformations: list[str] = []
    edits = [
        a
        for a in actions
        if a.get("action") is not None
        and a.get("action") not in INCEPTION_ACTIONS + NON_EDITORIAL_ACTIONS
    ]
    if (
        not actions
        or _dict(assertion).get("allActionsIncluded") is not True
        or any(not str(a.get("action", "c2pa.")).startswith("c2pa.") for a in actions)
        or any(a.get("action") == "c2pa.unknown" for a in actions)
        or any(
            "c2pa.actions" in str(_dict(g).get("url"))
            for g in _list(_claim(manifest).get("gathered_assertions"))
        )
    ):
        transformations.append("ambiguousActions")
    if any(a.get("action") in NON_EDITORIAL_ACTIONS for a in actions):
        transformations.append("nonEditorial")
    if any(a.get("digitalSourceType") in GENAI_SOURCE_TYPES for a in edits):
        transformations.append("perceptibleGenAI")
    if any(
        a.get("digitalSourceType") is not None
        and a.get("digitalSourceType") not in GENAI_SOURCE_TYPES
        for a in edits
    ):
        transformations.append("perceptibleNonGenAI")
    if any(a.get("digitalSourceType") in POSSIBLY_GENAI_SOURCE_TYPES for a in edits):
        transformations.append("perceptiblePossiblyGenAI")
    order = {s: n for n, s in enumerate(INCEPTION_SIGNALS + TRANSFORMATION_SIGNALS)}
    return sorted(inceptions, key=order.__getitem__), transformations


@dataclass(frozen=True)
class Signal:
    """How the signals rubric classifies a file: ``inception`` is the class (the signal of
    the created or opened action's source type), ``others`` the rest of its signals;
    ``from_parent``: read from the earlier version this file was re-signed from."""

    inception: str | None
    others: list[str]
    from_parent: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "rubric": f"{SIGNALS_RUBRIC} {RUBRIC_VERSION}",
            "inception": self.inception,
            "others": list(self.others),
            "from_parent": self.from_parent,
        }


def _parent_manifest(crjson: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any] | None:
    """The manifest of the vouched-for parentOf ingredient, when its own validation found
    no failure other than an untrusted signer (trust is the verdict's business)."""
    created = _created_urls(manifest)
    for key, value in _assertions(manifest).items():
        if not isinstance(value, dict) or value.get("relationship") != "parentOf":
            continue
        if not any(u.endswith("=c2pa.assertions/" + key) or u.endswith("/" + key) for u in created):
            continue
        url = str(_dict(value.get("activeManifest")).get("url") or "")
        urn = url[url.find("urn:c2pa:") :].split("/")[0] if "urn:c2pa:" in url else ""
        for other in _list(_dict(crjson).get("manifests")):
            if _dict(other).get("label") == urn:
                failures = [c for c in _failure_codes(other) if c != "signingCredential.untrusted"]
                return None if failures else other
    return None


def signal(crjson: dict[str, Any]) -> Signal | None:
    """The signal a C2PA validator shows for the file: the active manifest's, or, when it
    only opened an earlier version (a re-signed file), that version's inception. The
    caller passes only the crJSON of a file whose signature holds."""
    manifest = active_manifest(crjson)
    if not manifest:
        return None
    inceptions, transformations = local_signals(manifest)
    primary = [s for s in inceptions if s != "mediaUnknownProvenance"]
    others = [s for s in inceptions if s not in primary[:1]] + transformations
    if primary:
        return Signal(primary[0], others)
    parent = _parent_manifest(crjson, manifest)
    if parent is not None:
        parent_inceptions, _ = local_signals(parent)
        primary = [s for s in parent_inceptions if s != "mediaUnknownProvenance"]
        if primary:
            return Signal(primary[0], others, from_parent=True)
    if inceptions or transformations:
        return Signal(None, others)
    return None
