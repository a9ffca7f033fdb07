"""Every text the provenance room shows a person, in each language: one catalogue.

Keys are grouped by the module that speaks: ``verdict.<verdict>.title`` and
``verdict.<verdict>.explanation`` (artcharter.provenance.verdicts), then the errors of each
module. A French text puts a no-break space before ``: ; ! ?``.
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue

MESSAGES = Catalogue(
    "provenance",
    {
        "verdict.trusted.title": {
            "fr": "De confiance",
            "en": "Trusted",
        },
        "verdict.trusted.explanation": {
            "fr": (
                "Le fichier porte des Content Credentials signés par un certificat délivré par "
                "une autorité de confiance, et rien n'y a changé depuis la signature. Ce qu'ils "
                "disent de l'usage de l'IA a été déclaré par le signataire, qui en répond."
            ),
            "en": (
                "The file carries Content Credentials signed by a certificate issued by an "
                "authority you trust, and nothing in it has changed since it was signed. What the"
                " credentials say about the use of AI was declared by the signer, who can be held"
                " to it."
            ),
        },
        "verdict.trusted-c2pa-list.title": {
            "fr": "De confiance\u00a0: liste de confiance C2PA",
            "en": "Trusted: C2PA trust list",
        },
        "verdict.trusted-c2pa-list.explanation": {
            "fr": (
                "La signature est intacte, le fichier n'a pas changé depuis la signature, et le "
                "certificat vient d'un produit inscrit sur la liste de confiance publique de la "
                "C2PA (un appareil photo, un logiciel ou un service conforme). C'est ce produit "
                "qui répond de ces informations, pas votre école\u00a0: pour le travail d'un "
                "étudiant, seule une signature de confiance pour l'école compte."
            ),
            "en": (
                "The signature is intact, the file has not changed since it was signed, and the "
                "certificate comes from a product on the C2PA's public trust list (a conforming "
                "camera, application or service). That product vouches for what the credentials"
                " say, not your school: for a student's own work, only a signature your school "
                "trusts counts."
            ),
        },
        "verdict.valid-untrusted.title": {
            "fr": "Valide, signataire inconnu",
            "en": "Valid, signer unknown",
        },
        "verdict.valid-untrusted.explanation": {
            "fr": (
                "La signature est intacte et le fichier n'a pas changé depuis la signature, mais "
                "le certificat ne vient pas d'une autorité de confiance (une autre école, ou un "
                "certificat personnel). Le contenu est bien celui qui a été signé\u00a0; l'identité du"
                " signataire n'est garantie par personne. Ajoutez son certificat racine avec "
                "--trust si vous le connaissez."
            ),
            "en": (
                "The signature is intact and the file has not changed since it was signed, but "
                "the certificate does not come from an authority you trust (for example another "
                "school, or a personal certificate). The content is as signed; who signed it is "
                "not vouched for. Add the signer's root certificate with --trust if you know it."
            ),
        },
        "verdict.tampered.title": {
            "fr": "Modifié après signature",
            "en": "Tampered",
        },
        "verdict.tampered.explanation": {
            "fr": (
                "Le fichier a été modifié après sa signature\u00a0: ses pixels ou les informations de "
                "ses Content Credentials ne correspondent plus à ce qui a été signé. Il a pu être"
                " retouché, recadré ou réencodé. Ne vous fiez pas à ses informations\u00a0; demandez à"
                " l'auteur le fichier signé d'origine."
            ),
            "en": (
                "The file was changed after it was signed: its pixels or the information in its "
                "credentials no longer match what was signed. It may have been edited, cropped or"
                " re-encoded. Do not rely on what its credentials say; ask the author for the "
                "original signed file."
            ),
        },
        "verdict.invalid.title": {
            "fr": "Signature ou certificat invalide",
            "en": "Invalid signature or credential",
        },
        "verdict.invalid.explanation": {
            "fr": (
                "Le fichier a des Content Credentials, mais leur signature ne peut pas être "
                "acceptée\u00a0: elle ne correspond pas, ou le certificat est expiré, révoqué, pas "
                "encore valide ou non autorisé à signer. Rien de ce qu'ils disent n'est fiable."
            ),
            "en": (
                "The file has Content Credentials, but their signature cannot be accepted: the "
                "signature does not match, or the certificate is expired, revoked, not yet valid "
                "or not allowed to sign. Nothing the credentials say can be relied on."
            ),
        },
        "verdict.no-credential.title": {
            "fr": "Sans Content Credentials",
            "en": "No Content Credentials",
        },
        "verdict.no-credential.explanation": {
            "fr": (
                "Le fichier ne porte pas de Content Credentials. Cela ne dit rien de la façon "
                "dont il a été fait\u00a0: les réseaux sociaux, les captures d'écran et les exports "
                "les suppriment souvent. Demandez le fichier signé à l'auteur."
            ),
            "en": (
                "The file carries no Content Credentials. This says nothing either way about how "
                "it was made: credentials are often stripped by social networks, screenshots or "
                "exports. Ask the author for the signed file."
            ),
        },
        "verdict.unreadable.title": {
            "fr": "Illisible ou non pris en charge",
            "en": "Unreadable or unsupported",
        },
        "verdict.unreadable.explanation": {
            "fr": (
                "Le fichier n'a pas pu être lu\u00a0: il est endommagé, tronqué, ou ce n'est ni une"
                " image PNG, JPEG ou WebP, ni une vidéo MP4 ou MOV, ni un son WAV, MP3, FLAC ou M4A,"
                " ni un document PDF ou EPUB."
            ),
            "en": (
                "The file could not be read: it is damaged, truncated, or not a PNG, JPEG or WebP "
                "image, an MP4 or MOV video, a WAV, MP3, FLAC or M4A sound, or a PDF or EPUB "
                "document."
            ),
        },
        "verdict.remote-not-fetched.title": {
            "fr": "Content Credentials distants non récupérés",
            "en": "Remote credentials not fetched",
        },
        "verdict.remote-not-fetched.explanation": {
            "fr": (
                "Les Content Credentials de ce fichier sont stockés sur un serveur, pas dans le "
                "fichier. Ils n'ont pas été récupérés\u00a0: la vérification se fait hors ligne sauf "
                "avec --allow-remote (ou le serveur n'a pas pu être joint)."
            ),
            "en": (
                "The file's Content Credentials are stored on a server, not in the file. They "
                "were not fetched, since verification works offline unless you pass "
                "--allow-remote (or the server could not be reached)."
            ),
        },
        # --- errors --------------------------------------------------------------------------
        "classify.changed": {
            "fr": "{name}\u00a0: le fichier a changé depuis son enregistrement",
            "en": "{name}: the file changed after it was recorded",
        },
        "classify.cannot_read": {
            "fr": "{name}\u00a0: lecture impossible ({reason})",
            "en": "{name}: cannot be read ({reason})",
        },
        "classify.unreadable_image": {
            "fr": "{name}\u00a0: image illisible ({error})",
            "en": "{name}: not a readable image ({error})",
        },
        "images.other_weights": {
            "fr": (
                "la campagne {campaign_id} a été faite avec {model_id} (poids {value}…), "
                "pas avec ces poids\u00a0: commencez une nouvelle campagne"
            ),
            "en": (
                "campaign {campaign_id} was made with {model_id} (weights {value}…), not "
                "these weights: start a new campaign"
            ),
        },
        "images.no_such_folder": {
            "fr": "{images_dir}\u00a0: dossier d'images introuvable",
            "en": "{images_dir}: no such folder of images",
        },
        "images.no_images": {
            "fr": (
                "{images_dir}\u00a0: aucune image PNG, JPEG ou WebP dans ce dossier ni dans "
                "ses sous-dossiers (un sous-dossier par prompt)"
            ),
            "en": (
                "{images_dir}: no PNG, JPEG or WebP images in it or in its sub-folders "
                "(one sub-folder per prompt)"
            ),
        },
        "images.cannot_read": {
            "fr": "{path}\u00a0: lecture impossible ({reason})",
            "en": "{path}: cannot be read ({reason})",
        },
        "results.unclassified": {
            "fr": "il reste {pending} images à classer dans la campagne {campaign_id}",
            "en": "campaign {campaign_id} still has {pending} images to classify",
        },
        "results.unfinished": {
            "fr": (
                "la campagne {campaign_id} est {status}\u00a0: reprenez-la avec `artcharter "
                "probe campaign --resume {campaign_id}`"
            ),
            "en": (
                "campaign {campaign_id} is {status}: resume it with `artcharter probe "
                "campaign --resume {campaign_id}`"
            ),
        },
        "run.no_model": {
            "fr": "une campagne qui génère des images demande un modèle",
            "en": "a campaign that generates images needs a model",
        },
        "start.images_need_model": {
            "fr": "avec {param_images}, nommez l'outil qui les a produites\u00a0: "
            "{param} 'Midjourney v6'",
            "en": "with {param_images}, name the tool that made them: {param} 'Midjourney v6'",
        },
        "run.name_the_tool": {
            "fr": "nommez l'outil qui a fait les images avec {param} (par exemple «\u00a0Midjourney v6\u00a0»)",
            "en": "name the tool that made the images with {param} (e.g. 'Midjourney v6')",
        },
        "run.other_settings": {
            "fr": (
                "la campagne {campaign_id} a été faite avec un autre modèle, un autre jeu"
                " de prompts, d'autres graines ou une autre sonde\u00a0: reprenez-la avec les "
                "mêmes réglages, ou commencez une nouvelle campagne"
            ),
            "en": (
                "campaign {campaign_id} was made with another model, prompt set, seeds or"
                " probe: resume it with the same settings, or start a new campaign"
            ),
        },
        "settings.per_prompt_range": {
            "fr": "{param} doit être entre 1 et 100000, pas {per_prompt}",
            "en": "{param} must be between 1 and 100000, not {per_prompt}",
        },
        "settings.seed_base": {
            "fr": "{param} doit être un entier >= 0",
            "en": "{param} must be a whole number >= 0",
        },
        "settings.no_prompt": {
            "fr": "le jeu de prompts n'a aucun prompt",
            "en": "the prompt set has no prompt",
        },
        "settings.batch_size": {
            "fr": "{param} doit être au moins 1",
            "en": "{param} must be at least 1",
        },
        "curation.ambiguous": {
            "fr": (
                "{key!r} est le début de plusieurs identifiants ou empreintes d'œuvres\u00a0: "
                "donnez plus de caractères"
            ),
            "en": "{key!r} starts more than one artwork id or hash: give more characters",
        },
        "curation.unknown_status": {
            "fr": "statut inconnu {status!r}\u00a0: choisissez parmi {choices}",
            "en": "unknown status {status!r}: choose one of {choices}",
        },
        "curation.nothing_named": {
            "fr": "nommez au moins une image (chemin, identifiant d'œuvre ou empreinte)",
            "en": "name at least one image (path, artwork id or hash)",
        },
        "curation.unknown_artworks": {
            "fr": (
                "aucune œuvre dans le registre {path} pour\u00a0: {choices} (donnez un fichier"
                " image, un identifiant d'œuvre ou ses premiers caractères, ou une "
                "empreinte de fichier)"
            ),
            "en": (
                "no artwork in the ledger {path} for: {choices} (give an image file, an "
                "artwork id or its first characters, or a file hash)"
            ),
        },
        "demo_model.no_vocabulary": {
            "fr": (
                "le modèle de démonstration a besoin du vocabulaire BPE d'open_clip\u00a0: "
                "lancez `pip install open_clip_torch`"
            ),
            "en": (
                "the demo model needs open_clip's BPE vocabulary: run `pip install open_clip_torch`"
            ),
        },
        "demo_model.cannot_build": {
            "fr": "impossible de construire le modèle de démonstration dans {parent}\u00a0: {error}",
            "en": "cannot build the demo model in {parent}: {error}",
        },
        "generate.not_cached": {
            "fr": (
                "le modèle {repo_id} n'est pas dans le cache Hugging Face local {where}\u00a0:"
                " sur une machine connectée, lancez `hf download {repo_id}` et copiez son"
                " cache (~/.cache/huggingface/hub) ici, ou passez {param} avec un dossier"
                " diffusers local (ou {param} demo pour essayer)"
            ),
            "en": (
                "model {repo_id} is not in the local Hugging Face cache {where}: on a "
                "connected machine run `hf download {repo_id}` and copy its cache "
                "(~/.cache/huggingface/hub) here, or pass {param} with a local diffusers "
                "folder (or {param} demo to try)"
            ),
        },
        "generate.unknown_dtype": {
            "fr": "type de données inconnu {dtype!r}\u00a0: choisissez fp16, bf16 ou fp32",
            "en": "unknown dtype {dtype!r}: choose fp16, bf16 or fp32",
        },
        "generate.fp16_on_cpu": {
            "fr": "fp16 n'est pas pris en charge sur le processeur\u00a0: utilisez {param} fp32 ou bf16",
            "en": "fp16 is not supported on the CPU: use {param} fp32 or bf16",
        },
        "generate.empty_model": {
            "fr": "{param} est vide\u00a0: donnez `demo`, un identifiant Hugging Face ou un dossier local",
            "en": "{param} is empty: give `demo`, a Hugging Face id or a local folder",
        },
        "generate.single_file": {
            "fr": (
                "{name}\u00a0: les points de contrôle en un seul fichier ne sont pas pris en "
                "charge\u00a0: donnez un dossier diffusers (avec model_index.json) ou un "
                "identifiant Hugging Face"
            ),
            "en": (
                "{name}: single-file checkpoints are not supported: give a diffusers "
                "folder (with model_index.json) or a Hugging Face id"
            ),
        },
        "generate.no_model_folder": {
            "fr": "dossier de modèle introuvable\u00a0: {name}",
            "en": "model folder not found: {name}",
        },
        "generate.not_a_pipeline_folder": {
            "fr": "{folder} n'est pas un dossier de pipeline diffusers (pas de model_index.json)",
            "en": "{folder} is not a diffusers pipeline folder (no model_index.json)",
        },
        "generate.gated": {
            "fr": (
                "{repo_id} est en accès restreint\u00a0: acceptez sa licence sur "
                "huggingface.co, puis lancez `hf auth login`"
            ),
            "en": (
                "{repo_id} is gated: accept its licence on huggingface.co, then run `hf auth login`"
            ),
        },
        "generate.not_on_hub": {
            "fr": "{repo_id}{value} est introuvable sur le Hub Hugging Face",
            "en": "{repo_id}{value} was not found on the Hugging Face Hub",
        },
        "generate.not_text_to_image": {
            "fr": "{model_id} ({kind}) n'est pas un pipeline texte-vers-image",
            "en": "{model_id} ({kind}) is not a text-to-image pipeline",
        },
        "generate.prompt_empty": {
            "fr": "le prompt est vide",
            "en": "the prompt is empty",
        },
        "generate.count_range": {
            "fr": "{param} et {param_batch_size} doivent être au moins 1",
            "en": "{param} and {param_batch_size} must be at least 1",
        },
        "generate.seed_range": {
            "fr": "la graine doit être entre 0 et {value} pour {n} image(s)",
            "en": "seed must be between 0 and {value} for {n} image(s)",
        },
        "generate.no_scheduler_class": {
            "fr": "diffusers {value} n'a pas de planificateur {class_name}",
            "en": "diffusers {value} has no scheduler {class_name}",
        },
        "generate.image_count": {
            "fr": "{id} a rendu {count} image(s) au lieu de {expected}",
            "en": "{id} returned {count} image(s) instead of {expected}",
        },
        "generate.steps_range": {
            "fr": "le nombre d'étapes doit être entre 1 et {max_steps}, pas {steps}",
            "en": "steps must be between 1 and {max_steps}, not {steps}",
        },
        "generate.guidance_range": {
            "fr": "le guidage doit être entre 0 et 50, pas {guidance:g}",
            "en": "guidance must be between 0 and 50, not {guidance:g}",
        },
        "generate.side_range": {
            "fr": (
                "taille {width}x{height}\u00a0: chaque côté doit être un multiple de {step} "
                "entre {min_side} et {max_side}"
            ),
            "en": (
                "size {width}x{height}: each side must be a multiple of {step} between "
                "{min_side} and {max_side}"
            ),
        },
        "generate.bad_model_name": {
            "fr": (
                "{repo_id!r} n'est ni `demo`, ni un dossier local, ni un identifiant "
                "Hugging Face comme {example}"
            ),
            "en": (
                "{repo_id!r} is neither `demo`, a local folder, nor a Hugging Face id "
                "like {example}"
            ),
        },
        "generate.scheduler_unfit": {
            "fr": "le planificateur {name!r} ne peut pas servir avec ce modèle\u00a0: {value}",
            "en": "scheduler {name!r} cannot be used with this model: {value}",
        },
        "generate.no_negative_prompt": {
            "fr": "{id} ne prend pas de prompt négatif",
            "en": "{id} takes no negative prompt",
        },
        "generate.bad_size": {
            "fr": "la taille doit s'écrire 512x512 ou 512, pas {size!r}",
            "en": "size must look like 512x512 or 512, not {size!r}",
        },
        "generate.cannot_place": {
            "fr": "impossible de placer {model_id} sur {device}\u00a0: {value}",
            "en": "cannot place {model_id} on {device}: {value}",
        },
        "generate.cannot_load": {
            "fr": "impossible de charger {model_id} depuis {folder}\u00a0: {value}",
            "en": "cannot load {model_id} from {folder}: {value}",
        },
        "generate.out_of_memory": {
            "fr": (
                "mémoire insuffisante pour {count} image(s) de {width}x{height} sur "
                "{device}\u00a0: réduisez {param} ou {param_batch_size}"
            ),
            "en": (
                "out of memory for {count} image(s) of {width}x{height} on {device}: "
                "lower {param} or {param_batch_size}"
            ),
        },
        "image_files.unknown_format": {
            "fr": "ce n'est pas une image PNG, JPEG ou WebP",
            "en": "not a PNG, JPEG or WebP image",
        },
        "image_files.not_an_image": {
            "fr": "{name}\u00a0: ce n'est pas une image PNG, JPEG ou WebP",
            "en": "{name}: not a PNG, JPEG or WebP image",
        },
        "image_files.xmp_too_large": {
            "fr": (
                "les métadonnées XMP sont trop grandes pour un segment JPEG "
                "(raccourcissez le prompt)"
            ),
            "en": "XMP metadata is too large for a JPEG segment (shorten the prompt)",
        },
        "image_files.bomb": {
            "fr": (
                "{name}\u00a0: l'image dépasse la limite de {max_pixels:,} pixels (bombe de "
                "décompression possible)"
            ),
            "en": (
                "{name}: image is over the {max_pixels:,}-pixel limit (possible decompression bomb)"
            ),
        },
        "image_files.damaged": {
            "fr": "{name}\u00a0: image {fmt} endommagée ou tronquée ({error})",
            "en": "{name}: damaged or truncated {fmt} image ({error})",
        },
        "image_files.no_such_file": {
            "fr": "{path}\u00a0: fichier introuvable",
            "en": "{path}: no such file",
        },
        "image_files.not_regular": {
            "fr": (
                "{path}\u00a0: ce n'est pas un fichier ordinaire (périphérique, tube ou socket),"
                " il n'est pas lu"
            ),
            "en": "{path}: not a regular file (a device, FIFO or socket), not read",
        },
        "image_files.is_folder": {
            "fr": "{path}\u00a0: c'est un dossier, pas une image",
            "en": "{path}: is a folder, not an image",
        },
        "image_files.not_utf8": {
            "fr": (
                "le champ {field} n'est pas du texte UTF-8 valide (vérifiez l'encodage du"
                " terminal ou du fichier d'où il vient)"
            ),
            "en": (
                "the {field} is not valid UTF-8 text (check the encoding of the terminal "
                "or of the file it came from)"
            ),
        },
        "image_files.truncated_chunk": {
            "fr": "image PNG endommagée ou tronquée (un bloc est coupé)",
            "en": "damaged or truncated PNG image (a chunk is cut short)",
        },
        "image_files.empty_folder": {
            "fr": (
                "{path}\u00a0: aucune image PNG, JPEG ou WebP, vidéo MP4 ou MOV, son WAV, "
                "MP3, FLAC ou M4A ni document PDF ou EPUB dans ce dossier"
            ),
            "en": (
                "{path}: no PNG, JPEG or WebP image, MP4 or MOV video, WAV, MP3, FLAC or M4A "
                "sound, or PDF or EPUB document in this folder"
            ),
        },
        "image_files.no_such_path": {
            "fr": "{path}\u00a0: fichier ou dossier introuvable",
            "en": "{path}: no such file or folder",
        },
        "image_files.over_pixel_limit": {
            "fr": (
                "{name}\u00a0: {width}x{height} pixels dépasse la limite de {max_pixels:,} "
                "pixels (bombe de décompression possible)"
            ),
            "en": (
                "{name}: {width}x{height} pixels is over the {max_pixels:,}-pixel limit "
                "(possible decompression bomb)"
            ),
        },
        "label.unknown_model_kind": {
            "fr": "type de modèle inconnu {model_kind!r}\u00a0: choisissez parmi {choices}",
            "en": "unknown model kind {model_kind!r}: choose one of {choices}",
        },
        "generate.show_steps_range": {
            "fr": "{param}\u00a0: un nombre d'étapes entre 0 et {maximum}",
            "en": "{param}: a number of steps from 0 to {maximum}",
        },
        "conditioning.bad_control": {
            "fr": (
                "--control {value!r}\u00a0: écrivez TYPE:IMAGE, TYPE parmi {choices} "
                "(par exemple scribble:croquis.png)"
            ),
            "en": (
                "--control {value!r}: write KIND:IMAGE, KIND one of {choices} "
                "(for example scribble:sketch.png)"
            ),
        },
        "adapters.scale_range": {
            "fr": "{path}\u00a0: échelle {scale} hors limites (un nombre au-dessus de 0, au plus {top})",
            "en": "{path}: scale {scale} is out of range (a number above 0, at most {top})",
        },
        "adapters.token_unused": {
            "fr": (
                "{path}\u00a0: le mot {token} de cet embedding n'est ni dans le prompt ni dans "
                "le prompt négatif (écrivez-le, ou nommez-en un autre avec FICHIER:MOT)"
            ),
            "en": (
                "{path}: this embedding's word {token} is in neither the prompt nor the negative"
                " prompt (write it there, or name another with FILE:WORD)"
            ),
        },
        "adapters.not_safetensors": {
            "fr": "{path}\u00a0: pas un fichier safetensors (LoRA et embeddings doivent l'être)",
            "en": "{path}: not a safetensors file (LoRA and embeddings must be)",
        },
        "adapters.bad_toml": {
            "fr": "{path}\u00a0: déclaration de l'adaptateur illisible ({error})",
            "en": "{path}: the adapter's declaration cannot be read ({error})",
        },
        "adapters.unsupported": {
            "fr": "ce modèle ({model}) ne prend pas d'adaptateur {kind} dans diffusers",
            "en": "this model ({model}) takes no {kind} adapter in diffusers",
        },
        "adapters.unfit": {
            "fr": "{path}\u00a0: cet adaptateur ne va pas avec ce modèle ({error})",
            "en": "{path}: this adapter does not fit this model ({error})",
        },
        "adapters.no_cluster": {
            "fr": "LoRA et embeddings ne vont pas encore avec {param} (rendu sur un cluster)",
            "en": "LoRA and embeddings do not work with {param} (rendering on a cluster) yet",
        },
        "series.unknown": {
            "fr": "aucune série {key!r} dans ce registre",
            "en": "no series {key!r} in this ledger",
        },
        "series.ambiguous": {
            "fr": "{key!r} désigne plusieurs séries ({ids})\u00a0: donnez plus de caractères",
            "en": "{key!r} names several series ({ids}): give more characters",
        },
        "series.differs": {
            "fr": (
                "la série {id} a été commencée avec une autre demande ({fields})\u00a0: "
                "reprenez-la telle quelle (--resume {id}) ou choisissez une autre session"
            ),
            "en": (
                "series {id} was started with another request ({fields}): resume it as it "
                "was (--resume {id}) or choose another session"
            ),
        },
        "conditioning.strength_range": {
            "fr": "{param} {value} hors limites\u00a0: un nombre entre 0 (exclu) et 1",
            "en": "{param} {value} is out of range: a number above 0 and at most 1",
        },
        "conditioning.needs_init": {
            "fr": "{param} demande une image de départ ({param_init})",
            "en": "{param} needs a starting image ({param_init})",
        },
        "conditioning.control_alone": {
            "fr": "{param} et {param_init} ne vont pas ensemble\u00a0: choisissez l'un ou l'autre",
            "en": "{param} and {param_init} do not go together: choose one",
        },
        "conditioning.no_controlnet": {
            "fr": (
                "{folder}\u00a0: pas de modèle ControlNet ici (un dossier enregistré par "
                "diffusers, avec config.json)"
            ),
            "en": (
                "{folder}: no ControlNet model here (a folder saved by diffusers, with config.json)"
            ),
        },
        "conditioning.controlnet_unreadable": {
            "fr": "{folder}\u00a0: le modèle ControlNet ne se charge pas ({error})",
            "en": "{folder}: the ControlNet model does not load ({error})",
        },
        "conditioning.no_pipeline": {
            "fr": "ce modèle n'a pas de pipeline {mode} dans diffusers ({error})",
            "en": "this model has no {mode} pipeline in diffusers ({error})",
        },
        "media.damaged": {
            "fr": "{name}\u00a0: fichier {fmt} endommagé ou illisible ({error})",
            "en": "{name}: damaged or unreadable {fmt} file ({error})",
        },
        "keys.unknown_algorithm": {
            "fr": "algorithme de clé inconnu {alg!r}\u00a0: choisissez parmi {choices}",
            "en": "unknown key algorithm {alg!r}: choose one of {choices}",
        },
        "keys.no_private_key": {
            "fr": "clé privée introuvable\u00a0: {path}",
            "en": "private key not found: {path}",
        },
        "keys.key_readable_by_others": {
            "fr": (
                "la clé privée {path} est lisible par d'autres utilisateurs (mode "
                "{mode:o})\u00a0; lancez\u00a0: chmod 600 {path}"
            ),
            "en": (
                "private key {path} is readable by other users (mode {mode:o}); run: "
                "chmod 600 {path}"
            ),
        },
        "keys.unsupported_key": {
            "fr": "la clé privée {path} n'est ni EC P-256 ni Ed25519",
            "en": "private key {path} is not EC P-256 or Ed25519",
        },
        "keys.no_certificate_file": {
            "fr": "certificat introuvable\u00a0: {path}",
            "en": "certificate not found: {path}",
        },
        "keys.empty_school": {
            "fr": "le nom de l'école ne doit pas être vide",
            "en": "the school name must not be empty",
        },
        "keys.root_exists": {
            "fr": "{cert_path} existe déjà\u00a0: utilisez {param} pour remplacer la racine de l'école",
            "en": "{cert_path} already exists: use {param} to replace the school root",
        },
        "keys.empty_artist": {
            "fr": "le nom de l'artiste ne doit pas être vide",
            "en": "the artist name must not be empty",
        },
        "keys.artist_exists": {
            "fr": "{chain_path} existe déjà\u00a0: utilisez {param} pour en délivrer un nouveau",
            "en": "{chain_path} already exists: use {param} to issue a new one",
        },
        "keys.passphrases_differ": {
            "fr": "les deux phrases secrètes tapées diffèrent\u00a0: aucune clé n'a été créée",
            "en": "the two passphrases typed differ: no key was made",
        },
        "keys.name_taken": {
            "fr": (
                "{chain_path} est le certificat de {holder!r}, pas de {artist!r} : deux"
                " personnes ne partagent jamais un fichier de clé (même avec {param})"
            ),
            "en": (
                "{chain_path} is the certificate of {holder!r}, not {artist!r}: two people never"
                " share a key file (not even with {param})"
            ),
        },
        "keys.no_artist_certificate": {
            "fr": "aucun certificat pour {who!r} dans {value}",
            "en": "no certificate for {who!r} in {value}",
        },
        "keys.unreadable_key": {
            "fr": "la clé privée {path} n'a pas pu être lue\u00a0: {error}",
            "en": "private key {path} could not be read: {error}",
        },
        "keys.wrong_passphrase": {
            "fr": (
                "la clé privée {path} n'a pas pu être lue\u00a0: phrase de passe erronée, ou "
                "ce n'est pas une clé"
            ),
            "en": "private key {path} could not be read: wrong passphrase or not a key",
        },
        "keys.not_pem": {
            "fr": "{path} n'est pas un fichier de certificat PEM",
            "en": "{path} is not a PEM certificate file",
        },
        "keys.needs_passphrase": {
            "fr": "la clé privée {path} est protégée par une phrase de passe\u00a0: donnez-la avec {hint}",
            "en": "private key {path} is protected by a passphrase: give it with {hint}",
        },
        "label.unknown_source_type": {
            "fr": "type de source inconnu {source_type!r}\u00a0: choisissez parmi {choices}",
            "en": "unknown source type {source_type!r}: choose one of {choices}",
        },
        "label.constraint_without_constrained": {
            "fr": "{param} ne va qu'avec {param_choice} constrained",
            "en": "{param} goes only with {param_choice} constrained",
        },
        "label.unknown_training_mining": {
            "fr": (
                "choix d'entraînement et de fouille inconnu {training_mining!r}\u00a0: "
                "choisissez parmi {choices}"
            ),
            "en": "unknown training/mining choice {training_mining!r}: choose one of {choices}",
        },
        "label.same_file": {
            "fr": "la sortie doit être un nouveau fichier\u00a0: l'image source n'est jamais modifiée",
            "en": "the output must be a new file: the source image is never modified",
        },
        "declaration.adapter_unknown": {
            "fr": (
                "la déclaration parle de l'adaptateur {file} (sha256 {sha256}…), que "
                "l'œuvre n'a pas utilisé : retirez-le ou corrigez son sha256"
            ),
            "en": (
                "the declaration speaks of the adapter {file} (sha256 {sha256}…), which "
                "the work did not use: remove it or correct its sha256"
            ),
        },
        "label.not_a_folder": {
            "fr": "{path} n'est pas un dossier",
            "en": "{path} is not a folder",
        },
        "label.output_not_folder": {
            "fr": "{path} existe et n'est pas un dossier : la sortie d'un dossier est un dossier",
            "en": "{path} exists and is not a folder: a folder is labelled into a folder",
        },
        "label.same_folder": {
            "fr": "le dossier de sortie doit être un autre dossier : les fichiers source ne sont jamais modifiés",
            "en": "the output folder must be another folder: the source files are never modified",
        },
        "label.folder_changed": {
            "fr": (
                "{folder} avait {was} fichiers quand sa série a commencé, il en a maintenant "
                "{now} : étiquetez les nouveaux fichiers dans un autre dossier de sortie"
            ),
            "en": (
                "{folder} had {was} files when its series began and now has {now}: label "
                "the new files into another output folder"
            ),
        },
        "label.exists": {
            "fr": "{output} existe déjà\u00a0: choisissez un autre nom ou passez {param}",
            "en": "{output} already exists: choose another name or pass {param}",
        },
        "label.private_without_prompt": {
            "fr": "{param} demande un {param_prompt} à garder privé",
            "en": "{param} needs a {param_prompt} to keep private",
        },
        "label.wrong_extension": {
            "fr": (
                "{name}\u00a0: la copie garde le format de la source ({value})\u00a0: utilisez une "
                "extension parmi {choices}"
            ),
            "en": (
                "{name}: the copy keeps the source format ({value}): use an extension "
                "among {choices}"
            ),
        },
        "declaration.sign_no_credential": {
            "fr": (
                "{image} ne porte pas d'attestation artcharter à compléter : signez-la avec "
                "sa déclaration par `artcharter label {image} -o SORTIE --source-type TYPE "
                "--declaration DÉCLARATION`"
            ),
            "en": (
                "{image} carries no artcharter Content Credentials to add a declaration to: "
                "sign it with its declaration with `artcharter label {image} -o OUT "
                "--source-type TYPE --declaration DECLARATION`"
            ),
        },
        "declaration.sign_not_valid": {
            "fr": (
                "{image} ne passe pas la vérification ({verdict}) : aucune déclaration ne "
                "peut s'y ajouter (`artcharter verify {image}` dit pourquoi)"
            ),
            "en": (
                "{image} does not verify ({verdict}): no declaration can be added to it "
                "(`artcharter verify {image}` says why)"
            ),
        },
        "declaration.sign_other_artist": {
            "fr": (
                "{image} est signée par {signer}, pas par {artist} : seule l'autrice ou "
                "l'auteur de l'œuvre signe sa déclaration (choisissez l'identité avec {param})"
            ),
            "en": (
                "{image} is signed by {signer}, not by {artist}: only the artwork's author "
                "signs its declaration (choose the identity with {param})"
            ),
        },
        "label.unknown_role": {
            "fr": "rôle d'ingrédient inconnu {role!r}\u00a0: choisissez parmi {choices}",
            "en": "unknown ingredient role {role!r}: choose one of {choices}",
        },
        "label.not_utf8": {
            "fr": (
                "le champ {name} n'est pas du texte UTF-8 valide (vérifiez l'encodage du "
                "terminal ou du fichier d'où il vient)"
            ),
            "en": (
                "the {name} is not valid UTF-8 text (check the encoding of the terminal "
                "or of the file it came from)"
            ),
        },
        "ledger.missing": {
            "fr": "aucun registre à {path}\u00a0: lancez d'abord `artcharter init`",
            "en": "no ledger at {path}: run `artcharter init` first",
        },
        "ledger.unusable": {
            "fr": "{path}\u00a0: registre inutilisable ({error})",
            "en": "{path}: not a usable ledger ({error})",
        },
        "ledger.unknown_schema": {
            "fr": (
                "{path}\u00a0: un registre d'un schéma inconnu de cette version (schéma {version})"
                "\u00a0; mettez artcharter à jour de part et d'autre"
            ),
            "en": (
                "{path}: a ledger of a schema this version does not know (schema {version}); "
                "update artcharter on both sides"
            ),
        },
        "ledger.cannot_open": {
            "fr": "impossible d'ouvrir le registre {path}\u00a0: {reason}",
            "en": "cannot open the ledger {path}: {reason}",
        },
        "ledger.not_a_ledger": {
            "fr": (
                "{path}\u00a0: ce n'est pas un registre artcharter (une base de données faite "
                "par un autre programme)\u00a0; choisissez un autre fichier avec {param}"
            ),
            "en": (
                "{path}: not an artcharter ledger (a database made by another program); "
                "choose another file with {param}"
            ),
        },
        "project.unknown_language": {
            "fr": "langue inconnue {lang!r}\u00a0: choisissez fr ou en",
            "en": "unknown language {lang!r}: choose fr or en",
        },
        "project.bad_country": {
            "fr": "le pays doit être un code ISO 3166 alpha-3 comme FRA, pas {country!r}",
            "en": "country must be an ISO 3166 alpha-3 code such as FRA, not {country!r}",
        },
        "project.exists": {
            "fr": "{config_path} existe déjà",
            "en": "{config_path} already exists",
        },
        "project.no_folder": {
            "fr": "dossier de projet introuvable\u00a0: {project}",
            "en": "project folder not found: {project}",
        },
        "project.not_a_table": {
            "fr": "{path}\u00a0: {section} doit être une table [{section}]",
            "en": "{path}: {section} must be a [{section}] table",
        },
        "project.not_text": {
            "fr": (
                "{path}\u00a0: [{section}] {key} doit être un texte entre guillemets, comme "
                '{key} = "..."'
            ),
            "en": '{path}: [{section}] {key} must be text in quotes, like {key} = "..."',
        },
        "project.unreadable": {
            "fr": "{config_path}\u00a0: {error}",
            "en": "{config_path}: {error}",
        },
        "project.too_deep": {
            "fr": "{config_path}\u00a0: imbrication trop profonde pour un fichier de projet",
            "en": "{config_path}: nested too deeply to be a project file",
        },
        "schedulers.unknown": {
            "fr": (
                "planificateur inconnu {name!r}\u00a0: choisissez parmi {choices} ou un nom de"
                " classe diffusers comme EulerDiscreteScheduler"
            ),
            "en": (
                "unknown scheduler {name!r}: choose one of {choices} or a diffusers class"
                " name such as EulerDiscreteScheduler"
            ),
        },
        "signing.key_mismatch": {
            "fr": "{key_path} n'est pas la clé du certificat de {chain_path}",
            "en": "{key_path} is not the key of the certificate in {chain_path}",
        },
        "signing.ca_certificate": {
            "fr": (
                "{chain_path}\u00a0: un certificat d'autorité ne peut pas signer d'œuvres\u00a0; "
                "délivrez un certificat d'artiste avec `artcharter keys issue --artist "
                "NOM`"
            ),
            "en": (
                "{chain_path}: a CA certificate cannot sign artworks; issue an artist "
                "certificate with `artcharter keys issue --artist NAME`"
            ),
        },
        "signing.expired": {
            "fr": (
                "{chain_path}\u00a0: le certificat a expiré le {expiry:%Y-%m-%d}\u00a0; délivrez-en"
                " un nouveau avec `artcharter keys issue --artist NOM --force`"
            ),
            "en": (
                "{chain_path}: the certificate expired on {expiry:%Y-%m-%d}; issue a new "
                "one with `artcharter keys issue --artist NAME --force`"
            ),
        },
        "signing.not_yet_valid": {
            "fr": (
                "{chain_path}\u00a0: le certificat n'est pas valide avant le {start:%Y-%m-%d "
                "%H:%M} UTC (vérifiez l'horloge de cet ordinateur)"
            ),
            "en": (
                "{chain_path}: the certificate is not valid before {start:%Y-%m-%d %H:%M}"
                " UTC (check this computer's clock)"
            ),
        },
        "signing.no_identity": {
            "fr": (
                "aucune identité d'artiste\u00a0: passez {param} NOM ou mettez [artist] name "
                "dans artcharter.toml (délivrez-en une avec `artcharter keys issue "
                "--artist NOM`)"
            ),
            "en": (
                "no artist identity: pass {param} NAME or set [artist] name in "
                "artcharter.toml (issue one with `artcharter keys issue --artist NAME`)"
            ),
        },
        "signing.artist_mismatch": {
            "fr": (
                "{artist!r} ne correspond pas au certificat choisi, délivré à {holder!r} :"
                " un fichier ne peut être signé que sous le nom de son certificat"
            ),
            "en": (
                "{artist!r} does not match the certificate it selects, issued to {holder!r}:"
                " a file can only be signed under its certificate's name"
            ),
        },
        "signing.no_certificate": {
            "fr": (
                "aucun certificat pour {artist!r} dans {parent}\u00a0: lancez `artcharter keys"
                " issue --artist {artist!r}`"
            ),
            "en": (
                "no certificate for {artist!r} in {parent}: run `artcharter keys issue "
                "--artist {artist!r}`"
            ),
        },
        "signing.failed": {
            "fr": "échec de la signature\u00a0: {error}",
            "en": "signing failed: {error}",
        },
        "verify.not_an_image": {
            "fr": (
                "ce n'est pas une image PNG, JPEG ou WebP, une vidéo MP4 ou MOV, un son WAV, "
                "MP3, FLAC ou M4A ni un document PDF ou EPUB"
            ),
            "en": (
                "not a PNG, JPEG or WebP image, an MP4 or MOV video, a WAV, MP3, FLAC or M4A "
                "sound, or a PDF or EPUB document"
            ),
        },
        "verify.malformed_manifest": {
            "fr": "le manifeste actif n'a pas pu être lu (assertion mal formée)",
            "en": "the active manifest could not be read (malformed assertion)",
        },
        "verify.prerelease": {
            "fr": (
                "ce fichier a été fait avec une version préliminaire de C2PA, que ce"
                " vérificateur ne lit pas ({error})"
            ),
            "en": (
                "this file was made with a pre-release version of C2PA, which this validator"
                " does not read ({error})"
            ),
        },
        "verify.unsupported_algorithm": {
            "fr": (
                "ce fichier est signé avec un algorithme que ce vérificateur ne prend pas en"
                " charge\u00a0: sa signature n'a pas pu être contrôlée ({error})"
            ),
            "en": (
                "this file is signed with an algorithm this validator does not support: its"
                " signature could not be checked ({error})"
            ),
        },
        "verify.is_folder": {
            "fr": "{path}\u00a0: c'est un dossier",
            "en": "{path}: is a folder",
        },
        "verify.missing": {
            "fr": "{path}\u00a0: ce fichier n'existe pas (vérifiez son nom et son dossier)",
            "en": "{path}: no such file (check its name and folder)",
        },
        "verify.cannot_read": {
            "fr": "{path}\u00a0: illisible ({reason})",
            "en": "{path}: {reason}",
        },
        "verify.anchor_not_pem": {
            "fr": "l'ancre de confiance {path} n'est pas un fichier de certificat PEM",
            "en": "trust anchor {path} is not a PEM certificate file",
        },
        "verify.no_anchor": {
            "fr": "ancre de confiance introuvable\u00a0: {path}",
            "en": "trust anchor not found: {path}",
        },
        "cluster.workers_range": {
            "fr": "{param} doit valoir au moins 1",
            "en": "{param} must be at least 1",
        },
        "cluster.empty_address": {
            "fr": "{param} attend « auto » ou l'adresse d'un cluster Ray",
            "en": "{param} expects 'auto' or the address of a Ray cluster",
        },
        "cluster.cannot_join": {
            "fr": "impossible de rejoindre le cluster Ray {address} : {value}",
            "en": "cannot join the Ray cluster {address}: {value}",
        },
        "cluster.no_gpu": {
            "fr": "le cluster Ray {address} n'a aucun GPU : utilisez {param} auto ou cpu",
            "en": "the Ray cluster {address} has no GPU: use {param} auto or cpu",
        },
        "cluster.too_many_workers": {
            "fr": "{workers} travailleur(s) demandé(s), mais le cluster n'a que {count} {kind} : baissez {param}",
            "en": "{workers} worker(s) asked for, but the cluster has only {count} {kind}: lower {param}",
        },
        "cluster.worker_failed": {
            "fr": "un travailleur du cluster n'a pas pu démarrer : {value}",
            "en": "a cluster worker could not start: {value}",
        },
        "cluster.worker_died": {
            "fr": "le travailleur est mort : {value}",
            "en": "worker died: {value}",
        },
        "cluster.no_workers_left": {
            "fr": "plus aucun travailleur sur le cluster {address} : relancez une fois le cluster rétabli (ce qui est signé est gardé)",
            "en": "no worker left on the cluster {address}: run again once the cluster is back (what was signed is kept)",
        },
        "cluster.other_version": {
            "fr": "le travailleur sur {host} a artcharter {value}, ce poste {version} : installez la même version partout",
            "en": "the worker on {host} has artcharter {value}, this host {version}: install the same version everywhere",
        },
        "cluster.other_weights": {
            "fr": "le travailleur sur {host} a d'autres poids pour {model_id} (SHA-256 {value}…) : chaque poste doit avoir les mêmes",
            "en": "the worker on {host} has other weights for {model_id} (SHA-256 {value}…): every host must have the same",
        },
        "cluster.images_failed": {
            "fr": "{count} image(s) sur {total} n'ont pas pu être faites après trois essais (graines {seeds}) : {value}",
            "en": "{count} of {total} image(s) could not be made after three tries (seeds {seeds}): {value}",
        },
        "cluster.loaded_model": {
            "fr": "sur un cluster, {param} est un nom de modèle, pas un modèle déjà chargé",
            "en": "on a cluster, {param} is a model name, not a model already loaded",
        },
        "start.cluster_images": {
            "fr": "{param} génère des images ; {param_images} lit des images existantes : choisissez",
            "en": "{param} generates images; {param_images} reads existing ones: choose one",
        },
        "validate.no_folder": {
            "fr": "{folder}\u00a0: pas un dossier d'images",
            "en": "{folder}: not a folder of images",
        },
        "validate.unreadable_labels": {
            "fr": "impossible de lire les étiquettes {path}\u00a0: {error}",
            "en": "cannot read the labels {path}: {error}",
        },
        "tsa.bad_version": {
            "fr": "requête d'horodatage refusée\xa0: seule la version 1 de RFC 3161 est acceptée",
            "en": "time-stamp query refused: only RFC 3161 version 1 is accepted",
        },
        "tsa.malformed": {
            "fr": "requête d'horodatage refusée\xa0: ce n'est pas une requête RFC 3161 (TimeStampReq DER) lisible",
            "en": "time-stamp query refused: not a readable RFC 3161 query (DER TimeStampReq)",
        },
        "tsa.bad_hash": {
            "fr": "requête d'horodatage refusée\xa0: l'algorithme de hachage {algorithm} n'est pas accepté (acceptés\xa0: {accepted})",
            "en": "time-stamp query refused: hash algorithm {algorithm} is not accepted (accepted: {accepted})",
        },
        "tsa.bad_digest_length": {
            "fr": "requête d'horodatage refusée\xa0: une empreinte {algorithm} fait {size} octets, celle-ci {got}",
            "en": "time-stamp query refused: a {algorithm} digest is {size} bytes, this one is {got}",
        },
        "tsa.too_large": {
            "fr": "requête d'horodatage refusée\xa0: trop grande pour une requête RFC 3161",
            "en": "time-stamp query refused: too large for an RFC 3161 query",
        },
        "tsa.no_certificate": {
            "fr": "pas de certificat d'horodatage {path}\xa0: lancez `artcharter keys init-tsa`",
            "en": "no time-stamp authority certificate {path}: run `artcharter keys init-tsa`",
        },
        "tsa.no_openssl": {
            "fr": "la commande openssl est introuvable\xa0: installez le paquet openssl",
            "en": "the openssl command is not installed: install the openssl package",
        },
        "tsa.openssl_failed": {
            "fr": "l'autorité d'horodatage n'a pas pu signer\xa0: {error}",
            "en": "the time-stamp authority could not sign: {error}",
        },
        "keys.tsa_exists": {
            "fr": "{cert_path} existe déjà\xa0: utilisez {param} pour le remplacer",
            "en": "{cert_path} already exists: use {param} to replace it",
        },
        "softbinding.unreadable": {
            "fr": "empreinte impossible\xa0: image illisible ({error})",
            "en": "cannot fingerprint: unreadable image ({error})",
        },
        "softbinding.bad_value": {
            "fr": "valeur de liaison souple {value!r} illisible ({error})",
            "en": "unreadable soft-binding value {value!r} ({error})",
        },
        "revocation.unreadable": {
            "fr": "liste de révocation illisible\xa0: {path}",
            "en": "unreadable revocation list: {path}",
        },
        "revocation.unknown_reason": {
            "fr": "motif de révocation inconnu {reason!r} (choix\xa0: {choices})",
            "en": "unknown revocation reason {reason!r} (choices: {choices})",
        },
        "revocation.other_issuer": {
            "fr": "le certificat de {who} n'a pas été délivré par la racine actuelle de l'école",
            "en": "{who}'s certificate was not issued by the school's current root",
        },
        "revocation.bad_signature": {
            "fr": "la liste de révocation {path} n'est pas signée par l'ancre {anchor}\xa0: elle est refusée",
            "en": "revocation list {path} is not signed by anchor {anchor}: refused",
        },
        "revocation.reason.left-school": {
            "fr": "l'artiste a quitté l'école",
            "en": "the artist left the school",
        },
        "revocation.reason.key-compromise": {
            "fr": "clé privée compromise",
            "en": "private key compromised",
        },
        "revocation.reason.superseded": {
            "fr": "certificat remplacé",
            "en": "certificate superseded",
        },
        "revocation.reason.cessation": {
            "fr": "fin d'activité",
            "en": "cessation of operation",
        },
        "revocation.reason.unspecified": {
            "fr": "motif non précisé",
            "en": "no reason given",
        },
        "trust.school": {
            "fr": "votre école ({organisation})",
            "en": "your school ({organisation})",
        },
        "trust.c2pa_list": {
            "fr": "liste de confiance C2PA ({organisation}), liste du {date}",
            "en": "C2PA trust list ({organisation}), list of {date}",
        },
        "trust.c2pa_list_unnamed": {
            "fr": "liste de confiance C2PA, liste du {date}",
            "en": "C2PA trust list, list of {date}",
        },
        "trust_list.not_pem": {
            "fr": "{path} n'est pas une liste de certificats PEM",
            "en": "{path} is not a PEM certificate bundle",
        },
        "trust_list.not_ca": {
            "fr": "{path} contient un certificat qui n'est pas une autorité de certification ({subject})\u00a0: une liste de confiance ne contient que des autorités",
            "en": "{path} holds a certificate that is not a certificate authority ({subject}): a trust list holds authorities only",
        },
        "trust_list.missing": {
            "fr": "liste de confiance introuvable\u00a0: {path}",
            "en": "trust list not found: {path}",
        },
        "trust_list.cannot_read": {
            "fr": "impossible de lire {path}\u00a0: {reason}",
            "en": "cannot read {path}: {reason}",
        },
        "trust_list.bad_source": {
            "fr": "{path} est illisible\u00a0: relancez artcharter trust update",
            "en": "{path} cannot be read: run artcharter trust update again",
        },
        "trust_list.unknown_kind": {
            "fr": "liste inconnue {kind!r} (au choix\u00a0: {choices})",
            "en": "unknown list {kind!r} (choose among: {choices})",
        },
        "trust_list.bad_date": {
            "fr": "date invalide {date!r}\u00a0: attendu AAAA-MM-JJ",
            "en": "invalid date {date!r}: expected YYYY-MM-DD",
        },
        "trust_list.fetch_failed": {
            "fr": "la liste de confiance n'a pas pu être récupérée depuis {url}\u00a0: {reason}\u00a0; la liste installée reste en place",
            "en": "the trust list could not be fetched from {url}: {reason}; the installed list stays in place",
        },
        "verify.ingredient": {
            "fr": "{title}\u00a0: {problem} ({codes})",
            "en": "{title}: {problem} ({codes})",
        },
        "verify.ingredient_signed": {
            "fr": "{title} (signé par {signer})\u00a0: {problem} ({codes})",
            "en": "{title} (signed by {signer}): {problem} ({codes})",
        },
        "verify.ingredient_claimed": {
            "fr": "{title} (signataire nommé, non vérifié\u00a0: {signer})\u00a0: {problem} ({codes})",
            "en": "{title} (signer named, not verified: {signer}): {problem} ({codes})",
        },
        "ingredient.problem.valid-untrusted": {
            "fr": "ses propres Content Credentials sont valides mais personne ne garantit leur signataire",
            "en": "its own credentials are valid but nobody vouches for their signer",
        },
        "ingredient.problem.tampered": {
            "fr": "ses propres Content Credentials ont été modifiés après leur signature",
            "en": "its own credentials were changed after they were signed",
        },
        "ingredient.problem.invalid": {
            "fr": "ses propres Content Credentials ont une signature ou un certificat invalide",
            "en": "its own credentials have an invalid signature or certificate",
        },
        "ingredient.problem.unreadable": {
            "fr": "ses propres Content Credentials utilisent un algorithme que ce vérificateur ne sait pas contrôler",
            "en": "its own credentials use an algorithm this validator cannot check",
        },
        "verify.ingredient_listed": {
            "fr": "{title}\u00a0: signé par {signer}, garanti par la {trusted_by}\u00a0: une preuve pour cet ingrédient, pas pour l'œuvre",
            "en": "{title}: signed by {signer}, trusted by the {trusted_by}: evidence for this ingredient, not for the work",
        },
        "verify.ingredient_changed": {
            "fr": "les Content Credentials de l'ingrédient {title} ont été modifiés après la signature de cette œuvre ({codes})\u00a0: c2pa lit le fichier comme invalide",
            "en": "the credentials of ingredient {title} were changed after this work was signed ({codes}): c2pa reads the file as invalid",
        },
        "verify.ingredients_recorded": {
            "fr": "Ces problèmes viennent des propres Content Credentials des ingrédients, tels qu'ils étaient à la signature de l'œuvre\u00a0: comme la norme C2PA, artcharter ne rend pas l'œuvre invalide pour autant (sa signature tient), mais ce que ces ingrédients affirment n'est garanti par personne.",
            "en": "These problems are in the ingredients' own credentials, as they were when the work was signed: as the C2PA standard does, artcharter does not make the work invalid for them (its signature holds), but what those ingredients claim is vouched for by nobody.",
        },
        "verify.revoked": {
            "fr": "le certificat du signataire a été révoqué le {date} ({reason})\xa0; cette signature n'est pas horodatée avant cette date",
            "en": "the signer's certificate was revoked on {date} ({reason}); this signature is not time-stamped before that date",
        },
        "verify.revoked_after": {
            "fr": "signé le {signed}, avant la révocation du certificat le {date} ({reason})\xa0: la signature reste valide",
            "en": "signed on {signed}, before the certificate was revoked on {date} ({reason}): the signature stays valid",
        },
        "verify.time_stamped": {
            "fr": "signé le {date}, quand le certificat était valide (horodatage de confiance)",
            "en": "signed on {date}, while the certificate was valid (trusted time-stamp)",
        },
        "verify.time_stamped_list": {
            "fr": "signé le {date}, quand le certificat était valide (horodatage garanti par la liste de confiance C2PA du {list_date})",
            "en": "signed on {date}, while the certificate was valid (time-stamp trusted by the C2PA trust list of {list_date})",
        },
        "verify.time_stamped_tsa_list": {
            "fr": "signé le {date}, quand le certificat était valide (horodatage garanti par la liste de confiance des horodateurs C2PA du {list_date})",
            "en": "signed on {date}, while the certificate was valid (time-stamp trusted by the C2PA TSA trust list of {list_date})",
        },
        "verify.not_time_stamped": {
            "fr": "non horodaté\xa0: valide seulement tant que le certificat du signataire l'est",
            "en": "not time-stamped: valid only as long as the signer's certificate is",
        },
        "verify.unvouched": {
            "en": "What the credentials say, vouched for by no valid signature (not verified):",
            "fr": (
                "Ce que disent les Content Credentials, sans signature valide qui en réponde "
                "(non vérifié)\u00a0:"
            ),
        },
        # The C2PA Conformance Program's signals rubric (asset-rubrics 1.0,
        # asset-rubric-signals-local.yml): "en" is the rubric's own report text, word for
        # word; the rubric has English only, "fr" is artcharter's translation.
        "verify.c2pa_signal": {
            "fr": "Signal C2PA (grille du Conformance Program 1.0)\xa0: {signal}",
            "en": "C2PA signal (Conformance Program rubric 1.0): {signal}",
        },
        "verify.c2pa_signal_parent": {
            "fr": "Signal C2PA (grille du Conformance Program 1.0)\xa0: {signal}, lu dans la "
            "version antérieure que ce fichier re-signe",
            "en": "C2PA signal (Conformance Program rubric 1.0): {signal}, read from the earlier "
            "version this file re-signs",
        },
        "verify.c2pa_signal_others": {
            "fr": "autres signaux C2PA\xa0: {signals}",
            "en": "other C2PA signals: {signals}",
        },
        "verify.c2pa_signal_separator": {"fr": ", ", "en": ", "},
        "signal.blankCanvas": {"fr": "Contient une toile vierge", "en": "Contains Blank Canvas"},
        "signal.capturedMedia": {
            "fr": "Contient un média capturé",
            "en": "Contains Captured Media",
        },
        "signal.capturedMediaStitched": {
            "fr": "Contient un média capturé assemblé",
            "en": "Contains Stitched Captured Media",
        },
        "signal.compositionMayContainGenAI": {
            "fr": "Contient une composition qui peut contenir du contenu d'IA générative",
            "en": "Contains Composition which may contain GenAI content",
        },
        "signal.fullyGenAIMedia": {
            "fr": "Contient un média entièrement généré par IA",
            "en": "Contains Fully GenAI Media",
        },
        "signal.mediaUnknownProvenance": {
            "fr": "Contient un média de provenance inconnue",
            "en": "Contains Media of Unknown Provenance",
        },
        "signal.nonGenAIDigitalCreation": {
            "fr": "Contient une création numérique sans IA générative",
            "en": "Contains Non-GenAI digital creation",
        },
        "signal.partlyGenAICreation": {
            "fr": "Contient une création en partie générée par IA",
            "en": "Contains Partly GenAI Creation",
        },
        "signal.screenCaptureMayContainGenAI": {
            "fr": "Contient une capture d'écran qui peut contenir du contenu d'IA générative",
            "en": "Contains Screen Capture Which May Contain GenAI Content",
        },
        "signal.ambiguousActions": {
            "fr": "Contient des actions ambiguës",
            "en": "Contains ambiguous actions",
        },
        "signal.nonEditorial": {
            "fr": "Contient des transformations non éditoriales",
            "en": "Contains Non-editorial Transformations",
        },
        "signal.perceptibleGenAI": {
            "fr": "Contient des transformations perceptibles par IA générative",
            "en": "Contains Perceptible GenAI Transformations",
        },
        "signal.perceptibleNonGenAI": {
            "fr": "Contient des transformations perceptibles sans IA générative",
            "en": "Contains Perceptible Non-GenAI Transformations",
        },
        "signal.perceptiblePossiblyGenAI": {
            "fr": "Contient des transformations perceptibles pouvant utiliser l'IA générative",
            "en": "Contains Perceptible Transformations Possibly Using GenAI",
        },
        "verify.file_claims": {
            "fr": "Ce que dit le fichier, non vérifié (n'importe qui peut écrire ces champs)\xa0:",
            "en": "What the file says, not verified (anyone can write these fields):",
        },
        "verify.claim": {
            "fr": "{source}, {field}\xa0: {value}",
            "en": "{source}, {field}: {value}",
        },
        "verify.claim_source.xmp": {
            "fr": "métadonnées IPTC/XMP",
            "en": "IPTC/XMP metadata",
        },
        "verify.claim_source.a1111": {
            "fr": "paramètres AUTOMATIC1111",
            "en": "AUTOMATIC1111 parameters",
        },
        "verify.claim_source.comfyui": {
            "fr": "graphe ComfyUI",
            "en": "ComfyUI graph",
        },
        "verify.claim_source.exif": {
            "fr": "EXIF",
            "en": "EXIF",
        },
        "verify.probable_matches": {
            "fr": "Correspondance probable (ce n'est pas une vérification\xa0: une image semblable, signée ailleurs)\xa0:",
            "en": "Probable match (not a verification: a similar picture, signed elsewhere):",
        },
        "verify.match": {
            "fr": "«\xa0{title}\xa0» de {artist} ({organisation}), œuvre {artwork_id}, distance {distance}/64, similarité {similarity}\xa0%",
            "en": "“{title}” by {artist} ({organisation}), artwork {artwork_id}, distance {distance}/64, similarity {similarity}%",
        },
        "verify.match_original": {
            "fr": "procurez-vous l'original signé et vérifiez-le\xa0: {original}",
            "en": "get the signed original and verify it: {original}",
        },
        "verify.lookup_failed": {
            "fr": "recherche impossible\xa0: {error}",
            "en": "lookup failed: {error}",
        },
        "merge.same_ledger": {
            "fr": "{path} est ce registre même : donnez celui d'un autre poste",
            "en": "{path} is this very ledger: give another workstation's",
        },
        "watermark.not_installed": {
            "fr": "le filigrane invisible demande le paquet invisible-watermark\xa0: pip install 'artcharter[watermark]'",
            "en": "the invisible watermark needs the invisible-watermark package: pip install 'artcharter[watermark]'",
        },
        "watermark.too_small": {
            "fr": "image trop petite pour un filigrane ({width}×{height} px\xa0; au moins 256×256)",
            "en": "image too small for a watermark ({width}×{height} px; at least 256×256)",
        },
        "watermark.trustmark_missing": {
            "fr": "TrustMark n'est pas installé (paquet trustmark)",
            "en": "TrustMark is not installed (package trustmark)",
        },
        "watermark.trustmark_no_weights": {
            "fr": "les poids de TrustMark manquent dans {folder}\xa0: artcharter ne les télécharge pas, copiez-les là",
            "en": "TrustMark's weights are missing from {folder}: artcharter does not download them, copy them there",
        },
        "watermark.still_images_only": {
            "fr": "{name}\xa0: le filigrane invisible ne s'applique qu'aux images fixes",
            "en": "{name}: the invisible watermark is for still pictures only",
        },
        "store.no_campaign": {
            "fr": "aucune campagne {campaign_id!r} dans le registre",
            "en": "no campaign {campaign_id!r} in the ledger",
        },
        "store.ambiguous_campaign": {
            "fr": "{campaign_id!r} désigne plusieurs campagnes\u00a0: donnez plus de caractères",
            "en": "{campaign_id!r} names several campaigns: give more characters",
        },
    },
)
