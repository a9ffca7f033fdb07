"""Energy of a model run, measured with codecarbon's offline tracker.

One tracker per run (codecarbon mis-reports a tracker restarted after ``stop``), started
around the model call only: loading a model is measured as a run of its own. Every
tracker argument is passed explicitly, so that a stray ``.codecarbon.config`` or a
``CODECARBON_*`` variable cannot change what gets recorded, write files, or reach the
network. The carbon intensity comes from codecarbon's own offline data for the country
and is handed back to codecarbon as a fixed value: the CO2 figure is kWh x that number,
and nothing ever asks an online service.

A tracker that fails never stops the work it measures: the run gets an ``EnergyRecord``
with ``status="unknown"`` and the reason. codecarbon is imported only inside functions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import math
import os
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

# Measurement methods, as recorded in EnergyRecord.method.
METHOD_NVML = "NVML"
METHOD_RAPL = "RAPL"
METHOD_TDP = "TDP estimate"
# Power is sampled every second: generations last seconds, and the default (15 s) would
# leave a short run with a single reading taken at its end.
MEASURE_POWER_SECS = 1.0
# codecarbon's "process" mode. What it changes, read in codecarbon 3.3's code: where the
# CPU is estimated from its load, the load is this process's (and its children's) CPU time,
# not the whole machine's; the RAM model is fed this process's memory instead of the
# machine's. It does NOT scale measured counters: RAPL reads the whole CPU package and NVML
# the whole GPU, every process included (docs/energy.md says what is done on each machine).
TRACKING_MODE = "process"
PROJECT_NAME = "artcharter"

STATUS_MEASURED = "measured"
STATUS_UNKNOWN = "unknown"

# codecarbon's CPU modes -> the method a person reads.
_CPU_METHODS = {
    "intel_rapl": METHOD_RAPL,
    "windows_emi": METHOD_RAPL,  # the Windows Energy Meter Interface exposes RAPL
    "intel_power_gadget": "Intel Power Gadget",
    "cpu_load": METHOD_TDP,  # CPU load x the TDP of the CPU model
    "constant": METHOD_TDP,
}


@dataclass
class EnergyRecord:
    """One codecarbon measurement, already divided per image when it covered a batch.

    ``status`` is "measured" or "unknown" (then ``reason`` says why). The kWh, duration
    and CO2 of a run over ``images_in_run`` images are the run's values divided by that
    number. ``method`` is how the device that did the work was measured (NVML, RAPL or
    TDP estimate); ``methods`` gives it per component (cpu, gpu, ram).
    """

    status: str
    reason: str | None = None
    kwh_cpu: float | None = None
    kwh_gpu: float | None = None
    kwh_ram: float | None = None
    kwh_total: float | None = None
    duration_s: float | None = None
    kg_co2eq: float | None = None
    country_iso: str | None = None
    carbon_intensity_g_per_kwh: float | None = None
    method: str | None = None
    codecarbon_version: str | None = None
    scope: str | None = None
    images_in_run: int = 1
    country_name: str | None = None
    carbon_intensity_year: int | None = None
    methods: dict[str, str] = field(default_factory=dict)
    tracking_mode: str | None = None
    hardware: str | None = None
    # What the estimates were built from (None where a counter measured it):
    # the CPU power codecarbon assumes at full load, and where that figure comes from
    # ("registry": codecarbon's table of CPU models; "per-thread": its generic 4 W per
    # thread for a model not in the table; "generic": its 85 W for an undetected model).
    cpu_power_w: float | None = None
    cpu_power_basis: str | None = None
    # The constant RAM power codecarbon used, the memory it was computed from (this
    # process's) and the machine's; and a RAM figure that scales with the process's memory
    # (the machine's RAM power in codecarbon's own model x the process's share of it).
    ram_power_w: float | None = None
    ram_gb_process: float | None = None
    ram_gb_machine: float | None = None
    kwh_ram_scaled: float | None = None

    def per_image(self, images: int) -> EnergyRecord:
        """This run's share for one of ``images`` images made together."""
        if images < 1:
            raise ValueError("a run covers at least one image")
        if images == 1:
            return dataclasses.replace(self, images_in_run=1)

        def share(value: float | None) -> float | None:
            return None if value is None else significant(value / images)

        return dataclasses.replace(
            self,
            kwh_cpu=share(self.kwh_cpu),
            kwh_gpu=share(self.kwh_gpu),
            kwh_ram=share(self.kwh_ram),
            kwh_total=share(self.kwh_total),
            kwh_ram_scaled=share(self.kwh_ram_scaled),
            duration_s=share(self.duration_s),
            kg_co2eq=share(self.kg_co2eq),
            images_in_run=images,
        )


# Readings are estimates good to a few digits; six significant digits keep them exact
# through every JSON and CBOR round trip (ledger, C2PA manifest).
SIGNIFICANT_DIGITS = 6


def significant(value: float) -> float:
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


@dataclass(frozen=True)
class CarbonIntensity:
    """A country's grid carbon intensity in codecarbon's offline data."""

    country_iso: str
    country_name: str
    g_per_kwh: float
    year: int | None


def codecarbon_version() -> str | None:
    try:
        from codecarbon import __version__
    except ImportError:
        return None
    return str(__version__)


@lru_cache(maxsize=1)
def _energy_mix() -> dict[str, Any]:
    from codecarbon.input import DataSource

    return DataSource().get_global_energy_mix_data()


def carbon_intensity(country_iso: str) -> CarbonIntensity | None:
    """The intensity codecarbon's offline data gives ``country_iso``; None if it has none.

    Raises SetupError when codecarbon is not installed.
    """
    try:
        mix = _energy_mix()
    except ImportError:
        from artcharter.base.errors import SetupError

        raise SetupError(MESSAGES("energy.codecarbon_installed_run")) from None
    entry = mix.get(country_iso.upper())
    if not entry or entry.get("carbon_intensity") is None:
        return None
    year = entry.get("year")
    return CarbonIntensity(
        country_iso=country_iso.upper(),
        country_name=str(entry.get("country_name") or country_iso.upper()),
        g_per_kwh=float(entry["carbon_intensity"]),
        year=int(year) if year is not None else None,
    )


def check_country(country_iso: str) -> CarbonIntensity | None:
    """The country's intensity, or a one-line error a person can act on.

    Without codecarbon only the form of the code is checked (and None returned): the
    measurements will then say why energy is unknown.
    """
    found = None
    if _valid_iso(country_iso):
        if codecarbon_version() is None:
            return None
        found = carbon_intensity(country_iso)
    if found is None:
        raise BadInput(MESSAGES("energy.country_has_carbon_intensity", country_iso=country_iso))
    return found


def _valid_iso(country_iso: str) -> bool:
    return len(country_iso) == 3 and country_iso.isascii() and country_iso.isalpha()


def gpu_ids_for(device: str) -> list[str]:
    """The GPU the run uses, as codecarbon should track it: none for cpu or mps.

    A CUDA index is relative to CUDA_VISIBLE_DEVICES while NVML counts every GPU of the
    machine, so the device is named by its UUID, which both agree on.
    """
    if not device.startswith("cuda"):
        return []
    import torch

    index = torch.device(device).index
    if index is None:
        index = torch.cuda.current_device()
    try:
        uuid = str(torch.cuda.get_device_properties(index).uuid)
    except (AttributeError, RuntimeError, AssertionError):
        uuid = ""
    if uuid:
        return [uuid if uuid.startswith(("GPU-", "MIG-")) else f"GPU-{uuid}"]
    visible = [v.strip() for v in os.environ.get("CUDA_VISIBLE_DEVICES", "").split(",") if v]
    return [visible[index] if index < len(visible) else str(index)]


@dataclass
class Measurement:
    """Filled in when the measured block ends, whether it ended well or not."""

    record: EnergyRecord | None = None


@contextmanager
def measure(*, country_iso: str, scope: str, gpu_ids: Sequence[str] = ()) -> Iterator[Measurement]:
    """Measure the energy of the block with one codecarbon run.

    ``measurement.record`` holds the whole run; ``record.per_image(n)`` gives one image's
    share of a batch. If the block raises, the tracker is stopped, the record is still
    filled in (the energy was spent), and the error propagates.
    """
    meter = _Meter(country_iso.upper(), scope, list(gpu_ids))
    measurement = Measurement()
    meter.start()
    try:
        yield measurement
    finally:
        measurement.record = meter.stop()


class _Meter:
    """One OfflineEmissionsTracker run, with every failure turned into a reason."""

    def __init__(self, country_iso: str, scope: str, gpu_ids: list[str]) -> None:
        self.country_iso = country_iso
        self.scope = scope
        self.gpu_ids = gpu_ids
        self.tracker: Any = None
        self.failure: str | None = None
        self.intensity: CarbonIntensity | None = None
        self.version = codecarbon_version()
        self.rss_gb_start: float | None = None

    def start(self) -> None:
        try:
            self.tracker = self._new_tracker()
            self.tracker.start()
        except Exception as exc:  # a tracker must never stop the work it measures
            self.failure = f"codecarbon failed to start: {_one_line(exc)}"
            return
        # codecarbon swallows its own errors in start(); a run that did not begin has no
        # start time.
        if getattr(self.tracker, "_start_time", None) is None:
            self.failure = "codecarbon could not start measuring (hardware not readable)"
            return
        self.rss_gb_start = _process_gb()

    def _new_tracker(self) -> Any:
        if self.version is None:
            raise RuntimeError("codecarbon is not installed (pip install codecarbon)")
        from codecarbon import OfflineEmissionsTracker

        if _valid_iso(self.country_iso):
            self.intensity = carbon_intensity(self.country_iso)
        # codecarbon's logger says INFO and WARNING lines before the log_level argument
        # takes effect: silence it first.
        logging.getLogger("codecarbon").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            # save_to_* are deprecated in favour of output_methods; both are pinned so
            # that no version reads them from a config file.
            warnings.simplefilter("ignore", DeprecationWarning)
            return OfflineEmissionsTracker(
                # An unknown country is left out (codecarbon would log an error for it);
                # the record still names it and says why there is no CO2 figure.
                country_iso_code=self.country_iso if self.intensity else None,
                region=None,
                cloud_provider=None,
                cloud_region=None,
                country_2letter_iso_code=None,
                project_name=PROJECT_NAME,
                experiment_id=None,
                experiment_name=self.scope,
                measure_power_secs=MEASURE_POWER_SECS,
                api_call_interval=-1,
                api_endpoint=None,
                api_key=None,
                emissions_endpoint=None,
                electricitymaps_api_token=None,
                output_dir=tempfile.gettempdir(),
                output_file="emissions.csv",
                output_methods=[],
                output_handlers=[],
                save_to_file=False,
                save_to_api=False,
                save_to_logger=False,
                save_to_prometheus=False,
                save_to_logfire=False,
                logging_logger=None,
                prometheus_url=None,
                on_csv_write="append",
                gpu_ids=list(self.gpu_ids),
                tracking_mode=TRACKING_MODE,
                log_level="error",
                logger_preamble="",
                force_cpu_power=None,
                force_ram_power=None,
                pue=1.0,
                wue=0.0,
                # Fixed from the offline data: no online intensity service is ever asked,
                # and an unknown country does not silently become a world average.
                force_carbon_intensity_g_co2e_kwh=(
                    self.intensity.g_per_kwh if self.intensity else 0.0
                ),
                force_mode_cpu_load=False,
                allow_multiple_runs=True,
                rapl_include_dram=False,
                rapl_prefer_psys=False,
                metadata=None,
            )

    def stop(self) -> EnergyRecord:
        base = EnergyRecord(
            status=STATUS_UNKNOWN,
            scope=self.scope,
            country_iso=self.country_iso,
            country_name=self.intensity.country_name if self.intensity else None,
            carbon_intensity_g_per_kwh=self.intensity.g_per_kwh if self.intensity else None,
            carbon_intensity_year=self.intensity.year if self.intensity else None,
            codecarbon_version=self.version,
            tracking_mode=TRACKING_MODE,
        )
        if self.failure is not None:
            self._stop_quietly()
            return dataclasses.replace(base, reason=self.failure)
        try:
            self.tracker.stop()
            data = getattr(self.tracker, "final_emissions_data", None)
        except Exception as exc:
            return dataclasses.replace(base, reason=f"codecarbon failed to stop: {_one_line(exc)}")
        if data is None:
            return dataclasses.replace(base, reason="codecarbon returned no measurement")
        values = {
            "kwh_cpu": data.cpu_energy,
            "kwh_gpu": data.gpu_energy,
            "kwh_ram": data.ram_energy,
            "kwh_total": data.energy_consumed,
            "duration_s": data.duration,
        }
        if not all(_plausible(v) for v in values.values()):
            return dataclasses.replace(
                base, reason=f"codecarbon returned an implausible reading: {values}"
            )
        methods = self._methods()
        bases = self._bases(float(data.duration))
        kwh = float(data.energy_consumed)
        reason = None
        kg = significant(kwh * self.intensity.g_per_kwh / 1000) if self.intensity else None
        if self.intensity is None:
            reason = (
                f"no carbon intensity for country {self.country_iso!r} in codecarbon's "
                "offline data: CO2 not computed"
            )
        return dataclasses.replace(
            base,
            status=STATUS_MEASURED,
            reason=reason,
            kg_co2eq=kg,
            method=methods.get("gpu") if self.gpu_ids and "gpu" in methods else methods.get("cpu"),
            methods=methods,
            hardware=self._hardware(),
            **{k: significant(float(v)) for k, v in values.items()},
            **bases,
        )

    def _bases(self, duration_s: float) -> dict[str, Any]:
        """What codecarbon's estimates were built from, read from the hardware it chose,
        and the RAM figure that scales with this process's memory. Never raises."""
        out: dict[str, Any] = {}
        try:
            from codecarbon.external.hardware import CPU
            from codecarbon.external.ram import RAM
        except ImportError:
            return out
        for item in getattr(self.tracker, "_hardware", []):
            with contextlib.suppress(Exception):
                if isinstance(item, CPU) and item._mode in ("cpu_load", "constant"):
                    out["cpu_power_w"] = float(item._tdp)
                    out["cpu_power_basis"] = _cpu_basis(item)
                elif isinstance(item, RAM) and item._force_ram_power is None:
                    process_gb = item.process_memory_GB
                    if self.rss_gb_start is not None:
                        process_gb = (process_gb + self.rss_gb_start) / 2
                    machine_gb = float(item.machine_memory_GB)
                    out["ram_power_w"] = float(item.total_power().W)
                    out["ram_gb_process"] = significant(process_gb)
                    out["ram_gb_machine"] = significant(machine_gb)
                    if machine_gb > 0:
                        machine_w = float(item._calculate_ram_power(machine_gb))
                        scaled_w = machine_w * min(1.0, process_gb / machine_gb)
                        out["kwh_ram_scaled"] = significant(scaled_w * duration_s / 3.6e6)
        return out

    def _stop_quietly(self) -> None:
        if self.tracker is None:
            return
        # Already failed: only make sure no timer thread outlives the run.
        with contextlib.suppress(Exception):
            self.tracker.stop()

    def _methods(self) -> dict[str, str]:
        """How each component was measured, read from the hardware codecarbon chose."""
        try:
            from codecarbon.core import gpu as gpu_support
            from codecarbon.external.hardware import CPU, GPU, AppleSiliconChip, Raspberry
            from codecarbon.external.ram import RAM
        except ImportError:
            return {}
        methods: dict[str, str] = {}
        for item in getattr(self.tracker, "_hardware", []):
            if isinstance(item, CPU):
                mode = str(getattr(item, "_mode", ""))
                methods["cpu"] = _CPU_METHODS.get(mode, mode or "unknown")
            elif isinstance(item, GPU):
                if self.gpu_ids:
                    methods["gpu"] = METHOD_NVML if gpu_support.is_nvidia_system() else "AMD SMI"
            elif isinstance(item, RAM):
                methods["ram"] = "RAM power model"
            elif isinstance(item, AppleSiliconChip):
                methods[str(item.chip_part).lower()] = "powermetrics"
            elif isinstance(item, Raspberry):
                methods[str(item.chip_part).lower()] = "Raspberry Pi PMIC"
        return methods

    def _hardware(self) -> str | None:
        conf = getattr(self.tracker, "_conf", {}) or {}
        parts = []
        if conf.get("cpu_model"):
            parts.append(f"{conf['cpu_model']} ({conf.get('cpu_count', '?')} threads)")
        if self.gpu_ids and conf.get("gpu_model"):
            parts.append(str(conf["gpu_model"]))
        return ", ".join(parts) or None


def _process_gb() -> float | None:
    """This process's resident memory and its children's, in GB (codecarbon's unit)."""
    try:
        import psutil
    except ImportError:
        return None
    with contextlib.suppress(Exception):
        me = psutil.Process()
        rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(True))
        return rss / 1024**3
    return None


@lru_cache(maxsize=4)
def _registry_tdp(model: str) -> float | None:
    """The TDP codecarbon's table of CPU models gives ``model``, or None."""
    from codecarbon.core.cpu import TDP

    with contextlib.suppress(Exception):
        found = TDP._get_cpu_power_from_registry(TDP.__new__(TDP), model)
        return float(found) if found else None
    return None


def _cpu_basis(cpu: Any) -> str:
    """Where codecarbon's CPU power figure comes from: its table, 4 W per thread, or 85 W."""
    if getattr(cpu, "_is_generic_tdp", False):
        return "generic"
    model = str(cpu.get_model() or "")
    return "registry" if model and _registry_tdp(model) is not None else "per-thread"


def _plausible(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value >= 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
