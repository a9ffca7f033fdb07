"""Debian's Chromium, headless and offline, to turn a report or a sheet of cartels into a
PDF or a PNG. Optional: the HTML pages need no browser; this only prints them.

Every switch that could reach the network is off, and each run gets its own throw-away
profile, so two runs never share state.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from artcharter.base.errors import SetupError
from artcharter.base.files import staged_file
from artcharter.reports.messages import MESSAGES

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
OFFLINE_FLAGS = (
    "--headless",
    "--no-sandbox",  # root in containers and CI cannot use the sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
)
TIMEOUT_S = 120


def find_chromium() -> str | None:
    """The browser to use: $ARTCHARTER_CHROMIUM, else the first Chromium on the PATH."""
    explicit = os.environ.get("ARTCHARTER_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else shutil.which(explicit)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(args: list[str], url_path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    browser = find_chromium()
    if browser is None:
        raise SetupError(MESSAGES("browser.no_chromium"))
    with tempfile.TemporaryDirectory(prefix="artcharter-chromium-") as profile:
        command = [
            browser,
            *OFFLINE_FLAGS,
            f"--user-data-dir={profile}",
            *args,
            url_path.resolve().as_uri(),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise SetupError(MESSAGES("browser.timeout", timeout=timeout)) from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise SetupError(MESSAGES("browser.failed", returncode=result.returncode, last=last))
    return result


def print_pdf(html: Path, pdf: Path, *, timeout: float = TIMEOUT_S) -> Path:
    """Print ``html`` to ``pdf`` with the page's own @page size (A4 for reports)."""
    # Chromium writes the bytes itself, over an empty temporary staged beside the PDF.
    with staged_file(pdf, b"") as staged:
        _run(["--no-pdf-header-footer", f"--print-to-pdf={staged.temp}"], html, timeout)
        if not staged.temp.exists() or staged.temp.stat().st_size == 0:
            raise SetupError(MESSAGES("browser.no_pdf"))
        staged.commit()
    return pdf


def screenshot(
    html: Path, png: Path, *, width: int = 1000, height: int = 1400, timeout: float = TIMEOUT_S
) -> Path:
    """A PNG of the first ``width`` x ``height`` pixels of the page."""
    _run([f"--screenshot={png}", f"--window-size={width},{height}"], html, timeout)
    if not png.exists():
        raise SetupError(MESSAGES("browser.no_screenshot"))
    return png


def dump_dom(html: Path, *, timeout: float = TIMEOUT_S) -> str:
    """The page's DOM after parsing, as Chromium serialises it."""
    return _run(["--dump-dom"], html, timeout).stdout
