"""Signed artworks for the report, cartel and summary tests, made with the real signing path.

A generated artwork is signed through ``artcharter.provenance.label.sign_record`` with a record that
carries a model, generation parameters and an energy measurement, exactly as `generate`
writes them; no model runs (the tests stay fast on two cores).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

from artcharter.provenance.declaration import Declaration
from artcharter.provenance.label import Signed, sign_record
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import (
    ArtworkRecord,
    EnergyRecord,
    GenerationParams,
    ModelInfo,
    Person,
    new_artwork_id,
    prompt_hash,
)
from artcharter.provenance.signing import SigningIdentity

HOSTILE_PROMPT = 'a "portrait" <script>alert("x")</script> & <b>bold</b> \'quoted\''

DECLARATION: dict[str, Any] = {
    "schema": "artcharter.declaration/1",
    "title": "Marée basse",
    "artist": "Alice Martin",
    "statement": (
        "Une série sur l'estran : le modèle propose des formes d'algues et de rochers, que je "
        "repeins ensuite à la gouache pour retrouver la lumière de la baie. L'IA m'a servi de "
        "carnet d'esquisses, pas de pinceau : chaque image finale est reprise à la main, et "
        "les images écartées restent consignées dans le registre de l'école."
    ),
    "explanation": (
        "The model started from random noise and removed it step by step, guided by my prompt; "
        "it learned what seaweed looks like from millions of captioned photos found online."
    ),
    "bias_reflection": "No people in the image; I checked that the prompt names no group.",
    "training_mining": "notAllowed",
    "ai_share": {
        "ideation": "assisted",
        "composition": "generated",
        "rendering": "generated",
        "post-production": "none",
    },
    "tools": [],
    "techniques": [{"name": "gouache", "how": "repainted by hand on a print"}],
    "human_inputs": [],
    "process_images": [],
}


def image_bytes(
    size: tuple[int, int] = (96, 64), color: tuple[int, int, int] = (40, 90, 160)
) -> bytes:
    import io

    img = Image.new("RGB", size, color)
    for x in range(0, size[0], 5):
        for y in range(0, size[1], 3):
            img.putpixel((x, y), (x * 3 % 256, y * 5 % 256, 200))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def generated_record(
    identity: SigningIdentity,
    *,
    prompt: str = "seaweed on a rock at low tide, gouache",
    private_prompt: bool = False,
    model_id: str = "stabilityai/sd-turbo",
    is_demo: bool = False,
    kwh: float | None = 0.0021,
    title: str | None = "Marée basse",
    declaration: dict[str, Any] | None = None,
    source_type: str = "trainedAlgorithmicMedia",
) -> ArtworkRecord:
    energy = (
        EnergyRecord(
            status="measured",
            kwh_cpu=kwh * 0.6,
            kwh_gpu=kwh * 0.3,
            kwh_ram=kwh * 0.1,
            kwh_total=kwh,
            duration_s=12.5,
            kg_co2eq=kwh * 0.056,
            country_iso="FRA",
            carbon_intensity_g_per_kwh=56.0,
            method="NVML",  # as artcharter.audits.energy records a GPU run
            codecarbon_version="3.3.0",
            scope="generation",
        )
        if kwh is not None
        else EnergyRecord(status="unknown", reason="codecarbon is not installed")
    )
    return ArtworkRecord(
        artwork_id=new_artwork_id(),
        kind="generated",
        source_type=source_type,
        title=title,
        author=Person(identity.name, identity.email, identity.organisation),
        prompt=prompt,
        prompt_sha256=prompt_hash(prompt),
        prompt_private=private_prompt,
        model=ModelInfo(
            id=model_id,
            revision="main",
            pipeline_class="StableDiffusionPipeline",
            scheduler_class="EulerDiscreteScheduler",
            library="diffusers",
            library_version="0.35.0",
            is_demo=is_demo,
        ),
        generation=GenerationParams(
            negative_prompt="blurry",
            seed=1234,
            steps=4,
            guidance=0.0,
            width=96,
            height=64,
            device="cpu",
            dtype="float32",
            libraries={"torch": "2.14.1"},
        ),
        energy=energy,
        # The samples give the declaration in its JSON form, as a signed file holds it.
        declaration=Declaration.from_dict(declaration) if declaration is not None else None,
        software={"artcharter": "test"},
    )


def sign_generated(
    output: Path,
    identity: SigningIdentity,
    *,
    ledger: Ledger | None = None,
    session_id: str | None = None,
    status: str = "signed",
    size: tuple[int, int] = (96, 64),
    color: tuple[int, int, int] = (40, 90, 160),
    **record_options: Any,
) -> Signed:
    record = generated_record(identity, **record_options)
    return sign_record(
        image_bytes(size, color),
        record,
        output,
        identity,
        [],
        ledger=ledger,
        status=status,
        session_id=session_id,
    )


# --- a whole class project, built once per test session ---------------------------------------


# The school's jury desk, where the cartels' QR codes lead.
DESK_URL = "https://jury.esad-exemple.fr"


class Exhibition:
    """A project folder with a school, an artist, a ledger and a folder of artworks."""

    def __init__(self, root: Path) -> None:
        from artcharter.provenance import keys
        from artcharter.provenance.config import init_project, set_config_value
        from artcharter.provenance.label import label
        from artcharter.provenance.signing import load_artist_identity

        self.root = root
        init_project(root, "Atelier test", lang="en")
        keys.init_school(root / "keys", "ESAD Exemple")
        keys.issue_artist(root / "keys", "Alice Martin", "alice@example.org")
        set_config_value(root, "artist", "name", "Alice Martin")
        set_config_value(root, "desk", "url", DESK_URL)
        self.identity = load_artist_identity(root / "keys", "Alice Martin")
        self.school_root = root / "keys" / keys.ROOT_CERT
        self.folder = root / "expo"
        self.folder.mkdir()
        with Ledger(root / "artcharter.db") as ledger:
            self.generated = self._generate(
                ledger,
                self.folder / "maree.png",
                "s1",
                prompt=HOSTILE_PROMPT,
                declaration=DECLARATION,
                size=(160, 120),
            )
            # A discarded image of the same session: only the ledger knows it.
            self._generate(ledger, root / "discarded.png", "s1", status="discarded", title="Rejet")
            self.demo = self._generate(
                ledger,
                self.folder / "bruit.png",
                "s2",
                is_demo=True,
                model_id=str(root / "tiny-sd"),
                title="Bruit",
                kwh=0.00004,
            )
            sketch = root / "sketch.png"
            sketch.write_bytes(image_bytes((40, 30), (200, 200, 180)))
            self.composite = label(
                self.generated.path,
                self.folder / "croquis.png",
                identity=self.identity,
                source_type="compositeWithTrainedAlgorithmicMedia",
                ingredients=[(sketch, "sketch")],
                title="Croquis <i>repris</i>",
                ledger=ledger,
            )
        self.unsigned = self.folder / "zz-unsigned.png"
        self.unsigned.write_bytes(image_bytes((50, 40), (10, 120, 10)))

    def _generate(self, ledger: Ledger, path: Path, session_id: str, **options: Any) -> Signed:
        record = generated_record(
            self.identity, **{k: v for k, v in options.items() if k not in ("size", "status")}
        )
        status = options.get("status", "signed")

        def energy_row(ledger: Ledger) -> None:
            assert record.energy is not None
            ledger.add_energy_run(
                record.energy,
                phase="generation",
                artwork_id=record.artwork_id,
                session_id=session_id,
            )

        return sign_record(
            image_bytes(options.get("size", (96, 64))),
            record,
            path,
            self.identity,
            [],
            ledger=ledger,
            status=status,
            session_id=session_id,
            extra_rows=energy_row,
        )
