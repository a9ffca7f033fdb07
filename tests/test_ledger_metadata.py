"""The ledger's Datasette descriptions (artcharter/provenance/datasette/metadata.*.json)
against the schema the ledger really makes: every table and column described in French and
in English, none invented; and Datasette itself reading them."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from artcharter.cli import run
from artcharter.provenance.campaign import store
from artcharter.provenance.ledger import MERGED_ROWS, Ledger
from artcharter.provenance.ledger_metadata import datasette_metadata


def real_schema(path: Path) -> dict[str, list[str]]:
    """Every table a ledger gets and its columns, made by the code that makes them: the
    core tables on opening, then the tables later features add (probe campaigns,
    declarations, signatures, merges)."""
    with Ledger(path) as ledger:
        store.ensure_tables(ledger)
        ledger.ensure_table("declarations", ledger.DECLARATION_COLUMNS, "artwork_id")
        ledger.ensure_table("signatures", ledger.SIGNATURE_COLUMNS, "artwork_id")
        ledger.ensure_table("merged_rows", MERGED_ROWS, "row_key")
        return {t: [c.name for c in ledger.db[t].columns] for t in ledger.db.table_names()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_table_and_column_is_described_and_none_invented(tmp_path: Path, lang: str) -> None:
    schema = real_schema(tmp_path / "artcharter.db")
    tables = datasette_metadata(lang)["databases"]["artcharter"]["tables"]
    assert set(tables) == set(schema)
    for table, columns in schema.items():
        described = tables[table]
        assert described["description"].strip(), table
        assert list(described["columns"]) == columns, table  # same columns, same order
        for column, text in described["columns"].items():
            assert text.strip() and text != column, (table, column)


def test_french_and_english_differ_and_french_is_typeset() -> None:
    french, english = datasette_metadata("fr"), datasette_metadata("en")
    fr_tables = french["databases"]["artcharter"]["tables"]
    en_tables = english["databases"]["artcharter"]["tables"]
    same = [
        (t, c)
        for t in fr_tables
        for c, text in fr_tables[t]["columns"].items()
        if text == en_tables[t]["columns"][c]
    ]
    assert same == []
    texts = [french["description"]] + [
        text for t in fr_tables.values() for text in (t["description"], *t["columns"].values())
    ]
    for text in texts:  # a no-break space before : ; ! ? and inside « »
        assert not re.search(r" [:;!?»]|« ", text), text


def test_the_command_names_the_project_s_ledger_as_datasette_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--lang", "fr"]) == 0
    capsys.readouterr()
    (root / "artcharter.toml").write_text(
        (root / "artcharter.toml")
        .read_text(encoding="utf-8")
        .replace('ledger = "artcharter.db"', 'ledger = "classe-2026.db"'),
        encoding="utf-8",
    )
    assert run(["--project", str(root), "ledger", "metadata"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert list(printed["databases"]) == ["classe-2026"]
    assert printed["title"] == "Registre artcharter"


def test_datasette_shows_the_descriptions(tmp_path: Path) -> None:
    """Datasette (installed with the test extra) serves the ledger with its descriptions."""
    from datasette.app import Datasette

    path = tmp_path / "artcharter.db"
    real_schema(path)
    metadata = datasette_metadata("fr")

    async def pages() -> tuple[str, str]:
        datasette = Datasette([str(path)], metadata=metadata)
        await datasette.invoke_startup()
        table = await datasette.client.get("/artcharter/energy_runs")
        served = await datasette.client.get("/-/metadata.json")
        assert table.status_code == 200 and served.status_code == 200
        return table.text, served.text

    table, served = asyncio.run(pages())
    described = metadata["databases"]["artcharter"]["tables"]["energy_runs"]
    assert json.loads(served)["databases"]["artcharter"]["tables"]["energy_runs"] == described
    assert "Une ligne par mesure d" in table  # the table's description on its page
