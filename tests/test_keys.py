"""School CA and artist certificates: what c2pa-rs requires of them, and their files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from artcharter.base.errors import BadInput
from artcharter.provenance import keys
from artcharter.provenance.signing import load_artist_identity


def as_cli_option(name: str) -> str:
    """How the command line shows a parameter: its option."""
    return "--" + name.replace("_", "-")


def test_artist_certificate_has_what_c2pa_requires(school_dir: Path) -> None:
    chain = keys.read_certs(school_dir / "artists" / "alice-martin.chain.pem")
    assert len(chain) == 1  # leaf only: the root is never part of the chain
    leaf = chain[0]
    assert leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert leaf.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    ekus = list(leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in ekus
    leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    leaf.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    org = leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    assert org == "ESAD Exemple"
    root = keys.read_certs(school_dir / keys.ROOT_CERT)[0]
    assert leaf.issuer == root.subject
    leaf.verify_directly_issued_by(root)


def test_private_keys_are_0600(school_dir: Path) -> None:
    for key in (school_dir / keys.ROOT_KEY, school_dir / "artists" / "alice-martin.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    keys.init_school(folder, "École Test")
    identity = keys.issue_artist(folder, "Zoé Durand", None)
    identity.key_path.chmod(0o644)
    with pytest.raises(BadInput, match="chmod 600"):
        load_artist_identity(folder, "Zoé Durand")


def test_passphrase_protected_key(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    keys.init_school(folder, "École Test", passphrase="root secret")
    keys.issue_artist(
        folder, "Zoé Durand", "zoe@example.org", root_passphrase="root secret", passphrase="s3cret"
    )
    assert b"ENCRYPTED" in (folder / "artists" / "zoe-durand.key").read_bytes()
    with pytest.raises(BadInput, match="passphrase"):
        load_artist_identity(folder, "Zoé Durand")
    with pytest.raises(BadInput, match="wrong passphrase"):
        load_artist_identity(folder, "Zoé Durand", "nope")
    identity = load_artist_identity(folder, "Zoé Durand", "s3cret")
    assert identity.name == "Zoé Durand" and identity.organisation == "École Test"
    assert "s3cret" not in repr(identity) and "PRIVATE" not in repr(identity)


def test_ed25519_identity_signs(tmp_path: Path, sample_png: Path) -> None:
    from artcharter.provenance.label import label
    from artcharter.provenance.verify import read_anchors, verify_file

    folder = tmp_path / "keys"
    keys.init_school(folder, "Atelier Libre", alg="ed25519")
    keys.issue_artist(folder, "Léa Roux", None, alg="ed25519")
    identity = load_artist_identity(folder, "Léa Roux")
    out = tmp_path / "signed.png"
    label(sample_png, out, identity=identity, source_type="digitalCapture")
    result = verify_file(out, read_anchors([folder / keys.ROOT_CERT]))
    assert result.verdict == "trusted"
    assert result.signer["organisation"] == "Atelier Libre"


def test_existing_root_is_not_replaced_silently(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    keys.init_school(folder, "École A")
    # The library names its parameter; the command line shows it as its option.
    with pytest.raises(BadInput, match="use force to replace") as raised:
        keys.init_school(folder, "École B")
    assert "use --force to replace" in raised.value.render("en", param=as_cli_option)
    keys.init_school(folder, "École B", force=True)
    assert keys.list_certificates(folder)[0].organisation == "École B"


def test_list_and_show(school_dir: Path) -> None:
    found = keys.list_certificates(school_dir)
    assert [c.role for c in found] == ["root", "artist"]
    alice = keys.show_certificate(school_dir, "Alice Martin")
    assert alice.email == "alice@example.org" and not alice.expired
    assert keys.show_certificate(school_dir, "root").subject_name == "ESAD Exemple root CA"
    with pytest.raises(BadInput):
        keys.show_certificate(school_dir, "Nobody")


def test_slugify() -> None:
    assert keys.slugify("Alice Martin") == "alice-martin"
    assert keys.slugify("Zoé  D'Arc") == "zoe-d-arc"
    assert keys.slugify("../../etc") == "etc"
