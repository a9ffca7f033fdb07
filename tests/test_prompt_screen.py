"""The prompt audit's screen (artcharter/audits/bias/screen.py): it lets spaCy skip only the
texts in which the real audit, with the real pipelines, finds nothing; and a check of files
whose prompts name no one never imports spaCy."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re._constants as C
import re._parser as sre
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from artcharter.audits.bias import lexicon, nlp, prompt_audit, screen
from artcharter.audits.bias.prompt_sets import load_prompt_set

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


def bench_prompts() -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "report_bench", ROOT / "benchmarks" / "report_bench.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module.prompt_of(i) for i in range(60)]


def written_prompts() -> list[str]:
    out = []
    for lang in ("fr", "en"):
        for line in (DATA / f"prompts_{lang}.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t", 1)[0])
        for name in ("descriptors", "occupations"):
            out += [p.text for p in load_prompt_set(name, langs=[lang]).prompts]
    return out


def listed_forms() -> Iterator[tuple[str, str]]:
    """Every form of the lists as written (accents, "·e" endings), all kinds, with its
    role ("noun", "adj", "any")."""
    identity = lexicon.read_data("identity_terms.toml")
    entries = [*identity["term"], *lexicon.read_data("descriptors.toml")["subject"]]
    entries += lexicon.read_data("occupations.toml")["subject"]
    for entry in entries:
        for lang in nlp.LANGS:
            for role in lexicon.ROLES:
                for form in entry.get(f"{lang}_{role}", ()):
                    yield from ((x, role) for x in lexicon.expand(form))
    for lang in nlp.LANGS:
        yield from ((x, "noun") for x in identity["person"].get(f"{lang}_noun", ()))
        yield from ((x, "any") for x in identity["neutral"].get(lang, ()))


def inflections(form: str, role: str, irregular: dict[str, list[str]]) -> set[str]:
    """The form's plurals (regular, the lists' own endings, irregular from the English
    lemmatizer's exception table), and an adjective's comparative and superlative."""
    head, _, last = form.rpartition(" ")
    lasts = {last + "s", last + "x"} if last.endswith(("u", "eu", "al")) else {last + "s"}
    if role == "adj":
        lasts |= {last + "r", last + "st"} if last.endswith("e") else {last + "er", last + "est"}
    for plural, single in lexicon.PLURALS:
        if last.endswith(single):
            lasts.add(last[: len(last) - len(single)] + plural)
    lasts.update(irregular.get(last.lower(), ()))
    return {f"{head} {w}".strip() for w in lasts}


# Each form is tried in every context, with a capital and in capitals; its inflections in
# an English and a French one.
CONTEXTS = (
    "{x}",
    "portrait of a {x}, oil painting",
    "une {x} souriante dans un jardin",
    "l'{x} et l’{x}",
    "ex-{x} with the {x}'s hat",
    "{x}n't {x}'d {x}·es",
    "the {x} is tired",
)


def generated_prompts() -> list[str]:
    exc = nlp.pipeline("en").get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    irregular: dict[str, list[str]] = {}
    for pos in ("noun", "adj", "verb"):
        for surface, lemmas in exc.get(pos, {}).items():
            for lemma in lemmas:
                irregular.setdefault(lemma, []).append(surface)
    out = set()
    for form, role in set(listed_forms()):
        for x in (form, form.capitalize(), form.upper()):
            out.update(context.format(x=x) for context in CONTEXTS)
        for x in inflections(form, role, irregular):
            out.update((f"two {x} at dawn", f"les {x.capitalize()} épuisés"))
    return sorted(out)


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return [*written_prompts(), *bench_prompts(), *generated_prompts()]


def audit_without_screen(prompts: list[str], monkeypatch: pytest.MonkeyPatch) -> list:
    with monkeypatch.context() as patch:
        patch.setattr(screen, "builtin", screen.Screen.everything)
        with prompt_audit.audits_ahead(prompts):
            return [prompt_audit.audit_prompt(p) for p in prompts]


def test_the_installed_pipelines_are_screened() -> None:
    """Both pipelines are ones the screen reads (else it would parse every text)."""
    for lang in nlp.LANGS:
        assert screen.read_pipeline(lang) is not None, lang
    assert screen.builtin().forms


def test_what_the_screen_skips_the_audit_finds_nothing_in(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every prompt of the tests and prompt sets, and every listed form inflected in
    sentences: wherever the screen skips a part, the audit without the screen gives exactly
    the same result (no finding there, same languages)."""
    check = screen.builtin()
    skipped = []
    for prompt in corpus:
        text, runs = prompt_audit._runs(prompt, "en")
        if any(not check.may_find(text.text[r.start : r.end]) for r in runs):
            skipped.append(prompt)
    assert len(skipped) > 100  # the corpus tests something
    with prompt_audit.audits_ahead(skipped):
        screened = [prompt_audit.audit_prompt(p) for p in skipped]
    assert screened == audit_without_screen(skipped, monkeypatch)


def letter_in(items: list) -> bool:
    """Whether a character class may hold a letter."""
    for op, av in items:
        if op is C.NEGATE or (op is C.LITERAL and chr(av).isalpha()):
            return True
        if op is C.RANGE and any(chr(c).isalpha() for c in range(av[0], av[1] + 1)):
            return True
        quiet = (C.CATEGORY_DIGIT, C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)
        if op is C.CATEGORY and av not in quiet:
            return True
    return False


def edge(items: list, side: int) -> tuple[bool, bool]:
    """For a cut at the start (side 0) or end (side -1) of a match of ``items``: whether it
    may fall between two letters, and whether ``items`` may match nothing. An assertion met
    before anything is consumed that admits no letter where it looks proves a neighbour of
    the cut is no letter; anything not understood is taken to cut between letters."""
    for op, av in items if side == 0 else reversed(items):
        if op is C.AT:
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if op is C.ASSERT and not edge(sub, -1 if direction == -1 else 0)[0]:
                return False, False
            continue
        if op is C.LITERAL:
            return chr(av).isalpha(), False
        if op is C.IN:
            return letter_in(av), False
        if op is C.SUBPATTERN or op in (C.MAX_REPEAT, C.MIN_REPEAT):
            sub = av[-1]
            may, empty = edge(sub, side)
            if may or not (empty or (op is not C.SUBPATTERN and av[0] == 0)):
                return may, False
            continue
        if op is C.BRANCH:
            results = [edge(branch, side) for branch in av[1]]
            if any(may for may, _e in results) or not any(e for _m, e in results):
                return any(may for may, _e in results), False
            continue
        return True, False
    return False, True


def test_the_tokenizer_rules_cut_only_beside_a_non_letter() -> None:
    """The screen reads pieces between non-letters: the installed pipelines' prefix,
    suffix and infix rules never cut between two letters (read from the rules themselves),
    and they are the ones the screen accepts (CHECKED_AFFIXES)."""
    import msgpack

    def cuts_letters(rule: str, side: int) -> bool:
        return edge(list(sre.parse(rule).data), side)[0]

    assert cuts_letters("ing$", 0) and cuts_letters("^un", -1) and cuts_letters("(?:x|'s)$", 0)
    assert not cuts_letters("(?<=[0-9])km$", 0) and not cuts_letters("'s$", 0)
    assert not cuts_letters("(?<=[a-z]['])(?=[a-z])", -1)
    for lang in nlp.LANGS:
        path = nlp.model_folder(lang) / "tokenizer"
        data = msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)
        rules = [data["prefix_search"], data["suffix_search"], data["infix_finditer"]]
        digest = hashlib.sha256(json.dumps(rules).encode()).hexdigest()
        assert digest in screen.CHECKED_AFFIXES, lang
        for rule, sides in zip(rules, ((-1,), (0,), (0, -1)), strict=True):
            tree = sre.parse(rule).data
            alternatives = tree[0][1][1] if len(tree) == 1 and tree[0][0] is C.BRANCH else [tree]
            for alternative in alternatives:
                for side in sides:
                    assert edge(list(alternative), side) == (False, False), (lang, side)


def test_every_word_the_parse_reads_is_seen_by_the_screen(corpus: list[str]) -> None:
    """Stronger, word by word: for the written prompts and a share of the generated ones,
    parsed by both pipelines, each token piece whose variants hold a listed word has that
    word among the screen's words; and the tokenizer cuts between two letters only where
    a special case the screen knows says so."""
    check = screen.builtin()
    listed = {
        w
        for entries in lexicon.builtin().entries.values()
        for key, terms in entries.items()
        if any(t.kind in screen.PARSED_KINDS for t in terms)
        for w in key
    }
    cases = {case for lang in nlp.LANGS for case, _t in screen.read_pipeline(lang).cuts}
    texts = [nlp.normalize(p).text for p in corpus[:: max(1, len(corpus) // 6000)]]
    for lang in nlp.LANGS:
        for text, doc in zip(texts, nlp.pipeline(lang).pipe(texts, batch_size=64), strict=True):
            seen = check.words(text)
            for variants, _i, _s, _e in prompt_audit._words(doc):
                assert not (variants & listed) - seen, (lang, text, variants & listed)
            for token in doc[1:]:
                at = token.idx
                if text[at - 1].isalpha() and text[at].isalpha():
                    assert any(case in nlp.fold(text) for case in cases), (lang, text, token)


def test_the_screen_passes_what_is_flagged_and_skips_plain_subjects() -> None:
    check = screen.builtin()
    for prompt in (
        "portrait of a Black nurse, oil painting",
        "une infirmière noire",
        "des infirmier·ères épuisé·es",
        "l'infirmière",
        "two NURSES",
        "a rich businessman",
        "ladies in hats",
        "les sans-abri",
    ):
        assert check.may_find(nlp.normalize(prompt).text), prompt
    for prompt in [
        *(p for p in bench_prompts() if "old" not in p),  # "old" is listed (age)
        "a still life with apples, oil on canvas",
        "mountain lake at dawn, golden light",
        "un phare dans la tempête, gravure sur bois",
    ]:
        assert not check.may_find(nlp.normalize(prompt).text), prompt


def copy_pipeline(tmp_path: Path, lang: str) -> Path:
    """The files of the installed pipeline the screen reads, to be altered."""
    folder = nlp.model_folder(lang)
    copy = tmp_path / folder.name
    copy.mkdir()
    for name in ("config.cfg", "tokenizer"):
        shutil.copy(folder / name, copy / name)
    for name in ("attribute_ruler", "lemmatizer"):
        if (folder / name).exists():
            shutil.copytree(folder / name, copy / name)
    return copy


def test_a_pipeline_it_does_not_know_makes_the_screen_parse_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_pipeline(tmp_path, "en")
    monkeypatch.setattr(nlp, "model_folder", lambda lang: copy)
    assert screen.read_pipeline("en") is not None  # the copy as it is
    config = (copy / "config.cfg").read_text(encoding="utf-8")

    def altered(old: str, new: str) -> screen.Pipeline | None:
        (copy / "config.cfg").write_text(config.replace(old, new, 1), encoding="utf-8")
        return screen.read_pipeline("en")

    assert altered('mode = "rule"', 'mode = "lookup"') is None
    assert altered('factory = "lemmatizer"', 'factory = "trainable_lemmatizer"') is None
    assert altered('"attribute_ruler","lemmatizer"', '"attribute_ruler","lemmatizer","x"') is None
    assert altered("", "") is not None
    monkeypatch.setattr(screen, "_spacy_about", lambda: '__version__ = "4.0.0"\n')
    assert screen.read_pipeline("en") is None
    monkeypatch.undo()
    monkeypatch.setattr(nlp, "model_folder", lambda lang: copy)
    (copy / "tokenizer").write_bytes(b"\xc1")  # unreadable
    assert screen.read_pipeline("en") is None
    built = screen.build(lexicon.builtin(), [None, screen.Pipeline()])
    assert built.may_find("a lighthouse") and built.words("a lighthouse") == set()


def test_other_tokenizer_rules_or_a_lemma_given_by_tag_widen_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import msgpack

    copy = copy_pipeline(tmp_path, "en")
    monkeypatch.setattr(nlp, "model_folder", lambda lang: copy)
    rules = msgpack.unpackb((copy / "attribute_ruler" / "patterns").read_bytes(), raw=False)
    rules.append({"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "nurse"}, "index": 0})
    (copy / "attribute_ruler" / "patterns").write_bytes(msgpack.packb(rules))
    read = screen.read_pipeline("en")
    assert read is not None and "nurse" in read.anywhere
    assert screen.build(lexicon.builtin(), [read]).may_find("a lighthouse")
    tokenizer = msgpack.unpackb((copy / "tokenizer").read_bytes(), raw=False, strict_map_key=False)
    tokenizer["suffix_search"] += "|ing$"
    (copy / "tokenizer").write_bytes(msgpack.packb(tokenizer))
    assert screen.read_pipeline("en") is None


CHECK = """
import json, sys
from artcharter.audits.bias import screen
if sys.argv[2] == "off":
    screen.builtin = screen.Screen.everything
from artcharter.cli import run
code = run(["check", *sys.argv[3:], "--json"])
print(json.dumps([code, "spacy" in sys.modules, "thinc" in sys.modules]))
"""


def check_json(root: Path, mode: str, *files: Path) -> tuple[list, str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(root), mode, *map(str, files)],
        capture_output=True, text=True, cwd=root, check=False,
    )  # fmt: skip
    *out, last = done.stdout.strip().splitlines()
    return json.loads(last), "\n".join(out)


def test_a_check_of_prompts_that_name_no_one_never_imports_spacy(
    tmp_path: Path, school_dir: Path
) -> None:
    from artcharter.cli import run

    from conftest import make_atelier, make_image

    root = make_atelier(tmp_path / "project", school_dir)
    files = {}
    for name, prompt in (
        ("phare", "a lighthouse number 3, gouache"),
        ("algue", "des algues sur un rocher, gravure sur bois"),
        ("nurse", "portrait of a poor nurse in the rain, charcoal"),
    ):
        image = make_image(root / f"src-{name}.png")
        args = ["--project", str(root), "label", str(image), "-o", str(root / f"{name}.png")]
        args += ["--source-type", "trainedAlgorithmicMedia", "--tool", "Midjourney 6.1"]
        assert run([*args, "--prompt", prompt]) == 0
        files[name] = root / f"{name}.png"
    plain = (files["phare"], files["algue"])
    (code, spacy_in, thinc_in), screened = check_json(root, "on", *plain)
    assert (spacy_in, thinc_in) == (False, False)
    (code_off, spacy_off, _), unscreened = check_json(root, "off", *plain)
    assert spacy_off and (code, screened) == (code_off, unscreened)
    assert '"audit_available": true, "flagged": []' in screened
    (code, spacy_in, _), with_nurse = check_json(root, "on", files["nurse"])
    assert spacy_in
    (code_off, _, _), nurse_off = check_json(root, "off", files["nurse"])
    assert (code, with_nurse) == (code_off, nurse_off)
    assert "Terms flagged in the prompt: poor." in with_nurse
