"""Energy and CO2 put in everyday terms, each equivalent with its factor and its source.

Pure: numbers in, numbers and sentences out. A reader should be able to redo every
conversion by hand from the factor and the source printed next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from artcharter.base.numbers import fmt_energy, fmt_number


@dataclass(frozen=True)
class Factor:
    """One conversion: ``amount = measured quantity / per_unit``."""

    key: str
    per_unit: float
    basis: str  # "kwh" (divides the energy) or "g_co2" (divides the emissions)
    unit: dict[str, str]
    factor_text: dict[str, str]
    source: str
    url: str


PHONE = Factor(
    key="phone_charges",
    per_unit=0.012,
    basis="kwh",
    unit={"fr": "recharges de smartphone", "en": "smartphone charges"},
    factor_text={
        "fr": "une recharge complète de smartphone ≈ 0,012 kWh",
        "en": "one full smartphone charge ≈ 0.012 kWh",
    },
    source=(
        "US EPA, Greenhouse Gas Equivalencies Calculator (smartphones charged), "
        "as used by Luccioni, Jernite & Strubell 2023"
    ),
    url="https://www.epa.gov/energy/greenhouse-gas-equivalencies-calculator-calculations-and-references",
)
WATER = Factor(
    key="litres_boiled",
    per_unit=0.093,
    basis="kwh",
    unit={"fr": "litres d'eau portés à ébullition", "en": "litres of water brought to the boil"},
    factor_text={
        "fr": (
            "chauffer 1 litre d'eau de 20 à 100 °C ≈ 0,093 kWh "
            "(4,18 kJ/kg/K × 80 K, sans les pertes de la bouilloire)"
        ),
        "en": (
            "heating 1 litre of water from 20 to 100 °C ≈ 0.093 kWh "
            "(4.18 kJ/kg/K × 80 K, without the kettle's losses)"
        ),
    },
    source="Specific heat capacity of water (physics; a real kettle uses 10-20 % more)",
    url="https://en.wikipedia.org/wiki/Specific_heat_capacity",
)
CAR = Factor(
    key="car_km",
    per_unit=107.0,
    basis="g_co2",
    unit={"fr": "km en voiture neuve", "en": "km in a new car"},
    factor_text={
        "fr": "une voiture neuve vendue dans l'UE en 2024 émet en moyenne ≈ 107 g CO₂/km (WLTP)",
        "en": "a new car sold in the EU in 2024 emits about 107 g CO₂/km on average (WLTP)",
    },
    source=(
        "European Environment Agency, CO2 emissions from new passenger cars in Europe, "
        "2024 (provisional data)"
    ),
    url="https://www.eea.europa.eu/en/analysis/indicators/co2-performance-of-new-passenger",
)
FACTORS = (PHONE, WATER, CAR)


@dataclass(frozen=True)
class Reference:
    """A published measurement to compare one image with."""

    model: str
    kwh_per_1000_images: float
    hardware: str
    source: str
    url: str

    @property
    def kwh_per_image(self) -> float:
        return self.kwh_per_1000_images / 1000


LUCCIONI_URL = "https://arxiv.org/abs/2311.16863"
LUCCIONI = "Luccioni, Jernite & Strubell 2023, Power Hungry Processing (ACM FAccT 2024)"
REFERENCES = (
    Reference("Stable Diffusion 1.5", 1.35, "8×A100 node", LUCCIONI, LUCCIONI_URL),
    Reference("Stable Diffusion XL", 11.4, "8×A100 node", LUCCIONI, LUCCIONI_URL),
)


def co2_grams(
    kwh: float | None, kg_co2: float | None, intensity_g_per_kwh: float | None
) -> float | None:
    """Measured emissions, or energy × the grid's carbon intensity when only that is known."""
    if kg_co2 is not None:
        return kg_co2 * 1000
    if kwh is not None and intensity_g_per_kwh is not None:
        return kwh * intensity_g_per_kwh
    return None


def equivalents(
    kwh: float | None,
    kg_co2: float | None,
    lang: str,
    *,
    intensity_g_per_kwh: float | None = None,
) -> list[dict[str, Any]]:
    """Every equivalent that the measurement allows, in ``lang``, with factor and source."""
    grams = co2_grams(kwh, kg_co2, intensity_g_per_kwh)
    out = []
    for factor in FACTORS:
        measured = kwh if factor.basis == "kwh" else grams
        if measured is None:
            continue
        amount = measured / factor.per_unit
        out.append(
            {
                "key": factor.key,
                "amount": amount,
                "text": f"{fmt_number(amount, lang, 2)} {factor.unit[lang]}",
                "per_unit": factor.per_unit,
                "per_unit_unit": "kWh" if factor.basis == "kwh" else "g CO2e",
                "factor": factor.factor_text[lang],
                "source": factor.source,
                "url": factor.url,
            }
        )
    return out


def references(kwh: float | None, lang: str) -> list[dict[str, Any]]:
    """The published per-image figures, and how this image compares with each."""
    out = []
    for ref in REFERENCES:
        item: dict[str, Any] = {
            "model": ref.model,
            "kwh_per_1000_images": ref.kwh_per_1000_images,
            "kwh_per_image": ref.kwh_per_image,
            "hardware": ref.hardware,
            "source": ref.source,
            "url": ref.url,
            "ratio": kwh / ref.kwh_per_image if kwh else None,
        }
        per_image = fmt_energy(ref.kwh_per_image, lang)
        if lang == "fr":
            item["text"] = (
                f"{ref.model} : environ {fmt_number(ref.kwh_per_1000_images, lang, 3)} kWh "
                f"pour 1 000 images, soit {per_image} par image ({ref.hardware})"
            )
        else:
            item["text"] = (
                f"{ref.model}: about {fmt_number(ref.kwh_per_1000_images, lang, 3)} kWh "
                f"per 1,000 images, that is {per_image} per image ({ref.hardware})"
            )
        out.append(item)
    return out
