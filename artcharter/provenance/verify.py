"""Verification: one plain verdict per file, with the signer, the AI disclosure, the
ingredients and the raw C2PA codes. No network call unless ``allow_remote``.

Many files are verified by forked worker processes: c2pa-python reads through Python
stream callbacks that hold the GIL, so threads scale poorly (measured: 1.4x on 2 cores
against 1.7x for processes). Threads remain for callers that cannot fork (a server).
"""

from __future__ import annotations

import collections
import functools
import io
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.base.messages import Message, render_text
from artcharter.provenance import image_files, verdicts
from artcharter.provenance.manifest import disclosure_from_manifest, record_from_manifest
from artcharter.provenance.messages import MESSAGES

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future


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
    # Why the file could not be verified: our own message (rendered in the reader's
    # language by to_dict and the doors) or c2pa's words, kept as they are for experts.
    error: Message | str | None = None
    # The claim thumbnail signed into the credentials, (mime, bytes), only when asked for
    # (reports show it without decoding the image); not part of the JSON form.
    thumbnail: tuple[str, bytes] | None = field(default=None, repr=False, compare=False)

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
        return data

    @property
    def artwork_id(self) -> str | None:
        return self.record.get("artwork_id") if self.record else None


_JSON_FIELDS = tuple(f.name for f in fields(Verification) if f.name != "thumbnail")


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


@lru_cache(maxsize=8)
def _context(anchors: tuple[str, ...], allow_remote: bool) -> Any:
    import c2pa

    return c2pa.Context(c2pa.Settings.from_dict(trust_settings(anchors, allow_remote)))


# A native context inherited through fork() is not usable in the child: build a new one.
os.register_at_fork(after_in_child=_context.cache_clear)


def read_anchors(paths: Iterable[Path]) -> tuple[str, ...]:
    """PEM text of each trust anchor file; a missing or non-PEM file is a bad input."""
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
        anchors.append(text)
    return tuple(anchors)


def verify_bytes(
    data: bytes,
    name: str,
    anchors: tuple[str, ...] = (),
    allow_remote: bool = False,
    thumbnail: bool = False,
) -> Verification:
    """Verify one image given as bytes. Never raises for a bad file: it gets a verdict.

    The bytes are handed to c2pa as an in-memory stream: c2pa-python 0.38 reads a path
    through the same Python callbacks (it opens the file itself), so this costs nothing
    more, and the bytes are needed anyway for the file's SHA-256. The hash is computed
    here: handing it to a thread cost more than hashing (about 0.3 ms for 0.4 MB) on a
    busy machine.
    """
    result = _verify(data, name, anchors, allow_remote, thumbnail)
    result.sha256 = sha256_hex(data)
    return result


def _verify(
    data: bytes, name: str, anchors: tuple[str, ...], allow_remote: bool, thumbnail: bool
) -> Verification:
    import c2pa

    fmt = image_files.detect_format(data)
    if fmt is None:
        return Verification(name, verdicts.UNREADABLE, error=MESSAGES("verify.not_an_image"))
    try:
        context = _context(anchors, allow_remote)
        reader = c2pa.Reader(image_files.MIME_TYPES[fmt], io.BytesIO(data), context=context)
    except c2pa.C2paError.ManifestNotFound:
        return _without_manifest(data, name, verdicts.NO_CREDENTIAL, None)
    except c2pa.C2paError.RemoteManifest as exc:
        return Verification(name, verdicts.REMOTE_NOT_FETCHED, error=_line(exc))
    except c2pa.C2paError as exc:
        # c2pa-rs reports "Remote: must fetch remote manifests from url ..." with an error
        # type c2pa-python does not map to RemoteManifest: it is not an invalid credential.
        if str(exc).startswith("Remote"):
            return Verification(name, verdicts.REMOTE_NOT_FETCHED, error=_line(exc))
        return _without_manifest(data, name, verdicts.INVALID, _line(exc))
    with reader:
        if not reader.is_embedded() and not allow_remote:
            return Verification(name, verdicts.REMOTE_NOT_FETCHED, error=reader.get_remote_url())
        return _from_reader(reader, name, thumbnail)


def _line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _without_manifest(
    data: bytes, name: str, verdict: str, error: Message | str | None
) -> Verification:
    """No readable manifest: a damaged image is unreadable, a whole one gets ``verdict``."""
    try:
        image_files.check_image(data, name)
    except BadInput as exc:
        return Verification(name, verdicts.UNREADABLE, error=exc.message)
    return Verification(name, verdict, error=error)


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


def _from_reader(reader: Any, name: str, thumbnail: bool = False) -> Verification:
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
    error = None
    try:
        manifest = reader.get_active_manifest() or {}
    except (KeyError, ValueError, c2pa.C2paError):
        # c2pa-rs names an active manifest it could not render (an assertion of the wrong
        # shape, written by hand): what it says cannot be shown, so it cannot be relied on.
        manifest = {}
        error = MESSAGES("verify.malformed_manifest")
        if verdict in (verdicts.TRUSTED, verdicts.VALID_UNTRUSTED):
            verdict = verdicts.INVALID
    info = manifest.get("signature_info") or {}
    record = record_from_manifest(manifest)
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
        disclosure=disclosure_from_manifest(manifest),
        title=manifest.get("title"),
        ingredients=[
            {k: ing.get(k) for k in ("title", "relationship", "format", "description")}
            for ing in manifest.get("ingredients", [])
        ],
        record=record.to_dict() if record else None,
        codes=codes,
        error=error,
        thumbnail=_claim_thumbnail(reader, manifest) if thumbnail else None,
    )


def verify_file(
    path: Path, anchors: tuple[str, ...] = (), allow_remote: bool = False, thumbnail: bool = False
) -> Verification:
    try:
        data = path.read_bytes()
    except OSError as exc:
        error = (
            MESSAGES("verify.is_folder", path=path)
            if path.is_dir()
            else MESSAGES("verify.cannot_read", path=path, reason=exc.strerror or exc)
        )
        return Verification(str(path), verdicts.UNREADABLE, error=error)
    return verify_bytes(data, str(path), anchors, allow_remote, thumbnail)


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
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    pool: Executor
    if processes and "fork" in multiprocessing.get_all_start_methods():
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ThreadPoolExecutor(workers)
    size = max(1, min(32, len(paths) // (workers * 4)))
    chunks = (list(paths[i : i + size]) for i in range(0, len(paths), size))
    with pool:
        for done in bounded_map(
            pool,
            functools.partial(
                _verify_chunk, anchors=anchors, allow_remote=allow_remote, thumbnail=thumbnail
            ),
            chunks,
            ahead=workers * 4,
        ):
            yield from done


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


def ledger_row(result: Verification) -> dict[str, Any]:
    from artcharter.provenance.ledger import path_text  # sqlite-utils only when a ledger is written

    return {
        "path": path_text(Path(result.path)),
        "sha256": result.sha256,
        "verdict": result.verdict,
        "validation_state": result.validation_state,
        "artwork_id": result.artwork_id,
        "signer": result.signer.get("name"),
        "organisation": result.signer.get("organisation"),
        "codes": result.codes.get("failure", []),
    }
