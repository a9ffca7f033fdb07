"""The command-line door for the provenance core: init, keys, label, verify, ledger."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from artcharter.cli import run

from conftest import make_image

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a school and a default artist, as a school sets it up."""
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert (
        run(
            [
                "keys",
                "issue",
                "--artist",
                "Alice Martin",
                "--email",
                "alice@example.org",
                "--default",
            ]
        )
        == 0
    )
    return root


def label_args(src: Path, out: Path, *extra: str) -> list[str]:
    return [
        "label",
        str(src),
        "-o",
        str(out),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--tool",
        "Midjourney v6",
        *extra,
    ]


def test_full_path_label_verify_ledger(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_image(project / "work.png")
    sketch = make_image(project / "sketch.jpg", (20, 20))
    assert (
        run(
            label_args(
                src,
                project / "signed.png",
                "--prompt",
                "un renard",
                "--ingredient",
                f"{sketch}:sketch",
                "--title",
                "Renard",
            )
        )
        == 0
    )
    capsys.readouterr()
    # verify trusts keys/school-root.pem without --trust
    assert run(["verify", "signed.png", "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["verdict"] == "trusted"
    assert result["signer"] == {
        **result["signer"],
        "name": "Alice Martin",
        "organisation": "ESAD Exemple",
    }
    assert result["ingredients"][0]["title"] == "sketch.jpg"
    assert "explanation" in result and "en" in result["explanation"]
    assert run(["ledger", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["counts"]["artworks"] == 1 and listing["counts"]["verifications"] == 1
    assert run(["ledger", "show", "signed.png"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (
        shown["record"]["title"] == "Renard" and shown["verifications"][0]["verdict"] == "trusted"
    )


def test_keys_and_ledger_lists_in_each_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = make_image(project / "work.png")
    assert run(label_args(src, project / "signed.png")) == 0
    capsys.readouterr()
    assert run(["--lang", "fr", "keys", "list"]) == 0
    root_line, artist_line = capsys.readouterr().out.splitlines()
    assert root_line.startswith("racine ") and artist_line.startswith("artiste ")
    assert (
        re.search(r"jusqu'au \d{1,2}(er)? \w+ 20\d\d", artist_line) and "until" not in artist_line
    )
    assert run(["--lang", "en", "keys", "list"]) == 0
    root_line, artist_line = capsys.readouterr().out.splitlines()
    assert root_line.startswith("root ") and re.search(r"until \d{1,2} [A-Z]\w+ 20", artist_line)
    assert run(["--lang", "fr", "keys", "show", "Alice Martin"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^rôle +artiste$", out, re.M) and re.search(r"^expiré +non$", out, re.M)
    assert "empreinte SHA-256" in out and "fingerprint" not in out and "not_after" not in out
    assert run(["--lang", "en", "keys", "show", "root"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^role +root$", out, re.M) and re.search(r"^expired +no$", out, re.M)
    assert re.search(r"^valid until +\d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d UTC$", out, re.M)
    assert "None" not in out and "not_after" not in out

    assert run(["--lang", "fr", "ledger", "list"]) == 0
    counts, row = capsys.readouterr().out.splitlines()
    assert counts.startswith("registre\u00a0: œuvres 1, ")
    assert "  signée    " in row and "signed" not in row.replace("signed.png", "")
    assert run(["--lang", "en", "ledger", "list"]) == 0
    counts, row = capsys.readouterr().out.splitlines()
    assert counts.startswith("ledger: artworks 1, ") and "  signed    " in row


def test_verify_exit_codes_and_languages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_image(project / "work.png")
    run(label_args(src, project / "signed.png"))
    (project / "notes.txt").write_text("hello")
    capsys.readouterr()
    assert run(["verify", "signed.png"]) == 0
    assert run(["verify", "signed.png", "work.png"]) == 1  # unsigned file: no credential
    assert run(["verify", "signed.png", "notes.txt"]) == 2  # unreadable
    capsys.readouterr()
    assert run(["--lang", "fr", "verify", "work.png"]) == 1
    out = capsys.readouterr().out
    # French puts a no-break space before the colon.
    assert "work.png\u00a0: Sans Content Credentials\n" in out and "no-credential" not in out
    assert "ne porte pas de Content Credentials" in out
    assert run(["--lang", "en", "verify", "work.png"]) == 1
    assert "work.png: No Content Credentials\n" in capsys.readouterr().out
    assert run(["--lang", "fr", "verify", "signed.png"]) == 0
    out = capsys.readouterr().out
    assert "signed.png\u00a0: De confiance" in out
    assert "  signataire\u00a0: Alice Martin (ESAD Exemple)" in out


def test_french_lines_put_a_space_before_the_colon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "projet\u00a0: " in out and "registre\u00a0: " in out and "ensuite\u00a0:" in out
    # The next steps are whole commands, one per line, that work as printed.
    cd, school, artist = [line.strip() for line in out.splitlines()[-3:]]
    monkeypatch.chdir(shlex.split(cd)[1])
    assert run(shlex.split(school)[1:]) == 0
    out = capsys.readouterr().out
    assert run(shlex.split(artist)[1:]) == 0
    assert "certificat racine\u00a0: " in out
    assert "(mode 0600\u00a0: à garder sur cette machine)" in out
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    out = capsys.readouterr().out
    assert "chaîne de certificats\u00a0: " in out
    assert "(mode 0600\u00a0: à ne remettre qu'à Alice Martin)" in out
    src = make_image(root / "work.png")
    assert run(label_args(src, root / "signed.png")) == 0
    assert capsys.readouterr().out.startswith(f"signée\u00a0: {root / 'signed.png'}  (œuvre ")
    assert run(["--lang", "en", *label_args(src, root / "again.png")]) == 0
    assert capsys.readouterr().out.startswith(f"signed: {root / 'again.png'}  (artwork ")


def test_verify_report_dir_and_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    images = project / "expo"
    images.mkdir()
    for i in range(5):
        run(
            label_args(
                make_image(project / f"w{i}.png", color=(i * 40, 10, 10)), images / f"s{i}.png"
            )
        )
    # What a Mac leaves on a USB stick: resource forks next to each image, never artworks.
    (images / "._s0.png").write_bytes(b"\x00\x05\x16\x07 not an image")
    (images / "notes.txt").write_text("not an image")
    capsys.readouterr()
    assert run(["verify", str(images), "--json", "--report-dir", "reports"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5
    assert run(["check", str(images), "--json"]) in (0, 1)
    assert len(json.loads(capsys.readouterr().out)) == 5
    report = json.loads((project / "reports" / "s0.png.verify.json").read_text())
    assert report["verdict"] == "trusted" and set(report["explanation"]) == {"fr", "en"}


def test_trust_option_replaces_default(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(label_args(make_image(project / "work.png"), project / "signed.png"))
    run(["keys", "--help"])
    other = tmp_path / "other"
    other.mkdir()
    assert run(["--project", str(other), "keys", "init-school", "--name", "Autre École"]) == 0
    capsys.readouterr()
    assert (
        run(["verify", "signed.png", "--trust", str(other / "keys" / "school-root.pem"), "--json"])
        == 1
    )
    assert json.loads(capsys.readouterr().out)[0]["verdict"] == "valid-untrusted"


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["label", "missing.png", "-o", "o.png", "--source-type", "humanEdits"], 2, "no such file"),
        (["label", "work.png", "-o", "o.png", "--source-type", "robot"], 2, "unknown source type"),
        (["verify", "x.png", "--trust", "nowhere.pem"], 2, "trust anchor not found"),
        (["keys", "show", "Nobody"], 2, "no certificate"),
        (
            [
                "label",
                "work.png",
                "-o",
                "o.png",
                "--source-type",
                "humanEdits",
                "--artist",
                "Nobody",
            ],
            3,
            "keys issue",
        ),
        (["--lang", "xx", "verify", "work.png"], 2, "fr or en"),
    ],
)
def test_bad_input_is_one_line_with_exit_code(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, needle: str
) -> None:
    make_image(project / "work.png")
    capsys.readouterr()
    assert run(args) == code
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not (project / "o.png").exists()


def test_issue_from_a_protected_root_names_the_root_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ARTCHARTER_PASSPHRASE", raising=False)
    monkeypatch.delenv("ARTCHARTER_ROOT_PASSPHRASE", raising=False)
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD", "--passphrase", "root secret"]) == 0
    capsys.readouterr()
    assert run(["keys", "issue", "--artist", "Alice Martin"]) == 2
    err = capsys.readouterr().err
    assert "--root-passphrase or ARTCHARTER_ROOT_PASSPHRASE" in err
    assert "--passphrase or ARTCHARTER_PASSPHRASE" not in err
    # Both hints work as written.
    args = ["keys", "issue", "--artist", "Alice Martin", "--root-passphrase", "root secret"]
    assert run(args) == 0
    monkeypatch.setenv("ARTCHARTER_ROOT_PASSPHRASE", "root secret")
    assert run(["keys", "issue", "--artist", "Bob Durand"]) == 0


def test_private_prompt_stays_in_ledger_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        label_args(
            make_image(project / "work.png"),
            project / "signed.png",
            "--prompt",
            "secret lighthouse",
            "--private-prompt",
        )
    )
    assert b"secret lighthouse" not in (project / "signed.png").read_bytes()
    capsys.readouterr()
    run(["ledger", "show", "signed.png"])
    assert json.loads(capsys.readouterr().out)["prompt"] == "secret lighthouse"


def test_console_script_verify_does_not_load_heavy_libraries(project: Path) -> None:
    run(label_args(make_image(project / "work.png"), project / "signed.png"))
    code = (
        "import sys; from artcharter.cli import run; rc = run(['verify', 'signed.png']);"
        "heavy = [m for m in ('torch', 'diffusers', 'open_clip', 'codecarbon', 'matplotlib') if m in sys.modules];"
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


def test_console_script_errors_have_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("x")
    done = subprocess.run(
        [ARTCHARTER, "label", "t.txt", "-o", "o.png", "--source-type", "humanEdits"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (2, 3)
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("artcharter: error:")
