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
    },
)

_help_lang = DEFAULT_LANG


def set_help_lang(lang: str) -> None:
    """The language of the ``--help`` texts of the command modules imported from now on."""
    global _help_lang
    _help_lang = normalise_lang(lang) or DEFAULT_LANG


def help_text(key: str) -> str:
    """A ``--help`` text in the language set by ``set_help_lang``."""
    return MESSAGES(key).render(_help_lang)


def text(key: str, lang: str, **fields: object) -> str:
    """A text the command line prints, in ``lang``."""
    return MESSAGES(key, **fields).render(lang)


def untranslated() -> list[str]:
    """The keys whose French falls back to English."""
    return [key for key, by_lang in MESSAGES.texts.items() if "fr" not in by_lang]
