"""`artcharter check` end to end: signed files, their declarations, the ledger's sessions,
campaigns and private prompts, and the exit codes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from charter_helpers import (
    FULL_DECLARATION_TOML,
    SKETCH_SHA,
    generated_declaration,
    generated_record,
)

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.charter.check import ArtworkCheck, check_file, check_paths
from artcharter.charter.declaration import load_declaration
from artcharter.charter.model import load_charter, with_params
from artcharter.cli import run
from artcharter.provenance import keys
from artcharter.provenance.energy_summary import PHASE_ABORTED, PHASE_LOAD
from artcharter.provenance.image_files import image_paths
from artcharter.provenance.label import label, sign_record
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import EnergyRecord, prompt_hash
from artcharter.provenance.signing import SigningIdentity
from artcharter.provenance.verify import read_anchors, verify_file

from conftest import make_atelier, make_image


@pytest.fixture
def root(tmp_path: Path, school_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A class project using the session's school, as the current folder."""
    folder = make_atelier(tmp_path / "project", school_dir)
    sketch = make_image(folder / "sketch.png", color=(10, 10, 10))
    # The declaration names the sketch by its real hash.
    (folder / "nuit.declaration.toml").write_text(
        FULL_DECLARATION_TOML.replace(SKETCH_SHA, sha256_hex(sketch.read_bytes())),
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    return folder


def label_args(source: Path, output: str, *extra: str) -> list[str]:
    return [
        "label", str(source), "-o", output,
        "--source-type", "trainedAlgorithmicMedia", "--tool", "Midjourney 6.1",
        "--prompt", "a poor family in a street at night, charcoal style", *extra,
    ]  # fmt: skip


def declared_label(root: Path, name: str = "nuit.png") -> Path:
    """A labelled image with the complete declaration: it meets the default charter."""
    image = make_image(root / f"src-{name.replace('/', '-')}")
    args = label_args(image, name, "--ingredient", "sketch.png:sketch")
    assert run([*args, "--declaration", "nuit.declaration.toml"]) == 0
    return root / name


def anchors(root: Path) -> tuple[str, ...]:
    return read_anchors([root / "keys" / keys.ROOT_CERT])


def statuses(result: ArtworkCheck) -> dict[str, str]:
    return {v.rule_id: v.status for v in result.verdicts}


def sign_generation(
    root: Path,
    identity: SigningIdentity,
    ledger: Ledger,
    name: str,
    *,
    status: str = "signed",
    kwh: float = 0.002,
    **changes: object,
) -> Path:
    """An artcharter generation signed through the same path `generate` uses."""
    import uuid

    record = generated_record(
        artwork_id=str(uuid.uuid4()),
        energy=EnergyRecord("measured", kwh_total=kwh, method="codecarbon"),
        **changes,
    )
    source = make_image(root / f"raw-{name}", color=(len(name) * 20 % 255, 80, 120))
    sign_record(
        source.read_bytes(), record, root / name, identity, [],
        ledger=ledger, status=status, session_id="session-1",
    )  # fmt: skip
    return root / name


def add_campaign(ledger: Ledger, created_at: str) -> None:
    """A complete campaign row as artcharter.provenance.campaign writes it, and a later running one."""
    from artcharter.provenance.campaign.store import STATUS_COMPLETE, STATUS_RUNNING, TABLES

    columns, pk = TABLES["probe_campaigns"]
    ledger.ensure_table("probe_campaigns", columns, pk)
    with ledger.transaction():
        for campaign_id, status, when in (
            ("camp-1", STATUS_COMPLETE, created_at),
            ("camp-2", STATUS_RUNNING, "2026-03-14T00:00:00+00:00"),
        ):
            ledger.db["probe_campaigns"].insert(
                {
                    "campaign_id": campaign_id,
                    "model_id": "stable-diffusion-v1-5",
                    "clip_model": "ViT-B-32",
                    "created_at": when,
                    "updated_at": when,
                    "status": status,
                }
            )


# --- labelled images ------------------------------------------------------------------------------


def test_declared_artwork_passes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = declared_label(root)
    capsys.readouterr()
    assert run(["check", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: passes the charter\n"  # one line
    assert run(["check", str(path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert f"{path}: passes the charter (artcharter-default 2026.1)" in out
    assert "(prompt-audited) [required]: pass" in out
    # The real prompt audit flagged "poor", answered by the reflection.
    assert "Flagged terms: poor" in out
    assert "(local-open-tool) [informational]: fail" in out
    assert run(["--lang", "fr", "check", str(path), "-v"]) == 0
    out = capsys.readouterr().out
    assert f"{path}\u00a0: respecte la charte (artcharter-default 2026.1)" in out
    assert "(local-open-tool) [pour information]\u00a0: non respectée" in out
    assert run(["--lang", "fr", "check", str(path), "--json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["passed"] is True
    assert data["charter"] == {"id": "artcharter-default", "version": "2026.1"}
    rules = {r["rule_id"]: r for r in data["rules"]}
    assert rules["energy-budget"]["reason"].startswith("69,6 Wh pour un budget de 100 Wh")
    assert rules["human-inputs-listed"]["evidence"]["ingredients"] == ["sketch.png"]
    assert data["verification"]["verdict"] == "trusted"


def test_artwork_without_declaration_needs_one(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = make_image(root / "src.png")
    assert run(label_args(image, "bare.png")) == 0
    capsys.readouterr()
    assert run(["check", "bare.png"]) == 1
    out = capsys.readouterr().out
    assert "bare.png: does not pass the charter" in out
    assert "Artist statement (needs a declaration)" in out and "artist-statement" not in out
    assert len(out.splitlines()) == 1
    result = check_file(root / "bare.png", anchors=anchors(root))
    assert not result.passed
    blocking = {v.rule_id for v in result.blocking}
    assert {"artist-statement", "non-ai-techniques", "source-type-consistent"} <= blocking
    assert result.counts["needs-declaration"] >= 5


def test_jury_without_the_school_root(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = declared_label(root)
    other = root.parent / "other"
    keys.init_school(other, "Autre École")
    capsys.readouterr()
    assert run(["check", str(path), "--trust", str(other / keys.ROOT_CERT), "--json"]) == 1
    [data] = json.loads(capsys.readouterr().out)
    rules = {r["rule_id"]: r for r in data["rules"]}
    assert rules["credential-valid"]["status"] == "pass"
    assert rules["signer-trusted"]["status"] == "fail"
    assert data["passed"] is False


def test_tampered_file_fails_its_credential(root: Path) -> None:
    path = declared_label(root)
    data = bytearray(path.read_bytes())
    # Change pixels inside the IDAT data without touching the manifest.
    index = data.rfind(b"IDAT") + 20
    data[index] ^= 0xFF
    path.write_bytes(bytes(data))
    result = check_file(path, anchors=anchors(root))
    assert statuses(result)["credential-valid"] == "fail"
    assert result.verification.verdict in ("tampered", "invalid", "unreadable")
    assert not result.passed


def test_unsigned_image_needs_everything(root: Path) -> None:
    result = check_file(make_image(root / "plain.png"), anchors=anchors(root))
    assert statuses(result)["credential-valid"] == "fail"
    assert statuses(result)["generation-recorded"] == "needs-declaration"
    assert result.record is None and not result.passed


# --- generated images: session, campaign, private prompt ----------------------------------------


def test_generated_artwork_reads_the_whole_session(root: Path, alice: SigningIdentity) -> None:
    with Ledger(root / "artcharter.db") as ledger:
        path = sign_generation(
            root, alice, ledger, "foret.png", declaration=generated_declaration()
        )
        sign_generation(root, alice, ledger, "discarded-1.png", status="discarded", kwh=0.003)
        sign_generation(root, alice, ledger, "discarded-2.png", status="discarded", kwh=0.004)
        add_campaign(ledger, "2026-03-01T00:00:00+00:00")
        # What artcharter.provenance.generate also writes: model loading, and an interrupted run.
        ledger.add_energy_run(
            EnergyRecord("measured", kwh_total=0.01), phase=PHASE_LOAD, session_id="session-1"
        )
        ledger.add_energy_run(
            EnergyRecord("measured", kwh_total=0.001), phase=PHASE_ABORTED, session_id="session-1"
        )
        result = check_file(path, anchors=anchors(root), ledger=ledger)
        school = with_params(
            load_charter(), "energy-budget", include_loading=True, budget_kwh=0.015
        )
        with_loading = check_file(path, charter=school, anchors=anchors(root), ledger=ledger)
    by_id = {v.rule_id: v for v in result.verdicts}
    assert result.passed, [(v.rule_id, v.reason["en"]) for v in result.blocking]
    assert by_id["energy-recorded"].status == "pass"
    assert (
        "4 generations of the session measured, 2 of them discarded and 1 aborted"
        in (by_id["energy-recorded"].reason["en"])
    )
    assert by_id["energy-budget"].evidence["total_kwh"] == pytest.approx(0.010)
    loading = next(v for v in with_loading.verdicts if v.rule_id == "energy-budget")
    assert loading.evidence["total_kwh"] == pytest.approx(0.020)
    assert loading.status == "fail" and "model loading included" in loading.reason["en"]
    assert by_id["model-bias-campaign"].status == "pass"
    assert by_id["model-bias-campaign"].evidence["campaign"]["campaign_id"] == "camp-1"
    assert by_id["generation-recorded"].status == "pass"
    assert by_id["local-open-tool"].status == "pass"
    assert result.evidence is not None and result.evidence.session is not None
    assert result.evidence.session.discarded == 2

    # A jury without the ledger sees only the file: the reasons say so.
    alone = check_file(path, anchors=anchors(root))
    alone_by_id = {v.rule_id: v for v in alone.verdicts}
    assert alone_by_id["energy-recorded"].status == "cannot-check"
    assert "without the project's ledger" in alone_by_id["energy-recorded"].reason["en"]
    assert alone_by_id["energy-recorded"].missing == ("ledger",)
    assert alone_by_id["model-bias-campaign"].status == "cannot-check"
    assert "ledger is not available here" in alone_by_id["model-bias-campaign"].reason["en"]
    # What passes with the ledger cannot pass without it: the discarded images are unknown.
    assert not alone.passed and alone.counts["cannot-check"] >= 3


def test_unmeasured_discarded_generation_fails_energy(root: Path, alice: SigningIdentity) -> None:

    with Ledger(root / "artcharter.db") as ledger:
        path = sign_generation(
            root, alice, ledger, "foret.png", declaration=generated_declaration()
        )
        lost = generated_record(artwork_id="33333333-3333-4333-8333-333333333333")
        lost.energy = EnergyRecord("unknown", reason="tracker failed")
        ledger.add_artwork(
            lost, root / "lost.png", "0" * 64, status="discarded", session_id="session-1"
        )
        result = check_file(path, anchors=anchors(root), ledger=ledger)
    verdict = next(v for v in result.verdicts if v.rule_id == "energy-recorded")
    assert verdict.status == "fail"
    assert "1 generation without measured energy" in verdict.reason["en"]
    assert not result.passed


def test_private_prompt_is_audited_from_the_ledger(root: Path, alice: SigningIdentity) -> None:
    prompt = "a portrait of a poor old woman"
    with Ledger(root / "artcharter.db") as ledger:
        path = sign_generation(
            root, alice, ledger, "portrait.png",
            prompt=prompt, prompt_sha256=prompt_hash(prompt), prompt_private=True,
            declaration=generated_declaration(bias_reflection=None),
        )  # fmt: skip
        with_ledger = check_file(path, anchors=anchors(root), ledger=ledger)
    assert prompt.encode() not in path.read_bytes()
    audited = next(v for v in with_ledger.verdicts if v.rule_id == "prompt-audited")
    assert audited.status == "needs-declaration"  # audited where the ledger is...
    # ...but what the private prompt holds is named nowhere outside the ledger.
    assert "of the private prompt" in audited.reason["en"]
    for word in ("woman", "poor", "old"):
        assert word not in json.dumps(with_ledger.to_dict())
        assert word not in audited.reason["fr"]
    copied = check_file(path, anchors=anchors(root))
    alone = next(v for v in copied.verdicts if v.rule_id == "prompt-audited")
    # The copy without its ledger fails too: what cannot be checked is never a pass.
    assert alone.status == "cannot-check" and "private" in alone.reason["en"]
    assert alone.missing == ("ledger",) and not copied.passed
    assert alone in copied.blocking


def test_labelled_copy_of_a_generation_keeps_its_origin(root: Path, alice: SigningIdentity) -> None:
    with Ledger(root / "artcharter.db") as ledger:
        generated = sign_generation(root, alice, ledger, "foret.png")
        add_campaign(ledger, "2026-03-01T00:00:00+00:00")
        declaration = load_declaration(root / "nuit.declaration.toml")
        declaration = dataclasses.replace(declaration, tools=(), human_inputs=())
        label(
            generated, root / "final.png", identity=alice,
            source_type="trainedAlgorithmicMedia", declaration=declaration, ledger=ledger,
        )  # fmt: skip
        origin = verify_file(root / "final.png").origin  # read from the file's own bytes
        assert origin is not None and origin["model"]["id"] == "stable-diffusion-v1-5"
        result = check_file(root / "final.png", anchors=anchors(root), ledger=ledger)
    by_id = {v.rule_id: v for v in result.verdicts}
    assert by_id["generation-recorded"].status == "pass"
    assert "artcharter generation" in by_id["generation-recorded"].reason["en"]
    assert by_id["model-bias-campaign"].status == "pass"
    assert by_id["energy-recorded"].status == "pass"
    assert result.passed, [(v.rule_id, v.reason["en"]) for v in result.blocking]


# --- folders, exit codes, school charter -------------------------------------------------------


def test_check_a_folder(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = root / "expo"
    folder.mkdir()
    declared_label(root, "expo/a.png")
    assert run(label_args(make_image(root / "b-src.png"), "expo/b.png")) == 0
    capsys.readouterr()
    assert run(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "2 artworks — meeting the charter: 1, not meeting it: 1" in out
    seen: list[str] = []
    results = check_paths([folder], anchors=anchors(root), on_done=lambda r: seen.append(r.path))
    assert [Path(r.path).name for r in results] == ["a.png", "b.png"]
    assert seen == [r.path for r in results]
    assert [r.passed for r in results] == [True, False]


def test_bad_inputs(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "notes.png").write_bytes(b"not an image at all")
    assert run(["check", "notes.png"]) == 2
    assert run(["check", "missing.png"]) == 2
    assert "no such file" in capsys.readouterr().err
    (root / "empty").mkdir()
    with pytest.raises(BadInput, match="no PNG, JPEG or WebP image, MP4 or MOV video"):
        image_paths([root / "empty"])


def test_school_charter_from_the_project(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = declared_label(root)
    (root / "charte.toml").write_text(
        'extends = "default"\nversion = "esad-1"\n\n[rules.energy-budget]\n'
        'severity = "required"\nparams = { budget_kwh = 0.01 }\n',
        encoding="utf-8",
    )
    with (root / "artcharter.toml").open("a", encoding="utf-8") as config:
        config.write('\n[charter]\nfile = "charte.toml"\n')
    capsys.readouterr()
    # 24 Midjourney images estimated at 0.0696 kWh exceed the school's 0.01 kWh.
    assert run(["check", str(path), "--json"]) == 1
    [data] = json.loads(capsys.readouterr().out)
    assert data["charter"]["version"] == "esad-1"
    budget = next(r for r in data["rules"] if r["rule_id"] == "energy-budget")
    assert budget["status"] == "fail" and budget["severity"] == "required"
    # --charter wins over the project's file.
    default = root / "default-copy.toml"
    default.write_text('extends = "default"\nversion = "copy"\n', encoding="utf-8")
    assert run(["check", str(path), "--charter", str(default)]) == 0


def test_protected_names_of_the_school(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "protected-names.txt").write_text("# living artists\nFrida Kahlo\n", encoding="utf-8")
    declaration = root / "nuit.declaration.toml"
    declaration.write_text(
        declaration.read_text(encoding="utf-8").replace(
            "a poor family in a street at night", "a street at night in the style of frida kahlo"
        ),
        encoding="utf-8",
    )
    path = declared_label(root)
    capsys.readouterr()
    assert run(["check", str(path), "--json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    audit = next(r for r in data["rules"] if r["rule_id"] == "prompt-audited")
    names = [f for f in audit["evidence"]["flagged"] if f["kind"] == "name"]
    assert [f["text"] for f in names] == ["frida kahlo"]
    assert names[0]["prompt"] == 1  # the declared tool's prompt, after the record's
    assert "frida kahlo" in audit["reason"]
    # Without the school's list, nothing is flagged.
    (root / "protected-names.txt").unlink()
    assert run(["check", str(path), "--json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    audit = next(r for r in data["rules"] if r["rule_id"] == "prompt-audited")
    assert "name" not in {f["kind"] for f in audit["evidence"]["flagged"]}


def test_declaration_given_at_generation_carries_to_a_labelled_copy(
    root: Path, alice: SigningIdentity
) -> None:
    with Ledger(root / "artcharter.db") as ledger:
        generated = sign_generation(
            root, alice, ledger, "foret.png", declaration=generated_declaration()
        )
        add_campaign(ledger, "2026-03-01T00:00:00+00:00")
        label(
            generated,
            root / "final.png",
            identity=alice,
            source_type="trainedAlgorithmicMedia",
            ledger=ledger,
        )
        result = check_file(root / "final.png", anchors=anchors(root), ledger=ledger)
    assert result.record is not None and result.record.declaration is None
    assert result.evidence is not None and result.evidence.declaration == generated_declaration()
    assert result.passed, [(v.rule_id, v.reason["en"]) for v in result.blocking]
