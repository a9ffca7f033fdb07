"""Label real images, verify them, and tamper with them: each case gets the right verdict."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import pytest
from PIL import Image

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import image_files, keys
from artcharter.provenance.label import label
from artcharter.provenance.signing import SigningIdentity
from artcharter.provenance.verify import read_anchors, verify_bytes, verify_file

from conftest import make_image


def as_cli_option(name: str) -> str:
    """How the command line shows a parameter: its option."""
    return "--" + name.replace("_", "-")


@pytest.fixture(scope="module")
def anchors(school_root: Path) -> tuple[str, ...]:
    return read_anchors([school_root])


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".webp"])
def test_label_then_verify_every_format(
    tmp_path: Path, alice: SigningIdentity, anchors: tuple[str, ...], suffix: str
) -> None:
    source = make_image(tmp_path / f"work{suffix}")
    sketch = make_image(tmp_path / "sketch.jpg", (24, 24), (10, 10, 10))
    before = source.read_bytes()
    out = tmp_path / f"signed{suffix}"
    signed = label(
        source,
        out,
        identity=alice,
        source_type="compositeWithTrainedAlgorithmicMedia",
        tool="Midjourney v6",
        prompt="a fox, ink wash",
        ingredients=[(sketch, "sketch")],
        training_mining="notAllowed",
        title="Renard",
    )
    assert source.read_bytes() == before  # the source is never modified
    assert signed.sha256 == sha256_hex(out.read_bytes())
    result = verify_file(out, anchors)
    assert result.verdict == "trusted", result.codes
    assert (
        result.signer["name"] == "Alice Martin" and result.signer["organisation"] == "ESAD Exemple"
    )
    assert result.disclosure["source_types"] == ["compositeWithTrainedAlgorithmicMedia"]
    assert result.disclosure["software_agents"] == ["Midjourney v6"]
    assert result.ingredients[0]["title"] == "sketch.jpg"
    assert result.record["ingredients"][0]["sha256"] == sha256_hex(sketch.read_bytes())
    assert result.record["prompt"] == "a fox, ink wash"
    assert result.title == "Renard"
    # IPTC XMP written before signing, so still there and covered by the signature.
    xmp = image_files.read_xmp(out.read_bytes())
    assert (
        "compositeWithTrainedAlgorithmicMedia" in xmp
        and "Midjourney v6" in xmp
        and "a fox, ink wash" in xmp
    )
    # The pixels are the source's pixels.
    with Image.open(source) as a, Image.open(out) as b:
        assert a.convert("RGB").tobytes() == b.convert("RGB").tobytes()


def test_without_trust_anchor_signer_is_unknown(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path
) -> None:
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=alice, source_type="trainedAlgorithmicMedia", tool="Firefly")
    assert verify_file(out).verdict == "valid-untrusted"


def test_an_image_swapped_after_its_check_is_not_read_in_its_place(
    tmp_path: Path,
    alice: SigningIdentity,
    sample_png: Path,
    anchors: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bytes verified and hashed are those of the descriptor verify_file checked, even
    when another file is renamed over the path between the check and the read."""
    from artcharter.provenance import media_files

    out = tmp_path / "signed.png"
    label(sample_png, out, identity=alice, source_type="trainedAlgorithmicMedia")
    expected = sha256_hex(out.read_bytes())
    other = tmp_path / "other.png"
    other.write_bytes(sample_png.read_bytes())  # the same picture, unsigned
    head_from = media_files.head_from

    def swap_after_head(handle):  # type: ignore[no-untyped-def]
        head = head_from(handle)
        other.replace(out)
        return head

    monkeypatch.setattr(media_files, "head_from", swap_after_head)
    result = verify_file(out, anchors)
    assert result.verdict == "trusted", result.codes
    assert result.sha256 == expected != sha256_hex(out.read_bytes())


def test_pixel_edit_is_tampered(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path, anchors: tuple[str, ...]
) -> None:
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=alice, source_type="humanEdits")
    data = bytearray(out.read_bytes())
    idat = data.find(b"IDAT")
    data[idat + 10] ^= 0x01  # one bit of compressed pixel data
    result = verify_bytes(bytes(data), "edited.png", anchors)
    assert result.verdict == "tampered"
    assert "assertion.dataHash.mismatch" in result.codes["failure"]


def test_flipped_signature_bytes_are_invalid(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path, anchors: tuple[str, ...]
) -> None:
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=alice, source_type="humanEdits")
    data = bytearray(out.read_bytes())
    signature = data.rfind(b"c2pa.signature")
    data[signature + 200] ^= 0xFF
    result = verify_bytes(bytes(data), "flipped.png", anchors)
    assert result.verdict == "invalid"
    assert "claimSignature.mismatch" in result.codes["failure"]


def test_other_school_is_valid_but_untrusted(
    tmp_path: Path, sample_png: Path, anchors: tuple[str, ...]
) -> None:
    other = tmp_path / "other-keys"
    keys.init_school(other, "Beaux-Arts Ailleurs")
    keys.issue_artist(other, "Bob Leroy", None)
    from artcharter.provenance.signing import load_artist_identity

    out = tmp_path / "signed.png"
    label(
        sample_png,
        out,
        identity=load_artist_identity(other, "Bob Leroy"),
        source_type="digitalCapture",
    )
    result = verify_file(out, anchors)  # trusting only ESAD Exemple
    assert result.verdict == "valid-untrusted"
    assert result.codes["failure"] == ["signingCredential.untrusted"]
    assert verify_file(out, read_anchors([other / keys.ROOT_CERT])).verdict == "trusted"


def test_expired_certificate_is_invalid(tmp_path: Path, sample_png: Path) -> None:
    # c2pa-rs refuses to sign with an expired certificate, so sign with one that expires
    # two seconds later, and verify after it expired (no timestamp: checked against now).
    root, root_key = keys.make_root("ESAD Exemple")
    now = dt.datetime.now(dt.UTC)
    leaf, key = keys.make_leaf(
        root,
        root_key,
        name="Carl",
        email=None,
        not_before=now - dt.timedelta(days=1) + dt.timedelta(seconds=2),
        valid_days=1,
    )
    identity = SigningIdentity(
        "Carl", None, "ESAD Exemple", "es256", keys.cert_pem(leaf), keys.key_pem(key)
    )
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=identity, source_type="humanEdits")
    time.sleep(3)
    result = verify_file(out, (keys.cert_pem(root).decode(),))
    assert result.verdict == "invalid"
    assert "signingCredential.expired" in result.codes["failure"]


def test_stripped_metadata_has_no_credential(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path, anchors: tuple[str, ...]
) -> None:
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=alice, source_type="trainedAlgorithmicMedia")
    stripped = tmp_path / "stripped.png"
    with Image.open(out) as img:
        img.save(stripped)  # what a social network or a screenshot does
    assert verify_file(stripped, anchors).verdict == "no-credential"


@pytest.mark.parametrize("content", [b"hello, not an image\n", b""])
def test_not_an_image_is_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.png"
    path.write_bytes(content)
    result = verify_file(path)
    assert result.verdict == "unreadable" and result.error


def test_truncated_image_is_unreadable(tmp_path: Path, sample_png: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(sample_png.read_bytes()[:120])
    assert verify_file(path).verdict == "unreadable"


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    assert verify_file(tmp_path / "nope.png").verdict == "unreadable"
    assert verify_file(tmp_path).verdict == "unreadable"


def test_relabelling_a_signed_file_keeps_it_as_parent(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path, anchors: tuple[str, ...]
) -> None:
    first = tmp_path / "first.png"
    label(
        sample_png, first, identity=alice, source_type="trainedAlgorithmicMedia", tool="Firefly 3"
    )
    second = tmp_path / "second.png"
    label(
        first,
        second,
        identity=alice,
        source_type="compositeWithTrainedAlgorithmicMedia",
        title="Reprise",
    )
    result = verify_file(second, anchors)
    assert result.verdict == "trusted", result.codes
    assert result.disclosure["actions"][:2] == ["c2pa.opened", "c2pa.edited.metadata"]
    assert result.ingredients[0]["relationship"] == "parentOf"


def test_label_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path
) -> None:
    out = tmp_path / "out.png"
    with pytest.raises(BadInput, match="source type"):
        label(sample_png, out, identity=alice, source_type="aiMadeIt")
    with pytest.raises(BadInput, match="training"):
        label(sample_png, out, identity=alice, source_type="humanEdits", training_mining="maybe")
    with pytest.raises(BadInput, match="never modified"):
        label(sample_png, sample_png, identity=alice, source_type="humanEdits")
    with pytest.raises(BadInput, match="extension"):
        label(sample_png, tmp_path / "out.jpg", identity=alice, source_type="humanEdits")
    text = tmp_path / "text.png"
    text.write_text("not an image")
    with pytest.raises(BadInput, match="not a PNG"):
        label(text, out, identity=alice, source_type="humanEdits")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.png", "work.png"]


def test_output_is_not_overwritten_without_force(
    tmp_path: Path, alice: SigningIdentity, sample_png: Path
) -> None:
    out = tmp_path / "out.png"
    label(sample_png, out, identity=alice, source_type="humanEdits")
    # The library names its parameter; the command line shows it as its option.
    with pytest.raises(BadInput, match="or pass force") as raised:
        label(sample_png, out, identity=alice, source_type="humanEdits")
    assert "or pass --force" in raised.value.render("en", param=as_cli_option)
    label(sample_png, out, identity=alice, source_type="digitalCapture", force=True)


def test_webp_without_vp8x_gains_an_extended_header(tmp_path: Path) -> None:
    path = make_image(tmp_path / "simple.webp")
    data = path.read_bytes()
    assert data[12:16] in (b"VP8 ", b"VP8L")
    out = image_files.embed_metadata(data, image_files.xmp_packet({"dc:title": "t"}))
    assert out[12:16] == b"VP8X" and image_files.read_xmp(out).count("<dc:title>") == 1
    with Image.open(io.BytesIO(out)) as img:
        img.load()
        assert img.size == (96, 64)


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    # A PNG header claiming 20000 x 20000 pixels.
    big = Image.new("1", (20000, 20000))
    buffer = io.BytesIO()
    big.save(buffer, "PNG")
    with pytest.raises(BadInput, match="pixel limit"):
        image_files.check_image(buffer.getvalue(), "bomb.png")


def test_the_signed_thumbnail_is_a_small_jpeg(tmp_path: Path, alice) -> None:
    """A WebP or PNG source gets a JPEG thumbnail of medium quality, far smaller than the
    lossless copy of the source format c2pa would otherwise sign in (2.7x a WebP source)."""
    import io

    import numpy as np
    from PIL import Image

    from artcharter.provenance.label import label
    from artcharter.provenance.verify import verify_file

    rng = np.random.default_rng(0)
    pixels = rng.random((512, 512, 3)) * 60 + np.linspace(0, 190, 512)[None, :, None]
    picture = Image.fromarray(pixels.astype("uint8"))
    for fmt, suffix in (("WEBP", ".webp"), ("PNG", ".png")):
        source = tmp_path / f"source{suffix}"
        picture.save(source, fmt, **({"quality": 80} if fmt == "WEBP" else {}))
        out = tmp_path / f"signed{suffix}"
        label(source, out, identity=alice, source_type="digitalCreation")
        mime, data = verify_file(out, thumbnail=True).thumbnail
        assert mime == "image/jpeg"
        assert len(data) < 40_000 and len(data) < source.stat().st_size / 2, len(data)
        with Image.open(io.BytesIO(data)) as thumb:
            assert max(thumb.size) == 256


def test_chunks_shrink_to_one_file_at_the_end_and_keep_every_file_in_order() -> None:
    from artcharter.provenance.verify import shrinking_chunks

    for count in (0, 1, 7, 200, 2000, 2001):
        chunks = list(shrinking_chunks(list(range(count)), 2))
        assert [i for chunk in chunks for i in chunk] == list(range(count))
        sizes = [len(chunk) for chunk in chunks]
        assert all(1 <= size <= 32 for size in sizes)
        assert sizes == sorted(sizes, reverse=True)  # never larger later
        assert sizes[-8:] == [1] * min(8, count)  # the last ones one file each
    assert len(list(shrinking_chunks(list(range(2000)), 2))) < 100  # few round trips


def test_many_files_in_workers_give_the_one_at_a_time_results_in_order(
    tmp_path: Path, alice: SigningIdentity, school_root: Path
) -> None:
    from artcharter.provenance.verify import iter_verify

    signed = label(
        make_image(tmp_path / "src.png"), tmp_path / "signed.png", identity=alice,
        source_type="trainedAlgorithmicMedia",
    ).path  # fmt: skip
    unsigned = make_image(tmp_path / "unsigned.png", color=(9, 9, 9))
    paths = []
    for i in range(30):
        copy = tmp_path / f"copy-{i:02d}.png"
        copy.write_bytes(signed.read_bytes())
        paths += [copy, unsigned] if i % 7 == 0 else [copy]
    paths.append(tmp_path / "missing.png")
    anchors = read_anchors([school_root])
    alone = [verify_file(p, anchors).to_dict("en") for p in paths]
    together = [r.to_dict("en") for r in iter_verify(paths, anchors, workers=2)]
    assert together == alone
    assert [r["verdict"] for r in together].count("trusted") == 30
