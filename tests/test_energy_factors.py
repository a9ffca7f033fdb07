"""Every published figure the energy report uses, pinned to its source's value, and the
docs table generated from the same data; the CPU/GPU/RAM split and its warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from artcharter.audits.energy import EnergyRecord
from artcharter.reports import energy_equivalents as eq
from artcharter.reports import energy_split

DOCS = Path(__file__).resolve().parents[1] / "docs" / "energy.md"

# (key, value, unit, words the source or its place must name)
PINNED = [
    ("phone_charges", 0.022, "kWh per full smartphone charge", "EPA"),
    ("litres_boiled", 0.093, "kWh per litre heated from 20 to 100 °C", "4.18"),
    ("car_km", 106.8, "g CO₂ per km", "Iceland + Norway"),
    ("image_generation_median", 1.35, "kWh per 1,000 images", "median"),
    ("image_generation_least_efficient", 11.49, "kWh per 1,000 images", "least efficient"),
    ("external_kwh_per_image", 0.0029, "kWh per image", "2.907"),
    ("data_centre_water", 0.37, "L per kWh", "176"),
    ("cc_cpu_per_thread", 4, "W per CPU thread", "DEFAULT_POWER_PER_CORE"),
    ("cc_cpu_generic", 85, "W", "POWER_CONSTANT"),
    ("cc_ram_per_dimm", 5, "W per memory module (x86)", "RAM_SLOT_POWER_X86"),
    ("cc_ram_arm", 1.5, "W per memory module (ARM)", "3 W"),
]


@pytest.mark.parametrize(("key", "value", "unit", "words"), PINNED)
def test_each_factor_is_its_sources_value(key: str, value: float, unit: str, words: str) -> None:
    factor = next(f for f in eq.TABLE if f.key == key)
    assert factor.value == pytest.approx(value)
    assert factor.unit == unit
    assert words in factor.source + " " + factor.where
    assert factor.url.startswith("https://")
    for lang in ("fr", "en"):
        assert factor.scope(lang)


def test_every_factor_is_pinned() -> None:
    assert {f.key for f in eq.TABLE} == {key for key, *_ in PINNED}


def test_codecarbon_constants_are_the_installed_ones() -> None:
    from codecarbon.core.cpu import DEFAULT_POWER_PER_CORE
    from codecarbon.external.hardware import POWER_CONSTANT
    from codecarbon.external.ram import RAM, RAM_SLOT_POWER_X86

    by_key = {f.key: f.value for f in eq.TABLE}
    assert by_key["cc_cpu_per_thread"] == DEFAULT_POWER_PER_CORE
    assert by_key["cc_cpu_generic"] == POWER_CONSTANT
    assert by_key["cc_ram_per_dimm"] == RAM_SLOT_POWER_X86
    ram = RAM(tracking_mode="process")
    ram.is_arm_cpu = False
    # The constant: any process under 16 GB gets 2 modules x 5 W.
    assert ram._calculate_ram_power(0.1) == ram._calculate_ram_power(15.9) == 10


def test_external_estimate_matches_the_charter_default() -> None:
    from artcharter.charter.model import EVIDENCE_KINDS

    default = EVIDENCE_KINDS["energy-budget"]["external_kwh_per_image"].default
    assert default == eq.EXTERNAL_PER_IMAGE.value


def test_docs_table_is_generated_from_the_data() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert eq.rewrite(text) == text, (
        "run: python -m artcharter.reports.energy_equivalents docs/energy.md"
    )
    for lang in ("en", "fr"):
        assert eq.factors_table(lang) in text


def test_online_estimate_says_what_it_is_based_on_and_counts_water() -> None:
    found = eq.online_estimate(24, "en")
    assert found["kwh"] == pytest.approx(24 * 0.0029)
    assert found["litres"] == pytest.approx(24 * 0.0029 * 0.37)
    assert "publish neither their model nor their hardware" in found["basis"]
    assert "Luccioni" in found["basis"] and "LBNL" in found["basis"]
    assert "L of data-centre cooling water" in found["text"]
    assert "Eau\u00a0: pas de chiffre" in eq.water_here("fr")


def cpu_only_record(**changes: object) -> EnergyRecord:
    """What codecarbon 3.3 gives on a 2-thread VM without RAPL for a 5-second run."""
    fields: dict[str, object] = {
        "status": "measured",
        "kwh_cpu": 1.6e-6,
        "kwh_gpu": 0.0,
        "kwh_ram": 1.39e-5,
        "kwh_total": 1.55e-5,
        "duration_s": 5.0,
        "method": "TDP estimate",
        "methods": {"cpu": "TDP estimate", "ram": "RAM power model"},
        "cpu_power_w": 8.0,
        "cpu_power_basis": "per-thread",
        "ram_power_w": 10.0,
        "ram_gb_process": 0.5,
        "ram_gb_machine": 4.0,
        "kwh_ram_scaled": 1.74e-6,
    }
    fields.update(changes)
    return EnergyRecord(**fields)  # type: ignore[arg-type]


def test_split_names_each_method_and_flags_the_constant() -> None:
    found = energy_split.split(cpu_only_record(), "en")
    assert found is not None
    parts = {p["part"]: p for p in found["parts"]}
    assert set(parts) == {"CPU", "RAM"}
    assert "4 W per thread" in parts["CPU"]["method"] and "8.00 W" in parts["CPU"]["method"]
    assert "constant estimate: 10.0 W" in parts["RAM"]["method"]
    assert parts["RAM"]["constant"] and not parts["CPU"]["constant"]
    assert found["dominated"] and "89.7 %" in found["warning"]
    assert "0.50\u00a0GB used out of 4.0\u00a0GB" in found["ram_scaled"]
    french = energy_split.split(cpu_only_record(), "fr")
    assert french is not None and "estimation constante" in french["warning"]
    assert "0,50\u00a0Go utilisés sur 4,0\u00a0Go" in french["ram_scaled"]  # not "GB"


def test_measured_counters_are_not_flagged() -> None:
    record = cpu_only_record(
        kwh_cpu=2.0e-4,
        kwh_gpu=1.0e-3,
        kwh_ram=1.39e-5,
        kwh_total=1.2139e-3,
        method="NVML",
        methods={"cpu": "RAPL", "gpu": "NVML", "ram": "RAM power model"},
        cpu_power_w=None,
        cpu_power_basis=None,
    )
    found = energy_split.split(record, "en")
    assert found is not None and not found["dominated"] and found["warning"] is None
    parts = {p["part"]: p for p in found["parts"]}
    assert "whole processor package and every process" in parts["CPU"]["method"]
    assert "whole GPU and every process" in parts["GPU"]["method"]
    assert energy_split.short(record, "en").startswith("CPU ")


def test_unknown_energy_has_no_split() -> None:
    assert energy_split.split(EnergyRecord(status="unknown", reason="x"), "en") is None
    assert energy_split.short(None, "en") == ""


def test_scaled_ram_is_shared_per_image() -> None:
    record = cpu_only_record().per_image(4)
    assert record.kwh_ram_scaled == pytest.approx(1.74e-6 / 4)
