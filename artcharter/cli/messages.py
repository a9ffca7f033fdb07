"""The command line's own texts: what its commands print and their ``--help``.

One catalogue, like each room's (``artcharter.base.messages``). Help texts are read when a
command module is imported, so the language is set first (``set_help_lang``, from the
language chain of ``artcharter.cli.edge.reader_lang``) and only the command being run is
imported. A help text without French falls back to English: the entries written
``{"en": ...}`` alone are those still to translate (``untranslated()`` lists them).
"""

from __future__ import annotations

from artcharter.base.messages import DEFAULT_LANG, Catalogue, normalise_lang

MESSAGES = Catalogue(
    "cli",
    {
        # --- artcharter verify -----------------------------------------------------------
        "verify.signer": {"en": "signer", "fr": "signataire"},
        "verify.ai_use": {"en": "AI use", "fr": "usage de l'IA"},
        "verify.tool": {"en": "tool/model", "fr": "outil/modèle"},
        "verify.ingredients": {"en": "ingredients", "fr": "ingrédients"},
        "verify.codes": {"en": "codes", "fr": "codes"},
        "verify.error": {"en": "error", "fr": "erreur"},
        "verify.title": {"en": "title", "fr": "titre"},
        "verify.unknown": {"en": "unknown", "fr": "inconnu"},
        # --- artcharter charter show / validate, declare, check ----------------------------
        "charter.version": {"en": "version", "fr": "version"},
        "charter.extends": {"en": "extends", "fr": "étend"},
        "charter.rules": {"en": "rules", "fr": "règles"},
        "charter.disabled": {"en": "disabled", "fr": "désactivée"},
        "charter.params": {"en": "parameters", "fr": "paramètres"},
        "charter.evidence": {"en": "evidence", "fr": "preuve"},
        "charter.changed": {"en": "set in", "fr": "définie dans"},
        "charter.valid": {"en": "valid", "fr": "valide"},
        "severity.required": {"en": "required", "fr": "obligatoire"},
        "severity.recommended": {"en": "recommended", "fr": "recommandée"},
        "severity.informational": {"en": "informational", "fr": "pour information"},
        "check.passes": {"en": "passes the charter", "fr": "respecte la charte"},
        "check.fails": {"en": "does not pass the charter", "fr": "ne respecte pas la charte"},
        "check.summary": {
            "en": "{n} artwork(s): {ok} pass the charter, {ko} do not",
            "fr": "{n} œuvre(s)\u00a0: {ok} respectent la charte, {ko} non",
        },
        "declare.written": {
            "en": "declaration template written: {path}\ncomplete it, then sign with: {command}",
            "fr": "modèle de déclaration écrit\u00a0: {path}\n"
            "complétez-le, puis signez avec\u00a0: {command}",
        },
        "declare.valid": {
            "en": "{path}: valid declaration",
            "fr": "{path}\u00a0: déclaration valide",
        },
        # --- artcharter label ------------------------------------------------------------
        "label.signed": {
            "en": "signed: {path}  (artwork {artwork_id}, sha256 {sha256}…)",
            "fr": "signée\u00a0: {path}  (œuvre {artwork_id}, sha256 {sha256}…)",
        },
        # --- artcharter report, cartel, summary -------------------------------------------
        "report.written": {
            "en": "report: {html}\n        {json}",
            "fr": "rapport : {html}\n          {json}",
        },
        "report.pdf": {"en": "PDF: {pdf}", "fr": "PDF : {pdf}"},
        "cartel.written": {"en": "label: {html}", "fr": "cartel : {html}"},
        "cartel.sheet": {
            "en": "sheet of {n} labels: {html}",
            "fr": "planche de {n} cartels\u00a0: {html}",
        },
        "cartel.sheet_one": {
            "en": "sheet of 1 label: {html}",
            "fr": "planche d'un cartel\u00a0: {html}",
        },
        "cartel.svg": {"en": "SVG: {n} file(s) in {dir}", "fr": "SVG : {n} fichier(s) dans {dir}"},
        "cartel.warn": {
            "en": 'warning: the verdict for {file} is "{verdict}"; its label says so',
            "fr": "attention\u00a0: le verdict {de_file} est « {verdict} »\u00a0; son cartel "
            "l'indique",
        },
        "summary.written": {
            "en": "summary of {n} artwork(s): {html}\n        {json}",
            "fr": "synthèse de {n} œuvre(s) : {html}\n          {json}",
        },
        # --- --help: the app and its global options ---------------------------------------
        "help.app": {
            "en": "Responsible use of generative AI in art: sign honest AI disclosures (C2PA), "
            "measure energy, probe biases, check a school's charter, and write reports.\n\n"
            "Exit codes: 0 success; 1 a file failed verification or a required charter rule; "
            "2 bad input or usage; 3 missing set-up (project, keys, model); 130 interrupted.",
            "fr": "Usage responsable de l'IA générative en art\u00a0: signer des déclarations "
            "honnêtes d'usage de l'IA (C2PA), mesurer l'énergie, sonder les biais, vérifier la "
            "charte d'une école et écrire des rapports.\n\n"
            "Codes de sortie\u00a0: 0 succès\u00a0; 1 un fichier n'a pas passé la vérification ou une "
            "règle obligatoire de la charte\u00a0; 2 entrée ou usage invalide\u00a0; 3 installation "
            "incomplète (projet, clés, modèle)\u00a0; 130 interrompu.",
        },
        "help.project": {
            "en": "Project folder (default: nearest artcharter.toml).",
            "fr": "Dossier du projet (par défaut\u00a0: le plus proche artcharter.toml).",
        },
        "help.ledger": {
            "en": "Ledger file (default: the project's).",
            "fr": "Fichier du registre (par défaut\u00a0: celui du projet).",
        },
        "help.lang": {
            "en": "Language of messages and reports: fr or en.",
            "fr": "Langue des messages et des rapports\u00a0: fr ou en.",
        },
        # --- --help: artcharter verify ----------------------------------------------------
        "help.verify": {
            "en": "Verify Content Credentials: trusted, valid-untrusted, tampered, invalid, "
            "no-credential, unreadable or remote-not-fetched. Exit 0 if every file is trusted, "
            "1 if any is not, 2 if any is unreadable.",
            "fr": "Vérifier les Content Credentials\u00a0: trusted (de confiance), valid-untrusted, "
            "tampered (modifié), invalid, no-credential, unreadable ou remote-not-fetched. "
            "Sortie 0 si chaque fichier est de confiance, 1 sinon, 2 si un fichier est "
            "illisible.",
        },
        "help.verify.files": {
            "en": "Images or folders of images to verify.",
            "fr": "Images ou dossiers d'images à vérifier.",
        },
        "help.verify.json": {
            "en": "Print a JSON list, one object per file.",
            "fr": "Afficher une liste JSON, un objet par fichier.",
        },
        "help.verify.report_dir": {
            "en": "Also write one JSON verification report per file here.",
            "fr": "Écrire aussi ici un rapport de vérification JSON par fichier.",
        },
        "help.verify.allow_remote": {
            "en": "Allow fetching remote manifests (off by default: no network).",
            "fr": "Autoriser la lecture de manifestes distants (désactivée par défaut\u00a0: aucun "
            "accès réseau).",
        },
        "help.verify.no_ledger": {
            "en": "Do not record the verifications in the project's ledger.",
            "fr": "Ne pas enregistrer les vérifications dans le registre du projet.",
        },
        "help.trust": {
            "en": "Trusted root certificate (PEM). Repeatable. Default: the project's "
            "keys/school-root.pem.",
            "fr": "Certificat racine de confiance (PEM). Répétable. Par défaut\u00a0: "
            "keys/school-root.pem du projet.",
        },
        # --- --help texts still in English only: French falls back to English ------------
        "help.probe.NamesOption": {
            "en": "Protected names, one per line (default: the project's {file} when it exists)."
        },
        "help.charter.charter_app": {
            "en": "The charter artworks are checked against: show it, validate a school's file."
        },
        "help.charter.CharterOption": {
            "en": "Charter file (default: [charter] file in artcharter.toml, else the default charter)."
        },
        "help.charter.show.json": {"en": "Print the charter as JSON."},
        "help.charter.validate.file": {"en": "The school's charter file (TOML)."},
        "help.charter.validate.json": {"en": "Print the result as JSON."},
        "help.charter.declare.image": {"en": "The image to declare (signed or not)."},
        "help.charter.declare.output": {
            "en": "Where to write the template (default: IMAGE.declaration.toml; - for stdout)."
        },
        "help.charter.declare.check": {"en": "Validate a completed declaration file instead."},
        "help.charter.declare.force": {"en": "Overwrite the output if it exists."},
        "help.charter.check.files": {"en": "Images or folders of images to check."},
        "help.charter.check.json": {"en": "Print a JSON list, one object per artwork."},
        "help.charter.check.verbose": {"en": "Print all the evidence each rule read."},
        "help.charter.check.no_ledger": {
            "en": "Do not read the project's ledger (sessions, campaigns, prompts)."
        },
        "help.charter.check.protected_names": {
            "en": "Protected names for the prompt audit, one per line (default: the project's protected-names.txt when it exists)."
        },
        "help.context.ArtistOption": {"en": "Signing artist (default: the project's)."},
        "help.context.PassphraseOption": {"en": "Passphrase of the artist key."},
        "help.demo.demo.folder": {"en": "Project folder to create or reuse."},
        "help.demo.demo.json": {"en": "Print what was made as JSON."},
        "help.generate.generate.prompt": {"en": "What to generate."},
        "help.generate.generate.model": {
            "en": "`demo` (tiny random-weight model, offline), a Hugging Face id, or a local diffusers folder. Default: the model set under generate in artcharter.toml, else stabilityai/sd-turbo."
        },
        "help.generate.generate.negative": {"en": "Negative prompt."},
        "help.generate.generate.seed": {"en": "Seed of the first image (image i gets seed + i)."},
        "help.generate.generate.steps": {"en": "Denoising steps (default: the model's)."},
        "help.generate.generate.guidance": {"en": "Guidance (CFG) scale (default: the model's)."},
        "help.generate.generate.size": {"en": "WxH, e.g. 512x512 (default: the model's)."},
        "help.generate.generate.n": {"en": "Number of images."},
        "help.generate.generate.batch_size": {
            "en": "Images per pipeline call (faster on a GPU; energy shared)."
        },
        "help.generate.generate.scheduler": {
            "en": "Sampler: euler, euler-a, ddim, dpm++2m, dpm++2m-karras, unipc, lcm... or a diffusers class name."
        },
        "help.generate.generate.device": {"en": "cuda, cuda:N, mps, cpu or auto."},
        "help.generate.generate.dtype": {
            "en": "fp16, bf16 or fp32 (default: fp16 on CUDA, else fp32)."
        },
        "help.generate.generate.private_prompt": {
            "en": "Write only the prompt's SHA-256 into the files (the ledger keeps it)."
        },
        "help.generate.generate.title": {"en": "Title of the artwork(s)."},
        "help.generate.generate.training_mining": {
            "en": "AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else notAllowed)."
        },
        "help.generate.generate.declaration": {
            "en": "The artist's declaration (TOML, see `artcharter declare`), embedded in every image."
        },
        "help.generate.generate.session": {
            "en": "Session name to group generations (default: a new one per command)."
        },
        "help.generate.generate.output": {"en": "Folder for the signed images."},
        "help.generate.generate.json": {"en": "Print the records as JSON."},
        "help.generate.ImagesArgument": {
            "en": "Images: file paths, artwork ids (or their first characters) or hashes."
        },
        "help.generate.keep.json": {"en": "Print JSON."},
        "help.generate.discard.json": {"en": "Print JSON."},
        "help.generate.energy.session": {"en": "Only this session (see `artcharter ledger list`)."},
        "help.generate.energy.json": {"en": "Print JSON."},
        "help.keys.keys_app": {"en": "School root CA and artist signing certificates."},
        "help.keys.Passphrase": {
            "en": "Passphrase protecting the new private key (or set ARTCHARTER_PASSPHRASE)."
        },
        "help.keys.init_school.name": {
            "en": 'School name, e.g. "ESAD Exemple" (or your own name with --personal).'
        },
        "help.keys.init_school.personal": {"en": "A personal CA for an artist outside any school."},
        "help.keys.init_school.country": {"en": "ISO 3166 two-letter country of the CA."},
        "help.keys.init_school.alg": {"en": "Key algorithm: es256 (EC P-256) or ed25519."},
        "help.keys.init_school.years": {"en": "Validity of the root certificate in years."},
        "help.keys.init_school.force": {
            "en": "Replace an existing root (old signatures stop being trusted)."
        },
        "help.keys.issue.artist": {"en": 'Artist name, e.g. "Alice Martin".'},
        "help.keys.issue.email": {"en": "Artist e-mail, written in the certificate."},
        "help.keys.issue.alg": {"en": "Key algorithm: es256 (EC P-256) or ed25519."},
        "help.keys.issue.days": {"en": "Validity in days."},
        "help.keys.issue.root_passphrase": {"en": "Passphrase of the school root key."},
        "help.keys.issue.default": {"en": "Make this artist the project's default signer."},
        "help.keys.issue.force": {"en": "Replace an existing certificate for this artist."},
        "help.keys.list_keys.json": {"en": "Print JSON."},
        "help.keys.show.who": {"en": '"root", an artist name, or a .pem path.'},
        "help.keys.show.json": {"en": "Print JSON."},
        "help.label.label.image": {"en": "The image to label (never modified)."},
        "help.label.label.output": {"en": "Where to write the signed copy."},
        "help.label.label.source_type": {
            "en": "IPTC digital source type: trainedAlgorithmicMedia, compositeWithTrainedAlgorithmicMedia, humanEdits, digitalCapture, ..."
        },
        "help.label.label.tool": {"en": 'AI tool used, e.g. "Midjourney v6".'},
        "help.label.label.prompt": {"en": "Prompt given to the tool."},
        "help.label.label.private_prompt": {"en": "Write only the prompt's SHA-256 into the file."},
        "help.label.label.ingredient": {
            "en": "Human input as PATH or PATH:ROLE (sketch, photo, init-image, earlier-version, reference, other). Repeatable."
        },
        "help.label.label.training_mining": {
            "en": "AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else notAllowed)."
        },
        "help.label.label.title": {"en": "Title of the artwork."},
        "help.label.label.declaration": {
            "en": "Artist's declaration (TOML, see `artcharter declare`), embedded in the file."
        },
        "help.label.label.force": {"en": "Overwrite the output if it exists."},
        "help.label.label.json": {"en": "Print the record as JSON."},
        "help.ledger.ledger_app": {
            "en": "Read the project's ledger (it also opens in Datasette as is)."
        },
        "help.ledger.list_rows.status": {
            "en": "Only artworks with this status: kept, discarded, signed, replaced."
        },
        "help.ledger.list_rows.limit": {"en": "At most this many rows."},
        "help.ledger.list_rows.json": {"en": "Print JSON."},
        "help.ledger.show.key": {"en": "Artwork id (or its first characters), file hash, or path."},
        "help.ledger.import_files.files": {
            "en": "Signed images or folders of them (never modified)."
        },
        "help.ledger.import_files.json": {"en": "Print JSON."},
        "help.probe.probe_app": {
            "en": "Bias and stereotype probes: measure what a model's images show for occupations and descriptors (perceived gender, age group, skin tone), probe one artwork, or audit a prompt. Every figure is a perceived attribute read by a CLIP model, which has its own biases. See docs/probes.md."
        },
        "help.probe.ClipOption": {
            "en": "CLIP probe: ViT-B-32:laion2b_s34b_b79k (default; from the local cache, never downloaded), ARCH:TAG, ARCH:PATH, a checkpoint file or open_clip folder, or `demo` (tiny random-weight model: meaningless numbers)."
        },
        "help.probe.DeviceOption": {"en": "cuda, cuda:N, mps, cpu or auto."},
        "help.probe.JsonOption": {"en": "Print JSON."},
        "help.probe.campaign.model": {
            "en": "Model to probe: `demo`, a Hugging Face id or a diffusers folder (default: the project's). With --images: the name of the tool that made them."
        },
        "help.probe.campaign.prompt_set": {
            "en": "occupations (HEIM + Fair Diffusion), descriptors (HEIM / DALL-Eval), or a .toml / .txt file of your own."
        },
        "help.probe.campaign.subjects": {
            "en": "Only these subjects of the set, comma-separated (e.g. nurse,ceo)."
        },
        "help.probe.campaign.per_prompt": {"en": "Images per prompt."},
        "help.probe.campaign.seed_base": {
            "en": "Image i of every prompt gets the seed SEED_BASE + i."
        },
        "help.probe.campaign.images": {
            "en": "Classify this folder instead of generating (one sub-folder per prompt; outputs of Midjourney, Firefly...)."
        },
        "help.probe.campaign.ethnicity": {
            "en": "Also read perceived ethnicity (contested: comes with a warning)."
        },
        "help.probe.campaign.prompt_lang": {
            "en": "Language of the prompts: en (default), fr; repeat for both."
        },
        "help.probe.campaign.steps": {"en": "Denoising steps (default: the model's)."},
        "help.probe.campaign.size": {"en": "Image side in pixels (default: the model's)."},
        "help.probe.campaign.guidance": {"en": "Guidance scale (default: the model's)."},
        "help.probe.campaign.batch_size": {"en": "Images per pipeline call."},
        "help.probe.campaign.probe_batch_size": {"en": "Images per CLIP batch."},
        "help.probe.campaign.threshold": {
            "en": "Confidence threshold of an attribute, e.g. gender=0.7 (repeatable)."
        },
        "help.probe.campaign.gate_threshold": {
            "en": "Probability of a person under which the probe abstains."
        },
        "help.probe.campaign.probe_classes": {
            "en": "A TOML file of probe classes replacing the built-in one."
        },
        "help.probe.campaign.reference": {
            "en": "Reference shares (TOML/JSON with its source) for KL and MaxSkew."
        },
        "help.probe.campaign.resume": {"en": "Resume this campaign (id or its first characters)."},
        "help.probe.campaign.new": {
            "en": "Start a new campaign even if the same one was left unfinished."
        },
        "help.probe.campaign.dtype": {"en": "fp16, bf16 or fp32 for the model."},
        "help.probe.campaign.output": {"en": "Folder of the campaign (default: probes/ID)."},
        "help.probe.show.campaign_id": {"en": "Campaign id (or its first characters)."},
        "help.probe.show.chart": {"en": "Also write the chart (SVG and PNG) into this folder."},
        "help.probe.artwork.image": {"en": "The image to probe (never modified)."},
        "help.probe.artwork.prompt": {"en": "Audit this prompt instead of the one on record."},
        "help.probe.artwork.ethnicity": {
            "en": "Also read perceived ethnicity (contested: comes with a warning)."
        },
        "help.probe.prompt_command.text": {"en": "The prompt to audit."},
        "help.project.init.folder": {"en": "Project folder (created if needed)."},
        "help.project.init.name": {"en": "Name of the school, class or studio."},
        "help.project.init.lang": {"en": "Language of reports: fr or en."},
        "help.project.init.country": {"en": "ISO alpha-3 country of the electricity mix (energy)."},
        "help.report.LangOption": {
            "en": "Language of the page: fr or en (default: the global --lang)."
        },
        "help.report.CharterOption": {
            "en": "Charter file (default: [charter] file in artcharter.toml, else the default charter)."
        },
        "help.report.NoLedgerOption": {
            "en": "Do not read the project's ledger (sessions, discarded images, campaigns)."
        },
        "help.report.report.image": {"en": "The signed artwork."},
        "help.report.report.output": {"en": "Folder for the HTML page and its JSON twin."},
        "help.report.report.pdf": {"en": "Also print the page to PDF (A4) with Chromium."},
        "help.report.report.json": {"en": "Print the report's JSON."},
        "help.report.cartel.source": {
            "en": "A signed artwork, or a folder of them for an A4 sheet."
        },
        "help.report.cartel.output": {"en": "Folder for the labels."},
        "help.report.cartel.verify_url": {
            "en": "The school's verification page: the QR code becomes a link to it with ?id=...&sha256=... (default: a text with the id and the hash)."
        },
        "help.report.cartel.pdf": {"en": "Also print the labels to PDF with Chromium."},
        "help.report.summary.folder": {"en": "Folder of artworks (or use --ledger)."},
        "help.report.summary.from_ledger": {
            "en": "Summarise the artworks recorded in the project's ledger (all but discarded)."
        },
        "help.report.summary.output": {"en": "Folder for the summary and the reports."},
        "help.report.summary.json": {"en": "Print the summary's JSON."},
        "help.serve.serve.host": {"en": "Address to listen on (loopback by default)."},
        "help.serve.serve.port": {"en": "Port (0: any free port, printed at start)."},
        "help.serve.serve.charter": {
            "en": "Charter file (TOML). Default: the project's charter, else the default."
        },
        "help.serve.serve.keep_uploads": {
            "en": "Keep dropped files in the ledger's folder (uploads/), or discard them: held in memory while the jury looks, never written to disk (default)."
        },
        "help.serve.serve.max_upload_mb": {"en": "Largest file accepted, in MB."},
        "help.serve.serve.allow_non_loopback": {
            "en": "Allow a --host reachable from other machines (for visitors' phones on a festival network)."
        },
    },
)

_help_lang = DEFAULT_LANG


def set_help_lang(lang: str) -> None:
    """The language of the ``--help`` texts of the command modules imported from now on."""
    global _help_lang
    _help_lang = normalise_lang(lang) or DEFAULT_LANG


def help_text(key: str, **fields: object) -> str:
    """A ``--help`` text in the language set by ``set_help_lang``."""
    return MESSAGES(key, **fields).render(_help_lang)


def text(key: str, lang: str, **fields: object) -> str:
    """A text the command line prints, in ``lang``."""
    return MESSAGES(key, **fields).render(lang)


def untranslated() -> list[str]:
    """The keys whose French falls back to English."""
    return [key for key, by_lang in MESSAGES.texts.items() if "fr" not in by_lang]
