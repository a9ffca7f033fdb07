"""Every word of the reports, cartels and summaries, in French and English."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # key: (French, English)
    "report_title": ("Rapport d'œuvre", "Artwork report"),
    "untitled": ("Sans titre", "Untitled"),
    "unknown": ("inconnu", "unknown"),
    "none": ("aucun", "none"),
    "yes": ("oui", "yes"),
    # French puts a (no-break) space before a colon, English does not.
    "colon": ("\u00a0: ", ": "),
    "no": ("non", "no"),
    "by": ("par", "by"),
    "created": ("créée le", "created on"),
    "artwork_id": ("identifiant de l'œuvre", "artwork id"),
    "file": ("fichier", "file"),
    "sha256": ("empreinte SHA-256", "SHA-256 hash"),
    "size": ("taille", "size"),
    "demo_banner": (
        "Modèle de démonstration : cette image a été faite par un modèle aux poids aléatoires. "
        "Elle ne représente rien et aucun chiffre de ce rapport ne dit quoi que ce soit d'un "
        "vrai modèle.",
        "Demo model: this image was made by a model with random weights. It depicts nothing, "
        "and no figure in this report says anything about a real model.",
    ),
    "toc": ("Sommaire", "Contents"),
    "sec_verification": ("Vérification", "Verification"),
    "sec_provenance": ("Provenance", "Provenance"),
    "sec_explanation": ("Comment ce modèle fonctionne", "How this model works"),
    "sec_generation": ("Paramètres de génération", "Generation parameters"),
    "sec_energy": ("Énergie", "Energy"),
    "sec_probe": ("Biais et stéréotypes", "Bias and stereotypes"),
    "sec_charter": ("Charte", "Charter"),
    "sec_declaration": ("Déclaration de l'artiste", "Artist's declaration"),
    "image": ("Image", "Image"),
    "image_reduced": (
        "copie réduite pour l'affichage ; le fichier signé reste la référence",
        "reduced copy for display; the signed file remains the reference",
    ),
    "claim_thumbnail": (
        "vignette signée dans les Content Credentials",
        "thumbnail signed in the Content Credentials",
    ),
    "signed_thumbnail": (
        "Ce qui a été signé : la vignette enregistrée dans les Content Credentials au moment "
        "de la signature. Comparez-la à l'image ci-dessus.",
        "What was signed: the thumbnail stored in the Content Credentials when the file was "
        "signed. Compare it with the image above.",
    ),
    "no_image": ("Le fichier n'a pas pu être affiché.", "The file could not be displayed."),
    "signer": ("signataire", "signer"),
    "issuer": ("émis par", "issued by"),
    "signed_at": ("signé le", "signed on"),
    "algorithm": ("algorithme", "algorithm"),
    "codes": ("codes C2PA (pour les experts)", "C2PA codes (for experts)"),
    "failure_codes": ("échecs", "failures"),
    "error": ("erreur", "error"),
    "record_unreliable": (
        "Le fichier n'est pas vérifié comme intact : les informations ci-dessous sont celles "
        "qu'il porte, mais on ne peut pas s'y fier.",
        "The file is not verified as intact: the information below is what it carries, but it "
        "cannot be relied on.",
    ),
    "record_from_ledger": (
        "Informations tirées du registre de l'école, pas du fichier.",
        "Information taken from the school's ledger, not from the file.",
    ),
    "no_record": (
        "Le fichier ne porte pas de fiche artcharter : seules les informations C2PA générales "
        "sont montrées.",
        "The file carries no artcharter record: only general C2PA information is shown.",
    ),
    "ai_use": ("usage de l'IA", "AI use"),
    "source_type": ("type de source (IPTC)", "source type (IPTC)"),
    "actions": ("actions", "actions"),
    "software": ("logiciel ou modèle", "software or model"),
    "tool": ("outil", "tool"),
    "ingredients": (
        "ingrédients (apports humains, fichier d'origine)",
        "ingredients (human inputs, original file)",
    ),
    "no_ingredients": ("aucun ingrédient déclaré", "no ingredient declared"),
    "role": ("rôle", "role"),
    "relationship": ("relation", "relationship"),
    "training_mining": ("entraînement d'IA et fouille de données", "AI training and data mining"),
    "prompt": ("prompt", "prompt"),
    "negative_prompt": ("prompt négatif", "negative prompt"),
    "prompt_private": (
        "prompt privé : seule son empreinte est publiée",
        "private prompt: only its hash is published",
    ),
    "no_prompt": ("aucun prompt déclaré", "no prompt declared"),
    "what_is_known": ("Données d'entraînement", "Training data"),
    "licence": ("Licence", "Licence"),
    "sources": ("Sources", "Sources"),
    "model": ("modèle", "model"),
    "revision": ("révision", "revision"),
    "weights_sha256": ("empreinte des poids", "weights hash"),
    "pipeline": ("pipeline", "pipeline"),
    "scheduler": ("ordonnanceur", "scheduler"),
    "seed": ("graine (seed)", "seed"),
    "steps": ("étapes", "steps"),
    "guidance": ("échelle de guidage", "guidance scale"),
    "dimensions": ("dimensions", "dimensions"),
    "device": ("matériel", "device"),
    "dtype": ("précision", "precision"),
    "batch": ("lot", "batch"),
    "libraries": ("bibliothèques", "libraries"),
    "no_generation": (
        "Aucun paramètre de génération dans le fichier (image étiquetée après coup, ou outil "
        "externe : voir la déclaration).",
        "No generation parameters in the file (image labelled afterwards, or an external tool: "
        "see the declaration).",
    ),
    "external_tools": ("outils externes déclarés", "declared external tools"),
    "energy_this": ("cette image", "this image"),
    "energy_total": ("énergie", "energy"),
    "co2": ("émissions", "emissions"),
    "duration": ("durée", "duration"),
    "country": ("pays (mix électrique)", "country (electricity mix)"),
    "intensity": ("intensité carbone", "carbon intensity"),
    "method": ("méthode de mesure", "measurement method"),
    "split": ("répartition", "split"),
    "equivalents": ("Équivalents", "Equivalents"),
    "factor": ("facteur", "factor"),
    "source": ("source", "source"),
    "references": ("Points de comparaison publiés", "Published points of comparison"),
    "energy_unknown": ("Énergie non mesurée", "Energy not measured"),
    "energy_none": (
        "Aucune mesure d'énergie dans le fichier : la génération a eu lieu hors d'artcharter "
        "(outil externe) ou n'a pas été mesurée.",
        "No energy measurement in the file: the generation happened outside artcharter "
        "(an external tool) or was not measured.",
    ),
    "session": ("Toute la séance (registre)", "The whole session (ledger)"),
    "session_text": (
        "{images} image(s) générée(s) dans la même séance, dont {discarded} écartée(s) ; "
        "énergie totale {kwh}, chargement du modèle compris.",
        "{images} image(s) generated in the same session, {discarded} of them discarded; "
        "total energy {kwh}, model loading included.",
    ),
    "energy_scope": ("portée", "scope"),
    # What a measurement covered: the scope of a run (audits/energy.py) or its phase in the
    # ledger (provenance/energy_summary.py, provenance/campaign/classify.py).
    "scope_generation": ("génération de l'image", "generating the image"),
    "scope_model-load": ("chargement du modèle", "loading the model"),
    "scope_generation-aborted": ("génération interrompue", "interrupted generation"),
    "scope_probe": ("lecture par la sonde", "reading by the probe"),
    "scope_probe classification": ("lecture par la sonde", "reading by the probe"),
    "scope_bench": ("banc d'essai", "benchmark"),
    "per_image_note": (
        "mesure d'un lot divisée par {n} images",
        "a batch measurement divided by {n} images",
    ),
    "probe_artwork": ("Dans cette image", "In this image"),
    "probed": ("lue par la sonde le", "read by the probe on"),
    "probe_campaign": ("Campagne de test du modèle", "The model's probe campaign"),
    "probe_none": (
        "Aucune campagne de test de biais n'a été enregistrée pour ce modèle.",
        "No bias probe campaign has been recorded for this model.",
    ),
    "probe_caveat": (
        "Attributs « perçus » par un modèle CLIP, qui a ses propres biais : ce ne sont pas "
        "des faits sur des personnes.",
        "Attributes as 'perceived' by a CLIP model, which has biases of its own: these are not "
        "facts about people.",
    ),
    "campaign": ("campagne", "campaign"),
    "probe_model": ("modèle de perception", "probe model"),
    "prompt_audit": ("Audit du prompt", "Prompt audit"),
    "flagged_terms": ("termes relevés", "flagged terms"),
    "no_flagged": (
        "Aucun terme d'identité ou descripteur stéréotypé relevé dans le prompt.",
        "No identity term or stereotype descriptor found in the prompt.",
    ),
    "declared_external": (
        "Énergie déclarée par l'artiste pour les outils externes ({tools}) : {kwh}.",
        "Energy declared by the artist for external tools ({tools}): {kwh}.",
    ),
    "charter_none": (
        "Le contrôle de la charte n'a pas pu être fait.",
        "The charter check could not be run.",
    ),
    "charter_passed": (
        "Toutes les règles obligatoires sont respectées.",
        "Every required rule is met.",
    ),
    "charter_failed": (
        "Au moins une règle obligatoire n'est pas respectée.",
        "At least one required rule is not met.",
    ),
    "rule": ("règle", "rule"),
    "point": ("point", "point"),
    "severity": ("exigence", "severity"),
    "status": ("résultat", "result"),
    "reason": ("raison", "reason"),
    "evidence": ("éléments lus", "evidence read"),
    "statement": ("Note d'intention", "Statement"),
    "techniques": ("Techniques sans IA", "Non-AI techniques"),
    "stages": ("Part de l'IA par étape", "Share of AI per stage"),
    "bias_reflection": ("Réflexion sur les biais", "Reflection on biases"),
    "artist_explanation": ("Explication de l'artiste", "The artist's explanation"),
    "human_inputs": ("Apports humains", "Human inputs"),
    "process_images": ("Images du processus", "Process images"),
    "declaration_none": (
        "L'artiste n'a pas joint de déclaration à ce fichier.",
        "The artist attached no declaration to this file.",
    ),
    "footer": (
        "Rapport produit par artcharter {version} le {date}. Il se lit hors ligne ; la "
        "référence reste le fichier signé, que chacun peut vérifier avec "
        "« artcharter verify ».",
        "Report made by artcharter {version} on {date}. It works offline; the reference "
        "remains the signed file, which anyone can check with `artcharter verify`.",
    ),
    # Charter statuses and severities.
    "st_pass": ("respectée", "pass"),
    "st_fail": ("non respectée", "fail"),
    "st_needs-declaration": ("déclaration nécessaire", "needs a declaration"),
    "st_not-applicable": ("sans objet", "not applicable"),
    "sev_required": ("obligatoire", "required"),
    "sev_recommended": ("recommandée", "recommended"),
    "sev_informational": ("pour information", "informational"),
    # Share of AI.
    "share_generated": ("Image générée par IA", "AI-generated image"),
    "share_partly-generated": ("IA et travail humain", "AI and human work"),
    "share_enhanced": ("Retouchée avec l'IA", "Enhanced with AI"),
    "share_none": ("Sans IA générative", "No generative AI"),
    "share_unknown": ("Usage de l'IA non déclaré", "AI use not declared"),
    "stage_ideation": ("idéation", "ideation"),
    "stage_composition": ("composition", "composition"),
    "stage_rendering": ("rendu", "rendering"),
    "stage_post-production": ("post-production", "post-production"),
    "stage_post_production": ("post-production", "post-production"),
    "level_none": ("aucune", "none"),
    "level_assisted": ("assistée", "assisted"),
    "level_generated": ("générée", "generated"),
    "role_sketch": ("croquis", "sketch"),
    "role_photo": ("photographie", "photograph"),
    "role_init-image": ("image de départ", "starting image"),
    "role_earlier-version": ("version antérieure", "earlier version"),
    "role_reference": ("référence", "reference"),
    "role_other": ("autre apport", "other input"),
    "role_parentOf": ("fichier signé d'origine", "original signed file"),
    "tm_allowed": ("autorisés", "allowed"),
    "tm_notAllowed": ("refusés", "not allowed"),
    "tm_constrained": ("sous conditions", "constrained"),
    # Cartel.
    "cartel_verify": ("Vérifier ce fichier", "Verify this file"),
    "cartels_title": ("Cartels", "Exhibition labels"),
    "medium_generated": ("Image générée avec {model}", "Image generated with {model}"),
    "medium_partly": (
        "Image générée avec {model}, retravaillée à la main",
        "Image generated with {model}, reworked by hand",
    ),
    "medium_enhanced": ("Image retouchée avec {model}", "Image enhanced with {model}"),
    "medium_none": ("Œuvre réalisée sans IA générative", "Made without generative AI"),
    "medium_unknown": ("Technique non déclarée", "Technique not declared"),
    "medium_from_sketch": ("à partir d'un croquis", "from a sketch"),
    "medium_from_photo": ("à partir d'une photographie", "from a photograph"),
    "medium_from_init": ("à partir d'une image de départ", "from a starting image"),
    "medium_without_ai": (", sans IA générative", ", without generative AI"),
    "medium_reworked": ("retravaillée à la main", "reworked by hand"),
    # Summary.
    "summary_title": ("Synthèse", "Summary"),
    "artworks": ("œuvres", "artworks"),
    "verdicts_per_rule": ("Résultats par règle", "Results per rule"),
    "energy_per_artwork": ("Énergie par œuvre", "Energy per artwork"),
    "energy_all": ("Énergie totale", "Total energy"),
    "ai_per_stage": ("Part de l'IA par étape", "Share of AI per stage"),
    "ai_per_source": ("Usage de l'IA déclaré dans les fichiers", "AI use declared in the files"),
    "verification_counts": ("Vérification des fichiers", "File verification"),
    "report_link": ("rapport", "report"),
    "missing_files": ("Fichiers introuvables", "Files not found"),
    "energy_artworks": (
        "Énergie des générations des œuvres présentées",
        "Energy of the generations behind the artworks shown",
    ),
    "energy_sessions": (
        "Énergie des séances, images écartées comprises",
        "Energy of the sessions, discarded images included",
    ),
    "sessions_count": ("{n} séance(s)", "{n} session(s)"),
    "discarded_count": ("{n} image(s) écartée(s)", "{n} discarded image(s)"),
    "summary_footer": (
        "Synthèse produite par artcharter {version} le {date}. Chaque rapport se lit hors "
        "ligne ; la référence reste le fichier signé.",
        "Summary made by artcharter {version} on {date}. Each report works offline; the "
        "reference remains the signed file.",
    ),
    "no_declaration_short": ("sans déclaration", "no declaration"),
    "discarded_included": (
        "générations écartées et chargements de modèle compris ({runs} mesures)",
        "discarded generations and model loading included ({runs} measurements)",
    ),
    "charter_ok": ("charte respectée", "charter met"),
    "charter_ko": ("charte non respectée", "charter not met"),
    # Counts in the summary's header: "3 œuvres sur 3 ne respectent pas la charte". French
    # puts 0 and 1 in the singular; English says "1 of 3 artworks meets", "2 of 3 … meet".
    "charter_met_one": (
        "{n} œuvre sur {total} respecte la charte",
        "{n} of {total} {artworks} meets the charter",
    ),
    "charter_met_many": (
        "{n} œuvres sur {total} respectent la charte",
        "{n} of {total} {artworks} meet the charter",
    ),
    "charter_unmet_one": (
        "{n} œuvre sur {total} ne respecte pas la charte",
        "{n} of {total} {artworks} does not meet the charter",
    ),
    "charter_unmet_many": (
        "{n} œuvres sur {total} ne respectent pas la charte",
        "{n} of {total} {artworks} do not meet the charter",
    ),
}

SOURCE_TYPE_WORDS: dict[str, tuple[str, str]] = {
    "trainedAlgorithmicMedia": (
        "image créée par un modèle d'IA générative",
        "created by a generative AI model",
    ),
    "compositeWithTrainedAlgorithmicMedia": (
        "composition mêlant des éléments générés par IA et d'autres qui ne le sont pas",
        "a composite of AI-generated and other elements",
    ),
    "algorithmicallyEnhanced": (
        "image retouchée avec l'aide d'un algorithme",
        "enhanced with the help of an algorithm",
    ),
    "compositeSynthetic": (
        "composition d'éléments synthétiques",
        "a composite of synthetic elements",
    ),
    "algorithmicMedia": (
        "image produite par un algorithme sans apprentissage",
        "made by an algorithm without training data",
    ),
    "digitalCreation": ("création numérique faite à la main", "digital creation made by hand"),
    "humanEdits": ("image retouchée à la main", "edited by hand"),
    "digitalCapture": ("photographie numérique", "digital photograph"),
    "negativeFilm": ("photographie argentique (négatif)", "film photograph (negative)"),
    "positiveFilm": ("photographie argentique (diapositive)", "film photograph (slide)"),
    "print": ("numérisation d'un tirage", "scan of a print"),
    "minorHumanEdits": ("retouches humaines mineures", "minor human edits"),
    "composite": ("composition d'images", "a composite of images"),
    "compositeCapture": ("composition de prises de vue", "a composite of captures"),
    "screenCapture": ("capture d'écran", "screen capture"),
    "virtualRecording": ("enregistrement virtuel", "virtual recording"),
    "dataDrivenMedia": ("image produite à partir de données", "made from data"),
}


def t(key: str, lang: str, **values: object) -> str:
    french, english = TEXTS[key]
    text = french if lang == "fr" else english
    return text.format(**values) if values else text


def source_type_words(source_type: str | None, lang: str) -> str:
    if not source_type:
        return t("unknown", lang)
    words = SOURCE_TYPE_WORDS.get(source_type)
    if words is None:
        return source_type
    return words[0] if lang == "fr" else words[1]


def maybe(key: str, lang: str) -> str | None:
    """The text of ``key`` when it exists (statuses and levels read from data)."""
    return t(key, lang) if key in TEXTS else None
