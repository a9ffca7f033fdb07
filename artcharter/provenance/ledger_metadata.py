"""The ledger's descriptions for Datasette: every table and column in words, in French and
in English (``datasette/metadata.<lang>.json``, shipped with the package).

`artcharter ledger metadata > metadata.json` prints the file of the reader's language under
the name Datasette gives the project's ledger (its file name without ``.db``), for
`datasette artcharter.db --metadata metadata.json`. tests/test_ledger_metadata.py checks
the files against the schema the ledger really makes: every table and column described,
none invented.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# The database name the shipped files use: the default ledger's (artcharter.db).
SHIPPED_DATABASE = "artcharter"


def datasette_metadata(lang: str, database: str = SHIPPED_DATABASE) -> dict[str, Any]:
    """Datasette's metadata for a ledger that Datasette names ``database``, in ``lang``."""
    name = f"metadata.{lang if lang in ('fr', 'en') else 'en'}.json"
    text = resources.files("artcharter.provenance").joinpath("datasette", name).read_text("utf-8")
    metadata = json.loads(text)
    metadata["databases"] = {database: metadata["databases"][SHIPPED_DATABASE]}
    return metadata
