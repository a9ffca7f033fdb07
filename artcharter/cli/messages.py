"""The command line's own texts: what its commands print and their ``--help``.

One catalogue, like each room's (``artcharter.base.messages``). Help texts are read when a
command module is imported, so the language is set first (``set_help_lang``, from the
language chain of ``artcharter.cli.edge.reader_lang``) and only the command being run is
imported. Every text has its French; a text added in English alone would fall back to
English, and ``untranslated()`` (checked empty by the tests) would list it.
"""

from __future__ import annotations

from artcharter.base.messages import DEFAULT_LANG, Catalogue, normalise_lang

MESSAGES = Catalogue(
    "cli",
    {
        # --- artcharter verify -----------------------------------------------------------
        "verify.signer": {"en": "signer", "fr": "signataire"},
        "verify.trusted_by": {"en": "trusted by", "fr": "garanti par"},
        "verify.ingredient_credentials": {
            "en": "ingredient",
            "fr": "ingrédient",
        },
        "verify.ai_use": {"en": "AI use", "fr": "usage de l'IA"},
        "verify.tool": {"en": "tool/model", "fr": "outil/modèle"},
        "verify.ingredients": {"en": "ingredients", "fr": "ingrédients"},
        "verify.adapter": {"en": "adapter", "fr": "adaptateur"},
        "verify.series": {"en": "series", "fr": "série"},
        "verify.series_place": {
            "en": "{id}, image {index} of {n}",
            "fr": "{id}, image {index} sur {n}",
        },
        "verify.series_file": {
            "en": "{id}, file {index} of {n}",
            "fr": "{id}, fichier {index} sur {n}",
        },
        "verify.codes": {"en": "codes", "fr": "codes"},
        "verify.error": {"en": "error", "fr": "erreur"},
        "verify.title": {"en": "title", "fr": "titre"},
        "verify.unknown": {"en": "unknown", "fr": "inconnu"},
        "verify.claimed_author": {
            "en": "author named in the file (not verified, not the signer)",
            "fr": "auteur nommé dans le fichier (non vérifié, pas le signataire)",
        },
        "verify.unattributed": {
            "en": "ignored, not attributed to the signer",
            "fr": "ignoré, non attribué au signataire",
        },
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
        "check.blocking": {
            "en": ": {rules}",
            "fr": "\u00a0: {rules}",
        },
        "check.rule_status": {"en": "{title} ({status})", "fr": "{title} ({status})"},
        "check.summary.one": {
            "en": "{n} artwork — meeting the charter: {ok}, not meeting it: {ko}",
            "fr": "{n} œuvre — conformes à la charte\u00a0: {ok}, non conformes\u00a0: {ko}",
        },
        "check.summary.other": {
            "en": "{n} artworks — meeting the charter: {ok}, not meeting it: {ko}",
            "fr": "{n} œuvres — conformes à la charte\u00a0: {ok}, non conformes\u00a0: {ko}",
        },
        "declare.adapter_kind_lora": {"en": "the LoRA", "fr": "le LoRA"},
        "declare.adapter_kind_textual-inversion": {
            "en": "the embedding",
            "fr": "l'embedding",
        },
        "declare.ask_adapter": {
            "en": "What was {kind} {name} ({file}) trained on? (Enter: leave it to complete in the file)",
            "fr": "Sur quoi {kind} {name} ({file}) a-t-il été entraîné\u00a0? (Entrée\u00a0: à compléter dans le fichier)",
        },
        "declare.ask_by_artist": {
            "en": "Did you train it yourself?",
            "fr": "L'avez-vous entraîné vous-même\u00a0?",
        },
        "declare.adapters_to_complete": {
            "en": "say what {names} was trained on: training_data under [[adapters]] in {path}",
            "fr": "dites sur quoi {names} a été entraîné\u00a0: training_data sous [[adapters]] dans {path}",
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
        # --- errors the command line itself reports -------------------------------------
        "error.interrupted": {"en": "interrupted", "fr": "interrompu"},
        "passphrase.new": {
            "en": "passphrase of the new key (not shown): ",
            "fr": "phrase secrète de la nouvelle clé (masquée)\u00a0: ",
        },
        "passphrase.again": {
            "en": "the same passphrase again: ",
            "fr": "la même phrase secrète à nouveau\u00a0: ",
        },
        "passphrase.prompt": {
            "en": "passphrase of {path} (not shown): ",
            "fr": "phrase secrète de {path} (masquée)\u00a0: ",
        },
        "error.see_help": {"en": " (see `{command} --help`)", "fr": " (voir `{command} --help`)"},
        "error.ledger_unreadable": {
            "en": "the ledger cannot be read: {error} (damaged, or not an artcharter ledger)",
            "fr": "le registre est illisible\u00a0: {error} (endommagé, ou ce n'est pas un "
            "registre artcharter)",
        },
        "error.lang": {"en": "choose fr or en", "fr": "choisissez fr ou en"},
        "keys.no_project": {
            "en": "no project in {folder}, so no school root to sign artists' certificates: "
            "create the project with `artcharter init`, then the school's root with "
            '`artcharter keys init-school --name "SCHOOL"`, then issue the artist again',
            "fr": "pas de projet dans {folder}, donc pas de racine d'école pour signer les "
            "certificats d'artiste\u00a0: créez le projet avec `artcharter init`, puis la racine "
            'de l\'école avec `artcharter keys init-school --name "ÉCOLE"`, puis relancez '
            "l'émission du certificat",
        },
        "keys.no_root_in_project": {
            "en": "this project has no school root yet ({path}): create it with "
            '`artcharter keys init-school --name "SCHOOL"`, then issue the artist again',
            "fr": "ce projet n'a pas encore de racine d'école ({path})\u00a0: créez-la avec "
            '`artcharter keys init-school --name "ÉCOLE"`, puis relancez l\'émission du '
            "certificat",
        },
        "usage.no_option": {
            "en": "unknown option {option}",
            "fr": "option inconnue\u00a0: {option}",
        },
        "usage.no_option_guess": {
            "en": "unknown option {option}: did you mean {choices}?",
            "fr": "option inconnue\u00a0: {option}. Vouliez-vous dire {choices}\u00a0?",
        },
        "usage.no_command": {
            "en": "unknown command {command}",
            "fr": "commande inconnue\u00a0: {command}",
        },
        "usage.no_command_guess": {
            "en": "unknown command {command}: did you mean {choices}?",
            "fr": "commande inconnue\u00a0: {command}. Vouliez-vous dire {choices}\u00a0?",
        },
        "usage.missing_option": {
            "en": "the option {name} is needed",
            "fr": "il manque l'option {name}",
        },
        "usage.missing_argument": {
            "en": "the argument {name} is needed",
            "fr": "il manque l'argument {name}",
        },
        "usage.invalid": {
            "en": "invalid value for {name}: {expected}",
            "fr": "valeur invalide pour {name}\u00a0: {expected}",
        },
        "usage.expected_integer": {
            "en": "a whole number is expected",
            "fr": "un nombre entier est attendu",
        },
        "usage.expected_number": {
            "en": "a number is expected (for example 7.5)",
            "fr": "un nombre est attendu (par exemple 7.5)",
        },
        "usage.expected_range": {
            "en": "a number from {low} to {high} is expected",
            "fr": "un nombre de {low} à {high} est attendu",
        },
        "usage.extra": {
            "en": "unexpected extra argument(s): {words}",
            "fr": "argument(s) en trop\u00a0: {words}",
        },
        "usage.needs_value": {
            "en": "the option {option} needs a value",
            "fr": "l'option {option} attend une valeur",
        },
        "verify.no_files": {"en": "no image files found", "fr": "aucun fichier image trouvé"},
        "declare.no_image": {
            "en": "give an IMAGE, or --check DECLARATION",
            "fr": "donnez une IMAGE, ou --check DÉCLARATION",
        },
        "probe.bad_threshold": {
            "en": "--threshold {value!r}: expected ATTRIBUTE=VALUE, e.g. gender=0.7",
            "fr": "--threshold {value!r}\u00a0: ATTRIBUT=VALEUR attendu, p. ex. gender=0.7",
        },
        "serve.merge_no_ledger": {
            "en": "--merge-token-file needs the project's ledger: the desk merges workstations' ledgers into it",
            "fr": "--merge-token-file demande le registre du projet\u00a0: le bureau y fusionne ceux des postes",
        },
        "serve.merge_token_unreadable": {
            "en": "cannot read the merge token {path}: {reason}",
            "fr": "impossible de lire le jeton de fusion {path}\u00a0: {reason}",
        },
        "serve.merge_token_open": {
            "en": "the merge token {path} is readable by other users (mode {mode}); run: chmod 600 {path}",
            "fr": "le jeton de fusion {path} est lisible par d'autres utilisateurs (mode {mode})\u00a0; lancez\u00a0: chmod 600 {path}",
        },
        "serve.merge_token_short": {
            "en": "the merge token in {path} must be one word of at least {n} characters (make one: openssl rand -hex 32 > {path})",
            "fr": "le jeton de fusion de {path} doit être un mot d'au moins {n} caractères (en faire un\u00a0: openssl rand -hex 32 > {path})",
        },
        "serve.merges": {
            "en": "Workstations' ledgers are merged, with the school's token, at {url}",
            "fr": "Les registres des postes sont fusionnés, avec le jeton de l'école, à {url}",
        },
        "serve.no_charter": {
            "en": "charter file not found: {path}",
            "fr": "fichier de charte introuvable\u00a0: {path}",
        },
        "serve.non_loopback": {
            "en": "--host {host} is reachable from other machines: add --allow-non-loopback to "
            "serve there, or keep the default 127.0.0.1",
            "fr": "--host {host} est joignable depuis d'autres machines\u00a0: ajoutez "
            "--allow-non-loopback pour y servir, ou gardez 127.0.0.1, l'adresse par défaut",
        },
        "serve.port_in_use": {
            "en": "port {port} is already in use on {host}: choose another with --port",
            "fr": "le port {port} est déjà utilisé sur {host}\u00a0: choisissez-en un autre "
            "avec --port",
        },
        "serve.cannot_listen": {
            "en": "cannot listen on {host}:{port}: {reason}",
            "fr": "impossible d'écouter sur {host}:{port}\u00a0: {reason}",
        },
        "ledger.no_artwork": {
            "en": "no artwork {key!r} in the ledger",
            "fr": "aucune œuvre {key!r} dans le registre",
        },
        "ledger.damaged_record": {
            "en": "the ledger's record of artwork {artwork_id} is damaged (not JSON)",
            "fr": "la fiche de l'œuvre {artwork_id} dans le registre est endommagée (ce n'est "
            "pas du JSON)",
        },
        "ledger.no_trust": {
            "en": "no trust anchor: {path} is missing and no --trust was given",
            "fr": "aucune autorité de confiance\u00a0: {path} manque et aucune option --trust "
            "n'a été donnée",
        },
        # --- artcharter label ------------------------------------------------------------
        "label.folder_series": {
            "en": "series {id}: {n} files from {folder} (if it stops, the same command goes on)",
            "fr": "série {id}\u00a0: {n} fichiers de {folder} (si elle s'arrête, la même commande la reprend)",
        },
        "label.folder_resumed": {
            "en": "resuming series {id}: {done} of {n} files already signed",
            "fr": "reprise de la série {id}\u00a0: {done} fichiers sur {n} déjà signés",
        },
        "label.folder_interrupted.one": {
            "en": "interrupted: {n} file signed and recorded before the stop; the same command goes on",
            "fr": "interrompu\u00a0: {n} fichier signé et enregistré avant l'arrêt\u00a0; la même commande reprend la suite",
        },
        "label.folder_interrupted.other": {
            "en": "interrupted: {n} files signed and recorded before the stop; the same command goes on",
            "fr": "interrompu\u00a0: {n} fichiers signés et enregistrés avant l'arrêt\u00a0; la même commande reprend la suite",
        },
        "label.folder_bar": {"en": "signing", "fr": "signature"},
        "label.folder_file": {"en": "signed: {path}", "fr": "signé\u00a0: {path}"},
        "label.file_failed": {
            "en": "not signed: {name}: {error}",
            "fr": "non signé\u00a0: {name}\u00a0: {error}",
        },
        "label.file_failed_named": {
            "en": "not signed: {error}",
            "fr": "non signé\u00a0: {error}",
        },
        "label.folder_done.one": {
            "en": "{n} file signed into {output} now, {already} before (series {id}, {total} files in all)",
            "fr": "{n} fichier signé dans {output} maintenant, {already} avant (série {id}, {total} fichiers en tout)",
        },
        "label.folder_done.other": {
            "en": "{n} files signed into {output} now, {already} before (series {id}, {total} files in all)",
            "fr": "{n} fichiers signés dans {output} maintenant, {already} avant (série {id}, {total} fichiers en tout)",
        },
        "label.folder_failed.one": {
            "en": "{n} of {total} files could not be signed (its line is above); the others are signed: fix or remove it, then run the same command again",
            "fr": "{n} fichier sur {total} n'a pas pu être signé (sa ligne est ci-dessus)\u00a0; les autres sont signés\u00a0: corrigez-le ou retirez-le, puis relancez la même commande",
        },
        "label.folder_failed.other": {
            "en": "{n} of {total} files could not be signed (one line each above); the others are signed: fix or remove those, then run the same command again",
            "fr": "{n} fichiers sur {total} n'ont pas pu être signés (une ligne chacun ci-dessus)\u00a0; les autres sont signés\u00a0: corrigez ou retirez ceux-là, puis relancez la même commande",
        },
        "label.signed": {
            "en": "signed: {path}  (artwork {artwork_id}, sha256 {sha256}…)",
            "fr": "signée\u00a0: {path}  (œuvre {artwork_id}, sha256 {sha256}…)",
        },
        "cartel.ask_desk_url": {
            "en": "Address of the school's jury desk, which the QR codes open (https://…)",
            "fr": "Adresse du bureau du jury de l'école, qu'ouvrent les QR codes (https://…)",
        },
        "cartel.desk_url_kept": {
            "en": "kept in artcharter.toml, [desk] url = {url}",
            "fr": "gardée dans artcharter.toml, [desk] url = {url}",
        },
        "label.declaration_signed": {
            "en": "signed with its declaration: {path}  (artwork {artwork_id}, sha256 "
            "{sha256}…; earlier version: {parent})",
            "fr": "signée avec sa déclaration\u00a0: {path}  (œuvre {artwork_id}, sha256 "
            "{sha256}…\u00a0; version précédente\u00a0: {parent})",
        },
        # --- artcharter report, cartel, summary -------------------------------------------
        "report.written": {
            "en": "report: {html}\n        {json}",
            "fr": "rapport\u00a0: {html}\n          {json}",
        },
        "report.pdf": {"en": "PDF: {pdf}", "fr": "PDF\u00a0: {pdf}"},
        "cartel.written": {"en": "label: {html}", "fr": "cartel\u00a0: {html}"},
        "cartel.sheet": {
            "en": "sheet of {n} labels: {html}",
            "fr": "planche de {n} cartels\u00a0: {html}",
        },
        "cartel.sheet_one": {
            "en": "sheet of 1 label: {html}",
            "fr": "planche d'un cartel\u00a0: {html}",
        },
        "cartel.svg.one": {
            "en": "SVG: {n} file in {dir}",
            "fr": "SVG\u00a0: {n} fichier dans {dir}",
        },
        "cartel.svg.other": {
            "en": "SVG: {n} files in {dir}",
            "fr": "SVG\u00a0: {n} fichiers dans {dir}",
        },
        "cartel.warn": {
            "en": 'warning: the verdict for {file} is "{verdict}"; its label says so',
            "fr": "attention\u00a0: le verdict {file:de} est «\u00a0{verdict}\u00a0»\u00a0; son cartel "
            "l'indique",
        },
        "summary.written.one": {
            "en": "summary of {n} artwork: {html}\n        {json}",
            "fr": "synthèse de {n} œuvre\u00a0: {html}\n          {json}",
        },
        "summary.written.other": {
            "en": "summary of {n} artworks: {html}\n        {json}",
            "fr": "synthèse de {n} œuvres\u00a0: {html}\n          {json}",
        },
        # --- artcharter serve -------------------------------------------------------------
        "serve.listening": {
            "en": "artcharter jury desk: {url}  (Ctrl+C to stop)",
            "fr": "bureau du jury artcharter\u00a0: {url}  (Ctrl+C pour arrêter)",
        },
        "serve.trust_list_failed": {
            "en": "warning: {error}",
            "fr": "attention\u00a0: {error}",
        },
        "serve.trust": {
            "en": "  trusted authorities: {names}",
            "fr": "  autorités de confiance\u00a0: {names}",
        },
        "serve.no_trust": {
            "en": "  no trust anchor: no file can be 'trusted' (pass --trust ROOT.pem)",
            "fr": "  aucune autorité de confiance\u00a0: aucun fichier ne peut être «\u00a0de confiance\u00a0» (option --trust RACINE.pem)",
        },
        "serve.ledger": {"en": "  ledger: {path}", "fr": "  registre\u00a0: {path}"},
        "serve.no_ledger": {
            "en": "  no ledger: verifications are not recorded",
            "fr": "  aucun registre\u00a0: les vérifications ne sont pas enregistrées",
        },
        "serve.kept": {
            "en": "  uploads kept in {path}",
            "fr": "  fichiers déposés conservés dans {path}",
        },
        "serve.discarded": {
            "en": "  uploads held in memory only, never written to disk, then forgotten",
            "fr": "  fichiers déposés gardés en mémoire seulement, jamais écrits sur disque, puis oubliés",
        },
        "serve.warning": {
            "en": "warning: the desk listens on {host}, reachable from other machines: anyone who can reach it can drop files and read the ledger's public records",
            "fr": "attention\u00a0: le bureau écoute sur {host}, joignable depuis d'autres machines\u00a0: quiconque le joint peut y déposer des fichiers et lire les fiches publiques du registre",
        },
        "serve.stopped": {"en": "jury desk stopped", "fr": "bureau du jury arrêté"},
        # --- artcharter ledger list ---------------------------------------------------------
        "ledger.counts": {"en": "ledger: {tables}", "fr": "registre\u00a0: {tables}"},
        "ledger.count": {"en": ", {table} {n}", "fr": ", {table} {n}"},
        "ledger.probe_image": {"en": "(probe image)", "fr": "(image de sonde)"},
        "ledger.table.artworks": {"en": "artworks", "fr": "œuvres"},
        "ledger.table.campaign_images": {
            "en": "images of probe campaigns",
            "fr": "images de campagnes de sondes",
        },
        "ledger.table.energy_runs": {"en": "energy measurements", "fr": "mesures d'énergie"},
        "ledger.table.signatures": {
            "fr": "signatures (horodatage, empreinte)",
            "en": "signatures (time-stamp, fingerprint)",
        },
        "ledger.table.verifications": {"en": "verifications", "fr": "vérifications"},
        "ledger.table.declarations": {"en": "declarations", "fr": "déclarations"},
        "ledger.table.probe_campaigns": {"en": "probe campaigns", "fr": "campagnes de sondes"},
        "ledger.table.probe_images": {
            "en": "images read by the probes",
            "fr": "images lues par les sondes",
        },
        "ledger.table.probe_results": {"en": "probe results", "fr": "résultats de sondes"},
        "ledger.table.probe_artworks": {"en": "artworks probed", "fr": "œuvres sondées"},
        "ledger.status.kept": {"en": "kept", "fr": "gardée"},
        "ledger.status.discarded": {"en": "discarded", "fr": "écartée"},
        "ledger.status.signed": {"en": "signed", "fr": "signée"},
        "ledger.status.replaced": {"en": "replaced", "fr": "remplacée"},
        # --- artcharter ledger import -----------------------------------------------------
        "ledger.import.imported": {
            "en": "imported      {path}  (artwork {id})",
            "fr": "importé       {path}  (œuvre {id})",
        },
        "ledger.import.already": {
            "en": "already there {path}  (artwork {id})",
            "fr": "déjà présent  {path}  (œuvre {id})",
        },
        "ledger.import.conflict": {
            "en": "conflict      {path}: the ledger holds other bytes as artwork {id}; kept as is",
            "fr": "conflit       {path}\u00a0: le registre garde d'autres octets pour l'œuvre {id}\u00a0; rien n'est changé",
        },
        "ledger.import.not-trusted": {
            "en": "not imported  {path}: {verdict}, only trusted files are imported",
            "fr": "non importé   {path}\u00a0: {verdict}, seuls les fichiers de confiance sont importés",
        },
        "ledger.import.no-record": {
            "en": "not imported  {path}: trusted, but it carries no artcharter record",
            "fr": "non importé   {path}\u00a0: de confiance, mais sans fiche artcharter",
        },
        "ledger.import.claimed-author": {
            "en": "not imported  {path}: its record names an author who is not the signer",
            "fr": "non importé   {path}\u00a0: sa fiche nomme un auteur qui n'est pas le signataire",
        },
        "ledger.import.total": {
            "en": "{imported} imported, {already} already there, {skipped} not imported",
            "fr": "{imported} importé(s), {already} déjà présent(s), {skipped} non importé(s)",
        },
        "ledger.merge.total": {
            "en": "{source}: {imported} artwork(s) joined (trusted files), {already} already here, {conflict} in conflict (this ledger's rows kept), {apart} other row(s) kept apart in merged_rows",
            "fr": "{source} : {imported} œuvre(s) ajoutée(s) (fichiers de confiance), {already} déjà présente(s), {conflict} en conflit (les lignes de ce registre sont gardées), {apart} autre(s) ligne(s) mise(s) à part dans merged_rows",
        },
        "ledger.merge.no_file": {
            "en": "no ledger file at {path}",
            "fr": "aucun fichier de registre à {path}",
        },
        "ledger.merge.no_folder": {
            "en": "no folder at {path}",
            "fr": "aucun dossier à {path}",
        },
        # --- artcharter generate ----------------------------------------------------------
        "generate.loading": {"en": "loading {model}…", "fr": "chargement {model:de}…"},
        "generate.loaded": {
            "en": "model: {model} on {device} ({dtype}), loaded in {duration}",
            "fr": "modèle\u00a0: {model} sur {device} ({dtype}), chargé en {duration}",
        },
        "generate.demo": {
            "en": "demo model, random weights: its images are noise, made to try the whole path",
            "fr": "modèle de démonstration, poids aléatoires\u00a0: ses images sont du bruit, pour essayer tout le parcours",
        },
        "generate.negative_ignored": {
            "en": "note: with guidance {guidance} (≤ 1) this model ignores the negative prompt; it is recorded anyway",
            "fr": "remarque\u00a0: avec un guidage de {guidance} (≤ 1) ce modèle ignore le prompt négatif\u00a0; il est tout de même enregistré",
        },
        "generate.bar": {"en": "generating", "fr": "génération"},
        "generate.made": {
            "en": "{path}  seed {seed}  {energy}",
            "fr": "{path}  graine {seed}  {energy}",
        },
        "generate.not_measured": {"en": "not measured", "fr": "non mesurée"},
        "generate.unknown": {
            "en": "energy unknown: {reason}",
            "fr": "énergie inconnue\u00a0: {reason}",
        },
        "generate.summary.one": {
            "en": "{n} image signed and recorded (session {session}): {energy}, {co2}",
            "fr": "{n} image signée et enregistrée (session {session})\u00a0: {energy}, {co2}",
        },
        "generate.summary.other": {
            "en": "{n} images signed and recorded (session {session}): {energy}, {co2}",
            "fr": "{n} images signées et enregistrées (session {session})\u00a0: {energy}, {co2}",
        },
        "generate.series": {
            "en": "series {id}: {n} images (if it stops, `artcharter generate --resume {id}` goes on)",
            "fr": "série {id}\u00a0: {n} images (si elle s'arrête, `artcharter generate --resume {id}` la poursuit)",
        },
        "generate.series_resumed": {
            "en": "resuming series {id}: {done} of {n} images already made",
            "fr": "reprise de la série {id}\u00a0: {done} images sur {n} déjà faites",
        },
        "generate.resume_with": {
            "en": "`artcharter generate --resume {id}` makes the missing images",
            "fr": "`artcharter generate --resume {id}` fait les images qui manquent",
        },
        "generate.resume_alone": {
            "en": "{param} takes everything from the series: give no prompt",
            "fr": "{param} reprend tout de la série\u00a0: ne donnez pas de prompt",
        },
        "generate.needs_prompt": {
            "en": "say what to generate (a prompt), or resume a series with {param}",
            "fr": "dites quoi générer (un prompt), ou reprenez une série avec {param}",
        },
        "generate.interrupted.one": {
            "en": "interrupted: {n} image was finished and recorded before the stop",
            "fr": "interrompu\u00a0: {n} image terminée et enregistrée avant l'arrêt",
        },
        "generate.interrupted.other": {
            "en": "interrupted: {n} images were finished and recorded before the stop",
            "fr": "interrompu\u00a0: {n} images terminées et enregistrées avant l'arrêt",
        },
        "generate.next": {
            "en": "keep or discard them: artcharter keep IMAGE… / artcharter discard IMAGE…",
            "fr": "garder ou écarter\u00a0: artcharter keep IMAGE… / artcharter discard IMAGE…",
        },
        "generate.marked": {"en": "{status}: {path}", "fr": "{status}\u00a0: {path}"},
        "generate.statuses.kept": {"en": "kept", "fr": "gardée"},
        "generate.statuses.discarded": {"en": "discarded", "fr": "écartée"},
        "generate.energy_title": {"en": "Energy{scope}", "fr": "Énergie{scope}"},
        "generate.session": {"en": " of session {session}", "fr": " de la session {session}"},
        "generate.all": {"en": " of the whole project", "fr": " de tout le projet"},
        "generate.total.one": {
            "en": "total: {energy}, {co2} ({n} measured run{unknown})",
            "fr": "total\u00a0: {energy}, {co2} ({n} mesure{unknown})",
        },
        "generate.total.other": {
            "en": "total: {energy}, {co2} ({n} measured runs{unknown})",
            "fr": "total\u00a0: {energy}, {co2} ({n} mesures{unknown})",
        },
        "generate.split": {
            "en": "split: {split} (codecarbon's components)",
            "fr": "répartition\u00a0: {split} (composants de codecarbon)",
        },
        "generate.ram_dominates": {
            "en": "careful: {share} of it is RAM, a constant estimate (10 W on x86 for a "
            "process under 16 GB), not a measure of the work (docs/energy.md)",
            "fr": "attention\u00a0: {share} en est la RAM, une estimation constante (10 W "
            "sur x86 pour un processus de moins de 16 Go), pas une mesure du travail "
            "(docs/energy.md)",
        },
        "generate.unknown_runs.one": {
            "en": ", {n} unknown",
            "fr": ", {n} inconnue",
        },
        "generate.unknown_runs.other": {
            "en": ", {n} unknown",
            "fr": ", {n} inconnues",
        },
        "generate.images": {
            "en": "images {status}: {n}, {energy}",
            "fr": "images {status}\u00a0: {n}, {energy}",
        },
        "generate.phase.generation": {"en": "generations", "fr": "générations"},
        "generate.phase.model-load": {"en": "model loading", "fr": "chargements de modèle"},
        "generate.phase.generation-aborted": {
            "en": "interrupted generations",
            "fr": "générations interrompues",
        },
        "generate.phase_line.one": {
            "en": "{phase}: {n} run, {energy}",
            "fr": "{phase}\u00a0: {n} mesure, {energy}",
        },
        "generate.phase_line.other": {
            "en": "{phase}: {n} runs, {energy}",
            "fr": "{phase}\u00a0: {n} mesures, {energy}",
        },
        "generate.methods": {
            "en": "measured with: {methods} (codecarbon, offline; electricity mix: {countries})",
            "fr": "mesuré par\u00a0: {methods} (codecarbon, hors ligne\u00a0; mix électrique\u00a0: {countries})",
        },
        "generate.co2_incomplete": {
            "en": "some runs had no carbon intensity for their country: CO2 is a lower bound",
            "fr": "certaines mesures n'avaient pas d'intensité carbone pour leur pays\u00a0: le CO2 est un minimum",
        },
        "generate.reasons": {
            "en": "why some energy is unknown: {reasons}",
            "fr": "pourquoi une part de l'énergie est inconnue\u00a0: {reasons}",
        },
        "generate.equivalent": {"en": "≈ {text} ({factor})", "fr": "≈ {text} ({factor})"},
        "generate.sessions": {
            "en": "sessions: {n} (details: artcharter energy --session ID)",
            "fr": "sessions\u00a0: {n} (détail\u00a0: artcharter energy --session ID)",
        },
        "generate.empty": {
            "en": "no energy recorded yet: generate images with `artcharter generate`",
            "fr": "aucune énergie enregistrée\u00a0: générez des images avec `artcharter generate`",
        },
        "generate.no_session": {
            "en": 'no session "{session}" in the ledger',
            "fr": "aucune session «\u00a0{session}\u00a0» dans le registre",
        },
        "generate.sessions_are": {"en": "sessions: {sessions}", "fr": "sessions\u00a0: {sessions}"},
        "generate.sessions_elsewhere": {
            "en": "`artcharter energy --json` lists its {n} sessions",
            "fr": "`artcharter energy --json` en liste les {n} sessions",
        },
        "generate.no_sessions": {
            "en": "no energy recorded yet",
            "fr": "aucune énergie enregistrée pour l'instant",
        },
        # --- artcharter generate.status ---------------------------------------------------
        "generate.status.kept": {"en": "kept", "fr": "gardées"},
        "generate.status.discarded": {"en": "discarded", "fr": "écartées"},
        "generate.status.signed": {"en": "signed", "fr": "signées"},
        "generate.status.replaced": {
            "en": "replaced by a newer file",
            "fr": "remplacées par un fichier plus récent",
        },
        "generate.status.missing": {"en": "not in the ledger", "fr": "absentes du registre"},
        # --- artcharter probe -------------------------------------------------------------
        "probe.loading_probe": {
            "en": "loading the CLIP probe {clip}…",
            "fr": "chargement de la sonde CLIP {clip}…",
        },
        "probe.loading_model": {"en": "loading {model}…", "fr": "chargement {model:de}…"},
        "probe.opened.one": {
            "en": "campaign {id}: {n} prompt{per}, folder {out}",
            "fr": "campagne {id}\u00a0: {n} prompt{per}, dossier {out}",
        },
        "probe.opened.other": {
            "en": "campaign {id}: {n} prompts{per}, folder {out}",
            "fr": "campagne {id}\u00a0: {n} prompts{per}, dossier {out}",
        },
        "probe.per": {"en": " x {n} images", "fr": " x {n} images"},
        "probe.resumed.one": {
            "en": "resuming campaign {id} ({n} image already there)",
            "fr": "reprise de la campagne {id} ({n} image déjà faite)",
        },
        "probe.resumed.other": {
            "en": "resuming campaign {id} ({n} images already there)",
            "fr": "reprise de la campagne {id} ({n} images déjà faites)",
        },
        "probe.progress": {
            "en": "{stage}: {done}/{total}",
            "fr": "{stage}\u00a0: {done}/{total}",
        },
        "probe.stage.generate": {"en": "generating", "fr": "génération"},
        "probe.stage.collect": {"en": "listing images", "fr": "inventaire des images"},
        "probe.stage.classify": {"en": "classifying", "fr": "classification"},
        "probe.interrupted": {
            "en": "interrupted: campaign {id} keeps what is done; run the same command again, or `artcharter probe campaign --resume {id}`, to go on",
            "fr": "interrompu\u00a0: la campagne {id} garde ce qui est fait\u00a0; relancez la même commande, ou `artcharter probe campaign --resume {id}`, pour continuer",
        },
        "probe.missing.one": {
            "en": "{n} image missing, left out of these figures (given up after three tries: {reason}); `artcharter probe campaign --resume {id}` makes it",
            "fr": "{n} image manquante, hors de ces chiffres (abandonnée après trois essais\u00a0: {reason})\u00a0; `artcharter probe campaign --resume {id}` la fait",
        },
        "probe.missing.other": {
            "en": "{n} images missing, left out of these figures (given up after three tries: {reason}); `artcharter probe campaign --resume {id}` makes them",
            "fr": "{n} images manquantes, hors de ces chiffres (abandonnées après trois essais\u00a0: {reason})\u00a0; `artcharter probe campaign --resume {id}` les fait",
        },
        "probe.results": {
            "en": "Results (campaign {id}, {images} images, probe {probe}):",
            "fr": "Résultats (campagne {id}, {images} images, sonde {probe})\u00a0:",
        },
        "probe.aggregate.one": {
            "en": "Campaign mean over {n} prompt, bootstrap 95% interval (sampling only: the probe's own errors are not in it):",
            "fr": "Moyenne de la campagne sur {n} prompt, intervalle bootstrap à 95 % (échantillonnage seulement\u00a0: les erreurs de la sonde n'y sont pas)\u00a0:",
        },
        "probe.aggregate.other": {
            "en": "Campaign mean over {n} prompts, bootstrap 95% interval (sampling only: the probe's own errors are not in it):",
            "fr": "Moyenne de la campagne sur {n} prompts, intervalle bootstrap à 95 % (échantillonnage seulement\u00a0: les erreurs de la sonde n'y sont pas)\u00a0:",
        },
        "probe.no_interval": {
            "en": "no interval: every resample gave this value",
            "fr": "pas d'intervalle\u00a0: chaque rééchantillonnage donne cette valeur",
        },
        "probe.agg_line": {
            "en": "  {attribute}: parity gap {gap}, MAD {mad}, normalised entropy {entropy}",
            "fr": "  {attribute}\u00a0: écart de parité {gap}, MAD {mad}, entropie normalisée {entropy}",
        },
        "probe.validation_title.one": {
            "en": "Accuracy of the probe {probe} on {n} labelled image (validation {id}, {date}):",
            "fr": "Justesse de la sonde {probe} sur {n} image étiquetée (validation {id}, {date})\u00a0:",
        },
        "probe.validation_title.other": {
            "en": "Accuracy of the probe {probe} on {n} labelled images (validation {id}, {date}):",
            "fr": "Justesse de la sonde {probe} sur {n} images étiquetées (validation {id}, {date})\u00a0:",
        },
        "probe.validation_demo": {
            "en": "demo probe (random weights): these figures mean nothing",
            "fr": "sonde de démonstration (poids aléatoires)\u00a0: ces chiffres ne veulent rien dire",
        },
        "probe.validation_attribute": {
            "en": "{attribute}: right {accuracy} of the {valid} image(s) read, of {labelled} "
            "labelled; set apart {abstention} ({uncertain} uncertain, {no_person} without a "
            "person); calibration error (ECE) {ece}",
            "fr": "{attribute}\u00a0: juste pour {accuracy} des {valid} image(s) lues, sur "
            "{labelled} étiquetée(s)\u00a0; mises à part {abstention} ({uncertain} "
            "incertaine(s), {no_person} sans personne)\u00a0; erreur de calibration (ECE) {ece}",
        },
        "probe.validation_confusion": {
            "en": "confusion (rows: labelled; columns: what the probe said): ",
            "fr": "confusion (lignes\u00a0: étiquette\u00a0; colonnes\u00a0: ce qu'a dit la sonde)\u00a0: ",
        },
        "probe.validation_uncertain": {"en": "uncertain", "fr": "incertaine"},
        "probe.validation_no_person": {"en": "no person", "fr": "sans personne"},
        "probe.validation_reliability": {
            "en": "reliability (confidence of the top class → how often it was right):",
            "fr": "fiabilité (confiance de la classe en tête → à quel point elle était juste)\u00a0:",
        },
        "probe.validation_bin.one": {
            "en": "{low}–{high}: {n} image, mean confidence {confidence}, right {accuracy}",
            "fr": "{low}–{high}\u00a0: {n} image, confiance moyenne {confidence}, juste {accuracy}",
        },
        "probe.validation_bin.other": {
            "en": "{low}–{high}: {n} images, mean confidence {confidence}, right {accuracy}",
            "fr": "{low}–{high}\u00a0: {n} images, confiance moyenne {confidence}, juste {accuracy}",
        },
        "probe.validation_gate": {
            "en": "gate: {missed} of {people} labelled people set apart as no person; "
            "{kept_out} of {nobody} images without a person set apart",
            "fr": "filtre\u00a0: {missed} des {people} personnes étiquetées mises à part comme "
            "sans personne\u00a0; {kept_out} des {nobody} images sans personne mises à part",
        },
        "probe.validation_missing.one": {
            "en": "{n} labelled file not found in the folder: {files}",
            "fr": "{n} fichier étiqueté absent du dossier\u00a0: {files}",
        },
        "probe.validation_missing.other": {
            "en": "{n} labelled files not found in the folder: {files}",
            "fr": "{n} fichiers étiquetés absents du dossier\u00a0: {files}",
        },
        "probe.validation_caveat": {
            "en": "Measured on these images only: on other faces, or on a model's images, the "
            "probe may do better or worse. Accuracy intervals are Wilson 95%.",
            "fr": "Mesuré sur ces images seulement\u00a0: sur d'autres visages, ou sur les "
            "images d'un modèle, la sonde peut faire mieux ou moins bien. Intervalles de "
            "Wilson à 95 %.",
        },
        "probe.validation_none": {
            "en": "Accuracy of the probe: not measured (artcharter probe validate --images DIR "
            "--labels FILE.csv).",
            "fr": "Justesse de la sonde\u00a0: non mesurée (artcharter probe validate --images "
            "DOSSIER --labels FICHIER.csv).",
        },
        "probe.chart": {"en": "chart: {paths}", "fr": "graphique\u00a0: {paths}"},
        "probe.summary": {"en": "summary: {path}", "fr": "résumé\u00a0: {path}"},
        "probe.energy": {
            "en": "energy: generation {gen}, probe {probe}",
            "fr": "énergie\u00a0: génération {gen}, sonde {probe}",
        },
        "probe.ledger": {
            "en": "recorded in the ledger: probe_campaigns, probe_images, probe_results",
            "fr": "enregistré dans le registre\u00a0: probe_campaigns, probe_images, probe_results",
        },
        "probe.no_campaign": {
            "en": "no campaign in the ledger yet: run `artcharter probe campaign`",
            "fr": "aucune campagne dans le registre\u00a0: lancez `artcharter probe campaign`",
        },
        "probe.reading": {"en": "Perceived in {path}:", "fr": "Perçu dans {path}\u00a0:"},
        "probe.prompt": {
            "en": "Prompt ({source}): {prompt}",
            "fr": "Prompt ({source})\u00a0: {prompt}",
        },
        "probe.prompt_private": {
            "en": "The prompt is private: only its hash is in the file.",
            "fr": "Le prompt est privé\u00a0: le fichier n'en porte que l'empreinte.",
        },
        "probe.no_prompt": {
            "en": "No prompt on record for this file (pass --prompt to audit one).",
            "fr": "Aucun prompt connu pour ce fichier (--prompt pour en auditer un).",
        },
        "probe.campaign": {
            "en": "Latest campaign for {model}: {id} ({date}, {images} images, probe {probe})",
            "fr": "Dernière campagne pour {model}\u00a0: {id} ({date}, {images} images, sonde {probe})",
        },
        "probe.no_campaign_for": {
            "en": "No finished campaign for {model}: run `artcharter probe campaign --model …`",
            "fr": "Aucune campagne terminée pour {model}\u00a0: lancez `artcharter probe campaign --model …`",
        },
        "probe.no_model": {
            "en": "The file names no model: no campaign to compare with.",
            "fr": "Le fichier ne nomme pas de modèle\u00a0: pas de campagne à comparer.",
        },
        "probe.recorded": {
            "en": "Kept in the ledger: the report of this file (artcharter report) shows it.",
            "fr": "Gardé dans le registre\u00a0: le rapport de ce fichier (artcharter report) le montre.",
        },
        "probe.sources.ledger": {"en": "from the ledger", "fr": "d'après le registre"},
        "probe.sources.file": {"en": "from the file", "fr": "d'après le fichier"},
        "probe.sources.option": {"en": "given", "fr": "donné"},
        # --- artcharter demo --------------------------------------------------------------
        "demo.school": {
            "en": "Demo school (artcharter)",
            "fr": "École de démonstration (artcharter)",
        },
        "demo.artist": {"en": "Demo Artist", "fr": "Artiste Démo"},
        "demo.prompt": {
            "en": "a lighthouse in the rain, woodcut",
            "fr": "un phare sous la pluie, gravure sur bois",
        },
        "demo.title": {"en": "Lighthouse (demo)", "fr": "Phare (démo)"},
        "demo.project": {"en": "project:   {path}", "fr": "projet\u00a0:      {path}"},
        "demo.made_project": {
            "en": "project:   {path} (created)",
            "fr": "projet\u00a0:      {path} (créé)",
        },
        "demo.keys": {"en": "school CA: {path}", "fr": "AC d'école\u00a0:  {path}"},
        "demo.artist_line": {
            "en": "artist:    {name} ({path})",
            "fr": "artiste\u00a0:     {name} ({path})",
        },
        "demo.model": {
            "en": "model:     demo model, random weights — its images are noise: the point is the path, not the picture",
            "fr": "modèle\u00a0:      modèle de démonstration, poids aléatoires — ses images sont du bruit\u00a0: c'est le parcours qui compte, pas l'image",
        },
        "demo.generating": {
            "en": "generating {n} images of {size}x{size} px ({steps} steps), signing and measuring them…",
            "fr": "génération de {n} images de {size}x{size} px ({steps} étapes), signature et mesure…",
        },
        "demo.image": {
            "en": "  {path}\n    {verdict}, seed {seed}, {energy}",
            "fr": "  {path}\n    {verdict}, graine {seed}, {energy}",
        },
        "demo.energy": {
            "en": "energy:    {kwh} for {n} images ({method}, {country}), plus {load} to load the model",
            "fr": "énergie\u00a0:     {kwh} pour {n} images ({method}, {country}), plus {load} pour charger le modèle",
        },
        "demo.next": {"en": "next:", "fr": "ensuite\u00a0:"},
        "demo.next.verify": {
            "en": "verify the files as a jury would",
            "fr": "vérifier les fichiers comme un jury",
        },
        "demo.run.verify": {
            "en": "artcharter --project {p} verify {images}",
            "fr": "artcharter --project {p} verify {images}",
        },
        "demo.next.ledger": {
            "en": "what the ledger recorded",
            "fr": "ce que le registre a enregistré",
        },
        "demo.run.ledger": {
            "en": "artcharter --project {p} ledger list",
            "fr": "artcharter --project {p} ledger list",
        },
        "demo.next.energy": {
            "en": "energy of every generation",
            "fr": "l'énergie de chaque génération",
        },
        "demo.run.energy": {
            "en": "artcharter --project {p} energy",
            "fr": "artcharter --project {p} energy",
        },
        "demo.next.keep": {
            "en": "keep one, discard the other",
            "fr": "garder l'une, écarter l'autre",
        },
        "demo.run.keep": {
            "en": "artcharter --project {p} keep {first}\nartcharter --project {p} discard {second}",
            "fr": "artcharter --project {p} keep {first}\nartcharter --project {p} discard {second}",
        },
        "demo.next.check": {
            "en": "check an image against the charter",
            "fr": "confronter une image à la charte",
        },
        "demo.run.check": {
            "en": "artcharter --project {p} check {first}",
            "fr": "artcharter --project {p} check {first}",
        },
        "demo.next.more": {"en": "more images", "fr": "d'autres images"},
        "demo.run.more": {
            "en": 'artcharter --project {p} generate "your prompt" --model demo --n 4 -o {out}',
            "fr": 'artcharter --project {p} generate "votre prompt" --model demo --n 4 -o {out}',
        },
        "demo.next.real": {
            "en": "a real model (GPU advised; fetch it once on a connected machine)",
            "fr": "un vrai modèle (GPU conseillé\u00a0; à récupérer une fois sur une machine connectée)",
        },
        "demo.run.real": {
            "en": 'hf download stabilityai/sd-turbo && artcharter --project {p} generate "your prompt"',
            "fr": 'hf download stabilityai/sd-turbo && artcharter --project {p} generate "votre prompt"',
        },
        # --- artcharter keys -------------------------------------------------------------
        "keys.root_cert": {
            "en": "root certificate: {path}",
            "fr": "certificat racine\u00a0: {path}",
        },
        "keys.root_key": {
            "en": "private key: {path} (mode 0600: keep it on this machine)",
            "fr": "clé privée\u00a0: {path} (mode 0600\u00a0: à garder sur cette machine)",
        },
        "keys.chain": {
            "en": "certificate chain: {path}",
            "fr": "chaîne de certificats\u00a0: {path}",
        },
        "keys.artist_key": {
            "en": "private key: {path} (mode 0600: give it only to {artist})",
            "fr": "clé privée\u00a0: {path} (mode 0600\u00a0: à ne remettre qu'à {artist})",
        },
        "keys.first_default": {
            "en": "{artist} is the project's default artist (the first one issued): change it "
            "in artcharter.toml, [artist] name, or with `artcharter keys issue --default`",
            "fr": "{artist} est l'artiste par défaut du projet (la première identité "
            "délivrée)\u00a0: changez-la dans artcharter.toml, [artist] name, ou avec "
            "`artcharter keys issue --default`",
        },
        "keys.none": {
            "en": "no certificates yet: run `artcharter keys init-school --name ...`",
            "fr": "aucun certificat\u00a0: lancez `artcharter keys init-school --name ...`",
        },
        "keys.until": {"en": "until {date}", "fr": "jusqu'au {date}"},
        "keys.expired": {"en": "EXPIRED", "fr": "EXPIRÉ"},
        "keys.role.root": {"en": "root", "fr": "racine"},
        "keys.role.artist": {"en": "artist", "fr": "artiste"},
        # `keys show` in English names the fields as --json does.
        "keys.field.path": {"en": "path", "fr": "fichier"},
        "keys.field.role": {"en": "role", "fr": "rôle"},
        "keys.field.subject_name": {"en": "name", "fr": "nom"},
        "keys.field.organisation": {"en": "organisation", "fr": "organisation"},
        "keys.field.email": {"en": "email", "fr": "e-mail"},
        "keys.field.issuer": {"en": "issuer", "fr": "émis par"},
        "keys.field.algorithm": {"en": "algorithm", "fr": "algorithme"},
        "keys.field.not_before": {"en": "valid from", "fr": "valide à partir du"},
        "keys.field.not_after": {"en": "valid until", "fr": "valide jusqu'au"},
        "keys.field.expired": {"en": "expired", "fr": "expiré"},
        "keys.field.fingerprint_sha256": {"en": "SHA-256 fingerprint", "fr": "empreinte SHA-256"},
        "tsa.listening": {
            "fr": "autorité d'horodatage de l'école à l'écoute sur {url} (certificat {cert})",
            "en": "school time-stamp authority listening on {url} (certificate {cert})",
        },
        "tsa.config_hint": {
            "fr": 'pour que la signature l\'utilise, mettez tsa_url = "{url}" dans la section [signing] de artcharter.toml',
            "en": 'for signing to use it, set tsa_url = "{url}" in the [signing] section of artcharter.toml',
        },
        "tsa.stopped": {
            "fr": "autorité d'horodatage arrêtée",
            "en": "time-stamp authority stopped",
        },
        "help.trust.trust_app": {
            "fr": "Les listes de confiance C2PA\u00a0: le second niveau de confiance, à côté de celui de l'école (les produits conformes d'où viennent des images).",
            "en": "The C2PA trust lists: the second trust tier, beside your school's (the conforming products images come from).",
        },
        "help.trust.update": {
            "fr": "Remplacer, hors ligne, la liste de confiance C2PA du projet par un fichier PEM (vérifié, écrit de façon atomique dans trust/).",
            "en": "Replace the project's C2PA trust list with a PEM file, offline (checked, written atomically into trust/).",
        },
        "help.trust.update.file": {
            "fr": "La liste au format PEM (C2PA-TRUST-LIST.pem, ou C2PA-TSA-TRUST-LIST.pem avec --tsa).",
            "en": "The list as a PEM bundle (C2PA-TRUST-LIST.pem, or C2PA-TSA-TRUST-LIST.pem with --tsa).",
        },
        "help.trust.update.tsa": {
            "fr": "Remplacer la liste des autorités d'horodatage (TSA) plutôt que celle des signataires.",
            "en": "Replace the list of time-stamp authorities (TSA) rather than the signers' list.",
        },
        "help.trust.update.date": {
            "fr": "La date de la liste, AAAA-MM-JJ (par défaut\u00a0: aujourd'hui).",
            "en": "The list's date, YYYY-MM-DD (default: today).",
        },
        "help.trust.update.source": {
            "fr": "D'où vient la liste, affiché avec elle (par défaut\u00a0: le nom du fichier).",
            "en": "Where the list comes from, shown with it (default: the file's name).",
        },
        "help.trust.show": {
            "fr": "Afficher les listes de confiance C2PA en vigueur, leur date et leur source.",
            "en": "Show the C2PA trust lists in effect, their date and their source.",
        },
        "trust.updated.c2pa": {
            "fr": "liste de confiance C2PA du {date} installée ({count} certificats) dans {folder}",
            "en": "C2PA trust list of {date} installed ({count} certificates) in {folder}",
        },
        "trust.updated.tsa": {
            "fr": "liste de confiance des horodateurs C2PA du {date} installée ({count} certificats) dans {folder}",
            "en": "C2PA TSA trust list of {date} installed ({count} certificates) in {folder}",
        },
        "trust.shown.c2pa": {
            "fr": "liste de confiance C2PA du {date}\u00a0: {count} certificats, source {source}",
            "en": "C2PA trust list of {date}: {count} certificates, source {source}",
        },
        "trust.shown.tsa": {
            "fr": "liste de confiance des horodateurs C2PA du {date}\u00a0: {count} certificats, source {source}",
            "en": "C2PA TSA trust list of {date}: {count} certificates, source {source}",
        },
        "help.tsa.tsa_app": {
            "fr": "L'autorité d'horodatage RFC 3161 de l'école\xa0: une œuvre horodatée reste valide après l'expiration du certificat de l'artiste.",
            "en": "The school's RFC 3161 time-stamp authority: time-stamped work stays valid after the artist's certificate expires.",
        },
        "help.tsa.serve": {
            "fr": "Lancer l'autorité d'horodatage (OpenSSL ts) sur la boucle locale\xa0; elle publie aussi la liste de révocation sur /crl.",
            "en": "Run the time-stamp authority (OpenSSL ts) on loopback; it also publishes the revocation list at /crl.",
        },
        "help.tsa.serve.host": {
            "fr": "Adresse d'écoute (boucle locale par défaut).",
            "en": "Address to listen on (loopback by default).",
        },
        "help.tsa.serve.port": {
            "fr": "Port (0\xa0: n'importe quel port libre, affiché au démarrage).",
            "en": "Port (0: any free port, printed at start).",
        },
        "help.tsa.serve.allow_non_loopback": {
            "fr": "Accepter une adresse joignable depuis d'autres machines (réseau de l'école).",
            "en": "Allow an address other machines can reach (the school's network).",
        },
        "keys.tsa_cert": {
            "fr": "certificat d'horodatage\xa0: {path}",
            "en": "time-stamp authority certificate: {path}",
        },
        "help.keys.init_tsa": {
            "fr": "Délivrer le certificat de l'autorité d'horodatage de l'école (déjà fait par init-school).",
            "en": "Issue the school's time-stamp authority certificate (init-school already does).",
        },
        "help.keys.init_tsa.force": {
            "fr": "Remplacer un certificat d'horodatage existant.",
            "en": "Replace an existing time-stamp authority certificate.",
        },
        "verify.signature": {
            "fr": "signature",
            "en": "signature",
        },
        "keys.revoked": {
            "fr": "RÉVOQUÉ le {date} ({reason})",
            "en": "REVOKED on {date} ({reason})",
        },
        "keys.revoked_done": {
            "fr": "{artist}\xa0: certificat révoqué le {date} ({reason})\xa0; liste de révocation\xa0: {path}",
            "en": "{artist}: certificate revoked on {date} ({reason}); revocation list: {path}",
        },
        "keys.replace_root": {
            "fr": "Remplacer la racine de l'école\xa0? L'ancienne est gardée dans {folder} comme ancre de confiance pour les œuvres déjà signées, et les certificats des artistes devront être délivrés à nouveau.",
            "en": "Replace the school root? The old one is kept in {folder} as a trust anchor for work already signed, and artists' certificates must be issued again.",
        },
        "keys.root_kept": {
            "fr": "ancienne racine gardée comme ancre de confiance\xa0: {path}",
            "en": "old root kept as a trust anchor: {path}",
        },
        "keys.not_replaced": {
            "fr": "racine non remplacée",
            "en": "root not replaced",
        },
        "keys.role.previous-root": {
            "fr": "anc.rac.",
            "en": "old root",
        },
        "help.keys.revoke": {
            "fr": "Révoquer le certificat d'un artiste (liste de révocation signée par la racine)\xa0: ses œuvres horodatées avant restent valides.",
            "en": "Revoke an artist's certificate (a revocation list signed by the root): work time-stamped before stays valid.",
        },
        "help.keys.revoke.artist": {
            "fr": "Nom de l'artiste (ou son identifiant).",
            "en": "The artist's name (or slug).",
        },
        "help.keys.revoke.reason": {
            "fr": "Motif\xa0: left-school, key-compromise, superseded, cessation, unspecified.",
            "en": "Reason: left-school, key-compromise, superseded, cessation, unspecified.",
        },
        "help.keys.init_school.yes": {
            "fr": "Ne pas demander de confirmation avant de remplacer une racine.",
            "en": "Do not ask for confirmation before replacing a root.",
        },
        "signing.not_time_stamped": {
            "fr": "attention\xa0: signé sans horodatage, l'autorité {url} n'a pas répondu (lancez `artcharter tsa serve`)\xa0; le fichier ne restera valide que tant que le certificat de l'artiste l'est",
            "en": "warning: signed without a time-stamp, the authority at {url} did not answer (run `artcharter tsa serve`); the file stays valid only as long as the artist's certificate",
        },
        "keys.tsa_url_set": {
            "fr": "signature horodatée par l'autorité de l'école\xa0: {url} (section [signing] de artcharter.toml)",
            "en": "signing is time-stamped by the school's authority: {url} ([signing] in artcharter.toml)",
        },
        "keys.true": {"en": "yes", "fr": "oui"},
        "keys.field.revoked_at": {"en": "revoked on", "fr": "révoqué le"},
        "keys.field.revoked_reason": {"en": "reason for revocation", "fr": "motif de révocation"},
        "keys.date": {"en": "{date} at {time} UTC", "fr": "{date} à {time} UTC"},
        "keys.false": {"en": "no", "fr": "non"},
        # --- artcharter init -------------------------------------------------------------
        "init.project": {"en": "project: {path}", "fr": "projet\u00a0: {path}"},
        "init.ledger": {"en": "ledger: {path}", "fr": "registre\u00a0: {path}"},
        "init.lang": {
            "en": "language: English (from the locale or --lang; change it in artcharter.toml, "
            '[project] lang = "fr", or for one command with --lang fr)',
            "fr": "langue\u00a0: français (d'après la locale ou --lang\u00a0; changez-la dans "
            'artcharter.toml, [project] lang = "en", ou pour une commande avec --lang en)',
        },
        "init.artist_example": {"en": "First Last", "fr": "Prénom Nom"},
        "init.email_example": {"en": "first.last", "fr": "prenom.nom"},
        "init.next": {"en": "next:", "fr": "ensuite\u00a0:"},
        # --- the --help page itself (artcharter/cli/helppage.py) ------------------------------
        "helppage.usage": {"en": "Usage:", "fr": "Utilisation\u00a0:"},
        "helppage.options": {"en": "[OPTIONS]", "fr": "[OPTIONS]"},
        "helppage.command": {"en": "COMMAND [ARGS]...", "fr": "COMMANDE [ARGUMENTS]..."},
        "helppage.required": {"en": "(required)", "fr": "(obligatoire)"},
        "helppage.repeatable": {"en": "Repeatable.", "fr": "Répétable."},
        "helppage.default": {"en": "Default: {value}.", "fr": "Par défaut\u00a0: {value}."},
        "helppage.envvar": {
            "en": "Also read from the environment variable {name}.",
            "fr": "Lu aussi dans la variable d'environnement {name}.",
        },
        "helppage.help_option": {
            "en": "Show this help and exit.",
            "fr": "Afficher cette aide et quitter.",
        },
        "helppage.metavar.text": {"en": "TEXT", "fr": "TEXTE"},
        "helppage.metavar.path": {"en": "PATH", "fr": "CHEMIN"},
        "helppage.metavar.integer": {"en": "N", "fr": "N"},
        "helppage.metavar.number": {"en": "NUMBER", "fr": "NOMBRE"},
        "helppage.metavar.value": {"en": "VALUE", "fr": "VALEUR"},
        "helppage.panel.arguments": {"en": "Arguments", "fr": "Arguments"},
        "helppage.panel.options": {"en": "Options", "fr": "Options"},
        "helppage.panel.disclosure": {
            "en": "What the file says about the work",
            "fr": "Ce que le fichier dit de l'œuvre",
        },
        "helppage.panel.generation": {"en": "Generation", "fr": "Génération"},
        "helppage.panel.signature": {"en": "Signature and trust", "fr": "Signature et confiance"},
        "helppage.panel.output": {"en": "Output", "fr": "Sortie"},
        "helppage.panel.commands": {"en": "Commands", "fr": "Commandes"},
        "helppage.panel.artists": {
            "en": "Artists: make and sign",
            "fr": "Artistes\u00a0: créer et signer",
        },
        "helppage.panel.juries": {
            "en": "Juries and viewers: verify and read",
            "fr": "Jurys et public\u00a0: vérifier et lire",
        },
        "helppage.panel.schools": {
            "en": "Schools: project, keys, charter",
            "fr": "Écoles\u00a0: projet, clés, charte",
        },
        "helppage.panel.measures": {
            "en": "Measures: energy and biases",
            "fr": "Mesures\u00a0: énergie et biais",
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
        # --- --help: artcharter verify --------------------------------------------------------
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
        "help.verify.lookup": {
            "fr": "Pour un fichier sans Content Credentials, chercher son empreinte auprès de ce bureau d'école (API de résolution C2PA, ex. http://127.0.0.1:8000/sbr/v1)\xa0; répétable.",
            "en": "For a file without Content Credentials, look its fingerprint up at this school desk (C2PA resolution API, e.g. http://127.0.0.1:8000/sbr/v1); repeatable.",
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
        # --- --help: artcharter probe ---------------------------------------------------------
        "help.probe.campaign": {
            "en": "Probe a model: N images per prompt with recorded seeds, each signed, recorded and measured; perceived attributes read by CLIP; shares with Wilson intervals, parity gap, MAD, MaxSkew, KL and entropy per prompt; a chart and a plain sentence per prompt.",
            "fr": "Sonder un modèle\u00a0: N images par prompt aux graines enregistrées, chacune signée, enregistrée et mesurée\u00a0; attributs perçus lus par CLIP\u00a0; parts avec intervalles de Wilson, écart de parité, MAD, MaxSkew, KL et entropie par prompt\u00a0; un graphique et une phrase simple par prompt.",
        },
        "help.probe.list_campaigns": {
            "en": "List the probe campaigns in the ledger, newest first.",
            "fr": "Lister les campagnes de sonde du registre, les plus récentes d'abord.",
        },
        "help.probe.show": {
            "en": "Show a finished campaign's sentences and campaign-level figures again.",
            "fr": "Afficher à nouveau les phrases et les chiffres d'ensemble d'une campagne terminée.",
        },
        "help.probe.validate": {
            "en": "Measure the probe on labelled images: accuracy, confusion, abstention and "
            "calibration per attribute, kept with the campaigns made with this probe.",
            "fr": "Mesurer la sonde sur des images étiquetées\u00a0: justesse, confusion, "
            "abstention et calibration par critère, gardées avec les campagnes faites avec "
            "cette sonde.",
        },
        "help.probe.validate.images": {
            "en": "Folder of the labelled images.",
            "fr": "Dossier des images étiquetées.",
        },
        "help.probe.validate.labels": {
            "en": "CSV file: a file column, then gender, age, skin_tone… (class ids), and "
            "optionally person (yes/no).",
            "fr": "Fichier CSV\u00a0: une colonne file, puis gender, age, skin_tone… "
            "(identifiants de classe), et si besoin person (yes/no).",
        },
        "help.probe.validate.campaign": {
            "en": "Link the validation to this campaign (otherwise campaigns with the same "
            "probe and classes find it).",
            "fr": "Rattacher la validation à cette campagne (sinon, les campagnes faites avec "
            "la même sonde et les mêmes classes la trouvent).",
        },
        "help.probe.artwork": {
            "en": 'What the probe perceives in one artwork (with confidence, or "no person"), the audit of its prompt (read from its record), and the latest campaign for the same model.',
            "fr": "Ce que la sonde perçoit dans une œuvre (avec sa confiance, ou «\u00a0aucune personne\u00a0»), l'audit de son prompt (lu dans sa fiche) et la dernière campagne pour le même modèle.",
        },
        "help.probe.prompt_command": {
            "en": "Audit a prompt alone (no image model is loaded): identity terms, stereotype descriptors (HEIM, DALL-Eval, Stable Bias lists), names from the school's protected list, each part of the prompt read in French or English.",
            "fr": "Auditer un prompt seul (aucun modèle d'image n'est chargé)\u00a0: termes d'identité, qualificatifs stéréotypés (listes HEIM, DALL-Eval, Stable Bias), noms de la liste protégée de l'école, chaque partie du prompt lue en français ou en anglais.",
        },
        "help.probe.NamesOption": {
            "en": "Protected names, one per line (default: the project's {file} when it exists).",
            "fr": "Noms protégés, un par ligne (par défaut\u00a0: le fichier {file} du projet s'il existe).",
        },
        "help.probe.probe_app": {
            "en": "Bias and stereotype probes: measure what a model's images show for occupations and descriptors (perceived gender, age group, skin tone), probe one artwork, or audit a prompt. Every figure is a perceived attribute read by a CLIP model, which has its own biases. See docs/probes.md.",
            "fr": "Sondes de biais et de stéréotypes\u00a0: mesurer ce que montrent les images d'un modèle pour des métiers et des qualificatifs (genre, tranche d'âge et teinte de peau perçus), sonder une œuvre ou auditer un prompt. Chaque chiffre est un attribut perçu, lu par un modèle CLIP qui a ses propres biais. Voir docs/probes.md.",
        },
        "help.probe.ClipOption": {
            "en": "CLIP probe: ViT-B-32:laion2b_s34b_b79k (default; from the local cache, never downloaded), ARCH:TAG, ARCH:PATH, a checkpoint file or open_clip folder, or `demo` (tiny random-weight model: meaningless numbers).",
            "fr": "Sonde CLIP\u00a0: ViT-B-32:laion2b_s34b_b79k (par défaut\u00a0; depuis le cache local, jamais téléchargée), ARCH:TAG, ARCH:CHEMIN, un fichier de poids ou un dossier open_clip, ou `demo` (minuscule modèle aux poids aléatoires\u00a0: chiffres sans signification).",
        },
        "help.probe.DeviceOption": {
            "en": "cuda, cuda:N, mps, cpu or auto.",
            "fr": "cuda, cuda:N, mps, cpu ou auto.",
        },
        "help.probe.JsonOption": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.probe.campaign.model": {
            "en": "Model to probe: `demo`, a Hugging Face id or a diffusers folder (default: the project's). With --images: the name of the tool that made them.",
            "fr": "Modèle à sonder\u00a0: `demo`, un identifiant Hugging Face ou un dossier diffusers (par défaut\u00a0: celui du projet). Avec --images\u00a0: le nom de l'outil qui les a produites.",
        },
        "help.probe.campaign.prompt_set": {
            "en": "occupations (HEIM + Fair Diffusion), descriptors (HEIM / DALL-Eval), or a .toml / .txt file of your own.",
            "fr": "occupations (HEIM + Fair Diffusion), descriptors (HEIM / DALL-Eval), ou votre propre fichier .toml / .txt.",
        },
        "help.probe.campaign.subjects": {
            "en": "Only these subjects of the set, comma-separated (e.g. nurse,ceo).",
            "fr": "Seulement ces sujets de la série, séparés par des virgules (p. ex. nurse,ceo).",
        },
        "help.probe.campaign.per_prompt": {"en": "Images per prompt.", "fr": "Images par prompt."},
        "help.probe.campaign.seed_base": {
            "en": "Image i of every prompt gets the seed SEED_BASE + i.",
            "fr": "L'image i de chaque prompt reçoit la graine SEED_BASE + i.",
        },
        "help.probe.campaign.images": {
            "en": "Classify this folder instead of generating (one sub-folder per prompt; outputs of Midjourney, Firefly...).",
            "fr": "Classer ce dossier au lieu de générer (un sous-dossier par prompt\u00a0; images de Midjourney, Firefly...).",
        },
        "help.probe.campaign.ethnicity": {
            "en": "Also read perceived ethnicity (contested: comes with a warning).",
            "fr": "Lire aussi l'origine ethnique perçue (contestable\u00a0: accompagnée d'un avertissement).",
        },
        "help.probe.campaign.prompt_lang": {
            "en": "Language of the prompts: en (default), fr; repeat for both.",
            "fr": "Langue des prompts\u00a0: en (par défaut), fr\u00a0; répétez l'option pour les deux.",
        },
        "help.probe.campaign.steps": {
            "en": "Denoising steps (default: the model's).",
            "fr": "Étapes de débruitage (par défaut\u00a0: celles du modèle).",
        },
        "help.probe.campaign.size": {
            "en": "Image side in pixels (default: the model's).",
            "fr": "Côté de l'image en pixels (par défaut\u00a0: celui du modèle).",
        },
        "help.probe.campaign.guidance": {
            "en": "Guidance scale (default: the model's).",
            "fr": "Échelle de guidage (par défaut\u00a0: celle du modèle).",
        },
        "help.probe.campaign.batch_size": {
            "en": "Images per pipeline call.",
            "fr": "Images par appel du pipeline.",
        },
        "help.probe.campaign.probe_batch_size": {
            "en": "Images per CLIP batch.",
            "fr": "Images par lot CLIP.",
        },
        "help.probe.campaign.threshold": {
            "en": "Confidence threshold of an attribute, e.g. gender=0.7 (repeatable).",
            "fr": "Seuil de confiance d'un attribut, p. ex. gender=0.7 (répétable).",
        },
        "help.probe.campaign.gate_threshold": {
            "en": "Probability of a person under which the probe abstains.",
            "fr": "Probabilité de présence d'une personne sous laquelle la sonde s'abstient.",
        },
        "help.probe.campaign.probe_classes": {
            "en": "A TOML file of probe classes replacing the built-in one.",
            "fr": "Un fichier TOML de classes de sonde qui remplace celui fourni.",
        },
        "help.probe.campaign.reference": {
            "en": "Reference shares (TOML/JSON with its source) for KL and MaxSkew.",
            "fr": "Parts de référence (TOML/JSON avec leur source) pour KL et MaxSkew.",
        },
        "help.probe.campaign.resume": {
            "en": "Resume this campaign (id or its first characters).",
            "fr": "Reprendre cette campagne (identifiant ou ses premiers caractères).",
        },
        "help.probe.campaign.new": {
            "en": "Start a new campaign even if the same one was left unfinished.",
            "fr": "Commencer une nouvelle campagne même si la même est restée inachevée.",
        },
        "help.probe.campaign.artist": {
            "en": "Sign the probe images as this artist (default: they are not signed; probe images are never counted as anyone's artworks).",
            "fr": "Signer les images de sonde au nom de cet ou cette artiste (par défaut\u00a0: elles ne sont pas signées\u00a0; les images de sonde ne comptent jamais comme les œuvres de quelqu'un).",
        },
        "help.probe.campaign.dtype": {
            "en": "fp16, bf16 or fp32 for the model.",
            "fr": "fp16, bf16 ou fp32 pour le modèle.",
        },
        "help.probe.campaign.output": {
            "en": "Folder of the campaign (default: probes/ID).",
            "fr": "Dossier de la campagne (par défaut\u00a0: probes/ID).",
        },
        "help.probe.show.campaign_id": {
            "en": "Campaign id (or its first characters).",
            "fr": "Identifiant de la campagne (ou ses premiers caractères).",
        },
        "help.probe.show.chart": {
            "en": "Also write the chart (SVG and PNG) into this folder.",
            "fr": "Écrire aussi le graphique (SVG et PNG) dans ce dossier.",
        },
        "help.probe.artwork.image": {
            "en": "The image to probe (never modified).",
            "fr": "L'image à sonder (jamais modifiée).",
        },
        "help.probe.artwork.prompt": {
            "en": "Audit this prompt instead of the one on record.",
            "fr": "Auditer ce prompt au lieu de celui de la fiche.",
        },
        "help.probe.artwork.ethnicity": {
            "en": "Also read perceived ethnicity (contested: comes with a warning).",
            "fr": "Lire aussi l'origine ethnique perçue (contestable\u00a0: accompagnée d'un avertissement).",
        },
        "help.probe.prompt_command.text": {
            "en": "The prompt to audit.",
            "fr": "Le prompt à auditer.",
        },
        # --- --help: artcharter charter -------------------------------------------------------
        "help.charter.show": {
            "en": "Print the effective charter: points, rules, severities and parameters.",
            "fr": "Afficher la charte en vigueur\u00a0: points, règles, niveaux d'exigence et paramètres.",
        },
        "help.charter.validate": {
            "en": "Check a charter file and the files it extends; each problem with its line. Exit 0 when valid, 2 when not.",
            "fr": "Contrôler un fichier de charte et les fichiers qu'il étend\u00a0; chaque problème avec sa ligne. Sortie 0 s'il est valide, 2 sinon.",
        },
        "help.charter.declare": {
            "en": "Write a declaration template for IMAGE, prefilled from the file and the ledger, for the artist to complete; or validate one with --check (exit 2 when invalid).",
            "fr": "Écrire un modèle de déclaration pour IMAGE, prérempli d'après le fichier et le registre, que l'artiste complète\u00a0; ou en valider un avec --check (sortie 2 s'il est invalide).",
        },
        "help.charter.check": {
            "en": "Check artworks against the charter, rule by rule: pass, fail, needs a declaration or not applicable, with the reason and the evidence read. Exit 0 when every required rule passed on every artwork, 1 otherwise, 2 for bad input (an unreadable file).",
            "fr": "Confronter des œuvres à la charte, règle par règle\u00a0: respectée, non respectée, déclaration requise ou sans objet, avec la raison et les preuves lues. Sortie 0 quand chaque règle obligatoire est respectée par chaque œuvre, 1 sinon, 2 pour une entrée invalide (un fichier illisible).",
        },
        "help.charter.charter_app": {
            "en": "The charter artworks are checked against: show it, validate a school's file.",
            "fr": "La charte à laquelle les œuvres sont confrontées\u00a0: l'afficher, valider le fichier d'une école.",
        },
        "help.charter.CharterOption": {
            "en": "Charter file (default: [charter] file in artcharter.toml, else the default charter).",
            "fr": "Fichier de charte (par défaut\u00a0: file de [charter] dans artcharter.toml, sinon la charte par défaut).",
        },
        "help.charter.show.json": {
            "en": "Print the charter as JSON.",
            "fr": "Afficher la charte en JSON.",
        },
        "help.charter.validate.file": {
            "en": "The school's charter file (TOML).",
            "fr": "Le fichier de charte de l'école (TOML).",
        },
        "help.charter.validate.json": {
            "en": "Print the result as JSON.",
            "fr": "Afficher le résultat en JSON.",
        },
        "help.charter.declare.image": {
            "en": "The image to declare (signed or not).",
            "fr": "L'image à déclarer (signée ou non).",
        },
        "help.charter.declare.output": {
            "en": "Where to write the template (default: IMAGE.declaration.toml; - for stdout).",
            "fr": "Où écrire le modèle (par défaut\u00a0: IMAGE.declaration.toml\u00a0; - pour la sortie standard).",
        },
        "help.charter.declare.check": {
            "en": "Validate a completed declaration file instead.",
            "fr": "Valider plutôt un fichier de déclaration complété.",
        },
        "help.charter.declare.force": {
            "en": "Overwrite the output if it exists.",
            "fr": "Remplacer le fichier de sortie s'il existe.",
        },
        "help.charter.check.files": {
            "en": "Images or folders of images to check.",
            "fr": "Images ou dossiers d'images à contrôler.",
        },
        "help.charter.check.json": {
            "en": "Print a JSON list, one object per artwork.",
            "fr": "Afficher une liste JSON, un objet par œuvre.",
        },
        "help.charter.check.verbose": {
            "en": "Print every rule with its reason and all the evidence it read (default: one line per artwork, naming the required rules it does not meet).",
            "fr": "Afficher chaque règle avec sa raison et toutes les preuves lues (par défaut\u00a0: une ligne par œuvre, qui nomme les règles obligatoires non respectées).",
        },
        "help.charter.check.no_ledger": {
            "en": "Do not read the project's ledger (sessions, campaigns, prompts).",
            "fr": "Ne pas lire le registre du projet (sessions, campagnes, prompts).",
        },
        "help.charter.check.protected_names": {
            "en": "Protected names for the prompt audit, one per line (default: the project's protected-names.txt when it exists).",
            "fr": "Noms protégés pour l'audit du prompt, un par ligne (par défaut\u00a0: protected-names.txt du projet s'il existe).",
        },
        # --- --help: artcharter context -------------------------------------------------------
        "help.context.ArtistOption": {
            "en": "Signing artist (default: the project's).",
            "fr": "Artiste signataire (par défaut\u00a0: celui du projet).",
        },
        "help.context.PassphraseOption": {
            "en": "Passphrase of the artist key.",
            "fr": "Phrase secrète de la clé de l'artiste.",
        },
        # --- --help: artcharter demo ----------------------------------------------------------
        "help.demo.demo": {
            "en": "Run the whole path offline on the demo model: project, school CA, artist, two signed and measured images, and their verification.",
            "fr": "Parcourir tout le chemin hors ligne avec le modèle de démonstration\u00a0: projet, autorité de l'école, artiste, deux images signées et mesurées, et leur vérification.",
        },
        "help.demo.demo.folder": {
            "en": "Project folder to create or reuse.",
            "fr": "Dossier du projet à créer ou à reprendre.",
        },
        "help.demo.demo.json": {
            "en": "Print what was made as JSON.",
            "fr": "Afficher en JSON ce qui a été produit.",
        },
        # --- --help: artcharter generate ------------------------------------------------------
        "help.generate.generate": {
            "en": "Generate images that leave the model already labelled (C2PA, IPTC, AUTOMATIC1111 parameters), signed by the artist, measured (codecarbon) and recorded in the ledger.",
            "fr": "Générer des images qui sortent du modèle déjà étiquetées (C2PA, IPTC, paramètres AUTOMATIC1111), signées par l'artiste, mesurées (codecarbon) et enregistrées dans le registre.",
        },
        "help.generate.keep": {
            "en": "Mark generated images as kept (the ledger remembers every generation).",
            "fr": "Marquer des images générées comme gardées (le registre se souvient de chaque génération).",
        },
        "help.generate.discard": {
            "en": "Mark generated images as discarded; their energy still counts, the files stay.",
            "fr": "Marquer des images générées comme écartées\u00a0; leur énergie compte toujours, les fichiers restent.",
        },
        "help.generate.energy": {
            "en": "Energy and CO2 of every generation (kept or discarded, finished or interrupted) and of model loading, from the ledger.",
            "fr": "Énergie et CO2 de chaque génération (gardée ou écartée, terminée ou interrompue) et des chargements de modèle, d'après le registre.",
        },
        "help.generate.generate.prompt": {
            "en": "What to generate.",
            "fr": "Ce qu'il faut générer.",
        },
        "help.generate.generate.model": {
            "en": "`demo` (tiny random-weight model, offline), a Hugging Face id, or a local diffusers folder. Default: the model set under generate in artcharter.toml, else stabilityai/sd-turbo.",
            "fr": "`demo` (minuscule modèle aux poids aléatoires, hors ligne), un identifiant Hugging Face ou un dossier diffusers local. Par défaut\u00a0: le modèle indiqué sous generate dans artcharter.toml, sinon stabilityai/sd-turbo.",
        },
        "help.generate.generate.negative": {"en": "Negative prompt.", "fr": "Prompt négatif."},
        "help.generate.generate.seed": {
            "en": "Seed of the first image (image i gets seed + i).",
            "fr": "Graine de la première image (l'image i reçoit la graine + i).",
        },
        "help.generate.generate.steps": {
            "en": "Denoising steps (default: the model's).",
            "fr": "Étapes de débruitage (par défaut\u00a0: celles du modèle).",
        },
        "help.generate.generate.guidance": {
            "en": "Guidance (CFG) scale (default: the model's).",
            "fr": "Échelle de guidage (CFG) (par défaut\u00a0: celle du modèle).",
        },
        "help.generate.generate.size": {
            "en": "WxH, e.g. 512x512 (default: the model's).",
            "fr": "LxH, p. ex. 512x512 (par défaut\u00a0: celle du modèle).",
        },
        "help.generate.generate.n": {"en": "Number of images.", "fr": "Nombre d'images."},
        "help.generate.generate.batch_size": {
            "en": "Images per pipeline call (faster on a GPU; energy shared).",
            "fr": "Images par appel du pipeline (plus rapide sur GPU\u00a0; énergie partagée).",
        },
        "help.generate.generate.scheduler": {
            "en": "Sampler: euler, euler-a, ddim, dpm++2m, dpm++2m-karras, unipc, lcm... or a diffusers class name.",
            "fr": "Échantillonneur\u00a0: euler, euler-a, ddim, dpm++2m, dpm++2m-karras, unipc, lcm... ou le nom d'une classe diffusers.",
        },
        "help.generate.generate.device": {
            "en": "cuda, cuda:N, mps, cpu or auto.",
            "fr": "cuda, cuda:N, mps, cpu ou auto.",
        },
        "help.generate.generate.cluster": {
            "en": "Render on a Ray cluster: 'auto' starts a local one, else its address (needs artcharter[cluster]). Signing and the ledger stay on this machine.",
            "fr": "Calculer sur un cluster Ray : « auto » en démarre un en local, sinon son adresse (demande artcharter[cluster]). La signature et le registre restent sur ce poste.",
        },
        "help.generate.generate.workers": {
            "en": "Cluster workers (default: one per GPU, else one per CPU).",
            "fr": "Travailleurs du cluster (par défaut : un par GPU, sinon un par processeur).",
        },
        "help.probe.campaign.cluster": {
            "en": "Render on a Ray cluster: 'auto' starts a local one, else its address (needs artcharter[cluster]). Signing, the probe and the ledger stay on this machine.",
            "fr": "Calculer sur un cluster Ray : « auto » en démarre un en local, sinon son adresse (demande artcharter[cluster]). La signature, la sonde et le registre restent sur ce poste.",
        },
        "help.probe.campaign.workers": {
            "en": "Cluster workers (default: one per GPU, else one per CPU).",
            "fr": "Travailleurs du cluster (par défaut : un par GPU, sinon un par processeur).",
        },
        "help.generate.generate.dtype": {
            "en": "fp16, bf16 or fp32 (default: fp16 on CUDA, else fp32).",
            "fr": "fp16, bf16 ou fp32 (par défaut\u00a0: fp16 sous CUDA, sinon fp32).",
        },
        "help.generate.generate.private_prompt": {
            "en": "Write only the prompt's SHA-256 into the files (the ledger keeps it).",
            "fr": "N'écrire dans les fichiers que l'empreinte SHA-256 du prompt (le registre le garde).",
        },
        "help.generate.generate.title": {
            "en": "Title of the artwork(s).",
            "fr": "Titre de la ou des œuvres.",
        },
        "help.generate.generate.training_mining": {
            "en": "AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else notAllowed).",
            "fr": "Entraînement d'IA et fouille de données\u00a0: allowed, notAllowed, constrained (par défaut\u00a0: le choix de la déclaration, sinon notAllowed).",
        },
        "generate.control_needs_model": {
            "en": "{param} and {param_model} go together: the conditioning image and the ControlNet that reads it",
            "fr": "{param} et {param_model} vont ensemble\u00a0: l'image de conditionnement et le ControlNet qui la lit",
        },
        "help.generate.generate.declaration": {
            "en": "The artist's declaration (TOML, see `artcharter declare`), embedded in every image.",
            "fr": "La déclaration de l'artiste (TOML, voir `artcharter declare`), intégrée à chaque image.",
        },
        "help.generate.generate.init_image": {
            "en": "Start from this image of yours (image-to-image); it is signed in as an ingredient.",
            "fr": "Partir de cette image à vous (image vers image)\u00a0; elle est signée comme ingrédient.",
        },
        "help.generate.generate.strength": {
            "en": "How much of the starting image is noised away, above 0 and at most 1 (default 0.8).",
            "fr": "Quelle part de l'image de départ est effacée par le bruit, entre 0 (exclu) et 1 (par défaut 0,8).",
        },
        "help.generate.generate.mask": {
            "en": "Repaint only the white part of this mask of the starting image (inpainting).",
            "fr": "Ne repeindre que la partie blanche de ce masque de l'image de départ (inpainting).",
        },
        "help.generate.generate.control": {
            "en": "A ControlNet conditioning image, as KIND:IMAGE (scribble:sketch.png); needs --controlnet.",
            "fr": "Une image de conditionnement ControlNet, sous la forme TYPE:IMAGE (scribble:croquis.png)\u00a0; demande --controlnet.",
        },
        "help.generate.generate.controlnet": {
            "en": "The local folder of the ControlNet model that reads --control.",
            "fr": "Le dossier local du modèle ControlNet qui lit --control.",
        },
        "help.generate.generate.show_steps": {
            "en": "Keep this many pictures of the denoising steps, signed in and shown in the report.",
            "fr": "Garder autant d'images des étapes du débruitage, signées et montrées dans le rapport.",
        },
        "help.generate.generate.lora": {
            "en": "LoRA weights to add to the model: FILE.safetensors[:SCALE] (repeatable; scale 1 by default). Its hash, scale and the training data declared in FILE.toml are signed in.",
            "fr": "Poids LoRA à ajouter au modèle\u00a0: FICHIER.safetensors[:ÉCHELLE] (répétable\u00a0; échelle 1 par défaut). Son empreinte, son échelle et les données d'entraînement déclarées dans FICHIER.toml sont signées.",
        },
        "help.generate.generate.embedding": {
            "en": "Textual inversion embedding to add: FILE.safetensors[:WORD] (repeatable; the word the prompt uses, <FILE> by default).",
            "fr": "Embedding d'inversion textuelle à ajouter\u00a0: FICHIER.safetensors[:MOT] (répétable\u00a0; le mot que le prompt emploie, <FICHIER> par défaut).",
        },
        "help.generate.generate.resume": {
            "en": "Resume an interrupted series (its id or first characters): only the missing images are made, with the series' own prompt and settings.",
            "fr": "Reprendre une série interrompue (son identifiant ou ses premiers caractères)\u00a0: seules les images manquantes sont faites, avec le prompt et les réglages de la série.",
        },
        "help.generate.generate.session": {
            "en": "Session name to group generations (default: a new one per command).",
            "fr": "Nom de session pour regrouper des générations (par défaut\u00a0: une nouvelle par commande).",
        },
        "help.generate.generate.output": {
            "en": "Folder for the signed images.",
            "fr": "Dossier des images signées.",
        },
        "help.generate.generate.json": {
            "en": "Print the records as JSON.",
            "fr": "Afficher les fiches en JSON.",
        },
        "help.generate.ImagesArgument": {
            "en": "Images: file paths, artwork ids (or their first characters) or hashes.",
            "fr": "Images\u00a0: chemins de fichiers, identifiants d'œuvres (ou leurs premiers caractères) ou empreintes.",
        },
        "help.generate.keep.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.generate.discard.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.generate.energy.session": {
            "en": "Only this session (see `artcharter ledger list`).",
            "fr": "Seulement cette session (voir `artcharter ledger list`).",
        },
        "help.generate.energy.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        # --- --help: artcharter keys ----------------------------------------------------------
        "help.keys.init_school": {
            "en": "Create the school root CA (keys/school-root.pem) that `verify` trusts.",
            "fr": "Créer l'autorité racine de l'école (keys/school-root.pem), à laquelle `verify` fait confiance.",
        },
        "help.keys.issue": {
            "en": "Issue an artist signing certificate from the school root.",
            "fr": "Délivrer à un ou une artiste un certificat de signature issu de la racine de l'école.",
        },
        "help.keys.list_keys": {
            "en": "List the school root and the artist certificates.",
            "fr": "Lister la racine de l'école et les certificats des artistes.",
        },
        "help.keys.show": {
            "en": "Show one certificate: subject, organisation, validity, fingerprint.",
            "fr": "Afficher un certificat\u00a0: sujet, organisation, validité, empreinte.",
        },
        "help.keys.keys_app": {
            "en": "School root CA and artist signing certificates.",
            "fr": "Autorité racine de l'école et certificats de signature des artistes.",
        },
        "help.keys.Passphrase": {
            "en": "Passphrase protecting the new private key (or set ARTCHARTER_PASSPHRASE).",
            "fr": "Phrase secrète protégeant la nouvelle clé privée (ou ARTCHARTER_PASSPHRASE).",
        },
        "help.keys.ask_passphrase": {
            "en": "Type the new key's passphrase at a hidden prompt (twice), instead of --passphrase.",
            "fr": "Taper la phrase secrète de la nouvelle clé dans une invite masquée (deux fois), au lieu de --passphrase.",
        },
        "help.keys.init_school.name": {
            "en": 'School name, e.g. "ESAD Exemple" (or your own name with --personal).',
            "fr": "Nom de l'école, p. ex. «\u00a0ESAD Exemple\u00a0» (ou votre propre nom avec --personal).",
        },
        "help.keys.init_school.personal": {
            "en": "A personal CA for an artist outside any school.",
            "fr": "Une autorité personnelle, pour un ou une artiste hors de toute école.",
        },
        "help.keys.init_school.country": {
            "en": "ISO 3166 two-letter country of the CA.",
            "fr": "Pays de l'autorité, code ISO 3166 à deux lettres.",
        },
        "help.keys.init_school.alg": {
            "en": "Key algorithm: es256 (EC P-256) or ed25519.",
            "fr": "Algorithme de clé\u00a0: es256 (EC P-256) ou ed25519.",
        },
        "help.keys.init_school.years": {
            "en": "Validity of the root certificate in years.",
            "fr": "Validité du certificat racine, en années.",
        },
        "help.keys.init_school.force": {
            "en": "Replace an existing root (old signatures stop being trusted).",
            "fr": "Remplacer une racine existante (les anciennes signatures ne sont plus de confiance).",
        },
        "help.keys.issue.artist": {
            "en": 'Artist name, e.g. "Alice Martin".',
            "fr": "Nom de l'artiste, p. ex. «\u00a0Alice Martin\u00a0».",
        },
        "help.keys.issue.email": {
            "en": "Artist e-mail, written in the certificate.",
            "fr": "Courriel de l'artiste, écrit dans le certificat.",
        },
        "help.keys.issue.alg": {
            "en": "Key algorithm: es256 (EC P-256) or ed25519.",
            "fr": "Algorithme de clé\u00a0: es256 (EC P-256) ou ed25519.",
        },
        "help.keys.issue.days": {"en": "Validity in days.", "fr": "Validité, en jours."},
        "help.keys.issue.root_passphrase": {
            "en": "Passphrase of the school root key.",
            "fr": "Phrase secrète de la clé racine de l'école.",
        },
        "help.keys.issue.default": {
            "en": "Make this artist the project's default signer (the first artist issued is, when there is none).",
            "fr": "Faire de cet ou cette artiste le signataire par défaut du projet (la première identité délivrée l'est, s'il n'y en a pas).",
        },
        "help.keys.issue.force": {
            "en": "Replace an existing certificate for this artist.",
            "fr": "Remplacer un certificat existant pour cet ou cette artiste.",
        },
        "help.keys.list_keys.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.keys.show.who": {
            "en": '"root", an artist name, or a .pem path.',
            "fr": "«\u00a0root\u00a0», un nom d'artiste ou un chemin .pem.",
        },
        "help.keys.show.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        # --- --help: artcharter label ---------------------------------------------------------
        "help.label.label": {
            "en": "Write a signed copy of a work (image, video, sound, document), or of every file of a folder as one series, that says how AI was used (C2PA + IPTC XMP).",
            "fr": "Écrire une copie signée d'une œuvre (image, vidéo, son, document), ou de chaque fichier d'un dossier comme une série, qui dit comment l'IA a été utilisée (C2PA + IPTC XMP).",
        },
        "help.label.label.image": {
            "en": "The work to label (never modified): an image, an MP4/MOV video, a WAV/MP3/FLAC/M4A sound or a PDF/EPUB document; or a folder of them, signed as one series into the folder -o names (the same command again resumes it).",
            "fr": "L'œuvre à étiqueter (jamais modifiée)\u00a0: une image, une vidéo MP4/MOV, un son WAV/MP3/FLAC/M4A ou un document PDF/EPUB\u00a0; ou un dossier de tels fichiers, signés comme une série dans le dossier que nomme -o (la même commande la reprend).",
        },
        "help.label.label.output": {
            "en": "Where to write the signed copy (for a folder: the folder of the signed copies).",
            "fr": "Où écrire la copie signée (pour un dossier\u00a0: le dossier des copies signées).",
        },
        "help.label.label.model_kind": {
            "en": "Kind of model used: image, video, music, voice or text (default: the kind that makes such a file).",
            "fr": "Type de modèle utilisé\u00a0: image, video, music, voice ou text (par défaut\u00a0: celui qui produit ce genre de fichier).",
        },
        "help.label.label.source_type": {
            "en": "IPTC digital source type: trainedAlgorithmicMedia, compositeWithTrainedAlgorithmicMedia, humanEdits, digitalCapture, ...",
            "fr": "Type de source numérique IPTC\u00a0: trainedAlgorithmicMedia, compositeWithTrainedAlgorithmicMedia, humanEdits, digitalCapture, ...",
        },
        "help.label.label.tool": {
            "en": 'AI tool used, e.g. "Midjourney v6".',
            "fr": "Outil d'IA utilisé, p. ex. «\u00a0Midjourney v6\u00a0».",
        },
        "help.label.label.prompt": {
            "en": "Prompt given to the tool.",
            "fr": "Prompt donné à l'outil.",
        },
        "help.label.label.private_prompt": {
            "en": "Write only the prompt's SHA-256 into the file.",
            "fr": "N'écrire dans le fichier que l'empreinte SHA-256 du prompt.",
        },
        "help.label.label.ingredient": {
            "en": "Human input as PATH or PATH:ROLE (sketch, photo, init-image, earlier-version, reference, other). Repeatable.",
            "fr": "Apport humain, sous la forme CHEMIN ou CHEMIN:RÔLE (sketch, photo, init-image, earlier-version, reference, other). Répétable.",
        },
        "help.label.label.training_mining": {
            "en": "AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else notAllowed).",
            "fr": "Entraînement d'IA et fouille de données\u00a0: allowed, notAllowed, constrained (par défaut\u00a0: le choix de la déclaration, sinon notAllowed).",
        },
        "help.label.label.title": {"en": "Title of the artwork.", "fr": "Titre de l'œuvre."},
        "help.label.label.training_constraint": {
            "en": 'With --training-mining constrained: the constraint, in words (for example "non-commercial research only").',
            "fr": "Avec --training-mining constrained\u00a0: la contrainte, en mots (par exemple «\u00a0recherche non commerciale seulement\u00a0»).",
        },
        "help.generate.generate.training_constraint": {
            "en": 'With --training-mining constrained: the constraint, in words (for example "non-commercial research only").',
            "fr": "Avec --training-mining constrained\u00a0: la contrainte, en mots (par exemple «\u00a0recherche non commerciale seulement\u00a0»).",
        },
        "help.label.label.declaration": {
            "en": "Artist's declaration (TOML, see `artcharter declare`), embedded in the file.",
            "fr": "Déclaration de l'artiste (TOML, voir `artcharter declare`), intégrée au fichier.",
        },
        "help.label.label.watermark": {
            "fr": "Cacher aussi l'identifiant de l'œuvre dans les pixels (filigrane invisible DWT-DCT-SVD, hors liste C2PA\xa0; au moins 256×256 px).",
            "en": "Also hide the artwork id in the pixels (invisible DWT-DCT-SVD watermark, not on the C2PA list; at least 256×256 px).",
        },
        "help.label.label.force": {
            "en": "Overwrite the output if it exists.",
            "fr": "Remplacer le fichier de sortie s'il existe.",
        },
        "help.label.label.json": {
            "en": "Print the record as JSON.",
            "fr": "Afficher la fiche en JSON.",
        },
        "help.label.sign_declaration": {
            "en": "Sign the artist's declaration (written with `artcharter declare`) onto a signed artwork: a new signed copy that keeps everything the artwork's credentials said, adds the declaration, and names IMAGE as its earlier version.",
            "fr": "Signer la déclaration de l'artiste (écrite avec `artcharter declare`) sur une œuvre signée\u00a0: une nouvelle copie signée qui garde tout ce que disaient les attestations de l'œuvre, ajoute la déclaration et désigne IMAGE comme sa version précédente.",
        },
        "help.label.sign_declaration.image": {
            "en": "The signed artwork (never modified).",
            "fr": "L'œuvre signée (jamais modifiée).",
        },
        "help.label.sign_declaration.declaration": {
            "en": "The completed declaration file (TOML).",
            "fr": "Le fichier de déclaration complété (TOML).",
        },
        "help.label.sign_declaration.output": {
            "en": "Where to write the signed copy with its declaration.",
            "fr": "Où écrire la copie signée avec sa déclaration.",
        },
        "help.label.sign_declaration.title": {
            "en": "Title of the artwork (default: the declaration's, else the artwork's).",
            "fr": "Titre de l'œuvre (par défaut\u00a0: celui de la déclaration, sinon celui de l'œuvre).",
        },
        "help.label.sign_declaration.training_mining": {
            "en": "AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else the artwork's).",
            "fr": "Entraînement d'IA et fouille de données\u00a0: allowed, notAllowed, constrained (par défaut\u00a0: le choix de la déclaration, sinon celui de l'œuvre).",
        },
        # --- --help: artcharter ledger --------------------------------------------------------
        "help.ledger.list_rows": {
            "en": "List artworks, newest first, with the ledger's counts.",
            "fr": "Lister les œuvres, les plus récentes d'abord, avec les décomptes du registre.",
        },
        "help.ledger.metadata": {
            "en": "Print the ledger's descriptions for Datasette (every table and column in "
            "words, in the reader's language): artcharter ledger metadata > metadata.json, "
            "then datasette artcharter.db --metadata metadata.json.",
            "fr": "Afficher les descriptions du registre pour Datasette (chaque table et "
            "chaque colonne en mots, dans la langue du lecteur)\u00a0: artcharter ledger "
            "metadata > metadata.json, puis datasette artcharter.db --metadata metadata.json.",
        },
        "help.ledger.show": {
            "en": "Show one artwork's full record as JSON.",
            "fr": "Afficher en JSON la fiche complète d'une œuvre.",
        },
        "help.ledger.import_files": {
            "en": "Rebuild the rows of trusted artcharter files that the ledger lacks (a run killed before its row was written, or files made in another project). Exit 0 when every file is in the ledger afterwards, 1 when some could not be imported.",
            "fr": "Reconstituer les lignes des fichiers artcharter de confiance qui manquent au registre (une exécution interrompue avant d'écrire sa ligne, ou des fichiers faits dans un autre projet). Sortie 0 quand chaque fichier est ensuite dans le registre, 1 si certains n'ont pas pu être importés.",
        },
        "help.ledger.ledger_app": {
            "en": "Read the project's ledger (it also opens in Datasette as is). The ledger "
            "stores the path of a file under its own folder relative to that folder, and only "
            "other paths absolute: a project folder moved or copied whole keeps working. "
            "artcharter shows every path absolute, resolved from where the ledger is now.",
            "fr": "Lire le registre du projet (il s'ouvre aussi tel quel dans Datasette). Le "
            "registre garde le chemin d'un fichier placé sous son propre dossier relatif à ce "
            "dossier, et seulement les autres chemins en absolu : un dossier de projet "
            "déplacé ou copié en entier continue de fonctionner. artcharter affiche chaque "
            "chemin en absolu, résolu depuis l'emplacement actuel du registre.",
        },
        "help.ledger.list_rows.status": {
            "en": "Only artworks with this status: kept, discarded, signed, replaced.",
            "fr": "Seulement les œuvres dans cet état\u00a0: kept, discarded, signed, replaced.",
        },
        "help.ledger.list_rows.limit": {
            "en": "At most this many rows.",
            "fr": "Au plus ce nombre de lignes.",
        },
        "help.ledger.list_rows.probes": {
            "en": "Also list the images of bias probe campaigns (kept apart from the artworks).",
            "fr": "Lister aussi les images des campagnes de sondes de biais (tenues à part des œuvres).",
        },
        "help.ledger.list_rows.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.ledger.show.key": {
            "en": "Artwork id (or its first characters), file hash, or path (absolute, or from the current folder).",
            "fr": "Identifiant de l'œuvre (ou ses premiers caractères), empreinte du fichier ou chemin (absolu, ou depuis le dossier courant).",
        },
        "help.ledger.import_files.files": {
            "en": "Signed images or folders of them (never modified).",
            "fr": "Images signées ou dossiers d'images signées (jamais modifiées).",
        },
        "help.ledger.import_files.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        "help.ledger.merge": {
            "en": "Merge another workstation's ledger: an artwork joins only through its signed file, found and verified trusted here; every other row is kept apart (merged_rows). The other ledger's relative paths are read from its own folder; an artwork that joins is recorded where its file was found. Running it again changes nothing.",
            "fr": "Fusionner le registre d'un autre poste : une œuvre n'entre que par son fichier signé, retrouvé et vérifié de confiance ici ; toute autre ligne est mise à part (merged_rows). Les chemins relatifs de l'autre registre se lisent depuis son propre dossier ; une œuvre qui entre est enregistrée là où son fichier a été retrouvé. Relancer ne change rien.",
        },
        "help.ledger.merge.other": {
            "en": "The other ledger (a copy made with SQLite's backup, never the live file on a share).",
            "fr": "L'autre registre (une copie faite avec la sauvegarde de SQLite, jamais le fichier vivant sur un partage).",
        },
        "help.ledger.merge.files": {
            "en": "Folder where the other workstation's signed files were copied (repeatable).",
            "fr": "Dossier où les fichiers signés de l'autre poste ont été copiés (répétable).",
        },
        "help.ledger.merge.json": {"en": "Print JSON.", "fr": "Afficher en JSON."},
        # --- --help: artcharter project -------------------------------------------------------
        "help.project.init": {
            "en": "Create artcharter.toml and the ledger in FOLDER.",
            "fr": "Créer artcharter.toml et le registre dans FOLDER.",
        },
        "help.project.init.folder": {
            "en": "Project folder (created if needed).",
            "fr": "Dossier du projet (créé au besoin).",
        },
        "help.project.init.name": {
            "en": "Name of the school, class or studio.",
            "fr": "Nom de l'école, de la classe ou de l'atelier.",
        },
        "help.project.init.lang": {
            "en": "Language of the project's messages and reports: fr or en (default: --lang, ARTCHARTER_LANG, else the locale).",
            "fr": "Langue des messages et des rapports du projet\u00a0: fr ou en (par défaut\u00a0: --lang, ARTCHARTER_LANG, sinon la locale).",
        },
        "help.project.init.country": {
            "en": "ISO alpha-3 country of the electricity mix (energy).",
            "fr": "Pays du mix électrique (énergie), code ISO alpha-3.",
        },
        # --- --help: artcharter report --------------------------------------------------------
        "help.report.report": {
            "en": "Write a self-contained HTML report of IMAGE (works offline, prints on A4) and its JSON twin: verdict, provenance, how the model works, generation, energy, biases, charter verdicts rule by rule, and the artist's declaration.",
            "fr": "Écrire un rapport HTML autonome d'IMAGE (lisible hors ligne, imprimable en A4) et son double JSON\u00a0: verdict, provenance, fonctionnement du modèle, génération, énergie, biais, verdicts de la charte règle par règle et déclaration de l'artiste.",
        },
        "help.report.cartel": {
            "en": "Print exhibition labels (cartels): title, artist, year, medium in words, the AI-use pictogram and a QR code with the artwork id and hash. HTML and SVG; a FOLDER gives an A4 sheet of labels to cut.",
            "fr": "Produire des cartels d'exposition\u00a0: titre, artiste, année, technique en toutes lettres, pictogramme d'usage de l'IA et QR code avec l'identifiant et l'empreinte de l'œuvre. En HTML et SVG\u00a0; un dossier (FOLDER) donne une planche A4 de cartels à découper.",
        },
        "help.report.summary": {
            "en": "A class or exhibition overview: charter results per rule, verdicts, energy (total and per artwork, discarded images included), share of AI per stage, and a report per artwork linked from the page.",
            "fr": "Vue d'ensemble d'une classe ou d'une exposition\u00a0: résultats de la charte par règle, verdicts, énergie (totale et par œuvre, images écartées comprises), part de l'IA par étape, et un rapport par œuvre lié depuis la page.",
        },
        "help.report.LangOption": {
            "en": "Language of the page: fr or en (default: the global --lang).",
            "fr": "Langue de la page\u00a0: fr ou en (par défaut\u00a0: le --lang global).",
        },
        "help.report.CharterOption": {
            "en": "Charter file (default: [charter] file in artcharter.toml, else the default charter).",
            "fr": "Fichier de charte (par défaut\u00a0: file de [charter] dans artcharter.toml, sinon la charte par défaut).",
        },
        "help.report.NoLedgerOption": {
            "en": "Do not read the project's ledger (sessions, discarded images, campaigns).",
            "fr": "Ne pas lire le registre du projet (sessions, images écartées, campagnes).",
        },
        "help.report.report.image": {"en": "The signed artwork.", "fr": "L'œuvre signée."},
        "help.report.report.output": {
            "en": "Folder for the HTML page and its JSON twin.",
            "fr": "Dossier de la page HTML et de son double JSON.",
        },
        "help.report.report.pdf": {
            "en": "Also print the page to PDF (A4) with Chromium.",
            "fr": "Imprimer aussi la page en PDF (A4) avec Chromium.",
        },
        "help.report.report.json": {
            "en": "Print the report's JSON.",
            "fr": "Afficher le JSON du rapport.",
        },
        "help.report.cartel.source": {
            "en": "A signed artwork, or a folder of them for an A4 sheet.",
            "fr": "Une œuvre signée, ou un dossier d'œuvres pour une planche A4.",
        },
        "help.report.cartel.output": {
            "en": "Folder for the labels (required: they never land among the artworks unasked).",
            "fr": "Dossier des cartels (obligatoire\u00a0: ils n'atterrissent jamais parmi les œuvres sans qu'on le demande).",
        },
        "help.report.cartel.verify_url": {
            "en": "The page the QR code opens, with `?id=...&sha256=...` added (default: the jury desk of the project's [desk] url, asked for on a terminal when missing).",
            "fr": "La page qu'ouvre le QR code, avec `?id=...&sha256=...` ajouté (par défaut\u00a0: le bureau du jury de [desk] url du projet, demandé dans un terminal s'il manque).",
        },
        "help.report.cartel.offline": {
            "en": "Without a jury desk: a QR code with only the artwork id and hash, read with `artcharter verify`.",
            "fr": "Sans bureau du jury\u00a0: un QR code qui ne porte que l'identifiant et l'empreinte de l'œuvre, à lire avec `artcharter verify`.",
        },
        "help.report.cartel.pdf": {
            "en": "Also print the labels to PDF with Chromium.",
            "fr": "Imprimer aussi les cartels en PDF avec Chromium.",
        },
        "help.report.summary.folder": {
            "en": "Folder of artworks (or use --ledger).",
            "fr": "Dossier d'œuvres (ou --ledger).",
        },
        "help.report.summary.from_ledger": {
            "en": "Summarise the artworks recorded in the project's ledger (all but discarded).",
            "fr": "Faire la synthèse des œuvres enregistrées dans le registre du projet (toutes sauf les écartées).",
        },
        "help.report.summary.output": {
            "en": "Folder for the summary and the reports.",
            "fr": "Dossier de la synthèse et des rapports.",
        },
        "help.report.summary.json": {
            "en": "Print the summary's JSON.",
            "fr": "Afficher le JSON de la synthèse.",
        },
        # --- --help: artcharter serve ---------------------------------------------------------
        "help.serve.serve": {
            "en": "Start the jury desk: a local web page where a jury drops files and reads, for each, the verdict, the signer, the share of AI, the energy, the charter result and the report; with a JSON API (/api/verify, /api/artworks/ID) documented at /docs and /openapi.json.",
            "fr": "Lancer le bureau du jury\u00a0: une page web locale où un jury dépose des fichiers et lit, pour chacun, le verdict, le signataire, la part de l'IA, l'énergie, le résultat de la charte et le rapport\u00a0; avec une API JSON (/api/verify, /api/artworks/ID) documentée sur /docs et /openapi.json.",
        },
        "help.serve.serve.host": {
            "en": "Address to listen on (loopback by default).",
            "fr": "Adresse d'écoute (boucle locale par défaut).",
        },
        "help.serve.serve.port": {
            "en": "Port (0: any free port, printed at start).",
            "fr": "Port (0\u00a0: n'importe quel port libre, affiché au démarrage).",
        },
        "help.serve.serve.charter": {
            "en": "Charter file (TOML). Default: the project's charter, else the default.",
            "fr": "Fichier de charte (TOML). Par défaut\u00a0: la charte du projet, sinon celle par défaut.",
        },
        "help.serve.serve.keep_uploads": {
            "en": "Keep dropped files in the ledger's folder (uploads/), or discard them: held in memory while the jury looks, never written to disk (default).",
            "fr": "Garder les fichiers déposés dans le dossier du registre (uploads/), ou les oublier\u00a0: gardés en mémoire le temps que le jury les regarde, jamais écrits sur disque (par défaut).",
        },
        "help.serve.serve.max_upload_mb": {
            "en": "Largest file accepted, in MB.",
            "fr": "Plus gros fichier accepté, en Mo.",
        },
        "help.serve.serve.max_video_mb": {
            "en": "Largest video accepted (MP4, MOV), in MB (default: --max-upload-mb).",
            "fr": "Plus grosse vidéo acceptée (MP4, MOV), en Mo (par défaut\u00a0: --max-upload-mb).",
        },
        "help.serve.serve.max_sound_mb": {
            "en": "Largest sound accepted (WAV, MP3, FLAC, M4A), in MB (default: --max-upload-mb).",
            "fr": "Plus gros son accepté (WAV, MP3, FLAC, M4A), en Mo (par défaut\u00a0: --max-upload-mb).",
        },
        "help.serve.serve.max_document_mb": {
            "en": "Largest document accepted (PDF, EPUB), in MB (default: --max-upload-mb).",
            "fr": "Plus gros document accepté (PDF, EPUB), en Mo (par défaut\u00a0: --max-upload-mb).",
        },
        "help.serve.serve.merge_token_file": {
            "en": "A file holding the school's merge token: with it, the desk accepts a workstation's ledger (POST /api/ledger, page /ledger) from whoever has the token. Without it, no ledger upload.",
            "fr": "Un fichier qui contient le jeton de fusion de l'école\u00a0: avec lui, le bureau accepte le registre d'un poste (POST /api/ledger, page /ledger) de qui a le jeton. Sans lui, aucun envoi de registre.",
        },
        "help.serve.serve.allow_non_loopback": {
            "en": "Allow a --host reachable from other machines (for visitors' phones on a festival network).",
            "fr": "Autoriser un --host joignable depuis d'autres machines (pour les téléphones des visiteurs sur le réseau d'un festival).",
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
