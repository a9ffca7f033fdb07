"""Credentials that survive the trip: the ISCC soft binding in every signed image, the
ledger's index, recovery of a stripped file (never shown as a verification), the desk's
soft-binding resolution API, and what a file claims without proof.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import c2pa
import pytest
from fastapi.testclient import TestClient
from pictures import varied_picture
from PIL import Image

from artcharter.cli import run
from artcharter.project import open_project
from artcharter.provenance import softbinding, verdicts
from artcharter.provenance.file_claims import file_claims
from artcharter.provenance.image_files import embed_metadata, xmp_packet
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.verify import claim_lines, match_lines, read_anchors, verify_file
from artcharter.serve import DeskConfig, create_app
from artcharter.serve.config import loopback_hosts

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    return root


def sign_picture(project: Path, seed: int, name: str, title: str = "Marée") -> tuple[Path, str]:
    source = project / f"source-{seed}.png"
    varied_picture(seed, (256, 256)).save(source)
    with open_project(project) as p:
        signed = p.label(
            source, project / name, source_type="trainedAlgorithmicMedia", tool="Demo", title=title
        )
    return project / name, signed.record.artwork_id


def strip(path: Path, out: Path, **save: object) -> Path:
    """What a platform does: decode the pixels, save them again, metadata gone."""
    with Image.open(path) as image:
        image.convert("RGB").save(out, **save)
    return out


def test_every_signed_image_carries_an_iscc_soft_binding(project: Path) -> None:
    path, artwork_id = sign_picture(project, 1, "signed.png")
    with c2pa.Reader(str(path)) as reader:
        store = json.loads(reader.json())
        state = reader.get_validation_state()
    manifest = store["manifests"][store["active_manifest"]]
    (binding,) = [a for a in manifest["assertions"] if a["label"] == "c2pa.soft-binding"]
    assert binding["data"]["alg"] == "io.iscc.v0"
    assert binding["data"]["blocks"][0]["scope"] == {}
    code = softbinding.from_manifest(manifest)
    assert code is not None and code.startswith("ISCC:EEA")  # Content-Code Image, 64 bits
    assert code == softbinding.fingerprint(path.read_bytes())  # metadata plays no part
    assert state in ("Valid", "Trusted")
    with Ledger(project / "artcharter.db") as ledger:
        row = ledger.signature_of(artwork_id)
    assert row["iscc"] == code and row["iscc_bits"] == softbinding.as_int(code)


def test_a_stripped_copy_is_recovered_as_a_probable_match_not_a_verification(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, artwork_id = sign_picture(project, 2, "signed.png")
    sign_picture(project, 3, "other.png", title="Autre")
    copy = strip(path, project / "copy.jpg", quality=70)

    with open_project(project) as p:
        result = p.verify(copy)
    assert result.verdict == verdicts.NO_CREDENTIAL
    assert result.signer == {} and result.title is None and result.record is None
    (match,) = result.probable_matches
    assert match["artwork_id"] == artwork_id
    assert match["title"] == "Marée" and match["artist"] == "Alice Martin"
    assert match["distance"] <= softbinding.MATCH_DISTANCE
    assert match["original"] == str(path.resolve())

    capsys.readouterr()
    assert run(["verify", "copy.jpg"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("copy.jpg: No Content Credentials")
    assert not any(line.strip().startswith("signer") for line in lines)
    heading = lines.index(
        "  Probable match (not a verification: a similar picture, signed elsewhere):"
    )
    assert f"“Marée” by Alice Martin (ESAD Exemple), artwork {artwork_id}" in lines[heading + 1]
    assert "get the signed original and verify it:" in lines[heading + 2]
    assert run(["--lang", "fr", "verify", "copy.jpg"]) == 1
    assert "Correspondance probable (ce n'est pas une vérification" in capsys.readouterr().out


def test_an_unrelated_picture_matches_nothing(project: Path) -> None:
    sign_picture(project, 4, "signed.png")
    stranger = project / "stranger.png"
    varied_picture(999, (256, 256)).save(stranger)
    with open_project(project) as p:
        result = p.verify(stranger)
    assert result.verdict == verdicts.NO_CREDENTIAL
    assert result.fingerprint and result.probable_matches == []
    assert match_lines(result) == []


def test_a_discarded_or_replaced_artwork_is_not_offered(project: Path) -> None:
    path, artwork_id = sign_picture(project, 5, "signed.png")
    copy = strip(path, project / "copy.png")
    with Ledger(project / "artcharter.db") as ledger:
        ledger.set_status(artwork_id, "discarded")
    with open_project(project) as p:
        assert p.verify(copy).probable_matches == []


def test_nearest_finds_the_closest_fingerprints() -> None:
    """The index search itself (the benchmark times it in 100,000 rows)."""
    import iscc_core
    import numpy as np

    from artcharter.provenance.recovery import nearest

    rng = np.random.default_rng(0)
    bits = rng.integers(-(2**63), 2**63 - 1, 20_000, dtype=np.int64)
    target = int(bits[1234])
    near = target ^ 0b1011  # three bits away
    bits[777] = near
    code = "ISCC:" + iscc_core.encode_base32(b"\x20\x00" + (target % 2**64).to_bytes(8, "big"))
    assert nearest(bits, code, max_distance=3, limit=5) == [(target, 0), (near, 3)]
    assert nearest(bits, code, max_distance=2, limit=5) == [(target, 0)]
    assert nearest(bits[:0], code, max_distance=8, limit=5) == []


# --- the desk's resolution API -------------------------------------------------------------


def desk(project: Path) -> TestClient:
    config = DeskConfig(
        anchors=read_anchors([project / "keys" / "school-root.pem"]),
        ledger_path=project / "artcharter.db",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
    )
    return TestClient(create_app(config), base_url="http://127.0.0.1:8000")


def test_desk_answers_the_soft_binding_resolution_api(project: Path) -> None:
    path, artwork_id = sign_picture(project, 6, "signed.png")
    copy = strip(path, project / "copy.jpg", quality=70)
    code = softbinding.fingerprint(copy.read_bytes())
    with desk(project) as client:
        assert client.get("/sbr/v1/services/supportedAlgorithms").json() == {
            "watermarks": [],
            "fingerprints": [{"alg": "io.iscc.v0"}],
        }
        by_binding = client.get(
            "/sbr/v1/matches/byBinding",
            params={"alg": "io.iscc.v0", "value": softbinding.binding_value(code)},
        )
        assert by_binding.status_code == 200
        (match,) = by_binding.json()["matches"]
        assert match["manifestId"] == artwork_id
        assert 0 <= match["similarityScore"] <= 100 and match["similarityScore"] >= 85
        assert match["artcharter"]["artist"] == "Alice Martin"

        large = client.post(
            "/sbr/v1/matches/byBinding",
            json={"alg": "io.iscc.v0", "value": softbinding.binding_value(code)},
        )
        assert large.json() == by_binding.json()

        by_content = client.post(
            "/sbr/v1/matches/byContent",
            content=copy.read_bytes(),
            headers={"Content-Type": "image/jpeg"},
        )
        assert by_content.json()["matches"][0]["manifestId"] == artwork_id

        original = client.get(f"/sbr/v1/manifests/{artwork_id}")
        assert original.status_code == 200
        assert original.content == path.read_bytes()
        with c2pa.Reader("image/png", io.BytesIO(original.content)) as reader:
            assert reader.get_validation_state() in ("Valid", "Trusted")

        assert client.get("/sbr/v1/manifests/nope").status_code == 404
        bad_alg = client.get(
            "/sbr/v1/matches/byBinding", params={"alg": "com.adobe.trustmark.P", "value": "AA=="}
        )
        assert bad_alg.status_code == 400 and "unsupported algorithm" in bad_alg.json()["detail"]
        bad_value = client.get(
            "/sbr/v1/matches/byBinding", params={"alg": "io.iscc.v0", "value": "!!"}
        )
        assert bad_value.status_code == 400
        not_image = client.post("/sbr/v1/matches/byContent", content=b"hello")
        assert not_image.status_code == 415

        # The desk's own verification of a stripped upload carries the matches apart.
        dropped = client.post(
            "/api/verify", files=[("file", ("copy.jpg", copy.read_bytes(), "image/jpeg"))]
        )
        result = dropped.json()["results"][0]
        assert result["verdict"] == "no-credential"
        (match,) = result["verification"]["probable_matches"]
        assert match["artwork_id"] == artwork_id
        # Where the desk serves the original, never where it lies on the server.
        assert match["original"] == f"/sbr/v1/manifests/{artwork_id}"
        assert str(path.parent) not in dropped.text


def test_verify_looks_up_a_school_desk(project: Path, tmp_path: Path) -> None:
    """Another machine, no ledger: `verify --lookup URL` asks the school's desk (a real
    `artcharter serve` process on loopback)."""
    path, artwork_id = sign_picture(project, 7, "signed.png")
    copy = strip(path, tmp_path / "received.jpg", quality=70)
    server = subprocess.Popen(
        [ARTCHARTER, "serve", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "http://" not in line and time.monotonic() < deadline:
            line = server.stdout.readline()  # type: ignore[union-attr]
        url = "http://" + line.split("http://", 1)[1].split("/")[0] + "/sbr/v1"
        elsewhere = tmp_path / "jury"
        elsewhere.mkdir()
        done = subprocess.run(
            [ARTCHARTER, "verify", str(copy), "--lookup", url, "--json"],
            cwd=elsewhere,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1, done.stderr
        (result,) = json.loads(done.stdout)
        assert result["verdict"] == "no-credential"
        (match,) = result["probable_matches"]
        assert match["artwork_id"] == artwork_id and match["source"] == url
        assert match["original"] == f"{url}/manifests/{artwork_id}"
        assert match["title"] == "Marée"

        down = subprocess.run(
            [ARTCHARTER, "verify", str(copy), "--lookup", "http://127.0.0.1:9/sbr/v1"],
            cwd=elsewhere,
            capture_output=True,
            text=True,
        )
        assert down.returncode == 1
        assert "lookup failed: http://127.0.0.1:9/sbr/v1:" in down.stdout
    finally:
        server.terminate()
        server.wait(timeout=20)


# --- what the file says, not verified ------------------------------------------------------


def _png(tmp_path: Path) -> bytes:
    buffer = io.BytesIO()
    varied_picture(8, (64, 64)).save(buffer, "PNG")
    return buffer.getvalue()


def test_unsigned_claims_are_shown_as_such(tmp_path: Path) -> None:
    parameters = (
        "a lighthouse at night, woodcut\nNegative prompt: blurry\n"
        "Steps: 8, Sampler: Euler, CFG scale: 5, Seed: 42, Size: 64x64, Model: sd_xl_base_1.0"
    )
    comfy = json.dumps(
        {
            "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "flux1-dev"}},
            "6": {
                "class_type": "CLIPTextEncode",
                "inputs": {"text": "a red fox", "clip": ["4", 1]},
            },
        }
    )
    xmp = xmp_packet(
        {
            "Iptc4xmpExt:DigitalSourceType": (
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
            ),
            "Iptc4xmpExt:AISystemUsed": "Midjourney v6",
            "dc:creator": "Someone <b>bold</b>",
        }
    )
    data = embed_metadata(_png(tmp_path), xmp, {"parameters": parameters, "prompt": comfy})
    path = tmp_path / "claims.png"
    path.write_bytes(data)

    claims = {(c.source, c.field): c.value for c in file_claims(data)}
    assert claims[("xmp", "Iptc4xmpExt:DigitalSourceType")].endswith("trainedAlgorithmicMedia")
    assert claims[("xmp", "Iptc4xmpExt:AISystemUsed")] == "Midjourney v6"
    assert claims[("xmp", "dc:creator")] == "Someone <b>bold</b>"  # text, never markup
    assert claims[("a1111", "prompt")] == "a lighthouse at night, woodcut"
    assert claims[("a1111", "Model")] == "sd_xl_base_1.0"
    assert claims[("comfyui", "model")] == "flux1-dev"
    assert claims[("comfyui", "prompt text")] == "a red fox"

    result = verify_file(path)
    assert result.verdict == verdicts.NO_CREDENTIAL
    assert result.disclosure == {} or not result.disclosure.get("source_types")
    lines = [m.render("en") for m in claim_lines(result)]
    assert lines[0] == "What the file says, not verified (anyone can write these fields):"
    assert "AUTOMATIC1111 parameters, Model: sd_xl_base_1.0" in lines
    assert "IPTC/XMP metadata, Iptc4xmpExt:AISystemUsed: Midjourney v6" in lines
    assert claim_lines(result)[0].render("fr").startswith("Ce que dit le fichier, non vérifié")


def test_exif_software_and_a1111_user_comment(tmp_path: Path) -> None:
    image = varied_picture(9, (64, 64))
    exif = Image.Exif()
    exif[0x0131] = "Stable Diffusion web UI"
    exif.get_ifd(0x8769)[0x9286] = (
        b"UNICODE\x00" + "a cat\nSteps: 20, Sampler: Euler, Seed: 1".encode("utf-16-be")
    )
    path = tmp_path / "exif.jpg"
    image.save(path, "JPEG", exif=exif)
    claims = {(c.source, c.field): c.value for c in file_claims(path.read_bytes())}
    assert claims[("exif", "Software")] == "Stable Diffusion web UI"
    assert claims[("a1111", "prompt")] == "a cat"
    assert claims[("a1111", "Seed")] == "1"


def test_png_exif_is_read_from_its_chunk_without_decoding_the_pixels(tmp_path: Path) -> None:
    """eXIf (and ImageMagick's older hexadecimal text chunk) give their fields even when
    the image data is broken: a desk reading a PNG's EXIF does not decode its pixels."""
    from artcharter.provenance.image_files import _png_chunk

    exif = Image.Exif()
    exif[0x0131] = "Stable Diffusion web UI"
    exif[0x010E] = "a lighthouse"
    path = tmp_path / "exif.png"
    varied_picture(9, (64, 64)).save(path, "PNG", exif=exif)
    data = path.read_bytes()
    start = data.index(b"IDAT") + 8
    broken = data[:start] + bytes(64) + data[start + 64 :]
    hexa = "\nexif\n" + str(len(exif.tobytes())) + "\n" + exif.tobytes().hex()
    plain = varied_picture(9, (64, 64))
    out = tmp_path / "legacy.png"
    plain.save(out, "PNG")
    legacy = out.read_bytes()
    legacy = (
        legacy[:33]
        + _png_chunk(b"tEXt", b"Raw profile type exif\x00" + hexa.encode())
        + legacy[33:]
    )
    for data in (broken, legacy):
        claims = {(c.source, c.field): c.value for c in file_claims(data)}
        assert claims[("exif", "Software")] == "Stable Diffusion web UI"
        assert claims[("exif", "ImageDescription")] == "a lighthouse"


def test_a_trusted_file_shows_no_unsigned_claims_and_a_tampered_one_does(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = sign_picture(project, 10, "signed.png")
    with open_project(project) as p:
        trusted = p.verify(path)
    assert trusted.verdict == verdicts.TRUSTED and trusted.file_claims == []
    data = bytearray(path.read_bytes())
    index = data.rfind(b"IDAT") + 20
    data[index] ^= 0xFF
    (project / "changed.png").write_bytes(bytes(data))
    with open_project(project) as p:
        changed = p.verify(project / "changed.png")
    assert changed.verdict in (verdicts.TAMPERED, verdicts.INVALID)
    assert any(c["field"] == "Iptc4xmpExt:DigitalSourceType" for c in changed.file_claims)
    capsys.readouterr()
    run(["verify", "changed.png"])
    assert "What the file says, not verified" in capsys.readouterr().out


def test_compressed_text_bombs_are_read_bounded(tmp_path: Path) -> None:
    import zlib

    from artcharter.provenance.image_files import MAX_PNG_TEXT, _png_chunk, read_png_text

    bomb = zlib.compress(b"A" * (50 * 1024 * 1024), 9)  # 50 MB in ~50 KB
    data = _png(tmp_path)
    data = data[:-12] + _png_chunk(b"zTXt", b"parameters\x00\x00" + bomb) + data[-12:]
    texts = read_png_text(data)
    assert len(texts["parameters"]) <= MAX_PNG_TEXT
    # An uncompressed text as long as an upload is read only up to the same bound.
    long = data[:-12] + _png_chunk(b"tEXt", b"Comment\x00" + b"B" * (5 * MAX_PNG_TEXT)) + data[-12:]
    assert len(read_png_text(long)["Comment"]) == MAX_PNG_TEXT


def test_report_and_desk_show_claims_and_matches_apart(project: Path) -> None:
    path, artwork_id = sign_picture(project, 11, "signed.png")
    copy = strip(path, project / "copy.png")
    xmp = xmp_packet({"Iptc4xmpExt:AISystemUsed": "<script>alert(1)</script>"})
    claimed = project / "claimed.png"
    claimed.write_bytes(embed_metadata(copy.read_bytes(), xmp))

    with open_project(project) as p:
        files = p.report(claimed, project / "reports", lang="en")
    html = files.html.read_text(encoding="utf-8")
    assert "What the file says, not verified" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Probable match (not a verification" in html and artwork_id in html
    report_json = files.report["verification"]
    assert report_json["verdict"] == "no-credential"
    assert report_json["matches"][0].startswith("Probable match")

    with desk(project) as client:
        dropped = client.post(
            "/api/verify", files=[("file", ("claimed.png", claimed.read_bytes(), "image/png"))]
        )
        row = dropped.json()["results"][0]
        assert row["unverified_claims"]["en"][0].startswith("What the file says")
        page = client.get(f"/r/{row['token']}?lang=fr").text
    assert "Ce que dit le fichier, non vérifié" in page
    assert "Correspondance probable" in page
    assert "<script>alert" not in page


# --- the optional invisible watermark ------------------------------------------------------


def test_watermark_carries_the_artwork_id_through_a_stripped_jpeg(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from artcharter.provenance import watermark

    source = project / "source.png"
    varied_picture(12, (512, 512)).save(source)
    assert run(["label", "source.png", "-o", "marked.png", "--source-type",
                "trainedAlgorithmicMedia", "--tool", "Demo", "--watermark"]) == 0  # fmt: skip
    with Ledger(project / "artcharter.db") as ledger:
        (artwork_id,) = [r["artwork_id"] for r in ledger.db["signatures"].rows]
        assert ledger.signature_of(artwork_id)["watermark"] == artwork_id.replace("-", "")[:12]
    marked = (project / "marked.png").read_bytes()
    assert watermark.read(marked) == artwork_id.replace("-", "")[:12]
    assert watermark.read(source.read_bytes()) is None  # the unmarked source carries none

    # Metadata stripped (a lossless re-save; JPEG re-encodes keep the mark about 4 times in
    # 5: benchmarks/recovery_bench.py); recovery reports the artwork once (fingerprint and
    # watermark agree).
    copy = strip(project / "marked.png", project / "copy.png")
    assert watermark.read(copy.read_bytes()) == artwork_id.replace("-", "")[:12]
    with open_project(project) as p:
        result = p.verify(copy)
    assert result.verdict == verdicts.NO_CREDENTIAL
    assert [m["artwork_id"] for m in result.probable_matches] == [artwork_id]


def test_watermark_refuses_a_picture_too_small(project: Path, capsys) -> None:
    source = project / "small.png"
    varied_picture(13, (128, 128)).save(source)
    capsys.readouterr()
    assert run(["label", "small.png", "-o", "out.png", "--source-type", "humanEdits",
                "--watermark"]) == 2  # fmt: skip
    assert (
        "image too small for a watermark (128×128 px; at least 256×256)" in capsys.readouterr().err
    )
    assert not (project / "out.png").exists()


def test_watermark_found_when_the_fingerprint_is_not(project: Path) -> None:
    """The ledger's fingerprint is moved out of reach: only the watermark finds the work."""
    source = project / "source.png"
    varied_picture(14, (512, 512)).save(source)
    with open_project(project) as p:
        signed = p.label(
            source, project / "marked.png", source_type="humanEdits", tool="x", watermark=True
        )
    with Ledger(project / "artcharter.db") as ledger:
        ledger.db["signatures"].update(signed.record.artwork_id, {"iscc_bits": 0})
    copy = strip(project / "marked.png", project / "copy.png")
    with open_project(project) as p:
        (match,) = p.verify(copy).probable_matches
    assert match["artwork_id"] == signed.record.artwork_id
    assert match["source"] == "watermark" and match["distance"] is None
