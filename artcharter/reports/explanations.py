"""How image generators work and what is known of a model's training data and licence,
in plain French and English, for people who look at the images (charter point 2).

Pure: a model id, a tool name or the C2PA software agents in; texts and sources out. Every
claim about a model family is one its makers or a cited paper made; where the makers say
nothing, the text says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

HOW_DIFFUSION = {
    "en": [
        "Diffusion models learn from a very large set of images, each paired with a caption. "
        "During training, noise is added to each image step by step until nothing is left but "
        "static, and the model learns to undo one step of that noise, guided by the caption.",
        "To make a new image, the model starts from pure random noise (fixed by the seed) and "
        "removes noise over a number of steps. A text encoder turns the prompt into numbers "
        "that steer every step; the guidance scale sets how strongly. Most models work in a "
        "compressed 'latent' space, and a decoder turns the result into pixels.",
        "The model does not paste pieces of stored images: it produces what is statistically "
        "likely for the prompt, given what it saw. That is why it repeats the styles, "
        "compositions and stereotypes most frequent in its training data, and why it can "
        "occasionally reproduce a training image almost exactly (Carlini et al. 2023).",
    ],
    "fr": [
        "Les modèles de diffusion apprennent à partir d'un très grand nombre d'images, chacune "
        "accompagnée d'une légende. Pendant l'entraînement, on ajoute du bruit à chaque image, "
        "pas à pas, jusqu'à ce qu'il ne reste que de la neige, et le modèle apprend à retirer "
        "une étape de ce bruit en s'aidant de la légende.",
        "Pour fabriquer une nouvelle image, le modèle part d'un bruit aléatoire (fixé par la "
        "graine, ou « seed ») et le retire en un certain nombre d'étapes. Un encodeur de texte "
        "transforme le prompt en nombres qui orientent chaque étape ; l'échelle de guidage "
        "règle la force de cette orientation. La plupart des modèles travaillent dans un "
        "espace compressé (« latent ») qu'un décodeur transforme en pixels.",
        "Le modèle ne colle pas des morceaux d'images stockées : il produit ce qui est "
        "statistiquement probable pour le prompt, d'après ce qu'il a vu. C'est pourquoi il "
        "reprend les styles, les compositions et les stéréotypes les plus fréquents dans ses "
        "données d'entraînement, et qu'il peut parfois reproduire presque à l'identique une "
        "image d'entraînement (Carlini et al. 2023).",
    ],
}
HOW_FLOW = {
    "en": "This family uses 'flow matching' (rectified flow), a close cousin of diffusion: the "
    "model learns a straight path from noise to image, which needs fewer steps; the "
    "principle above still holds.",
    "fr": "Cette famille utilise le « flow matching » (flux rectifié), proche parent de la "
    "diffusion : le modèle apprend un chemin direct du bruit vers l'image, qui demande moins "
    "d'étapes ; le principe ci-dessus reste valable.",
}
HOW_PROPRIETARY = {
    "en": "Its maker has not published how the model is built; what follows is what it says "
    "publicly. The general principle of current image generators is the one above.",
    "fr": "Son éditeur n'a pas publié comment le modèle est construit ; ce qui suit est ce "
    "qu'il en dit publiquement. Le principe général des générateurs d'images actuels est "
    "celui décrit plus haut.",
}

CARLINI = (
    "Carlini et al. 2023, Extracting Training Data from Diffusion Models",
    "https://arxiv.org/abs/2301.13188",
)
LDM = (
    "Rombach et al. 2022, High-Resolution Image Synthesis with Latent Diffusion Models",
    "https://arxiv.org/abs/2112.10752",
)
LAION = ("Schuhmann et al. 2022, LAION-5B", "https://arxiv.org/abs/2210.08402")


@dataclass(frozen=True)
class Family:
    key: str
    name: str
    kind: str  # "open-weights", "proprietary", "demo", "unknown"
    pattern: str  # regular expression over the normalised model id / tool name
    training: dict[str, str]
    licence: dict[str, str]
    sources: tuple[tuple[str, str], ...] = ()
    flow: bool = False
    # (pattern, name): a more precise name when the model id says which variant it is.
    variants: tuple[tuple[str, str], ...] = ()

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
        training={
            "en": "A distilled model: Stability AI trained it to imitate a larger 'teacher' "
            "(Stable Diffusion 2.1 for SD-Turbo, SDXL for SDXL-Turbo) in one to four steps, "
            "with Adversarial Diffusion Distillation. It inherits what the teacher learned, "
            "and so its training data: for SD 2.1 a subset of LAION-5B, billions of image and "
            "caption pairs collected from the web without asking their authors; for SDXL, data "
            "Stability AI has not fully described.",
            "fr": "Un modèle distillé : Stability AI l'a entraîné à imiter un modèle « "
            "professeur » plus grand (Stable Diffusion 2.1 pour SD-Turbo, SDXL pour "
            "SDXL-Turbo) en une à quatre étapes, par distillation adversariale (ADD). Il hérite "
            "de ce que le professeur a appris, donc de ses données : pour SD 2.1 un "
            "sous-ensemble de LAION-5B, des milliards de paires image-légende collectées sur "
            "le web sans demander l'avis de leurs auteurs ; pour SDXL, des données que "
            "Stability AI n'a pas entièrement décrites.",
        },
        licence={
            "en": "Open weights under a Stability AI licence (the non-commercial research "
            "community licence when released): free for research and non-commercial use; "
            "read the licence shipped with the weights before any commercial use.",
            "fr": "Poids ouverts sous licence Stability AI (licence communautaire de recherche "
            "non commerciale à leur sortie) : libres pour la recherche et l'usage non "
            "commercial ; lisez la licence fournie avec les poids avant tout usage commercial.",
        },
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
        training={
            "en": "Black Forest Labs, founded by researchers behind Stable Diffusion, has not "
            "published what FLUX.1 was trained on. It is a large transformer (about 12 billion "
            "parameters) trained, like its predecessors, on a very large set of captioned "
            "images whose sources are not disclosed.",
            "fr": "Black Forest Labs, fondé par des chercheurs à l'origine de Stable Diffusion, "
            "n'a pas publié les données d'entraînement de FLUX.1. C'est un grand transformer "
            "(environ 12 milliards de paramètres) entraîné, comme ses prédécesseurs, sur un "
            "très grand ensemble d'images légendées dont les sources ne sont pas divulguées.",
        },
        licence={
            "en": "FLUX.1 [schnell]: Apache 2.0 (open, commercial use allowed). FLUX.1 [dev]: "
            "open weights under the FLUX.1 [dev] Non-Commercial License. FLUX.1 [pro]: only "
            "through its maker's paid service.",
            "fr": "FLUX.1 [schnell] : Apache 2.0 (ouverte, usage commercial permis). FLUX.1 "
            "[dev] : poids ouverts sous la licence non commerciale FLUX.1 [dev]. FLUX.1 [pro] : "
            "uniquement via le service payant de son éditeur.",
        },
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
        training={
            "en": "Stability AI's paper describes the model (a 'multimodal diffusion "
            "transformer' trained with rectified flow) and how the data was filtered, but not "
            "where the images came from; the data set has not been published.",
            "fr": "L'article de Stability AI décrit le modèle (un « transformer de diffusion "
            "multimodal » entraîné par flux rectifié) et le filtrage des données, mais pas "
            "l'origine des images ; le jeu de données n'a pas été publié.",
        },
        licence={
            "en": "Open weights under the Stability AI Community License: free for research, "
            "non-commercial use, and commercial use by organisations under USD 1 million of "
            "annual revenue.",
            "fr": "Poids ouverts sous la Stability AI Community License : libres pour la "
            "recherche, l'usage non commercial, et l'usage commercial des structures de moins "
            "d'un million de dollars de chiffre d'affaires annuel.",
        },
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
        training={
            "en": "Stability AI's SDXL paper describes the model (a larger latent diffusion "
            "UNet with two text encoders, OpenCLIP ViT-bigG and CLIP ViT-L, and an optional "
            "refiner) but not the full list of training images. Its text encoder OpenCLIP "
            "ViT-bigG was trained on LAION-2B, images and captions collected from the web "
            "without asking their authors.",
            "fr": "L'article de Stability AI sur SDXL décrit le modèle (un UNet de diffusion "
            "latente plus grand, avec deux encodeurs de texte, OpenCLIP ViT-bigG et CLIP "
            "ViT-L, et un raffineur optionnel) mais pas la liste complète des images "
            "d'entraînement. Son encodeur OpenCLIP ViT-bigG a été entraîné sur LAION-2B, des "
            "images et légendes collectées sur le web sans demander l'avis de leurs auteurs.",
        },
        licence={
            "en": "Open weights under the CreativeML Open RAIL++-M licence: use, modification "
            "and commercial use allowed, with a list of forbidden uses that must be passed on "
            "to anyone who receives the model.",
            "fr": "Poids ouverts sous licence CreativeML Open RAIL++-M : usage, modification et "
            "usage commercial permis, avec une liste d'usages interdits à transmettre à toute "
            "personne qui reçoit le modèle.",
        },
        sources=(("Podell et al. 2023, SDXL", "https://arxiv.org/abs/2307.01952"), LAION),
    ),
    Family(
        key="sd2",
        name="Stable Diffusion 2.x",
        kind="open-weights",
        variants=((r"2-1|2\.1", "Stable Diffusion 2.1"), (r"2-0|2\.0|-2$", "Stable Diffusion 2")),
        pattern=r"(stable-diffusion-2|sd-?2(\b|-|\.)|v2-[01]|2-1-base)",
        training={
            "en": "Trained by Stability AI on a subset of LAION-5B (5.85 billion image and "
            "caption pairs collected from the web by the LAION association without asking "
            "their authors), filtered with LAION's nudity detector and an aesthetic score. "
            "LAION withdrew LAION-5B in December 2023 after a Stanford report found illegal "
            "images in it, and published a cleaned version (Re-LAION-5B) in 2024.",
            "fr": "Entraîné par Stability AI sur un sous-ensemble de LAION-5B (5,85 milliards "
            "de paires image-légende collectées sur le web par l'association LAION sans "
            "demander l'avis de leurs auteurs), filtré par le détecteur de nudité de LAION et "
            "un score esthétique. LAION a retiré LAION-5B en décembre 2023 après qu'un rapport "
            "de Stanford y a trouvé des images illégales, et en a publié une version nettoyée "
            "(Re-LAION-5B) en 2024.",
        },
        licence={
            "en": "Open weights under the CreativeML Open RAIL++-M licence: use, modification "
            "and commercial use allowed, with a list of forbidden uses that must be passed on.",
            "fr": "Poids ouverts sous licence CreativeML Open RAIL++-M : usage, modification et "
            "usage commercial permis, avec une liste d'usages interdits à transmettre.",
        },
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
        training={
            "en": "Trained by CompVis (LMU Munich), Runway and Stability AI on LAION-2B-en and "
            "then 'LAION-Aesthetics', subsets of LAION-5B: billions of image and caption pairs "
            "collected from the web by the LAION association, including artworks and "
            "photographs whose authors were not asked. Its text encoder is OpenAI's CLIP "
            "ViT-L/14, trained on data OpenAI has not published. LAION withdrew LAION-5B in "
            "December 2023 after a Stanford report found illegal images in it, and published "
            "a cleaned version (Re-LAION-5B) in 2024.",
            "fr": "Entraîné par CompVis (LMU Munich), Runway et Stability AI sur LAION-2B-en puis "
            "« LAION-Aesthetics », des sous-ensembles de LAION-5B : des milliards de paires "
            "image-légende collectées sur le web par l'association LAION, dont des œuvres et "
            "des photographies dont les auteurs n'ont pas été consultés. Son encodeur de texte "
            "est CLIP ViT-L/14 d'OpenAI, entraîné sur des données non publiées. LAION a retiré "
            "LAION-5B en décembre 2023 après qu'un rapport de Stanford y a trouvé des images "
            "illégales, et en a publié une version nettoyée (Re-LAION-5B) en 2024.",
        },
        licence={
            "en": "Open weights under the CreativeML OpenRAIL-M licence: use, modification and "
            "commercial use allowed, with a list of forbidden uses that must be passed on to "
            "anyone who receives the model.",
            "fr": "Poids ouverts sous licence CreativeML OpenRAIL-M : usage, modification et "
            "usage commercial permis, avec une liste d'usages interdits à transmettre à toute "
            "personne qui reçoit le modèle.",
        },
        sources=(LDM, LAION),
    ),
    Family(
        key="midjourney",
        name="Midjourney",
        kind="proprietary",
        pattern=r"(midjourney|niji)",
        training={
            "en": "Midjourney has not published its model or its training data. Its founder "
            "said in a 2022 interview (Forbes) that it was trained on a large collection of "
            "images gathered from the internet, and that there was no practical way to know "
            "where each image came from or to ask its author.",
            "fr": "Midjourney n'a publié ni son modèle ni ses données d'entraînement. Son "
            "fondateur a déclaré en 2022 (entretien à Forbes) qu'il avait été entraîné sur une "
            "grande collection d'images récupérées sur internet, sans moyen pratique de savoir "
            "d'où venait chaque image ni d'en consulter l'auteur.",
        },
        licence={
            "en": "A paid online service: the model cannot be downloaded, and the use of the "
            "images is governed by Midjourney's terms of service.",
            "fr": "Un service en ligne payant : le modèle ne peut pas être téléchargé, et "
            "l'usage des images relève des conditions d'utilisation de Midjourney.",
        },
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
        training={
            "en": "Adobe says Firefly was trained on images from its Adobe Stock library, "
            "openly licensed content and public-domain works, and pays a bonus to Stock "
            "contributors. Press reports (Bloomberg, 2024) found that some Stock images were "
            "themselves made with other generators such as Midjourney.",
            "fr": "Adobe indique que Firefly a été entraîné sur les images de sa banque Adobe "
            "Stock, des contenus sous licence ouverte et des œuvres du domaine public, et "
            "verse une prime aux contributeurs de Stock. Des articles de presse (Bloomberg, "
            "2024) ont montré qu'une partie de ces images Stock avaient elles-mêmes été faites "
            "avec d'autres générateurs comme Midjourney.",
        },
        licence={
            "en": "A paid service inside Adobe's software: the model cannot be downloaded; "
            "Adobe's terms govern the images, and Firefly images carry Content Credentials.",
            "fr": "Un service payant intégré aux logiciels Adobe : le modèle ne peut pas être "
            "téléchargé ; les conditions d'Adobe régissent les images, qui portent des "
            "Content Credentials.",
        },
        sources=(("Adobe, Firefly FAQ", "https://www.adobe.com/products/firefly.html"),),
    ),
    Family(
        key="dalle",
        name="DALL·E / OpenAI",
        kind="proprietary",
        pattern=r"(dall|gpt-image|chatgpt|openai|sora)",
        training={
            "en": "OpenAI says its image models were trained on a mix of publicly available "
            "data and data it licensed (for example from Shutterstock), but has not published "
            "the data set. It offers artists a form to exclude their images from future "
            "training. DALL·E 3 is described as a diffusion model trained with captions "
            "rewritten by a language model.",
            "fr": "OpenAI indique que ses modèles d'images ont été entraînés sur un mélange de "
            "données publiquement accessibles et de données sous licence (par exemple de "
            "Shutterstock), sans publier le jeu de données. Il propose aux artistes un "
            "formulaire pour exclure leurs images des entraînements futurs. DALL·E 3 est "
            "décrit comme un modèle de diffusion entraîné avec des légendes réécrites par un "
            "modèle de langage.",
        },
        licence={
            "en": "A paid online service: the model cannot be downloaded; OpenAI's terms of "
            "use govern the images.",
            "fr": "Un service en ligne payant : le modèle ne peut pas être téléchargé ; les "
            "conditions d'utilisation d'OpenAI régissent les images.",
        },
        sources=(
            (
                "Betker et al. 2023, Improving Image Generation with Better Captions (DALL·E 3)",
                "https://cdn.openai.com/papers/dall-e-3.pdf",
            ),
        ),
    ),
)

DEMO_NAME = {"fr": "le modèle de démonstration d'artcharter", "en": "artcharter's demo model"}
DEMO = Family(
    key="demo",
    name="artcharter demo model",
    kind="demo",
    pattern=r"$^",
    training={
        "en": "This is a demonstration model with random weights: it was never trained on "
        "anything, its images are noise, and nothing in them says anything about real models. "
        "It exists so that the tool can be tried without downloading a real model.",
        "fr": "C'est un modèle de démonstration aux poids aléatoires : il n'a jamais été "
        "entraîné, ses images sont du bruit, et rien n'y dit quoi que ce soit des vrais "
        "modèles. Il sert à essayer l'outil sans télécharger de vrai modèle.",
    },
    licence={
        "en": "Built locally by artcharter; no licence restriction and no training data.",
        "fr": "Construit localement par artcharter ; aucune restriction de licence et aucune "
        "donnée d'entraînement.",
    },
)
UNKNOWN = Family(
    key="unknown",
    name="",
    kind="unknown",
    pattern=r"$^",
    training={
        "en": "The credentials do not name a model this report knows. Most current image "
        "generators were trained on hundreds of millions to billions of captioned images "
        "collected from the web, often without asking their authors; ask the artist which "
        "tool and version they used, and look for what its makers publish about its data.",
        "fr": "Les informations du fichier ne nomment pas un modèle connu de ce rapport. La "
        "plupart des générateurs d'images actuels ont été entraînés sur des centaines de "
        "millions à des milliards d'images légendées collectées sur le web, souvent sans "
        "l'accord de leurs auteurs ; demandez à l'artiste quel outil et quelle version il a "
        "utilisés, et cherchez ce que leurs éditeurs publient sur leurs données.",
    },
    licence={
        "en": "Unknown: the licence depends on the model and on the service's terms.",
        "fr": "Inconnue : la licence dépend du modèle et des conditions du service.",
    },
)
NO_AI = {
    "en": "The artist declares that no generative model made this image, so there is no "
    "model to explain. The general principle of image generators is explained above for "
    "visitors who wonder.",
    "fr": "L'artiste déclare qu'aucun modèle génératif n'a fait cette image : il n'y a donc "
    "pas de modèle à expliquer. Le principe général des générateurs d'images est expliqué "
    "ci-dessus pour les visiteurs qui se le demandent.",
}


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
) -> dict[str, Any]:
    """The plain-language section of a report, in ``lang``."""
    family, family_name = _named_family(model_id, tool, is_demo, agents)
    if family.kind == "demo":
        family_name = DEMO_NAME[lang]
    how = list(HOW_DIFFUSION[lang])
    if family.flow:
        how.append(HOW_FLOW[lang])
    if family.kind == "proprietary":
        how.append(HOW_PROPRIETARY[lang])
    named = model_id or tool or (agents[0] if agents else None)
    return {
        "family": family.key,
        "family_name": family_name,
        "kind": family.kind,
        "named": named,
        "uses_ai": uses_ai,
        "how": how,
        "training": family.training[lang] if uses_ai else NO_AI[lang],
        "licence": family.licence[lang] if uses_ai else None,
        "sources": [{"title": t, "url": u} for t, u in (*family.sources, CARLINI, LDM)],
    }


def model_in_words(
    lang: str, *, model_id: str | None = None, tool: str | None = None, is_demo: bool = False
) -> str:
    """The model's name for a label: its family's name when known, else the name as given."""
    family, family_name = _named_family(model_id, tool, is_demo, ())
    if family.kind == "demo":
        return (
            "un modèle de démonstration (poids aléatoires)"
            if lang == "fr"
            else ("a demo model (random weights)")
        )
    if tool:
        return tool
    if family.kind != "unknown":
        return family_name
    if model_id:
        # A local path says nothing to a visitor: keep its last part.
        return model_id.rstrip("/").rsplit("/", 1)[-1] if model_id.startswith("/") else model_id
    return "un modèle d'IA non précisé" if lang == "fr" else "an unnamed AI model"
