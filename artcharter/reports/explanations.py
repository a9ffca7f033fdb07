"""How image generators work and what is known of a model's training data and licence,
in plain words, for people who look at the images (charter point 2). The texts are in the
reports catalogue (``explain.*``, and ``family.<key>.training`` / ``.licence``).

Pure: a model id, a tool name or the C2PA software agents in; texts and sources out. Every
claim about a model family is one its makers or a cited paper made; where the makers say
nothing, the text says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from artcharter.reports.i18n import t

# The texts (artcharter.reports.messages) that say how diffusion models work, in order.
HOW_DIFFUSION = ("explain.how_diffusion_1", "explain.how_diffusion_2", "explain.how_diffusion_3")

CARLINI = (
    "Carlini et al. 2023, Extracting Training Data from Diffusion Models",
    "https://arxiv.org/abs/2301.13188",
)
LDM = (
    "Rombach et al. 2022, High-Resolution Image Synthesis with Latent Diffusion Models",
    "https://arxiv.org/abs/2112.10752",
)
LAION = ("Schuhmann et al. 2022, LAION-5B", "https://arxiv.org/abs/2210.08402")

# How models of other kinds than images work (two paragraphs each), and where it is said.
HOW_BY_KIND: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "video": (
        ("explain.how_video_1", "explain.how_video_2"),
        (
            ("Ho et al. 2022, Video Diffusion Models", "https://arxiv.org/abs/2204.03458"),
            (
                "Blattmann et al. 2023, Stable Video Diffusion",
                "https://arxiv.org/abs/2311.15127",
            ),
        ),
    ),
    "music": (
        ("explain.how_music_1", "explain.how_music_2"),
        (
            (
                "Agostinelli et al. 2023, MusicLM: Generating Music From Text",
                "https://arxiv.org/abs/2301.11325",
            ),
            (
                "Copet et al. 2023, Simple and Controllable Music Generation (MusicGen)",
                "https://arxiv.org/abs/2306.05284",
            ),
        ),
    ),
    "voice": (
        ("explain.how_voice_1", "explain.how_voice_2"),
        (
            (
                "Wang et al. 2023, Neural Codec Language Models are Zero-Shot Text to Speech"
                " Synthesizers (VALL-E)",
                "https://arxiv.org/abs/2301.02111",
            ),
        ),
    ),
    "text": (
        ("explain.how_text_1", "explain.how_text_2"),
        (
            ("Vaswani et al. 2017, Attention Is All You Need", "https://arxiv.org/abs/1706.03762"),
            (
                "Radford et al. 2019, Language Models are Unsupervised Multitask Learners (GPT-2)",
                "https://cdn.openai.com/better-language-models/language_models_are_"
                "unsupervised_multitask_learners.pdf",
            ),
        ),
    ),
}


@dataclass(frozen=True)
class Family:
    key: str
    name: str
    kind: str  # "open-weights", "proprietary", "demo", "unknown"
    pattern: str  # regular expression over the normalised model id / tool name
    sources: tuple[tuple[str, str], ...] = ()
    flow: bool = False
    # (pattern, name): a more precise name when the model id says which variant it is.
    variants: tuple[tuple[str, str], ...] = ()

    @property
    def training(self) -> str:
        """The catalogue key of what is known of the family's training data."""
        return f"family.{self.key}.training"

    @property
    def licence(self) -> str:
        """The catalogue key of the family's licence."""
        return f"family.{self.key}.licence"

    def name_for(self, text: str) -> str:
        for pattern, name in self.variants:
            if re.search(pattern, text):
                return name
        return self.name


FAMILIES: tuple[Family, ...] = (
    Family(
        key="sd-turbo",
        name="SD-Turbo / SDXL-Turbo",
        kind="open-weights",
        pattern=r"turbo",
        variants=((r"xl", "SDXL-Turbo"), (r"", "SD-Turbo")),
        sources=(
            (
                "Sauer et al. 2023, Adversarial Diffusion Distillation",
                "https://arxiv.org/abs/2311.17042",
            ),
            LAION,
        ),
    ),
    Family(
        key="flux",
        name="FLUX.1",
        kind="open-weights",
        pattern=r"flux",
        variants=(
            (r"schnell", "FLUX.1 [schnell]"),
            (r"dev", "FLUX.1 [dev]"),
            (r"pro", "FLUX.1 [pro]"),
        ),
        flow=True,
        sources=(
            (
                "Black Forest Labs, FLUX.1 announcement (2024)",
                "https://blackforestlabs.ai/announcing-black-forest-labs/",
            ),
        ),
    ),
    Family(
        key="sd3",
        name="Stable Diffusion 3 / 3.5",
        kind="open-weights",
        variants=((r"3\.5|3-5", "Stable Diffusion 3.5"), (r"", "Stable Diffusion 3")),
        pattern=r"(stable-diffusion-3|sd-?3)",
        flow=True,
        sources=(
            (
                "Esser et al. 2024, Scaling Rectified Flow Transformers",
                "https://arxiv.org/abs/2403.03206",
            ),
        ),
    ),
    Family(
        key="sdxl",
        name="Stable Diffusion XL",
        kind="open-weights",
        pattern=r"(sdxl|stable-diffusion-xl|xl-base|xl-refiner)",
        sources=(("Podell et al. 2023, SDXL", "https://arxiv.org/abs/2307.01952"), LAION),
    ),
    Family(
        key="sd2",
        name="Stable Diffusion 2.x",
        kind="open-weights",
        variants=((r"2-1|2\.1", "Stable Diffusion 2.1"), (r"2-0|2\.0|-2$", "Stable Diffusion 2")),
        pattern=r"(stable-diffusion-2|sd-?2(\b|-|\.)|v2-[01]|2-1-base)",
        sources=(LDM, LAION),
    ),
    Family(
        key="sd1",
        name="Stable Diffusion 1.x",
        kind="open-weights",
        variants=(
            (r"v?1-5|1\.5", "Stable Diffusion 1.5"),
            (r"v?1-4|1\.4", "Stable Diffusion 1.4"),
        ),
        pattern=r"(stable-diffusion-v1|sd-?v?1(\b|-|\.|_)|v1-[1-5]|stable-diffusion$)",
        sources=(LDM, LAION),
    ),
    Family(
        key="midjourney",
        name="Midjourney",
        kind="proprietary",
        pattern=r"(midjourney|niji)",
        sources=(
            (
                "Forbes, interview with David Holz, September 2022",
                "https://www.forbes.com/sites/robsalkowitz/2022/09/16/midjourney-founder-david-holz-on-the-impact-of-ai-on-art-imagination-and-the-creative-economy/",
            ),
        ),
    ),
    Family(
        key="firefly",
        name="Adobe Firefly",
        kind="proprietary",
        pattern=r"(firefly|adobe)",
        sources=(("Adobe, Firefly FAQ", "https://www.adobe.com/products/firefly.html"),),
    ),
    Family(
        key="dalle",
        name="DALL·E / OpenAI",
        kind="proprietary",
        pattern=r"(dall|gpt-image|chatgpt|openai|sora)",
        sources=(
            (
                "Betker et al. 2023, Improving Image Generation with Better Captions (DALL·E 3)",
                "https://cdn.openai.com/papers/dall-e-3.pdf",
            ),
        ),
    ),
)

DEMO = Family(
    key="demo",
    name="artcharter demo model",
    kind="demo",
    pattern=r"$^",
)
UNKNOWN = Family(
    key="unknown",
    name="",
    kind="unknown",
    pattern=r"$^",
)


def _normalise(text: str) -> str:
    return re.sub(r"[\s_/]+", "-", text.strip().lower())


def _named_family(
    model_id: str | None, tool: str | None, is_demo: bool, agents: tuple[str, ...] | list[str]
) -> tuple[Family, str]:
    """The family and its most precise name for the first name that matches one."""
    if is_demo:
        return DEMO, DEMO.name
    for name in (model_id, tool, *agents):
        if not name:
            continue
        text = _normalise(name)
        if "demo-model" in text or "random-weights" in text:
            return DEMO, DEMO.name
        for family in FAMILIES:
            if re.search(family.pattern, text):
                return family, family.name_for(text)
    return UNKNOWN, UNKNOWN.name


def family_of(
    model_id: str | None = None,
    tool: str | None = None,
    *,
    is_demo: bool = False,
    agents: tuple[str, ...] | list[str] = (),
) -> Family:
    """The family of the named model; the demo flag wins; unknown names get ``UNKNOWN``."""
    return _named_family(model_id, tool, is_demo, agents)[0]


def explain(
    lang: str,
    *,
    model_id: str | None = None,
    tool: str | None = None,
    is_demo: bool = False,
    agents: tuple[str, ...] | list[str] = (),
    uses_ai: bool = True,
    model_kind: str | None = None,
) -> dict[str, Any]:
    """The plain-language section of a report, in ``lang``; ``model_kind`` (video, music,
    voice, text) explains that kind of model instead of an image generator."""
    named = model_id or tool or (agents[0] if agents else None)
    if model_kind in HOW_BY_KIND:
        keys, sources = HOW_BY_KIND[model_kind]
        family, family_name = _named_family(model_id, tool, is_demo, agents)
        known = family.kind not in ("unknown", "demo")
        return {
            "family": family.key if known else model_kind,
            "family_name": family_name if known else t(f"model_kind_{model_kind}", lang),
            "kind": family.kind,
            "model_kind": model_kind,
            "named": named,
            "uses_ai": uses_ai,
            "how": [t(key, lang) for key in keys],
            "training": (
                (t(family.training, lang) if known else t("explain.training_other", lang))
                if uses_ai
                else t("explain.no_ai", lang)
            ),
            "licence": t(family.licence, lang) if uses_ai and known else None,
            "sources": [{"title": title, "url": url} for title, url in sources],
        }
    family, family_name = _named_family(model_id, tool, is_demo, agents)
    if family.kind == "demo":
        family_name = t("explain.demo_name", lang)
    how = [t(key, lang) for key in HOW_DIFFUSION]
    if family.flow:
        how.append(t("explain.how_flow", lang))
    if family.kind == "proprietary":
        how.append(t("explain.how_proprietary", lang))
    return {
        "family": family.key,
        "family_name": family_name,
        "kind": family.kind,
        "model_kind": model_kind or "image",
        "named": named,
        "uses_ai": uses_ai,
        "how": how,
        "training": t(family.training, lang) if uses_ai else t("explain.no_ai", lang),
        "licence": t(family.licence, lang) if uses_ai else None,
        "sources": [{"title": title, "url": url} for title, url in (*family.sources, CARLINI, LDM)],
    }


def model_in_words(
    lang: str, *, model_id: str | None = None, tool: str | None = None, is_demo: bool = False
) -> str:
    """The model's name for a label: its family's name when known, else the name as given."""
    family, family_name = _named_family(model_id, tool, is_demo, ())
    if family.kind == "demo":
        return t("explain.demo_model", lang)
    if tool:
        return tool
    if family.kind != "unknown":
        return family_name
    if model_id:
        # A local path says nothing to a visitor: keep its last part.
        return model_id.rstrip("/").rsplit("/", 1)[-1] if model_id.startswith("/") else model_id
    return t("explain.unnamed_model", lang)
