"""Attacks on what artcharter shows as verified, each built as an attacker would build it.

Three attackers: a student with a valid key of the school, an outsider with a CA of their
own, and anyone who can upload to the jury desk. Each forged input is made with c2pa-python
and the project's own keys (nothing mocked); each test asserts that no output a person
reads (CLI text and JSON, report HTML and JSON, cartel, desk API and page, ledger) shows
the false claim as verified. docs/hardening.md lists them with the threat model.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from artcharter.base.errors import ArtcharterError
from artcharter.charter.evidence import gather
from artcharter.cli import run
from artcharter.provenance import keys
from artcharter.provenance.config import init_project
from artcharter.provenance.label import sign_record
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.ledger_import import CLAIMED_AUTHOR, import_verified
from artcharter.provenance.record import ArtworkRecord, Person, prompt_hash
from artcharter.provenance.signing import (
    SigningIdentity,
    load_artist_identity,
    sign_image,
)
from artcharter.provenance.verify import read_anchors, verify_bytes, verify_file
from artcharter.reports.cartel import make_cartels
from artcharter.reports.report import make_report
from artcharter.serve import DeskConfig, create_app
from artcharter.serve.config import loopback_hosts
from tests import forgery
from tests.charter_helpers import generated_record
from tests.conftest import make_image

BASE = "http://127.0.0.1:8000"
PRIVATE_PROMPT = "a portrait of a poor woman, exotic"  # flagged terms: poor, exotic, woman


@dataclasses.dataclass
class World:
    root: Path  # the school's project
    keys_dir: Path
    anchors: tuple[str, ...]
    alice: SigningIdentity  # the artist whose work is claimed
    bea: SigningIdentity  # a student of the same school, with her own valid key
    mallory: SigningIdentity  # an outsider: their own CA, with the school's names in it
    private_work: Path  # Alice's generation, with a private prompt
    private_id: str


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("attacks") / "project"
    init_project(root, "ESAD Exemple", lang="en")
    keys_dir = root / "keys"
    keys.init_school(keys_dir, "ESAD Exemple", force=True)
    keys.issue_artist(keys_dir, "Alice Martin", "alice@example.org")
    keys.issue_artist(keys_dir, "Béatrice Roux", None)
    outside = tmp_path_factory.mktemp("outsider")
    keys.init_school(outside, "ESAD Exemple")  # the same name, another key
    keys.issue_artist(outside, "Alice Martin", None)
    alice = load_artist_identity(keys_dir, "Alice Martin")
    private_id = str(uuid.uuid4())
    record = generated_record(
        artwork_id=private_id,
        author=Person("Alice Martin", "alice@example.org", "ESAD Exemple"),
        prompt=PRIVATE_PROMPT,
        prompt_sha256=prompt_hash(PRIVATE_PROMPT),
        prompt_private=True,
    )
    source = make_image(root / "raw.png")
    (root / "gen").mkdir()
    private_work = root / "gen" / "image-private.png"
    with Ledger(root / "artcharter.db") as ledger:
        sign_record(
            source.read_bytes(), record, private_work, alice, [], ledger=ledger, status="signed"
        )
    return World(
        root=root,
        keys_dir=keys_dir,
        anchors=read_anchors([keys_dir / keys.ROOT_CERT]),
        alice=alice,
        bea=load_artist_identity(keys_dir, "Béatrice Roux"),
        mallory=load_artist_identity(outside, "Alice Martin"),
        private_work=private_work,
        private_id=private_id,
    )


def forged(
    world: World, folder: Path, name: str, identity: SigningIdentity, **changes: object
) -> Path:
    """A labelled file whose record says what the attacker wants, signed by ``identity``."""
    fields: dict[str, object] = {
        "artwork_id": str(uuid.uuid4()),
        "kind": "labelled",
        "source_type": "digitalCapture",
        "title": "Nocturne",
        "author": Person(identity.name, None, identity.organisation),
    }
    fields.update(changes)
    record = ArtworkRecord(**fields)  # type: ignore[arg-type]
    source = make_image(folder / f"raw-{name}", color=(len(name) * 9 % 255, 40, 90))
    out = folder / name
    sign_record(source.read_bytes(), record, out, identity, [], ledger=None, status="signed")
    return out


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def desk(world: World) -> TestClient:
    config = DeskConfig(
        anchors=world.anchors,
        anchor_names=("ESAD Exemple",),
        ledger_path=world.root / "artcharter.db",
        lang="en",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
    )
    return TestClient(create_app(config), base_url=BASE)


@pytest.fixture
def client(world: World) -> Iterator[TestClient]:
    with desk(world) as c:
        yield c


def upload(client: TestClient, path: Path, name: str | None = None) -> dict:
    response = client.post(
        "/api/verify",
        files=[("file", (name or path.name, path.read_bytes(), "image/png"))],
    )
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


# --- 1. the artist shown comes from the certificate ------------------------------------------


def test_a_student_cannot_sign_in_another_students_name(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    """Béatrice signs, with her own valid key, a file whose record says Alice made it."""
    claim = Person("Alice Martin", "alice@example.org", "ESAD Exemple")
    path = forged(world, tmp_path, "claim.png", world.bea, author=claim)
    result = verify_file(path, world.anchors)
    assert result.verdict == "trusted"
    assert result.artist["name"] == "Béatrice Roux"
    assert result.claimed_author == {"name": "Alice Martin", "organisation": "ESAD Exemple"}

    _, out = cli(capsys, "verify", str(path), "--trust", str(world.keys_dir / keys.ROOT_CERT))
    signer_line = next(line for line in out.splitlines() if "signer" in line)
    assert "Béatrice Roux" in signer_line and "Alice" not in signer_line
    claim_line = next(line for line in out.splitlines() if "Alice Martin" in line)
    assert "not verified" in claim_line

    report = make_report(path, tmp_path / "report", anchors=world.anchors)
    assert report.report["artwork"]["artist"] == "Béatrice Roux"
    html = report.html.read_text(encoding="utf-8")
    assert '<span id="artist">Béatrice Roux</span>' in html
    assert "not verified (not the signer): Alice Martin" in html

    cartel = make_cartels([path], tmp_path / "cartel", anchors=world.anchors).cartels[0]
    assert cartel["artist"] == "Béatrice Roux"

    row = upload(client, path)
    assert row["artist"] == "Béatrice Roux" and row["signer"] == "Béatrice Roux"
    assert row["claimed_author"] == "Alice Martin"
    page = client.get(row["report_url"]).text
    assert "Béatrice Roux" in page

    with Ledger(world.root / "artcharter.db") as ledger:
        outcome = import_verified(ledger, result)
        assert outcome.outcome == CLAIMED_AUTHOR
        assert ledger.find_artwork(outcome.artwork_id or "") is None


def test_an_outsider_ca_shows_its_own_name_and_never_trusted(
    world: World, tmp_path: Path, client: TestClient
) -> None:
    """An outside CA issues 'Alice Martin' of 'ESAD Exemple': valid, signer unknown."""
    path = forged(world, tmp_path, "outsider.png", world.mallory)
    result = verify_file(path, world.anchors)
    assert result.verdict == "valid-untrusted"
    row = upload(client, path)
    assert row["verdict"] == "valid-untrusted" and row["tone"] != "good"
    assert row["reliable"] is False or row["verdict_title"]["en"] != "Trusted"


def test_unicode_names_get_their_own_key_files(world: World) -> None:
    slugs = {keys.slugify(name) for name in ("王芳", "李娜", "Søren", "Sören", "Zoé")}
    assert len(slugs) == 5
    assert keys.slugify("Zoé") == "zoe"
    keys.issue_artist(world.keys_dir, "王芳", None)
    keys.issue_artist(world.keys_dir, "李娜", None)
    assert load_artist_identity(world.keys_dir, "王芳").name == "王芳"
    assert load_artist_identity(world.keys_dir, "李娜").name == "李娜"
    with pytest.raises(ArtcharterError):
        load_artist_identity(world.keys_dir, "张伟")  # never issued
    # Same slug, another person: never overwritten, not even with force.
    with pytest.raises(ArtcharterError, match="Alice Martin"):
        keys.issue_artist(world.keys_dir, "Alice-Martin", None, force=True)
    assert load_artist_identity(world.keys_dir, "alice-martin").name == "Alice Martin"


# --- 2 and 3. the server never opens a client's path; claimed ids join nothing --------------


def test_an_upload_named_after_a_local_file_reads_nothing_from_it(
    world: World, tmp_path: Path, client: TestClient
) -> None:
    """A labelled copy uploaded under the path of Alice's private generation."""
    copy = forged(world, tmp_path, "copy.png", world.bea)
    relative = os.path.relpath(world.private_work, Path.cwd())
    name = "../" * 12 + str(world.private_work).lstrip("/")
    for claimed_name in (name, relative, str(world.private_work)):
        result = verify_bytes(copy.read_bytes(), claimed_name, world.anchors)
        with Ledger(world.root / "artcharter.db") as ledger:
            evidence = gather(result, ledger=ledger)
        assert evidence.origin is None and evidence.prompts == ()
    row = upload(client, copy, name=name)
    text = json.dumps(row) + client.get(row["report_url"]).text
    for term in ("poor", "exotic", PRIVATE_PROMPT):
        assert term not in text


@pytest.mark.parametrize("who", ["mallory", "bea"])
def test_a_claimed_artwork_id_joins_nothing(
    world: World, tmp_path: Path, client: TestClient, who: str
) -> None:
    """A file claiming Alice's artwork id: signed by an outsider, or by another student."""
    identity = getattr(world, who)
    path = forged(world, tmp_path, f"claims-{who}.png", identity, artwork_id=world.private_id)
    result = verify_file(path, world.anchors)
    with Ledger(world.root / "artcharter.db") as ledger:
        evidence = gather(result, ledger=ledger)
        assert evidence.prompts == () and evidence.session is None
    row = upload(client, path)
    assert row["visitor_url"] is None
    report = client.get(row["report_url"]).text
    for term in ("poor", "exotic"):
        assert term not in json.dumps(row) and term not in report
    with Ledger(world.root / "artcharter.db") as ledger:
        history = ledger.recent_verifications(world.private_id, limit=50)
        stored = list(
            ledger.db.query("SELECT * FROM verifications WHERE sha256 = ?", [row["sha256"]])
        )
    assert all(v["signer"] != identity.name or v["verdict"] == "trusted" for v in history)
    assert stored and all(v["artwork_id"] is None for v in stored)
    assert all(v["claimed_artwork_id"] == world.private_id for v in stored)
    # The artwork's public history holds only verifications that joined it.
    visitor = client.get(f"/api/artworks/{world.private_id}")
    assert visitor.status_code == 200
    assert all(v["verdict"] == "trusted" for v in visitor.json()["verifications"])


def test_the_real_artwork_still_joins_its_ledger_row(world: World, client: TestClient) -> None:
    row = upload(client, world.private_work)
    assert row["verdict"] == "trusted"
    assert row["visitor_url"] == f"/a/{world.private_id}?lang=en" or row["visitor_url"] == (
        f"/a/{world.private_id}"
    )


# --- 4. only signed assertions count ----------------------------------------------------------


def _store(path: Path) -> dict:
    import c2pa

    with c2pa.Reader(str(path)) as reader:
        store = json.loads(reader.detailed_json())
    return store["manifests"][store["active_manifest"]]


def test_the_disclosure_is_in_the_created_assertions(world: World, tmp_path: Path) -> None:
    path = forged(world, tmp_path, "made.png", world.alice)
    claim = _store(path)["claim"]
    created = {a["url"].rsplit("/", 1)[-1] for a in claim["created_assertions"]}
    gathered = {a["url"].rsplit("/", 1)[-1] for a in claim.get("gathered_assertions", [])}
    assert {"c2pa.actions.v2", "cawg.training-mining", "fr.artcharter.record"} <= created
    assert not {"c2pa.actions.v2", "cawg.training-mining", "fr.artcharter.record"} & gathered


def test_gathered_assertions_are_ignored_and_said_so(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file whose AI disclosure and record sit in gathered assertions (c2pa-rs's default,
    and what artcharter wrote before): nothing in them is shown."""
    import c2pa

    from artcharter.provenance.manifest import build_manifest

    record = ArtworkRecord(
        artwork_id=str(uuid.uuid4()),
        kind="labelled",
        source_type="digitalCapture",  # "no AI", unattributed
        title="Gathered",
        author=Person("Alice Martin", None, "ESAD Exemple"),
    )
    manifest = build_manifest(record, has_parent=False, version="0")
    source = make_image(tmp_path / "raw.png").read_bytes()
    info = c2pa.C2paSignerInfo(world.bea.alg.encode(), world.bea.chain_pem, world.bea.key_pem, None)
    out = io.BytesIO()
    with c2pa.Signer.from_info(info) as signer, c2pa.Builder(manifest) as builder:
        builder.sign(signer, "image/png", io.BytesIO(source), out)
    path = tmp_path / "gathered.png"
    path.write_bytes(out.getvalue())
    result = verify_file(path, world.anchors)
    assert result.verdict == "trusted"
    assert result.record is None and result.disclosure["source_types"] == []
    assert {"fr.artcharter.record", "c2pa.actions.v2"} <= set(result.unattributed)
    _, text = cli(capsys, "verify", str(path), "--trust", str(world.keys_dir / keys.ROOT_CERT))
    assert "digitalCapture" not in text and "not attributed to the signer" in text
    assert "Alice" not in text


def _claim_v1(identity: SigningIdentity, source: bytes, ingredient: bytes | None = None) -> bytes:
    """``source`` signed by ``identity`` in a C2PA 1.x claim (c2pa-rs still writes one when
    asked), with ``ingredient`` as its input: a 1.x claim records an ingredient's status as
    one list (``validation_status``), which c2pa does not check again."""
    import c2pa

    action = "c2pa.opened" if ingredient is not None else "c2pa.created"
    manifest = {
        "claim_version": 1,
        "claim_generator_info": [{"name": "forger", "version": "1"}],
        "title": "Nocturne",
        "assertions": [{"label": "c2pa.actions", "data": {"actions": [{"action": action}]}}],
    }
    info = c2pa.C2paSignerInfo(identity.alg.encode(), identity.chain_pem, identity.key_pem, None)
    out = io.BytesIO()
    with c2pa.Signer.from_info(info) as signer, c2pa.Builder(manifest) as builder:
        if ingredient is not None:
            about = {"title": "by-alice.png", "relationship": "componentOf"}
            builder.add_ingredient(about, "image/png", io.BytesIO(ingredient))
        builder.sign(signer, "image/png", io.BytesIO(source), out)
    return out.getvalue()


def test_an_ingredient_recorded_with_a_broken_signature_is_never_trusted(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An outsider takes a work Alice signed, breaks its signature (or forges one in her
    name), and signs a work of their own with it as ingredient, in a C2PA 1.x claim. c2pa
    checks that the ingredient's manifest is the one recorded and that Alice's certificate
    is the school's, not its signature: the claim's status list says the signature does
    not match, and that is what every output says; the ingredient is never shown, nor
    counted by the charter, as signed by Alice and trusted by the school."""
    source = make_image(tmp_path / "raw.png").read_bytes()
    broken = forgery.flip_signature(_claim_v1(world.alice, source))
    path = tmp_path / "with-ingredient.png"
    path.write_bytes(_claim_v1(world.mallory, source, ingredient=broken))
    result = verify_file(path, world.anchors)
    (ingredient,) = result.ingredients
    assert ingredient["verdict"] == "invalid"
    assert "claimSignature.mismatch" in ingredient["codes"]
    root = str(world.keys_dir / keys.ROOT_CERT)
    _, text = cli(capsys, "--lang", "en", "verify", str(path), "--trust", root, "--no-ledger")
    assert "invalid signature" in text and "trusted by" not in text
    _, out = cli(capsys, "--project", str(world.root), "--lang", "en", "check", "--json", str(path))
    (checked,) = json.loads(out[: out.rindex("]") + 1])
    assert "trusted by your school" not in json.dumps(checked)
    assert "by-alice.png: Invalid signature" in json.dumps(checked)


# --- 5. every printed field is inert ------------------------------------------------------------


FORGED_LINE = "\x1b[2K\r\x1b[1A\x1b[2KTrusted, signer: Alice Martin\r\n  forged line"


def test_escape_sequences_in_titles_and_names_are_printed_inert(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / ("dir\x1b[2K\r")
    folder.mkdir()
    path = forged(world, folder, "evil\r\n.png", world.mallory, title=FORGED_LINE)
    anchor = str(world.keys_dir / keys.ROOT_CERT)
    code, out = cli(capsys, "verify", str(path), "--trust", anchor)
    assert code == 1
    assert "\x1b" not in out and "\r" not in out
    assert not any(line.strip().startswith("forged line") for line in out.splitlines())
    assert "Valid, signer unknown" in out.splitlines()[0]
    assert "\\x1b[2K" in out  # shown, not obeyed
    _, out = cli(capsys, "verify", "--json", str(path), "--trust", anchor)
    assert json.loads(out)[0]["title"] == FORGED_LINE


def test_json_output_is_valid_utf8_for_undecodable_names(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = forged(world, tmp_path, "ok.png", world.alice)
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9\x1b.png"))
    signed.rename(odd)
    capsys.readouterr()
    code = run(["verify", "--json", str(odd), "--trust", str(world.keys_dir / keys.ROOT_CERT)])
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate: writable as UTF-8
    data = json.loads(out)
    assert data[0]["verdict"] == "trusted" and code == 0
    assert data[0]["path"].endswith("caf\\xe9\x1b.png")
    report = make_report(odd, tmp_path / "report", anchors=world.anchors)
    twin = json.loads(report.json.read_bytes().decode("utf-8"))  # strict UTF-8, parses
    assert twin["artwork"]["file"].endswith("\\xe9\x1b.png")


# --- the cartel of a file that does not verify --------------------------------------------------


def test_no_cartel_for_a_tampered_file_and_a_warning_for_an_unsigned_one(
    world: World, tmp_path: Path
) -> None:
    from tests.serve_files import tampered, unsigned

    good = forged(world, tmp_path, "good.png", world.alice)
    with pytest.raises(ArtcharterError, match="tampered"):
        make_cartels([tampered(good, tmp_path / "t.png")], tmp_path / "c1", anchors=world.anchors)
    # In a folder, after a good work: refused before any label is written.
    with pytest.raises(ArtcharterError, match="tampered"):
        make_cartels([good, tmp_path / "t.png"], tmp_path / "c0", anchors=world.anchors, sheet=True)
    assert not (tmp_path / "c0").exists()
    files = make_cartels([unsigned(tmp_path)], tmp_path / "c2", anchors=world.anchors)
    assert "DOES NOT VERIFY" in files.html.read_text(encoding="utf-8")
    assert "DOES NOT VERIFY" in files.svgs[0].read_text(encoding="utf-8")
    trusted = make_cartels([good], tmp_path / "c3", anchors=world.anchors)
    assert "DOES NOT VERIFY" not in trusted.html.read_text(encoding="utf-8")


def test_sign_image_marks_every_stated_assertion_created(world: World, tmp_path: Path) -> None:
    """The created/gathered split is made in one place, for any manifest."""
    manifest = {
        "claim_generator_info": [{"name": "artcharter", "version": "0"}],
        "title": "t",
        "assertions": [
            {
                "label": "c2pa.actions.v2",
                "data": {
                    "actions": [
                        {
                            "action": "c2pa.created",
                            "digitalSourceType": "http://cv.iptc.org/newscodes/"
                            "digitalsourcetype/trainedAlgorithmicMedia",
                        }
                    ]
                },
            },
            {"label": "fr.artcharter.other", "data": {"x": 1}},
        ],
    }
    data = sign_image(
        make_image(tmp_path / "a.png").read_bytes(), "png", manifest, world.alice
    ).data
    path = tmp_path / "signed.png"
    path.write_bytes(data)
    created = {a["url"].rsplit("/", 1)[-1] for a in _store(path)["claim"]["created_assertions"]}
    assert {"c2pa.actions.v2", "fr.artcharter.other"} <= created


# --- unsupported is not invalid; devices and FIFOs are refused -------------------------------


def test_an_unsupported_manifest_is_unreadable_with_the_real_reason() -> None:
    from artcharter.provenance import verdicts
    from artcharter.provenance.verify import unsupported_reason

    assert verdicts.classify("Invalid", ["algorithm.unsupported"]) == verdicts.UNREADABLE
    reason = unsupported_reason("Error: prerelease content detected")
    assert reason is not None
    assert "pre-release version of C2PA" in reason.render("en")
    assert "version préliminaire de C2PA" in reason.render("fr")
    assert unsupported_reason("claimSignature.mismatch") is None


def test_a_signature_in_an_unsupported_algorithm_is_unreadable_end_to_end(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real file whose COSE header names ES256K (COSE -47, which c2pa-rs does not
    support): the reader is told why it cannot be checked, not that it was forged."""
    from cryptography.hazmat.primitives import serialization

    from artcharter.provenance import verdicts

    out = forged(world, tmp_path, "es256k.png", world.alice)
    artist = keys.artist_identity(world.keys_dir, "alice-martin")
    cert = keys.read_certs(artist.chain_path)[0].public_bytes(serialization.Encoding.DER)
    data = forgery.resign_claim(
        out.read_bytes(), [cert], keys.read_private_key(artist.key_path), alg=-47
    )
    target = tmp_path / "es256k-signed.png"
    target.write_bytes(data)
    result = verify_bytes(data, target.name, world.anchors)
    assert result.verdict == verdicts.UNREADABLE
    assert "algorithm this validator does not support" in str(result.error)
    assert result.artist == {"name": None, "organisation": None}  # nobody is vouched for
    code, text = cli(capsys, "--lang", "fr", "verify", "--no-ledger", str(target))
    assert code != 0 and "Traceback" not in text
    lines = text.splitlines()
    heading = lines.index("  Ce que disent les Content Credentials, sans signature valide qui en "
                          "réponde (non vérifié)\u00a0:")  # fmt: skip
    # The signer the header names is shown only under that heading, never as verified.
    assert [n for n, t in enumerate(lines) if "Alice Martin" in t and n < heading] == []
    assert all(t.startswith("    ") for t in lines[heading + 1 :] if "Alice Martin" in t)
    assert "algorithme que ce vérificateur ne prend pas en charge" in text
    assert "endommagé" not in text  # not the explanation of a damaged file
    assert "algorithme" in text and "Traceback" not in text


def test_devices_and_fifos_are_refused_in_one_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    code, out = cli(capsys, "verify", str(fifo), "/dev/zero")  # would hang / exhaust memory
    assert code == 2
    assert out.count("not a regular file") == 2 and "Traceback" not in out
    # Every reader of a file the user names: report and label read its head first.
    code, out = cli(capsys, "report", str(fifo), "-o", str(tmp_path / "r"))
    assert code == 2 and "not a regular file" in out and "Traceback" not in out
    from artcharter.base.errors import BadInput
    from artcharter.provenance.label import label

    with pytest.raises(BadInput, match="not a regular file"):
        label(fifo, tmp_path / "l.png", identity=world.alice, source_type="digitalCapture")
    assert not (tmp_path / "l.png").exists()


# --- 7. private means private --------------------------------------------------------------------


def _all_text(folder: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file()
    )


def test_a_private_prompt_is_named_nowhere_outside_the_ledger(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    import hashlib
    import stat

    from artcharter.provenance.prompt_key import matches, project_secret, secret_path
    from artcharter.reports.summary import make_summary

    path, ledger_path = world.private_work, world.root / "artcharter.db"
    data = path.read_bytes()
    assert PRIVATE_PROMPT.encode() not in data
    plain = hashlib.sha256(PRIVATE_PROMPT.encode()).hexdigest()
    assert plain.encode() not in data  # a guess cannot be tested against the file
    record = verify_file(path, world.anchors).record
    assert record is not None and record["prompt_sha256"] is None
    assert matches(PRIVATE_PROMPT, record["prompt_hmac"], project_secret(ledger_path))
    for private_file in (ledger_path, secret_path(ledger_path)):
        assert stat.S_IMODE(private_file.stat().st_mode) == 0o600, private_file

    secrets_shown = ("poor", "exotic", "woman", PRIVATE_PROMPT, plain)
    with Ledger(ledger_path) as ledger:
        report = make_report(path, tmp_path / "r", anchors=world.anchors, ledger=ledger)
        summary = make_summary([path], tmp_path / "s", anchors=world.anchors, ledger=ledger)
    del report, summary
    _, check_json = cli(
        capsys, "--project", str(world.root), "check", "--json", str(path),
    )  # fmt: skip
    row = upload(client, path)
    desk_text = json.dumps(row) + client.get(row["report_url"]).text
    for shown in (_all_text(tmp_path / "r"), _all_text(tmp_path / "s"), check_json, desk_text):
        for secret in secrets_shown:
            assert secret not in shown
    assert "of the private prompt" in check_json  # audited, and said so


# --- 8. the desk stays bounded and private to each jury browser ----------------------------------


def test_uploads_belong_to_the_browser_that_dropped_them(world: World, tmp_path: Path) -> None:
    path = forged(world, tmp_path, "mine.png", world.alice)
    with desk(world) as jury_a, desk(world) as jury_b:
        jury_a.get("/")  # the page gives the browser its session cookie
        row = upload(jury_a, path)
        token = row["token"]
        assert jury_a.get(f"/api/uploads/{token}").status_code == 200
        for url in (
            f"/api/uploads/{token}",
            f"/r/{token}",
            f"/u/{token}/thumb",
            f"/u/{token}/file",
        ):
            assert jury_b.get(url).status_code == 404, url
        assert jury_b.delete(f"/api/uploads/{token}").json() == {"forgotten": 0}
        assert jury_b.delete("/api/uploads").json() == {"forgotten": 0}
        assert jury_a.get(f"/api/uploads/{token}").status_code == 200  # still there
        assert jury_a.delete("/api/uploads").json() == {"forgotten": 1}


def test_a_multipart_body_cut_before_its_closing_boundary_is_refused(
    world: World, client: TestClient
) -> None:
    data = world.private_work.read_bytes()
    body = (
        b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\n'
        b"Content-Type: image/png\r\n\r\n" + data  # no closing --xyz--
    )
    response = client.post(
        "/api/verify", content=body, headers={"content-type": "multipart/form-data; boundary=xyz"}
    )
    assert response.status_code == 400 and "boundary" in response.json()["detail"]


def _post_scenario(app: object, receive: object) -> list[dict]:
    """Send one POST /api/verify to the app with ``receive``; the messages it sent back."""
    import asyncio

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/verify",
        "raw_path": b"/api/verify",
        "root_path": "",
        "scheme": "http",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", b"multipart/form-data; boundary=xyz"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "http_version": "1.1",
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))  # type: ignore[operator]
    return sent


def test_a_client_that_disconnects_is_logged_in_one_line(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    app = create_app(
        DeskConfig(
            anchors=world.anchors, lang="en", allowed_hosts=loopback_hosts("127.0.0.1", 8000)
        )
    )
    messages = [
        {"type": "http.disconnect"},
        {
            "type": "http.request",
            "body": b"--xyz\r\nContent-Disposition: form-data",
            "more_body": True,
        },
    ]

    async def receive() -> dict:
        return messages.pop()

    with caplog.at_level(logging.DEBUG):
        _post_scenario(app, receive)
    records = [r for r in caplog.records if r.name.startswith("artcharter")]
    assert len(records) == 1 and "disconnected" in records[0].getMessage()
    assert records[0].exc_info is None and "\n" not in records[0].getMessage()


def test_a_trickled_body_is_cut_off(world: World) -> None:
    """A body that stops coming (under the minimum rate after the grace period): 408."""
    import asyncio

    config = DeskConfig(
        anchors=world.anchors,
        lang="en",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
        body_grace=0.5,
    )
    chunks = [b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n']

    async def receive() -> dict:
        if chunks:
            return {"type": "http.request", "body": chunks.pop(), "more_body": True}
        await asyncio.sleep(30)  # one byte every ten seconds, or never
        return {"type": "http.disconnect"}

    sent = _post_scenario(create_app(config), receive)
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 408


def test_the_thumbnail_of_a_huge_image_is_never_decoded(tmp_path: Path) -> None:
    """A 11000 x 11000 PNG (121 megapixels, 350 KB on disk): over the pixel limit, so no
    thumbnail is made, and its pixels are never decoded (measured in a real subprocess)."""
    import struct
    import subprocess
    import sys
    import zlib

    width = height = 11_000
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path = tmp_path / "huge.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    script = (
        "import resource, sys\n"
        "from artcharter.serve.thumbnails import thumbnail\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "made = thumbnail(data)\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(made is None, (after - before) // 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "True"
    assert int(out[1]) < 50, f"{out[1]} MB more while making the thumbnail"


def _on_terminal(command: list[str], answers: list[bytes]) -> tuple[int, bytes]:
    """Run ``command`` on a real pseudo-terminal, typing the next of ``answers`` at each
    prompt that ends with ': '; its exit code and everything the terminal showed."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI on a terminal
        os.execv(command[0], command)
    seen, answered = b"", 0
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if answers and seen.rstrip(b" ").endswith(b":") and seen.count(b": ") > answered:
            os.write(fd, answers.pop(0) + b"\n")
            answered += 1
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen


def test_a_passphrase_can_be_typed_at_a_hidden_prompt(tmp_path: Path) -> None:
    """On a terminal (a real pseudo-terminal here), a new key's passphrase is typed twice
    and an encrypted key asks for its own, never echoed, instead of being given on the
    command line (visible in `ps` and the shell history)."""
    import sys

    root = tmp_path / "project"
    init_project(root, "Atelier", lang="en")
    keys.init_school(root / "keys", "Atelier")
    make_image(tmp_path / "src.png")
    cli_main = [sys.executable, "-c", "from artcharter.cli import main; main()"]
    code, seen = _on_terminal(
        [*cli_main, "--project", str(root), "keys", "issue", "--artist", "Zoé Roux",
         "--ask-passphrase"],
        [b"correct horse", b"correct horse"],
    )  # fmt: skip
    assert code == 0, seen
    assert b"correct horse" not in seen and b"passphrase of the new key" in seen
    code, seen = _on_terminal(
        [*cli_main, "--project", str(root), "label", str(tmp_path / "src.png"),
         "-o", str(tmp_path / "out.png"), "--artist", "Zoé Roux",
         "--source-type", "digitalCapture"],
        [b"correct horse"],
    )  # fmt: skip
    assert code == 0, seen
    assert b"correct horse" not in seen  # never echoed
    assert verify_file(tmp_path / "out.png").artist["name"] == "Zoé Roux"
    code, seen = _on_terminal(
        [*cli_main, "--project", str(root), "keys", "issue", "--artist", "Ana Lima",
         "--ask-passphrase"],
        [b"one", b"two"],
    )  # fmt: skip
    assert code == 2 and b"differ" in seen
    assert not keys.artist_identity(root / "keys", "ana-lima").key_path.exists()


def only_as_a_claim(name: str, html: str) -> bool:
    """``name`` appears in ``html`` only inside a part that says it is not verified: a
    block of unverified statements or the claimed-author line."""
    import re

    html = re.sub(r'<div class="unverified"[^>]*>.*?</div>', "", html, flags=re.S)
    html = re.sub(r'<p class="claimed-author"[^>]*>[^<]*not verified[^<]*</p>', "", html)
    return name not in html


def test_what_no_signature_vouches_for_is_set_apart_in_the_report_and_the_desk(
    world: World, tmp_path: Path, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tampered file's signer and record are shown under the heading that says no valid
    signature vouches for them, in the report, the desk's row and its detail page, as
    verify does: never as plain fields beside the verdict."""
    import re

    from artcharter.serve.desk import Desk
    from tests.serve_files import tampered

    path = tampered(forged(world, tmp_path, "signed.png", world.alice), tmp_path / "bad.png")
    heading = "What the credentials say, vouched for by no valid signature (not verified):"
    report = make_report(path, tmp_path / "report", anchors=world.anchors)
    html = report.html.read_text(encoding="utf-8")
    assert report.report["verification"]["verdict"] == "tampered"
    assert 'id="record-unreliable"' in html
    block = re.search(r'<div class="unverified" id="unvouched">(.*?)</div>', html, re.S)
    assert block is not None and heading in block.group(1)
    assert "Alice Martin" in block.group(1)  # the signer the manifest names, set apart
    assert 'id="artist"' not in html
    assert only_as_a_claim("Alice Martin", html.replace(block.group(0), ""))

    row = upload(client, path)
    assert row["verdict"] == "tampered" and row["reliable"] is False
    assert row["signer"] is None and row["artist"] is None
    assert row["unvouched"] == {"en": heading, "fr": (
        "Ce que disent les Content Credentials, sans signature valide qui en réponde "
        "(non vérifié)\u00a0:")}  # fmt: skip
    page = client.get(row["report_url"]).text  # the full report, as above
    block = re.search(r'<div class="unverified" id="unvouched">(.*?)</div>', page, re.S)
    assert block is not None and "Alice Martin" in block.group(1)
    assert only_as_a_claim("Alice Martin", page.replace(block.group(0), ""))

    async def no_report(self: Desk, held: object, lang: str) -> None:
        return None  # the desk's own detail page (a light install has no reports room)

    monkeypatch.setattr(Desk, "report_html", no_report)
    page = client.get(row["report_url"]).text
    block = re.search(r'<div class="unverified" id="unvouched">(.*?)</div>', page, re.S)
    assert block is not None and heading in block.group(1) and "Alice Martin" in block.group(1)
    assert only_as_a_claim("Alice Martin", page.replace(block.group(0), ""))

    trusted = upload(client, forged(world, tmp_path, "good.png", world.alice))
    assert trusted["signer"] == "Alice Martin" and trusted["unvouched"] is None
