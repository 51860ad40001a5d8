"""Templates of `sales_data`: sales figures, pipeline, forecasts, revenue by customer, region or product."""

from __future__ import annotations

from collections.abc import Sequence

from category_corpus.common import (
    COMPANIES,
    COMPETITORS_ROUND_5,
    LANGUAGES,
    MONTHS,
    PRODUCT_NAMES,
    PRODUCTS,
    Built,
    Ctx,
    Person,
    Template,
    persons,
    plain_amount,
    short_date,
    template,
)
from category_corpus.writers import COMPACT_CSS, Sheet, csv_text, docx, escape_html, html_page, html_table, pdf, pptx, text, xlsx

CATEGORY = "sales_data"


@template(CATEGORY, "sales.pipeline_xlsx", ("en", "de"), ".xlsx", split="train", written="round 0")
def sales_pipeline(c: Ctx) -> Built:
    owner = c.person(c.vendor())
    reps = [c.person(c.vendor()) for _ in range(3)]
    stages = c.t({"en": ("Qualification", "Discovery", "Proposal", "Negotiation", "Closed won", "Closed lost"),
                  "de": ("Qualifizierung", "Bedarfsanalyse", "Angebot", "Verhandlung", "Gewonnen", "Verloren")})
    header = c.t({"en": ["Opportunity", "Account", "Owner", "Stage", "Amount", "Probability", "Close date"],
                  "de": ["Verkaufschance", "Kunde", "Verantwortlich", "Phase", "Betrag", "Wahrscheinlichkeit", "Abschlussdatum"]})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(8, 18)):
        rows.append([f"OPP-{c.rng.randrange(1000, 9999)}", c.company(c.pick(LANGUAGES)).name, c.pick(reps).name, c.pick(stages),
                     c.rng.randrange(20, 900) * 1000, c.pick((10, 25, 50, 75, 90)), c.later(c.rng.randint(10, 200))])
    forecast_header = c.t({"en": ["Quarter", "Commit", "Best case", "Quota"], "de": ["Quartal", "Commit", "Best Case", "Ziel"]})
    forecast: list[list[object]] = [[f"Q{q}", c.rng.randrange(800, 1500) * 1000, c.rng.randrange(1500, 2500) * 1000, 2_000_000]
                                    for q in range(1, 5)]
    sheets = [("Pipeline", header, rows)]
    if c.maybe(0.7):
        sheets.append(("Forecast", forecast_header, forecast))
    return Built(xlsx(sheets, c, owner.name))


@template(CATEGORY, "sales.revenue_csv", ("fr", "es"), ".csv", split="train", written="round 0")
def sales_revenue_csv(c: Ctx) -> Built:
    header = c.t({"fr": ["Région", "Produit", "CA T1", "CA T2", "CA T3", "CA T4", "Croissance %"],
                  "es": ["Región", "Producto", "Ventas T1", "Ventas T2", "Ventas T3", "Ventas T4", "Crecimiento %"]})
    regions = c.t({"fr": ("Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Nouvelle-Aquitaine", "Grand Est", "Bretagne"),
                   "es": ("Madrid", "Cataluña", "Andalucía", "Comunidad Valenciana", "País Vasco", "Galicia")})
    rows: list[list[object]] = []
    for region in c.some(regions, 3, 6):
        for _, names, _ in c.some(PRODUCTS, 2, 3):
            quarters = [c.rng.randrange(40, 900) * 1000 for _ in range(4)]
            rows.append([region, names[c.lang], *quarters, c.number(c.rng.uniform(-8, 25), 1)])
    return Built(csv_text(header, rows, ";"))


@template(CATEGORY, "sales.forecast_report_docx", ("en", "es"), ".docx", split="held_out", written="round 0")
def sales_forecast_report(c: Ctx) -> Built:
    author, quarter = c.person(c.vendor()), c.rng.randint(1, 4)
    bookings, growth, pipeline = c.rng.randrange(2000, 9000) * 1000, c.rng.randint(3, 25), c.rng.randrange(9000, 30000) * 1000
    title = c.t({"en": f"Quarterly sales forecast Q{quarter} {c.day.year}", "es": f"Previsión de ventas T{quarter} {c.day.year}"})
    regions = c.t({"en": ("North America", "UK and Ireland", "DACH", "France", "Iberia", "Nordics"),
                   "es": ("Norteamérica", "Reino Unido", "DACH", "Francia", "Iberia", "Países nórdicos")})
    table = [c.t({"en": ["Region", "Commit", "Best case", "Quota", "Attainment"],
                  "es": ["Región", "Comprometido", "Mejor caso", "Cuota", "Cumplimiento"]})]
    for region in c.some(regions, 3, 5):
        quota = c.rng.randrange(800, 3000) * 1000
        commit = int(quota * c.rng.uniform(0.6, 1.1))
        table.append([region, c.money(commit), c.money(commit * 1.2), c.money(quota), f"{round(100 * commit / quota)} %"])
    text_blocks = c.t({
        "en": [f"Bookings in the quarter reached {c.money(bookings)}, {growth}% above the same quarter last year.",
               f"The weighted pipeline stands at {c.money(pipeline)}; coverage of the remaining quota is "
               f"{c.number(c.rng.uniform(2, 4), 1)}x.",
               c.pick(("Win rate improved to 31% after the new qualification rules.",
                       "Average deal size fell slightly because of smaller renewals.")),
               "## Forecast by region"],
        "es": [f"La contratación del trimestre alcanzó {c.money(bookings)}, un {growth} % más que el mismo trimestre del año anterior.",
               f"El pipeline ponderado asciende a {c.money(pipeline)}; la cobertura de la cuota restante es de "
               f"{c.number(c.rng.uniform(2, 4), 1)} veces.",
               c.pick(("La tasa de cierre mejoró hasta el 31 % con las nuevas reglas de cualificación.",
                       "El tamaño medio de las operaciones bajó ligeramente por renovaciones más pequeñas.")),
               "## Previsión por región"],
    })
    return Built(docx(title, [*text_blocks, table], c, author.name))


@template(CATEGORY, "sales.report_pdf", ("de", "fr"), ".pdf", split="train", written="round 0")
def sales_report_pdf(c: Ctx) -> Built:
    author = c.person(c.vendor())
    month = MONTHS[c.lang][c.day.month - 1]
    total = c.rng.randrange(900, 9000) * 1000
    title = c.t({"de": f"Umsatzbericht {month} {c.day.year}", "fr": f"Rapport des ventes – {month} {c.day.year}"})
    regions = c.t({"de": ("Nord", "Süd", "West", "Ost", "Österreich", "Schweiz"),
                   "fr": ("Nord", "Sud-Est", "Ouest", "Île-de-France", "Belgique", "Suisse")})
    lines = c.t({
        "de": [f"Umsatz gesamt: {c.money(total)} ({c.rng.randint(-5, 20):+d} % gegenüber Vorjahr)",
               f"Auftragseingang: {c.money(total * c.rng.uniform(0.9, 1.3))}", "", "Umsatz nach Region:"],
        "fr": [f"Chiffre d'affaires total : {c.money(total)} ({c.rng.randint(-5, 20):+d} % par rapport à l'an dernier)",
               f"Prises de commandes : {c.money(total * c.rng.uniform(0.9, 1.3))}", "", "Ventes par région :"],
    })
    for region in c.some(regions, 3, 6):
        lines.append(f"- {region}: {c.money(total * c.rng.uniform(0.05, 0.3))} ({c.rng.randint(-10, 30):+d} %)")
    lines += ["", c.t({"de": "Top-Kunden:", "fr": "Principaux clients :"})]
    for rank_, company in enumerate(c.some(COMPANIES[c.lang], 3, 4), start=1):
        lines.append(f"{rank_}. {company.name}: {c.money(c.rng.randrange(50, 400) * 1000)}")
    return Built(pdf(title, lines, c, author.name))


@template(CATEGORY, "sales.top_customers_xlsx", ("es", "en"), ".xlsx", split="train", written="round 0")
def sales_top_customers(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"es": ["Cliente", "Sector", f"Ventas {c.day.year - 1}", f"Ventas {c.day.year}", "Crecimiento %", "Comercial"],
                  "en": ["Customer", "Industry", f"Revenue {c.day.year - 1}", f"Revenue {c.day.year}", "Growth %", "Account manager"]})
    sectors = c.t({"es": ("Industria", "Banca", "Distribución", "Energía", "Sanidad"),
                   "en": ("Manufacturing", "Banking", "Retail", "Energy", "Healthcare")})
    rows: list[list[object]] = []
    for company in c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 8, 14):
        before = c.rng.randrange(50, 900) * 1000
        after = int(before * c.rng.uniform(0.8, 1.4))
        rows.append([company.name, c.pick(sectors), before, after, round(100 * (after - before) / before, 1), c.person().name])
    return Built(xlsx([(c.t({"es": "Top clientes", "en": "Top customers"}), header, rows)], c, author.name))


@template(CATEGORY, "sales.review_pptx", ("de", "en"), ".pptx", split="held_out", written="round 0")
def sales_review(c: Ctx) -> Built:
    author, quarter = c.person(c.vendor()), c.rng.randint(1, 4)
    intake, plan = c.rng.randint(15, 40) / 10, c.rng.randint(15, 40) / 10
    slides = c.t({
        "de": [(f"Vertriebsreview Q{quarter} {c.day.year}", [author.name, c.datestr()]),
               ("Zahlen im Überblick", [f"Auftragseingang: {c.number(intake, 1)} Mio. € (Plan {c.number(plan, 1)} Mio. €)",
                                        f"Pipeline: {c.rng.randint(8, 20)} Mio. €, gewichtet {c.rng.randint(3, 7)} Mio. €",
                                        f"Abschlussquote: {c.rng.randint(20, 40)} %"]),
               ("Top-Deals", [f"{x.name}: {c.rng.randrange(100, 900)} T€" for x in c.some(COMPANIES["de"], 3, 3)]),
               ("Ausblick", ["Forecast für das nächste Quartal stabil", "Zwei Großprojekte in Verhandlung"])],
        "en": [(f"Sales review Q{quarter} {c.day.year}", [author.name, c.datestr()]),
               ("Numbers at a glance", [f"Bookings: ${c.number(intake, 1)}M (plan ${c.number(plan, 1)}M)",
                                        f"Pipeline: ${c.rng.randint(8, 20)}M, weighted ${c.rng.randint(3, 7)}M",
                                        f"Win rate: {c.rng.randint(20, 40)}%"]),
               ("Top deals", [f"{x.name}: ${c.rng.randrange(100, 900)}k" for x in c.some(COMPANIES["en"], 3, 3)]),
               ("Outlook", ["Forecast for next quarter stable", "Two large deals in negotiation"])],
    })
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "sales.revenue_by_month_xlsx", ("de", "fr"), ".xlsx", split="train", written="round 1")
def revenue_by_month(c: Ctx) -> Built:
    header = c.t({"de": ["Kunde", "Region", "Produktlinie", "Monat", "Umsatz EUR", "Vorjahr EUR", "Abweichung %"],
                  "fr": ["Client", "Région", "Gamme", "Mois", "CA HT EUR", "CA N-1 EUR", "Évolution %"]})
    regions = c.t({"de": ("Nord", "Süd", "West", "Ost", "DACH Export"), "fr": ("Île-de-France", "Sud-Est", "Ouest", "Nord", "Export")})
    lines = c.t({"de": ("Hardware", "Lizenzen", "Wartung", "Dienstleistung"), "fr": ("Matériel", "Licences", "Maintenance", "Services")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(18, 40)):
        revenue = round(c.rng.uniform(2_000, 90_000), 2)
        last = round(revenue * c.rng.uniform(0.6, 1.3), 2)
        rows.append([c.company().name, c.pick(regions), c.pick(lines), MONTHS[c.lang][c.rng.randrange(12)], revenue, last,
                     round((revenue - last) / last * 100, 1)])
    sheet = c.t({"de": f"Umsatz {c.day.year}", "fr": f"Ventes {c.day.year}"})
    return Built(xlsx([(sheet, header, rows)], c, c.person().name))


@template(CATEGORY, "sales.blind_bookings_by_rep_pdf", ("en", "es"), ".pdf", split="train", written="round 2")
def blind_bookings_by_rep(c: Ctx) -> Built:
    quarter = c.rng.randint(1, 4)
    reps = [c.person(c.vendor()) for _ in range(c.rng.randint(5, 9))]
    regions = c.t({"en": ("North America", "UK & Ireland", "Nordics", "Benelux"), "es": ("Centro", "Cataluña", "Levante", "Sur")})
    lines = [c.t({"en": f"Quarter {quarter} {c.day.year}, status {c.datestr()}", "es": f"Trimestre {quarter} de {c.day.year}, "
                  f"a {c.datestr()}"}), ""]
    lines.append(c.t({"en": "Rep | Region | Deals won | Booked | Quota | Attainment",
                      "es": "Comercial | Zona | Operaciones ganadas | Contratado | Objetivo | Cumplimiento"}))
    total = 0.0
    for rep in reps:
        booked = round(c.rng.uniform(40_000, 600_000), -2)
        quota = round(c.rng.uniform(200_000, 500_000), -3)
        total += booked
        lines.append(f"{rep.name} | {c.pick(regions)} | {c.rng.randint(1, 14)} | {c.money(booked)} | {c.money(quota)} | "
                     f"{booked / quota * 100:.0f}%")
    lines += ["", c.t({"en": f"Team total: {c.money(total)}", "es": f"Total del equipo: {c.money(total)}"})]
    title = c.t({"en": f"Q{quarter} bookings by rep", "es": f"Ventas del T{quarter} por comercial"})
    return Built(pdf(title, lines, c, reps[0].name))


@template(CATEGORY, "sales.b3_crm_export", ("de", "fr"), ".csv", split="train", written="round 3")
def sales_crm_export(c: Ctx) -> Built:
    owners = [c.person(c.vendor()) for _ in range(c.rng.randint(2, 5))]
    stages = c.t({"de": ("Qualifizierung", "Bedarfsanalyse", "Angebot", "Verhandlung", "Gewonnen", "Verloren"),
                  "fr": ("Qualification", "Découverte", "Proposition", "Négociation", "Gagnée", "Perdue")})
    probability = (10, 25, 50, 75, 100, 0)
    sources = c.t({"de": ("Messe", "Website", "Bestandskunde", "Partner", "Kaltakquise"),
                   "fr": ("Salon", "Site web", "Client existant", "Partenaire", "Prospection")})
    topics = c.t({"de": ("Rollout Standort {x}", "Lizenzerweiterung", "Wartungsverlängerung", "Migration Cloud",
                         "Ersatz Altsystem", "Pilot Werk {x}", "Rahmenvertrag IT-Hardware"),
                  "fr": ("Déploiement site {x}", "Extension licences", "Renouvellement maintenance", "Migration cloud",
                         "Remplacement ancien système", "Pilote usine {x}", "Accord-cadre matériel")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(8, 45)):
        stage = c.rng.randrange(len(stages))
        account = c.company(c.pick((c.lang, c.lang, "en", "es"))).name
        amount = c.rng.randrange(30, 900) * 100
        rows.append([f"OPP-{c.rng.randrange(100000, 999999)}", c.pick(topics).format(x=c.pick(("Nord", "Süd", "2", "Ost", "Lyon"))),
                     account, stages[stage], c.number(amount), probability[stage], short_date(c, c.rng.randrange(-60, 180)),
                     c.pick(owners).name, c.pick(sources)])
    head = c.t({"de": ["ID", "Verkaufschance", "Firma", "Phase", "Betrag (EUR)", "Wahrscheinlichkeit (%)", "Abschlussdatum",
                       "Verantwortlich", "Quelle"],
                "fr": ["ID", "Opportunité", "Compte", "Étape", "Montant (EUR)", "Probabilité (%)", "Date de clôture",
                       "Propriétaire", "Origine"]})
    return Built(csv_text(head, rows, delimiter=";"))


@template(CATEGORY, "sales.b3_weekly_flash", ("en", "es"), ".md", split="train", written="round 3")
def sales_weekly_flash(c: Ctx) -> Built:
    week = c.day.isocalendar()[1]
    reps = [c.person(c.vendor()) for _ in range(c.rng.randint(4, 9))]
    region = c.pick(c.t({"en": ("UK & Ireland", "North America", "Enterprise East", "Mid-market"),
                         "es": ("Iberia", "Zona Centro", "Cataluña y Levante", "Grandes cuentas")}))
    if c.lang == "en":
        out = [f"# Sales flash – week {week}", f"_{region} · figures as of {c.datestr(long=False)}, close of business_", "",
               "| Rep | Booked this week | QTD | Quota Q | Attainment |", "|---|---:|---:|---:|---:|"]
    else:
        out = [f"# Flash comercial – semana {week}", f"_{region} · datos a cierre del {c.datestr(long=False)}_", "",
               "| Comercial | Firmado semana | Acum. trimestre | Cuota trim. | Cumplimiento |", "|---|---:|---:|---:|---:|"]
    total_week = total_qtd = total_quota = 0.0
    closed: list[tuple[Person, float]] = []
    for rep in reps:
        week_amount = float(c.pick((0, 0, c.rng.randrange(5, 120) * 1000)))
        if week_amount:
            closed.append((rep, week_amount))
        qtd = week_amount + c.rng.randrange(20, 400) * 1000
        quota = c.rng.randrange(25, 60) * 10000
        total_week, total_qtd, total_quota = total_week + week_amount, total_qtd + qtd, total_quota + quota
        out.append(f"| {rep.name} | {c.number(week_amount, 0)} | {c.number(qtd, 0)} | {c.number(quota, 0)} | {qtd / quota:.0%} |")
    out.append(f"| **{c.t({'en': 'Total', 'es': 'Total'})}** | **{c.number(total_week, 0)}** | **{c.number(total_qtd, 0)}** | "
               f"**{c.number(total_quota, 0)}** | **{total_qtd / total_quota:.0%}** |")
    out += ["", c.t({"en": "## Closed this week", "es": "## Cerrado esta semana"})]
    deals = c.t({"en": ("renewal 3 yrs", "second site", "upsell Gold support", "new logo", "licence true-up", "hardware refresh"),
                 "es": ("renovación 3 años", "segunda sede", "ampliación a soporte Oro", "cliente nuevo", "regularización de licencias",
                        "renovación de equipos")})
    for rep, amount in closed or [(c.pick(reps), 0.0)]:
        if amount:
            out.append(f"- {c.company().name} – {c.pick(deals)} – {c.number(amount, 0)} ({rep.first})")
        else:
            out.append(c.t({"en": "- nothing signed this week", "es": "- esta semana no se ha firmado nada"}))
    out += ["", c.t({"en": "## Slipped to next quarter", "es": "## Se van al trimestre siguiente"})]
    for _ in range(c.rng.randint(0, 3)):
        out.append(f"- {c.company().name}: {c.money(c.rng.randrange(20, 300) * 1000)} – " + c.pick(c.t({
            "en": ("budget frozen until April", "legal still on the DPA", "champion left the company", "waiting on board sign-off"),
            "es": ("presupuesto congelado hasta abril", "jurídico sigue con el contrato", "nuestro contacto se ha ido",
                   "pendiente del consejo")})))
    if c.maybe(0.6):
        out += ["", c.t({"en": f"Run rate says we land at {total_qtd / total_quota * 1.3:.0%} of plan if the top 5 close.",
                         "es": f"Al ritmo actual cerramos al {total_qtd / total_quota * 1.3:.0%} del objetivo si entran los 5 grandes."})]
    return Built(text(out))


@template(CATEGORY, "sales.b4_commission", ("en", "fr"), ".xlsx", split="train", written="round 4")
def sales_commission(c: Ctx) -> Built:
    us = c.vendor()
    reps = persons(c, c.rng.randint(4, 7), us)
    quarter = (c.day.month - 1) // 3 + 1
    author = c.person(us)
    deals: list[list[object]] = []
    summary: list[list[object]] = []
    rate_base = c.pick((0.04, 0.05, 0.06))
    for rep in reps:
        quota = c.pick((250_000, 300_000, 400_000, 500_000))
        booked = 0.0
        for _ in range(c.rng.randint(2, 5)):
            customer = c.company(c.pick(("en", "de", "fr", "es")))
            amount = round(c.rng.uniform(8_000, 140_000), 2)
            booked += amount
            line = c.pick(("Licences", "Support", "Services", "Hardware")) if c.lang == "en" else \
                c.pick(("Licences", "Support", "Prestations", "Matériel"))
            deals.append([f"OPP-{c.rng.randint(10000, 99999)}", customer.name, rep.name,
                          c.later(-c.rng.randint(1, 85)).isoformat(), line, amount, rate_base, round(amount * rate_base, 2)])
        attainment = booked / quota
        accel = 1.5 if attainment > 1 else 1.0
        summary.append([rep.name, c.pick(("North", "South", "West", "Central")) if c.lang == "en" else
                        c.pick(("Nord", "Sud", "Ouest", "Île-de-France")), quota, round(booked, 2),
                        round(attainment, 3), round(booked * rate_base * accel, 2)])
    if c.lang == "en":
        sheets: list[Sheet] = [
            (f"Q{quarter} summary", ["Sales rep", "Region", "Quarterly quota", "Booked revenue", "Attainment", "Commission payable"],
             summary),
            ("Closed deals", ["Opportunity", "Customer", "Sales rep", "Close date", "Product line", "Booked amount", "Rate",
                              "Commission"], deals),
            ("Plan rules", ["Rule", "Value"], [
                ["Base commission rate", rate_base],
                ["Accelerator above 100% of quota", 1.5],
                ["Payout", f"with the payroll run of the month after quarter end ({c.day.year})"],
                ["Clawback", "deals cancelled within 90 days are deducted from the next statement"],
                ["Approved by", f"{author.name}, Sales Operations"],
            ]),
        ]
    else:
        sheets = [
            (f"Synthèse T{quarter}", ["Commercial", "Région", "Objectif trimestriel", "CA signé", "Taux d'atteinte",
                                      "Commission due"], summary),
            ("Affaires signées", ["Opportunité", "Client", "Commercial", "Date de signature", "Gamme", "Montant signé", "Taux",
                                  "Commission"], deals),
            ("Règles du plan", ["Règle", "Valeur"], [
                ["Taux de commission de base", rate_base],
                ["Accélérateur au-delà de 100 % de l'objectif", 1.5],
                ["Versement", f"avec la paie du mois suivant la clôture du trimestre ({c.day.year})"],
                ["Reprise", "les affaires annulées sous 90 jours sont déduites du relevé suivant"],
                ["Validé par", f"{author.name}, Administration des ventes"],
            ]),
        ]
    return Built(xlsx(sheets, c, author.name))


@template(CATEGORY, "sales.b4_sellout", ("de", "es"), ".tsv", split="train", written="round 4")
def sales_sellout(c: Ctx) -> Built:
    dealers = [c.company() for _ in range(c.rng.randint(4, 6))]
    regions = ("Nord", "Süd", "West", "Ost") if c.lang == "de" else ("Centro", "Cataluña", "Levante", "Andalucía")
    week = c.day.isocalendar()[1]
    rows: list[list[object]] = []
    for dealer in dict.fromkeys(dealers):
        region = c.pick(regions)
        for sku, names, price in c.some([x for x in PRODUCTS if x[0] not in ('PS-DAY', 'STO-TB', 'SUP-GLD')], 3, 6):
            for offset in range(c.rng.randint(1, 2)):
                units = c.rng.randint(3, 180) if price < 2000 else c.rng.randint(1, 12)
                revenue = round(units * price * c.rng.uniform(0.78, 0.95), 2)
                last_year = round(revenue * c.rng.uniform(0.7, 1.3), 2)
                rows.append([dealer.name, region, f"{c.day.year}-W{max(1, week - offset):02d}", sku, names[c.lang], units,
                             c.number(revenue), c.number(last_year), c.rng.randint(0, 60)])
    if c.lang == "de":
        header = ["Händler", "Vertriebsgebiet", "Kalenderwoche", "Artikelnr.", "Bezeichnung", "Abverkauf Stk.",
                  "Umsatz netto EUR", "Umsatz Vorjahr EUR", "Lagerbestand Händler"]
    else:
        header = ["Distribuidor", "Zona", "Semana", "Referencia", "Descripción", "Unidades vendidas", "Ventas netas EUR",
                  "Ventas año anterior EUR", "Stock distribuidor"]
    return Built(csv_text(header, rows, delimiter="\t"))


@template(CATEGORY, "sales.b5_units_by_product", ("de", "es"), ".tsv", split="train", written="round 5")
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
        return plain_amount(value).replace(".", ",")

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


@template(CATEGORY, "sales.b5_winloss", ("en", "fr"), ".pptx", split="train", written="round 5")
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
    big_wins = [(cust.name, c.pick(PRODUCT_NAMES), c.rng.randint(110, 480) * 1000) for cust in c.some(customers, 3, 4)]
    big_losses = [(cust.name, c.pick(COMPETITORS_ROUND_5), c.rng.randint(90, 400) * 1000) for cust in c.some(customers, 2, 3)]
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


@template(CATEGORY, "sales.b6_quota_attainment", ("en", "de"), ".xlsx", split="blind", written="round 6")
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


@template(CATEGORY, "sales.b6_discount_analysis", ("fr", "es"), ".html", split="blind", written="round 6")
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
    body = [f"<h1>{escape_html(title)}</h1>", f"<p>{escape_html(intro)}</p>", *html_table(header, rows),
            f"<p><em>{escape_html(note)}</em></p>"]
    return Built(html_page(c.lang, title, body, COMPACT_CSS))


TEMPLATES: tuple[Template, ...] = (
    sales_pipeline,
    sales_revenue_csv,
    sales_forecast_report,
    sales_report_pdf,
    sales_top_customers,
    sales_review,
    revenue_by_month,
    blind_bookings_by_rep,
    sales_crm_export,
    sales_weekly_flash,
    sales_commission,
    sales_sellout,
    sales_units_by_product,
    sales_winloss,
    sales_quota,
    sales_discounts,
)
