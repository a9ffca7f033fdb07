"""The bottom layer of shared vocabulary: atomic writes, hashing, devices, numbers, TOML text."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from artcharter.base.devices import resolve_device
from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import ensure_folder, staged_file, write_atomic
from artcharter.base.hashing import (
    CHUNK_SIZE,
    HashingWriter,
    hub_blob_sha256,
    sha256_chunks,
    sha256_file,
    sha256_hex,
    weights_file_sha256,
)
from artcharter.base.numbers import (
    NARROW_NBSP,
    decimal_mark,
    fmt_energy,
    fmt_fixed,
    fmt_mass_co2,
    fmt_number,
    fmt_percent,
    fmt_percent_range,
)
from artcharter.base.tomltext import toml_string


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- atomic writes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Marée basse\n", "Marée basse\n".encode()),
        (b"\x00\x01binary", b"\x00\x01binary"),
        ([b"one ", b"two ", b"three"], b"one two three"),
        (iter([b"a", b"b"]), b"ab"),  # consumed as it comes
    ],
)
def test_write_atomic_round_trips_text_bytes_and_chunks(
    tmp_path: Path, data: Any, expected: bytes
) -> None:
    target = tmp_path / "out.bin"
    write_atomic(target, data)
    assert target.read_bytes() == expected
    assert os.listdir(tmp_path) == ["out.bin"]  # no temporary left beside it


def test_write_atomic_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old page, longer than the new one")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["page.html"]


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
def test_a_write_that_fails_midway_leaves_no_file_and_no_temporary(
    tmp_path: Path, failure: BaseException
) -> None:
    seen_temporaries: list[str] = []

    def chunks() -> Iterator[bytes]:
        yield b"first half"
        seen_temporaries.extend(os.listdir(tmp_path))
        raise failure

    target = tmp_path / "report.json"
    with pytest.raises(type(failure)):
        write_atomic(target, chunks())
    assert seen_temporaries and seen_temporaries[0].startswith(".report.json.")
    assert os.listdir(tmp_path) == []


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "artcharter.toml"
    target.write_text("kept")

    def chunks() -> Iterator[bytes]:
        yield b"half"
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic(target, chunks())
    assert target.read_text() == "kept"
    assert os.listdir(tmp_path) == ["artcharter.toml"]


def test_a_missing_folder_is_an_error_that_names_the_file_not_its_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "no" / "such" / "file.txt"
    with pytest.raises(FileNotFoundError) as raised:
        write_atomic(target, "x")
    assert raised.value.filename == str(target)
    assert os.listdir(tmp_path) == []  # the folder is not created


def test_private_files_are_0600_from_their_first_byte(tmp_path: Path) -> None:
    modes: list[int] = []

    def chunks() -> Iterator[bytes]:
        (temporary,) = tmp_path.iterdir()  # being written: nobody else may read it yet
        modes.append(mode_of(temporary))
        yield b"-----BEGIN PRIVATE KEY-----\n"

    old = os.umask(0)  # even a umask that lets everyone read does not open it
    try:
        write_atomic(tmp_path / "artist.key", chunks(), private=True)
    finally:
        os.umask(old)
    assert modes == [0o600]
    assert mode_of(tmp_path / "artist.key") == 0o600


def test_public_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.html", "<p>")
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "report.html") == 0o644


def test_staged_file_is_committed_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "art.png"
    with staged_file(target, b"signed bytes") as staged:
        assert staged.temp.read_bytes() == b"signed bytes" and not target.exists()
    assert os.listdir(tmp_path) == []  # never committed: nothing left
    with staged_file(target, b"signed bytes") as staged:
        staged.commit()
    assert target.read_bytes() == b"signed bytes"
    assert os.listdir(tmp_path) == ["art.png"]


def test_staged_file_with_a_name_replaces_a_stale_leftover(tmp_path: Path) -> None:
    target = tmp_path / "art.png"
    stale = tmp_path / ".art.png.123.partial"
    stale.write_bytes(b"half of an old image")
    with staged_file(target, b"whole", temp_name=stale.name) as staged:
        assert staged.temp == stale and stale.read_bytes() == b"whole"
        staged.commit()
    assert target.read_bytes() == b"whole"
    assert os.listdir(tmp_path) == ["art.png"]


def test_ensure_folder_builds_once_and_whole(tmp_path: Path) -> None:
    builds: list[Path] = []

    def build(folder: Path) -> None:
        assert folder.parent == tmp_path and folder.name.startswith(".model.")
        builds.append(folder)
        (folder / "weights").write_bytes(b"w")
        (folder / "marker").write_text("done")

    def complete(folder: Path) -> bool:
        return (folder / "marker").is_file()

    target = tmp_path / "model"
    assert ensure_folder(target, build, complete=complete) == target
    assert ensure_folder(target, build, complete=complete) == target
    assert len(builds) == 1
    assert sorted(p.name for p in target.iterdir()) == ["marker", "weights"]
    assert os.listdir(tmp_path) == ["model"]  # no scratch folder left


def test_ensure_folder_replaces_an_unfinished_folder_and_cleans_up_a_failed_build(
    tmp_path: Path,
) -> None:
    target = tmp_path / "model"
    target.mkdir()
    (target / "weights").write_bytes(b"not ours")

    def failing(folder: Path) -> None:
        (folder / "weights").write_bytes(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ensure_folder(target, failing, complete=lambda f: (f / "marker").is_file())
    assert os.listdir(tmp_path) == []  # the unmarked folder went, and so did the scratch


def test_ensure_folder_keeps_a_build_another_process_finished_first(tmp_path: Path) -> None:
    target = tmp_path / "model"

    def build_while_another_finishes(folder: Path) -> None:
        (folder / "marker").write_text("mine")
        target.mkdir()
        (target / "marker").write_text("theirs")  # renamed into place meanwhile

    ensure_folder(target, build_while_another_finishes, complete=lambda f: (f / "marker").is_file())
    assert (target / "marker").read_text() == "theirs"
    assert os.listdir(tmp_path) == ["model"]


# --- hashing -----------------------------------------------------------------------------------


def test_sha256_of_bytes_and_text() -> None:
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert sha256_hex("Marée") == hashlib.sha256("Marée".encode()).hexdigest()
    assert sha256_chunks([b"a", b"", b"bc"]) == hashlib.sha256(b"abc").hexdigest()


@pytest.mark.parametrize("chunk", [64, CHUNK_SIZE])
@pytest.mark.parametrize("offset", [-1, 0, 1])
@pytest.mark.parametrize("chunks", [0, 1, 2])
def test_sha256_file_matches_hashlib_around_the_chunk_size(
    tmp_path: Path, chunk: int, offset: int, chunks: int
) -> None:
    size = max(0, chunks * chunk + offset)
    data = bytes(i * 7 % 251 for i in range(size))
    path = tmp_path / "weights.bin"
    path.write_bytes(data)
    assert sha256_file(path, chunk_size=chunk) == hashlib.sha256(data).hexdigest()


def test_sha256_file_reads_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "weights.bin"
    path.write_bytes(b"x" * 1000)
    reads: list[int] = []
    real_open = open

    class Handle:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.inner = real_open(*args, **kwargs)

        def read(self, n: int = -1) -> bytes:
            reads.append(n)
            return self.inner.read(n)

        def __enter__(self) -> Handle:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

    monkeypatch.setattr("builtins.open", Handle)
    assert sha256_file(path, chunk_size=300) == hashlib.sha256(b"x" * 1000).hexdigest()
    assert reads and all(n == 300 for n in reads)  # never the whole file at once


def _pieces(count: int, size: int) -> list[bytes]:
    return [bytes([i % 251]) * size + os.urandom(7) for i in range(count)]


def test_a_file_written_in_order_is_hashed_as_written_never_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A signed film's SHA-256 comes from the bytes c2pa writes, and a retry that writes
    again from the start replaces the first try."""
    monkeypatch.setattr(
        "artcharter.base.hashing.hashlib.file_digest",
        lambda *_: pytest.fail("the file was read back"),
    )
    first, second = _pieces(5, 700), _pieces(9, 900)
    with open(tmp_path / "film.mp4", "w+b") as handle:
        hashed = HashingWriter(handle)
        for piece in first:
            hashed.write(piece)
        hashed.seek(0)  # a time-stamped signature failed: signed again without one
        hashed.truncate()
        for piece in second:
            assert hashed.write(piece) == len(piece)
        assert hashed.tell() == sum(map(len, second))  # the file's own methods
        digest = hashed.hexdigest()
    assert digest == hashlib.sha256(b"".join(second)).hexdigest()
    assert digest == sha256_file(tmp_path / "film.mp4")


@pytest.mark.parametrize("where", ["rewrite", "gap", "after", "longer"])
def test_a_file_not_written_in_order_is_hashed_from_the_disk(tmp_path: Path, where: str) -> None:
    """Any write out of order (a byte patched back, a hole, a write after the digest, a
    file longer than what was written) and the digest is the file's as it is on disk."""
    path = tmp_path / "film.mp4"
    path.write_bytes(b"old content that is longer than what is written")
    with open(path, "r+b") as handle:
        hashed = HashingWriter(handle)
        hashed.write(b"a" * 10)
        if where == "rewrite":
            hashed.seek(3)
            hashed.write(b"B")
            hashed.seek(0, 2)
        elif where == "gap":
            hashed.seek(20)
        if where != "longer":
            hashed.write(b"c" * 10)
            hashed.truncate()
        if where == "after":
            hashed.hexdigest()
            hashed.write(b"late")
        digest = hashed.hexdigest()
    assert digest == sha256_file(path)


def test_a_hugging_face_blob_is_named_by_its_hash_without_reading_it(tmp_path: Path) -> None:
    name = "ab" * 32
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    (blobs / name).write_bytes(b"content whose hash is not the name")
    snapshot = tmp_path / "snapshots" / ("c" * 40)
    snapshot.mkdir(parents=True)
    (snapshot / "model.safetensors").symlink_to(blobs / name)
    assert hub_blob_sha256(snapshot / "model.safetensors") == name
    assert weights_file_sha256(snapshot / "model.safetensors") == name
    local = tmp_path / "model.safetensors"
    local.write_bytes(b"local weights")
    assert hub_blob_sha256(local) is None
    assert weights_file_sha256(local) == hashlib.sha256(b"local weights").hexdigest()


# --- devices -----------------------------------------------------------------------------------


def fake_torch(gpus: int = 0, mps: bool | None = False) -> Any:
    """What resolve_device asks of torch: CUDA's availability and count, and Metal's."""
    backends = (
        SimpleNamespace()
        if mps is None
        else SimpleNamespace(mps=SimpleNamespace(is_available=lambda: mps))
    )
    return SimpleNamespace(
        cuda=SimpleNamespace(is_available=lambda: gpus > 0, device_count=lambda: gpus),
        backends=backends,
    )


@pytest.mark.parametrize(
    ("gpus", "mps", "expected"),
    [(2, True, "cuda:0"), (0, True, "mps"), (0, False, "cpu"), (0, None, "cpu")],
)
def test_auto_takes_cuda_then_mps_then_cpu(gpus: int, mps: bool | None, expected: str) -> None:
    assert resolve_device("auto", fake_torch(gpus, mps)) == expected


@pytest.mark.parametrize(
    ("asked", "expected"), [("cuda", "cuda:0"), (" CUDA:1 ", "cuda:1"), ("Mps", "mps")]
)
def test_an_available_device_is_named_canonically(asked: str, expected: str) -> None:
    assert resolve_device(asked, fake_torch(gpus=2, mps=True)) == expected


def test_cpu_needs_no_torch() -> None:
    assert resolve_device("cpu", torch=object()) == "cpu"


@pytest.mark.parametrize(
    ("asked", "torch", "error", "words"),
    [
        ("cuda", fake_torch(gpus=0), SetupError, "--device cpu"),
        ("cuda:2", fake_torch(gpus=2), BadInput, "only 2 GPU(s) visible"),
        ("cuda:x", fake_torch(gpus=1), BadInput, "write cuda:0"),
        ("cuda:-1", fake_torch(gpus=1), BadInput, "write cuda:0"),
        ("mps", fake_torch(mps=False), SetupError, "Metal"),
        ("mps", fake_torch(mps=None), SetupError, "Metal"),
        ("tpu", fake_torch(gpus=1), BadInput, "unknown device"),
        ("cpu:0", fake_torch(), BadInput, "unknown device"),
    ],
)
def test_an_unavailable_or_unknown_device_is_a_one_line_error_never_a_fallback(
    asked: str, torch: Any, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as raised:
        resolve_device(asked, torch)
    assert type(raised.value) is error
    # The library names its parameter; the command line shows it as the option typed.
    shown = raised.value.render("en", param=lambda name: f"--{name}")
    assert words in shown and "\n" not in shown
    assert "--" not in str(raised.value)


def test_importing_the_device_rule_does_not_import_torch() -> None:
    code = "import sys, artcharter.base.devices; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0.0029, "2,90 Wh", "2.90 Wh"),
        (0.1, "100 Wh", "100 Wh"),
        (1234.5, f"1{NARROW_NBSP}234 kWh", "1,234 kWh"),
        (0.00004, "40,0 mWh", "40.0 mWh"),
        (None, "–", "–"),
    ],
)
def test_energy_in_both_languages(value: float | None, fr: str, en: str) -> None:
    assert (fmt_energy(value, "fr"), fmt_energy(value, "en")) == (fr, en)


def test_numbers_and_masses_in_both_languages() -> None:
    assert (fmt_number(12345.678, "fr", 7), fmt_number(12345.678, "en", 7)) == (
        f"12{NARROW_NBSP}345,68",
        "12,345.68",
    )
    assert (fmt_mass_co2(0.0026, "fr"), fmt_mass_co2(0.0026, "en")) == (
        "2,60 g CO₂e",
        "2.60 g CO₂e",
    )


@pytest.mark.parametrize(
    ("share", "fr", "en"),
    [
        (0.08, f"8{NARROW_NBSP}%", "8%"),
        (0.0, f"0{NARROW_NBSP}%", "0%"),
        (0.001, f"<1{NARROW_NBSP}%", "<1%"),
        (0.999, f">99{NARROW_NBSP}%", ">99%"),
        (1.0, f"100{NARROW_NBSP}%", "100%"),
        (None, "–", "–"),
    ],
)
def test_percentages_in_both_languages(share: float | None, fr: str, en: str) -> None:
    assert (fmt_percent(share, "fr"), fmt_percent(share, "en")) == (fr, en)


def test_percentage_ranges_and_fixed_decimals_in_both_languages() -> None:
    assert fmt_percent_range(0.08, 0.25, "en") == "8%–25%"
    assert fmt_percent_range(0.08, 0.25, "fr") == f"8{NARROW_NBSP}%–25{NARROW_NBSP}%"
    assert (fmt_fixed(0.5, "fr"), fmt_fixed(0.5, "en")) == ("0,50", "0.50")
    assert (decimal_mark("0.25", "fr"), decimal_mark("0.25", "en")) == ("0,25", "0.25")
    assert fmt_fixed(1.23456, "en", 3) == "1.235"


# --- TOML text ---------------------------------------------------------------------------------


@given(st.text())
def test_toml_string_round_trips_any_text(text: str) -> None:
    assert tomllib.loads(f"a = {toml_string(text)}")["a"] == text


def test_toml_string_escapes_every_control_character_and_keeps_the_rest() -> None:
    controls = "".join(map(chr, [*range(0x20), 0x7F]))
    written = toml_string(controls + '"\\')
    assert not any(ord(c) < 0x20 or ord(c) == 0x7F for c in written)
    assert tomllib.loads(f"a = {written}")["a"] == controls + '"\\'
    assert toml_string('Marée "basse"') == '"Marée \\"basse\\""'
    assert toml_string("a\tb\nc") == '"a\\tb\\nc"'
