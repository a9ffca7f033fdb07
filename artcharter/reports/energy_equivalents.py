"""Energy and CO2 put in everyday terms, each equivalent with its factor and its source.

Pure: numbers in, numbers and sentences out. A reader should be able to redo every
conversion by hand from the factor and the source printed next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from artcharter.base.numbers import fmt_energy, fmt_number
from artcharter.reports.i18n import t


@dataclass(frozen=True)
class Factor:
    """One conversion: ``amount = measured quantity / per_unit``."""

    key: str
    per_unit: float
    basis: str  # "kwh" (divides the energy) or "g_co2" (divides the emissions)
    source: str
    url: str


PHONE = Factor(
    key="phone_charges",
    per_unit=0.012,
    basis="kwh",
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
    source="Specific heat capacity of water (physics; a real kettle uses 10-20 % more)",
    url="https://en.wikipedia.org/wiki/Specific_heat_capacity",
)
CAR = Factor(
    key="car_km",
    per_unit=107.0,
    basis="g_co2",
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
                "text": f"{fmt_number(amount, lang, 2)} {t(f'equivalent.{factor.key}.unit', lang)}",
                "per_unit": factor.per_unit,
                "per_unit_unit": "kWh" if factor.basis == "kwh" else "g CO2e",
                "factor": t(f"equivalent.{factor.key}.factor", lang),
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
        item["text"] = t(
            "equivalent.reference",
            lang,
            model=ref.model,
            kwh_1000=fmt_number(ref.kwh_per_1000_images, lang, 3),
            per_image=per_image,
            hardware=ref.hardware,
        )
        out.append(item)
    return out
