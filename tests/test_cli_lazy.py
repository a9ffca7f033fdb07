"""`artcharter CMD` imports only the module of CMD; the table that says which module
registers which command matches what the modules register."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from artcharter.cli import COMMAND_MODULES, app, register
from artcharter.cli.edge import command_name
from artcharter.provenance.label import label
from artcharter.provenance.signing import SigningIdentity
from tests.conftest import make_atelier, make_image


def test_the_table_names_every_command_and_its_module() -> None:
    register()
    registered = {
        (c.name or c.callback.__name__): c.callback.__module__  # type: ignore[union-attr]
        for c in app.registered_commands
    }
    for group in app.registered_groups:
        module = group.typer_instance.registered_commands[0].callback.__module__  # type: ignore[union-attr]
        registered[group.name] = module  # type: ignore[index]
    assert registered == {name: f"artcharter.cli.{m}" for name, m in COMMAND_MODULES.items()}


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["verify", "one.png"], "verify"),
        (["--lang", "fr", "--project", "p", "check", "x.png"], "check"),
        (["--project=p", "keys", "list"], "keys"),
        (["--help", "verify"], None),
        (["--lang", "fr"], None),
        ([], None),
    ],
)
def test_command_name(argv: list[str], name: str | None) -> None:
    assert command_name(argv) == name


def test_verify_imports_only_its_own_command_module(tmp_path: object) -> None:
    code = (
        "import json, sys\n"
        "from artcharter.cli import run\n"
        "run(['verify', '--help'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('artcharter.cli.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = json.loads(out.splitlines()[-1])
    commands = {f"artcharter.cli.{m}" for m in COMMAND_MODULES.values()}
    assert [m for m in loaded if m in commands] == ["artcharter.cli.verify"]


def test_plain_arguments_are_coerced_as_typer_would_without_pydantic() -> None:
    """The light coercion (cli/coercion.py) gives the values typer's own gives, for every
    parameter of every command, and leaves to typer what it does not recognise."""
    import typer

    from artcharter.cli.coercion import install, light_converter

    register()
    install()
    from typer._coercion import build_runtime_param

    command = typer.main.get_command(app)
    samples = ["a.png", "dossier/b c.png", "42", "-3", "1.5", "é", "x" * 3]
    checked = 0

    def walk(group: object) -> None:
        nonlocal checked
        for param in group.params:  # type: ignore[attr-defined]
            descriptor = getattr(param, "type_descriptor", None)
            convert = light_converter(descriptor) if descriptor else None
            if convert is None:
                continue
            own = build_runtime_param(descriptor)
            is_list = descriptor.annotation not in (str, int, float, bool) and str(
                descriptor.annotation
            ).startswith("list")
            values = [samples, samples[:2]] if is_list else [*samples, True, False]
            for value in values:
                try:
                    expected = own._coerce_value(value, param=param, ctx=None)
                except Exception:
                    expected = "refused"
                try:
                    got = convert(value)
                except Exception:
                    got = "refused"  # left to typer's own coercion, which refuses it
                    continue
                assert got == expected and type(got) is type(expected), (param.name, value)
                checked += 1
        for sub in getattr(group, "commands", {}).values():
            walk(sub)

    walk(command)
    assert checked > 100


def test_verify_starts_without_pydantic_or_rich(tmp_path: object) -> None:
    code = (
        "import json, sys\n"
        "from artcharter.cli import run\n"
        "run(['verify', 'missing.png', '--no-ledger'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'rich'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path
    ).stdout
    assert json.loads(out.splitlines()[-1]) == []


def _fresh_run(args: list[str], cwd: Path, watched: tuple[str, ...]) -> tuple[int, list[str], str]:
    """``artcharter ARGS`` in a fresh Python process: its exit code, the watched modules
    it loaded (a package's name covers its modules), and what it printed."""
    code = (
        "import json, sys\n"
        "from artcharter.cli import run\n"
        "watched = json.loads(sys.argv[1])\n"
        "code = run(sys.argv[2:])\n"
        "print(json.dumps([code, sorted(m for m in sys.modules "
        "if m in watched or m.split('.')[0] in watched)]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(watched), *args],
        capture_output=True, text=True, check=True, cwd=cwd,
    ).stdout  # fmt: skip
    exit_code, loaded = json.loads(out.splitlines()[-1])
    return exit_code, loaded, out


def test_verify_without_a_revocation_list_starts_without_cryptography(
    tmp_path: Path, alice: SigningIdentity, school_root: Path
) -> None:
    """cryptography (about 20 ms of a cold start) loads only where a CRL is read: a school
    root without one, given with --trust, verifies a signed file without it."""
    signed = label(
        make_image(tmp_path / "src.png"), tmp_path / "work.png", identity=alice,
        source_type="trainedAlgorithmicMedia",
    ).path  # fmt: skip
    assert not school_root.with_suffix(".crl").exists()
    args = ["verify", str(signed), "--trust", str(school_root), "--no-ledger", "--json"]
    code, loaded, out = _fresh_run(args, tmp_path, ("cryptography", "bcrypt"))
    assert (code, loaded) == (0, [])
    assert '"verdict": "trusted"' in out


def test_a_project_s_anchors_are_read_without_cryptography(
    tmp_path: Path, alice: SigningIdentity, school_dir: Path
) -> None:
    """The school's root and the roots it replaced are the project's anchors: finding them
    is reading files, not parsing certificates (keys.py and cryptography stay out)."""
    root = make_atelier(tmp_path / "atelier", school_dir)
    assert not (root / "keys" / "school-root.crl").exists()
    signed = label(
        make_image(tmp_path / "src.png"), root / "work.png", identity=alice,
        source_type="trainedAlgorithmicMedia",
    ).path  # fmt: skip
    args = ["--project", str(root), "verify", str(signed), "--no-ledger", "--json"]
    watched = ("cryptography", "bcrypt", "artcharter.provenance.keys")
    code, loaded, out = _fresh_run(args, tmp_path, watched)
    assert (code, loaded) == (0, [])
    assert '"verdict": "trusted"' in out


def test_commands_that_do_not_audit_prompts_never_load_spacy(tmp_path: object) -> None:
    """The prompt audit's pipelines (spaCy, about a second) stay out of other commands."""
    code = (
        "import json, sys\n"
        "import artcharter\n"
        "from artcharter.cli import run\n"
        "run(['--project', sys.argv[1], 'verify', 'missing.png'])\n"
        "run(['--project', sys.argv[1], 'probe', '--help'])\n"
        "print(json.dumps([m for m in ('spacy', 'thinc', 'artcharter.audits.bias.nlp')"
        " if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out.splitlines()[-1]) == []
