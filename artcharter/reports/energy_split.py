"""An energy figure taken apart: CPU, GPU and RAM, each with how it was obtained in words,
and a warning when most of the figure is a constant rather than a measure of the work.

Pure: an EnergyRecord in, numbers and sentences out (docs/energy.md says what codecarbon
does on each kind of machine; this module only says which case a record is). On a machine
without energy counters, codecarbon's RAM estimate is a constant power (10 W on x86 for a
process under 16 GB), so a short run records mostly that constant: ``dominated`` says so.
"""

from __future__ import annotations

from typing import Any

from artcharter.audits.energy import EnergyRecord
from artcharter.base.numbers import SIZE_UNITS, fmt_energy, fmt_energy_method, fmt_number
from artcharter.reports.i18n import t

# Above this share of the total, a constant estimate is said to dominate the figure.
DOMINANT_SHARE = 0.5


def _watts(value: float | None, lang: str) -> str:
    return f"{fmt_number(value or 0.0, lang, 3)} W"


def _gb(value: float | None, lang: str) -> str:
    unit = SIZE_UNITS.get(lang, SIZE_UNITS["en"])[3]  # "Go" in French
    return f"{fmt_number(value or 0.0, lang, 2)}\u00a0{unit}"


def _cpu_method(record: EnergyRecord, lang: str) -> str:
    method = record.methods.get("cpu") or ""
    if method == "TDP estimate" and record.cpu_power_w is not None:
        basis = record.cpu_power_basis or "registry"
        return t(f"energy_cpu_{basis.replace('-', '_')}", lang, w=_watts(record.cpu_power_w, lang))
    if method == "RAPL":
        return t("energy_cpu_rapl", lang)
    return fmt_energy_method(method, lang) or t("energy_not_said", lang)


def _gpu_method(record: EnergyRecord, lang: str) -> str:
    method = record.methods.get("gpu") or ""
    if method in ("NVML", "AMD SMI"):
        return t("energy_gpu_counter", lang, counter=method)
    return fmt_energy_method(method, lang) or t("energy_not_said", lang)


def _ram_method(record: EnergyRecord, lang: str) -> str:
    method = record.methods.get("ram") or ""
    if method == "RAM power model" and record.ram_power_w is not None:
        return t(
            "energy_ram_constant",
            lang,
            w=_watts(record.ram_power_w, lang),
            gb=_gb(record.ram_gb_process, lang),
        )
    return fmt_energy_method(method, lang) or t("energy_not_said", lang)


def _constant(record: EnergyRecord, part: str) -> bool:
    """Whether codecarbon's figure for ``part`` is a constant power, whatever the work."""
    return part == "ram" and record.methods.get("ram") == "RAM power model"


def split(record: EnergyRecord | None, lang: str) -> dict[str, Any] | None:
    """The components of a measured record with their methods, shares and the warning."""
    if record is None or record.status != "measured" or not record.kwh_total:
        return None
    total = record.kwh_total
    describe = {"cpu": _cpu_method, "gpu": _gpu_method, "ram": _ram_method}
    parts = []
    constant = 0.0
    for part, value in (
        ("cpu", record.kwh_cpu),
        ("gpu", record.kwh_gpu),
        ("ram", record.kwh_ram),
    ):
        if not value and part not in record.methods:
            continue
        share = (value or 0.0) / total
        if _constant(record, part):
            constant += value or 0.0
        parts.append(
            {
                "part": part.upper(),
                "kwh": value or 0.0,
                "text": fmt_energy(value or 0.0, lang),
                "share": share,
                "share_text": f"{fmt_number(100 * share, lang, 3)} %",
                "method": describe[part](record, lang),
                "constant": _constant(record, part),
            }
        )
    constant_share = constant / total
    dominated = constant_share > DOMINANT_SHARE
    scaled = None
    if record.kwh_ram_scaled is not None and record.ram_gb_machine:
        scaled = t(
            "energy_ram_scaled",
            lang,
            kwh=fmt_energy(record.kwh_ram_scaled, lang),
            gb=_gb(record.ram_gb_process, lang),
            machine=_gb(record.ram_gb_machine, lang),
        )
    return {
        "parts": parts,
        "constant_share": constant_share,
        "dominated": dominated,
        "warning": (
            t("energy_dominated", lang, share=f"{fmt_number(100 * constant_share, lang, 3)} %")
            if dominated
            else None
        ),
        "ram_scaled_kwh": record.kwh_ram_scaled,
        "ram_scaled": scaled,
    }


def short(record: EnergyRecord | None, lang: str) -> str:
    """One line for a terminal: "CPU 1.3 mWh · RAM 12 mWh (constant, 88 %)"."""
    found = split(record, lang)
    if found is None:
        return ""
    items = []
    for part in found["parts"]:
        label = f"{part['part']} {part['text']}"
        if part["constant"]:
            label += f" ({t('energy_constant_word', lang)}, {part['share_text']})"
        items.append(label)
    return " · ".join(items)
