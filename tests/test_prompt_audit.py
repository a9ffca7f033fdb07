"""The prompt audit in French and English, the prompt sets, and `artcharter probe prompt`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from artcharter.audits.bias import nlp
from artcharter.audits.bias.prompt_audit import (
    audit_prompt,
    audits_ahead,
    fold,
    load_protected_names,
    parse_protected_names,
)
from artcharter.audits.bias.prompt_sets import fill, load_prompt_set
from artcharter.audits.bias.sentences import audit_sentence
from artcharter.base.errors import BadInput

ROOT = Path(__file__).resolve().parents[1]


def found(prompt: str, names: list[str] = ()) -> set[tuple[str, str, str]]:
    """(kind, category, text as written) of every finding."""
    return {(f.kind, f.category, f.text) for f in audit_prompt(prompt, names).findings}


# --- English ------------------------------------------------------------------------------


def test_english_identity_terms_and_descriptors() -> None:
    result = found("A photo of the face of an exotic Black woman, a terrorist")
    assert ("descriptor", "exotic", "exotic") in result
    assert ("descriptor", "terrorist", "terrorist") in result
    assert ("identity", "ethnicity", "Black") in result
    assert ("identity", "gender", "woman") in result


def test_word_boundaries_and_case() -> None:
    assert found("MANGA style humanity, a manhole, womanhood") == set()
    assert ("identity", "gender", "MAN") in found("a MAN reading")
    assert found("a lighthouse at night, oil painting, strong light") == set()


def test_describing_words_only_count_for_a_person() -> None:
    assert found("a black cat on a white wall, black and white photo") == set()
    assert found("a poor harvest, a rich sauce, an old house") == set()
    assert ("identity", "ethnicity", "white") in found("portrait of a white man")
    # the example: nothing was flagged before
    assert ("descriptor", "rich", "rich") in found("a rich businessman in a suit")
    # stacked before the noun, said of the person, or used as a noun
    assert ("descriptor", "poor", "poor") in found("a very poor, old woman")
    assert ("descriptor", "poor", "poor") in found("the woman is poor")
    assert ("descriptor", "poor", "poor") in found("the poor queuing for bread")


def test_what_a_descriptor_describes_is_shown() -> None:
    audit = audit_prompt("a rich and powerful businessman")
    rich = next(f for f in audit.findings if f.category == "rich")
    assert rich.person == "businessman"
    assert rich.to_dict()["person"] == "businessman"


def test_negation_is_reported() -> None:
    audit = audit_prompt("a woman who is not poor, a nurse who is never rich")
    negated = {(f.category, f.negated) for f in audit.findings if f.kind == "descriptor"}
    assert negated == {("poor", True), ("rich", True)}
    assert audit_prompt("a poor man").findings[0].negated is False
    assert "(negated)" in audit_sentence(audit, "en")
    assert "(en négation)" in audit_sentence(audit_prompt("une femme pas riche"), "fr")


def test_every_heim_descriptor_is_found_in_its_own_prompt() -> None:
    for lang in ("en", "fr"):
        for prompt in load_prompt_set("descriptors", langs=[lang]).prompts:
            kinds = {(f.kind, f.category) for f in audit_prompt(prompt.text).findings}
            assert ("descriptor", prompt.subject) in kinds, (lang, prompt.text)


def test_every_occupation_is_recognised_in_its_own_prompt() -> None:
    for lang in ("en", "fr"):
        for prompt in load_prompt_set("occupations", langs=[lang]).prompts:
            audit = audit_prompt(prompt.text)
            assert prompt.subject in audit.occupations, (lang, prompt.text)
            assert not audit.flagged, (lang, prompt.text, audit.flagged)


def test_every_listed_entry_carries_a_known_source() -> None:
    from artcharter.audits.bias.lexicon import builtin
    from artcharter.audits.bias.prompt_audit import SOURCE_CITATIONS

    for lang, entries in builtin().entries.items():
        for words, terms in entries.items():
            for term in terms:
                if term.kind in ("identity", "descriptor", "occupation"):
                    assert term.sources, (lang, words, term)
                    assert set(term.sources) <= set(SOURCE_CITATIONS), (lang, words, term)


# --- French -------------------------------------------------------------------------------


def test_french_accents_and_case_do_not_matter() -> None:
    for text in ("Une INFIRMIÈRE", "une infirmiere", "des Infirmières"):
        audit = audit_prompt(text)
        assert audit.occupations == ("nurse",)
        # the finding points at the words as the artist wrote them, accents included
        (finding,) = audit.of_kind("occupation")
        assert finding.text == text.split(" ", 1)[1]


def test_french_as_people_write_it() -> None:
    """The issue's prompts: every word it says was missed is found."""
    assert {
        ("occupation", "businessperson", "homme d'affaires"),
        ("descriptor", "rich", "riche"),
        ("descriptor", "strong", "puissant"),
    } <= found("un homme d'affaires riche et puissant")
    assert ("identity", "ethnicity", "noires") in found("des infirmières noires souriantes")
    assert {
        ("occupation", "homemaker", "femme au foyer"),
        ("descriptor", "submissive", "soumise"),
    } <= found("portrait d'une femme au foyer soumise")
    assert {
        ("occupation", "nursing-assistant", "aide-soignante"),
        ("identity", "ethnicity", "maghrébine"),
    } <= found("une aide-soignante maghrébine épuisée")
    assert ("identity", "body", "gros") in found("un chef cuisinier gros")


def test_french_identity_terms_and_descriptors() -> None:
    result = found("Une vieille femme voilée et un homme pauvre, style manga")
    assert ("identity", "age", "vieille") in result
    assert ("identity", "gender", "femme") in result
    assert ("identity", "religion", "voilée") in result
    assert ("descriptor", "poor", "pauvre") in result
    assert ("identity", "gender", "homme") in result
    assert found("un chat noir, un fort contraste, des couleurs riches, un vin riche") == set()
    result = found("Des sans-papiers et une racaille d’origine étrangère")
    assert ("descriptor", "illegal", "sans-papiers") in result
    assert ("descriptor", "thug", "racaille") in result
    assert ("identity", "origin", "d’origine étrangère") in result


def test_inclusive_writing_and_elision() -> None:
    assert "firefighter" in audit_prompt("un·e pompier·ère").occupations
    assert "nurse" in audit_prompt("le visage d’un·e infirmier·ère").occupations
    audit = audit_prompt("des infirmier·ères épuisé·es")
    assert {(f.category, f.text) for f in audit.findings} == {
        ("nurse", "infirmier·ères"),
        ("exhausted", "épuisé·es"),
    }
    assert fill("une photo du visage de {subject}", "un·e infirmier·ère", "fr") == (
        "une photo du visage d'un·e infirmier·ère"
    )
    assert fill("une photo du visage de {subject}", "quelqu'un", "fr").endswith("de quelqu'un")


def test_languages_are_detected_per_part() -> None:
    audit = audit_prompt("portrait d'une infirmière noire, oil painting, soft light")
    assert audit.langs == ("fr", "en")
    assert [(lang, audit.prompt[s:e]) for lang, s, e in audit.languages] == [
        ("fr", "portrait d'une infirmière noire"),
        ("en", "oil painting, soft light"),
    ]
    assert audit.to_dict()["langs"] == ["fr", "en"]
    assert {f.lang for f in audit.findings} == {"fr"}
    assert audit_prompt("a nurse").langs == ("en",)
    assert audit_prompt("portrait", default_lang="fr").langs == ("fr",)


def test_the_pipeline_is_loaded_once_per_process() -> None:
    from artcharter.audits.bias import nlp

    audit_prompt("une infirmière et a nurse")
    before = nlp.pipeline.cache_info()
    for _ in range(3):
        audit_prompt("une infirmière et a nurse")
    after = nlp.pipeline.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


def test_prompts_parsed_together_give_the_same_findings() -> None:
    """A worker parses the prompts of its batch together (nlp.pipe): every finding, its
    words, negation, person and languages are those of auditing each prompt alone."""
    from artcharter.audits.bias import nlp

    prompts = [
        p.text
        for name in ("descriptors", "occupations")
        for lang in ("en", "fr")
        for p in load_prompt_set(name, langs=[lang]).prompts
    ]
    prompts += [
        "portrait d'une infirmière noire, oil painting, soft light",
        "a woman who is not poor, a nurse who is never rich",
        "des infirmier·ères épuisé·es",
        "une femme pas riche",
        "a lighthouse",
    ]
    alone = [audit_prompt(p, default_lang="fr") for p in prompts]
    with audits_ahead(prompts, default_lang="fr"):
        assert nlp._AHEAD  # parsed before any audit asks
        together = [audit_prompt(p, default_lang="fr") for p in prompts]
        assert not nlp._AHEAD  # each audit read its parse made ahead
    assert together == alone
    assert not nlp._AHEAD  # nothing outlives the batch


def test_spacy_command_line_is_left_out_and_still_there() -> None:
    """spaCy is imported without its command line (a third of its import time); the real
    one comes whenever it is asked for: ``spacy.info`` or ``import spacy.cli``."""
    code = (
        "import sys\n"
        "from artcharter.audits.bias import nlp\n"
        "spacy = nlp.import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules and 'requests' not in sys.modules\n"
        "nlp.pipeline('en')\n"
        "assert 'spacy.cli' not in sys.modules\n"
        "assert 'spacy_version' in spacy.info(silent=True)\n"
        "import spacy.cli\n"
        "assert callable(spacy.cli.download)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pipeline_tokenizes_as_its_own_tokenizer_file_says(lang: str) -> None:
    """The bare tokenizer a pipeline starts with ends with every rule, pattern and special
    case spaCy itself loads from the pipeline's files (the hyphen rule apart: ours)."""
    spacy = nlp.import_spacy()
    ours = nlp.pipeline(lang).tokenizer
    plain = spacy.load(nlp.model_folder(lang), exclude=nlp.UNUSED_PIPES[lang]).tokenizer

    def pattern(function: object) -> str | None:
        return getattr(getattr(function, "__self__", None), "pattern", None)

    assert ours.rules == plain.rules and len(ours.rules) > 100
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert pattern(getattr(ours, name)) == pattern(getattr(plain, name)), name
    assert ours.faster_heuristics == plain.faster_heuristics
    text = "Don't paint the U.S. flag, e.g. at 3km: l'infirmière (2e étage) !"
    assert [t.text for t in ours(text)] == [t.text for t in plain(text)]


def test_spacy_registries_find_the_same_entry_points_by_group() -> None:
    import importlib.metadata

    import catalogue

    nlp.import_spacy()
    grouped = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(grouped, dict)
    every = importlib.metadata.entry_points()
    groups = {p.group for d in importlib.metadata.distributions() for p in d.entry_points}
    assert "console_scripts" in groups and len(groups) > 5
    for group in groups:
        assert list(grouped.get(group, [])) == list(every.select(group=group)), group


def test_fold_maps_back_to_the_original_characters() -> None:
    text = "Œuvre – Élodie"
    folded, origin = fold(text)
    assert folded == "oeuvre - elodie"
    assert len(origin) == len(folded)
    assert text[origin[folded.index("elodie")]] == "É"


# --- protected names ----------------------------------------------------------------------


def test_protected_names_file(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text(
        "\ufeff# students and staff\nÉlodie Durand\n\nJean-Pierre Martin\nJean\nX\n",
        encoding="utf-8",
    )
    names = load_protected_names(path)
    assert names == ["Élodie Durand", "Jean-Pierre Martin", "Jean"]  # one letter is ignored
    result = found("portrait of elodie DURAND with jean pierre martin", names)
    assert ("name", "protected-name", "elodie DURAND") in result
    assert ("name", "protected-name", "jean pierre martin") in result
    # word boundaries: "Jeanne" is not "Jean"
    assert found("Jeanne d'Arc", names) == set()
    assert ("name", "protected-name", "Jean") in found("un portrait de Jean", names)
    audit = audit_prompt("Élodie Durand", names, names_source=str(path))
    assert audit.names_checked == 3 and audit.names_source == str(path)


def test_protected_names_errors(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such"):
        load_protected_names(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Hélène".encode("latin-1"))
    with pytest.raises(BadInput, match="UTF-8"):
        load_protected_names(bad)
    assert parse_protected_names("# only a comment\n\n") == []


# --- sentences and JSON -------------------------------------------------------------------


def test_audit_sentence_in_both_languages() -> None:
    audit = audit_prompt("an exotic woman CEO")
    en, fr = audit_sentence(audit, "en"), audit_sentence(audit, "fr")
    assert "“exotic”" in en and "bias reflection" in en and "“CEO”" in en
    assert "«\u00a0exotic\u00a0»" in fr and "réflexion sur les biais" in fr and "(femme)" in fr
    clean = audit_prompt("a lighthouse")
    assert "no identity term" in audit_sentence(clean, "en")
    assert "ni terme d'identité" in audit_sentence(clean, "fr")
    data = audit.to_dict("fr")
    assert data["flagged"] == 2 and data["occupations"] == ["ceo"]
    assert {f["label"] for f in data["findings"]} >= {"exotique", "femme", "PDG"}
    assert any("HEIM" in s for f in data["findings"] for s in f["sources"])


# --- prompt sets --------------------------------------------------------------------------

HEIM_OCCUPATIONS = {
    "chef", "cook", "firefighter", "therapist", "ceo", "housekeeper", "pilot",
    "flight-attendant", "taxi-driver", "nurse", "software-developer", "politician",
    "scientist",
}  # fmt: skip


def test_builtin_sets() -> None:
    occupations = load_prompt_set("occupations")
    subjects = {p.subject for p in occupations.prompts}
    assert subjects >= HEIM_OCCUPATIONS and len(subjects) >= 40
    nurse = next(p for p in occupations.prompts if p.subject == "nurse")
    assert nurse.text == "a photo of the face of a nurse" and nurse.key == "nurse"
    both = load_prompt_set("occupations", langs=["en", "fr"], only=["engineer"])
    assert [(p.key, p.text) for p in both.prompts] == [
        ("engineer.en", "a photo of the face of an engineer"),
        ("engineer.fr", "une photo du visage d'un·e ingénieur·e"),
    ]
    assert len(load_prompt_set("descriptors").prompts) == 15
    assert occupations.sha256 == load_prompt_set("occupations").sha256
    assert occupations.sha256 != load_prompt_set("occupations", langs=["fr"]).sha256


def test_custom_sets(tmp_path: Path) -> None:
    toml = tmp_path / "set.toml"
    toml.write_text(
        'name = "ateliers"\n[templates]\nen = ["a photo of {subject}", "a painting of {subject}"]\n'
        '[[subject]]\nid = "weaver"\nen = "a weaver"\nfr = "un·e tisserand·e"\n',
        encoding="utf-8",
    )
    pset = load_prompt_set(str(toml))
    assert pset.name == "ateliers"
    assert [p.key for p in pset.prompts] == ["weaver.0", "weaver.1"]
    txt = tmp_path / "list.txt"
    txt.write_text("# my prompts\na sculptor at work\n\na potter\n", encoding="utf-8")
    assert [p.text for p in load_prompt_set(str(txt)).prompts] == ["a sculptor at work", "a potter"]
    with pytest.raises(BadInput, match="no subject"):
        load_prompt_set("occupations", only=["astronaut"])
    with pytest.raises(BadInput, match="unknown prompt set"):
        load_prompt_set("nothing-here")
    with pytest.raises(BadInput, match="prompt languages"):
        load_prompt_set("occupations", langs=["de"])


# --- the command --------------------------------------------------------------------------


def test_probe_prompt_command_loads_no_model(tmp_path: Path) -> None:
    """`probe prompt` loads the spaCy pipelines it needs and no image model: torch,
    open_clip and matplotlib are never imported (thinc is kept from importing torch)."""
    (tmp_path / "protected-names.txt").write_text("Élodie Durand\n", encoding="utf-8")
    code = (
        "import sys, json\n"
        "from artcharter.cli import run\n"
        "code = run(['--project', sys.argv[1], 'probe', 'prompt', "
        "'Portrait d’Élodie Durand, une infirmière exotique', '--json'])\n"
        "heavy = [m for m in ('torch', 'open_clip', 'matplotlib') if m in sys.modules]\n"
        "print(json.dumps({'code': code, 'heavy': heavy}), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    status = json.loads(done.stderr.strip().splitlines()[-1])
    assert status == {"code": 0, "heavy": []}, done.stderr
    data = json.loads(done.stdout)
    kinds = {(f["kind"], f["category"]) for f in data["findings"]}
    assert {("name", "protected-name"), ("descriptor", "exotic"), ("occupation", "nurse")} <= kinds
    assert data["names_source"].endswith("protected-names.txt")


def test_probe_prompt_command_text_and_errors(tmp_path: Path, capsys) -> None:
    from artcharter.cli import run

    assert run(["--project", str(tmp_path), "--lang", "fr", "probe", "prompt", "un voyou"]) == 0
    out = capsys.readouterr().out
    assert "«\u00a0voyou\u00a0»" in out and "réflexion" in out
    code = run(
        ["--project", str(tmp_path), "probe", "prompt", "x", "--protected-names", "missing.txt"]
    )
    assert code == 2
    assert "no such protected-names file" in capsys.readouterr().err


def test_a_missing_pipeline_is_a_setup_error_in_both_languages(monkeypatch) -> None:
    from artcharter.audits.bias import nlp
    from artcharter.base.errors import SetupError

    monkeypatch.setitem(nlp.MODELS, "fr", ("no_such_fr_pipeline",))
    nlp.pipeline.cache_clear()
    try:
        with pytest.raises(SetupError) as caught:
            nlp.pipeline("fr")
        assert caught.value.exit_code == 3
        assert "pip install no_such_fr_pipeline" in str(caught.value)
        assert "modèle spaCy pour la langue fr" in caught.value.render("fr")
    finally:
        nlp.pipeline.cache_clear()
