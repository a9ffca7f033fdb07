"""What one row of the desk says about a file, built from its verification and charter check.

Pure: a Verification (and a charter check when there is one) in, a JSON-ready dict out.
The page, the CSV export and the API all read this one dict, so they cannot disagree.
"""

from __future__ import annotations

from typing import Any

from artcharter.base.messages import Message
from artcharter.base.numbers import fmt_energy, fmt_mass_co2
from artcharter.provenance import verdicts
from artcharter.provenance.record import SOURCE_TYPES
from artcharter.provenance.verify import (
    Verification,
    claim_lines,
    ingredient_notes,
    match_lines,
    signal_lines,
    signature_notes,
    trusted_by_text,
    unvouched_heading,
)
from artcharter.serve.texts import LANGS, both, count, text

# Colour of each verdict on the page (also named in the API so that other clients agree).
VERDICT_TONES = {
    verdicts.TRUSTED: "good",
    verdicts.TRUSTED_C2PA_LIST: "good",
    verdicts.VALID_UNTRUSTED: "caution",
    verdicts.TAMPERED: "bad",
    verdicts.INVALID: "bad",
    verdicts.NO_CREDENTIAL: "neutral",
    verdicts.UNREADABLE: "neutral",
    verdicts.REMOTE_NOT_FETCHED: "caution",
}

# Verdicts under which what the credentials say (title, artist, AI share) can be read as
# what was signed; otherwise it is only what the file claims.
RELIABLE_VERDICTS = verdicts.VOUCHED

# From "a model made it" to "no AI": the share a desk shows when several actions disagree.
_SHARE_ORDER = ("generated", "partly-generated", "enhanced", "none")


def ai_share_of_record(record: dict[str, Any] | None) -> str:
    """generated / partly-generated / enhanced / none / unknown, from an artwork record."""
    return SOURCE_TYPES.get((record or {}).get("source_type") or "", "unknown")


def ai_share(verification: Verification) -> str:
    """The share of AI a file discloses.

    artcharter's record says it directly; for files signed by other tools, the IPTC digital
    source types of the C2PA actions say it (the largest share wins).
    """
    if verification.record and verification.record.get("source_type") in SOURCE_TYPES:
        return ai_share_of_record(verification.record)
    shares = {SOURCE_TYPES.get(t) for t in verification.disclosure.get("source_types", [])}
    for share in _SHARE_ORDER:
        if share in shares:
            return share
    return "unknown"


def energy_summary(record: dict[str, Any] | None, langs: tuple[str, ...]) -> dict[str, Any]:
    energy = (record or {}).get("energy") or {}
    kwh, co2 = energy.get("kwh_total"), energy.get("kg_co2eq")
    if not energy:
        label = both("energy_not_recorded", langs)
    elif energy.get("status") != "measured" or kwh is None:
        label = both("energy_not_measured", langs)
    else:
        label = {
            code: fmt_energy(kwh, code)
            + (f" · {fmt_mass_co2(co2, code)}" if co2 is not None else "")
            for code in langs
        }
    return {
        "kwh": kwh,
        "kg_co2eq": co2,
        "status": energy.get("status"),
        "method": energy.get("method"),
        "label": label,
    }


def charter_summary(
    check: dict[str, Any] | None, langs: tuple[str, ...], error: str | None = None
) -> dict[str, Any]:
    """``check`` is the charter check as plain data (integrations.check_summary), or None
    when the desk has no charter or the check failed (``error``)."""
    if check is None:
        label = (
            both("charter_error", langs, error=error)
            if error
            else both("charter_not_checked", langs)
        )
        return {"checked": False, "passed": None, "error": error, "label": label}
    failed = int(check.get("required_failed", 0))
    missing = int(check.get("required_missing", 0))
    open_points = int(check.get("open", 0))
    label = {}
    for code in langs:
        if check.get("passed"):
            parts = [text("charter_passed", code)]
            if open_points:
                parts.append(count("charter_open", open_points, code))
        else:
            parts = []
            if failed:
                parts.append(count("charter_failed", failed, code))
            if missing:
                parts.append(count("charter_missing", missing, code))
        label[code] = " · ".join(parts)
    return {
        "checked": True,
        "passed": bool(check.get("passed")),
        "required_failed": failed,
        "required_missing": missing,
        "open": open_points,
        "label": label,
    }


def summarize(
    verification: Verification,
    check: dict[str, Any] | None,
    lang: str | None,
    check_error: str | None = None,
) -> dict[str, Any]:
    """The row for one file. Texts come in ``lang`` only, or in both languages if None."""
    langs = (lang,) if lang in LANGS else LANGS
    record = verification.record or {}
    share = ai_share(verification)
    return {
        "verdict": verification.verdict,
        "tone": VERDICT_TONES[verification.verdict],
        "verdict_title": {code: verdicts.title(verification.verdict, code) for code in langs},
        "explanation": {code: verdicts.explanation(verification.verdict, code) for code in langs},
        "reliable": verification.verdict in RELIABLE_VERDICTS,
        # An artcharter record's own title (None: untitled), never the manifest's stand-in
        # (the artwork id); another tool's manifest title otherwise.
        "title": record.get("title") if record else verification.title,
        # The signing certificate's subject (nobody when the signature does not hold); a
        # different author in the record is an unverified claim, in its own field.
        "artist": verification.artist["name"],
        "organisation": verification.artist["organisation"],
        "claimed_author": (verification.claimed_author or {}).get("name"),
        # The signer only when the signature holds (the file's own word otherwise, under
        # ``unvouched``).
        "signer": verification.signer.get("name") if verification.vouched else None,
        "artwork_id": verification.artwork_id,
        "ai_share": share,
        "ai_share_label": both(f"ai_{share}", langs),
        "energy": energy_summary(record, langs),
        "charter": charter_summary(check, langs, check_error),
        # Apart from the verdict: the signature's time, what the file claims unverified,
        # its probable signed originals (each list a heading line, then its items).
        "signature_notes": _lines(signature_notes(verification), langs),
        # Who trusts the signer (the school, or the C2PA trust list), and each ingredient
        # whose own credentials the school does not trust, with its problem.
        "trusted_by": (
            {code: trusted_by_text(verification.trusted_by, code) for code in langs}
            if verification.trusted_by
            else None
        ),
        "ingredient_notes": _lines(ingredient_notes(verification), langs),
        # The heading that sets the credentials' own statements apart when no valid
        # signature vouches for them (None when it does, or they say nothing).
        "unvouched": (
            {code: heading.render(code) for code in langs}
            if (heading := unvouched_heading(verification))
            else None
        ),
        # The C2PA signals rubric's class beside artcharter's words (nothing when the
        # signature does not hold): the class line, then the other signals.
        "c2pa_signal": _lines(signal_lines(verification), langs),
        "unverified_claims": _lines(claim_lines(verification), langs),
        "probable_matches": _lines(match_lines(verification), langs),
    }


def _lines(messages: list[Message], langs: tuple[str, ...]) -> dict[str, list[str]]:
    return {code: [m.render(code) for m in messages] for code in langs}
