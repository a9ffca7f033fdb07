"""`artcharter probe validate`: the probe measured on a labelled set the tests build.

The scoring is checked exactly on crafted readings; the command end to end on a small
labelled folder with the tiny demo CLIP built offline (its accuracy means nothing, the
computation, the ledger row and what `probe show` prints do).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from artcharter.audits.bias.clip_probe import AttributeReading, ImageReading
from artcharter.audits.bias.probe_classes import load_probe_classes
from artcharter.audits.bias.validation import read_labels, reliability, score
from artcharter.base.errors import BadInput

CLASSES = load_probe_classes().select()


def person(gender: str, confidence: float, *, valid: bool = True) -> ImageReading:
    other = "man" if gender == "woman" else "woman"
    return ImageReading(
        "person",
        0.9,
        "one_person",
        attributes={
            "gender": AttributeReading(
                "gender",
                gender if valid else None,
                gender,
                confidence,
                "valid" if valid else "uncertain",
                {gender: confidence, other: 1 - confidence},
            )
        },
    )


NOBODY = ImageReading("no-person", 0.1, "object")


def test_score_counts_accuracy_confusion_abstention_and_calibration() -> None:
    labels = read_labels(
        "file,gender,person\n"
        "a.png,woman,\nb.png,woman,\nc.png,woman,\nd.png,man,\ne.png,man,\n"
        "f.png,man,\ng.png,,no\nh.png,woman,yes\n",
        CLASSES,
    )
    readings = {
        "a.png": person("woman", 0.95),  # right
        "b.png": person("man", 0.85),  # wrong
        "c.png": person("woman", 0.55, valid=False),  # uncertain (top right)
        "d.png": person("man", 0.92),  # right
        "e.png": NOBODY,  # the gate missed a person
        "f.png": person("man", 0.75),  # right
        "g.png": NOBODY,  # rightly set apart
        # h.png: not in the folder
    }
    v = score(labels, readings, CLASSES)
    g = v.attributes["gender"]
    assert (g.labelled, g.valid, g.correct, g.uncertain, g.no_person) == (6, 4, 3, 1, 1)
    assert g.accuracy == pytest.approx(0.75)
    assert (
        g.accuracy_interval is not None
        and 0 < g.accuracy_interval[0] < 0.75 < g.accuracy_interval[1]
    )
    assert g.coverage == pytest.approx(4 / 6) and g.abstention_rate == pytest.approx(2 / 6)
    assert g.confusion["woman"] == {"woman": 1, "man": 1, "uncertain": 1, "no-person": 0}
    assert g.confusion["man"] == {"woman": 0, "man": 2, "uncertain": 0, "no-person": 1}
    # Calibration over the 5 readings with a confidence (uncertain included).
    filled = {round(b.low, 1): b for b in g.calibration if b.n}
    assert set(filled) == {0.5, 0.7, 0.8, 0.9}
    assert filled[0.9].n == 2 and filled[0.9].accuracy == 1.0
    assert filled[0.8].accuracy == 0.0 and filled[0.5].accuracy == 1.0
    expected_ece = (
        2 / 5 * abs(1 - (0.95 + 0.92) / 2)
        + 1 / 5 * abs(0 - 0.85)
        + 1 / 5 * abs(1 - 0.75)
        + 1 / 5 * abs(1 - 0.55)
    )
    assert g.ece == pytest.approx(expected_ece)
    assert v.gate.people == 6 and v.gate.people_set_apart == 1
    assert v.gate.no_person == 1 and v.gate.no_person_set_apart == 1
    assert v.missing == ("h.png",) and v.images == 7
    assert "age" not in v.attributes  # no age label: nothing to say about it
    # The JSON form round-trips.
    from artcharter.audits.bias.validation import Validation

    assert Validation.from_dict(json.loads(json.dumps(v.to_dict()))) == v


def test_a_perfectly_calibrated_probe_has_no_calibration_error() -> None:
    pairs = [(0.75, True)] * 3 + [(0.75, False)]
    _bins, ece = reliability(pairs)
    assert ece == pytest.approx(0.0)
    assert reliability([])[1] is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name,gender\na.png,woman\n", "a “file” column is needed"),
        ("file,genre\na.png,woman\n", "unknown column(s): genre"),
        ("file,gender\na.png,female\n", "line 2: gender = 'female' is not a class"),
        ("file,gender\na.png,woman\na.png,man\n", "line 3: a.png is already labelled"),
        ("file,gender,person\na.png,woman,no\n", "cannot have a class"),
        ("file,gender,person\na.png,,maybe\n", "person = 'maybe'"),
        ("file,gender\n", "no labelled image"),
        ("file\na.png\n", "no attribute column"),
    ],
)
def test_bad_labels_are_one_line_errors(text: str, words: str) -> None:
    with pytest.raises(BadInput) as error:
        read_labels(text, CLASSES, "labels.csv")
    assert words in str(error.value)


def build_labelled_set(folder: Path) -> Path:
    """Eight small images a person labelled (flat colours stand in for faces: the demo
    probe reads anything), one image without a person, one label without a file."""
    images = folder / "images"
    images.mkdir(parents=True)
    rows = ["file,gender,age,person"]
    for i in range(8):
        colour = (30 * i, 255 - 25 * i, (60 * i) % 256)
        Image.new("RGB", (48, 48), colour).save(images / f"face-{i}.png")
        rows.append(f"face-{i}.png,{'woman' if i % 2 else 'man'},{'young' if i < 4 else ''},yes")
    Image.new("RGB", (48, 48), (0, 0, 0)).save(images / "empty.png")
    rows += ["empty.png,,,no", "gone.png,woman,,yes", "../outside.png,man,,yes"]
    (folder / "outside.png").write_bytes((images / "face-0.png").read_bytes())
    labels = folder / "labels.csv"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return labels


def test_cli_validate_on_a_built_labelled_set(tmp_path: Path, capsys) -> None:
    from artcharter.cli import run as cli

    labels = build_labelled_set(tmp_path)
    project = tmp_path / "p"
    assert cli(["init", str(project), "--name", "P", "--lang", "en"]) == 0
    capsys.readouterr()
    base = ["--project", str(project), "probe", "validate", "--images", str(tmp_path / "images"),
            "--labels", str(labels), "--clip", "demo", "--device", "cpu"]  # fmt: skip
    assert cli([*base, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["probe_is_demo"] and data["images"] == 9
    # A name that leaves the folder is never read: it counts as missing.
    assert data["missing"] == ["gone.png", "../outside.png"]
    gender = data["attributes"]["gender"]
    assert gender["labelled"] == 8 and set(gender["confusion"]) == {"woman", "man"}
    assert gender["valid"] + gender["uncertain"] + gender["no_person"] == 8
    assert sum(b["n"] for b in gender["calibration"]) == gender["valid"] + gender["uncertain"]
    assert data["attributes"]["age"]["labelled"] == 4
    assert data["gate"] == {
        "people": 8,
        "people_set_apart": gender["no_person"],
        "no_person": 1,
        "no_person_set_apart": data["gate"]["no_person_set_apart"],
    }
    # Kept in the ledger.
    import sqlite3

    with sqlite3.connect(project / "artcharter.db") as db:
        rows = db.execute(
            "SELECT validation_id, clip_is_demo, images FROM probe_validations"
        ).fetchall()
    assert rows == [(data["validation_id"], 1, 9)]
    # In words, in both languages.
    assert cli(base) == 0
    text = capsys.readouterr().out
    assert "Accuracy of the probe" in text and "these figures mean nothing" in text
    assert "confusion (rows: labelled; columns: what the probe said)" in text
    assert "calibration error (ECE)" in text and "2 labelled files not found" in text
    assert cli(["--lang", "fr", *base]) == 0
    assert "Justesse de la sonde" in capsys.readouterr().out
    # Bad input: one line, exit code 2, nothing recorded.
    assert cli([*base[:-6], "--labels", str(tmp_path / "nope.csv"), "--clip", "demo"]) == 2
    assert "cannot read the labels" in capsys.readouterr().err
