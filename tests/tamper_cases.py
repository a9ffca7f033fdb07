"""The forgery and tampering cases: one table, read by tests/test_tamper_suite.py and by
scripts/gen_tamper_table.py (which writes docs/tamper-cases.md from it).

Each case names the verdict it must get for each format, and why that verdict is the right
one according to the definitions in provenance/verdicts.py: ``tampered`` when the content
or an assertion changed after signing, ``invalid`` when the signature or the certificate
cannot be accepted, ``valid-untrusted`` when the signature holds but no trusted authority
vouches for the signer, ``no-credential`` when the file no longer carries a manifest.
"""

from __future__ import annotations

from dataclasses import dataclass

from artcharter.provenance import verdicts

FORMATS = ("png", "jpeg", "webp")
SUFFIXES = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"}


@dataclass(frozen=True)
class TamperCase:
    id: str
    attack: str  # what was done to the signed file, in words
    verdict: str  # the verdict each format (PNG, JPEG, WebP) must get
    why: str  # why that verdict is the right one
    code: str | None = None  # a C2PA failure code that must be reported (None: no manifest)
    refused_at_signing: bool = False  # c2pa-rs refuses to sign this; the file is forged by hand


CASES: tuple[TamperCase, ...] = (
    TamperCase(
        "untouched",
        "Signed by the school's artist and left alone (control).",
        verdicts.TRUSTED,
        "Signature intact, content unchanged, certificate issued by the trusted root.",
    ),
    TamperCase(
        "pixel-change",
        "A rectangle painted over the pixels; the manifest store and metadata kept in place.",
        verdicts.TAMPERED,
        "The pixels no longer match the hard binding (data hash) that was signed.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "crop",
        "Cropped (new dimensions and image data); the manifest store kept in place.",
        verdicts.TAMPERED,
        "The image data changed after signing.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "re-encode",
        "Decoded and encoded again at another quality or compression level; the manifest "
        "store carried over.",
        verdicts.TAMPERED,
        "C2PA binds the exact bytes: even a visually identical re-encode is a change.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "re-encode-by-editor",
        "Opened and saved again by an image editor (Pillow) that drops Content Credentials.",
        verdicts.NO_CREDENTIAL,
        "Nothing is left to verify; the verdict says nothing for or against the image.",
    ),
    TamperCase(
        "metadata-strip",
        "Manifest store, XMP and text chunks removed; image data bytes untouched.",
        verdicts.NO_CREDENTIAL,
        "Stripping is not forgery: the file simply has no credentials any more.",
    ),
    TamperCase(
        "xmp-strip",
        "Only the IPTC XMP packet (AI disclosure fields) removed; the manifest kept.",
        verdicts.TAMPERED,
        "The XMP was written before signing, so it is covered by the data hash.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "trailing-bytes",
        "Bytes appended after the end of the image.",
        verdicts.TAMPERED,
        "The data hash covers the whole file outside the manifest store.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "manifest-transplant",
        "The manifest store of a signed file moved onto another, unsigned image.",
        verdicts.TAMPERED,
        "The manifest's hard binding describes the other image's bytes.",
        "assertion.dataHash.mismatch",
    ),
    TamperCase(
        "assertion-edited",
        "The tool name rewritten in place inside the artcharter record assertion (same "
        "length, so the layout holds).",
        verdicts.TAMPERED,
        "The claim's hashed reference to the assertion no longer matches.",
        "assertion.hashedURI.mismatch",
    ),
    TamperCase(
        "claim-edited",
        "The title rewritten in place inside the signed claim.",
        verdicts.INVALID,
        "The claim is what the signature covers: the signature no longer matches.",
        "claimSignature.mismatch",
    ),
    TamperCase(
        "signature-flipped",
        "One bit flipped inside the COSE signature value.",
        verdicts.INVALID,
        "The signature does not verify with the certificate's public key.",
        "claimSignature.mismatch",
    ),
    TamperCase(
        "remote-reference",
        "Signed with the manifest kept on a server: the file only carries its URL (an "
        "address in the documentation range, never fetched offline).",
        verdicts.REMOTE_NOT_FETCHED,
        "Verification makes no network call unless asked (--allow-remote): nothing was "
        "checked, which is neither a pass nor a forgery.",
    ),
    TamperCase(
        "untrusted-ca",
        "Signed by an artist of another school (a CA the verifier does not trust).",
        verdicts.VALID_UNTRUSTED,
        "The content is as signed, but no trusted authority vouches for the signer.",
        "signingCredential.untrusted",
    ),
    TamperCase(
        "impersonation",
        "A self-made CA with the same school name issues a certificate in the artist's name.",
        verdicts.VALID_UNTRUSTED,
        "Names are not identity: only the trusted root's key makes a signer trusted.",
        "signingCredential.untrusted",
    ),
    TamperCase(
        "re-signed-by-outsider",
        "The signed file labelled again by an outsider (another CA): the original becomes "
        "the parent ingredient.",
        verdicts.VALID_UNTRUSTED,
        "The verdict is about the active manifest, whose signer is not trusted.",
        "signingCredential.untrusted",
    ),
    TamperCase(
        "expired-certificate",
        "Claim signed with a key whose certificate (issued by the trusted root) has expired.",
        verdicts.INVALID,
        "An expired certificate cannot vouch for a signature made now (no timestamp).",
        "signingCredential.expired",
        refused_at_signing=True,
    ),
    TamperCase(
        "not-yet-valid-certificate",
        "Claim signed with a certificate whose validity starts next month.",
        verdicts.INVALID,
        "The certificate was not valid when the signature was checked.",
        "signingCredential.expired",
        refused_at_signing=True,
    ),
    TamperCase(
        "ca-as-signer",
        "Claim signed with an intermediate CA's own key and certificate.",
        verdicts.INVALID,
        "A CA certificate may issue certificates, not sign content.",
        "signingCredential.invalid",
        refused_at_signing=True,
    ),
    TamperCase(
        "missing-intermediate",
        "Signed by an artist under an intermediate CA, with a chain that omits the intermediate.",
        verdicts.VALID_UNTRUSTED,
        "The signature holds but no path leads from the signer to the trusted root.",
        "signingCredential.untrusted",
    ),
    TamperCase(
        "with-intermediate",
        "The same artist, chain with the intermediate (control).",
        verdicts.TRUSTED,
        "A complete chain to the trusted root.",
    ),
    TamperCase(
        "hand-signed-control",
        "Claim signature rebuilt by hand with the artist's own valid key (control of the "
        "hand-signing used for the three refused cases).",
        verdicts.TRUSTED,
        "Proves that the hand-made signatures are well formed: the refused cases fail for "
        "their certificate, not for a broken forgery.",
    ),
)
