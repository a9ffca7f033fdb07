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
    sources: tuple[tuple[str, str], ...] = ()
    # How the family makes an image: "diffusion", "flow" (flow matching, a close cousin of
    # diffusion) or "autoregressive" (one piece after another, like text).
    method: str = "diffusion"

    @property
    def flow(self) -> bool:
        return self.method == "flow"

    @property
    def training(self) -> str:
        """The catalogue key of what is known of the family's training data."""
        return f"family.{self.key}.training"

    @property
    def licence(self) -> str:
        """The catalogue key of the family's licence."""
        return f"family.{self.key}.licence"


OPENAI_4O = (
    "OpenAI, Addendum to GPT-4o System Card: 4o image generation (25 March 2025)",
    "https://openai.com/index/gpt-4o-image-generation-system-card-addendum/",
)
DIFFUSERS_FLUX = (
    "Hugging Face Diffusers documentation, Flux pipeline (FLUX.1 [dev] run with 50 steps, "
    "[schnell] with 4)",
    "https://huggingface.co/docs/diffusers/api/pipelines/flux",
)

FAMILIES: tuple[Family, ...] = (
    Family(
        key="sd-turbo",
        name="SD-Turbo / SDXL-Turbo",
        kind="open-weights",
        sources=(
            (
                "Sauer et al. 2023, Adversarial Diffusion Distillation",
                "https://arxiv.org/abs/2311.17042",
            ),
            ("Stability AI, SD-Turbo model card", "https://huggingface.co/stabilityai/sd-turbo"),
            LAION,
        ),
    ),
    Family(
        key="flux",
        name="FLUX.1",
        kind="open-weights",
        method="flow",
        sources=(
            (
                "Black Forest Labs, FLUX.1 announcement (2024)",
                "https://blackforestlabs.ai/announcing-black-forest-labs/",
            ),
            DIFFUSERS_FLUX,
        ),
    ),
    Family(
        key="sd3",
        name="Stable Diffusion 3 / 3.5",
        kind="open-weights",
        method="flow",
        sources=(
            (
                "Esser et al. 2024, Scaling Rectified Flow Transformers",
                "https://arxiv.org/abs/2403.03206",
            ),
            (
                "Stability AI, Stable Diffusion 3.5 Large Turbo model card (ADD-distilled)",
                "https://huggingface.co/stabilityai/stable-diffusion-3.5-large-turbo",
            ),
        ),
    ),
    Family(
        key="sdxl",
        name="Stable Diffusion XL",
        kind="open-weights",
        sources=(("Podell et al. 2023, SDXL", "https://arxiv.org/abs/2307.01952"), LAION),
    ),
    Family(
        key="sd2",
        name="Stable Diffusion 2.x",
        kind="open-weights",
        sources=(LDM, LAION),
    ),
    Family(
        key="sd1",
        name="Stable Diffusion 1.x",
        kind="open-weights",
        sources=(LDM, LAION),
    ),
    Family(
        key="midjourney",
        name="Midjourney",
        kind="proprietary",
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
        sources=(
            ("Adobe, Firefly FAQ", "https://www.adobe.com/products/firefly.html"),
            (
                "Adobe, Generative credits FAQ (free and paid plans)",
                "https://helpx.adobe.com/firefly/get-set-up/learn-the-basics/generative-credits-faq.html",
            ),
        ),
    ),
    Family(
        key="gpt-image",
        name="GPT-4o image generation (OpenAI)",
        kind="proprietary",
        method="autoregressive",
        sources=(
            OPENAI_4O,
            (
                "OpenAI, GPT-4o System Card (2024), data",
                "https://openai.com/index/gpt-4o-system-card/",
            ),
        ),
    ),
    Family(
        key="dalle",
        name="DALL·E (OpenAI)",
        kind="proprietary",
        sources=(
            (
                "Betker et al. 2023, Improving Image Generation with Better Captions (DALL·E 3)",
                "https://cdn.openai.com/papers/dall-e-3.pdf",
            ),
        ),
    ),
)
_BY_KEY = {family.key: family for family in FAMILIES}

DEMO = Family(key="demo", name="artcharter demo model", kind="demo")
UNKNOWN = Family(key="unknown", name="", kind="unknown", method="unknown")


@dataclass(frozen=True)
class Match:
    """One line of the precedence table: a pattern over the normalised name, the family it
    means and the most precise name it gives."""

    pattern: str
    family: str
    name: str


# The precedence, explicit: the first line whose pattern matches wins. Specific families
# come before generic words ("turbo", "xl", "adobe", "openai" alone decide nothing):
# - SD 3.x and FLUX before the Turbo models: stable-diffusion-3.5-large-turbo is an
#   SD 3.5 model and FLUX.1-Turbo-Alpha a LoRA on FLUX.1 [dev], not SD-Turbo;
# - SD-Turbo / SDXL-Turbo only by their own names;
# - GPT-4o image generation (gpt-image-1, ChatGPT) before DALL·E: it is autoregressive;
# - Firefly only by its name: Lightroom or Photoshop alone name no model.
# A name that matches no line is an unknown family: we do not guess.
MATCHES: tuple[Match, ...] = (
    Match(
        r"stable-diffusion-3\.5-large-turbo|sd-?3\.5-large-turbo",
        "sd3",
        "Stable Diffusion 3.5 Large Turbo",
    ),
    Match(r"stable-diffusion-3\.5-large|sd-?3\.5-large", "sd3", "Stable Diffusion 3.5 Large"),
    Match(r"stable-diffusion-3\.5-medium|sd-?3\.5-medium", "sd3", "Stable Diffusion 3.5 Medium"),
    Match(r"stable-diffusion-3\.5|(^|-)sd-?3\.5($|-)", "sd3", "Stable Diffusion 3.5"),
    Match(r"stable-diffusion-3|(^|-)sd-?3($|-)", "sd3", "Stable Diffusion 3"),
    Match(r"flux.*turbo-alpha", "flux", "FLUX.1 [dev] + Turbo-Alpha (8-step LoRA, Alimama)"),
    Match(r"flux.*schnell", "flux", "FLUX.1 [schnell]"),
    Match(r"flux.*kontext", "flux", "FLUX.1 Kontext"),
    Match(r"flux.*dev", "flux", "FLUX.1 [dev]"),
    Match(r"flux.*pro", "flux", "FLUX.1 [pro]"),
    Match(r"(^|-)flux", "flux", "FLUX.1"),
    Match(r"(^|-)sdxl-turbo($|-)", "sd-turbo", "SDXL-Turbo"),
    Match(r"(^|-)sd-turbo($|-)", "sd-turbo", "SD-Turbo"),
    Match(r"sdxl|stable-diffusion-xl", "sdxl", "Stable Diffusion XL"),
    Match(
        r"stable-diffusion-2-1|stable-diffusion-2\.1|(^|-)sd-?2\.1($|-)",
        "sd2",
        "Stable Diffusion 2.1",
    ),
    Match(r"stable-diffusion-2($|-)|(^|-)sd-?2($|-)", "sd2", "Stable Diffusion 2"),
    Match(r"stable-diffusion-v1-5|(^|-)sd-?v?1[-.]5($|-)", "sd1", "Stable Diffusion 1.5"),
    Match(r"stable-diffusion-v1-4|(^|-)sd-?v?1[-.]4($|-)", "sd1", "Stable Diffusion 1.4"),
    Match(r"stable-diffusion-v1|(^|-)sd-?v?1($|-)", "sd1", "Stable Diffusion 1.x"),
    Match(r"midjourney|(^|-)niji", "midjourney", "Midjourney"),
    Match(r"firefly", "firefly", "Adobe Firefly"),
    Match(r"gpt-image|gpt-4o|chatgpt", "gpt-image", "GPT-4o image generation (OpenAI)"),
    Match(r"dall-?e|dall·e", "dalle", "DALL·E (OpenAI)"),
)


def _normalise(text: str) -> str:
    return re.sub(r"[\s_/]+", "-", text.strip().lower())


def match_name(name: str) -> tuple[Family, str]:
    """The family of one model id, tool or software agent, and its most precise name;
    ``(UNKNOWN, "")`` when no line of ``MATCHES`` fits."""
    text = _normalise(name)
    if "demo-model" in text or "random-weights" in text:
        return DEMO, DEMO.name
    for line in MATCHES:
        if re.search(line.pattern, text):
            return _BY_KEY[line.family], line.name
    return UNKNOWN, UNKNOWN.name


def _named_family(
    model_id: str | None, tool: str | None, is_demo: bool, agents: tuple[str, ...] | list[str]
) -> tuple[Family, str]:
    """The family and its most precise name for the first name that matches one."""
    if is_demo:
        return DEMO, DEMO.name
    for name in (model_id, tool, *agents):
        if name and (found := match_name(name))[0] is not UNKNOWN:
            return found
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
    if family.method == "autoregressive":
        how = [t("explain.how_autoregressive", lang)]
    else:
        how = [t(key, lang) for key in HOW_DIFFUSION]
    if family.flow:
        how.append(t("explain.how_flow", lang))
    if family.kind == "unknown":
        how.insert(0, t("explain.how_unknown", lang))
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
        "sources": [{"title": title, "url": url} for title, url in _sources(family)],
    }


def _sources(family: Family) -> tuple[tuple[str, str], ...]:
    """The family's sources, then those of the general text on diffusion when it shows."""
    general = () if family.method == "autoregressive" else (CARLINI, LDM)
    return tuple(dict.fromkeys((*family.sources, *general)))


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
