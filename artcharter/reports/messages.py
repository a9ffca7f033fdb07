"""Every text the reports room shows a person, in each language: one catalogue.

Keys start with the module that speaks (``browser.…``). A French text puts a no-break
space (U+00A0) before ``: ; ! ?`` and inside « ».
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue

MESSAGES = Catalogue(
    "reports",
    {
        # --- the words of reports, cartels and summaries (artcharter.reports.i18n.t) ---
        "report_title": {
            "fr": "Rapport d'œuvre",
            "en": "Artwork report",
        },
        "untitled": {
            "fr": "Sans titre",
            "en": "Untitled",
        },
        "unknown": {
            "fr": "inconnu",
            "en": "unknown",
        },
        "none": {
            "fr": "aucun",
            "en": "none",
        },
        "colon": {
            "fr": "\u00a0: ",
            "en": ": ",
        },
        "created": {
            "fr": "créée le",
            "en": "created on",
        },
        "artwork_id": {
            "fr": "identifiant de l'œuvre",
            "en": "artwork id",
        },
        "file": {
            "fr": "fichier",
            "en": "file",
        },
        "sha256": {
            "fr": "empreinte SHA-256",
            "en": "SHA-256 hash",
        },
        "demo_banner": {
            "fr": (
                "Modèle de démonstration\u00a0: cette image a été faite par un modèle aux "
                "poids aléatoires. Elle ne représente rien et aucun chiffre de ce "
                "rapport ne dit quoi que ce soit d'un vrai modèle."
            ),
            "en": (
                "Demo model: this image was made by a model with random weights. It "
                "depicts nothing, and no figure in this report says anything about a "
                "real model."
            ),
        },
        "sec_verification": {
            "fr": "Vérification",
            "en": "Verification",
        },
        "sec_provenance": {
            "fr": "Provenance",
            "en": "Provenance",
        },
        "sec_explanation": {
            "fr": "Comment ce modèle fonctionne",
            "en": "How this model works",
        },
        "sec_generation": {
            "fr": "Paramètres de génération",
            "en": "Generation parameters",
        },
        "sec_energy": {
            "fr": "Énergie",
            "en": "Energy",
        },
        "sec_probe": {
            "fr": "Biais et stéréotypes",
            "en": "Bias and stereotypes",
        },
        "sec_charter": {
            "fr": "Charte",
            "en": "Charter",
        },
        "sec_declaration": {
            "fr": "Déclaration de l'artiste",
            "en": "Artist's declaration",
        },
        "image": {
            "fr": "Image",
            "en": "Image",
        },
        "image_reduced": {
            "fr": "copie réduite pour l'affichage\u00a0; le fichier signé reste la référence",
            "en": "reduced copy for display; the signed file remains the reference",
        },
        "claim_thumbnail": {
            "fr": "vignette signée dans les Content Credentials",
            "en": "thumbnail signed in the Content Credentials",
        },
        "signed_thumbnail": {
            "fr": (
                "Ce qui a été signé\u00a0: la vignette enregistrée dans les Content "
                "Credentials au moment de la signature. Comparez-la à l'image "
                "ci-dessus."
            ),
            "en": (
                "What was signed: the thumbnail stored in the Content Credentials when "
                "the file was signed. Compare it with the image above."
            ),
        },
        "no_image": {
            "fr": "Le fichier n'a pas pu être affiché.",
            "en": "The file could not be displayed.",
        },
        "signer": {
            "fr": "signataire",
            "en": "signer",
        },
        "issuer": {
            "fr": "émis par",
            "en": "issued by",
        },
        "signed_at": {
            "fr": "signé le",
            "en": "signed on",
        },
        "algorithm": {
            "fr": "algorithme",
            "en": "algorithm",
        },
        "codes": {
            "fr": "codes C2PA (pour les experts)",
            "en": "C2PA codes (for experts)",
        },
        "failure_codes": {
            "fr": "échecs",
            "en": "failures",
        },
        "error": {
            "fr": "erreur",
            "en": "error",
        },
        "record_unreliable": {
            "fr": (
                "Le fichier n'est pas vérifié comme intact\u00a0: les informations "
                "ci-dessous sont celles qu'il porte, mais on ne peut pas s'y fier."
            ),
            "en": (
                "The file is not verified as intact: the information below is what it "
                "carries, but it cannot be relied on."
            ),
        },
        "record_from_ledger": {
            "fr": "Informations tirées du registre de l'école, pas du fichier.",
            "en": "Information taken from the school's ledger, not from the file.",
        },
        "no_record": {
            "fr": (
                "Le fichier ne porte pas de fiche artcharter\u00a0: seules les informations "
                "C2PA générales sont montrées."
            ),
            "en": "The file carries no artcharter record: only general C2PA information is shown.",
        },
        "ai_use": {
            "fr": "usage de l'IA",
            "en": "AI use",
        },
        "source_type": {
            "fr": "type de source (IPTC)",
            "en": "source type (IPTC)",
        },
        "actions": {
            "fr": "actions",
            "en": "actions",
        },
        "software": {
            "fr": "logiciel ou modèle",
            "en": "software or model",
        },
        "tool": {
            "fr": "outil",
            "en": "tool",
        },
        "ingredients": {
            "fr": "ingrédients (apports humains, fichier d'origine)",
            "en": "ingredients (human inputs, original file)",
        },
        "no_ingredients": {
            "fr": "aucun ingrédient déclaré",
            "en": "no ingredient declared",
        },
        "role": {
            "fr": "rôle",
            "en": "role",
        },
        "relationship": {
            "fr": "relation",
            "en": "relationship",
        },
        "training_mining": {
            "fr": "entraînement d'IA et fouille de données",
            "en": "AI training and data mining",
        },
        "prompt": {
            "fr": "prompt",
            "en": "prompt",
        },
        "negative_prompt": {
            "fr": "prompt négatif",
            "en": "negative prompt",
        },
        "prompt_private": {
            "fr": "prompt privé\u00a0: seule son empreinte est publiée",
            "en": "private prompt: only its hash is published",
        },
        "no_prompt": {
            "fr": "aucun prompt déclaré",
            "en": "no prompt declared",
        },
        "what_is_known": {
            "fr": "Données d'entraînement",
            "en": "Training data",
        },
        "licence": {
            "fr": "Licence",
            "en": "Licence",
        },
        "sources": {
            "fr": "Sources",
            "en": "Sources",
        },
        "model": {
            "fr": "modèle",
            "en": "model",
        },
        "revision": {
            "fr": "révision",
            "en": "revision",
        },
        "weights_sha256": {
            "fr": "empreinte des poids",
            "en": "weights hash",
        },
        "pipeline": {
            "fr": "pipeline",
            "en": "pipeline",
        },
        "scheduler": {
            "fr": "ordonnanceur",
            "en": "scheduler",
        },
        "seed": {
            "fr": "graine (seed)",
            "en": "seed",
        },
        "steps": {
            "fr": "étapes",
            "en": "steps",
        },
        "guidance": {
            "fr": "échelle de guidage",
            "en": "guidance scale",
        },
        "dimensions": {
            "fr": "dimensions",
            "en": "dimensions",
        },
        "device": {
            "fr": "matériel",
            "en": "device",
        },
        "dtype": {
            "fr": "précision",
            "en": "precision",
        },
        "batch": {
            "fr": "lot",
            "en": "batch",
        },
        "libraries": {
            "fr": "bibliothèques",
            "en": "libraries",
        },
        "no_generation": {
            "fr": (
                "Aucun paramètre de génération dans le fichier (image étiquetée après "
                "coup, ou outil externe\u00a0: voir la déclaration)."
            ),
            "en": (
                "No generation parameters in the file (image labelled afterwards, or an"
                " external tool: see the declaration)."
            ),
        },
        "external_tools": {
            "fr": "outils externes déclarés",
            "en": "declared external tools",
        },
        "energy_this": {
            "fr": "cette image",
            "en": "this image",
        },
        "duration": {
            "fr": "durée",
            "en": "duration",
        },
        "country": {
            "fr": "pays (mix électrique)",
            "en": "country (electricity mix)",
        },
        "intensity": {
            "fr": "intensité carbone",
            "en": "carbon intensity",
        },
        "method": {
            "fr": "méthode de mesure",
            "en": "measurement method",
        },
        "split": {
            "fr": "répartition",
            "en": "split",
        },
        "equivalents": {
            "fr": "Équivalents",
            "en": "Equivalents",
        },
        "factor": {
            "fr": "facteur",
            "en": "factor",
        },
        "source": {
            "fr": "source",
            "en": "source",
        },
        "references": {
            "fr": "Points de comparaison publiés",
            "en": "Published points of comparison",
        },
        "energy_unknown": {
            "fr": "Énergie non mesurée",
            "en": "Energy not measured",
        },
        "energy_none": {
            "fr": (
                "Aucune mesure d'énergie dans le fichier\u00a0: la génération a eu lieu hors"
                " d'artcharter (outil externe) ou n'a pas été mesurée."
            ),
            "en": (
                "No energy measurement in the file: the generation happened outside "
                "artcharter (an external tool) or was not measured."
            ),
        },
        "session": {
            "fr": "Toute la séance (registre)",
            "en": "The whole session (ledger)",
        },
        "session_text": {
            "fr": (
                "{images} image(s) générée(s) dans la même séance, dont {discarded} "
                "écartée(s)\u00a0; énergie totale {kwh}, chargement du modèle compris."
            ),
            "en": (
                "{images} image(s) generated in the same session, {discarded} of them "
                "discarded; total energy {kwh}, model loading included."
            ),
        },
        "energy_scope": {
            "fr": "portée",
            "en": "scope",
        },
        "scope_generation": {
            "fr": "génération de l'image",
            "en": "generating the image",
        },
        "scope_model-load": {
            "fr": "chargement du modèle",
            "en": "loading the model",
        },
        "scope_generation-aborted": {
            "fr": "génération interrompue",
            "en": "interrupted generation",
        },
        "scope_probe": {
            "fr": "lecture par la sonde",
            "en": "reading by the probe",
        },
        "scope_probe classification": {
            "fr": "lecture par la sonde",
            "en": "reading by the probe",
        },
        "scope_bench": {
            "fr": "banc d'essai",
            "en": "benchmark",
        },
        "per_image_note": {
            "fr": "mesure d'un lot divisée par {n} images",
            "en": "a batch measurement divided by {n} images",
        },
        "probe_artwork": {
            "fr": "Dans cette image",
            "en": "In this image",
        },
        "probed": {
            "fr": "lue par la sonde le",
            "en": "read by the probe on",
        },
        "probe_campaign": {
            "fr": "Campagne de test du modèle",
            "en": "The model's probe campaign",
        },
        "probe_none": {
            "fr": "Aucune campagne de test de biais n'a été enregistrée pour ce modèle.",
            "en": "No bias probe campaign has been recorded for this model.",
        },
        "probe_caveat": {
            "fr": (
                "Attributs «\u00a0perçus\u00a0» par un modèle CLIP, qui a ses propres biais\u00a0: ce "
                "ne sont pas des faits sur des personnes."
            ),
            "en": (
                "Attributes as 'perceived' by a CLIP model, which has biases of its "
                "own: these are not facts about people."
            ),
        },
        "campaign": {
            "fr": "campagne",
            "en": "campaign",
        },
        "probe_model": {
            "fr": "modèle de perception",
            "en": "probe model",
        },
        "prompt_audit": {
            "fr": "Audit du prompt",
            "en": "Prompt audit",
        },
        "flagged_terms": {
            "fr": "termes relevés",
            "en": "flagged terms",
        },
        "no_flagged": {
            "fr": "Aucun terme d'identité ou descripteur stéréotypé relevé dans le prompt.",
            "en": "No identity term or stereotype descriptor found in the prompt.",
        },
        "declared_external": {
            "fr": "Énergie déclarée par l'artiste pour les outils externes ({tools})\u00a0: {kwh}.",
            "en": "Energy declared by the artist for external tools ({tools}): {kwh}.",
        },
        "charter_none": {
            "fr": "Le contrôle de la charte n'a pas pu être fait.",
            "en": "The charter check could not be run.",
        },
        "charter_passed": {
            "fr": "Toutes les règles obligatoires sont respectées.",
            "en": "Every required rule is met.",
        },
        "charter_failed": {
            "fr": "Au moins une règle obligatoire n'est pas respectée.",
            "en": "At least one required rule is not met.",
        },
        "rule": {
            "fr": "règle",
            "en": "rule",
        },
        "point": {
            "fr": "point",
            "en": "point",
        },
        "severity": {
            "fr": "exigence",
            "en": "severity",
        },
        "status": {
            "fr": "résultat",
            "en": "result",
        },
        "reason": {
            "fr": "raison",
            "en": "reason",
        },
        "evidence": {
            "fr": "éléments lus",
            "en": "evidence read",
        },
        "statement": {
            "fr": "Note d'intention",
            "en": "Statement",
        },
        "techniques": {
            "fr": "Techniques sans IA",
            "en": "Non-AI techniques",
        },
        "stages": {
            "fr": "Part de l'IA par étape",
            "en": "Share of AI per stage",
        },
        "bias_reflection": {
            "fr": "Réflexion sur les biais",
            "en": "Reflection on biases",
        },
        "artist_explanation": {
            "fr": "Explication de l'artiste",
            "en": "The artist's explanation",
        },
        "human_inputs": {
            "fr": "Apports humains",
            "en": "Human inputs",
        },
        "process_images": {
            "fr": "Images du processus",
            "en": "Process images",
        },
        "declaration_none": {
            "fr": "L'artiste n'a pas joint de déclaration à ce fichier.",
            "en": "The artist attached no declaration to this file.",
        },
        "footer": {
            "fr": (
                "Rapport produit par artcharter {version} le {date}. Il se lit hors "
                "ligne\u00a0; la référence reste le fichier signé, que chacun peut vérifier "
                "avec «\u00a0artcharter verify\u00a0»."
            ),
            "en": (
                "Report made by artcharter {version} on {date}. It works offline; the "
                "reference remains the signed file, which anyone can check with "
                "`artcharter verify`."
            ),
        },
        "st_pass": {
            "fr": "respectée",
            "en": "pass",
        },
        "st_fail": {
            "fr": "non respectée",
            "en": "fail",
        },
        "st_needs-declaration": {
            "fr": "déclaration nécessaire",
            "en": "needs a declaration",
        },
        "st_not-applicable": {
            "fr": "sans objet",
            "en": "not applicable",
        },
        "sev_required": {
            "fr": "obligatoire",
            "en": "required",
        },
        "sev_recommended": {
            "fr": "recommandée",
            "en": "recommended",
        },
        "sev_informational": {
            "fr": "pour information",
            "en": "informational",
        },
        "share_generated": {
            "fr": "Image générée par IA",
            "en": "AI-generated image",
        },
        "share_partly-generated": {
            "fr": "IA et travail humain",
            "en": "AI and human work",
        },
        "share_enhanced": {
            "fr": "Retouchée avec l'IA",
            "en": "Enhanced with AI",
        },
        "share_none": {
            "fr": "Sans IA générative",
            "en": "No generative AI",
        },
        "share_unknown": {
            "fr": "Usage de l'IA non déclaré",
            "en": "AI use not declared",
        },
        "stage_ideation": {
            "fr": "idéation",
            "en": "ideation",
        },
        "stage_composition": {
            "fr": "composition",
            "en": "composition",
        },
        "stage_rendering": {
            "fr": "rendu",
            "en": "rendering",
        },
        "stage_post-production": {
            "fr": "post-production",
            "en": "post-production",
        },
        "stage_post_production": {
            "fr": "post-production",
            "en": "post-production",
        },
        "level_none": {
            "fr": "aucune",
            "en": "none",
        },
        "level_assisted": {
            "fr": "assistée",
            "en": "assisted",
        },
        "level_generated": {
            "fr": "générée",
            "en": "generated",
        },
        "role_sketch": {
            "fr": "croquis",
            "en": "sketch",
        },
        "role_photo": {
            "fr": "photographie",
            "en": "photograph",
        },
        "role_init-image": {
            "fr": "image de départ",
            "en": "starting image",
        },
        "role_earlier-version": {
            "fr": "version antérieure",
            "en": "earlier version",
        },
        "role_reference": {
            "fr": "référence",
            "en": "reference",
        },
        "role_other": {
            "fr": "autre apport",
            "en": "other input",
        },
        "role_parentOf": {
            "fr": "fichier signé d'origine",
            "en": "original signed file",
        },
        "tm_allowed": {
            "fr": "autorisés",
            "en": "allowed",
        },
        "tm_notAllowed": {
            "fr": "refusés",
            "en": "not allowed",
        },
        "tm_constrained": {
            "fr": "sous conditions",
            "en": "constrained",
        },
        "cartel_verify": {
            "fr": "Vérifier ce fichier",
            "en": "Verify this file",
        },
        "cartels_title": {
            "fr": "Cartels",
            "en": "Exhibition labels",
        },
        "medium_generated": {
            "fr": "Image générée avec {model}",
            "en": "Image generated with {model}",
        },
        "medium_enhanced": {
            "fr": "Image retouchée avec {model}",
            "en": "Image enhanced with {model}",
        },
        "medium_unknown": {
            "fr": "Technique non déclarée",
            "en": "Technique not declared",
        },
        "medium_from_sketch": {
            "fr": "à partir d'un croquis",
            "en": "from a sketch",
        },
        "medium_from_photo": {
            "fr": "à partir d'une photographie",
            "en": "from a photograph",
        },
        "medium_from_init": {
            "fr": "à partir d'une image de départ",
            "en": "from a starting image",
        },
        "medium_without_ai": {
            "fr": ", sans IA générative",
            "en": ", without generative AI",
        },
        "medium_reworked": {
            "fr": "retravaillée à la main",
            "en": "reworked by hand",
        },
        "summary_title": {
            "fr": "Synthèse",
            "en": "Summary",
        },
        "artworks": {
            "fr": "œuvres",
            "en": "artworks",
        },
        "verdicts_per_rule": {
            "fr": "Résultats par règle",
            "en": "Results per rule",
        },
        "energy_per_artwork": {
            "fr": "Énergie par œuvre",
            "en": "Energy per artwork",
        },
        "energy_all": {
            "fr": "Énergie totale",
            "en": "Total energy",
        },
        "ai_per_stage": {
            "fr": "Part de l'IA par étape",
            "en": "Share of AI per stage",
        },
        "ai_per_source": {
            "fr": "Usage de l'IA déclaré dans les fichiers",
            "en": "AI use declared in the files",
        },
        "verification_counts": {
            "fr": "Vérification des fichiers",
            "en": "File verification",
        },
        "missing_files": {
            "fr": "Fichiers introuvables",
            "en": "Files not found",
        },
        "energy_artworks": {
            "fr": "Énergie des générations des œuvres présentées",
            "en": "Energy of the generations behind the artworks shown",
        },
        "energy_sessions": {
            "fr": "Énergie des séances, images écartées comprises",
            "en": "Energy of the sessions, discarded images included",
        },
        "sessions_count": {
            "fr": "{n} séance(s)",
            "en": "{n} session(s)",
        },
        "discarded_count": {
            "fr": "{n} image(s) écartée(s)",
            "en": "{n} discarded image(s)",
        },
        "summary_footer": {
            "fr": (
                "Synthèse produite par artcharter {version} le {date}. Chaque rapport "
                "se lit hors ligne\u00a0; la référence reste le fichier signé."
            ),
            "en": (
                "Summary made by artcharter {version} on {date}. Each report works "
                "offline; the reference remains the signed file."
            ),
        },
        "no_declaration_short": {
            "fr": "sans déclaration",
            "en": "no declaration",
        },
        "discarded_included": {
            "fr": "générations écartées et chargements de modèle compris ({runs} mesures)",
            "en": "discarded generations and model loading included ({runs} measurements)",
        },
        "charter_ok": {
            "fr": "charte respectée",
            "en": "charter met",
        },
        "charter_ko": {
            "fr": "charte non respectée",
            "en": "charter not met",
        },
        "charter_met_one": {
            "fr": "{n} œuvre sur {total} respecte la charte",
            "en": "{n} of {total} {artworks} meets the charter",
        },
        "charter_met_many": {
            "fr": "{n} œuvres sur {total} respectent la charte",
            "en": "{n} of {total} {artworks} meet the charter",
        },
        "charter_unmet_one": {
            "fr": "{n} œuvre sur {total} ne respecte pas la charte",
            "en": "{n} of {total} {artworks} does not meet the charter",
        },
        "charter_unmet_many": {
            "fr": "{n} œuvres sur {total} ne respectent pas la charte",
            "en": "{n} of {total} {artworks} do not meet the charter",
        },
        # --- the probe campaign chart (artcharter.reports.probe_chart) ---
        "chart.title": {
            "fr": "Campagne de sonde de biais {id}",
            "en": "Bias probe campaign {id}",
        },
        "chart.model": {
            "fr": "modèle\u00a0: {model}",
            "en": "model: {model}",
        },
        "chart.probe": {
            "fr": "sonde\u00a0: {probe}",
            "en": "probe: {probe}",
        },
        "chart.per_prompt": {
            "fr": "{n} images par prompt",
            "en": "{n} images per prompt",
        },
        "chart.parity": {
            "fr": "parité (1/{k})",
            "en": "parity (1/{k})",
        },
        "chart.xlabel": {
            "fr": "part des images lues (intervalle de Wilson à 95 %)",
            "en": "share of the images read (Wilson 95% interval)",
        },
        "chart.read": {
            "fr": "{n} lues",
            "en": "{n} read",
        },
        "chart.no_reading": {
            "fr": "aucune image lue",
            "en": "no image read",
        },
        "chart.demo": {
            "fr": "DÉMONSTRATION — CHIFFRES SANS SIGNIFICATION",
            "en": "DEMO — NUMBERS ARE MEANINGLESS",
        },
        # --- IPTC digital source types, in words ---
        "source_type.trainedAlgorithmicMedia": {
            "fr": "image créée par un modèle d'IA générative",
            "en": "created by a generative AI model",
        },
        "source_type.compositeWithTrainedAlgorithmicMedia": {
            "fr": "composition mêlant des éléments générés par IA et d'autres qui ne le sont pas",
            "en": "a composite of AI-generated and other elements",
        },
        "source_type.algorithmicallyEnhanced": {
            "fr": "image retouchée avec l'aide d'un algorithme",
            "en": "enhanced with the help of an algorithm",
        },
        "source_type.compositeSynthetic": {
            "fr": "composition d'éléments synthétiques",
            "en": "a composite of synthetic elements",
        },
        "source_type.algorithmicMedia": {
            "fr": "image produite par un algorithme sans apprentissage",
            "en": "made by an algorithm without training data",
        },
        "source_type.digitalCreation": {
            "fr": "création numérique faite à la main",
            "en": "digital creation made by hand",
        },
        "source_type.humanEdits": {
            "fr": "image retouchée à la main",
            "en": "edited by hand",
        },
        "source_type.digitalCapture": {
            "fr": "photographie numérique",
            "en": "digital photograph",
        },
        "source_type.negativeFilm": {
            "fr": "photographie argentique (négatif)",
            "en": "film photograph (negative)",
        },
        "source_type.positiveFilm": {
            "fr": "photographie argentique (diapositive)",
            "en": "film photograph (slide)",
        },
        "source_type.print": {
            "fr": "numérisation d'un tirage",
            "en": "scan of a print",
        },
        "source_type.minorHumanEdits": {
            "fr": "retouches humaines mineures",
            "en": "minor human edits",
        },
        "source_type.composite": {
            "fr": "composition d'images",
            "en": "a composite of images",
        },
        "source_type.compositeCapture": {
            "fr": "composition de prises de vue",
            "en": "a composite of captures",
        },
        "source_type.screenCapture": {
            "fr": "capture d'écran",
            "en": "screen capture",
        },
        "source_type.virtualRecording": {
            "fr": "enregistrement virtuel",
            "en": "virtual recording",
        },
        "source_type.dataDrivenMedia": {
            "fr": "image produite à partir de données",
            "en": "made from data",
        },
        # --- errors ---
        "browser.no_chromium": {
            "fr": (
                "Chromium est nécessaire pour imprimer en PDF ou en PNG\u00a0: installez-le "
                "(Debian\u00a0: apt-get install chromium) ou définissez ARTCHARTER_CHROMIUM"
            ),
            "en": (
                "Chromium is needed to print PDF or PNG: install it (Debian: apt-get "
                "install chromium) or set ARTCHARTER_CHROMIUM"
            ),
        },
        "browser.failed": {
            "fr": "Chromium a échoué (code {returncode})\u00a0: {last}",
            "en": "Chromium failed (exit {returncode}): {last}",
        },
        "browser.no_screenshot": {
            "fr": "Chromium n'a écrit aucune capture d'écran",
            "en": "Chromium wrote no screenshot",
        },
        "browser.no_pdf": {
            "fr": "Chromium n'a écrit aucun PDF",
            "en": "Chromium wrote no PDF",
        },
        "browser.timeout": {
            "fr": "Chromium n'a pas fini en {timeout:.0f} s",
            "en": "Chromium did not finish within {timeout:.0f} s",
        },
        "facts.not_an_image": {
            "fr": "{path}\u00a0: ce n'est pas une image PNG, JPEG ou WebP",
            "en": "{path}: not a PNG, JPEG or WebP image",
        },
    },
)
