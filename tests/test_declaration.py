"""The artist's declaration: template, parsing, errors with lines, `declare`, and
`label --declaration` embedding it in the file and the ledger."""

from __future__ import annotations

import json
import os
import shlex
import tomllib
from pathlib import Path

import c2pa
import pytest
import typer
from charter_helpers import (
    FULL_DECLARATION_TOML,
    full_declaration,
    generated_record,
    labelled_record,
)
from hypothesis import given
from hypothesis import strategies as st

from artcharter.base.errors import BadInput
from artcharter.charter.declaration import (
    SCHEMA,
    SHARES,
    STAGES,
    TOOL_KEYS,
    TOP_KEYS,
    Declaration,
    DeclaredAdapter,
    DeclaredTool,
    HumanInput,
    ProcessImage,
    Technique,
    declaration_template,
    load_declaration,
    merge_choices,
    parse_declaration,
    sign_command,
    validate_declaration,
)
from artcharter.charter.tomlfile import InvalidFile
from artcharter.cli import app, register, run
from artcharter.provenance import keys
from artcharter.provenance.keys import ROOT_CERT
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import INGREDIENT_ROLES, TRAINING_MINING, ArtworkRecord
from artcharter.provenance.verify import verify_file

from conftest import make_atelier, make_image


def project(tmp_path: Path, school_dir: Path) -> Path:
    """A project folder whose keys are the session's school (copied, keys stay 0600)."""
    return make_atelier(tmp_path / "project", school_dir)


# --- parsing ------------------------------------------------------------------------------------


def test_full_declaration_is_normalised() -> None:
    data = parse_declaration(FULL_DECLARATION_TOML).to_dict()
    assert data["schema"] == SCHEMA
    assert data["ai_share"]["rendering"] == "generated"
    tool = data["tools"][0]
    assert tool["date"] == "2026-03-14"  # a TOML date becomes ISO text (JSON-safe)
    assert tool["version"] == "6.1"
    assert tool["generations"] == 24
    assert data["techniques"] == [
        {"name": "fusain", "how": None},
        {"name": "eau-forte", "how": "pour les noirs profonds"},
    ]
    json.dumps(data)  # goes into a C2PA assertion and a ledger column


def test_numbers_and_blank_template_values() -> None:
    data = parse_declaration(
        'statement = """\n"""\n[[tools]]\nname = "DALL-E"\nversion = 3\ngenerations = 0\n'
    ).to_dict()
    assert data["statement"] is None
    assert data["tools"][0]["version"] == "3"
    # 0 is the template's "not filled in".
    assert data["tools"][0]["generations"] is None


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('title = "x"\nstatment = "typo"\n', 2, "unknown key 'statment'"),
        (
            '[ai_share]\nideation = "none"\nrendering = "yes"\n',
            3,
            "choose one of none, assisted, generated",
        ),
        ('[ai_share]\npostproduction = "none"\n', 2, "unknown stage 'postproduction'"),
        ('training_mining = "maybe"\n', 1, "choose one of allowed, notAllowed, constrained"),
        ('[[tools]]\nname = "a"\n[[tools]]\nversion = "1"\n', 3, "tools[2] needs a name"),
        ('[[tools]]\nname = "a"\ndate = "14/03/2026"\n', 3, "tools[1].date must be a date"),
        ('[[tools]]\nname = "a"\ngenerations = -2\n', 3, "whole number of images"),
        ('[[tools]]\nname = "a"\nprompts = [1, 2]\n', 3, "prompts must be a list of texts"),
        ('[[tools]]\nname = "a"\nstage = "printing"\n', 3, "stage 'printing'"),
        ('[[human_inputs]]\nfile = "a.jpg"\nrole = "drawing"\n', 3, "role 'drawing'"),
        ('[[human_inputs]]\nfile = "a.jpg"\nsha256 = "abc"\n', 3, "64 hex digits"),
        ('[[process_images]]\ncaption = "x"\n', 1, "process_images[1] needs a file name"),
        ("statement = 12\n", 1, "statement must be text in quotes"),
        ('techniques = ["a", { how = "b" }]\n', 1, "techniques[2] needs a name"),
        ('title = "x"\n\nstatement = """unclosed\n', 3, "TOML syntax"),
        ('schema = "artcharter.declaration/9"\n', 1, "schema must be"),
    ],
)
def test_declaration_errors_point_at_their_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "decl.toml"
    path.write_text(text, encoding="utf-8")
    issues = validate_declaration(path)
    assert issues, text
    assert issues[0].line == line
    assert words in issues[0].message
    with pytest.raises(InvalidFile) as caught:
        load_declaration(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "decl.toml"
    path.write_text('statment = ""\ntraining_mining = "maybe"\n[ai_share]\nrendering = "yes"\n')
    assert [i.line for i in validate_declaration(path)] == [1, 2, 4]


def test_missing_declaration_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="declaration file not found"):
        load_declaration(tmp_path / "none.toml")


def test_merge_choices() -> None:
    declared = full_declaration()
    assert merge_choices(declared, None, None) == ("Nuit blanche", "notAllowed", None)
    assert merge_choices(declared, "Other", "notAllowed") == ("Other", "notAllowed", None)
    assert merge_choices(None, None, None) == (None, "notAllowed", None)
    with pytest.raises(BadInput, match="contradicts the declaration's training_mining"):
        merge_choices(declared, None, "allowed")
    constrained = Declaration(training_mining="constrained", training_constraint="research only")
    assert merge_choices(constrained, None, None) == (None, "constrained", "research only")
    assert (
        merge_choices(None, None, "constrained", training_constraint="x").training_constraint == "x"
    )
    with pytest.raises(BadInput, match="contradicts the declaration's training_constraint"):
        merge_choices(constrained, None, None, training_constraint="commercial too")


def test_a_constraint_goes_only_with_a_constrained_choice(tmp_path: Path) -> None:
    path = tmp_path / "decl.toml"
    path.write_text('training_mining = "allowed"\ntraining_constraint = "research only"\n')
    [issue] = validate_declaration(path)
    assert issue.line == 2 and "empty the constraint or choose constrained" in str(issue.message)
    path.write_text('training_mining = "constrained"\ntraining_constraint = "  research only "\n')
    assert load_declaration(path).training_constraint == "research only"


def test_a_declared_constraint_is_signed_by_label_and_sign_declaration(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The declaration file's constraint reaches the CAWG training-mining assertion (and
    the record) through label and sign-declaration; a command option that says otherwise
    is refused before anything is written."""
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    make_image(root / "phare.png")
    words = "recherche non commerciale seulement"
    (root / "decl.toml").write_text(
        f'training_mining = "constrained"\ntraining_constraint = "{words}"\n', encoding="utf-8"
    )
    base = ["label", "phare.png", "--source-type", "trainedAlgorithmicMedia"]
    assert (
        run([*base, "-o", "no.png", "--declaration", "decl.toml", "--training-constraint", "x"])
        == 2
    )
    assert "contradicts the declaration's training_constraint" in capsys.readouterr().err
    assert not (root / "no.png").exists()
    assert run([*base, "-o", "signed.png", "--declaration", "decl.toml"]) == 0

    def constraint(name: str) -> tuple[list[dict], str | None]:
        with c2pa.Reader(str(root / name)) as reader:
            manifest = reader.get_active_manifest()
        tdm = next(a for a in manifest["assertions"] if a["label"] == "cawg.training-mining")
        return list(tdm["data"]["entries"].values()), verify_file(root / name).record[
            "training_constraint"
        ]

    entries, recorded = constraint("signed.png")
    assert {e["constraint_info"] for e in entries} == {words} and recorded == words

    # A declaration signed later keeps the constraint, or changes it with its choice.
    assert (
        run(["label", "phare.png", "-o", "plain.png", "--source-type", "trainedAlgorithmicMedia"])
        == 0
    )
    assert run(["sign-declaration", "plain.png", "decl.toml", "-o", "declared.png"]) == 0
    entries, recorded = constraint("declared.png")
    assert {e["use"] for e in entries} == {"constrained"} and recorded == words
    (root / "open.toml").write_text('training_mining = "allowed"\n', encoding="utf-8")
    assert run(["sign-declaration", "signed.png", "open.toml", "-o", "open.png"]) == 0
    entries, recorded = constraint("open.png")
    assert {e["use"] for e in entries} == {"allowed"} and recorded is None
    assert all("constraint_info" not in e for e in entries)


# --- template ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_blank_template_parses(lang: str) -> None:
    text = declaration_template(None, artist="Alice Martin", lang=lang, made_from="nuit.png")
    data = parse_declaration(text).to_dict()
    assert data["artist"] == "Alice Martin"
    assert data["statement"] is None and data["tools"] == []
    assert set(data["ai_share"].values()) == {"none"}
    assert ("Complétez-la" in text) == (lang == "fr")
    # `label` needs a source type: the blank template leaves it to the artist, and says which.
    out = "SORTIE" if lang == "fr" else "OUT"
    assert f"label IMAGE -o {out} --source-type TYPE --declaration" in text
    assert (
        "TYPE\u00a0: trainedAlgorithmicMedia si" in text
        or "TYPE: trainedAlgorithmicMedia if" in text
    )
    assert "(artwork" not in text and "(œuvre" not in text


@pytest.mark.parametrize(("lang", "word"), [("fr", "œuvre"), ("en", "artwork")])
def test_template_of_a_known_artwork_signs_with_its_source_type(lang: str, word: str) -> None:
    record = labelled_record(None, source_type="compositeWithTrainedAlgorithmicMedia")
    text = declaration_template(record, lang=lang, made_from=f"nuit.png ({word} x)")
    out, file = ("SORTIE", "FICHIER") if lang == "fr" else ("OUT", "FILE")
    command = f"artcharter label IMAGE -o {out} --source-type compositeWithTrainedAlgorithmicMedia"
    assert f"#   {command} --declaration {file}\n" in text
    assert "TYPE" not in text
    assert sign_command(record, "d.toml", lang) == [f"{command} --declaration d.toml"]
    assert sign_command(None, "d.toml", lang)[0].endswith("--source-type TYPE --declaration d.toml")
    assert sign_command(record, "d.toml", lang, image="a.png", signed=True) == [
        "artcharter sign-declaration a.png d.toml -o a-declared.png"
    ]


def test_template_prefilled_from_a_labelled_record() -> None:
    record = labelled_record(None, ingredients=labelled_record().ingredients)
    data = parse_declaration(declaration_template(record)).to_dict()
    assert data["title"] == "Nuit blanche"
    assert data["ai_share"]["rendering"] == "generated"
    [tool] = data["tools"]
    assert tool["name"] == "Midjourney 6.1"
    assert tool["prompts"] == ["a poor family in a street at night, charcoal style"]
    assert tool["date"] == "2026-03-15"
    assert data["human_inputs"][0]["file"] == "sketch.png"
    assert data["human_inputs"][0]["role"] == "sketch"


def test_template_leaves_out_a_private_prompt() -> None:
    record = labelled_record(None, prompt="secret words", prompt_private=True)
    text = declaration_template(record)
    assert "secret words" not in text
    assert parse_declaration(text).tools[0].prompts == ()


def test_template_for_a_generated_image_has_no_tool_to_fill() -> None:
    data = parse_declaration(declaration_template(generated_record())).to_dict()
    assert data["tools"] == []
    assert data["ai_share"]["rendering"] == "generated"


def test_template_starts_from_the_declaration_already_signed() -> None:
    declared = full_declaration(
        process_images=[{"file": "etape-1.jpg", "caption": 'Le "croquis"\navant'}]
    )
    text = declaration_template(labelled_record(declared))
    assert parse_declaration(text) == declared


# --- commands ----------------------------------------------------------------------------------


def test_declare_writes_a_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    image = make_image(tmp_path / "nuit.png")
    assert run(["declare", str(image)]) == 0
    target = tmp_path / "nuit.declaration.toml"
    assert parse_declaration(target.read_text(encoding="utf-8")).schema == SCHEMA
    assert str(target) in capsys.readouterr().out
    # Never overwritten by accident.
    assert run(["declare", str(image)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert run(["declare", str(image), "--force"]) == 0
    capsys.readouterr()
    assert run(["declare", str(image), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Artist's declaration")
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".partial")]


def filled(command: str, **values: str) -> list[str]:
    """The suggested command's arguments, its placeholders replaced as the artist would."""
    words = shlex.split(command)
    assert words[0] == "artcharter"
    return [values.get(word, word) for word in words[1:]]


def test_declare_suggests_a_label_command_that_works(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    make_image(root / "nuit.png")
    assert run(["declare", "nuit.png"]) == 0
    written, suggestion, *hint = capsys.readouterr().out.splitlines()
    assert written == "declaration template written: nuit.declaration.toml"
    command = suggestion.removeprefix("complete it, then sign with: ")
    assert command.endswith("--source-type TYPE --declaration nuit.declaration.toml")
    assert hint[0].startswith("TYPE: trainedAlgorithmicMedia if the AI made the image")
    # Every option `label` requires is there, so that nothing but the placeholders is missing.
    register("label")
    label = typer.main.get_command(app).commands["label"]  # type: ignore[attr-defined]
    required = [p for p in label.params if p.required and p.param_type_name == "option"]
    assert {"--output", "--source-type"} <= {opt for p in required for opt in p.opts}
    for param in required:
        assert any(opt in command.split() for opt in param.opts), param.opts
    args = filled(command, IMAGE="nuit.png", OUT="signed.png", TYPE="trainedAlgorithmicMedia")
    assert run(args) == 0, capsys.readouterr().err

    # In French, for the signed file: sign-declaration, which keeps what it carries.
    capsys.readouterr()
    assert run(["--lang", "fr", "declare", "signed.png"]) == 0
    out = capsys.readouterr().out
    written, suggestion = out.splitlines()
    assert written == "modèle de déclaration écrit\u00a0: signed.declaration.toml"
    command = suggestion.removeprefix("complétez-le, puis signez avec\u00a0: ")
    assert command == (
        "artcharter sign-declaration signed.png signed.declaration.toml -o signed-declared.png"
    )
    template = (root / "signed.declaration.toml").read_text(encoding="utf-8")
    assert "#   " + command.replace("signed.declaration.toml", "FICHIER") + "\n" in template
    assert "# Prérempli à partir de\u00a0: signed.png (œuvre " in template
    # Every line of the head is a comment (a text cut into lines keeps its '#').
    head = template.split("\n\n")[0].splitlines()
    assert all(line.startswith("# ") for line in head) and " # " not in template
    (root / "signed.declaration.toml").write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    assert run(filled(command, **{"signed-declared.png": "final.png"})) == 0
    assert verify_file(root / "final.png").record["declaration"]["schema"] == SCHEMA


def test_declare_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    assert run(["declare", "--check", str(good)]) == 0
    assert f"{good}: valid declaration" in capsys.readouterr().out
    assert run(["--lang", "fr", "declare", "--check", str(good)]) == 0
    assert f"{good}\u00a0: déclaration valide" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n[ai_share]\nrendering = "yes"\n', encoding="utf-8")
    assert run(["declare", "--check", str(bad)]) == 2
    assert f"{bad}:3: ai_share.rendering = 'yes'" in capsys.readouterr().err
    assert run(["declare"]) == 2


def test_label_embeds_the_declaration(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    image = make_image(root / "nuit.png")
    sketch = make_image(root / "sketch.png", color=(10, 10, 10))
    declaration = root / "nuit.declaration.toml"
    declaration.write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    code = run(
        [
            "label", str(image), "-o", "signed.png",
            "--source-type", "trainedAlgorithmicMedia", "--tool", "Midjourney 6.1",
            "--ingredient", f"{sketch}:sketch", "--declaration", str(declaration),
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    result = verify_file(root / "signed.png", ())
    assert result.record is not None
    assert result.record["declaration"] == load_declaration(declaration).to_dict()
    assert result.record["title"] == "Nuit blanche"  # from the declaration
    assert result.title == "Nuit blanche"
    with Ledger(root / "artcharter.db") as ledger:
        [row] = list(ledger.db["declarations"].rows)
        assert row["artwork_id"] == result.record["artwork_id"]
        assert json.loads(row["declaration"]) == load_declaration(declaration).to_dict()
        assert json.loads(row["ai_share"])["rendering"] == "generated"

    # declare on the signed file starts from what it carries.
    capsys.readouterr()
    assert run(["declare", "signed.png", "-o", "-"]) == 0
    assert parse_declaration(capsys.readouterr().out) == load_declaration(declaration)


def test_label_refuses_a_bad_declaration_before_signing(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    image = make_image(root / "nuit.png")
    bad = root / "bad.toml"
    bad.write_text('title = "x"\n\n[ai_share]\nrendering = "yes"\n', encoding="utf-8")
    args = ["label", str(image), "-o", "signed.png", "--source-type", "trainedAlgorithmicMedia"]
    assert run([*args, "--declaration", str(bad)]) == 2
    assert f"{bad}:4:" in capsys.readouterr().err
    good = root / "good.toml"
    good.write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    assert run([*args, "--declaration", str(good), "--training-mining", "allowed"]) == 2
    assert "contradicts the declaration" in capsys.readouterr().err
    assert not (root / "signed.png").exists()
    with Ledger(root / "artcharter.db") as ledger:
        assert ledger.db["artworks"].count == 0
        assert "declarations" not in ledger.db.table_names()


def test_declare_finds_an_edited_image_in_the_ledger(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    image = make_image(root / "nuit.png")
    args = ["label", str(image), "-o", "signed.png", "--source-type", "trainedAlgorithmicMedia"]
    assert run([*args, "--title", "Nuit", "--tool", "Firefly"]) == 0
    # Re-saved in an editor at the same path: the credentials are gone, the ledger remains.
    make_image(root / "signed.png", color=(0, 90, 0))
    assert verify_file(root / "signed.png").record is None
    capsys.readouterr()
    assert run(["declare", "signed.png", "-o", "-"]) == 0
    data = parse_declaration(capsys.readouterr().out).to_dict()
    assert data["title"] == "Nuit" and data["tools"][0]["name"] == "Firefly"
    assert (root / "keys" / ROOT_CERT).exists()


# --- the typed declaration: round trips and files signed before it ---------------------------

DATA = Path(__file__).parent / "data"
_text = st.none() | st.text(max_size=40)
_tools = st.builds(
    DeclaredTool,
    name=_text,
    version=_text,
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    prompts=st.lists(st.text(max_size=20), max_size=3).map(tuple),
    generations=st.none() | st.integers(1, 10_000),
    energy_kwh=st.none() | st.floats(0, 100, allow_nan=False),
    stage=st.none() | st.sampled_from(STAGES),
    notes=_text,
)
declarations = st.builds(
    Declaration,
    title=_text,
    artist=_text,
    statement=_text,
    explanation=_text,
    bias_reflection=_text,
    training_mining=st.none() | st.sampled_from(TRAINING_MINING),
    training_constraint=st.none() | st.text(min_size=1),
    ai_share=st.dictionaries(st.sampled_from(STAGES), st.sampled_from(SHARES)),
    tools=st.lists(_tools, max_size=3).map(tuple),
    techniques=st.lists(st.builds(Technique, name=st.text(min_size=1), how=_text), max_size=3).map(
        tuple
    ),
    human_inputs=st.lists(
        st.builds(
            HumanInput,
            file=_text,
            role=st.sampled_from(INGREDIENT_ROLES),
            sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
            description=_text,
        ),
        max_size=3,
    ).map(tuple),
    process_images=st.lists(st.builds(ProcessImage, file=_text, caption=_text), max_size=3).map(
        tuple
    ),
    adapters=st.lists(
        st.builds(
            DeclaredAdapter,
            file=_text,
            sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
            training_data=_text,
            by_artist=st.none() | st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
)


@given(declarations)
def test_a_declaration_round_trips_through_its_json_form(declared: Declaration) -> None:
    data = declared.to_dict()
    assert Declaration.from_dict(data) == declared
    assert Declaration.from_dict(json.loads(json.dumps(data))) == declared
    # The JSON form names every part, in one order; a constraint only when there is one,
    # so that declarations signed before it existed keep their shape.
    optional = set() if declared.training_constraint else {"training_constraint"}
    optional |= set() if declared.adapters else {"adapters"}
    assert list(data) == [key for key in TOP_KEYS if key not in optional]


@given(declarations)
def test_a_record_carries_a_declaration_in_its_json_form(declared: Declaration) -> None:
    record = labelled_record(declared)
    data = record.to_dict()
    assert data["declaration"] == declared.to_dict()
    assert ArtworkRecord.from_dict(json.loads(json.dumps(data))) == record


def test_toml_to_declaration_to_dict_is_what_the_file_says() -> None:
    declared = parse_declaration(FULL_DECLARATION_TOML)
    written = tomllib.loads(FULL_DECLARATION_TOML)
    data = declared.to_dict()
    assert data["tools"][0] == {
        **{key: None for key in TOOL_KEYS},
        **written["tools"][0],
        "date": written["tools"][0]["date"].isoformat(),  # a TOML date, as ISO text
        "version": str(written["tools"][0]["version"]),
    }
    for key in ("title", "artist", "training_mining", "ai_share", "human_inputs"):
        expected = written[key]
        if key == "human_inputs":
            expected = [{"description": None, **item} for item in expected]
        assert data[key] == expected, key
    for key in ("statement", "explanation", "bias_reflection"):
        assert data[key] == written[key].strip()
    assert [t["name"] for t in data["techniques"]] == [
        t if isinstance(t, str) else t["name"] for t in written["techniques"]
    ]
    assert parse_declaration(declaration_template(labelled_record(declared))) == declared


def test_a_declaration_of_another_schema_or_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported declaration schema"):
        Declaration.from_dict({"schema": "artcharter.declaration/9"})
    with pytest.raises(ValueError, match="tools must be a list"):
        Declaration.from_dict({"tools": "Midjourney"})
    with pytest.raises(ValueError, match="ai_share"):
        Declaration.from_dict({"ai_share": ["rendering"]})


def test_a_declaration_signed_before_it_was_typed_still_reads() -> None:
    """signed-with-declaration-v1.png was signed by the version that kept the declaration as a
    dict; its embedded JSON is beside it. Both still read, to the same declaration."""
    result = verify_file(DATA / "signed-with-declaration-v1.png", ())
    # That version left its record among the claim's gathered assertions, which the signer
    # does not vouch for (C2PA 2.2 §10.2.2): verify no longer shows it, and says so.
    assert result.record is None and "fr.artcharter.record" in result.unattributed
    # The format itself still reads: the record as that version wrote it.
    with c2pa.Reader(str(DATA / "signed-with-declaration-v1.png")) as reader:
        manifest = reader.get_active_manifest()
    written = {a["label"]: a["data"] for a in manifest["assertions"]}
    data = {**written["fr.artcharter.record"], "declaration": written["fr.artcharter.declaration"]}
    embedded = json.loads((DATA / "signed-with-declaration-v1.declaration.json").read_text())
    assert data["declaration"] == embedded
    record = ArtworkRecord.from_dict(data)
    assert record.declaration == Declaration.from_dict(embedded)
    assert record.declaration == parse_declaration(FULL_DECLARATION_TOML)
    assert record.to_dict()["declaration"] == embedded  # the same JSON shape as before


# --- sign-declaration: the declaration signed onto the artwork it speaks of -----------------


def test_sign_declaration_follows_the_readme(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """label, declare, sign-declaration: the declared file keeps the artwork's id, tool,
    prompt and ingredients, names the signed file as its parent, and check reads the
    declaration (no rule is left at "needs a declaration")."""
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    make_image(root / "phare.png")
    make_image(root / "sketch.png", color=(10, 10, 10))
    args = [
        "label", "phare.png", "-o", "signed.png", "--source-type", "trainedAlgorithmicMedia",
        "--tool", "Midjourney v6", "--prompt", "a lighthouse", "--ingredient", "sketch.png:sketch",
    ]  # fmt: skip
    assert run(args) == 0
    assert run(["declare", "signed.png", "-o", "declaration.toml"]) == 0
    (root / "declaration.toml").write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    capsys.readouterr()
    assert run(["sign-declaration", "signed.png", "declaration.toml", "-o", "final.png"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("signed with its declaration: final.png") and "signed.png" in out
    before = verify_file(root / "signed.png").record
    after = verify_file(root / "final.png")
    assert after.verdict == "valid-untrusted" and after.signer["name"] == "Alice Martin"
    record = after.record
    assert record["artwork_id"] == before["artwork_id"]
    assert record["tool"] == "Midjourney v6" and record["prompt"] == "a lighthouse"
    assert record["ingredients"] == before["ingredients"]
    assert record["declaration"] == load_declaration(root / "declaration.toml").to_dict()
    assert record["title"] == "Nuit blanche"
    assert [i["relationship"] for i in after.ingredients] == ["parentOf"]
    with Ledger(root / "artcharter.db") as ledger:
        row = ledger.find_artwork(record["artwork_id"])
        assert row is not None and row["path"].endswith("final.png")
        [declared] = list(ledger.db["declarations"].rows)
        assert declared["artwork_id"] == record["artwork_id"]
    assert run(["check", "final.png", "--json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)[0]["counts"]["needs-declaration"] == 0


def test_sign_declaration_refusals(
    tmp_path: Path,
    school_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = project(tmp_path, school_dir)
    monkeypatch.chdir(root)
    make_image(root / "phare.png")
    (root / "d.toml").write_text(FULL_DECLARATION_TOML, encoding="utf-8")
    # An image without credentials: the error says how to sign it with `label`.
    assert run(["sign-declaration", "phare.png", "d.toml", "-o", "out.png"]) == 2
    err = capsys.readouterr().err
    assert "carries no artcharter Content Credentials" in err and "--declaration" in err
    assert run(["label", "phare.png", "-o", "s.png", "--source-type", "humanEdits"]) == 0
    # Tampered bytes do not verify: no declaration is signed onto them.
    (root / "t.png").write_bytes(xmp_edited((root / "s.png").read_bytes()))
    capsys.readouterr()
    assert run(["sign-declaration", "t.png", "d.toml", "-o", "out.png"]) == 2
    assert "does not verify" in capsys.readouterr().err
    # Another artist cannot declare over Alice's signature.
    keys.issue_artist(root / "keys", "Bob Dupont", None)
    assert run(["--lang", "fr", "sign-declaration", "s.png", "d.toml", "-o", "out.png",
                "--artist", "Bob Dupont"]) == 2  # fmt: skip
    assert "est signée par Alice Martin, pas par Bob Dupont" in capsys.readouterr().err
    assert not (root / "out.png").exists()


def test_first_artist_issued_becomes_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["init", "p", "--lang", "en"]) == 0
    monkeypatch.chdir(tmp_path / "p")
    assert run(["keys", "init-school", "--name", "École"]) == 0
    capsys.readouterr()
    assert run(["keys", "issue", "--artist", "Zoé Roy"]) == 0
    assert "Zoé Roy is the project's default artist" in capsys.readouterr().out
    assert run(["keys", "issue", "--artist", "Yann Le"]) == 0
    assert "default artist" not in capsys.readouterr().out
    make_image(tmp_path / "p" / "a.png")
    assert run(["label", "a.png", "-o", "b.png", "--source-type", "humanEdits"]) == 0
    assert verify_file(tmp_path / "p" / "b.png").signer["name"] == "Zoé Roy"


def xmp_edited(png: bytes) -> bytes:
    """The PNG with one letter of its XMP packet changed and the chunk's CRC made right: a
    well-formed image whose bytes no longer match its signature."""
    import zlib

    at = png.index(b"iTXtXML:com.adobe.xmp")
    length = int.from_bytes(png[at - 4 : at], "big")
    body = bytearray(png[at : at + 4 + length])
    i = body.index(b"<x:xmpmeta")
    body[i + 1] = ord("y") if body[i + 1] != ord("y") else ord("x")
    crc = zlib.crc32(bytes(body)).to_bytes(4, "big")
    return png[:at] + bytes(body) + crc + png[at + 4 + length + 4 :]
