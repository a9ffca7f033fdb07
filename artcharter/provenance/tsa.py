"""The school's RFC 3161 time-stamp authority: OpenSSL's ``ts`` command behind a check.

A time-stamp is what keeps a signature valid after its certificate expires: c2pa-rs then
checks the certificate against the time the authority vouches for, not against today.

Why OpenSSL: its ``ts -reply`` is the reference RFC 3161 implementation, maintained with
OpenSSL itself and present wherever Python's ``ssl`` module is (Debian's ``openssl``
package); pyHanko's time-stamper would pull in some twenty more packages (aiohttp, lxml,
oscrypto...) for the same answer. OpenSSL parses and signs; this module first checks the
request itself, so that a malformed query or a weak hash gets a reason a person can read
(RFC 3161 2.4.2 ``statusString`` and ``failInfo``) instead of OpenSSL's internal error.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import write_atomic
from artcharter.provenance.keys import TSA_CERT, TSA_KEY
from artcharter.provenance.messages import MESSAGES

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
MAX_QUERY_BYTES = 16 * 1024  # a query is a hash and a few fields: ~60-100 bytes
# The policy under which the school stamps: an OID from the UUID arc 2.25 (ITU-T X.667),
# which anyone may use without registering; fixed, so that every stamp names the same.
POLICY_OID = "2.25.163046937374218312843478021357498125231"

# Hash algorithms accepted in a query (OID -> (name, digest length)). SHA-1 and MD5 are
# refused: collisions are practical, so a stamp over them proves nothing.
HASHES = {
    "2.16.840.1.101.3.4.2.1": ("SHA-256", 32),
    "2.16.840.1.101.3.4.2.2": ("SHA-384", 48),
    "2.16.840.1.101.3.4.2.3": ("SHA-512", 64),
}
KNOWN_WEAK = {"1.3.14.3.2.26": "SHA-1", "1.2.840.113549.2.5": "MD5"}

# PKIFailureInfo bits (RFC 3161 2.4.2), DER-encoded as a one-bit BIT STRING each.
BAD_ALG = b"\x03\x02\x07\x80"  # bit 0
BAD_REQUEST = b"\x03\x02\x05\x20"  # bit 2
BAD_DATA_FORMAT = b"\x03\x02\x02\x04"  # bit 5
SYSTEM_FAILURE = b"\x03\x03\x07\x00\x80"  # bit 25: the authority could not answer


class Refused(Exception):
    """A query the authority will not stamp: ``reason`` in words, ``fail_info`` for RFC 3161."""

    def __init__(self, reason: str, fail_info: bytes) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fail_info = fail_info


@dataclass(frozen=True)
class Query:
    hash_name: str
    digest: bytes


# --- a minimal DER reader: only what a TimeStampReq needs ---------------------------------


def _tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, start of value, end of value) of the DER element at ``pos``."""
    if pos + 2 > len(data):
        raise ValueError("truncated")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or pos + count > len(data):
            raise ValueError("bad length")  # 0: indefinite length, not DER
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise ValueError("truncated")
    return tag, pos, pos + length


def _oid(value: bytes) -> str:
    if not value:
        raise ValueError("empty OID")
    first = value[0]
    parts = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    number = 0
    for byte in value[1:]:
        number = (number << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(number)
            number = 0
    return ".".join(str(p) for p in parts)


def parse_query(data: bytes) -> Query:
    """Check an RFC 3161 TimeStampReq: version 1, a hash algorithm this authority accepts and
    a digest of that algorithm's length. Raises :class:`Refused` with the reason."""
    try:
        tag, start, end = _tlv(data, 0)
        if tag != 0x30 or end != len(data):
            raise ValueError("not one SEQUENCE")
        tag, vstart, vend = _tlv(data, start)  # version INTEGER
        if tag != 0x02 or data[vstart:vend] != b"\x01":
            raise Refused(MESSAGES("tsa.bad_version").render("en"), BAD_REQUEST)
        tag, mstart, mend = _tlv(data, vend)  # messageImprint SEQUENCE
        if tag != 0x30:
            raise ValueError("no messageImprint")
        tag, astart, aend = _tlv(data, mstart)  # hashAlgorithm AlgorithmIdentifier
        if tag != 0x30:
            raise ValueError("no hashAlgorithm")
        tag, ostart, oend = _tlv(data, astart)
        if tag != 0x06:
            raise ValueError("no algorithm OID")
        oid = _oid(data[ostart:oend])
        tag, hstart, hend = _tlv(data, aend)  # hashedMessage OCTET STRING
        if tag != 0x04 or hend != mend:
            raise ValueError("no hashedMessage")
    except (ValueError, IndexError):
        raise Refused(MESSAGES("tsa.malformed").render("en"), BAD_DATA_FORMAT) from None
    if oid not in HASHES:
        name = KNOWN_WEAK.get(oid, oid)
        accepted = ", ".join(n for n, _ in HASHES.values())
        reason = MESSAGES("tsa.bad_hash", algorithm=name, accepted=accepted).render("en")
        raise Refused(reason, BAD_ALG)
    hash_name, size = HASHES[oid]
    digest = data[hstart:hend]
    if len(digest) != size:
        reason = MESSAGES(
            "tsa.bad_digest_length", algorithm=hash_name, size=size, got=len(digest)
        ).render("en")
        raise Refused(reason, BAD_DATA_FORMAT)
    return Query(hash_name, digest)


def _der(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        return bytes([tag, n]) + value
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + value


def rejection(reason: str, fail_info: bytes) -> bytes:
    """A TimeStampResp with status ``rejection`` (2), the reason and the failure bit."""
    free_text = _der(0x30, _der(0x0C, reason.encode("utf-8")))
    status = _der(0x30, b"\x02\x01\x02" + free_text + fail_info)
    return _der(0x30, status)


# --- the authority ---------------------------------------------------------------------------

CONFIG = """\
[ tsa ]
default_tsa = school
[ school ]
serial = {serial}
crypto_device = builtin
signer_cert = {cert}
signer_key = {key}
signer_digest = sha256
default_policy = {policy}
digests = sha256, sha384, sha512
accuracy = secs:1
clock_precision_digits = 0
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


class TimeStampAuthority:
    """The school's authority, from the TSA certificate and key in ``keys_dir``."""

    def __init__(self, keys_dir: Path) -> None:
        self.keys_dir = keys_dir
        self.cert = keys_dir / TSA_CERT
        self.key = keys_dir / TSA_KEY
        if not self.cert.exists() or not self.key.exists():
            raise SetupError(MESSAGES("tsa.no_certificate", path=self.cert))
        self.openssl = shutil.which("openssl")
        if self.openssl is None:
            raise SetupError(MESSAGES("tsa.no_openssl"))
        self.serial = keys_dir / "school-tsa.serial"
        self.config = keys_dir / "school-tsa.cnf"
        write_atomic(
            self.config,
            CONFIG.format(serial=self.serial, cert=self.cert, key=self.key, policy=POLICY_OID),
        )
        self._lock = threading.Lock()

    def reply(self, query: bytes) -> bytes:
        """The DER TimeStampResp for ``query``: a time-stamp token, or a rejection that says
        why (raised as :class:`Refused` for the caller to send with an HTTP error)."""
        if len(query) > MAX_QUERY_BYTES:
            raise Refused(MESSAGES("tsa.too_large").render("en"), BAD_REQUEST)
        parse_query(query)
        # The serial file is read and rewritten by each reply: one at a time, across
        # threads (the lock) and processes (flock on the file).
        with self._lock, open(self.keys_dir / "school-tsa.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with tempfile.TemporaryDirectory(prefix="artcharter-tsa-") as tmp:
                query_path, reply_path = Path(tmp) / "query.tsq", Path(tmp) / "reply.tsr"
                query_path.write_bytes(query)
                done = subprocess.run(
                    [
                        str(self.openssl),
                        "ts",
                        "-reply",
                        "-config",
                        str(self.config),
                        "-queryfile",
                        str(query_path),
                        "-out",
                        str(reply_path),
                    ],
                    capture_output=True,
                    timeout=30,
                    check=False,
                )
                if done.returncode != 0 or not reply_path.exists():
                    error = " ".join(done.stderr.decode(errors="replace").split())[:300]
                    raise BadInput(MESSAGES("tsa.openssl_failed", error=error or "?"))
                return reply_path.read_bytes()
