"""The seven verification verdicts: stable names, the rule that picks one from C2PA's
validation output (pure), and what each means for a jury member, in French and English."""

from __future__ import annotations

TRUSTED = "trusted"
VALID_UNTRUSTED = "valid-untrusted"
TAMPERED = "tampered"
INVALID = "invalid"
NO_CREDENTIAL = "no-credential"
UNREADABLE = "unreadable"
REMOTE_NOT_FETCHED = "remote-not-fetched"

VERDICTS = (
    TRUSTED,
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
    "algorithm.unsupported",
    "claim.malformed",
    "claim.missing",
)
UNTRUSTED_CODE = "signingCredential.untrusted"


def classify(state: str | None, failure_codes: list[str]) -> str:
    """The verdict for a manifest that could be read, from its validation state and codes."""
    if any(code in INVALID_CODES for code in failure_codes):
        return INVALID
    if any(code in TAMPER_CODES for code in failure_codes):
        return TAMPERED
    if state == "Trusted" and not failure_codes:
        return TRUSTED
    if state in ("Valid", "Trusted") or (failure_codes and set(failure_codes) == {UNTRUSTED_CODE}):
        return VALID_UNTRUSTED
    return INVALID


# Exit code of `verify` for each verdict; the command returns the highest over all files.
EXIT_CODES = {
    TRUSTED: 0,
    VALID_UNTRUSTED: 1,
    TAMPERED: 1,
    INVALID: 1,
    NO_CREDENTIAL: 1,
    REMOTE_NOT_FETCHED: 1,
    UNREADABLE: 2,
}

TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    TRUSTED: {
        "en": (
            "Trusted",
            "The file carries Content Credentials signed by a certificate issued by an "
            "authority you trust, and nothing in it has changed since it was signed. What the "
            "credentials say about the use of AI was declared by the signer, who can be held "
            "to it.",
        ),
        "fr": (
            "De confiance",
            "Le fichier porte des Content Credentials signés par un certificat délivré par une "
            "autorité de confiance, et rien n'y a changé depuis la signature. Ce qu'ils disent "
            "de l'usage de l'IA a été déclaré par le signataire, qui en répond.",
        ),
    },
    VALID_UNTRUSTED: {
        "en": (
            "Valid, signer unknown",
            "The signature is intact and the file has not changed since it was signed, but the "
            "certificate does not come from an authority you trust (for example another "
            "school, or a personal certificate). The content is as signed; who signed it is "
            "not vouched for. Add the signer's root certificate with --trust if you know it.",
        ),
        "fr": (
            "Valide, signataire inconnu",
            "La signature est intacte et le fichier n'a pas changé depuis la signature, mais le "
            "certificat ne vient pas d'une autorité de confiance (une autre école, ou un "
            "certificat personnel). Le contenu est bien celui qui a été signé ; l'identité du "
            "signataire n'est garantie par personne. Ajoutez son certificat racine avec --trust "
            "si vous le connaissez.",
        ),
    },
    TAMPERED: {
        "en": (
            "Tampered",
            "The file was changed after it was signed: its pixels or the information in its "
            "credentials no longer match what was signed. It may have been edited, cropped or "
            "re-encoded. Do not rely on what its credentials say; ask the author for the "
            "original signed file.",
        ),
        "fr": (
            "Modifié après signature",
            "Le fichier a été modifié après sa signature : ses pixels ou les informations de ses "
            "Content Credentials ne correspondent plus à ce qui a été signé. Il a pu être "
            "retouché, recadré ou réencodé. Ne vous fiez pas à ses informations ; demandez à "
            "l'auteur le fichier signé d'origine.",
        ),
    },
    INVALID: {
        "en": (
            "Invalid signature or credential",
            "The file has Content Credentials, but their signature cannot be accepted: the "
            "signature does not match, or the certificate is expired, revoked, not yet valid "
            "or not allowed to sign. Nothing the credentials say can be relied on.",
        ),
        "fr": (
            "Signature ou certificat invalide",
            "Le fichier a des Content Credentials, mais leur signature ne peut pas être "
            "acceptée : elle ne correspond pas, ou le certificat est expiré, révoqué, pas encore "
            "valide ou non autorisé à signer. Rien de ce qu'ils disent n'est fiable.",
        ),
    },
    NO_CREDENTIAL: {
        "en": (
            "No Content Credentials",
            "The file carries no Content Credentials. This says nothing either way about how "
            "it was made: credentials are often stripped by social networks, screenshots or "
            "exports. Ask the author for the signed file.",
        ),
        "fr": (
            "Sans Content Credentials",
            "Le fichier ne porte pas de Content Credentials. Cela ne dit rien de la façon dont il "
            "a été fait : les réseaux sociaux, les captures d'écran et les exports les "
            "suppriment souvent. Demandez le fichier signé à l'auteur.",
        ),
    },
    UNREADABLE: {
        "en": (
            "Unreadable or unsupported",
            "The file could not be read as an image: it is damaged, truncated, or not a PNG, "
            "JPEG or WebP file.",
        ),
        "fr": (
            "Illisible ou non pris en charge",
            "Le fichier n'a pas pu être lu comme une image : il est endommagé, tronqué, ou ce "
            "n'est pas un fichier PNG, JPEG ou WebP.",
        ),
    },
    REMOTE_NOT_FETCHED: {
        "en": (
            "Remote credentials not fetched",
            "The file's Content Credentials are stored on a server, not in the file. They were "
            "not fetched, since verification works offline unless you pass --allow-remote "
            "(or the server could not be reached).",
        ),
        "fr": (
            "Content Credentials distants non récupérés",
            "Les Content Credentials de ce fichier sont stockés sur un serveur, pas dans le "
            "fichier. Ils n'ont pas été récupérés : la vérification se fait hors ligne sauf avec "
            "--allow-remote (ou le serveur n'a pas pu être joint).",
        ),
    },
}


def title(verdict: str, lang: str) -> str:
    return TEXTS[verdict][lang if lang in ("fr", "en") else "en"][0]


def in_sentence(verdict: str, lang: str) -> str:
    """The verdict's title inside a sentence: its first letter in lower case, names kept
    ("sans Content Credentials", "modifié après signature")."""
    text = title(verdict, lang)
    return text[:1].lower() + text[1:]


def explanation(verdict: str, lang: str) -> str:
    return TEXTS[verdict][lang if lang in ("fr", "en") else "en"][1]
