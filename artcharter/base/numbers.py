"""Numbers, energies and dates written the way a French or English reader expects.

Pure functions: French uses a decimal comma and a narrow no-break space between
thousands ("1 234,5"), English a decimal point and commas ("1,234.5").
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


def fmt_energy(kwh: float | None, lang: str) -> str:
    """kWh, Wh or mWh, whichever keeps the number readable."""
    if kwh is None:
        return "–"
    if abs(kwh) >= 1:
        return f"{fmt_number(kwh, lang, 3)} kWh"
    if abs(kwh) >= 0.001:
        return f"{fmt_number(kwh * 1000, lang, 3)} Wh"
    return f"{fmt_number(kwh * 1_000_000, lang, 3)} mWh"


SIZE_UNITS = {"fr": ("o", "ko", "Mo", "Go"), "en": ("B", "KB", "MB", "GB")}


def fmt_size(size: int, lang: str) -> str:
    """A file size in bytes, KB, MB or GB (octets, ko, Mo, Go in French), by 1024s:
    99392 -> '97.1 KB' / '97,1 ko'; a whole number keeps no decimal ('2 MB')."""
    units = SIZE_UNITS.get(lang, SIZE_UNITS["en"])
    for power in (3, 2, 1):
        if size >= 1024**power:
            text = f"{size / 1024**power:.1f}".removesuffix(".0")
            return f"{text.replace('.', ',') if lang == 'fr' else text} {units[power]}"
    return f"{size} {units[0]}"


def fmt_mass_co2(kg: float | None, lang: str) -> str:
    if kg is None:
        return "–"
    if abs(kg) >= 1:
        return f"{fmt_number(kg, lang, 3)} kg CO₂e"
    if abs(kg) >= 0.001:
        return f"{fmt_number(kg * 1000, lang, 3)} g CO₂e"
    return f"{fmt_number(kg * 1_000_000, lang, 3)} mg CO₂e"


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
        "TDP estimate": "estimate from the CPU's TDP and load",
        "RAM power model": "estimate from the memory size",
    },
    "fr": {
        "NVML": "compteur de puissance du GPU (NVML)",
        "AMD SMI": "compteur de puissance du GPU (AMD SMI)",
        "RAPL": "compteurs d'énergie du processeur (RAPL)",
        "Intel Power Gadget": "compteurs d'énergie du processeur (Intel Power Gadget)",
        "powermetrics": "compteurs de puissance de macOS (powermetrics)",
        "Raspberry Pi PMIC": "compteur de puissance du Raspberry Pi (PMIC)",
        "TDP estimate": "estimation d'après le TDP et la charge du processeur",
        "RAM power model": "estimation d'après la taille de la mémoire",
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
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


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
    return f"{day} {name} {year}"


def year_of(iso: str | None) -> str | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return iso[:4]
    return None
