"""Verification: one plain verdict per file, with the signer, the AI disclosure, the
ingredients and the raw C2PA codes. No network call unless ``allow_remote``.

Many files are verified by forked worker processes: c2pa-python reads through Python
stream callbacks that hold the GIL, so threads scale poorly (measured: 1.4x on 2 cores
against 1.7x for processes). Threads remain for callers that cannot fork (a server).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import io
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.base.messages import Joined, Message, render_text
from artcharter.base.names import same_name
from artcharter.provenance import (
    conformance,
    image_files,
    media_files,
    revocation,
    softbinding,
    trust_list,
    verdicts,
)
from artcharter.provenance.file_claims import file_claims
from artcharter.provenance.manifest import (
    disclosure_from_manifest,
    record_from_manifest,
    unattributed_labels,
)
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import STEPS_ROLE, ArtworkRecord

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ThreadPoolExecutor


@dataclass
class Verification:
    path: str
    verdict: str
    sha256: str | None = None
    validation_state: str | None = None
    signer: dict[str, Any] = field(default_factory=dict)
    disclosure: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    ingredients: list[dict[str, Any]] = field(default_factory=list)
    record: dict[str, Any] | None = None
    codes: dict[str, list[str]] = field(default_factory=dict)
    # A name the file's record or declaration gives as the author that is not the signing
    # certificate's subject: an unverified claim, shown beside the signer, never in its place.
    claimed_author: dict[str, Any] | None = None
    # Labels of gathered assertions: not attributed to the signer, so ignored (C2PA 2.2
    # §10.2.2); nothing shown comes from them.
    unattributed: list[str] = field(default_factory=list)
    # The artcharter generation record this labelled copy was made from, read from the
    # manifests carried in the file's own bytes, and the name of that manifest's signer.
    origin: dict[str, Any] | None = None
    origin_signer: str | None = None
    # How the C2PA Conformance Program's signals rubric classifies the file (fullyGenAIMedia,
    # partlyGenAICreation...: artcharter.provenance.conformance.Signal.to_dict), read only from
    # the created assertions of a file whose signature holds; None for any other file.
    c2pa_signal: dict[str, Any] | None = None
    # The signature's RFC 3161 time-stamp: {"time": ISO 8601, "trusted": bool}; empty
    # when the file was not time-stamped (then valid only while its certificate is).
    time_stamp: dict[str, Any] = field(default_factory=dict)
    # Which tier trusts the signer, for a trusted verdict: {"tier": "school",
    # "organisation"} or {"tier": "c2pa-list", "organisation": the listed CA's O= (None
    # when the issuer is below a listed CA), "date", "source"}; None otherwise.
    trusted_by: dict[str, Any] | None = None
    # The signer's certificate on a trust anchor's revocation list: {"revoked_at",
    # "reason", "signed_before": whether a trusted time-stamp predates the revocation}.
    revocation: dict[str, Any] | None = None
    # For a file without a valid credential: what its metadata claims, unverified
    # (artcharter.provenance.file_claims), shown as "what the file says, not verified".
    file_claims: list[dict[str, str]] = field(default_factory=list)
    # For a file with no credential: its ISCC fingerprint, and the signed originals it
    # probably comes from (artcharter.provenance.recovery) - never a verification.
    fingerprint: str | None = None
    probable_matches: list[dict[str, Any]] = field(default_factory=list)
    lookup_errors: list[str] = field(default_factory=list)
    # Why the file could not be verified: our own message (rendered in the reader's
    # language by to_dict and the doors) or c2pa's words, kept as they are for experts.
    error: Message | str | None = None
    # What the bytes are (read from them, not from the credentials): png, mp4, wav, pdf...
    # and the kind of work, image / video / sound / document.
    format: str | None = None
    kind: str = "image"
    # The claim thumbnail signed into the credentials, (mime, bytes), only when asked for
    # (reports show it without decoding the image); not part of the JSON form.
    thumbnail: tuple[str, bytes] | None = field(default=None, repr=False, compare=False)
    # The strip of denoising steps signed in as a process ingredient (``--show-steps``),
    # (mime, bytes), asked for with the thumbnail; not part of the JSON form either.
    steps_strip: tuple[str, bytes] | None = field(default=None, repr=False, compare=False)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        # Shallow: the nested values are plain JSON already (no deep copy, unlike asdict).
        data = {name: getattr(self, name) for name in _JSON_FIELDS}
        data["signer"] = dict(self.signer)
        data["disclosure"] = dict(self.disclosure)
        data["ingredients"] = [dict(i) for i in self.ingredients]
        data["codes"] = {kind: list(codes) for kind, codes in self.codes.items()}
        data["error"] = render_text(self.error, lang or "en")
        langs = [lang] if lang else ["fr", "en"]
        data["explanation"] = {code: verdicts.explanation(self.verdict, code) for code in langs}
        data["verdict_title"] = {code: verdicts.title(self.verdict, code) for code in langs}
        data["trusted_by_text"] = (
            {code: trusted_by_text(self.trusted_by, code) for code in langs}
            if self.trusted_by
            else None
        )
        data["ingredient_notes"] = [
            {code: note.render(code) for code in langs} for note in ingredient_notes(self)
        ]
        data["c2pa_signal_text"] = [
            {code: line.render(code) for code in langs} for line in signal_lines(self)
        ]
        data["signature_notes"] = [
            {code: note.render(code) for code in langs} for note in signature_notes(self)
        ]
        return data

    @property
    def claimed_artwork_id(self) -> str | None:
        """The artwork id the file's record states, whoever signed it."""
        value = self.record.get("artwork_id") if self.record else None
        return value if isinstance(value, str) else None

    @property
    def artwork_id(self) -> str | None:
        """The artwork id as a key into the ledger: only when a trusted signature vouches
        for it (the ledger also checks that the row's artist is this signer)."""
        return self.claimed_artwork_id if self.verdict == verdicts.TRUSTED else None

    @property
    def vouched(self) -> bool:
        """Whether the signature holds (trusted or valid): the signer's name is then the
        certificate's, and the signed statements are the signer's."""
        return self.verdict in verdicts.VOUCHED

    @property
    def artist(self) -> dict[str, Any]:
        """Who made the work, as anything shows it: the signing certificate's subject for a
        trusted or valid file, nobody otherwise (a claim is ``claimed_author``)."""
        if not self.vouched or not self.signer.get("name"):
            return {"name": None, "organisation": None}
        return {"name": self.signer.get("name"), "organisation": self.signer.get("organisation")}


_JSON_FIELDS = tuple(
    f.name for f in fields(Verification) if f.name not in ("thumbnail", "steps_strip")
)


def trust_settings(anchors: tuple[str, ...], allow_remote: bool) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "verify": {
            "verify_trust": True,
            "remote_manifest_fetch": allow_remote,
            "ocsp_fetch": False,
        }
    }
    if anchors:
        settings["trust"] = {"user_anchors": "\n".join(anchors)}
    return settings


SCHOOL = "school"
C2PA_LIST = "c2pa-list"
TSA_LIST = "c2pa-tsa-list"
# A context only (never a tier anyone reads): the C2PA trust list alone, with the
# certificate checked at the time its time-stamp gives, whoever stamped it. What it says of
# the time-stamp's trust is never taken: another pass must trust that very time-stamp.
C2PA_LIST_AT_STAMP = "c2pa-list-at-stamp"
EXPIRED_CODE = "signingCredential.expired"


@lru_cache(maxsize=8)
def _context(anchors: tuple[str, ...], allow_remote: bool, tier: str = SCHOOL) -> Any:
    """c2pa's context for one trust tier: the school's anchors, or the C2PA trust list
    alone. Each tier is checked in its own pass, so neither can lend its trust to the other."""
    import c2pa

    school, lists = trust_list.split(anchors)
    if tier == SCHOOL:
        settings = trust_settings(revocation.certificates_only(school), allow_remote)
    else:
        kind = trust_list.TSA if tier == TSA_LIST else trust_list.C2PA
        settings = trust_settings((), allow_remote)
        settings["trust"] = {"trust_anchors": lists[kind].pem}
        if tier == C2PA_LIST_AT_STAMP:
            settings["verify"]["verify_timestamp_trust"] = False
    return c2pa.Context(c2pa.Settings.from_dict(settings))


# A native context inherited through fork() is not usable in the child: build a new one.
os.register_at_fork(after_in_child=_context.cache_clear)


def read_anchors(paths: Iterable[Path]) -> tuple[str, ...]:
    """PEM text of each trust anchor file, followed by its revocation list when one lies
    beside it (``NAME.crl``, signed by the anchor); a missing or non-PEM file is a bad
    input."""
    anchors = []
    for path in paths:
        try:
            text = path.read_text(encoding="ascii")
        except FileNotFoundError:
            raise BadInput(MESSAGES("verify.no_anchor", path=path)) from None
        except (OSError, UnicodeDecodeError):
            raise BadInput(MESSAGES("verify.anchor_not_pem", path=path)) from None
        if "-----BEGIN CERTIFICATE-----" not in text:
            raise BadInput(MESSAGES("verify.anchor_not_pem", path=path))
        anchors.append(revocation.anchor_with_crl(text, path))
    return tuple(anchors)


def verify_bytes(
    data: bytes,
    name: str,
    anchors: tuple[str, ...] = (),
    allow_remote: bool = False,
    thumbnail: bool = False,
) -> Verification:
    """Verify one file given as bytes. Never raises for a bad file: it gets a verdict.

    The bytes are handed to c2pa as an in-memory stream: c2pa-python 0.38 reads a path
    through the same Python callbacks (it opens the file itself), so this costs nothing
    more, and the bytes are needed anyway for the file's SHA-256. The hash is computed
    here: handing it to a thread cost more than hashing (about 0.3 ms for 0.4 MB) on a
    busy machine.
    """
    fmt = media_files.detect_work(data)
    result = _verify(io.BytesIO(data), fmt, data, name, anchors, allow_remote, thumbnail)
    if result.verdict not in (*verdicts.VOUCHED, verdicts.UNREADABLE):
        result.file_claims = [claim.to_dict() for claim in file_claims(data)]
    if result.verdict == verdicts.NO_CREDENTIAL and result.kind == media_files.IMAGE:
        # A file Pillow cannot read as a picture has nothing to look up.
        with contextlib.suppress(BadInput):
            result.fingerprint = softbinding.fingerprint(data)
    result.sha256 = sha256_hex(data)
    return result


def _verify_media_file(
    handle: BinaryIO,
    path: Path,
    fmt: str,
    anchors: tuple[str, ...],
    allow_remote: bool,
    thumbnail: bool,
) -> Verification:
    """A video, sound or document verified from the disk as a stream: c2pa reads what it
    needs, the SHA-256 is read on another thread, and the file is never whole in memory.

    Both read the one open file, the one ``verify_file`` checked (the hash by offset, never
    moving c2pa's position): a file renamed over the path meanwhile cannot be verified
    under one name and hashed under another, nor turn into a FIFO that blocks."""
    handle.seek(0)
    with io.BufferedReader(handle) as stream:  # type: ignore[arg-type]
        digest = _hasher().submit(media_files.sha256_fd, stream.fileno())
        try:
            result = _verify(stream, fmt, path, str(path), anchors, allow_remote, thumbnail)
        finally:
            sha256 = digest.result()
    result.sha256 = sha256
    return result


_HASHER: list[ThreadPoolExecutor] = []


def _hasher() -> ThreadPoolExecutor:
    """One thread that reads and hashes a large media file while c2pa reads it."""
    if not _HASHER:
        from concurrent.futures import ThreadPoolExecutor

        _HASHER.append(ThreadPoolExecutor(1, thread_name_prefix="artcharter-sha256"))
    return _HASHER[0]


# A forked child has no copy of the hashing thread: it must start its own.
os.register_at_fork(after_in_child=_HASHER.clear)


def _verify(
    stream: BinaryIO,
    fmt: str | None,
    source: bytes | Path,
    name: str,
    anchors: tuple[str, ...],
    allow_remote: bool,
    thumbnail: bool,
) -> Verification:
    import c2pa

    if fmt is None:
        return Verification(name, verdicts.UNREADABLE, error=MESSAGES("verify.not_an_image"))
    kind = media_files.kind_of(fmt)
    try:
        context = _context(anchors, allow_remote)
        reader = c2pa.Reader(media_files.mime_of(fmt), stream, context=context)
    except c2pa.C2paError.ManifestNotFound:
        return _without_manifest(source, fmt, name, verdicts.NO_CREDENTIAL, None)
    except c2pa.C2paError.RemoteManifest as exc:
        return Verification(
            name, verdicts.REMOTE_NOT_FETCHED, error=_line(exc), format=fmt, kind=kind
        )
    except c2pa.C2paError as exc:
        # c2pa-rs reports "Remote: must fetch remote manifests from url ..." with an error
        # type c2pa-python does not map to RemoteManifest: it is not an invalid credential.
        if str(exc).startswith("Remote"):
            return Verification(
                name, verdicts.REMOTE_NOT_FETCHED, error=_line(exc), format=fmt, kind=kind
            )
        unsupported = unsupported_reason(_line(exc))
        if unsupported is not None:
            return Verification(name, verdicts.UNREADABLE, error=unsupported, format=fmt, kind=kind)
        if not _may_hold_manifest_store(stream, fmt):
            # c2pa could not read the container, and no manifest store is in it: a damaged
            # file, not credentials whose signature fails ("invalid" would say it has some).
            damaged = MESSAGES("media.damaged", name=name, fmt=fmt.upper(), error=_line(exc))
            return Verification(name, verdicts.UNREADABLE, error=damaged, format=fmt, kind=kind)
        return _without_manifest(source, fmt, name, verdicts.INVALID, _line(exc))
    with reader:
        if not reader.is_embedded() and not allow_remote:
            return Verification(
                name,
                verdicts.REMOTE_NOT_FETCHED,
                error=reader.get_remote_url(),
                format=fmt,
                kind=kind,
            )
        result = _from_reader(reader, name, thumbnail, anchors)
    if _wants_expired_pass(result, anchors):
        with contextlib.suppress(c2pa.C2paError):
            result = _expired_listed(stream, fmt, result, name, anchors, thumbnail)
    # The passes of the C2PA lists never fetch: a remote manifest is fetched once, by the
    # school's pass (asked for with allow_remote), and judged by the school's tier only.
    if _wants_list_pass(result, anchors):
        with contextlib.suppress(c2pa.C2paError):
            stream.seek(0)
            listed = c2pa.Reader(
                media_files.mime_of(fmt), stream, context=_context(anchors, False, C2PA_LIST)
            )
            with listed:
                _apply_list_tier(result, listed, trust_list.split(anchors)[1][trust_list.C2PA])
    tsa = trust_list.split(anchors)[1].get(trust_list.TSA)
    if tsa is not None and result.verdict in VOUCHED and result.time_stamp.get("trusted") is False:
        # A time-stamp no anchor of the first passes trusts: read once more with the TSA
        # list alone, and take from that pass the time-stamp's trust only (never the
        # signer's: the TSA list says who may stamp times, not who may sign works).
        with contextlib.suppress(c2pa.C2paError):
            stream.seek(0)
            stamped = c2pa.Reader(
                media_files.mime_of(fmt), stream, context=_context(anchors, False, TSA_LIST)
            )
            with stamped:
                if "timeStamp.trusted" in _success_codes(stamped):
                    result.time_stamp = {
                        **result.time_stamp,
                        "trusted": True,
                        "trusted_by": {"tier": TSA_LIST, "date": tsa.date, "source": tsa.source},
                    }
    result.format, result.kind = fmt, kind
    return result


def _success_codes(reader: Any) -> list[str]:
    active = (reader.get_validation_results() or {}).get("activeManifest") or {}
    return [item.get("code", "") for item in active.get("success") or []]


def _wants_list_pass(result: Verification, anchors: tuple[str, ...]) -> bool:
    """Whether the C2PA trust list may trust what the school does not: the signer of a
    valid file, or an ingredient's signer."""
    if trust_list.C2PA not in trust_list.split(anchors)[1]:
        return False
    untrusted = [i for i in result.ingredients if i.get("verdict") == verdicts.VALID_UNTRUSTED]
    return result.verdict == verdicts.VALID_UNTRUSTED or bool(untrusted)


def _wants_expired_pass(result: Verification, anchors: tuple[str, ...]) -> bool:
    """Whether a signature may hold for the C2PA lists although c2pa read the signer's
    certificate as expired: nothing else fails, and a time-stamp says when it signed."""
    if trust_list.C2PA not in trust_list.split(anchors)[1]:
        return False
    failures = set(result.codes.get("failure") or [])
    return (
        result.verdict == verdicts.INVALID
        and EXPIRED_CODE in failures
        and failures <= {EXPIRED_CODE, verdicts.UNTRUSTED_CODE}
        and bool(result.time_stamp)
        and result.error is None
    )


def _expired_listed(
    stream: BinaryIO,
    fmt: str,
    result: Verification,
    name: str,
    anchors: tuple[str, ...],
    thumbnail: bool,
) -> Verification:
    """A listed product's expired certificate, kept valid by a trusted time-stamp (C2PA:
    a trusted time-stamp proves the signature was made while the certificate was valid).

    c2pa-rs has one set of anchors for signers and time-stamp authorities, so the two
    facts are read apart and never from a mixed set: (1) the C2PA trust list alone, the
    certificate checked at the time-stamp's time, trusts the signer; (2) that time-stamp,
    the same time, is trusted by the C2PA TSA trust list alone (or by the C2PA trust list).
    A root only on the TSA list never takes part in (1), so it never makes a signer read
    listed. Anything short of both leaves ``result`` (invalid) as it is."""
    import c2pa

    lists = trust_list.split(anchors)[1]
    mime = media_files.mime_of(fmt)
    stream.seek(0)
    with c2pa.Reader(mime, stream, context=_context(anchors, False, C2PA_LIST_AT_STAMP)) as at:
        listed = _from_reader(at, name, thumbnail, anchors)
        if listed.verdict != verdicts.TRUSTED or listed.revocation is not None:
            return result
        issuers = _issuers(at)
        label = (at.get_active_manifest() or {}).get("label")
    time = result.time_stamp.get("time")
    if listed.time_stamp.get("time") != time:
        return result
    stamp_by: dict[str, Any] | None = None
    tier = _list_tier(issuers, label, lists[trust_list.C2PA])
    for context, by in (
        (TSA_LIST, lists.get(trust_list.TSA)),
        (C2PA_LIST, lists[trust_list.C2PA]),
    ):
        if by is None:
            continue
        stream.seek(0)
        with c2pa.Reader(mime, stream, context=_context(anchors, False, context)) as stamped:
            info = (stamped.get_active_manifest() or {}).get("signature_info") or {}
            if "timeStamp.trusted" in _success_codes(stamped) and str(info.get("time")) == time:
                stamp_by = (
                    {"tier": TSA_LIST, "date": by.date, "source": by.source}
                    if context == TSA_LIST
                    else tier
                )
                break
    if stamp_by is None:
        return result
    listed.verdict = verdicts.TRUSTED_C2PA_LIST
    listed.trusted_by = tier
    listed.time_stamp = {"time": time, "trusted": True, "trusted_by": stamp_by}
    # Each ingredient as the school judges it; the list's own pass may then add its tier.
    listed.ingredients = result.ingredients
    return listed


def _issuers(reader: Any) -> dict[str | None, Any]:
    """Each manifest's signer's issuer as c2pa's crJSON names it, by manifest label."""
    import json

    try:
        return {
            m.get("label"): ((m.get("signature") or {}).get("certificateInfo") or {}).get("issuer")
            for m in json.loads(reader.crjson()).get("manifests") or []
            if isinstance(m, dict)
        }
    except (ValueError, AttributeError):
        return {}


def _list_tier(
    issuers: dict[str | None, Any], label: str | None, listed: trust_list.TrustList
) -> dict[str, Any]:
    """The C2PA list's tier for the signer of manifest ``label``: the organisation of the
    listed certificate that issued it (None below an unlisted intermediate)."""
    issuer = issuers.get(label)
    organisation = (
        trust_list.anchor_organisation(listed.pem, issuer) if isinstance(issuer, dict) else None
    )
    return {
        "tier": C2PA_LIST,
        "organisation": organisation,
        "date": listed.date,
        "source": listed.source,
    }


def _apply_list_tier(result: Verification, reader: Any, listed: trust_list.TrustList) -> None:
    """The second pass, with the C2PA trust list alone: a signer it trusts reads
    trusted by the list; so does an ingredient's signer, as evidence for that ingredient."""
    state = reader.get_validation_state()
    results = reader.get_validation_results() or {}
    issuers = _issuers(reader)

    def tier(label: str | None) -> dict[str, Any]:
        return _list_tier(issuers, label, listed)

    manifest = reader.get_active_manifest() or {}
    active = results.get("activeManifest") or {}
    failures = [item.get("code", "") for item in active.get("failure", [])]
    failures += [item.get("code", "") for item in (results.get("failure") or [])]
    if (
        result.verdict == verdicts.VALID_UNTRUSTED
        and verdicts.classify(state, failures) == verdicts.TRUSTED
        and result.revocation is None
    ):
        result.verdict = verdicts.TRUSTED_C2PA_LIST
        result.trusted_by = tier(manifest.get("label"))
        result.codes["failure"] = [
            c for c in result.codes["failure"] if c != verdicts.UNTRUSTED_CODE
        ]
        result.codes["success"].append("signingCredential.trusted")
        stamp = result.time_stamp
        if stamp and not stamp.get("trusted") and "timeStamp.trusted" in _success_codes(reader):
            result.time_stamp = {**stamp, "trusted": True, "trusted_by": result.trusted_by}
    deltas = _ingredient_deltas(results)
    for ingredient, checked in zip(
        result.ingredients, ingredient_checks(manifest, deltas, reader), strict=False
    ):
        if (
            ingredient.get("verdict") == verdicts.VALID_UNTRUSTED
            and checked is not None
            and checked["verdict"] == verdicts.TRUSTED
        ):
            ingredient["verdict"] = verdicts.TRUSTED_C2PA_LIST
            ingredient["trusted_by"] = tier(checked.get("manifest"))
            ingredient["codes"] = [c for c in ingredient["codes"] if c != verdicts.UNTRUSTED_CODE]


def _ingredient_deltas(results: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """c2pa's validation deltas per ingredient assertion (its URI): what changed since
    the work was signed, as read now with this reader's trust."""
    found: dict[str, dict[str, list[str]]] = {}
    for entry in results.get("ingredientDeltas") or []:
        if not isinstance(entry, dict):
            continue
        deltas = entry.get("validationDeltas")
        found[str(entry.get("ingredientAssertionURI"))] = {
            kind: _codes(deltas, kind) for kind in ("success", "informational", "failure")
        }
    return found


def _codes(results: Any, kind: str) -> list[str]:
    """The status codes of one kind in a validation results object, whatever its shape (an
    ingredient's recorded results come from the file, written by anyone)."""
    items = results.get(kind) if isinstance(results, dict) else None
    if not isinstance(items, list):
        return []
    return [str(item.get("code", "")) for item in items if isinstance(item, dict)]


def _legacy_failures(status: Any) -> list[str]:
    """The failure codes of an ingredient's recorded status list (C2PA 1.x): every code
    that is not a success or informational one (an entry's deprecated ``success`` flag is
    not read: a failure code stays a failure)."""
    if not isinstance(status, list):
        return []
    codes = [str(entry.get("code", "")) for entry in status if isinstance(entry, dict)]
    return [code for code in codes if code not in verdicts.NOT_FAILURE_CODES]


def ingredient_checks(
    manifest: dict[str, Any], deltas: dict[str, dict[str, list[str]]], reader: Any = None
) -> list[dict[str, Any] | None]:
    """Each ingredient's own credentials, checked (pure but for the signer's name): its
    verdict from what c2pa recorded when the work was signed, updated by what c2pa finds
    now (the deltas: trust as the reader sees it, a manifest changed since); None for an
    ingredient without credentials. Same order as ``manifest["ingredients"]``."""
    checks: list[dict[str, Any] | None] = []
    prefix = f"/{manifest.get('label')}/c2pa.assertions/"
    for ingredient in manifest.get("ingredients") or []:
        if not isinstance(ingredient, dict) or not isinstance(
            ingredient.get("active_manifest"), str
        ):
            checks.append(None)
            continue
        results = ingredient.get("validation_results")
        recorded = results.get("activeManifest") if isinstance(results, dict) else None
        # An ingredient v3 records validation results; one of a C2PA 1.x claim (v1, v2), a
        # status list, whose failures c2pa does not report again (its deltas check the
        # ingredient's manifest hash and signer, not its signature). Both are read.
        recorded_failures = _codes(recorded, "failure")
        recorded_failures += _legacy_failures(ingredient.get("validation_status"))
        failures = list(dict.fromkeys(recorded_failures))
        successes = _codes(recorded, "success")
        delta = next(
            (d for uri, d in deltas.items() if uri.endswith(prefix + str(ingredient.get("label")))),
            {"success": [], "failure": []},
        )
        if "signingCredential.trusted" in delta["success"]:
            failures = [c for c in failures if c != verdicts.UNTRUSTED_CODE]
        successes += delta["success"]
        if verdicts.UNTRUSTED_CODE in delta["failure"]:
            successes = [c for c in successes if c != "signingCredential.trusted"]
        changed = [c for c in delta["failure"] if c != verdicts.UNTRUSTED_CODE]
        failures = list(dict.fromkeys(failures + delta["failure"]))
        # Any failure but the signer's trust (or a CAWG identity code, judged apart) leaves
        # the ingredient's own credentials invalid, whether or not verdicts lists the code.
        broken = any(c != verdicts.UNTRUSTED_CODE and not c.startswith("cawg.") for c in failures)
        trusted = "signingCredential.trusted" in successes
        state = "Invalid" if broken else "Trusted" if trusted else "Valid"
        verdict = verdicts.INVALID if changed else verdicts.classify(state, failures)
        label = ingredient["active_manifest"]
        checks.append(
            {
                "verdict": verdict,
                "codes": failures,
                "changed": changed,
                "manifest": label,
                "signer": _signer_of(reader, label),
            }
        )
    return checks


def _signer_of(reader: Any, label: str) -> str | None:
    import c2pa

    if reader is None:
        return None
    try:
        info = (reader.get_manifest(label) or {}).get("signature_info") or {}
    except (c2pa.C2paError, KeyError, ValueError):
        return None
    name = info.get("common_name") if isinstance(info, dict) else None
    return str(name) if name else None


def unsupported_reason(error: str) -> Message | None:
    """Why c2pa-rs could not read a manifest it does not support, in words, or None when
    ``error`` says something else (a broken file or signature)."""
    lowered = error.lower()
    if "prerelease" in lowered or "pre-release" in lowered:
        return MESSAGES("verify.prerelease", error=error)
    if "unknown algorithm" in lowered or "unsupported algorithm" in lowered:
        return MESSAGES("verify.unsupported_algorithm", error=error)
    return None


def _line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# A C2PA manifest store is a JUMBF superbox whose description box holds this UUID ("c2pa"
# and the ISO suffix: C2PA 2.2, "Manifest Store"). These containers embed the store as it
# is, so its bytes show wherever it lies; a PDF or an EPUB may compress it.
C2PA_STORE_UUID = bytes.fromhex("6332706100110010800000aa00389b71")
PLAIN_STORE_FORMATS = frozenset({"png", "jpeg", "webp", "mp4", "mov", "m4a", "wav", "mp3", "flac"})


def _may_hold_manifest_store(stream: BinaryIO, fmt: str) -> bool:
    """False only when a file of a format that embeds the store as it is has none of its
    bytes anywhere (read from ``stream``, the one open file, a mebibyte at a time)."""
    if fmt not in PLAIN_STORE_FORMATS:
        return True
    stream.seek(0)
    overlap = len(C2PA_STORE_UUID) - 1
    tail = b""
    while block := stream.read(media_files.CHUNK):
        if C2PA_STORE_UUID in block or C2PA_STORE_UUID in tail + block[:overlap]:
            return True
        tail = block[-overlap:]
    return False


def _without_manifest(
    source: bytes | Path, fmt: str, name: str, verdict: str, error: Message | str | None
) -> Verification:
    """No readable manifest: a damaged file is unreadable, a whole one gets ``verdict``."""
    kind = media_files.kind_of(fmt)
    try:
        if kind == media_files.IMAGE:
            assert isinstance(source, bytes)
            image_files.check_image(source, name)
        else:
            from artcharter.provenance.media_previews import info

            info(source, fmt, name)
    except BadInput as exc:
        return Verification(name, verdicts.UNREADABLE, error=exc.message, format=fmt, kind=kind)
    return Verification(name, verdict, error=error, format=fmt, kind=kind)


def _steps_strip(reader: Any, manifest: dict[str, Any]) -> tuple[str, bytes] | None:
    """The thumbnail of the process ingredient that shows the denoising steps."""
    for ingredient in manifest.get("ingredients") or []:
        if isinstance(ingredient, dict) and ingredient.get("description") == STEPS_ROLE:
            return _claim_thumbnail(reader, ingredient)
    return None


def _claim_thumbnail(reader: Any, manifest: dict[str, Any]) -> tuple[str, bytes] | None:
    import c2pa

    ref = manifest.get("thumbnail") or {}
    if not isinstance(ref, dict) or not ref.get("identifier"):
        return None
    out = io.BytesIO()
    try:
        reader.resource_to_stream(ref["identifier"], out)
    except c2pa.C2paError:
        return None
    return str(ref.get("format") or "image/jpeg"), out.getvalue()


def _from_reader(
    reader: Any, name: str, thumbnail: bool = False, anchors: tuple[str, ...] = ()
) -> Verification:
    import c2pa

    state = reader.get_validation_state()
    results = reader.get_validation_results() or {}
    active = results.get("activeManifest") or {}
    codes = {
        kind: [item.get("code", "") for item in active.get(kind, [])]
        for kind in ("failure", "informational", "success")
    }
    # Errors outside the active manifest (the store itself) also count as failures.
    codes["failure"] += [item.get("code", "") for item in (results.get("failure") or [])]
    verdict = verdicts.classify(state, codes["failure"])
    error: Message | None = None
    if verdict == verdicts.UNREADABLE:  # an algorithm c2pa-rs does not support
        error = MESSAGES("verify.unsupported_algorithm", error=", ".join(codes["failure"]))
    try:
        manifest = reader.get_active_manifest() or {}
    except (KeyError, ValueError, c2pa.C2paError):
        # c2pa-rs names an active manifest it could not render (an assertion of the wrong
        # shape, written by hand): what it says cannot be shown, so it cannot be relied on.
        manifest = {}
        error = MESSAGES("verify.malformed_manifest")
        if verdict in (verdicts.TRUSTED, verdicts.VALID_UNTRUSTED):
            verdict = verdicts.INVALID
    checks = ingredient_checks(manifest, _ingredient_deltas(results), reader)
    changed = [
        (ingredient, check)
        for ingredient, check in zip(manifest.get("ingredients") or [], checks, strict=False)
        if check is not None and check["changed"]
    ]
    if changed and state == "Invalid" and verdict in VOUCHED:
        # c2pa reads the file as Invalid for an ingredient whose manifest changed since the
        # work was signed (nothing fails in the active manifest): follow it, and say why.
        ingredient, check = changed[0]
        verdict = verdicts.INVALID
        error = MESSAGES(
            "verify.ingredient_changed",
            title=str(ingredient.get("title") or "?"),
            codes=", ".join(check["changed"]),
        )
    info = manifest.get("signature_info") or {}
    stamp = _time_stamp(codes, info)
    revoked = revocation.lookup(anchors, info.get("issuer") or "", info.get("cert_serial_number"))
    revoked_dict = None
    if revoked is not None and verdict in (verdicts.TRUSTED, verdicts.VALID_UNTRUSTED):
        signed_before = bool(stamp.get("trusted")) and stamp["time"] < revoked.revoked_at
        revoked_dict = {
            "revoked_at": revoked.revoked_at,
            "reason": revoked.reason,
            "signed_before": signed_before,
        }
        if not signed_before:
            verdict = verdicts.INVALID
            codes["failure"].append("signingCredential.revoked")
            error = MESSAGES(
                "verify.revoked",
                date=revoked.revoked_at[:10],
                reason=MESSAGES(f"revocation.reason.{revoked.reason}"),
            )
    record = record_from_manifest(manifest)
    disclosure = disclosure_from_manifest(manifest)
    origin, origin_signer = None, None
    if record is not None and record.kind != "generated" and "c2pa.opened" in disclosure["actions"]:
        origin, origin_signer = _parent_generation(reader)
    signer_name = info.get("common_name") if verdict in VOUCHED else None
    return Verification(
        path=name,
        verdict=verdict,
        validation_state=state,
        signer={
            "name": info.get("common_name"),
            "organisation": info.get("issuer"),
            "algorithm": info.get("alg"),
            "serial": info.get("cert_serial_number"),
            "time": info.get("time"),
        },
        disclosure=disclosure,
        title=manifest.get("title"),
        ingredients=[
            _ingredient_entry(ing, check)
            for ing, check in zip(manifest.get("ingredients", []), checks, strict=False)
        ],
        trusted_by=(
            {"tier": SCHOOL, "organisation": info.get("issuer")}
            if verdict == verdicts.TRUSTED
            else None
        ),
        record=record.to_dict() if record else None,
        codes=codes,
        claimed_author=claimed_author(signer_name, record),
        unattributed=unattributed_labels(manifest),
        origin=origin.to_dict() if origin else None,
        origin_signer=origin_signer,
        c2pa_signal=_c2pa_signal(reader) if verdict in VOUCHED else None,
        time_stamp=stamp,
        revocation=revoked_dict,
        error=error,
        thumbnail=_claim_thumbnail(reader, manifest) if thumbnail else None,
        steps_strip=_steps_strip(reader, manifest) if thumbnail else None,
    )


VOUCHED = verdicts.VOUCHED


def _ingredient_entry(ingredient: dict[str, Any], check: dict[str, Any] | None) -> dict[str, Any]:
    """What is shown of one ingredient: its title and role, and, when it has credentials of
    its own, their verdict, failure codes, signer and (set by the list's pass) who trusts it."""
    entry = {k: ingredient.get(k) for k in ("title", "relationship", "format", "description")}
    if check is not None:
        entry["verdict"] = check["verdict"]
        entry["codes"] = list(check["codes"])
        entry["signer"] = check["signer"]
        entry["trusted_by"] = None
    return entry


def _c2pa_signal(reader: Any) -> dict[str, Any] | None:
    """The signals rubric's class of a file whose signature holds, from its crJSON."""
    import c2pa

    try:
        found = conformance.signal(json.loads(reader.crjson()))
    except (ValueError, c2pa.C2paError):
        return None
    return found.to_dict() if found else None


def signal_lines(result: Verification) -> list[Message]:
    """The standard C2PA signal beside artcharter's own words: the class, then the other
    signals; nothing for a file whose signature does not hold (nobody vouches for it)."""
    found = result.c2pa_signal
    if not result.vouched or not found:
        return []
    lines = []
    if found.get("inception"):
        key = "verify.c2pa_signal_parent" if found.get("from_parent") else "verify.c2pa_signal"
        lines.append(MESSAGES(key, signal=MESSAGES(f"signal.{found['inception']}")))
    others = [MESSAGES(f"signal.{name}") for name in found.get("others") or []]
    if others:
        joined = Joined(MESSAGES("verify.c2pa_signal_separator"), tuple(others))
        lines.append(MESSAGES("verify.c2pa_signal_others", signals=joined))
    return lines


def claimed_author(signer_name: str | None, record: ArtworkRecord | None) -> dict[str, Any] | None:
    """The author the record (or its declaration) names when it is not ``signer_name``,
    the subject of a certificate whose signature holds (None when it does not)."""
    if record is None:
        return None
    names = []
    if record.author is not None and record.author.name:
        names.append((record.author.name, record.author.organisation))
    if record.declaration is not None and record.declaration.artist:
        names.append((record.declaration.artist, None))
    for name, organisation in names:
        if not same_name(name, signer_name):
            return {"name": name, "organisation": organisation}
    return None


def _parent_generation(reader: Any) -> tuple[ArtworkRecord | None, str | None]:
    """The nearest artcharter generation among the manifests of this store (the bytes
    that were verified, never a file named by anyone), with its signer's name."""
    import json

    import c2pa

    try:
        store = json.loads(reader.json())
    except (c2pa.C2paError, ValueError):
        return None, None
    manifests = store.get("manifests") or {}
    label = store.get("active_manifest")
    seen: set[str] = set()
    while isinstance(label, str) and label in manifests and label not in seen:
        seen.add(label)
        manifest = manifests[label]
        if not isinstance(manifest, dict):
            break
        record = record_from_manifest(manifest)
        if record is not None and record.kind == "generated":
            info = manifest.get("signature_info") or {}
            return record, info.get("common_name") if isinstance(info, dict) else None
        parents = [
            i.get("active_manifest")
            for i in manifest.get("ingredients") or []
            if isinstance(i, dict) and i.get("relationship") == "parentOf"
        ]
        label = parents[0] if parents else None
    return None, None


def signature_notes(result: Verification) -> list[Message]:
    """What a person should know about the signature's time: signed while the certificate
    was valid (a trusted time-stamp), or not time-stamped; and, for a revoked certificate,
    that the work was signed before the revocation. The CLI, reports and desk show these."""
    notes: list[Message] = []
    if result.verdict not in (*verdicts.VOUCHED, verdicts.INVALID):
        return notes
    stamp = result.time_stamp
    by = stamp.get("trusted_by") or {}
    if stamp.get("trusted") and by.get("tier") in (C2PA_LIST, TSA_LIST):
        # Trusted by a C2PA list, not by the school: say which list, and of when.
        key = (
            "verify.time_stamped_tsa_list" if by["tier"] == TSA_LIST else "verify.time_stamped_list"
        )
        notes.append(MESSAGES(key, date=stamp["time"][:10], list_date=by.get("date") or "?"))
    elif stamp.get("trusted"):
        notes.append(MESSAGES("verify.time_stamped", date=stamp["time"][:10]))
    elif result.verdict != verdicts.INVALID:
        notes.append(MESSAGES("verify.not_time_stamped"))
    revoked = result.revocation
    if revoked and revoked.get("signed_before"):
        notes.append(
            MESSAGES(
                "verify.revoked_after",
                signed=stamp["time"][:10],
                date=revoked["revoked_at"][:10],
                reason=MESSAGES(f"revocation.reason.{revoked['reason']}"),
            )
        )
    return notes


def trusted_by_message(trusted_by: dict[str, Any]) -> Message:
    """Who trusts the signer, in words: "your school (ESAD Exemple)", or "C2PA trust list
    (Google LLC), list of 2026-08-05". The two tiers never share words."""
    if trusted_by.get("tier") == C2PA_LIST:
        if trusted_by.get("organisation"):
            return MESSAGES(
                "trust.c2pa_list",
                organisation=trusted_by["organisation"],
                date=trusted_by.get("date") or "?",
            )
        return MESSAGES("trust.c2pa_list_unnamed", date=trusted_by.get("date") or "?")
    return MESSAGES("trust.school", organisation=trusted_by.get("organisation") or "?")


def trusted_by_text(trusted_by: dict[str, Any], lang: str) -> str:
    return trusted_by_message(trusted_by).render(lang)


def ingredient_notes(result: Verification) -> list[Message]:
    """One line per ingredient whose own credentials are not trusted by the school: a
    listed signer (evidence for that ingredient), or its problem in words; then why the
    work's verdict does not follow them, when it does not."""
    notes: list[Message] = []
    recorded_problem = False
    for ingredient in result.ingredients:
        verdict = ingredient.get("verdict")
        if verdict is None or verdict == verdicts.TRUSTED:
            continue
        title = str(ingredient.get("title") or "?")
        signer = ingredient.get("signer")
        if verdict == verdicts.TRUSTED_C2PA_LIST and ingredient.get("trusted_by"):
            notes.append(
                MESSAGES(
                    "verify.ingredient_listed",
                    title=title,
                    signer=signer or "?",
                    trusted_by=trusted_by_message(ingredient["trusted_by"]),
                )
            )
            continue
        problem = MESSAGES(f"ingredient.problem.{verdict}")
        codes = ", ".join(ingredient.get("codes") or []) or "-"
        if signer:
            # A signer is named as such only where the ingredient's own signature holds;
            # otherwise it is what its credentials claim, as for the work itself.
            key = "verify.ingredient_signed" if verdict in VOUCHED else "verify.ingredient_claimed"
            notes.append(
                MESSAGES(
                    key,
                    title=title,
                    problem=problem,
                    signer=signer,
                    codes=codes,
                )
            )
        else:
            notes.append(MESSAGES("verify.ingredient", title=title, problem=problem, codes=codes))
        recorded_problem = recorded_problem or verdict != verdicts.VALID_UNTRUSTED
    if recorded_problem and result.verdict in VOUCHED:
        notes.append(MESSAGES("verify.ingredients_recorded"))
    return notes


def unvouched_heading(result: Verification) -> Message | None:
    """The heading under which the credentials' own statements (signer, title, record)
    are set apart when no valid signature vouches for them (tampered, invalid,
    unreadable); None when the signature holds or the credentials say nothing."""
    if result.vouched or not (result.record or result.title or result.signer.get("name")):
        return None
    return MESSAGES("verify.unvouched")


def claim_lines(result: Verification) -> list[Message]:
    """The file's unverified claims, one line each, under their heading (nothing when the
    file claims nothing): "what the file says, not verified"."""
    if not result.file_claims:
        return []
    lines = [MESSAGES("verify.file_claims")]
    for claim in result.file_claims:
        source = MESSAGES(f"verify.claim_source.{claim['source']}")
        lines.append(
            MESSAGES("verify.claim", source=source, field=claim["field"], value=claim["value"])
        )
    return lines


def match_lines(result: Verification) -> list[Message]:
    """The probable matches of a file with no credential, under a heading that says they
    are not a verification; or that none was found where the fingerprint was looked up."""
    lines: list[Message] = []
    if result.probable_matches:
        lines.append(MESSAGES("verify.probable_matches"))
        for match in result.probable_matches:
            distance = match["distance"] if match["distance"] is not None else "?"
            lines.append(
                MESSAGES(
                    "verify.match",
                    title=match["title"] or "?",
                    artist=match["artist"] or "?",
                    organisation=match["organisation"] or "?",
                    artwork_id=match["artwork_id"],
                    distance=distance,
                    similarity=match["similarity"],
                )
            )
            lines.append(MESSAGES("verify.match_original", original=match["original"]))
    lines += [MESSAGES("verify.lookup_failed", error=error) for error in result.lookup_errors]
    return lines


def _time_stamp(codes: dict[str, list[str]], info: dict[str, Any]) -> dict[str, Any]:
    """The time-stamp c2pa validated: its time, and whether its authority is trusted (an
    untrusted authority's time proves nothing, so only a trusted one extends validity)."""
    if "timeStamp.validated" not in codes["success"] or not info.get("time"):
        return {}
    return {"time": str(info["time"]), "trusted": "timeStamp.trusted" in codes["success"]}


def verify_file(
    path: Path, anchors: tuple[str, ...] = (), allow_remote: bool = False, thumbnail: bool = False
) -> Verification:
    """Verify one file on disk: an image is read whole (it is small, and faster so), a
    video, a sound or a document as a stream."""
    # One open, checked before a byte is read (a FIFO would hang, /dev/zero never end);
    # everything is then read from that descriptor, whatever the path names meanwhile.
    try:
        handle = image_files.open_regular(path)
    except OSError as exc:
        return _unreadable(path, exc)
    with handle:
        try:
            fmt = media_files.detect_media(media_files.head_from(handle))
            if fmt is None:
                handle.seek(0)
                data = handle.read()
        except OSError as exc:
            return _unreadable(path, exc)
        if fmt is not None:
            return _verify_media_file(handle, path, fmt, anchors, allow_remote, thumbnail)
    return verify_bytes(data, str(path), anchors, allow_remote, thumbnail)


def _unreadable(path: Path, exc: OSError) -> Verification:
    if isinstance(exc, image_files.NotRegularFile):
        error = MESSAGES("image_files.not_regular", path=path)
    elif path.is_dir():
        error = MESSAGES("verify.is_folder", path=path)
    elif isinstance(exc, FileNotFoundError):
        error = MESSAGES("verify.missing", path=path)
    else:
        error = MESSAGES("verify.cannot_read", path=path, reason=exc.strerror or exc)
    return Verification(str(path), verdicts.UNREADABLE, error=error)


def verify_files(
    paths: Sequence[Path],
    anchors: tuple[str, ...] = (),
    allow_remote: bool = False,
    *,
    workers: int | None = None,
    processes: bool = True,
    on_done: Callable[[Verification], None] | None = None,
    thumbnail: bool = False,
) -> list[Verification]:
    """Verify many files on all cores; results come back in the order of ``paths``.

    ``processes=False`` uses threads instead of forked workers (for a threaded caller).
    ``iter_verify`` gives the same results one at a time, in constant memory.
    """
    results = []
    for result in iter_verify(
        paths, anchors, allow_remote, workers=workers, processes=processes, thumbnail=thumbnail
    ):
        results.append(result)
        if on_done:
            on_done(result)
    return results


def iter_verify(
    paths: Sequence[Path],
    anchors: tuple[str, ...] = (),
    allow_remote: bool = False,
    *,
    workers: int | None = None,
    processes: bool = True,
    thumbnail: bool = False,
) -> Iterator[Verification]:
    """Verify many files on all cores, yielding results in the order of ``paths``.

    Only a few chunks are in flight at once, so memory stays flat however many files
    there are (a plain ``pool.map`` would queue every file and keep every finished result
    until the caller reaches it).
    """
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 8:
        for path in paths:
            yield verify_file(path, anchors, allow_remote, thumbnail)
        return
    # Only here: `artcharter verify one.png` starts without them.
    from concurrent.futures import ThreadPoolExecutor

    from artcharter.provenance import workers as forked

    pool: Executor
    task: Callable[[list[Path]], list[Verification]]
    if processes and forked.can_fork():
        # What every chunk shares reaches each worker once, when it starts: the anchors
        # carry the C2PA trust lists (about 70 kB), which would otherwise be pickled,
        # piped and unpickled with every chunk.
        pool = forked.fork_pool(workers, shared={"verify": (anchors, allow_remote, thumbnail)})
        task = _verify_chunk_in_worker
    else:
        pool = ThreadPoolExecutor(workers)
        task = functools.partial(
            _verify_chunk, anchors=anchors, allow_remote=allow_remote, thumbnail=thumbnail
        )
    with pool:
        for done in bounded_map(pool, task, shrinking_chunks(paths, workers), ahead=workers * 4):
            yield from done


def shrinking_chunks(items: Sequence[T], workers: int, largest: int = 32) -> Iterator[list[T]]:
    """``items`` in consecutive chunks of at most ``largest``, each a quarter of an even
    share of what is left: large while much is left (fewer round trips to the workers),
    down to one item at the end, so that no worker is still busy with a large last chunk
    while the others idle (at 32 files a chunk, up to 80 ms of one core at the end)."""
    start = 0
    while start < len(items):
        size = max(1, min(largest, (len(items) - start) // (workers * 4)))
        yield list(items[start : start + size])
        start += size


T = TypeVar("T")
R = TypeVar("R")


def bounded_map(
    pool: Executor, function: Callable[[T], R], items: Iterable[T], *, ahead: int
) -> Iterator[R]:
    """``pool.map`` in order, with at most ``ahead`` items submitted and not yet consumed."""
    pending: collections.deque[Future[R]] = collections.deque()
    iterator = iter(items)
    for item in itertools.islice(iterator, ahead):
        pending.append(pool.submit(function, item))
    while pending:
        result = pending.popleft().result()
        for item in itertools.islice(iterator, 1):
            pending.append(pool.submit(function, item))
        yield result


def _verify_chunk(
    paths: list[Path], *, anchors: tuple[str, ...], allow_remote: bool, thumbnail: bool
) -> list[Verification]:
    # Module level, so that worker processes can receive it.
    return [verify_file(path, anchors, allow_remote, thumbnail) for path in paths]


def _verify_chunk_in_worker(paths: list[Path]) -> list[Verification]:
    """A chunk verified in a forked worker, with what ``iter_verify`` gave the pool."""
    from artcharter.provenance import workers

    anchors, allow_remote, thumbnail = workers.shared("verify")
    return _verify_chunk(paths, anchors=anchors, allow_remote=allow_remote, thumbnail=thumbnail)


def ledger_row(result: Verification) -> dict[str, Any]:
    from artcharter.provenance.ledger import path_text  # sqlite-utils only when a ledger is written

    return {
        "path": path_text(Path(result.path)),
        "sha256": result.sha256,
        "verdict": result.verdict,
        "validation_state": result.validation_state,
        # Only a trusted signature's id joins the artwork's history (the ledger then also
        # checks the artist); any other stays apart, as the id the file claims.
        "artwork_id": result.artwork_id,
        "claimed_artwork_id": None if result.artwork_id else result.claimed_artwork_id,
        "signer": result.signer.get("name"),
        "organisation": result.signer.get("organisation"),
        "codes": result.codes.get("failure", []),
    }
