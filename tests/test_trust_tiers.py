"""Two trust tiers and ingredients' own credentials, as a person sees them.

A root the test builds stands in for the C2PA trust list: it is installed with `artcharter
trust update` into a temporary project, and a leaf under it ("Lumen Camera") signs with
c2pa-python, as a conforming camera would. Beside it: the school's own artist, and an
outsider with a CA of their own. Each test asserts the words a jury reads (CLI, JSON,
report, desk), not only the verdict.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from fastapi.testclient import TestClient

from artcharter.cli import run
from artcharter.project import open_project
from artcharter.provenance import keys, trust_list, verdicts
from artcharter.provenance.config import init_project
from artcharter.provenance.label import label
from artcharter.provenance.signing import SigningIdentity, load_artist_identity
from artcharter.reports.report import make_report
from artcharter.serve import DeskConfig, create_app
from artcharter.serve.config import loopback_hosts
from tests import forgery
from tests.conftest import make_image

# The real resolver, taken before the suite blocks the network: the fetch test lets it
# resolve loopback only.
_REAL_GETADDRINFO = socket.getaddrinfo
_REAL_CREATE_CONNECTION = socket.create_connection
LIST_DATE = "2026-11-30"
LISTED_WORDS = f"C2PA trust list (Lumen Devices), list of {LIST_DATE}"
SCHOOL_WORDS = "your school (ESAD Exemple)"


def identity_of(
    certs: list[x509.Certificate], key: keys.PrivateKey, organisation: str
) -> SigningIdentity:
    name = certs[0].subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    return SigningIdentity(
        str(name),
        None,
        organisation,
        keys.algorithm_of(key),
        keys.cert_pem(*certs),
        keys.key_pem(key),
    )


@dataclass
class World:
    root: Path  # the school's project, with the stand-in list installed
    work: Path
    list_pem: Path
    camera: Path  # signed by the listed product
    outsider: Path  # signed under an outsider's own CA
    school: Path  # signed by the school's artist
    composite: Path  # the school's artist's work with the three as ingredients
    outsider_composite: Path  # an outsider's work with the listed photo as ingredient
    listed_root: x509.Certificate  # the stand-in list's root, and its key
    listed_key: keys.PrivateKey


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    base = tmp_path_factory.mktemp("tiers")
    root = base / "project"
    init_project(root, "ESAD Exemple", lang="en")
    keys.init_school(root / "keys", "ESAD Exemple", force=True)
    keys.issue_artist(root / "keys", "Alice Martin", "alice@example.org")
    alice = load_artist_identity(root / "keys", "Alice Martin")

    listed_root, listed_key = keys.make_root("Lumen Devices")
    list_pem = base / "C2PA-TRUST-LIST.pem"
    list_pem.write_bytes(keys.cert_pem(listed_root))
    camera_cert, camera_key = keys.make_leaf(
        listed_root, listed_key, name="Lumen Camera", email=None
    )
    camera = identity_of([camera_cert], camera_key, "Lumen Devices")
    other_root, other_key = keys.make_root("Ailleurs")
    eve_cert, eve_key = keys.make_leaf(other_root, other_key, name="Eve Autre", email=None)
    eve = identity_of([eve_cert], eve_key, "Ailleurs")

    work = base / "work"
    work.mkdir()
    src = make_image(work / "src.png")

    def signed(name: str, who: SigningIdentity, **options: object) -> Path:
        out = work / name
        label(src, out, identity=who, source_type="digitalCapture", title=name, **options)  # type: ignore[arg-type]
        return out

    paths = {
        "camera": signed("photo.png", camera),
        "outsider": signed("sketch.png", eve),
        "school": signed("earlier.png", alice),
    }
    # The school's earlier work, one of its assertions changed after it was signed.
    tampered = work / "tampered.png"
    tampered.write_bytes(
        forgery.replace_in_box(
            paths["school"].read_bytes(), "fr.artcharter.record", b"earlier.png", b"earlier.pnG"
        )
    )
    composite = work / "collage.png"
    label(
        make_image(work / "base.png", color=(20, 120, 60)),
        composite,
        identity=alice,
        source_type="compositeWithTrainedAlgorithmicMedia",
        title="Collage",
        ingredients=[
            (paths["camera"], "photo"),
            (paths["outsider"], "sketch"),
            (tampered, "sketch"),
        ],
    )
    outsider_composite = work / "outsider-collage.png"
    label(
        make_image(work / "base2.png", color=(90, 20, 160)),
        outsider_composite,
        identity=eve,
        source_type="compositeWithTrainedAlgorithmicMedia",
        title="Ailleurs",
        ingredients=[(paths["camera"], "photo")],
    )
    code = run(["--project", str(root), "trust", "update", str(list_pem), "--date", LIST_DATE,
                "--source", "stand-in list of the tests"])  # fmt: skip
    assert code == 0
    return World(
        root,
        work,
        list_pem,
        composite=composite,
        outsider_composite=outsider_composite,
        listed_root=listed_root,
        listed_key=listed_key,
        **paths,
    )


def verify_json(capsys: pytest.CaptureFixture[str], project: Path, path: Path) -> dict:
    code, out = cli(capsys, "--project", str(project), "verify", "--json", "--no-ledger", str(path))
    (result,) = json.loads(out)
    result["exit"] = code
    return result


# --- two tiers --------------------------------------------------------------------------------


def test_a_listed_product_reads_trusted_by_the_c2pa_list(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = cli(
        capsys, "--project", str(world.root), "verify", "--no-ledger", str(world.camera)
    )
    assert code == 0
    assert f"{world.camera}: Trusted: C2PA trust list\n" in out
    assert f"  trusted by: {LISTED_WORDS}\n" in out
    assert "trusted by: your school" not in out
    result = verify_json(capsys, world.root, world.camera)
    assert result["verdict"] == verdicts.TRUSTED_C2PA_LIST
    assert result["trusted_by"] == {
        "tier": "c2pa-list",
        "organisation": "Lumen Devices",
        "date": LIST_DATE,
        "source": "stand-in list of the tests",
    }
    assert result["trusted_by_text"] == {"en": LISTED_WORDS}
    assert "signingCredential.untrusted" not in result["codes"]["failure"]
    code, out = cli(
        capsys,
        "--project",
        str(world.root),
        "--lang",
        "fr",
        "verify",
        "--no-ledger",
        str(world.camera),
    )
    assert (
        f"  garanti par\u00a0: liste de confiance C2PA (Lumen Devices), liste du {LIST_DATE}\n"
        in out
    )
    assert "De confiance\u00a0: liste de confiance C2PA" in out


def test_the_school_reads_trusted_by_your_school(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = cli(
        capsys, "--project", str(world.root), "verify", "--no-ledger", str(world.school)
    )
    assert code == 0
    assert f"{world.school}: Trusted\n" in out
    assert f"  trusted by: {SCHOOL_WORDS}\n" in out
    assert "C2PA trust list" not in out
    result = verify_json(capsys, world.root, world.school)
    assert result["verdict"] == verdicts.TRUSTED
    assert result["trusted_by"] == {"tier": "school", "organisation": "ESAD Exemple"}


def test_an_outsider_gets_neither_label(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = cli(
        capsys, "--project", str(world.root), "verify", "--no-ledger", str(world.outsider)
    )
    assert code == 1
    assert f"{world.outsider}: Valid, signer unknown\n" in out
    assert "trusted by" not in out and "C2PA trust list" not in out
    result = verify_json(capsys, world.root, world.outsider)
    assert result["verdict"] == verdicts.VALID_UNTRUSTED and result["trusted_by"] is None


def test_the_tiers_never_lend_their_trust(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without the stand-in list (the shipped C2PA list), the camera is nobody's.
    bare = tmp_path / "bare"
    bare.mkdir()
    _, out = cli(capsys, "--project", str(bare), "verify", "--no-ledger", str(world.camera))
    assert "Valid, signer unknown" in out and "trusted by" not in out
    # The school's root installed as "the C2PA list" of a project with no school root: the
    # school's work reads listed, never "your school"; and in the school's project, where
    # the root is the school's, it reads the school's, never the list's.
    other = tmp_path / "other"
    other.mkdir()
    school_root = world.root / "keys" / keys.ROOT_CERT
    assert (
        run(["--project", str(other), "trust", "update", str(school_root), "--date", LIST_DATE])
        == 0
    )
    _, out = cli(capsys, "--project", str(other), "verify", "--no-ledger", str(world.school))
    assert "Trusted: C2PA trust list" in out and "trusted by: your school" not in out
    assert f"trusted by: C2PA trust list (ESAD Exemple), list of {LIST_DATE}" in out
    # A school anchor given with --trust is the school's tier, even for the listed camera.
    _, out = cli(capsys, "--project", str(world.root), "verify", "--no-ledger",
                 "--trust", str(world.list_pem), str(world.camera))  # fmt: skip
    assert "  trusted by: your school (Lumen Devices)\n" in out
    assert "C2PA trust list" not in out


def test_the_charter_keeps_requiring_the_school_for_a_students_work(world: World) -> None:
    with open_project(world.root) as project:
        checked = project.check(world.camera, use_ledger=False)
    by_rule = {rule.rule_id: rule for rule in checked.verdicts}
    assert by_rule["credential-valid"].status == "pass"
    signer = by_rule["signer-trusted"]
    assert signer.status == "fail"
    assert signer.message.render("en") == (
        "Signed by Lumen Camera, a certificate trusted by the C2PA trust list (issued by Lumen "
        "Devices), not by your school: a student's own work needs a signature your school trusts."
    )


def test_trust_update_refuses_a_bad_file_and_changes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = world.root / "trust" / "source.json"
    before = source.read_bytes(), (world.root / "trust" / "C2PA-TRUST-LIST.pem").read_bytes()
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes((world.root / "keys" / "artists" / "alice-martin.chain.pem").read_bytes())
    cases = {
        world.camera: f"artcharter: error: {world.camera} is not a PEM certificate bundle",
        tmp_path
        / "missing.pem": f"artcharter: error: trust list not found: {tmp_path / 'missing.pem'}",
        leaf: f"artcharter: error: {leaf} holds a certificate that is not a certificate authority",
    }
    for path, words in cases.items():
        code, out = cli(capsys, "--project", str(world.root), "trust", "update", str(path))
        assert code == 2, out
        assert out.startswith(words) and out.count("\n") == 1, out
    code, out = cli(capsys, "--project", str(world.root), "trust", "update", str(world.list_pem),
                    "--date", "30/11/2026")  # fmt: skip
    assert code == 2 and "invalid date '30/11/2026': expected YYYY-MM-DD" in out
    assert (
        source.read_bytes(),
        (world.root / "trust" / "C2PA-TRUST-LIST.pem").read_bytes(),
    ) == before
    code, out = cli(capsys, "--project", str(world.root), "trust", "show")
    assert (
        f"C2PA trust list of {LIST_DATE}: 1 certificates, source stand-in list of the tests" in out
    )
    assert "C2PA TSA trust list of 2026-08-05: 22 certificates" in out


def test_the_shipped_lists_carry_their_date_and_source() -> None:
    lists = trust_list.installed(None)
    assert lists["c2pa"].date == "2026-08-05" and lists["tsa"].date == "2026-08-05"
    assert "c2pa-org/conformance-public" in lists["c2pa"].source
    organisations = {
        o.value
        for cert in trust_list.certificates(lists["c2pa"].pem)
        for o in cert.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATION_NAME)
    }
    assert {"Google LLC", "Adobe Inc", "SSL Corporation"} <= organisations
    assert len(trust_list.certificates(lists["c2pa"].pem)) == 30


# --- ingredients' own credentials -------------------------------------------------------------


def test_each_ingredient_is_named_with_its_problem(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = cli(
        capsys, "--project", str(world.root), "verify", "--no-ledger", str(world.composite)
    )
    assert code == 0
    assert f"{world.composite}: Trusted\n" in out
    assert f"  trusted by: {SCHOOL_WORDS}\n" in out
    assert (
        f"  ingredient: photo.png: signed by Lumen Camera, trusted by the {LISTED_WORDS}: "
        "evidence for this ingredient, not for the work\n"
    ) in out
    assert (
        "  ingredient: sketch.png (signed by Eve Autre): its own credentials are valid but nobody "
        "vouches for their signer (signingCredential.untrusted)\n"
    ) in out
    assert (
        "  ingredient: tampered.png (signer named, not verified: Alice Martin): its own "
        "credentials were changed after they were signed (assertion.hashedURI.mismatch)\n"
    ) in out
    assert "signed by Alice Martin" not in out  # a tampered ingredient's signer is a claim
    assert "artcharter does not make the work invalid for them" in out
    result = verify_json(capsys, world.root, world.composite)
    assert [(i["title"], i["verdict"], i["signer"]) for i in result["ingredients"]] == [
        ("photo.png", verdicts.TRUSTED_C2PA_LIST, "Lumen Camera"),
        ("sketch.png", verdicts.VALID_UNTRUSTED, "Eve Autre"),
        ("tampered.png", verdicts.TAMPERED, "Alice Martin"),
    ]
    assert result["ingredients"][0]["trusted_by"]["organisation"] == "Lumen Devices"
    # The verdict follows c2pa's validation state, which stays Trusted for problems c2pa
    # recorded when the work was signed.
    assert result["validation_state"] == "Trusted"
    # The charter's ingredients rule counts the listed signer as evidence for that input.
    with open_project(world.root) as project:
        checked = project.check(world.composite, use_ledger=False)
    (rule,) = [r for r in checked.verdicts if r.rule_id == "human-inputs-listed"]
    reason = rule.message.render("en")
    assert (
        "photo.png, signed by Lumen Camera, trusted by the C2PA trust list (Lumen Devices): "
        "evidence for this ingredient"
    ) in reason
    assert "tampered.png: Tampered, what it claims is vouched for by nobody" in reason


def test_an_ingredient_changed_after_signing_makes_the_work_invalid_with_its_reason(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """c2pa reads the file as Invalid (ingredient.manifest.mismatch); artcharter used to say
    valid-untrusted for an outsider's work and show nothing."""
    changed = world.work / "changed-ingredient.png"

    def change(store: bytearray) -> None:
        # The listed photo's title inside its own manifest, carried in the outsider's file.
        at = bytes(store).index(b"photo.png\x63")  # the record's title, then the next key
        store[at : at + 9] = b"photo.pnG"

    changed.write_bytes(forgery.edit_store(world.outsider_composite.read_bytes(), change))
    result = verify_json(capsys, world.root, changed)
    assert result["validation_state"] == "Invalid"
    assert result["verdict"] == verdicts.INVALID
    assert result["error"].startswith(
        "the credentials of ingredient photo.png were changed after this work was signed ("
    )
    assert "ingredient.manifest.mismatch" in result["error"]
    assert result["error"].endswith("): c2pa reads the file as invalid")


def test_the_report_and_the_desk_show_tiers_and_ingredients(world: World, tmp_path: Path) -> None:
    with open_project(world.root) as project:
        anchors = project.anchors
    for path in (world.camera, world.composite):
        make_report(path, tmp_path / "r", anchors=anchors)
    camera_html = (tmp_path / "r" / "photo.report.html").read_text(encoding="utf-8")
    assert f'<dd id="trusted-by">{LISTED_WORDS}</dd>' in camera_html
    collage_html = (tmp_path / "r" / "collage.report.html").read_text(encoding="utf-8")
    assert f'<dd id="trusted-by">{SCHOOL_WORDS}</dd>' in collage_html
    assert (
        "<li>tampered.png (signer named, not verified: Alice Martin): its own credentials were "
        "changed after they were signed (assertion.hashedURI.mismatch)</li>"
    ) in collage_html
    assert "signed by Alice Martin" not in collage_html

    config = DeskConfig(
        anchors=anchors,
        anchor_names=("ESAD Exemple",),
        lang="en",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
    )
    with TestClient(create_app(config), base_url="http://127.0.0.1:8000") as client:
        files = [
            ("file", (p.name, p.read_bytes(), "image/png")) for p in (world.camera, world.composite)
        ]
        response = client.post("/api/verify?lang=en", files=files)
        assert response.status_code == 200, response.text
        camera_row, collage_row = response.json()["results"]
        assert camera_row["verdict"] == "trusted-c2pa-list" and camera_row["tone"] == "good"
        assert camera_row["trusted_by"] == {"en": LISTED_WORDS}
        assert collage_row["trusted_by"] == {"en": SCHOOL_WORDS}
        assert any(
            note.startswith("sketch.png (signed by Eve Autre): its own credentials are valid")
            for note in collage_row["ingredient_notes"]["en"]
        )
        page = client.get(collage_row["report_url"])
        assert page.status_code == 200
        assert "own credentials" in page.text and "trusted by" in page.text.lower()


# --- the desk fetches the list only when its project allows it --------------------------------


@pytest.fixture
def list_server(world: World) -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server serving the stand-in list (the tests never reach the network)."""
    asked: list[str] = []
    body = world.list_pem.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/C2PA-TRUST-LIST.pem", asked
    finally:
        server.shutdown()
        server.server_close()


def test_the_desk_fetches_the_list_only_when_allowed(
    tmp_path: Path,
    list_server: tuple[str, list[str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from artcharter.cli.serve import _fetch_trust_lists

    def loopback_only(host: object, *args: object, **kwargs: object) -> object:
        if host not in ("127.0.0.1", "localhost"):
            raise OSError("network access is blocked in the test suite")
        return _REAL_GETADDRINFO(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    # The real create_connection, which resolves through the patched getaddrinfo.
    monkeypatch.setattr(socket, "create_connection", _REAL_CREATE_CONNECTION)
    url, asked = list_server
    root = tmp_path / "desk"
    init_project(root, "ESAD Exemple", lang="en")
    with open_project(root) as project:  # default: [trust] list_url = ""
        _fetch_trust_lists(project)
    assert asked == [] and not (root / "trust").exists()

    config = root / "artcharter.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('list_url = ""', f'list_url = "{url}"', 1),
        encoding="utf-8",
    )
    with open_project(root) as project:
        _fetch_trust_lists(project)
        assert trust_list.split(project.anchors)[1]["c2pa"].source == url
    assert asked == ["/C2PA-TRUST-LIST.pem"]
    assert "C2PA trust list of " in capsys.readouterr().out

    config.write_text(
        config.read_text(encoding="utf-8").replace(url, "http://127.0.0.1:9/none.pem", 1),
        encoding="utf-8",
    )
    with open_project(root) as project:
        _fetch_trust_lists(project)
        assert trust_list.split(project.anchors)[1]["c2pa"].source == url  # kept
    err = capsys.readouterr().err
    assert err.startswith(
        "warning: the trust list could not be fetched from http://127.0.0.1:9/none.pem"
    )
    assert err.rstrip().endswith("the installed list stays in place") and err.count("\n") == 1


# --- the C2PA TSA trust list: a time-stamp's trust, never a signer's ---------------------------


@contextlib.contextmanager
def time_stamp_authority(folder: Path, organisation: str) -> Iterator[str]:
    """A real RFC 3161 authority of ``organisation`` (its root in ``folder``), on loopback."""
    from artcharter.provenance.tsa import TimeStampAuthority
    from artcharter.serve.tsa_http import make_server

    keys.init_school(folder, organisation)
    server = make_server(TimeStampAuthority(folder), "127.0.0.1", 0, folder / keys.CRL_FILE)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def vendor_tsa(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A time-stamp authority of another organisation, on loopback: its root stands in for
    the C2PA TSA trust list."""
    vendor = tmp_path / "vendor"
    with time_stamp_authority(vendor, "Horodata") as url:
        yield vendor, url


def test_the_tsa_list_vouches_for_a_time_stamp_and_never_for_a_signer(
    world: World,
    tmp_path: Path,
    vendor_tsa: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    vendor, url = vendor_tsa
    alice = load_artist_identity(world.root / "keys", "Alice Martin", None, url)
    stamped = tmp_path / "stamped.png"
    label(make_image(tmp_path / "s.png"), stamped, identity=alice, source_type="digitalCapture")
    keys.issue_artist(vendor, "Vera Horodata", None)
    vera = tmp_path / "vera.png"
    label(
        make_image(tmp_path / "v.png", color=(1, 2, 3)),
        vera,
        identity=load_artist_identity(vendor, "Vera Horodata"),
        source_type="digitalCapture",
    )
    school_root = str(world.root / "keys" / keys.ROOT_CERT)
    desk = tmp_path / "desk"
    desk.mkdir()
    _, before = cli(
        capsys,
        "--project",
        str(desk),
        "verify",
        "--no-ledger",
        "--trust",
        school_root,
        str(stamped),
    )
    assert "trusted time-stamp" not in before and "TSA trust list" not in before
    code = run(["--project", str(desk), "trust", "update", "--tsa", str(vendor / keys.ROOT_CERT),
                "--date", LIST_DATE])  # fmt: skip
    assert code == 0
    code, out = cli(
        capsys,
        "--project",
        str(desk),
        "verify",
        "--no-ledger",
        "--trust",
        school_root,
        str(stamped),
    )
    assert code == 0 and f"  trusted by: {SCHOOL_WORDS}\n" in out
    assert (
        "while the certificate was valid (time-stamp trusted by the C2PA TSA trust list of "
        f"{LIST_DATE})\n"
    ) in out
    # The TSA list's root signs nobody's work: its own artist stays unknown.
    code, out = cli(
        capsys, "--project", str(desk), "verify", "--no-ledger", "--trust", school_root, str(vera)
    )
    assert code == 1 and "Valid, signer unknown" in out and "trusted by" not in out


# --- an expired listed certificate, kept valid by a listed time-stamp -------------------------

TSA_LIST_DATE = "2026-11-29"


def expiring_identity(
    issuer: x509.Certificate,
    issuer_key: keys.PrivateKey,
    name: str,
    organisation: str,
    expires: dt.datetime,
    tsa_url: str | None,
) -> SigningIdentity:
    """A product whose one-day certificate expires at ``expires`` (short-lived, as real
    products' certificates are), stamping with ``tsa_url``."""
    cert, key = keys.make_leaf(
        issuer,
        issuer_key,
        name=name,
        email=None,
        valid_days=1,
        not_before=expires - dt.timedelta(days=1),
    )
    return dataclasses.replace(identity_of([cert], key, organisation), tsa_url=tsa_url)


@pytest.fixture(scope="module")
def expired(world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Files signed by certificates that have expired since: the listed camera stamped by a
    TSA on the (stand-in) C2PA TSA trust list, not stamped, or stamped by an unlisted TSA;
    and a signer under the listed TSA's own root. The viewer's project has both lists."""
    base = tmp_path_factory.mktemp("expired")
    src = make_image(base / "src.png", color=(30, 90, 150))
    files = {}
    with (
        time_stamp_authority(base / "horodata", "Horodata") as listed_url,
        time_stamp_authority(base / "autre", "Horloge Autre") as other_url,
    ):
        horodata_root = keys.read_certs(base / "horodata" / keys.ROOT_CERT)[0]
        horodata_key = keys.read_private_key(base / "horodata" / keys.ROOT_KEY)
        expires = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=12)
        signers = {
            "stamped": (world.listed_root, world.listed_key, "Lumen Camera", listed_url),
            "plain": (world.listed_root, world.listed_key, "Lumen Camera", None),
            "other-stamp": (world.listed_root, world.listed_key, "Lumen Camera", other_url),
            "tsa-root-signer": (horodata_root, horodata_key, "Horodata Camera", listed_url),
        }
        for name, (issuer, issuer_key, who, url) in signers.items():
            organisation = "Horodata" if issuer is horodata_root else "Lumen Devices"
            identity = expiring_identity(issuer, issuer_key, who, organisation, expires, url)
            out = base / f"{name}.png"
            signed = label(src, out, identity=identity, source_type="digitalCapture", title=name)
            assert signed.time_stamped == (url is not None), name
            files[name] = out
    viewer = base / "viewer"
    viewer.mkdir()
    for kind, pem, date in (
        ("--c2pa", world.list_pem, LIST_DATE),
        ("--tsa", base / "horodata" / keys.ROOT_CERT, TSA_LIST_DATE),
    ):
        args = ["--project", str(viewer), "trust", "update", str(pem), "--date", date]
        assert run(args + ([kind] if kind == "--tsa" else [])) == 0
    files["project"] = viewer
    time.sleep(max(0.0, (expires - dt.datetime.now(dt.UTC)).total_seconds()) + 1.5)
    return files


def test_an_expired_listed_certificate_holds_with_a_listed_time_stamp(
    world: World, expired: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, path = str(expired["project"]), expired["stamped"]
    result = verify_json(capsys, expired["project"], path)
    assert result["exit"] == 0
    assert result["verdict"] == verdicts.TRUSTED_C2PA_LIST
    assert result["trusted_by"]["tier"] == "c2pa-list"
    assert result["trusted_by"]["organisation"] == "Lumen Devices"
    day = result["time_stamp"]["time"][:10]
    assert result["time_stamp"]["trusted"] is True
    assert result["time_stamp"]["trusted_by"]["tier"] == "c2pa-tsa-list"
    assert result["time_stamp"]["trusted_by"]["date"] == TSA_LIST_DATE
    words = (
        f"signed on {day}, while the certificate was valid (time-stamp trusted by the C2PA TSA "
        f"trust list of {TSA_LIST_DATE})"
    )
    assert result["signature_notes"] == [{"en": words}]
    assert result["trusted_by_text"] == {"en": LISTED_WORDS}
    assert "signingCredential.expired" not in result["codes"]["failure"]
    assert result["signer"]["name"] == "Lumen Camera"

    code, out = cli(capsys, "--project", project, "verify", "--no-ledger", str(path))
    assert code == 0
    assert f"{path}: Trusted: C2PA trust list\n" in out
    assert f"  trusted by: {LISTED_WORDS}\n" in out
    assert f"  signature: {words}\n" in out
    assert "trusted by: your school" not in out
    code, out = cli(
        capsys, "--project", project, "--lang", "fr", "verify", "--no-ledger", str(path)
    )
    assert code == 0
    assert (
        f"  garanti par\u00a0: liste de confiance C2PA (Lumen Devices), liste du {LIST_DATE}\n"
        in out
    )
    assert (
        f"  signature\u00a0: signé le {day}, quand le certificat était valide (horodatage garanti "
        f"par la liste de confiance des horodateurs C2PA du {TSA_LIST_DATE})\n"
    ) in out

    with open_project(expired["project"]) as opened:
        anchors = opened.anchors
    make_report(path, tmp_path / "r", anchors=anchors)
    html = (tmp_path / "r" / "stamped.report.html").read_text(encoding="utf-8")
    assert f'<dd id="trusted-by">{LISTED_WORDS}</dd>' in html
    assert f'<p class="signature-note">{words}</p>' in html


def test_an_expired_certificate_without_a_listed_time_stamp_stays_invalid(
    expired: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("plain", "other-stamp"):
        result = verify_json(capsys, expired["project"], expired[name])
        assert result["verdict"] == verdicts.INVALID, name
        assert "signingCredential.expired" in result["codes"]["failure"], name
        assert result["trusted_by"] is None and result["exit"] == 1
        stamp = result["time_stamp"]
        assert stamp == ({} if name == "plain" else {"time": stamp["time"], "trusted": False})
        code, out = cli(
            capsys, "--project", str(expired["project"]), "verify", "--no-ledger",
            str(expired[name]),
        )  # fmt: skip
        assert code == 1 and f"{expired[name]}: Invalid signature or credential\n" in out
        assert "the certificate is expired" in out.replace("\n  ", " ")
        assert "trusted by" not in out and "while the certificate was valid" not in out


def test_a_root_only_on_the_tsa_list_never_makes_a_signer_trusted(
    expired: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The listed TSA's own root issued a signing certificate: its stamp is trusted, its
    signature is nobody's (the list of time-stamp authorities says who may stamp times)."""
    path = expired["tsa-root-signer"]
    result = verify_json(capsys, expired["project"], path)
    assert result["verdict"] in (verdicts.VALID_UNTRUSTED, verdicts.INVALID)
    assert result["trusted_by"] is None and result["trusted_by_text"] is None
    code, out = cli(
        capsys, "--project", str(expired["project"]), "verify", "--no-ledger", str(path)
    )
    assert code == 1 and "trusted by" not in out and "C2PA trust list" not in out


def test_files_that_need_no_second_look_get_none(
    world: World, expired: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the school trusts is read once; a listed camera still within its validity is
    never read with the certificate checked at its time-stamp's time."""
    from artcharter.provenance import verify

    asked: list[str] = []
    real = verify._context

    def counting(anchors: tuple[str, ...], allow_remote: bool, tier: str = verify.SCHOOL) -> object:
        asked.append(tier)
        return real(anchors, allow_remote, tier)

    monkeypatch.setattr(verify, "_context", counting)
    with open_project(world.root) as project:
        assert project.verify(world.school).verdict == verdicts.TRUSTED
        assert asked == [verify.SCHOOL]
        asked.clear()
        assert project.verify(world.camera).verdict == verdicts.TRUSTED_C2PA_LIST
        assert verify.C2PA_LIST_AT_STAMP not in asked
    with open_project(expired["project"]) as project:
        asked.clear()
        assert project.verify(expired["plain"]).verdict == verdicts.INVALID
        assert asked == [verify.SCHOOL]  # expired and not time-stamped: nothing can save it


def test_ingredient_checks_take_whatever_shape_a_file_gives() -> None:
    """An ingredient's recorded results come from the file: odd shapes are no credentials
    or no codes, never a crash; a delta failure is a change since the work was signed."""
    from artcharter.provenance.verify import _ingredient_deltas, ingredient_checks

    manifest = {
        "label": "urn:c2pa:work",
        "ingredients": [
            {"title": "plain.png"},
            {
                "active_manifest": "urn:c2pa:a",
                "label": "c2pa.ingredient.v3",
                "validation_results": "?",
            },
            {"active_manifest": 5},
            "junk",
        ],
    }
    deltas = _ingredient_deltas(
        {
            "ingredientDeltas": [
                {
                    "ingredientAssertionURI": "self#jumbf=/c2pa/urn:c2pa:work/c2pa.assertions/c2pa.ingredient.v3",
                    "validationDeltas": {"failure": [{"code": "ingredient.manifest.mismatch"}, 7]},
                },
                "junk",
            ]
        }
    )
    plain, changed, odd, junk = ingredient_checks(manifest, deltas)
    assert plain is None and odd is None and junk is None
    assert changed is not None
    assert changed["verdict"] == verdicts.INVALID
    assert changed["changed"] == ["ingredient.manifest.mismatch"]


def test_a_legacy_ingredient_status_list_counts_its_failures_only() -> None:
    """A C2PA 1.x ingredient records one status list: its success and informational codes
    are not failures; every other code is, whatever the entry says of itself."""
    from artcharter.provenance.verify import ingredient_checks

    status = [
        {"code": "claimSignature.validated"},
        {"code": "timeStamp.mismatch"},
        {"code": "assertion.dataHash.mismatch", "success": False},
        {"code": "claimSignature.mismatch", "success": True},
        7,
        {"code": "claimSignature.mismatch"},
    ]
    manifest = {
        "label": "urn:c2pa:work",
        "ingredients": [
            {
                "active_manifest": "urn:c2pa:a",
                "label": "c2pa.ingredient.v2",
                "validation_status": status,
            },
            {
                "active_manifest": "urn:c2pa:b",
                "label": "c2pa.ingredient.v2",
                "validation_status": "?",
            },
        ],
    }
    listed, odd = ingredient_checks(manifest, {})
    assert listed is not None and odd is not None
    assert listed["codes"] == ["assertion.dataHash.mismatch", "claimSignature.mismatch"]
    assert listed["verdict"] == verdicts.INVALID
    assert (odd["verdict"], odd["codes"]) == (verdicts.VALID_UNTRUSTED, [])


def test_an_ingredient_with_any_recorded_failure_is_never_valid() -> None:
    """A failure code the verdicts do not list by name (here a missing hard binding) still
    leaves an ingredient's credentials invalid; only the signer's trust, and CAWG identity
    codes, leave them valid."""
    from artcharter.provenance.verify import ingredient_checks

    def recorded(*codes: str) -> dict[str, object]:
        return {
            "active_manifest": "urn:c2pa:a",
            "label": "c2pa.ingredient.v3",
            "validation_results": {"activeManifest": {"failure": [{"code": c} for c in codes]}},
        }

    manifest = {
        "label": "urn:c2pa:work",
        "ingredients": [
            recorded("claim.hardBindings.missing"),
            recorded(verdicts.UNTRUSTED_CODE, "cawg.identity.pad.invalid"),
            recorded("assertion.dataHash.mismatch"),
        ],
    }
    missing, untrusted, tampered = ingredient_checks(manifest, {})
    assert missing is not None and missing["verdict"] == verdicts.INVALID
    assert untrusted is not None and untrusted["verdict"] == verdicts.VALID_UNTRUSTED
    assert tampered is not None and tampered["verdict"] == verdicts.TAMPERED
