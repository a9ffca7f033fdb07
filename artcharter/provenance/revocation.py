"""Revocation: the school's certificate revocation list (RFC 5280), and the offline check.

``keys revoke`` adds an artist's certificate to ``keys/school-root.crl``, a CRL signed by
the school root (``cryptography``'s CertificateRevocationListBuilder); ``tsa serve`` also
publishes it at ``/crl``. Verification reads it from beside each trust anchor, checks its
signature against that anchor, and applies it with no network call. c2pa-rs itself checks
revocation only through OCSP, which a school's offline CA does not run.

The rule: a credential whose certificate is revoked is invalid, unless a trusted
time-stamp shows it was signed before the revocation date (the certificate was then good).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from artcharter.base.errors import BadInput
from artcharter.base.files import write_atomic
from artcharter.provenance.messages import MESSAGES

if TYPE_CHECKING:
    from cryptography import x509

# cryptography (and keys, which needs it) is imported only where a CRL is read or written:
# `artcharter verify` starts without it (about 20 ms of its cold start) when no anchor
# has a CRL beside it.

# The reasons a school gives (RFC 5280 5.3.1 CRLReason), by the word a person types: the
# name of each one's x509.ReasonFlags member.
REASONS: dict[str, str] = {
    "left-school": "affiliation_changed",
    "key-compromise": "key_compromise",
    "superseded": "superseded",
    "cessation": "cessation_of_operation",
    "unspecified": "unspecified",
}
WORDS = {flag: word for word, flag in REASONS.items()}  # by member name
# The list is re-signed at each change; verification is offline and a school may revoke
# rarely, so the next update is far (a stale list still lists every revocation it knew).
NEXT_UPDATE_DAYS = 365
CRL_PEM = "-----BEGIN X509 CRL-----"


@dataclass(frozen=True)
class Revoked:
    serial: int
    issuer_organisation: str
    revoked_at: str  # ISO 8601, UTC
    reason: str  # a key of REASONS


def _reason_of(entry: x509.RevokedCertificate) -> str:
    from cryptography import x509

    try:
        flag = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
    except x509.ExtensionNotFound:
        return "unspecified"
    return WORDS.get(flag.name, "unspecified")


def _organisation(name: x509.Name) -> str:
    from cryptography.x509.oid import NameOID

    found = name.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(found[0].value) if found else ""


def read_crl(path: Path) -> x509.CertificateRevocationList | None:
    if not path.exists():
        return None
    from cryptography import x509

    try:
        return x509.load_pem_x509_crl(path.read_bytes())
    except ValueError:
        raise BadInput(MESSAGES("revocation.unreadable", path=path)) from None


def revoked_entries(crl: x509.CertificateRevocationList) -> list[Revoked]:
    organisation = _organisation(crl.issuer)
    return [
        Revoked(
            entry.serial_number,
            organisation,
            entry.revocation_date_utc.isoformat(),
            _reason_of(entry),
        )
        for entry in crl
    ]


def revoke(
    keys_dir: Path,
    artist: str,
    *,
    reason: str = "unspecified",
    root_passphrase: str | None = None,
    when: dt.datetime | None = None,
) -> Revoked:
    """Revoke ``artist``'s certificate: re-sign the school's CRL with it added."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from artcharter.provenance import keys

    if reason not in REASONS:
        raise BadInput(
            MESSAGES("revocation.unknown_reason", reason=reason, choices=", ".join(REASONS))
        )
    identity = keys.artist_identity(keys_dir, keys.slugify(artist))
    if not identity.chain_path.exists():
        raise BadInput(
            MESSAGES("keys.no_artist_certificate", who=artist, value=keys_dir / keys.ARTISTS_DIR)
        )
    leaf = keys.read_certs(identity.chain_path)[0]
    root = keys.read_certs(keys_dir / keys.ROOT_CERT)[0]
    if leaf.issuer != root.subject:
        raise BadInput(MESSAGES("revocation.other_issuer", who=artist))
    root_key = keys.read_private_key(
        keys_dir / keys.ROOT_KEY, root_passphrase, hint=keys.ROOT_PASSPHRASE_HINT
    )
    path = keys_dir / keys.CRL_FILE
    old = read_crl(path)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    revoked_at = (when or now).replace(microsecond=0)
    entries = [e for e in (old or []) if e.serial_number != leaf.serial_number]
    number = 1
    if old is not None:
        try:
            number = old.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number + 1
        except x509.ExtensionNotFound:
            number = len(entries) + 2
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(now)
        .next_update(now + dt.timedelta(days=NEXT_UPDATE_DAYS))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
    )
    for entry in entries:
        builder = builder.add_revoked_certificate(entry)
    builder = builder.add_revoked_certificate(
        x509.RevokedCertificateBuilder()
        .serial_number(leaf.serial_number)
        .revocation_date(revoked_at)
        .add_extension(x509.CRLReason(x509.ReasonFlags[REASONS[reason]]), critical=False)
        .build()
    )
    crl = builder.sign(root_key, keys._sign_hash(root_key))
    write_atomic(path, crl.public_bytes(serialization.Encoding.PEM))
    return Revoked(leaf.serial_number, _organisation(root.subject), revoked_at.isoformat(), reason)


def revoked_serials(keys_dir: Path) -> dict[int, Revoked]:
    """The school root's revoked certificates, by serial number (for ``keys list``)."""
    from artcharter.provenance import keys

    crl = read_crl(keys_dir / keys.CRL_FILE)
    return {r.serial: r for r in revoked_entries(crl)} if crl is not None else {}


def anchor_with_crl(anchor_pem: str, anchor_path: Path) -> str:
    """The anchor's PEM text followed by its CRL (``NAME.crl`` beside ``NAME.pem``), after
    checking that the anchor signed it: verification carries both in one string."""
    crl_path = anchor_path.with_suffix(".crl")
    crl = read_crl(crl_path)
    if crl is None:
        return anchor_pem
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    anchor = x509.load_pem_x509_certificates(anchor_pem.encode("ascii"))[0]
    if crl.issuer != anchor.subject or not crl.is_signature_valid(anchor.public_key()):  # type: ignore[arg-type]
        raise BadInput(MESSAGES("revocation.bad_signature", path=crl_path, anchor=anchor_path))
    return anchor_pem + crl.public_bytes(serialization.Encoding.PEM).decode("ascii")


def certificates_only(anchors: tuple[str, ...]) -> tuple[str, ...]:
    """The anchors without their CRLs: what c2pa's trust settings take."""
    return tuple(a.split(CRL_PEM)[0] for a in anchors)


@lru_cache(maxsize=8)
def _revocations(anchors: tuple[str, ...]) -> dict[tuple[str, int], Revoked]:
    found: dict[tuple[str, int], Revoked] = {}
    for anchor in anchors:
        if CRL_PEM not in anchor:
            continue
        from cryptography import x509

        crl = x509.load_pem_x509_crl((CRL_PEM + anchor.split(CRL_PEM, 1)[1]).encode("ascii"))
        for entry in revoked_entries(crl):
            found[(entry.issuer_organisation, entry.serial)] = entry
    return found


def lookup(
    anchors: tuple[str, ...], issuer_organisation: str, serial: str | None
) -> Revoked | None:
    """The revocation of the certificate with this serial (c2pa's decimal text) issued by
    the organisation, if an anchor's CRL lists it."""
    if not serial or not serial.isdigit():
        return None
    return _revocations(anchors).get((issuer_organisation, int(serial)))
