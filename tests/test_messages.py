"""The message catalogues: complete in every language, French typography, no key used that a
catalogue lacks and no text that nothing uses, fields that match their templates; and a third
language added to the catalogues alone reaches every charter rule."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from charter_helpers import (
    full_declaration,
    generated_declaration,
    generated_evidence,
    labelled_evidence,
    no_ai_declaration,
)

from artcharter.audits.messages import MESSAGES as AUDITS
from artcharter.base import messages
from artcharter.base.messages import MESSAGES as BASE
from artcharter.base.messages import Catalogue, Message, placeholders
from artcharter.charter.evaluate import evaluate
from artcharter.charter.evidence import Evidence
from artcharter.charter.messages import MESSAGES as CHARTER_TEXTS
from artcharter.charter.model import default_charter
from artcharter.cli.messages import MESSAGES as CLI
from artcharter.provenance.messages import MESSAGES as PROVENANCE
from artcharter.reports.explanations import DEMO, FAMILIES, UNKNOWN
from artcharter.reports.messages import MESSAGES as REPORTS
from artcharter.serve.texts import MESSAGES as DESK

PACKAGE = Path(__file__).resolve().parents[1] / "artcharter"
# The bottom layer's, the four rooms' and the two doors' (the desk, the command line).
CATALOGUES = {c.name: c for c in (BASE, AUDITS, PROVENANCE, CHARTER_TEXTS, REPORTS, DESK, CLI)}
ENTRIES = [(c.name, key) for c in CATALOGUES.values() for key in c.texts]
# Texts whose languages rightly use different fields: English agrees "artwork(s)" with the
# total ("1 of 3 artworks"), French agrees the noun with the count ("1 œuvre sur 3").
OWN_FIELDS = {
    f"reports.charter_{which}_{number}" for which in ("met", "unmet") for number in ("one", "many")
}


def modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


# Functions that take a key of a catalogue: the reports' t() and maybe(), the desk's, and
# the command line's text() and help_text().
KEY_FUNCTIONS = {
    "artcharter.reports.i18n": ("reports", ("t", "maybe")),
    "artcharter.serve.texts": ("desk", ("text", "both", "count")),
    "artcharter.cli.messages": ("cli", ("text", "help_text")),
}


def catalogue_names(tree: ast.Module) -> dict[str, Catalogue]:
    """The names a module calls with a key, and the catalogue each reads:
    {"MESSAGES": <charter>, "t": <reports>}."""
    names = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        room = node.module.split(".")[1] if node.module.count(".") >= 2 else ""
        for alias in node.names:
            if (
                node.module.endswith(".messages")
                and alias.name == "MESSAGES"
                and room in CATALOGUES
            ):
                names[alias.asname or alias.name] = CATALOGUES[room]
            elif node.module in KEY_FUNCTIONS:
                owner, functions = KEY_FUNCTIONS[node.module]
                if alias.name in functions:
                    names[alias.asname or alias.name] = CATALOGUES[owner]
    return names


def message_calls() -> Iterator[tuple[str, Catalogue, ast.Call]]:
    """Every ``MESSAGES(...)`` call of the package, with the catalogue it reads."""
    for path, tree in modules():
        names = catalogue_names(tree)
        if path.name == "messages.py" and path.parent.name in CATALOGUES:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in (
                "text",
                "template",
                "count",
                "counted",
            ):
                func = func.value  # MESSAGES.text(key, lang, **fields)
            if isinstance(func, ast.Name) and func.id in names:
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                yield where, names[func.id], node


def counted(call: ast.Call) -> bool:
    """MESSAGES.count(key, n, lang), MESSAGES.counted(key, n), the desk's count(key, n, lang)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr in ("count", "counted")
    return isinstance(func, ast.Name) and func.id == "count"


def literal_keys(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return literal_keys(node.body) + literal_keys(node.orelse)
    return []


def key_prefix(node: ast.expr) -> str | None:
    """The constant start of a key built at run time (f"share.{kind}" -> "share.")."""
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant):
            return str(first.value)
    return None


@pytest.mark.parametrize(("room", "key"), ENTRIES)
def test_every_message_has_each_language_and_the_same_fields(room: str, key: str) -> None:
    texts = CATALOGUES[room].texts[key]
    assert set(texts) == set(messages.LANGS), f"{room}.{key}"
    assert all(texts[lang].strip() for lang in messages.LANGS), f"{room}.{key}"
    if f"{room}.{key}" in OWN_FIELDS:
        assert placeholders(texts["fr"]) < placeholders(texts["en"]), f"{room}.{key}"
    else:
        assert placeholders(texts["fr"]) == placeholders(texts["en"]), f"{room}.{key}"


def _without_fields(text: str) -> str:
    """The text without its fields and without code to type (`pip install ...`)."""
    return re.sub(r"`[^`]*`", "X", re.sub(r"\{[^{}]*\}", "X", text))


@pytest.mark.parametrize(("room", "key"), ENTRIES)
def test_french_texts_have_french_typography(room: str, key: str) -> None:
    text = _without_fields(CATALOGUES[room].texts[key]["fr"])
    # A mark used as punctuation (followed by a space or ending the text) has a no-break
    # space before it; "ARCH:TAG", "cuda:N" or a URL are not punctuation.
    for match in re.finditer(r"[:;!?](?=\s|$)", text):
        before = text[: match.start()]
        assert before.endswith("\u00a0"), f"{room}.{key}: {text!r}"
    assert not re.search(r" [:;!?]", text), f"{room}.{key}: {text!r}"
    assert "« " not in text and " »" not in text, f"{room}.{key}: {text!r}"
    assert text.count("«") == text.count("»"), f"{room}.{key}: {text!r}"


def test_every_key_the_code_uses_exists_with_the_fields_it_passes() -> None:
    problems = []
    calls = list(message_calls())
    assert len(calls) > 200  # the scan sees the raise sites and the rules
    for where, catalogue, call in calls:
        if not call.args:
            problems.append(f"{where}: no key")
            continue
        keys = literal_keys(call.args[0])
        if counted(call):  # MESSAGES.count("key", n, lang): key.one and key.other, with {n}
            keys = [f"{key}.{form}" for key in keys for form in ("one", "other")]
        prefix = key_prefix(call.args[0])
        if prefix is not None:
            if not any(k.startswith(prefix) for k in catalogue.texts):
                problems.append(f"{where}: no {catalogue.name} key starts with {prefix!r}")
            continue
        # A key read from a variable (a table of keys) is checked where it is written: the
        # catalogue refuses an unknown key when the code runs, and the tests run it.
        passed = {kw.arg for kw in call.keywords} | ({"n"} if counted(call) else set())
        if isinstance(call.func, ast.Attribute) and call.func.attr == "template":
            passed = {None}  # the raw template: its fields are filled in elsewhere
        for key in keys:
            if key not in catalogue:
                problems.append(f"{where}: {catalogue.name} has no message {key!r}")
            elif None not in passed:  # no **fields: the names can be read here
                wanted = set().union(*map(placeholders, catalogue.texts[key].values()))
                if passed != wanted:
                    problems.append(
                        f"{where}: {key} takes {sorted(wanted)}, given {sorted(passed)}"
                    )
    assert not problems, "\n".join(problems)


def test_every_text_of_a_catalogue_is_used() -> None:
    used: dict[str, set[str]] = {name: set() for name in CATALOGUES}
    prefixes: dict[str, set[str]] = {name: set() for name in CATALOGUES}
    for path, tree in modules():
        if path.name == "messages.py" and path.parent.name in CATALOGUES:
            continue
        rooms = {c.name for c in catalogue_names(tree).values()}
        if path.parent.name == "serve":  # the desk's modules read its table by key
            rooms.add("desk")
        strings = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        for room in rooms:
            used[room] |= strings & set(CATALOGUES[room].texts)
    for _, catalogue, call in message_calls():
        if call.args and (prefix := key_prefix(call.args[0])) is not None:
            prefixes[catalogue.name].add(prefix)
        if call.args and counted(call):
            prefixes[catalogue.name].update(f"{key}." for key in literal_keys(call.args[0]))
    # Keys read through a variable: source_type_words(), a model family's texts
    # (Family.training, Family.licence) and the templates' t('...').
    prefixes["reports"].update(("source_type.", "family.", "equivalent."))
    families = (*FAMILIES, DEMO, UNKNOWN)
    assert {f"family.{f.key}.{part}" for f in families for part in ("training", "licence")} <= set(
        REPORTS.texts
    )
    for template in (PACKAGE / "reports" / "templates").glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        used["reports"] |= set(re.findall(r"[\"']([a-z0-9_.]+)[\"']", text)) & set(REPORTS.texts)
        # tn('key', n): a counted text, its forms key.one and key.other
        prefixes["reports"] |= {f"{k}." for k in re.findall(r"tn\('([a-z0-9_.]+)'", text)}
    # The desk: its templates read t.key, its script the texts pages.py hands it, and the
    # labels of nested tables are read as field.<key> by field_label().
    prefixes["desk"].add("field.")
    for template in (PACKAGE / "serve" / "templates").rglob("*"):
        if template.is_file():
            text = template.read_text(encoding="utf-8")
            used["desk"] |= set(re.findall(r"\bt\.([a-z0-9_]+)", text)) & set(DESK.texts)
    dead = [
        f"{name}.{key}"
        for name, catalogue in CATALOGUES.items()
        for key in catalogue.texts
        if key not in used[name] and not any(key.startswith(p) for p in prefixes[name])
    ]
    assert not dead, dead


def _sample(spec: str) -> Any:
    """A field value that the format spec accepts."""
    if spec.startswith("%"):
        return dt.datetime(2026, 3, 14, 10, 30, tzinfo=dt.UTC)
    if spec and spec[-1] in ",do":
        return 1234
    if spec and spec[-1] in "gf":
        return 1.5
    return "Alice"


@pytest.mark.parametrize(("room", "key"), ENTRIES)
def test_every_text_renders_with_its_fields(room: str, key: str) -> None:
    catalogue = CATALOGUES[room]
    for lang in messages.LANGS:
        template = catalogue.texts[key][lang]
        fields = {
            name: _sample(spec or "")
            for _, name, spec, _ in messages._FORMATTER.parse(template)
            if name
        }
        text = catalogue(key, **fields).render(lang)
        assert "{" not in text.replace("{}", "") or "{{" in template, text


def test_parameters_read_as_the_reader_typed_them() -> None:
    message = PROVENANCE("label.exists", output="out.png", param="force")
    assert str(message) == "out.png already exists: choose another name or pass force"
    shown = message.render("fr", param=lambda name: "--" + name)
    assert shown == "out.png existe déjà\u00a0: choisissez un autre nom ou passez --force"


def test_every_parameter_of_a_message_reads_as_typed() -> None:
    message = PROVENANCE("generate.count_range", param="n", param_batch_size="batch_size")
    assert str(message) == "n and batch_size must be at least 1"
    assert message.render("en", param=lambda name: "--" + name.replace("_", "-")) == (
        "--n and --batch-size must be at least 1"
    )


# --- a third language reaches every rule without any rule knowing it ---------------------------


def _placeholder_texts(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """Each message with a "de" column: DE[key] and its fields, as a translator would start."""
    texts = {}
    for key, by_lang in catalogue.texts.items():
        fields = sorted(placeholders(by_lang["en"]))
        texts[key] = {**by_lang, "de": f"DE[{key}]" + "".join(f" {{{f}}}" for f in fields)}
    return texts


def _evidence() -> list[Evidence]:
    return [
        Evidence(),
        labelled_evidence(full_declaration(), flagged=("poor",)),
        labelled_evidence(None),
        labelled_evidence(no_ai_declaration()),
        generated_evidence(generated_declaration()),
        generated_evidence(None),
    ]


def _all_german(message: Message) -> bool:
    text = message.render("de")
    return text.startswith("DE[") and all(
        _all_german(v) for v in message.fields.values() if isinstance(v, Message)
    )


def test_a_third_language_needs_only_a_catalogue_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "LANGS", ("fr", "en", "de"))
    for catalogue in CATALOGUES.values():
        monkeypatch.setattr(catalogue, "texts", _placeholder_texts(catalogue))
    charter = default_charter()
    seen_rules = set()
    for evidence in _evidence():
        for verdict in evaluate(charter, evidence):
            seen_rules.add(verdict.rule_id)
            assert _all_german(verdict.message), verdict.rule_id
            # A counted text reads the column of its form (key.one, key.other).
            form = rf"DE\[{re.escape(verdict.message.key)}(\.one|\.other)?\]"
            assert re.match(form, verdict.reason["de"]), verdict.reason["de"]
            assert set(verdict.reason) == {"fr", "en", "de"}
            data = verdict.to_dict("de")
            assert data["reason"] == verdict.reason["de"]
            assert data["status_title"].startswith("DE[status.")
            assert data["reason_message"]["key"] == f"charter.{verdict.message.key}"
            # French and English are still there, untouched.
            assert not verdict.reason["en"].startswith("DE[")
    assert seen_rules == {rule.id for rule in charter.active_rules}


def test_counted_texts_follow_each_language_s_plural() -> None:
    # French counts 0 as one ("0 image lue"), English does not ("0 images read").
    assert [AUDITS.count("sentence.images_read", n, "fr") for n in (0, 1, 2)] == [
        "0 image lue",
        "1 image lue",
        "2 images lues",
    ]
    assert [AUDITS.count("sentence.images_read", n, "en") for n in (0, 1, 2)] == [
        "0 images read",
        "1 image read",
        "2 images read",
    ]


def test_a_counted_message_chooses_its_form_in_the_reader_s_language() -> None:
    # Made where the count is known (a worker, a rule), rendered where the language is.
    import pickle

    made = [DESK.counted("charter_failed", n) for n in (0, 1, 2)]
    assert [m.render("fr") for m in made] == [
        "0 règle obligatoire non respectée",
        "1 règle obligatoire non respectée",
        "2 règles obligatoires non respectées",
    ]
    assert [m.render("en") for m in made] == [
        "0 required rules failed",
        "1 required rule failed",
        "2 required rules failed",
    ]
    assert made[2].to_dict() == {"key": "desk.charter_failed", "fields": {"n": 2}}
    assert pickle.loads(pickle.dumps(made[1])).render("fr") == made[1].render("fr")
    with pytest.raises(KeyError):
        DESK.counted("charter_passed", 1)  # not a counted text


def test_a_message_crosses_to_another_process_by_name() -> None:
    """Forked workers send messages back: the catalogue travels by name, not as its whole
    table, and a process that never imported it finds it again."""
    import pickle
    import subprocess
    import sys

    message = CHARTER_TEXTS("signer.none")
    data = pickle.dumps(message)
    assert len(data) < 500
    assert pickle.loads(data).catalogue is CHARTER_TEXTS
    code = "import pickle, sys; print(pickle.loads(sys.stdin.buffer.read()).render('fr'))"
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert out.strip() == message.render("fr")


def test_a_catalogue_given_other_texts_renders_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # Texts without fields are rendered once per language; new texts are not served stale.
    key = next(k for k, v in DESK.texts.items() if not messages.placeholders(v["en"]))
    before = DESK.text(key, "en")
    monkeypatch.setattr(DESK, "texts", {**DESK.texts, key: {"fr": "autre", "en": "other"}})
    assert DESK.text(key, "en") == "other" != before
