"""The prompt audit in French and English, the prompt sets, and `artcharter probe prompt`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from artcharter.audits.bias.prompt_audit import (
    audit_prompt,
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
    assert ("identity", "ethnicity", "Black woman") in result
    assert ("identity", "gender", "woman") in result


def test_word_boundaries_and_case() -> None:
    assert found("MANGA style humanity, a manhole, womanhood") == set()
    assert ("identity", "gender", "MAN") in found("a MAN reading")
    assert found("a lighthouse at night, oil painting, strong light") == set()


def test_colour_words_only_count_next_to_a_person() -> None:
    assert found("a black cat on a white wall, black and white photo") == set()
    assert ("identity", "ethnicity", "white man") in found("portrait of a white man")


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


# --- French -------------------------------------------------------------------------------


def test_french_accents_and_case_do_not_matter() -> None:
    for text in ("Une INFIRMIÈRE", "une infirmiere", "des Infirmières"):
        audit = audit_prompt(text)
        assert audit.occupations == ("nurse",)
        # the finding points at the words as the artist wrote them, accents included
        (finding,) = audit.of_kind("occupation")
        assert finding.text == text.split(" ", 1)[1]


def test_french_identity_terms_and_descriptors() -> None:
    result = found("Une vieille femme voilée et un homme pauvre, style manga")
    assert ("identity", "age", "vieille") in result
    assert ("identity", "gender", "femme") in result
    assert ("identity", "religion", "femme voilée") in result
    assert ("descriptor", "poor", "homme pauvre") in result
    assert ("identity", "gender", "homme") in result
    assert found("un chat noir, un fort contraste, des couleurs riches") == set()
    result = found("Des sans-papiers et une racaille d’origine étrangère")
    assert ("descriptor", "illegal", "sans-papiers") in result
    assert ("descriptor", "thug", "racaille") in result
    assert ("identity", "origin", "d’origine étrangère") in result


def test_inclusive_writing_and_elision() -> None:
    assert "firefighter" in audit_prompt("un·e pompier·ère").occupations
    assert "nurse" in audit_prompt("le visage d’un·e infirmier·ère").occupations
    assert fill("une photo du visage de {subject}", "un·e infirmier·ère", "fr") == (
        "une photo du visage d'un·e infirmier·ère"
    )
    assert fill("une photo du visage de {subject}", "quelqu'un", "fr").endswith("de quelqu'un")


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
    """`probe prompt` must stay instant: torch, open_clip and numpy are never imported."""
    (tmp_path / "protected-names.txt").write_text("Élodie Durand\n", encoding="utf-8")
    code = (
        "import sys, json\n"
        "from artcharter.cli import run\n"
        "code = run(['--project', sys.argv[1], 'probe', 'prompt', "
        "'Portrait d’Élodie Durand, une infirmière exotique', '--json'])\n"
        "heavy = [m for m in ('torch', 'open_clip', 'numpy', 'matplotlib') if m in sys.modules]\n"
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
