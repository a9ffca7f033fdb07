"""How accurate the probe is on images a person has labelled: pure scoring, no I/O.

A school gives a folder of images and a CSV file of what a person sees in each one
(``file`` then one column per attribute: ``gender``, ``age``, ``skin_tone``…, with the
class ids of probe_classes.toml; an empty cell means "not labelled"; a ``person`` column
with ``no`` marks an image without a person, to check the gate). ``score`` compares the
probe's readings with the labels and gives, per attribute:

- the **accuracy** on the images the probe read (valid readings), with its Wilson 95 %
  interval, and the **coverage** (valid readings / labelled images);
- the **confusion matrix**, true class × what the probe said, with two extra columns for
  the images it set apart: ``uncertain`` (under the attribute's threshold) and
  ``no-person`` (the gate abstained);
- the **abstention rate**: (uncertain + no person) / labelled images;
- **calibration**: a reliability curve (the top probability in ten bins of width 0.1, each
  bin's mean confidence against how often the top class was right, over every labelled
  image whose attribute was read, uncertain ones included) and the expected calibration
  error ECE = Σ_b (n_b / N) |accuracy_b − confidence_b| (Guo et al. 2017). The thresholds
  are softmax values: this is what says whether a 0.6 means "right 60 % of the time".

And for the gate, when some images are labelled ``person = no``: how many of them it set
apart, and how many labelled people it missed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from artcharter.audits.bias.clip_probe import ImageReading
from artcharter.audits.bias.metrics import wilson_interval
from artcharter.audits.bias.probe_classes import NO_PERSON, ProbeClasses
from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

UNCERTAIN = "uncertain"
BINS = 10
FILE_COLUMNS = ("file", "image", "path")
PERSON_COLUMN = "person"
NO_VALUES = {"no", "non", "false", "0", NO_PERSON}
YES_VALUES = {"yes", "oui", "true", "1", ""}


@dataclass(frozen=True)
class Label:
    """What a person sees in one image: the file name and a class per labelled attribute."""

    file: str
    classes: dict[str, str]
    person: bool = True


def read_labels(text: str, classes: ProbeClasses, where: str = "labels.csv") -> list[Label]:
    """The rows of a labels CSV; a one-line BadInput (with the line) for anything wrong."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    file_column = next((h for h in header if h.lower() in FILE_COLUMNS), None)
    if file_column is None:
        raise BadInput(MESSAGES("validation.no_file_column", where=where))
    known = {a.id: a for a in classes.attributes}
    columns = [h for h in header if h != file_column and h.lower() != PERSON_COLUMN]
    unknown = [h for h in columns if h not in known]
    if unknown:
        raise BadInput(
            MESSAGES(
                "validation.unknown_attribute",
                where=where,
                names=", ".join(unknown),
                choices=", ".join(known),
            )
        )
    if not columns:
        raise BadInput(MESSAGES("validation.no_attribute", where=where))
    labels: list[Label] = []
    seen: set[str] = set()
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        name = row.get(file_column, "")
        if not name:
            raise BadInput(MESSAGES("validation.no_file", where=where, line=line))
        if name in seen:
            raise BadInput(MESSAGES("validation.duplicate", where=where, line=line, file=name))
        seen.add(name)
        person_cell = next((v for k, v in row.items() if k.lower() == PERSON_COLUMN), "")
        if person_cell.lower() not in NO_VALUES | YES_VALUES:
            raise BadInput(
                MESSAGES("validation.bad_person", where=where, line=line, value=person_cell)
            )
        person = person_cell.lower() not in NO_VALUES
        found: dict[str, str] = {}
        for column in columns:
            value = row.get(column, "")
            if not value:
                continue
            if value not in known[column].class_ids:
                raise BadInput(
                    MESSAGES(
                        "validation.unknown_class",
                        where=where,
                        line=line,
                        attribute=column,
                        value=value,
                        choices=", ".join(known[column].class_ids),
                    )
                )
            if not person:
                raise BadInput(MESSAGES("validation.class_without_person", where=where, line=line))
            found[column] = value
        labels.append(Label(name, found, person))
    if not labels:
        raise BadInput(MESSAGES("validation.empty", where=where))
    return labels


@dataclass(frozen=True)
class CalibrationBin:
    low: float
    high: float
    n: int
    confidence: float | None  # mean top probability in the bin
    accuracy: float | None  # how often the top class was the label


@dataclass(frozen=True)
class AttributeValidation:
    attribute: str
    classes: tuple[str, ...]
    labelled: int
    valid: int
    correct: int
    uncertain: int
    no_person: int
    unreadable: int
    accuracy: float | None
    accuracy_interval: tuple[float, float] | None
    coverage: float | None
    abstention_rate: float | None
    # confusion[true][said]: said is a class, "uncertain" or "no-person"
    confusion: dict[str, dict[str, int]]
    calibration: tuple[CalibrationBin, ...]
    ece: float | None
    threshold: float

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["classes"] = list(self.classes)
        data["accuracy_interval"] = list(self.accuracy_interval) if self.accuracy_interval else None
        data["calibration"] = [asdict(b) for b in self.calibration]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AttributeValidation:
        fields = dict(data)
        fields["classes"] = tuple(data["classes"])
        interval = data.get("accuracy_interval")
        fields["accuracy_interval"] = tuple(interval) if interval else None
        fields["calibration"] = tuple(CalibrationBin(**b) for b in data["calibration"])
        return cls(**fields)


@dataclass(frozen=True)
class GateValidation:
    """The gate on labelled images: people it missed, images without a person it let in."""

    people: int
    people_set_apart: int
    no_person: int
    no_person_set_apart: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Validation:
    images: int
    attributes: dict[str, AttributeValidation]
    gate: GateValidation
    missing: tuple[str, ...] = field(default=())  # labelled files not found in the folder

    def to_dict(self) -> dict[str, Any]:
        return {
            "images": self.images,
            "attributes": {k: v.to_dict() for k, v in self.attributes.items()},
            "gate": self.gate.to_dict(),
            "missing": list(self.missing),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Validation:
        return cls(
            images=int(data["images"]),
            attributes={k: AttributeValidation.from_dict(v) for k, v in data["attributes"].items()},
            gate=GateValidation(**data["gate"]),
            missing=tuple(data.get("missing") or ()),
        )


def _said(reading: ImageReading, attribute: str) -> tuple[str, float | None, str | None]:
    """What the probe said of one attribute: a class, "uncertain", "no-person" or
    "unreadable"; with the top probability and top class when it read the attribute."""
    if reading.status == "unreadable":
        return "unreadable", None, None
    if reading.status == NO_PERSON:
        return NO_PERSON, None, None
    found = reading.attributes.get(attribute)
    if found is None:
        return "unreadable", None, None
    said = found.label if found.status == "valid" and found.label else UNCERTAIN
    return said, found.confidence, found.top


def reliability(
    pairs: Iterable[tuple[float, bool]], bins: int = BINS
) -> tuple[tuple[CalibrationBin, ...], float | None]:
    """The reliability curve of (confidence, right) pairs in ``bins`` equal bins, and ECE."""
    counts = [[0, 0.0, 0] for _ in range(bins)]  # n, sum of confidence, right
    total = 0
    for confidence, right in pairs:
        index = min(bins - 1, max(0, int(confidence * bins)))
        counts[index][0] += 1
        counts[index][1] += confidence
        counts[index][2] += int(right)
        total += 1
    out = []
    ece = 0.0
    for i, (n, confidence_sum, right) in enumerate(counts):
        confidence = confidence_sum / n if n else None
        accuracy = right / n if n else None
        if n:
            ece += n / total * abs(accuracy - confidence)  # type: ignore[operator]
        out.append(CalibrationBin(i / bins, (i + 1) / bins, n, confidence, accuracy))
    return tuple(out), (ece if total else None)


def score(
    labels: Sequence[Label],
    readings: Mapping[str, ImageReading],
    classes: ProbeClasses,
) -> Validation:
    """Compare the probe's reading of each labelled file (``readings`` by file name) with
    its labels. A labelled file without a reading is listed in ``missing``."""
    missing = tuple(label.file for label in labels if label.file not in readings)
    present = [label for label in labels if label.file in readings]
    attributes: dict[str, AttributeValidation] = {}
    for spec in classes.attributes:
        rows = [(label.classes[spec.id], readings[label.file]) for label in present
                if spec.id in label.classes]  # fmt: skip
        if not rows:
            continue
        columns = (*spec.class_ids, UNCERTAIN, NO_PERSON)
        confusion = {c: dict.fromkeys(columns, 0) for c in spec.class_ids}
        valid = correct = uncertain = no_person = unreadable = 0
        pairs: list[tuple[float, bool]] = []
        for truth, reading in rows:
            said, confidence, top = _said(reading, spec.id)
            if said == "unreadable":
                unreadable += 1
                continue
            confusion[truth][said] += 1
            if said == UNCERTAIN:
                uncertain += 1
            elif said == NO_PERSON:
                no_person += 1
            else:
                valid += 1
                correct += int(said == truth)
            if confidence is not None:
                pairs.append((confidence, top == truth))
        labelled = len(rows) - unreadable
        calibration, ece = reliability(pairs)
        attributes[spec.id] = AttributeValidation(
            attribute=spec.id,
            classes=spec.class_ids,
            labelled=labelled,
            valid=valid,
            correct=correct,
            uncertain=uncertain,
            no_person=no_person,
            unreadable=unreadable,
            accuracy=correct / valid if valid else None,
            accuracy_interval=wilson_interval(correct, valid) if valid else None,
            coverage=valid / labelled if labelled else None,
            abstention_rate=(uncertain + no_person) / labelled if labelled else None,
            confusion=confusion,
            calibration=calibration,
            ece=ece,
            threshold=spec.threshold,
        )
    people = [readings[label.file] for label in present if label.person]
    nobody = [readings[label.file] for label in present if not label.person]
    gate = GateValidation(
        people=len(people),
        people_set_apart=sum(1 for r in people if r.status == NO_PERSON),
        no_person=len(nobody),
        no_person_set_apart=sum(1 for r in nobody if r.status == NO_PERSON),
    )
    return Validation(len(present), attributes, gate, missing)
