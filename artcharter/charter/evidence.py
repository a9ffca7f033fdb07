"""The evidence about one artwork, gathered from the file, the ledger and the audits.

``Evidence`` is a plain dataclass: the rules in artcharter.charter.evaluate read only it, so a rule is
tested on crafted evidence without any file. ``gather`` is the one place that does I/O: it
reads the verification result, the record and declaration the file carries, the record of
the generated image a labelled copy was made from, and, when a ledger is given, every
generation of the same session (discarded ones included), the latest bias campaign for the
model, and the full prompt when the file keeps only its hash.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from artcharter.base.names import same_name
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.record import ArtworkRecord, EnergyRecord, now_iso

if TYPE_CHECKING:
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.verify import Verification


ABORTED = "aborted"


@dataclass(frozen=True)
class Generation:
    """One generation of a session: the image that was signed, or one kept or discarded."""

    artwork_id: str | None
    # kept / signed / discarded (the ledger's status), "aborted" for a generation
    # interrupted before its image came out, or "this" when read from the file alone.
    status: str
    energy_status: str  # measured / unknown / missing
    kwh: float | None = None


@dataclass(frozen=True)
class SessionEnergy:
    """The energy of every generation that led to an artwork."""

    source: str  # "ledger" (the whole session) or "record" (the file alone)
    session_id: str | None
    generations: tuple[Generation, ...]
    loading_kwh: float | None = None  # model loading, recorded separately from generation

    @property
    def measured_kwh(self) -> float:
        return sum(g.kwh or 0.0 for g in self.generations if g.energy_status == "measured")

    @property
    def discarded(self) -> int:
        return sum(1 for g in self.generations if g.status == "discarded")

    @property
    def aborted(self) -> int:
        return sum(1 for g in self.generations if g.status == ABORTED)

    @property
    def kept(self) -> int:
        """The images the session yielded (the session's energy is shared between them)."""
        return sum(1 for g in self.generations if g.status not in ("discarded", ABORTED))

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.update(
            measured_kwh=self.measured_kwh,
            discarded=self.discarded,
            aborted=self.aborted,
            kept=self.kept,
        )
        return data


@dataclass(frozen=True)
class PromptAudit:
    """The result of auditing the prompts, or why it could not run."""

    available: bool
    flagged: tuple[dict[str, Any], ...] = ()  # {"term", "category", ...} per flagged term
    audited: int = 0  # how many prompts were audited
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Evidence:
    """Everything the rules may read about one artwork."""

    path: str = ""
    verdict: str = "no-credential"
    # The kind of work, read from the file's bytes: image, video, sound or document.
    work_kind: str = "image"
    signer: dict[str, Any] = field(default_factory=dict)
    failure_codes: tuple[str, ...] = ()
    source_types: tuple[str, ...] = ()  # from the C2PA actions, for any signing tool
    ingredients: tuple[dict[str, Any], ...] = ()  # as the manifest lists them
    record: ArtworkRecord | None = None
    # The record of the artcharter generation behind the artwork: the record itself for a
    # generated image, the parent's for a labelled copy of one.
    origin: ArtworkRecord | None = None
    declaration: Declaration | None = None
    prompts: tuple[str, ...] = ()  # every prompt known in full
    private_prompt: bool = False  # a prompt whose text is not available here (hash only)
    ledger: bool = False  # whether a ledger was consulted
    session: SessionEnergy | None = None
    campaign: dict[str, Any] | None = None  # latest bias campaign of the model
    prompt_audit: PromptAudit = field(default_factory=lambda: PromptAudit(False, note="not run"))
    checked_at: str = field(default_factory=now_iso)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "verdict": self.verdict,
            "signer": self.signer,
            "failure_codes": list(self.failure_codes),
            "source_types": list(self.source_types),
            "ingredients": list(self.ingredients),
            "record": self.record.to_dict() if self.record else None,
            "origin_artwork_id": self.origin.artwork_id if self.origin else None,
            "declaration": self.declaration.to_dict() if self.declaration else None,
            "private_prompt": self.private_prompt,
            "ledger": self.ledger,
            "session": self.session.to_dict() if self.session else None,
            "campaign": self.campaign,
            "prompt_audit": self.prompt_audit.to_dict(),
            "checked_at": self.checked_at,
        }


# --- gathering (I/O) -------------------------------------------------------------------------


def gather(
    verification: Verification,
    *,
    ledger: Ledger | None = None,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
) -> Evidence:
    """The evidence about the verified file ``verification.path``."""
    (evidence,) = gather_many(
        [verification], ledger=ledger, lang=lang, protected_names=protected_names
    )
    return evidence


def gather_many(
    verifications: Sequence[Verification],
    *,
    ledger: Ledger | None = None,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
) -> list[Evidence]:
    """``gather`` for each verified file of a batch (a worker's few files), with their
    prompts parsed together for the audit (see ``audits_ahead``)."""
    found = [_found(verification, ledger) for verification in verifications]
    with _audits_ahead([p for f in found for p in f.prompts], lang):
        return [
            _evidence(verification, f, ledger, lang, protected_names)
            for verification, f in zip(verifications, found, strict=True)
        ]


@dataclass(frozen=True)
class _Found:
    """What ``gather`` reads before the audit: the records, ledger rows and prompts."""

    record: ArtworkRecord | None
    origin: ArtworkRecord | None
    origin_row: dict[str, Any] | None
    declaration: Declaration | None
    prompts: tuple[str, ...]
    secret: frozenset[str]  # private prompts known only from the ledger
    private: bool


def _found(verification: Verification, ledger: Ledger | None) -> _Found:
    record = _record(verification.record)
    origin: ArtworkRecord | None = None
    if record is not None:
        # A labelled copy's generation comes from the manifests in the verified bytes.
        origin = record if record.kind == "generated" else _record(verification.origin)
    # Ledger rows join only by the file's own hash, or by an id a trusted signature
    # vouches for and whose row names the same artist: never by a claimed id alone.
    trusted_signer = verification.signer.get("name") if verification.verdict == "trusted" else None
    row = (
        ledger.vouched_artwork(verification.artwork_id, verification.sha256, trusted_signer)
        if ledger and record
        else None
    )
    origin_row = row if origin is record else None
    if ledger and origin is not None and origin_row is None and trusted_signer:
        # The parent generation's row, when the same trusted artist signed both.
        parent_signer = verification.origin_signer
        if parent_signer and same_name(parent_signer, trusted_signer):
            origin_row = ledger.vouched_artwork(origin.artwork_id, None, trusted_signer)

    prompts: list[str] = []
    secret: set[str] = set()
    private = False
    sources = [(record, row)]
    if origin is not None and origin is not record:
        sources.append((origin, origin_row))
    for rec, rec_row in sources:
        if rec is None:
            continue
        text = rec.prompt or (rec_row or {}).get("prompt")
        if text:
            prompts.append(text)
            if rec.prompt_private and not rec.prompt:
                secret.add(text)
        elif rec.prompt_sha256 or rec.prompt_hmac or rec.prompt_private:
            private = True
    declaration = record.declaration if record else None
    if declaration is None and origin is not None:
        # A copy labelled without a declaration keeps the one given at generation.
        declaration = origin.declaration
    for tool in declaration.tools if declaration else ():
        prompts += [p for p in tool.prompts if isinstance(p, str) and p]
    # The same prompt twice is audited once.
    return _Found(
        record,
        origin,
        origin_row,
        declaration,
        tuple(dict.fromkeys(prompts)),
        frozenset(secret),
        private,
    )


def _evidence(
    verification: Verification,
    found: _Found,
    ledger: Ledger | None,
    lang: str,
    protected_names: tuple[str, ...],
) -> Evidence:
    origin, prompts = found.origin, found.prompts
    return Evidence(
        path=verification.path,
        verdict=verification.verdict,
        work_kind=verification.kind,
        signer=dict(verification.signer),
        failure_codes=tuple(verification.codes.get("failure", [])),
        source_types=tuple(verification.disclosure.get("source_types") or []),
        ingredients=tuple(verification.ingredients),
        record=found.record,
        origin=origin,
        declaration=found.declaration,
        prompts=prompts,
        private_prompt=found.private,
        ledger=ledger is not None,
        session=session_energy(origin, found.origin_row, ledger) if origin else None,
        campaign=latest_campaign(origin, ledger) if origin and origin.model else None,
        prompt_audit=audit_prompts(
            prompts,
            lang=lang,
            protected_names=protected_names,
            private=tuple(p in found.secret for p in prompts),
        ),
    )


def _record(data: dict[str, Any] | None) -> ArtworkRecord | None:
    if not data:
        return None
    try:
        return ArtworkRecord.from_dict(data)
    except (TypeError, ValueError, KeyError):
        return None


def session_energy(
    origin: ArtworkRecord, row: dict[str, Any] | None, ledger: Ledger | None
) -> SessionEnergy:
    """Every generation of the session that produced ``origin``, with its energy."""
    from artcharter.provenance.energy_summary import PHASE_ABORTED, PHASE_LOAD

    if ledger is None or row is None:
        energy = origin.energy
        return SessionEnergy(
            "record", None, (Generation(origin.artwork_id, "this", *_energy_of(energy)),)
        )
    session_id = row.get("session_id")
    if session_id:
        rows = ledger.session_artworks(session_id)
        runs = ledger.energy_runs_for_session(session_id)
    else:
        rows = [row]
        runs = ledger.energy_runs_for_artwork(origin.artwork_id)
    generations = []
    for item in rows:
        energy = None
        with contextlib.suppress(TypeError, ValueError, KeyError):
            energy = ArtworkRecord.from_dict(json.loads(item["record"])).energy
        status, kwh = _energy_of(energy)
        if status == "missing":
            # No energy in the record: a run of the ledger for that artwork may have it.
            own = [r for r in runs if r.get("artwork_id") == item["artwork_id"]]
            measured = [r for r in own if r.get("status") == "measured"]
            if measured:
                status, kwh = "measured", sum(r.get("kwh_total") or 0.0 for r in measured)
            elif own:
                status = "unknown"
        generations.append(Generation(item["artwork_id"], item.get("status") or "", status, kwh))
    # Interrupted generations made no image but spent energy: they count as generations.
    for run in runs:
        if run.get("phase") == PHASE_ABORTED:
            measured = run.get("status") == "measured" and run.get("kwh_total") is not None
            generations.append(
                Generation(
                    None,
                    ABORTED,
                    "measured" if measured else "unknown",
                    run["kwh_total"] if measured else None,
                )
            )
    loading = [r for r in runs if r.get("phase") == PHASE_LOAD and r.get("status") == "measured"]
    loading_kwh = sum(r.get("kwh_total") or 0.0 for r in loading) if loading else None
    return SessionEnergy("ledger", session_id, tuple(generations), loading_kwh)


def _energy_of(energy: EnergyRecord | None) -> tuple[str, float | None]:
    if energy is None:
        return "missing", None
    if energy.status == "measured" and energy.kwh_total is not None:
        return "measured", energy.kwh_total
    return "unknown", None


CAMPAIGN_FIELDS = (
    "campaign_id",
    "model_id",
    "clip_model",
    "created_at",
    "updated_at",
    "status",
    "is_demo_model",
    "clip_is_demo",
    "images_total",
    "images_classified",
)


def latest_campaign(origin: ArtworkRecord, ledger: Ledger | None) -> dict[str, Any] | None:
    """The latest bias campaign for the model: from the ledger, else the file's probe summary."""
    assert origin.model is not None
    if ledger is not None:
        from artcharter.provenance.campaign.store import latest_campaign as latest_complete

        row = latest_complete(ledger, origin.model.id)  # complete campaigns only
        if row is not None:
            return {"source": "ledger", **{k: row.get(k) for k in CAMPAIGN_FIELDS if k in row}}
    probe = origin.probe or {}
    campaign = probe.get("campaign") if isinstance(probe.get("campaign"), dict) else probe
    created = campaign.get("created_at") or campaign.get("campaign_created_at")
    if campaign.get("campaign_id") and created:
        return {
            "source": "file",
            "campaign_id": campaign["campaign_id"],
            "model_id": campaign.get("model_id", origin.model.id),
            "created_at": created,
        }
    return None


def preload_prompt_audit() -> None:
    """Import spaCy, read the audit's word lists and build its screen now, in a process
    about to fork its workers: they share them (about half a second of CPU) instead of each
    doing it. A batch of files that needs forking almost always holds a prompt the screen
    lets through; where none does, spaCy was imported for nothing, but no pipeline is
    loaded (letting each worker import spaCy itself instead cost a tenth more CPU on the 200
    artworks of benchmarks/report_bench.py). The pipelines are left to the workers, each
    loading only those its prompts need, side by side. A process that does not fork imports
    spaCy only when a prompt needs it. Nothing when the audit or spaCy is not installed:
    each file's evidence then says so, as it would have."""
    from artcharter.base.errors import SetupError

    try:
        from artcharter.audits.bias import nlp, prompt_audit
    except ImportError:
        return
    with contextlib.suppress(SetupError, OSError, ImportError):
        prompt_audit.preload()
        nlp.import_spacy()


def _audits_ahead(prompts: list[str], lang: str) -> contextlib.AbstractContextManager[None]:
    """The prompts of a batch parsed together, where the audit is installed."""
    try:
        from artcharter.audits.bias.prompt_audit import audits_ahead
    except ImportError:
        return contextlib.nullcontext()
    return audits_ahead(prompts, default_lang=lang)


def audit_prompts(
    prompts: tuple[str, ...],
    *,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
    private: tuple[bool, ...] = (),
) -> PromptAudit:
    """Run artcharter.audits.bias.prompt_audit on each prompt; "not available" when it is not installed.

    A private prompt (``private[i]``) is audited, but what it contains stays in the ledger:
    its findings keep their kind and category, never the term, the words or a protected
    name, so that no report, summary, desk page or ``check --json`` can print them.

    Only the kinds the audit flags (identity terms, stereotype descriptors, protected names)
    need an answer; occupations only link the prompt to the campaign figures.
    """
    if not prompts:
        return PromptAudit(True, (), 0, note="no prompt to audit")
    try:
        from artcharter.audits.bias.prompt_audit import audit_prompt
    except ImportError:
        return PromptAudit(
            False, note="the prompt audit (artcharter.audits.bias.prompt_audit) is not available"
        )
    flagged: list[dict[str, Any]] = []
    for index, prompt in enumerate(prompts):
        hidden = index < len(private) and private[index]
        for finding in _flagged(audit_prompt, prompt, protected_names, lang):
            if hidden:
                finding = {"kind": finding["kind"], "category": None, "private": True}
            flagged.append({**finding, "prompt": index})
    return PromptAudit(True, tuple(flagged), len(prompts))


@functools.lru_cache(maxsize=1024)
def _flagged(
    audit_prompt: Any, prompt: str, protected_names: tuple[str, ...], lang: str
) -> tuple[dict[str, Any], ...]:
    # The generations of a session, and a class's exercises, share their prompts.
    return tuple(
        {
            "term": finding.term,
            "text": finding.text,  # as the artist wrote it
            "kind": finding.kind,
            "category": finding.category,
            "label": finding.label(lang),
            "negated": finding.negated,  # "pas riche": listed, and said to be negated
            "person": finding.person,  # who a descriptor describes, as written
        }
        for finding in audit_prompt(prompt, protected_names, default_lang=lang).flagged
    )
