"""Every word the jury desk shows, in French and English: the desk's catalogue.

Kept apart from the templates so that the HTML pages, the JSON API and the tests read the
same texts. ``words(lang)`` gives the flat table for one language, the form templates use.
The labels of a record's nested tables are the ``field.*`` keys.
"""

from __future__ import annotations

from artcharter.base.messages import Catalogue
from artcharter.reports.i18n import maybe

LANGS = ("fr", "en")

TEXTS: dict[str, dict[str, str]] = {
    # --- the desk page ---------------------------------------------------------------
    "app_name": {"fr": "Bureau du jury", "en": "Jury desk"},
    "tagline": {
        "fr": "Déposez les fichiers des œuvres. Pour chacun\u00a0: qui l'a signé, s'il a changé "
        "depuis, la part de l'IA, l'énergie de sa génération et le respect de la charte.",
        "en": "Drop the artworks' files. For each: who signed it, whether it changed since, "
        "how much was made by AI, the energy of its generation and the charter.",
    },
    "drop_here": {
        "fr": "Déposez des images ou un dossier ici",
        "en": "Drop images or a folder here",
    },
    "choose_files": {"fr": "ou choisissez des fichiers", "en": "or choose files"},
    "accepted": {
        "fr": (
            "Images PNG, JPEG ou WebP jusqu'à {image} par fichier\u00a0; vidéos MP4 ou MOV"
            " jusqu'à {video}\u00a0; sons WAV, MP3, FLAC ou M4A jusqu'à {sound}\u00a0;"
            " documents PDF ou EPUB jusqu'à {document}."
        ),
        "en": (
            "PNG, JPEG or WebP images up to {image} per file; MP4 or MOV videos up to"
            " {video}; WAV, MP3, FLAC or M4A sounds up to {sound}; PDF or EPUB"
            " documents up to {document}."
        ),
    },
    "col_image": {"fr": "Image", "en": "Image"},
    "col_title": {"fr": "Titre", "en": "Title"},
    "col_artist": {"fr": "Artiste", "en": "Artist"},
    "col_verdict": {"fr": "Verdict", "en": "Verdict"},
    "col_ai": {"fr": "Part de l'IA", "en": "AI share"},
    "col_energy": {"fr": "Énergie", "en": "Energy"},
    "col_charter": {"fr": "Charte", "en": "Charter"},
    "col_report": {"fr": "Rapport", "en": "Report"},
    "open_report": {"fr": "Ouvrir le rapport", "en": "Open the report"},
    "verifying": {"fr": "vérification…", "en": "verifying…"},
    "waiting": {"fr": "en attente…", "en": "waiting…"},
    "rejected": {"fr": "Refusé", "en": "Rejected"},
    "network_error": {
        "fr": "Le bureau ne répond pas\u00a0: est-il toujours lancé\u00a0?",
        "en": "The desk does not answer: is it still running?",
    },
    "empty_table": {
        "fr": "Aucun fichier vérifié pour l'instant.",
        "en": "No file verified yet.",
    },
    "forget_all": {"fr": "Oublier ces fichiers", "en": "Forget these files"},
    "forget_one": {"fr": "Oublier", "en": "Forget"},
    "export_csv": {"fr": "Télécharger le tableau (CSV)", "en": "Download the table (CSV)"},
    "summary.one": {"fr": "{n} fichier", "en": "{n} file"},
    "summary.other": {"fr": "{n} fichiers", "en": "{n} files"},
    "untitled": {"fr": "Sans titre", "en": "Untitled"},
    "unknown": {"fr": "inconnu", "en": "unknown"},
    "none": {"fr": "—", "en": "—"},
    "switch_lang": {"fr": "English", "en": "Français"},
    "api_docs": {"fr": "API JSON", "en": "JSON API"},
    "claimed": {
        "fr": "ce que dit le fichier, non vérifié",
        "en": "what the file claims, not verified",
    },
    "signed_by": {"fr": "signé par {who}", "en": "signed by {who}"},
    "claimed_author": {
        "fr": "auteur nommé dans le fichier, non vérifié\u00a0:",
        "en": "author named in the file, not verified:",
    },
    "expired": {
        "fr": "Ce fichier a été oublié par le bureau\u00a0: déposez-le à nouveau pour voir son rapport.",
        "en": "The desk has forgotten this file: drop it again to see its report.",
    },
    # --- the CSV download: its header, in the page's language like its cells --------------
    "csv_verdict_code": {"fr": "Code du verdict", "en": "Verdict code"},
    "csv_kwh": {"fr": "Énergie (kWh)", "en": "Energy (kWh)"},
    "csv_co2": {"fr": "Émissions (kg CO2e)", "en": "Emissions (kg CO2e)"},
    "csv_artwork_id": {"fr": "Identifiant de l'œuvre", "en": "Artwork ID"},
    # --- the settings line -------------------------------------------------------------
    "settings": {"fr": "Réglages du bureau", "en": "Desk settings"},
    "project": {"fr": "Projet", "en": "Project"},
    "trust": {"fr": "Autorités de confiance", "en": "Trusted authorities"},
    "no_trust": {
        "fr": "aucune\u00a0: aucune signature ne peut être «\u00a0de confiance\u00a0» (relancez avec --trust)",
        "en": "none: no signature can be trusted (start again with --trust)",
    },
    "ledger": {"fr": "Registre", "en": "Ledger"},
    "no_ledger": {
        "fr": "aucun\u00a0: les vérifications ne sont pas enregistrées",
        "en": "none: verifications are not recorded",
    },
    "uploads": {"fr": "Fichiers déposés", "en": "Dropped files"},
    "uploads_kept": {"fr": "conservés dans {path}", "en": "kept in {path}"},
    "uploads_discarded": {
        "fr": "jamais écrits sur disque\u00a0; gardés en mémoire {minutes} min au plus, puis oubliés",
        "en": "never written to disk; held in memory for {minutes} min at most, then forgotten",
    },
    "charter": {"fr": "Charte", "en": "Charter"},
    "charter_default": {"fr": "charte par défaut", "en": "default charter"},
    "charter_unavailable": {
        "fr": "vérification de la charte indisponible dans cette version",
        "en": "charter check not available in this version",
    },
    # --- AI share ----------------------------------------------------------------------
    "ai_generated": {"fr": "Générée par IA", "en": "AI-generated"},
    "ai_partly-generated": {"fr": "En partie générée par IA", "en": "Partly AI-generated"},
    "ai_enhanced": {"fr": "Retouchée par IA", "en": "AI-enhanced"},
    "ai_none": {"fr": "Sans IA déclarée", "en": "No AI declared"},
    "ai_unknown": {"fr": "Non déclarée", "en": "Not declared"},
    # --- energy --------------------------------------------------------------------------
    "energy_value": {"fr": "{energy} · {co2} CO₂e", "en": "{energy} · {co2} CO₂e"},
    "energy_not_measured": {"fr": "non mesurée", "en": "not measured"},
    "energy_not_recorded": {"fr": "non enregistrée", "en": "not recorded"},
    # --- charter -------------------------------------------------------------------------
    "charter_passed": {"fr": "Conforme", "en": "Meets the charter"},
    "charter_failed.one": {
        "fr": "{n} règle obligatoire non respectée",
        "en": "{n} required rule failed",
    },
    "charter_failed.other": {
        "fr": "{n} règles obligatoires non respectées",
        "en": "{n} required rules failed",
    },
    "charter_missing.one": {"fr": "{n} déclaration manquante", "en": "{n} declaration missing"},
    "charter_missing.other": {
        "fr": "{n} déclarations manquantes",
        "en": "{n} declarations missing",
    },
    "charter_open.one": {"fr": "{n} recommandation à suivre", "en": "{n} recommendation open"},
    "charter_open.other": {
        "fr": "{n} recommandations à suivre",
        "en": "{n} recommendations open",
    },
    "charter_not_checked": {"fr": "non vérifiée", "en": "not checked"},
    "charter_error": {
        "fr": "la vérification a échoué ({error})",
        "en": "the check failed ({error})",
    },
    # --- errors (API and page) ---------------------------------------------------------
    "err_too_large": {
        "fr": "{name} dépasse la limite de {limit} par fichier de ce type (options --max-upload-mb, --max-video-mb, --max-sound-mb, --max-document-mb du bureau)",
        "en": "{name} is over the {limit} limit per file of its kind (the desk's --max-upload-mb, --max-video-mb, --max-sound-mb, --max-document-mb options)",
    },
    "err_request_too_large": {
        "fr": "la requête dépasse {limit}\u00a0: envoyez les fichiers en plusieurs fois",
        "en": "the request is over {limit}: send the files in several requests",
    },
    "err_busy": {
        "fr": "le bureau reçoit trop de fichiers en ce moment\u00a0: réessayez dans un instant",
        "en": "the desk is receiving too many files right now: try again in a moment",
    },
    "err_body_timeout": {
        "fr": "le fichier arrive trop lentement (moins de {rate}/s)\u00a0: envoyez-le à nouveau",
        "en": "the file is arriving too slowly (under {rate}/s): send it again",
    },
    "err_too_many_files": {
        "fr": "{n} fichiers dans une requête, {max} au plus\u00a0: envoyez-les en plusieurs fois",
        "en": "{n} files in one request, {max} at most: send them in several requests",
    },
    "err_not_image": {
        "fr": "{name} n'est pas une image PNG, JPEG ou WebP, une vidéo MP4 ou MOV, un son WAV, MP3, FLAC ou M4A ni un document PDF ou EPUB{kind}",
        "en": "{name} is not a PNG, JPEG or WebP image, an MP4 or MOV video, a WAV, MP3, FLAC or M4A sound, or a PDF or EPUB document{kind}",
    },
    "err_looks_like": {  # no article: "an AVIF", "a GIF"
        "fr": " (format reconnu\u00a0: {kind})",
        "en": " (format found: {kind})",
    },
    "kind_text": {"fr": "texte", "en": "text"},
    "err_not_multipart": {
        "fr": "envoyez les images en multipart/form-data, dans le champ «\u00a0file\u00a0»",
        "en": "send the images as multipart/form-data, in the field 'file'",
    },
    "err_bad_multipart": {
        "fr": "corps multipart illisible ({reason})",
        "en": "unreadable multipart body ({reason})",
    },
    "err_bad_host": {
        "fr": "hôte {host} refusé\u00a0: ce bureau ne répond qu'à {allowed}",
        "en": "host {host} refused: this desk only answers to {allowed}",
    },
    "err_empty": {"fr": "{name} est vide", "en": "{name} is empty"},
    "err_no_file": {
        "fr": "aucun fichier\u00a0: envoyez une ou plusieurs images dans le champ multipart «\u00a0file\u00a0»",
        "en": "no file: send one or more images in the multipart field 'file'",
    },
    "err_unknown_upload": {
        "fr": "aucun fichier {token}\u00a0: il a été oublié ou n'a jamais été déposé",
        "en": "no file {token}: it was forgotten or never dropped",
    },
    "err_unknown_artwork": {
        "fr": "aucune œuvre {id} dans le registre",
        "en": "no artwork {id} in the ledger",
    },
    "err_no_ledger": {
        "fr": "ce bureau n'a pas de registre\u00a0: lancez-le dans un dossier de projet artcharter",
        "en": "this desk has no ledger: start it in an artcharter project folder",
    },
    "err_cross_origin": {
        "fr": "requête refusée\u00a0: elle vient d'une autre page que le bureau",
        "en": "request refused: it comes from a page other than the desk",
    },
    # --- the visitor's page --------------------------------------------------------------
    "visitor_title": {"fr": "Fiche de l'œuvre", "en": "About this artwork"},
    "visitor_intro": {
        "fr": "Ce que l'artiste a déclaré et signé au sujet de cette œuvre, tel que l'école "
        "l'a enregistré.",
        "en": "What the artist declared and signed about this artwork, as recorded by the school.",
    },
    "hash_mismatch": {
        "fr": "Attention\u00a0: l'empreinte du cartel ne correspond pas au fichier enregistré par "
        "l'école. L'œuvre exposée n'est peut-être pas celle qui a été signée.",
        "en": "Warning: the label's fingerprint does not match the file the school recorded. "
        "The work on show may not be the one that was signed.",
    },
    "f_artist": {"fr": "Artiste", "en": "Artist"},
    "f_organisation": {"fr": "École ou organisation", "en": "School or organisation"},
    "f_created": {"fr": "Créée le", "en": "Created"},
    "f_ai_share": {"fr": "Part de l'IA", "en": "Use of AI"},
    "f_source_type": {"fr": "Type de source (IPTC)", "en": "Source type (IPTC)"},
    "f_tool": {"fr": "Outil", "en": "Tool"},
    "f_model": {"fr": "Modèle", "en": "Model"},
    "f_demo_model": {
        "fr": "modèle de démonstration à poids aléatoires",
        "en": "demo model with random weights",
    },
    "f_prompt": {"fr": "Prompt", "en": "Prompt"},
    "f_prompt_private": {
        "fr": "privée\u00a0: seule son empreinte est publiée",
        "en": "private: only its fingerprint is published",
    },
    "f_generation": {"fr": "Paramètres de génération", "en": "Generation parameters"},
    "f_energy": {"fr": "Énergie de génération", "en": "Energy of generation"},
    "f_ingredients": {"fr": "Apports humains (ingrédients)", "en": "Human inputs (ingredients)"},
    "f_declaration": {"fr": "Déclaration de l'artiste", "en": "Artist's declaration"},
    "f_training": {
        "fr": "Entraînement et fouille de textes et de données",
        "en": "Training and data mining",
    },
    "f_status": {"fr": "État dans le registre", "en": "Status in the ledger"},
    "f_verifications": {"fr": "Dernières vérifications", "en": "Latest verifications"},
    "f_signer": {"fr": "Signataire", "en": "Signer"},
    "f_trusted_by": {"fr": "Garanti par", "en": "Trusted by"},
    "f_ingredient_credentials": {
        "fr": "Les propres Content Credentials des ingrédients",
        "en": "The ingredients' own credentials",
    },
    "trusted_by": {"fr": "Garanti par\u00a0:", "en": "Trusted by:"},
    "f_file": {"fr": "Fichier", "en": "File"},
    "f_sha256": {"fr": "Empreinte SHA-256", "en": "SHA-256 fingerprint"},
    "f_codes": {"fr": "Codes C2PA (pour les experts)", "en": "C2PA codes (for experts)"},
    "f_disclosure": {"fr": "Usage de l'IA déclaré", "en": "Declared use of AI"},
    "f_error": {"fr": "Erreur", "en": "Error"},
    "f_charter": {"fr": "Charte, règle par règle", "en": "Charter, rule by rule"},
    "f_size": {"fr": "Taille", "en": "Size"},
    "sev_required": {"fr": "obligatoire", "en": "required"},
    "sev_recommended": {"fr": "recommandée", "en": "recommended"},
    "sev_informational": {"fr": "pour information", "en": "informational"},
    "training_allowed": {"fr": "autorisée", "en": "allowed"},
    "training_notAllowed": {"fr": "refusée", "en": "not allowed"},
    "training_constrained": {"fr": "sous conditions", "en": "constrained"},
    "status_signed": {"fr": "signée", "en": "signed"},
    "status_kept": {"fr": "conservée", "en": "kept"},
    "status_discarded": {"fr": "écartée", "en": "discarded"},
    "status_replaced": {
        "fr": "remplacée par un fichier plus récent",
        "en": "replaced by a newer file",
    },
    "details_title": {"fr": "Vérification", "en": "Verification"},
    "details_note": {
        "fr": "Le rapport complet de l'œuvre n'est pas disponible dans cette version\u00a0: "
        "voici le détail de la vérification.",
        "en": "The artwork's full report is not available in this version: here is the "
        "verification in detail.",
    },
    "back": {"fr": "← Retour au bureau", "en": "← Back to the desk"},
    "not_found": {"fr": "Introuvable", "en": "Not found"},
    # --- the offline API page ------------------------------------------------------------
    "docs_title": {"fr": "API JSON du bureau du jury", "en": "Jury desk JSON API"},
    "docs_schema": {
        "fr": "Le schéma OpenAPI complet (pour les outils)\u00a0:",
        "en": "The full OpenAPI schema (for tools):",
    },
    "docs_parameters": {"fr": "Paramètres", "en": "Parameters"},
    "docs_body": {"fr": "Corps de la requête", "en": "Request body"},
    "docs_responses": {"fr": "Réponses", "en": "Responses"},
    # --- the keys of a record's nested tables (the artist's declaration, the generation
    # parameters) and of the C2PA codes, as the desk's pages name them. The stages of the AI
    # share are named by artcharter.reports.i18n; any other key is shown as it is, made
    # readable ("batch_size" -> "Batch size").
    # the artist's declaration (artcharter.charter.declaration)
    "field.schema": {"fr": "Format", "en": "Format"},
    "field.title": {"fr": "Titre", "en": "Title"},
    "field.artist": {"fr": "Artiste", "en": "Artist"},
    "field.statement": {"fr": "Note d'intention", "en": "Statement"},
    "field.explanation": {"fr": "Explication de l'artiste", "en": "The artist's explanation"},
    "field.bias_reflection": {"fr": "Réflexion sur les biais", "en": "Reflection on biases"},
    "field.training_mining": {
        "fr": "Entraînement et fouille de textes et de données",
        "en": "Training and data mining",
    },
    "field.ai_share": {"fr": "Part de l'IA par étape", "en": "Share of AI per stage"},
    "field.tools": {"fr": "Outils d'IA externes", "en": "External AI tools"},
    "field.techniques": {"fr": "Techniques sans IA", "en": "Non-AI techniques"},
    "field.human_inputs": {"fr": "Apports humains", "en": "Human inputs"},
    "field.process_images": {"fr": "Images du processus", "en": "Process images"},
    "field.name": {"fr": "Nom", "en": "Name"},
    "field.version": {"fr": "Version", "en": "Version"},
    "field.date": {"fr": "Date", "en": "Date"},
    "field.prompts": {"fr": "Prompts", "en": "Prompts"},
    "field.generations": {"fr": "Images générées", "en": "Images generated"},
    "field.energy_kwh": {"fr": "Énergie (kWh)", "en": "Energy (kWh)"},
    "field.stage": {"fr": "Étape du travail", "en": "Stage"},
    "field.notes": {"fr": "Notes", "en": "Notes"},
    "field.how": {"fr": "Comment", "en": "How"},
    "field.file": {"fr": "Fichier", "en": "File"},
    "field.role": {"fr": "Rôle", "en": "Role"},
    "field.sha256": {"fr": "Empreinte SHA-256", "en": "SHA-256 fingerprint"},
    "field.description": {"fr": "Description", "en": "Description"},
    "field.caption": {"fr": "Légende", "en": "Caption"},
    # the generation parameters (artcharter.provenance.record.GenerationParams)
    "field.negative_prompt": {"fr": "Prompt négatif", "en": "Negative prompt"},
    "field.negative_prompt_sha256": {
        "fr": "Empreinte du prompt négatif",
        "en": "Negative prompt fingerprint",
    },
    "field.seed": {"fr": "Graine (seed)", "en": "Seed"},
    "field.steps": {"fr": "Étapes de diffusion", "en": "Steps"},
    "field.guidance": {"fr": "Échelle de guidage", "en": "Guidance scale"},
    "field.width": {"fr": "Largeur (px)", "en": "Width (px)"},
    "field.height": {"fr": "Hauteur (px)", "en": "Height (px)"},
    "field.scheduler": {"fr": "Ordonnanceur", "en": "Scheduler"},
    "field.generator_device": {"fr": "Générateur aléatoire sur", "en": "Random generator on"},
    "field.device": {"fr": "Matériel", "en": "Device"},
    "field.device_name": {"fr": "Nom du matériel", "en": "Device name"},
    "field.dtype": {"fr": "Précision", "en": "Precision"},
    "field.batch_index": {"fr": "Rang dans le lot", "en": "Index in the batch"},
    "field.batch_size": {"fr": "Taille du lot", "en": "Batch size"},
    "field.libraries": {"fr": "Bibliothèques", "en": "Libraries"},
    "field.timings_ms": {"fr": "Durées (ms)", "en": "Timings (ms)"},
    "field.model_load": {"fr": "Chargement du modèle", "en": "Model loading"},
    "field.pipeline": {"fr": "Génération (par image)", "en": "Generation (per image)"},
    "field.pipeline_batch": {"fr": "Génération (lot entier)", "en": "Generation (whole batch)"},
    "field.png_encode": {"fr": "Encodage PNG", "en": "PNG encoding"},
    # the C2PA validation codes (the verification page, for experts)
    "field.success": {"fr": "Réussites", "en": "Successes"},
    "field.informational": {"fr": "Informations", "en": "Informational"},
    "field.failure": {"fr": "Échecs", "en": "Failures"},
    # --- a workstation's ledger, merged by the school (serve --merge-token-file) --------
    "merge_link": {
        "fr": "École\u00a0: fusionner le registre d'un poste",
        "en": "School: merge a workstation's ledger",
    },
    "merge_title": {"fr": "Fusionner le registre d'un poste", "en": "Merge a workstation's ledger"},
    "merge_intro": {
        "fr": "Déposez d'abord ici les fichiers signés du poste (le bureau les garde), puis son "
        "registre. Une œuvre n'entre dans le registre de l'école que par son fichier signé, "
        "retrouvé parmi les fichiers gardés par son empreinte et vérifié de confiance\u00a0; "
        "les autres lignes sont mises à part avec leur raison. Envoyer deux fois ne change "
        "rien.",
        "en": "First drop the workstation's signed files here (the desk keeps them), then its "
        "ledger. An artwork joins the school's ledger only through its signed file, found "
        "among the kept files by its hash and verified trusted; other rows are kept apart "
        "with their reason. Sending twice changes nothing.",
    },
    "merge_token_label": {"fr": "Jeton de fusion de l'école", "en": "The school's merge token"},
    "merge_file_label": {"fr": "Fichier de registre (.db)", "en": "Ledger file (.db)"},
    "merge_submit": {"fr": "Fusionner", "en": "Merge"},
    "merge_sending": {"fr": "Envoi et vérification…", "en": "Sending and verifying…"},
    "merge_joined.one": {
        "fr": "{source}\u00a0: {n} œuvre ajoutée (fichier signé retrouvé et de confiance)",
        "en": "{source}: {n} artwork imported (signed file found and trusted)",
    },
    "merge_joined.other": {
        "fr": "{source}\u00a0: {n} œuvres ajoutées (fichiers signés retrouvés et de confiance)",
        "en": "{source}: {n} artworks imported (signed files found and trusted)",
    },
    "merge_already.one": {"fr": "{n} déjà présente", "en": "{n} already there"},
    "merge_already.other": {"fr": "{n} déjà présentes", "en": "{n} already there"},
    "merge_apart.one": {
        "fr": "{n} ligne mise à part\u00a0: {why}",
        "en": "{n} row kept apart: {why}",
    },
    "merge_apart.other": {
        "fr": "{n} lignes mises à part\u00a0: {why}",
        "en": "{n} rows kept apart: {why}",
    },
    "merge_why_not_here": {
        "fr": "fichier signé absent des fichiers gardés par le bureau (déposez-le, puis renvoyez "
        "le registre)",
        "en": "signed file not among the desk's kept files (drop it, then send the ledger again)",
    },
    "merge_why_not_trusted": {
        "fr": "fichier signé, mais pas de confiance ici",
        "en": "signed file, but not trusted here",
    },
    "merge_why_no_record": {
        "fr": "fichier sans fiche artcharter qui corresponde à la ligne",
        "en": "file without an artcharter record matching the row",
    },
    "merge_why_conflict": {
        "fr": "le registre de l'école a déjà un autre fichier sous ce numéro (le sien est gardé)",
        "en": "the school's ledger already has another file under this id (its own is kept)",
    },
    "merge_why_unsigned": {
        "fr": "ligne qu'aucune signature ne garantit (énergie, campagnes, vérifications…)",
        "en": "row no signature vouches for (energy, campaigns, verifications…)",
    },
    "merge_field": {
        "fr": "le champ «\u00a0Fichier de registre\u00a0»",
        "en": "the “Ledger file” field",
    },
    "err_not_ledger": {
        "fr": "{name} n'est pas un registre artcharter (pas une base SQLite)",
        "en": "{name} is not an artcharter ledger (not an SQLite database)",
    },
    "err_merge_off": {
        "fr": "Ce bureau ne fusionne pas de registres (l'école ne lui a pas donné de jeton de "
        "fusion).",
        "en": "This desk does not merge ledgers (the school gave it no merge token).",
    },
    "err_merge_token": {
        "fr": "Jeton de fusion absent ou faux\u00a0: seule l'école fusionne des registres.",
        "en": "Missing or wrong merge token: only the school merges ledgers.",
    },
}

MESSAGES = Catalogue("desk", TEXTS)


def field_label(key: object, lang: str) -> str:
    """A key of a record's nested table in words: its label, else the key made readable."""
    name = str(key)
    if f"field.{name}" in MESSAGES:
        return MESSAGES.template(f"field.{name}", lang)
    stage = maybe(f"stage_{name}", lang)
    if stage is not None:
        return stage[:1].upper() + stage[1:]
    return name.replace("_", " ").capitalize()


def text(key: str, lang: str, **values: object) -> str:
    """One text in ``lang`` (English for an unknown language), with ``values`` filled in."""
    return MESSAGES.text(key, lang, **values) if values else MESSAGES.template(key, lang)


def count(key: str, n: int, lang: str, **values: object) -> str:
    """A counted text in ``lang``: ``key.one`` or ``key.other`` as ``n`` asks, ``{n}`` in it."""
    return MESSAGES.count(key, n, lang, **values)


def both(key: str, langs: tuple[str, ...] = LANGS, **values: object) -> dict[str, str]:
    """The same text in each of ``langs``, the form the JSON API uses."""
    return {code: text(key, code, **values) for code in langs}


def words(lang: str) -> dict[str, str]:
    """Every text in one language, for the templates (``t.app_name``)."""
    return {key: MESSAGES.template(key, lang) for key in TEXTS}


def pick_lang(
    query: str | None, cookie: str | None, accept_language: str | None, default: str
) -> str:
    """The language of a page: asked in the URL, else remembered (the switch), else the
    desk's (the project's), else the browser's, else English. A desk started with no
    language (``default`` empty: no project, no --lang) follows the browser. Pure, so the
    order is tested without a server."""
    for choice in (query, cookie, default):
        if choice in LANGS:
            return choice
    for part in (accept_language or "").split(","):
        code = part.split(";", 1)[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"
