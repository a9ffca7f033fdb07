"""The JSON the desk's API returns, written down for the OpenAPI schema.

Texts a person reads come as ``{"fr": ..., "en": ...}``: both languages, or only the one
asked for with ``?lang=``. The tests validate real responses against these models.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal[
    "trusted",
    "trusted-c2pa-list",
    "valid-untrusted",
    "tampered",
    "invalid",
    "no-credential",
    "unreadable",
    "remote-not-fetched",
]
AiShare = Literal["generated", "partly-generated", "enhanced", "none", "unknown"]
Texts = dict[str, str]


class Error(BaseModel):
    detail: str = Field(description="What went wrong, in one line a person can act on.")


class Energy(BaseModel):
    kwh: float | None = Field(description="Energy of the generation, kWh (per image).")
    kg_co2eq: float | None = Field(description="Its emissions, kg CO2-equivalent.")
    status: str | None = Field(description="'measured', 'unknown', or null if not recorded.")
    method: str | None = Field(description="How it was measured (codecarbon's method).")
    label: Texts


class CharterResult(BaseModel):
    checked: bool = Field(description="False when the desk has no charter, or the check failed.")
    error: str | None = Field(None, description="Why the check failed, if it did.")
    passed: bool | None = Field(description="Every required rule is met.")
    required_failed: int = Field(0, description="Required rules that failed.")
    required_missing: int = Field(0, description="Required rules waiting for a declaration.")
    open: int = Field(0, description="Recommended rules not met.")
    label: Texts


class FileResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    token: str = Field(description="The desk's handle on this upload (for its report).")
    name: str = Field(description="The file name the sender gave (display only).")
    size: int
    format: Literal["png", "jpeg", "webp"]
    sha256: str
    verdict: Verdict
    tone: Literal["good", "caution", "bad", "neutral"] = Field(
        description="The verdict's colour on the page."
    )
    verdict_title: Texts
    explanation: Texts
    reliable: bool = Field(
        description="The credentials can be read as signed (trusted, trusted-c2pa-list or "
        "valid-untrusted); "
        "otherwise title, artist and AI share are only what the file claims."
    )
    trusted_by: Texts | None = Field(
        description="Who trusts the signer, in words: your school, or the C2PA trust list "
        "(with the listed organisation and the list's date); None when not trusted."
    )
    ingredient_notes: dict[str, list[str]] = Field(
        description="Each ingredient whose own credentials the school does not trust, with "
        "its problem (or the C2PA-listed signer that vouches for it)."
    )
    title: str | None
    artist: str | None
    organisation: str | None
    signer: str | None = Field(
        description="The signing certificate's subject, only when the signature holds."
    )
    unvouched: Texts | None = Field(
        default=None,
        description="When no valid signature vouches for what the credentials say (tampered, "
        "invalid, unreadable): the heading under which a client sets their signer and record "
        "apart, by language; null otherwise.",
    )
    artwork_id: str | None
    ai_share: AiShare
    ai_share_label: Texts
    energy: Energy
    charter: CharterResult
    kept: bool = Field(description="The upload was kept on disk (serve --keep-uploads).")
    report_url: str
    thumbnail_url: str
    visitor_url: str | None = Field(description="The artwork's public page, if in the ledger.")
    verification: dict[str, Any] = Field(
        description="The full verification: signer, disclosure, ingredients, record, "
        "raw C2PA codes (as `artcharter verify --json`)."
    )
    check: dict[str, Any] | None = Field(description="The charter check, rule by rule.")


class VerifyResponse(BaseModel):
    results: list[FileResult] = Field(description="One result per file, in the order sent.")


class Forgotten(BaseModel):
    forgotten: int


class Artwork(BaseModel):
    artwork_id: str
    status: str
    title: str | None
    artist: str | None
    organisation: str | None
    ai_share: AiShare
    ai_share_label: Texts
    created_at: str | None
    sha256: str | None
    energy: Energy
    record: dict[str, Any] = Field(
        description="The artwork record (schema artcharter.record/1); a private prompt is "
        "left out, only its hash is given."
    )
    verifications: list[dict[str, Any]] = Field(description="The latest verifications.")
    visitor_url: str
    image_url: str | None = Field(description="The signed file, if still on the desk's machine.")


class DeskInfo(BaseModel):
    trust: list[str] = Field(description="Who the trust anchors are.")
    ledger: str | None
    keep_uploads: bool
    uploads_dir: str | None
    max_upload_bytes: int
    max_files_per_request: int
    hold_seconds: int
    charter: str | None = Field(description="The charter in use, or null if no check.")
    reports: bool = Field(description="Full per-artwork reports are available.")
    version: str


class LedgerMerge(BaseModel):
    """What merging a workstation's ledger did."""

    source: str = Field(description="The uploaded file's name, as merged_rows records it.")
    artworks: dict[str, int] = Field(
        description="Artwork rows per outcome: imported, already, conflict, not-trusted, "
        "no-record, file-not-here, other-bytes."
    )
    kept_apart: int = Field(description="Rows this upload added to merged_rows.")
    rows_read: int
    apart: dict[str, int] = Field(description="Rows kept apart per reason, this time.")
    summary: list[str] = Field(description="The same, in words, in the page's language.")
