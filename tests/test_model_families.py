"""Model explanations: which family a model id, tool or software agent names, with the
precedence of artcharter.reports.explanations.MATCHES pinned on real names, counter-examples
included. A name no line fits is an unknown family: the report does not guess."""

from __future__ import annotations

import pytest

from artcharter.reports import explanations

# (name as it appears in a record, a declaration or the C2PA software agents, family key,
# the precise name shown). Real Hugging Face ids and services.
TABLE: list[tuple[str, str, str]] = [
    ("runwayml/stable-diffusion-v1-5", "sd1", "Stable Diffusion 1.5"),
    ("stable-diffusion-v1-5/stable-diffusion-v1-5", "sd1", "Stable Diffusion 1.5"),
    ("CompVis/stable-diffusion-v1-4", "sd1", "Stable Diffusion 1.4"),
    ("stabilityai/stable-diffusion-2-1", "sd2", "Stable Diffusion 2.1"),
    ("stabilityai/stable-diffusion-2-1-base", "sd2", "Stable Diffusion 2.1"),
    ("stabilityai/stable-diffusion-2", "sd2", "Stable Diffusion 2"),
    ("stabilityai/stable-diffusion-xl-base-1.0", "sdxl", "Stable Diffusion XL"),
    ("stabilityai/stable-diffusion-xl-refiner-1.0", "sdxl", "Stable Diffusion XL"),
    ("diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "sdxl", "Stable Diffusion XL"),
    ("stabilityai/sd-turbo", "sd-turbo", "SD-Turbo"),
    ("stabilityai/sdxl-turbo", "sd-turbo", "SDXL-Turbo"),
    # Counter-example: an SD 3.5 model distilled with ADD, not SD-Turbo (teacher SD 2.1).
    (
        "stabilityai/stable-diffusion-3.5-large-turbo",
        "sd3",
        "Stable Diffusion 3.5 Large Turbo",
    ),
    ("stabilityai/stable-diffusion-3.5-large", "sd3", "Stable Diffusion 3.5 Large"),
    ("stabilityai/stable-diffusion-3.5-medium", "sd3", "Stable Diffusion 3.5 Medium"),
    ("stabilityai/stable-diffusion-3-medium-diffusers", "sd3", "Stable Diffusion 3"),
    ("black-forest-labs/FLUX.1-dev", "flux", "FLUX.1 [dev]"),
    ("black-forest-labs/FLUX.1-schnell", "flux", "FLUX.1 [schnell]"),
    ("black-forest-labs/FLUX.1-Kontext-dev", "flux", "FLUX.1 Kontext"),
    # Counter-example: a LoRA on FLUX.1 [dev], not SD-Turbo.
    (
        "alimama-creative/FLUX.1-Turbo-Alpha",
        "flux",
        "FLUX.1 [dev] + Turbo-Alpha (8-step LoRA, Alimama)",
    ),
    ("Midjourney v6.1", "midjourney", "Midjourney"),
    ("niji journey 6", "midjourney", "Midjourney"),
    ("Adobe Firefly Image 3", "firefly", "Adobe Firefly"),
    # Counter-examples: Adobe software that names no model is not Firefly.
    ("Adobe Lightroom Classic 14.0", "unknown", ""),
    ("Adobe Photoshop 26.0", "unknown", ""),
    ("DALL-E 3", "dalle", "DALL·E (OpenAI)"),
    ("DALL·E 2", "dalle", "DALL·E (OpenAI)"),
    # Counter-examples: GPT-4o image generation is autoregressive, not DALL·E's diffusion.
    ("gpt-image-1", "gpt-image", "GPT-4o image generation (OpenAI)"),
    ("ChatGPT", "gpt-image", "GPT-4o image generation (OpenAI)"),
    ("GPT-4o", "gpt-image", "GPT-4o image generation (OpenAI)"),
    # Unknown families: the report says so and does not guess.
    ("OpenAI", "unknown", ""),
    ("Tongyi-MAI/Z-Image-Turbo", "unknown", ""),
    ("kandinsky-community/kandinsky-2-2-decoder", "unknown", ""),
    ("PixArt-alpha/PixArt-XL-2-1024-MS", "unknown", ""),
    ("playgroundai/playground-v2.5-1024px-aesthetic", "unknown", ""),
    ("Kwai-Kolors/Kolors-diffusers", "unknown", ""),
    ("stabilityai/stable-cascade", "unknown", ""),
    ("segmind/SSD-1B", "unknown", ""),
    ("Lykon/dreamshaper-8", "unknown", ""),
    ("Google Imagen 3", "unknown", ""),
    ("Ideogram 2.0", "unknown", ""),
    ("someone/my-finetune", "unknown", ""),
]


def test_the_table_is_large_enough_and_has_the_counter_examples() -> None:
    assert len(TABLE) >= 30
    names = {name for name, _, _ in TABLE}
    assert {
        "stabilityai/stable-diffusion-3.5-large-turbo",
        "alimama-creative/FLUX.1-Turbo-Alpha",
        "gpt-image-1",
        "ChatGPT",
        "Adobe Lightroom Classic 14.0",
    } <= names


@pytest.mark.parametrize(("name", "family", "shown"), TABLE)
def test_each_name_maps_to_its_family(name: str, family: str, shown: str) -> None:
    found, precise = explanations.match_name(name)
    assert (found.key, precise) == (family, shown)
    text = explanations.explain("en", model_id=name)
    assert text["family"] == family
    if family == "unknown":
        assert text["how"][0].startswith("Unknown family: we do not guess")
        assert text["training"].startswith("Unknown family: we do not guess")
        assert explanations.explain("fr", model_id=name)["how"][0].startswith(
            "Famille inconnue\u00a0: nous ne devinons pas"
        )


def test_gpt_image_is_explained_as_autoregressive_with_its_source() -> None:
    text = explanations.explain("en", tool="gpt-image-1")
    assert any("autoregressive" in p for p in text["how"])
    assert not any("Diffusion models learn" in p for p in text["how"])
    urls = [s["url"] for s in text["sources"]]
    assert "https://openai.com/index/gpt-4o-image-generation-system-card-addendum/" in urls
    dalle = explanations.explain("en", tool="DALL-E 3")
    assert any("Diffusion models learn" in p for p in dalle["how"])


def test_turbo_counter_examples_do_not_get_the_sd_turbo_text() -> None:
    for name in (
        "stabilityai/stable-diffusion-3.5-large-turbo",
        "alimama-creative/FLUX.1-Turbo-Alpha",
    ):
        training = explanations.explain("en", model_id=name)["training"]
        assert "Stable Diffusion 2.1" not in training and "LAION-5B" not in training


def test_a_lightroom_agent_does_not_hide_the_model_behind_it() -> None:
    agents = ("Adobe Lightroom Classic 14.0", "Midjourney v6.1")
    assert explanations.family_of(agents=agents).key == "midjourney"
    assert explanations.family_of(agents=("Adobe Lightroom Classic 14.0",)).key == "unknown"


def test_firefly_has_a_free_plan_and_flux_dev_many_steps() -> None:
    assert "free plan" in explanations.explain("en", tool="Adobe Firefly")["licence"]
    how = " ".join(explanations.explain("en", model_id="black-forest-labs/FLUX.1-dev")["how"])
    assert "28 to 50 steps" in how


def test_every_family_names_its_sources() -> None:
    for family in explanations.FAMILIES:
        assert family.sources, family.key
        for title, url in family.sources:
            assert title and url.startswith("https://"), family.key
