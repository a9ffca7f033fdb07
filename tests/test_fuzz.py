"""Fuzzing: generated and mutated inputs for every reader of untrusted data.

Every case must end in a verdict or in a one-line error with a documented exit code (2 bad
input, 3 missing set-up): no traceback, no hang, nothing written. Inputs go through the
Python API and through the command-line door (``artcharter.cli.run``).

The example counts are bounded so that the file runs in well under a minute; set
``ARTCHARTER_FUZZ_SCALE=20`` for a longer, randomised run (the default run is derandomised,
so that CI is repeatable).
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

import forgery
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from artcharter.base.errors import BadInput, SetupError
from artcharter.cli import run
from artcharter.provenance import image_files, verdicts
from artcharter.provenance.config import load_config
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.manifest import disclosure_from_manifest, record_from_manifest
from artcharter.provenance.record import SCHEMA
from artcharter.provenance.signing import SigningIdentity, sign_image
from artcharter.provenance.verify import read_anchors, verify_bytes, verify_file

from conftest import make_image

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
SCALE = int(os.environ.get("ARTCHARTER_FUZZ_SCALE", "1"))
FORMATS = ("png", "jpeg", "webp")
SUFFIX = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"}
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 130}


def bounded(examples: int, deadline_ms: int = 3000) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=deadline_ms,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- shared inputs -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, alice: SigningIdentity) -> dict[str, bytes]:
    """A file signed by the school's artist in each format."""
    folder = tmp_path_factory.mktemp("fuzz-signed")
    out = {}
    for fmt in FORMATS:
        src = make_image(folder / f"src{SUFFIX[fmt]}", (48, 32))
        dst = folder / f"signed{SUFFIX[fmt]}"
        label(
            src,
            dst,
            identity=alice,
            source_type="trainedAlgorithmicMedia",
            tool="Firefly 3",
            title="T",
        )
        out[fmt] = dst.read_bytes()
    return out


def one_line_error(message: str) -> None:
    assert message.strip(), "an error must say something"
    assert "\n" not in message.strip() and "Traceback" not in message


def cli(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    """Run the door; check the contract on exit code and stderr."""
    capsys.readouterr()
    code = run(argv)
    out, err = capsys.readouterr()
    assert code in DOCUMENTED_EXIT_CODES
    assert "Traceback" not in out + err
    if err:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("artcharter: error:"), err
    if code >= 2 and not out:
        assert err, "a failure must say why"
    return code, out, err


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` (except the ledger, checked by its rows) with size and mtime."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith("artcharter.db")
    }


def rows(ledger_path: Path) -> dict[str, int]:
    with Ledger(ledger_path) as ledger:
        return ledger.counts()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, school_dir: Path) -> Path:
    """A project whose keys are the session school's (copied, so nothing is re-generated)."""
    import shutil

    root = tmp_path / "projet avec espaces"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    shutil.copytree(school_dir, root / "keys")
    (root / "artcharter.toml").write_text(
        (root / "artcharter.toml").read_text().replace('name = ""', 'name = "Alice Martin"')
    )
    monkeypatch.chdir(root)
    return root


# --- random bytes and mutated images -------------------------------------------------------

MAGIC = st.sampled_from(
    [
        b"",
        image_files.PNG_MAGIC,
        b"\xff\xd8\xff\xe0",
        b"\xff\xd8\xff\xeb",
        b"RIFF\x00\x00\x00\x00WEBP",
    ]
)


@bounded(150)
@given(prefix=MAGIC, body=st.binary(max_size=4096))
def test_random_bytes_get_a_verdict(prefix: bytes, body: bytes) -> None:
    data = prefix + body
    result = verify_bytes(data, "random.bin")
    assert result.verdict in verdicts.VERDICTS
    assert result.verdict != verdicts.TRUSTED
    if result.error:
        one_line_error(str(result.error))
    try:
        image_files.check_image(data, "random.bin")
    except BadInput as exc:
        one_line_error(str(exc))


Mutation = tuple[str, float, bytes]
MUTATIONS = st.tuples(
    st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite"]),
    st.floats(0, 1),
    st.binary(min_size=1, max_size=16),
)


def mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    out = bytearray(data)
    for kind, where, value in mutations:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= value[0] or 0x01
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            out[at:at] = value
        elif kind == "delete":
            del out[at : at + len(value)]
        else:
            out[at : at + len(value)] = value
    return bytes(out)


def outside_store(data: bytes) -> bytes:
    """The file without its manifest store: what the signature binds."""
    return forgery.strip(data, store=True, xmp=False, text=False)


@pytest.mark.parametrize("fmt", FORMATS)
@bounded(60)
@given(mutations=st.lists(MUTATIONS, min_size=1, max_size=3))
def test_mutated_signed_files_are_never_trusted_with_other_content(
    signed: dict[str, bytes], fmt: str, mutations: list[Mutation]
) -> None:
    original = signed[fmt]
    data = mutate(original, mutations)
    assume(data != original)
    result = verify_bytes(data, f"mutated{SUFFIX[fmt]}")
    assert result.verdict in verdicts.VERDICTS
    if result.error:
        one_line_error(str(result.error))
    if result.verdict == verdicts.TRUSTED:
        # Only bytes the signature does not bind may have changed (the COSE padding).
        assert outside_store(data) == outside_store(original)


@pytest.mark.parametrize("fmt", FORMATS)
@bounded(12, deadline_ms=5000)
@given(mutations=st.lists(MUTATIONS, min_size=1, max_size=2))
def test_label_of_mutated_signed_files_signs_or_refuses(
    signed: dict[str, bytes],
    alice: SigningIdentity,
    tmp_path: Path,
    fmt: str,
    mutations: list[Mutation],
) -> None:
    """Labelling a damaged signed file: its broken manifest becomes the parent or is refused."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    src = folder / f"src{SUFFIX[fmt]}"
    src.write_bytes(mutate(signed[fmt], mutations))
    out = folder / f"out{SUFFIX[fmt]}"
    with Ledger(folder / "ledger.db") as ledger:
        try:
            done = label(src, out, identity=alice, source_type="humanEdits", ledger=ledger)
        except BadInput as exc:
            one_line_error(str(exc))
            assert not out.exists() and ledger.counts()["artworks"] == 0
        else:
            assert verify_file(done.path).verdict in (verdicts.VALID_UNTRUSTED, verdicts.TRUSTED)
            assert ledger.counts()["artworks"] == 1
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize("fmt", FORMATS)
@bounded(8)
@given(cut=st.floats(0, 1))
def test_truncated_images_through_the_cli(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str, cut: float
) -> None:
    whole = make_image(project / f"whole{SUFFIX[fmt]}").read_bytes()
    broken = project / f"cut {cut:.3f}{SUFFIX[fmt]}"
    broken.write_bytes(whole[: int(cut * len(whole))])
    before, counts = listing(project), rows(project / "artcharter.db")
    code, out, _ = cli(capsys, ["verify", "--no-ledger", str(broken)])
    assert code in (1, 2) and re.search(
        r": (Unreadable|Valid|Tampered|No Content|Invalid)", out
    )  # a verdict line
    code, _, err = cli(
        capsys, ["label", str(broken), "-o", "out" + SUFFIX[fmt], "--source-type", "humanEdits"]
    )
    if code == 0:  # the cut fell after the image data (JPEG ignores what follows EOI)
        (project / f"out{SUFFIX[fmt]}").unlink()
        counts["artworks"] += 1
        counts["signatures"] = counts.get("signatures", 0) + 1  # its time-stamp and binding
    else:
        assert (code == 2 and "damaged" in err) or "not a PNG" in err
        assert listing(project) == before
    assert rows(project / "artcharter.db") == counts


# --- decompression bombs and huge dimensions -----------------------------------------------


def png_with(width: int, height: int, idat: bytes, extra: bytes = b"") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        image_files.PNG_MAGIC
        + forgery.png_chunk(b"IHDR", ihdr)
        + extra
        + forgery.png_chunk(b"IDAT", idat)
        + forgery.png_chunk(b"IEND", b"")
    )


def zlib_bomb(width: int, height: int) -> bytes:
    """Compressed rows of zeros: a few hundred kB that inflate to width * height * 3 bytes."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    return b"".join(packer.compress(row) for _ in range(height)) + packer.flush()


def huge_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65500)
    return bytes(data)


def huge_webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, "WEBP", lossless=True)
    data = bytearray(buffer.getvalue())
    # VP8L header after the signature byte: 14 bits width - 1, 14 bits height - 1.
    bits = int.from_bytes(data[21:25], "little") & ~((1 << 28) - 1)
    data[21:25] = (bits | 16383 | (16383 << 14)).to_bytes(4, "little")
    return bytes(data)


BOMBS: dict[str, Callable[[], bytes]] = {
    "png-100000x100000": lambda: png_with(100_000, 100_000, zlib.compress(b"\x00" * 301)),
    "png-zlib-bomb-8200x8200": lambda: png_with(8200, 8200, zlib_bomb(8200, 8200)),
    "png-text-bomb": lambda: png_with(
        4,
        4,
        zlib.compress(b"\x00" * 13 * 4),
        forgery.png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"a" * 64_000_000, 9)),
    ),
    "jpeg-65500x65500": huge_jpeg,
    "webp-16384x16384": huge_webp,
}
BOMB_SUFFIX = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    out = {}
    for name, make in BOMBS.items():
        path = folder / f"{name}{BOMB_SUFFIX[name.split('-')[0]]}"
        path.write_bytes(make())
        out[name] = path
    return out


@pytest.mark.parametrize("name", BOMBS)
def test_decompression_bombs_are_refused_with_a_clear_message(
    bombs: dict[str, Path], name: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bombs[name]
    expected = "damaged" if "text-bomb" in name else "pixel limit"
    with pytest.raises(BadInput, match=expected) as refused:
        image_files.check_image(path.read_bytes(), path.name)
    one_line_error(str(refused.value))
    result = verify_file(path)
    assert result.verdict == verdicts.UNREADABLE and expected in str(result.error)
    before, counts = listing(project), rows(project / "artcharter.db")
    code, _, err = cli(
        capsys, ["label", str(path), "-o", "out" + path.suffix, "--source-type", "humanEdits"]
    )
    assert code == 2 and expected in err
    assert listing(project) == before and rows(project / "artcharter.db") == counts


def test_the_real_binary_finishes_on_every_hostile_file(
    bombs: dict[str, Path], signed: dict[str, bytes], tmp_path: Path
) -> None:
    """No hang, no traceback: the installed command over bombs, junk and damaged files."""
    files = list(bombs.values())
    for fmt, data in signed.items():
        for i, cut in enumerate((0.1, 0.5, 0.9)):
            path = tmp_path / f"cut-{i}{SUFFIX[fmt]}"
            path.write_bytes(data[: int(cut * len(data))])
            files.append(path)
    junk = tmp_path / "junk.png"
    junk.write_bytes(os.urandom(2000))
    files.append(junk)
    done = subprocess.run(
        [ARTCHARTER, "verify", "--json", "--no-ledger", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "ARTCHARTER_LANG": "en"},
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == ""
    results = json.loads(done.stdout)
    assert len(results) == len(files)
    assert all(r["verdict"] in verdicts.VERDICTS for r in results)


# --- manifests written by someone else ----------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
RECORD_KEYS = st.sampled_from(
    [
        "artwork_id",
        "kind",
        "source_type",
        "created_at",
        "title",
        "author",
        "tool",
        "prompt",
        "model",
        "generation",
        "energy",
        "ingredients",
        "declaration",
        "probe",
        "software",
        "prompt_private",
        "training_mining",
    ]
)
RECORDS = st.dictionaries(RECORD_KEYS, JSON, max_size=8).map(lambda d: {"schema": SCHEMA, **d})


@bounded(150)
@given(
    record=RECORDS | JSON,
    assertions=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "fr.artcharter.record",
                    "fr.artcharter.energy",
                    "c2pa.actions",
                    "c2pa.actions.v2",
                    "x",
                ]
            ),
            JSON,
        ),
        max_size=4,
    ),
)
def test_manifest_readers_accept_any_json(
    record: object, assertions: list[tuple[str, object]]
) -> None:
    manifest = {
        "assertions": [{"label": "fr.artcharter.record", "data": record}]
        + [{"label": label_, "data": data} for label_, data in assertions]
    }
    parsed = record_from_manifest(manifest)
    if parsed is not None:
        json.dumps(parsed.to_dict())
    disclosure = disclosure_from_manifest(manifest)
    assert all(isinstance(v, list) for v in disclosure.values())


@bounded(15, deadline_ms=5000)
@given(record=RECORDS)
def test_attacker_signed_record_is_read_safely(
    record: dict, signed: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An outsider signs a manifest whose artcharter record has the right schema and any
    content: verification reads it without crashing, and the door prints it."""
    from artcharter.provenance import keys

    root, root_key = keys.make_root("Ailleurs")
    leaf, key = keys.make_leaf(root, root_key, name="Mallory", email=None)
    mallory = SigningIdentity(
        "Mallory", None, "Ailleurs", "es256", keys.cert_pem(leaf), keys.key_pem(key)
    )
    manifest = {
        "claim_generator_info": [{"name": "forger", "version": "1"}],
        "title": "forged",
        "assertions": [{"label": "fr.artcharter.record", "data": record}],
    }
    source = forgery.strip(signed["png"])
    try:
        data = sign_image(source, "png", manifest, mallory).data
    except BadInput:
        return  # c2pa-rs refused the manifest itself
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "forged.png"
    path.write_bytes(data)
    result = verify_file(path)
    assert result.verdict == verdicts.VALID_UNTRUSTED
    json.dumps(result.to_dict())
    code, out, _ = cli(capsys, ["verify", "--no-ledger", str(path)])
    assert code == 1 and "Valid, signer unknown" in out


# --- ledgers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_ledger(tmp_path_factory: pytest.TempPathFactory, signed: dict[str, bytes]) -> bytes:
    """The bytes of a real ledger with artworks and verifications, checkpointed."""
    folder = tmp_path_factory.mktemp("ledger")
    root = folder / "p"
    assert run(["init", str(root), "--name", "X"]) == 0
    for fmt, data in signed.items():
        (root / f"s{SUFFIX[fmt]}").write_bytes(data)
    assert run(["--project", str(root), "verify", str(root)]) == 1  # untrusted: no school here
    with Ledger(root / "artcharter.db") as ledger:
        from artcharter.provenance.record import ArtworkRecord

        for i in range(20):
            record = ArtworkRecord(artwork_id=f"id-{i}", kind="labelled", source_type="humanEdits")
            ledger.add_artwork(record, root / f"{i}.png", f"{i:064x}", status="signed")
    return (root / "artcharter.db").read_bytes()


def ledger_commands(capsys: pytest.CaptureFixture[str], ledger: Path, image: Path) -> None:
    for argv in (
        ["ledger", "list"],
        ["ledger", "list", "--json"],
        ["ledger", "show", "id-3"],
        ["verify", str(image)],
    ):
        cli(capsys, ["--ledger", str(ledger), *argv])


@bounded(15)
@given(offset=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64), truncate=st.booleans())
def test_damaged_ledgers_give_one_line_errors(
    real_ledger: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    offset: float,
    junk: bytes,
    truncate: bool,
) -> None:
    data = bytearray(real_ledger)
    at = int(offset * len(data))
    if truncate:
        del data[at:]
    else:
        data[at : at + len(junk)] = junk
    path = tmp_path / f"damaged-{at}-{len(junk)}-{truncate}.db"
    path.write_bytes(bytes(data))
    image = make_image(tmp_path / "i.png", (8, 8))
    ledger_commands(capsys, path, image)
    try:  # the Python API raises BadInput, or sqlite3's own error for a damaged page
        with Ledger(path) as ledger:
            ledger.artworks()
    except (BadInput, sqlite3.DatabaseError) as exc:
        one_line_error(str(exc))


@bounded(12)
@given(data=st.binary(max_size=8192))
def test_random_files_as_ledgers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(b"SQLite format 3\x00" + data if data[:1] == b"\x00" else data)
    image = make_image(tmp_path / "i.png", (8, 8))
    ledger_commands(capsys, path, image)


def test_a_foreign_sqlite_database_is_not_taken_for_a_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        for table in ("artworks", "energy_runs", "verifications", "meta"):
            conn.execute(f"CREATE TABLE {table} (x)")
    with pytest.raises(BadInput, match="not an artcharter ledger") as refused:
        Ledger(path)
    one_line_error(str(refused.value))
    code, _, err = cli(capsys, ["--ledger", str(path), "ledger", "list"])
    assert code == 2 and "not an artcharter ledger" in err


def test_a_damaged_record_in_the_ledger_is_one_line(
    real_ledger: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "l.db"
    path.write_bytes(real_ledger)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE artworks SET record = '{not json' WHERE artwork_id = 'id-3'")
    code, _, err = cli(capsys, ["--ledger", str(path), "ledger", "show", "id-3"])
    assert code == 2 and "id-3" in err


# --- TOML: the project file, charters, declarations ----------------------------------------

TOML_VALUES = st.recursive(
    st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=20),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)


def toml_table(section: str, values: dict[str, object]) -> str:
    # JSON scalars and arrays are valid TOML inline values.
    return f"[{section}]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items())


HOSTILE_TOML = {
    "deep-arrays": "a = " + "[" * 5000 + "]" * 5000 + "\n",
    "deep-tables": "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n",
    # tomllib's time grows with the square of a dotted key's length (4,000 parts: 0.4 s).
    "deep-dotted": "a" + ".a" * 4000 + " = 1\n",
    "enormous-string": 'name = "' + "x" * 5_000_000 + '"\n',
    "many-keys": "".join(f"k{i} = {i}\n" for i in range(50_000)),
    "not-utf8": 'name = "caf\xe9"\n',
    "nul": 'name = "a\x00b"\n',
    "wrong-types": "[project]\nledger = 5\nkeys = []\nlang = 3\n[artist]\nname = {a = 1}\n",
    "scalar-sections": 'project = "x"\nartist = 1\ngenerate = []\n',
}


def _write_toml(path: Path, text: str) -> None:
    path.write_bytes(text.encode("latin-1") if "\xe9" in text else text.encode("utf-8"))


@pytest.mark.parametrize("case", HOSTILE_TOML)
def test_hostile_project_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    root = tmp_path / "p"
    root.mkdir()
    _write_toml(root / "artcharter.toml", HOSTILE_TOML[case])
    monkeypatch.chdir(root)
    try:
        load_config()
    except BadInput as exc:
        one_line_error(str(exc)[:1000])
    before = listing(root)
    code, _, err = cli(capsys, ["ledger", "list"])
    assert code in (2, 3)
    assert len(err) < 2000  # the message quotes the problem, not the whole file
    assert listing(root) == before


@bounded(80)
@given(
    sections=st.dictionaries(
        st.sampled_from(["project", "artist", "generate", "charter"]),
        st.dictionaries(
            st.sampled_from(["name", "lang", "country", "ledger", "keys", "model", "file"]),
            TOML_VALUES,
            max_size=4,
        ),
        max_size=4,
    )
)
def test_project_files_with_any_values(
    tmp_path: Path, sections: dict[str, dict[str, object]]
) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "artcharter.toml").write_text(
        "".join(toml_table(s, v) for s, v in sections.items()), encoding="utf-8"
    )
    try:
        project = load_config(root)
    except (BadInput, SetupError) as exc:
        one_line_error(str(exc))
    else:
        assert project.lang in ("fr", "en")
        assert isinstance(project.ledger_path, Path) and isinstance(project.keys_dir, Path)


# --- names and text that are not UTF-8 -----------------------------------------------------

NON_UTF8 = os.fsdecode(b"caf\xe9 \xff esquisse")


def test_non_utf8_file_names_and_spaces_work_end_to_end(project: Path, tmp_path: Path) -> None:
    """Linux file names are bytes: a name that is not UTF-8 is labelled, verified, recorded
    and found again. The real command runs in a subprocess, with a UTF-8 terminal."""
    src = make_image(project / f"{NON_UTF8}.png")
    out = project / f"sign\u00e9 {NON_UTF8}.png"
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ARTCHARTER_LANG": "en"}

    def artcharter(*argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [ARTCHARTER, *argv],
            capture_output=True,
            text=True,
            errors="replace",
            cwd=project,
            env=env,
            timeout=60,
        )
        assert "Traceback" not in done.stdout + done.stderr, done.stderr
        return done

    done = artcharter(
        "label",
        str(src),
        "-o",
        str(out),
        "--source-type",
        "humanEdits",
        "--ingredient",
        f"{src}:sketch",
    )
    assert done.returncode == 0 and out.exists(), done.stderr
    done = artcharter("verify", str(out))
    assert done.returncode == 0 and ": Trusted\n" in done.stdout
    [result] = json.loads(artcharter("verify", "--json", str(out)).stdout)
    assert result["verdict"] == "trusted" and result["ingredients"][0]["title"].startswith("caf")
    done = artcharter("ledger", "show", str(out))
    assert done.returncode == 0 and len(json.loads(done.stdout)["verifications"]) == 2
    done = artcharter("verify", "--report-dir", str(project / "rapports x"), str(out))
    assert done.returncode == 0 and len(list((project / "rapports x").iterdir())) == 1


@pytest.mark.parametrize("option", ["--title", "--tool", "--prompt"])
def test_text_that_is_not_utf8_is_refused_in_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    src = make_image(project / "work.png")
    before, counts = listing(project), rows(project / "artcharter.db")
    code, _, err = cli(
        capsys,
        ["label", str(src), "-o", "out.png", "--source-type", "humanEdits", option, NON_UTF8],
    )
    assert code == 2 and "UTF-8" in err
    assert listing(project) == before and rows(project / "artcharter.db") == counts


@pytest.mark.parametrize("fmt", FORMATS)
def test_enormous_prompt(project: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    src = make_image(project / f"work{SUFFIX[fmt]}")
    out = project / f"out{SUFFIX[fmt]}"
    code, _, err = cli(
        capsys,
        [
            "label",
            str(src),
            "-o",
            str(out),
            "--source-type",
            "trainedAlgorithmicMedia",
            "--prompt",
            "renard " * 40_000,
        ],
    )
    if fmt == "jpeg":  # one APP1 segment holds at most 64 kB of XMP
        assert code == 2 and "too large" in err and not out.exists()
    else:
        assert code == 0
        result = verify_file(out, read_anchors([project / "keys" / "school-root.pem"]))
        assert result.verdict == verdicts.TRUSTED and result.record["prompt"] == "renard " * 40_000


# --- deeply nested CBOR in a signed manifest -----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("depth", [10, 126, 127, 129, 5000])
def test_deeply_nested_assertion_signed_by_hand(
    school_dir: Path, tmp_path: Path, alice: SigningIdentity, fmt: str, depth: int
) -> None:
    """The record assertion replaced by arrays nested ``depth`` deep, its hash updated in
    the claim and the claim signed again with a real key: the reader must not crash on
    what c2pa-rs cannot render, and must not call it trusted."""
    from cryptography.hazmat.primitives import serialization

    from artcharter.provenance import keys

    src = make_image(tmp_path / f"src{SUFFIX[fmt]}", (32, 32))
    out = tmp_path / f"out{SUFFIX[fmt]}"
    label(src, out, identity=alice, source_type="humanEdits", prompt="p" * 6000)
    data = out.read_bytes()
    box = forgery.find_box(forgery.read_store(data), "fr.artcharter.record")
    size = box.content[0][2] - box.content[0][1]
    forged = forgery.replace_assertion(data, "fr.artcharter.record", forgery.deep_cbor(depth, size))
    artist = keys.artist_identity(school_dir, "alice-martin")
    cert = keys.read_certs(artist.chain_path)[0].public_bytes(serialization.Encoding.DER)
    forged = forgery.resign_claim(forged, [cert], keys.read_private_key(artist.key_path))
    result = verify_bytes(forged, out.name, read_anchors([school_dir / keys.ROOT_CERT]))
    assert result.record is None  # not a record any more
    if depth < 127:  # rendered: the key's holder signed it, whatever it says
        assert result.verdict == verdicts.TRUSTED
    else:
        assert result.verdict == verdicts.INVALID and "could not be read" in str(result.error)
    json.dumps(result.to_dict())


# --- charters and declarations (TOML written by schools and artists) ------------------------

CHARTER_TEXT = (
    Path(__file__).resolve().parents[1] / "artcharter" / "charter" / "default_charter.toml"
).read_text(encoding="utf-8")


def declaration_text() -> str:
    from charter_helpers import FULL_DECLARATION_TOML

    return FULL_DECLARATION_TOML


TOML_BITS = st.sampled_from(
    ['"', "'", "[", "]", "[[", "=", ".", "{", "}", "\n", "#", "\\", '"""', ",", "0", "-1",
     "1e999", "true", "é", "\x00", "\t", "rules", "severity", "required", "extends", "default"]
)  # fmt: skip
EDITS = st.tuples(
    st.sampled_from(["delete", "duplicate", "insert", "truncate"]), st.floats(0, 1), TOML_BITS
)


def edit_text(text: str, edits: list[tuple[str, float, str]]) -> str:
    lines = text.splitlines(keepends=True)
    for kind, where, bit in edits:
        if not lines:
            break
        i = min(int(where * len(lines)), len(lines) - 1)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "insert":
            at = int(where * len(lines[i]))
            lines[i] = lines[i][:at] + bit + lines[i][at:]
        else:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: int(where * len(lines[-1]))]
    return "".join(lines)


def parsed_or_refused(parse: Callable[[str], object], text: str) -> object | None:
    """The parser's result, or None after a one-line BadInput (the only allowed failure)."""
    try:
        return parse(text)
    except BadInput as exc:
        one_line_error(str(exc))
        return None


@bounded(120)
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_mutated_charters_parse_or_are_refused(edits: list[tuple[str, float, str]]) -> None:
    from artcharter.charter.model import parse_charter

    parsed_or_refused(
        lambda t: parse_charter(t, "charter.toml", Path.cwd()), edit_text(CHARTER_TEXT, edits)
    )


@bounded(120)
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_mutated_declarations_parse_or_are_refused(edits: list[tuple[str, float, str]]) -> None:
    from artcharter.charter.declaration import parse_declaration

    result = parsed_or_refused(parse_declaration, edit_text(declaration_text(), edits))
    if result is not None:
        json.dumps(result.to_dict())  # it goes into a C2PA assertion and the ledger


@bounded(60)
@given(
    values=st.dictionaries(
        st.sampled_from(["title", "artist", "statement", "training_mining", "ai_share", "tools",
                         "techniques", "human_inputs", "process_images", "schema", "explanation"]),
        TOML_VALUES,
        max_size=6,
    )
)  # fmt: skip
def test_declarations_with_values_of_any_type(values: dict[str, object]) -> None:
    from artcharter.charter.declaration import parse_declaration

    text = "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items())
    result = parsed_or_refused(parse_declaration, text)
    if result is not None:
        json.dumps(result.to_dict())


@pytest.mark.parametrize("case", HOSTILE_TOML)
@pytest.mark.parametrize("kind", ["charter", "declaration"])
def test_hostile_charter_and_declaration_files(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    kind: str,
) -> None:
    from artcharter.charter.declaration import load_declaration
    from artcharter.charter.model import load_charter

    path = tmp_path / f"hostile {case}.toml"
    _write_toml(path, HOSTILE_TOML[case])
    monkeypatch.chdir(tmp_path)
    load = load_charter if kind == "charter" else load_declaration
    with pytest.raises(BadInput) as refused:
        load(path)
    one_line_error(str(refused.value)[:2000])
    argv = (
        ["charter", "validate", str(path)]
        if kind == "charter"
        else ["declare", "--check", str(path)]
    )
    capsys.readouterr()
    code = run(argv)
    _, err = capsys.readouterr()
    # A validator lists each problem on its own line, starting with the file's name.
    assert code == 2 and "Traceback" not in err and err
    assert all(
        line.startswith(str(path)) or line.startswith("artcharter: error:")
        for line in err.splitlines()
    )


def test_check_with_a_hostile_charter_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], signed: dict[str, bytes]
) -> None:
    (project / "work.png").write_bytes(signed["png"])
    for case in ("deep-arrays", "not-utf8", "wrong-types"):
        charter = project / f"{case}.toml"
        _write_toml(charter, HOSTILE_TOML[case])
        code, _, err = cli(capsys, ["check", "--charter", str(charter), "work.png"])
        assert code == 2 and str(charter) in err


# --- check over hostile images ---------------------------------------------------------------


def test_check_gives_every_hostile_file_a_result(
    bombs: dict[str, Path],
    signed: dict[str, bytes],
    tmp_path: Path,
    project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from artcharter.charter.check import check_file

    files = list(bombs.values())
    for fmt, data in signed.items():
        for i, cut in enumerate((0.2, 0.6)):
            path = tmp_path / f"cut-{i}{SUFFIX[fmt]}"
            path.write_bytes(data[: int(cut * len(data))])
            files.append(path)
        deep = tmp_path / f"flipped{SUFFIX[fmt]}"
        deep.write_bytes(forgery.flip_signature(data))
        files.append(deep)
    junk = tmp_path / "junk.webp"
    junk.write_bytes(b"RIFF\x00\x00\x00\x00WEBP" + bytes(range(256)) * 8)
    files.append(junk)
    for path in files:
        result = check_file(path)
        assert result.verification.verdict in verdicts.VERDICTS
        assert not result.passed
        json.dumps(result.to_dict("fr"))
    code, out, _ = cli(capsys, ["check", "--json", *map(str, files)])
    assert code == 2  # an unreadable file is bad input
    assert len(json.loads(out)) == len(files)


# --- text people type: every character, markup and XMP delimiters --------------------------

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40) | st.sampled_from(
    ['<?xpacket end="w"?>', "]]>", "</rdf:RDF>", "&amp;", "\x00", "\ufeff", "\"'<>&", "a\r\nb"]
)


@bounded(40, deadline_ms=5000)
@given(title=TEXT, tool=TEXT, prompt=TEXT, fmt=st.sampled_from(FORMATS))
def test_any_text_is_signed_and_read_back_exactly(
    alice: SigningIdentity,
    school_root: Path,
    tmp_path: Path,
    title: str,
    tool: str,
    prompt: str,
    fmt: str,
) -> None:
    """Titles, tools and prompts go into the XMP packet, the manifest and the ledger: any
    text (markup, XMP delimiters, NUL, a byte-order mark) signs and reads back as typed."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    src = make_image(folder / f"src{SUFFIX[fmt]}", (16, 16))
    out = folder / f"out{SUFFIX[fmt]}"
    with Ledger(folder / "ledger.db") as ledger:
        label(src, out, identity=alice, source_type="trainedAlgorithmicMedia", title=title or None,
              tool=tool or None, prompt=prompt or None, ledger=ledger)  # fmt: skip
        assert ledger.record_of(ledger.find_artwork(str(out))).prompt == (prompt or None)
    result = verify_file(out, read_anchors([school_root]))
    assert result.verdict == verdicts.TRUSTED, (result.codes, result.error)
    record = result.record
    assert (record["title"], record["tool"], record["prompt"]) == (
        title or None,
        tool or None,
        prompt or None,
    )
