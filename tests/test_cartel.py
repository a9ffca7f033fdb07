"""Exhibition labels: medium in words, the AI-use pictogram, the QR code, HTML and SVG, the
A4 sheet, and `artcharter cartel`."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import qrcode
from report_samples import Exhibition, generated_record

from artcharter.cli import run
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.record import ArtworkRecord, Ingredient, Person, new_artwork_id
from artcharter.provenance.verify import Verification, read_anchors
from artcharter.reports.cartel import (
    cartel_data,
    make_cartels,
    medium_in_words,
    qr_payload,
    qr_svg,
    render_cartel_html,
    render_cartel_svg,
)
from artcharter.reports.pictograms import LEVELS, pictogram_svg

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="session")
def expo(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return Exhibition(tmp_path_factory.mktemp("expo-cartels"))


def labelled(
    source_type: str, *, tool: str | None = None, roles: tuple[str, ...] = ()
) -> ArtworkRecord:
    return ArtworkRecord(
        artwork_id=new_artwork_id(),
        kind="labelled",
        source_type=source_type,
        title="Renard",
        author=Person("Alice Martin", None, "ESAD Exemple"),
        tool=tool,
        ingredients=[Ingredient(f"{r}.jpg", "0" * 64, "image/jpeg", r) for r in roles],
        created_at="2025-05-02T10:00:00+00:00",
    )


# --- medium in words ---------------------------------------------------------------------------


def test_medium_of_a_generated_image(alice) -> None:
    record = generated_record(alice, model_id="stabilityai/stable-diffusion-xl-base-1.0")
    assert medium_in_words(record, "en") == "Image generated with Stable Diffusion XL"
    assert medium_in_words(record, "fr") == "Image générée avec Stable Diffusion XL"


def test_medium_reworked_by_hand_from_a_sketch() -> None:
    record = labelled(
        "compositeWithTrainedAlgorithmicMedia", tool="Midjourney v6", roles=("sketch",)
    )
    assert medium_in_words(record, "en") == (
        "Image generated with Midjourney v6 from a sketch, reworked by hand"
    )
    assert medium_in_words(record, "fr") == (
        "Image générée avec Midjourney v6 à partir d'un croquis, retravaillée à la main"
    )


def test_medium_names_the_generation_behind_a_labelled_copy(alice) -> None:
    origin = generated_record(alice, model_id="runwayml/stable-diffusion-v1-5")
    copy = labelled("compositeWithTrainedAlgorithmicMedia")
    assert medium_in_words(copy, "en", origin=origin) == (
        "Image generated with Stable Diffusion 1.5, reworked by hand"
    )


def test_medium_without_ai_and_undeclared() -> None:
    assert medium_in_words(labelled("digitalCapture"), "en") == (
        "Digital photograph, without generative AI"
    )
    assert medium_in_words(labelled("humanEdits"), "fr") == (
        "Œuvre retouchée à la main, sans IA générative"
    )
    assert medium_in_words(None, "en") == "Technique not declared"
    assert medium_in_words(labelled("algorithmicallyEnhanced", tool="Topaz"), "en") == (
        "Image enhanced with Topaz"
    )


def test_medium_of_a_demo_model(alice) -> None:
    record = generated_record(alice, is_demo=True, model_id="/tmp/tiny")
    assert medium_in_words(record, "en") == "Image generated with a demo model (random weights)"


def test_medium_from_declared_external_tools() -> None:
    record = labelled("trainedAlgorithmicMedia")
    record.declaration = Declaration.from_dict(
        {"tools": [{"name": "Midjourney", "version": "6.1"}, {"name": "Krea"}]}
    )
    assert medium_in_words(record, "en") == "Image generated with Midjourney 6.1 & Krea"


# --- pictogram and QR code ---------------------------------------------------------------------


def test_one_pictogram_per_level() -> None:
    drawings = {}
    for level in LEVELS:
        svg = str(pictogram_svg(level, "fr"))
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG_NS}svg"
        drawings[level] = re.sub(
            r"<title>.*</title>|aria-label=\"[^\"]*\"|class=\"[^\"]*\"", "", svg
        )
    assert len(set(drawings.values())) == len(LEVELS)  # five different drawings
    assert "Image générée par IA" in str(pictogram_svg("generated", "fr"))
    assert "No generative AI" in str(pictogram_svg("none", "en"))
    assert str(pictogram_svg("bogus", "en")) == str(pictogram_svg("unknown", "en"))


def test_qr_payload() -> None:
    text = qr_payload("id-1", "ab" * 32)
    assert text.startswith("artcharter:verify?id=id-1&sha256=" + "ab" * 32)
    assert "artcharter verify" in text
    link = qr_payload("id-1", "cd" * 32, "https://ecole.example/verifier?lang=fr")
    assert link == "https://ecole.example/verifier?lang=fr&id=id-1&sha256=" + "cd" * 32
    assert (
        qr_payload(None, "ef" * 32)
        == f"artcharter:verify?sha256={'ef' * 32}\nartcharter verify FILE"
    )


def modules_of(svg: str) -> set[tuple[int, int]]:
    """The dark modules drawn by the QR code's SVG path (qrcode's path factory draws each
    module as one square 'M x,y H.. V.. H.. z', in units of a module)."""
    path = ET.fromstring(svg).find(f"{SVG_NS}path")
    assert path is not None
    return {
        (int(float(x)), int(float(y)))
        for x, y in re.findall(r"M([\d.]+),([\d.]+)", path.get("d", ""))
    }


def test_qr_code_encodes_the_payload() -> None:
    payload = qr_payload("4f1c2b8e-1111-4222-8333-944455556666", "0123abcd" * 8)
    drawn = modules_of(str(qr_svg(payload)))
    # The same payload encoded independently, as a matrix of booleans (border of 2).
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    reference.add_data(payload)
    reference.make(fit=True)
    expected = {
        (x, y) for y, row in enumerate(reference.get_matrix()) for x, dark in enumerate(row) if dark
    }
    assert drawn == expected
    other = modules_of(str(qr_svg(qr_payload("another-id", "0123abcd" * 8))))
    assert other != drawn


# --- the label ---------------------------------------------------------------------------------


def verification_of(record: ArtworkRecord, verdict: str = "trusted") -> Verification:
    return Verification(
        path="/x/renard.png",
        verdict=verdict,
        sha256="9f" * 32,
        signer={"name": "Alice Martin", "organisation": "ESAD Exemple"},
        record=record.to_dict(),
    )


def test_cartel_data() -> None:
    record = labelled("compositeWithTrainedAlgorithmicMedia", tool="Midjourney v6")
    data = cartel_data(verification_of(record), record, "fr")
    assert data["title"] == "Renard" and data["artist"] == "Alice Martin"
    assert data["year"] == "2025"
    assert data["ai_share"] == "partly-generated"
    assert record.artwork_id in data["qr_payload"] and "9f" * 32 in data["qr_payload"]
    assert data["verdict_words"] == "Content Credentials\u00a0: de confiance"


def test_cartel_html_and_svg_escape_the_title() -> None:
    record = labelled("trainedAlgorithmicMedia", tool="DALL-E 3")
    record.title = 'Le <script>alert("x")</script> & "guillemets"'
    data = cartel_data(verification_of(record), record, "en")
    html = render_cartel_html(data)
    assert "<script>" not in html and "&lt;script&gt;" in html
    svg = render_cartel_svg(data)
    root = ET.fromstring(svg)  # well-formed XML even with the hostile title
    texts = "".join(root.itertext())
    assert "<script>" in texts  # ...shown as text
    assert root.find(f"{SVG_NS}script") is None
    assert root.get("width") == "95mm" and root.get("height") == "66mm"


def test_long_title_is_cut_to_two_lines_in_svg() -> None:
    record = labelled("trainedAlgorithmicMedia", tool="Midjourney")
    record.title = "Une très longue suite de mots " * 6
    svg = render_cartel_svg(cartel_data(verification_of(record), record, "fr"))
    bold = [t for t in ET.fromstring(svg).iter(f"{SVG_NS}text") if t.get("font-weight") == "bold"]
    title_lines = [t for t in bold if t.get("font-size") == "5"]
    assert len(title_lines) == 2 and title_lines[1].text.endswith("…")


def test_sheet_of_cartels_for_a_folder(expo: Exhibition, tmp_path: Path) -> None:
    paths = sorted(expo.folder.glob("*.png"))
    files = make_cartels(
        paths, tmp_path, lang="en", anchors=read_anchors([expo.school_root]), sheet=True
    )
    html = files.html.read_text(encoding="utf-8")
    assert files.html.name == "cartels.html"
    assert html.count('<article class="cartel') == len(paths) == len(files.svgs)
    assert "@page { size: A4" in html
    by_file = {c["file"]: c for c in files.cartels}
    assert by_file["maree.png"]["verdict"] == "trusted"
    assert by_file["zz-unsigned.png"]["verdict"] == "no-credential"
    assert "Stable Diffusion" not in by_file["bruit.png"]["medium"]  # demo says demo
    assert "random weights" in by_file["bruit.png"]["medium"]
    assert by_file["croquis.png"]["medium"] == (
        "Image generated with SD-Turbo from a sketch, reworked by hand"
    )
    for svg in files.svgs:
        ET.fromstring(svg.read_text(encoding="utf-8"))


def test_cartel_command(expo: Exhibition, tmp_path: Path, capsys) -> None:
    assert (
        run(["--project", str(expo.root), "cartel", str(expo.generated.path), "-o", str(tmp_path)])
        == 0
    )
    out = capsys.readouterr().out
    assert "maree.cartel.html" in out
    assert (tmp_path / "maree.cartel.svg").exists()
    html = (tmp_path / "maree.cartel.html").read_text(encoding="utf-8")
    assert html.count('<article class="cartel') == 1 and "Marée basse" in html
    assert (
        run(
            [
                "--project",
                str(expo.root),
                "cartel",
                str(expo.folder),
                "-o",
                str(tmp_path / "s"),
                "--lang",
                "fr",
                "--verify-url",
                "https://ecole.example/verifier",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert "planche de 4 cartels\u00a0: " in captured.out
    # A label for an unsigned file is flagged, in one plain sentence.
    assert (
        "attention\u00a0: le verdict de zz-unsigned.png est «\u00a0sans Content Credentials\u00a0»\u00a0; "
        "son cartel l'indique"
    ) in captured.err
    one = tmp_path / "one"
    one.mkdir()
    (one / "maree.png").write_bytes(expo.generated.path.read_bytes())
    for lang, words in (("fr", "planche d'un cartel\u00a0: "), ("en", "sheet of 1 label: ")):
        args = ["--project", str(expo.root), "--lang", lang, "cartel", str(one)]
        assert run([*args, "-o", str(tmp_path / lang)]) == 0
        assert words in capsys.readouterr().out
    unsigned = expo.folder / "zz-unsigned.png"
    assert (
        run(["--lang", "en", "cartel", str(unsigned), "-o", str(tmp_path / "u"), "--offline"]) == 0
    )
    assert capsys.readouterr().err.strip() == (
        'warning: the verdict for zz-unsigned.png is "no Content Credentials"; its label says so'
    )


def test_cartel_command_rejects_a_bad_verify_url(expo: Exhibition, tmp_path: Path, capsys) -> None:
    code = run(
        [
            "--project",
            str(expo.root),
            "cartel",
            str(expo.generated.path),
            "-o",
            str(tmp_path),
            "--verify-url",
            "javascript:alert(1)",
        ]
    )
    assert code == 2 and "--verify-url" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


# --- where the QR code leads, where the labels go ---------------------------------------------


def test_the_qr_code_opens_the_project_s_jury_desk(expo: Exhibition, tmp_path: Path) -> None:
    from report_samples import DESK_URL

    assert run(["--project", str(expo.root), "cartel", str(expo.generated.path),
                "-o", str(tmp_path)]) == 0  # fmt: skip
    svg = (tmp_path / "maree.cartel.svg").read_text(encoding="utf-8")
    assert 'width="21" height="21"' in svg  # 21 mm: at least 2 cm on paper
    html = (tmp_path / "maree.cartel.html").read_text(encoding="utf-8")
    assert "svg.qr { width: 21mm; height: 21mm;" in html
    data = cartel_data(
        Verification(str(expo.generated.path), "trusted", sha256="ab" * 32),
        expo.generated.record, "en", verify_url=DESK_URL + "/a",
    )  # fmt: skip
    assert data["qr_payload"].startswith(f"{DESK_URL}/a?id={expo.generated.record.artwork_id}")


def test_a_cartel_without_a_desk_asks_for_it(
    expo: Exhibition, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no project here: no [desk] url
    image = tmp_path / "maree.png"
    image.write_bytes(expo.generated.path.read_bytes())
    assert run(["cartel", str(image), "-o", str(tmp_path / "c")]) == 3
    err = capsys.readouterr().err
    assert "[desk] url" in err and "--verify-url" in err and "--offline" in err
    assert not (tmp_path / "c").exists()
    assert run(["--lang", "fr", "cartel", str(image), "-o", "c"]) == 3
    assert "bureau du jury" in capsys.readouterr().err
    assert run(["cartel", str(image), "-o", "c", "--offline"]) == 0
    assert (tmp_path / "c" / "maree.cartel.html").exists()


def test_a_cartel_needs_its_output_folder(expo: Exhibition, capsys, monkeypatch) -> None:
    monkeypatch.chdir(expo.root)
    before = sorted(p.name for p in expo.folder.iterdir())
    assert run(["cartel", str(expo.folder)]) == 2
    err = capsys.readouterr().err
    assert "'--output'" in err or "-o" in err
    assert sorted(p.name for p in expo.folder.iterdir()) == before
    assert not list(expo.root.glob("*.cartel.*")) and not list(expo.root.glob("cartels*.html"))


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="decoding needs zbarimg (zbar-tools)")
def test_the_qr_code_decodes_at_print_size(expo: Exhibition, tmp_path: Path) -> None:
    """The label's SVG rendered at 150 dpi, its real printed size (no enlargement), read by
    a real decoder (zbar): it gives the desk's link."""
    from report_samples import DESK_URL

    from artcharter.reports.browser import screenshot

    assert run(["--project", str(expo.root), "cartel", str(expo.generated.path),
                "-o", str(tmp_path)]) == 0  # fmt: skip
    svg = tmp_path / "maree.cartel.svg"
    text = svg.read_text(encoding="utf-8")
    width_mm, height_mm = (
        float(v) for v in re.findall(r'width="([\d.]+)mm" height="([\d.]+)mm"', text)[0]
    )
    px_per_mm = 150 / 25.4
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><body style="margin:0"><img src="{svg.name}" '
        f'style="width:{width_mm * px_per_mm:.0f}px;height:{height_mm * px_per_mm:.0f}px"></body></html>',
        encoding="utf-8",
    )
    try:
        png = screenshot(page, tmp_path / "label.png", width=round(width_mm * px_per_mm),
                         height=round(height_mm * px_per_mm))  # fmt: skip
    except Exception as exc:  # no Chromium here
        pytest.skip(f"rendering needs Chromium: {exc}")
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False
    ).stdout
    assert decoded.strip().startswith(f"{DESK_URL}/a?id=")
