"""Numbers, shares, energies, sizes and dates written the way a French or English reader
expects: the one formatter for every figure a person reads, in a report, a charter reason,
the command line or the jury desk, so one value reads the same everywhere.

Pure functions: French uses a decimal comma and a narrow no-break space between
thousands ("1 234,5"), and before % ("8 %"); English a decimal point and commas
("1,234.5", "8%").
"""

from __future__ import annotations

import math
import re

NARROW_NBSP = "\u202f"


def fmt_number(value: float | int | None, lang: str, sig: int = 2) -> str:
    """``value`` with about ``sig`` significant digits (never fewer than the integer part)."""
    if value is None:
        return "–"
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = min(max(0, sig - 1 - magnitude), 9)
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


def decimal_mark(text: str, lang: str) -> str:
    """A number written with a decimal point, with the reader's decimal mark instead."""
    return text.replace(".", ",") if lang == "fr" else text


def fmt_fixed(value: float, lang: str, decimals: int = 2) -> str:
    """``value`` with exactly ``decimals`` decimals and the reader's decimal mark: 0.5 is
    "0.50" / "0,50"."""
    return decimal_mark(f"{value:.{decimals}f}", lang)


def fmt_percent(share: float | None, lang: str) -> str:
    """A share (0 to 1) as a whole percentage, 8% / 8 %, with "<1%" for a share that is not
    zero but rounds to it and ">99%" for one that is not all but rounds to it."""
    if share is None:
        return "–"
    sign = f"{NARROW_NBSP}%" if lang == "fr" else "%"
    if 0 < share < 0.005:
        return f"<1{sign}"
    if 0.995 < share < 1:
        return f">99{sign}"
    return f"{round(share * 100):d}{sign}"


def fmt_percent_range(low: float | None, high: float | None, lang: str) -> str:
    """An interval of shares: 8%–25% / 8 %–25 %."""
    return f"{fmt_percent(low, lang)}–{fmt_percent(high, lang)}"


def fmt_energy(kwh: float | None, lang: str) -> str:
    """kWh, Wh or mWh, whichever keeps the number readable."""
    return _fmt_scaled(kwh, lang, ("kWh", "Wh", "mWh"))


def fmt_mass_co2(kg: float | None, lang: str) -> str:
    """kg, g or mg of CO₂ equivalent, whichever keeps the number readable."""
    return _fmt_scaled(kg, lang, ("kg CO₂e", "g CO₂e", "mg CO₂e"))


def _fmt_scaled(value: float | None, lang: str, units: tuple[str, str, str]) -> str:
    """``value`` in its unit, its thousandths or its millionths, with 3 significant digits."""
    if value is None:
        return "–"
    unit, milli, micro = units
    if abs(value) >= 1:
        return f"{fmt_number(value, lang, 3)} {unit}"
    if abs(value) >= 0.001:
        return f"{fmt_number(value * 1000, lang, 3)} {milli}"
    return f"{fmt_number(value * 1_000_000, lang, 3)} {micro}"


SIZE_UNITS = {"fr": ("o", "ko", "Mo", "Go"), "en": ("B", "KB", "MB", "GB")}


def fmt_size(size: int, lang: str) -> str:
    """A file size in bytes, KB, MB or GB (octets, ko, Mo, Go in French), by 1024s:
    99392 -> '97.1 KB' / '97,1 ko'; a whole number keeps no decimal ('2 MB')."""
    units = SIZE_UNITS.get(lang, SIZE_UNITS["en"])
    for power in (3, 2, 1):
        if size >= 1024**power:
            text = f"{size / 1024**power:.1f}".removesuffix(".0")
            return f"{decimal_mark(text, lang)} {units[power]}"
    return f"{size} {units[0]}"


# How the energy was measured, as artcharter.audits.energy records it (a stable English id) -> words.
# An unknown id is shown as it is: a newer codecarbon may name a meter we do not know yet.
ENERGY_METHODS = {
    "en": {
        "NVML": "GPU power counter (NVML)",
        "AMD SMI": "GPU power counter (AMD SMI)",
        "RAPL": "CPU energy counters (RAPL)",
        "Intel Power Gadget": "CPU energy counters (Intel Power Gadget)",
        "powermetrics": "macOS power counters (powermetrics)",
        "Raspberry Pi PMIC": "Raspberry Pi power counter (PMIC)",
        "TDP estimate": "CPU estimate from its load (a TDP or a generic figure) and RAM estimate",
        "RAM power model": "constant estimate from the memory size",
    },
    "fr": {
        "NVML": "compteur de puissance du GPU (NVML)",
        "AMD SMI": "compteur de puissance du GPU (AMD SMI)",
        "RAPL": "compteurs d'énergie du processeur (RAPL)",
        "Intel Power Gadget": "compteurs d'énergie du processeur (Intel Power Gadget)",
        "powermetrics": "compteurs de puissance de macOS (powermetrics)",
        "Raspberry Pi PMIC": "compteur de puissance du Raspberry Pi (PMIC)",
        "TDP estimate": (
            "estimation du processeur d'après sa charge (TDP ou valeur générique) et "
            "estimation de la RAM"
        ),
        "RAM power model": "estimation constante d'après la taille de la mémoire",
    },
}


def fmt_energy_method(method: str | None, lang: str) -> str:
    """The measuring method in words; '' when none was recorded."""
    return ENERGY_METHODS.get(lang, ENERGY_METHODS["en"]).get(method or "", method or "")


_THREADS = re.compile(r"^(?P<cpu>.*) \((?P<n>\d+) threads\)$")
THREAD_WORDS = {"fr": ("fil d'exécution", "fils d'exécution"), "en": ("thread", "threads")}


def fmt_device(name: str | None, lang: str) -> str:
    """A device name as recorded ("AMD EPYC (2 threads)") in the reader's words; the record
    keeps the English form as data."""
    if not name:
        return ""
    found = _THREADS.match(name)
    if not found:
        return name
    count = int(found["n"])
    word = THREAD_WORDS.get(lang, THREAD_WORDS["en"])[0 if count == 1 else 1]
    return f"{found['cpu']} ({count} {word})"


def fmt_decimal(value: float, lang: str) -> str:
    """A setting such as a guidance scale, as short as Python's ``:g`` writes it, with a
    decimal comma in French: 7.5 is "7,5", 5.0 is "5"."""
    return decimal_mark(f"{value:g}", lang)


def fmt_duration(seconds: float | None, lang: str) -> str:
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{fmt_number(seconds, lang, 2)} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def fmt_date(iso: str | None, lang: str) -> str:
    """'2026-11-22T10:00:00+00:00' -> '22 novembre 2026' / '22 November 2026'."""
    if not iso or len(iso) < 10:
        return iso or "–"
    try:
        year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
        name = MONTHS[lang if lang in MONTHS else "en"][month - 1]
    except (ValueError, IndexError):
        return iso
    # French writes the first of the month as an ordinal: "1er décembre".
    shown = "1er" if lang == "fr" and day == 1 else str(day)
    return f"{shown} {name} {year}"


def year_of(iso: str | None) -> str | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return iso[:4]
    return None
