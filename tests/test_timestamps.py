"""Credentials that outlive the certificate: the school's RFC 3161 time-stamp authority
(real OpenSSL behind a real HTTP server), revocation lists, and replacing the school root.

A certificate that expires a few seconds into the test: the time-stamped file stays
trusted afterwards and says when it was signed; the same work signed without a time-stamp
turns invalid.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from artcharter.base.errors import BadInput
from artcharter.cli import run
from artcharter.project import open_project
from artcharter.provenance import keys, revocation, verdicts
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.signing import load_artist_identity, load_identity
from artcharter.provenance.tsa import Refused, TimeStampAuthority, parse_query
from artcharter.provenance.verify import read_anchors, signature_notes, verify_file
from artcharter.serve.tsa_http import make_server

from conftest import make_image

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))


@pytest.fixture
def school(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    keys.init_school(folder, "ESAD Exemple")
    keys.issue_artist(folder, "Alice Martin", "alice@example.org")
    return folder


@pytest.fixture
def tsa_url(school: Path) -> Iterator[str]:
    server = make_server(TimeStampAuthority(school), "127.0.0.1", 0, school / keys.CRL_FILE)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def short_lived_artist(school: Path, name: str, seconds: int) -> tuple[Path, Path]:
    """An artist whose certificate expires ``seconds`` from now."""
    root = keys.read_certs(school / keys.ROOT_CERT)[0]
    root_key = keys.read_private_key(school / keys.ROOT_KEY)
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)
    leaf, key = keys.make_leaf(
        root,
        root_key,
        name=name,
        email=None,
        valid_days=1,
        not_before=start + dt.timedelta(seconds=seconds),
    )
    chain, key_path = school / f"{name}.pem", school / f"{name}.key"
    chain.write_bytes(keys.cert_pem(leaf))
    key_path.write_bytes(keys.key_pem(key))
    key_path.chmod(0o600)
    return chain, key_path


def sign(src: Path, out: Path, identity, ledger: Ledger | None = None):
    return label(
        src,
        out,
        identity=identity,
        source_type="trainedAlgorithmicMedia",
        tool="Test model",
        title="Étude",
        ledger=ledger,
    )


def test_time_stamped_work_stays_valid_after_the_certificate_expires(
    school: Path, tsa_url: str, tmp_path: Path
) -> None:
    chain, key = short_lived_artist(school, "Bea", seconds=6)
    src = make_image(tmp_path / "src.png")
    stamped = sign(src, tmp_path / "stamped.png", load_identity(chain, key, tsa_url=tsa_url))
    plain = sign(src, tmp_path / "plain.png", load_identity(chain, key))
    assert stamped.time_stamped and stamped.time_stamp_error is None
    assert not plain.time_stamped
    anchors = read_anchors([school / keys.ROOT_CERT])

    before = verify_file(tmp_path / "stamped.png", anchors)
    assert before.verdict == verdicts.TRUSTED
    assert before.time_stamp["trusted"] is True
    assert verify_file(tmp_path / "plain.png", anchors).verdict == verdicts.TRUSTED
    notes = [n.render("en") for n in signature_notes(verify_file(tmp_path / "plain.png", anchors))]
    assert notes == ["not time-stamped: valid only as long as the signer's certificate is"]

    expiry = keys.read_certs(chain)[0].not_valid_after_utc
    time.sleep(max(0.0, (expiry - dt.datetime.now(dt.UTC)).total_seconds()) + 1.5)

    after = verify_file(tmp_path / "stamped.png", anchors)
    assert after.verdict == verdicts.TRUSTED
    assert after.signer["name"] == "Bea"
    day = after.time_stamp["time"][:10]
    notes = [n.render("en") for n in signature_notes(after)]
    assert notes == [f"signed on {day}, while the certificate was valid (trusted time-stamp)"]
    assert signature_notes(after)[0].render("fr").startswith(f"signé le {day}, quand le")
    assert after.to_dict("en")["signature_notes"][0]["en"] == notes[0]

    expired = verify_file(tmp_path / "plain.png", anchors)
    assert expired.verdict == verdicts.INVALID
    assert "signingCredential.expired" in expired.codes["failure"]
    assert expired.time_stamp == {}


def test_signing_without_the_authority_still_works_and_says_so(
    school: Path, tmp_path: Path
) -> None:
    # A loopback port nothing listens on: the authority is down (or the school offline).
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    identity = load_artist_identity(school, "Alice Martin", tsa_url=f"http://127.0.0.1:{port}/")
    with Ledger(tmp_path / "ledger.db") as ledger:
        signed = sign(make_image(tmp_path / "src.png"), tmp_path / "out.png", identity, ledger)
        row = ledger.signature_of(signed.record.artwork_id)
    assert not signed.time_stamped
    assert signed.time_stamp_error
    assert row is not None and row["time_stamped"] == 0 and row["time_stamp_error"]
    result = verify_file(tmp_path / "out.png", read_anchors([school / keys.ROOT_CERT]))
    assert result.verdict == verdicts.TRUSTED
    assert result.time_stamp == {}
    assert "not time-stamped" in signature_notes(result)[0].render("en")


def _query(tmp_path: Path, *digest_flag: str) -> bytes:
    data = tmp_path / "data.bin"
    data.write_bytes(b"a work of art")
    out = subprocess.run(
        ["openssl", "ts", "-query", "-data", str(data), "-cert", *digest_flag],
        capture_output=True,
        check=True,
    )
    return out.stdout


def _post(url: str, body: bytes, content_type: str = "application/timestamp-query"):
    """POST over a plain socket (the suite blocks ``socket.create_connection``)."""
    import socket

    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.socket() as sock:
        sock.settimeout(10)
        sock.connect((host, int(port)))
        head = (
            f"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        sock.sendall(head.encode() + body)
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    header, _, payload = response.partition(b"\r\n\r\n")
    return int(header.split()[1]), payload


def _reply_text(tmp_path: Path, reply: bytes) -> str:
    path = tmp_path / "reply.tsr"
    path.write_bytes(reply)
    out = subprocess.run(
        ["openssl", "ts", "-reply", "-in", str(path), "-text"], capture_output=True, text=True
    )
    return out.stdout + out.stderr


def test_authority_grants_a_good_query_and_refuses_bad_ones(
    school: Path, tsa_url: str, tmp_path: Path
) -> None:
    status, reply = _post(tsa_url, _query(tmp_path, "-sha256"))
    assert status == 200
    assert "Status: Granted" in _reply_text(tmp_path, reply)
    # The token checks out against the school root with OpenSSL's own verifier.
    (tmp_path / "data.bin").write_bytes(b"a work of art")
    (tmp_path / "ok.tsr").write_bytes(reply)
    checked = subprocess.run(
        [
            "openssl", "ts", "-verify", "-data", str(tmp_path / "data.bin"),
            "-in", str(tmp_path / "ok.tsr"), "-CAfile", str(school / keys.ROOT_CERT),
        ],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "Verification: OK" in checked.stdout, checked.stderr

    status, reply = _post(tsa_url, _query(tmp_path, "-sha1"))
    assert status == 400
    text = _reply_text(tmp_path, reply)
    assert "Status: Rejected" in text
    assert "hash algorithm SHA-1 is not accepted (accepted: SHA-256, SHA-384, SHA-512)" in text
    assert "unrecognized or unsupported algorithm" in text.lower()  # failInfo badAlg

    status, reply = _post(tsa_url, b"\x30\x03\x02\x01")  # a truncated DER sequence
    assert status == 400
    assert "not a readable RFC 3161 query" in _reply_text(tmp_path, reply)

    status, _ = _post(tsa_url, _query(tmp_path, "-sha256"), content_type="text/plain")
    assert status == 415


def test_query_checks_in_words() -> None:
    with pytest.raises(Refused, match="not a readable RFC 3161 query"):
        parse_query(b"GET / HTTP/1.1\r\n")
    # version 1, SHA-256, but a 3-byte digest
    imprint = bytes.fromhex("300d06096086480165030402010500") + b"\x04\x03abc"
    body = b"\x02\x01\x01" + bytes([0x30, len(imprint)]) + imprint
    with pytest.raises(Refused, match=r"a SHA-256 digest is 32 bytes, this one is 3"):
        parse_query(bytes([0x30, len(body)]) + body)
    # version 2
    with pytest.raises(Refused, match="only RFC 3161 version 1"):
        parse_query(bytes([0x30, len(body)]) + b"\x02\x01\x02" + body[3:])


def test_tsa_serve_command_runs_the_authority(tmp_path: Path) -> None:
    root = tmp_path / "atelier"
    subprocess.run([ARTCHARTER, "init", str(root), "--name", "ESAD", "--lang", "en"], check=True)
    subprocess.run([ARTCHARTER, "keys", "init-school", "--name", "ESAD"], cwd=root, check=True)
    assert (root / "keys" / keys.TSA_CERT).exists()
    server = subprocess.Popen(
        [ARTCHARTER, "tsa", "serve", "--port", "0"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()  # type: ignore[union-attr]
        assert "time-stamp authority listening on http://127.0.0.1:" in line
        url = line.split(" on ", 1)[1].split(" ")[0]
        status, reply = _post(url, _query(tmp_path, "-sha256"))
        assert status == 200
        assert "Status: Granted" in _reply_text(tmp_path, reply)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_tsa_certificate_is_what_rfc3161_requires(school: Path) -> None:
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    cert = keys.read_certs(school / keys.TSA_CERT)[0]
    root = keys.read_certs(school / keys.ROOT_CERT)[0]
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert eku.critical and list(eku.value) == [ExtendedKeyUsageOID.TIME_STAMPING]
    assert cert.issuer == root.subject
    assert cert.not_valid_after_utc <= root.not_valid_after_utc
    assert (school / keys.TSA_KEY).stat().st_mode & 0o777 == 0o600


# --- revocation -------------------------------------------------------------------------


def test_revocation_keeps_work_time_stamped_before_and_refuses_the_rest(
    school: Path, tsa_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    identity = load_artist_identity(school, "Alice Martin", tsa_url=tsa_url)
    plain_identity = load_artist_identity(school, "Alice Martin")
    src = make_image(tmp_path / "src.png")
    sign(src, tmp_path / "before.png", identity)
    sign(src, tmp_path / "before-plain.png", plain_identity)
    time.sleep(1.1)  # the list and the stamps count whole seconds
    done = revocation.revoke(school, "Alice Martin", reason="left-school")
    time.sleep(1.1)
    sign(src, tmp_path / "after.png", identity)  # a leaving student still holds the key

    anchors = read_anchors([school / keys.ROOT_CERT])
    before = verify_file(tmp_path / "before.png", anchors)
    assert before.verdict == verdicts.TRUSTED
    assert before.revocation == {
        "revoked_at": done.revoked_at,
        "reason": "left-school",
        "signed_before": True,
    }
    notes = [n.render("en") for n in signature_notes(before)]
    assert notes[1] == (
        f"signed on {before.time_stamp['time'][:10]}, before the certificate was revoked on "
        f"{done.revoked_at[:10]} (the artist left the school): the signature stays valid"
    )

    for name in ("after.png", "before-plain.png"):
        result = verify_file(tmp_path / name, anchors)
        assert result.verdict == verdicts.INVALID, name
        assert "signingCredential.revoked" in result.codes["failure"]
        assert result.error is not None
        assert str(result.error) == (
            f"the signer's certificate was revoked on {done.revoked_at[:10]} (the artist left"
            " the school); this signature is not time-stamped before that date"
        )
        assert "révoqué le" in result.error.render("fr")

    # keys list shows it
    info = {c.subject_name: c for c in keys.list_certificates(school)}
    assert info["Alice Martin"].revoked_reason == "left-school"


def test_a_revocation_list_not_signed_by_the_anchor_is_refused(
    school: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    keys.init_school(other, "ESAD Exemple")  # same name, another key
    keys.issue_artist(other, "Alice Martin", None)
    revocation.revoke(other, "Alice Martin")
    (school / keys.CRL_FILE).write_bytes((other / keys.CRL_FILE).read_bytes())
    with pytest.raises(BadInput, match="is not signed by anchor"):
        read_anchors([school / keys.ROOT_CERT])


def test_revoke_command_and_keys_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin"]) == 0
    assert run(["keys", "revoke", "Alice Martin", "--reason", "nonsense"]) == 2
    assert "unknown revocation reason 'nonsense'" in capsys.readouterr().err
    assert run(["keys", "revoke", "Alice Martin", "--reason", "key-compromise"]) == 0
    assert "certificate revoked on" in capsys.readouterr().out
    assert run(["keys", "list"]) == 0
    out = capsys.readouterr().out
    assert "REVOKED on" in out and "private key compromised" in out
    assert run(["--lang", "fr", "keys", "list"]) == 0
    assert "RÉVOQUÉ le" in capsys.readouterr().out


# --- replacing the school root ----------------------------------------------------------


def test_replacing_the_root_keeps_past_work_trusted(tmp_path: Path) -> None:
    root = tmp_path / "atelier"
    subprocess.run([ARTCHARTER, "init", str(root), "--name", "ESAD", "--lang", "en"], check=True)
    subprocess.run([ARTCHARTER, "keys", "init-school", "--name", "ESAD"], cwd=root, check=True)
    subprocess.run(
        [ARTCHARTER, "keys", "issue", "--artist", "Alice Martin", "--default"],
        cwd=root,
        check=True,
    )
    src = make_image(tmp_path / "src.png")
    subprocess.run(
        [ARTCHARTER, "label", str(src), "-o", "old.png", "--source-type",
         "trainedAlgorithmicMedia", "--tool", "Test"],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip
    old_root = (root / "keys" / keys.ROOT_CERT).read_bytes()

    refused = subprocess.run(
        [ARTCHARTER, "keys", "init-school", "--name", "ESAD", "--force"],
        cwd=root, input="n\n", capture_output=True, text=True,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "Replace the school root?" in refused.stdout
    assert (root / "keys" / keys.ROOT_CERT).read_bytes() == old_root

    done = subprocess.run(
        [ARTCHARTER, "keys", "init-school", "--name", "ESAD", "--force"],
        cwd=root, input="y\n", capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "old root kept as a trust anchor" in done.stdout
    (kept,) = keys.previous_roots(root / "keys")
    assert kept.read_bytes() == old_root
    assert kept.with_suffix(".key").stat().st_mode & 0o777 == 0o600
    assert (root / "keys" / keys.ROOT_CERT).read_bytes() != old_root

    with open_project(root) as project:
        assert project.verify(root / "old.png").verdict == verdicts.TRUSTED
    listed = subprocess.run(
        [ARTCHARTER, "keys", "list"], cwd=root, capture_output=True, text=True, check=True
    )
    assert "old root" in listed.stdout
