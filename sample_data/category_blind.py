"""Blind round 6 of the category corpus: two templates per category, each in two languages.

Written without reading the lexicon, the model or the training templates (only the shared API of
sample_data.category_corpus), as documents a company's file share would really hold. Each category has one
template in English and German (or another pair) and one in the two remaining languages, so every language
appears in sixteen templates.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from xml.sax.saxutils import escape

from sample_data.category_corpus import (
    ALNUM,
    COMPANIES,
    DIGITS,
    PRODUCTS,
    VAT_RATES,
    Built,
    Company,
    Ctx,
    LineItem,
    Person,
    Sheet,
    csv_text,
    docx,
    eml,
    long_date,
    pdf,
    pptx,
    short_date,
    template,
    text,
    token,
    xlsx,
)


def _h(value: object) -> str:
    return html.escape(str(value))


def _x(value: object) -> str:
    return escape(str(value))


def _iban(c: Ctx) -> str:
    country, length = {"en": ("GB", 18), "de": ("DE", 18), "fr": ("FR", 23), "es": ("ES", 20)}[c.lang]
    raw = country + token(c, 2, DIGITS) + ("NWBK" + token(c, 14, DIGITS) if country == "GB" else token(c, length, DIGITS))
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _rtf(lines: Sequence[str]) -> bytes:
    """A minimal RTF document: '# ' lines are bold headings, others are paragraphs."""

    def enc(value: str) -> str:
        out = []
        for ch in value:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                code = ord(ch)
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
            else:
                out.append(ch)
        return "".join(out)

    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20"]
    for line in lines:
        if line.startswith("# "):
            body.append("{\\pard\\sb120\\b\\fs24 " + enc(line[2:]) + "\\par}")
        else:
            body.append("{\\pard " + enc(line) + "\\par}")
    body.append("}")
    return ("\n".join(body) + "\n").encode("ascii")


def _html(title: str, lang: str, body: Sequence[str], style: str = "") -> bytes:
    css = style or "body{font-family:Arial,sans-serif;font-size:13px}table{border-collapse:collapse}" \
                   "td,th{border:1px solid #999;padding:3px 6px}th{background:#eee}"
    head = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">', f"<title>{_h(title)}</title>",
            f"<style>{css}</style>", "</head>", "<body>"]
    return text([*head, *body, "</body>", "</html>"])


def _table_html(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_h(h)}</th>" for h in header) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{_h(v)}</td>" for v in row) + "</tr>" for row in rows]
    return [*out, "</table>"]


def _md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return out + ["| " + " | ".join(str(v) for v in row) + " |" for row in rows]


_GOODS = ("EG-200", "SEN-10", "LAP-14", "DOC-USB", "MON-27", "CBL-CAT6")


def _goods(c: Ctx, low: int, high: int) -> list[LineItem]:
    """Physical items only (no licences, support or consulting days)."""
    chosen = c.some([p for p in PRODUCTS if p[0] in _GOODS], low, high)
    return [LineItem(sku, names[c.lang], c.rng.randint(2, 40), price) for sku, names, price in chosen]


def _town(co: Company) -> str:
    """'Chicago' from 'Chicago, IL 60601', 'London' from 'London EC2R 6AY', 'Köln' from '50678 Köln'."""
    if "," in co.city:
        return co.city.split(",")[0]
    first, _, rest = co.city.partition(" ")
    return rest if first[:1].isdigit() else first


def lines_of(c: Ctx, options: Sequence[str], low: int, high: int) -> list[str]:
    return list(c.some(options, low, high))


def _sir(c: Ctx, p: Person) -> str:
    female = p.first in {"Emily", "Sophie", "Laura", "Rachel", "Hannah", "Grace", "Katrin", "Sabine", "Anna", "Julia",
                         "Claudia", "Miriam", "Élodie", "Camille", "Claire", "Léa", "Manon", "Lucía", "Carmen",
                         "Marta", "Elena", "Isabel", "Paula"}
    return c.t({"en": f"Dear {p.first}," if c.maybe() else f"Dear {'Ms' if female else 'Mr'} {p.last},",
                "de": f"Sehr geehrte Frau {p.last}," if female else f"Sehr geehrter Herr {p.last},",
                "fr": "Madame," if female else "Monsieur,",
                "es": f"Estimada {p.first}:" if female else f"Estimado {p.first}:"})


def _civ(c: Ctx, p: Person) -> str:
    return "Mme" if _sir(c, p).startswith("Madame") else "M."


# --------------------------------------------------------------------------- proof_of_concept

_PRODUCTS = ("FleetView", "DataHub", "SecureSync", "InsightCloud", "OptiRoute", "Edge Analytics")


@template("proof_of_concept", "poc.b6_acceptance", ("en", "de"), ".rtf", blind=True)
def poc_acceptance(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp, vp = c.person(cust), c.person(vendor)
    product = c.pick(_PRODUCTS)
    start = c.later(-c.rng.randint(30, 60))
    sites = c.rng.randint(1, 4)
    crit = c.t({
        "en": [f"Data from {sites} site(s) ingested automatically, no manual export", "Dashboard load time under 3 seconds",
               f"Single sign-on with {cust.name.split()[0]} Azure AD tenant", "Alerts delivered to the on-call team within 2 minutes",
               "Role-based access for plant managers and controllers", "Nightly export to the existing data warehouse",
               "Operation by customer staff after a half-day training"],
        "de": [f"Daten aus {sites} Standort(en) werden automatisch übernommen, kein manueller Export",
               "Ladezeit der Dashboards unter 3 Sekunden", "Single Sign-on über das Azure AD des Kunden",
               "Alarme erreichen die Rufbereitschaft innerhalb von 2 Minuten", "Rollenkonzept für Werkleitung und Controlling",
               "Nächtlicher Export in das bestehende Data Warehouse", "Bedienung durch Mitarbeiter des Kunden nach halbtägiger Schulung"],
    })
    marks = c.t({"en": ("met", "met", "met", "partly met"), "de": ("erfüllt", "erfüllt", "erfüllt", "teilweise erfüllt")})
    chosen = c.some(crit, 4, 6)
    if c.lang == "en":
        lines = ["# Proof of Concept – Acceptance Certificate", f"Reference: {c.code('POC', 4)}",
                 f"Customer: {cust.name}, {cust.street}, {cust.city}", f"Supplier: {vendor.name}",
                 f"Solution evaluated: {product}", f"Evaluation period: {c.datestr(start, False)} to {short_date(c)}", "",
                 "# Agreed success criteria and outcome"]
        lines += [f"{i}. {k} – {c.pick(marks)}" for i, k in enumerate(chosen, 1)]
        lines += ["", "# Remarks", c.pick((
            "The remaining open point will be addressed in the first phase of the roll-out.",
            "Performance was measured on the customer's test tenant with production-like data volumes.",
            "Minor usability findings were logged and are not blocking.")),
            "", "# Decision", c.pick(("The customer confirms that the proof of concept has been completed successfully "
                                       "and agrees to proceed to the commercial phase.",
                                       "The proof of concept is accepted with the remarks above. Both parties agree "
                                       "to prepare the roll-out plan by " + long_date(c, 21) + ".")),
            "", "# Signatures", f"For {cust.name}: {cp.name}, {cp.role}          Date: ____________",
            f"For {vendor.name}: {vp.name}, {vp.role}          Date: ____________"]
    else:
        lines = ["# Abnahmeprotokoll Proof of Concept", f"Protokoll-Nr.: {c.code('POC', 4)}",
                 f"Auftraggeber: {cust.name}, {cust.street}, {cust.city}", f"Auftragnehmer: {vendor.name}",
                 f"Getestete Lösung: {product}", f"Testzeitraum: {c.datestr(start, False)} bis {short_date(c)}", "",
                 "# Vereinbarte Erfolgskriterien und Ergebnis"]
        lines += [f"{i}. {k} – {c.pick(marks)}" for i, k in enumerate(chosen, 1)]
        lines += ["", "# Anmerkungen", c.pick((
            "Der offene Punkt wird in der ersten Phase des Rollouts umgesetzt.",
            "Die Messungen erfolgten auf der Testumgebung des Kunden mit produktionsnahen Datenmengen.",
            "Kleinere Bedienungsmängel wurden dokumentiert; sie stehen der Abnahme nicht entgegen.")),
            "", "# Ergebnis", c.pick(("Der Auftraggeber bestätigt den erfolgreichen Abschluss des Proof of Concept. "
                                       "Die Parteien treten in die Angebotsphase ein.",
                                       "Der Proof of Concept gilt unter den genannten Anmerkungen als abgenommen. Der "
                                       "Rolloutplan wird bis zum " + long_date(c, 21) + " gemeinsam erstellt.")),
            "", "# Unterschriften", f"Für {cust.name}: {cp.name}, {cp.role}          Datum: ____________",
            f"Für {vendor.name}: {vp.name}, {vp.role}          Datum: ____________"]
    return Built(_rtf(lines))


@template("proof_of_concept", "poc.b6_use_cases", ("fr", "es"), ".yaml", blind=True)
def poc_use_cases(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    owner, lead = c.person(cust), c.person(vendor)
    product = c.pick(_PRODUCTS)
    cases = c.t({
        "fr": [("Suivi des tournées en temps réel", "positions GPS des véhicules, toutes les 30 s",
                "écart de position affiché < 1 minute"),
               ("Détection des anomalies de température", "capteurs des chambres froides de l'entrepôt",
                "alerte envoyée en moins de 5 minutes"),
               ("Tableau de bord direction", "extraction mensuelle de l'ERP", "indicateurs validés par le contrôle de gestion"),
               ("Connexion SSO", "annuaire Active Directory du client", "connexion sans second mot de passe"),
               ("Rapprochement des bons de livraison", "fichiers CSV du WMS", "90 % des bons rapprochés automatiquement"),
               ("Export vers l'entrepôt de données", "API REST de la solution", "export nocturne sans erreur pendant 10 jours")],
        "es": [("Seguimiento de rutas en tiempo real", "posiciones GPS de los vehículos cada 30 s",
                "desfase de posición inferior a 1 minuto"),
               ("Detección de anomalías de temperatura", "sensores de las cámaras frigoríficas del almacén",
                "alerta enviada en menos de 5 minutos"),
               ("Cuadro de mando para dirección", "extracción mensual del ERP", "indicadores validados por control de gestión"),
               ("Acceso con SSO", "directorio activo del cliente", "acceso sin segunda contraseña"),
               ("Conciliación de albaranes", "ficheros CSV del SGA", "90 % de albaranes conciliados automáticamente"),
               ("Exportación al almacén de datos", "API REST de la solución", "exportación nocturna sin errores durante 10 días")],
    })
    status = c.t({"fr": ("à faire", "en cours", "validé", "bloqué"), "es": ("pendiente", "en curso", "validado", "bloqueado")})
    fr = c.lang == "fr"
    k = ("cas_usage", "titre", "donnees", "critere_reussite", "responsable", "statut", "priorite") if fr else \
        ("casos_uso", "titulo", "datos", "criterio_exito", "responsable", "estado", "prioridad")
    lines = [f"# {'Catalogue des cas d’usage – PoC' if fr else 'Catálogo de casos de uso – PoC'} {product}",
             f"# {'Client' if fr else 'Cliente'} : {cust.name} – {'version du' if fr else 'versión del'} {short_date(c)}",
             "poc:", f"  {'nom' if fr else 'nombre'}: \"PoC {product} {' '.join(cust.name.split()[:-1])}\"",
             f"  {'client' if fr else 'cliente'}: \"{cust.name}\"",
             f"  {'fournisseur' if fr else 'proveedor'}: \"{vendor.name}\"",
             f"  {'debut' if fr else 'inicio'}: {c.later(7).isoformat()}", f"  fin: {c.later(49).isoformat()}",
             f"  sponsor: \"{owner.name}\"", f"  {'chef_de_projet' if fr else 'jefe_proyecto'}: \"{lead.name}\"",
             f"{k[0]}:"]
    for i, (title, data, crit) in enumerate(c.some(cases, 4, 6), 1):
        lines += [f"  - id: UC-{i:02d}", f"    {k[1]}: \"{title}\"", f"    {k[2]}: \"{data}\"", f"    {k[3]}: \"{crit}\"",
                  f"    {k[4]}: \"{c.pick((owner.name, lead.name))}\"", f"    {k[6]}: {c.pick(('P1', 'P1', 'P2', 'P3'))}",
                  f"    {k[5]}: \"{c.pick(status)}\""]
    lines += [f"{'hors_perimetre' if fr else 'fuera_alcance'}:"]
    lines += [f"  - \"{x}\"" for x in c.some(c.t({
        "fr": ("Reprise de l'historique avant 2019", "Application mobile chauffeurs", "Intégration à la paie",
               "Haute disponibilité"),
        "es": ("Migración del histórico anterior a 2019", "App móvil para conductores", "Integración con nóminas",
               "Alta disponibilidad")}), 2, 3)]
    return Built(text(lines))


# --------------------------------------------------------------------------- sales_data


@template("sales_data", "sales.b6_quota_attainment", ("en", "de"), ".xlsx", blind=True)
def sales_quota(c: Ctx) -> Built:
    year, q = c.day.year, (c.day.month - 1) // 3 + 1
    regions = c.t({"en": ("North", "South", "Midlands", "Scotland", "London"), "de": ("Nord", "Süd", "West", "Ost", "Mitte")})
    names = [c.person() for _ in range(c.rng.randint(6, 10))]
    rows: list[list[object]] = []
    for p in names:
        quota = c.rng.randrange(180, 520) * 1000
        won = round(quota * c.rng.uniform(0.45, 1.35), -2)
        pipe = round(quota * c.rng.uniform(0.8, 3.2), -3)
        rows.append([p.name, c.pick(regions), quota, won, round(won / quota * 100, 1), pipe, round(pipe / max(quota - won, 1), 1)
                     if won < quota else "-"])
    rows.sort(key=lambda r: -float(str(r[4])))
    months = [c.t({"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
                   "de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")})[m]
              for m in range((q - 1) * 3, q * 3)]
    monthly: list[list[object]] = []
    for r in rows:
        won = float(str(r[3]))
        a = round(won * c.rng.uniform(0.15, 0.4), -2)
        b = round(won * c.rng.uniform(0.2, 0.4), -2)
        monthly.append([r[0], a, b, round(won - a - b, 2), won])
    if c.lang == "en":
        sheets: list[Sheet] = [
            (f"Q{q} {year} attainment", ["Sales rep", "Region", "Quota", "Closed won", "Attainment %", "Open pipeline",
                                         "Coverage of gap"], rows),
            ("Closed won by month", ["Sales rep", *months, "Quarter"], monthly)]
    else:
        sheets = [
            (f"Q{q} {year} Zielerreichung", ["Vertriebsmitarbeiter", "Gebiet", "Quote", "Auftragseingang", "Zielerreichung %",
                                             "Offene Pipeline", "Abdeckung Restziel"], rows),
            ("AE nach Monat", ["Vertriebsmitarbeiter", *months, "Quartal"], monthly)]
    if c.maybe(0.6):
        total_q = sum(float(str(r[2])) for r in rows)
        total_w = sum(float(str(r[3])) for r in rows)
        sheets.append((c.t({"en": "Summary", "de": "Zusammenfassung"}), [c.t({"en": "Measure", "de": "Kennzahl"}),
                                                                          c.t({"en": "Value", "de": "Wert"})],
                       [[c.t({"en": "Team quota", "de": "Teamquote"}), total_q],
                        [c.t({"en": "Closed won", "de": "Auftragseingang"}), total_w],
                        [c.t({"en": "Team attainment %", "de": "Zielerreichung Team %"}), round(total_w / total_q * 100, 1)],
                        [c.t({"en": "Reps at or above 100 %", "de": "Mitarbeiter ≥ 100 %"}),
                         sum(float(str(r[4])) >= 100 for r in rows)]]))
    return Built(xlsx(sheets, c, c.person().name))


@template("sales_data", "sales.b6_discount_analysis", ("fr", "es"), ".html", blind=True)
def sales_discounts(c: Ctx) -> Built:
    year, q = c.day.year, (c.day.month - 1) // 3 + 1
    customers = [co.name for co in c.some(COMPANIES[c.lang], 4, 5)]
    rows: list[list[object]] = []
    tot_g = tot_n = 0.0
    for name in customers:
        gross = c.rng.randrange(40, 400) * 1000.0
        rate = round(c.rng.uniform(3, 28), 1)
        net = gross * (1 - rate / 100)
        deals = c.rng.randint(2, 14)
        tot_g, tot_n = tot_g + gross, tot_n + net
        rows.append([name, deals, c.money(gross), f"{c.number(rate, 1)} %", c.money(net),
                     c.pick(("Grand compte", "PME", "Secteur public") if c.lang == "fr" else ("Gran cuenta", "Pyme",
                                                                                              "Sector público"))])
    avg = (1 - tot_n / tot_g) * 100
    if c.lang == "fr":
        title = f"Analyse des remises accordées – T{q} {year}"
        header = ["Client", "Nb d’affaires", "CA brut", "Remise moyenne", "CA net", "Segment"]
        intro = (f"Sur le trimestre, la remise moyenne pondérée s’établit à {c.number(avg, 1)} % pour un chiffre "
                 f"d’affaires net de {c.money(tot_n)}.")
        note = c.pick(("Les remises supérieures à 20 % ont toutes été validées par la direction commerciale.",
                       "Source : extraction CRM du " + short_date(c) + ", affaires gagnées uniquement.",
                       "Hors contrats de maintenance reconduits tacitement."))
    else:
        title = f"Análisis de descuentos concedidos – T{q} {year}"
        header = ["Cliente", "Nº operaciones", "Ventas brutas", "Descuento medio", "Ventas netas", "Segmento"]
        intro = (f"En el trimestre el descuento medio ponderado es del {c.number(avg, 1)} % sobre unas ventas netas "
                 f"de {c.money(tot_n)}.")
        note = c.pick(("Todos los descuentos superiores al 20 % fueron aprobados por la dirección comercial.",
                       "Fuente: extracción del CRM del " + short_date(c) + ", solo operaciones ganadas.",
                       "No incluye los contratos de mantenimiento renovados automáticamente."))
    body = [f"<h1>{_h(title)}</h1>", f"<p>{_h(intro)}</p>", *_table_html(header, rows), f"<p><em>{_h(note)}</em></p>"]
    return Built(_html(title, c.lang, body))


# --------------------------------------------------------------------------- sales_strategy


@template("sales_strategy", "strategy.b6_partner_programme", ("fr", "es"), ".pptx", blind=True)
def strategy_partner_programme(c: Ctx) -> Built:
    year = c.day.year + 1
    vendor = c.vendor()
    recruit = c.rng.randint(8, 25)
    share = c.rng.randint(25, 45)
    m = [c.rng.randint(8, 12), c.rng.randint(14, 20), c.rng.randint(22, 30)]
    comp = c.pick(("Tailwind Systems", "Northbridge Software", "Cobalt Analytics"))
    if c.lang == "fr":
        slides = [
            (f"Programme partenaires {year}", [vendor.name, "Direction des ventes indirectes", "Document interne – ne pas diffuser"]),
            ("Pourquoi faire évoluer le programme", [f"Le canal indirect pèse {share} % du chiffre d’affaires, objectif {share + 10} %",
                                                     "Trop de revendeurs inactifs : 40 % sans affaire depuis 12 mois",
                                                     f"{comp} recrute nos intégrateurs avec des marges plus élevées"]),
            ("Trois niveaux", [f"Silver : marge {m[0]} %, 1 commercial certifié", f"Gold : marge {m[1]} %, 2 certifiés, "
                               "engagement de chiffre d’affaires", f"Platinum : marge {m[2]} %, 4 certifiés, plan d’affaires commun"]),
            ("Leviers", ["Enregistrement des affaires : +5 points de marge pour l’apporteur", "Fonds marketing (MDF) réservés au Gold "
                         "et Platinum", "Certification en ligne gratuite pendant le lancement"]),
            ("Cibles de recrutement", [f"{recruit} nouveaux intégrateurs dans les régions Ouest et Sud-Est",
                                       "Priorité aux ESN de 50 à 300 salariés", "Éviter les conflits de canal sur les grands comptes"]),
            ("Prochaines étapes", [f"Validation par le comité de direction le {long_date(c, 14)}",
                                   "Lancement lors de la convention partenaires",
                                   "Revue des résultats à six mois"]),
        ]
    else:
        slides = [
            (f"Programa de partners {year}", [vendor.name, "Dirección de canal", "Uso interno – no distribuir"]),
            ("Por qué cambiamos el programa", [f"El canal aporta el {share} % de la facturación; objetivo {share + 10} %",
                                               "Demasiados distribuidores inactivos: 40 % sin operaciones en 12 meses",
                                               f"{comp} está captando a nuestros integradores con márgenes mayores"]),
            ("Tres niveles", [f"Silver: margen del {m[0]} %, 1 comercial certificado", f"Gold: margen del {m[1]} %, 2 certificados "
                              "y compromiso de facturación", f"Platinum: margen del {m[2]} %, 4 certificados y plan de negocio conjunto"]),
            ("Palancas", ["Registro de oportunidades: +5 puntos de margen para quien la aporta", "Fondos de marketing (MDF) solo "
                          "para Gold y Platinum", "Certificación online gratuita durante el lanzamiento"]),
            ("Objetivo de captación", [f"{recruit} nuevos integradores en Levante y Andalucía", "Prioridad a consultoras de "
                                       "50 a 300 empleados", "Evitar conflictos de canal en las grandes cuentas"]),
            ("Próximos pasos", [f"Aprobación en el comité de dirección el {long_date(c, 14)}",
                                "Presentación en el encuentro anual de partners",
                                "Revisión de resultados a los seis meses"]),
        ]
    if c.maybe():
        slides.insert(3, (c.t({"fr": "Positionnement face à la concurrence", "es": "Posicionamiento frente a la competencia"}),
                          c.t({"fr": [f"{comp} : marge jusqu’à 32 %, mais pas de support avant-vente",
                                      "Notre différence : accompagnement technique et démos clés en main"],
                               "es": [f"{comp}: margen de hasta el 32 %, pero sin soporte preventa",
                                      "Nuestra diferencia: apoyo técnico y demos listas para usar"]})))
    return Built(pptx(slides, c, c.person().name))


@template("sales_strategy", "strategy.b6_upsell_playbook", ("en", "de"), ".md", blind=True)
def strategy_upsell(c: Ctx) -> Built:
    product = c.pick(_PRODUCTS)
    accounts = [co.name for co in c.some(COMPANIES[c.lang], 3, 4)]
    target = c.rng.randint(8, 20) * 50000
    if c.lang == "en":
        lines = [f"# Upsell playbook – {product} customers", "", f"Owner: {c.person().name} · last updated {short_date(c)}", "",
                 "## Goal", f"Grow revenue from existing {product} customers by {c.money(target)} this fiscal year, mainly through "
                 "add-on modules and support upgrades rather than new logos.", "", "## When to bring it up",
                 *lines_of(c, ("- Licence usage above 85 % for two consecutive months", "- Customer opens a ticket asking for "
                               "reporting features we sell as an add-on", "- Renewal is 120 days away",
                               "- New CIO or IT head at the account", "- Customer expands to a new site or country"), 3, 5),
                 "", "## What to offer", *_md_table(["Situation", "Offer", "Price guidance"],
                                                   [["Standard support, many tickets", "Gold support", "max. 10 % discount"],
                                                    ["More than 50 users", "Analytics add-on", "bundle with renewal"],
                                                    ["Several sites", "Edge gateways", "list price, free installation"]]),
                 "", "## Handling objections",
                 "- *\"No budget this year\"* – offer a start date after their budget cycle, lock the price now.",
                 "- *\"We only use half of it\"* – propose an adoption workshop first, upsell afterwards.",
                 "", "## Focus accounts", *[f"- {a}" for a in accounts]]
    else:
        lines = [f"# Upselling-Leitfaden – Bestandskunden {product}", "", f"Verantwortlich: {c.person().name} · Stand {short_date(c)}", "",
                 "## Ziel", f"Mehrumsatz von {c.money(target)} im laufenden Geschäftsjahr mit bestehenden {product}-Kunden, vor allem "
                 "über Zusatzmodule und Support-Upgrades statt über Neukunden.", "", "## Wann ansprechen?",
                 *lines_of(c, ("- Lizenzauslastung zwei Monate in Folge über 85 %", "- Kunde fragt im Ticket nach Reporting-Funktionen, "
                               "die wir als Zusatzmodul verkaufen", "- Verlängerung steht in 120 Tagen an",
                               "- Neuer IT-Leiter beim Kunden", "- Kunde eröffnet einen neuen Standort"), 3, 5),
                 "", "## Was anbieten?", *_md_table(["Situation", "Angebot", "Preisrahmen"],
                                                   [["Standard-Support, viele Tickets", "Gold-Support", "max. 10 % Rabatt"],
                                                    ["Mehr als 50 Anwender", "Analytics-Modul", "im Paket mit der Verlängerung"],
                                                    ["Mehrere Standorte", "Edge-Gateways", "Listenpreis, Installation kostenlos"]]),
                 "", "## Einwände",
                 "- *„Kein Budget in diesem Jahr“* – Start nach dem Budgetzyklus anbieten, Preis jetzt festschreiben.",
                 "- *„Wir nutzen nur die Hälfte“* – erst einen Adoption-Workshop anbieten, danach das Upgrade.",
                 "", "## Fokuskunden", *[f"- {a}" for a in accounts]]
    return Built(text(lines))


# --------------------------------------------------------------------------- product_order


@template("product_order", "order.b6_call_off", ("de", "fr"), ".pdf", blind=True)
def order_call_off(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    buyer = c.person(cust)
    items = c.items(2, 5)
    frame = f"RV-{c.day.year - 1}-{c.rng.randint(100, 999)}"
    no = c.rng.randint(3, 24)
    total = sum(i.total for i in items)
    de = c.lang == "de"
    lines = [f"{cust.name} · {cust.street} · {cust.city}", "", vendor.name, vendor.street, vendor.city, "",
             f"{'Abruf Nr.' if de else 'Commande d’application n°'} {no:02d} – "
             f"{'zum Rahmenvertrag' if de else 'de l’accord-cadre'} {frame}",
             f"{'Datum: ' if de else 'Date : '}{short_date(c)}    {'Besteller: ' if de else 'Acheteur : '}{buyer.name}, {buyer.phone}", ""]
    lines.append("Pos.  " + ("Art.-Nr.   Bezeichnung / Menge / Einzelpreis / Gesamt" if de else
                             "Réf.       Désignation / Qté / PU HT / Total HT"))
    for i, it in enumerate(items, 1):
        lines.append(f"{i * 10:>4}  {it.sku:<9}  {it.description} / {it.quantity} / {c.money(it.unit_price)} / {c.money(it.total)}")
    lines += ["", f"{'Summe netto: ' if de else 'Total HT : '}{c.money(total)}",
              f"{'Liefertermin: ' if de else 'Date de livraison souhaitée : '}{short_date(c, c.rng.randint(7, 30))}",
              f"{'Lieferanschrift: ' if de else 'Adresse de livraison : '}{cust.street}, {cust.city}, "
              f"{c.pick(('Tor 3', 'Wareneingang Halle B')) if de else c.pick(('quai 2', 'réception marchandises'))}", ""]
    lines += c.t({"de": ["Es gelten die Preise und Bedingungen des oben genannten Rahmenvertrags. Bitte bestätigen Sie den Abruf "
                         "innerhalb von drei Werktagen und geben Sie Abruf- und Positionsnummer auf Lieferschein und Rechnung an.",
                         f"Verbleibendes Abrufvolumen nach diesem Abruf: {c.money(total * c.rng.uniform(2, 6))}"],
                  "fr": ["Les prix et conditions de l’accord-cadre cité en référence s’appliquent. Merci de confirmer la présente "
                         "commande sous trois jours ouvrés et de rappeler son numéro sur le bon de livraison et la facture.",
                         f"Montant restant sur l’accord-cadre après cette commande : {c.money(total * c.rng.uniform(2, 6))}"]})
    lines += ["", f"{buyer.name}, {buyer.role}"]
    title = c.t({"de": f"Abruf {no:02d} / {frame}", "fr": f"Commande d’application {no:02d} / {frame}"})
    return Built(pdf(title, lines, c, buyer.name))


@template("product_order", "order.b6_goods_received", ("en", "es"), ".xlsx", blind=True)
def order_goods_received(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    clerk = c.person(cust)
    po = c.code("PO", 6)
    grn = f"GRN{c.rng.randint(100000, 999999)}" if c.lang == "en" else f"ER-{c.rng.randint(10000, 99999)}"
    rows: list[list[object]] = []
    issues: list[list[object]] = []
    for i, it in enumerate(_goods(c, 3, 6), 1):
        received = it.quantity if c.maybe(0.7) else it.quantity - c.rng.randint(1, max(1, it.quantity // 3))
        damaged = c.rng.randint(1, 2) if c.maybe(0.2) else 0
        bin_ = f"{c.pick('ABC')}-{c.rng.randint(1, 20):02d}-{c.rng.randint(1, 5)}"
        rows.append([i, it.sku, it.description, it.quantity, received, damaged, received - damaged, bin_])
        if received < it.quantity or damaged:
            issues.append([it.sku, it.quantity - received, damaged,
                           c.t({"en": "Backorder – supplier to ship balance" if received < it.quantity else "Damaged packaging, "
                                "returned to carrier", "es": "Pendiente de servir" if received < it.quantity else
                                "Embalaje dañado, devuelto al transportista"})])
    if c.lang == "en":
        head = [["Goods received note", grn], ["Purchase order", po], ["Supplier", vendor.name],
                ["Delivery note no.", f"DN{c.rng.randint(10000, 99999)}"], ["Received on", short_date(c)], ["Received by", clerk.name],
                ["Carrier", c.pick(("DHL Freight", "DPD", "UPS", "Kuehne+Nagel"))]]
        sheets: list[Sheet] = [
            ("GRN", ["Field", "Value"], [list(r) for r in head]),
            ("Lines", ["Line", "SKU", "Description", "Qty ordered", "Qty received", "Qty damaged", "Qty accepted", "Bin"], rows)]
        if issues:
            sheets.append(("Discrepancies", ["SKU", "Short", "Damaged", "Action"], issues))
    else:
        head = [["Entrada de mercancía", grn], ["Pedido de compra", po], ["Proveedor", vendor.name],
                ["Albarán del proveedor", f"ALB{c.rng.randint(10000, 99999)}"], ["Fecha de recepción", short_date(c)],
                ["Recibido por", clerk.name], ["Transportista", c.pick(("SEUR", "MRW", "DHL", "Correos Express"))]]
        sheets = [
            ("Recepción", ["Campo", "Valor"], [list(r) for r in head]),
            ("Líneas", ["Línea", "Artículo", "Descripción", "Cant. pedida", "Cant. recibida", "Cant. dañada", "Cant. aceptada",
                        "Ubicación"], rows)]
        if issues:
            sheets.append(("Incidencias", ["Artículo", "Faltan", "Dañadas", "Acción"], issues))
    return Built(xlsx(sheets, c, clerk.name))


# --------------------------------------------------------------------------- offer


@template("offer", "offer.b6_managed_service", ("en", "fr"), ".docx", blind=True)
def offer_managed_service(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp, rep = c.person(cust), c.person(vendor)
    users = c.rng.randint(40, 600)
    base = c.rng.randint(18, 35)
    ref = c.code("OFF" if c.lang == "en" else "OF", 4)
    tiers = [(users * base, 8), (users * (base + 9), 4), (users * (base + 21), 1)]
    if c.lang == "en":
        blocks: list[str | list[list[str]]] = [
            f"Ref. {ref} · {long_date(c)}", f"Prepared for {cp.name}, {cp.role}, {cust.name}", "## Our offer",
            f"Following our meeting on {long_date(c, -c.rng.randint(5, 20))}, we are pleased to offer managed IT support from "
            f"{vendor.name} for your {users} workstations, servers and network at your {_town(cust)} site.",
            "## Service options (monthly fees, excl. VAT)",
            [["Option", "Service hours", "Response time", "Monthly fee"],
             ["Essential", "Mon–Fri 8:00–18:00", f"{tiers[0][1]} hours", c.money(tiers[0][0])],
             ["Business", "Mon–Fri 7:00–20:00", f"{tiers[1][1]} hours", c.money(tiers[1][0])],
             ["Premium", "24/7", f"{tiers[2][1]} hour", c.money(tiers[2][0])]],
            "## Included in every option",
            "- Service desk by phone, e-mail and portal", "- Patch management and antivirus for all devices",
            "- Monthly service report", f"- One-off onboarding fee: {c.money(users * 12)}",
            "## Terms", f"This offer is valid until {long_date(c, 30)}. Minimum term 24 months, invoiced monthly in advance.",
            f"We would be delighted to work with you. Kind regards, {rep.name}, {rep.role}"]
        title = "Offer: Managed IT Services"
    else:
        blocks = [
            f"Réf. {ref} · {long_date(c)}", f"À l’attention de {cp.name}, {cp.role}, {cust.name}", "## Notre offre",
            f"Suite à notre rendez-vous du {long_date(c, -c.rng.randint(5, 20))}, nous avons le plaisir de vous proposer l’infogérance de "
            f"vos {users} postes de travail, serveurs et réseau du site de {_town(cust)}.",
            "## Formules proposées (redevance mensuelle HT)",
            [["Formule", "Plage de service", "Délai d’intervention", "Redevance mensuelle"],
             ["Essentiel", "lun.–ven. 8 h–18 h", f"{tiers[0][1]} heures", c.money(tiers[0][0])],
             ["Sérénité", "lun.–ven. 7 h–20 h", f"{tiers[1][1]} heures", c.money(tiers[1][0])],
             ["Premium", "24 h/24, 7 j/7", f"{tiers[2][1]} heure", c.money(tiers[2][0])]],
            "## Inclus dans toutes les formules",
            "- Centre de services par téléphone, e-mail et portail", "- Gestion des correctifs et antivirus sur tous les postes",
            "- Rapport de service mensuel", f"- Frais de mise en service (une fois) : {c.money(users * 12)}",
            "## Conditions", f"Offre valable jusqu’au {long_date(c, 30)}. Engagement de 24 mois, facturation mensuelle terme à échoir.",
            f"Nous restons à votre disposition. Bien cordialement, {rep.name}, {rep.role}"]
        title = "Proposition d’infogérance"
    return Built(docx(title, blocks, c, rep.name))


@template("offer", "offer.b6_opentrans_quotation", ("de", "es"), ".xml", blind=True)
def offer_opentrans(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    rep = c.person(vendor)
    items = c.items(2, 5)
    qid = f"ANG-{c.rng.randint(20000, 99999)}" if c.lang == "de" else f"PRE-{c.rng.randint(20000, 99999)}"
    net = sum(it.total for it in items)
    vat = round(net * VAT_RATES[c.lang], 2)
    remark = c.t({"de": c.pick(("Angebot gültig 30 Tage. Lieferung frei Haus ab 500 EUR Warenwert.",
                                "Preise freibleibend, Lieferzeit ca. 2 Wochen nach Auftragseingang.")),
                  "es": c.pick(("Oferta válida 30 días. Portes pagados a partir de 500 EUR.",
                                "Plazo de entrega aproximado: 2 semanas desde la aceptación del presupuesto."))})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<QUOTATION xmlns="http://www.opentrans.org/XMLSchema/2.1" '
             'xmlns:bmecat="http://www.bmecat.org/bmecat/2005" version="2.1">',
             "  <QUOTATION_HEADER>", "    <QUOTATION_INFO>", f"      <QUOTATION_ID>{qid}</QUOTATION_ID>",
             f"      <QUOTATION_DATE>{c.day.isoformat()}</QUOTATION_DATE>",
             f"      <bmecat:LANGUAGE>{'deu' if c.lang == 'de' else 'spa'}</bmecat:LANGUAGE>",
             f"      <VALIDITY_DATE>{c.later(30).isoformat()}</VALIDITY_DATE>", "      <PARTIES>"]
    for role, co, who in (("supplier", vendor, rep.name), ("buyer", cust, c.person(cust).name)):
        pc, _, city = co.city.partition(" ")
        lines += ["        <PARTY>", f"          <bmecat:PARTY_ID type=\"supplier_specific\">{c.rng.randint(10000, 99999)}"
                  "</bmecat:PARTY_ID>", f"          <PARTY_ROLE>{role}</PARTY_ROLE>", "          <ADDRESS>",
                  f"            <bmecat:NAME>{_x(co.name)}</bmecat:NAME>", f"            <bmecat:CONTACT_DETAILS><bmecat:CONTACT_SURNAME>"
                  f"{_x(who)}</bmecat:CONTACT_SURNAME></bmecat:CONTACT_DETAILS>",
                  f"            <bmecat:STREET>{_x(co.street)}</bmecat:STREET>", f"            <bmecat:ZIP>{_x(pc)}</bmecat:ZIP>",
                  f"            <bmecat:CITY>{_x(city)}</bmecat:CITY>", "          </ADDRESS>", "        </PARTY>"]
    lines += ["      </PARTIES>", "      <bmecat:CURRENCY>EUR</bmecat:CURRENCY>",
              f"      <REMARKS type=\"general\">{_x(remark)}</REMARKS>", "    </QUOTATION_INFO>", "  </QUOTATION_HEADER>",
              "  <QUOTATION_ITEM_LIST>"]
    for n, it in enumerate(items, 1):
        lines += ["    <QUOTATION_ITEM>", f"      <LINE_ITEM_ID>{n}</LINE_ITEM_ID>", "      <PRODUCT_ID>",
                  f"        <bmecat:SUPPLIER_PID>{it.sku}</bmecat:SUPPLIER_PID>",
                  f"        <bmecat:DESCRIPTION_SHORT>{_x(it.description)}</bmecat:DESCRIPTION_SHORT>", "      </PRODUCT_ID>",
                  f"      <QUANTITY>{it.quantity}</QUANTITY>", "      <bmecat:ORDER_UNIT>C62</bmecat:ORDER_UNIT>",
                  "      <PRODUCT_PRICE_FIX>", f"        <bmecat:PRICE_AMOUNT>{it.unit_price:.2f}</bmecat:PRICE_AMOUNT>",
                  "      </PRODUCT_PRICE_FIX>", f"      <PRICE_LINE_AMOUNT>{it.total:.2f}</PRICE_LINE_AMOUNT>", "    </QUOTATION_ITEM>"]
    lines += ["  </QUOTATION_ITEM_LIST>", "  <QUOTATION_SUMMARY>", f"    <TOTAL_ITEM_NUM>{len(items)}</TOTAL_ITEM_NUM>",
              f"    <TOTAL_AMOUNT>{net + vat:.2f}</TOTAL_AMOUNT>", "    <TOTAL_TAX>", "      <TAX_AMOUNT>",
              f"        <bmecat:TAX>{VAT_RATES[c.lang]:.2f}</bmecat:TAX>", f"        <TAX_AMOUNT>{vat:.2f}</TAX_AMOUNT>",
              "      </TAX_AMOUNT>", "    </TOTAL_TAX>", "  </QUOTATION_SUMMARY>", "</QUOTATION>"]
    return Built(text(lines))


# --------------------------------------------------------------------------- invoice


@template("invoice", "invoice.b6_progress_invoice", ("de", "fr"), ".docx", blind=True)
def invoice_progress(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp, acc = c.person(cust), c.person(vendor)
    project = c.rng.randint(150, 900) * 1000.0
    shares = c.pick(((30, 40, 30), (20, 30, 30, 20), (40, 40, 20)))
    stage = c.rng.randint(2, len(shares))
    due = project * shares[stage - 1] / 100
    paid = project * sum(shares[:stage - 1]) / 100
    vat = round(due * VAT_RATES[c.lang], 2)
    no = f"{c.day.year}-{c.rng.randint(1000, 9999)}"
    if c.lang == "de":
        rows = [["Abschlag", "Anteil", "Betrag netto", "Status"]]
        rows += [[f"{i}. Abschlag", f"{s} %", c.money(project * s / 100),
                  "bezahlt" if i < stage else ("diese Rechnung" if i == stage else "offen")] for i, s in enumerate(shares, 1)]
        blocks: list[str | list[list[str]]] = [
            f"{vendor.name} · {vendor.street} · {vendor.city}", f"{cust.name}\n{cp.name}\n{cust.street}\n{cust.city}",
            f"Rechnungsnummer: {no}\nRechnungsdatum: {short_date(c)}\n"
            f"Projekt: {c.pick(_PRODUCTS)}-Einführung, Auftrag vom {short_date(c, -120)}",
            f"{_sir(c, cp)}", f"gemäß dem vereinbarten Zahlungsplan berechnen wir Ihnen den {stage}. Abschlag:", rows,
            f"Auftragswert netto: {c.money(project)}", f"Bereits gezahlte Abschläge: {c.money(paid)}",
            f"{stage}. Abschlag netto: {c.money(due)}", f"zzgl. 19 % USt.: {c.money(vat)}", f"Rechnungsbetrag: {c.money(due + vat)}",
            f"Zahlbar innerhalb von 14 Tagen ohne Abzug auf IBAN {_iban(c)}. Die Schlussrechnung folgt nach Abnahme.",
            "Mit freundlichen Grüßen", acc.name]
        title = f"Abschlagsrechnung Nr. {no}"
    else:
        rows = [["Échéance", "Part", "Montant HT", "Statut"]]
        rows += [[f"Acompte {i}", f"{s} %", c.money(project * s / 100),
                  "réglé" if i < stage else ("présente facture" if i == stage else "à venir")] for i, s in enumerate(shares, 1)]
        blocks = [
            f"{vendor.name} · {vendor.street} · {vendor.city}", f"{cust.name}\n{_civ(c, cp)} {cp.name}\n{cust.street}\n{cust.city}",
            f"Facture n° {no}\nDate : {short_date(c)}\nProjet : déploiement {c.pick(_PRODUCTS)}, bon de commande du {short_date(c, -120)}",
            f"{_sir(c, cp)}", f"Conformément à l’échéancier contractuel, veuillez trouver ci-dessous la facture d’acompte n° {stage} :",
            rows, f"Montant total du marché HT : {c.money(project)}", f"Acomptes déjà réglés : {c.money(paid)}",
            f"Acompte n° {stage} HT : {c.money(due)}", f"TVA 20 % : {c.money(vat)}", f"Net à payer TTC : {c.money(due + vat)}",
            f"Règlement à 30 jours date de facture par virement sur l’IBAN {_iban(c)}. En cas de retard, pénalités au taux légal "
            "et indemnité forfaitaire de 40 € pour frais de recouvrement.", "Cordialement,", acc.name]
        title = f"Facture d’acompte n° {no}"
    return Built(docx(title, blocks, c, acc.name))


@template("invoice", "invoice.b6_time_materials", ("en", "es"), ".html", blind=True)
def invoice_time_materials(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cons = [c.person(vendor) for _ in range(c.rng.randint(1, 3))]
    rate = c.pick((95.0, 110.0, 125.0, 140.0))
    acts = c.t({"en": ("Workshop preparation", "Data migration", "Interface testing", "User training", "Bug fixing",
                       "Go-live support", "Documentation"),
                "es": ("Preparación del taller", "Migración de datos", "Pruebas de interfaces", "Formación de usuarios",
                       "Corrección de incidencias", "Soporte a la puesta en marcha", "Documentación")})
    rows: list[list[object]] = []
    hours = 0.0
    for k in range(c.rng.randint(5, 11)):
        h = c.pick((2.0, 3.5, 4.0, 6.0, 7.5, 8.0))
        hours += h
        rows.append([short_date(c, -30 + k * 2), c.pick(cons).name, c.pick(acts), c.number(h, 1), c.money(h * rate)])
    net = hours * rate
    vat = net * VAT_RATES[c.lang]
    no = f"INV-{c.rng.randint(10000, 99999)}" if c.lang == "en" else f"F{c.day.year}/{c.rng.randint(100, 999)}"
    if c.lang == "en":
        title = f"Invoice {no}"
        meta = [f"Invoice date: {short_date(c)}", f"Due date: {short_date(c, 30)}", f"Customer: {cust.name}, {cust.street}, {cust.city}",
                f"Your PO: {c.code('PO', 5)}", "Period: time and materials as per attached timesheets"]
        header = ["Date", "Consultant", "Activity", "Hours", "Amount"]
        tot = [f"Total hours: {c.number(hours, 1)} at {c.money(rate)}/h", f"Subtotal: {c.money(net)}", f"VAT 20%: {c.money(vat)}",
               f"Amount due: {c.money(net + vat)}", f"Please pay by bank transfer to {_iban(c)}, quoting {no}."]
    else:
        title = f"Factura {no}"
        meta = [f"Fecha de factura: {short_date(c)}", f"Vencimiento: {short_date(c, 30)}",
                f"Cliente: {cust.name}, {cust.street}, {cust.city}",
                f"CIF: B{c.rng.randint(10000000, 99999999)}", "Concepto: servicios de consultoría por horas según partes de trabajo"]
        header = ["Fecha", "Consultor", "Actividad", "Horas", "Importe"]
        tot = [f"Total horas: {c.number(hours, 1)} a {c.money(rate)}/h", f"Base imponible: {c.money(net)}",
               f"IVA 21 %: {c.money(vat)}", f"Total factura: {c.money(net + vat)}",
               f"Forma de pago: transferencia a la cuenta {_iban(c)} indicando el número de factura."]
    body = [f"<h2>{_h(vendor.name)}</h2>", f"<p>{_h(vendor.street)}, {_h(vendor.city)}</p>", f"<h1>{_h(title)}</h1>",
            "<p>" + "<br>".join(_h(m) for m in meta) + "</p>", *_table_html(header, rows),
            "<p>" + "<br>".join(_h(t) for t in tot) + "</p>"]
    return Built(_html(title, c.lang, body))


# --------------------------------------------------------------------------- contract


@template("contract", "contract.b6_framework_purchase", ("en", "es"), ".pdf", blind=True)
def contract_framework(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cs, vs = c.person(cust), c.person(vendor)
    years = c.pick((2, 3, 4))
    volume = c.rng.randint(2, 20) * 100000
    ref = c.code("FA" if c.lang == "en" else "AM", 4)
    if c.lang == "en":
        title = "Framework Purchase Agreement"
        lines = [f"Agreement no. {ref}", "", "between", f"{cust.name}, {cust.street}, {cust.city} (the \"Buyer\")", "and",
                 f"{vendor.name}, {vendor.street}, {vendor.city} (the \"Supplier\")", "",
                 "1. Subject. This agreement sets out the terms on which the Buyer may order hardware, licences and services "
                 "from the Supplier by individual call-off orders. It does not oblige the Buyer to order any minimum quantity.",
                 f"2. Term. The agreement starts on {long_date(c, 14)} and runs for {years} years. It may be extended by mutual "
                 "written agreement.",
                 f"3. Prices. The prices in Annex 1 are fixed for the first twelve months. Thereafter the Supplier may adjust them "
                 f"once a year by no more than the change in the consumer price index. Expected total volume: {c.money(volume)}.",
                 "4. Ordering. Call-off orders are placed in writing or through the Buyer's purchasing portal and become binding "
                 "when confirmed by the Supplier within three working days.",
                 f"5. Delivery. Delivery DAP the Buyer's sites within {c.pick((5, 10, 15))} working days of confirmation. Title "
                 "passes on delivery.",
                 "6. Warranty. The Supplier warrants that goods are free from defects for 24 months from delivery.",
                 "7. Liability. Each party's aggregate liability per contract year is limited to the value of orders placed in "
                 "that year, except for death, personal injury, fraud or wilful misconduct.",
                 "8. Termination. Either party may terminate with six months' notice to the end of a calendar quarter, or "
                 "immediately for material breach not remedied within 30 days.",
                 f"9. Governing law. {c.pick(('The laws of England and Wales', 'The laws of the State of Illinois'))} apply.",
                 "", "Signed for and on behalf of the Buyer: ______________________", f"{cs.name}, {cs.role}",
                 "Signed for and on behalf of the Supplier: ______________________", f"{vs.name}, {vs.role}"]
    else:
        title = "Acuerdo marco de suministro"
        lines = [f"Acuerdo n.º {ref}", "", f"En {_town(cust)}, a {long_date(c)}", "", "REUNIDOS",
                 f"De una parte, {cs.name}, en nombre y representación de {cust.name}, con domicilio en {cust.street}, "
                 f"{cust.city} (en adelante, el «Cliente»).",
                 f"De otra parte, {vs.name}, en nombre y representación de {vendor.name}, con domicilio en {vendor.street}, "
                 f"{vendor.city} (en adelante, el «Proveedor»).", "", "CLÁUSULAS",
                 "Primera. Objeto. El presente acuerdo regula las condiciones en las que el Cliente podrá adquirir equipos, "
                 "licencias y servicios mediante pedidos derivados, sin obligación de compra mínima.",
                 f"Segunda. Duración. El acuerdo entra en vigor el {long_date(c, 14)} y tendrá una duración de {years} años, "
                 "prorrogable por acuerdo expreso de las partes.",
                 f"Tercera. Precios. Los precios del Anexo I se mantendrán fijos durante doce meses; después podrán revisarse una vez "
                 f"al año conforme al IPC. Volumen estimado: {c.money(volume)}.",
                 "Cuarta. Pedidos. Los pedidos se realizarán por escrito o a través del portal de compras y serán vinculantes una "
                 "vez confirmados por el Proveedor en un plazo de tres días hábiles.",
                 f"Quinta. Entrega. Plazo máximo de {c.pick((5, 10, 15))} días hábiles en las instalaciones del Cliente.",
                 "Sexta. Garantía. Veinticuatro meses desde la entrega.",
                 "Séptima. Resolución. Cualquiera de las partes podrá resolver el acuerdo con un preaviso de seis meses o de forma "
                 "inmediata en caso de incumplimiento grave no subsanado en treinta días.",
                 f"Octava. Legislación y jurisdicción. Ley española; juzgados y tribunales de {_town(cust)}.", "",
                 "Y en prueba de conformidad, firman el presente documento por duplicado.",
                 f"Por el Cliente: {cs.name}                Por el Proveedor: {vs.name}"]
    return Built(pdf(title, lines, c, vs.name))


@template("contract", "contract.b6_equipment_loan", ("de", "fr"), ".docx", blind=True)
def contract_equipment_loan(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cs, vs = c.person(cust), c.person(vendor)
    items = _goods(c, 1, 3)
    weeks = c.pick((4, 6, 8, 12))
    value = sum(it.unit_price * min(it.quantity, 5) for it in items)
    if c.lang == "de":
        table = [["Gerät", "Art.-Nr.", "Anzahl", "Seriennummer(n)", "Zeitwert"]]
        table += [[it.description, it.sku, str(min(it.quantity, 5)), f"SN{token(c, 8, DIGITS)}", c.money(it.unit_price)]
                  for it in items]
        blocks: list[str | list[list[str]]] = [
            f"zwischen {vendor.name}, {vendor.street}, {vendor.city} – nachstehend „Verleiher“ –",
            f"und {cust.name}, {cust.street}, {cust.city} – nachstehend „Entleiher“ –",
            "## § 1 Gegenstand", "Der Verleiher überlässt dem Entleiher unentgeltlich die folgenden Geräte:", table,
            "## § 2 Leihdauer",
            f"Die Leihe beginnt am {long_date(c)} und endet nach {weeks} Wochen, spätestens am {long_date(c, weeks * 7)}.",
            "## § 3 Pflichten des Entleihers",
            "Der Entleiher behandelt die Geräte pfleglich, nutzt sie nur zu Test- und Vorführzwecken und überlässt sie keinen Dritten.",
            "## § 4 Haftung", f"Der Entleiher haftet für Verlust und Beschädigung bis zum Zeitwert von insgesamt {c.money(value)}. "
            "Normale Abnutzung ist ausgenommen.",
            "## § 5 Rückgabe", "Die Rückgabe erfolgt vollständig, mit Zubehör und zurückgesetzt auf Werkseinstellungen.",
            "## § 6 Schlussbestimmungen", "Änderungen bedürfen der Schriftform. Es gilt deutsches Recht.",
            f"{_town(cust)}, den {short_date(c)}",
            [["Verleiher", "Entleiher"], [f"{vs.name}, {vs.role}", f"{cs.name}, {cs.role}"]]]
        title = "Leihvertrag über Geräte"
    else:
        table = [["Matériel", "Réf.", "Quantité", "N° de série", "Valeur"]]
        table += [[it.description, it.sku, str(min(it.quantity, 5)), f"SN{token(c, 8, DIGITS)}", c.money(it.unit_price)]
                  for it in items]
        blocks = [
            f"Entre {vendor.name}, {vendor.street}, {vendor.city}, ci-après « le Prêteur »,",
            f"et {cust.name}, {cust.street}, {cust.city}, ci-après « l’Emprunteur »,", "il a été convenu ce qui suit :",
            "## Article 1 – Objet", "Le Prêteur met gratuitement à la disposition de l’Emprunteur le matériel suivant :", table,
            "## Article 2 – Durée", f"Le prêt prend effet le {long_date(c)} pour une durée de {weeks} semaines, soit jusqu’au "
            f"{long_date(c, weeks * 7)}.",
            "## Article 3 – Obligations de l’Emprunteur", "L’Emprunteur s’engage à utiliser le matériel en bon père de famille, "
            "uniquement à des fins d’essai, et à ne pas le céder ni le prêter à un tiers.",
            "## Article 4 – Responsabilité", f"L’Emprunteur répond de la perte ou de la détérioration du matériel à hauteur de "
            f"{c.money(value)}, hors usure normale. Il déclare être assuré à cet effet.",
            "## Article 5 – Restitution", "Le matériel est restitué complet, avec ses accessoires, réinitialisé aux paramètres d’usine.",
            "## Article 6 – Droit applicable", "Le présent contrat est soumis au droit français.",
            f"Fait en deux exemplaires, le {short_date(c)}",
            [["Le Prêteur", "L’Emprunteur"], [f"{vs.name}, {vs.role}", f"{cs.name}, {cs.role}"]]]
        title = "Contrat de prêt de matériel"
    return Built(docx(title, blocks, c, vs.name))


# --------------------------------------------------------------------------- customer_asset


@template("customer_asset", "asset.b6_app_portfolio", ("fr", "es"), ".xlsx", blind=True)
def asset_app_portfolio(c: Ctx) -> Built:
    cust = c.company()
    apps = [("SAP ECC 6.0", "SAP", "EHP8"), ("Sage 100", "Sage", "v9"), ("Microsoft Dynamics 365", "Microsoft", "Cloud"),
            ("Salesforce Sales Cloud", "Salesforce", "SaaS"), ("Cegid", "Cegid", "2023"), ("a3ERP", "Wolters Kluwer", "14.1"),
            ("SharePoint Server 2019", "Microsoft", "16.0"), ("Reflex WMS", "Hardis", "11"), ("Jira Software", "Atlassian", "9.12"),
            ("Veeam Backup", "Veeam", "12.1"), ("Exchange 2016", "Microsoft", "CU23"), ("GLPI", "Teclib", "10.0")]
    owners = [c.person(cust) for _ in range(4)]
    host = c.t({"fr": ("Salle serveur siège", "Datacenter OVH", "SaaS", "Azure"),
                "es": ("CPD sede central", "Housing Interxion", "SaaS", "Azure")})
    crit = c.t({"fr": ("Critique", "Élevée", "Moyenne", "Faible"), "es": ("Crítica", "Alta", "Media", "Baja")})
    prefix = cust.domain.split(".")[0][:5]
    rows: list[list[object]] = []
    chosen = c.some(apps, 6, 10)
    for i, (name, editor, ver) in enumerate(chosen, 1):
        h = c.pick(host)
        rows.append([f"APP-{i:03d}", name, editor, ver, h, "-" if h == "SaaS" else f"{prefix}-app{c.rng.randint(1, 40):02d}",
                     c.rng.randint(5, 400), c.pick(owners).name, c.pick(crit), str(c.rng.randint(2024, 2029))])
    flows: list[list[object]] = []
    for _ in range(c.rng.randint(3, 6)):
        a, b = c.some(chosen, 2)
        flows.append([a[0], b[0], c.pick(("SFTP", "API REST", "ODBC", "EDI", c.t({"fr": "fichier CSV", "es": "fichero CSV"}))), c.pick(
            c.t({"fr": ("quotidien", "temps réel", "horaire"), "es": ("diario", "tiempo real", "cada hora")}))])
    if c.lang == "fr":
        sheets: list[Sheet] = [
            ("Applications", ["ID", "Application", "Éditeur", "Version", "Hébergement", "Serveur", "Utilisateurs",
                              "Responsable métier", "Criticité", "Fin de support"], rows),
            ("Flux", ["Source", "Cible", "Protocole", "Fréquence"], flows)]
    else:
        sheets = [
            ("Aplicaciones", ["ID", "Aplicación", "Fabricante", "Versión", "Alojamiento", "Servidor", "Usuarios",
                              "Responsable de negocio", "Criticidad", "Fin de soporte"], rows),
            ("Interfaces", ["Origen", "Destino", "Protocolo", "Frecuencia"], flows)]
    return Built(xlsx(sheets, c, owners[0].name))


@template("customer_asset", "asset.b6_site_survey", ("en", "de"), ".md", blind=True)
def asset_site_survey(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    eng, contact = c.person(vendor), c.person(cust)
    prefix = cust.domain.split(".")[0][:4]
    closets = c.rng.randint(2, 4)
    models = ("Cisco C9300-48P", "HPE Aruba 2930F", "Cisco C2960X-24", "Juniper EX2300")
    rows = []
    for k in range(1, closets + 1):
        rows.append([f"{'IDF' if c.lang == 'en' else 'UV'}-{k}", c.pick(("GF", "1F", "2F", "B1")) if c.lang == "en" else
                     c.pick(("EG", "1. OG", "2. OG", "UG")), f"{prefix}-sw{k:02d}", c.pick(models),
                     f"FOC{token(c, 8, '0123456789ABCDEFGHJK')}", c.pick(("yes", "no")) if c.lang == "en" else c.pick(("ja", "nein"))])
    aps = c.rng.randint(6, 30)
    wan = c.pick(("1 Gbit/s fibre (BT)", "500 Mbit/s leased line", "2x 100 Mbit/s SD-WAN")) if c.lang == "en" else \
        c.pick(("1 Gbit/s Glasfaser (Telekom)", "500 Mbit/s Standleitung", "2x 100 Mbit/s SD-WAN"))
    if c.lang == "en":
        lines = [f"# Site survey – {cust.name}, {cust.city}", "", f"Surveyed by {eng.name} ({vendor.name}) on {short_date(c)}, "
                 f"accompanied by {contact.name}.", "", "## Building", f"- Floors: {c.rng.randint(2, 5)}, approx. "
                 f"{c.rng.randint(8, 40) * 100} m²", f"- Comms room: {c.pick(('basement', 'ground floor, room 0.14'))}, "
                 f"air-conditioned: {c.pick(('yes', 'no – fan only'))}", "", "## Network closets",
                 *_md_table(["Closet", "Floor", "Switch", "Model", "Serial", "UPS"], rows), "", "## WAN and wireless",
                 f"- WAN: {wan}, router {prefix}-rt01 ({c.pick(('Cisco ISR 4331', 'FortiGate 100F'))})",
                 f"- Access points: {aps} x {c.pick(('Aruba AP-515', 'Cisco CW9120', 'Ubiquiti U6-Pro'))}, controller in the cloud",
                 f"- Printers on VLAN {c.rng.randint(20, 90)}, CCTV on separate VLAN", "", "## Observations",
                 *lines_of(c, ("- Patch panels in IDF-1 not labelled", "- UPS batteries due for replacement",
                               "- No spare ports left on the ground floor", "- Fibre between closets is multimode OM2",
                               "- Rack in the comms room is not lockable"), 2, 4)]
    else:
        lines = [f"# Standortaufnahme – {cust.name}, {cust.city}", "", f"Aufgenommen von {eng.name} ({vendor.name}) am {short_date(c)}, "
                 f"begleitet von {contact.name}.", "", "## Gebäude", f"- Etagen: {c.rng.randint(2, 5)}, ca. "
                 f"{c.rng.randint(8, 40) * 100} m²", f"- Serverraum: {c.pick(('Keller', 'EG, Raum 0.14'))}, klimatisiert: "
                 f"{c.pick(('ja', 'nein, nur Lüfter'))}", "", "## Verteilerschränke",
                 *_md_table(["Verteiler", "Etage", "Switch", "Modell", "Seriennr.", "USV"], rows), "", "## WAN und WLAN",
                 f"- WAN: {wan}, Router {prefix}-rt01 ({c.pick(('Cisco ISR 4331', 'FortiGate 100F'))})",
                 f"- Access Points: {aps} x {c.pick(('Aruba AP-515', 'Cisco CW9120', 'Ubiquiti U6-Pro'))}, Controller in der Cloud",
                 f"- Drucker im VLAN {c.rng.randint(20, 90)}, Videoüberwachung in eigenem VLAN", "", "## Feststellungen",
                 *lines_of(c, ("- Patchfelder in UV-1 nicht beschriftet", "- USV-Akkus müssen getauscht werden",
                               "- Im EG keine freien Switchports mehr", "- LWL zwischen den Verteilern nur Multimode OM2",
                               "- Serverschrank nicht abschließbar"), 2, 4)]
    return Built(text(lines))


# --------------------------------------------------------------------------- internal_comment


@template("internal_comment", "internal.b6_bid_no_bid", ("de", "es"), ".docx", blind=True)
def internal_bid_no_bid(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    owner = c.person(vendor)
    people = [c.person(vendor) for _ in range(3)]
    value = c.rng.randint(3, 40) * 25000
    crit_de = ("Strategischer Fit", "Chancen gegen Wettbewerb", "Beziehung zum Kunden", "Technische Machbarkeit",
               "Marge", "Ressourcen verfügbar")
    crit_es = ("Encaje estratégico", "Posibilidades frente a la competencia", "Relación con el cliente", "Viabilidad técnica",
               "Margen", "Recursos disponibles")
    scores = [c.rng.randint(1, 5) for _ in crit_de]
    total = sum(scores)
    go = total >= 19
    com_de = ("Ausschreibung klingt nach {comp} – Anforderungen fast wortgleich aus deren Datenblatt.",
              "Kunde hat uns bei der letzten Ausschreibung nicht einmal eingeladen.",
              "Deadline sehr knapp, Presales ist im Juni ausgebucht.",
              "Marge nur machbar, wenn wir die Installation an einen Partner geben.")
    com_es = ("El pliego parece escrito por {comp}: los requisitos coinciden casi literalmente con su ficha técnica.",
              "En la última licitación ni siquiera nos invitaron.", "Plazo muy justo y preventa sin disponibilidad en junio.",
              "El margen solo sale si la instalación la hace un partner.")
    comp = c.pick(("Tailwind Systems", "Northbridge Software", "Cobalt Analytics"))
    if c.lang == "de":
        table = [["Kriterium", "Punkte (1–5)"], *[[k, str(s)] for k, s in zip(crit_de, scores, strict=True)],
                 ["Summe", f"{total} / 30"]]
        blocks: list[str | list[list[str]]] = [
            "INTERN – nicht an den Kunden weitergeben", f"Ausschreibung: {cust.name}, Vergabe-Nr. {c.code('VG', 4)}",
            f"Geschätztes Volumen: {c.money(value)} · Abgabefrist: {short_date(c, c.rng.randint(10, 30))}",
            f"Bewertet von: {', '.join(p.name for p in people)}", table, "## Kommentare",
            *[f"- {x.format(comp=comp)}" for x in c.some(com_de, 2, 4)], "## Entscheidung",
            f"{'Wir geben ein Angebot ab.' if go else 'Wir verzichten auf ein Angebot.'} Freigabe durch {owner.name} am {short_date(c)}."]
        title = "Bid/No-Bid-Entscheidung"
    else:
        table = [["Criterio", "Puntos (1–5)"], *[[k, str(s)] for k, s in zip(crit_es, scores, strict=True)],
                 ["Total", f"{total} / 30"]]
        blocks = [
            "USO INTERNO – no enviar al cliente", f"Licitación: {cust.name}, expediente {c.code('EXP', 4)}",
            f"Importe estimado: {c.money(value)} · Fecha límite: {short_date(c, c.rng.randint(10, 30))}",
            f"Valorado por: {', '.join(p.name for p in people)}", table, "## Comentarios",
            *[f"- {x.format(comp=comp)}" for x in c.some(com_es, 2, 4)], "## Decisión",
            f"{'Nos presentamos.' if go else 'No nos presentamos.'} Aprobado por {owner.name} el {short_date(c)}."]
        title = "Decisión de presentarse o no a la licitación"
    return Built(docx(title, blocks, c, owner.name))


@template("internal_comment", "internal.b6_shift_handover", ("en", "fr"), ".txt", blind=True)
def internal_shift_handover(c: Ctx) -> Built:
    out, inc = c.person(), c.person()
    custs = [co.name for co in c.some(COMPANIES[c.lang], 3)]
    shift = c.pick(("early", "late", "night")) if c.lang == "en" else c.pick(("équipe du matin", "équipe d’après-midi", "équipe de nuit"))
    tickets = [f"INC{c.rng.randint(100000, 999999)}" for _ in range(4)]
    if c.lang == "en":
        lines = [f"SERVICE DESK – SHIFT HANDOVER {short_date(c)} ({shift} shift)", f"From: {out.name}   To: {inc.name}", "",
                 "OPEN / NEEDS ATTENTION",
                 f"- {tickets[0]} {custs[0]}: mail relay queue growing again. Restarted the service at 14:10, keep an eye on it. "
                 "If it happens again escalate to 2nd line, don't restart a third time.",
                 f"- {tickets[1]} {custs[1]}: user can't log in to VPN. Waiting for them to send a screenshot – chase tomorrow.",
                 f"- {tickets[2]} {custs[2]}: disk on file server at 93 %. Customer informed, they'll clean up. Not urgent.", "",
                 "FYI", *lines_of(c, ("- Change window tonight 22:00–23:00 for firewall update (CHG approved).",
                                      "- Monitoring sent a lot of false alarms from the new probe, ignore 'ping loss' on probe 7.",
                                      f"- {custs[0]} is a bit touchy at the moment, account manager asked to be cc'd on everything.",
                                      "- Phone queue was long after lunch, two people off sick.",
                                      "- KB article for the printer issue is outdated, I've flagged it."), 2, 4),
                 "", f"Closed this shift: {c.rng.randint(8, 40)}   Open handed over: {c.rng.randint(3, 15)}", "",
                 c.pick(("Quiet otherwise.", "Ping me on Teams if anything is unclear.", "Have a good one."))]
    else:
        lines = [f"CENTRE DE SERVICES – PASSATION DE CONSIGNES {short_date(c)} ({shift})",
                 f"De : {out.name}   À : {inc.name}", "", "EN COURS / À SURVEILLER",
                 f"- {tickets[0]} {custs[0]} : la file du relais de messagerie remonte. Service redémarré à 14h10, à surveiller. "
                 "Si ça recommence, escalader au niveau 2, ne pas redémarrer une troisième fois.",
                 f"- {tickets[1]} {custs[1]} : utilisateur sans accès VPN. On attend sa capture d’écran – relancer demain.",
                 f"- {tickets[2]} {custs[2]} : disque du serveur de fichiers à 93 %. Client prévenu, il fait le ménage. Pas urgent.",
                 "", "POUR INFO", *lines_of(c, ("- Fenêtre de changement ce soir 22h–23h pour la mise à jour du pare-feu.",
                                                "- La nouvelle sonde génère beaucoup de fausses alertes, ignorer « perte ping » sonde 7.",
                                                f"- {custs[0]} est un peu tendu en ce moment, le commercial veut être en copie.",
                                                "- Grosse attente téléphonique après le déjeuner, deux absents.",
                                                "- La fiche de la base de connaissances sur l’imprimante est obsolète, signalé."),
                                            2, 4),
                 "", f"Clôturés sur le créneau : {c.rng.randint(8, 40)}   Transmis ouverts : {c.rng.randint(3, 15)}", "",
                 c.pick(("RAS sinon.", "N’hésite pas à m’appeler sur Teams si besoin.", "Bon courage !"))]
    return Built(text(lines))


# --------------------------------------------------------------------------- correspondence


@template("correspondence", "mail.b6_new_account_manager", ("en", "es"), ".eml", blind=True)
def mail_new_account_manager(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp = c.person(cust)
    new, old = c.person(vendor), c.person(vendor)
    if c.lang == "en":
        subject = c.pick(("Your new account manager at " + vendor.name, "Introduction – new point of contact"))
        body = "\n".join([_sir(c, cp), "", f"I'm writing to introduce myself as your new account manager at {vendor.name}. "
                          f"{old.first} {old.last} has taken on a new role within the company, and from {long_date(c, 7)} I will "
                          f"be your main contact for everything relating to {cust.name}.", "",
                          c.pick((f"{old.first} has briefed me thoroughly on your projects, so nothing should fall between the "
                                  "cracks during the changeover.", "Your support arrangements and contacts in our service team "
                                  "stay exactly as they are.")), "",
                          f"I'd welcome the chance to meet you in person. Would a short visit in {_town(cust)} in the "
                          "next few weeks suit you? Otherwise a call is fine too.", "",
                          "Best regards,", "", new.name, "Account Manager", vendor.name, new.phone])
    else:
        subject = c.pick(("Nuevo interlocutor comercial en " + vendor.name, "Presentación de su nueva gestora de cuenta"
                          if new.first in {"Lucía", "Carmen", "Marta", "Elena", "Isabel", "Paula"} else
                          "Presentación de su nuevo gestor de cuenta"))
        body = "\n".join([_sir(c, cp), "", f"Me pongo en contacto con usted para presentarme: a partir del {long_date(c, 7)} seré su "
                          f"interlocutor comercial en {vendor.name}. {old.name} asume nuevas responsabilidades dentro de la "
                          "empresa y me ha traspasado la cuenta.", "",
                          c.pick((f"{old.first} me ha puesto al día de los proyectos en curso, de modo que el cambio no debería "
                                  "afectarles en nada.", "Su contrato de soporte y sus contactos en el servicio técnico no cambian.")),
                          "", "Me encantaría conocerle en persona. ¿Le vendría bien una breve visita en las próximas semanas? "
                          "Si lo prefiere, podemos hablar por teléfono.", "", "Un cordial saludo,", "", new.name, "Gestión de cuentas",
                          vendor.name, f"Tel. {new.phone}"])
    return Built(eml(c, new, [cp], subject, body, cc=[old] if c.maybe() else ()))


@template("correspondence", "mail.b6_change_of_name", ("de", "fr"), ".pdf", blind=True)
def mail_change_of_name(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp, sender = c.person(cust), c.person(vendor)
    new_name = c.pick(("Contoso Group", "Litware Solutions", "Datacorp Europe", "Northbridge Data")) + " " + vendor.name.split()[-1]
    role = c.pick(c.t({"de": ("Geschäftsführung", "Kaufmännische Leitung", "Vertriebsinnendienst"),
                       "fr": ("Direction administrative et financière", "Direction générale", "Service commercial")}))
    eff = long_date(c, c.rng.randint(14, 45))
    if c.lang == "de":
        title = f"Umfirmierung der {vendor.name}"
        lines = [f"{vendor.name} · {vendor.street} · {vendor.city}", "", cust.name, f"z. Hd. {cp.name}", cust.street, cust.city, "",
                 f"{_town(vendor)}, {long_date(c)}", "", "Änderung unseres Firmennamens", "", _sir(c, cp), "",
                 f"wir möchten Sie darüber informieren, dass unser Unternehmen mit Wirkung zum {eff} unter dem neuen Namen "
                 f"{new_name} firmiert.", "",
                 "Für Sie ändert sich dadurch nichts: Ansprechpartner, Anschrift, Steuernummer und Bankverbindung bleiben "
                 "unverändert. Bestehende Verträge und Aufträge gelten unverändert fort.", "",
                 c.pick(("Bitte passen Sie zu gegebener Zeit Ihre Stammdaten an. Rechnungen werden ab dem genannten Datum unter "
                         "dem neuen Namen gestellt.", "Wir bitten Sie, Bestellungen ab diesem Datum an den neuen Firmennamen zu "
                         "richten.")), "",
                 "Für Rückfragen stehe ich Ihnen gern zur Verfügung.", "", "Mit freundlichen Grüßen", "", sender.name, role]
    else:
        title = f"Changement de dénomination sociale – {vendor.name}"
        lines = [f"{vendor.name} · {vendor.street} · {vendor.city}", "", cust.name, f"À l’attention de {_civ(c, cp)} {cp.name}",
                 cust.street, cust.city, "", f"{_town(vendor)}, le {long_date(c)}", "",
                 "Objet : changement de dénomination sociale", "", _sir(c, cp), "",
                 f"Nous avons le plaisir de vous informer qu’à compter du {eff}, notre société exercera ses activités sous la "
                 f"dénomination {new_name}.", "",
                 "Ce changement n’a aucune incidence sur nos relations : vos interlocuteurs, notre adresse, nos numéros SIRET et "
                 "de TVA ainsi que nos coordonnées bancaires restent inchangés. Les contrats en cours se poursuivent de plein droit.",
                 "", c.pick(("Nous vous remercions de bien vouloir mettre à jour vos fichiers fournisseurs.",
                             "Nos factures porteront la nouvelle dénomination à partir de cette date.")), "",
                 f"Nous vous prions d’agréer, {_sir(c, cp)[:-1]}, l’expression de nos salutations distinguées.", "",
                 sender.name, role]
    return Built(pdf(title, lines, c, sender.name))


# --------------------------------------------------------------------------- personnel


@template("personnel", "hr.b6_training_attendance", ("en", "fr"), ".csv", blind=True)
def hr_training_attendance(c: Ctx) -> Built:
    courses = c.t({"en": ("Fire warden training", "GDPR refresher", "Forklift licence renewal", "First aid at work",
                          "Leadership essentials", "Excel advanced"),
                   "fr": ("Formation équipier de première intervention", "Sensibilisation RGPD", "CACES R489 recyclage",
                          "Sauveteur secouriste du travail (SST)", "Management de proximité", "Excel perfectionnement")})
    depts = c.t({"en": ("Warehouse", "Finance", "Sales", "IT", "Customer Service", "Production"),
                 "fr": ("Logistique", "Comptabilité", "Commercial", "Informatique", "Service client", "Production")})
    status = c.t({"en": ("Attended", "Attended", "Attended", "No-show", "Excused"),
                  "fr": ("Présent", "Présent", "Présent", "Absent", "Absent excusé")})
    rows: list[list[object]] = []
    for n, course in enumerate(c.some(courses, 2, 3)):
        day, hours, trainer = short_date(c, -7 * n - c.rng.randint(0, 3)), c.pick((3.5, 7, 14)), c.person()
        tested = c.maybe()
        for _ in range(c.rng.randint(4, 9)):
            p = c.person()
            st = c.pick(status)
            done = st in ("Attended", "Présent")
            yes, no = c.t({"en": ("yes", "no"), "fr": ("oui", "non")})
            rows.append([f"{c.rng.randint(1000, 9999)}", p.last.upper() if c.lang == "fr" else p.last, p.first, c.pick(depts),
                         course, day, hours, st, c.rng.randint(11, 20) if done and tested else "", yes if done else no,
                         trainer.name])
    rows.sort(key=lambda r: (str(r[4]), str(r[1])))
    header = c.t({"en": ["Employee ID", "Last name", "First name", "Department", "Course", "Date", "Hours", "Status",
                         "Test score (/20)", "Certificate issued", "Trainer"],
                  "fr": ["Matricule", "Nom", "Prénom", "Service", "Formation", "Date", "Durée (h)", "Présence", "Note (/20)",
                         "Attestation remise", "Formateur"]})
    return Built(csv_text(header, rows, delimiter="," if c.lang == "en" else ";"))


@template("personnel", "hr.b6_personnel_change", ("de", "es"), ".pdf", blind=True)
def hr_personnel_change(c: Ctx) -> Built:
    emp, mgr, hrp = c.person(), c.person(), c.person()
    old_sal = c.rng.randint(38, 85) * 1000
    new_sal = int(old_sal * c.rng.uniform(1.03, 1.15) // 100 * 100)
    kinds = c.t({"de": ("Beförderung", "Versetzung", "Änderung der Arbeitszeit"),
                 "es": ("Promoción", "Traslado", "Cambio de jornada")})
    kind = c.pick(kinds)
    if c.lang == "de":
        title = "Personalveränderungsmeldung"
        lines = [f"Personalnummer: {c.rng.randint(10000, 99999)}", f"Name, Vorname: {emp.last}, {emp.first}",
                 f"Eintrittsdatum: {c.datestr(c.later(-c.rng.randint(400, 4000)), False)}", f"Art der Veränderung: {kind}",
                 f"Gültig ab: {short_date(c, c.rng.randint(10, 60))}", "", "Bisher:",
                 "  Position: " + c.pick(("Sachbearbeiter/in Einkauf", "Junior Controller", "Servicetechniker/in")),
                 f"  Kostenstelle: {c.rng.randint(4000, 4999)}", f"  Wochenarbeitszeit: {c.pick((30, 35, 40))} Std.",
                 f"  Bruttojahresgehalt: {c.money(old_sal)}", "", "Neu:",
                 f"  Position: {c.pick(('Teamleitung Einkauf', 'Controller', 'Senior Servicetechniker/in'))}",
                 f"  Kostenstelle: {c.rng.randint(4000, 4999)}", f"  Wochenarbeitszeit: {c.pick((35, 38, 40))} Std.",
                 f"  Bruttojahresgehalt: {c.money(new_sal)}", f"  Tarifgruppe: {c.pick(('E9', 'E10', 'E11', 'AT'))}", "",
                 "Begründung: " + c.pick(("Übernahme der Teamleitung nach Ausscheiden des Vorgängers.",
                                          "Wechsel in die Abteilung auf eigenen Wunsch.",
                                          "Erfolgreicher Abschluss der Weiterbildung.")),
                 "", f"Beantragt: {mgr.name} (Führungskraft)          Datum: {short_date(c)}",
                 "Genehmigt: ____________________ (Geschäftsführung)", f"Bearbeitet Personalabteilung: {hrp.name}",
                 "", "Vertraulich – Personalakte"]
    else:
        title = "Comunicación de cambio de condiciones laborales"
        lines = [f"N.º de empleado: {c.rng.randint(10000, 99999)}", f"Apellidos y nombre: {emp.last}, {emp.first}",
                 f"DNI: {c.rng.randint(10000000, 99999999)}{c.pick('TRWAGMYFPDXBNJZSQVHLCKE')}",
                 f"Fecha de alta: {c.datestr(c.later(-c.rng.randint(400, 4000)), False)}", f"Tipo de cambio: {kind}",
                 f"Fecha de efecto: {short_date(c, c.rng.randint(10, 60))}", "", "Situación actual:",
                 f"  Puesto: {c.pick(('Administrativo/a de compras', 'Técnico/a de soporte', 'Analista financiero/a'))}",
                 f"  Centro de coste: {c.rng.randint(4000, 4999)}", f"  Grupo profesional: {c.pick(('3', '4', '5'))}",
                 f"  Salario bruto anual: {c.money(old_sal)}", "", "Nueva situación:",
                 f"  Puesto: {c.pick(('Responsable de compras', 'Técnico/a de sistemas sénior', 'Controller'))}",
                 f"  Centro de coste: {c.rng.randint(4000, 4999)}", f"  Grupo profesional: {c.pick(('5', '6', '7'))}",
                 f"  Salario bruto anual: {c.money(new_sal)}", "",
                 "Motivo: " + c.pick(("Cobertura de la vacante por jubilación.", "Traslado voluntario a otra área.",
                                      "Evaluación de desempeño positiva.")),
                 "", f"Solicita: {mgr.name} (responsable directo)     Fecha: {short_date(c)}", "Aprueba: ____________________ (Dirección)",
                 f"Tramitado por RR. HH.: {hrp.name}", "", "Confidencial – expediente personal"]
    return Built(pdf(title, lines, c, hrp.name))


# --------------------------------------------------------------------------- financial


@template("financial", "fin.b6_cost_centre_report", ("de", "fr"), ".xlsx", blind=True)
def fin_cost_centre(c: Ctx) -> Built:
    cc = c.rng.randint(4100, 4899)
    month = c.day.month
    kinds = c.t({"de": ("Personalkosten", "Sozialabgaben", "Reisekosten", "Mieten", "Abschreibungen", "IT-Kosten",
                        "Fremdleistungen", "Büromaterial", "Kfz-Kosten", "Schulungen"),
                 "fr": ("Salaires", "Charges sociales", "Frais de déplacement", "Loyers", "Dotations aux amortissements",
                        "Frais informatiques", "Sous-traitance", "Fournitures de bureau", "Frais de véhicules", "Formation")})
    scale = (42000, 9000, 3500, 6000, 2500, 4000, 7000, 400, 1800, 1200)
    headcount = c.rng.uniform(0.5, 2.5)
    rows: list[list[object]] = []
    months: list[list[object]] = []
    for k, base in zip(kinds, scale, strict=True):
        plan = round(base * headcount * c.rng.uniform(0.8, 1.2), -2)
        actual = [round(plan * c.rng.uniform(0.75, 1.3), 2) for _ in range(month)]
        ist = round(sum(actual), 2)
        rows.append([k, plan * month, ist, round(ist - plan * month, 2), round((ist - plan * month) / (plan * month) * 100, 1)])
        months.append([k, *actual])
    mnames = c.t({"de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
                  "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")})[:month]
    name = c.pick(c.t({"de": ("Vertrieb Inland", "IT", "Logistik", "Verwaltung"),
                       "fr": ("Ventes France", "Informatique", "Logistique", "Administration")}))
    if c.lang == "de":
        sheets: list[Sheet] = [
            (f"KSt {cc}", ["Kostenart", "Plan kumuliert", "Ist kumuliert", "Abweichung", "Abw. %"], rows),
            ("Monatswerte", ["Kostenart", *mnames], months),
            ("Info", ["Feld", "Wert"], [["Kostenstelle", f"{cc} {name}"], ["Verantwortlich", c.person().name],
                                        ["Zeitraum", f"01–{month:02d}/{c.day.year}"], ["Stand", short_date(c)]])]
    else:
        sheets = [
            (f"CC {cc}", ["Nature de charge", "Budget cumulé", "Réel cumulé", "Écart", "Écart %"], rows),
            ("Détail mensuel", ["Nature de charge", *mnames], months),
            ("Infos", ["Champ", "Valeur"], [["Centre de coûts", f"{cc} {name}"], ["Responsable", c.person().name],
                                            ["Période", f"01 à {month:02d}/{c.day.year}"], ["Arrêté au", short_date(c)]])]
    return Built(xlsx(sheets, c, c.person().name))


@template("financial", "fin.b6_aged_debtors", ("en", "es"), ".tsv", blind=True)
def fin_aged_debtors(c: Ctx) -> Built:
    foreign = [co for lang, cos in COMPANIES.items() if lang != c.lang for co in cos]
    rows: list[list[object]] = []
    buckets = [0.0] * 5
    for co in c.some(COMPANIES[c.lang], 4, 5) + c.some(foreign, 1, 3):
        for _ in range(c.rng.randint(1, 3)):
            amount = round(c.rng.uniform(300, 48000), 2)
            overdue = c.pick((-12, -5, 8, 19, 27, 44, 58, 73, 88, 121, 160))
            b = 0 if overdue <= 0 else (1 if overdue <= 30 else (2 if overdue <= 60 else (3 if overdue <= 90 else 4)))
            vals = ["0.00"] * 5
            vals[b] = f"{amount:.2f}"
            buckets[b] += amount
            rows.append([co.name, f"{c.rng.randint(20000, 29999)}", c.later(-overdue - 30).isoformat(),
                         c.later(-overdue).isoformat(), *vals, f"{amount:.2f}"])
    rows.sort(key=lambda r: str(r[0]))
    header = c.t({"en": ["Customer", "Invoice", "Invoice date", "Due date", "Not yet due", "1-30", "31-60", "61-90", "Over 90",
                         "Balance"],
                  "es": ["Cliente", "Factura", "Fecha factura", "Vencimiento", "No vencido", "1-30", "31-60", "61-90",
                         "Más de 90", "Saldo"]})
    rows.append([c.t({"en": "TOTAL", "es": "TOTAL"}), "", "", "", *[f"{b:.2f}" for b in buckets], f"{sum(buckets):.2f}"])
    return Built(csv_text(header, rows, delimiter="\t"))


# --------------------------------------------------------------------------- source_code


@template("source_code", "code.b6_cpp", ("en", "es"), ".cpp", blind=True)
def code_cpp(c: Ctx) -> Built:
    author = c.person()
    cap = c.pick((64, 128, 256, 1024))
    window = c.pick((5, 10, 20))
    en = c.lang == "en"

    def t(e: str, s: str) -> str:
        return e if en else s
    lines = [
        "// sensor_filter.cpp",
        "// " + t("Moving-average filter for temperature sensor readings.",
            "Filtro de media móvil para las lecturas de los sensores de temperatura.") + "",
        f"// {t('Author', 'Autor')}: {author.name}, {c.day.year}", "",
        "#include <array>", "#include <cstddef>", "#include <iostream>", "#include <optional>", "#include <sstream>",
        "#include <string>", "", "namespace sensors {", "",
        f"constexpr std::size_t kCapacity = {cap};", f"constexpr std::size_t kWindow = {window};",
        f"constexpr double kMaxJump = {c.pick(('5.0', '7.5', '10.0'))};  // "
        + t("degrees between two samples", "grados entre dos muestras"), "",
        "template <typename T, std::size_t N>", "class RingBuffer {", " public:",
        "  void push(const T& value) {", "    data_[head_] = value;", "    head_ = (head_ + 1) % N;", "    if (size_ < N) ++size_;", "  }",
        "  std::size_t size() const { return size_; }",
        f"  // {t('i = 0 is the most recent value', 'i = 0 es el valor más reciente')}",
        "  const T& at(std::size_t i) const { return data_[(head_ + N - 1 - i) % N]; }", "", " private:",
        "  std::array<T, N> data_{};", "  std::size_t head_ = 0;", "  std::size_t size_ = 0;", "};", "",
        "class Filter {", " public:", "  std::optional<double> add(double reading) {",
        "    // " + t("Reject spikes: a jump larger than kMaxJump is treated as a glitch.",
            "Descarta picos: un salto mayor que kMaxJump se considera un error de lectura.") + "",
        "    if (buffer_.size() > 0 && std::abs(reading - buffer_.at(0)) > kMaxJump) {", "      ++rejected_;",
        "      return std::nullopt;", "    }", "    buffer_.push(reading);", "    return average();", "  }", "",
        "  double average() const {", "    const std::size_t n = std::min(kWindow, buffer_.size());", "    double sum = 0.0;",
        "    for (std::size_t i = 0; i < n; ++i) sum += buffer_.at(i);", "    return n ? sum / n : 0.0;", "  }", "",
        "  std::size_t rejected() const { return rejected_; }", "", " private:", "  RingBuffer<double, kCapacity> buffer_;",
        "  std::size_t rejected_ = 0;", "};", "", "}  // namespace sensors", "",
        "// " + t("Reads one value per line from stdin, prints the smoothed value.",
            "Lee un valor por línea de stdin e imprime el valor suavizado.") + "",
        "int main() {", "  sensors::Filter filter;", "  std::string line;", "  while (std::getline(std::cin, line)) {",
        "    std::istringstream in(line);", "    double value;", "    if (!(in >> value)) {",
        f"      std::cerr << \"{t('skipping invalid line: ', 'línea no válida, se ignora: ')}\" << line << '\\n';",
        "      continue;", "    }", "    if (auto avg = filter.add(value)) std::cout << *avg << '\\n';", "  }",
        f"  std::cerr << \"{t('rejected samples: ', 'muestras descartadas: ')}\" << filter.rejected() << '\\n';", "  return 0;", "}"]
    lines.insert(5, "#include <algorithm>")
    lines.insert(6, "#include <cmath>")
    return Built(text(lines))


@template("source_code", "code.b6_perl", ("de", "fr"), ".pl", blind=True)
def code_perl(c: Ctx) -> Built:
    author = c.person()
    de = c.lang == "de"
    limit = c.pick((500, 1000, 2000))

    def t(d: str, f: str) -> str:
        return d if de else f
    host = c.company().domain
    lines = [
        "#!/usr/bin/perl", "# auswertung_zugriffe.pl" if de else "# stats_acces.pl",
        "# " + t("Wertet die Apache-Zugriffslogs aus: Anfragen je Stunde, langsamste URLs, 5xx-Fehler.",
            "Analyse des logs d’accès Apache : requêtes par heure, URL les plus lentes, erreurs 5xx.") + "",
        f"# {t('Aufruf', 'Usage')}: perl {'auswertung_zugriffe.pl' if de else 'stats_acces.pl'} /var/log/apache2/{host}-access.log",
        f"# {author.name}, {short_date(c)}", "", "use strict;", "use warnings;", "use Getopt::Long;", "", f"my $limit = {limit};  # ms",
        "my $top   = 10;", "GetOptions('limit=i' => \\$limit, 'top=i' => \\$top) or die \"Usage: $0 [--limit ms] [--top n] logfile\\n\";",
        "", "my (%per_hour, %slow, $errors, $total);", "",
        "# " + t("Format: LogFormat mit %D (Antwortzeit in Mikrosekunden) am Zeilenende",
            "Format : LogFormat avec %D (temps de réponse en microsecondes) en fin de ligne") + "",
        "while (my $line = <>) {",
        "    next unless $line =~ m{\\[(\\d+)/(\\w+)/(\\d+):(\\d+):\\d+:\\d+ [^\\]]+\\] "
        "\"(\\w+) (\\S+) [^\"]*\" (\\d{3}) \\S+ .* (\\d+)$};",
        "    my ($hour, $url, $status, $micros) = ($4, $6, $7, $8);", "    $total++;", "    $per_hour{$hour}++;",
        "    $errors++ if $status >= 500;", "    my $ms = $micros / 1000;", "    push @{ $slow{$url} }, $ms if $ms > $limit;", "}", "",
        f"print \"{t('Anfragen gesamt', 'Requêtes au total')}: $total\\n\";",
        f"printf \"{t('5xx-Fehler', 'Erreurs 5xx')}: %d (%.2f %%)\\n\", $errors // 0, $total ? 100 * ($errors // 0) / $total : 0;",
        "", f"print \"\\n{t('Anfragen je Stunde', 'Requêtes par heure')}:\\n\";",
        "printf \"  %s:00  %6d\\n\", $_, $per_hour{$_} for sort keys %per_hour;", "",
        f"print \"\\n{t('Langsamste URLs (über', 'URL les plus lentes (plus de')} $limit ms):\\n\";",
        "my @urls = sort { @{ $slow{$b} } <=> @{ $slow{$a} } } keys %slow;",
        "for my $url (grep { defined } @urls[0 .. $top - 1]) {", "    my @t = sort { $b <=> $a } @{ $slow{$url} };",
        "    printf \"  %-50s %4d x, max %.0f ms\\n\", $url, scalar @t, $t[0];", "}"]
    return Built(text(lines))


# --------------------------------------------------------------------------- credentials


@template("credentials", "cred.b6_maven_settings", ("en", "de"), ".xml", blind=True)
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
             f"      <password>{_x(deploy_pw)}</password>", "    </server>"]
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


@template("credentials", "cred.b6_rclone_conf", ("fr", "es"), ".conf", blind=True)
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


# --------------------------------------------------------------------------- contact_list


@template("contact_list", "contacts.b6_emergency_contacts", ("de", "es"), ".pdf", blind=True)
def contacts_emergency(c: Ctx) -> Built:
    co = c.company()
    roles = c.t({"de": ("Notfallkoordinator/in", "Stellvertretung", "Brandschutzhelfer/in", "Ersthelfer/in", "Ersthelfer/in",
                        "IT-Rufbereitschaft", "Haustechnik", "Geschäftsführung"),
                 "es": ("Coordinador/a de emergencias", "Suplente", "Equipo de primera intervención", "Primeros auxilios",
                        "Primeros auxilios", "Guardia de sistemas", "Mantenimiento", "Dirección general")})
    rows = []
    for r in roles[:c.rng.randint(6, 8)]:
        p = c.person(co)
        mobile = (f"+49 1{c.rng.randint(51, 79)} {c.rng.randint(1000000, 9999999)}" if c.lang == "de"
                  else f"+34 6{c.rng.randint(10, 99)} {c.rng.randint(100, 999)} {c.rng.randint(100, 999)}")
        rows.append(f"{r}: {p.name} – {c.t({'de': 'Durchwahl', 'es': 'Ext.'})} {c.rng.randint(100, 499)} – "
                    f"{c.t({'de': 'Mobil', 'es': 'Móvil'})} {mobile} – {p.email}")
    if c.lang == "de":
        title = f"Notfall-Telefonliste {co.name}"
        lines = [f"Standort: {co.street}, {co.city}    Stand: {short_date(c)}", "", "Externe Notrufnummern",
                 "Feuerwehr / Rettungsdienst: 112", "Polizei: 110", "Giftnotruf: 030 19240",
                 f"Gebäudeverwaltung: +49 {c.rng.randint(30, 89)} {c.rng.randint(100000, 999999)}", "",
                 "Interne Ansprechpartner", *rows, "", "Bitte bei Änderungen sofort die Empfangsstelle informieren. "
                 "Aushang an jedem Ausgang und in der Teeküche."]
    else:
        title = f"Listado de teléfonos de emergencia – {co.name}"
        lines = [f"Centro: {co.street}, {co.city}    Actualizado: {short_date(c)}", "", "Teléfonos externos",
                 "Emergencias: 112", "Bomberos: 080", "Policía Nacional: 091", "Información toxicológica: 91 562 04 20",
                 f"Administración del edificio: +34 9{c.rng.randint(10, 99)} {c.rng.randint(100000, 999999)}", "",
                 "Personas de contacto internas", *rows, "", "Comunique cualquier cambio a recepción. Este listado debe estar "
                 "expuesto junto a cada salida y en la zona de descanso."]
    return Built(pdf(title, lines, c, c.person(co).name))


@template("contact_list", "contacts.b6_press_list", ("en", "fr"), ".xlsx", blind=True)
def contacts_press(c: Ctx) -> Built:
    outlets = c.t({"en": (("IT Business Review", "itbusinessreview.co.uk", "London", "+44 20 7946 1"),
                          ("Supply Chain Matters", "supplychainmatters.co.uk", "Manchester", "+44 161 496 0"),
                          ("Midwest Business Weekly", "midwestbusinessweekly.com", "Chicago", "+1 312 555 02"),
                          ("The Data Desk", "thedatadesk.com", "Boston", "+1 617 555 01"),
                          ("Northern Tech News", "northerntechnews.co.uk", "Leeds", "+44 113 496 0"),
                          ("CIO Briefing", "ciobriefing.co.uk", "London", "+44 20 7946 2"),
                          ("Logistics Today", "logisticstoday.com", "Chicago", "+1 312 555 03"),
                          ("Scottish Business Post", "scottishbusinesspost.co.uk", "Edinburgh", "+44 131 496 0")),
                   "fr": (("Informatique & Entreprise", "informatique-entreprise.fr", "Paris", "+33 1 70 36 1"),
                          ("Le Courrier de la Logistique", "courrier-logistique.fr", "Paris", "+33 1 70 36 2"),
                          ("L’Éco du Rhône", "eco-rhone.fr", "Lyon", "+33 4 28 29 1"),
                          ("Sud Entreprises", "sud-entreprises.fr", "Toulouse", "+33 5 36 25 1"),
                          ("Décideurs IT", "decideurs-it.fr", "Paris", "+33 1 70 36 3"),
                          ("La Gazette numérique", "gazette-numerique.fr", "Bordeaux", "+33 5 35 54 1"),
                          ("Méditerranée Business", "med-business.fr", "Marseille", "+33 4 84 25 1"),
                          ("Industrie Mag", "industrie-mag.fr", "Paris", "+33 1 70 36 4"))})
    beats = c.t({"en": ("Enterprise IT", "Security", "Business", "Logistics", "Regional business", "Cloud"),
                 "fr": ("Informatique d’entreprise", "Cybersécurité", "Économie", "Logistique", "Économie régionale", "Industrie")})
    rows: list[list[object]] = []
    for name, dom, city, phone in c.some(outlets, 6, 8):
        p = c.person()
        digits = 4 - (len(phone.split()[-1]) - 1) if c.lang == "en" else 2
        number = phone + token(c, digits, DIGITS) if c.lang == "en" else f"{phone}{token(c, 1, DIGITS)} {token(c, 2, DIGITS)}"
        rows.append([name, p.name, c.pick(beats), p.email.split("@")[0] + "@" + dom, number, city, c.pick(("A", "A", "B", "C")),
                     short_date(c, -c.rng.randint(10, 300))])
    if c.lang == "en":
        header = ["Outlet", "Journalist", "Beat", "Email", "Phone", "City", "Priority", "Last contact"]
        sheets: list[Sheet] = [("Media list", header, rows)]
        if c.maybe():
            sheets.append(("Agencies", ["Agency", "Contact", "Email", "Phone"],
                           [["Wireline News Agency", c.person().name, "newsdesk@wirelinenews.co.uk", "+44 20 7946 0800"]]))
    else:
        header = ["Média", "Journaliste", "Rubrique", "E-mail", "Téléphone", "Ville", "Priorité", "Dernier contact"]
        sheets = [("Fichier presse", header, rows)]
        if c.maybe():
            sheets.append(("Agences", ["Agence", "Contact", "E-mail", "Téléphone"],
                           [["Agence Info Régions", c.person().name, "redaction@info-regions.fr", "+33 1 70 36 50 00"]]))
    return Built(xlsx(sheets, c, c.person().name))


# --------------------------------------------------------------------------- other


@template("other", "other.b6_it_usage_policy", ("fr", "es"), ".docx", blind=True)
def other_it_policy(c: Ctx) -> Built:
    co = c.company()
    dpo = c.person(co)
    if c.lang == "fr":
        title = "Charte d’utilisation des ressources informatiques"
        blocks: list[str | list[list[str]]] = [
            f"{co.name} – version {c.rng.randint(2, 5)}.{c.rng.randint(0, 9)} applicable au {long_date(c)}",
            "## 1. Objet", "La présente charte définit les règles d’usage des moyens informatiques et de communication mis à "
            "disposition des salariés, stagiaires et prestataires. Elle est annexée au règlement intérieur.",
            "## 2. Accès et mots de passe", "Chaque utilisateur est responsable de ses identifiants. Le mot de passe est personnel, "
            "comporte au moins 12 caractères et n’est jamais communiqué, y compris au service informatique.",
            "## 3. Messagerie et Internet", "Un usage personnel raisonnable est toléré s’il ne nuit pas à l’activité. Le "
            "téléchargement de logiciels non autorisés est interdit.",
            "## 4. Postes nomades et télétravail", *c.some(("- Verrouiller la session dès que l’on quitte son poste.",
                                                              "- Utiliser le VPN pour tout accès aux ressources internes.",
                                                              "- Ne pas stocker de données de l’entreprise sur une clé USB personnelle.",
                                                              "- Signaler immédiatement toute perte ou vol de matériel."), 3, 4),
            "## 5. Contrôles", "Le service informatique peut, dans le respect du RGPD, analyser les journaux de connexion à des "
            "fins de sécurité. Les journaux sont conservés six mois.",
            "## 6. Sanctions", "Le non-respect de la charte peut entraîner les sanctions prévues au règlement intérieur.",
            f"Contact : {dpo.name}, délégué(e) à la protection des données, {dpo.email}"]
    else:
        title = "Política de uso de los recursos informáticos"
        blocks = [
            f"{co.name} – versión {c.rng.randint(2, 5)}.{c.rng.randint(0, 9)}, en vigor desde el {long_date(c)}",
            "## 1. Objeto", "Esta política establece las normas de uso de los equipos, el correo electrónico e Internet que la "
            "empresa pone a disposición de su plantilla, becarios y colaboradores externos.",
            "## 2. Acceso y contraseñas", "Las credenciales son personales e intransferibles. La contraseña tendrá al menos 12 "
            "caracteres y no se comunicará a nadie, tampoco al departamento de sistemas.",
            "## 3. Correo e Internet", "Se permite un uso personal moderado siempre que no afecte al trabajo. Queda prohibido instalar "
            "programas no autorizados.",
            "## 4. Portátiles y teletrabajo", *c.some(("- Bloquear la sesión al levantarse del puesto.",
                                                        "- Conectarse siempre a través de la VPN corporativa.",
                                                        "- No guardar datos de la empresa en memorias USB personales.",
                                                        "- Comunicar de inmediato la pérdida o el robo de cualquier equipo."), 3, 4),
            "## 5. Supervisión", "De acuerdo con el RGPD y la LOPDGDD, sistemas podrá revisar los registros de acceso por motivos "
            "de seguridad. Los registros se conservan seis meses.",
            "## 6. Incumplimiento", "El incumplimiento de esta política podrá dar lugar a medidas disciplinarias.",
            f"Contacto: {dpo.name}, delegado/a de protección de datos, {dpo.email}"]
    return Built(docx(title, blocks, c, dpo.name))


@template("other", "other.b6_visitor_safety", ("en", "de"), ".html", blind=True)
def other_visitor_safety(c: Ctx) -> Built:
    co = c.company()
    point = c.pick(("car park P2", "the main gate", "the lawn in front of reception")) if c.lang == "en" else \
        c.pick(("am Parkplatz P2", "am Haupttor", "auf der Wiese vor dem Empfang"))
    if c.lang == "en":
        title = f"Safety rules for visitors and contractors – {co.name}"
        rules = ["Sign in at reception and wear your visitor badge visibly at all times.",
                 "Stay with your host. Production and warehouse areas may only be entered when accompanied.",
                 "Safety shoes and high-visibility vests are required in the warehouse; they are provided at reception.",
                 "Keep to the marked pedestrian walkways. Forklifts have right of way.",
                 "No smoking on site except in the designated shelter.",
                 "Photography and filming are not permitted without written approval.",
                 "Contractors must obtain a work permit before any hot work, work at height or electrical work."]
        alarm = (f"If you hear a continuous alarm, leave the building by the nearest exit and go to the assembly point at {point}. "
                 "Do not use the lifts. Report to your host so that everyone can be accounted for.")
        body = [f"<h1>{_h(title)}</h1>", f"<p>Welcome to {_h(co.name)}, {_h(_town(co))}. For your own safety please read these "
                "rules before entering the site.</p>", "<ol>", *[f"<li>{_h(r)}</li>" for r in c.some(rules, 5, 7)], "</ol>",
                "<h2>In an emergency</h2>", f"<p>{_h(alarm)}</p>", "<p>First aid: dial 222 from any internal phone.</p>",
                f"<p><small>Issued by Health &amp; Safety, {_h(short_date(c))}</small></p>"]
    else:
        title = f"Sicherheitsunterweisung für Besucher und Fremdfirmen – {co.name}"
        rules = ["Melden Sie sich am Empfang an und tragen Sie den Besucherausweis gut sichtbar.",
                 "Bleiben Sie bei Ihrer Begleitperson. Produktion und Lager nur in Begleitung betreten.",
                 "Im Lager sind Sicherheitsschuhe und Warnweste Pflicht; beides erhalten Sie am Empfang.",
                 "Benutzen Sie die gekennzeichneten Fußwege. Stapler haben Vorfahrt.",
                 "Rauchen ist nur am ausgewiesenen Raucherplatz erlaubt.",
                 "Fotografieren und Filmen nur mit schriftlicher Genehmigung.",
                 "Fremdfirmen benötigen für Schweiß-, Höhen- und Elektroarbeiten vorab einen Erlaubnisschein."]
        alarm = (f"Bei Dauerton verlassen Sie das Gebäude über den nächsten Notausgang und gehen zum Sammelplatz {point}. "
                 "Keine Aufzüge benutzen. Melden Sie sich dort bei Ihrer Begleitperson.")
        body = [f"<h1>{_h(title)}</h1>", f"<p>Willkommen bei {_h(co.name)}, {_h(_town(co))}. Bitte lesen Sie diese Regeln, "
                "bevor Sie das Gelände betreten.</p>", "<ol>", *[f"<li>{_h(r)}</li>" for r in c.some(rules, 5, 7)], "</ol>",
                "<h2>Im Notfall</h2>", f"<p>{_h(alarm)}</p>", "<p>Erste Hilfe: intern 222 wählen.</p>",
                f"<p><small>Herausgegeben von der Fachkraft für Arbeitssicherheit, {_h(short_date(c))}</small></p>"]
    return Built(_html(title, c.lang, body))
