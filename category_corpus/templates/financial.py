"""Templates of `financial`: budgets, financial statements, bank details, payment records."""

from __future__ import annotations

from datetime import date, timedelta

from category_corpus.common import BICS, COMPANIES, IBANS, LANGUAGES, MONTHS, Built, Ctx, Template, short_date, template
from category_corpus.writers import Sheet, csv_text, docx, pdf, text, xlsx

CATEGORY = "financial"


@template(CATEGORY, "fin.budget_xlsx", ("en", "de"), ".xlsx", split="train", written="round 0")
def budget_xlsx(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"en": ["Cost center", "Account", f"Budget {c.day.year}", "Actual", "Variance", "Variance %"],
                  "de": ["Kostenstelle", "Konto", f"Budget {c.day.year}", "Ist", "Abweichung", "Abweichung %"]})
    accounts = c.t({"en": ("Salaries", "Travel", "Software licences", "Marketing", "Rent", "Training"),
                    "de": ("Gehälter", "Reisekosten", "Softwarelizenzen", "Marketing", "Miete", "Schulungen")})
    rows: list[list[object]] = []
    for account in c.some(accounts, 4, 6):
        budget = c.rng.randrange(20, 900) * 1000
        actual = int(budget * c.rng.uniform(0.7, 1.2))
        rows.append([f"CC{c.rng.randrange(100, 999)}", account, budget, actual, actual - budget,
                     round(100 * (actual - budget) / budget, 1)])
    return Built(xlsx([(c.t({"en": "Budget vs actual", "de": "Plan-Ist"}), header, rows)], c, author.name))


@template(CATEGORY, "fin.pnl_pdf", ("fr", "es"), ".pdf", split="train", written="round 0")
def profit_and_loss(c: Ctx) -> Built:
    company = c.company()
    revenue = c.rng.randrange(5000, 90000) * 1000
    rows = c.t({"fr": ("Chiffre d'affaires net", "Achats consommés", "Charges de personnel", "Autres charges externes", "EBITDA",
                       "Dotations aux amortissements", "Résultat d'exploitation", "Résultat net"),
                "es": ("Importe neto de la cifra de negocios", "Aprovisionamientos", "Gastos de personal",
                       "Otros gastos de explotación", "EBITDA", "Amortización del inmovilizado", "Resultado de explotación",
                       "Resultado del ejercicio")})
    shares = (1.0, 0.42, 0.28, 0.12, 0.18, 0.05, 0.13, 0.09)
    lines = [company.name, c.t({"fr": f"Exercice clos le 31 décembre {c.day.year - 1}", "es": f"Ejercicio {c.day.year - 1}"}), "",
             *(f"{label:<40} {c.money(revenue * share * c.rng.uniform(0.95, 1.05)):>18}"
               for label, share in zip(rows, shares, strict=True))]
    return Built(pdf(c.t({"fr": f"Compte de résultat {c.day.year - 1}", "es": f"Cuenta de resultados {c.day.year - 1}"}),
                     lines, c, c.person(company).name))


@template(CATEGORY, "fin.bank_details_txt", ("en", "de"), ".txt", split="held_out", written="round 0")
def bank_details(c: Ctx) -> Built:
    company = c.company()
    out = c.t({
        "en": [c.pick(("Bank details for payments", "Change of bank details")), "", f"Account holder: {company.name}",
               "Bank: Barclays Bank plc, London", f"IBAN: {IBANS['en']}", f"BIC/SWIFT: {BICS['en']}",
               f"Sort code: 20-{c.rng.randrange(10, 99)}-{c.rng.randrange(10, 99)}", "",
               c.pick(("Please use this account for all payments from 1 July.",
                       "Payments to our old account will no longer be accepted after the end of the quarter."))],
        "de": [c.pick(("Bankverbindung", "Änderung unserer Bankverbindung")), "", f"Kontoinhaber: {company.name}",
               "Bank: Commerzbank AG, Frankfurt", f"IBAN: {IBANS['de']}", f"BIC: {BICS['de']}", "",
               c.pick(("Bitte verwenden Sie ab dem 1. Juli ausschließlich dieses Konto für Zahlungen.",
                       "Zahlungen auf das alte Konto sind ab Quartalsende nicht mehr möglich."))],
    })
    return Built(text(out))


@template(CATEGORY, "fin.payments_csv", ("es", "en"), ".csv", split="train", written="round 0")
def payment_records(c: Ctx) -> Built:
    header = c.t({"es": ["Fecha", "Beneficiario", "Concepto", "Importe", "IBAN", "Referencia"],
                  "en": ["Date", "Payee", "Description", "Amount", "IBAN", "Reference"]})
    concepts = c.t({"es": ("Alquiler oficina", "Nóminas", "Proveedor hardware", "Seguro", "Impuestos"),
                    "en": ("Office rent", "Payroll run", "Hardware supplier", "Insurance", "Taxes")})
    rows: list[list[object]] = [[c.later(-c.rng.randint(0, 90)).isoformat(), c.company(c.pick(LANGUAGES)).name, c.pick(concepts),
                                 round(c.rng.uniform(100, 50000), 2), IBANS[c.pick(LANGUAGES)].replace(" ", ""),
                                 f"TRX{c.rng.randrange(10 ** 6, 10 ** 7)}"] for _ in range(c.rng.randint(6, 15))]
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template(CATEGORY, "fin.balance_sheet_docx", ("de", "fr"), ".docx", split="train", written="round 0")
def balance_sheet(c: Ctx) -> Built:
    company = c.company()
    total = c.rng.randrange(2000, 80000) * 1000
    rows = c.t({"de": [["Aktiva", "EUR", "Passiva", "EUR"], ["Anlagevermögen", c.number(total * 0.55, 0), "Eigenkapital",
                                                             c.number(total * 0.4, 0)],
                       ["Umlaufvermögen", c.number(total * 0.4, 0), "Rückstellungen", c.number(total * 0.15, 0)],
                       ["Liquide Mittel", c.number(total * 0.05, 0), "Verbindlichkeiten", c.number(total * 0.45, 0)],
                       ["Summe", c.number(total, 0), "Summe", c.number(total, 0)]],
                "fr": [["Actif", "EUR", "Passif", "EUR"], ["Actif immobilisé", c.number(total * 0.55, 0), "Capitaux propres",
                                                          c.number(total * 0.4, 0)],
                       ["Actif circulant", c.number(total * 0.4, 0), "Provisions", c.number(total * 0.15, 0)],
                       ["Disponibilités", c.number(total * 0.05, 0), "Dettes", c.number(total * 0.45, 0)],
                       ["Total", c.number(total, 0), "Total", c.number(total, 0)]]})
    title = c.t({"de": f"Bilanz zum 31.12.{c.day.year - 1}", "fr": f"Bilan au 31 décembre {c.day.year - 1}"})
    blocks: list[str | list[list[str]]] = [company.name, rows, c.t({
        "de": "Der Jahresabschluss wurde vom Abschlussprüfer ohne Einschränkungen testiert.",
        "fr": "Les comptes annuels ont été certifiés sans réserve par le commissaire aux comptes."})]
    return Built(docx(title, blocks, c, c.person(company).name))


@template(CATEGORY, "fin.cashflow_xlsx", ("fr", "en"), ".xlsx", split="held_out", written="round 0")
def cash_flow(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"fr": ["Mois", "Solde d'ouverture", "Encaissements", "Décaissements", "Solde de clôture"],
                  "en": ["Month", "Opening balance", "Receipts", "Payments", "Closing balance"]})
    balance = c.rng.randrange(100, 900) * 1000
    rows: list[list[object]] = []
    for month in range(1, 13):
        receipts, payments = c.rng.randrange(200, 600) * 1000, c.rng.randrange(200, 600) * 1000
        rows.append([MONTHS[c.lang][month - 1], balance, receipts, payments, balance + receipts - payments])
        balance += receipts - payments
    return Built(xlsx([(c.t({"fr": "Trésorerie", "en": "Cash flow"}), header, rows)], c, author.name))


@template(CATEGORY, "fin.ledger_csv", ("en", "es"), ".csv", split="train", written="round 1")
def ledger(c: Ctx) -> Built:
    accounts = c.t({"en": (("1200", "Bank current account"), ("4000", "Sales"), ("5000", "Cost of goods"), ("6100", "Rent"),
                           ("6200", "Salaries"), ("2200", "VAT payable")),
                    "es": (("572", "Bancos c/c"), ("700", "Ventas de mercaderías"), ("600", "Compras"), ("621", "Arrendamientos"),
                           ("640", "Sueldos y salarios"), ("477", "HP IVA repercutido"))})
    header = c.t({"en": ["Date", "Journal", "Entry", "Account", "Account name", "Debit", "Credit", "Balance"],
                  "es": ["Fecha", "Diario", "Asiento", "Cuenta", "Descripción", "Debe", "Haber", "Saldo"]})
    balance = round(c.rng.uniform(10_000, 200_000), 2)
    rows: list[list[object]] = []
    for entry in range(c.rng.randint(15, 40)):
        number, name = c.pick(accounts)
        amount = round(c.rng.uniform(100, 25_000), 2)
        debit = c.maybe()
        balance = round(balance + (amount if debit else -amount), 2)
        rows.append([c.datestr(c.later(entry), long=False), c.pick(("GJ", "BANK", "AP", "AR")), 1000 + entry, number, name,
                     f"{amount:.2f}" if debit else "", "" if debit else f"{amount:.2f}", f"{balance:.2f}"])
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template(CATEGORY, "fin.blind_expenses_xlsx", ("de", "es"), ".xlsx", split="train", written="round 2")
def blind_expenses(c: Ctx) -> Built:
    employee = c.person()
    header = c.t({"de": ["Datum", "Beleg", "Art", "Beschreibung", "Netto", "MwSt.", "Brutto", "Kostenstelle"],
                  "es": ["Fecha", "Justificante", "Tipo", "Concepto", "Base", "IVA", "Total", "Centro de coste"]})
    kinds = c.t({"de": (("Bahn", 0.19), ("Hotel", 0.07), ("Bewirtung", 0.19), ("Taxi", 0.07)),
                 "es": (("Tren", 0.10), ("Hotel", 0.10), ("Comida con cliente", 0.10), ("Taxi", 0.10))})
    rows: list[list[object]] = []
    for number in range(c.rng.randint(4, 12)):
        kind, vat = c.pick(kinds)
        net = round(c.rng.uniform(12, 480), 2)
        rows.append([c.later(number).isoformat(), number + 1, kind, f"{kind} {c.company().city.split(' ', 1)[-1]}", net,
                     round(net * vat, 2), round(net * (1 + vat), 2), c.pick(("4100", "4200", "6300"))])
    sheet = c.t({"de": f"Reisekosten {employee.last}"[:31], "es": f"Gastos {employee.last}"[:31]})
    return Built(xlsx([(sheet, header, rows)], c, employee.name))


@template(CATEGORY, "finance.b3_budget_vs_actual", ("en", "fr"), ".csv", split="train", written="round 3")
def finance_budget_vs_actual(c: Ctx) -> Built:
    centres = c.some(c.t({"en": ("1000 Management", "2100 Sales", "2200 Marketing", "3100 IT", "4000 Operations", "5000 HR"),
                          "fr": ("1000 Direction", "2100 Ventes", "2200 Marketing", "3100 Informatique", "4000 Exploitation",
                                 "5000 Ressources humaines")}), 2, 5)
    accounts = c.t({"en": (("6000", "Salaries"), ("6100", "Social charges"), ("6230", "Travel"), ("6250", "Training"),
                           ("6310", "Software subscriptions"), ("6400", "Rent & service charges"), ("6500", "Consultants"),
                           ("6600", "Events"), ("6810", "Depreciation")),
                    "fr": (("641000", "Salaires"), ("645000", "Charges sociales"), ("625100", "Déplacements"),
                           ("633300", "Formation"), ("651000", "Abonnements logiciels"), ("613200", "Loyers et charges"),
                           ("622600", "Honoraires"), ("623400", "Événements"), ("681100", "Dotations aux amortissements"))})
    share = c.rng.randint(3, 11) / 12
    rows: list[list[object]] = []
    for centre in centres:
        for number, label in c.some(accounts, 3, 7):
            budget = c.rng.randrange(5, 600) * 1000
            actual = round(budget * share * c.rng.uniform(0.7, 1.35), 2)
            forecast = round(actual / share, 2)
            if c.lang == "en":
                rows.append([centre, number, label, budget, f"{actual:.2f}", f"{forecast:.2f}", f"{forecast - budget:.2f}",
                             f"{(forecast - budget) / budget:.1%}"])
            else:
                rows.append([centre, number, label, budget, c.number(actual).replace(" ", ""), c.number(forecast).replace(" ", ""),
                             c.number(forecast - budget).replace(" ", ""), f"{(forecast - budget) / budget * 100:.1f}".replace(".", ",")])
    months = round(share * 12)
    head = c.t({"en": ["Cost centre", "GL account", "Description", "Budget FY", f"Actual YTD (M{months})", "Full-year forecast",
                       "Variance", "Var %"],
                "fr": ["Centre de coût", "Compte", "Libellé", "Budget annuel", f"Réalisé cumul M{months}", "Atterrissage",
                       "Écart", "Écart %"]})
    return Built(csv_text(head, rows, delimiter="," if c.lang == "en" else ";"))


def _german_or_spanish_iban(c: Ctx) -> str:
    """A made-up IBAN of the document's country (the template is written in German and Spanish only)."""
    if c.lang == "de":
        raw = f"DE{c.rng.randrange(10, 99)}{c.rng.randrange(10**7, 10**8)}{c.rng.randrange(10**9, 10**10)}"
    else:
        raw = f"ES{c.rng.randrange(10, 99)}{c.rng.randrange(10**19, 10**20)}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


@template(CATEGORY, "finance.b3_bank_statement", ("de", "es"), ".pdf", split="train", written="round 3")
def finance_bank_statement(c: Ctx) -> Built:
    holder = c.company()
    bank = c.t({"de": c.pick(("Stadtsparkasse", "Volksbank Mittelhessen eG", "Commerzbank AG")),
                "es": c.pick(("CaixaBank", "Banco Sabadell", "BBVA"))})
    balance = round(c.rng.uniform(20000, 400000), 2)
    opening = balance
    pool: list[tuple[str, float, float]] = c.t({
        "de": [("SEPA-Überweisung {v} RE {n}", -9000, -300), ("Gutschrift {k} Rechnung {n}", 800, 24000),
               ("Gutschrift {k} Rechnung {n}", 800, 24000), ("Lastschrift Finanzamt USt-VA", -18000, -2000),
               ("Gehälter {m}", -60000, -20000), ("Lastschrift Techniker Krankenkasse", -9000, -2500),
               ("Miete {m} Büro", -6500, -2500), ("Kartenumsatz Tankstelle", -120, -45), ("Entgelt Kontoführung", -60, -12),
               ("Lastschrift Telekom Deutschland", -900, -150)],
        "es": [("Transferencia a {v} fra. {n}", -9000, -300), ("Transferencia recibida {k} fra. {n}", 800, 24000),
               ("Transferencia recibida {k} fra. {n}", 800, 24000), ("Adeudo AEAT modelo 303", -18000, -2000),
               ("Nóminas {m}", -60000, -20000), ("Recibo TGSS seguros sociales", -15000, -4000),
               ("Alquiler oficina {m}", -6500, -2500), ("Pago con tarjeta gasolinera", -120, -45), ("Comisión mantenimiento", -60, -12),
               ("Recibo Telefónica", -900, -150)],
    })
    number = c.rng.randint(1, 24)
    if c.lang == "de":
        title = f"Kontoauszug {number}/{c.day.year}"
        lines = [bank, "", f"Kontoinhaber: {holder.name}, {holder.street}, {holder.city}", f"IBAN: {_german_or_spanish_iban(c)}",
                 f"Zeitraum: {short_date(c, -30)} bis {short_date(c)}", "", f"Alter Kontostand: {c.number(opening)} EUR", "",
                 "Buchung     Wert        Vorgang                                                    Betrag EUR"]
    else:
        title = f"Extracto de cuenta n.º {number}"
        lines = [bank, "", f"Titular: {holder.name}, {holder.street}, {holder.city}", f"IBAN: {_german_or_spanish_iban(c)}",
                 f"Periodo: {short_date(c, -30)} a {short_date(c)}", "", f"Saldo anterior: {c.number(opening)} EUR", "",
                 "F. oper.    F. valor    Concepto                                                   Importe EUR"]
    day = -30
    month = c.t({"de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
                 "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")})[c.day.month - 1]
    for _ in range(c.rng.randint(6, 24)):
        day = min(0, day + c.rng.randint(0, 3))
        label, low, high = c.pick(pool)
        amount = round(c.rng.uniform(low, high), 2)
        balance += amount
        what = label.format(v=c.vendor().name, k=c.company().name, n=c.rng.randrange(1000, 99999), m=month)
        booked = short_date(c, day)
        lines.append(f"{booked}  {short_date(c, day + c.pick((0, 0, 1)))}  {what[:56]:<56} {c.number(amount):>14}")
    lines += ["", c.t({"de": f"Neuer Kontostand: {c.number(balance)} EUR", "es": f"Saldo final: {c.number(balance)} EUR"})]
    if c.maybe():
        lines += ["", c.t({"de": f"Dispositionskredit: {c.number(c.pick((50000, 100000, 250000)))} EUR, Sollzins 9,75 % p. a.",
                           "es": "Consulte las condiciones de su cuenta en la banca online."})]
    return Built(pdf(title, lines, c, bank))


@template(CATEGORY, "fin.b4_asset_register", ("de", "es"), ".csv", split="train", written="round 4")
def fin_asset_register(c: Ctx) -> Built:
    assets = {
        "de": (("Betriebs- und Geschäftsausstattung", "Gabelstapler Linde E20", 28_000, 8), ("EDV-Hardware", "Server Rack RZ 2", 41_000, 5),
               ("EDV-Hardware", "Notebooks Vertrieb (Sammelposten)", 9_800, 3), ("Fuhrpark", "VW Caddy Kundendienst", 31_500, 6),
               ("Maschinen", "CNC-Fräse DMU 50", 185_000, 10), ("Gebäudeeinbauten", "Klimaanlage Serverraum", 22_400, 10),
               ("Immaterielle VG", "ERP-Lizenz Erweiterung", 64_000, 5), ("BGA", "Büromöbel 2. OG", 17_300, 13)),
        "es": (("Mobiliario", "Mobiliario oficina planta 2", 17_300, 10), ("Equipos informáticos", "Servidores CPD 2", 41_000, 4),
               ("Equipos informáticos", "Portátiles equipo comercial", 9_800, 4), ("Elementos de transporte", "Furgoneta Renault Kangoo",
                                                                                    31_500, 6),
               ("Maquinaria", "Centro de mecanizado CNC", 185_000, 10), ("Instalaciones técnicas", "Climatización sala de servidores",
                                                                       22_400, 10),
               ("Aplicaciones informáticas", "Ampliación licencia ERP", 64_000, 3), ("Utillaje", "Carretilla elevadora eléctrica",
                                                                                     28_000, 8)),
    }[c.lang]
    fy = c.day.year
    rows: list[list[object]] = []
    for n in range(c.rng.randint(10, 18)):
        klass, name, cost, life = c.pick(assets)
        acquired = date(fy - c.rng.randint(0, life - 1), c.rng.randint(1, 12), c.rng.randint(1, 28))
        cost_v = round(cost * c.rng.uniform(0.8, 1.2), 2)
        annual = round(cost_v / life, 2)
        years = fy - acquired.year
        first_year = round(annual * (13 - acquired.month) / 12, 2)
        accumulated = min(cost_v, round(first_year + annual * years, 2))
        previous = min(cost_v, round(first_year + annual * (years - 1), 2)) if years else 0.0
        current = round(accumulated - previous, 2)
        rows.append([f"{c.pick(('0', '1'))}{c.rng.randint(1000, 9999)}-{n}", name, klass,
                     c.pick(("1000", "2100", "3400", "4200")), c.datestr(acquired, long=False), c.number(cost_v), life,
                     c.number(current), c.number(accumulated), c.number(cost_v - accumulated)])
    if c.lang == "de":
        header = ["Anlagennr.", "Bezeichnung", "Anlagenklasse", "Kostenstelle", "Aktivierungsdatum", "Anschaffungskosten EUR",
                  "Nutzungsdauer (Jahre)", f"AfA {fy} EUR", f"Kum. AfA 31.12.{fy} EUR", f"Buchwert 31.12.{fy} EUR"]
    else:
        header = ["N.º activo", "Descripción", "Cuenta PGC", "Centro de coste", "Fecha de alta", "Valor de adquisición EUR",
                  "Vida útil (años)", f"Amortización {fy} EUR", f"Amortización acumulada 31/12/{fy} EUR",
                  f"Valor neto contable 31/12/{fy} EUR"]
    return Built(csv_text(header, rows, delimiter=";"))


@template(CATEGORY, "fin.b4_capex", ("en", "fr"), ".docx", split="train", written="round 4")
def fin_capex(c: Ctx) -> Built:
    company = c.company()
    sponsor, controller = c.person(company), c.person(company)
    amount = c.rng.randint(8, 60) * 10_000
    saving = round(amount * c.rng.uniform(0.22, 0.45), -2)
    payback = round(amount / saving, 1)
    npv = round(saving * 3.79 - amount, -2)
    quarters = [round(amount * share, 2) for share in (0.4, 0.35, 0.25)]
    year = c.day.year + 1
    if c.lang == "en":
        project = c.pick(("Replacement of the packaging line", "Warehouse LED lighting retrofit", "Second data centre room",
                          "Fleet telematics rollout"))
        blocks: list[str | list[list[str]]] = [
            [["Request no.", c.code("CAPEX", 4), "Business unit", c.pick(("Operations", "Logistics", "IT", "Production"))],
             ["Sponsor", sponsor.name, "Date", short_date(c)],
             ["Amount requested", c.money(amount), "Budgeted", c.pick(("Yes – FY plan line 14", "No – unplanned", "Partly (60%)"))]],
            "## Project",
            f"{project}. The current equipment is at the end of its useful life and maintenance costs have risen sharply in the "
            "last two years.",
            "## Financial evaluation",
            [["Indicator", "Value"],
             ["Annual savings (opex)", c.money(saving)],
             ["Payback period", f"{payback} years"],
             ["NPV at 10% over 5 years", c.money(npv)],
             ["Depreciation", "straight-line over 5 years, starting at commissioning"],
             ["Impact on current-year P&L", c.money(round(amount / 5 / 2, 2))]],
            "## Cash-out schedule",
            [["Quarter", "Amount"], *[[f"Q{i + 1} {year}", c.money(q)] for i, q in enumerate(quarters)]],
            "## Risks",
            "- Supplier lead times may move part of the spend into the following year.",
            "- Savings assume energy prices at the level of the current budget.",
            "## Approval",
            [["Role", "Name", "Signature / date"], ["Sponsor", sponsor.name, ""], ["Controlling", controller.name, ""],
             ["CFO", "", ""]],
        ]
        title = "Capital expenditure request"
    else:
        project = c.pick(("Remplacement de la ligne de conditionnement", "Passage en éclairage LED de l'entrepôt",
                          "Seconde salle informatique", "Déploiement de la télématique sur la flotte"))
        blocks = [
            [["N° de demande", c.code("INV", 4), "Entité", c.pick(("Exploitation", "Logistique", "DSI", "Production"))],
             ["Porteur", sponsor.name, "Date", short_date(c)],
             ["Montant demandé", c.money(amount), "Budgété", c.pick(("Oui – ligne 14 du budget", "Non – hors budget",
                                                                     "Partiellement (60 %)"))]],
            "## Projet",
            f"{project}. L'équipement actuel arrive en fin de vie et les coûts de maintenance ont fortement augmenté ces deux "
            "dernières années.",
            "## Évaluation financière",
            [["Indicateur", "Valeur"],
             ["Économies annuelles (charges d'exploitation)", c.money(saving)],
             ["Délai de retour sur investissement", f"{c.number(payback, 1)} ans"],
             ["VAN à 10 % sur 5 ans", c.money(npv)],
             ["Amortissement", "linéaire sur 5 ans à compter de la mise en service"],
             ["Impact sur le compte de résultat de l'exercice", c.money(round(amount / 5 / 2, 2))]],
            "## Échéancier de décaissement",
            [["Trimestre", "Montant"], *[[f"T{i + 1} {year}", c.money(q)] for i, q in enumerate(quarters)]],
            "## Risques",
            "- Les délais fournisseurs peuvent décaler une partie de la dépense sur l'exercice suivant.",
            "- Les économies supposent des prix de l'énergie au niveau du budget en cours.",
            "## Validation",
            [["Rôle", "Nom", "Visa / date"], ["Porteur", sponsor.name, ""], ["Contrôle de gestion", controller.name, ""],
             ["DAF", "", ""]],
        ]
        title = "Demande d'investissement"
    return Built(docx(title, blocks, c, controller.name))


@template(CATEGORY, "fin.b5_vat_return", ("fr", "es"), ".xlsx", split="train", written="round 5")
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


@template(CATEGORY, "fin.b5_loan_schedule", ("en", "de"), ".csv", split="train", written="round 5")
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


@template(CATEGORY, "fin.b6_cost_centre_report", ("de", "fr"), ".xlsx", split="blind", written="round 6")
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


@template(CATEGORY, "fin.b6_aged_debtors", ("en", "es"), ".tsv", split="blind", written="round 6")
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


TEMPLATES: tuple[Template, ...] = (
    budget_xlsx,
    profit_and_loss,
    bank_details,
    payment_records,
    balance_sheet,
    cash_flow,
    ledger,
    blind_expenses,
    finance_budget_vs_actual,
    finance_bank_statement,
    fin_asset_register,
    fin_capex,
    fin_vat_return,
    fin_loan_schedule,
    fin_cost_centre,
    fin_aged_debtors,
)
