"""Round 5 of the category corpus, now training templates: two per category, each in two languages.

Written as blind templates without reading the lexicon, the model or the training templates (only the shared API
of sample_data.category_corpus), as documents a company's file share would really hold, and scored once with the
frozen model (models/categories.json sha256 dc205b89…): top-1 0.714, macro-F1 0.680. They then joined the training
templates (positions 12 and 13 in their categories).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape

from sample_data.category_corpus import (
    ALNUM,
    DIGITS,
    HEX,
    PRODUCTS,
    VAT_RATES,
    VENDORS,
    Built,
    Company,
    Ctx,
    LineItem,
    Person,
    Sheet,
    csv_text,
    docx,
    eml,
    iban,
    long_date,
    pdf,
    pptx,
    short_date,
    template,
    text,
    token,
    xlsx,
)

_SALT = ALNUM + "!#$%&()*+,-./:;<=>?@[]^_{|}~"
_PRODUCT_NAMES = ("FleetView", "DataHub", "SecureSync", "InsightCloud", "OptiRoute", "Edge Analytics")
_COMPETITORS = ("Tailwind Systems", "Northbridge Software", "Blue Yonder Data", "Cobalt Analytics", "Fourth Coffee Tech")


def _postcode_city(company: Company) -> tuple[str, str]:
    """Splits "10117 Berlin" into its postcode and town; English addresses keep the town first."""
    head, _, tail = company.city.partition(" ")
    if head[:1].isdigit():
        return head, tail
    town, _, code = company.city.partition(", ")
    return code or tail, town if code else head


_FEMALE = frozenset(("Emily", "Sophie", "Laura", "Rachel", "Hannah", "Grace", "Katrin", "Sabine", "Anna", "Julia", "Claudia",
                     "Miriam", "Élodie", "Camille", "Claire", "Léa", "Manon", "Lucía", "Carmen", "Marta", "Elena", "Isabel",
                     "Paula"))
_PHYSICAL = ("EG-200", "SEN-10", "LAP-14", "DOC-USB", "MON-27", "CBL-CAT6")


def _female(person: Person) -> bool:
    return person.first in _FEMALE


def _dear(c: Ctx, person: Person) -> str:
    """The salutation of a letter in the document's language."""
    female = _female(person)
    if c.lang == "de":
        return f"Sehr geehrte Frau {person.last}," if female else f"Sehr geehrter Herr {person.last},"
    if c.lang == "fr":
        return "Madame," if female else "Monsieur,"
    if c.lang == "es":
        return f"Estimada {person.first}:" if female else f"Estimado {person.first}:"
    return f"Dear {person.first},"


def _goods(c: Ctx, low: int, high: int) -> list[LineItem]:
    """Line items of physical goods only (delivery notes, customs papers, leased hardware)."""
    chosen = c.some([p for p in PRODUCTS if p[0] in _PHYSICAL], low, high)
    return [LineItem(sku, names[c.lang], c.rng.randint(2, 40), price) for sku, names, price in chosen]


def _plain(value: float) -> str:
    return f"{value:.2f}"


def _h(value: object) -> str:
    return html.escape(str(value))


def _x(value: object) -> str:
    return escape(str(value))


def _rtf(blocks: Sequence[str], font: str = "Calibri") -> bytes:
    """A small RTF writer: '# ' title, '## ' heading, '- ' bullet, '' empty line, anything else a paragraph."""

    def esc(value: str) -> str:
        out: list[str] = []
        for char in value:
            code = ord(char)
            if char in "\\{}":
                out.append("\\" + char)
            elif code < 128:
                out.append(char)
            else:
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
        return "".join(out)

    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1", "{\\fonttbl{\\f0\\fswiss " + font + ";}}",
            "\\viewkind4\\f0\\fs22"]
    for block in blocks:
        if block.startswith("# "):
            body.append("\\pard\\qc\\sb120\\sa240{\\b\\fs32 " + esc(block[2:]) + "}\\par")
        elif block.startswith("## "):
            body.append("\\pard\\sb240\\sa120{\\b\\fs24 " + esc(block[3:]) + "}\\par")
        elif block.startswith("- "):
            body.append("\\pard\\fi-284\\li568\\sa60 \\bullet\\tab " + esc(block[2:]) + "\\par")
        elif not block:
            body.append("\\pard\\par")
        else:
            body.append("\\pard\\sa120\\qj " + esc(block) + "\\par")
    body.append("}")
    return ("\n".join(body) + "\n").encode("ascii")


def _html_page(lang: str, title: str, body: Sequence[str]) -> bytes:
    head = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">', f"<title>{_h(title)}</title>",
            "<style>body{font-family:Arial,sans-serif;font-size:14px;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #999;padding:4px 8px;text-align:left}th{background:#eee}</style>",
            "</head>", "<body>"]
    return text([*head, *body, "</body>", "</html>"])


def _html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_h(h)}</th>" for h in header) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{_h(v)}</td>" for v in row) + "</tr>" for row in rows]
    return [*out, "</table>"]


# --------------------------------------------------------------------------- proof_of_concept


@template("proof_of_concept", "poc.b5_prerequisites", ("en", "de"), ".md")
def poc_prerequisites(c: Ctx) -> Built:
    customer, vendor = c.company(), c.vendor()
    se, it = c.person(vendor), c.person(customer)
    product = c.pick(_PRODUCT_NAMES)
    start = c.later(c.rng.randint(10, 25))
    end = start + timedelta(days=c.pick((10, 14, 21, 28)))
    window = f"{c.datestr(start, long=False)} – {c.datestr(end, long=False)}"
    os_name = c.pick(("Ubuntu 22.04 LTS", "RHEL 9", "Windows Server 2022", "Debian 12"))
    roles = c.t({"en": ("Application server", "Database server", "Collector / agent host", "Jump host"),
                 "de": ("Applikationsserver", "Datenbankserver", "Collector-/Agent-Host", "Jumphost")})
    vm_rows = [f"| {role} | {c.pick((4, 8, 16))} | {c.pick((16, 32, 64))} GB | {c.pick((100, 250, 500))} GB | {os_name} |"
               for role in roles[:c.rng.randint(2, 4)]]
    source = c.pick(("SAP ERP", "the MES", "the historian (OSIsoft PI)", "Microsoft Dynamics", "the ticketing system"))
    records = c.pick((50_000, 120_000, 250_000, 1_000_000))
    if c.lang == "en":
        ports = c.some((
            "- [ ] 443/tcp from the test clients to the application server",
            "- [ ] 5432/tcp from the application server to the database server",
            "- [ ] 8883/tcp (MQTT over TLS) from the edge gateways to the collector",
            "- [ ] 22/tcp from the jump host to all PoC machines",
            "- [ ] 514/udp syslog from the firewalls to the collector",
            "- [ ] Outbound 443/tcp to our licence server (or an offline licence file, see 3.4)",
        ), 3, 6)
        cases = c.some((
            f"Connect {source} and load at least {c.number(records, 0)} records",
            "Near-real-time dashboard for one production line",
            "Alerting to the on-call team via e-mail and Teams",
            "Single sign-on with the customer's Entra ID / Azure AD",
            "Role-based access: plant manager vs. operator view",
            "Export of the weekly KPI report as PDF",
            "Failover test: stop the database node during ingest",
        ), 3, 5)
        criteria = c.some((
            f"Ingest of {c.number(records, 0)} records in under {c.pick((10, 15, 30))} minutes",
            "Dashboard refresh under 5 seconds with 20 concurrent users",
            "No data loss during the failover test",
            "SSO login works for all pilot users without a second password",
            "Operators can build a new report without help from IT",
        ), 3, 4)
        out = [
            f"# Proof of Concept {product} – prerequisites checklist", "",
            f"**Customer:** {customer.name}  ",
            f"**PoC window:** {window}  ",
            f"**Prepared by:** {se.name}, {vendor.name}  ",
            f"**Customer contact:** {it.name} ({it.role})", "",
            "Please work through this list before the kick-off workshop. Anything that is not in place on day one "
            "usually costs us two to three days of the PoC window.", "",
            "## 1. Infrastructure", "",
            "| Role | vCPU | RAM | Disk | OS |", "|---|---|---|---|---|", *vm_rows, "",
            "Virtual machines are fine; the PoC does not need to run on production hardware." if c.maybe()
            else "Please provision the VMs in the test network, not in the production VLAN.", "",
            "## 2. Network and firewall", "", *ports, "",
            "## 3. Accounts and permissions", "",
            f"- [ ] Read-only service account for {source} (no admin rights needed)",
            "- [ ] Local admin rights on the PoC machines for our engineers during the PoC",
            f"- [ ] VPN access for {se.first} {se.last} and one colleague (named accounts, MFA is fine)",
            "- [ ] Licence file or outbound access to the licence server", "",
            "## 4. Test data", "",
            "- [ ] Anonymised extract or a copy of the test system, no production personal data",
            "- [ ] Written OK from your data protection officer that the data may be used for the PoC", "",
            "## 5. Use cases in scope", "", *[f"{i}. {case}" for i, case in enumerate(cases, 1)], "",
            "## 6. Success criteria (to be confirmed at kick-off)", "", *[f"- {crit}" for crit in criteria], "",
            "## 7. Timeline", "",
            "| When | What |", "|---|---|",
            f"| {c.datestr(start, long=False)} | Kick-off and installation |",
            f"| {c.datestr(start + timedelta(days=3), long=False)} | Data connection, first dashboards |",
            f"| {c.datestr(end - timedelta(days=2), long=False)} | Test of the success criteria together with {customer.name} |",
            f"| {c.datestr(end, long=False)} | Wrap-up workshop and go/no-go |", "",
            f"Questions: {se.email} / {se.phone}",
        ]
    else:
        ports = c.some((
            "- [ ] 443/tcp von den Test-Clients zum Applikationsserver",
            "- [ ] 5432/tcp vom Applikationsserver zum Datenbankserver",
            "- [ ] 8883/tcp (MQTT über TLS) von den Edge-Gateways zum Collector",
            "- [ ] 22/tcp vom Jumphost auf alle PoC-Maschinen",
            "- [ ] 514/udp Syslog von den Firewalls zum Collector",
            "- [ ] Ausgehend 443/tcp zu unserem Lizenzserver (alternativ Offline-Lizenzdatei)",
        ), 3, 6)
        quelle = c.pick(("SAP ERP", "das MES", "den Historian (OSIsoft PI)", "Microsoft Dynamics", "das Ticketsystem"))
        cases = c.some((
            f"Anbindung an {quelle}, Import von mindestens {c.number(records, 0)} Datensätzen",
            "Dashboard in nahezu Echtzeit für eine Fertigungslinie",
            "Alarmierung der Rufbereitschaft per E-Mail und Teams",
            "Single Sign-on über Entra ID / Azure AD des Kunden",
            "Rollenkonzept: Sicht Werkleitung vs. Sicht Schichtführer",
            "Export des wöchentlichen KPI-Berichts als PDF",
            "Ausfalltest: Datenbankknoten während des Imports stoppen",
        ), 3, 5)
        criteria = c.some((
            f"Import von {c.number(records, 0)} Datensätzen in unter {c.pick((10, 15, 30))} Minuten",
            "Aktualisierung der Dashboards in unter 5 Sekunden bei 20 gleichzeitigen Nutzern",
            "Kein Datenverlust beim Ausfalltest",
            "SSO-Anmeldung funktioniert für alle Pilotanwender ohne zweites Passwort",
            "Fachbereich kann einen neuen Bericht ohne Unterstützung der IT erstellen",
        ), 3, 4)
        out = [
            f"# Proof of Concept {product} – Voraussetzungen und Checkliste", "",
            f"**Kunde:** {customer.name}  ",
            f"**PoC-Zeitraum:** {window}  ",
            f"**Erstellt von:** {se.name}, {vendor.name}  ",
            f"**Ansprechpartner beim Kunden:** {it.name} ({it.role})", "",
            "Bitte arbeiten Sie diese Liste vor dem Kick-off-Workshop durch. Was am ersten Tag nicht bereitsteht, "
            "kostet uns erfahrungsgemäß zwei bis drei Tage des PoC-Zeitraums.", "",
            "## 1. Infrastruktur", "",
            "| Rolle | vCPU | RAM | Platte | Betriebssystem |", "|---|---|---|---|---|", *vm_rows, "",
            "Virtuelle Maschinen genügen, der PoC muss nicht auf Produktivhardware laufen." if c.maybe()
            else "Bitte die VMs im Testnetz bereitstellen, nicht im Produktiv-VLAN.", "",
            "## 2. Netzwerk und Firewall", "", *ports, "",
            "## 3. Benutzer und Berechtigungen", "",
            f"- [ ] Technischer Benutzer mit Lesezugriff auf {quelle} (keine Adminrechte nötig)",
            "- [ ] Lokale Adminrechte auf den PoC-Maschinen für unsere Techniker während des PoC",
            f"- [ ] VPN-Zugang für {se.first} {se.last} und einen Kollegen (personalisierte Konten, MFA ist kein Problem)",
            "- [ ] Lizenzdatei oder ausgehender Zugriff auf den Lizenzserver", "",
            "## 4. Testdaten", "",
            "- [ ] Anonymisierter Auszug oder Kopie des Testsystems, keine personenbezogenen Produktivdaten",
            "- [ ] Schriftliche Freigabe durch Ihren Datenschutzbeauftragten", "",
            "## 5. Anwendungsfälle im Scope", "", *[f"{i}. {case}" for i, case in enumerate(cases, 1)], "",
            "## 6. Erfolgskriterien (Abstimmung im Kick-off)", "", *[f"- {crit}" for crit in criteria], "",
            "## 7. Zeitplan", "",
            "| Wann | Was |", "|---|---|",
            f"| {c.datestr(start, long=False)} | Kick-off und Installation |",
            f"| {c.datestr(start + timedelta(days=3), long=False)} | Datenanbindung, erste Dashboards |",
            f"| {c.datestr(end - timedelta(days=2), long=False)} | Gemeinsamer Test der Erfolgskriterien mit {customer.name} |",
            f"| {c.datestr(end, long=False)} | Abschlussworkshop und Go/No-Go-Entscheidung |", "",
            f"Rückfragen gerne an {se.email} bzw. {se.phone}",
        ]
    return Built(text(out))


@template("proof_of_concept", "poc.b5_scorecard", ("fr", "es"), ".xlsx")
def poc_scorecard(c: Ctx) -> Built:
    customer, vendor = c.company(), c.vendor()
    se, lead = c.person(vendor), c.person(customer)
    product = c.pick(_PRODUCT_NAMES)
    fr = c.lang == "fr"
    criteria = c.some(c.t({
        "fr": (("Intégration avec l'annuaire (SSO)", "Test de connexion avec 10 comptes pilotes"),
               ("Temps de réponse des tableaux de bord", "Mesure avec 20 utilisateurs simultanés"),
               ("Import des données historiques", "Chargement de 24 mois d'historique"),
               ("Haute disponibilité", "Arrêt d'un nœud pendant l'ingestion"),
               ("Ergonomie pour les utilisateurs métier", "Atelier avec 5 utilisateurs clés"),
               ("Sécurité et chiffrement", "Revue par le RSSI, scan de vulnérabilités"),
               ("Connecteur ERP", "Synchronisation des articles et des commandes de test"),
               ("Exploitabilité", "Sauvegarde/restauration, supervision")),
        "es": (("Integración con el directorio (SSO)", "Prueba de acceso con 10 cuentas piloto"),
               ("Tiempo de respuesta de los cuadros de mando", "Medición con 20 usuarios simultáneos"),
               ("Carga de datos históricos", "Carga de 24 meses de histórico"),
               ("Alta disponibilidad", "Parada de un nodo durante la ingesta"),
               ("Usabilidad para usuarios de negocio", "Taller con 5 usuarios clave"),
               ("Seguridad y cifrado", "Revisión por el CISO, escaneo de vulnerabilidades"),
               ("Conector ERP", "Sincronización de artículos y pedidos de prueba"),
               ("Operación", "Copia de seguridad/restauración, monitorización")),
    }), 5, 8)
    weights = [c.pick((10, 15, 20)) for _ in criteria]
    total_weight = sum(weights)
    rows: list[list[object]] = []
    weighted_sum = 0.0
    for index, ((name, method), weight) in enumerate(zip(criteria, weights, strict=True), 1):
        share = round(100 * weight / total_weight, 1)
        score = c.pick((2, 3, 3, 4, 4, 5)) if c.maybe(0.7) else None
        weighted = round(share * score / 5, 1) if score is not None else None
        weighted_sum += weighted or 0
        comment = c.pick(c.t({"fr": ("", "À retester après correctif", "Validé en atelier", "Attente accès VPN",
                                     "Conforme au cahier des charges"),
                              "es": ("", "Repetir tras la corrección", "Validado en el taller", "Pendiente acceso VPN",
                                     "Conforme al pliego")}))
        status = c.t({"fr": "Évalué" if score is not None else "En cours", "es": "Evaluado" if score is not None else "En curso"})
        rows.append([f"C{index:02d}", name, share, method, score if score is not None else "", weighted or "", status, comment])
    scenarios = c.some(c.t({
        "fr": ("Connexion SSO et attribution des rôles", "Import initial des données de production anonymisées",
               "Création d'un tableau de bord par un utilisateur métier", "Bascule sur le nœud secondaire",
               "Envoi des alertes par e-mail", "Export mensuel vers le contrôle de gestion"),
        "es": ("Acceso SSO y asignación de roles", "Carga inicial de datos de producción anonimizados",
               "Creación de un cuadro de mando por un usuario de negocio", "Conmutación al nodo secundario",
               "Envío de alertas por correo electrónico", "Exportación mensual para control de gestión"),
    }), 4, 6)
    owners = [se.name, lead.name, c.person(customer).name]
    scen_rows: list[list[object]] = [[f"S{i}", s, c.pick(owners), c.datestr(c.later(c.rng.randint(2, 20)), long=False),
                                      c.pick(c.t({"fr": ("Terminé", "En cours", "Planifié", "Bloqué"),
                                                  "es": ("Terminado", "En curso", "Planificado", "Bloqueado")}))]
                                     for i, s in enumerate(scenarios, 1)]
    threshold = c.pick((60, 65, 70))
    if fr:
        summary: list[list[object]] = [
            ["Projet", f"Preuve de concept {product} – {customer.name}"],
            ["Chef de projet client", lead.name],
            ["Avant-vente", f"{se.name} ({vendor.name})"],
            ["Période", f"{short_date(c)} au {short_date(c, 30)}"],
            ["Score pondéré actuel (sur 100)", round(weighted_sum, 1)],
            ["Seuil de réussite convenu", threshold],
            ["Recommandation provisoire", "Go" if weighted_sum >= threshold else "Prolonger la PoC de deux semaines"],
            ["Barème", "0 = non démontré, 3 = conforme avec réserves, 5 = entièrement démontré"],
        ]
        sheets: list[Sheet] = [
            ("Synthèse", ["Élément", "Valeur"], summary),
            ("Critères", ["Réf.", "Critère", "Pondération %", "Méthode de vérification", "Note (0-5)", "Note pondérée",
                          "Statut", "Commentaire"], rows),
            ("Scénarios de test", ["N°", "Scénario", "Responsable", "Date prévue", "Statut"], scen_rows),
        ]
    else:
        summary = [
            ["Proyecto", f"Prueba de concepto {product} – {customer.name}"],
            ["Jefe de proyecto cliente", lead.name],
            ["Preventa", f"{se.name} ({vendor.name})"],
            ["Periodo", f"del {short_date(c)} al {short_date(c, 30)}"],
            ["Puntuación ponderada actual (sobre 100)", round(weighted_sum, 1)],
            ["Umbral de éxito acordado", threshold],
            ["Recomendación provisional", "Go" if weighted_sum >= threshold else "Ampliar la PoC dos semanas"],
            ["Escala", "0 = no demostrado, 3 = cumple con reservas, 5 = demostrado por completo"],
        ]
        sheets = [
            ("Resumen", ["Concepto", "Valor"], summary),
            ("Criterios", ["Ref.", "Criterio", "Peso %", "Método de verificación", "Nota (0-5)", "Nota ponderada",
                           "Estado", "Comentario"], rows),
            ("Escenarios de prueba", ["N.º", "Escenario", "Responsable", "Fecha prevista", "Estado"], scen_rows),
        ]
    return Built(xlsx(sheets, c, se.name))


# --------------------------------------------------------------------------- sales_data


@template("sales_data", "sales.b5_units_by_product", ("de", "es"), ".tsv")
def sales_units_by_product(c: Ctx) -> Built:
    regions = c.t({"de": ("Nord", "Süd", "West", "Ost", "Österreich", "Schweiz"),
                   "es": ("Centro", "Cataluña", "Levante", "Andalucía", "Norte", "Portugal")})
    groups = {"EG-200": "Hardware", "SEN-10": "Hardware", "LAP-14": "Hardware", "DOC-USB": "Hardware", "MON-27": "Hardware",
              "CBL-CAT6": "Hardware", "AN-USR": "Software", "STO-TB": "Cloud",
              "SUP-GLD": c.t({"de": "Services", "es": "Servicios"}), "PS-DAY": c.t({"de": "Services", "es": "Servicios"})}
    chosen = c.some(PRODUCTS, 5, 8)
    used_regions = c.some(regions, 3, 5)
    year = c.day.year - (1 if c.day.month < 3 else 0)
    rows: list[list[object]] = []
    totals = [0.0] * 11

    def num(value: float) -> str:
        return _plain(value).replace(".", ",")

    for sku, names, price in chosen:
        for region in used_regions:
            quarters = [c.rng.randint(3, 160) for _ in range(4)]
            revenue = [round(q * price * c.rng.uniform(0.82, 1.0), 2) for q in quarters]
            prior = round(sum(revenue) * c.rng.uniform(0.7, 1.25), 2)
            change = round(100 * (sum(revenue) - prior) / prior, 1)
            values = [v for pair in zip(quarters, revenue, strict=True) for v in pair]
            for i, v in enumerate([*values, sum(quarters), sum(revenue), prior]):
                totals[i] += v
            rows.append([groups[sku], sku, names[c.lang], region, *[str(v) if i % 2 == 0 else num(v) for i, v in enumerate(values)],
                         sum(quarters), num(sum(revenue)), num(prior), num(change)])
    total_change = round(100 * (totals[9] - totals[10]) / totals[10], 1)
    label = c.t({"de": "Gesamt", "es": "Total"})
    rows.append([label, "", "", "", *[str(int(v)) if i % 2 == 0 else num(v) for i, v in enumerate(totals[:8])],
                 int(totals[8]), num(totals[9]), num(totals[10]), num(total_change)])
    if c.lang == "de":
        header = ["Produktgruppe", "Artikelnr.", "Artikel", "Vertriebsregion"]
        for q in range(1, 5):
            header += [f"Q{q}/{year} Menge", f"Q{q}/{year} Nettoumsatz EUR"]
        header += [f"Menge {year}", f"Nettoumsatz {year} EUR", f"Nettoumsatz {year - 1} EUR", "Veränderung ggü. Vorjahr %"]
    else:
        header = ["Familia de producto", "Referencia", "Artículo", "Zona comercial"]
        for q in range(1, 5):
            header += [f"T{q} {year} unidades", f"T{q} {year} ventas netas EUR"]
        header += [f"Unidades {year}", f"Ventas netas {year} EUR", f"Ventas netas {year - 1} EUR", "Variación interanual %"]
    return Built(csv_text(header, rows, delimiter="\t"))


@template("sales_data", "sales.b5_winloss", ("en", "fr"), ".pptx")
def sales_winloss(c: Ctx) -> Built:
    quarter = (c.day.month - 1) // 3 + 1
    year = c.day.year
    won, lost, nodec = c.rng.randint(18, 45), c.rng.randint(14, 40), c.rng.randint(3, 12)
    won_value = sum(c.rng.randint(8, 260) * 1000 for _ in range(won))
    lost_value = sum(c.rng.randint(10, 300) * 1000 for _ in range(lost))
    rate = round(100 * won / (won + lost))
    prev_rate = rate + c.rng.randint(-9, 9)
    cycle = c.rng.randint(48, 140)
    author = c.person()
    segs = c.t({"en": ("Enterprise", "Mid-market", "Public sector", "SMB"), "fr": ("Grands comptes", "ETI", "Secteur public", "PME")})
    weights = [c.rng.randint(2, 6) for _ in segs]
    split_won, split_lost = [0] * len(segs), [0] * len(segs)
    for _ in range(won):
        split_won[c.rng.choices(range(len(segs)), weights)[0]] += 1
    for _ in range(lost):
        split_lost[c.rng.choices(range(len(segs)), weights)[0]] += 1
    reasons = c.t({"en": ("Price / budget", "Missing functionality", "Incumbent renewed", "No decision / project stopped",
                          "Lost to competitor on references", "Implementation timeline"),
                   "fr": ("Prix / budget", "Fonctionnalité manquante", "Prestataire en place reconduit", "Pas de décision / projet arrêté",
                          "Perdu face à un concurrent sur les références", "Délai de mise en œuvre")})
    reason_pcts = [c.rng.randint(5, 35) for _ in reasons]
    scale = sum(reason_pcts)
    customers = [c.company(lang) for lang in ("en", "de", "fr", "es")]
    big_wins = [(cust.name, c.pick(_PRODUCT_NAMES), c.rng.randint(110, 480) * 1000) for cust in c.some(customers, 3, 4)]
    big_losses = [(cust.name, c.pick(_COMPETITORS), c.rng.randint(90, 400) * 1000) for cust in c.some(customers, 2, 3)]
    m = c.money
    if c.lang == "en":
        slides: list[tuple[str, Sequence[str]]] = [
            (f"Win/loss analysis Q{quarter} {year}", [f"Sales Operations – {author.name}", f"Status {short_date(c)}",
                                                       "Basis: all opportunities closed in the CRM this quarter"]),
            ("Headline numbers", [f"Won: {won} deals, {m(won_value)}", f"Lost: {lost} deals, {m(lost_value)}",
                                  f"No decision: {nodec} deals", f"Win rate: {rate}% (previous quarter {prev_rate}%)",
                                  f"Average deal size won: {m(won_value / won)}", f"Average sales cycle: {cycle} days"]),
            ("Win rate by segment", [f"{s}: {w} won / {lo} lost – {round(100 * w / max(w + lo, 1))}%"
                                     for s, w, lo in zip(segs, split_won, split_lost, strict=True)]),
            ("Why we lost (share of lost deals)", [f"{r}: {round(100 * p / scale)}%"
                                                   for r, p in sorted(zip(reasons, reason_pcts, strict=True), key=lambda x: -x[1])]),
            ("Largest wins", [f"{n} – {p} – {m(v)}" for n, p, v in big_wins]),
            ("Largest losses", [f"{n} – lost to {comp} – {m(v)}" for n, comp, v in big_losses]),
        ]
    else:
        slides = [
            (f"Analyse des affaires gagnées/perdues T{quarter} {year}", [f"Administration des ventes – {author.name}",
                                                                          f"Situation au {short_date(c)}",
                                                                          "Base : toutes les opportunités clôturées dans le CRM "
                                                                          "ce trimestre"]),
            ("Chiffres clés", [f"Gagnées : {won} affaires, {m(won_value)}", f"Perdues : {lost} affaires, {m(lost_value)}",
                               f"Sans décision : {nodec} affaires",
                               f"Taux de transformation : {rate} % (trimestre précédent {prev_rate} %)",
                               f"Panier moyen des affaires gagnées : {m(won_value / won)}", f"Cycle de vente moyen : {cycle} jours"]),
            ("Taux de transformation par segment", [f"{s} : {w} gagnées / {lo} perdues – {round(100 * w / max(w + lo, 1))} %"
                                                    for s, w, lo in zip(segs, split_won, split_lost, strict=True)]),
            ("Motifs de perte (part des affaires perdues)", [f"{r} : {round(100 * p / scale)} %"
                                                             for r, p in sorted(zip(reasons, reason_pcts, strict=True),
                                                                                key=lambda x: -x[1])]),
            ("Plus grosses affaires gagnées", [f"{n} – {p} – {m(v)}" for n, p, v in big_wins]),
            ("Plus grosses affaires perdues", [f"{n} – perdue face à {comp} – {m(v)}" for n, comp, v in big_losses]),
        ]
    return Built(pptx(slides, c, author.name))


# --------------------------------------------------------------------------- sales_strategy


@template("sales_strategy", "strategy.b5_installed_base", ("de", "fr"), ".docx")
def strategy_installed_base(c: Ctx) -> Built:
    owner = c.person(c.vendor(), lang=c.lang)
    year = c.day.year + 1
    accounts = [c.company(lang) for lang in c.some(("de", "fr", "es", "en"), 3, 4)]
    current = c.some(_PRODUCT_NAMES, 1, 2)
    target = [p for p in _PRODUCT_NAMES if p not in current]
    reps = [c.person() for _ in range(3)]
    share = c.rng.randint(18, 34)
    churn = c.rng.randint(4, 12)
    rows_de = [["Kunde", "Installiert", "Potenzial", "Ansatz", "Verantwortlich"]]
    rows_fr = [["Client", "Installé", "Potentiel", "Approche", "Responsable"]]
    for acc in accounts:
        installed = ", ".join(c.some(current, 1, 2))
        up = c.pick(target)
        rep = c.pick(reps).name
        rows_de.append([acc.name, installed, c.pick(("hoch", "mittel", "hoch", "niedrig")),
                        c.pick((f"{up} als Erweiterung über das bestehende Budget der IT platzieren",
                                f"Workshop mit dem Fachbereich, {up} am eigenen Datenbestand zeigen",
                                f"Vertragsverlängerung nutzen, um {up} im Paket anzubieten",
                                "Zuerst Zufriedenheit sichern (offene Tickets), dann Upsell")), rep])
        rows_fr.append([acc.name, installed, c.pick(("fort", "moyen", "fort", "faible")),
                        c.pick((f"Positionner {up} en extension sur le budget existant de la DSI",
                                f"Atelier avec les métiers, démonstration de {up} sur leurs propres données",
                                f"Profiter du renouvellement pour proposer {up} en offre groupée",
                                "D'abord sécuriser la satisfaction (tickets ouverts), ensuite la vente additionnelle")), rep])
    if c.lang == "de":
        blocks: list[str | list[list[str]]] = [
            f"Stand: {long_date(c)} · Verantwortlich: {owner.name}, Vertriebsleitung · Vertraulich, nur für den Vertrieb",
            "## Ausgangslage",
            f"Rund {share} % unseres Neugeschäfts kommt heute aus Bestandskunden, bei Wettbewerbern mit vergleichbarem "
            f"Portfolio sind es eher 40 %. Die meisten Kunden nutzen nur {' und '.join(current)}; das übrige Portfolio "
            "kennen sie kaum. Gleichzeitig verlieren wir jedes Jahr "
            f"{churn} % der Wartungsverträge, meist still und ohne dass der Vertrieb vorher davon erfährt.",
            "## Ziele für " + str(year),
            f"- Anteil Bestandskundengeschäft am Auftragseingang auf {share + 10} % steigern",
            f"- Jeder Top-30-Kunde nutzt mindestens zwei Produkte, Schwerpunkt {c.pick(target)}",
            f"- Kündigungsquote bei Wartungsverträgen unter {max(churn - 4, 2)} % senken",
            "## Schwerpunktkunden",
            rows_de,
            "## Maßnahmen",
            "- Quartalsweise Account Reviews mit dem Kunden, vorbereitet von Vertrieb und Customer Success gemeinsam",
            f"- Kampagne „Mehr aus {current[0]} herausholen“ mit Anwenderforum im Frühjahr",
            "- Frühwarnsystem: Nutzungsdaten und Ticketaufkommen monatlich auswerten, Auffälligkeiten an den Account Manager",
            "- Bundles statt Einzelrabatte: zweites Produkt im ersten Jahr mit bis zu 20 % Einführungsnachlass, danach Listenpreis",
            "## Wettbewerb",
            f"{c.pick(_COMPETITORS)} spricht unsere Bestandskunden gezielt mit Migrationsangeboten an. Argumentationslinie: "
            "geringere Gesamtkosten durch vorhandene Schnittstellen, keine Neuschulung, ein Ansprechpartner.",
            "## Nächste Schritte",
            f"- Kundenliste mit Potenzialbewertung bis {short_date(c, 14)} finalisieren ({c.pick(reps).name})",
            f"- Freigabe der Bundle-Konditionen durch die Geschäftsleitung bis {short_date(c, 21)}",
            "- Kick-off mit dem gesamten Vertriebsteam beim nächsten Regionalmeeting",
        ]
        title = f"Strategie Bestandskunden {year}: Cross- und Upselling"
    else:
        blocks = [
            f"Version du {long_date(c)} · Responsable : {owner.name}, direction commerciale · Confidentiel, diffusion équipe commerciale",
            "## Constat",
            f"Environ {share} % de nos nouvelles prises de commande viennent aujourd'hui du parc installé, contre près de 40 % "
            f"chez les concurrents au portefeuille comparable. La plupart des clients n'utilisent que {' et '.join(current)} "
            f"et connaissent mal le reste de l'offre. Dans le même temps, nous perdons chaque année {churn} % des contrats de "
            "maintenance, souvent sans que le commercial ne soit prévenu.",
            f"## Objectifs {year}",
            f"- Porter la part du parc installé dans les prises de commande à {share + 10} %",
            f"- Chaque client du top 30 utilise au moins deux produits, en priorité {c.pick(target)}",
            f"- Ramener le taux de résiliation des contrats de maintenance sous {max(churn - 4, 2)} %",
            "## Comptes prioritaires",
            rows_fr,
            "## Plan d'action",
            "- Revues de compte trimestrielles avec le client, préparées conjointement par le commercial et le Customer Success",
            f"- Campagne « Tirer le meilleur de {current[0]} » avec un club utilisateurs au printemps",
            "- Alerte précoce : analyse mensuelle de l'usage et des tickets, signalement au commercial en cas d'anomalie",
            "- Offres groupées plutôt que remises ponctuelles : 2e produit jusqu'à -20 % la première année, puis prix catalogue",
            "## Concurrence",
            f"{c.pick(_COMPETITORS)} démarche activement nos clients avec des offres de migration. Notre argumentaire : coût "
            "total plus faible grâce aux interfaces existantes, pas de nouvelle formation, un seul interlocuteur.",
            "## Prochaines étapes",
            f"- Finaliser la liste des comptes avec la cotation du potentiel d'ici le {short_date(c, 14)} ({c.pick(reps).name})",
            f"- Validation des conditions des offres groupées par la direction d'ici le {short_date(c, 21)}",
            "- Lancement auprès de toute l'équipe commerciale lors de la prochaine réunion régionale",
        ]
        title = f"Stratégie parc installé {year} : ventes croisées et montée en gamme"
    return Built(docx(title, blocks, c, owner.name))


@template("sales_strategy", "strategy.b5_negotiation", ("en", "es"), ".docx")
def strategy_negotiation(c: Ctx) -> Built:
    customer = c.company()
    owner = c.person(c.vendor(), lang=c.lang)
    buyer, sponsor, blocker = c.person(customer), c.person(customer), c.person(customer)
    current = c.rng.randint(180, 900) * 1000
    ask = round(current * (1 + c.rng.randint(4, 12) / 100), -3)
    floor = round(current * (1 - c.rng.randint(3, 8) / 100), -3)
    years = c.pick((2, 3, 5))
    comp = c.pick(_COMPETITORS)
    m = c.money
    if c.lang == "en":
        gives = [["We can give", "Only in exchange for"],
                 ["Price freeze for year 2", f"{years}-year term instead of annual renewal"],
                 ["Five free consulting days", "Reference call and a case study with their logo"],
                 ["Payment terms 60 days", "Signature before quarter end"],
                 [f"Extra {c.pick((50, 100, 200))} user licences at 50 %", "Roll-out to a second site in the same year"]]
        blocks: list[str | list[list[str]]] = [
            f"Prepared by {owner.name} · {long_date(c)} · INTERNAL – do not share with the customer",
            "## Objective",
            f"Renew the framework with {customer.name} for {years} years at {m(ask)} per year or more, without opening the "
            "door to a competitive tender.",
            "## Where we stand",
            f"Current annual value {m(current)}. Contract ends {long_date(c, c.rng.randint(60, 150))}. {buyer.name} ({buyer.role}) "
            f"has hinted that {comp} offered a migration at roughly 20 % below our price.",
            "## Our limits",
            f"- Target: {m(ask)} per year",
            f"- Walk-away: {m(floor)} per year – below that we let them go to tender",
            "- No uncapped liability, no most-favoured-customer clause",
            "## Concessions (never give without getting)",
            gives,
            "## People around the table",
            f"- {sponsor.name}, {sponsor.role}: sponsor, happy with the service, wants stability",
            f"- {buyer.name}, {buyer.role}: measured on savings, will open with the competitor's number",
            f"- {blocker.name}, {blocker.role}: pushed for {comp} last year, keep them informed early",
            "## Talking points",
            "- Cost of switching: migration, retraining, two parallel systems for at least six months",
            "- Our roadmap items they asked for are in the next two releases",
            "- Anchor on value delivered this year, not on the list price",
            "## Plan",
            f"- First meeting {short_date(c, 7)}: listen, no numbers from our side",
            f"- Written offer at {m(round(ask * 1.04, -3))} after the meeting, leaves room for one concession round",
            f"- Escalation to our VP only if they go below {m(floor)}",
        ]
        title = f"Negotiation strategy – {customer.name} renewal"
    else:
        gives = [["Podemos ceder", "Solo a cambio de"],
                 ["Congelación de precios el segundo año", f"Plazo de {years} años en lugar de renovación anual"],
                 ["Cinco jornadas de consultoría gratuitas", "Llamada de referencia y caso de éxito con su logo"],
                 ["Pago a 60 días", "Firma antes del cierre del trimestre"],
                 [f"{c.pick((50, 100, 200))} licencias adicionales al 50 %", "Despliegue en una segunda sede el mismo año"]]
        blocks = [
            f"Preparado por {owner.name} · {long_date(c)} · USO INTERNO – no compartir con el cliente",
            "## Objetivo",
            f"Renovar el acuerdo marco con {customer.name} a {years} años por {m(ask)} anuales o más, sin que el cliente "
            "abra un concurso.",
            "## Situación",
            f"Valor anual actual: {m(current)}. El contrato vence el {long_date(c, c.rng.randint(60, 150))}. {buyer.name} "
            f"({buyer.role}) ha dejado caer que {comp} les ofrece la migración un 20 % por debajo de nuestro precio.",
            "## Nuestros límites",
            f"- Objetivo: {m(ask)} al año",
            f"- Precio mínimo: {m(floor)} al año; por debajo, preferimos que vayan a concurso",
            "- Nada de responsabilidad ilimitada ni cláusula de cliente más favorecido",
            "## Concesiones (nunca ceder sin recibir algo)",
            gives,
            "## Quién se sienta a la mesa",
            f"- {sponsor.name}, {sponsor.role}: sponsor, contento con el servicio, quiere estabilidad",
            f"- {buyer.name}, {buyer.role}: le miden por ahorro, abrirá con la cifra de la competencia",
            f"- {blocker.name}, {blocker.role}: defendió a {comp} el año pasado, hay que implicarle pronto",
            "## Argumentos",
            "- Coste del cambio: migración, formación, dos sistemas en paralelo durante al menos seis meses",
            "- Las mejoras que pidieron están en las dos próximas versiones",
            "- Hablar del valor aportado este año, no del precio de tarifa",
            "## Plan",
            f"- Primera reunión el {short_date(c, 7)}: escuchar, ninguna cifra por nuestra parte",
            f"- Oferta por escrito a {m(round(ask * 1.04, -3))} tras la reunión, deja margen para una ronda de concesiones",
            f"- Escalar a nuestra dirección solo si bajan de {m(floor)}",
        ]
        title = f"Estrategia de negociación – renovación {customer.name}"
    return Built(docx(title, blocks, c, owner.name))


# --------------------------------------------------------------------------- product_order


@template("product_order", "order.b5_delivery_note", ("de", "fr"), ".pdf")
def order_delivery_note(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    clerk, receiver = c.person(vendor, lang=c.lang), c.person(customer)
    items = _goods(c, 2, 6)
    po = f"{c.pick(c.t({'de': ('BE', 'EK', 'PO'), 'fr': ('BC', 'CDE', 'PO')}))}-{c.rng.randint(40000, 99999)}"
    note = c.code(c.t({"de": "LS", "fr": "BL"}))
    order_no = c.code("AB" if c.lang == "de" else "CDE", 6)
    carrier = c.pick(("DHL Freight", "DB Schenker", "GLS", "Geodis", "Kuehne+Nagel", "UPS"))
    parcels = c.rng.randint(1, 6)
    weight = round(sum(i.quantity for i in items) * c.rng.uniform(0.3, 2.5), 1)
    lines: list[str] = []
    backorder = False
    if c.lang == "de":
        lines += [f"{vendor.name} · {vendor.street} · {vendor.city}", "",
                  "Lieferanschrift:", customer.name, f"z. Hd. {receiver.name}", c.pick(("Wareneingang Tor 3", "Warenannahme", "Lager")),
                  customer.street, customer.city, "",
                  f"Lieferschein-Nr.: {note}", f"Lieferdatum: {short_date(c)}",
                  f"Ihre Bestellung: {po} vom {short_date(c, -c.rng.randint(5, 20))}",
                  f"Unser Auftrag: {order_no}", f"Versandart: {carrier}, {parcels} Packstück(e), {c.number(weight, 1)} kg", "",
                  "Pos. | Artikelnr. | Bezeichnung | bestellt | geliefert | offen"]
        for pos, item in enumerate(items, 1):
            delivered = item.quantity if c.maybe(0.75) else c.rng.randint(1, item.quantity)
            backorder |= delivered < item.quantity
            lines.append(f"{pos * 10} | {item.sku} | {item.description} | {item.quantity} | {delivered} | {item.quantity - delivered}")
        lines += ["",
                  "Offene Mengen werden schnellstmöglich nachgeliefert und gesondert berechnet." if backorder
                  else "Die Bestellung ist mit dieser Lieferung vollständig.",
                  "Bitte prüfen Sie die Ware bei Anlieferung auf Vollständigkeit und äußerlich erkennbare Transportschäden und "
                  "vermerken Sie Beanstandungen auf dem Frachtbrief.",
                  "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", "",
                  f"Kommissioniert: {clerk.name}", "",
                  "Ware vollständig und unbeschädigt erhalten:", "", "Datum: ____________   Name/Unterschrift: ______________________"]
        title = f"Lieferschein {note}"
    else:
        lines += [f"{vendor.name} · {vendor.street} · {vendor.city}", "",
                  "Adresse de livraison :", customer.name, f"À l'attention de {receiver.name}",
                  c.pick(("Quai de réception n° 2", "Service réception", "Magasin central")), customer.street, customer.city, "",
                  f"Bon de livraison n° : {note}", f"Date d'expédition : {short_date(c)}",
                  f"Votre commande : {po} du {short_date(c, -c.rng.randint(5, 20))}", f"Notre référence : {order_no}",
                  f"Transporteur : {carrier}, {parcels} colis, {c.number(weight, 1)} kg", "",
                  "Ligne | Référence | Désignation | Qté commandée | Qté livrée | Reliquat"]
        for pos, item in enumerate(items, 1):
            delivered = item.quantity if c.maybe(0.75) else c.rng.randint(1, item.quantity)
            backorder |= delivered < item.quantity
            lines.append(f"{pos} | {item.sku} | {item.description} | {item.quantity} | {delivered} | {item.quantity - delivered}")
        lines += ["",
                  "Les reliquats seront livrés dès réception du stock et feront l'objet d'un bon de livraison séparé." if backorder
                  else "Cette livraison solde votre commande.",
                  "Merci de vérifier la marchandise à réception. En cas d'avarie ou de manquant, émettez des réserves précises sur "
                  "le bon du transporteur et confirmez-les par lettre recommandée sous trois jours (art. L133-3 du Code de commerce).",
                  "", f"Préparé par : {clerk.name}", "",
                  "Marchandise reçue conforme :", "", "Date : ____________   Nom et signature : ______________________"]
        title = f"Bon de livraison {note}"
    return Built(pdf(title, lines, c, clerk.name))


@template("product_order", "order.b5_replenishment", ("en", "es"), ".csv")
def order_replenishment(c: Ctx) -> Built:
    buyer = c.person()
    vendors = c.some((*[v.name for v in (c.vendor(), c.vendor())], "Ingram Micro", "Also Holding", "Tech Data"), 2, 3)
    branches = c.t({"en": ("Chicago DC", "Seattle store", "Boston store", "Manchester warehouse", "London store"),
                    "es": ("Almacén Getafe", "Tienda Madrid Centro", "Tienda Barcelona", "Almacén Valencia", "Tienda Sevilla")})
    rows: list[list[object]] = []
    uom = c.t({"en": ("EA", "BOX", "PACK"), "es": ("UD", "CAJA", "PAQ")})
    for n in range(c.rng.randint(3, 5)):
        po = f"{c.t({'en': 'PO', 'es': 'PED'})}{c.day.year % 100}{c.rng.randint(10000, 99999)}"
        supplier = c.pick(vendors)
        branch = c.pick(branches)
        delivery = c.later(c.rng.randint(3, 15))
        for line, item in enumerate(_goods(c, 1, 4), 1):
            price = round(item.unit_price * c.rng.uniform(0.7, 0.9), 2)
            rows.append([po, short_date(c, -n) if c.lang == "es" else c.later(-n).isoformat(), supplier, branch, line, item.sku,
                         item.description, item.quantity, c.pick(uom), price, round(price * item.quantity, 2),
                         delivery.isoformat() if c.lang == "en" else c.datestr(delivery, long=False), buyer.name,
                         c.pick(c.t({"en": ("Open", "Sent to supplier", "Confirmed", "Partially received"),
                                     "es": ("Abierto", "Enviado al proveedor", "Confirmado", "Recibido parcialmente")}))])
    if c.lang == "en":
        header = ["po_number", "order_date", "supplier", "ship_to", "line", "item_no", "description", "qty_ordered", "uom",
                  "unit_cost", "line_amount", "requested_delivery", "buyer", "po_status"]
        return Built(csv_text(header, rows))
    header = ["n_pedido", "fecha_pedido", "proveedor", "destino", "linea", "referencia", "descripcion", "cantidad", "unidad",
              "precio_unitario", "importe_linea", "fecha_entrega_solicitada", "comprador", "estado_pedido"]
    es_rows = [[str(v).replace(".", ",") if isinstance(v, float) else v for v in row] for row in rows]
    return Built(csv_text(header, es_rows, delimiter=";"))


# --------------------------------------------------------------------------- offer


@template("offer", "offer.b5_leasing", ("de", "es"), ".pdf")
def offer_leasing(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    rep, contact = c.person(vendor, lang=c.lang), c.person(customer)
    items = _goods(c, 2, 4)
    capital = sum(i.total for i in items)
    months = c.pick((24, 36, 48, 60))
    factor = {24: 4.45, 36: 3.05, 48: 2.38, 60: 1.98}[months] + c.rng.uniform(-0.08, 0.08)
    rate = round(capital * factor / 100, 2)
    service = round(sum(i.quantity for i in items) * c.pick((2.5, 4.0, 6.0)), 2)
    number = c.code(c.t({"de": "FA", "es": "OR"}))
    lines: list[str]
    if c.lang == "de":
        lines = [f"{vendor.name} · {vendor.street} · {vendor.city}", "", customer.name, f"{contact.name}", customer.street,
                 customer.city, "", f"Angebotsnummer: {number}", f"Datum: {short_date(c)}", f"Gültig bis: {short_date(c, 30)}", "",
                 _dear(c, contact),
                 "vielen Dank für Ihr Interesse. Gerne bieten wir Ihnen die folgende Ausstattung zur Nutzung im Rahmen eines "
                 "Leasingvertrags an – ohne Kapitalbindung und mit festen monatlichen Raten:", "",
                 "Menge | Artikel | Einzelpreis | Gesamt"]
        lines += [f"{i.quantity} | {i.description} ({i.sku}) | {c.money(i.unit_price)} | {c.money(i.total)}" for i in items]
        lines += ["", f"Anschaffungswert netto: {c.money(capital)}", f"Laufzeit: {months} Monate",
                  f"Leasingfaktor: {c.number(factor)} %", f"Monatliche Leasingrate: {c.money(rate)} zzgl. MwSt.",
                  f"Optionaler Vor-Ort-Service inkl. Austauschgeräte: {c.money(service)} monatlich", "",
                  "Konditionen:",
                  "- Erste Rate fällig bei Übernahme, Zahlung per SEPA-Lastschrift monatlich im Voraus",
                  "- Am Vertragsende Rückgabe, Verlängerung um 12 Monate oder Kaufoption zum Restwert",
                  "- Versicherung der Geräte gegen Diebstahl und Beschädigung inklusive",
                  "- Das Angebot steht unter dem Vorbehalt der Bonitätsprüfung durch unsere Leasinggesellschaft", "",
                  "Für Rückfragen stehe ich Ihnen gerne zur Verfügung. Zur Beauftragung senden Sie uns dieses Angebot einfach "
                  "unterschrieben zurück.", "", "Mit freundlichen Grüßen", rep.name, "Vertrieb Finanzierungslösungen", rep.phone, "",
                  "Angebot angenommen: ______________________ (Datum, Unterschrift, Firmenstempel)"]
        title = f"Leasingangebot {number}"
    else:
        lines = [f"{vendor.name} · {vendor.street} · {vendor.city}", "", customer.name, f"A/A {contact.name}", customer.street,
                 customer.city, "", f"Oferta n.º: {number}", f"Fecha: {short_date(c)}", f"Validez: hasta el {short_date(c, 30)}", "",
                 _dear(c, contact),
                 "Le agradecemos su interés. Le presentamos nuestra propuesta de renting tecnológico para el siguiente "
                 "equipamiento, sin inversión inicial y con una cuota mensual fija:", "",
                 "Cantidad | Artículo | Precio unitario | Importe"]
        lines += [f"{i.quantity} | {i.description} ({i.sku}) | {c.money(i.unit_price)} | {c.money(i.total)}" for i in items]
        lines += ["", f"Valor del equipamiento: {c.money(capital)}", f"Plazo: {months} meses",
                  f"Cuota mensual: {c.money(rate)} + IVA",
                  f"Servicio in situ opcional con equipos de sustitución: {c.money(service)} al mes",
                  "", "Condiciones:",
                  "- Primera cuota a la entrega; cobro mensual anticipado por domiciliación bancaria",
                  "- Al vencimiento: devolución, prórroga de 12 meses o renovación tecnológica",
                  "- Seguro a todo riesgo de los equipos incluido",
                  "- Oferta sujeta a la aprobación del riesgo por parte de la entidad financiera", "",
                  "Quedamos a su disposición para cualquier aclaración. Para aceptar la oferta, basta con devolvernos este "
                  "documento firmado.", "", "Un cordial saludo,", rep.name, "Departamento de Renting", rep.phone, "",
                  "Conforme, el cliente: ______________________ (fecha, firma y sello)"]
        title = f"Oferta de renting tecnológico {number}"
    return Built(pdf(title, lines, c, rep.name))


@template("offer", "offer.b5_training_quote", ("en", "fr"), ".html")
def offer_training_quote(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    rep, contact = c.person(vendor, lang=c.lang), c.person(customer)
    product = c.pick(_PRODUCT_NAMES)
    number = c.code("TQ" if c.lang == "en" else "PF")
    day_rate = c.pick((1250.0, 1400.0, 1550.0, 1690.0))
    participants = c.rng.randint(6, 12)
    modules = c.some(c.t({
        "en": (f"{product} fundamentals for end users", f"{product} administration", "Building reports and dashboards",
               "Data integration and interfaces", "Train-the-trainer session", "Security and role concept"),
        "fr": (f"Prise en main de {product} pour les utilisateurs", f"Administration de {product}",
               "Création de rapports et de tableaux de bord", "Intégration des données et interfaces",
               "Formation de formateurs internes", "Sécurité et gestion des rôles"),
    }), 2, 4)
    rows: list[list[object]] = []
    total = 0.0
    for mod in modules:
        days = c.pick((0.5, 1.0, 1.0, 2.0))
        amount = days * day_rate
        total += amount
        rows.append([mod, c.number(days, 1), participants, c.money(day_rate), c.money(amount)])
    travel = c.pick((0.0, 450.0, 780.0))
    vat = round((total + travel) * VAT_RATES[c.lang], 2)
    if c.lang == "en":
        body = [f"<h1>Quotation {_h(number)} – on-site training</h1>",
                f"<p>{_h(vendor.name)}, {_h(vendor.street)}, {_h(vendor.city)}</p>",
                f"<p><b>For:</b> {_h(contact.name)}, {_h(contact.role)}, {_h(customer.name)}<br>"
                f"<b>Date:</b> {_h(short_date(c))}<br><b>Valid until:</b> {_h(short_date(c, 45))}</p>",
                f"<p>Dear {_h(contact.first)},</p>",
                f"<p>Thank you for your enquiry. As discussed, we are pleased to quote the following training for your team "
                f"of {participants} at your premises in {_h(_postcode_city(customer)[1])}:</p>",
                *_html_table(["Module", "Days", "Participants", "Day rate", "Amount"], rows),
                f"<p>Travel and accommodation, flat rate: {_h(c.money(travel)) if travel else 'included'}<br>"
                f"<b>Total excl. VAT: {_h(c.money(total + travel))}</b><br>VAT: {_h(c.money(vat))}<br>"
                f"<b>Total incl. VAT: {_h(c.money(total + travel + vat))}</b></p>",
                "<h2>Included</h2><ul><li>Certified trainer, course material in English</li>"
                "<li>Training environment with sample data for every participant</li>"
                "<li>Certificate of attendance</li></ul>",
                "<h2>Terms</h2><ul><li>Dates to be agreed, at least three weeks ahead</li>"
                "<li>Free cancellation up to 10 working days before the training, 50 % after that</li>"
                "<li>Payment 30 days after the training</li></ul>",
                f"<p>To accept this quotation, simply reply to {_h(rep.email)} or sign and return it.</p>",
                f"<p>Kind regards,<br>{_h(rep.name)}<br>Training Sales<br>{_h(rep.phone)}</p>"]
        title = f"Quotation {number}"
    else:
        body = [f"<h1>Proposition {_h(number)} – formation intra-entreprise</h1>",
                f"<p>{_h(vendor.name)}, {_h(vendor.street)}, {_h(vendor.city)}</p>",
                f"<p><b>À l'attention de :</b> {_h(contact.name)}, {_h(contact.role)}, {_h(customer.name)}<br>"
                f"<b>Date :</b> {_h(short_date(c))}<br><b>Validité :</b> jusqu'au {_h(short_date(c, 45))}</p>",
                f"<p>Madame, Monsieur,</p><p>Suite à votre demande, nous avons le plaisir de vous proposer la formation "
                f"suivante pour {participants} collaborateurs, dans vos locaux de {_h(_postcode_city(customer)[1])} :</p>",
                *_html_table(["Module", "Jours", "Participants", "Prix journée HT", "Montant HT"], rows),
                f"<p>Frais de déplacement (forfait) : {_h(c.money(travel)) if travel else 'inclus'}<br>"
                f"<b>Total HT : {_h(c.money(total + travel))}</b><br>TVA 20 % : {_h(c.money(vat))}<br>"
                f"<b>Total TTC : {_h(c.money(total + travel + vat))}</b></p>",
                "<h2>Inclus</h2><ul><li>Formateur certifié, support de cours en français</li>"
                "<li>Environnement de formation avec données d'exemple pour chaque participant</li>"
                "<li>Attestation de fin de formation</li></ul>",
                "<p>Notre organisme est certifié Qualiopi : la formation peut être prise en charge par votre OPCO.</p>"
                if c.maybe() else "",
                "<h2>Conditions</h2><ul><li>Dates à convenir, au moins trois semaines à l'avance</li>"
                "<li>Annulation gratuite jusqu'à 10 jours ouvrés avant la session, 50 % au-delà</li>"
                "<li>Règlement à 30 jours après la formation</li></ul>",
                f"<p>Pour accepter cette proposition, retournez-la signée avec la mention « Bon pour accord » ou répondez à "
                f"{_h(rep.email)}.</p>",
                f"<p>Cordialement,<br>{_h(rep.name)}<br>Service formation<br>{_h(rep.phone)}</p>"]
        title = f"Proposition {number}"
    return Built(_html_page(c.lang, title, [b for b in body if b]))


# --------------------------------------------------------------------------- invoice


def _xrechnung(c: Ctx, seller: Company, buyer: Company, items: list[LineItem]) -> bytes:
    number = c.code("RE", 6)
    net = round(sum(i.total for i in items), 2)
    tax = round(net * 0.19, 2)
    leitweg = f"{c.rng.randint(100, 999)}-{token(c, 5, DIGITS)}-{token(c, 2, DIGITS)}"
    due = c.later(30).isoformat()

    def party(tag: str, company: Company, vat_id: str) -> list[str]:
        postcode, town = _postcode_city(company)
        return [f"  <cac:{tag}>", "    <cac:Party>",
                f"      <cac:PartyName><cbc:Name>{_x(company.name)}</cbc:Name></cac:PartyName>",
                "      <cac:PostalAddress>", f"        <cbc:StreetName>{_x(company.street)}</cbc:StreetName>",
                f"        <cbc:CityName>{_x(town)}</cbc:CityName>", f"        <cbc:PostalZone>{_x(postcode)}</cbc:PostalZone>",
                "        <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>",
                "      </cac:PostalAddress>",
                f"      <cac:PartyTaxScheme><cbc:CompanyID>{vat_id}</cbc:CompanyID>"
                "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>",
                f"      <cac:PartyLegalEntity><cbc:RegistrationName>{_x(company.name)}</cbc:RegistrationName></cac:PartyLegalEntity>",
                "    </cac:Party>", f"  </cac:{tag}>"]

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
           '    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
           '    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
           "  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>",
           "  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>",
           f"  <cbc:ID>{number}</cbc:ID>", f"  <cbc:IssueDate>{c.day.isoformat()}</cbc:IssueDate>",
           f"  <cbc:DueDate>{due}</cbc:DueDate>", "  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
           f"  <cbc:Note>Rechnung zu Ihrer Bestellung vom {short_date(c, -c.rng.randint(10, 40))}. Zahlbar innerhalb von 30 Tagen "
           f"ohne Abzug. Bei Zahlung bis {short_date(c, 10)} gewähren wir 2 % Skonto.</cbc:Note>",
           "  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>",
           f"  <cbc:BuyerReference>{leitweg}</cbc:BuyerReference>",
           *party("AccountingSupplierParty", seller, "DE" + token(c, 9, DIGITS)),
           *party("AccountingCustomerParty", buyer, "DE" + token(c, 9, DIGITS)),
           "  <cac:PaymentMeans>", "    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>",
           f"    <cbc:PaymentID>{number}</cbc:PaymentID>",
           f"    <cac:PayeeFinancialAccount><cbc:ID>{iban(c).replace(' ', '')}</cbc:ID>"
           f"<cbc:Name>{_x(seller.name)}</cbc:Name></cac:PayeeFinancialAccount>",
           "  </cac:PaymentMeans>",
           "  <cac:PaymentTerms><cbc:Note>Zahlbar innerhalb von 30 Tagen netto, 10 Tage 2 % Skonto</cbc:Note></cac:PaymentTerms>",
           "  <cac:TaxTotal>", f'    <cbc:TaxAmount currencyID="EUR">{_plain(tax)}</cbc:TaxAmount>',
           "    <cac:TaxSubtotal>", f'      <cbc:TaxableAmount currencyID="EUR">{_plain(net)}</cbc:TaxableAmount>',
           f'      <cbc:TaxAmount currencyID="EUR">{_plain(tax)}</cbc:TaxAmount>',
           "      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>"
           "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>",
           "    </cac:TaxSubtotal>", "  </cac:TaxTotal>",
           "  <cac:LegalMonetaryTotal>", f'    <cbc:LineExtensionAmount currencyID="EUR">{_plain(net)}</cbc:LineExtensionAmount>',
           f'    <cbc:TaxExclusiveAmount currencyID="EUR">{_plain(net)}</cbc:TaxExclusiveAmount>',
           f'    <cbc:TaxInclusiveAmount currencyID="EUR">{_plain(net + tax)}</cbc:TaxInclusiveAmount>',
           f'    <cbc:PayableAmount currencyID="EUR">{_plain(net + tax)}</cbc:PayableAmount>', "  </cac:LegalMonetaryTotal>"]
    for n, item in enumerate(items, 1):
        out += ["  <cac:InvoiceLine>", f"    <cbc:ID>{n}</cbc:ID>",
                f'    <cbc:InvoicedQuantity unitCode="{"DAY" if item.sku == "PS-DAY" else "H87"}">{item.quantity}</cbc:InvoicedQuantity>',
                f'    <cbc:LineExtensionAmount currencyID="EUR">{_plain(item.total)}</cbc:LineExtensionAmount>',
                f"    <cac:Item><cbc:Description>{_x(item.description)}</cbc:Description><cbc:Name>{_x(item.description)}</cbc:Name>",
                f"      <cac:SellersItemIdentification><cbc:ID>{item.sku}</cbc:ID></cac:SellersItemIdentification>",
                "      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>"
                "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>",
                f'    <cac:Price><cbc:PriceAmount currencyID="EUR">{_plain(item.unit_price)}</cbc:PriceAmount></cac:Price>',
                "  </cac:InvoiceLine>"]
    out.append("</ubl:Invoice>")
    return text(out)


def _facturae(c: Ctx, seller: Company, buyer: Company, items: list[LineItem]) -> bytes:
    series = c.pick(("A", "FV", "F"))
    number = str(c.rng.randint(1000, 9999))
    net = round(sum(i.total for i in items), 2)
    tax = round(net * 0.21, 2)
    total = round(net + tax, 2)

    def party(tag: str, company: Company, nif: str) -> list[str]:
        postcode, town = _postcode_city(company)
        province = {"Madrid": "Madrid", "Barcelona": "Barcelona", "Sevilla": "Sevilla", "Valencia": "Valencia",
                    "Málaga": "Málaga"}.get(town, town)
        return [f"    <{tag}>", "      <TaxIdentification>", "        <PersonTypeCode>J</PersonTypeCode>",
                "        <ResidenceTypeCode>R</ResidenceTypeCode>", f"        <TaxIdentificationNumber>{nif}</TaxIdentificationNumber>",
                "      </TaxIdentification>", "      <LegalEntity>", f"        <CorporateName>{_x(company.name)}</CorporateName>",
                "        <AddressInSpain>", f"          <Address>{_x(company.street)}</Address>",
                f"          <PostCode>{postcode}</PostCode>", f"          <Town>{_x(town)}</Town>",
                f"          <Province>{_x(province)}</Province>", "          <CountryCode>ESP</CountryCode>",
                "        </AddressInSpain>", "      </LegalEntity>", f"    </{tag}>"]

    batch = f"{'B' + token(c, 8, DIGITS)}{series}{number}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml" '
           'xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
           "  <FileHeader>", "    <SchemaVersion>3.2.2</SchemaVersion>", "    <Modality>I</Modality>",
           "    <InvoiceIssuerType>EM</InvoiceIssuerType>", "    <Batch>", f"      <BatchIdentifier>{batch}</BatchIdentifier>",
           "      <InvoicesCount>1</InvoicesCount>",
           f"      <TotalInvoicesAmount><TotalAmount>{_plain(total)}</TotalAmount></TotalInvoicesAmount>",
           f"      <TotalOutstandingAmount><TotalAmount>{_plain(total)}</TotalAmount></TotalOutstandingAmount>",
           f"      <TotalExecutableAmount><TotalAmount>{_plain(total)}</TotalAmount></TotalExecutableAmount>",
           "      <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>", "    </Batch>", "  </FileHeader>", "  <Parties>",
           *party("SellerParty", seller, "B" + token(c, 8, DIGITS)),
           *party("BuyerParty", buyer, "A" + token(c, 8, DIGITS)), "  </Parties>", "  <Invoices>", "    <Invoice>",
           "      <InvoiceHeader>", f"        <InvoiceNumber>{number}</InvoiceNumber>",
           f"        <InvoiceSeriesCode>{series}</InvoiceSeriesCode>", "        <InvoiceDocumentType>FC</InvoiceDocumentType>",
           "        <InvoiceClass>OO</InvoiceClass>", "      </InvoiceHeader>", "      <InvoiceIssueData>",
           f"        <IssueDate>{c.day.isoformat()}</IssueDate>", "        <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>",
           "        <TaxCurrencyCode>EUR</TaxCurrencyCode>", "        <LanguageName>es</LanguageName>", "      </InvoiceIssueData>",
           "      <TaxesOutputs>", "        <Tax>", "          <TaxTypeCode>01</TaxTypeCode>", "          <TaxRate>21.00</TaxRate>",
           f"          <TaxableBase><TotalAmount>{_plain(net)}</TotalAmount></TaxableBase>",
           f"          <TaxAmount><TotalAmount>{_plain(tax)}</TotalAmount></TaxAmount>", "        </Tax>", "      </TaxesOutputs>",
           "      <InvoiceTotals>", f"        <TotalGrossAmount>{_plain(net)}</TotalGrossAmount>",
           f"        <TotalGrossAmountBeforeTaxes>{_plain(net)}</TotalGrossAmountBeforeTaxes>",
           f"        <TotalTaxOutputs>{_plain(tax)}</TotalTaxOutputs>", "        <TotalTaxesWithheld>0.00</TotalTaxesWithheld>",
           f"        <InvoiceTotal>{_plain(total)}</InvoiceTotal>",
           f"        <TotalOutstandingAmount>{_plain(total)}</TotalOutstandingAmount>",
           f"        <TotalExecutableAmount>{_plain(total)}</TotalExecutableAmount>", "      </InvoiceTotals>", "      <Items>"]
    for item in items:
        out += ["        <InvoiceLine>", f"          <ArticleCode>{item.sku}</ArticleCode>",
                f"          <ItemDescription>{_x(item.description)}</ItemDescription>",
                f"          <Quantity>{item.quantity}</Quantity>", "          <UnitOfMeasure>01</UnitOfMeasure>",
                f"          <UnitPriceWithoutTax>{item.unit_price:.6f}</UnitPriceWithoutTax>",
                f"          <TotalCost>{_plain(item.total)}</TotalCost>", f"          <GrossAmount>{_plain(item.total)}</GrossAmount>",
                "          <TaxesOutputs><Tax><TaxTypeCode>01</TaxTypeCode><TaxRate>21.00</TaxRate>",
                f"            <TaxableBase><TotalAmount>{_plain(item.total)}</TotalAmount></TaxableBase>",
                f"            <TaxAmount><TotalAmount>{_plain(round(item.total * 0.21, 2))}</TotalAmount></TaxAmount>",
                "          </Tax></TaxesOutputs>", "        </InvoiceLine>"]
    out += ["      </Items>", "      <PaymentDetails>", "        <Installment>",
            f"          <InstallmentDueDate>{c.later(c.pick((30, 60))).isoformat()}</InstallmentDueDate>",
            f"          <InstallmentAmount>{_plain(total)}</InstallmentAmount>", "          <PaymentMeans>04</PaymentMeans>",
            f"          <AccountToBeCredited><IBAN>{iban(c).replace(' ', '')}</IBAN></AccountToBeCredited>",
            "        </Installment>", "      </PaymentDetails>", "      <AdditionalData>",
            f"        <InvoiceAdditionalInformation>Factura correspondiente a su pedido del {short_date(c, -c.rng.randint(10, 40))}. "
            "Forma de pago: transferencia bancaria. Inscrita en el Registro Mercantil.</InvoiceAdditionalInformation>",
            "      </AdditionalData>", "    </Invoice>", "  </Invoices>", "</fe:Facturae>"]
    return text(out)


@template("invoice", "invoice.b5_einvoice", ("de", "es"), ".xml")
def invoice_einvoice(c: Ctx) -> Built:
    seller, buyer = c.company(), c.company()
    while buyer == seller:
        buyer = c.company()
    items = c.items(1, 5)
    if c.lang == "de":
        return Built(_xrechnung(c, seller, buyer, items))
    return Built(_facturae(c, seller, buyer, items))


@template("invoice", "invoice.b5_proforma", ("en", "fr"), ".pdf")
def invoice_proforma(c: Ctx) -> Built:
    vendor = c.t({"en": VENDORS[0], "fr": VENDORS[2]})
    dest_lang = c.pick(("en", "de", "es")) if c.lang == "fr" else c.pick(("de", "fr", "es"))
    consignee = c.company(dest_lang)
    clerk, contact = c.person(vendor, lang=c.lang), c.person(consignee, lang=dest_lang)
    items = _goods(c, 2, 5)
    hs = {"EG-200": "8517.62.00", "AN-USR": "8523.49.45", "SUP-GLD": "9984.00.00", "PS-DAY": "9983.00.00", "SEN-10": "9026.10.21",
          "STO-TB": "8523.49.45", "LAP-14": "8471.30.00", "DOC-USB": "8471.80.00", "MON-27": "8528.52.91", "CBL-CAT6": "8544.42.90"}
    number = c.code("PF")
    net = sum(i.total for i in items)
    freight = c.pick((120.0, 240.0, 380.0, 560.0))
    incoterm = c.pick(("DAP", "CPT", "FCA", "DDP"))
    weight = round(sum(i.quantity for i in items) * c.rng.uniform(0.4, 2.2), 1)
    if c.lang == "en":
        lines = [f"Exporter: {vendor.name}, {vendor.street}, {vendor.city}", f"EORI: GB{token(c, 12, DIGITS)}", "",
                 f"Consignee: {consignee.name}, {consignee.street}, {consignee.city}", f"Attn: {contact.name}", "",
                 f"Pro forma invoice no.: {number}", f"Date: {short_date(c)}", f"Customer reference: {c.code('PO', 5)}",
                 f"Incoterms 2020: {incoterm} {consignee.city.split(' ')[-1]}",
                 f"Country of origin: {c.pick(('United Kingdom', 'Germany', 'Taiwan', 'China'))}",
                 f"Gross weight: {c.number(weight, 1)} kg, {c.rng.randint(1, 5)} package(s)", "",
                 "Item | HS code | Description | Qty | Unit value | Total value"]
        lines += [f"{i.sku} | {hs[i.sku]} | {i.description} | {i.quantity} | {c.money(i.unit_price)} | {c.money(i.total)}"
                  for i in items]
        lines += ["", f"Subtotal goods: {c.money(net)}", f"Freight and insurance: {c.money(freight)}",
                  f"Total invoice value: {c.money(net + freight)}", "",
                  "Payment: 100 % in advance by bank transfer before dispatch.", f"Bank: IBAN {iban(c)}, BIC NWBKGB2L", "",
                  "This pro forma invoice is issued for customs and prepayment purposes only. The commercial invoice follows "
                  "with the shipment.",
                  "We hereby certify that the information on this invoice is true and correct and that the contents of this "
                  "shipment are as stated above.", "", f"{clerk.name}, Export Sales Administration", "Signature: ______________________"]
        title = "PRO FORMA INVOICE"
    else:
        lines = [f"Expéditeur : {vendor.name}, {vendor.street}, {vendor.city}", f"N° EORI : FR{token(c, 14, DIGITS)}",
                 f"N° TVA intracommunautaire : FR{token(c, 11, DIGITS)}", "",
                 f"Destinataire : {consignee.name}, {consignee.street}, {consignee.city}", f"À l'attention de : {contact.name}", "",
                 f"Facture pro forma n° : {number}", f"Date : {short_date(c)}", f"Votre référence : {c.code('CDE', 5)}",
                 f"Incoterms 2020 : {incoterm} {consignee.city.split(' ')[-1]}",
                 f"Pays d'origine : {c.pick(('France', 'Allemagne', 'Taïwan', 'Chine'))}",
                 f"Poids brut : {c.number(weight, 1)} kg, {c.rng.randint(1, 5)} colis", "",
                 "Réf. | Code SH | Désignation | Qté | Valeur unitaire | Valeur totale"]
        lines += [f"{i.sku} | {hs[i.sku]} | {i.description} | {i.quantity} | {c.money(i.unit_price)} | {c.money(i.total)}"
                  for i in items]
        lines += ["", f"Total marchandises HT : {c.money(net)}", f"Transport et assurance : {c.money(freight)}",
                  f"Valeur totale : {c.money(net + freight)}", "",
                  "Conditions de paiement : 100 % à la commande par virement, avant expédition.", f"IBAN : {iban(c)}", "",
                  "Facture pro forma établie pour les besoins du dédouanement et du paiement anticipé ; elle ne vaut pas "
                  "facture définitive. La facture commerciale accompagnera la marchandise.",
                  "Nous certifions que les informations figurant sur la présente facture sont exactes et sincères.", "",
                  f"{clerk.name}, administration des ventes export", "Signature : ______________________"]
        title = "FACTURE PRO FORMA"
    return Built(pdf(title, lines, c, clerk.name))


# --------------------------------------------------------------------------- contract


@template("contract", "contract.b5_subcontract", ("de", "fr"), ".docx")
def contract_subcontract(c: Ctx) -> Built:
    main, sub = c.company(), c.company()
    while sub == main:
        sub = c.company()
    signer_main, signer_sub = c.person(main), c.person(sub)
    end_customer = c.company(c.pick(("de", "fr", "en")))
    rate = c.pick((720.0, 850.0, 960.0, 1080.0, 1200.0))
    days = c.rng.randint(20, 120)
    start = c.later(c.rng.randint(7, 30))
    months = c.pick((3, 6, 9, 12))
    penalty = c.pick((10_000, 25_000, 50_000))
    project = ("Einführung " if c.lang == "de" else "Déploiement ") + c.pick(_PRODUCT_NAMES)
    if c.lang == "de":
        blocks: list[str | list[list[str]]] = [
            f"zwischen {main.name}, {main.street}, {main.city} – nachfolgend „Auftraggeber“ –",
            f"und {sub.name}, {sub.street}, {sub.city} – nachfolgend „Nachunternehmer“ –",
            "## § 1 Vertragsgegenstand",
            f"Der Auftraggeber ist von {end_customer.name} (nachfolgend „Endkunde“) mit dem Projekt „{project}“ beauftragt. "
            "Der Nachunternehmer übernimmt Teilleistungen dieses Projekts nach Maßgabe der Leistungsbeschreibung in Anlage 1.",
            "## § 2 Leistungserbringung",
            "Der Nachunternehmer erbringt die Leistungen selbstständig und eigenverantwortlich; er unterliegt keinen Weisungen "
            "hinsichtlich Ort und Zeit der Tätigkeit, soweit dies nicht projektbedingt erforderlich ist. Der Einsatz weiterer "
            "Subunternehmer bedarf der vorherigen schriftlichen Zustimmung des Auftraggebers.",
            "## § 3 Vergütung",
            f"Die Vergütung erfolgt nach Aufwand zu einem Tagessatz von {c.money(rate)} zzgl. gesetzlicher Umsatzsteuer, "
            f"für insgesamt bis zu {days} Personentage. Reisekosten werden nur nach vorheriger Freigabe erstattet. Die "
            "Abrechnung erfolgt monatlich auf Basis der vom Auftraggeber bestätigten Tätigkeitsnachweise; Zahlungsziel 30 Tage.",
            "## § 4 Laufzeit und Kündigung",
            f"Der Vertrag beginnt am {c.datestr(start, long=True)} und endet nach {months} Monaten, ohne dass es einer "
            "Kündigung bedarf. Das Recht zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt.",
            "## § 5 Vertraulichkeit und Datenschutz",
            "Der Nachunternehmer verpflichtet sich, alle ihm im Rahmen des Projekts bekannt gewordenen Informationen über den "
            "Auftraggeber und den Endkunden vertraulich zu behandeln, auch über das Vertragsende hinaus. Soweit personenbezogene "
            "Daten verarbeitet werden, schließen die Parteien eine gesonderte Vereinbarung nach Art. 28 DSGVO.",
            "## § 6 Kundenschutz",
            f"Der Nachunternehmer wird während der Laufzeit und zwölf Monate danach keine Leistungen direkt für den Endkunden "
            f"erbringen, die mit dem Projekt im Zusammenhang stehen. Für jeden Fall der Zuwiderhandlung wird eine Vertragsstrafe "
            f"von {c.money(penalty)} fällig.",
            "## § 7 Haftung",
            "Die Parteien haften unbeschränkt für Vorsatz und grobe Fahrlässigkeit. Im Übrigen ist die Haftung auf den "
            "vertragstypischen, vorhersehbaren Schaden begrenzt.",
            "## § 8 Schlussbestimmungen",
            "Änderungen und Ergänzungen bedürfen der Schriftform. Sollte eine Bestimmung unwirksam sein, bleibt die Wirksamkeit "
            f"der übrigen Bestimmungen unberührt. Gerichtsstand ist {main.city.split(' ', 1)[1]}.",
            [["Für den Auftraggeber", "Für den Nachunternehmer"],
             [f"{main.city.split(' ', 1)[1]}, den {short_date(c)}",
              f"{sub.city.split(' ', 1)[1]}, den {short_date(c, c.rng.randint(0, 5))}"],
             [f"{signer_main.name}, {signer_main.role}", f"{signer_sub.name}, {signer_sub.role}"]],
            "Anlage 1: Leistungsbeschreibung · Anlage 2: Stundensätze und Reiserichtlinie",
        ]
        title = "Nachunternehmervertrag"
    else:
        blocks = [
            f"Entre {main.name}, {main.street}, {main.city}, ci-après « le Titulaire »,",
            f"et {sub.name}, {sub.street}, {sub.city}, ci-après « le Sous-traitant »,",
            "il a été convenu ce qui suit.",
            "## Article 1 – Objet",
            f"Le Titulaire s'est vu confier par {end_customer.name} (ci-après « le Client final ») le projet « {project} ». "
            "Le présent contrat a pour objet de confier au Sous-traitant une partie des prestations, décrites à l'annexe 1.",
            "## Article 2 – Exécution des prestations",
            "Le Sous-traitant exécute les prestations en toute indépendance, avec ses propres moyens et sous sa seule "
            "responsabilité. Il ne peut lui-même sous-traiter tout ou partie des prestations sans l'accord écrit préalable du "
            "Titulaire.",
            "## Article 3 – Prix et facturation",
            f"Les prestations sont facturées en régie au prix de {c.money(rate)} HT par jour, dans la limite de {days} jours. "
            "Les frais de déplacement ne sont remboursés que sur accord préalable. La facturation est mensuelle, sur la base des "
            "relevés d'activité validés par le Titulaire ; paiement à 30 jours.",
            "## Article 4 – Durée",
            f"Le contrat prend effet le {c.datestr(start, long=True)} pour une durée de {months} mois. Chaque partie peut le "
            "résilier de plein droit en cas de manquement grave de l'autre partie, non réparé quinze jours après mise en demeure.",
            "## Article 5 – Confidentialité",
            "Le Sous-traitant s'engage à garder strictement confidentielles toutes les informations relatives au Titulaire et au "
            "Client final dont il aurait connaissance, pendant toute la durée du contrat et cinq ans après son terme.",
            "## Article 6 – Non-sollicitation",
            f"Pendant la durée du contrat et douze mois après, le Sous-traitant s'interdit de proposer directement ses services "
            f"au Client final pour des prestations liées au projet, sous peine d'une indemnité forfaitaire de {c.money(penalty)}.",
            "## Article 7 – Assurances et responsabilité",
            "Le Sous-traitant déclare être titulaire d'une assurance responsabilité civile professionnelle et en fournira "
            "l'attestation à la signature. La responsabilité de chaque partie est limitée aux dommages directs.",
            "## Article 8 – Loi applicable et litiges",
            f"Le contrat est soumis au droit français. Tout litige relève de la compétence du tribunal de commerce de "
            f"{main.city.split(' ', 1)[1]}.",
            [["Pour le Titulaire", "Pour le Sous-traitant"],
             [f"Fait à {main.city.split(' ', 1)[1]}, le {short_date(c)}",
              f"Fait à {sub.city.split(' ', 1)[1]}, le {short_date(c, c.rng.randint(0, 5))}"],
             [f"{signer_main.name}, {signer_main.role}", f"{signer_sub.name}, {signer_sub.role}"]],
            "Annexe 1 : description des prestations · Annexe 2 : grille tarifaire",
        ]
        title = "Contrat de sous-traitance"
    return Built(docx(title, blocks, c, signer_main.name))


@template("contract", "contract.b5_escrow", ("en", "es"), ".rtf")
def contract_escrow(c: Ctx) -> Built:
    depositor, licensee = c.vendor(), c.company()
    agent = c.t({"en": Company("SafeVault Escrow Services Ltd", "safevault.co.uk", "10 Old Bailey", "London EC4M 7NG"),
                 "es": Company("Custodia Digital Notarial SL", "custodiadigital.es", "Calle Serrano 90", "28006 Madrid")})
    p1, p2, p3 = c.person(depositor, lang=c.lang), c.person(licensee), c.person(agent)
    product = c.pick(_PRODUCT_NAMES)
    fee = c.pick((1800.0, 2400.0, 3200.0, 4500.0))
    if c.lang == "en":
        blocks = [
            "# SOURCE CODE ESCROW AGREEMENT",
            f"This Agreement is made on {long_date(c)} between:",
            f"(1) {depositor.name}, {depositor.street}, {depositor.city} (the \"Depositor\");",
            f"(2) {licensee.name}, {licensee.street}, {licensee.city} (the \"Licensee\"); and",
            f"(3) {agent.name}, {agent.street}, {agent.city} (the \"Escrow Agent\").",
            "## Background",
            f"The Depositor has licensed the software {product} to the Licensee under a licence agreement dated "
            f"{long_date(c, -c.rng.randint(20, 200))} (the \"Licence Agreement\"). The parties wish to ensure that the Licensee "
            "can maintain the software if the Depositor is no longer able to do so.",
            "## 1. Deposit",
            "1.1 Within 30 days of signature the Depositor shall deliver to the Escrow Agent the complete source code of the "
            "software, together with build instructions, third-party component list and any tools needed to compile it "
            "(the \"Deposit Material\").",
            "1.2 The Depositor shall update the Deposit Material "
            f"{c.pick(('with every major release', 'at least every six months', 'quarterly'))}.",
            "## 2. Verification",
            "The Licensee may ask the Escrow Agent to verify, at the Licensee's cost, that the Deposit Material can be compiled "
            "into a working version of the software.",
            "## 3. Release events",
            "The Escrow Agent shall release the Deposit Material to the Licensee if the Depositor:",
            "- becomes insolvent, enters administration or is wound up;",
            "- ceases to support the software and does not remedy this within 60 days of written notice; or",
            "- is in material breach of its maintenance obligations under the Licence Agreement.",
            "## 4. Use of released material",
            "Released material may be used only to support and maintain the software for the Licensee's own business. All "
            "intellectual property rights remain with the Depositor.",
            "## 5. Fees",
            f"The annual fee of the Escrow Agent is {c.money(fee)} plus VAT, payable by the "
            f"{c.pick(('Licensee', 'Depositor'))}, invoiced in advance.",
            "## 6. Term",
            "This Agreement continues for as long as the Licence Agreement is in force and ends automatically when it ends.",
            "## 7. Governing law",
            "This Agreement is governed by the laws of England and Wales. The courts of London have exclusive jurisdiction.",
            "",
            f"Signed for the Depositor: ____________________  {p1.name}, {p1.role}",
            f"Signed for the Licensee: ____________________  {p2.name}, {p2.role}",
            f"Signed for the Escrow Agent: ____________________  {p3.name}",
        ]
    else:
        blocks = [
            "# CONTRATO DE DEPÓSITO DE CÓDIGO FUENTE (ESCROW)",
            f"En Madrid, a {long_date(c)}",
            "## Reunidos",
            f"De una parte, {p1.name}, en nombre y representación de {depositor.name}, con domicilio en {depositor.street}, "
            f"{depositor.city} (en adelante, el «Depositante»).",
            f"De otra parte, {p2.name}, en nombre y representación de {licensee.name}, con domicilio en {licensee.street}, "
            f"{licensee.city} (en adelante, el «Licenciatario»).",
            f"Y de otra, {p3.name}, en nombre y representación de {agent.name}, con domicilio en {agent.street}, {agent.city} "
            "(en adelante, el «Depositario»).",
            "## Exponen",
            f"I. Que el Depositante ha concedido al Licenciatario una licencia de uso del software {product} en virtud del "
            f"contrato de licencia de fecha {long_date(c, -c.rng.randint(20, 200))}.",
            "II. Que las partes desean garantizar la continuidad del mantenimiento del software en caso de que el Depositante "
            "no pueda prestarlo, y a tal efecto suscriben el presente contrato con arreglo a las siguientes",
            "## Cláusulas",
            "Primera. Depósito. En el plazo de 30 días desde la firma, el Depositante entregará al Depositario el código fuente "
            "completo del software, junto con las instrucciones de compilación y la relación de componentes de terceros "
            "(el «Material Depositado»).",
            f"Segunda. Actualización. El Depositante actualizará el Material Depositado "
            f"{c.pick(('con cada versión principal', 'al menos cada seis meses', 'trimestralmente'))}.",
            "Tercera. Verificación. El Licenciatario podrá solicitar, a su cargo, que el Depositario compruebe que el Material "
            "Depositado permite generar una versión operativa del software.",
            "Cuarta. Supuestos de entrega. El Depositario entregará el Material Depositado al Licenciatario cuando el Depositante:",
            "- sea declarado en concurso de acreedores o se disuelva;",
            "- deje de prestar soporte y no lo subsane en 60 días desde el requerimiento escrito; o",
            "- incumpla de forma grave sus obligaciones de mantenimiento.",
            "Quinta. Uso. El Material entregado solo podrá utilizarse para mantener el software en el ámbito interno del "
            "Licenciatario. La propiedad intelectual sigue correspondiendo al Depositante.",
            f"Sexta. Honorarios. Los honorarios anuales del Depositario ascienden a {c.money(fee)} más IVA, a cargo del "
            f"{c.pick(('Licenciatario', 'Depositante'))}.",
            "Séptima. Duración. El presente contrato estará vigente mientras lo esté el contrato de licencia.",
            "Octava. Ley aplicable y jurisdicción. El contrato se rige por la legislación española. Las partes se someten a los "
            "Juzgados y Tribunales de Madrid.",
            "",
            "Y en prueba de conformidad, las partes firman el presente contrato por triplicado en el lugar y fecha indicados.",
            f"El Depositante: ____________________  {p1.name}",
            f"El Licenciatario: ____________________  {p2.name}",
            f"El Depositario: ____________________  {p3.name}",
        ]
    return Built(_rtf(blocks))


# --------------------------------------------------------------------------- customer_asset


@template("customer_asset", "asset.b5_rack_layout", ("en", "de"), ".yaml")
def asset_rack_layout(c: Ctx) -> Built:
    customer = c.company()
    author = c.person(c.vendor(), lang=c.lang)
    de = c.lang == "de"
    site = c.pick(("DC1", "RZ-Nord", "Serverraum EG", "Colo Equinix FR5") if de else ("DC1", "Server room B1", "Colo LD8", "DR site"))
    models = (("Dell PowerEdge R750", 2, "server"), ("HPE ProLiant DL380 Gen10", 2, "server"), ("Cisco Nexus 93180YC-FX", 1, "switch"),
              ("NetApp AFF A250", 2, "storage"), ("Fortinet FortiGate 200F", 1, "firewall"), ("APC Smart-UPS SRT 5000", 3, "ups"),
              ("Synology RS3621xs+", 2, "backup"), ("Cisco Catalyst 9300-48P", 1, "switch"), ("Dell PowerEdge R650", 1, "server"))
    k = {"site": "standort", "customer": "kunde", "address": "adresse", "updated": "stand", "by": "erfasst_von", "racks": "schraenke",
         "name": "name", "room": "raum", "height": "hoehe_he", "power": "stromversorgung", "devices": "geraete", "pos": "position_he",
         "model": "modell", "serial": "seriennummer", "mgmt": "mgmt_ip", "role": "funktion", "owner": "eigentuemer",
         "warranty": "garantie_bis", "note": "bemerkung"} if de else \
        {k2: k2 for k2 in ("site", "customer", "address", "updated", "by", "racks", "name", "room", "height", "power", "devices",
                            "pos", "model", "serial", "mgmt", "role", "owner", "warranty", "note")}
    k["mgmt"] = "mgmt_ip"
    k["pos"] = "position_he" if de else "position_u"
    roles = {"server": ("Hypervisor", "Hypervisor"), "switch": ("Core switch", "Core-Switch"),
             "storage": ("Primary storage", "Primärspeicher"),
             "firewall": ("Perimeter firewall", "Perimeter-Firewall"), "ups": ("UPS", "USV"), "backup": ("Backup target", "Backup-Ziel")}
    subnet = f"10.{c.rng.randint(0, 60)}.{c.rng.randint(0, 250)}"
    power = ("2x 16A CEE, A/B-Einspeisung", "2x 32A, redundant") if de else ("2x 16A C19, A+B feed", "2x 32A, redundant")
    notes = ("Netzteil 2 defekt, Ticket offen", "Ausbau geplant Q3", "Leihgerät") if de else \
        ("PSU 2 failed, ticket open", "to be decommissioned in Q3", "loan unit")
    out = [f"# {'Rack-Dokumentation' if de else 'Rack documentation'} {customer.name} – {site}",
           f"# {'Quelle: Begehung vor Ort am' if de else 'Source: site walk on'} {short_date(c)}",
           f"{k['site']}: \"{site}\"", f"{k['customer']}: \"{customer.name}\"",
           f"{k['address']}: \"{customer.street}, {customer.city}\"", f"{k['updated']}: {c.day.isoformat()}",
           f"{k['by']}: \"{author.name}\"", f"{k['racks']}:"]
    host = 10
    for r in range(1, c.rng.randint(2, 3) + 1):
        out += [f"  - {k['name']}: R{r:02d}", f"    {k['room']}: \"{c.pick(('EG.014', 'UG.02', 'B1-07', '2.11'))}\"",
                f"    {k['height']}: {c.pick((42, 42, 47))}",
                f"    {k['power']}: \"{c.pick(power)}\"",
                f"    {k['devices']}:"]
        position = 1
        for model, height, kind in c.some(models, 4, 7):
            prefix = {"server": "esx", "switch": "sw", "storage": "nas", "firewall": "fw", "ups": "ups", "backup": "bkp"}[kind]
            out += [f"      - {k['name']}: {customer.domain.split('.')[0][:6]}-{prefix}{r}{position:02d}",
                    f"        {k['pos']}: {position}", f"        {k['model']}: \"{model}\"",
                    f"        {k['serial']}: \"{token(c, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}{token(c, 7, DIGITS)}\"",
                    f"        {k['role']}: \"{roles[kind][1 if de else 0]}\"",
                    f"        {k['mgmt']}: {subnet}.{host}", f"        {k['owner']}: \"{customer.name}\"",
                    f"        {k['warranty']}: {c.later(c.rng.randint(-200, 900)).isoformat()}"]
            if c.maybe(0.3):
                out.append(f"        {k['note']}: \"{c.pick(notes)}\"")
            position += height
            host += 1
    return Built(text(out))


@template("customer_asset", "asset.b5_mdm_export", ("fr", "es"), ".xml")
def asset_mdm_export(c: Ctx) -> Built:
    customer = c.company()
    fr = c.lang == "fr"
    models = (("Apple iPhone 14", "iOS", ("17.4.1", "16.7.5")), ("Samsung Galaxy A54", "Android", ("14", "13")),
              ("Apple iPad 10e génération" if fr else "Apple iPad 10.ª generación", "iPadOS", ("17.3", "16.6")),
              ("Zebra TC52", "Android", ("11", "10")), ("Samsung Galaxy Tab Active4 Pro", "Android", ("14", "13")))
    depts = c.t({"fr": ("Logistique", "Commerce", "Maintenance", "Direction", "Atelier"),
                 "es": ("Logística", "Ventas", "Mantenimiento", "Dirección", "Taller")})
    t = {"root": ("ExportAppareils", "ExportacionDispositivos"), "dev": ("Appareil", "Dispositivo"),
         "name": ("NomAppareil", "NombreDispositivo"),
         "model": ("Modele", "Modelo"), "os": ("SystemeExploitation", "SistemaOperativo"), "ver": ("Version", "Version"),
         "sn": ("NumeroSerie", "NumeroSerie"), "imei": ("IMEI", "IMEI"), "user": ("Utilisateur", "Usuario"),
         "dept": ("Service", "Departamento"), "own": ("Propriete", "Propiedad"), "comp": ("Conformite", "Cumplimiento"),
         "sync": ("DerniereSynchronisation", "UltimaSincronizacion"), "phone": ("NumeroLigne", "NumeroLinea"),
         "enc": ("Chiffrement", "Cifrado")}
    i = 0 if fr else 1
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f"<!-- {'Export de la console MDM – parc mobile de' if fr else 'Exportación de la consola MDM – flota móvil de'} "
           f"{_x(customer.name)}, {short_date(c)} -->",
           f'<{t["root"][i]} {"client" if fr else "cliente"}="{_x(customer.name)}" date="{c.day.isoformat()}">']
    for _ in range(c.rng.randint(8, 16)):
        model, os_name, versions = c.pick(models)
        user = c.person(customer)
        compliant = c.maybe(0.8)
        phone = c.t({"fr": f"+33 6 {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)}",
                     "es": f"+34 6{c.rng.randint(10, 99)} {c.rng.randint(100, 999)} {c.rng.randint(100, 999)}"})
        vals = [("name", f"{customer.domain.split('.')[0][:5].upper()}-{c.pick(('MOB', 'TAB', 'SCN'))}-{c.rng.randint(100, 999)}"),
                ("model", model), ("os", os_name), ("ver", c.pick(versions)),
                ("sn", token(c, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")), ("imei", token(c, 15, DIGITS)),
                ("user", user.email), ("dept", c.pick(depts)),
                ("own", c.pick(c.t({"fr": ("Entreprise", "Entreprise", "Personnel"),
                                    "es": ("Corporativo", "Corporativo", "Personal")}))),
                ("comp", c.t({"fr": "Conforme" if compliant else "Non conforme", "es": "Cumple" if compliant else "No cumple"})),
                ("enc", c.t({"fr": "Oui", "es": "Sí"}) if compliant or c.maybe() else c.t({"fr": "Non", "es": "No"})),
                ("sync", f"{c.later(-c.rng.randint(0, 20)).isoformat()}T{c.rng.randint(6, 21):02d}:{c.rng.randint(0, 59):02d}:00"),
                ("phone", phone)]
        out.append(f"  <{t['dev'][i]}>")
        out += [f"    <{t[key][i]}>{_x(value)}</{t[key][i]}>" for key, value in vals]
        out.append(f"  </{t['dev'][i]}>")
    out.append(f"</{t['root'][i]}>")
    return Built(text(out))


# --------------------------------------------------------------------------- internal_comment


@template("internal_comment", "internal.b5_visit_briefing", ("de", "es"), ".md")
def internal_visit_briefing(c: Ctx) -> Built:
    customer = c.company()
    vendor = c.vendor()
    rep, se, boss = (c.person(vendor, lang=c.lang) for _ in range(3))
    cto, buyer = c.person(customer), c.person(customer)
    product = c.pick(_PRODUCT_NAMES)
    tickets = c.rng.randint(3, 14)
    if c.lang == "de":
        out = [f"# Internes Briefing: Termin bei {customer.name} am {short_date(c, 3)}", "",
               "> **Nur intern – nicht an den Kunden weiterleiten, nicht ins Kundenportal hochladen.**", "",
               f"**Von uns dabei:** {rep.name} (Vertrieb), {se.name} (Technik){', ' + boss.name + ' (GF)' if c.maybe() else ''}  ",
               f"**Beim Kunden:** {cto.name} ({cto.role}), {buyer.name} ({buyer.role})", "",
               "## Worum es eigentlich geht",
               f"Offiziell ist es ein Statusgespräch zu {product}. Tatsächlich will {cto.first} {cto.last} prüfen, ob wir die "
               "Probleme der letzten Wochen im Griff haben, bevor über die Verlängerung gesprochen wird.", "",
               "## Stimmung",
               f"- {tickets} offene Tickets, davon {max(1, tickets // 4)} mit Prio 1 – der Kunde zählt mit",
               "- Das Update im letzten Monat lief schlecht, Ausfall über zwei Stunden. Ursache lag bei uns (Migrationsskript), "
               "das haben wir dem Kunden bisher nur teilweise gesagt.",
               f"- {buyer.first} ist genervt von den Rechnungen für Zusatztage – bitte nicht von uns aus ansprechen", "",
               "## Wer sagt was",
               f"- {rep.first}: Einstieg, Dank für die Geduld, Fahrplan bis zur Verlängerung",
               f"- {se.first}: technische Ursache ehrlich, aber knapp; keine Namen aus unserem Team nennen",
               "- Zusagen zu Terminen nur nach Rücksprache mit dem Produktmanagement", "",
               "## Was wir NICHT ansprechen",
               f"- Die Preiserhöhung zum {short_date(c, 120)} – kommt erst mit dem Verlängerungsangebot",
               "- Den Personalwechsel im Support-Team", "",
               "## Offene interne Punkte",
               f"- [ ] @{se.first}: Root-Cause-Analyse bis morgen fertig, damit wir sie zumindest in Kurzform zeigen können",
               f"- [ ] @{rep.first}: Gutschrift über zwei Beratungstage als Geste vorbereiten? Freigabe {boss.name}",
               "- [ ] Nach dem Termin: Kurzprotokoll hier ergänzen, **nicht** per Mail an den Kunden", ""]
        if c.maybe():
            out += ["## Nachtrag", f"{boss.first}: Gutschrift ist ok, aber nur wenn das Thema aktiv aufkommt."]
    else:
        out = [f"# Briefing interno: reunión con {customer.name} el {short_date(c, 3)}", "",
               "> **Solo uso interno – no reenviar al cliente ni subir al portal.**", "",
               f"**Por nuestra parte:** {rep.name} (comercial), {se.name} (preventa)"
               f"{', ' + boss.name + ' (dirección)' if c.maybe() else ''}  ",
               f"**Por el cliente:** {cto.name} ({cto.role}), {buyer.name} ({buyer.role})", "",
               "## De qué va realmente",
               f"Oficialmente es una reunión de seguimiento de {product}. En realidad {cto.first} quiere comprobar si tenemos "
               "controlados los problemas de las últimas semanas antes de hablar de la renovación.", "",
               "## Ambiente",
               f"- {tickets} incidencias abiertas, {max(1, tickets // 4)} de prioridad 1; el cliente las tiene contadas",
               "- La actualización del mes pasado salió mal, más de dos horas de caída. La causa fue nuestra (script de "
               "migración) y al cliente solo se lo hemos contado a medias.",
               f"- A {buyer.first} le molestan las facturas de jornadas adicionales; mejor no sacar el tema nosotros", "",
               "## Quién dice qué",
               f"- {rep.first}: apertura, agradecer la paciencia, hoja de ruta hasta la renovación",
               f"- {se.first}: causa técnica con honestidad pero breve; sin nombrar a nadie del equipo",
               "- Ningún compromiso de fechas sin hablarlo antes con producto", "",
               "## Lo que NO vamos a mencionar",
               f"- La subida de precios a partir del {short_date(c, 120)}; irá en la oferta de renovación",
               "- Los cambios de personal en el equipo de soporte", "",
               "## Pendientes internos",
               f"- [ ] @{se.first}: terminar el análisis de causa raíz para mañana, al menos en versión resumida",
               f"- [ ] @{rep.first}: ¿preparamos un abono de dos jornadas como gesto? Necesita el visto bueno de {boss.name}",
               "- [ ] Después de la reunión: completar aquí un acta breve, **no** enviarla por correo al cliente", ""]
        if c.maybe():
            out += ["## Añadido", f"{boss.first}: el abono está aprobado, pero solo si el cliente saca el tema."]
    return Built(text(out))


@template("internal_comment", "internal.b5_ticket_comments", ("en", "fr"), ".json")
def internal_ticket_comments(c: Ctx) -> Built:
    customer = c.company()
    vendor = c.vendor()
    agents = [c.person(vendor, lang=c.lang) for _ in range(3)]
    reporter = c.person(customer)
    key = f"SUP-{c.rng.randint(1000, 9999)}"
    product = c.pick(_PRODUCT_NAMES)
    version = f"{c.rng.randint(3, 7)}.{c.rng.randint(0, 9)}.{c.rng.randint(0, 9)}"
    when = [c.later(0), c.later(0), c.later(1), c.later(1), c.later(2), c.later(3)]
    if c.lang == "en":
        summary = f"{product} {version}: nightly export to the ERP stops with timeout"
        bodies = [
            f"Reproduced on our lab with {version}. It is the new batching code – the export loads everything into memory "
            "before sending. Not a config problem on their side.",
            f"Please don't tell {reporter.first} it is a bug yet, we are waiting for R&D to confirm. For now: 'we are analysing'.",
            f"This is the third ticket from {customer.name} this quarter and renewal is in {c.rng.randint(2, 5)} months. "
            "Flagging to the account manager.",
            "R&D confirms. Fix planned for the next patch. Workaround: set export.batchSize to 500. Let's give them the "
            "workaround today and present it as a tuning recommendation.",
            "Disagree on hiding it – they will see the fix in the release notes anyway. Suggest we say it openly and offer "
            "the patch early.",
            "Agreed with the team lead: we tell them it is a known issue with a fix on the way. Closing the internal thread.",
        ]
        visibility = "Internal (agents only)"
    else:
        summary = f"{product} {version} : l'export nocturne vers l'ERP s'arrête sur un timeout"
        bodies = [
            f"Reproduit sur notre labo en {version}. C'est le nouveau code de traitement par lots : l'export charge tout en "
            "mémoire avant l'envoi. Pas un problème de paramétrage chez eux.",
            f"Merci de ne pas encore dire à {reporter.first} que c'est un bug, on attend la confirmation de la R&D. "
            "Pour l'instant : « analyse en cours ».",
            f"C'est le troisième ticket de {customer.name} ce trimestre et le renouvellement tombe dans "
            f"{c.rng.randint(2, 5)} mois. Je préviens le commercial.",
            "La R&D confirme. Correctif prévu dans le prochain patch. Contournement : export.batchSize = 500. On leur donne "
            "le contournement aujourd'hui en le présentant comme une recommandation d'optimisation.",
            "Pas d'accord pour le cacher : ils verront le correctif dans les notes de version de toute façon. Je propose de le "
            "dire franchement et de leur livrer le patch en avance.",
            "Validé avec le responsable d'équipe : on leur annonce un problème connu avec un correctif en cours. Je clos le fil interne.",
        ]
        visibility = "Interne (agents uniquement)"
    chosen = bodies[:2] + c.some(bodies[2:5], 2, 3) + bodies[5:]
    comments = []
    for n, body in enumerate(chosen):
        author = agents[n % len(agents)] if n else agents[0]
        comments.append({"id": str(c.rng.randint(100000, 999999)), "author": {"displayName": author.name, "emailAddress": author.email},
                         "created": f"{when[n].isoformat()}T{9 + n:02d}:{c.rng.randint(0, 59):02d}:00.000+0000",
                         "visibility": {"type": "role", "value": visibility}, "body": body})
    issue = {"key": key, "fields": {
        "summary": summary, "issuetype": {"name": "Incident"}, "priority": {"name": c.pick(("High", "Highest", "Medium"))},
        "status": {"name": c.pick(("In Progress", "Waiting for R&D", "Resolved"))},
        "customfield_10010": {"organisation": customer.name},
        "reporter": {"displayName": reporter.name, "emailAddress": reporter.email},
        "assignee": {"displayName": agents[0].name, "emailAddress": agents[0].email},
        "created": f"{c.day.isoformat()}T08:{c.rng.randint(10, 59)}:00.000+0000",
        "comment": {"total": len(comments), "comments": comments}}}
    return Built((json.dumps(issue, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------- correspondence


@template("correspondence", "mail.b5_fax_cover", ("de", "fr"), ".pdf")
def mail_fax_cover(c: Ctx) -> Built:
    sender_co, rec_co = c.company(), c.company()
    while rec_co == sender_co:
        rec_co = c.company()
    sender, recipient = c.person(sender_co), c.person(rec_co)
    fax = c.t({"de": f"+49 {c.pick(('30', '89', '221', '711'))} {c.rng.randint(100000, 999999)}-{c.rng.randint(10, 99)}",
               "fr": f"+33 {c.rng.randint(1, 5)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} "
                     f"{c.rng.randint(10, 99)} {c.rng.randint(10, 99)}"})
    pages = c.rng.randint(2, 6)
    flags = c.some(c.t({"de": ("Dringend", "Zur Kenntnisnahme", "Bitte um Rückruf", "Bitte um Rücksendung", "Zur Unterschrift"),
                        "fr": ("Urgent", "Pour information", "Merci de rappeler", "Merci de retourner", "Pour signature")}), 1, 2)
    all_flags = c.t({"de": ("Dringend", "Zur Kenntnisnahme", "Bitte um Rückruf", "Bitte um Rücksendung", "Zur Unterschrift"),
                     "fr": ("Urgent", "Pour information", "Merci de rappeler", "Merci de retourner", "Pour signature")})
    tick = "   ".join(f"[{'x' if f in flags else ' '}] {f}" for f in all_flags)
    if c.lang == "de":
        topic = c.pick(("Unterschriebene Vollmacht für die Zollabwicklung", "Bestätigung der Gewerbeanmeldung",
                        "Unterlagen zum Schadensfall vom letzten Monat", "Nachweis der Haftpflichtversicherung"))
        lines = [f"{sender_co.name} · {sender_co.street} · {sender_co.city}", "",
                 f"An: {recipient.name}", f"Firma: {rec_co.name}", f"Fax: {fax}", "",
                 f"Von: {sender.name}, {sender.role}", f"Telefon: {sender.phone}", f"Datum: {short_date(c)}",
                 f"Seiten (inkl. Deckblatt): {pages}", f"Betreff: {topic}", "", tick, "",
                 _dear(c, recipient), "",
                 f"wie heute Vormittag telefonisch besprochen, erhalten Sie anbei vorab per Fax: {topic}. Das Original geht "
                 "Ihnen zusätzlich mit der Post zu.",
                 c.pick(("Bitte bestätigen Sie uns den Eingang kurz per Rückfax oder telefonisch.",
                         "Sollten Seiten fehlen oder unleserlich sein, rufen Sie mich bitte direkt an.",
                         "Für Rückfragen stehe ich Ihnen gerne zur Verfügung.")), "",
                 "Mit freundlichen Grüßen", "", sender.name, "",
                 "Dieses Fax enthält vertrauliche Informationen und ist ausschließlich für den Empfänger bestimmt. Sollten Sie "
                 "es irrtümlich erhalten haben, benachrichtigen Sie bitte umgehend den Absender und vernichten Sie das Dokument."]
        title = "TELEFAX"
    else:
        topic = c.pick(("Pouvoir signé pour les formalités douanières", "Extrait Kbis à jour",
                        "Pièces relatives au sinistre du mois dernier", "Attestation d'assurance responsabilité civile"))
        lines = [f"{sender_co.name} · {sender_co.street} · {sender_co.city}", "",
                 f"Destinataire : {recipient.name}", f"Société : {rec_co.name}", f"Fax : {fax}", "",
                 f"Expéditeur : {sender.name}, {sender.role}", f"Téléphone : {sender.phone}", f"Date : {short_date(c)}",
                 f"Nombre de pages (y compris celle-ci) : {pages}", f"Objet : {topic}", "", tick, "",
                 _dear(c, recipient), "",
                 f"Comme convenu ce matin par téléphone, vous trouverez ci-joint par télécopie : {topic}. L'original vous "
                 "parvient par courrier.",
                 c.pick(("Merci de bien vouloir m'en accuser réception par retour de fax ou par téléphone.",
                         "Si des pages manquent ou sont illisibles, n'hésitez pas à m'appeler directement.",
                         "Je reste à votre disposition pour tout complément d'information.")), "",
                 f"Je vous prie d'agréer, {_dear(c, recipient)[:-1]}, l'expression de mes salutations distinguées.", "", sender.name,
                 "",
                 "Ce fax contient des informations confidentielles destinées exclusivement à son destinataire. Si vous l'avez reçu "
                 "par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire."]
        title = "TÉLÉCOPIE"
    return Built(pdf(title, lines, c, sender.name))


@template("correspondence", "mail.b5_invitation", ("en", "es"), ".eml")
def mail_invitation(c: Ctx) -> Built:
    host_co = c.vendor() if c.lang == "en" else c.company()
    guest_co = c.company()
    while guest_co == host_co:
        guest_co = c.company()
    host = c.person(host_co, lang=c.lang)
    guests = [c.person(guest_co) for _ in range(c.rng.randint(1, 3))]
    colleague = c.person(host_co, lang=c.lang)
    meet = c.later(c.rng.randint(7, 30))
    hour = c.pick((9, 10, 11, 14))
    duration = c.pick((1, 2, 3))
    room = c.pick(("Harbour", "Atlas", "Columbus", "Meridian"))
    uid = f"{token(c, 8, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 12, HEX)}"
    if c.lang == "en":
        subject = f"Invitation: annual review meeting – {c.datestr(meet, long=True)}"
        body = "\n".join([
            f"Dear {guests[0].first}{',' if len(guests) == 1 else ' and colleagues,'}", "",
            f"Thank you again for the good cooperation this year. We would like to invite you to our annual review meeting "
            f"on {c.datestr(meet, long=True)} from {hour}:00 to {hour + duration}:00 at our office, {host_co.street}, "
            f"{host_co.city} (meeting room {room}).", "",
            "Proposed agenda:",
            "1. Review of the past year from your point of view",
            "2. Plans and priorities on your side for the coming year",
            "3. Support and communication – what should we do differently?",
            "4. Any other business", "",
            f"My colleague {colleague.name} will join us. Parking is available in the visitors' car park; please register at "
            "reception on arrival." if c.maybe() else
            f"My colleague {colleague.name} will join us. If you prefer to meet online, just let me know and I will send a Teams link.",
            "", "I have attached a calendar invitation. Please let me know if the date does not suit you.", "",
            "Kind regards,", host.name, "Account Manager", host_co.name, host.phone])
        summary, location = "Annual review meeting", f"{host_co.name}, {host_co.street}, {host_co.city} – room {room}"
    else:
        subject = f"Convocatoria: reunión anual de seguimiento – {c.datestr(meet, long=True)}"
        mate = "mi compañera" if _female(colleague) else "mi compañero"
        body = "\n".join([
            _dear(c, guests[0]) if len(guests) == 1 else "Estimados todos:", "",
            "Ante todo, gracias por la buena colaboración de este año. Nos gustaría invitarles a nuestra reunión anual de "
            f"seguimiento el {c.datestr(meet, long=True)}, de {hour}:00 a {hour + duration}:00, en nuestras oficinas de "
            f"{host_co.street}, {host_co.city} (sala {room}).", "",
            "Orden del día propuesto:",
            "1. Balance del año desde su punto de vista",
            "2. Planes y prioridades de su empresa para el próximo año",
            "3. Soporte y comunicación: ¿qué podemos mejorar?",
            "4. Ruegos y preguntas", "",
            f"Nos acompañará {mate} {colleague.name}. Disponen de aparcamiento para visitas; al llegar, por favor, "
            "identifíquense en recepción." if c.maybe() else
            f"Nos acompañará {mate} {colleague.name}. Si prefieren una reunión en línea, indíquenmelo y les envío el "
            "enlace de Teams.",
            "", "Adjunto la convocatoria para su calendario. Si la fecha no les viene bien, no duden en decírmelo.", "",
            "Un cordial saludo,", host.name, "Gerente de cuentas", host_co.name, host.phone])
        summary, location = "Reunión anual de seguimiento", f"{host_co.name}, {host_co.street}, {host_co.city} – sala {room}"
    zone = c.t({"en": "Europe/London", "es": "Europe/Madrid"})
    start = f"{meet:%Y%m%d}T{hour:02d}0000"
    end = f"{meet:%Y%m%d}T{hour + duration:02d}0000"
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0", "METHOD:REQUEST",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{c.day:%Y%m%d}T090000Z", f"DTSTART;TZID={zone}:{start}",
        f"DTEND;TZID={zone}:{end}", f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}", f"ORGANIZER;CN={host.name}:mailto:{host.email}",
        *[f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={g.name}:mailto:{g.email}" for g in guests],
        "END:VEVENT", "END:VCALENDAR", ""]).encode("utf-8")
    return Built(eml(c, host, guests, subject, body, cc=[colleague], attachments=[("invite.ics", ics, "application/ics")]))


# --------------------------------------------------------------------------- personnel


@template("personnel", "hr.b5_shift_roster", ("de", "es"), ".xlsx")
def hr_shift_roster(c: Ctx) -> Built:
    company = c.company()
    planner = c.person(company)
    monday = c.day - timedelta(days=c.day.weekday())
    week = monday.isocalendar()[1]
    de = c.lang == "de"
    days = [monday + timedelta(days=i) for i in range(7)]
    day_names = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So") if de else ("L", "M", "X", "J", "V", "S", "D")
    codes = ("F", "S", "N", "frei", "U", "K") if de else ("M", "T", "N", "L", "V", "B")
    hours = {codes[0]: 8, codes[1]: 8, codes[2]: 8, codes[3]: 0, codes[4]: 8, codes[5]: 8}
    jobs = c.t({"de": ("Lagerist/in", "Kommissionierer/in", "Staplerfahrer/in", "Schichtleiter/in", "Versand"),
                "es": ("Mozo/a de almacén", "Preparador/a de pedidos", "Carretillero/a", "Jefe/a de turno", "Expedición")})
    team = [c.person(company) for _ in range(c.rng.randint(8, 14))]
    roster: list[list[object]] = []
    account: list[list[object]] = []
    for person in team:
        number = c.rng.randint(10000, 99999)
        base = c.pick(codes[:3])
        weekly = c.pick((40, 38, 30, 20)) if de else c.pick((40, 40, 30, 20))
        workdays = {40: 5, 38: 5, 30: 4, 20: 3}[weekly]
        on = set(c.rng.sample(range(7), workdays)) if c.maybe(0.3) else set(range(workdays))
        shifts = []
        for index in range(7):
            if index not in on:
                shifts.append(codes[3])
            elif c.maybe(0.07):
                shifts.append(codes[4])
            elif c.maybe(0.04):
                shifts.append(codes[5])
            else:
                shifts.append(base)
        actual = sum(hours[s] for s in shifts)
        roster.append([number, f"{person.last}, {person.first}", c.pick(jobs), *shifts, weekly, actual])
        carry = round(c.rng.uniform(-12, 30), 1)
        account.append([number, f"{person.last}, {person.first}", carry, weekly, actual, round(carry + actual - weekly, 1),
                        c.rng.randint(0, 24)])
    heads = [f"{name} {d:%d.%m.}" if de else f"{name} {d:%d/%m}" for name, d in zip(day_names, days, strict=True)]
    if de:
        legend: list[list[object]] = [["F", "Frühschicht 06:00–14:00"], ["S", "Spätschicht 14:00–22:00"],
                                      ["N", "Nachtschicht 22:00–06:00"], ["frei", "dienstfrei"], ["U", "Urlaub"],
                                      ["K", "krank (AU liegt vor)"],
                                      ["Hinweis", f"Tauschwünsche bis Donnerstag der Vorwoche an {planner.name}. Der Plan ist mit dem "
                                                  "Betriebsrat abgestimmt."]]
        sheets: list[Sheet] = [
            (f"KW {week}", ["Pers.-Nr.", "Name", "Tätigkeit", *heads, "Soll-Std.", "Plan-Std."], roster),
            ("Legende", ["Kürzel", "Bedeutung"], legend),
            ("Stundenkonto", ["Pers.-Nr.", "Name", "Übertrag Vormonat", "Soll", "Ist", "Saldo", "Resturlaub Tage"], account),
        ]
    else:
        legend = [["M", "Turno de mañana 06:00–14:00"], ["T", "Turno de tarde 14:00–22:00"], ["N", "Turno de noche 22:00–06:00"],
                  ["L", "Libranza"], ["V", "Vacaciones"], ["B", "Baja médica (IT)"],
                  ["Nota", f"Los cambios de turno se solicitan a {planner.name} antes del jueves de la semana anterior. "
                           "Cuadrante acordado con el comité de empresa."]]
        sheets = [
            (f"Semana {week}", ["N.º empleado", "Nombre", "Puesto", *heads, "Horas contrato", "Horas planificadas"], roster),
            ("Leyenda", ["Código", "Significado"], legend),
            ("Bolsa de horas", ["N.º empleado", "Nombre", "Saldo mes anterior", "Horas contrato", "Horas reales", "Saldo",
                                "Días de vacaciones pendientes"], account),
        ]
    return Built(xlsx(sheets, c, planner.name))


@template("personnel", "hr.b5_exit_interview", ("en", "fr"), ".docx")
def hr_exit_interview(c: Ctx) -> Built:
    company = c.company()
    leaver, manager, hr = c.person(company), c.person(company), c.person(company)
    start = c.later(-c.rng.randint(400, 3000))
    last_day = c.later(c.rng.randint(5, 40))
    holidays = c.rng.randint(0, 14)
    overtime = c.rng.randint(0, 40)
    dept = c.pick(c.t({"en": ("Finance", "Sales", "IT", "Logistics", "Customer Service"),
                       "fr": ("Finance", "Ventes", "Informatique", "Logistique", "Service client")}))
    if c.lang == "en":
        reason = c.pick(("Better salary offer elsewhere", "Relocation for family reasons", "Lack of career progression",
                         "Workload and overtime", "Wants to change sector"))
        blocks: list[str | list[list[str]]] = [
            "CONFIDENTIAL – HR file only",
            [["Employee", leaver.name], ["Employee no.", str(c.rng.randint(1000, 9999))], ["Department", dept],
             ["Job title", leaver.role], ["Line manager", manager.name], ["Start date", c.datestr(start, long=False)],
             ["Last working day", c.datestr(last_day, long=False)], ["Type of leaving", "Resignation by employee"],
             ["Interview held by", f"{hr.name}, HR"], ["Date of interview", short_date(c)]],
            "## Main reason for leaving",
            f"{reason}. {leaver.first} said the decision was not easy and that the team itself was a reason to stay.",
            "## Feedback",
            "- Relationship with line manager: "
            + c.pick(("good, regular one-to-ones", "fair, little feedback", "difficult in the last six months")),
            "- Training and development: "
            + c.pick(("good onboarding, little afterwards", "would have liked the promised certification", "satisfied")),
            f"- Pay and benefits: {c.pick(('below market for the role', 'fair', 'bonus scheme not transparent'))}",
            "- Would recommend the company to a friend: " + c.pick(("yes", "probably", "not at the moment")),
            "- Would consider coming back: " + c.pick(("yes", "maybe in a few years", "no")),
            "## Leaving checklist",
            [["Item", "Status"], ["Laptop and charger returned", c.pick(("done", "due on last day"))],
             ["Access badge returned", "due on last day"], ["Company phone", c.pick(("returned", "not issued"))],
             ["Accounts disabled (IT ticket)", "requested"], ["Handover notes to manager", c.pick(("done", "in progress"))]],
            "## Final pay",
            f"Outstanding holiday: {holidays} days, to be paid with the final salary. Overtime balance: {overtime} hours. "
            "P45 will be issued after the last payroll run.",
            "## HR notes",
            c.pick(("Pattern: third resignation in this team within a year – discuss with the head of department.",
                    "No action needed.", "Recommend a salary benchmark for this role before recruiting a replacement.")),
        ]
        title = "Exit interview record"
    else:
        reason = c.pick(("Meilleure proposition salariale ailleurs", "Déménagement pour raisons familiales",
                         "Manque de perspectives d'évolution", "Charge de travail et heures supplémentaires",
                         "Souhaite changer de secteur"))
        blocks = [
            "CONFIDENTIEL – dossier RH",
            [["Salarié(e)", leaver.name], ["Matricule", str(c.rng.randint(1000, 9999))], ["Service", dept], ["Poste", leaver.role],
             ["Responsable hiérarchique", manager.name], ["Date d'entrée", c.datestr(start, long=False)],
             ["Dernier jour travaillé", c.datestr(last_day, long=False)], ["Motif de départ", "Démission"],
             ["Entretien mené par", f"{hr.name}, RH"], ["Date de l'entretien", short_date(c)]],
            "## Principale raison du départ",
            f"{reason}. {leaver.first} indique que la décision n'a pas été simple et que l'équipe était une raison de rester.",
            "## Retours",
            "- Relation avec le manager : "
            + c.pick(("bonne, entretiens réguliers", "correcte, peu de retours", "difficile ces six derniers mois")),
            "- Formation et évolution : "
            + c.pick(("bonne intégration, peu de suivi ensuite", "la certification promise n’a pas eu lieu", "satisfait(e)")),
            f"- Rémunération et avantages : {c.pick(('en dessous du marché pour le poste', 'correcte', 'système de primes peu lisible'))}",
            "- Recommanderait l'entreprise : " + c.pick(("oui", "probablement", "pas pour le moment")),
            "- Envisagerait de revenir : " + c.pick(("oui", "peut-être dans quelques années", "non")),
            "## Restitution du matériel",
            [["Élément", "Statut"], ["Ordinateur portable et chargeur", c.pick(("restitué", "prévu le dernier jour"))],
             ["Badge d'accès", "prévu le dernier jour"], ["Téléphone professionnel", c.pick(("restitué", "non attribué"))],
             ["Désactivation des comptes (ticket DSI)", "demandée"], ["Passation au manager", c.pick(("faite", "en cours"))]],
            "## Solde de tout compte",
            f"Congés payés restants : {holidays} jours, versés avec le dernier salaire. Heures supplémentaires : {overtime} h. "
            "Certificat de travail et attestation France Travail remis le dernier jour.",
            "## Remarques RH",
            c.pick(("Troisième démission dans cette équipe en un an : à aborder avec le directeur du service.",
                    "Pas d'action particulière.", "Prévoir une étude de rémunération pour ce poste avant de recruter.")),
        ]
        title = "Compte rendu d'entretien de départ"
    return Built(docx(title, blocks, c, hr.name))


# --------------------------------------------------------------------------- financial


@template("financial", "fin.b5_vat_return", ("fr", "es"), ".xlsx")
def fin_vat_return(c: Ctx) -> Built:
    company = c.company()
    accountant = c.person(company)
    fr = c.lang == "fr"
    month = c.day.month
    year = c.day.year
    rates = (20.0, 10.0, 5.5) if fr else (21.0, 10.0, 4.0)
    bases = [round(c.rng.uniform(5_000, 480_000), 2) if i == 0 else round(c.rng.uniform(0, 40_000), 2) for i in range(3)]
    collected = [round(b * r / 100, 2) for b, r in zip(bases, rates, strict=True)]
    deduct_goods = round(sum(collected) * c.rng.uniform(0.3, 0.7), 2)
    deduct_assets = round(c.rng.uniform(0, 12_000), 2)
    carry = round(c.rng.uniform(0, 4_000), 2) if c.maybe(0.3) else 0.0
    net = round(sum(collected) - deduct_goods - deduct_assets - carry, 2)
    journals: list[list[object]] = []
    for _ in range(c.rng.randint(6, 10)):
        base = round(c.rng.uniform(200, 20_000), 2)
        journals.append([c.datestr(c.day.replace(day=min(28, c.rng.randint(1, 28))), long=False), c.pick(("VT", "AC", "BQ")),
                         f"{c.pick(('FA', 'FC'))}{c.rng.randint(1000, 9999)}", c.company(c.pick(("fr", "es", "de"))).name, base,
                         round(base * rates[0] / 100, 2)])
    if fr:
        months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                  "décembre")
        period = f"{months[month - 1]} {year}"
        sheets: list[Sheet] = [
            ("TVA collectée", ["Ligne CA3", "Opérations", "Taux %", "Base HT", "TVA due", "Compte"],
             [["08", "Ventes, prestations de services", rates[0], bases[0], collected[0], "445710"],
              ["9B", "Taux réduit", rates[1], bases[1], collected[1], "445712"],
              ["9B", "Taux réduit 5,5 %", rates[2], bases[2], collected[2], "445713"],
              ["16", "Total TVA brute due", "", round(sum(bases), 2), round(sum(collected), 2), ""]]),
            ("TVA déductible", ["Ligne CA3", "Nature", "Montant", "Compte"],
             [["19", "Biens constituant des immobilisations", deduct_assets, "445620"],
              ["20", "Autres biens et services", deduct_goods, "445660"],
              ["22", "Report du crédit apparaissant ligne 27 de la précédente déclaration", carry, "445670"],
              ["23", "Total TVA déductible", round(deduct_goods + deduct_assets + carry, 2), ""]]),
            ("Synthèse", ["Rubrique", "Valeur"],
             [["Société", company.name], ["Période", period], ["Régime", "Réel normal – déclaration mensuelle CA3"],
              ["TVA brute", round(sum(collected), 2)], ["TVA déductible", round(deduct_goods + deduct_assets + carry, 2)],
              ["TVA nette due (ligne 28)" if net >= 0 else "Crédit de TVA (ligne 25)", abs(net)],
              ["Date limite de dépôt et de paiement", c.datestr(c.later(c.rng.randint(15, 24)), long=False)],
              ["Préparé par", accountant.name], ["Contrôlé par", ""],
              ["Remarque", "Rapprocher le solde du 44571 avec la balance avant télédéclaration sur impots.gouv"]]),
            ("Détail journal", ["Date", "Journal", "Pièce", "Tiers", "Base HT", "TVA"], journals),
        ]
    else:
        quarter = (month - 1) // 3 + 1
        sheets = [
            ("IVA devengado", ["Casilla", "Concepto", "Tipo %", "Base imponible", "Cuota"],
             [["01-03", "Régimen general", rates[0], bases[0], collected[0]],
              ["04-06", "Régimen general", rates[1], bases[1], collected[1]],
              ["07-09", "Régimen general", rates[2], bases[2], collected[2]],
              ["27", "Total cuota devengada", "", round(sum(bases), 2), round(sum(collected), 2)]]),
            ("IVA deducible", ["Casilla", "Concepto", "Importe"],
             [["28-29", "Por cuotas soportadas en operaciones interiores corrientes", deduct_goods],
              ["30-31", "Por cuotas soportadas en operaciones interiores con bienes de inversión", deduct_assets],
              ["45", "Total a deducir", round(deduct_goods + deduct_assets, 2)]]),
            ("Resultado", ["Concepto", "Valor"],
             [["Empresa", company.name], ["Periodo", f"{quarter}T {year}"], ["Modelo", "303 – Autoliquidación IVA"],
              ["Resultado régimen general (46)", round(sum(collected) - deduct_goods - deduct_assets, 2)],
              ["Cuotas a compensar de periodos anteriores (110)", carry],
              ["Resultado de la liquidación (71)", net],
              ["Tipo de declaración", "A ingresar (domiciliación)" if net >= 0 else "A compensar"],
              ["Plazo de presentación", f"hasta el 20 del mes siguiente al trimestre ({short_date(c, c.rng.randint(15, 40))})"],
              ["Preparado por", accountant.name],
              ["Nota", "Cuadrar con el libro registro de facturas expedidas y recibidas (SII) antes de presentar"]]),
            ("Libro registro (extracto)", ["Fecha", "Diario", "Factura", "Tercero", "Base", "Cuota IVA"], journals),
        ]
    return Built(xlsx(sheets, c, accountant.name))


@template("financial", "fin.b5_loan_schedule", ("en", "de"), ".csv")
def fin_loan_schedule(c: Ctx) -> Built:
    principal = c.pick((50_000, 120_000, 250_000, 400_000, 750_000)) * 1.0
    annual = c.pick((3.15, 3.9, 4.25, 4.8, 5.6, 6.1))
    months = c.pick((24, 36, 48))
    r = annual / 100 / 12
    payment = round(principal * r / (1 - (1 + r) ** -months), 2)
    first = date(c.day.year, c.day.month, 1) + timedelta(days=40)
    first = first.replace(day=c.pick((1, 15, 30 if first.month != 2 else 28)))
    balance = principal
    rows: list[list[object]] = []
    de = c.lang == "de"

    def fmt(value: float) -> str:
        return f"{value:.2f}".replace(".", ",") if de else f"{value:.2f}"

    total_interest = 0.0
    for n in range(1, months + 1):
        due_month = (first.month - 1 + n - 1) % 12 + 1
        due_year = first.year + (first.month - 1 + n - 1) // 12
        due = date(due_year, due_month, min(first.day, 28) if due_month == 2 else first.day)
        interest = round(balance * r, 2)
        pay = payment if n < months else round(balance + interest, 2)
        repay = round(pay - interest, 2)
        total_interest += interest
        rows.append([n, due.strftime("%d.%m.%Y") if de else due.isoformat(), fmt(balance), fmt(pay), fmt(interest), fmt(repay),
                     fmt(max(balance - repay, 0.0))])
        balance = round(balance - repay, 2)
    if de:
        rows.append(["Summe", "", "", fmt(sum(float(str(row[3]).replace(",", ".")) for row in rows)), fmt(total_interest),
                     fmt(principal), ""])
        header = ["Rate Nr.", "Fälligkeit", "Restschuld vor Rate", "Annuität", "Zinsanteil", "Tilgungsanteil",
                  "Restschuld nach Rate"]
        return Built(csv_text(header, rows, delimiter=";"))
    rows.append(["Total", "", "", fmt(sum(float(str(row[3])) for row in rows)), fmt(total_interest), fmt(principal), ""])
    header = ["Payment no.", "Due date", "Opening balance", "Instalment", "Interest", "Principal", "Closing balance"]
    return Built(csv_text(header, rows))


# --------------------------------------------------------------------------- source_code


@template("source_code", "code.b5_js", ("en", "fr"), ".js")
def code_js(c: Ctx) -> Built:
    author = c.person(c.vendor(), lang=c.lang)
    host = c.pick(("erp", "api", "erp-api", "sap-gw")) + "." + c.company().domain
    limit = c.pick((100, 200, 500))
    threshold = c.pick((5, 10, 25))
    en = c.lang == "en"
    com = {
        "head": ("Syncs stock levels from the ERP into the web shop. Run hourly from cron.",
                 "Synchronise les niveaux de stock de l'ERP vers la boutique en ligne. Lancé toutes les heures par cron."),
        "cfg": ("Configuration comes from the environment – never hard-code tokens here.",
                "La configuration vient de l'environnement : ne jamais mettre de jeton en dur ici."),
        "page": ("Fetch one page of articles; the ERP caps the page size.",
                 "Récupère une page d'articles ; l'ERP limite la taille des pages."),
        "retry": ("Retry with exponential backoff, the ERP returns 503 during its nightly backup.",
                  "Nouvel essai avec attente exponentielle : l'ERP renvoie 503 pendant sa sauvegarde nocturne."),
        "low": ("Articles below this quantity are flagged as low stock in the shop.",
                "En dessous de cette quantité, l'article est signalé « stock faible » dans la boutique."),
        "main": ("Main loop: read all pages, push the changed quantities, log a summary.",
                 "Boucle principale : lit toutes les pages, envoie les quantités modifiées, journalise un résumé."),
        "done": ("Done: {0} articles checked, {1} updated, {2} low stock",
                 "Terminé : {0} articles vérifiés, {1} mis à jour, {2} en stock faible"),
        "err": ("Stock sync failed:", "Échec de la synchronisation des stocks :"),
    }
    i = 0 if en else 1
    lines = [
        "#!/usr/bin/env node",
        "/**",
        f" * stock-sync.js – {com['head'][i]}",
        f" * @author {author.name} <{author.email}>",
        f" * @since {c.day.isoformat()}",
        " */",
        "'use strict';",
        "",
        "const fs = require('node:fs/promises');",
        "const path = require('node:path');",
        "",
        f"// {com['cfg'][i]}",
        f"const ERP_URL = process.env.ERP_URL || 'https://{host}/api/v2';",
        "const SHOP_URL = process.env.SHOP_URL;",
        "const TOKEN = process.env.ERP_TOKEN;",
        f"const PAGE_SIZE = {limit};",
        f"// {com['low'][i]}",
        f"const LOW_STOCK = {threshold};",
        "const STATE_FILE = path.join(__dirname, '.last-sync.json');",
        "",
        "const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));",
        "",
        f"// {com['retry'][i]}",
        "async function fetchWithRetry(url, options = {}, attempts = 4) {",
        "  for (let attempt = 1; attempt <= attempts; attempt++) {",
        "    const res = await fetch(url, { ...options, headers: { Authorization: `Bearer ${TOKEN}`, ...options.headers } });",
        "    if (res.ok) return res.json();",
        "    if (res.status !== 503 || attempt === attempts) {",
        "      throw new Error(`${res.status} ${res.statusText} for ${url}`);",
        "    }",
        "    await sleep(2 ** attempt * 1000);",
        "  }",
        "}",
        "",
        f"// {com['page'][i]}",
        "async function fetchArticles(page) {",
        "  return fetchWithRetry(`${ERP_URL}/articles?page=${page}&size=${PAGE_SIZE}&fields=sku,qty,warehouse`);",
        "}",
        "",
        "async function loadState() {",
        "  try {",
        "    return JSON.parse(await fs.readFile(STATE_FILE, 'utf8'));",
        "  } catch {",
        "    return {};",
        "  }",
        "}",
        "",
        f"// {com['main'][i]}",
        "async function main() {",
        "  const previous = await loadState();",
        "  const current = {};",
        "  let checked = 0;",
        "  let updated = 0;",
        "  let low = 0;",
        "  for (let page = 0; ; page++) {",
        "    const { items, last } = await fetchArticles(page);",
        "    for (const { sku, qty } of items) {",
        "      checked++;",
        "      current[sku] = qty;",
        "      if (qty < LOW_STOCK) low++;",
        "      if (previous[sku] === qty) continue;",
        "      await fetchWithRetry(`${SHOP_URL}/products/${encodeURIComponent(sku)}/stock`, {",
        "        method: 'PUT',",
        "        headers: { 'Content-Type': 'application/json' },",
        "        body: JSON.stringify({ quantity: qty, lowStock: qty < LOW_STOCK }),",
        "      });",
        "      updated++;",
        "    }",
        "    if (last) break;",
        "  }",
        "  await fs.writeFile(STATE_FILE, JSON.stringify(current));",
        "  console.log(`" + com["done"][i].format("${checked}", "${updated}", "${low}") + "`);",
        "}",
        "",
        "main().catch((err) => {",
        f"  console.error('{com['err'][i].replace(chr(39), chr(92) + chr(39))}', err.message);",
        "  process.exitCode = 1;",
        "});",
    ]
    return Built(text(lines))


@template("source_code", "code.b5_powershell", ("de", "es"), ".ps1")
def code_powershell(c: Ctx) -> Built:
    company = c.company()
    author = c.person(company)
    domain = company.domain.split(".")[0]
    ou = c.pick(("Mitarbeiter", "Benutzer", "Staff") if c.lang == "de" else ("Empleados", "Usuarios", "Staff"))
    de = c.lang == "de"
    t = {
        "syn": ("Legt neue Mitarbeiter aus dem HR-Export im Active Directory an und deaktiviert Austritte.",
                "Crea en Active Directory las altas del export de RR. HH. y desactiva las bajas."),
        "desc": ("Erwartet eine CSV mit Spalten Vorname;Nachname;Abteilung;Eintritt;Austritt. Läuft nachts als geplante Aufgabe.",
                 "Espera un CSV con las columnas Nombre;Apellidos;Departamento;Alta;Baja. Se ejecuta cada noche como tarea programada."),
        "pw": ("Zufälliges Startpasswort erzeugen; der Benutzer muss es bei der ersten Anmeldung ändern.",
               "Genera una contraseña inicial aleatoria; el usuario debe cambiarla en el primer inicio de sesión."),
        "sam": ("Anmeldename: vorname.nachname, Umlaute ersetzt, max. 20 Zeichen",
                "Nombre de inicio de sesión: nombre.apellido, sin tildes, máx. 20 caracteres"),
        "exists": ("existiert bereits, übersprungen", "ya existe, se omite"),
        "created": ("angelegt", "creado"),
        "disabled": ("deaktiviert und verschoben", "desactivado y movido"),
        "leavers": ("Austritte: Konto deaktivieren und in die OU 'Ausgeschieden' verschieben",
                    "Bajas: desactivar la cuenta y moverla a la OU 'Bajas'"),
        "summary": ("Fertig. Neu: {0}, deaktiviert: {1}", "Terminado. Altas: {0}, bajas: {1}"),
    }
    i = 0 if de else 1
    gone = "Ausgeschieden" if de else "Bajas"
    first_col, last_col, leave_col = ("Vorname", "Nachname", "Austritt") if de else ("Nombre", "Apellidos", "Baja")
    lines = [
        "<#",
        ".SYNOPSIS",
        f"    {t['syn'][i]}",
        ".DESCRIPTION",
        f"    {t['desc'][i]}",
        ".NOTES",
        f"    Autor: {author.name}, {short_date(c)}",
        "#>",
        "[CmdletBinding(SupportsShouldProcess)]",
        "param(",
        f"    [string]$CsvPath = '\\\\fs01\\hr-export\\{'mitarbeiter' if de else 'empleados'}.csv',",
        f"    [string]$TargetOU = 'OU={ou},DC={domain},DC=local',",
        "    [string]$LogPath = \"C:\\Scripts\\Logs\\ad-sync-$(Get-Date -Format yyyyMMdd).log\"",
        ")",
        "",
        "Import-Module ActiveDirectory",
        "$ErrorActionPreference = 'Stop'",
        "",
        "function Write-Log([string]$Message) {",
        "    $line = '{0:yyyy-MM-dd HH:mm:ss}  {1}' -f (Get-Date), $Message",
        "    Add-Content -Path $LogPath -Value $line",
        "    Write-Verbose $line",
        "}",
        "",
        f"# {t['pw'][i]}",
        "function New-StartPassword {",
        "    $chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%&?'.ToCharArray()",
        "    $plain = -join (1..16 | ForEach-Object { Get-Random -InputObject $chars })",
        "    ConvertTo-SecureString $plain -AsPlainText -Force",
        "}",
        "",
        f"# {t['sam'][i]}",
        "function Get-SamName([string]$First, [string]$Last) {",
        "    $name = ('{0}.{1}' -f $First, $Last).ToLower()",
        "    $name = $name -replace 'ä','ae' -replace 'ö','oe' -replace 'ü','ue' -replace 'ß','ss'" if de else
        "    $name = $name.Normalize([Text.NormalizationForm]::FormD) -replace '\\p{Mn}',''",
        "    $name = $name -replace '[^a-z0-9.]', ''",
        "    return $name.Substring(0, [Math]::Min(20, $name.Length))",
        "}",
        "",
        "$rows = Import-Csv -Path $CsvPath -Delimiter ';' -Encoding UTF8",
        "$created = 0; $disabled = 0",
        "",
        f"foreach ($row in $rows | Where-Object {{ -not $_.{'Austritt' if de else 'Baja'} }}) {{",
        f"    $sam = Get-SamName $row.{'Vorname' if de else 'Nombre'} $row.{'Nachname' if de else 'Apellidos'}",
        "    if (Get-ADUser -Filter \"SamAccountName -eq '$sam'\") {",
        f"        Write-Log \"$sam {t['exists'][i]}\"",
        "        continue",
        "    }",
        "    $params = @{",
        f"        Name                  = \"$($row.{first_col}) $($row.{last_col})\"",
        f"        GivenName             = $row.{'Vorname' if de else 'Nombre'}",
        f"        Surname               = $row.{'Nachname' if de else 'Apellidos'}",
        "        SamAccountName        = $sam",
        f"        UserPrincipalName     = \"$sam@{company.domain}\"",
        f"        EmailAddress          = \"$sam@{company.domain}\"",
        f"        Department            = $row.{'Abteilung' if de else 'Departamento'}",
        "        Path                  = $TargetOU",
        "        AccountPassword       = New-StartPassword",
        "        ChangePasswordAtLogon = $true",
        "        Enabled               = $true",
        "    }",
        "    if ($PSCmdlet.ShouldProcess($sam, 'New-ADUser')) {",
        "        New-ADUser @params",
        f"        Write-Log \"$sam {t['created'][i]}\"",
        "        $created++",
        "    }",
        "}",
        "",
        f"# {t['leavers'][i]}",
        f"foreach ($row in $rows | Where-Object {{ $_.{leave_col} -and [datetime]$_.{leave_col} -le (Get-Date) }}) {{",
        f"    $sam = Get-SamName $row.{'Vorname' if de else 'Nombre'} $row.{'Nachname' if de else 'Apellidos'}",
        "    $user = Get-ADUser -Filter \"SamAccountName -eq '$sam'\" -ErrorAction SilentlyContinue",
        "    if ($user -and $user.Enabled) {",
        "        Disable-ADAccount -Identity $user",
        f"        Move-ADObject -Identity $user.DistinguishedName -TargetPath 'OU={gone},DC={domain},DC=local'",
        f"        Write-Log \"$sam {t['disabled'][i]}\"",
        "        $disabled++",
        "    }",
        "}",
        "",
        f"Write-Log (\"{t['summary'][i]}\" -f $created, $disabled)",
    ]
    return Built(text(lines))


# --------------------------------------------------------------------------- credentials


@template("credentials", "cred.b5_wp_config", ("de", "fr"), ".php")
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


@template("credentials", "cred.b5_keepass_export", ("en", "es"), ".xml")
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
           f"\t\t<DatabaseName>{_x(('IT operations ' if en else 'Operaciones IT ') + company.name)}</DatabaseName>",
           f"\t\t<DatabaseDescription>{_x(description)}</DatabaseDescription>",
           f"\t\t<DefaultUserName>{_x(admin.email)}</DefaultUserName>", "\t</Meta>", "\t<Root>", "\t\t<Group>",
           f"\t\t\t<UUID>{token(c, 22)}==</UUID>", f"\t\t\t<Name>{_x(company.name)}</Name>"]
    for (g_en, g_es), entries in groups.items():
        out += ["\t\t\t<Group>", f"\t\t\t\t<UUID>{token(c, 22)}==</UUID>", f"\t\t\t\t<Name>{_x(g_en if en else g_es)}</Name>"]
        for t_en, t_es, user, secret, url, notes in c.some(entries, 2, len(entries)):
            modified = c.later(-c.rng.randint(1, 700))
            out += ["\t\t\t\t<Entry>", f"\t\t\t\t\t<UUID>{token(c, 22)}==</UUID>",
                    f"\t\t\t\t\t<Times><LastModificationTime>{modified.isoformat()}T{c.rng.randint(7, 18):02d}:12:44Z"
                    "</LastModificationTime></Times>",
                    f"\t\t\t\t\t<String><Key>Title</Key><Value>{_x(t_en if en else t_es)}</Value></String>",
                    f"\t\t\t\t\t<String><Key>UserName</Key><Value>{_x(user)}</Value></String>",
                    f'\t\t\t\t\t<String><Key>Password</Key><Value ProtectInMemory="True">{_x(secret)}</Value></String>',
                    f"\t\t\t\t\t<String><Key>URL</Key><Value>{_x(url)}</Value></String>",
                    f"\t\t\t\t\t<String><Key>Notes</Key><Value>{_x(notes[0] if en else notes[1])}</Value></String>",
                    "\t\t\t\t</Entry>"]
        out.append("\t\t\t</Group>")
    out += ["\t\t</Group>", "\t</Root>", "</KeePassFile>"]
    return Built(text(out))


# --------------------------------------------------------------------------- contact_list


@template("contact_list", "contacts.b5_outlook_export", ("de", "fr"), ".csv")
def contacts_outlook_export(c: Ctx) -> Built:
    owner = c.person()
    langs = ("de", "de", "fr", "en", "es") if c.lang == "de" else ("fr", "fr", "de", "en", "es")
    country = {"de": ("Deutschland", "Allemagne"), "fr": ("Frankreich", "France"), "en": ("Vereinigtes Königreich", "Royaume-Uni"),
               "es": ("Spanien", "Espagne")}
    cats = c.t({"de": ("Kunden", "Lieferanten", "Partner", "Presse", "Kunden;Messe"),
                "fr": ("Clients", "Fournisseurs", "Partenaires", "Presse", "Clients;Salon")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(12, 24)):
        lang = c.pick(langs)
        p = c.person(lang=lang)
        postcode, town = _postcode_city(p.company)
        female = _female(p)
        salutation = {"de": ("Herr", "Frau"), "fr": ("M.", "Mme"), "en": ("Mr", "Ms"), "es": ("Sr.", "Sra.")}[lang][female]
        mobile = {"de": f"+49 15{c.rng.randint(1, 9)} {c.rng.randint(1000000, 9999999)}",
                  "fr": f"+33 6 {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)}",
                  "en": f"+44 7{c.rng.randint(100, 999)} {c.rng.randint(100000, 999999)}",
                  "es": f"+34 6{c.rng.randint(10, 99)} {c.rng.randint(100, 999)} {c.rng.randint(100, 999)}"}[lang]
        land = country[lang][0 if c.lang == "de" else 1]
        if "," in p.company.city:
            land = "Vereinigte Staaten" if c.lang == "de" else "États-Unis"
        rows.append([salutation, p.first, "", p.last, "", p.company.name, "", p.role, p.company.street, town, postcode,
                     land, p.phone, mobile if c.maybe(0.7) else "", p.email,
                     f"{p.name} ({p.email})", c.pick(cats), ""])
    if c.lang == "de":
        header = ["Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung", "Position",
                  "Straße geschäftlich", "Ort geschäftlich", "Postleitzahl geschäftlich", "Land/Region geschäftlich",
                  "Telefon geschäftlich", "Mobiltelefon", "E-Mail-Adresse", "E-Mail: Angezeigter Name", "Kategorien", "Notizen"]
    else:
        header = ["Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Société", "Service", "Fonction", "Rue (bureau)",
                  "Ville (bureau)", "Code postal (bureau)", "Pays/Région (bureau)", "Téléphone (bureau)", "Tél. mobile",
                  "Adresse de messagerie", "Nom complet de l'adresse de messagerie", "Catégories", "Notes"]
    del owner
    return Built(csv_text(header, rows))


@template("contact_list", "contacts.b5_dealer_directory", ("en", "es"), ".html")
def contacts_dealer_directory(c: Ctx) -> Built:
    vendor = c.vendor()
    regions = c.t({"en": ("London & South East", "Midlands", "North West", "Scotland", "Northeast US", "Midwest US", "Pacific Northwest"),
                   "es": ("Madrid", "Cataluña", "Comunidad Valenciana", "Andalucía", "País Vasco", "Galicia", "Canarias")})
    levels = c.t({"en": ("Gold partner", "Silver partner", "Authorised service centre"),
                  "es": ("Partner Oro", "Partner Plata", "Servicio técnico oficial")})
    rows = []
    for region in c.some(regions, 5, 7):
        for _ in range(c.rng.randint(1, 2)):
            p = c.person()
            rows.append([region, p.company.name, p.name, f"{p.company.street}, {p.company.city}", p.phone, p.email,
                         f"www.{p.company.domain}", c.pick(levels)])
    if c.lang == "en":
        body = [f"<h1>{_h(vendor.name)} – authorised partner directory</h1>",
                f"<p>Updated {_h(long_date(c))}. For sales, installation and on-site service please contact the partner nearest to "
                "you. Partners marked <i>Authorised service centre</i> carry out warranty repairs.</p>",
                *_html_table(["Region", "Company", "Contact", "Address", "Phone", "Email", "Website", "Status"], rows),
                f"<p>Your region is not listed? Write to partners@{_h(vendor.domain)} and we will put you in touch.</p>"]
        title = "Partner directory"
    else:
        body = [f"<h1>{_h(vendor.name)} – red de distribuidores oficiales</h1>",
                f"<p>Actualizado el {_h(long_date(c))}. Para venta, instalación y servicio técnico, póngase en contacto con el "
                "distribuidor más cercano. Los marcados como <i>Servicio técnico oficial</i> realizan reparaciones en garantía.</p>",
                *_html_table(["Zona", "Empresa", "Persona de contacto", "Dirección", "Teléfono", "Correo electrónico", "Web",
                              "Categoría"], rows),
                f"<p>¿No encuentra su zona? Escríbanos a distribuidores@{_h(vendor.domain)} y le pondremos en contacto.</p>"]
        title = "Red de distribuidores"
    return Built(_html_page(c.lang, title, body))


# --------------------------------------------------------------------------- other


@template("other", "other.b5_datasheet", ("en", "fr"), ".pdf")
def other_datasheet(c: Ctx) -> Built:
    vendor = c.vendor()
    model = c.pick(("EG-200", "EG-210", "EG-300 Pro", "EG-120 Lite"))
    cpu = c.pick(("Quad-core ARM Cortex-A53, 1.6 GHz", "Intel Atom x6413E, 4 cores", "NXP i.MX 8M Plus, 4 cores"))
    ram = c.pick((2, 4, 8))
    flash = c.pick((16, 32, 64))
    temp = c.pick(("-20 to +60", "-40 to +70", "0 to +50"))
    width, depth, height = c.rng.randint(120, 180), c.rng.randint(90, 130), c.rng.randint(35, 60)
    weight = c.rng.randint(450, 1200)
    ports = c.some(("2 x Gigabit Ethernet (RJ45)", "1 x RS-485", "1 x RS-232", "2 x USB 2.0", "1 x CAN bus", "4 x digital I/O",
                    "1 x micro SD slot"), 3, 6)
    if c.lang == "en":
        lines = [f"{vendor.name} – Edge Gateway {model}", "", "Industrial edge gateway for collecting machine data and forwarding it "
                 "securely to the cloud or an on-premises platform. Fanless, DIN-rail mounting, designed for 24/7 operation.", "",
                 "Key features",
                 "- Protocol support: OPC UA, Modbus TCP/RTU, MQTT, S7",
                 "- Secure boot and TPM 2.0 for device identity",
                 "- Local buffering of up to 30 days of data during network outages",
                 "- Remote management and over-the-air updates", "",
                 "Technical specifications",
                 f"Processor: {cpu}", f"Memory: {ram} GB LPDDR4", f"Storage: {flash} GB eMMC",
                 f"Interfaces: {', '.join(ports)}", "Wireless (optional): LTE Cat 4, Wi-Fi 802.11ac",
                 "Power supply: 12–48 V DC, typ. 6 W", f"Operating temperature: {temp} °C",
                 "Protection class: IP30", f"Dimensions (W x D x H): {width} x {depth} x {height} mm", f"Weight: {weight} g",
                 "MTBF: > 200,000 hours (Telcordia SR-332)", "",
                 "Certifications: CE, UKCA, FCC Part 15 Class A, UL 62368-1, RoHS", "",
                 "Scope of delivery: gateway, DIN-rail clip, terminal block for power, quick installation guide", "",
                 f"Subject to technical changes. Version {c.rng.randint(1, 4)}.{c.rng.randint(0, 9)}, {short_date(c)}."]
        title = f"Data sheet Edge Gateway {model}"
    else:
        lines = [f"{vendor.name} – Passerelle Edge {model}", "", "Passerelle edge industrielle pour collecter les données machines et "
                 "les transmettre de façon sécurisée vers le cloud ou une plateforme sur site. Sans ventilateur, montage sur rail "
                 "DIN, conçue pour un fonctionnement 24 h/24, 7 j/7.", "",
                 "Points forts",
                 "- Protocoles : OPC UA, Modbus TCP/RTU, MQTT, S7",
                 "- Démarrage sécurisé et TPM 2.0 pour l'identité de l'équipement",
                 "- Mise en mémoire tampon locale jusqu'à 30 jours en cas de coupure réseau",
                 "- Administration à distance et mises à jour à distance (OTA)", "",
                 "Caractéristiques techniques",
                 "Processeur : " + cpu.replace("cores", "cœurs").replace("Quad-core", "Quatre cœurs").replace("1.6", "1,6"),
                 f"Mémoire : {ram} Go LPDDR4",
                 f"Stockage : {flash} Go eMMC",
                 "Interfaces : " + ", ".join(ports).replace("digital I/O", "E/S numériques").replace("micro SD slot", "lecteur micro SD"),
                 "Sans fil (en option) : LTE Cat 4, Wi-Fi 802.11ac",
                 "Alimentation : 12–48 V CC, 6 W typique", f"Température de fonctionnement : {temp.replace('to', 'à')} °C",
                 "Indice de protection : IP30", f"Dimensions (L x P x H) : {width} x {depth} x {height} mm", f"Poids : {weight} g",
                 "MTBF : > 200 000 heures (Telcordia SR-332)", "",
                 "Certifications : CE, FCC Part 15 classe A, UL 62368-1, RoHS", "",
                 "Contenu de la livraison : passerelle, clip rail DIN, bornier d'alimentation, guide d'installation rapide", "",
                 f"Sous réserve de modifications techniques. Version {c.rng.randint(1, 4)}.{c.rng.randint(0, 9)} du {short_date(c)}."]
        title = f"Fiche technique Passerelle Edge {model}"
    return Built(pdf(title, lines, c, vendor.name))


@template("other", "other.b5_office_move", ("de", "es"), ".pptx")
def other_office_move(c: Ctx) -> Built:
    company = c.company()
    facility = c.person(company)
    new_street = c.pick(c.t({"de": ("Am Zirkus 12", "Theodor-Heuss-Allee 80", "Hanauer Landstraße 150", "Lindleystraße 3"),
                             "es": ("Calle de Méndez Álvaro 20", "Avenida Diagonal 640", "Calle Torre Sevilla 4",
                                    "Paseo de la Alameda 35")}))
    move = c.later(c.rng.randint(20, 60))
    friday = move - timedelta(days=(move.weekday() - 4) % 7)
    monday = friday + timedelta(days=3)
    floor = c.rng.randint(2, 8)
    if c.lang == "de":
        slides: list[tuple[str, Sequence[str]]] = [
            ("Wir ziehen um!", [f"Neuer Standort: {new_street}, {company.city}", f"Umzug: ab Freitag, {c.datestr(friday, long=True)}",
                                f"Erster Arbeitstag im neuen Büro: {c.datestr(monday, long=True)}", "Info-Team Facility Management"]),
            ("Zeitplan", [f"Bis {c.datestr(friday - timedelta(days=10), long=False)}: Umzugskartons bei der Poststelle abholen",
                          f"{c.datestr(friday - timedelta(days=2), long=False)}: Schreibtische räumen, Kartons beschriften",
                          f"{c.datestr(friday, long=False)} ab 13 Uhr: Büro geschlossen, bitte mobil arbeiten",
                          f"{c.datestr(monday, long=False)}: Start im neuen Gebäude, {floor}. und {floor + 1}. OG"]),
            ("Was ihr tun müsst", ["Maximal drei Kartons pro Person", "Etiketten: Name, Team, neue Raumnummer (steht im Sitzplan)",
                                   "Pflanzen und private Gegenstände bitte selbst mitnehmen",
                                   "Monitore und Dockingstationen bleiben stehen – die IT baut um"]),
            ("Anreise und Parken", ["S-Bahn und Bus halten direkt vor dem Gebäude",
                                    f"Tiefgarage mit {c.rng.randint(20, 60)} Stellplätzen, Vergabe nach Warteliste",
                                    "Fahrradkeller und Duschen im Untergeschoss", "Jobticket gilt weiter"]),
            ("Das neue Büro", ["Offene Teamflächen und Fokusräume", "Besprechungsräume über Outlook buchbar",
                               "Kaffeeküche auf jeder Etage", "Zutritt mit dem bisherigen Mitarbeiterausweis"]),
            ("Fragen?", [f"Schreibt an umzug@{company.domain}", f"Ansprechpartner: {facility.name}, Facility Management",
                         "FAQ im Intranet wird laufend ergänzt"]),
        ]
    else:
        slides = [
            ("¡Nos mudamos!", [f"Nueva sede: {new_street}, {company.city}", f"Mudanza: a partir del viernes {c.datestr(friday, long=True)}",
                               f"Primer día en la nueva oficina: {c.datestr(monday, long=True)}", "Equipo de Servicios Generales"]),
            ("Calendario", [f"Hasta el {c.datestr(friday - timedelta(days=10), long=False)}: recoger las cajas en recepción",
                            f"{c.datestr(friday - timedelta(days=2), long=False)}: vaciar mesas y etiquetar cajas",
                            f"{c.datestr(friday, long=False)} desde las 13:00: oficina cerrada, teletrabajo",
                            f"{c.datestr(monday, long=False)}: inicio en el nuevo edificio, plantas {floor}.ª y {floor + 1}.ª"]),
            ("Qué tenéis que hacer", ["Como máximo tres cajas por persona",
                                      "Etiquetas: nombre, equipo y nuevo número de puesto (ver plano de ubicación)",
                                      "Las plantas y los objetos personales, cada uno los suyos",
                                      "Monitores y bases de conexión se quedan: IT se encarga del traslado"]),
            ("Cómo llegar y aparcar", ["Metro y autobús con parada delante del edificio",
                                       f"Aparcamiento subterráneo con {c.rng.randint(20, 60)} plazas, asignación por lista de espera",
                                       "Aparcabicis y duchas en la planta -1", "Se mantiene la ayuda al transporte"]),
            ("La nueva oficina", ["Espacios abiertos por equipos y salas de concentración", "Salas de reuniones reservables en Outlook",
                                  "Office con cafetera en cada planta", "Acceso con la tarjeta de empleado actual"]),
            ("¿Dudas?", [f"Escribid a mudanza@{company.domain}", f"Persona de contacto: {facility.name}, Servicios Generales",
                         "Las preguntas frecuentes se irán publicando en la intranet"]),
        ]
    return Built(pptx(slides, c, facility.name))
