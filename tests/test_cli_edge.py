"""The command line's edge: errors in the reader's language, naming what the reader typed,
and the language chain (--lang, ARTCHARTER_LANG, the project's, the locale)."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
import typer

from artcharter.base.errors import BadInput
from artcharter.base.messages import Catalogue
from artcharter.cli import app, register, run
from artcharter.cli.edge import option_namer, reader_lang, render_error, split_global

TEST_MESSAGES = Catalogue(
    "edge-test",
    {
        "bad_choice": {
            "en": "{param} must be one of {choices}",
            "fr": "{param} doit valoir l'une de ces valeurs\u00a0: {choices}",
        },
        "two": {"en": "give {params}", "fr": "donnez {params}"},
    },
)


def command() -> object:
    register()
    return typer.main.get_command(app)


def test_parameter_names_become_the_options_of_the_command() -> None:
    namer = option_namer(command(), ["--lang", "fr", "label", "x.png", "-o", "y.png"])
    assert namer("source_type") == "--source-type"
    assert namer("output") == "--output"
    assert namer("image") == "IMAGE"
    assert namer("not_a_param") == "not_a_param"
    # A command of a group: its own options.
    namer = option_namer(command(), ["keys", "issue", "--artist", "A"])
    assert namer("artist") == "--artist"


def test_an_error_renders_in_the_reader_language_with_the_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = BadInput(TEST_MESSAGES("bad_choice", param="source_type", choices="a, b"))
    assert str(error) == "source_type must be one of a, b"  # the library's own words
    argv = ["--lang", "fr", "label", "x.png"]
    assert render_error(error, command(), argv) == (
        "--source-type doit valoir l'une de ces valeurs\u00a0: a, b"
    )
    both = BadInput(TEST_MESSAGES("two", params=["n", "batch_size"]))
    assert render_error(both, command(), ["generate", "p"]) == "give --n, --batch-size"
    # A plain-text error (text from elsewhere) is shown as it is.
    assert render_error(BadInput("plain words"), command(), argv) == "plain words"


def test_the_language_chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "artcharter.toml").write_text('[project]\nlang = "fr"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert reader_lang(["verify", "x.png"]) == "fr"  # the project's
    assert reader_lang(["--lang", "en", "verify", "x.png"]) == "en"  # --lang first
    assert reader_lang(["report", "x.png", "--lang", "en"]) == "en"  # a command's own
    monkeypatch.setenv("ARTCHARTER_LANG", "en")
    assert reader_lang(["verify", "x.png"]) == "en"  # the variable before the project
    monkeypatch.delenv("ARTCHARTER_LANG")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert reader_lang(["verify", "x.png"]) == "fr"  # the locale, without a project
    (project / "artcharter.toml").write_text("[project\n", encoding="utf-8")
    assert reader_lang(["--project", str(project), "verify"]) == "fr"  # unreadable: locale


def test_split_global() -> None:
    assert split_global(["--lang=fr", "--project", "p", "verify", "--lang", "en"]) == (
        {"--lang": "fr", "--project": "p"},
        ["verify", "--lang", "en"],
    )


def test_a_command_error_reaches_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--lang", "fr", "summary", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("artcharter: error: ") and "ce n'est pas un dossier" in err
    assert err.rstrip().endswith("ou --ledger)")  # the library's from_ledger, as typed
    assert run(["--lang", "en", "summary", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("artcharter: error: ") and "not a folder" in err
    assert err.rstrip().endswith("or --ledger)")


# --- the command line's catalogue and its help in the reader's language ------------------


def help_page(*argv: str, env: dict[str, str] | None = None) -> str:
    """The help a fresh process prints (the help language is chosen once per process)."""
    import os
    import subprocess
    import sys

    code = "import sys; from artcharter.cli import run; sys.exit(run(sys.argv[1:]))"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env={**environ, "COLUMNS": "200", **(env or {})},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_help_follows_the_language_chain(tmp_path: Path) -> None:
    assert "Usage responsable de l'IA générative" in help_page("--lang", "fr", "--help")
    assert "Responsible use of generative AI" in help_page("--help", env={"LANG": "en_US.UTF-8"})
    page = help_page("verify", "--help", env={"ARTCHARTER_LANG": "fr"})
    assert "Images ou dossiers d'images à vérifier." in page
    assert "Certificat racine de confiance (PEM)." in page  # a shared option too
    project = tmp_path / "atelier"
    project.mkdir()
    (project / "artcharter.toml").write_text('[project]\nlang = "fr"\n', encoding="utf-8")
    page = help_page("--project", str(project), "--help", env={"LANG": "en_US.UTF-8"})
    assert "Dossier du projet" in page  # the project's language, before the locale


def test_the_catalogue_has_both_languages() -> None:
    from artcharter.cli.messages import MESSAGES, untranslated

    # Every text the commands print and every --help text has its French.
    missing = untranslated()
    assert missing == []
    assert "help.verify" not in missing and "help.app" not in missing
    for key, by_lang in MESSAGES.texts.items():
        assert "en" in by_lang, key
        if "fr" in by_lang:
            # The same fields in both languages (French takes a name with its article
            # through a format spec, `{file:de}`: "de chat.png", "d'atelier.png").
            fr, en = (placeholders(by_lang[lang]) for lang in ("fr", "en"))
            assert {f.removeprefix("de_") for f in fr} == en, key


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


_HELP_DUMP = """
import json, sys
import typer
from artcharter.cli import app, register
from artcharter.cli.messages import set_help_lang

set_help_lang(sys.argv[1])
register()

def walk(command, path):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))

print(json.dumps({
    " ".join(path): {
        "help": command.help,
        "params": {p.name: getattr(p, "help", None) for p in command.params},
    }
    for path, command in walk(typer.main.get_command(app), ())
}))
"""


def help_texts(lang: str) -> dict[str, Any]:
    """Every command's help and its parameters' help, as the app sets them in ``lang``."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _HELP_DUMP, lang], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_every_help_text_has_its_french() -> None:
    french, english = help_texts("fr"), help_texts("en")
    assert french.keys() == english.keys()
    assert len(french) > 25  # the app, its groups and every command
    same = []
    for command, fr in french.items():
        en = english[command]
        assert fr["help"] and en["help"], command
        if fr["help"] == en["help"]:
            same.append(command)
        for name, text in fr["params"].items():
            # click's own --help option ("Show this message and exit.") has no help here.
            if text is not None and text == en["params"][name]:
                same.append(f"{command} {name}")
    assert same == []


# Every command and subcommand, checked against what the app registers.
COMMANDS = [
    *(("charter", sub) for sub in ("show", "validate")),
    ("check",),
    ("declare",),
    ("demo",),
    ("generate",),
    ("keep",),
    ("discard",),
    ("energy",),
    *(("keys", sub) for sub in ("init-school", "issue", "list", "show", "init-tsa", "revoke")),
    ("tsa", "serve"),
    *(("trust", sub) for sub in ("update", "show")),
    ("label",),
    ("sign-declaration",),
    *(("ledger", sub) for sub in ("list", "show", "import", "merge", "metadata")),
    *(("probe", sub) for sub in ("campaign", "list", "show", "artwork", "prompt", "validate")),
    ("init",),
    ("report",),
    ("cartel",),
    ("summary",),
    ("serve",),
    ("verify",),
]


def test_the_help_pages_checked_are_every_command() -> None:
    registered = help_texts("en")
    paths = set(registered) - {""}  # "" is the app itself
    leaves = {path for path in paths if not any(p.startswith(f"{path} ") for p in paths)}
    assert leaves == {" ".join(command) for command in COMMANDS}


def _starts(lang: str) -> set[str]:
    """The start of every help text in ``lang`` (long texts wrap on the page), less those
    that begin the same in both languages ("occupations (HEIM + Fair Diffusion)...")."""
    from artcharter.cli.messages import MESSAGES

    helps = [t for k, t in MESSAGES.texts.items() if k.startswith("help.")]
    return {t[lang][:30] for t in helps if t["fr"][:30] != t["en"][:30]}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_command_s_help_page_in_the_language_asked(command: tuple[str, ...]) -> None:
    pages = {lang: help_page("--lang", lang, *command, "--help") for lang in ("fr", "en")}
    for lang, other in (("fr", "en"), ("en", "fr")):
        page = " ".join(pages[lang].split())
        assert [start for start in _starts(lang) if start in page], (command, lang)
        assert [start for start in _starts(other) if start in page] == [], (command, lang)
    # The command's own help, in French.
    assert "Utilisation\u00a0: artcharter" in pages["fr"]


def test_why_a_file_could_not_be_verified_is_in_the_reader_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our own reasons (not an image, a folder) follow --lang, in the text and the JSON;
    c2pa's own words would stay as they are, for experts."""
    import json

    text_file = tmp_path / "notes.png"
    text_file.write_text("not an image")
    assert run(["--lang", "fr", "verify", str(text_file)]) == 2
    out = capsys.readouterr().out
    assert "erreur\u00a0: ce n'est pas une image PNG, JPEG ou WebP, une vidéo" in out
    assert "not a PNG" not in out
    assert run(["--lang", "fr", "verify", str(text_file), "--json"]) == 2
    (result,) = json.loads(capsys.readouterr().out)
    assert result["error"].startswith("ce n'est pas une image PNG, JPEG ou WebP, une vidéo")
    assert run(["--lang", "en", "verify", str(text_file), "--json"]) == 2
    (result,) = json.loads(capsys.readouterr().out)
    assert result["error"].startswith("not a PNG, JPEG or WebP image, an MP4 or MOV video")


# --- --lang anywhere, init's language ----------------------------------------------------------


def test_lang_is_read_before_or_after_any_command(tmp_path: Path, capsys, monkeypatch) -> None:
    from artcharter.cli.edge import hoist_lang

    assert hoist_lang(["verify", "x.png", "--lang", "en"]) == ["--lang", "en", "verify", "x.png"]
    assert hoist_lang(["--project", "p", "charter", "show", "--lang=fr"]) == [
        "--lang", "fr", "--project", "p", "charter", "show",
    ]  # fmt: skip
    assert hoist_lang(["probe", "prompt", "--", "--lang"]) == ["probe", "prompt", "--", "--lang"]
    monkeypatch.chdir(tmp_path)
    assert run(["charter", "show", "--lang", "fr"]) == 0
    assert "Charte" in capsys.readouterr().out
    assert run(["verify", "nothere.png", "--lang", "fr"]) == 2
    assert "ce fichier n'existe pas" in capsys.readouterr().out


def test_init_follows_the_locale_and_says_how_to_change(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert run(["init", "a"]) == 0
    out = capsys.readouterr().out
    assert 'lang = "fr"' in (tmp_path / "a" / "artcharter.toml").read_text(encoding="utf-8")
    assert "langue\u00a0: français" in out and '[project] lang = "en"' in out
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run(["init", "b"]) == 0
    assert 'lang = "en"' in (tmp_path / "b" / "artcharter.toml").read_text(encoding="utf-8")
    assert "language: English" in capsys.readouterr().out
    assert run(["--lang", "fr", "init", "c"]) == 0
    assert 'lang = "fr"' in (tmp_path / "c" / "artcharter.toml").read_text(encoding="utf-8")
