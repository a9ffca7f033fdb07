"""The school as a small certificate authority: a root CA and artist signing certificates.

c2pa-rs accepts a signing certificate only if it is an end entity (not a CA) with key usage
digitalSignature, an extended key usage it knows (emailProtection, documentSigning), an
Authority Key Identifier and an ``O=`` in its subject; without ``O=`` verification fails
with claimSignature.mismatch. The chain handed to the signer is the leaf first, then any
intermediates, never the root. Private keys are written with mode 0600 and refused when
other users can read them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import write_atomic
from artcharter.base.names import name_key, same_name
from artcharter.base.prompts import passphrase_prompt
from artcharter.provenance.config import PREVIOUS_ROOTS_DIR, previous_roots
from artcharter.provenance.messages import MESSAGES

ROOT_CERT = "school-root.pem"
ROOT_KEY = "school-root.key"
# The school's RFC 3161 time-stamp authority: its certificate, issued by the root, and key.
TSA_CERT = "school-tsa.pem"
TSA_KEY = "school-tsa.key"
ARTISTS_DIR = "artists"
ALGORITHMS = ("es256", "ed25519")

# id-kp-documentSigning (RFC 9336); cryptography has no constant for it.
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")

PrivateKey = ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey


@dataclass(frozen=True)
class Identity:
    """An artist's signing identity as files on disk."""

    slug: str
    chain_path: Path
    key_path: Path


@dataclass(frozen=True)
class CertificateInfo:
    """What `keys list` and `keys show` print about one certificate."""

    path: str
    role: str  # "root" or "artist"
    subject_name: str
    organisation: str
    email: str | None
    issuer: str
    algorithm: str
    not_before: str
    not_after: str
    expired: bool
    fingerprint_sha256: str
    revoked_at: str | None = None
    revoked_reason: str | None = None


def slugify(text: str) -> str:
    """'Alice Martin' -> 'alice-martin': a file name safe on every system, one per name.

    Accents are dropped ('Zoé' -> 'zoe'); a name with letters that have no ASCII form
    ('王芳', 'Søren') gets a short hash of the whole name after what is left, so that
    two such names never share a key file ('王芳' -> 'artist-…', 'Søren' -> 'sren-…')."""
    letters = "".join(
        c for c in unicodedata.normalize("NFKD", text.strip()) if not unicodedata.combining(c)
    )
    ascii_text = letters.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug or ascii_text != letters:
        digest = hashlib.sha256(name_key(text).encode("utf-8", "surrogatepass")).hexdigest()
        slug = f"{slug or 'artist'}-{digest[:10]}"
    return slug


def _new_key(alg: str) -> PrivateKey:
    if alg == "es256":
        return ec.generate_private_key(ec.SECP256R1())
    if alg == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    raise BadInput(MESSAGES("keys.unknown_algorithm", alg=alg, choices=", ".join(ALGORITHMS)))


def algorithm_of(key: PrivateKey) -> str:
    return "ed25519" if isinstance(key, ed25519.Ed25519PrivateKey) else "es256"


def _sign_hash(key: PrivateKey) -> hashes.HashAlgorithm | None:
    # Ed25519 signs without a separate digest; cryptography wants None for it.
    return None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def make_root(
    name: str,
    *,
    country: str = "FR",
    alg: str = "es256",
    valid_days: int = 3650,
    not_before: dt.datetime | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A self-signed root CA whose subject and organisation are the school's name."""
    key = _new_key(alg)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{name} root CA"),
        ]
    )
    start = not_before or _now() - dt.timedelta(minutes=5)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, _sign_hash(key))
    )
    return cert, key


def make_leaf(
    issuer_cert: x509.Certificate,
    issuer_key: PrivateKey,
    *,
    name: str,
    email: str | None,
    organisation: str | None = None,
    alg: str = "es256",
    valid_days: int = 730,
    not_before: dt.datetime | None = None,
    ca: bool = False,
) -> tuple[x509.Certificate, PrivateKey]:
    """A signing certificate c2pa-rs accepts, issued by ``issuer_cert``.

    ``ca=True`` makes an intermediate CA instead (used by schools with departments).
    """
    key = _new_key(alg)
    org = organisation or _organisation(issuer_cert)
    attributes = [
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, name),
    ]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    start = not_before or _now() - dt.timedelta(minutes=5)
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(issuer_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]),
            critical=False,
        )
        if email:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
            )
    return builder.sign(issuer_key, _sign_hash(issuer_key)), key


def make_tsa(
    issuer_cert: x509.Certificate,
    issuer_key: PrivateKey,
    *,
    valid_days: int = 3650,
    not_before: dt.datetime | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """The school's time-stamp authority certificate, issued by its root.

    RFC 3161 (2.3) requires the extended key usage id-kp-timeStamping, alone and critical.
    Always ES256: OpenSSL's ``ts`` signs with it everywhere, and c2pa-rs reads it.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    org = _organisation(issuer_cert)
    start = not_before or _now() - dt.timedelta(minutes=5)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                    x509.NameAttribute(NameOID.COMMON_NAME, f"{org} time-stamp authority"),
                ]
            )
        )
        .issuer_name(issuer_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        # Never beyond the root: a time-stamp is only as good as the chain above it.
        .not_valid_after(
            min(start + dt.timedelta(days=valid_days), issuer_cert.not_valid_after_utc)
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .sign(issuer_key, _sign_hash(issuer_key))
    )
    return cert, key


def _organisation(cert: x509.Certificate) -> str:
    values = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(values[0].value) if values else ""


def _common_name(cert: x509.Certificate) -> str:
    values = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else cert.subject.rfc4514_string()


# --- files -------------------------------------------------------------------------------


def cert_pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def key_pem(key: PrivateKey, passphrase: str | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


ARTIST_PASSPHRASE_HINT = "--passphrase or ARTCHARTER_PASSPHRASE"
ROOT_PASSPHRASE_HINT = "--root-passphrase or ARTCHARTER_ROOT_PASSPHRASE"


def read_private_key(
    path: Path, passphrase: str | None = None, *, hint: str = ARTIST_PASSPHRASE_HINT
) -> PrivateKey:
    """Load a private key, refusing one that other users can read. ``hint`` names the option
    and environment variable that give this key's passphrase."""
    if not path.exists():
        raise SetupError(MESSAGES("keys.no_private_key", path=path))
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise BadInput(MESSAGES("keys.key_readable_by_others", path=path, mode=mode))
    data = path.read_bytes()
    try:
        key = serialization.load_pem_private_key(
            data, password=passphrase.encode() if passphrase else None
        )
    except TypeError as exc:
        if "encrypted" in str(exc).lower() and not passphrase:
            ask = passphrase_prompt.get()
            if ask is not None:  # typed at a hidden prompt, never on the command line
                return read_private_key(path, ask(path) or None, hint=hint)
            raise BadInput(MESSAGES("keys.needs_passphrase", path=path, hint=hint)) from None
        raise BadInput(MESSAGES("keys.unreadable_key", path=path, error=str(exc))) from None
    except ValueError:
        raise BadInput(MESSAGES("keys.wrong_passphrase", path=path)) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey):
        raise BadInput(MESSAGES("keys.unsupported_key", path=path))
    return key


def read_certs(path: Path) -> list[x509.Certificate]:
    if not path.exists():
        raise SetupError(MESSAGES("keys.no_certificate_file", path=path))
    try:
        return x509.load_pem_x509_certificates(path.read_bytes())
    except ValueError:
        raise BadInput(MESSAGES("keys.not_pem", path=path)) from None


CRL_FILE = "school-root.crl"


def init_school(
    keys_dir: Path,
    name: str,
    *,
    country: str = "FR",
    alg: str = "es256",
    valid_days: int = 3650,
    passphrase: str | None = None,
    force: bool = False,
) -> Path:
    """Create the school (or personal) root CA in ``keys_dir`` and its time-stamp
    authority; return the root certificate's path.

    ``force`` replaces an existing root, but never orphans what it signed: the old root,
    its key and its revocation list move to ``previous-roots/`` and stay trust anchors for
    past work (the caller asks the person first)."""
    if not name.strip():
        raise BadInput(MESSAGES("keys.empty_school"))
    cert_path, key_path = keys_dir / ROOT_CERT, keys_dir / ROOT_KEY
    if cert_path.exists() and not force:
        raise BadInput(MESSAGES("keys.root_exists", cert_path=cert_path, param="force"))
    cert, key = make_root(name.strip(), country=country, alg=alg, valid_days=valid_days)
    keys_dir.mkdir(parents=True, exist_ok=True)
    if cert_path.exists():
        keep_previous_root(keys_dir)
    write_atomic(key_path, key_pem(key, passphrase), private=True)
    write_atomic(cert_path, cert_pem(cert))
    _write_tsa(keys_dir, cert, key)
    return cert_path


def keep_previous_root(keys_dir: Path) -> Path:
    """Move the current root (certificate, key, revocation list) to ``previous-roots/``,
    named by the date and its fingerprint; return the kept certificate's path."""
    old = read_certs(keys_dir / ROOT_CERT)[0]
    stem = f"school-root-{_now():%Y%m%d}-{old.fingerprint(hashes.SHA256()).hex()[:12]}"
    folder = keys_dir / PREVIOUS_ROOTS_DIR
    folder.mkdir(exist_ok=True)
    kept = folder / f"{stem}.pem"
    for name, suffix in ((ROOT_KEY, ".key"), (CRL_FILE, ".crl"), (ROOT_CERT, ".pem")):
        source = keys_dir / name
        if source.exists():  # the certificate last: a crash leaves the root in place
            write_atomic(folder / f"{stem}{suffix}", source.read_bytes(), private=suffix == ".key")
            source.unlink()
    return kept


def init_tsa(keys_dir: Path, *, root_passphrase: str | None = None, force: bool = False) -> Path:
    """Issue the time-stamp authority's certificate from an existing school root."""
    root = read_certs(keys_dir / ROOT_CERT)[0]
    root_key = read_private_key(keys_dir / ROOT_KEY, root_passphrase, hint=ROOT_PASSPHRASE_HINT)
    if (keys_dir / TSA_CERT).exists() and not force:
        raise BadInput(MESSAGES("keys.tsa_exists", cert_path=keys_dir / TSA_CERT, param="force"))
    return _write_tsa(keys_dir, root, root_key)


def _write_tsa(keys_dir: Path, root: x509.Certificate, root_key: PrivateKey) -> Path:
    cert, key = make_tsa(root, root_key)
    # Unencrypted (mode 0600): the authority answers requests unattended.
    write_atomic(keys_dir / TSA_KEY, key_pem(key), private=True)
    write_atomic(keys_dir / TSA_CERT, cert_pem(cert))
    return keys_dir / TSA_CERT


def issue_artist(
    keys_dir: Path,
    artist: str,
    email: str | None,
    *,
    alg: str = "es256",
    valid_days: int = 730,
    root_passphrase: str | None = None,
    passphrase: str | None = None,
    force: bool = False,
) -> Identity:
    """Issue an artist signing certificate from the school root in ``keys_dir``."""
    if not artist.strip():
        raise BadInput(MESSAGES("keys.empty_artist"))
    root_certs = read_certs(keys_dir / ROOT_CERT)
    root_key = read_private_key(keys_dir / ROOT_KEY, root_passphrase, hint=ROOT_PASSPHRASE_HINT)
    identity = artist_identity(keys_dir, slugify(artist))
    if identity.chain_path.exists():
        holder = _common_name(read_certs(identity.chain_path)[0])
        if not same_name(holder, artist):  # 'Alice Martin' and 'Alice-Martin': one slug
            raise BadInput(
                MESSAGES(
                    "keys.name_taken",
                    chain_path=identity.chain_path,
                    holder=holder,
                    artist=artist.strip(),
                    param="force",
                )
            )
        if not force:
            raise BadInput(
                MESSAGES("keys.artist_exists", chain_path=identity.chain_path, param="force")
            )
    leaf, key = make_leaf(
        root_certs[0], root_key, name=artist.strip(), email=email, alg=alg, valid_days=valid_days
    )
    identity.key_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(identity.key_path, key_pem(key, passphrase), private=True)
    write_atomic(identity.chain_path, cert_pem(leaf))
    return identity


def artist_identity(keys_dir: Path, slug: str) -> Identity:
    folder = keys_dir / ARTISTS_DIR
    return Identity(slug, folder / f"{slug}.chain.pem", folder / f"{slug}.key")


def describe(cert: x509.Certificate, path: Path, role: str) -> CertificateInfo:
    emails = cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)
    key = cert.public_key()
    return CertificateInfo(
        path=str(path),
        role=role,
        subject_name=_common_name(cert),
        organisation=_organisation(cert),
        email=str(emails[0].value) if emails else None,
        issuer=_common_name_of(cert.issuer),
        algorithm="ed25519" if isinstance(key, ed25519.Ed25519PublicKey) else "es256",
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(),
        expired=cert.not_valid_after_utc < _now(),
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(),
    )


def _common_name_of(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


def list_certificates(keys_dir: Path) -> list[CertificateInfo]:
    """The school root and every artist certificate found in ``keys_dir``."""
    from dataclasses import replace

    from artcharter.provenance.revocation import revoked_serials

    found: list[CertificateInfo] = []
    root = keys_dir / ROOT_CERT
    if root.exists():
        found.append(describe(read_certs(root)[0], root, "root"))
    for previous in previous_roots(keys_dir):
        found.append(describe(read_certs(previous)[0], previous, "previous-root"))
    revoked = revoked_serials(keys_dir)
    for chain in sorted((keys_dir / ARTISTS_DIR).glob("*.chain.pem")):
        cert = read_certs(chain)[0]
        info = describe(cert, chain, "artist")
        entry = revoked.get(cert.serial_number)
        if entry is not None:
            info = replace(info, revoked_at=entry.revoked_at, revoked_reason=entry.reason)
        found.append(info)
    return found


def show_certificate(keys_dir: Path, who: str) -> CertificateInfo:
    """One certificate by artist name or slug, 'root', or a path."""
    if who == "root":
        path = keys_dir / ROOT_CERT
        return describe(read_certs(path)[0], path, "root")
    candidate = Path(who)
    if candidate.suffix == ".pem" and candidate.exists():
        return describe(read_certs(candidate)[0], candidate, "certificate")
    identity = artist_identity(keys_dir, slugify(who))
    if not identity.chain_path.exists():
        raise BadInput(
            MESSAGES("keys.no_artist_certificate", who=who, value=keys_dir / ARTISTS_DIR)
        )
    return describe(read_certs(identity.chain_path)[0], identity.chain_path, "artist")
