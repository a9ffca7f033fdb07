"""The second trust tier: the C2PA trust list and the C2PA TSA trust list.

The school's anchors say "trusted by your school"; the C2PA Conformance Program's public
lists (c2pa-org/conformance-public, ``trust-list/``) say which products' certificates
conform: a camera or an editor a student's source image comes from. The two tiers are kept
apart everywhere: c2pa checks each one in its own pass (``verify``), so a school anchor is
never reported as the list, nor the list as the school.

artcharter ships the lists as dated package data (``trust_lists/``, with their source in
``source.json``). A project replaces them offline with ``artcharter trust update FILE``:
the bundle is checked and written atomically into the project's ``trust/`` folder, which
then wins over the packaged lists. Verification carries each list in the anchors tuple as
one text that starts with a tier line (``tagged``), so every caller that passes a project's
anchors passes both tiers, and worker processes receive them as plain strings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput
from artcharter.base.files import write_atomic
from artcharter.provenance.messages import MESSAGES

if TYPE_CHECKING:  # imported where certificates are read: verification starts without it
    from cryptography import x509

C2PA = "c2pa"  # the C2PA trust list: signing certificates of conforming products
TSA = "tsa"  # the C2PA TSA trust list: time-stamp authorities
KINDS = (C2PA, TSA)
FILES = {C2PA: "C2PA-TRUST-LIST.pem", TSA: "C2PA-TSA-TRUST-LIST.pem"}
SOURCE_FILE = "source.json"
# Each list's name, as the C2PA Conformance Program gives it.
NAMES = {C2PA: "C2PA Trust List", TSA: "C2PA TSA Trust List"}
# The project's folder for lists installed with `artcharter trust update`.
PROJECT_DIR = "trust"
# The first line of an anchor text that carries a list rather than a school anchor.
TIER_LINE = "artcharter-trust-tier: "


@dataclass(frozen=True)
class TrustList:
    """One list: its certificates (PEM text), and where and when it comes from."""

    kind: str
    pem: str
    date: str  # the list's issue date (YYYY-MM-DD) or the day it was installed
    source: str
    commit: str | None = None

    def tagged(self) -> str:
        """The list as one anchor text: a tier line with its metadata, then the bundle."""
        meta = json.dumps({"kind": self.kind, "date": self.date, "source": self.source})
        return f"{TIER_LINE}{meta}\n{self.pem}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date,
            "source": self.source,
            "commit": self.commit,
            "certificates": len(certificates(self.pem)),
        }


def certificates(pem: str) -> list[x509.Certificate]:
    """The certificates of a PEM bundle; text around them (``Subject ...`` lines) is allowed."""
    from cryptography import x509

    return x509.load_pem_x509_certificates(pem.encode("ascii"))


def check_bundle(data: bytes, name: str) -> str:
    """The bundle as text when it is a PEM bundle of CA certificates; else a bad input."""
    from cryptography import x509

    try:
        pem = data.decode("ascii")
        certs = certificates(pem)
    except (UnicodeDecodeError, ValueError):
        raise BadInput(MESSAGES("trust_list.not_pem", path=name)) from None
    for cert in certs:
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        if not is_ca:
            subject = cert.subject.rfc4514_string()
            raise BadInput(MESSAGES("trust_list.not_ca", path=name, subject=subject))
    return pem


def _packaged() -> dict[str, TrustList]:
    folder = resources.files("artcharter.provenance") / "trust_lists"
    meta = json.loads((folder / SOURCE_FILE).read_text(encoding="utf-8"))
    return {
        kind: TrustList(
            kind,
            (folder / FILES[kind]).read_text(encoding="ascii"),
            meta[kind]["date"],
            meta[kind]["source"],
            meta[kind].get("commit"),
        )
        for kind in KINDS
    }


def installed(project_root: Path | None) -> dict[str, TrustList]:
    """The lists in effect: the project's (``trust/``) where installed, else the packaged."""
    lists = _packaged()
    if project_root is None:
        return lists
    folder = project_root / PROJECT_DIR
    meta_path = folder / SOURCE_FILE
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return lists
    except (OSError, ValueError):
        raise BadInput(MESSAGES("trust_list.bad_source", path=meta_path)) from None
    for kind in KINDS:
        entry = meta.get(kind) if isinstance(meta, dict) else None
        path = folder / FILES[kind]
        if not isinstance(entry, dict) or not path.is_file():
            continue
        pem = check_bundle(path.read_bytes(), str(path))
        lists[kind] = TrustList(
            kind, pem, str(entry.get("date")), str(entry.get("source")), entry.get("commit")
        )
    return lists


def update(
    project_root: Path,
    file: Path,
    kind: str = C2PA,
    *,
    date: str | None = None,
    source: str | None = None,
) -> TrustList:
    """Install the PEM bundle ``file`` as the project's list of ``kind``, offline.

    The bundle is checked first (PEM, CA certificates only); then the bundle and the
    metadata are each written atomically into ``trust/``: a bad file changes nothing.
    ``date`` is the list's date (default: today), ``source`` where it comes from (default:
    the file's name)."""
    if kind not in KINDS:
        raise BadInput(MESSAGES("trust_list.unknown_kind", kind=kind, choices=", ".join(KINDS)))
    if date is not None:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise BadInput(MESSAGES("trust_list.bad_date", date=date)) from None
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise BadInput(MESSAGES("trust_list.missing", path=file)) from None
    except OSError as exc:
        raise BadInput(
            MESSAGES("trust_list.cannot_read", path=file, reason=exc.strerror or exc)
        ) from None
    pem = check_bundle(data, str(file))
    folder = project_root / PROJECT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / SOURCE_FILE
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    new = TrustList(
        kind, pem, date or dt.date.today().isoformat(), source or file.name, commit=None
    )
    meta[kind] = {"file": FILES[kind], "date": new.date, "source": new.source}
    write_atomic(folder / FILES[kind], pem.encode("ascii"))
    write_atomic(meta_path, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return new


# A trust list is a few dozen certificates (about 60 KB in 2026): far below this.
MAX_FETCH_BYTES = 4 * 1024 * 1024
FETCH_TIMEOUT_S = 20.0


def fetch(project_root: Path, url: str, kind: str = C2PA) -> TrustList:
    """Fetch a list from ``url`` (http or https) and install it as ``update`` does; only
    the desk calls this, and only when the project's ``[trust]`` names a URL. Any failure
    is a bad input naming the URL, and leaves the installed list in place."""
    import tempfile
    import urllib.request

    if not url.startswith(("http://", "https://")):
        raise BadInput(MESSAGES("trust_list.fetch_failed", url=url, reason="not http(s)"))
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_S) as response:
            data = response.read(MAX_FETCH_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise BadInput(MESSAGES("trust_list.fetch_failed", url=url, reason=exc)) from None
    if len(data) > MAX_FETCH_BYTES:
        raise BadInput(MESSAGES("trust_list.fetch_failed", url=url, reason="too large"))
    check_bundle(data, url)
    with tempfile.TemporaryDirectory() as folder:
        staged = Path(folder) / FILES[kind]
        staged.write_bytes(data)
        return update(project_root, staged, kind, source=url)


def split(anchors: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, TrustList]]:
    """The school's anchors, and the lists carried among ``anchors`` by kind."""
    school, lists = [], {}
    for anchor in anchors:
        if anchor.startswith(TIER_LINE):
            found = _untag(anchor)
            lists[found.kind] = found
        else:
            school.append(anchor)
    return tuple(school), lists


@lru_cache(maxsize=8)
def _untag(anchor: str) -> TrustList:
    head, pem = anchor.split("\n", 1)
    meta = json.loads(head[len(TIER_LINE) :])
    return TrustList(meta["kind"], pem, meta["date"], meta["source"])


def anchor_organisation(pem: str, issuer: dict[str, Any]) -> str | None:
    """The organisation (``O=``) of the listed certificate that issued a signer's
    certificate, found by the issuer's name as c2pa reports it (``{"O": ..., "CN": ...}``);
    None when the issuer is not itself on the list (an intermediate below a listed CA)."""
    wanted = (issuer.get("CN"), issuer.get("O"))
    if wanted[0] is None:
        return None
    return _subjects(pem).get(wanted)


@lru_cache(maxsize=4)
def _subjects(pem: str) -> dict[tuple[str | None, str | None], str | None]:
    """Each listed certificate's (common name, organisation) -> organisation."""
    from cryptography import x509

    found = {}
    for cert in certificates(pem):
        names = [
            cert.subject.get_attributes_for_oid(oid)
            for oid in (x509.NameOID.COMMON_NAME, x509.NameOID.ORGANIZATION_NAME)
        ]
        cn, org = (str(n[0].value) if n else None for n in names)
        found[(cn, org)] = org
    return found
