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
        # Errors of the cartels and the summary (raised through artcharter.project).
        "cartel.bad_verify_url": {
            "fr": "{param} doit commencer par https:// (reçu {url!r})",
            "en": "{param} must start with https:// (got {url!r})",
        },
        "cartel.no_desk_url": {
            "fr": (
                "le QR code d'un cartel ouvre la page de l'œuvre sur le bureau du jury de "
                "l'école\u00a0: mettez son adresse dans artcharter.toml ([desk] url = "
                '"https://…"), ou passez {param} URL, ou {param_offline} pour un QR code qui '
                "ne porte que l'identifiant et l'empreinte (à lire avec `artcharter verify`)"
            ),
            "en": (
                "a cartel's QR code opens the artwork's page on the school's jury desk: set "
                'its address in artcharter.toml ([desk] url = "https://…"), or pass {param} '
                "URL, or {param_offline} for a QR code that carries only the id and hash (read "
                "with `artcharter verify`)"
            ),
        },
        "cartel.refused": {
            "fr": (
                "{path}\u00a0: pas de cartel pour un fichier au verdict [{verdict}]\u00a0: ce qu'il dit n'est"
                " garanti par aucune signature"
            ),
            "en": (
                "{path}: no label for a file whose verdict is [{verdict}]: nothing it says is vouched for"
                " by a signature"
            ),
        },
        "summary.folder_or_ledger": {
            "fr": "donnez un {param} d'œuvres ou {param_from_ledger} (l'un des deux)",
            "en": "give a {param} of artworks or {param_from_ledger} (one of the two)",
        },
        "summary.nothing_on_disk": {
            "fr": "aucune œuvre du registre {path} n'est sur le disque",
            "en": "no artwork on disk in the ledger {path}",
        },
        "summary.not_a_folder": {
            "fr": "{folder}\u00a0: ce n'est pas un dossier (donnez un dossier d'œuvres, ou {param})",
            "en": "{folder}: not a folder (give a folder of artworks, or {param})",
        },
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
        "artwork_column": {
            "fr": "Œuvre",
            "en": "Artwork",
        },
        "demo_tag": {"fr": "démo", "en": "demo"},
        "image_reduced": {
            "fr": "copie réduite pour l'affichage\u00a0; le fichier signé reste la référence",
            "en": "reduced copy for display; the signed file remains the reference",
        },
        "steps_caption": {
            "fr": (
                "Les étapes du débruitage de cette image (étapes {shown} sur {steps})\u00a0: "
                "le modèle part d'un bruit aléatoire et le retire peu à peu, guidé par le "
                "prompt. Images signées dans les Content Credentials."
            ),
            "en": (
                "The denoising steps of this image (steps {shown} of {steps}): the model "
                "starts from random noise and removes it little by little, guided by the "
                "prompt. Pictures signed in the Content Credentials."
            ),
        },
        "picture_video": {
            "fr": "image de la vidéo (affiche)",
            "en": "poster frame of the video",
        },
        "picture_sound": {
            "fr": "forme d'onde du son",
            "en": "waveform of the sound",
        },
        "picture_document": {
            "fr": "première page ou couverture du document",
            "en": "first page or cover of the document",
        },
        "work_kind_image": {"fr": "image", "en": "image"},
        "work_kind_video": {"fr": "vidéo", "en": "video"},
        "work_kind_sound": {"fr": "son", "en": "sound"},
        "work_kind_document": {"fr": "document", "en": "document"},
        "work_kind": {"fr": "Type d'œuvre", "en": "Kind of work"},
        "pages": {"fr": "Pages", "en": "Pages"},
        "chapters": {"fr": "Chapitres", "en": "Chapters"},
        "model_kind": {"fr": "Type de modèle", "en": "Kind of model"},
        "model_kind_image": {"fr": "modèle d'images", "en": "image model"},
        "model_kind_video": {"fr": "modèle de vidéo", "en": "video model"},
        "model_kind_music": {"fr": "modèle de musique", "en": "music model"},
        "model_kind_voice": {"fr": "modèle de voix", "en": "voice model"},
        "model_kind_text": {"fr": "modèle de langage (texte)", "en": "language model (text)"},
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
        "claimed_author": {
            "fr": "auteur nommé dans le fichier, non vérifié (pas le signataire) : {name}",
            "en": "author named in the file, not verified (not the signer): {name}",
        },
        "unattributed": {
            "fr": "Ignoré, car non attribué au signataire : {labels}",
            "en": "Ignored, as not attributed to the signer: {labels}",
        },
        "private_terms.one": {
            "fr": ("(et {n} terme du prompt privé, nommé dans le registre seulement)"),
            "en": ("(and {n} term of the private prompt, named in the ledger only)"),
        },
        "private_terms.other": {
            "fr": ("(et {n} termes du prompt privé, nommés dans le registre seulement)"),
            "en": ("(and {n} terms of the private prompt, named in the ledger only)"),
        },
        "cartel_warning": {
            "fr": "ATTENTION : CE FICHIER N'EST PAS VÉRIFIÉ — titre, artiste et usage de l'IA ne sont que ce qu'il prétend",
            "en": "WARNING: THIS FILE DOES NOT VERIFY — its title, artist and AI use are only what it claims",
        },
        "trusted_by": {
            "fr": "garanti par",
            "en": "trusted by",
        },
        "ingredient_credentials": {
            "fr": "Les propres Content Credentials des ingrédients",
            "en": "The ingredients' own credentials",
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
        "semicolon": {"fr": "\u00a0;", "en": ";"},
        "software_no_ai": {
            "fr": "logiciel qui a signé",
            "en": "signed with",
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
        "of_which_discarded.one": {"fr": "dont {n} écartée", "en": "{n} of them discarded"},
        "of_which_discarded.other": {"fr": "dont {n} écartées", "en": "{n} of them discarded"},
        "session_text.one": {
            "fr": "{n} image générée dans la même séance, {discarded}\u00a0; énergie totale {kwh}, chargement du modèle compris.",
            "en": "{n} image generated in the same session, {discarded}; total energy {kwh}, model loading included.",
        },
        "session_text.other": {
            "fr": "{n} images générées dans la même séance, {discarded}\u00a0; énergie totale {kwh}, chargement du modèle compris.",
            "en": "{n} images generated in the same session, {discarded}; total energy {kwh}, model loading included.",
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
        # --- the energy split (artcharter.reports.energy_split) ---
        "energy_cpu_registry": {
            "fr": (
                "estimation\u00a0: {w} (le TDP que la table de codecarbon donne pour ce "
                "modèle de processeur) × la part du temps processeur prise par ce processus"
            ),
            "en": (
                "estimate: {w} (the TDP codecarbon's table gives this CPU model) × this "
                "process's share of CPU time"
            ),
        },
        "energy_cpu_per_thread": {
            "fr": (
                "estimation générique\u00a0: {w} (4 W par fil d'exécution, la valeur par "
                "défaut de codecarbon pour un processeur absent de sa table) × la part du "
                "temps processeur prise par ce processus"
            ),
            "en": (
                "generic estimate: {w} (4 W per thread, codecarbon's default for a CPU model "
                "not in its table) × this process's share of CPU time"
            ),
        },
        "energy_cpu_generic": {
            "fr": (
                "estimation générique\u00a0: {w} (valeur de codecarbon quand le modèle de "
                "processeur n'est pas reconnu) × la part du temps processeur prise par ce "
                "processus"
            ),
            "en": (
                "generic estimate: {w} (codecarbon's value when the CPU model is not "
                "detected) × this process's share of CPU time"
            ),
        },
        "energy_cpu_rapl": {
            "fr": (
                "mesure\u00a0: compteurs d'énergie du processeur (RAPL), pour tout le "
                "processeur et tous les processus en cours, pas ce seul processus"
            ),
            "en": (
                "measured: CPU energy counters (RAPL), for the whole processor package and "
                "every process running, not this process alone"
            ),
        },
        "energy_gpu_counter": {
            "fr": (
                "mesure\u00a0: compteur d'énergie du GPU ({counter}), pour tout le GPU et "
                "tous les processus qui l'utilisent"
            ),
            "en": (
                "measured: the GPU's energy counter ({counter}), for the whole GPU and every "
                "process using it"
            ),
        },
        "energy_ram_constant": {
            "fr": (
                "estimation constante\u00a0: {w} pendant toute la durée, quoi que fasse le "
                "processus (modèle de codecarbon\u00a0: 5 W par barrette de mémoire estimée "
                "d'après les {gb} de ce processus, au moins 10 W sur x86)"
            ),
            "en": (
                "constant estimate: {w} for the whole run, whatever the process does "
                "(codecarbon's model: 5 W per memory module estimated from this process's "
                "{gb}, at least 10 W on x86)"
            ),
        },
        "energy_ram_scaled": {
            "fr": (
                "RAM à l'échelle de ce processus\u00a0: {kwh} (la puissance de la mémoire "
                "de la machine dans le modèle de codecarbon × {gb} utilisés sur {machine})"
            ),
            "en": (
                "RAM scaled to this process: {kwh} (the machine's memory power in "
                "codecarbon's model × {gb} used out of {machine})"
            ),
        },
        "energy_dominated": {
            "fr": (
                "Attention\u00a0: {share} de ce chiffre est une estimation constante (la "
                "mémoire), pas une mesure du travail fait\u00a0: un processus qui ne ferait "
                "rien pendant le même temps enregistrerait presque autant."
            ),
            "en": (
                "Careful: {share} of this figure is a constant estimate (memory), not a "
                "measure of the work done: a process doing nothing for the same time would "
                "record almost as much."
            ),
        },
        "energy_constant_word": {"fr": "constante", "en": "constant"},
        "energy_not_said": {"fr": "méthode non précisée", "en": "method not recorded"},
        "energy_components": {"fr": "composants", "en": "components"},
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
        "flagged_negated": {
            "fr": "en négation",
            "en": "negated",
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
        "st_info_fail": {
            "fr": "non (pour information)",
            "en": "no (for information)",
        },
        "st_needs-declaration": {
            "fr": "déclaration nécessaire",
            "en": "needs a declaration",
        },
        "st_not-applicable": {
            "fr": "sans objet",
            "en": "not applicable",
        },
        "st_cannot-check": {
            "fr": "impossible à vérifier ici",
            "en": "cannot be checked here",
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
        "share_generated_video": {"fr": "Vidéo générée par IA", "en": "AI-generated video"},
        "share_generated_sound": {"fr": "Son généré par IA", "en": "AI-generated sound"},
        "share_generated_document": {"fr": "Texte généré par IA", "en": "AI-generated text"},
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
        "role_mask": {"fr": "masque (inpainting)", "en": "mask (inpainting)"},
        "series": {"fr": "série", "en": "series"},
        "series_place": {
            "fr": "image {index} sur {n} de la série {id}",
            "en": "image {index} of {n} of series {id}",
        },
        "series_text": {
            "fr": (
                "Série {id}\u00a0: {made} images sur {n} dans le registre ({state})\u00a0; "
                "énergie mesurée de ses images\u00a0: {kwh}."
            ),
            "en": (
                "Series {id}: {made} of its {n} images in the ledger ({state}); measured "
                "energy of its images: {kwh}."
            ),
        },
        "series_text_labelled": {
            "fr": (
                "Fichier {index} de la série {id}\u00a0: un dossier de {n} fichiers "
                "étiquetés ensemble, dont {made} signés dans le registre ({state})."
            ),
            "en": (
                "File {index} of series {id}: a folder of {n} files labelled together, "
                "{made} of them signed in the ledger ({state})."
            ),
        },
        "series_state_running": {
            "fr": "en cours, ou arrêtée sans pouvoir le dire",
            "en": "running, or stopped without a chance to say so",
        },
        "series_state_interrupted": {"fr": "interrompue", "en": "interrupted"},
        "series_state_complete": {"fr": "terminée", "en": "complete"},
        "adapters": {
            "fr": "Adaptateurs ajoutés au modèle",
            "en": "Adapters added to the model",
        },
        "adapter_lora": {"fr": "LoRA", "en": "LoRA"},
        "adapter_textual-inversion": {
            "fr": "embedding d'inversion textuelle",
            "en": "textual inversion embedding",
        },
        "adapter_scale": {"fr": "échelle {scale}", "en": "scale {scale}"},
        "adapter_token": {"fr": "mot {token}", "en": "word {token}"},
        "adapter_trained_by_artist": {
            "fr": "Affiné par l'artiste sur\u00a0: {data}",
            "en": "Fine-tuned by the artist on: {data}",
        },
        "adapter_trained": {
            "fr": "Entraîné (pas par l'artiste) sur\u00a0: {data}",
            "en": "Trained (not by the artist) on: {data}",
        },
        "role_lora": {"fr": "adaptateur LoRA", "en": "LoRA adapter"},
        "role_textual-inversion": {
            "fr": "embedding d'inversion textuelle",
            "en": "textual inversion embedding",
        },
        "role_denoising-steps": {
            "fr": "étapes du débruitage (processus)",
            "en": "denoising steps (process)",
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
        # --- a charter rule's evidence, in words (artcharter/reports/evidence_words.py) ---
        "ev_verdict": {"fr": "verdict", "en": "verdict"},
        "ev_signer": {"fr": "signataire", "en": "signer"},
        "ev_issuer": {"fr": "émis par", "en": "issued by"},
        "ev_source_type": {"fr": "type de source", "en": "source type"},
        "ev_image_share": {"fr": "part de l'IA dans l'image", "en": "AI share of the image"},
        "ev_expected_shares": {"fr": "parts de l'IA attendues", "en": "expected AI shares"},
        "ev_prompts": {"fr": "prompts audités", "en": "prompts audited"},
        "ev_audit_available": {"fr": "audit possible", "en": "audit available"},
        "ev_flagged": {"fr": "termes signalés", "en": "terms flagged"},
        "ev_model": {"fr": "modèle", "en": "model"},
        "ev_age_days": {"fr": "âge de la campagne", "en": "age of the campaign"},
        "ev_budget_kwh": {"fr": "budget", "en": "budget"},
        "ev_total_kwh": {"fr": "énergie de l'œuvre", "en": "energy of the artwork"},
        "ev_session_kwh": {"fr": "énergie de la séance", "en": "energy of the session"},
        "ev_images_kept": {"fr": "images gardées", "en": "images kept"},
        "ev_in_file": {"fr": "dans le fichier", "en": "in the file"},
        "ev_declared": {"fr": "déclaré", "en": "declared"},
        "ev_ingredients": {"fr": "ingrédients", "en": "ingredients"},
        "ev_chars": {"fr": "caractères", "en": "characters"},
        "ev_min_chars": {"fr": "minimum", "en": "minimum"},
        "ev_min_count": {"fr": "minimum", "en": "minimum"},
        "ev_techniques": {"fr": "techniques", "en": "techniques"},
        "ev_yes": {"fr": "oui", "en": "yes"},
        "ev_no": {"fr": "non", "en": "no"},
        "ev_none": {"fr": "aucun", "en": "none"},
        "ev_or": {"fr": " ou ", "en": " or "},
        "ev_days.one": {"fr": "{n} jour", "en": "{n} day"},
        "ev_days.other": {"fr": "{n} jours", "en": "{n} days"},
        "tm_not_chosen": {
            "fr": "non choisi par l'artiste (le fichier dit «\u00a0refusés\u00a0», le choix par défaut)",
            "en": "not chosen by the artist (the file says \u201cnot allowed\u201d, the default)",
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
        "medium_generated_video": {
            "fr": "Vidéo générée avec {model}",
            "en": "Video generated with {model}",
        },
        "medium_generated_sound": {
            "fr": "Son généré avec {model}",
            "en": "Sound generated with {model}",
        },
        "medium_generated_document": {
            "fr": "Texte généré avec {model}",
            "en": "Text generated with {model}",
        },
        "medium_enhanced_video": {
            "fr": "Vidéo retouchée avec {model}",
            "en": "Video enhanced with {model}",
        },
        "medium_enhanced_sound": {
            "fr": "Son retouché avec {model}",
            "en": "Sound enhanced with {model}",
        },
        "medium_enhanced_document": {
            "fr": "Texte retouché avec {model}",
            "en": "Text enhanced with {model}",
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
        "summary_series_title": {"fr": "Série {id}", "en": "Series {id}"},
        "summary_series_works": {
            "fr": "{n} œuvres sur {size} dans cette synthèse",
            "en": "{n} of its {size} works in this summary",
        },
        "summary_series_count.one": {
            "fr": "dont {works} en {n} série, sur une ligne",
            "en": "of which {works} in {n} series, on one row",
        },
        "summary_series_count.other": {
            "fr": "dont {works} en {n} séries, chacune sur une ligne",
            "en": "of which {works} in {n} series, one row each",
        },
        "summary_series_first_last": {"fr": "de", "en": "from"},
        "summary_series_to": {"fr": "à", "en": "to"},
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
        "sessions_count.one": {
            "fr": "{n} séance",
            "en": "{n} session",
        },
        "sessions_count.other": {
            "fr": "{n} séances",
            "en": "{n} sessions",
        },
        "discarded_count.one": {
            "fr": "{n} image écartée",
            "en": "{n} discarded image",
        },
        "discarded_count.other": {
            "fr": "{n} images écartées",
            "en": "{n} discarded images",
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
        # --- how models work, their training and licence (artcharter.reports.explanations) --
        "explain.how_diffusion_1": {
            "fr": (
                "Les modèles de diffusion apprennent à partir d'un très grand nombre "
                "d'images, chacune accompagnée d'une légende. Pendant l'entraînement, "
                "on ajoute du bruit à chaque image, pas à pas, jusqu'à ce qu'il ne "
                "reste que de la neige, et le modèle apprend à retirer une étape de ce "
                "bruit en s'aidant de la légende."
            ),
            "en": (
                "Diffusion models learn from a very large set of images, each paired "
                "with a caption. During training, noise is added to each image step by "
                "step until nothing is left but static, and the model learns to undo "
                "one step of that noise, guided by the caption."
            ),
        },
        "explain.how_diffusion_2": {
            "fr": (
                "Pour fabriquer une nouvelle image, le modèle part d'un bruit aléatoire"
                " (fixé par la graine, ou «\u00a0seed\u00a0») et le retire en un certain nombre "
                "d'étapes. Un encodeur de texte transforme le prompt en nombres qui "
                "orientent chaque étape\u00a0; l'échelle de guidage règle la force de cette "
                "orientation. La plupart des modèles travaillent dans un espace "
                "compressé («\u00a0latent\u00a0») qu'un décodeur transforme en pixels."
            ),
            "en": (
                "To make a new image, the model starts from pure random noise (fixed by"
                " the seed) and removes noise over a number of steps. A text encoder "
                "turns the prompt into numbers that steer every step; the guidance "
                "scale sets how strongly. Most models work in a compressed 'latent' "
                "space, and a decoder turns the result into pixels."
            ),
        },
        "explain.how_diffusion_3": {
            "fr": (
                "Le modèle ne colle pas des morceaux d'images stockées\u00a0: il produit ce "
                "qui est statistiquement probable pour le prompt, d'après ce qu'il a "
                "vu. C'est pourquoi il reprend les styles, les compositions et les "
                "stéréotypes les plus fréquents dans ses données d'entraînement, et "
                "qu'il peut parfois reproduire presque à l'identique une image "
                "d'entraînement (Carlini et al. 2023)."
            ),
            "en": (
                "The model does not paste pieces of stored images: it produces what is "
                "statistically likely for the prompt, given what it saw. That is why it"
                " repeats the styles, compositions and stereotypes most frequent in its"
                " training data, and why it can occasionally reproduce a training image"
                " almost exactly (Carlini et al. 2023)."
            ),
        },
        "explain.how_flow": {
            "fr": (
                "Cette famille utilise le «\u00a0flow matching\u00a0» (flux rectifié), proche "
                "parent de la diffusion\u00a0: le modèle apprend un chemin plus direct du "
                "bruit vers l'image\u00a0; le principe ci-dessus reste valable. Cela ne veut "
                "pas dire peu d'étapes\u00a0: FLUX.1 [dev] s'utilise avec environ 28 à 50 "
                "étapes (50 dans la documentation de Diffusers), SD 3.5 avec environ 28\u00a0; "
                "seules les versions distillées (FLUX.1 [schnell], SD 3.5 Large Turbo) en "
                "demandent 1 à 8."
            ),
            "en": (
                "This family uses 'flow matching' (rectified flow), a close cousin of "
                "diffusion: the model learns a more direct path from noise to image; the "
                "principle above still holds. It does not mean few steps: FLUX.1 [dev] is run"
                " with about 28 to 50 steps (50 in the Diffusers documentation), SD 3.5 with "
                "about 28; only the distilled versions (FLUX.1 [schnell], SD 3.5 Large Turbo)"
                " take 1 to 8."
            ),
        },
        "explain.how_autoregressive": {
            "fr": (
                "Ce générateur n'est pas un modèle de diffusion. OpenAI écrit que "
                "«\u00a0contrairement à DALL·E, qui fonctionne comme un modèle de diffusion, la "
                "génération d'images de 4o est un modèle autorégressif\u00a0» intégré à "
                "ChatGPT\u00a0: l'image est produite morceau par morceau, chaque morceau choisi "
                "d'après le prompt et ceux qui précèdent, comme le texte d'un modèle de "
                "langage. Comme tout générateur, il reprend ce qui est fréquent dans ses "
                "données d'entraînement, stéréotypes compris."
            ),
            "en": (
                "This generator is not a diffusion model. OpenAI writes that 'unlike DALL·E, "
                "which operates as a diffusion model, 4o image generation is an "
                "autoregressive model natively embedded within ChatGPT': the image is made "
                "piece by piece, each piece chosen from the prompt and the pieces before it,"
                " like the text of a language model. Like every generator, it repeats what "
                "is frequent in its training data, stereotypes included."
            ),
        },
        "explain.how_unknown": {
            "fr": (
                "Famille inconnue\u00a0: nous ne devinons pas. Les informations du fichier ne "
                "nomment pas une famille de modèles que ce rapport connaît\u00a0; ce qui suit "
                "décrit les modèles de diffusion, le principe de la plupart des générateurs "
                "d'images actuels, sans affirmer que celui-ci en est un."
            ),
            "en": (
                "Unknown family: we do not guess. The credentials do not name a model family"
                " this report knows; what follows describes diffusion models, the principle "
                "of most current image generators, without claiming that this one is one."
            ),
        },
        "explain.how_proprietary": {
            "fr": (
                "Son éditeur n'a pas publié comment le modèle est construit\u00a0; ce qui "
                "suit est ce qu'il en dit publiquement. Le principe général des "
                "générateurs d'images actuels est celui décrit plus haut."
            ),
            "en": (
                "Its maker has not published how the model is built; what follows is "
                "what it says publicly. The general principle of current image "
                "generators is the one above."
            ),
        },
        "explain.how_video_1": {
            "fr": (
                "Un modèle de vidéo fonctionne comme un modèle de diffusion d'images étendu "
                "dans le temps\u00a0: il part d'un bruit qui couvre toutes les images du plan à"
                " la fois et le retire pas à pas, guidé par le prompt (ou une image de départ),"
                " de sorte que les images successives restent cohérentes entre elles."
            ),
            "en": (
                "A video model works like an image diffusion model extended in time: it "
                "starts from noise covering every frame of the clip at once and removes it "
                "step by step, guided by the prompt (or a starting image), so that successive"
                " frames stay coherent with each other."
            ),
        },
        "explain.how_video_2": {
            "fr": (
                "Rien n'a été filmé\u00a0: le mouvement, la lumière et les visages sont la "
                "supposition statistique du modèle sur ce qui suit d'habitude, apprise sur "
                "de grandes collections de vidéos légendées. Les incohérences (mains, textes, "
                "objets qui apparaissent ou disparaissent) sont les traces de cette supposition."
            ),
            "en": (
                "Nothing was filmed: motion, light and faces are the model's statistical "
                "guess of what usually comes next, learned from large collections of "
                "captioned videos. Inconsistencies (hands, text, objects that appear or "
                "vanish) are traces of that guess."
            ),
        },
        "explain.how_music_1": {
            "fr": (
                "Un modèle de musique transforme une description (genre, ambiance, "
                "instruments, parfois des paroles) en son. La plupart des systèmes actuels "
                "compressent d'abord l'audio en une suite de codes courts, apprennent à "
                "prédire ces codes les uns après les autres (ou à les débruiter, comme les "
                "modèles d'images), puis les redécodent en forme d'onde."
            ),
            "en": (
                "A music model turns a description (genre, mood, instruments, sometimes "
                "lyrics) into sound. Most current systems first compress audio into a "
                "sequence of short codes, learn to predict those codes one after another "
                "(or to denoise them, as image models do), then decode them back into a "
                "waveform."
            ),
        },
        "explain.how_music_2": {
            "fr": (
                "Il a appris sur de grandes collections de musique enregistrée\u00a0: ce "
                "qu'il produit recombine des motifs entendus dans cette musique, c'est "
                "pourquoi un style, des instruments ou des voix peuvent ressembler à ceux "
                "d'artistes existants."
            ),
            "en": (
                "It learned from large collections of recorded music: what it makes "
                "recombines patterns heard in that music, which is why a style, instruments"
                " or voices can resemble those of existing artists."
            ),
        },
        "explain.how_voice_1": {
            "fr": (
                "Un modèle de voix (synthèse vocale, clonage de voix) lit un texte et "
                "produit de la parole. Des systèmes comme VALL-E apprennent à prédire des "
                "codes audio compressés à partir du texte et de quelques secondes d'une voix"
                " de référence, dont ils imitent ensuite le timbre et l'accent."
            ),
            "en": (
                "A voice model (speech synthesis, voice cloning) reads a text and produces "
                "speech. Systems such as VALL-E learn to predict compressed audio codes from "
                "the text and a few seconds of a reference voice, whose timbre and accent "
                "they then imitate."
            ),
        },
        "explain.how_voice_2": {
            "fr": (
                "Une voix clonée peut sonner comme une personne réelle qui n'a jamais dit ces"
                " mots\u00a0: le consentement de la personne dont la voix est imitée compte "
                "autant que la mention de l'IA."
            ),
            "en": (
                "A cloned voice can sound like a real person who never said these words: "
                "the consent of the person whose voice is imitated matters as much as the "
                "disclosure."
            ),
        },
        "explain.how_text_1": {
            "fr": (
                "Un modèle de langage écrit en prédisant, un fragment de mot à la fois, ce "
                "qui a le plus de chances de suivre le texte déjà écrit\u00a0; il a appris "
                "ces probabilités sur une très grande collection de textes. GPT-2, par "
                "exemple, a été entraîné sur environ 40 Go de pages web (WebText)."
            ),
            "en": (
                "A language model writes by predicting, one word-piece at a time, what is "
                "most likely to follow the text so far; it learned those probabilities from"
                " a very large collection of texts. GPT-2, for example, was trained on about"
                " 40 GB of web pages (WebText)."
            ),
        },
        "explain.how_text_2": {
            "fr": (
                "Il ne vérifie rien\u00a0: il prolonge le texte de façon plausible, ce qui "
                "explique qu'il puisse affirmer des choses fausses, et que son style fasse "
                "écho aux textes sur lesquels il a appris."
            ),
            "en": (
                "It looks nothing up: it continues the text plausibly, which is why it can "
                "state false things, and why its style echoes the texts it learned from."
            ),
        },
        "explain.training_other": {
            "fr": (
                "Les informations du fichier ne nomment pas un modèle connu de ce rapport"
                "\u00a0; ce que l'on sait de ses données d'entraînement est à demander à son"
                " éditeur, et à écrire dans la déclaration de l'artiste."
            ),
            "en": (
                "The file's information does not name a model this report knows; what is "
                "known of its training data is for its maker to say, and for the artist's "
                "declaration to record."
            ),
        },
        "explain.no_ai": {
            "fr": (
                "L'artiste déclare qu'aucun modèle génératif n'a fait cette image\u00a0: il "
                "n'y a donc pas de modèle à expliquer. Le principe général des "
                "générateurs d'images est expliqué ci-dessus pour les visiteurs qui se "
                "le demandent."
            ),
            "en": (
                "The artist declares that no generative model made this image, so there"
                " is no model to explain. The general principle of image generators is "
                "explained above for visitors who wonder."
            ),
        },
        "explain.demo_name": {
            "fr": "le modèle de démonstration d'artcharter",
            "en": "artcharter's demo model",
        },
        "explain.demo_model": {
            "fr": "un modèle de démonstration (poids aléatoires)",
            "en": "a demo model (random weights)",
        },
        "explain.unnamed_model": {
            "fr": "un modèle d'IA non précisé",
            "en": "an unnamed AI model",
        },
        "family.sd-turbo.training": {
            "fr": (
                "Un modèle distillé\u00a0: Stability AI l'a entraîné à imiter un modèle "
                "«\u00a0professeur\u00a0» plus grand (Stable Diffusion 2.1 pour SD-Turbo, SDXL "
                "pour SDXL-Turbo) en une à quatre étapes, par distillation adversariale"
                " (ADD). Il hérite de ce que le professeur a appris, donc de ses "
                "données\u00a0: pour SD 2.1 un sous-ensemble de LAION-5B, des milliards de "
                "paires image-légende collectées sur le web sans demander l'avis de "
                "leurs auteurs\u00a0; pour SDXL, des données que Stability AI n'a pas "
                "entièrement décrites."
            ),
            "en": (
                "A distilled model: Stability AI trained it to imitate a larger "
                "'teacher' (Stable Diffusion 2.1 for SD-Turbo, SDXL for SDXL-Turbo) in "
                "one to four steps, with Adversarial Diffusion Distillation. It "
                "inherits what the teacher learned, and so its training data: for SD "
                "2.1 a subset of LAION-5B, billions of image and caption pairs "
                "collected from the web without asking their authors; for SDXL, data "
                "Stability AI has not fully described."
            ),
        },
        "family.sd-turbo.licence": {
            "fr": (
                "Poids ouverts sous licence Stability AI (licence communautaire de "
                "recherche non commerciale à leur sortie)\u00a0: libres pour la recherche et"
                " l'usage non commercial\u00a0; lisez la licence fournie avec les poids "
                "avant tout usage commercial."
            ),
            "en": (
                "Open weights under a Stability AI licence (the non-commercial research"
                " community licence when released): free for research and "
                "non-commercial use; read the licence shipped with the weights before "
                "any commercial use."
            ),
        },
        "family.flux.training": {
            "fr": (
                "Black Forest Labs, fondé par des chercheurs à l'origine de Stable "
                "Diffusion, n'a pas publié les données d'entraînement de FLUX.1. C'est "
                "un grand transformer (environ 12 milliards de paramètres) entraîné, "
                "comme ses prédécesseurs, sur un très grand ensemble d'images légendées"
                " dont les sources ne sont pas divulguées."
            ),
            "en": (
                "Black Forest Labs, founded by researchers behind Stable Diffusion, has"
                " not published what FLUX.1 was trained on. It is a large transformer "
                "(about 12 billion parameters) trained, like its predecessors, on a "
                "very large set of captioned images whose sources are not disclosed."
            ),
        },
        "family.flux.licence": {
            "fr": (
                "FLUX.1 [schnell]\u00a0: Apache 2.0 (ouverte, usage commercial permis). "
                "FLUX.1 [dev]\u00a0: poids ouverts sous la licence non commerciale FLUX.1 "
                "[dev]. FLUX.1 [pro]\u00a0: uniquement via le service payant de son éditeur."
            ),
            "en": (
                "FLUX.1 [schnell]: Apache 2.0 (open, commercial use allowed). FLUX.1 "
                "[dev]: open weights under the FLUX.1 [dev] Non-Commercial License. "
                "FLUX.1 [pro]: only through its maker's paid service."
            ),
        },
        "family.sd3.training": {
            "fr": (
                "L'article de Stability AI décrit le modèle (un «\u00a0transformer de "
                "diffusion multimodal\u00a0» entraîné par flux rectifié) et le filtrage des "
                "données, mais pas l'origine des images\u00a0; le jeu de données n'a pas été"
                " publié."
            ),
            "en": (
                "Stability AI's paper describes the model (a 'multimodal diffusion "
                "transformer' trained with rectified flow) and how the data was "
                "filtered, but not where the images came from; the data set has not "
                "been published."
            ),
        },
        "family.sd3.licence": {
            "fr": (
                "Poids ouverts sous la Stability AI Community License\u00a0: libres pour la "
                "recherche, l'usage non commercial, et l'usage commercial des "
                "structures de moins d'un million de dollars de chiffre d'affaires "
                "annuel."
            ),
            "en": (
                "Open weights under the Stability AI Community License: free for "
                "research, non-commercial use, and commercial use by organisations "
                "under USD 1 million of annual revenue."
            ),
        },
        "family.sdxl.training": {
            "fr": (
                "L'article de Stability AI sur SDXL décrit le modèle (un UNet de "
                "diffusion latente plus grand, avec deux encodeurs de texte, OpenCLIP "
                "ViT-bigG et CLIP ViT-L, et un raffineur optionnel) mais pas la liste "
                "complète des images d'entraînement. Son encodeur OpenCLIP ViT-bigG a "
                "été entraîné sur LAION-2B, des images et légendes collectées sur le "
                "web sans demander l'avis de leurs auteurs."
            ),
            "en": (
                "Stability AI's SDXL paper describes the model (a larger latent "
                "diffusion UNet with two text encoders, OpenCLIP ViT-bigG and CLIP "
                "ViT-L, and an optional refiner) but not the full list of training "
                "images. Its text encoder OpenCLIP ViT-bigG was trained on LAION-2B, "
                "images and captions collected from the web without asking their "
                "authors."
            ),
        },
        "family.sdxl.licence": {
            "fr": (
                "Poids ouverts sous licence CreativeML Open RAIL++-M\u00a0: usage, "
                "modification et usage commercial permis, avec une liste d'usages "
                "interdits à transmettre à toute personne qui reçoit le modèle."
            ),
            "en": (
                "Open weights under the CreativeML Open RAIL++-M licence: use, "
                "modification and commercial use allowed, with a list of forbidden uses"
                " that must be passed on to anyone who receives the model."
            ),
        },
        "family.sd2.training": {
            "fr": (
                "Entraîné par Stability AI sur un sous-ensemble de LAION-5B (5,85 "
                "milliards de paires image-légende collectées sur le web par "
                "l'association LAION sans demander l'avis de leurs auteurs), filtré par"
                " le détecteur de nudité de LAION et un score esthétique. LAION a "
                "retiré LAION-5B en décembre 2023 après qu'un rapport de Stanford y a "
                "trouvé des images illégales, et en a publié une version nettoyée "
                "(Re-LAION-5B) en 2024."
            ),
            "en": (
                "Trained by Stability AI on a subset of LAION-5B (5.85 billion image "
                "and caption pairs collected from the web by the LAION association "
                "without asking their authors), filtered with LAION's nudity detector "
                "and an aesthetic score. LAION withdrew LAION-5B in December 2023 after"
                " a Stanford report found illegal images in it, and published a cleaned"
                " version (Re-LAION-5B) in 2024."
            ),
        },
        "family.sd2.licence": {
            "fr": (
                "Poids ouverts sous licence CreativeML Open RAIL++-M\u00a0: usage, "
                "modification et usage commercial permis, avec une liste d'usages "
                "interdits à transmettre."
            ),
            "en": (
                "Open weights under the CreativeML Open RAIL++-M licence: use, "
                "modification and commercial use allowed, with a list of forbidden uses"
                " that must be passed on."
            ),
        },
        "family.sd1.training": {
            "fr": (
                "Entraîné par CompVis (LMU Munich), Runway et Stability AI sur "
                "LAION-2B-en puis «\u00a0LAION-Aesthetics\u00a0», des sous-ensembles de "
                "LAION-5B\u00a0: des milliards de paires image-légende collectées sur le web"
                " par l'association LAION, dont des œuvres et des photographies dont "
                "les auteurs n'ont pas été consultés. Son encodeur de texte est CLIP "
                "ViT-L/14 d'OpenAI, entraîné sur des données non publiées. LAION a "
                "retiré LAION-5B en décembre 2023 après qu'un rapport de Stanford y a "
                "trouvé des images illégales, et en a publié une version nettoyée "
                "(Re-LAION-5B) en 2024."
            ),
            "en": (
                "Trained by CompVis (LMU Munich), Runway and Stability AI on "
                "LAION-2B-en and then 'LAION-Aesthetics', subsets of LAION-5B: billions"
                " of image and caption pairs collected from the web by the LAION "
                "association, including artworks and photographs whose authors were not"
                " asked. Its text encoder is OpenAI's CLIP ViT-L/14, trained on data "
                "OpenAI has not published. LAION withdrew LAION-5B in December 2023 "
                "after a Stanford report found illegal images in it, and published a "
                "cleaned version (Re-LAION-5B) in 2024."
            ),
        },
        "family.sd1.licence": {
            "fr": (
                "Poids ouverts sous licence CreativeML OpenRAIL-M\u00a0: usage, modification"
                " et usage commercial permis, avec une liste d'usages interdits à "
                "transmettre à toute personne qui reçoit le modèle."
            ),
            "en": (
                "Open weights under the CreativeML OpenRAIL-M licence: use, "
                "modification and commercial use allowed, with a list of forbidden uses"
                " that must be passed on to anyone who receives the model."
            ),
        },
        "family.midjourney.training": {
            "fr": (
                "Midjourney n'a publié ni son modèle ni ses données d'entraînement. Son"
                " fondateur a déclaré en 2022 (entretien à Forbes) qu'il avait été "
                "entraîné sur une grande collection d'images récupérées sur internet, "
                "sans moyen pratique de savoir d'où venait chaque image ni d'en "
                "consulter l'auteur."
            ),
            "en": (
                "Midjourney has not published its model or its training data. Its "
                "founder said in a 2022 interview (Forbes) that it was trained on a "
                "large collection of images gathered from the internet, and that there "
                "was no practical way to know where each image came from or to ask its "
                "author."
            ),
        },
        "family.midjourney.licence": {
            "fr": (
                "Un service en ligne payant\u00a0: le modèle ne peut pas être téléchargé, et"
                " l'usage des images relève des conditions d'utilisation de Midjourney."
            ),
            "en": (
                "A paid online service: the model cannot be downloaded, and the use of "
                "the images is governed by Midjourney's terms of service."
            ),
        },
        "family.firefly.training": {
            "fr": (
                "Adobe indique que Firefly a été entraîné sur les images de sa banque "
                "Adobe Stock, des contenus sous licence ouverte et des œuvres du "
                "domaine public, et verse une prime aux contributeurs de Stock. Des "
                "articles de presse (Bloomberg, 2024) ont montré qu'une partie de ces "
                "images Stock avaient elles-mêmes été faites avec d'autres générateurs "
                "comme Midjourney."
            ),
            "en": (
                "Adobe says Firefly was trained on images from its Adobe Stock library,"
                " openly licensed content and public-domain works, and pays a bonus to "
                "Stock contributors. Press reports (Bloomberg, 2024) found that some "
                "Stock images were themselves made with other generators such as "
                "Midjourney."
            ),
        },
        "family.firefly.licence": {
            "fr": (
                "Un service en ligne, avec une offre gratuite (quelques crédits de génération "
                "par mois) et des offres payantes, intégré aux logiciels Adobe\u00a0: le modèle"
                " ne peut pas être téléchargé\u00a0; les conditions d'Adobe régissent les "
                "images, qui portent des Content Credentials."
            ),
            "en": (
                "An online service, with a free plan (a few generative credits a month) and "
                "paid plans, inside Adobe's software: the model cannot be downloaded; "
                "Adobe's terms govern the images, and Firefly images carry Content "
                "Credentials."
            ),
        },
        "family.gpt-image.training": {
            "fr": (
                "OpenAI n'a pas publié les données d'entraînement de GPT-4o. Sa fiche "
                "système indique un pré-entraînement sur des données publiquement "
                "accessibles (jeux de données courants, pages du web) et des données "
                "obtenues par des partenariats (par exemple Shutterstock pour les images). "
                "Dans ChatGPT, les images viennent de ce modèle depuis mars 2025\u00a0; "
                "avant, ChatGPT utilisait DALL·E 3."
            ),
            "en": (
                "OpenAI has not published what GPT-4o was trained on. Its system card "
                "speaks of pre-training on publicly available data (common data sets, web "
                "pages) and data obtained through partnerships (for example Shutterstock for"
                " images). In ChatGPT, images come from this model since March 2025; before "
                "that, ChatGPT used DALL·E 3."
            ),
        },
        "family.gpt-image.licence": {
            "fr": (
                "Un service en ligne (ChatGPT, API gpt-image-1)\u00a0: le modèle ne peut pas "
                "être téléchargé\u00a0; les conditions d'utilisation d'OpenAI régissent les "
                "images."
            ),
            "en": (
                "An online service (ChatGPT, the gpt-image-1 API): the model cannot be "
                "downloaded; OpenAI's terms of use govern the images."
            ),
        },
        "family.dalle.training": {
            "fr": (
                "OpenAI indique que ses modèles d'images ont été entraînés sur un "
                "mélange de données publiquement accessibles et de données sous licence"
                " (par exemple de Shutterstock), sans publier le jeu de données. Il "
                "propose aux artistes un formulaire pour exclure leurs images des "
                "entraînements futurs. DALL·E 3 est décrit comme un modèle de diffusion"
                " entraîné avec des légendes réécrites par un modèle de langage."
            ),
            "en": (
                "OpenAI says its image models were trained on a mix of publicly "
                "available data and data it licensed (for example from Shutterstock), "
                "but has not published the data set. It offers artists a form to "
                "exclude their images from future training. DALL·E 3 is described as a "
                "diffusion model trained with captions rewritten by a language model."
            ),
        },
        "family.dalle.licence": {
            "fr": (
                "Un service en ligne payant\u00a0: le modèle ne peut pas être téléchargé\u00a0; "
                "les conditions d'utilisation d'OpenAI régissent les images."
            ),
            "en": (
                "A paid online service: the model cannot be downloaded; OpenAI's terms "
                "of use govern the images."
            ),
        },
        "family.demo.training": {
            "fr": (
                "C'est un modèle de démonstration aux poids aléatoires\u00a0: il n'a jamais "
                "été entraîné, ses images sont du bruit, et rien n'y dit quoi que ce "
                "soit des vrais modèles. Il sert à essayer l'outil sans télécharger de "
                "vrai modèle."
            ),
            "en": (
                "This is a demonstration model with random weights: it was never "
                "trained on anything, its images are noise, and nothing in them says "
                "anything about real models. It exists so that the tool can be tried "
                "without downloading a real model."
            ),
        },
        "family.demo.licence": {
            "fr": (
                "Construit localement par artcharter\u00a0; aucune restriction de licence et"
                " aucune donnée d'entraînement."
            ),
            "en": "Built locally by artcharter; no licence restriction and no training data.",
        },
        "family.unknown.training": {
            "fr": (
                "Famille inconnue\u00a0: nous ne devinons pas. Les informations du fichier ne"
                " nomment pas un modèle connu de ce rapport. La plupart des générateurs d'images actuels ont été entraînés"
                " sur des centaines de millions à des milliards d'images légendées "
                "collectées sur le web, souvent sans l'accord de leurs auteurs\u00a0; "
                "demandez à l'artiste quel outil et quelle version il a utilisés, et "
                "cherchez ce que leurs éditeurs publient sur leurs données."
            ),
            "en": (
                "Unknown family: we do not guess. The credentials do not name a model this "
                "report knows. Most current "
                "image generators were trained on hundreds of millions to billions of "
                "captioned images collected from the web, often without asking their "
                "authors; ask the artist which tool and version they used, and look for"
                " what its makers publish about its data."
            ),
        },
        "family.unknown.licence": {
            "fr": "Inconnue\u00a0: la licence dépend du modèle et des conditions du service.",
            "en": "Unknown: the licence depends on the model and on the service's terms.",
        },
        # --- energy equivalents (artcharter.reports.energy_equivalents) ---
        "equivalent.phone_charges.unit": {
            "fr": "recharges de smartphone",
            "en": "smartphone charges",
        },
        "equivalent.phone_charges.unit_percent": {
            "fr": "% d'une recharge de smartphone",
            "en": "% of a smartphone charge",
        },
        "equivalent.phone_charges.factor": {
            "fr": "une recharge complète de smartphone ≈ 0,022 kWh (EPA, 2024)",
            "en": "one full smartphone charge ≈ 0.022 kWh (EPA, 2024)",
        },
        "equivalent.litres_boiled.unit": {
            "fr": "litres d'eau portés de 20 à 100 °C",
            "en": "litres of water heated from 20 to 100 °C",
        },
        "equivalent.litres_boiled.unit_ml": {
            "fr": "ml d'eau portés de 20 à 100 °C",
            "en": "ml of water heated from 20 to 100 °C",
        },
        "equivalent.litres_boiled.factor": {
            "fr": (
                "chauffer 1 litre d'eau de 20 à 100 °C ≈ 0,093 kWh (4,18 kJ/kg/K × 80 "
                "K\u00a0; la chaleur seule, aucune perte comptée)"
            ),
            "en": (
                "heating 1 litre of water from 20 to 100 °C ≈ 0.093 kWh (4.18 kJ/kg/K ×"
                " 80 K; the heat alone, no losses counted)"
            ),
        },
        "equivalent.car_km.unit": {
            "fr": "km en voiture neuve (CO₂ à l'échappement)",
            "en": "km in a new car (tailpipe CO₂)",
        },
        "equivalent.car_km.unit_m": {
            "fr": "m en voiture neuve (CO₂ à l'échappement)",
            "en": "m in a new car (tailpipe CO₂)",
        },
        "equivalent.car_km.unit_cm": {
            "fr": "cm en voiture neuve (CO₂ à l'échappement)",
            "en": "cm in a new car (tailpipe CO₂)",
        },
        "equivalent.car_km.unit_mm": {
            "fr": "mm en voiture neuve (CO₂ à l'échappement)",
            "en": "mm in a new car (tailpipe CO₂)",
        },
        "equivalent.car_km.factor": {
            "fr": (
                "une voiture neuve immatriculée en 2024 dans l'UE, en Islande et en Norvège "
                "émet en moyenne 106,8 g CO₂/km à l'homologation (WLTP, échappement "
                "seulement\u00a0: un autre périmètre que le CO₂e du réseau électrique)"
            ),
            "en": (
                "a new car registered in 2024 in the EU, Iceland and Norway emits 106.8 g "
                "CO₂/km on average at type approval (WLTP, tailpipe only: a different scope "
                "from the grid's CO₂e)"
            ),
        },
        "equivalent.reference.image_generation_median": {
            "fr": (
                "Génération d'images, médiane des modèles mesurés par Luccioni et al.\u00a0: "
                "{kwh_1000} kWh pour 1 000 images, soit {per_image} par image (nœud 8×A100)"
            ),
            "en": (
                "Image generation, median of the models Luccioni et al. measured: "
                "{kwh_1000} kWh per 1,000 images, that is {per_image} per image (8×A100 node)"
            ),
        },
        "equivalent.reference.image_generation_least_efficient": {
            "fr": (
                "Le modèle de génération d'images le moins efficace qu'ils ont mesuré\u00a0: "
                "{kwh_1000} kWh pour 1 000 images, soit {per_image} par image"
            ),
            "en": (
                "The least efficient image generation model they measured: {kwh_1000} kWh "
                "per 1,000 images, that is {per_image} per image"
            ),
        },
        "online_estimate.one": {
            "fr": (
                "{n} image faite avec un service en ligne\u00a0: environ {kwh} et {litres} L d'eau de refroidissement de centre de données (estimation)"
            ),
            "en": (
                "{n} image made with an online service: about {kwh} and {litres} L of data-centre cooling water (estimate)"
            ),
        },
        "online_estimate.other": {
            "fr": (
                "{n} images faites avec un service en ligne\u00a0: environ {kwh} et {litres} L d'eau de refroidissement de centre de données (estimation)"
            ),
            "en": (
                "{n} images made with an online service: about {kwh} and {litres} L of data-centre cooling water (estimate)"
            ),
        },
        "online_not_estimated": {
            "fr": (
                "Générations déclarées avec un service en ligne ({tools}), sans leur énergie\u00a0: "
                "pas d'estimation, les chiffres publiés par génération portent sur des images, "
                "pas sur cette œuvre ({kind})."
            ),
            "en": (
                "Generations declared with an online service ({tools}), without their energy: "
                "no estimate, the published per-generation figures are for images, not for "
                "this work ({kind})."
            ),
        },
        "references_image_only": {
            "fr": (
                "Les points de comparaison publiés que cite artcharter mesurent la génération "
                "d'images\u00a0: aucun n'est donné pour cette œuvre ({kind})."
            ),
            "en": (
                "The published points of comparison artcharter quotes measure image "
                "generation: none is given for this work ({kind})."
            ),
        },
        "online_estimate_basis": {
            "fr": (
                "Sur quoi repose l'estimation\u00a0: les services en ligne ne publient ni "
                "leur modèle ni leur matériel\u00a0; l'énergie par image est la moyenne des "
                "modèles ouverts de génération d'images mesurés par Luccioni et al. (2,9 Wh, "
                "nœud 8×A100), et l'eau celle consommée sur place par les centres de "
                "données des États-Unis en 2023 par kWh (0,37 L/kWh, LBNL), sans l'eau "
                "utilisée pour produire l'électricité."
            ),
            "en": (
                "What the estimate is based on: online services publish neither their model "
                "nor their hardware; the energy per image is the mean of the open image "
                "generation models Luccioni et al. measured (2.9 Wh, 8×A100 node), and the "
                "water is what US data centres consumed on site per kWh in 2023 (0.37 L/kWh, "
                "LBNL), without the water used to generate the electricity."
            ),
        },
        "water_local": {
            "fr": (
                "Eau\u00a0: pas de chiffre. L'image a été faite sur cette machine, pas dans "
                "un centre de données refroidi à l'eau\u00a0; l'eau utilisée pour produire "
                "l'électricité dépend des centrales du pays, et les données de codecarbon "
                "n'en donnent pas de facteur par pays."
            ),
            "en": (
                "Water: no figure. The image was made on this machine, not in a water-cooled"
                " data centre; the water used to generate the electricity depends on the "
                "country's power plants, and codecarbon's data give no per-country factor "
                "for it."
            ),
        },
        "factor.phone_charges.scope": {
            "fr": "électricité d'une recharge complète d'un smartphone moyen (États-Unis)",
            "en": "electricity of one full charge of an average smartphone (United States)",
        },
        "factor.litres_boiled.scope": {
            "fr": "chaleur pour 1 L d'eau, 20 → 100 °C, aucune perte comptée",
            "en": "heat for 1 L of water, 20 → 100 °C, no losses counted",
        },
        "factor.car_km.scope": {
            "fr": (
                "CO₂ à l'échappement, homologation WLTP, voitures neuves 2024, UE-27 + "
                "Islande + Norvège\u00a0; pas du CO₂e de réseau électrique"
            ),
            "en": (
                "tailpipe CO₂, WLTP type approval, new cars of 2024, EU-27 + Iceland + "
                "Norway; not grid CO₂e"
            ),
        },
        "factor.image_generation_median.scope": {
            "fr": "médiane des modèles de génération d'images testés, nœud 8×A100, inférence",
            "en": "median of the image generation models tested, 8×A100 node, inference",
        },
        "factor.image_generation_least_efficient.scope": {
            "fr": "le modèle de génération d'images le moins efficace testé, nœud 8×A100",
            "en": "the least efficient image generation model tested, 8×A100 node",
        },
        "factor.external_kwh_per_image.scope": {
            "fr": (
                "estimation par image pour un service en ligne (règle energy-budget)\u00a0: "
                "moyenne des modèles ouverts testés, pas le service lui-même"
            ),
            "en": (
                "per-image estimate for an online service (energy-budget rule): mean of the "
                "open models tested, not the service itself"
            ),
        },
        "factor.data_centre_water.scope": {
            "fr": (
                "eau consommée sur place (refroidissement) par les centres de données des "
                "États-Unis en 2023, par kWh\u00a0; sans l'eau des centrales électriques"
            ),
            "en": (
                "water consumed on site (cooling) by US data centres in 2023, per kWh; "
                "without the power plants' water"
            ),
        },
        "factor.cc_cpu_per_thread.scope": {
            "fr": "puissance supposée par codecarbon pour un processeur absent de sa table",
            "en": "power codecarbon assumes for a CPU model not in its table",
        },
        "factor.cc_cpu_generic.scope": {
            "fr": "puissance supposée par codecarbon quand le processeur n'est pas reconnu",
            "en": "power codecarbon assumes when the CPU model is not detected",
        },
        "factor.cc_ram_per_dimm.scope": {
            "fr": (
                "modèle de RAM de codecarbon\u00a0: barrettes estimées d'après la mémoire "
                "(du processus en mode process), 10 W au moins\u00a0: constant sous 16 Go"
            ),
            "en": (
                "codecarbon's RAM model: modules estimated from the memory (the process's in "
                "process mode), at least 10 W: constant under 16 GB"
            ),
        },
        "factor.cc_ram_arm.scope": {
            "fr": "le même modèle sur ARM (au moins 3 W)",
            "en": "the same model on ARM (at least 3 W)",
        },
        # --- IPTC digital source types, in words ---
        "source_type.trainedAlgorithmicMedia": {
            "fr": "œuvre créée par un modèle d'IA générative",
            "en": "created by a generative AI model",
        },
        "source_type.compositeWithTrainedAlgorithmicMedia": {
            "fr": "composition mêlant des éléments générés par IA et d'autres qui ne le sont pas",
            "en": "a composite of AI-generated and other elements",
        },
        "source_type.algorithmicallyEnhanced": {
            "fr": "œuvre retouchée avec l'aide d'un algorithme",
            "en": "enhanced with the help of an algorithm",
        },
        "source_type.compositeSynthetic": {
            "fr": "composition d'éléments synthétiques",
            "en": "a composite of synthetic elements",
        },
        "source_type.algorithmicMedia": {
            "fr": "œuvre produite par un algorithme sans apprentissage",
            "en": "made by an algorithm without training data",
        },
        "source_type.digitalCreation": {
            "fr": "création numérique faite à la main",
            "en": "digital creation made by hand",
        },
        "source_type.humanEdits": {
            "fr": "œuvre retouchée à la main",
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
        "source_type.computationalCapture": {
            "fr": "photographie numérique avec traitement par calcul",
            "en": "digital photograph with computational processing",
        },
        "source_type.digitalArt": {  # IPTC: made by a person with digital tools
            "fr": "art numérique (fait avec des outils numériques)",
            "en": "digital art (made with digital tools)",
        },
        # --- C2PA's own digital source types (C2PA 2.2, "Digital Source Type") ---
        "source_type.empty": {
            "fr": "toile vierge (rien au départ)",
            "en": "a blank canvas (nothing to start from)",
        },
        "source_type.trainedAlgorithmicData": {
            "fr": "données produites par un modèle d'IA",
            "en": "data produced by an AI model",
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
