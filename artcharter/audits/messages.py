"""Every text the audits room shows a person, in each language: one catalogue.

Keys start with the module that speaks (``metrics.…``). A French text puts a no-break
space (U+00A0) before ``: ; ! ?`` and inside « ».
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue

MESSAGES = Catalogue(
    "audits",
    {
        # --- sentences about probe results (artcharter.audits.bias.sentences) --------------
        "sentence.caveat": {
            "fr": (
                "Ce sont des attributs perçus par la sonde CLIP ({probe}), pas l'identité de "
                "personnes\u00a0: CLIP a appris sur des images et des légendes du web et porte ses "
                "propres biais\u00a0; lisez ces parts comme une invitation à la discussion, pas "
                "comme une mesure des personnes."
            ),
            "en": (
                "These are attributes perceived by the CLIP probe ({probe}), not people's "
                "identities: CLIP learned from web images and captions and carries its own "
                "biases, so read these shares as a prompt for discussion, not as a measurement "
                "of people."
            ),
        },
        "sentence.demo_probe": {
            "fr": (
                "Sonde de démonstration aux poids aléatoires\u00a0: ces chiffres n'ont aucun sens, "
                "ils montrent seulement le fonctionnement de la sonde."
            ),
            "en": (
                "Demo probe with random weights: these numbers are meaningless; they only show "
                "how the probe works."
            ),
        },
        "sentence.demo_model": {
            "fr": (
                "Images faites par un modèle de démonstration aux poids aléatoires\u00a0: ce sont "
                "des bruits, pas des portraits."
            ),
            "en": "Images made by a demo model with random weights: they are noise, not portraits.",
        },
        "sentence.ethnicity": {
            "fr": (
                "Origine ethnique perçue demandée explicitement\u00a0: lire une origine sur un "
                "visage est contesté et ces sept catégories (FairFace) écrasent bien des "
                "identités\u00a0; à n'utiliser que comme indice de ce que le modèle associe, "
                "jamais pour parler d'une personne."
            ),
            "en": (
                "Perceived ethnicity was asked for explicitly: reading ethnicity from a face is "
                "contested and these seven categories (FairFace) flatten many identities; use it "
                "only as a marker of what the model associates, never to speak about a person."
            ),
        },
        "sentence.and": {"fr": " et ", "en": " and "},
        "sentence.semicolon": {"fr": "\u00a0; ", "en": "; "},
        "sentence.uncertain.one": {"fr": "{n} incertaine", "en": "{n} uncertain"},
        "sentence.uncertain.other": {"fr": "{n} incertaines", "en": "{n} uncertain"},
        "sentence.images_read.one": {"fr": "{n} image lue", "en": "{n} image read"},
        "sentence.images_read.other": {"fr": "{n} images lues", "en": "{n} images read"},
        "sentence.images.one": {"fr": "{n} image", "en": "{n} image"},
        "sentence.images.other": {"fr": "{n} images", "en": "{n} images"},
        "sentence.nothing_read": {
            "fr": "aucune image lue pour le critère «\u00a0{label}\u00a0» ({uncertain})",
            "en": "no image read for {label} ({uncertain})",
        },
        "sentence.share_as": {
            "fr": "{share} ({range}) comme des {label}",
            "en": "{share} ({range}) as {label}",
        },
        "sentence.attribute_detail": {
            "fr": "{label}\u00a0: {read}, {uncertain}",
            "en": "{label}: {read}, {uncertain}",
        },
        "sentence.prompt": {
            "fr": "Sur {images} de «\u00a0{subject}\u00a0», la sonde a perçu {phrases}.",
            "en": "In {images} of “{subject}”, the probe perceived {phrases}.",
        },
        "sentence.interval_caveat": {
            "fr": "Les intervalles (Wilson, 95 %) ne couvrent que l'échantillonnage, pas les "
            "propres erreurs de la sonde.",
            "en": "The intervals (Wilson, 95%) cover sampling only, not the probe's own errors.",
        },
        "sentence.abstain.one": {
            "fr": "{n} image sans personne perçue est mise à part.",
            "en": "{n} image where it perceived no person is set apart.",
        },
        "sentence.abstain.other": {
            "fr": "{n} images sans personne perçue sont mises à part.",
            "en": "{n} images where it perceived no person are set apart.",
        },
        "sentence.unreadable.one": {
            "fr": "{n} fichier illisible est laissé de côté.",
            "en": "{n} unreadable file was left out.",
        },
        "sentence.unreadable.other": {
            "fr": "{n} fichiers illisibles sont laissés de côté.",
            "en": "{n} unreadable files were left out.",
        },
        "sentence.reading_unreadable": {
            "fr": "Image illisible pour la sonde\u00a0: {error}",
            "en": "The probe could not read the image: {error}",
        },
        "sentence.reading_no_person": {
            "fr": (
                "La sonde ne perçoit personne dans cette image (probabilité d'une personne "
                "{person}\u00a0; plus proche de\u00a0: {closest})\u00a0: elle s'abstient."
            ),
            "en": (
                "The probe perceives no person in this image (probability of a person {person}; "
                "closest to: {closest}), so it abstains."
            ),
        },
        "sentence.reading_valid": {
            "fr": "{label}\u00a0: {top} ({confidence})",
            "en": "{label}: {top} ({confidence})",
        },
        "sentence.reading_uncertain": {
            "fr": "{label}\u00a0: incertain (au mieux {top}, {confidence})",
            "en": "{label}: uncertain (at best {top}, {confidence})",
        },
        "sentence.several_people": {
            "fr": "plusieurs personnes (les lectures décrivent l'image entière)",
            "en": "several people (the readings describe the whole image)",
        },
        "sentence.one_person": {"fr": "une personne", "en": "one person"},
        "sentence.reading": {
            "fr": "La sonde perçoit {who} (probabilité d'une personne {person}) — {parts}.",
            "en": "The probe perceives {who} (person probability {person}) — {parts}.",
        },
        "sentence.quoted": {"fr": "«\u00a0{text}\u00a0»", "en": "“{text}”"},
        "sentence.negated": {
            "fr": "(en négation)",
            "en": "(negated)",
        },
        "sentence.prompt_languages": {
            "fr": "Prompt lu en\u00a0: {langs}.",
            "en": "Prompt read as: {langs}.",
        },
        "language.fr": {"fr": "français", "en": "French"},
        "language.en": {"fr": "anglais", "en": "English"},
        "sentence.identity_terms": {
            "fr": "des termes d'identité\u00a0: {terms}",
            "en": "identity terms: {terms}",
        },
        "sentence.descriptors": {
            "fr": (
                "des qualificatifs stéréotypés (listes HEIM, DALL-Eval, Stable Bias et "
                "artcharter)\u00a0: {terms}"
            ),
            "en": (
                "stereotype descriptors (HEIM, DALL-Eval, Stable Bias and artcharter lists): "
                "{terms}"
            ),
        },
        "sentence.protected_names": {
            "fr": "des noms de la liste protégée de l'école\u00a0: {terms}",
            "en": "names from the school's protected list: {terms}",
        },
        "sentence.prompt_contains": {
            "fr": "Le prompt contient {parts}. Dites pourquoi dans la réflexion sur les biais.",
            "en": "The prompt contains {parts}. Say why in the bias reflection.",
        },
        "sentence.prompt_clean": {
            "fr": (
                "Le prompt ne contient ni terme d'identité, ni qualificatif stéréotypé, ni nom "
                "protégé."
            ),
            "en": "The prompt contains no identity term, stereotype descriptor or protected name.",
        },
        "sentence.occupations": {
            "fr": "Métiers mesurés par les campagnes\u00a0: {terms}.",
            "en": "Occupations the campaigns measure: {terms}.",
        },
        # --- errors ---------------------------------------------------------------------
        "validation.no_file_column": {
            "fr": "{where}\u00a0: il faut une colonne «\u00a0file\u00a0» (le nom de chaque image)",
            "en": "{where}: a “file” column is needed (the name of each image)",
        },
        "validation.unknown_attribute": {
            "fr": "{where}\u00a0: colonne(s) inconnue(s)\u00a0: {names} (critères connus\u00a0: "
            "{choices}, et person)",
            "en": "{where}: unknown column(s): {names} (known attributes: {choices}, and person)",
        },
        "validation.no_attribute": {
            "fr": "{where}\u00a0: aucune colonne de critère (gender, age, skin_tone…)",
            "en": "{where}: no attribute column (gender, age, skin_tone…)",
        },
        "validation.no_file": {
            "fr": "{where}, ligne {line}\u00a0: nom de fichier vide",
            "en": "{where}, line {line}: empty file name",
        },
        "validation.duplicate": {
            "fr": "{where}, ligne {line}\u00a0: {file} est déjà étiqueté plus haut",
            "en": "{where}, line {line}: {file} is already labelled above",
        },
        "validation.bad_person": {
            "fr": "{where}, ligne {line}\u00a0: person = {value!r}\u00a0; attendu yes ou no",
            "en": "{where}, line {line}: person = {value!r}; expected yes or no",
        },
        "validation.unknown_class": {
            "fr": "{where}, ligne {line}\u00a0: {attribute} = {value!r} n'est pas une classe "
            "de la sonde ({choices})",
            "en": "{where}, line {line}: {attribute} = {value!r} is not a class of the probe "
            "({choices})",
        },
        "validation.class_without_person": {
            "fr": "{where}, ligne {line}\u00a0: une image sans personne (person = no) ne peut "
            "pas avoir de classe",
            "en": "{where}, line {line}: an image without a person (person = no) cannot have "
            "a class",
        },
        "validation.empty": {
            "fr": "{where}\u00a0: aucune image étiquetée",
            "en": "{where}: no labelled image",
        },
        "clip_probe.empty": {
            "fr": "{param} est vide\u00a0: utilisez ViT-B-32:laion2b_s34b_b79k, un chemin, ou demo",
            "en": "{param} is empty: use ViT-B-32:laion2b_s34b_b79k, a path, or demo",
        },
        "clip_probe.tag_missing": {
            "fr": (
                "{param} {text}\u00a0: nommez aussi une étiquette de poids pré-entraînés, "
                "comme {arch}:TAG"
            ),
            "en": "{param} {text}: name a pretrained tag too, as in {arch}:TAG",
        },
        "clip_probe.bad_spec": {
            "fr": "{param} {text}\u00a0: ARCH:TAG ou ARCH:CHEMIN attendu",
            "en": "{param} {text}: expected ARCH:TAG or ARCH:PATH",
        },
        "clip_probe.no_such_file_in_spec": {
            "fr": "{param} {text}\u00a0: fichier introuvable {rest}",
            "en": "{param} {text}: no such file {rest}",
        },
        "clip_probe.unknown_architecture_example": {
            "fr": "open_clip n'a pas d'architecture {arch!r} (par exemple {example})",
            "en": "open_clip has no architecture {arch!r} (for instance {example})",
        },
        "clip_probe.unknown_weights": {
            "fr": "open_clip n'a pas de poids {arch}:{tag} (étiquettes pour {arch}\u00a0: {tags})",
            "en": "open_clip has no weights {arch}:{tag} (tags for {arch}: {tags})",
        },
        "clip_probe.no_such_path": {
            "fr": "{param} {text}\u00a0: fichier ou dossier introuvable",
            "en": "{param} {text}: no such file or folder",
        },
        "clip_probe.cannot_load": {
            "fr": "impossible de charger la sonde CLIP {display}\u00a0: {value}",
            "en": "cannot load the CLIP probe {display}: {value}",
        },
        "clip_probe.no_such_image": {
            "fr": "{path}\u00a0: fichier introuvable",
            "en": "{path}: no such file",
        },
        "clip_probe.too_many_pixels": {
            "fr": "{path}\u00a0: trop de pixels pour être une image sûre",
            "en": "{path}: too many pixels to be a safe image",
        },
        "clip_probe.unreadable_image": {
            "fr": "{path}\u00a0: image illisible ({error})",
            "en": "{path}: not a readable image ({error})",
        },
        "clip_probe.batch_size": {
            "fr": "la taille de lot doit être d'au moins 1",
            "en": "the batch size must be at least 1",
        },
        "clip_probe.not_a_model_folder": {
            "fr": (
                "{folder}\u00a0: ce n'est pas un dossier de modèle open_clip (pas de "
                "open_clip_config.json)"
            ),
            "en": "{folder}: not an open_clip model folder (no open_clip_config.json)",
        },
        "clip_probe.no_weights_file": {
            "fr": "{folder}\u00a0: aucun fichier de poids (open_clip_model.safetensors)",
            "en": "{folder}: no weights file (open_clip_model.safetensors)",
        },
        "clip_probe.over_pixel_limit": {
            "fr": "{path}\u00a0: {width}x{height} pixels dépasse la limite de {max_pixels:,} pixels",
            "en": "{path}: {width}x{height} pixels is over the {max_pixels:,}-pixel limit",
        },
        "clip_probe.unknown_architecture": {
            "fr": "open_clip n'a pas d'architecture {arch!r}",
            "en": "open_clip has no architecture {arch!r}",
        },
        "metrics.unknown_aggregate_metric": {
            "fr": "mesure agrégée inconnue {metric!r}",
            "en": "unknown aggregate metric {metric!r}",
        },
        "metrics.wilson_interval_needs_successes": {
            "fr": "un intervalle de Wilson demande 0 <= succès <= n, pas {successes} sur {n}",
            "en": "a Wilson interval needs 0 <= successes <= n, not {successes} of {n}",
        },
        "metrics.no_class": {
            "fr": "une mesure demande au moins une classe",
            "en": "a metric needs at least one class",
        },
        "metrics.smoothing_not_positive": {
            "fr": "le lissage doit être > 0, pas {alpha}",
            "en": "smoothing must be > 0, not {alpha}",
        },
        "metrics.reference_missing_share": {
            "fr": "la référence n'a pas de part pour {choices}",
            "en": "the reference has no share for {choices}",
        },
        "metrics.reference_share_not_positive": {
            "fr": "chaque part de référence doit être > 0 (la divergence KL et l'écart la divisent)",
            "en": "every reference share must be > 0 (KL and skew divide by it)",
        },
        "metrics.unknown_classes": {
            "fr": "{attribute}\u00a0: classes inconnues {choices}",
            "en": "{attribute}: unknown classes {choices}",
        },
        "metrics.negative_counts": {
            "fr": "les nombres d'incertains et d'abstentions doivent être >= 0",
            "en": "uncertain and abstain counts must be >= 0",
        },
        "metrics.no_resample": {
            "fr": "le bootstrap demande au moins un rééchantillonnage",
            "en": "the bootstrap needs at least one resample",
        },
        "metrics.interval_level": {
            "fr": "le niveau de l'intervalle doit être entre 0 et 1, pas {level}",
            "en": "the interval level must be between 0 and 1, not {level}",
        },
        "metrics.reference_per_prompt": {
            "fr": "il faut une référence (ou None) par prompt",
            "en": "one reference (or None) per prompt is needed",
        },
        "metrics.count_not_whole": {
            "fr": "le nombre de {name!r} doit être un entier >= 0, pas {value!r}",
            "en": "count of {name!r} must be a whole number >= 0, not {value!r}",
        },
        "probe_classes.unknown_attribute": {
            "fr": "la sonde n'a pas d'attribut {attribute_id!r}",
            "en": "the probe has no attribute {attribute_id!r}",
        },
        "probe_classes.threshold_range": {
            "fr": "le seuil de {name} doit être au moins 0 et en dessous de 1, pas {value!r}",
            "en": "threshold of {name} must be at least 0 and below 1, not {value!r}",
        },
        "probe_classes.no_classes": {
            "fr": "{where}\u00a0: aucune classe",
            "en": "{where}: no classes",
        },
        "probe_classes.templates_need_slot": {
            "fr": "{origin}\u00a0: `templates` demande au moins une phrase avec {{}}",
            "en": "{origin}: `templates` needs at least one sentence with {{}}",
        },
        "probe_classes.no_gate": {
            "fr": "{origin}\u00a0: pas de [gate]",
            "en": "{origin}: no [gate]",
        },
        "probe_classes.person_classes": {
            "fr": (
                "{origin}\u00a0: gate.person_classes doit nommer certaines des classes du "
                "filtre, pas toutes"
            ),
            "en": "{origin}: gate.person_classes must name some, not all, of the gate classes",
        },
        "probe_classes.no_attributes": {
            "fr": "{origin}\u00a0: pas de [attributes]",
            "en": "{origin}: no [attributes]",
        },
        "probe_classes.describe_empty": {
            "fr": "{where}.{class_id}\u00a0: `describe` demande au moins une expression",
            "en": "{where}.{class_id}: `describe` needs at least one phrase",
        },
        "probe_classes.template_slots": {
            "fr": "{origin}\u00a0: le modèle de phrase {t!r} doit contenir exactement un {{}}",
            "en": "{origin}: template {t!r} needs exactly one {{}}",
        },
        "probe_classes.attribute_too_few_classes": {
            "fr": "{where}\u00a0: un attribut demande au moins deux classes",
            "en": "{where}: an attribute needs at least two classes",
        },
        "probe_classes.unknown_focus": {
            "fr": "{where}\u00a0: la classe mise en avant {focus!r} n'est pas une de ses classes",
            "en": "{where}: focus {focus!r} is not one of its classes",
        },
        "probe_classes.unreadable_file": {
            "fr": "{path}\u00a0: {error}",
            "en": "{path}: {error}",
        },
        "prompt_audit.no_spacy": {
            "fr": (
                "l'audit des prompts a besoin de spaCy, qui n'est pas installé\u00a0: "
                "réinstallez artcharter (pip install artcharter)"
            ),
            "en": (
                "the prompt audit needs spaCy, which is not installed: reinstall artcharter "
                "(pip install artcharter)"
            ),
        },
        "prompt_audit.no_pipeline": {
            "fr": (
                "l'audit des prompts a besoin du modèle spaCy pour la langue {lang} "
                "({package}), qui n'est pas installé\u00a0: pip install {package}"
            ),
            "en": (
                "the prompt audit needs the spaCy pipeline for {lang} ({package}), which is "
                "not installed: pip install {package}"
            ),
        },
        "prompt_audit.no_protected_names_file": {
            "fr": "{path}\u00a0: fichier de noms protégés introuvable",
            "en": "{path}: no such protected-names file",
        },
        "prompt_audit.protected_names_not_utf8": {
            "fr": "{path}\u00a0: le fichier de noms protégés doit être du texte UTF-8",
            "en": "{path}: the protected-names file must be UTF-8 text",
        },
        "prompt_audit.cannot_read": {
            "fr": "{path}\u00a0: lecture impossible ({reason})",
            "en": "{path}: cannot be read ({reason})",
        },
        "prompt_sets.template_without_subject": {
            "fr": "le modèle de phrase {template!r} n'a pas d'emplacement {{subject}}",
            "en": "template {template!r} has no {{subject}} slot",
        },
        "prompt_sets.no_subjects": {
            "fr": "{origin}\u00a0: aucune entrée [[subject]]",
            "en": "{origin}: no [[subject]] entries",
        },
        "prompt_sets.no_templates": {
            "fr": "{origin}\u00a0: pas de [templates] avec des listes en ou fr",
            "en": "{origin}: no [templates] with en or fr lists",
        },
        "prompt_sets.no_prompts": {
            "fr": "{path}\u00a0: aucun prompt (un par ligne\u00a0; # commence un commentaire)",
            "en": "{path}: no prompts (one per line; # starts a comment)",
        },
        "prompt_sets.prompt_twice": {
            "fr": "{path}\u00a0: le même prompt apparaît deux fois",
            "en": "{path}: the same prompt appears twice",
        },
        "prompt_sets.unknown_languages": {
            "fr": "les langues des prompts sont en et fr, pas {value}",
            "en": "prompt languages are en and fr, not {value}",
        },
        "prompt_sets.unknown_set": {
            "fr": (
                "jeu de prompts inconnu {spec!r}\u00a0: utilisez occupations, descriptors, ou "
                "un fichier .toml/.txt"
            ),
            "en": "unknown prompt set {spec!r}: use occupations, descriptors, or a .toml/.txt file",
        },
        "prompt_sets.subject_id": {
            "fr": "{origin}\u00a0: chaque sujet demande un id fait de lettres, de chiffres, de - ou de _",
            "en": "{origin}: every subject needs an id of letters, digits, - or _",
        },
        "prompt_sets.subject_twice": {
            "fr": "{origin}\u00a0: le sujet {sid!r} apparaît deux fois",
            "en": "{origin}: subject {sid!r} appears twice",
        },
        "prompt_sets.unknown_subjects": {
            "fr": "{origin}\u00a0: aucun sujet {choices} (connus\u00a0: {known})",
            "en": "{origin}: no subject {choices} (known: {known})",
        },
        "prompt_sets.cannot_read": {
            "fr": "{path}\u00a0: lecture impossible ({error})",
            "en": "{path}: cannot be read ({error})",
        },
        "prompt_sets.no_templates_in_lang": {
            "fr": "{origin}\u00a0: aucun modèle de phrase en {lang}",
            "en": "{origin}: no {lang} templates",
        },
        "prompt_sets.subject_without_text": {
            "fr": "{origin}\u00a0: le sujet {id!r} n'a pas de texte en {lang}",
            "en": "{origin}: subject {id!r} has no {lang} text",
        },
        "reference.not_a_table": {
            "fr": "{where}\u00a0: une table d'attributs est attendue",
            "en": "{where}: expected a table of attributes",
        },
        "reference.no_source": {
            "fr": (
                "{origin}\u00a0: une table de référence demande une `source` qui dit d'où "
                "viennent ses chiffres"
            ),
            "en": "{origin}: a reference table needs a `source` saying where its figures come from",
        },
        "reference.prompts_not_a_table": {
            "fr": "{origin}\u00a0: `prompts` doit être une table",
            "en": "{origin}: `prompts` must be a table",
        },
        "reference.no_rows": {
            "fr": "{origin}\u00a0: aucune ligne `default` ni `prompts`",
            "en": "{origin}: no `default` or `prompts` rows",
        },
        "reference.not_pairs": {
            "fr": "{where}.{attribute}\u00a0: des paires classe = part sont attendues",
            "en": "{where}.{attribute}: expected class = share pairs",
        },
        "reference.no_such_file": {
            "fr": "{path}\u00a0: fichier de référence introuvable",
            "en": "{path}: no such reference file",
        },
        "reference.not_a_number": {
            "fr": "{where}.{attribute}.{cls}\u00a0: ce n'est pas un nombre",
            "en": "{where}.{attribute}.{cls}: not a number",
        },
        "reference.share_not_positive": {
            "fr": (
                "{where}.{attribute}.{cls}\u00a0: chaque part de référence doit être > 0 (la "
                "divergence KL et l'écart la divisent)"
            ),
            "en": (
                "{where}.{attribute}.{cls}: every reference share must be > 0 (KL and "
                "skew divide by it)"
            ),
        },
        "energy.country_has_carbon_intensity": {
            "fr": (
                "le pays {country_iso!r} n'a pas d'intensité carbone dans les données "
                "hors ligne de codecarbon\u00a0: mettez dans [project] country "
                "d'artcharter.toml un code ISO 3166 alpha-3 comme FRA"
            ),
            "en": (
                "country {country_iso!r} has no carbon intensity in codecarbon's offline "
                "data: set [project] country in artcharter.toml to an ISO 3166 alpha-3 "
                "code such as FRA"
            ),
        },
        "energy.codecarbon_installed_run": {
            "fr": "codecarbon n'est pas installé\u00a0: lancez `pip install codecarbon`",
            "en": "codecarbon is not installed: run `pip install codecarbon`",
        },
        "clip_probe.not_cached": {
            "fr": (
                "la sonde CLIP {arch}:{tag} n'est pas dans le cache local et artcharter ne "
                "télécharge jamais de modèle\u00a0: sur une machine connectée à internet, lancez "
                "`python -c \"import open_clip; open_clip.create_model_and_transforms('{arch}', "
                "pretrained='{tag}')\"` et copiez {where} ici, ou passez {param} CHEMIN vers un "
                "fichier ou un dossier de poids"
            ),
            "en": (
                "the CLIP probe {arch}:{tag} is not in the local cache and artcharter never "
                'downloads models: on a machine with internet run `python -c "import open_clip; '
                "open_clip.create_model_and_transforms('{arch}', pretrained='{tag}')\"` and copy "
                "{where} here, or pass {param} PATH to a checkpoint file or folder"
            ),
        },
    },
)
