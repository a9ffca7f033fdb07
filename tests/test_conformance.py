"""Every file artcharter signs conforms to the C2PA Conformance Program's asset rubric, and
is classified by the signals rubric as the artist declared it.

The Program's evaluator (c2pa-org/conformance-public, asset-rubrics 1.0, with the
json-formula engine of adobe/json-formula-py) is not installable from PyPI, so CI checks the
same traits with artcharter.provenance.conformance. ``tests/data/conformance`` holds crJSON
read from artcharter's outputs (and crafted from them so that traits fail) next to what the
real evaluator printed for each: the project's code must agree with it, trait by trait.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artcharter.cli import run
from artcharter.provenance import conformance
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.label import label, sign_declaration, sign_record
from artcharter.provenance.signing import SigningIdentity
from artcharter.provenance.verify import read_anchors, verify_file
from tests.charter_helpers import generated_record
from tests.conftest import make_image
from tests.media_samples import make_pdf, make_video, make_wav
from tests.serve_files import tampered

DATA = Path(__file__).parent / "data" / "conformance"
FORMATS = (".png", ".jpg", ".webp")
# What the artist declares -> the signals rubric's class (docs/conformance.md).
DECLARED = {
    "trainedAlgorithmicMedia": "fullyGenAIMedia",
    "compositeWithTrainedAlgorithmicMedia": "partlyGenAICreation",
    "digitalCapture": "capturedMedia",
    "humanEdits": "nonGenAIDigitalCreation",
    "minorHumanEdits": "nonGenAIDigitalCreation",
    "composite": "compositionMayContainGenAI",
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(list(args))
    return code, capsys.readouterr().out


def crjson(path: Path) -> dict:
    import c2pa

    with c2pa.Reader(str(path)) as reader:
        return json.loads(reader.crjson())


# --- The project's code agrees with the real evaluator ---------------------------------


def saved_cases() -> list[str]:
    return sorted(p.name.removesuffix(".crjson.json") for p in DATA.glob("*.crjson.json"))


@pytest.mark.parametrize("case", saved_cases())
def test_the_traits_agree_with_the_programs_evaluator(case: str) -> None:
    data = json.loads((DATA / f"{case}.crjson.json").read_text())
    real = json.loads((DATA / f"{case}.asset-rubric-conformance0.2-spec2.2.json").read_text())
    assert real["rubricVersion"] == conformance.RUBRIC_VERSION
    expected = {
        item["trait"]: outcome
        for outcome in ("true", "false", "warning")
        for item in real[outcome]["validation"]
    }
    ours = {
        r.trait: {"warn": "warning"}.get(r.value, r.value)
        for r in conformance.conformance_traits(data)
    }
    assert ours == expected
    assert len(ours) == 23


@pytest.mark.parametrize("case", saved_cases())
def test_the_signals_agree_with_the_programs_evaluator(case: str) -> None:
    data = json.loads((DATA / f"{case}.crjson.json").read_text())
    real = json.loads((DATA / f"{case}.signals.json").read_text())
    expected = [
        sorted(
            item["trait"].split("signal_")[1]
            for kind in ("localInceptions", "localTransformations")
            for item in manifest[kind]
        )
        for manifest in real["manifests"]
    ]
    ours = [
        sorted([s for part in conformance.local_signals(m) for s in part])
        for m in data["manifests"]
    ]
    if case == "crafted-actions-gathered":
        # The one deliberate difference: the rubric reads actions the signer does not vouch
        # for (a gathered actions assertion); artcharter shows no class from them.
        assert expected == [["ambiguousActions", "fullyGenAIMedia"]]
        assert ours == [["ambiguousActions"]]
        assert conformance.signal(data) == conformance.Signal(None, ["ambiguousActions"])
    else:
        assert ours == expected


def test_the_saved_cases_cover_failing_traits() -> None:
    """Crafted crJSON makes each of these traits fail, in the real evaluator and here."""
    failed = set()
    for case in saved_cases():
        failed |= set(
            conformance.failed_traits(json.loads((DATA / f"{case}.crjson.json").read_text()))
        )
    assert failed >= {
        "inception_action_position",
        "mandatory_all_actions_included",
        "no_deprecated_assertions",
        "mandatory_dst_for_created_action",
        "mandatory_dst_for_perceptible_transformations",
        "no_unrecognized_custom_actions",
        "no_unrecognized_custom_action_parameters",
        "no_unrecognized_custom_assertions",
        "no_unsupported_assertions",
        "ingredient_relationship_values",
        "ingredient_v3_no_active_manifest",
        "valid_success",
        "well_formed_success",
        "active_manifest_urn",
        "mandatory_spec_version",
    }


def test_a_crafted_manifest_fails_the_traits_artcharter_once_failed(tmp_path: Path) -> None:
    """The three traits that failed before this fix: each made to fail again by hand."""
    data = json.loads((DATA / "after-composite-jpg.crjson.json").read_text())
    assert conformance.failed_traits(data) == []
    manifest = data["manifests"][0]
    actions = manifest["assertions"]["c2pa.actions.v2"]
    del actions["allActionsIncluded"]
    manifest["assertions"]["stds.schema-org.CreativeWork"] = {"author": [{"name": "Alice"}]}
    actions["actions"].reverse()  # c2pa.placed first, c2pa.created second
    assert set(conformance.failed_traits(data)) == {
        "mandatory_all_actions_included",
        "no_deprecated_assertions",
        "inception_action_position",
    }
    assert "ambiguousActions" in conformance.local_signals(manifest)[1]


# crJSON's shape with any JSON where its values go: a signer writes what it likes into its
# assertions, and c2pa-rs renders it as it is.
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_words = st.sampled_from(
    ["action", "digitalSourceType", "parameters", "relationship", "activeManifest", "url",
     "allActionsIncluded", "actions", "validationResults", "reviewRatings", "dataSource",
     "c2pa.created", "c2pa.opened", "ingredients", "description"]
)  # fmt: skip
_object = st.dictionaries(_words, _json, max_size=4)
_action = st.dictionaries(_words, _json | st.sampled_from(["c2pa.created", "c2pa.placed"]))
_assertion = _object | st.fixed_dictionaries(
    {"actions": st.lists(_action | _json, max_size=3)}, optional={"allActionsIncluded": _json}
)
_manifest = st.fixed_dictionaries(
    {},
    optional={
        "label": _json,
        "assertions": st.dictionaries(
            st.sampled_from(["c2pa.actions.v2", "c2pa.ingredient.v3", "stds.x", "nodot", "a.b"]),
            _assertion | _json,
        ),
        "claim.v2": st.dictionaries(
            st.sampled_from(["created_assertions", "gathered_assertions", "claim_generator_info"]),
            st.lists(st.fixed_dictionaries({"url": _json}) | _json, max_size=3) | _json,
        ),
        "validationResults": st.dictionaries(st.just("failure"), st.lists(_object | _json)) | _json,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"manifests": st.lists(_manifest | _json, max_size=3)}) | _json)
def test_no_crjson_shape_makes_the_checks_fail_to_answer(data: object) -> None:
    """Whatever a file's signer wrote, the traits and the signal are computed, never raised."""
    assert isinstance(conformance.conformance_traits(data), list)  # type: ignore[arg-type]
    conformance.signal(data)  # type: ignore[arg-type]


# --- artcharter's own outputs ------------------------------------------------------------


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, alice: SigningIdentity) -> dict:
    """One file of every kind artcharter signs, with the class each must read as."""
    folder = tmp_path_factory.mktemp("conformance")
    sketch = make_image(folder / "sketch.png", color=(20, 200, 90))
    found: dict[str, tuple[Path, str]] = {}
    for suffix in FORMATS:
        source = make_image(folder / f"source{suffix}", size=(128, 96))
        for source_type, signal in DECLARED.items():
            name = f"{source_type}{suffix}"
            inputs = [(sketch, "sketch")] if source_type.startswith("composite") else []
            found[name] = (
                label(
                    source, folder / name, identity=alice, source_type=source_type,
                    tool="Firefly" if signal != "capturedMedia" else None, ingredients=inputs,
                ).path,
                signal,
            )  # fmt: skip
        generated = folder / f"generated{suffix}"
        record = generated_record(artwork_id=str(uuid.uuid4()), title="Forêt")
        sign_record(source.read_bytes(), record, generated, alice, [], ledger=None, status="kept")
        found[f"generated{suffix}"] = (generated, "fullyGenAIMedia")
    png = found["trainedAlgorithmicMedia.png"][0]
    found["resigned.png"] = (
        label(
            png, folder / "resigned.png", identity=alice, source_type="trainedAlgorithmicMedia"
        ).path,
        "fullyGenAIMedia",
    )
    found["declared.png"] = (
        sign_declaration(
            png, folder / "declared.png", identity=alice,
            declaration=Declaration(statement="Fait avec un modèle."),
        ).path,
        "fullyGenAIMedia",
    )  # fmt: skip
    found["ingredients.png"] = (
        label(
            folder / "source.png", folder / "ingredients.png", identity=alice,
            source_type="compositeWithTrainedAlgorithmicMedia", tool="Firefly",
            ingredients=[(sketch, "sketch"), (folder / "source.jpg", "photo")],
        ).path,
        "partlyGenAICreation",
    )  # fmt: skip
    big = make_image(folder / "big.png", size=(320, 288))
    found["watermarked.png"] = (
        label(
            big, folder / "watermarked.png", identity=alice,
            source_type="trainedAlgorithmicMedia", tool="Firefly", watermark=True,
        ).path,
        "fullyGenAIMedia",
    )  # fmt: skip
    for name, make, kind in (
        ("work.mp4", make_video, "video"),
        ("work.wav", make_wav, "music"),
        ("work.pdf", make_pdf, "text"),
    ):
        work = make(folder / f"source-{name}")
        found[name] = (
            label(
                work, folder / name, identity=alice, source_type="trainedAlgorithmicMedia",
                tool="a model", model_kind=kind,
            ).path,
            "fullyGenAIMedia",
        )  # fmt: skip
    return found


def kinds() -> list[str]:
    names = [f"{t}{s}" for s in FORMATS for t in DECLARED] + [f"generated{s}" for s in FORMATS]
    more = ["resigned.png", "declared.png", "ingredients.png", "watermarked.png"]
    return [*names, *more, "work.mp4", "work.wav", "work.pdf"]


@pytest.mark.parametrize("kind", kinds())
def test_every_output_passes_every_trait_and_reads_as_declared(
    outputs: dict, school_root: Path, kind: str
) -> None:
    path, expected = outputs[kind]
    data = crjson(path)
    results = conformance.conformance_traits(data)
    assert [r.trait for r in results if r.value != "true"] == [], results
    found = conformance.signal(data)
    assert found is not None and found.inception == expected
    assert "ambiguousActions" not in found.others
    if kind.startswith(("resigned", "declared")):
        assert found.from_parent and found.others == ["nonEditorial"]
    result = verify_file(path, read_anchors([school_root]))
    assert result.verdict == "trusted"
    assert result.c2pa_signal == found.to_dict()


def test_human_edits_are_a_digital_creation_then_edits(outputs: dict) -> None:
    manifest = crjson(outputs["humanEdits.png"][0])["manifests"][0]
    actions = manifest["assertions"]["c2pa.actions.v2"]["actions"]
    iptc = "http://cv.iptc.org/newscodes/digitalsourcetype/"
    assert [(a["action"], a["digitalSourceType"]) for a in actions] == [
        ("c2pa.created", iptc + "digitalCreation"),
        ("c2pa.edited", iptc + "humanEdits"),
    ]


def test_the_watermark_is_an_action(outputs: dict) -> None:
    manifest = crjson(outputs["watermarked.png"][0])["manifests"][0]
    actions = [a["action"] for a in manifest["assertions"]["c2pa.actions.v2"]["actions"]]
    assert actions == ["c2pa.created", "c2pa.watermarked"]


# --- What a person sees -------------------------------------------------------------------


def test_verify_shows_the_standard_signal_in_both_languages(
    outputs: dict, school_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(outputs["compositeWithTrainedAlgorithmicMedia.png"][0])
    code, en = cli(capsys, "--lang", "en", "verify", path, "--trust", str(school_root))
    assert code == 0, en
    assert "  AI use: a composite of AI-generated and other elements" in en
    assert "  C2PA signal (Conformance Program rubric 1.0): Contains Partly GenAI Creation" in en
    assert "  other C2PA signals: Contains Media of Unknown Provenance" in en
    _, fr = cli(capsys, "--lang", "fr", "verify", path, "--trust", str(school_root))
    assert (
        "Signal C2PA (grille du Conformance Program 1.0)\u00a0: Contient une création en partie "
        "générée par IA" in fr
    )
    data = json.loads(cli(capsys, "verify", path, "--json", "--trust", str(school_root))[1])
    (item,) = data if isinstance(data, list) else [data]
    assert item["c2pa_signal"]["inception"] == "partlyGenAICreation"
    assert item["c2pa_signal_text"][0] == {
        "en": "C2PA signal (Conformance Program rubric 1.0): Contains Partly GenAI Creation"
    }


def test_a_re_signed_file_says_where_its_signal_comes_from(
    outputs: dict, school_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(outputs["resigned.png"][0])
    _, out = cli(capsys, "--lang", "en", "verify", path, "--trust", str(school_root))
    assert "Contains Fully GenAI Media, read from the earlier version this file re-signs" in out


def test_no_signal_for_a_file_whose_signature_does_not_hold(
    outputs: dict, school_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tampered(outputs["trainedAlgorithmicMedia.png"][0], tmp_path / "tampered.png")
    result = verify_file(bad, read_anchors([school_root]))
    assert result.verdict == "tampered" and result.c2pa_signal is None
    code, out = cli(capsys, "--lang", "en", "verify", str(bad), "--trust", str(school_root))
    assert code == 1 and "Tampered" in out
    assert "C2PA signal" not in out and "Fully GenAI" not in out
    assert result.to_dict("en")["c2pa_signal_text"] == []


def test_the_report_and_the_desk_show_the_signal(
    outputs: dict, school_root: Path, tmp_path: Path
) -> None:
    from artcharter.reports.report import make_report

    path = outputs["digitalCapture.png"][0]
    files = make_report(path, tmp_path / "report", anchors=read_anchors([school_root]), lang="fr")
    page = files.html.read_text()
    assert re.search(r'class="c2pa-signal">Signal C2PA [^<]*Contient un média capturé<', page)

    from artcharter.serve.summary import summarize

    row = summarize(verify_file(path, read_anchors([school_root])), None, None)
    assert row["c2pa_signal"]["en"] == [
        "C2PA signal (Conformance Program rubric 1.0): Contains Captured Media"
    ]
    bad = tampered(path, tmp_path / "bad.png")
    assert (
        summarize(verify_file(bad, read_anchors([school_root])), None, None)["c2pa_signal"]["en"]
        == []
    )


def test_the_desk_api_and_details_page_show_the_signal(
    outputs: dict, school_root: Path, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from artcharter.serve import DeskConfig, create_app
    from artcharter.serve.config import loopback_hosts
    from artcharter.serve.integrations import Reports

    good = outputs["humanEdits.png"][0]
    bad = tampered(good, tmp_path / "retouched.png")
    config = DeskConfig(
        anchors=read_anchors([school_root]),
        anchor_names=("ESAD Exemple",),
        lang="fr",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
    )
    with TestClient(create_app(config), base_url="http://127.0.0.1:8000") as client:
        parts = [("file", (p.name, p.read_bytes(), "image/png")) for p in (good, bad)]
        results = client.post("/api/verify", files=parts).json()["results"]
        assert [r["verdict"] for r in results] == ["trusted", "tampered"]
        assert results[0]["c2pa_signal"]["fr"] == [
            "Signal C2PA (grille du Conformance Program 1.0)\u00a0: Contient une création "
            "numérique sans IA générative",
            "autres signaux C2PA\u00a0: Contient des transformations perceptibles sans IA "
            "générative",
        ]
        assert results[0]["verification"]["c2pa_signal"]["inception"] == ("nonGenAIDigitalCreation")
        assert results[1]["c2pa_signal"]["fr"] == []
        assert results[1]["verification"]["c2pa_signal"] is None
        client.app.state.desk.reports = Reports(False)  # the desk's own details page
        page = client.get(results[0]["report_url"]).text
        assert "Contient une création numérique sans IA générative</p>" in page
        assert "Signal C2PA" not in client.get(results[1]["report_url"]).text


def test_the_signal_is_read_from_the_signed_bytes_not_from_c2pa_s_reading_of_them(
    tmp_path: Path, alice: SigningIdentity, school_dir: Path
) -> None:
    """A source type signed by hand in a short form ("trainedAlgorithmicMedia", not the IPTC
    URL): c2pa's manifest store JSON shows it as the IPTC URL, its crJSON as signed. The
    Program's rubric reads crJSON and finds no class; so does verify (the store JSON would
    have given "fullyGenAIMedia", a class the signed bytes do not state)."""
    import io

    import c2pa
    import cbor2
    from cryptography.hazmat.primitives import serialization

    from artcharter.provenance import keys
    from tests import forgery

    full = conformance.IPTC + "trainedAlgorithmicMedia"
    actions = {"label": "c2pa.actions.v2", "created": True, "data": {
        "actions": [{"action": "c2pa.created", "digitalSourceType": full, "description": "x" * 60}],
        "allActionsIncluded": True,
    }}  # fmt: skip
    definition = {"claim_generator_info": [{"name": "t", "version": "0"}], "assertions": [actions]}
    source = make_image(tmp_path / "src.png").read_bytes()
    info = c2pa.C2paSignerInfo(alice.alg.encode(), alice.chain_pem, alice.key_pem, None)
    out = io.BytesIO()
    with c2pa.Signer.from_info(info) as signer, c2pa.Builder(definition) as builder:
        builder.sign(signer, "image/png", io.BytesIO(source), out)
    data = out.getvalue()
    action = {"action": "c2pa.created", "digitalSourceType": "trainedAlgorithmicMedia"}
    box = forgery.find_box(forgery.read_store(data), "c2pa.actions.v2")
    size = box.content[0][2] - box.content[0][1]
    # The same action with the short name, padded to the signed assertion's length.
    short = next(
        content
        for content in (
            cbor2.dumps(
                {"actions": [{**action, "description": "x" * pad}], "allActionsIncluded": True}
            )
            for pad in range(200)
        )
        if len(content) == size
    )
    artist = keys.artist_identity(school_dir, "alice-martin")
    cert = keys.read_certs(artist.chain_path)[0].public_bytes(serialization.Encoding.DER)
    forged = forgery.resign_claim(
        forgery.replace_assertion(data, "c2pa.actions.v2", short),
        [cert],
        keys.read_private_key(artist.key_path),
    )
    path = tmp_path / "short.png"
    path.write_bytes(forged)
    with c2pa.Reader(str(path)) as reader:
        store_actions = reader.get_active_manifest()["assertions"][0]["data"]["actions"]
    assert store_actions[0]["digitalSourceType"] == full  # c2pa's reading
    assert conformance.signal(crjson(path)) is None  # the rubric, on what was signed
    result = verify_file(path, read_anchors([school_dir / keys.ROOT_CERT]))
    assert result.verdict == "trusted" and result.c2pa_signal is None
    assert result.to_dict("en")["c2pa_signal_text"] == []
