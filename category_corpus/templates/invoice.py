"""Templates of `invoice`: invoices, billing statements, credit notes."""

from __future__ import annotations

from datetime import timedelta

from category_corpus.common import (
    BICS,
    DIGITS,
    IBANS,
    MONTHS,
    PRODUCT_NAMES,
    VAT_RATES,
    VENDORS,
    Built,
    Company,
    Ctx,
    LineItem,
    Template,
    civility,
    goods,
    iban,
    long_date,
    plain_amount,
    postcode_and_town,
    short_date,
    template,
    token,
    varied_salutation,
)
from category_corpus.writers import COMPACT_CSS, csv_text, docx, escape_html, escape_xml, html_page, html_table, pdf, text, xlsx

CATEGORY = "invoice"


@template(CATEGORY, "invoice.classic_pdf", ("en", "de"), ".pdf", split="train", written="round 0")
def invoice_pdf(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    clerk = c.person(seller)
    number, items = c.code(c.t({"en": "INV", "de": "RE"})), c.items(1, 4)
    net = sum(i.total for i in items)
    title = c.t({"en": c.pick((f"Invoice {number}", f"Tax invoice {number}")), "de": f"Rechnung {number}"})
    lines = c.t({
        "en": [f"Invoice number: {number}    Invoice date: {c.datestr()}    Due date: {c.datestr(c.later(30))}", "",
               f"Bill to: {customer.name}, {customer.company.name}, {customer.company.city}", "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Subtotal: {c.money(net)}    VAT 20%: {c.money(net * 0.2)}", f"Amount due: {c.money(net * 1.2)}", "",
               "Payment terms: 30 days net.", f"Please pay to {seller.name}, IBAN {IBANS['en']}, BIC {BICS['en']}.",
               f"Questions about this invoice: {clerk.name}, {clerk.email}, {clerk.phone}"],
        "de": [f"Rechnungsnummer: {number}    Rechnungsdatum: {c.datestr()}", f"Leistungszeitraum: {MONTHS['de'][c.day.month - 1]}", "",
               f"Rechnungsadresse: {customer.company.name}, {customer.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Nettobetrag: {c.money(net)}    MwSt. 19 %: {c.money(net * 0.19)}", f"Rechnungsbetrag: {c.money(net * 1.19)}", "",
               f"Zahlbar bis {c.datestr(c.later(14))} ohne Abzug.", f"Bankverbindung: IBAN {IBANS['de']}, BIC {BICS['de']}",
               f"Fragen zur Rechnung: {clerk.name}, {clerk.email}, Tel. {clerk.phone}"],
    })
    return Built(pdf(title, lines, c, seller.name))


@template(CATEGORY, "invoice.facture_pdf", ("fr", "es"), ".pdf", split="train", written="round 0")
def facture_pdf(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    number, items = c.code(c.t({"fr": "FA", "es": "F"})), c.items(1, 4)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Facture n° {number}", "es": f"Factura n.º {number}"})
    lines = c.t({
        "fr": [f"Date de facture : {c.datestr()}    Échéance : {c.datestr(c.later(30))}",
               f"Client : {customer.company.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.description} – {i.quantity} x {c.money(i.unit_price)} – {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}", f"TVA 20 % : {c.money(net * 0.2)}", f"Net à payer TTC : {c.money(net * 1.2)}", "",
               c.pick(("Règlement par virement à 30 jours.", "Conditions de paiement : 45 jours fin de mois.")),
               f"IBAN {IBANS['fr']} – BIC {BICS['fr']}",
               "Tout retard de paiement entraîne une indemnité forfaitaire de 40 EUR."],
        "es": [f"Fecha de factura: {c.datestr()}    Vencimiento: {c.datestr(c.later(30))}",
               f"Cliente: {customer.company.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.description} – {i.quantity} x {c.money(i.unit_price)} – {c.money(i.total)}" for i in items), "",
               f"Base imponible: {c.money(net)}", f"IVA 21 %: {c.money(net * 0.21)}", f"Total a pagar: {c.money(net * 1.21)}", "",
               c.pick(("Forma de pago: transferencia a 30 días.", "Condiciones de pago: 60 días fecha de factura.")),
               f"IBAN {IBANS['es']} – BIC {BICS['es']}"],
    })
    return Built(pdf(title, lines, c, seller.name))


@template(CATEGORY, "invoice.credit_note_docx", ("en", "de"), ".docx", split="held_out", written="round 0")
def credit_note(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number, original = c.code(c.t({"en": "CN", "de": "GS"})), c.code(c.t({"en": "INV", "de": "RE"}))
    items = c.items(1, 2)
    amount = sum(i.total for i in items)
    title = c.t({"en": f"Credit note {number}", "de": f"Gutschrift {number}"})
    table = [c.t({"en": ["Description", "Qty", "Amount credited"], "de": ["Beschreibung", "Menge", "Gutschriftsbetrag"]}),
             *([i.description, str(i.quantity), c.money(i.total)] for i in items)]
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"{customer.company.name}, {customer.company.street}, {customer.company.city}",
               f"Date: {c.datestr()}. This credit note refers to invoice {original}.",
               c.pick(("Reason: goods returned damaged.", "Reason: service credit for the outage in the last month.",
                       "Reason: price correction agreed with your buyer.")),
               table, f"Total credited including VAT: {c.money(amount * 1.2)}",
               c.pick(("The amount will be offset against your next invoice.", "We will refund the amount to your account."))],
        "de": [f"{customer.company.name}, {customer.company.street}, {customer.company.city}",
               f"Datum: {c.datestr()}. Diese Gutschrift bezieht sich auf die Rechnung {original}.",
               c.pick(("Grund: beschädigte Ware zurückgesandt.", "Grund: Servicegutschrift für den Ausfall im Vormonat.",
                       "Grund: mit Ihrem Einkauf vereinbarte Preiskorrektur.")),
               table, f"Gutschriftsbetrag inkl. MwSt.: {c.money(amount * 1.19)}",
               c.pick(("Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.", "Wir überweisen den Betrag auf Ihr Konto."))],
    })
    return Built(docx(title, blocks, c, clerk.name))


@template(CATEGORY, "invoice.invoice_xlsx", ("es", "en"), ".xlsx", split="train", written="round 0")
def invoice_xlsx(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number = c.code(c.t({"es": "FAC", "en": "INV"}))
    head = c.t({"es": ["Factura", "Fecha", "Cliente", "Vencimiento"], "en": ["Invoice", "Invoice date", "Customer", "Due date"]})
    lines_header = c.t({"es": ["Concepto", "Cantidad", "Precio", "Importe", "IVA %"],
                        "en": ["Description", "Quantity", "Price", "Amount", "VAT %"]})
    rows: list[list[object]] = [[i.description, i.quantity, i.unit_price, i.total, c.t({"es": 21, "en": 20})] for i in c.items(1, 5)]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"es": "Factura", "en": "Invoice"}), head, [[number, c.day, customer.company.name, c.later(30)]]),
        (c.t({"es": "Líneas", "en": "Lines"}), lines_header, rows)]
    return Built(xlsx(sheets, c, clerk.name))


@template(CATEGORY, "invoice.statement_txt", ("de", "fr"), ".txt", split="train", written="round 0")
def billing_statement(c: Ctx) -> Built:
    customer = c.person()
    month = MONTHS[c.lang][c.day.month - 1]
    charges = c.t({"de": ("Grundgebühr Hosting", "Zusätzlicher Speicher", "Datenübertragung", "Support-Paket", "Backup-Dienst"),
                   "fr": ("Abonnement hébergement", "Stockage supplémentaire", "Transfert de données", "Pack support",
                          "Service de sauvegarde")})
    rows = [(name, c.rng.randint(1, 3) * c.rng.uniform(3, 90)) for name in c.some(charges, 2, 5)]
    total = sum(amount for _, amount in rows)
    out = c.t({
        "de": [f"Abrechnung {month} {c.day.year}", f"Kundennummer: {c.rng.randrange(10000, 99999)}",
               f"{customer.company.name}, {customer.company.city}", "",
               *(f"{name:<28}{c.money(amount):>14}" for name, amount in rows), "",
               f"{'Summe netto':<28}{c.money(total):>14}", f"{'MwSt. 19 %':<28}{c.money(total * 0.19):>14}",
               f"{'Rechnungsbetrag':<28}{c.money(total * 1.19):>14}", "",
               f"Der Betrag wird am {c.datestr(c.later(10))} per Lastschrift eingezogen."],
        "fr": [f"Relevé de facturation – {month} {c.day.year}", f"Numéro client : {c.rng.randrange(10000, 99999)}",
               f"{customer.company.name}, {customer.company.city}", "",
               *(f"{name:<28}{c.money(amount):>14}" for name, amount in rows), "",
               f"{'Total HT':<28}{c.money(total):>14}", f"{'TVA 20 %':<28}{c.money(total * 0.2):>14}",
               f"{'Total TTC':<28}{c.money(total * 1.2):>14}", "",
               f"Le montant sera prélevé le {c.datestr(c.later(10))}."],
    })
    return Built(text(out))


@template(CATEGORY, "invoice.receipt_txt", ("en", "es"), ".txt", split="held_out", written="round 0")
def payment_receipt(c: Ctx) -> Built:
    seller = c.vendor()
    number = c.code(c.t({"en": "INV", "es": "F"}))
    amount = c.rng.uniform(20, 900)
    out = c.t({
        "en": [f"Receipt from {seller.name}", f"Receipt #{c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}", "",
               f"Invoice number: {number}", f"Date paid: {c.datestr()}",
               f"Billing period: {c.datestr(c.later(-30), long=False)} – {c.datestr(long=False)}", "",
               f"{c.pick(('Pro plan', 'Team plan', 'Enterprise seats'))} x {c.rng.randint(2, 30)}", f"Amount paid: {c.money(amount)}",
               f"Payment method: {c.pick(('Visa', 'Mastercard', 'Amex'))} ending in {c.rng.randrange(1000, 9999)}", "",
               f"Questions? Contact billing@{seller.domain}."],
        "es": [f"Recibo de {seller.name}", f"Recibo n.º {c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}", "",
               f"Número de factura: {number}", f"Fecha de pago: {c.datestr()}",
               f"Periodo de facturación: {c.datestr(c.later(-30), long=False)} – {c.datestr(long=False)}", "",
               f"{c.pick(('Plan Pro', 'Plan Equipos', 'Licencias Empresa'))} x {c.rng.randint(2, 30)}",
               f"Importe pagado: {c.money(amount)}",
               f"Método de pago: {c.pick(('Visa', 'Mastercard'))} terminada en {c.rng.randrange(1000, 9999)}", "",
               f"¿Preguntas? Escriba a facturacion@{seller.domain}."],
    })
    return Built(text(out))


@template(CATEGORY, "invoice.saas_receipt_html", ("fr", "en"), ".html", split="train", written="round 1")
def saas_invoice(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    seats = c.rng.randint(3, 60)
    price = c.pick((12.0, 19.0, 29.0, 49.0))
    net = seats * price
    vat = net * 0.2
    number = f"{c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}"
    start = c.day.replace(day=1)
    period = f"{c.datestr(start, long=False)} - {c.datestr(c.later(30), long=False)}"
    if c.lang == "en":
        rows = [("Plan", "Team (monthly)"), ("Seats", str(seats)), ("Price per seat", c.money(price)), ("Subtotal", c.money(net)),
                ("VAT (20%)", c.money(vat)), ("Total", c.money(net + vat))]
        head, intro = f"Invoice {number}", [f"Billed to: {customer.company.name}, {customer.name}",
                                             f"Service period: {period}", f"Date issued: {c.datestr()}"]
        tail = "Paid by card ending 4242. Thank you for your business."
    else:
        rows = [("Offre", "Équipe (mensuelle)"), ("Utilisateurs", str(seats)), ("Prix par utilisateur", c.money(price)),
                ("Total HT", c.money(net)), ("TVA (20 %)", c.money(vat)), ("Total TTC", c.money(net + vat))]
        head, intro = f"Facture n° {number}", [f"Facturé à : {customer.company.name}, {customer.name}",
                                                f"Période : {period}", f"Date d'émission : {c.datestr()}"]
        tail = "Réglée par carte se terminant par 4242. Merci de votre confiance."
    html = ["<!DOCTYPE html>", f"<html lang=\"{c.lang}\"><head><meta charset=\"utf-8\"><title>{head}</title></head><body>",
            f"<h1>{seller.name}</h1>", f"<h2>{head}</h2>", *(f"<p>{line}</p>" for line in intro), "<table>",
            *(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows), "</table>", f"<p>{tail}</p>",
            f"<p>{seller.street}, {seller.city}</p>", "</body></html>"]
    return Built(text(html))


@template(CATEGORY, "invoice.blind_hotel_bill_pdf", ("es", "de"), ".pdf", split="train", written="round 2")
def blind_hotel_bill(c: Ctx) -> Built:
    guest = c.person()
    nights = c.rng.randint(1, 6)
    room = c.pick((89.0, 119.0, 145.0))
    breakfast = c.pick((12.0, 15.0, 18.5))
    net = nights * (room + breakfast)
    hotel = c.t({"es": "Hotel Mirador", "de": "Hotel Am Stadtpark"})
    number = c.rng.randrange(100000, 999999)
    if c.lang == "es":
        title = f"{hotel} - Factura {number}"
        lines = [f"Cliente: {guest.name}, {guest.company.name}", f"Llegada: {c.datestr(long=False)}   "
                 f"Salida: {c.datestr(c.later(nights), long=False)}   Habitación {c.rng.randint(101, 520)}", "",
                 f"Alojamiento  {nights} noches x {c.money(room)} = {c.money(nights * room)}",
                 f"Desayuno  {nights} x {c.money(breakfast)} = {c.money(nights * breakfast)}", "",
                 f"Base imponible: {c.money(net)}   IVA 10%: {c.money(net * 0.1)}", f"Total: {c.money(net * 1.1)}",
                 "Pagado con tarjeta. Gracias por su visita."]
    else:
        title = f"{hotel} - Rechnung {number}"
        lines = [f"Gast: {guest.name}, {guest.company.name}", f"Anreise: {c.datestr(long=False)}   "
                 f"Abreise: {c.datestr(c.later(nights), long=False)}   Zimmer {c.rng.randint(101, 520)}", "",
                 f"Übernachtung  {nights} x {c.money(room)} = {c.money(nights * room)}",
                 f"Frühstück  {nights} x {c.money(breakfast)} = {c.money(nights * breakfast)}", "",
                 f"Netto: {c.money(net)}   MwSt. 7%: {c.money(net * 0.07)}", f"Gesamt: {c.money(net * 1.07)}",
                 "Bezahlt mit Kreditkarte. Vielen Dank für Ihren Aufenthalt."]
    return Built(pdf(title, lines, c, hotel))


@template(CATEGORY, "invoice.b3_credit_note", ("de", "fr"), ".pdf", split="train", written="round 3")
def invoice_credit_note(c: Ctx) -> Built:
    seller, customer = c.vendor(), c.company()
    clerk, contact = c.person(seller), c.person(customer)
    number, original = c.code(c.t({"de": "GS", "fr": "AV"}), 5), c.code(c.t({"de": "RE", "fr": "FA"}), 5)
    items = c.items(1, 3)
    lines_credit = [LineItem(i.sku, i.description, max(1, i.quantity // c.rng.randint(2, 6)), i.unit_price) for i in items]
    net = sum(i.total for i in lines_credit)
    vat = VAT_RATES[c.lang]
    reason = c.pick(c.t({
        "de": ("Rücksendung defekter Ware (RMA {r})", "doppelt berechnete Positionen", "Preisdifferenz laut Rahmenvertrag",
               "Gutschrift wegen verspäteter Lieferung, wie telefonisch vereinbart"),
        "fr": ("Retour de marchandise défectueuse (RMA {r})", "Lignes facturées deux fois", "Écart de prix par rapport au contrat cadre",
               "Geste commercial suite au retard de livraison, comme convenu"),
    })).format(r=c.rng.randrange(1000, 9999))
    if c.lang == "de":
        title = f"Gutschrift {number}"
        lines = [f"{seller.name} · {seller.street} · {seller.city}", "", customer.name, f"z. Hd. {contact.name}", customer.street,
                 customer.city, "", f"Datum: {c.datestr(long=False)}   Kundennr.: {c.rng.randrange(10000, 99999)}",
                 f"Bezug: Rechnung {original} vom {short_date(c, -c.rng.randint(10, 60))}", f"Grund: {reason}", "",
                 "Art.-Nr.   Bezeichnung                              Menge   Einzelpreis         Betrag"]
        lines += [f"{i.sku:<10} {i.description:<40} {i.quantity:>5} {c.money(i.unit_price):>13} {c.money(-i.total):>14}"
                  for i in lines_credit]
        lines += ["", f"Nettobetrag: {c.money(-net)}", f"USt. 19 %: {c.money(-net * vat)}",
                  f"Gutschriftsbetrag: {c.money(-net * (1 + vat))}",
                  "", c.pick(("Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.",
                              "Den Betrag überweisen wir in den nächsten Tagen auf Ihr bei uns hinterlegtes Konto.")),
                  "", f"Fragen dazu beantwortet Ihnen {clerk.name}, {clerk.phone}."]
    else:
        title = f"Avoir n° {number}"
        lines = [f"{seller.name} – {seller.street} – {seller.city}", "", customer.name, f"À l'attention de {contact.name}",
                 customer.street, customer.city, "", f"Date : {c.datestr(long=False)}   Code client : {c.rng.randrange(10000, 99999)}",
                 f"Facture d'origine : {original} du {short_date(c, -c.rng.randint(10, 60))}", f"Motif : {reason}", "",
                 "Réf.       Désignation                              Qté     P.U. HT         Montant HT"]
        lines += [f"{i.sku:<10} {i.description:<40} {i.quantity:>5} {c.money(i.unit_price):>13} {c.money(-i.total):>14}"
                  for i in lines_credit]
        lines += ["", f"Total HT : {c.money(-net)}", f"TVA 20 % : {c.money(-net * vat)}", f"Total TTC : {c.money(-net * (1 + vat))}",
                  "", c.pick(("Ce montant sera déduit de votre prochaine facture.",
                              "Ce montant vous sera remboursé par virement sous 15 jours.")),
                  "", f"Pour toute question : {clerk.name}, {clerk.phone}."]
    return Built(pdf(title, lines, c, clerk.name))


@template(CATEGORY, "invoice.b3_account_statement", ("en", "es"), ".xlsx", split="train", written="round 3")
def invoice_account_statement(c: Ctx) -> Built:
    seller, customer = c.vendor(), c.company()
    clerk = c.person(seller)
    balance = c.rng.randrange(0, 50) * 100.0
    rows: list[list[object]] = [[short_date(c, -95), "", c.t({"en": "Balance brought forward", "es": "Saldo anterior"}), "", "", balance]]
    day = -90
    for _ in range(c.rng.randint(5, 22)):
        day += c.rng.randint(1, 6)
        if c.maybe(0.65) or balance < 150:
            amount = round(c.rng.uniform(120, 9000), 2)
            ref = f"{c.t({'en': 'INV', 'es': 'FV'})}-{c.later(day).year}-{c.rng.randrange(10000, 99999)}"
            what = c.pick(c.t({"en": ("Invoice", "Invoice – monthly subscription", "Invoice – services", "Invoice – hardware"),
                               "es": ("Factura", "Factura – cuota mensual", "Factura – servicios", "Factura – material")}))
            balance += amount
            rows.append([short_date(c, day), ref, what, amount, "", round(balance, 2)])
        else:
            amount = round(min(balance, c.rng.uniform(200, 8000)), 2)
            what = c.pick(c.t({"en": ("Payment received – thank you", "Bank transfer", "Credit note"),
                               "es": ("Cobro recibido, gracias", "Transferencia", "Abono")}))
            balance -= amount
            rows.append([short_date(c, day), f"{c.rng.randrange(100000, 999999)}", what, "", amount, round(balance, 2)])
    head = c.t({"en": ["Date", "Reference", "Description", "Debit", "Credit", "Balance"],
                "es": ["Fecha", "Referencia", "Concepto", "Cargo", "Abono", "Saldo"]})
    overdue = round(balance * c.rng.uniform(0.1, 0.6), 2)
    info: list[list[object]] = [
        [c.t({"en": "Customer", "es": "Cliente"}), customer.name],
        [c.t({"en": "Account no.", "es": "N.º cuenta"}), f"{c.rng.randrange(100000, 999999)}"],
        [c.t({"en": "Statement date", "es": "Fecha del extracto"}), c.datestr(long=False)],
        [c.t({"en": "Balance due", "es": "Saldo pendiente"}), round(balance, 2)],
        [c.t({"en": "Of which overdue > 30 days", "es": "Vencido > 30 días"}), overdue],
        [c.t({"en": "Please pay to", "es": "Pago a"}),
         c.t({"en": f"{seller.name}, sort code 20-{c.rng.randrange(10, 99)}-{c.rng.randrange(10, 99)}, "
                    f"acc. {c.rng.randrange(10**7, 10**8)}",
              "es": f"{seller.name}, ES{c.rng.randrange(10, 99)} 2100 {c.rng.randrange(1000, 9999)} {c.rng.randrange(10**11, 10**12)}"})],
        [c.t({"en": "Queries", "es": "Consultas"}), clerk.email],
    ]
    sheets = [(c.t({"en": "Statement", "es": "Extracto"}), head, rows),
              (c.t({"en": "Summary", "es": "Resumen"}), c.t({"en": ["Account", seller.name], "es": ["Cuenta", seller.name]}), info)]
    return Built(xlsx(sheets, c, clerk.name))


@template(CATEGORY, "invoice.b4_dunning", ("de", "es"), ".pdf", also=("correspondence",), split="train", written="round 4")
def invoice_dunning(c: Ctx) -> Built:
    us, customer = c.company(), c.company()
    while customer == us:
        customer = c.company()
    clerk, contact = c.person(us), c.person(customer)
    stage = c.pick((1, 2, 3))
    open_items = []
    for _ in range(c.rng.randint(1, 4)):
        issued = c.later(-c.rng.randint(40, 120))
        amount = round(c.rng.uniform(300, 18_000), 2)
        paid = round(amount * c.pick((0.0, 0.0, 0.5)), 2)
        open_items.append((f"{issued.year}-{c.rng.randint(1000, 9999)}", issued, issued + timedelta(days=30),
                           amount, amount - paid))
    outstanding = sum(o[4] for o in open_items)
    fee = (0.0, 5.0, 15.0)[stage - 1] if c.lang == "de" else (0.0, 40.0, 40.0)[stage - 1]
    deadline = long_date(c, c.pick((7, 10, 14)))
    lines = [f"{us.name} · {us.street} · {us.city}", "", customer.name, f"{contact.name}", customer.street, customer.city, ""]
    if c.lang == "de":
        title = ("Zahlungserinnerung", "2. Mahnung", "Letzte Mahnung")[stage - 1]
        lines += [f"Kundennummer: {c.rng.randint(10000, 99999)}", f"Datum: {c.datestr(long=False)}", "",
                  "Sehr geehrte Damen und Herren,", ""]
        lines.append(("sicherlich ist es Ihrer Aufmerksamkeit entgangen, dass die folgenden Rechnungen noch offen sind. "
                      "Bitte prüfen Sie die Aufstellung.",
                      "leider konnten wir trotz unserer Zahlungserinnerung noch keinen Zahlungseingang feststellen.",
                      "trotz wiederholter Aufforderung sind die unten aufgeführten Beträge weiterhin offen.")[stage - 1])
        lines += ["", "Rechnungsnr.   Rechnungsdatum   Fällig am     Rechnungsbetrag    Offen"]
        lines += [f"{n}      {c.datestr(i, long=False)}       {c.datestr(d, long=False)}    {c.money(a)}    {c.money(o)}"
                  for n, i, d, a, o in open_items]
        if fee:
            lines.append(f"Mahngebühr: {c.money(fee)}")
        lines += [f"Offener Gesamtbetrag: {c.money(outstanding + fee)}", "",
                  f"Bitte überweisen Sie den Betrag bis spätestens {deadline} auf unser Konto:",
                  f"IBAN {iban(c)} · BIC {c.pick(('COBADEFFXXX', 'DEUTDEDBXXX', 'GENODEF1S04'))}",
                  "Sollten Sie die Zahlung bereits veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos."]
        if stage == 3:
            lines.append("Nach Ablauf der Frist werden wir die Forderung ohne weitere Ankündigung an unser Inkassobüro übergeben "
                         "und Verzugszinsen gemäß § 288 BGB berechnen.")
        lines += ["", "Mit freundlichen Grüßen", f"{clerk.name}", "Buchhaltung / Debitorenmanagement", clerk.phone]
    else:
        title = ("Recordatorio de pago", "Segundo aviso de pago", "Requerimiento de pago")[stage - 1]
        lines += [f"N.º de cliente: {c.rng.randint(10000, 99999)}", f"Fecha: {c.datestr(long=False)}", "",
                  "Estimados señores:", ""]
        lines.append(("según nuestros registros, las siguientes facturas siguen pendientes de pago. Les rogamos revisen el detalle.",
                      "pese a nuestro recordatorio anterior, no nos consta todavía el pago de las facturas indicadas.",
                      "a pesar de nuestros avisos anteriores, los importes detallados a continuación continúan impagados.")[stage - 1])
        lines += ["", "N.º factura   Fecha factura   Vencimiento    Importe    Pendiente"]
        lines += [f"{n}     {c.datestr(i, long=False)}      {c.datestr(d, long=False)}    {c.money(a)}    {c.money(o)}"
                  for n, i, d, a, o in open_items]
        if fee:
            lines.append(f"Indemnización por costes de cobro (Ley 3/2004): {c.money(fee)}")
        lines += [f"Total pendiente: {c.money(outstanding + fee)}", "",
                  f"Les rogamos realicen la transferencia antes del {deadline} a la cuenta:",
                  f"IBAN {iban(c)} · BIC {c.pick(('CAIXESBBXXX', 'BSCHESMMXXX', 'BBVAESMMXXX'))}",
                  "Si ya han efectuado el pago, les rogamos no tengan en cuenta este aviso."]
        if stage == 3:
            lines.append("Transcurrido dicho plazo sin recibir el pago, trasladaremos el expediente a nuestro departamento jurídico.")
        lines += ["", "Atentamente,", f"{clerk.name}", "Departamento de Administración – Cobros", clerk.phone]
    return Built(pdf(title, lines, c, clerk.name))


@template(CATEGORY, "invoice.b4_usage_billing", ("en", "fr"), ".csv", split="train", written="round 4")
def invoice_usage_billing(c: Ctx) -> Built:
    customer = c.company()
    number = c.code("INV" if c.lang == "en" else "FA", 6)
    start = c.day.replace(day=1) - timedelta(days=1)
    period = f"{start.replace(day=1).isoformat()}/{start.isoformat()}"
    account = f"ACC-{c.rng.randint(100000, 999999)}"
    services = {
        "en": (("Compute", "vCPU hours", 0.041), ("Compute", "GB RAM hours", 0.0052), ("Storage", "GB-month standard", 0.021),
               ("Storage", "GB-month archive", 0.004), ("Network", "GB egress", 0.08), ("Support", "Business plan, monthly", 290.0),
               ("Backup", "protected VM-month", 9.5)),
        "fr": (("Calcul", "heures vCPU", 0.041), ("Calcul", "Go RAM-heure", 0.0052), ("Stockage", "Go-mois standard", 0.021),
               ("Stockage", "Go-mois archive", 0.004), ("Réseau", "Go sortants", 0.08), ("Support", "Offre Business, mensuelle", 290.0),
               ("Sauvegarde", "VM protégée-mois", 9.5)),
    }[c.lang]
    vat = VAT_RATES[c.lang]
    rows: list[list[object]] = []
    total = 0.0
    usage = [(service, meter, price, project) for service, meter, price in c.some(services, 4, 7)
             for project in c.some(("prod-erp", "dev-analytics", "shared-services", "dr-site", "web-shop"), 1, 3)]
    for service, meter, price, project in usage:
        qty = 1 if price > 100 else (c.rng.randint(3, 60) if price > 1 else c.rng.randint(200, 60_000))
        amount = round(qty * price, 2)
        total += amount
        if c.lang == "en":
            rows.append([number, c.day.isoformat(), period, customer.name, account, project, service, meter, qty,
                         f"{price:.4f}", f"{amount:.2f}",
                         f"{vat:.2f}", f"{amount * (1 + vat):.2f}"])
        else:
            rows.append([number, short_date(c), period, customer.name, account, project, service, meter, qty, c.number(price, 4),
                         c.number(amount), c.number(vat * 100, 0), c.number(amount * (1 + vat))])
    if c.lang == "en":
        rows.append([number, c.day.isoformat(), period, customer.name, account, "", "TOTAL", "", "", "", f"{total:.2f}", f"{vat:.2f}",
                     f"{total * (1 + vat):.2f}"])
        header = ["invoice_number", "invoice_date", "billing_period", "customer", "billing_account", "project", "service", "meter",
                  "quantity",
                  "unit_price", "amount_excl_vat", "vat_rate", "amount_incl_vat"]
        return Built(csv_text(header, rows))
    rows.append([number, short_date(c), period, customer.name, account, "", "TOTAL FACTURE", "", "", "", c.number(total), "",
                 c.number(total * (1 + vat))])
    header = ["N° facture", "Date facture", "Période de facturation", "Client", "Compte de facturation", "Projet", "Service",
              "Unité de mesure",
              "Quantité", "Prix unitaire HT", "Montant HT", "Taux TVA", "Montant TTC"]
    return Built(csv_text(header, rows, delimiter=";"))


def _xrechnung(c: Ctx, seller: Company, buyer: Company, items: list[LineItem]) -> bytes:
    number = c.code("RE", 6)
    net = round(sum(i.total for i in items), 2)
    tax = round(net * 0.19, 2)
    leitweg = f"{c.rng.randint(100, 999)}-{token(c, 5, DIGITS)}-{token(c, 2, DIGITS)}"
    due = c.later(30).isoformat()

    def party(tag: str, company: Company, vat_id: str) -> list[str]:
        postcode, town = postcode_and_town(company)
        return [f"  <cac:{tag}>", "    <cac:Party>",
                f"      <cac:PartyName><cbc:Name>{escape_xml(company.name)}</cbc:Name></cac:PartyName>",
                "      <cac:PostalAddress>", f"        <cbc:StreetName>{escape_xml(company.street)}</cbc:StreetName>",
                f"        <cbc:CityName>{escape_xml(town)}</cbc:CityName>",
                f"        <cbc:PostalZone>{escape_xml(postcode)}</cbc:PostalZone>",
                "        <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>",
                "      </cac:PostalAddress>",
                f"      <cac:PartyTaxScheme><cbc:CompanyID>{vat_id}</cbc:CompanyID>"
                "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>",
                f"      <cac:PartyLegalEntity><cbc:RegistrationName>{escape_xml(company.name)}</cbc:RegistrationName>"
                "</cac:PartyLegalEntity>",
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
           f"<cbc:Name>{escape_xml(seller.name)}</cbc:Name></cac:PayeeFinancialAccount>",
           "  </cac:PaymentMeans>",
           "  <cac:PaymentTerms><cbc:Note>Zahlbar innerhalb von 30 Tagen netto, 10 Tage 2 % Skonto</cbc:Note></cac:PaymentTerms>",
           "  <cac:TaxTotal>", f'    <cbc:TaxAmount currencyID="EUR">{plain_amount(tax)}</cbc:TaxAmount>',
           "    <cac:TaxSubtotal>", f'      <cbc:TaxableAmount currencyID="EUR">{plain_amount(net)}</cbc:TaxableAmount>',
           f'      <cbc:TaxAmount currencyID="EUR">{plain_amount(tax)}</cbc:TaxAmount>',
           "      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>"
           "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>",
           "    </cac:TaxSubtotal>", "  </cac:TaxTotal>",
           "  <cac:LegalMonetaryTotal>", f'    <cbc:LineExtensionAmount currencyID="EUR">{plain_amount(net)}</cbc:LineExtensionAmount>',
           f'    <cbc:TaxExclusiveAmount currencyID="EUR">{plain_amount(net)}</cbc:TaxExclusiveAmount>',
           f'    <cbc:TaxInclusiveAmount currencyID="EUR">{plain_amount(net + tax)}</cbc:TaxInclusiveAmount>',
           f'    <cbc:PayableAmount currencyID="EUR">{plain_amount(net + tax)}</cbc:PayableAmount>', "  </cac:LegalMonetaryTotal>"]
    for n, item in enumerate(items, 1):
        out += ["  <cac:InvoiceLine>", f"    <cbc:ID>{n}</cbc:ID>",
                f'    <cbc:InvoicedQuantity unitCode="{"DAY" if item.sku == "PS-DAY" else "H87"}">{item.quantity}</cbc:InvoicedQuantity>',
                f'    <cbc:LineExtensionAmount currencyID="EUR">{plain_amount(item.total)}</cbc:LineExtensionAmount>',
                f"    <cac:Item><cbc:Description>{escape_xml(item.description)}</cbc:Description>"
                f"<cbc:Name>{escape_xml(item.description)}</cbc:Name>",
                f"      <cac:SellersItemIdentification><cbc:ID>{item.sku}</cbc:ID></cac:SellersItemIdentification>",
                "      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>"
                "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>",
                f'    <cac:Price><cbc:PriceAmount currencyID="EUR">{plain_amount(item.unit_price)}</cbc:PriceAmount></cac:Price>',
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
        postcode, town = postcode_and_town(company)
        province = {"Madrid": "Madrid", "Barcelona": "Barcelona", "Sevilla": "Sevilla", "Valencia": "Valencia",
                    "Málaga": "Málaga"}.get(town, town)
        return [f"    <{tag}>", "      <TaxIdentification>", "        <PersonTypeCode>J</PersonTypeCode>",
                "        <ResidenceTypeCode>R</ResidenceTypeCode>", f"        <TaxIdentificationNumber>{nif}</TaxIdentificationNumber>",
                "      </TaxIdentification>", "      <LegalEntity>", f"        <CorporateName>{escape_xml(company.name)}</CorporateName>",
                "        <AddressInSpain>", f"          <Address>{escape_xml(company.street)}</Address>",
                f"          <PostCode>{postcode}</PostCode>", f"          <Town>{escape_xml(town)}</Town>",
                f"          <Province>{escape_xml(province)}</Province>", "          <CountryCode>ESP</CountryCode>",
                "        </AddressInSpain>", "      </LegalEntity>", f"    </{tag}>"]

    batch = f"{'B' + token(c, 8, DIGITS)}{series}{number}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml" '
           'xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
           "  <FileHeader>", "    <SchemaVersion>3.2.2</SchemaVersion>", "    <Modality>I</Modality>",
           "    <InvoiceIssuerType>EM</InvoiceIssuerType>", "    <Batch>", f"      <BatchIdentifier>{batch}</BatchIdentifier>",
           "      <InvoicesCount>1</InvoicesCount>",
           f"      <TotalInvoicesAmount><TotalAmount>{plain_amount(total)}</TotalAmount></TotalInvoicesAmount>",
           f"      <TotalOutstandingAmount><TotalAmount>{plain_amount(total)}</TotalAmount></TotalOutstandingAmount>",
           f"      <TotalExecutableAmount><TotalAmount>{plain_amount(total)}</TotalAmount></TotalExecutableAmount>",
           "      <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>", "    </Batch>", "  </FileHeader>", "  <Parties>",
           *party("SellerParty", seller, "B" + token(c, 8, DIGITS)),
           *party("BuyerParty", buyer, "A" + token(c, 8, DIGITS)), "  </Parties>", "  <Invoices>", "    <Invoice>",
           "      <InvoiceHeader>", f"        <InvoiceNumber>{number}</InvoiceNumber>",
           f"        <InvoiceSeriesCode>{series}</InvoiceSeriesCode>", "        <InvoiceDocumentType>FC</InvoiceDocumentType>",
           "        <InvoiceClass>OO</InvoiceClass>", "      </InvoiceHeader>", "      <InvoiceIssueData>",
           f"        <IssueDate>{c.day.isoformat()}</IssueDate>", "        <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>",
           "        <TaxCurrencyCode>EUR</TaxCurrencyCode>", "        <LanguageName>es</LanguageName>", "      </InvoiceIssueData>",
           "      <TaxesOutputs>", "        <Tax>", "          <TaxTypeCode>01</TaxTypeCode>", "          <TaxRate>21.00</TaxRate>",
           f"          <TaxableBase><TotalAmount>{plain_amount(net)}</TotalAmount></TaxableBase>",
           f"          <TaxAmount><TotalAmount>{plain_amount(tax)}</TotalAmount></TaxAmount>", "        </Tax>", "      </TaxesOutputs>",
           "      <InvoiceTotals>", f"        <TotalGrossAmount>{plain_amount(net)}</TotalGrossAmount>",
           f"        <TotalGrossAmountBeforeTaxes>{plain_amount(net)}</TotalGrossAmountBeforeTaxes>",
           f"        <TotalTaxOutputs>{plain_amount(tax)}</TotalTaxOutputs>", "        <TotalTaxesWithheld>0.00</TotalTaxesWithheld>",
           f"        <InvoiceTotal>{plain_amount(total)}</InvoiceTotal>",
           f"        <TotalOutstandingAmount>{plain_amount(total)}</TotalOutstandingAmount>",
           f"        <TotalExecutableAmount>{plain_amount(total)}</TotalExecutableAmount>", "      </InvoiceTotals>", "      <Items>"]
    for item in items:
        out += ["        <InvoiceLine>", f"          <ArticleCode>{item.sku}</ArticleCode>",
                f"          <ItemDescription>{escape_xml(item.description)}</ItemDescription>",
                f"          <Quantity>{item.quantity}</Quantity>", "          <UnitOfMeasure>01</UnitOfMeasure>",
                f"          <UnitPriceWithoutTax>{item.unit_price:.6f}</UnitPriceWithoutTax>",
                f"          <TotalCost>{plain_amount(item.total)}</TotalCost>",
                f"          <GrossAmount>{plain_amount(item.total)}</GrossAmount>",
                "          <TaxesOutputs><Tax><TaxTypeCode>01</TaxTypeCode><TaxRate>21.00</TaxRate>",
                f"            <TaxableBase><TotalAmount>{plain_amount(item.total)}</TotalAmount></TaxableBase>",
                f"            <TaxAmount><TotalAmount>{plain_amount(round(item.total * 0.21, 2))}</TotalAmount></TaxAmount>",
                "          </Tax></TaxesOutputs>", "        </InvoiceLine>"]
    out += ["      </Items>", "      <PaymentDetails>", "        <Installment>",
            f"          <InstallmentDueDate>{c.later(c.pick((30, 60))).isoformat()}</InstallmentDueDate>",
            f"          <InstallmentAmount>{plain_amount(total)}</InstallmentAmount>", "          <PaymentMeans>04</PaymentMeans>",
            f"          <AccountToBeCredited><IBAN>{iban(c).replace(' ', '')}</IBAN></AccountToBeCredited>",
            "        </Installment>", "      </PaymentDetails>", "      <AdditionalData>",
            f"        <InvoiceAdditionalInformation>Factura correspondiente a su pedido del {short_date(c, -c.rng.randint(10, 40))}. "
            "Forma de pago: transferencia bancaria. Inscrita en el Registro Mercantil.</InvoiceAdditionalInformation>",
            "      </AdditionalData>", "    </Invoice>", "  </Invoices>", "</fe:Facturae>"]
    return text(out)


@template(CATEGORY, "invoice.b5_einvoice", ("de", "es"), ".xml", split="train", written="round 5")
def invoice_einvoice(c: Ctx) -> Built:
    seller, buyer = c.company(), c.company()
    while buyer == seller:
        buyer = c.company()
    items = c.items(1, 5)
    if c.lang == "de":
        return Built(_xrechnung(c, seller, buyer, items))
    return Built(_facturae(c, seller, buyer, items))


@template(CATEGORY, "invoice.b5_proforma", ("en", "fr"), ".pdf", split="train", written="round 5")
def invoice_proforma(c: Ctx) -> Built:
    vendor = c.t({"en": VENDORS[0], "fr": VENDORS[2]})
    dest_lang = c.pick(("en", "de", "es")) if c.lang == "fr" else c.pick(("de", "fr", "es"))
    consignee = c.company(dest_lang)
    clerk, contact = c.person(vendor, lang=c.lang), c.person(consignee, lang=dest_lang)
    items = goods(c, 2, 5)
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


def _iban_check_digits_first(c: Ctx) -> str:
    """common.iban drawn in another order (check digits, then account number), as round 6's author wrote it: the
    order decides the digits a seed writes."""
    country, length = {"en": ("GB", 18), "de": ("DE", 18), "fr": ("FR", 23), "es": ("ES", 20)}[c.lang]
    raw = country + token(c, 2, DIGITS) + ("NWBK" + token(c, 14, DIGITS) if country == "GB" else token(c, length, DIGITS))
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


@template(CATEGORY, "invoice.b6_progress_invoice", ("de", "fr"), ".docx", split="blind", written="round 6")
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
            f"Projekt: {c.pick(PRODUCT_NAMES)}-Einführung, Auftrag vom {short_date(c, -120)}",
            f"{varied_salutation(c, cp)}", f"gemäß dem vereinbarten Zahlungsplan berechnen wir Ihnen den {stage}. Abschlag:", rows,
            f"Auftragswert netto: {c.money(project)}", f"Bereits gezahlte Abschläge: {c.money(paid)}",
            f"{stage}. Abschlag netto: {c.money(due)}", f"zzgl. 19 % USt.: {c.money(vat)}", f"Rechnungsbetrag: {c.money(due + vat)}",
            f"Zahlbar innerhalb von 14 Tagen ohne Abzug auf IBAN {_iban_check_digits_first(c)}. Die Schlussrechnung folgt nach Abnahme.",
            "Mit freundlichen Grüßen", acc.name]
        title = f"Abschlagsrechnung Nr. {no}"
    else:
        rows = [["Échéance", "Part", "Montant HT", "Statut"]]
        rows += [[f"Acompte {i}", f"{s} %", c.money(project * s / 100),
                  "réglé" if i < stage else ("présente facture" if i == stage else "à venir")] for i, s in enumerate(shares, 1)]
        blocks = [
            f"{vendor.name} · {vendor.street} · {vendor.city}", f"{cust.name}\n{civility(c, cp)} {cp.name}\n{cust.street}\n{cust.city}",
            f"Facture n° {no}\nDate : {short_date(c)}\nProjet : déploiement {c.pick(PRODUCT_NAMES)}, "
            f"bon de commande du {short_date(c, -120)}",
            f"{varied_salutation(c, cp)}",
            f"Conformément à l’échéancier contractuel, veuillez trouver ci-dessous la facture d’acompte n° {stage} :",
            rows, f"Montant total du marché HT : {c.money(project)}", f"Acomptes déjà réglés : {c.money(paid)}",
            f"Acompte n° {stage} HT : {c.money(due)}", f"TVA 20 % : {c.money(vat)}", f"Net à payer TTC : {c.money(due + vat)}",
            f"Règlement à 30 jours date de facture par virement sur l’IBAN {_iban_check_digits_first(c)}. "
            "En cas de retard, pénalités au taux légal et indemnité forfaitaire de 40 € pour frais de recouvrement.",
            "Cordialement,", acc.name]
        title = f"Facture d’acompte n° {no}"
    return Built(docx(title, blocks, c, acc.name))


@template(CATEGORY, "invoice.b6_time_materials", ("en", "es"), ".html", split="blind", written="round 6")
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
               f"Amount due: {c.money(net + vat)}", f"Please pay by bank transfer to {_iban_check_digits_first(c)}, quoting {no}."]
    else:
        title = f"Factura {no}"
        meta = [f"Fecha de factura: {short_date(c)}", f"Vencimiento: {short_date(c, 30)}",
                f"Cliente: {cust.name}, {cust.street}, {cust.city}",
                f"CIF: B{c.rng.randint(10000000, 99999999)}", "Concepto: servicios de consultoría por horas según partes de trabajo"]
        header = ["Fecha", "Consultor", "Actividad", "Horas", "Importe"]
        tot = [f"Total horas: {c.number(hours, 1)} a {c.money(rate)}/h", f"Base imponible: {c.money(net)}",
               f"IVA 21 %: {c.money(vat)}", f"Total factura: {c.money(net + vat)}",
               f"Forma de pago: transferencia a la cuenta {_iban_check_digits_first(c)} indicando el número de factura."]
    body = [f"<h2>{escape_html(vendor.name)}</h2>", f"<p>{escape_html(vendor.street)}, {escape_html(vendor.city)}</p>",
            f"<h1>{escape_html(title)}</h1>",
            "<p>" + "<br>".join(escape_html(m) for m in meta) + "</p>", *html_table(header, rows),
            "<p>" + "<br>".join(escape_html(t) for t in tot) + "</p>"]
    return Built(html_page(c.lang, title, body, COMPACT_CSS))


TEMPLATES: tuple[Template, ...] = (
    invoice_pdf,
    facture_pdf,
    credit_note,
    invoice_xlsx,
    billing_statement,
    payment_receipt,
    saas_invoice,
    blind_hotel_bill,
    invoice_credit_note,
    invoice_account_statement,
    invoice_dunning,
    invoice_usage_billing,
    invoice_einvoice,
    invoice_proforma,
    invoice_progress,
    invoice_time_materials,
)
