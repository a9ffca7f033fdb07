"""The ledger side of the probes: the three campaign tables, the table of single-artwork
readings, and reading their rows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso

MODE_GENERATE = "generate"
MODE_IMAGES = "images"
STATUS_RUNNING = "running"
STATUS_INTERRUPTED = "interrupted"
STATUS_COMPLETE = "complete"
# Results computed, but images are missing (batches given up): running it again makes them.
STATUS_INCOMPLETE = "incomplete"
IMAGE_PENDING = "pending"
IMAGE_PERSON = "person"
IMAGE_UNREADABLE = "unreadable"
CAMPAIGN_SCOPE = "campaign"
PROMPT_SCOPE = "prompt"
ALL_PROMPTS = "*"

TABLES: dict[str, tuple[dict[str, type], str]] = {
    "probe_campaigns": (
        {
            "campaign_id": str,
            "model_id": str,
            "clip_model": str,
            "created_at": str,
            "updated_at": str,
            "status": str,
            "mode": str,
            "model_spec": str,
            "model_weights_sha256": str,
            "is_demo_model": int,
            "prompt_set": str,
            "prompt_set_origin": str,
            "prompt_set_sha256": str,
            "prompts": str,
            "per_prompt": int,
            "seed_base": int,
            "seeds": str,
            "generation": str,
            "clip_spec": str,
            "clip": str,
            "clip_is_demo": int,
            "classes": str,
            "classes_sha256": str,
            "gate_threshold": float,
            "thresholds": str,
            "ethnicity": int,
            "smoothing": float,
            "reference": str,
            "bootstrap": str,
            "images_dir": str,
            "output_dir": str,
            "fingerprint": str,
            "artist": str,
            "images_total": int,
            "images_classified": int,
            "images_missing": int,  # asked for but not made (a batch failed three times)
            "summary": str,
            "energy": str,
            "software": str,
        },
        "campaign_id",
    ),
    "probe_images": (
        {
            "image_id": str,
            "campaign_id": str,
            "prompt_key": str,
            "prompt_index": int,
            "prompt": str,
            "image_index": int,
            "seed": int,
            "artwork_id": str,
            "path": str,
            "sha256": str,
            "pixels_sha256": str,
            "status": str,
            "person_probability": float,
            "several_people": int,
            "reading": str,
            "error": str,
            "created_at": str,
            "classified_at": str,
        },
        "image_id",
    ),
    "probe_results": (
        {
            "result_id": str,
            "campaign_id": str,
            "scope": str,
            "prompt_key": str,
            "prompt_index": int,
            "prompt": str,
            "subject": str,
            "attribute": str,
            "n_total": int,
            "n_valid": int,
            "n_uncertain": int,
            "n_abstain": int,
            "n_unreadable": int,
            "counts": str,
            "shares": str,
            "intervals": str,
            "parity_gap": float,
            "mad": float,
            "max_skew": float,
            "max_skew_class": str,
            "kl": float,
            "entropy": float,
            "reference": str,
            "metrics": str,
            "sentence_en": str,
            "sentence_fr": str,
            "created_at": str,
        },
        "result_id",
    ),
    # `probe artwork`: one reading of one file (by its SHA-256), kept so that the artwork's
    # report can show what the probe perceived, with the probe's own caveats.
    "probe_artworks": (
        {
            "probe_id": str,
            "sha256": str,
            "artwork_id": str,
            "path": str,
            "probed_at": str,
            "probe": str,
            "probe_is_demo": int,
            "classes_sha256": str,
            "reading": str,
            "sentences": str,
            "notices": str,
            "campaign_id": str,
        },
        "probe_id",
    ),
    # A batch that failed three times on a cluster: each of its images, why, and how often.
    "probe_failures": (
        {
            "failure_id": str,
            "campaign_id": str,
            "prompt_key": str,
            "prompt": str,
            "image_index": int,
            "seed": int,
            "tries": int,
            "reason": str,
            "failed_at": str,
        },
        "failure_id",
    ),
    # `probe validate`: the probe's accuracy on a labelled set, matched to campaigns by the
    # probe's weights and classes (a campaign's report shows how accurate its probe was).
    "probe_validations": (
        {
            "validation_id": str,
            "created_at": str,
            "campaign_id": str,
            "clip_model": str,
            "clip_spec": str,
            "clip_weights_sha256": str,
            "clip_is_demo": int,
            "classes_sha256": str,
            "thresholds": str,
            "labels_file": str,
            "labels_sha256": str,
            "images_dir": str,
            "images": int,
            "results": str,
        },
        "validation_id",
    ),
}
INDEXES = (
    ("probe_campaigns", ["model_id", "status"]),
    ("probe_campaigns", ["fingerprint"]),
    ("probe_images", ["campaign_id", "status"]),
    ("probe_results", ["campaign_id", "scope"]),
    ("probe_artworks", ["sha256"]),
    ("probe_failures", ["campaign_id"]),
    ("probe_validations", ["clip_weights_sha256", "classes_sha256"]),
)


def ensure_tables(ledger: Ledger) -> None:
    """Create the probe tables and their indexes in a ledger that lacks them."""
    if set(TABLES) <= set(ledger.db.table_names()):
        return
    for name, (columns, pk) in TABLES.items():
        ledger.ensure_table(name, columns, pk)
    with ledger.transaction():
        for table, columns in INDEXES:
            ledger.db[table].create_index(columns, if_not_exists=True)


def dumps(value: Any) -> str:
    """JSON for a TEXT column; sorted keys, so the same value is always the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def loads(text: str | None) -> Any:
    """A JSON column back as a value; None for an empty column."""
    return json.loads(text) if text else None


def first_row(ledger: Ledger, table: str, sql: str, params: list[Any]) -> dict[str, Any] | None:
    """The first row a query on ``table`` gives; None too while the table does not exist
    (a ledger in which no probe has run yet)."""
    if table not in ledger.db.table_names():
        return None
    rows = list(ledger.db.query(sql, params))  # read to the end: no statement left open
    return rows[0] if rows else None


def get_campaign(ledger: Ledger, campaign_id: str) -> dict[str, Any]:
    """A campaign row by id or unique id prefix; BadInput when there is none."""
    ensure_tables(ledger)
    rows = list(
        ledger.db.query(
            "SELECT * FROM probe_campaigns WHERE campaign_id = ? OR campaign_id LIKE ? "
            "ORDER BY campaign_id = ? DESC LIMIT 2",
            [campaign_id, campaign_id + "%", campaign_id],
        )
    )
    if not rows or (len(rows) > 1 and rows[0]["campaign_id"] != campaign_id):
        if not rows:
            raise BadInput(MESSAGES("store.no_campaign", campaign_id=campaign_id))
        raise BadInput(MESSAGES("store.ambiguous_campaign", campaign_id=campaign_id))
    return rows[0]


def latest_campaign(ledger: Ledger, model_id: str) -> dict[str, Any] | None:
    """The most recent complete campaign for a model id (as artwork records name it)."""
    return first_row(
        ledger,
        "probe_campaigns",
        "SELECT * FROM probe_campaigns WHERE model_id = ? AND status = ? "
        "ORDER BY updated_at DESC, rowid DESC LIMIT 1",
        [model_id, STATUS_COMPLETE],
    )


def campaigns(ledger: Ledger, *, limit: int = 50) -> list[dict[str, Any]]:
    if "probe_campaigns" not in ledger.db.table_names():
        return []
    return list(
        ledger.db.query(
            "SELECT campaign_id, model_id, clip_model, status, mode, prompt_set, per_prompt, "
            "images_total, images_classified, created_at, updated_at FROM probe_campaigns "
            "ORDER BY created_at DESC, rowid DESC LIMIT ?",
            [limit],
        )
    )


def mark_interrupted(ledger: Ledger, campaign_id: str) -> None:
    with ledger.transaction():
        ledger.db["probe_campaigns"].update(
            campaign_id, {"status": STATUS_INTERRUPTED, "updated_at": now_iso()}
        )


def iter_campaign_images(ledger: Ledger, campaign_id: str) -> Iterable[dict[str, Any]]:
    """The campaign's image rows in prompt and image order (for exports and tests)."""
    return ledger.db.query(
        "SELECT * FROM probe_images WHERE campaign_id = ? ORDER BY prompt_index, image_index",
        [campaign_id],
    )


def latest_artwork_probe(ledger: Ledger, sha256: str) -> dict[str, Any] | None:
    """The latest `probe artwork` reading of exactly these bytes, JSON columns decoded."""
    row = first_row(
        ledger,
        "probe_artworks",
        "SELECT * FROM probe_artworks WHERE sha256 = ? ORDER BY probed_at DESC, rowid DESC LIMIT 1",
        [sha256],
    )
    if row is None:
        return None
    for key in ("reading", "sentences", "notices"):
        try:
            row[key] = loads(row[key])
        except ValueError:  # a hand-edited row: show the rest rather than fail the report
            row[key] = None
    return row


# --- named reads and writes for the rest of the campaign package -----------------------------


def latest_unfinished_campaign(ledger: Ledger, fingerprint: str) -> dict[str, Any] | None:
    """The most recently updated campaign with this fingerprint that is not complete."""
    return first_row(
        ledger,
        "probe_campaigns",
        "SELECT * FROM probe_campaigns WHERE fingerprint = ? AND status != ? "
        "ORDER BY updated_at DESC, rowid DESC LIMIT 1",
        [fingerprint, STATUS_COMPLETE],
    )


def insert_campaign(ledger: Ledger, row: dict[str, Any]) -> None:
    with ledger.transaction():
        ledger.db["probe_campaigns"].insert(
            ledger.stored_row("probe_campaigns", row), pk="campaign_id", alter=True
        )


def update_campaign(ledger: Ledger, campaign_id: str, columns: dict[str, Any]) -> None:
    with ledger.transaction():
        ledger.db["probe_campaigns"].update(
            campaign_id, ledger.stored_row("probe_campaigns", columns)
        )


def count_campaign_images(ledger: Ledger, campaign_id: str, status: str | None = None) -> int:
    """How many image rows the campaign has (only those with ``status`` when given)."""
    sql = "SELECT count(*) FROM probe_images WHERE campaign_id = ?"
    params = [campaign_id]
    if status is not None:
        sql += " AND status = ?"
        params.append(status)
    return int(ledger.db.execute(sql, params).fetchone()[0])


def campaign_image_ids(ledger: Ledger, campaign_id: str) -> set[str]:
    return {
        r["image_id"]
        for r in ledger.db.query(
            "SELECT image_id FROM probe_images WHERE campaign_id = ?", [campaign_id]
        )
    }


def insert_campaign_image(ledger: Ledger, row: dict[str, Any]) -> None:
    """Add an image row; a row with the same image id already there is kept as it is."""
    with ledger.transaction():
        ledger.db["probe_images"].insert(
            ledger.stored_row("probe_images", row), pk="image_id", alter=True, ignore=True
        )


def pending_images_page(
    ledger: Ledger, campaign_id: str, status: str, *, after_rowid: int, limit: int
) -> list[dict[str, Any]]:
    """The next ``limit`` image rows with ``status`` after ``after_rowid``, in rowid order
    (rowid, image_id, path, sha256): a page of a walk that does not hold every row."""
    return list(
        ledger.db.query(
            "SELECT rowid, image_id, path, sha256 FROM probe_images "
            "WHERE campaign_id = ? AND status = ? AND rowid > ? ORDER BY rowid LIMIT ?",
            [campaign_id, status, after_rowid, limit],
        )
    )


def update_images(ledger: Ledger, columns_by_image: list[tuple[str, dict[str, Any]]]) -> None:
    """Write several image rows' new columns in one transaction."""
    with ledger.transaction():
        for image_id, columns in columns_by_image:
            ledger.db["probe_images"].update(
                image_id, ledger.stored_row("probe_images", columns), alter=True
            )


def iter_image_readings(ledger: Ledger, campaign_id: str) -> Iterable[dict[str, Any]]:
    """The campaign's image rows (prompt_key, status, reading), read lazily."""
    return ledger.db.query(
        "SELECT prompt_key, status, reading FROM probe_images WHERE campaign_id = ?",
        [campaign_id],
    )


def replace_results(
    ledger: Ledger, campaign_id: str, rows: list[dict[str, Any]], update: dict[str, Any]
) -> None:
    """The campaign's result rows become ``rows`` and its row gets ``update``, together."""
    with ledger.transaction():
        ledger.db.execute("DELETE FROM probe_results WHERE campaign_id = ?", [campaign_id])
        ledger.db["probe_results"].insert_all(rows, pk="result_id", alter=True)
        ledger.db["probe_campaigns"].update(
            campaign_id, ledger.stored_row("probe_campaigns", update), alter=True
        )


def iter_campaign_results(ledger: Ledger, campaign_id: str) -> Iterable[dict[str, Any]]:
    """The campaign's result rows in prompt order."""
    return ledger.db.query(
        "SELECT * FROM probe_results WHERE campaign_id = ? ORDER BY prompt_index, rowid",
        [campaign_id],
    )


def prompt_result_sentences(ledger: Ledger, campaign_id: str) -> list[dict[str, Any]]:
    """Per prompt and subject of the campaign: the prompt and its result sentences."""
    return list(
        ledger.db.query(
            "SELECT DISTINCT prompt_key, subject, prompt, sentence_en, sentence_fr "
            "FROM probe_results WHERE campaign_id = ? AND scope = ? ORDER BY prompt_index",
            [campaign_id, PROMPT_SCOPE],
        )
    )


def campaign_energy_totals(ledger: Ledger, campaign_id: str) -> dict[str, dict[str, Any]]:
    """kWh, CO2, runs and unmeasured runs of the campaign: ``generation`` (its images'
    generation runs) and ``probe`` (its classification runs)."""

    def total(sql: str) -> dict[str, Any]:
        row = ledger.db.execute(sql, [campaign_id]).fetchone()
        return {"kwh": row[0], "kg_co2eq": row[1], "runs": row[2], "unknown": row[3]}

    generation = total(
        "SELECT sum(e.kwh_total), sum(e.kg_co2eq), count(*), "
        "sum(e.status != 'measured') FROM energy_runs e "
        "WHERE e.phase != 'probe' AND e.artwork_id IN "
        "(SELECT artwork_id FROM probe_images WHERE campaign_id = ? AND artwork_id IS NOT NULL)"
    )
    # Probe rows hold one image's share of a run over `images` images.
    probe = total(
        "SELECT sum(kwh_total * images), sum(kg_co2eq * images), count(*), "
        "sum(status != 'measured') FROM energy_runs WHERE phase = 'probe' AND batch_id = ?"
    )
    return {"generation": generation, "probe": probe}


def add_artwork_probe(ledger: Ledger, row: dict[str, Any]) -> None:
    ensure_tables(ledger)
    with ledger.transaction():
        ledger.db["probe_artworks"].insert(ledger.stored_row("probe_artworks", row))


def record_failure(ledger: Ledger, row: dict[str, Any]) -> None:
    """An image given up after its tries (a later run that makes it leaves the row as history)."""
    with ledger.transaction():
        ledger.db["probe_failures"].upsert(row, pk="failure_id", alter=True)


def missing_failures(ledger: Ledger, campaign_id: str) -> list[dict[str, Any]]:
    """The failures of the campaign's images that are still missing, in prompt and seed order."""
    if "probe_failures" not in ledger.db.table_names():
        return []
    return list(
        ledger.db.query(
            "SELECT f.prompt_key, f.prompt, f.image_index, f.seed, f.tries, f.reason, f.failed_at"
            " FROM probe_failures f LEFT JOIN probe_images i"
            " ON i.image_id = f.failure_id WHERE f.campaign_id = ? AND i.image_id IS NULL"
            " ORDER BY f.rowid",
            [campaign_id],
        )
    )


def insert_validation(ledger: Ledger, row: dict[str, Any]) -> None:
    ensure_tables(ledger)
    with ledger.transaction():
        ledger.db["probe_validations"].insert(ledger.stored_row("probe_validations", row))


def validation_for(ledger: Ledger, campaign: dict[str, Any]) -> dict[str, Any] | None:
    """The latest validation of the probe a campaign used: one linked to the campaign, else
    one made with the same probe weights and the same classes."""
    weights = (loads(campaign.get("clip")) or {}).get("weights_sha256")
    return first_row(
        ledger,
        "probe_validations",
        "SELECT * FROM probe_validations WHERE campaign_id = ? "
        "OR (clip_weights_sha256 = ? AND classes_sha256 = ?) "
        "ORDER BY campaign_id = ? DESC, created_at DESC, rowid DESC LIMIT 1",
        [campaign.get("campaign_id"), weights, campaign.get("classes_sha256"),
         campaign.get("campaign_id")],
    )  # fmt: skip
