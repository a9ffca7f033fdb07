"""Every text the provenance room shows a person, in each language: one catalogue.

Keys are grouped by the module that speaks: ``verdict.<verdict>.title`` and
``verdict.<verdict>.explanation`` (artcharter.provenance.verdicts), then the errors of each
module. A French text puts a no-break space before ``: ; ! ?``.
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue

MESSAGES = Catalogue(
    "provenance",
    {
        "verdict.trusted.title": {
            "fr": "De confiance",
            "en": "Trusted",
        },
        "verdict.trusted.explanation": {
            "fr": (
                "Le fichier porte des Content Credentials signés par un certificat délivré par "
                "une autorité de confiance, et rien n'y a changé depuis la signature. Ce qu'ils "
                "disent de l'usage de l'IA a été déclaré par le signataire, qui en répond."
            ),
            "en": (
                "The file carries Content Credentials signed by a certificate issued by an "
                "authority you trust, and nothing in it has changed since it was signed. What the"
                " credentials say about the use of AI was declared by the signer, who can be held"
                " to it."
            ),
        },
        "verdict.valid-untrusted.title": {
            "fr": "Valide, signataire inconnu",
            "en": "Valid, signer unknown",
        },
        "verdict.valid-untrusted.explanation": {
            "fr": (
                "La signature est intacte et le fichier n'a pas changé depuis la signature, mais "
                "le certificat ne vient pas d'une autorité de confiance (une autre école, ou un "
                "certificat personnel). Le contenu est bien celui qui a été signé\u00a0; l'identité du"
                " signataire n'est garantie par personne. Ajoutez son certificat racine avec "
                "--trust si vous le connaissez."
            ),
            "en": (
                "The signature is intact and the file has not changed since it was signed, but "
                "the certificate does not come from an authority you trust (for example another "
                "school, or a personal certificate). The content is as signed; who signed it is "
                "not vouched for. Add the signer's root certificate with --trust if you know it."
            ),
        },
        "verdict.tampered.title": {
            "fr": "Modifié après signature",
            "en": "Tampered",
        },
        "verdict.tampered.explanation": {
            "fr": (
                "Le fichier a été modifié après sa signature\u00a0: ses pixels ou les informations de "
                "ses Content Credentials ne correspondent plus à ce qui a été signé. Il a pu être"
                " retouché, recadré ou réencodé. Ne vous fiez pas à ses informations\u00a0; demandez à"
                " l'auteur le fichier signé d'origine."
            ),
            "en": (
                "The file was changed after it was signed: its pixels or the information in its "
                "credentials no longer match what was signed. It may have been edited, cropped or"
                " re-encoded. Do not rely on what its credentials say; ask the author for the "
                "original signed file."
            ),
        },
        "verdict.invalid.title": {
            "fr": "Signature ou certificat invalide",
            "en": "Invalid signature or credential",
        },
        "verdict.invalid.explanation": {
            "fr": (
                "Le fichier a des Content Credentials, mais leur signature ne peut pas être "
                "acceptée\u00a0: elle ne correspond pas, ou le certificat est expiré, révoqué, pas "
                "encore valide ou non autorisé à signer. Rien de ce qu'ils disent n'est fiable."
            ),
            "en": (
                "The file has Content Credentials, but their signature cannot be accepted: the "
                "signature does not match, or the certificate is expired, revoked, not yet valid "
                "or not allowed to sign. Nothing the credentials say can be relied on."
            ),
        },
        "verdict.no-credential.title": {
            "fr": "Sans Content Credentials",
            "en": "No Content Credentials",
        },
        "verdict.no-credential.explanation": {
            "fr": (
                "Le fichier ne porte pas de Content Credentials. Cela ne dit rien de la façon "
                "dont il a été fait\u00a0: les réseaux sociaux, les captures d'écran et les exports "
                "les suppriment souvent. Demandez le fichier signé à l'auteur."
            ),
            "en": (
                "The file carries no Content Credentials. This says nothing either way about how "
                "it was made: credentials are often stripped by social networks, screenshots or "
                "exports. Ask the author for the signed file."
            ),
        },
        "verdict.unreadable.title": {
            "fr": "Illisible ou non pris en charge",
            "en": "Unreadable or unsupported",
        },
        "verdict.unreadable.explanation": {
            "fr": (
                "Le fichier n'a pas pu être lu comme une image\u00a0: il est endommagé, tronqué, ou ce"
                " n'est pas un fichier PNG, JPEG ou WebP."
            ),
            "en": (
                "The file could not be read as an image: it is damaged, truncated, or not a PNG, "
                "JPEG or WebP file."
            ),
        },
        "verdict.remote-not-fetched.title": {
            "fr": "Content Credentials distants non récupérés",
            "en": "Remote credentials not fetched",
        },
        "verdict.remote-not-fetched.explanation": {
            "fr": (
                "Les Content Credentials de ce fichier sont stockés sur un serveur, pas dans le "
                "fichier. Ils n'ont pas été récupérés\u00a0: la vérification se fait hors ligne sauf "
                "avec --allow-remote (ou le serveur n'a pas pu être joint)."
            ),
            "en": (
                "The file's Content Credentials are stored on a server, not in the file. They "
                "were not fetched, since verification works offline unless you pass "
                "--allow-remote (or the server could not be reached)."
            ),
        },
    },
)
