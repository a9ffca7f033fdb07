"""Forgery and tampering suite: every case of tests/tamper_cases.py, in PNG, JPEG and WebP,
is signed for real, altered at the byte level (tests/forgery.py) and verified for real.

The table of cases is the single source of the expected verdicts; docs/tamper-cases.md is
generated from it by scripts/gen_tamper_table.py and checked to be in sync here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import forgery
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from tamper_cases import CASES, FORMATS, SUFFIXES, TamperCase

from artcharter.base.errors import BadInput
from artcharter.base.files import write_atomic
from artcharter.cli import run
from artcharter.provenance import image_files, keys, verdicts
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.signing import SigningIdentity
from artcharter.provenance.verify import read_anchors, verify_file

from conftest import make_image

ROOT = Path(__file__).resolve().parents[1]
MARKER_TOOL = b"MarkerTool-1234"
FORGED_TOOL = b"ForgedTool-6666"
MARKER_TITLE = b"Marker Title 42"
FORGED_TITLE = b"Forged Title 99"
# The encoder settings of conftest.make_image, so that a splice changes only what it means to.
SAME_ENCODING = {"png": {}, "jpeg": {"quality": 92}, "webp": {"quality": 92}}
OTHER_ENCODING = {"png": {"compress_level": 1}, "jpeg": {"quality": 70}, "webp": {"quality": 60}}


def identity_of(
    certs: list[x509.Certificate], key: keys.PrivateKey, organisation: str
) -> SigningIdentity:
    """A signing identity straight from a certificate chain and key (no files, no checks)."""
    name = certs[0].subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    return SigningIdentity(
        str(name),
        None,
        organisation,
        keys.algorithm_of(key),
        keys.cert_pem(*certs),
        keys.key_pem(key),
    )


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


@dataclass
class Lab:
    """Keys of the trusted school, of an intermediate CA under it, and of outsiders."""

    root_pem: Path
    anchors: tuple[str, ...]
    alice: SigningIdentity
    alice_cert: x509.Certificate
    alice_key: keys.PrivateKey
    outsider: SigningIdentity  # another school's artist
    impostor: SigningIdentity  # a self-made CA copying the school's and artist's names
    bob_without_intermediate: SigningIdentity
    bob_with_intermediate: SigningIdentity
    refused: dict[str, tuple[x509.Certificate, keys.PrivateKey]]  # case id -> cert, key
    work: Path


@pytest.fixture(scope="module")
def lab(school_dir: Path, alice: SigningIdentity, tmp_path_factory: pytest.TempPathFactory) -> Lab:
    root_pem = school_dir / keys.ROOT_CERT
    root_cert = keys.read_certs(root_pem)[0]
    root_key = keys.read_private_key(school_dir / keys.ROOT_KEY)
    artist = keys.artist_identity(school_dir, "alice-martin")
    now = dt.datetime.now(dt.UTC)

    other_root, other_key = keys.make_root("Beaux-Arts Ailleurs")
    eve = keys.make_leaf(other_root, other_key, name="Eve Autre", email=None)
    fake_root, fake_key = keys.make_root("ESAD Exemple")  # same name, different key
    fake_alice = keys.make_leaf(fake_root, fake_key, name="Alice Martin", email="alice@example.org")
    dept, dept_key = keys.make_leaf(
        root_cert, root_key, name="Departement Image CA", email=None, ca=True
    )
    bob, bob_key = keys.make_leaf(dept, dept_key, name="Bob Leroy", email="bob@example.org")
    expired = keys.make_leaf(
        root_cert,
        root_key,
        name="Carl Ancien",
        email=None,
        not_before=now - dt.timedelta(days=400),
        valid_days=30,
    )
    future = keys.make_leaf(
        root_cert,
        root_key,
        name="Dora Future",
        email=None,
        not_before=now + dt.timedelta(days=30),
        valid_days=365,
    )
    return Lab(
        root_pem=root_pem,
        anchors=read_anchors([root_pem]),
        alice=alice,
        alice_cert=keys.read_certs(artist.chain_path)[0],
        alice_key=keys.read_private_key(artist.key_path),
        outsider=identity_of([eve[0]], eve[1], "Beaux-Arts Ailleurs"),
        impostor=identity_of([fake_alice[0]], fake_alice[1], "ESAD Exemple"),
        bob_without_intermediate=identity_of([bob], bob_key, "ESAD Exemple"),
        bob_with_intermediate=identity_of([bob, dept], bob_key, "ESAD Exemple"),
        refused={
            "expired-certificate": expired,
            "not-yet-valid-certificate": future,
            "ca-as-signer": (dept, dept_key),
        },
        work=tmp_path_factory.mktemp("tamper"),
    )


def source(lab: Lab, fmt: str) -> Path:
    path = lab.work / f"source{SUFFIXES[fmt]}"
    return path if path.exists() else make_image(path)


def signed_by(
    lab: Lab, fmt: str, identity: SigningIdentity, name: str, src: Path | None = None
) -> bytes:
    out = lab.work / f"{name}{SUFFIXES[fmt]}"
    if not out.exists():
        label(
            src or source(lab, fmt),
            out,
            identity=identity,
            source_type="trainedAlgorithmicMedia",
            tool=MARKER_TOOL.decode(),
            title=MARKER_TITLE.decode(),
            prompt="a fox, ink wash",
        )
    return out.read_bytes()


def original(lab: Lab, fmt: str) -> bytes:
    return signed_by(lab, fmt, lab.alice, "original")


def other_image(lab: Lab, fmt: str) -> bytes:
    return make_image(lab.work / f"other{SUFFIXES[fmt]}", (80, 80), (20, 40, 200)).read_bytes()


def respliced(lab: Lab, fmt: str, edit: Callable, **encoding: object) -> bytes:
    signed = original(lab, fmt)
    return forgery.with_image_data(
        signed, forgery.encode(edit(forgery.decode(signed)), fmt, **encoding)
    )


def editor_resave(lab: Lab, fmt: str) -> bytes:
    return forgery.encode(forgery.decode(original(lab, fmt)), fmt)


def relabelled(lab: Lab, fmt: str) -> bytes:
    """The artist's signed file, labelled again by an outsider (it becomes the parent)."""
    original(lab, fmt)
    return signed_by(
        lab, fmt, lab.outsider, "relabelled", src=lab.work / f"original{SUFFIXES[fmt]}"
    )


REMOTE_URL = "http://192.0.2.1/manifests/original.c2pa"  # TEST-NET-1: never routed


def remote_manifest() -> dict:
    from artcharter.provenance.manifest import build_manifest
    from artcharter.provenance.record import ArtworkRecord, new_artwork_id

    record = ArtworkRecord(artwork_id=new_artwork_id(), kind="labelled", source_type="humanEdits")
    return build_manifest(record, has_parent=False, version="test")


def resigned(lab: Lab, fmt: str, case_id: str) -> bytes:
    cert, key = lab.refused[case_id]
    return forgery.resign_claim(original(lab, fmt), [der(cert)], key)


ATTACKS: dict[str, Callable[[Lab, str], bytes]] = {
    "untouched": original,
    "pixel-change": lambda lab, f: respliced(lab, f, forgery.paint, **SAME_ENCODING[f]),
    "crop": lambda lab, f: respliced(lab, f, lambda i: i.crop((4, 4, 80, 50)), **SAME_ENCODING[f]),
    "re-encode": lambda lab, f: respliced(lab, f, lambda i: i, **OTHER_ENCODING[f]),
    "re-encode-by-editor": editor_resave,
    "metadata-strip": lambda lab, f: forgery.strip(original(lab, f)),
    "xmp-strip": lambda lab, f: forgery.strip(original(lab, f), store=False, text=False),
    "trailing-bytes": lambda lab, f: original(lab, f) + b"appended after the end",
    "manifest-transplant": lambda lab, f: forgery.insert_store(
        other_image(lab, f), forgery.store_parts(original(lab, f))
    ),
    "assertion-edited": lambda lab, f: forgery.replace_in_box(
        original(lab, f), "fr.artcharter.record", MARKER_TOOL, FORGED_TOOL
    ),
    "claim-edited": lambda lab, f: forgery.replace_in_box(
        original(lab, f), "c2pa.claim", MARKER_TITLE, FORGED_TITLE
    ),
    "signature-flipped": lambda lab, f: forgery.flip_signature(original(lab, f)),
    "remote-reference": lambda lab, f: forgery.remote_reference(
        source(lab, f).read_bytes(), f, remote_manifest(), lab.alice, REMOTE_URL
    )[0],
    "untrusted-ca": lambda lab, f: signed_by(lab, f, lab.outsider, "outsider"),
    "impersonation": lambda lab, f: signed_by(lab, f, lab.impostor, "impostor"),
    "re-signed-by-outsider": relabelled,
    "expired-certificate": lambda lab, f: resigned(lab, f, "expired-certificate"),
    "not-yet-valid-certificate": lambda lab, f: resigned(lab, f, "not-yet-valid-certificate"),
    "ca-as-signer": lambda lab, f: resigned(lab, f, "ca-as-signer"),
    "missing-intermediate": lambda lab, f: signed_by(
        lab, f, lab.bob_without_intermediate, "bob-short"
    ),
    "with-intermediate": lambda lab, f: signed_by(lab, f, lab.bob_with_intermediate, "bob-full"),
    "hand-signed-control": lambda lab, f: forgery.resign_claim(
        original(lab, f), [der(lab.alice_cert)], lab.alice_key
    ),
}

_forged: dict[tuple[str, str], Path] = {}


def forged(lab: Lab, case: TamperCase, fmt: str) -> Path:
    """The altered file of a case, made once per module run."""
    key = (case.id, fmt)
    if key not in _forged:
        path = lab.work / "cases" / fmt / f"{case.id}{SUFFIXES[fmt]}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(ATTACKS[case.id](lab, fmt))
        _forged[key] = path
    return _forged[key]


def test_every_case_has_an_attack() -> None:
    assert set(ATTACKS) == {case.id for case in CASES}
    assert len({case.id for case in CASES}) == len(CASES)
    assert all(case.verdict in verdicts.VERDICTS for case in CASES)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_gets_its_verdict(lab: Lab, case: TamperCase, fmt: str) -> None:
    path = forged(lab, case, fmt)
    data = path.read_bytes()
    assert image_files.detect_format(data) == fmt
    # Still a whole, decodable image: the verdict is about the credentials, never about a
    # file the forgery happened to break.
    image_files.check_image(data, path.name)
    if case.id != "untouched":
        assert data != original(lab, fmt)

    result = verify_file(path, lab.anchors)

    assert result.verdict == case.verdict, (result.codes, result.error)
    if case.code:
        assert case.code in result.codes["failure"]
    if case.verdict == verdicts.TRUSTED:
        assert result.codes["failure"] == [] and result.record is not None
    if case.verdict == verdicts.NO_CREDENTIAL:
        assert result.signer == {} and result.record is None
    if case.verdict == verdicts.VALID_UNTRUSTED:
        # The content is intact, so what it says can be shown, with the signer unvouched.
        assert result.codes["failure"] == ["signingCredential.untrusted"]
        assert result.signer["name"]
    if case.verdict in (verdicts.TAMPERED, verdicts.INVALID):
        assert result.validation_state == "Invalid"
    if case.verdict == verdicts.REMOTE_NOT_FETCHED:
        assert REMOTE_URL in str(result.error) and result.record is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_reports_every_case_with_the_documented_exit_code(
    lab: Lab, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = {forged(lab, case, fmt): case for case in CASES}
    capsys.readouterr()
    code = run(["verify", "--json", "--no-ledger", "--trust", str(lab.root_pem), *map(str, paths)])
    out, err = capsys.readouterr()
    results = json.loads(out)
    assert err == ""
    assert [r["verdict"] for r in results] == [case.verdict for case in paths.values()]
    assert code == max(verdicts.EXIT_CODES[case.verdict] for case in CASES) == 1
    assert all(r["explanation"]["en"] == verdicts.explanation(r["verdict"], "en") for r in results)


def test_untouched_file_alone_exits_zero(lab: Lab, capsys: pytest.CaptureFixture[str]) -> None:
    path = forged(lab, CASES[0], "png")
    assert run(["verify", "--no-ledger", "--trust", str(lab.root_pem), str(path)]) == 0
    assert ": Trusted\n" in capsys.readouterr().out


# --- what c2pa-rs refuses to sign ----------------------------------------------------------

REFUSED = [case for case in CASES if case.refused_at_signing]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.id)
def test_refused_certificates_fail_signing_with_one_line(
    lab: Lab, case: TamperCase, fmt: str, tmp_path: Path
) -> None:
    cert, key = lab.refused[case.id]
    identity = identity_of([cert], key, "ESAD Exemple")
    out = tmp_path / f"out{SUFFIXES[fmt]}"
    with Ledger(tmp_path / "ledger.db") as ledger, pytest.raises(BadInput) as refused:
        label(source(lab, fmt), out, identity=identity, source_type="humanEdits", ledger=ledger)
    message = str(refused.value)
    assert message.startswith("signing failed:") and "\n" not in message
    assert "certificate" in message
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("ledger.db")) == []
    with Ledger(tmp_path / "ledger.db") as ledger:
        assert ledger.counts()["artworks"] == 0


# What `artcharter label` says before c2pa-rs is even asked (artcharter.provenance.signing.load_identity).
CLI_HINTS = {
    "expired-certificate": "the certificate expired on",
    "not-yet-valid-certificate": "the certificate is not valid before",
    "ca-as-signer": "a CA certificate cannot sign artworks",
}


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.id)
def test_cli_label_with_a_refused_certificate(
    lab: Lab,
    case: TamperCase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An artist given a bad certificate by mistake gets one actionable line, no file."""
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    cert, key = lab.refused[case.id]
    artist = keys.artist_identity(root / "keys", "carl")
    artist.key_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(artist.chain_path, keys.cert_pem(cert))
    write_atomic(artist.key_path, keys.key_pem(key), private=True)
    src = make_image(root / "work.png")
    capsys.readouterr()
    code = run(
        ["label", str(src), "-o", "signed.png", "--source-type", "humanEdits", "--artist", "carl"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("artcharter: error:") and "Traceback" not in err
    assert CLI_HINTS[case.id] in err
    assert sorted(
        p.name for p in root.iterdir() if p.is_file() and "artcharter.db" not in p.name
    ) == [
        "artcharter.toml",
        "work.png",
    ]
    with Ledger(root / "artcharter.db") as ledger:
        assert ledger.counts()["artworks"] == 0


# --- the generated table -------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_tamper_table", ROOT / "scripts" / "gen_tamper_table.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_table_is_in_sync_with_the_cases() -> None:
    gen = _generator()
    assert (ROOT / "docs" / "tamper-cases.md").read_text(encoding="utf-8") == gen.render_page(), (
        "docs/tamper-cases.md is stale: run .venv/bin/python scripts/gen_tamper_table.py"
    )
    hardening = (ROOT / "docs" / "hardening.md").read_text(encoding="utf-8")
    assert gen.splice(hardening, gen.render_table()) == hardening, (
        "the table in docs/hardening.md is stale: run .venv/bin/python scripts/gen_tamper_table.py"
    )
    for case in CASES:
        assert f"`{case.id}`" in gen.render_table()
