"""Video, sound and documents through the whole path: label, verify, check, report,
cartel, the desk and the ledger, on small media the tests make themselves
(tests/media_samples.py): a 1-second MP4/MOV made with PyAV, a WAV from the standard
library, MP3/FLAC/M4A encoded with PyAV, a PDF and an EPUB written by hand.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from media_samples import make_epub, make_noise_video, make_pdf, make_video, make_wav, make_work
from PIL import Image

from artcharter.base.errors import BadInput
from artcharter.charter.check import check_file
from artcharter.cli import run
from artcharter.provenance import media_files, verdicts
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import ArtworkRecord
from artcharter.provenance.verify import read_anchors, verify_file
from artcharter.reports.browser import dump_dom, find_chromium, screenshot
from artcharter.reports.cartel import make_cartels
from artcharter.reports.report import make_report
from artcharter.serve import DeskConfig, create_app
from artcharter.serve.config import loopback_hosts

FORMATS = ("mp4", "mov", "wav", "mp3", "flac", "m4a", "pdf", "epub")
KIND = {"mp4": "video", "mov": "video", "pdf": "document", "epub": "document"}
GENERATED = "trainedAlgorithmicMedia"


def kind_of(fmt: str) -> str:
    return KIND.get(fmt, "sound")


@pytest.fixture(scope="module")
def works(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("media")
    return {fmt: make_work(folder / f"source-{fmt}.{fmt}") for fmt in FORMATS}


@pytest.fixture(scope="module")
def anchors(school_root: Path) -> tuple[str, ...]:
    return read_anchors([school_root])


@pytest.fixture(scope="module")
def signed(
    works: dict[str, Path], alice, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("signed")
    with Ledger(folder / "artcharter.db") as ledger:
        for fmt, source in works.items():
            label(
                source,
                folder / f"work-{fmt}.{fmt}",
                identity=alice,
                source_type=GENERATED,
                tool="Suno v4" if kind_of(fmt) == "sound" else "Runway Gen-3",
                title=f"Œuvre {fmt}",
                ledger=ledger,
            )
    return {fmt: folder / f"work-{fmt}.{fmt}" for fmt in FORMATS}


def flip_content_byte(source: Path, signed_file: Path, out: Path) -> Path:
    """The signed file with one byte of the work itself changed (found by a run of bytes
    taken from the unsigned source, so that the change is in the content, not in the
    credentials)."""
    original, data = source.read_bytes(), bytearray(signed_file.read_bytes())
    for start in range(len(original) * 2 // 5, len(original) - 32, 97):
        window = original[start : start + 32]
        at = data.find(window)
        if at >= 0 and data.count(window) == 1:
            data[at + 16] ^= 0x55
            out.write_bytes(bytes(data))
            return out
    raise AssertionError(f"no content bytes of {source.name} found in the signed file")


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_media_is_detected_from_its_bytes(works: dict[str, Path], fmt: str) -> None:
    head = media_files.read_head(works[fmt])
    assert media_files.detect_media(head) == fmt
    assert media_files.kind_of(fmt) == kind_of(fmt)
    # A PNG is not media; an HEIC/AVIF still (ftyp, image brand) is not a video.
    assert media_files.detect_media(b"\x89PNG\r\n\x1a\n") is None
    assert media_files.detect_media(b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00") is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_label_verify_trusted_with_kind_duration_and_disclosure(
    signed: dict[str, Path], anchors: tuple[str, ...], fmt: str
) -> None:
    result = verify_file(signed[fmt], anchors, thumbnail=True)
    assert result.verdict == verdicts.TRUSTED, result.codes
    assert (result.format, result.kind) == (fmt, kind_of(fmt))
    assert result.signer["name"] == "Alice Martin"
    assert result.sha256 == media_files.sha256_path(signed[fmt])
    record = ArtworkRecord.from_dict(result.record or {})
    assert record.media is not None and record.media.kind == kind_of(fmt)
    if kind_of(fmt) != "document":
        assert record.media.duration_s == pytest.approx(1.0, abs=0.1)
    else:
        assert record.media.pages == 1
    expected_model = {"video": "video", "sound": "music", "document": "text"}[kind_of(fmt)]
    assert record.model_kind == expected_model
    # The IPTC source type and the kind of model are in the signed actions.
    assert result.disclosure["source_types"] == [GENERATED]
    assert result.disclosure["actions"] == ["c2pa.created"]
    # The work's picture is signed in as the claim thumbnail (the waveform a PNG).
    assert result.thumbnail is not None
    assert result.thumbnail[0] == ("image/png" if kind_of(fmt) == "sound" else "image/jpeg")
    with Image.open(io.BytesIO(result.thumbnail[1])) as picture:
        assert picture.width > 8


@pytest.mark.parametrize("fmt", FORMATS[:1])
def test_a_work_swapped_after_its_check_is_not_read_in_its_place(
    works: dict[str, Path],
    signed: dict[str, Path],
    anchors: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    """verify_file checks the file and reads its head, then verifies and hashes it: from the
    descriptor it checked, so another file renamed over the path in between is never read
    (verified under one name, hashed under another, or a FIFO that blocks)."""
    import shutil

    target = tmp_path / f"work.{fmt}"
    shutil.copy(signed[fmt], target)
    other = tmp_path / f"other.{fmt}"
    shutil.copy(works[fmt], other)  # the same work, unsigned
    expected = media_files.sha256_path(target)
    head_from = media_files.head_from

    def swap_after_head(handle):  # type: ignore[no-untyped-def]
        head = head_from(handle)
        other.replace(target)  # an attacker's rename, between the check and the reads
        return head

    monkeypatch.setattr(media_files, "head_from", swap_after_head)
    result = verify_file(target, anchors)
    assert result.verdict == verdicts.TRUSTED, result.codes
    assert result.sha256 == expected != media_files.sha256_path(target)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_changed_byte_of_the_work_reads_tampered(
    works: dict[str, Path],
    signed: dict[str, Path],
    anchors: tuple[str, ...],
    tmp_path: Path,
    fmt: str,
) -> None:
    changed = flip_content_byte(works[fmt], signed[fmt], tmp_path / f"changed.{fmt}")
    result = verify_file(changed, anchors)
    assert result.verdict == verdicts.TAMPERED, result.codes


def _bmff_hash(path: Path) -> dict:
    import c2pa

    with c2pa.Reader(str(path)) as reader:
        store = json.loads(reader.json())
    active = store["manifests"][store["active_manifest"]]
    (bmff,) = [a["data"] for a in active["assertions"] if a["label"].startswith("c2pa.hash.bmff")]
    return bmff


def test_a_small_film_keeps_the_plain_hash_every_validator_reads(
    alice, anchors: tuple[str, ...], tmp_path: Path
) -> None:
    film = make_noise_video(tmp_path / "film.mp4", megabytes=3, size=(320, 240))
    out = label(film, tmp_path / "signed.mp4", identity=alice, source_type=GENERATED)
    assert "merkle" not in _bmff_hash(out.path)
    assert verify_file(out.path, anchors).verdict == verdicts.TRUSTED


def test_a_film_is_hashed_in_chunks_and_a_byte_changed_in_any_chunk_reads_tampered(
    alice, anchors: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large film's media data is hashed a mebibyte at a time (the BMFF hash's Merkle tree,
    every leaf in the manifest), so c2pa-rs never holds 2 x 256 MiB of it to sign or verify;
    each chunk is still checked, the last one included. (The threshold is lowered so that a
    3 MB film stands for a large one.)"""
    from artcharter.provenance import signing
    from artcharter.provenance.signing import MERKLE_CHUNK_KB

    monkeypatch.setattr(signing, "CHUNKED_FROM_BYTES", 1 << 20)
    film = make_noise_video(tmp_path / "film.mp4", megabytes=3, size=(320, 240))
    out = label(film, tmp_path / "signed.mp4", identity=alice, source_type=GENERATED)
    assert out.sha256 == media_files.sha256_path(out.path)
    (tree,) = _bmff_hash(out.path)["merkle"]
    assert tree["fixedBlockSize"] == MERKLE_CHUNK_KB * 1024
    assert len(tree["hashes"]) == tree["count"] >= film.stat().st_size // (1 << 20)
    assert verify_file(out.path, anchors).verdict == verdicts.TRUSTED
    data = bytearray(out.path.read_bytes())
    boxes, at = {}, 0
    while at < len(data):  # the top-level boxes: 32-bit size, then type
        size = int.from_bytes(data[at : at + 4], "big")
        boxes[bytes(data[at + 4 : at + 8])] = (at, at + size)
        at += size
    start, end = boxes[b"mdat"]
    assert end - start > 2 << 20
    # A byte in the first chunk of the media data, and one in its last chunk.
    for at in (start + 1000, end - 1000):
        changed = bytearray(data)
        changed[at] ^= 0x55
        (tmp_path / "changed.mp4").write_bytes(bytes(changed))
        result = verify_file(tmp_path / "changed.mp4", anchors)
        assert result.verdict == verdicts.TAMPERED, (at, result.codes)
        assert "assertion.bmffHash.mismatch" in result.codes["failure"]


@pytest.mark.parametrize("fmt", ["mp4", "wav", "pdf"])
def test_unsigned_media_has_no_credential(works: dict[str, Path], fmt: str) -> None:
    result = verify_file(works[fmt])
    assert (result.verdict, result.kind) == (verdicts.NO_CREDENTIAL, kind_of(fmt))


def test_damaged_media_is_refused_in_one_line_and_unreadable(tmp_path: Path, alice) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 500)
    with pytest.raises(BadInput) as caught:
        label(broken, tmp_path / "out.mp4", identity=alice, source_type=GENERATED)
    assert "damaged or unreadable MP4 file" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out.mp4").exists()
    assert verify_file(broken).verdict == verdicts.UNREADABLE


def _wrong_riff_size(data: bytes) -> bytes:
    """The WAV with its RIFF size three times too large: c2pa-rs then cannot parse the
    container ("Invalid RIFF format"), as with its own fixture sample3.invalid.wav."""
    changed = bytearray(data)
    changed[4:8] = (len(data) * 3).to_bytes(4, "little")
    return bytes(changed)


def test_a_container_c2pa_cannot_parse_and_that_holds_no_store_is_unreadable(
    works: dict[str, Path],
    signed: dict[str, Path],
    anchors: tuple[str, ...],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """c2pa cannot read the container and none of a manifest store's bytes are in it: the
    file is damaged. It never reads "invalid", whose words say the file has credentials
    (sound decoders read this WAV, so the decoder check alone let it through)."""
    broken = tmp_path / "broken.wav"
    broken.write_bytes(_wrong_riff_size(works["wav"].read_bytes()))
    result = verify_file(broken, anchors)
    assert result.verdict == verdicts.UNREADABLE
    assert "damaged or unreadable WAV file" in str(result.to_dict("en")["error"])
    capsys.readouterr()
    assert run(["--lang", "en", "verify", str(broken), "--no-ledger"]) == 2
    shown = capsys.readouterr().out
    assert "Unreadable" in shown and "Content Credentials" not in shown
    # The same damage to a signed work: c2pa reads its credentials, which no longer match.
    damaged_signed = tmp_path / "damaged-signed.wav"
    damaged_signed.write_bytes(_wrong_riff_size(signed["wav"].read_bytes()))
    assert verify_file(damaged_signed, anchors).verdict == verdicts.TAMPERED


def test_the_store_is_looked_for_across_reads_and_only_where_it_lies_as_it_is() -> None:
    from artcharter.provenance.verify import C2PA_STORE_UUID, _may_hold_manifest_store

    chunk = media_files.CHUNK
    for at in (0, chunk - 8, chunk - 16, chunk, 2 * chunk + 3):  # across a read's end too
        data = bytearray(3 * chunk)
        data[at : at + len(C2PA_STORE_UUID)] = C2PA_STORE_UUID
        assert _may_hold_manifest_store(io.BytesIO(bytes(data)), "wav"), at
    near = bytes(chunk - 8) + C2PA_STORE_UUID[:8] + b"\x00" + C2PA_STORE_UUID[8:] + bytes(99)
    assert not _may_hold_manifest_store(io.BytesIO(near), "png")
    # A PDF or an EPUB may hold its store compressed: never ruled out by its bytes.
    assert _may_hold_manifest_store(io.BytesIO(bytes(100)), "pdf")
    assert _may_hold_manifest_store(io.BytesIO(bytes(100)), "epub")


def test_wrong_extension_and_model_kind_are_refused(
    works: dict[str, Path], tmp_path, alice
) -> None:
    with pytest.raises(BadInput, match=r"\.wav"):
        label(works["wav"], tmp_path / "song.mp3", identity=alice, source_type=GENERATED)
    with pytest.raises(BadInput, match="unknown model kind 'painting'"):
        label(
            works["wav"],
            tmp_path / "song.wav",
            identity=alice,
            source_type=GENERATED,
            model_kind="painting",
        )


def test_media_is_labelled_and_verified_as_a_stream(
    works: dict[str, Path], alice, anchors, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A film is never read whole: label, verify and report go through file streams."""
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.suffix in (".mp4", ".wav"):
            raise AssertionError(f"{self.name} read whole")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    out = label(works["mp4"], tmp_path / "film.mp4", identity=alice, source_type=GENERATED)
    assert verify_file(out.path, anchors).verdict == verdicts.TRUSTED
    report = make_report(out.path, tmp_path / "report", anchors=anchors)
    assert report.report["artwork"]["work_kind"] == "video"


def test_the_ledger_records_the_media_work(signed: dict[str, Path]) -> None:
    with Ledger(signed["wav"].parent / "artcharter.db") as ledger:
        rows = {r["path"]: r for r in ledger.db.query("SELECT * FROM artworks")}
    row = rows[str(signed["wav"])]
    assert row["sha256"] == media_files.sha256_path(signed["wav"])
    assert json.loads(row["record"])["media"]["kind"] == "sound"


def test_an_already_signed_video_keeps_its_credentials_as_parent(
    signed: dict[str, Path], alice, anchors, tmp_path: Path
) -> None:
    again = label(signed["mp4"], tmp_path / "again.mp4", identity=alice, source_type=GENERATED)
    result = verify_file(again.path, anchors)
    assert result.verdict == verdicts.TRUSTED
    assert [i["relationship"] for i in result.ingredients] == ["parentOf"]
    assert result.disclosure["actions"][:2] == ["c2pa.opened", "c2pa.edited.metadata"]


# --- charter, report, cartel ------------------------------------------------------------------


def test_the_bias_campaign_rule_is_not_applicable_to_a_sound_work(signed, anchors) -> None:
    checked = check_file(signed["wav"], anchors=anchors)
    rule = next(v for v in checked.verdicts if v.rule_id == "model-bias-campaign")
    assert rule.status == "not-applicable"
    assert rule.message.render("en") == "Not applicable to a sound work."
    assert rule.message.render("fr") == "Ne s'applique pas à une œuvre sonore."
    # The other rules apply unchanged: the credential is read as for an image.
    credential = next(v for v in checked.verdicts if v.rule_id == "credential-valid")
    assert credential.status == "pass"


@pytest.mark.parametrize(
    ("fmt", "caption", "share", "model"),
    [
        ("wav", "waveform of the sound", "AI-generated sound", "music model"),
        ("mp4", "poster frame of the video", "AI-generated video", "video model"),
        ("pdf", "first page or cover of the document", "AI-generated text", "language model"),
        ("epub", "first page or cover of the document", "AI-generated text", "language model"),
    ],
)
def test_report_json_names_the_kind_picture_and_model(
    signed, anchors, tmp_path: Path, fmt: str, caption: str, share: str, model: str
) -> None:
    files = make_report(signed[fmt], tmp_path, anchors=anchors)
    artwork = files.report["artwork"]
    assert artwork["picture_caption"] == caption
    assert artwork["ai_share_words"] == share
    assert artwork["thumbnail_source"] == "credentials"
    assert model in files.report["explanation"]["family_name"]
    if fmt in ("wav", "mp4"):
        assert artwork["duration_text"] == "1.0 s"
    html = files.html.read_text(encoding="utf-8")
    assert 'id="work-picture"' in html and "data:image/" in html


def test_cartel_names_the_medium(signed, anchors, tmp_path: Path) -> None:
    made = make_cartels(
        [signed["wav"], signed["mp4"], signed["epub"]],
        tmp_path,
        lang="fr",
        anchors=anchors,
        sheet=True,
    )
    media = [c["medium"] for c in made.cartels]
    assert media == [
        "Son généré avec Suno v4",
        "Vidéo générée avec Runway Gen-3",
        "Texte généré avec Runway Gen-3",
    ]


def test_model_kind_voice_from_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "festival"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    make_wav(root / "voice.wav")
    args = ["label", "voice.wav", "-o", "voice-signed.wav", "--source-type", GENERATED]
    assert run([*args, "--tool", "ElevenLabs", "--model-kind", "voice"]) == 0
    capsys.readouterr()
    assert run(["verify", "voice-signed.wav", "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert (result["verdict"], result["kind"], result["format"]) == ("trusted", "sound", "wav")
    assert result["record"]["model_kind"] == "voice"
    assert run(["report", "voice-signed.wav", "-o", "out", "--lang", "fr"]) == 0
    report = json.loads(next((root / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert report["explanation"]["model_kind"] == "voice"
    assert "voix" in report["explanation"]["how"][0]
    capsys.readouterr()
    # A folder of mixed works is checked whole.
    assert run(["check", ".", "--json"]) in (0, 1)
    checked = json.loads(capsys.readouterr().out)
    assert {Path(c["path"]).name for c in checked} >= {"voice-signed.wav", "voice.wav"}


# --- the desk ----------------------------------------------------------------------------------


def desk(tmp_path: Path, school_root: Path, **overrides: object) -> TestClient:
    settings: dict[str, object] = {
        "anchors": read_anchors([school_root]),
        "anchor_names": ("ESAD Exemple",),
        "lang": "en",
        "allowed_hosts": loopback_hosts("127.0.0.1", 8000),
    }
    settings.update(overrides)
    return TestClient(create_app(DeskConfig(**settings)), base_url="http://127.0.0.1:8000")  # type: ignore[arg-type]


def test_desk_verifies_media_uploads_and_shows_their_picture(
    signed, school_root: Path, tmp_path: Path
) -> None:
    parts = [
        ("file", (signed[fmt].name, signed[fmt].read_bytes(), "application/octet-stream"))
        for fmt in ("mp4", "wav", "pdf", "epub")
    ]
    with desk(tmp_path, school_root) as client:
        response = client.post("/api/verify", files=parts)
        assert response.status_code == 200, response.text
        results = response.json()["results"]
        assert [r["verdict"] for r in results] == ["trusted"] * 4
        assert [r["verification"]["kind"] for r in results] == [
            "video",
            "sound",
            "document",
            "document",
        ]
        for result in results:
            thumb = client.get(f"/u/{result['token']}/thumb")
            assert thumb.status_code == 200 and thumb.headers["content-type"].startswith("image/")
            assert "x-preview" not in thumb.headers
            page = client.get(result["report_url"])
            assert page.status_code == 200 and 'id="work-picture"' in page.text


def test_desk_size_limit_is_set_per_kind(signed, school_root: Path, tmp_path: Path) -> None:
    video = signed["mp4"].read_bytes()
    sound = signed["wav"].read_bytes()
    limits = {"video": len(video) - 1}
    with desk(tmp_path, school_root, max_bytes_by_kind=limits) as client:
        refused = client.post("/api/verify", files=[("file", ("film.mp4", video, "video/mp4"))])
        assert refused.status_code == 413
        assert "film.mp4 is over the" in refused.json()["detail"]
        # Sound keeps the general limit.
        ok = client.post("/api/verify", files=[("file", ("song.wav", sound, "audio/wav"))])
        assert ok.status_code == 200
    with desk(
        tmp_path, school_root, max_upload_bytes=1000, max_bytes_by_kind={"video": 10_000_000}
    ) as client:
        # A film larger than the image limit passes under its own.
        ok = client.post("/api/verify", files=[("file", ("film.mp4", video, "video/mp4"))])
        assert ok.status_code == 200, ok.text
        assert ok.json()["results"][0]["verdict"] == "trusted"
    # The jury reads every kind the desk takes, each with its own limit.
    with desk(tmp_path, school_root, max_bytes_by_kind={"video": 300 << 20}) as client:
        home = client.get("/?lang=en").text
        assert "images up to 50 MB per file; MP4 or MOV videos up to 300 MB; WAV" in home
        assert "vidéos MP4 ou MOV jusqu&#39;à 300 Mo\u00a0; sons" in client.get("/?lang=fr").text


def test_title_page_stands_in_for_a_missing_epub_cover(tmp_path: Path) -> None:
    from artcharter.provenance.media_previews import preview

    book = make_epub(tmp_path / "plain.epub", title="Un roman sans couverture", cover=False)
    picture = preview(book, "epub")
    assert picture is not None
    with Image.open(io.BytesIO(picture)) as page:
        assert page.size == (300, 420)


def test_pdf_and_video_pictures(tmp_path: Path) -> None:
    from artcharter.provenance.media_previews import preview

    for path, fmt in (
        (make_pdf(tmp_path / "a.pdf"), "pdf"),
        (make_video(tmp_path / "a.mp4"), "mp4"),
    ):
        picture = preview(path, fmt)
        assert picture is not None
        with Image.open(io.BytesIO(picture)) as image:
            assert image.getextrema() != ((0, 0), (0, 0), (0, 0))


# --- in a browser ------------------------------------------------------------------------------


@pytest.mark.skipif(
    find_chromium() is None, reason="Chromium not found (scripts/test.sh installs it)"
)
@pytest.mark.parametrize(
    ("fmt", "lang", "texts"),
    [
        (
            "wav",
            "en",
            [
                "Waveform of the sound",
                "AI-generated sound",
                "Not applicable to a sound work.",
                "music model",
            ],
        ),
        (
            "mp4",
            "fr",
            ["image de la vidéo (affiche)", "Vidéo générée par IA", "modèle de vidéo", "1,0 s"],
        ),
        (
            "pdf",
            "en",
            ["first page or cover of the document", "AI-generated text", "language model"],
        ),
    ],
)
def test_report_and_cartel_render_in_a_browser(
    signed, anchors, tmp_path: Path, fmt: str, lang: str, texts: list[str]
) -> None:
    files = make_report(signed[fmt], tmp_path, anchors=anchors, lang=lang)
    dom = dump_dom(files.html)
    for text in texts:
        assert text.lower() in dom.lower(), text
    shot = screenshot(files.html, tmp_path / f"{fmt}.png")
    with Image.open(shot) as page:
        pixels = page.convert("RGB")
        colours = pixels.getcolors(1 << 20) or []
    # The work's picture is drawn: a sound's waveform bars are this dark blue.
    if fmt == "wav":
        assert any(colour == (40, 60, 110) and count > 2000 for count, colour in colours)
    assert len(colours) > 50
    cartels = make_cartels([signed[fmt]], tmp_path / "cartel", lang=lang, anchors=anchors)
    assert dump_dom(cartels.html).count("Suno v4" if fmt == "wav" else "Runway Gen-3") >= 1


def test_a_sound_made_online_gets_no_per_image_figures(
    works, alice, anchors, tmp_path: Path
) -> None:
    # The published figures measure image generation: quoted beside a sound, or multiplied
    # by its generations, they would say what their source does not.
    from charter_helpers import full_declaration

    declared = full_declaration()  # Midjourney, 24 generations, no energy
    song = tmp_path / "song.wav"
    label(works["wav"], song, identity=alice, source_type=GENERATED, declaration=declared)
    files = make_report(song, tmp_path / "out", anchors=anchors)
    energy = files.report["energy"]
    assert energy["references"] == [] and energy["online"] is None
    assert energy["references_note"] == (
        "The published points of comparison artcharter quotes measure image generation: "
        "none is given for this work (sound)."
    )
    assert energy["online_not_estimated"].startswith(
        "Generations declared with an online service (Midjourney), without their energy: "
        "no estimate"
    )
    html = files.html.read_text(encoding="utf-8")
    assert "Luccioni" not in html.split('id="energy"')[1].split("</section>")[0]
    checked = check_file(song, anchors=anchors)
    budget = next(v for v in checked.verdicts if v.rule_id == "energy-budget")
    assert budget.status == "needs-declaration"
    assert "declare it (energy_kwh)" in budget.message.render("en")
