"""codecarbon measurements: offline, pinned against stray configuration, never fatal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from artcharter.audits import energy
from artcharter.base.errors import BadInput


def busy(seconds: float) -> int:
    """Real work for the tracker to see."""
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        count += 1
    return count


def expected_cpu_method() -> str:
    from codecarbon.core.cpu import is_rapl_available

    return energy.METHOD_RAPL if is_rapl_available() else energy.METHOD_TDP


def test_a_run_is_measured_offline_with_the_country_intensity() -> None:
    with energy.measure(country_iso="FRA", scope="test") as measured:
        busy(0.3)
    record = measured.record
    assert record is not None and record.status == "measured", record
    assert record.kwh_total > 0
    assert record.kwh_total == pytest.approx(
        record.kwh_cpu + record.kwh_gpu + record.kwh_ram, rel=1e-5
    )
    assert record.duration_s >= 0.3
    intensity = energy.carbon_intensity("FRA")
    assert intensity is not None and intensity.country_name == "France"
    assert record.carbon_intensity_g_per_kwh == intensity.g_per_kwh
    assert record.kg_co2eq == pytest.approx(record.kwh_total * intensity.g_per_kwh / 1000, rel=1e-5)
    assert record.method == expected_cpu_method()
    assert record.methods["cpu"] == expected_cpu_method()
    assert record.codecarbon_version == energy.codecarbon_version()
    assert record.tracking_mode == "process"
    assert record.scope == "test"


def test_per_image_shares_a_batch() -> None:
    with energy.measure(country_iso="FRA", scope="batch") as measured:
        busy(0.1)
    whole = measured.record
    share = whole.per_image(4)
    assert share.images_in_run == 4
    assert share.kwh_total == pytest.approx(whole.kwh_total / 4, rel=1e-5)
    assert share.kg_co2eq == pytest.approx(whole.kg_co2eq / 4, rel=1e-5)
    assert share.method == whole.method
    with pytest.raises(ValueError):
        whole.per_image(0)


def test_unknown_country_measures_energy_but_no_co2() -> None:
    with energy.measure(country_iso="XYZ", scope="test") as measured:
        busy(0.05)
    record = measured.record
    assert record.status == "measured" and record.kwh_total > 0
    assert record.kg_co2eq is None and record.carbon_intensity_g_per_kwh is None
    assert "XYZ" in record.reason


def test_check_country() -> None:
    assert energy.check_country("fra").country_iso == "FRA"
    for bad in ("XYZ", "France", "FR", ""):
        with pytest.raises(BadInput, match="alpha-3"):
            energy.check_country(bad)


def test_stray_codecarbon_config_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with energy.measure(country_iso="FRA", scope="baseline") as baseline:
        busy(0.2)
    # What a user's old experiments may leave behind: a local config and variables that
    # would write CSV files, multiply energy by a PUE, change country and tracking mode.
    (tmp_path / ".codecarbon.config").write_text(
        "[codecarbon]\nsave_to_file = true\noutput_dir = .\npue = 1000\n"
        "country_iso_code = USA\ntracking_mode = machine\nlog_level = debug\n"
        "co2_signal_api_token = leaked-token\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CODECARBON_PUE", "1000")
    monkeypatch.setenv("CODECARBON_FORCE_CPU_POWER", "100000")
    with energy.measure(country_iso="FRA", scope="pinned") as pinned:
        busy(0.2)
    record = pinned.record
    assert record.status == "measured"
    assert record.country_iso == "FRA" and record.tracking_mode == "process"
    # Same order of magnitude as without the config: no PUE x1000, no forced 100 kW CPU.
    assert record.kwh_total < 20 * baseline.record.kwh_total
    assert not list(tmp_path.glob("*.csv"))


def test_missing_codecarbon_gives_unknown_energy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "codecarbon", None)  # `import codecarbon` now fails
    with energy.measure(country_iso="FRA", scope="test") as measured:
        busy(0.01)
    assert measured.record.status == "unknown"
    assert "codecarbon" in measured.record.reason
    assert energy.check_country("FRA") is None  # cannot check: the runs will say why


def test_tracker_that_raises_in_start_gives_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from codecarbon import OfflineEmissionsTracker

    def broken_start(self: object) -> None:
        raise PermissionError("/sys/class/powercap/intel-rapl:0/energy_uj: Permission denied")

    monkeypatch.setattr(OfflineEmissionsTracker, "start", broken_start)
    with energy.measure(country_iso="FRA", scope="test") as measured:
        busy(0.01)
    assert measured.record.status == "unknown"
    assert "Permission denied" in measured.record.reason


def test_work_that_fails_is_still_measured() -> None:
    with (
        pytest.raises(KeyboardInterrupt),
        energy.measure(country_iso="FRA", scope="test") as measured,
    ):
        busy(0.05)
        raise KeyboardInterrupt
    assert measured.record is not None and measured.record.status == "measured"


def test_gpu_ids_are_empty_off_cuda() -> None:
    assert energy.gpu_ids_for("cpu") == []
    assert energy.gpu_ids_for("mps") == []


def test_audits_do_not_import_codecarbon_at_import_time() -> None:
    import subprocess

    code = "import artcharter.audits.energy, sys; print('codecarbon' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
