"""Energy and CO2 put in everyday terms, each number with its value, unit, scope and source.

Pure: numbers in, numbers and sentences out. A reader should be able to redo every
conversion by hand from the factor and the source printed next to it. Every figure the
reports use is a ``Factor`` in ``TABLE``; docs/energy.md carries the same table, generated
from it (``python -m artcharter.reports.energy_equivalents docs/energy.md``) and kept in
sync by a test. Each factor is its source's own value, with the place in the source where it
is (``where``); the scope, in the catalogue (``factor.<key>.scope``), says what it counts and
what it does not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.numbers import fmt_energy, fmt_number
from artcharter.reports.i18n import t
from artcharter.reports.messages import MESSAGES


@dataclass(frozen=True)
class Factor:
    """One published figure: ``value`` ``unit``, from ``source`` at ``where``."""

    key: str
    value: float
    unit: str
    source: str
    where: str  # the page, table or section of the source that gives the value
    url: str
    # For an everyday equivalent: what the value divides ("kwh" or "g_co2"); else None.
    basis: str | None = None

    def scope(self, lang: str) -> str:
        return t(f"factor.{self.key}.scope", lang)


LUCCIONI = "Luccioni, Jernite & Strubell, Power Hungry Processing (ACM FAccT 2024)"
LUCCIONI_URL = "https://doi.org/10.1145/3630106.3658542"
CODECARBON = "codecarbon 3.3.2, source code (as installed)"
CODECARBON_URL = "https://github.com/mlco2/codecarbon"

PHONE = Factor(
    key="phone_charges",
    value=0.022,
    unit="kWh per full smartphone charge",
    basis="kwh",
    source=(
        "US EPA, Greenhouse Gas Equivalencies Calculator: Calculations and References "
        "(2024), the value Luccioni, Jernite & Strubell use"
    ),
    where="section “Number of smartphones charged” (0.012 kWh before January 2024)",
    url="https://www.epa.gov/energy/greenhouse-gases-equivalencies-calculator-calculations-and-references",
)
WATER_HEATED = Factor(
    key="litres_boiled",
    value=0.093,
    unit="kWh per litre heated from 20 to 100 °C",
    basis="kwh",
    source="Specific heat capacity of liquid water, 4.18 kJ/(kg·K) (× 1 kg × 80 K = 334 kJ)",
    where="table of specific heat capacities, water (liquid) at 25 °C",
    url="https://en.wikipedia.org/wiki/Specific_heat_capacity",
)
CAR = Factor(
    key="car_km",
    value=106.8,
    unit="g CO₂ per km",
    basis="g_co2",
    source=(
        "European Environment Agency, CO2 emissions from new passenger cars and vans, "
        "provisional 2024 data"
    ),
    where="average of new passenger cars registered in 2024, EU-27 + Iceland + Norway (WLTP)",
    url="https://www.eea.europa.eu/en/analysis/indicators/co2-performance-of-new-passenger",
)
EQUIVALENTS = (PHONE, WATER_HEATED, CAR)

IMAGE_MEDIAN = Factor(
    key="image_generation_median",
    value=1.35,
    unit="kWh per 1,000 images",
    source=LUCCIONI,
    where="§4.1 (image generation, median over the models tested; 8×A100 node)",
    url=LUCCIONI_URL,
)
IMAGE_LEAST_EFFICIENT = Factor(
    key="image_generation_least_efficient",
    value=11.49,
    unit="kWh per 1,000 images",
    source=LUCCIONI,
    where="§4.1 (“the least efficient image generation model”; 8×A100 node)",
    url=LUCCIONI_URL,
)
REFERENCES = (IMAGE_MEDIAN, IMAGE_LEAST_EFFICIENT)

EXTERNAL_PER_IMAGE = Factor(
    key="external_kwh_per_image",
    value=0.0029,
    unit="kWh per image",
    source=LUCCIONI,
    where="Table 2, image generation: mean 2.907 kWh per 1,000 inferences",
    url=LUCCIONI_URL,
)
DATA_CENTRE_WATER = Factor(
    key="data_centre_water",
    value=0.37,
    unit="L per kWh",
    source=(
        "Shehabi et al., 2024 United States Data Center Energy Usage Report (LBNL): "
        "17 billion gallons (64 billion L) of water consumed on site for 176 TWh in 2023"
    ),
    where="2023 on-site water consumption ÷ 2023 electricity use (64 × 10⁹ L ÷ 176 × 10⁹ kWh)",
    url="https://eta.lbl.gov/publications/2024-lbnl-data-center-energy-usage-report",
)
CODECARBON_FACTORS = (
    Factor(
        key="cc_cpu_per_thread",
        value=4,
        unit="W per CPU thread",
        source=CODECARBON,
        where="codecarbon/core/cpu.py, DEFAULT_POWER_PER_CORE",
        url=CODECARBON_URL,
    ),
    Factor(
        key="cc_cpu_generic",
        value=85,
        unit="W",
        source=CODECARBON,
        where="codecarbon/external/hardware.py, POWER_CONSTANT",
        url=CODECARBON_URL,
    ),
    Factor(
        key="cc_ram_per_dimm",
        value=5,
        unit="W per memory module (x86)",
        source=CODECARBON,
        where="codecarbon/external/ram.py, RAM_SLOT_POWER_X86 (at least 2 modules: 10 W)",
        url=CODECARBON_URL,
    ),
    Factor(
        key="cc_ram_arm",
        value=1.5,
        unit="W per memory module (ARM)",
        source=CODECARBON,
        where="codecarbon/external/ram.py, RAM._calculate_ram_power (at least 3 W)",
        url=CODECARBON_URL,
    ),
)
TABLE = (*EQUIVALENTS, *REFERENCES, EXTERNAL_PER_IMAGE, DATA_CENTRE_WATER, *CODECARBON_FACTORS)


def co2_grams(
    kwh: float | None, kg_co2: float | None, intensity_g_per_kwh: float | None
) -> float | None:
    """Measured emissions, or energy × the grid's carbon intensity when only that is known."""
    if kg_co2 is not None:
        return kg_co2 * 1000
    if kwh is not None and intensity_g_per_kwh is not None:
        return kwh * intensity_g_per_kwh
    return None


# For each equivalent, the units it may be said in, largest first, and how many of the
# first unit each is: a tiny figure reads as "4.8 cm", not "0.000048 km".
UNITS: dict[str, tuple[tuple[float, str], ...]] = {
    "phone_charges": ((1, "unit"), (0.01, "unit_percent")),
    "litres_boiled": ((1, "unit"), (0.001, "unit_ml")),
    "car_km": ((1, "unit"), (0.001, "unit_m"), (0.00001, "unit_cm"), (0.000001, "unit_mm")),
}


def readable(key: str, amount: float, lang: str) -> str:
    """``amount`` of equivalent ``key`` in the largest of its units that keeps the number at
    least 1 (else its smallest unit), with two significant digits: "4,8 cm en voiture
    neuve", "0,41 % d'une recharge de smartphone"."""
    units = UNITS.get(key, ((1, "unit"),))
    size, unit = next(((s, u) for s, u in units if amount >= s), units[-1])
    return f"{fmt_number(amount / size, lang, 2)}\u00a0{t(f'equivalent.{key}.{unit}', lang)}"


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
    for factor in EQUIVALENTS:
        measured = kwh if factor.basis == "kwh" else grams
        if measured is None:
            continue
        amount = measured / factor.value
        out.append(
            {
                "key": factor.key,
                "amount": amount,
                "text": readable(factor.key, amount, lang),
                "per_unit": factor.value,
                "per_unit_unit": factor.unit,
                "factor": t(f"equivalent.{factor.key}.factor", lang),
                "scope": factor.scope(lang),
                "source": factor.source,
                "where": factor.where,
                "url": factor.url,
            }
        )
    return out


def references(kwh: float | None, lang: str) -> list[dict[str, Any]]:
    """The published per-image figures, and how this image compares with each."""
    out = []
    for ref in REFERENCES:
        per_image = ref.value / 1000
        out.append(
            {
                "key": ref.key,
                "kwh_per_1000_images": ref.value,
                "kwh_per_image": per_image,
                "source": ref.source,
                "where": ref.where,
                "url": ref.url,
                "ratio": kwh / per_image if kwh else None,
                "text": t(
                    f"equivalent.reference.{ref.key}",
                    lang,
                    kwh_1000=fmt_number(ref.value, lang, 4),
                    per_image=fmt_energy(per_image, lang),
                ),
            }
        )
    return out


def online_estimate(images: int, lang: str) -> dict[str, Any]:
    """What ``images`` made with an online service (Midjourney, Firefly...) may have cost,
    and what the estimate is based on: the services publish neither their model nor their
    hardware, so the mean of the open image-generation models Luccioni et al. measured
    stands in, and the data-centre cooling water follows from it."""
    kwh = images * EXTERNAL_PER_IMAGE.value
    litres = kwh * DATA_CENTRE_WATER.value
    return {
        "images": images,
        "kwh": kwh,
        "litres": litres,
        "text": MESSAGES.count(
            "online_estimate",
            images,
            lang,
            kwh=fmt_energy(kwh, lang),
            litres=fmt_number(litres, lang, 2),
        ),
        "basis": t("online_estimate_basis", lang),
        "sources": [
            {"source": f.source, "where": f.where, "url": f.url}
            for f in (EXTERNAL_PER_IMAGE, DATA_CENTRE_WATER)
        ],
    }


def water_here(lang: str) -> str:
    """Why no water figure is given for a generation on this machine."""
    return t("water_local", lang)


# --- the table in docs/energy.md -------------------------------------------------------------

HEADERS = {
    "en": ("Figure", "Value", "Unit", "Scope", "Source", "Where in the source"),
    "fr": ("Chiffre", "Valeur", "Unité", "Périmètre", "Source", "Où dans la source"),
}
BLOCK = re.compile(
    r"(<!-- BEGIN factors-table (fr|en) -->\n)(.*?)(<!-- END factors-table \2 -->)", re.DOTALL
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def factors_table(lang: str) -> str:
    """Every factor as a Markdown table, in ``lang`` (the scope is translated)."""
    lines = ["| " + " | ".join(HEADERS[lang]) + " |", "|" + "---|" * len(HEADERS[lang])]
    for f in TABLE:
        value = f"{f.value:g}"
        cells = (f"`{f.key}`", value, f.unit, f.scope(lang), f"[{f.source}]({f.url})", f.where)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def rewrite(text: str) -> str:
    """``text`` with each factors-table block regenerated."""
    return BLOCK.sub(lambda m: m.group(1) + factors_table(m.group(2)) + m.group(4), text)


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        path.write_text(rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
