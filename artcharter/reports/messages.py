"""Every text the reports room shows a person, in each language: one catalogue.

Keys start with the module that speaks (``browser.…``). A French text puts a no-break
space (U+00A0) before ``: ; ! ?`` and inside « ».
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue

MESSAGES = Catalogue(
    "reports",
    {
        "browser.no_chromium": {
            "fr": (
                "Chromium est nécessaire pour imprimer en PDF ou en PNG\u00a0: installez-le "
                "(Debian\u00a0: apt-get install chromium) ou définissez ARTCHARTER_CHROMIUM"
            ),
            "en": (
                "Chromium is needed to print PDF or PNG: install it (Debian: apt-get "
                "install chromium) or set ARTCHARTER_CHROMIUM"
            ),
        },
        "browser.failed": {
            "fr": "Chromium a échoué (code {returncode})\u00a0: {last}",
            "en": "Chromium failed (exit {returncode}): {last}",
        },
        "browser.no_screenshot": {
            "fr": "Chromium n'a écrit aucune capture d'écran",
            "en": "Chromium wrote no screenshot",
        },
        "browser.no_pdf": {
            "fr": "Chromium n'a écrit aucun PDF",
            "en": "Chromium wrote no PDF",
        },
        "browser.timeout": {
            "fr": "Chromium n'a pas fini en {timeout:.0f} s",
            "en": "Chromium did not finish within {timeout:.0f} s",
        },
        "facts.not_an_image": {
            "fr": "{path}\u00a0: ce n'est pas une image PNG, JPEG ou WebP",
            "en": "{path}: not a PNG, JPEG or WebP image",
        },
    },
)
