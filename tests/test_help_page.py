"""The --help pages at 80 columns, in both languages, and usage errors a person can act on:
the option they meant, the option they forgot, the command to run first."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_edge import COMMANDS

# Renders every help page of the app in one process (the help language is set once per
# process), as `artcharter ... --help` prints it on an 80-column terminal.
_ALL_PAGES = """
import io, json, sys
from contextlib import redirect_stdout
import typer
from artcharter.cli import app, run

pages = {}
for path in json.loads(sys.argv[2]):
    out = io.StringIO()
    with redirect_stdout(out):
        code = run(["--lang", sys.argv[1], *path, "--help"])
    command = typer.main.get_command(app)
    for word in path:
        command = command.commands[word]
    options = [o for p in command.params for o in (*p.opts, *p.secondary_opts) if "-" in o]
    helps = [p.help for p in command.params if getattr(p, "help", None)]
    pages[" ".join(path)] = [code, out.getvalue(), options, helps]
print(json.dumps(pages))
"""

PAGES = [(), ("keys",), ("probe",), ("ledger",), *COMMANDS]


Page = tuple[int, str, list[str], list[str]]  # exit code, page, options, their help


def _pages(lang: str) -> dict[str, Page]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    done = subprocess.run(
        [sys.executable, "-c", _ALL_PAGES, lang, json.dumps(PAGES)],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"},
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, Page]]:
    return {lang: _pages(lang) for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_help_page_reads_at_80_columns(pages: dict[str, dict[str, Page]], lang: str) -> None:
    for path, (code, page, options, helps) in pages[lang].items():
        assert code == 0, path
        lines = page.splitlines()
        assert max(len(line) for line in lines) <= 80, path
        # No Python type, no cut name or sentence, no click words in English.
        assert not re.search(r"<(str|int|float|bool|path|list\[.*?\])>", page), path
        assert "[required]" not in page and "Show this message" not in page, path
        flat = " ".join(page.replace("│", " ").split())
        for option in options:  # every option's names in full
            assert re.search(rf"(^|[\s,/]){re.escape(option)}([\s,/]|$)", flat), (path, option)
        for text in helps:  # every help in full, its no-break spaces kept
            assert " ".join(text.split()) in flat, (path, text)
        if lang == "fr":
            assert "Utilisation\u00a0: artcharter" in page and "Usage:" not in page, path
            assert "(obligatoire)" in page or "(required)" not in page
        # French's no-break spaces are never a line break: no line starts with ":" or "»".
        assert not [line for line in lines if re.match(r"│\s+[:;!?»]", line)], path


def test_options_are_grouped_and_commands_by_who_uses_them(
    pages: dict[str, dict[str, Page]],
) -> None:
    label = pages["fr"]["label"][1]
    for panel in ("Arguments", "Ce que le fichier dit de l'œuvre", "Signature", "Sortie"):
        assert f"─ {panel}" in label
    # Two lines per option: its names and the kind of value, then its help in full.
    assert re.search(r"│ -o, --output CHEMIN \(obligatoire\)\s+│\n│     Où écrire", label)
    assert "--private-prompt / --no-private-prompt" in label
    assert "--ingredient TEXTE" in label and "Répétable." in label
    app_page = pages["en"][""][1]
    for panel in ("Artists: make and sign", "Juries and viewers", "Schools", "Measures"):
        assert f"─ {panel}" in app_page
    assert "Default: 1." in pages["en"]["generate"][1]


def _error(*argv: str, cwd: Path | None = None) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    code = "import sys; from artcharter.cli import run; sys.exit(run(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, cwd=cwd
    )
    assert done.stdout == ""
    return done.returncode, done.stderr.strip()


@pytest.mark.parametrize(
    ("argv", "english", "french"),
    [
        (
            ("generate", "a lighthouse", "--num", "3"),
            "unknown option --num: did you mean --n?",
            "option inconnue\u00a0: --num. Vouliez-vous dire --n\u00a0?",
        ),
        (
            ("verifi", "x.png"),
            "unknown command verifi: did you mean verify?",
            "commande inconnue\u00a0: verifi. Vouliez-vous dire verify\u00a0?",
        ),
        (
            ("label", "phare.png"),
            "the option -o/--output is needed",
            "il manque l'option -o/--output",
        ),
        (
            ("generate", "x", "-n", "many"),
            "invalid value for -n/--n: a whole number is expected",
            "valeur invalide pour -n/--n\u00a0: un nombre entier est attendu",
        ),
        (
            ("serve", "--port", "99999"),
            "invalid value for --port: a number from 0 to 65535 is expected",
            "valeur invalide pour --port\u00a0: un nombre de 0 à 65535 est attendu",
        ),
        (("init", "a", "b"), "unexpected extra argument(s): b", "argument(s) en trop\u00a0: b"),
    ],
)
def test_usage_errors_say_what_to_type(
    tmp_path: Path, argv: tuple[str, ...], english: str, french: str
) -> None:
    for lang, expected in (("en", english), ("fr", french)):
        code, err = _error("--lang", lang, *argv, cwd=tmp_path)
        assert code == 2, err
        assert len(err.splitlines()) == 1 and expected in err, err
        help_word = "see" if lang == "en" else "voir"
        if "--n" not in expected or "inconnue" in expected or "unknown" in expected:
            assert f"({help_word} `artcharter" in err


def test_keys_issue_without_a_school_root_names_the_commands_to_run(tmp_path: Path) -> None:
    code, err = _error("--lang", "en", "keys", "issue", "--artist", "Ana", cwd=tmp_path)
    assert code == 3
    assert "`artcharter init`" in err and "`artcharter keys init-school --name" in err
    code, err = _error("--lang", "fr", "keys", "issue", "--artist", "Ana", cwd=tmp_path)
    assert "créez le projet avec `artcharter init`" in err and "keys init-school" in err
    from artcharter.cli import run

    assert run(["--lang", "fr", "init", str(tmp_path / "p")]) == 0
    code, err = _error("keys", "issue", "--artist", "Ana", cwd=tmp_path / "p")
    assert code == 3 and "`artcharter keys init-school" in err and "artcharter init" not in err
    assert "ce projet n'a pas encore de racine d'école" in err  # the project's language
