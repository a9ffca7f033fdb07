"""Every `artcharter` command the READMEs and the docs show, run as written, in the language
of the page that shows it: a French page's commands must answer in French.

tests/test_docs.py checks that the commands and options exist; this one runs them, in one
demo project made once (`artcharter demo`, as the README's first command does), from a
folder holding every file the docs name (a signed image under each image name, a completed
declaration, the school's certificate...). A command may fail for the reason the docs
expect (a tampered file, a charter rule not met): only a crash or a line in the other
language fails the test.

Skipped, each with its reason (``SKIPS``): servers that run until stopped (`serve`, `tsa
serve`: tests/test_serve_api.py and tests/test_timestamps.py start them for real), and
generation or probes with a model other than the offline `demo` one (its weights come from
the network; a GPU makes it practical). Demo generations and campaigns run with one image
(``FEWER``): the same path, a fraction of the time. Codes behind `--json` are data, not sentences: a
`--json` command's output is not checked for language.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_docs import DOCS, FENCE, ROOT, artcharter_commands, shell_lines

from artcharter.cli import run

# --- which language a page (or a part of a page) is in -----------------------------------

ENGLISH = frozenset(
    """the of and is are with for to not from this that was were by its an has have which
    when what only but than their these those into been does should must cannot could
    would there here your you it no yes""".split()  # noqa: SIM905 - a list of words
)
FRENCH = frozenset(
    """le la les des du de et est sont avec pour pas une un dans sur ce cette qui que ne
    au aux par ou votre vous il elle ses leur plus sans aucun aucune""".split()  # noqa: SIM905
)
# What is not a sentence: paths, hashes, options, commands, codes, quoted names.
NOT_WORDS = re.compile(
    r"`[^`]*`|\"[^\"]*\"|«[^»]*»|https?://\S+|\S*[/\\]\S*|\S+\.\w{2,4}\b|--?[\w-]+|"
    r"\b[0-9a-f]{12,}\b|\b\w*[A-Z]\w*[A-Z]\w*\b|\b\w+[_.]\w+\b|\([a-z]\w*\)"
)


def words(text: str) -> list[str]:
    return re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", NOT_WORDS.sub(" ", text).lower())


def language(text: str) -> str | None:
    """fr, en, or None when the text has too few common words to tell."""
    found = [w.split("'")[-1] for w in words(text)]
    en = sum(w in ENGLISH for w in found)
    fr = sum(w in FRENCH for w in found)
    if en + fr < 2:
        return None
    return "en" if en > fr else "fr"


def english_lines(output: str) -> list[str]:
    """The lines of ``output`` written in English."""
    return [line for line in output.splitlines() if language(line) == "en"]


# --- the documented commands, with the language of their page ------------------------------


def documented_by_language() -> Iterator[tuple[str, str, list[str]]]:
    """(lang, where, arguments) of each documented command. A README is in one language;
    a doc in docs/ has its English part, then its French part under a French title."""
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        lang = "fr" if doc.name.endswith(".fr.md") else "en"
        parts = re.split(r"^(# .*)$", text, flags=re.M)
        heading = ""
        for part in parts:
            if part.startswith("# "):
                heading = part
                continue
            if not doc.name.startswith("README"):
                lang = language(heading + " " + part[:600]) or lang
            block_text = "\n".join(f"```bash\n{b}```" for _, b in FENCE.findall(part))
            for line in shell_lines(block_text):
                for args in artcharter_commands(line):
                    if args:
                        yield lang, f"{doc.relative_to(ROOT)}: {line}", args


# Why a documented command is not run here.
SERVER = "a server that runs until stopped (tests/test_serve_api.py, tests/test_timestamps.py)"
CLUSTER = "a Ray cluster (tests/test_cluster.py)"
NETWORK = "a model other than the offline demo one: its weights come from the network"
# The commands that load a model, and the option naming each model they load.
MODELS = {"generate": ("--model",), "probe campaign": ("--model", "--clip"),
          "probe artwork": ("--clip",), "probe validate": ("--clip",)}  # fmt: skip


def skip_reason(args: list[str]) -> str | None:
    line = re.sub(r"^(--(project|ledger|lang)[ =]\S+ )+", "", shlex.join(args))
    if re.match(r"(serve|tsa serve)\b", line):
        return SERVER
    if "--cluster" in args:
        return CLUSTER
    for command, options in MODELS.items():
        if line.startswith(command + " ") or line == command:
            named = {o: args[i + 1] for i, o in enumerate(args[:-1]) if o in options}
            if any(named.get(option) != "demo" for option in options):
                return NETWORK
    return None


COMMANDS = list(documented_by_language())


# --- the project and the folder every command runs in -------------------------------------

IMAGE = re.compile(r"\.(png|jpe?g|webp)$", re.I)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A demo project (school, artist, two generated images), made once."""
    base = tmp_path_factory.mktemp("docs-run")
    with contextlib.chdir(base):
        assert run(["--lang", "fr", "demo"]) == 0
    project = base / "demo-project"
    signed = sorted((project / "generated").glob("*.png"))[0]
    return {"base": base, "project": project, "signed": signed}


OUTPUTS = ("-o", "--output", "--report-dir")


def prepared(args: list[str], workshop: dict[str, Path], folder: Path) -> list[str]:
    """``args`` run in ``folder``, where every image, folder of images, declaration,
    charter or certificate the command reads exists under the name the docs give it,
    made of the demo project's contents; the docs' own --project stands for the demo's."""
    out: list[str] = []
    words = iter(args)
    for word in words:
        if not out and word in ("--project", "--ledger"):  # global, before the command
            next(words, None)
            continue
        if not out and word.startswith(("--project=", "--ledger=")):
            continue
        if word.startswith((">", "2>")):  # a shell redirection ends the command
            break
        word = re.sub(r"<[^>]+>", "x", word)  # <file>.png -> x.png
        word = {"IMAGE": "placeholder.png", "FILE": "placeholder.png", "FOLDER": "works"}.get(
            word, word
        )
        if not (out[-1:] and out[-1] in OUTPUTS):
            _provide(word.split(":")[0], out[-1] if out else "", workshop, folder)
        out.append(word)
    return ["--project", str(workshop["project"]), *smaller(out)]


# Images a documented command makes, cut to the fewest that still run its whole path: the
# demo model renders on the CPU, and the suite has to stay fast on two cores.
FEWER = {"--n": "1", "-n": "1", "--per-prompt": "1", "--subjects": "nurse"}


def smaller(args: list[str]) -> list[str]:
    return [FEWER.get(args[i - 1], word) if i else word for i, word in enumerate(args)]


def _provide(name: str, option: str, workshop: dict[str, Path], folder: Path) -> None:
    """Make the file or folder ``name`` the command reads, when it is missing."""
    target = folder / name
    if not name or name.startswith("-") or target.exists() or name.startswith(("/", "~")):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if IMAGE.search(name):
        shutil.copy(workshop["signed"], target)
    elif name.endswith("/") and option != "--images":  # a folder of artworks
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(workshop["signed"], target / "oeuvre.png")
    elif name.endswith(".pem"):
        shutil.copy(workshop["project"] / "keys" / "school-root.pem", target)
    elif name.endswith(".toml") and (option == "--charter" or "chart" in name):
        from artcharter.charter.model import DEFAULT_PATH

        shutil.copy(DEFAULT_PATH, target)
    elif name.endswith(".toml"):  # a declaration, as `declare` writes it for the artwork
        with contextlib.redirect_stdout(io.StringIO()), contextlib.chdir(folder):
            run(["--project", str(workshop["project"]), "declare", str(workshop["signed"]),
                 "-o", str(target)])  # fmt: skip


def run_captured(args: list[str], cwd: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(args)
    return code, out.getvalue() + err.getvalue()


def test_commands_are_found_in_both_languages() -> None:
    langs = {lang for lang, _, _ in COMMANDS}
    assert langs == {"fr", "en"}
    assert len(COMMANDS) > 100
    assert english_lines("artcharter: error: il manque l'option -o/--output") == []
    assert english_lines("the file was signed by the school") != []
    assert english_lines("signataire : Alice Martin (ESAD), fichier signed.png") == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_documented_command_runs_in_its_page_s_language(
    workshop: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    folder = tmp_path / "here"
    (folder / "works").mkdir(parents=True)
    shutil.copy(workshop["signed"], folder / "works" / "one.png")
    problems, ran, done, skipped = [], 0, 0, {}
    for page_lang, where, args in COMMANDS:
        if page_lang != lang:
            continue
        reason = skip_reason(args)
        if reason:
            skipped[where] = reason
            continue
        command = re.sub(r"^(--(project|ledger|lang)[ =]\S+ )+", "", shlex.join(args))
        if command.startswith("demo"):
            continue  # the fixture ran it, in French
        argv = prepared(args, workshop, folder)
        asked = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--lang"]
        if not asked:
            argv = ["--lang", lang, *argv]
        code, output = run_captured(argv, folder)
        ran += 1
        done += code == 0
        if code not in (0, 1, 2, 3):
            problems.append(f"{where}\n    exit {code}\n{output}")
        elif lang == "fr" and not asked and "--json" not in args:
            for line in english_lines(output):
                problems.append(f"{where}\n    English line: {line!r}")
    assert ran > 50 and done > 30, (ran, done)  # most commands really ran
    assert problems == [], "\n".join(problems)
