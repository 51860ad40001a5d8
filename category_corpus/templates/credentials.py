"""Templates of `credentials`: passwords, API keys, private keys, connection strings, config files holding secrets."""

from __future__ import annotations

import base64
import json

from category_corpus.common import ALNUM, HEX, Built, Ctx, Template, password, short_date, template, token
from category_corpus.writers import docx, escape_xml, text

CATEGORY = "credentials"


def aws_key(c: Ctx) -> str:
    return "AKIA" + token(c, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


@template(CATEGORY, "cred.env", ("en", "de"), ".env", split="train", written="round 0")
def env_file(c: Ctx) -> Built:
    comment = c.t({"en": "# production settings - do not commit", "de": "# Produktivkonfiguration - nicht einchecken"})
    out = [comment, "APP_ENV=production", f"DB_HOST=10.{c.rng.randint(1, 99)}.0.{c.rng.randint(2, 250)}", "DB_USER=app",
           f"DB_PASSWORD={password(c)}"]
    out += c.some((f"AWS_ACCESS_KEY_ID={aws_key(c)}", f"AWS_SECRET_ACCESS_KEY={token(c, 40)}", f"SMTP_PASSWORD={password(c)}",
                   f"STRIPE_SECRET_KEY=sk_live_{token(c, 24)}", f"JWT_SECRET={token(c, 48)}"), 2, 4)
    return Built(text(out))


@template(CATEGORY, "cred.ini", ("fr", "es"), ".ini", split="train", written="round 0")
def ini_file(c: Ctx) -> Built:
    comment = c.t({"fr": "; configuration du connecteur ERP", "es": "; configuración del conector ERP"})
    out = [comment, "[database]", f"host = db{c.rng.randint(1, 9)}.interne.local", "port = 5432", "user = erp_sync",
           f"password = {password(c)}", "", "[smtp]", "server = smtp.office365.com", f"login = noreply@{c.company().domain}",
           f"password = {password(c)}", "", "[api]", f"api_key = {token(c, 32)}"]
    return Built(text(out))


@template(CATEGORY, "cred.yaml", ("en", "es"), ".yaml", split="held_out", written="round 0")
def yaml_secrets(c: Ctx) -> Built:
    comment = c.t({"en": "# staging stack", "es": "# entorno de preproducción"})
    out = [comment, "version: '3.8'", "services:", "  db:", "    image: postgres:15", "    environment:",
           "      POSTGRES_USER: app", f"      POSTGRES_PASSWORD: {password(c)}", "  api:",
           f"    image: registry.example.com/api:{c.rng.randint(1, 9)}.{c.rng.randint(0, 20)}", "    environment:",
           f"      API_KEY: {token(c, 32)}", f"      REDIS_URL: redis://default:{token(c, 16)}@cache:6379/0"]
    return Built(text(out))


@template(CATEGORY, "cred.password_list_txt", ("de", "fr"), ".txt", split="train", written="round 0")
def password_list(c: Ctx) -> Built:
    customer = c.company()
    systems = c.some(("Firewall", "VPN", "vCenter", "ERP", "NAS", "Router", "Domain Admin"), 3, 5)
    labels = c.t({"de": ("Benutzer", "Passwort"), "fr": ("Utilisateur", "Mot de passe")})
    title = c.t({"de": f"Zugangsdaten {customer.name}", "fr": f"Mots de passe – serveurs {customer.name}"})
    out = [title, ""]
    for system in systems:
        out.append(f"{system}: {labels[0]}: {c.pick(('admin', 'root', 'administrator', 'svc_backup'))} / {labels[1]}: {password(c)}")
    return Built(text(out))


@template(CATEGORY, "cred.service_account_json", ("en", "fr"), ".json", split="train", written="round 0")
def service_account(c: Ctx) -> Built:
    key_body = "\\n".join(token(c, 64, ALNUM + "+/") for _ in range(6))
    if c.lang == "en":
        document: dict[str, object] = {
            "type": "service_account", "project_id": f"{c.pick(('billing', 'crm', 'analytics'))}-{c.rng.randrange(1000, 9999)}",
            "private_key_id": token(c, 40, "0123456789abcdef"),
            "private_key": "-----BEGIN PRIVATE KEY-----\\n" + key_body + "\\n-----END PRIVATE KEY-----\\n",
            "client_email": f"sync@{c.company().domain}", "client_id": str(c.rng.randrange(10 ** 17, 10 ** 18))}
        return Built(json.dumps(document, indent=2).replace("\\\\n", "\\n").encode())
    document = {"base_de_donnees": {"hote": f"10.{c.rng.randint(1, 99)}.1.5", "utilisateur": "app", "mot_de_passe": password(c)},
                "api": {"cle": token(c, 32), "secret_client": token(c, 40)}}
    return Built(json.dumps(document, indent=2, ensure_ascii=False).encode())


@template(CATEGORY, "cred.connection_wiki_md", ("de", "es"), ".md", split="held_out", written="round 0")
def connection_wiki(c: Ctx) -> Built:
    host = f"10.{c.rng.randint(1, 99)}.{c.rng.randint(1, 250)}.{c.rng.randint(2, 250)}"
    out = c.t({
        "de": ["# Datenbankzugänge", "", "Stand: " + c.datestr(), "", "## CRM (PostgreSQL)", "",
               f"`postgresql://crm_app:{password(c)}@{host}:5432/crm`", "", "## ERP (SQL Server)", "",
               f"`Server=sql01;Database=erp;User Id=sa;Password={password(c)};`", "",
               "Bitte nicht in Tickets kopieren."],
        "es": ["# Accesos a bases de datos", "", "Actualizado: " + c.datestr(), "", "## CRM (PostgreSQL)", "",
               f"`postgresql://crm_app:{password(c)}@{host}:5432/crm`", "", "## ERP (SQL Server)", "",
               f"`Server=sql01;Database=erp;User Id=sa;Password={password(c)};`", "",
               "No copiar en las incidencias."],
    })
    return Built(text(out))


@template(CATEGORY, "cred.docker_compose_yml", ("en", "de"), ".yml", split="train", written="round 1")
def docker_compose(c: Ctx) -> Built:
    note = c.t({"en": "# production stack - do not commit", "de": "# Produktivumgebung - nicht einchecken"})
    out = [note, "services:", "  db:", "    image: postgres:15", "    environment:", "      POSTGRES_USER: app",
           f"      POSTGRES_PASSWORD: {password(c)}", "  app:", "    image: registry.example.com/shop/app:2.3", "    environment:",
           f"      DATABASE_URL: postgres://app:{password(c)}@db:5432/shop", f"      STRIPE_SECRET_KEY: sk_live_{token(c, 24)}",
           f"      JWT_SECRET: {token(c, 40)}", "    ports:", "      - \"8080:8080\""]
    return Built(text(out))


@template(CATEGORY, "cred.blind_handover_docx", ("de", "es"), ".docx", split="train", written="round 2")
def blind_handover(c: Ctx) -> Built:
    customer, author = c.company(), c.person(c.vendor())
    systems = c.some(("vCenter", "Firewall", "Backup-Server", "SQL Server", "NAS", "Router"), 3, 5)
    header = c.t({"de": ["System", "Adresse", "Benutzer", "Passwort"], "es": ["Sistema", "Dirección", "Usuario", "Contraseña"]})
    rows = [header] + [[system, f"https://10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.{c.rng.randrange(2, 250)}",
                        c.pick(("admin", "root", "svc_backup", "administrator")), password(c)] for system in systems]
    if c.lang == "de":
        title = f"Übergabe {customer.name}"
        blocks: list[str | list[list[str]]] = [
            f"Erstellt von {author.name} am {c.datestr()} für die Übergabe an den Betrieb.",
            "Die folgenden Zugänge bitte nach der Übernahme ändern.", rows, "Der Notfallkontakt ist die Hotline."]
    else:
        title = f"Traspaso {customer.name}"
        blocks = [f"Preparado por {author.name} el {c.datestr()} para el traspaso a operaciones.",
                  "Cambiad estos accesos después del traspaso.", rows, "El contacto de guardia es la línea de soporte."]
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "secrets.b3_dotenv", ("en", "de"), ".env", split="train", written="round 3")
def secrets_dotenv(c: Ctx) -> Built:
    company = c.company()
    app = c.pick(("shop-api", "portal", "billing-service", "crm-sync"))
    engine = c.pick(("pgsql", "mysql"))
    db_user = c.pick(("app", app.replace("-", "_"), "svc_" + app.split("-")[0]))
    db_host = c.pick(("db01.internal", f"{app}.c9x{token(c, 6, 'abcdefghijklmnopqrstuvwxyz0123456789')}.eu-west-1.rds.amazonaws.com",
                      "10.20.3.15"))
    note = c.t({"en": ("# production – do NOT commit this file", "# copied from the old server, clean up later",
                       "# ask ops before rotating anything here"),
                "de": ("# Produktion – diese Datei NICHT einchecken", "# vom alten Server übernommen, später aufräumen",
                       "# vor dem Rotieren bitte Betrieb fragen")})
    out = [c.pick(note), f"APP_NAME={app}", "APP_ENV=production", f"APP_KEY=base64:{token(c, 43)}=", "APP_DEBUG=false",
           f"APP_URL=https://{app}.{company.domain}", "",
           f"DB_CONNECTION={engine}", f"DB_HOST={db_host}", "DB_PORT=" + {"pgsql": "5432", "mysql": "3306"}[engine],
           f"DB_DATABASE={app.replace('-', '_')}", f"DB_USERNAME={db_user}", f"DB_PASSWORD={password(c)}", ""]
    if c.maybe(0.7):
        out += [f"REDIS_URL=redis://:{token(c, 24)}@cache01.internal:6379/0", ""]
    out += [c.t({"en": "# outgoing mail", "de": "# Mailversand"}), "MAIL_HOST=" + c.pick(("smtp.office365.com", "smtp.sendgrid.net")),
            "MAIL_PORT=587", f"MAIL_USERNAME=noreply@{company.domain}", f"MAIL_PASSWORD={password(c)}", ""]
    extras = [[f"AWS_ACCESS_KEY_ID=AKIA{token(c, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}",
               f"AWS_SECRET_ACCESS_KEY={token(c, 40, ALNUM + '/+')}", "AWS_DEFAULT_REGION=eu-central-1",
               f"AWS_BUCKET={company.domain.split('.')[0]}-uploads"],
              [f"STRIPE_KEY=pk_live_{token(c, 24)}", f"STRIPE_SECRET=sk_live_{token(c, 24)}",
               f"STRIPE_WEBHOOK_SECRET=whsec_{token(c, 32)}"],
              [f"SENTRY_DSN=https://{token(c, 32, HEX)}@o{c.rng.randrange(100000, 999999)}.ingest.sentry.io/"
               f"{c.rng.randrange(1000000, 9999999)}"],
              [f"JWT_SECRET={token(c, 64, HEX)}", "JWT_TTL=3600"],
              [f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{token(c, 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/"
               f"B{token(c, 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/{token(c, 24)}"],
              ["ERP_API_URL=https://erp.internal/api/v2", f"ERP_API_TOKEN={token(c, 40, HEX)}"]]
    for block in c.some(extras, 2, 5):
        out += [*block, ""]
    if c.maybe(0.4):
        out += [c.t({"en": "# old key, still used by the nightly export", "de": "# alter Key, wird noch vom nächtlichen Export benutzt"}),
                f"#LEGACY_API_KEY={token(c, 32)}"]
    return Built(text(out))


@template(CATEGORY, "secrets.b3_app_ini", ("fr", "es"), ".ini", split="train", written="round 3")
def secrets_app_ini(c: Ctx) -> Built:
    company = c.company()
    base = company.domain.split(".")[0]
    cm = c.t({
        "fr": ("; Configuration de production – ne pas diffuser", "; base de gestion commerciale",
               "; compte de service pour l'annuaire (lecture seule)", "; envoi des factures par mail", "; dépôt des fichiers de la banque"),
        "es": ("; Configuración de producción – no compartir", "; base de datos del ERP",
               "; cuenta de servicio del directorio (solo lectura)", "; envío de facturas por correo",
               "; intercambio de ficheros con el banco"),
    })
    out = [cm[0], f"; {c.datestr(long=False)}", "", "[general]", f"app_name = {base}-gestion", "environment = prod",
           f"secret_key = {token(c, 48)}", "", cm[1], "[database]", f"host = sql{c.rng.randint(1, 3):02d}.{base}.local",
           "port = 1433", "name = GESTION", f"user = {c.pick(('sa', 'app_gestion', 'erp_rw'))}", f"password = {password(c)}", "",
           cm[2], "[ldap]", f"url = ldaps://dc01.{base}.local:636", f"bind_dn = CN=svc_app,OU=Service,DC={base},DC=local",
           f"bind_password = {password(c)}", f"base_dn = OU={c.t({'fr': 'Utilisateurs', 'es': 'Usuarios'})},DC={base},DC=local",
           "", cm[3], "[smtp]",
           f"host = smtp.{company.domain}", "port = 587", f"user = {c.t({'fr': 'factures', 'es': 'facturas'})}@{company.domain}",
           f"password = {password(c)}", "starttls = true"]
    if c.maybe(0.7):
        out += ["", cm[4], "[sftp]", f"host = sftp.{c.pick(('ebics', 'edi', 'banque'))}-{base}.net", "port = 22",
                f"user = {base}{c.rng.randrange(100, 999)}", f"password = {password(c)}",
                f"host_key_fingerprint = SHA256:{token(c, 43, ALNUM + '+/')}"]
    if c.maybe():
        client_id = "-".join(token(c, n, HEX) for n in (8, 4, 4, 4, 12))
        out += ["", "[api]", f"client_id = {client_id}",
                f"client_secret = {token(c, 40)}"]
    return Built(text(out))


@template(CATEGORY, "cred.b4_kubeconfig", ("en", "de"), ".yaml", split="train", written="round 4")
def cred_kubeconfig(c: Ctx) -> Built:
    company = c.company()
    admin = c.person(company)
    short = company.domain.split(".")[0][:10]
    clusters = [f"{short}-prod", f"{short}-staging"] if c.maybe() else [f"{short}-aks-prod"]
    ca = base64.b64encode(("-----BEGIN CERTIFICATE-----\nMIIC" + token(c, 120) + "\n-----END CERTIFICATE-----\n").encode()).decode()
    cert = base64.b64encode(("-----BEGIN CERTIFICATE-----\nMIID" + token(c, 150) + "\n-----END CERTIFICATE-----\n").encode()).decode()
    key = base64.b64encode(("-----BEGIN RSA PRIVATE KEY-----\nMIIEpA" + token(c, 180) +
                            "\n-----END RSA PRIVATE KEY-----\n").encode()).decode()
    jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + token(c, 40) + "." + token(c, 96) + "." + token(c, 64)
    head = c.t({
        "en": [f"# kubeconfig for {company.name} – cluster admin access, created by {admin.name} on {short_date(c)}",
               "# Do not commit this file. Token of the CI service account expires in 90 days."],
        "de": [f"# kubeconfig für {company.name} – Admin-Zugang, erstellt von {admin.name} am {short_date(c)}",
               "# Datei nicht einchecken! Das Token des CI-Servicekontos läuft nach 90 Tagen ab."],
    })
    lines = [*head, "apiVersion: v1", "kind: Config", "clusters:"]
    for name in clusters:
        lines += [f"- name: {name}", "  cluster:",
                  f"    server: https://{name}.{c.pick(('westeurope', 'germanywestcentral', 'eu-central-1'))}.k8s.{company.domain}:443",
                  f"    certificate-authority-data: {ca}"]
    lines += ["users:",
              f"- name: {admin.first.lower()}-admin", "  user:",
              f"    client-certificate-data: {cert}",
              f"    client-key-data: {key}",
              "- name: ci-deployer", "  user:",
              f"    token: {jwt}",
              "contexts:"]
    for name in clusters:
        lines += [f"- name: {name}", "  context:", f"    cluster: {name}", f"    user: {admin.first.lower()}-admin",
                  f"    namespace: {c.pick(('default', 'apps', 'erp'))}"]
    lines += [f"- name: {clusters[0]}-ci", "  context:", f"    cluster: {clusters[0]}", "    user: ci-deployer",
              f"current-context: {clusters[0]}", "preferences: {}"]
    return Built(text(lines))


@template(CATEGORY, "cred.b4_tfvars", ("fr", "es"), ".tfvars", split="train", written="round 4")
def cred_tfvars(c: Ctx) -> Built:
    company = c.company()
    ops = c.person(company)
    short = company.domain.split(".")[0].replace("-", "")[:10]
    db_pass = token(c, 6) + c.pick("!#%&*") + token(c, 8) + c.pick("@$?")
    sp_secret = token(c, 8) + "~" + token(c, 31, ALNUM + "._-")
    smtp_pass = token(c, 16)
    sub = f"{token(c, 8, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 12, HEX)}"
    tenant = f"{token(c, 8, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 12, HEX)}"
    cf_token = token(c, 40, ALNUM + "_-")
    t = c.t({
        "fr": ("# Variables Terraform – environnement de production",
               f"# Maintenu par {ops.name}. NE PAS COMMITER : fichier dans .gitignore",
               "# Abonnement et identité du principal de service", "# Base de données", "# Envoi des e-mails (relais SMTP)",
               "# DNS / CDN", "# Étiquettes appliquées à toutes les ressources", "Équipe"),
        "es": ("# Variables de Terraform – entorno de producción",
               f"# Mantenido por {ops.name}. NO SUBIR AL REPOSITORIO: está en .gitignore",
               "# Suscripción e identidad del principal de servicio", "# Base de datos", "# Envío de correo (relay SMTP)",
               "# DNS / CDN", "# Etiquetas aplicadas a todos los recursos", "Equipo"),
    })
    lines = [
        t[0], t[1], "",
        'environment         = "prod"',
        f'location            = "{c.pick(("francecentral", "westeurope", "spaincentral"))}"',
        f'resource_group_name = "rg-{short}-prod"',
        "",
        t[2],
        f'subscription_id     = "{sub}"',
        f'tenant_id           = "{tenant}"',
        f'client_id           = "{token(c, 8, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 12, HEX)}"',
        f'client_secret       = "{sp_secret}"',
        "",
        t[3],
        f'db_server_name      = "psql-{short}-prod"',
        'db_admin_login      = "pgadmin"',
        f'db_admin_password   = "{db_pass}"',
        f'db_connection_string = "postgresql://pgadmin:{db_pass}@psql-{short}-prod.postgres.database.azure.com:5432/erp?sslmode=require"',
        "",
        t[4],
        f'smtp_host           = "smtp.{company.domain}"',
        f'smtp_user           = "noreply@{company.domain}"',
        f'smtp_password       = "{smtp_pass}"',
        "",
        t[5],
        f'cloudflare_api_token = "{cf_token}"',
        "",
        t[6],
        "tags = {",
        f'  owner       = "{ops.email}"',
        f'  cost_center = "{c.pick(("IT-4100", "IT-2300", "OPS-510"))}"',
        f'  {"equipe" if c.lang == "fr" else "equipo"}      = "{t[7]} infra"',
        "}",
    ]
    return Built(text(lines))


_SALT = ALNUM + "!#$%&()*+,-./:;<=>?@[]^_{|}~"


@template(CATEGORY, "cred.b5_wp_config", ("de", "fr"), ".php", split="train", written="round 5")
def cred_wp_config(c: Ctx) -> Built:
    company = c.company()
    slug = company.domain.split(".")[0].replace("-", "_")[:10]
    db_name = f"{slug}_{c.pick(('wp', 'web', 'site', 'blog'))}"
    db_user = f"{slug[:8]}_{c.pick(('wpuser', 'web', 'admin'))}"
    password = token(c, c.rng.randint(14, 22), ALNUM + "!#%*+-_")
    host = c.pick(("localhost", "127.0.0.1", f"db.{company.domain}", f"mysql-{c.rng.randint(1, 9)}.webhosting.local:3306"))
    prefix = c.pick(("wp_", f"wp{token(c, 3, 'abcdefghijklmnopqrstuvwxyz')}_"))
    salts = ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT",
             "NONCE_SALT")
    salt_lines = [f"define( '{name}',{' ' * (17 - len(name))}'{token(c, 64, _SALT).replace(chr(39), '~')}' );" for name in salts]
    if c.lang == "de":
        intro = ["/**", " * Grundeinstellungen für WordPress", " *",
                 " * Diese Datei enthält die Zugangsdaten zur MySQL-Datenbank, die Sicherheitsschlüssel,",
                 " * das Tabellenpräfix und ABSPATH. Sie wird vom Installationsskript angelegt;",
                 " * danach kann sie direkt bearbeitet werden.", " *",
                 f" * Website: https://www.{company.domain} – betreut von {c.person(company).name}", " */", "",
                 "// ** MySQL-Einstellungen – diese Angaben erhalten Sie von Ihrem Hoster ** //",
                 "/** Name der Datenbank für WordPress */"]
        after_name = ["/** Benutzername der MySQL-Datenbank */"]
        after_user = ["/** Passwort der MySQL-Datenbank */"]
        after_pw = ["/** Datenbankserver (meist localhost) */"]
        keys_head = ["/**#@+", " * Sicherheitsschlüssel", " *",
                     " * Jeder Schlüssel sollte eine eigene, zufällige Zeichenkette sein. Beim Ändern werden alle",
                     " * angemeldeten Benutzer abgemeldet.", " */"]
        prefix_c = ["/** Präfix der WordPress-Tabellen – nur Buchstaben, Ziffern und Unterstriche */"]
        debug_c = ["/** Debug-Modus: auf dem Live-System unbedingt ausgeschaltet lassen */"]
        end_c = "/* Das war’s, ab hier bitte nichts mehr ändern. */"
        abs_c = "/** Absoluter Pfad zum WordPress-Verzeichnis */"
        lang = "de_DE"
    else:
        intro = ["/**", " * La configuration de base de votre installation WordPress.", " *",
                 " * Ce fichier contient les réglages de la base de données MySQL, les clés secrètes,",
                 " * le préfixe des tables et ABSPATH. Il est créé lors de l'installation,",
                 " * vous pouvez ensuite le modifier directement.", " *",
                 f" * Site : https://www.{company.domain} – maintenu par {c.person(company).name}", " */", "",
                 "// ** Réglages MySQL – votre hébergeur doit vous fournir ces informations. ** //",
                 "/** Nom de la base de données de WordPress. */"]
        after_name = ["/** Utilisateur de la base de données MySQL. */"]
        after_user = ["/** Mot de passe de la base de données MySQL. */"]
        after_pw = ["/** Adresse de l'hébergement MySQL. */"]
        keys_head = ["/**#@+", " * Clés uniques d'authentification et salage.", " *",
                     " * Chaque clé doit être une phrase unique et aléatoire. Les modifier déconnecte",
                     " * tous les utilisateurs.", " */"]
        prefix_c = ["/** Préfixe des tables de la base de données – lettres, chiffres et tiret bas uniquement. */"]
        debug_c = ["/** Mode débogage : à laisser désactivé en production. */"]
        end_c = "/* C'est tout, ne touchez pas à ce qui suit ! Bonne publication. */"
        abs_c = "/** Chemin absolu vers le dossier de WordPress. */"
        lang = "fr_FR"
    lines = ["<?php", *intro, f"define( 'DB_NAME', '{db_name}' );", "", *after_name, f"define( 'DB_USER', '{db_user}' );", "",
             *after_user, f"define( 'DB_PASSWORD', '{password}' );", "", *after_pw, f"define( 'DB_HOST', '{host}' );", "",
             "define( 'DB_CHARSET', 'utf8mb4' );", "define( 'DB_COLLATE', '' );", "", *keys_head, *salt_lines, "/**#@-*/", "",
             *prefix_c, f"$table_prefix = '{prefix}';", "", *debug_c, "define( 'WP_DEBUG', false );",
             f"define( 'WPLANG', '{lang}' );"]
    if c.maybe():
        lines += ["", f"define( 'SMTP_USER', 'noreply@{company.domain}' );", f"define( 'SMTP_PASS', '{token(c, 16)}' );",
                  f"define( 'SMTP_HOST', 'smtp.{company.domain}' );"]
    lines += ["", end_c, "", abs_c, "if ( ! defined( 'ABSPATH' ) ) {", "\tdefine( 'ABSPATH', __DIR__ . '/' );", "}", "",
              "require_once ABSPATH . 'wp-settings.php';"]
    return Built(text(lines))


@template(CATEGORY, "cred.b5_keepass_export", ("en", "es"), ".xml", split="train", written="round 5")
def cred_keepass_export(c: Ctx) -> Built:
    company = c.company()
    admin = c.person(company)
    dom = company.domain
    en = c.lang == "en"

    def pw(n: int = 18) -> str:
        return token(c, n, ALNUM + "!#$%&*+-=?@_")

    groups = {
        ("Servers", "Servidores"): [
            ("Domain admin (break glass)", "Administrador de dominio (emergencia)",
             f"{dom.split('.')[0].upper()}\\adm-{admin.last.lower()}", pw(24), f"rdp://dc01.{dom}",
             ("Only in emergencies, log use in the IT change log.", "Solo en emergencias; registrar el uso en el log de cambios.")),
            ("vCenter", "vCenter", "administrator@vsphere.local", pw(), f"https://vcenter.{dom}/ui",
             ("SSO domain vsphere.local", "Dominio SSO vsphere.local")),
            ("SQL Server sa", "SQL Server sa", "sa", pw(20), f"sql01.{dom},1433",
             ("Connection: Server=sql01;User Id=sa;Password=see field", "Conexión: Server=sql01;User Id=sa;Password=ver campo")),
            ("iDRAC esx01", "iDRAC esx01", "root", pw(12), f"https://10.{c.rng.randint(0, 50)}.1.21",
             ("Out-of-band management", "Gestión fuera de banda")),
        ],
        ("Network", "Red"): [
            ("FortiGate admin", "FortiGate admin", "admin", pw(20), f"https://fw01.{dom}:8443",
             ("2FA token with the IT manager", "Token 2FA en poder del responsable de IT")),
            ("Guest Wi-Fi", "Wi-Fi invitados", "", f"{c.pick(('Welcome', 'Guest', 'Visita'))}{c.rng.randint(2020, 2030)}!{token(c, 4)}", "",
             ("Changed every quarter, print for reception", "Se cambia cada trimestre; imprimir para recepción")),
            ("Core switch enable", "Switch core enable", "admin", pw(16), f"ssh://sw-core01.{dom}", ("", "")),
        ],
        ("Cloud & SaaS", "Cloud y SaaS"): [
            ("AWS root account", "Cuenta raíz AWS", f"aws-root@{dom}", pw(28), "https://console.aws.amazon.com",
             ("Hardware MFA in the safe", "MFA físico en la caja fuerte")),
            ("Microsoft 365 global admin", "Administrador global Microsoft 365", f"admin@{dom.split('.')[0]}.onmicrosoft.com", pw(22),
             "https://admin.microsoft.com", ("", "")),
            ("Stripe API (live)", "API de Stripe (producción)", "secret key", "sk_live_" + token(c, 24), "https://dashboard.stripe.com",
             ("Used by the web shop backend", "La usa el backend de la tienda online")),
        ],
    }
    description = "Shared admin vault – do not copy entries to other files" if en else \
        "Bóveda compartida de administración – no copiar entradas a otros ficheros"
    out = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>', "<KeePassFile>", "\t<Meta>",
           "\t\t<Generator>KeePass</Generator>",
           f"\t\t<DatabaseName>{escape_xml(('IT operations ' if en else 'Operaciones IT ') + company.name)}</DatabaseName>",
           f"\t\t<DatabaseDescription>{escape_xml(description)}</DatabaseDescription>",
           f"\t\t<DefaultUserName>{escape_xml(admin.email)}</DefaultUserName>", "\t</Meta>", "\t<Root>", "\t\t<Group>",
           f"\t\t\t<UUID>{token(c, 22)}==</UUID>", f"\t\t\t<Name>{escape_xml(company.name)}</Name>"]
    for (g_en, g_es), entries in groups.items():
        out += ["\t\t\t<Group>", f"\t\t\t\t<UUID>{token(c, 22)}==</UUID>", f"\t\t\t\t<Name>{escape_xml(g_en if en else g_es)}</Name>"]
        for t_en, t_es, user, secret, url, notes in c.some(entries, 2, len(entries)):
            modified = c.later(-c.rng.randint(1, 700))
            out += ["\t\t\t\t<Entry>", f"\t\t\t\t\t<UUID>{token(c, 22)}==</UUID>",
                    f"\t\t\t\t\t<Times><LastModificationTime>{modified.isoformat()}T{c.rng.randint(7, 18):02d}:12:44Z"
                    "</LastModificationTime></Times>",
                    f"\t\t\t\t\t<String><Key>Title</Key><Value>{escape_xml(t_en if en else t_es)}</Value></String>",
                    f"\t\t\t\t\t<String><Key>UserName</Key><Value>{escape_xml(user)}</Value></String>",
                    f'\t\t\t\t\t<String><Key>Password</Key><Value ProtectInMemory="True">{escape_xml(secret)}</Value></String>',
                    f"\t\t\t\t\t<String><Key>URL</Key><Value>{escape_xml(url)}</Value></String>",
                    f"\t\t\t\t\t<String><Key>Notes</Key><Value>{escape_xml(notes[0] if en else notes[1])}</Value></String>",
                    "\t\t\t\t</Entry>"]
        out.append("\t\t\t</Group>")
    out += ["\t\t</Group>", "\t</Root>", "</KeePassFile>"]
    return Built(text(out))


@template(CATEGORY, "cred.b6_maven_settings", ("en", "de"), ".xml", split="blind", written="round 6")
def cred_maven_settings(c: Ctx) -> Built:
    co = c.company()
    dom = co.domain
    user = c.person(co)
    login = f"{user.first[0]}{user.last}".lower().encode("ascii", "ignore").decode() or "builder"
    nexus_pw = token(c, 20)
    deploy_pw = token(c, 16) + c.pick("!#%&*")
    pat = "ghp_" + token(c, 36)
    en = c.lang == "en"

    def t(e: str, d: str) -> str:
        return e if en else d
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             "<!-- " + t("Maven settings for the build server and developer machines. Copy to ~/.m2/settings.xml",
                 "Maven-Einstellungen für Buildserver und Entwicklerrechner. Nach ~/.m2/settings.xml kopieren") + " -->",
             f"<!-- {t('Do NOT commit this file. Questions:', 'Diese Datei NICHT einchecken. Ansprechpartner:')} "
             f"{user.name} -->",
             '<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"',
             '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
             '          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">',
             "  <localRepository>${user.home}/.m2/repository</localRepository>", "  <servers>", "    <server>",
             "      <id>nexus-releases</id>", f"      <username>{login}</username>", f"      <password>{nexus_pw}</password>",
             "    </server>", "    <server>", "      <id>nexus-snapshots</id>", "      <username>deploy</username>",
             f"      <password>{escape_xml(deploy_pw)}</password>", "    </server>"]
    if c.maybe(0.6):
        lines += ["    <server>", "      <!-- " + t("GitHub Packages, token with read:packages",
            "GitHub Packages, Token mit read:packages") + " -->",
                  "      <id>github</id>", f"      <username>{login}</username>", f"      <password>{pat}</password>", "    </server>"]
    lines += ["  </servers>", "  <mirrors>", "    <mirror>", "      <id>nexus</id>", "      <mirrorOf>*</mirrorOf>",
              f"      <url>https://nexus.{dom}/repository/maven-public/</url>", "    </mirror>", "  </mirrors>",
              "  <profiles>", "    <profile>", "      <id>sonar</id>", "      <properties>",
              f"        <sonar.host.url>https://sonar.{dom}</sonar.host.url>",
              f"        <sonar.login>squ_{token(c, 40, '0123456789abcdef')}</sonar.login>", "      </properties>", "    </profile>",
              "  </profiles>", "  <activeProfiles>", "    <activeProfile>sonar</activeProfile>", "  </activeProfiles>", "</settings>"]
    return Built(text(lines))


@template(CATEGORY, "cred.b6_rclone_conf", ("fr", "es"), ".conf", split="blind", written="round 6")
def cred_rclone(c: Ctx) -> Built:
    co = c.company()
    fr = c.lang == "fr"
    bucket = co.domain.split(".")[0] + c.pick(("-sauvegardes" if fr else "-copias", "-backup", "-archives" if fr else "-archivo"))
    key_id = "AKIA" + token(c, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    secret = token(c, 40, ALNUM + "/+")
    admin = c.person(co)
    lines = [f"# {'Configuration rclone – serveur de sauvegarde' if fr else 'Configuración de rclone – servidor de copias'} "
             f"{co.domain.split('.')[0]}-bkp01",
             f"# {'Mis à jour par' if fr else 'Actualizado por'} {admin.name} {'le' if fr else 'el'} {short_date(c)}",
             "# " + ("Les clés sont en clair : fichier à protéger (chmod 600)." if fr
                     else "Las claves están en claro: proteger el fichero (chmod 600)."),
             "", "[s3-backup]", "type = s3", "provider = AWS", f"access_key_id = {key_id}", f"secret_access_key = {secret}",
             f"region = {c.pick(('eu-west-3', 'eu-south-2', 'eu-west-1'))}", "storage_class = STANDARD_IA", "",
             "[s3-crypt]", "type = crypt", f"remote = s3-backup:{bucket}", "filename_encryption = standard",
             f"password = {token(c, 43, ALNUM + '-_')}", f"password2 = {token(c, 43, ALNUM + '-_')}", "",
             "[nas]", "type = sftp", f"host = nas01.{co.domain}", "user = svc_backup", "port = 22",
             f"pass = {token(c, 48, ALNUM + '-_')}", "shell_type = unix"]
    if c.maybe():
        lines += ["", "[sharepoint]", "type = onedrive", "drive_type = documentLibrary",
                  f"token = {{\"access_token\":\"eyJ0eXAiOiJKV1Qi{token(c, 60)}\",\"token_type\":\"Bearer\","
                  f"\"refresh_token\":\"0.AR8A{token(c, 50)}\",\"expiry\":\"{c.later(1).isoformat()}T10:12:44+01:00\"}}",
                  f"drive_id = b!{token(c, 30)}"]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    env_file,
    ini_file,
    yaml_secrets,
    password_list,
    service_account,
    connection_wiki,
    docker_compose,
    blind_handover,
    secrets_dotenv,
    secrets_app_ini,
    cred_kubeconfig,
    cred_tfvars,
    cred_wp_config,
    cred_keepass_export,
    cred_maven_settings,
    cred_rclone,
)
