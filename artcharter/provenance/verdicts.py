"""The eight verification verdicts: stable names, the rule that picks one from C2PA's
validation output (pure), and what each means for a jury member, in French and English."""

from __future__ import annotations

from artcharter.base.messages import Message
from artcharter.provenance.messages import MESSAGES

TRUSTED = "trusted"
# Trusted by the second tier, the C2PA trust list (a conforming product), never by the
# school: nothing the school's trust gates (an artwork id, the charter's signer rule, the
# ledger) accepts it.
TRUSTED_C2PA_LIST = "trusted-c2pa-list"
VALID_UNTRUSTED = "valid-untrusted"
TAMPERED = "tampered"
INVALID = "invalid"
NO_CREDENTIAL = "no-credential"
UNREADABLE = "unreadable"
REMOTE_NOT_FETCHED = "remote-not-fetched"

VERDICTS = (
    TRUSTED,
    TRUSTED_C2PA_LIST,
    VALID_UNTRUSTED,
    TAMPERED,
    INVALID,
    NO_CREDENTIAL,
    UNREADABLE,
    REMOTE_NOT_FETCHED,
)

# Failure codes that mean the content or the assertions changed after signing.
TAMPER_CODES = (
    "assertion.dataHash.mismatch",
    "assertion.boxesHash.mismatch",
    "assertion.bmffHash.mismatch",
    "assertion.collectionHash.mismatch",
    "assertion.hashedURI.mismatch",
)
# Failure codes about the signature or the certificate itself: these win over tampering,
# since nothing in a manifest with a broken signature can be believed.
INVALID_CODES = (
    "claimSignature.mismatch",
    "claimSignature.missing",
    "claimSignature.outsideValidity",
    "signingCredential.invalid",
    "signingCredential.expired",
    "signingCredential.revoked",
    "signingCredential.ocsp.revoked",
    "claim.malformed",
    "claim.missing",
)
UNTRUSTED_CODE = "signingCredential.untrusted"
# Failure codes that say the validator could not check the signature at all: not a bad
# signature, a file it cannot read (another validator may).
UNSUPPORTED_CODES = ("algorithm.unsupported",)
# The specification's success and informational status codes (C2PA 2.2, "Standard Status
# Codes"): every other code is a failure. An ingredient of a C2PA 1.x claim records its
# status as one list, in which only these are not failures.
NOT_FAILURE_CODES = frozenset(
    {
        "claimSignature.validated",
        "claimSignature.insideValidity",
        "signingCredential.trusted",
        "signingCredential.ocsp.notRevoked",
        "timeStamp.validated",
        "timeStamp.trusted",
        "assertion.hashedURI.match",
        "assertion.dataHash.match",
        "assertion.bmffHash.match",
        "assertion.boxesHash.match",
        "assertion.collectionHash.match",
        "assertion.accessible",
        "ingredient.manifest.validated",
        "ingredient.unknownProvenance",
        "ingredient.claimSignature.validated",
        "signingCredential.ocsp.skipped",
        "signingCredential.ocsp.inaccessible",
        "timeStamp.mismatch",
        "timeStamp.malformed",
        "timeStamp.outsideValidity",
        "timeStamp.untrusted",
        "manifest.unknownProvenance",
        "manifest.unreferenced",
        "algorithm.deprecated",
        "timeOfSigning.insideValidity",
    }
)


def classify(state: str | None, failure_codes: list[str]) -> str:
    """The verdict for a manifest that could be read, from its validation state and codes."""
    if any(code in UNSUPPORTED_CODES for code in failure_codes):
        return UNREADABLE
    if any(code in INVALID_CODES for code in failure_codes):
        return INVALID
    if any(code in TAMPER_CODES for code in failure_codes):
        return TAMPERED
    if state == "Trusted" and not failure_codes:
        return TRUSTED
    if state in ("Valid", "Trusted") or (failure_codes and set(failure_codes) == {UNTRUSTED_CODE}):
        return VALID_UNTRUSTED
    return INVALID


# The verdicts whose signature holds: the signer's name is the certificate's.
VOUCHED = (TRUSTED, TRUSTED_C2PA_LIST, VALID_UNTRUSTED)

# Exit code of `verify` for each verdict; the command returns the highest over all files.
EXIT_CODES = {
    TRUSTED: 0,
    TRUSTED_C2PA_LIST: 0,
    VALID_UNTRUSTED: 1,
    TAMPERED: 1,
    INVALID: 1,
    NO_CREDENTIAL: 1,
    REMOTE_NOT_FETCHED: 1,
    UNREADABLE: 2,
}

# What each verdict means for a jury member: artcharter.provenance.messages, keys
# "verdict.<verdict>.title" and "verdict.<verdict>.explanation".


def title_message(verdict: str) -> Message:
    return MESSAGES(f"verdict.{verdict}.title")


def explanation_message(verdict: str) -> Message:
    return MESSAGES(f"verdict.{verdict}.explanation")


def title(verdict: str, lang: str) -> str:
    return title_message(verdict).render(lang)


def in_sentence(verdict: str, lang: str) -> str:
    """The verdict's title inside a sentence: its first letter in lower case, names kept
    ("sans Content Credentials", "modifié après signature")."""
    text = title(verdict, lang)
    return text[:1].lower() + text[1:]


def explanation(verdict: str, lang: str) -> str:
    return explanation_message(verdict).render(lang)
