"""The AUTOMATIC1111 ``parameters`` text: written as the web UI writes it, read back as it reads it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from artcharter.provenance.a1111 import (
    format_parameters,
    parameters_for,
    parse_parameters,
    quote,
    unquote,
)
from artcharter.provenance.prompt_key import keyed_record
from artcharter.provenance.record import ArtworkRecord, GenerationParams, ModelInfo, prompt_hash

# Infotext as Stable Diffusion web UI 1.9 writes it (quoted values included).
WEB_UI_TEXT = (
    "masterpiece, a lighthouse at night, (woodcut:1.2)\n"
    "Negative prompt: blurry, lowres\n"
    "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234, "
    "Size: 512x768, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, "
    'Lora hashes: "add_detail: 7c6bad76eb54, film: 1a2b3c4d5e6f", Version: v1.9.0'
)


def test_reads_what_the_web_ui_writes() -> None:
    parsed = parse_parameters(WEB_UI_TEXT)
    assert parsed.prompt == "masterpiece, a lighthouse at night, (woodcut:1.2)"
    assert parsed.negative_prompt == "blurry, lowres"
    assert parsed.params["Steps"] == "20"
    assert parsed.params["Sampler"] == "DPM++ 2M"
    assert parsed.params["Size"] == "512x768"
    assert parsed.params["Lora hashes"] == "add_detail: 7c6bad76eb54, film: 1a2b3c4d5e6f"
    assert parsed.params["Version"] == "v1.9.0"


def test_quoting_follows_the_web_ui() -> None:
    assert quote("Euler a") == "Euler a"
    assert quote("demo, random") == '"demo, random"'
    assert quote("a: b") == '"a: b"'
    assert unquote(quote('say "hi", then: go')) == 'say "hi", then: go'
    assert unquote('"not json') == '"not json'


# Prompts as artists write them: commas, colons, weights, accents, several lines.
line = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r\x85\u2028\u2029"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda s: s and not s.startswith("Negative prompt:"))
)
prompts = st.lists(line, min_size=1, max_size=3).map("\n".join)
values = st.one_of(
    st.integers(0, 2**32),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters='\n\r\x85\u2028\u2029"\\'
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool),
)
keys = st.from_regex(r"[A-Z][a-z]{1,10}( [a-z]{2,8})?", fullmatch=True)


@given(
    prompts, st.one_of(st.none(), prompts), st.dictionaries(keys, values, min_size=3, max_size=8)
)
def test_parse_back(prompt: str, negative: str | None, params: dict[str, object]) -> None:
    parsed = parse_parameters(format_parameters(prompt, negative, params))
    assert parsed.prompt == prompt
    assert parsed.negative_prompt == (negative or "")
    assert parsed.params == {k: str(v) for k, v in params.items()}


def _record(private: bool) -> ArtworkRecord:
    prompt, negative = "un phare la nuit, gravure", "flou, texte"
    return ArtworkRecord(
        artwork_id="0b6c7f1e-0000-4000-8000-000000000002",
        kind="generated",
        source_type="trainedAlgorithmicMedia",
        prompt=prompt,
        prompt_sha256=prompt_hash(prompt),
        prompt_private=private,
        model=ModelInfo("artcharter/demo-random-weights", weights_sha256="ab" * 32, is_demo=True),
        generation=GenerationParams(
            negative_prompt=negative,
            negative_prompt_sha256=prompt_hash(negative),
            seed=7,
            steps=4,
            guidance=5.0,
            width=128,
            height=96,
            scheduler="Euler a",
        ),
    )


def test_parameters_of_a_record() -> None:
    record = _record(private=False)
    parsed = parse_parameters(parameters_for(record, "1.0"))
    assert parsed.prompt == record.prompt
    assert parsed.negative_prompt == record.generation.negative_prompt
    assert parsed.params["Seed"] == "7"
    assert parsed.params["Steps"] == "4"
    assert parsed.params["CFG scale"] == "5"
    assert parsed.params["Size"] == "128x96"
    assert parsed.params["Sampler"] == "Euler a"
    assert parsed.params["Model hash"] == "ab" * 5
    assert parsed.params["Model"].endswith("(demo model with random weights)")
    assert parsed.params["Version"] == "artcharter 1.0"


def test_settings_line_splits_as_simple_readers_split_it() -> None:
    """sd-parsers and sd-prompt-reader cut the last line on ", " then on ": " without
    quoting: every value, the demo model's name included, must hold no comma."""
    record = _record(private=False)
    last = parameters_for(record, "1.0").splitlines()[-1]
    fields = dict(part.split(": ", 1) for part in last.split(", "))
    assert fields["Model"] == f"{record.model.id} (demo model with random weights)"
    assert fields["Seed"] == "7" and fields["Version"] == "artcharter 1.0"


def test_private_prompt_leaves_only_hashes() -> None:
    record = keyed_record(_record(private=True), b"k" * 32)
    text = parameters_for(record, "1.0")
    assert "phare" not in text and "flou" not in text
    parsed = parse_parameters(text)
    assert parsed.prompt == "" and parsed.negative_prompt == ""
    assert "Prompt SHA-256" not in parsed.params  # a plain hash lets anyone test a guess
    assert parsed.params["Prompt HMAC"] == record.prompt_hmac
    assert parsed.params["Negative prompt HMAC"] == record.generation.negative_prompt_hmac
