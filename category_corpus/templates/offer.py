"""Templates of `offer`: quotes, proposals, price offers to a customer."""

from __future__ import annotations

from collections.abc import Sequence

from category_corpus.common import (
    POC_PRODUCTS,
    PRODUCT_NAMES,
    VAT_RATES,
    Built,
    Ctx,
    Template,
    goods,
    letter_salutation,
    long_date,
    postcode_and_town,
    short_date,
    template,
    town_of,
)
from category_corpus.writers import (
    SPACIOUS_CSS,
    Sheet,
    docx,
    escape_html,
    escape_xml,
    html_page,
    html_table,
    pdf,
    pptx,
    rtf_escape,
    text,
    xlsx,
)

CATEGORY = "offer"


@template(CATEGORY, "offer.quote_pdf", ("en", "de"), ".pdf", split="train", written="round 0")
def quote_pdf(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"en": "Q", "de": "ANG"})), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"en": c.pick((f"Quotation {number}", f"Price quote {number}")), "de": f"Angebot {number}"})
    lines = c.t({
        "en": [f"Date: {c.datestr()}    Valid until: {c.datestr(c.later(c.pick((30, 60, 90))))}", "",
               f"Prepared for: {customer.name}, {customer.company.name}", "",
               c.pick(("We are pleased to submit the following price offer:", "Further to your enquiry, we quote as follows:")), "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total (excl. VAT): {c.money(net)}", "Delivery within four weeks of order. Payment 30 days net.",
               f"Your contact: {rep.name}, {rep.role}, {rep.email}, {rep.phone}"],
        "de": [f"Datum: {c.datestr()}    Gültig bis: {c.datestr(c.later(c.pick((30, 60, 90))))}", "",
               f"Für: {customer.name}, {customer.company.name}", "",
               c.pick(("Gerne unterbreiten wir Ihnen folgendes Angebot:", "Vielen Dank für Ihre Anfrage. Wir bieten Ihnen an:")), "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Gesamtpreis netto zzgl. MwSt.: {c.money(net)}", "Lieferung vier Wochen nach Auftragseingang.",
               f"Ihr Ansprechpartner: {rep.name}, {rep.role}, {rep.email}, Tel. {rep.phone}"],
    })
    return Built(pdf(title, lines, c, rep.name))


@template(CATEGORY, "offer.proposal_docx", ("fr", "es"), ".docx", split="train", written="round 0")
def proposal_docx(c: Ctx) -> Built:
    customer, rep, product = c.company(), c.person(c.vendor()), c.pick(POC_PRODUCTS)
    items = c.items(2, 4)
    title = c.t({"fr": f"Proposition commerciale – {product} pour {customer.name}",
                 "es": f"Propuesta comercial – {product} para {customer.name}"})
    table = [c.t({"fr": ["Poste", "Quantité", "Prix unitaire", "Total"], "es": ["Concepto", "Cantidad", "Precio unitario", "Total"]}),
             *([i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)] for i in items)]
    blocks: list[str | list[list[str]]] = c.t({
        "fr": ["## Contexte", f"{customer.name} souhaite moderniser le suivi de sa production sur deux sites.",
               "## Solution proposée", f"Nous proposons {product} avec une mise en service en six semaines et un accompagnement "
               "de l'équipe d'exploitation.", "## Prix", table,
               f"Prix hors taxes. Offre valable jusqu'au {c.datestr(c.later(60))}.", "## Conditions",
               c.pick(("Paiement : 30 % à la commande, solde à la recette.", "Paiement à 30 jours date de facture."))],
        "es": ["## Contexto", f"{customer.name} desea modernizar el seguimiento de su producción en dos plantas.",
               "## Solución propuesta", f"Proponemos {product} con una puesta en marcha en seis semanas y acompañamiento "
               "del equipo de operaciones.", "## Precio", table,
               f"Precios sin IVA. Oferta válida hasta el {c.datestr(c.later(60))}.", "## Condiciones",
               c.pick(("Pago: 30 % con el pedido y el resto a la aceptación.", "Pago a 30 días fecha de factura."))],
    })
    return Built(docx(title, blocks, c, rep.name))


@template(CATEGORY, "offer.offer_letter_docx", ("de", "en"), ".docx", also=("correspondence",), split="held_out", written="round 0")
def offer_letter(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    items = c.items(2, 4)
    table = [c.t({"de": ["Pos.", "Leistung", "Menge", "Preis"], "en": ["No.", "Item", "Qty", "Price"]}),
             *([str(n), i.description, str(i.quantity), c.money(i.total)] for n, i in enumerate(items, 1))]
    title = c.t({"de": f"Ihr Angebot {c.code('A', 4)}", "en": f"Our offer {c.code('OF', 4)}"})
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"{customer.company.name}, z. Hd. {customer.name}, {customer.company.street}, {customer.company.city}",
               f"{c.vendor().city.split()[-1]}, den {c.datestr(long=False)}",
               f"Sehr geehrte{'r Herr' if c.maybe() else ' Frau'} {customer.last},",
               c.pick(("vielen Dank für das freundliche Gespräch. Gerne unterbreiten wir Ihnen unser Angebot:",
                       "wie besprochen bieten wir Ihnen die folgenden Leistungen an:")),
               table, f"Dieses Angebot ist gültig bis {c.datestr(c.later(45))}. Alle Preise zuzüglich Mehrwertsteuer.",
               "Mit freundlichen Grüßen", rep.name, rep.role],
        "en": [f"{customer.company.name}, attn. {customer.name}, {customer.company.street}, {customer.company.city}",
               c.datestr(long=True), f"Dear {customer.first},",
               c.pick(("Further to our meeting, we are pleased to offer the following:",
                       "Thank you for your interest. Please find our offer below:")),
               table, f"This offer is valid until {c.datestr(c.later(45))}. Prices exclude VAT.",
               "Kind regards,", rep.name, rep.role],
    })
    return Built(docx(title, blocks, c, rep.name))


@template(CATEGORY, "offer.quote_xlsx", ("es", "en"), ".xlsx", split="train", written="round 0")
def quote_xlsx(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number = c.code(c.t({"es": "P", "en": "QT"}))
    head = c.t({"es": ["Presupuesto n.º", "Cliente", "Fecha", "Válido hasta"], "en": ["Quote no.", "Customer", "Date", "Valid until"]})
    lines_header = c.t({"es": ["Referencia", "Descripción", "Cantidad", "Precio de lista", "Descuento %", "Precio neto", "Importe"],
                        "en": ["SKU", "Description", "Qty", "List price", "Discount %", "Net price", "Amount"]})
    rows: list[list[object]] = []
    for item in c.items(2, 6):
        discount = c.pick((0, 5, 10, 15))
        net = round(item.unit_price * (100 - discount) / 100, 2)
        rows.append([item.sku, item.description, item.quantity, item.unit_price, discount, net, round(net * item.quantity, 2)])
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"es": "Presupuesto", "en": "Quote"}), head, [[number, customer.company.name, c.day, c.later(30)]]),
        (c.t({"es": "Detalle", "en": "Lines"}), lines_header, rows)]
    return Built(xlsx(sheets, c, rep.name))


@template(CATEGORY, "offer.rfp_response_md", ("en", "fr"), ".md", split="train", written="round 0")
def rfp_response(c: Ctx) -> Built:
    customer, product = c.company(), c.pick(POC_PRODUCTS)
    number, items = c.code("RFP", 3), c.items(2, 4)
    table = ["| Item | Qty | Unit price | Total |", "|---|---|---|---|",
             *(f"| {i.description} | {i.quantity} | {c.money(i.unit_price)} | {c.money(i.total)} |" for i in items)]
    out = c.t({
        "en": [f"# Response to RFP {number}: {product} for {customer.name}", "", "## Executive summary", "",
               f"We propose {product} as a managed service, live within eight weeks.", "", "## Proposed solution", "",
               "- Hosted platform in an EU data centre", "- Integration with the existing ERP", "- Training for 20 users", "",
               "## Commercial offer", "", *table, "", "Prices exclude VAT. This proposal is valid for 90 days.", "",
               "## Terms", "", "Payment 30 days net; annual fees invoiced in advance."],
        "fr": [f"# Réponse à l'appel d'offres {number} : {product} pour {customer.name}", "", "## Synthèse", "",
               f"Nous proposons {product} en service managé, opérationnel sous huit semaines.", "", "## Solution proposée", "",
               "- Plateforme hébergée dans un centre de données européen", "- Intégration avec l'ERP existant",
               "- Formation de 20 utilisateurs", "", "## Offre financière", "",
               *(line.replace("Item", "Poste").replace("Qty", "Qté").replace("Unit price", "Prix unitaire") for line in table), "",
               "Prix hors taxes. Offre valable 90 jours.", "", "## Conditions", "",
               "Paiement à 30 jours ; redevances annuelles facturées d'avance."],
    })
    return Built(text(out))


@template(CATEGORY, "offer.devis_pdf", ("fr", "es"), ".pdf", split="held_out", written="round 0")
def devis_pdf(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"fr": "DV", "es": "PR"}), 4), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Devis n° {number}", "es": f"Presupuesto n.º {number}"})
    lines = c.t({
        "fr": [f"Client : {customer.company.name} – {customer.name}", f"Date : {c.datestr()}", "", "Désignation / Qté / PU HT / Montant HT",
               *(f"{i.description} / {i.quantity} / {c.money(i.unit_price)} / {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}    TVA 20 % : {c.money(net * 0.2)}    Total TTC : {c.money(net * 1.2)}",
               c.pick(("Devis valable 30 jours.", f"Validité : jusqu'au {c.datestr(c.later(30))}.")),
               "Bon pour accord – date et signature du client :", "____________________"],
        "es": [f"Cliente: {customer.company.name} – {customer.name}", f"Fecha: {c.datestr()}", "", "Concepto / Cant. / Precio / Importe",
               *(f"{i.description} / {i.quantity} / {c.money(i.unit_price)} / {c.money(i.total)}" for i in items), "",
               f"Base imponible: {c.money(net)}    IVA 21 %: {c.money(net * 0.21)}    Total: {c.money(net * 1.21)}",
               c.pick(("Presupuesto válido durante 30 días.", f"Validez: hasta el {c.datestr(c.later(30))}.")),
               "Conforme – fecha y firma del cliente:", "____________________"],
    })
    return Built(pdf(title, lines, c, rep.name))


@template(CATEGORY, "offer.commercial_proposal_pptx", ("en", "de"), ".pptx", split="train", written="round 1")
def commercial_proposal(c: Ctx) -> Built:
    customer, seller = c.company(), c.person(c.vendor())
    items = c.items(2, 4)
    total = sum(i.total for i in items)
    valid = c.datestr(c.later(45))
    if c.lang == "en":
        slides = [(f"Commercial proposal for {customer.name}", [f"{seller.company.name}", c.datestr(), seller.name]),
                  ("What you get", [f"{i.quantity} x {i.description}" for i in items]),
                  ("Your investment", [f"{i.description}: {c.money(i.total)}" for i in items] + [f"Total: {c.money(total)} excl. VAT"]),
                  ("Commercial terms", [f"Prices valid until {valid}", "Payment 30 days after delivery",
                                        "Includes onboarding workshop"]),
                  ("Next steps", ["Confirm scope by email", "We send the order form for signature"])]
    else:
        slides = [(f"Angebot für {customer.name}", [f"{seller.company.name}", c.datestr(), seller.name]),
                  ("Leistungsumfang", [f"{i.quantity} x {i.description}" for i in items]),
                  ("Ihre Investition", [f"{i.description}: {c.money(i.total)}" for i in items] + [f"Summe: {c.money(total)} zzgl. MwSt."]),
                  ("Konditionen", [f"Preise gültig bis {valid}", "Zahlung 30 Tage nach Lieferung", "inklusive Einführungsworkshop"]),
                  ("Nächste Schritte", ["Umfang per E-Mail bestätigen", "Wir senden Ihnen das Bestellformular zur Unterschrift"])]
    return Built(pptx(slides, c, seller.name))


@template(CATEGORY, "offer.blind_estimate_txt", ("de", "fr"), ".txt", split="train", written="round 2")
def blind_estimate(c: Ctx) -> Built:
    customer, seller = c.person(), c.person(c.vendor())
    days = c.rng.randint(5, 40)
    rate = c.pick((950.0, 1100.0, 1250.0))
    travel = c.pick((0.0, 800.0, 1500.0))
    number = c.code(c.t({"de": "KV", "fr": "PT"}), 4)
    if c.lang == "de":
        out = [seller.company.name, "", f"An {customer.company.name}, z. Hd. {customer.name}", "",
               f"Kostenvoranschlag {number}", f"Datum: {c.datestr()}", "",
               "Für die Migration Ihrer Lagerverwaltung schätzen wir folgenden Aufwand:",
               f"  Beratung und Umsetzung: {days} Personentage zu je {c.money(rate)} = {c.money(days * rate)}",
               f"  Reisekosten pauschal: {c.money(travel)}",
               f"  Summe: {c.money(days * rate + travel)} zuzüglich gesetzlicher Umsatzsteuer", "",
               "Abweichungen von mehr als 10 % teilen wir Ihnen vorab mit.",
               f"An diesen Kostenvoranschlag halten wir uns 6 Wochen gebunden. Ihr Ansprechpartner: {seller.name}, {seller.phone}"]
    else:
        out = [seller.company.name, "", f"À l'attention de {customer.name}, {customer.company.name}", "",
               f"Proposition tarifaire {number}", f"Date : {c.datestr()}", "",
               "Pour la migration de votre gestion d'entrepôt, nous estimons la charge comme suit :",
               f"  Conseil et réalisation : {days} jours à {c.money(rate)} = {c.money(days * rate)}",
               f"  Frais de déplacement forfaitaires : {c.money(travel)}",
               f"  Total : {c.money(days * rate + travel)} hors taxes", "",
               "Tout dépassement de plus de 10 % vous sera signalé à l'avance.",
               f"Proposition valable six semaines. Votre contact : {seller.name}, {seller.phone}"]
    return Built(text(out))


@template(CATEGORY, "offer.b3_cost_estimate", ("de", "es"), ".docx", split="train", written="round 3")
def offer_cost_estimate(c: Ctx) -> Built:
    customer = c.company()
    author = c.person(c.vendor())
    contact = c.person(customer)
    number = c.code(c.t({"de": "KV", "es": "PRE"}), 4)
    hours, rate = c.rng.randint(6, 60), c.pick((85.0, 95.0, 110.0, 125.0))
    items = c.items(1, 4)
    head = c.t({"de": ["Pos.", "Leistung / Material", "Menge", "Einheit", "Einzelpreis", "Betrag"],
                "es": ["Pos.", "Concepto", "Cant.", "Unidad", "Precio", "Importe"]})
    table = [head]
    total = 0.0
    for n, i in enumerate(items, start=1):
        table.append([str(n), i.description, str(i.quantity), c.t({"de": "Stk.", "es": "ud."}), c.money(i.unit_price), c.money(i.total)])
        total += i.total
    labour = c.t({"de": ("Montage und Inbetriebnahme vor Ort", "Umverkabelung Serverraum", "Einrichtung und Einweisung"),
                  "es": ("Montaje y puesta en marcha in situ", "Recableado del cuarto de servidores", "Configuración y formación")})
    table.append([str(len(items) + 1), c.pick(labour), str(hours), c.t({"de": "Std.", "es": "h"}), c.money(rate), c.money(hours * rate)])
    total += hours * rate
    travel = c.pick((0.0, 0.0, 65.0, 120.0))
    if travel:
        table.append([str(len(items) + 2), c.t({"de": "Anfahrtspauschale", "es": "Desplazamiento"}), "1", "", c.money(travel),
                      c.money(travel)])
        total += travel
    vat = VAT_RATES[c.lang]
    if c.lang == "de":
        blocks: list[str | list[list[str]]] = [
            f"Nr. {number} · {c.datestr()}",
            f"{customer.name}, z. Hd. {contact.name}, {customer.street}, {customer.city}",
            f"Guten Tag {contact.name},",
            c.pick(("nach der Besichtigung bei Ihnen vor Ort schätzen wir die Kosten wie folgt:",
                    "wie besprochen erhalten Sie unsere Kostenschätzung für die geplanten Arbeiten:")),
            table,
            f"Summe netto {c.money(total)} · zzgl. 19 % USt. {c.money(total * vat)} · gesamt {c.money(total * (1 + vat))}",
            "Dieser Kostenvoranschlag ist unverbindlich. Abweichungen von bis zu 15 % behalten wir uns vor; "
            "darüber hinaus melden wir uns vorher bei Ihnen.",
            f"Gültig bis {c.datestr(c.later(30), long=True)}. Ausführung ca. {c.rng.randint(1, 6)} Wochen nach Freigabe.",
            *(["Material, das nicht verbaut wird, nehmen wir zurück."] if c.maybe() else []),
            "Mit freundlichen Grüßen", f"{author.name}, {author.role}",
        ]
        title = "Kostenvoranschlag"
    else:
        blocks = [
            f"N.º {number} · {c.datestr()}",
            f"{customer.name} – A/A {contact.name} – {customer.street}, {customer.city}",
            f"Estimado/a {contact.first}:",
            c.pick(("Tras la visita a sus instalaciones le enviamos el presupuesto de los trabajos:",
                    "Según lo hablado por teléfono, le detallamos el coste estimado:")),
            table,
            f"Base imponible {c.money(total)} · IVA 21 % {c.money(total * vat)} · Total {c.money(total * (1 + vat))}",
            f"Validez del presupuesto: 30 días (hasta el {c.datestr(c.later(30), long=True)}).",
            "Forma de pago: 50 % a la aceptación, 50 % a la finalización de los trabajos.",
            *(["No incluye obra civil ni trabajos de electricidad."] if c.maybe() else []),
            "Para aceptarlo, basta con devolverlo firmado o contestar a este correo.",
            "Un saludo,", f"{author.name} – {author.role}",
        ]
        title = "Presupuesto"
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "offer.b3_renewal_html", ("en", "fr"), ".html", split="train", written="round 3")
def offer_renewal_html(c: Ctx) -> Built:
    customer = c.company()
    rep, contact = c.person(c.vendor()), c.person(customer)
    number = c.code("Q", 6)
    end = c.later(c.rng.randint(20, 75))
    uplift = c.pick((0, 3, 5, 7))
    items = c.items(1, 4)
    rows, total = [], 0.0
    for i in items:
        price = round(i.unit_price * (1 + uplift / 100), 2)
        total += price * i.quantity
        rows.append(f"<tr><td>{i.sku}</td><td>{i.description}</td><td class=\"n\">{i.quantity}</td>"
                    f"<td class=\"n\">{c.money(i.unit_price)}</td><td class=\"n\">{c.money(price)}</td>"
                    f"<td class=\"n\">{c.money(price * i.quantity)}</td></tr>")
    if c.lang == "en":
        head = "<tr><th>SKU</th><th>Item</th><th>Qty</th><th>Current</th><th>Renewal</th><th>Extended</th></tr>"
        body = [f"<h1>Renewal quote {number}</h1>",
                f"<p>Prepared for <b>{customer.name}</b>, attn. {contact.name} · {c.datestr(long=True)}</p>",
                f"<p>Your current term ends on <b>{c.datestr(end, long=True)}</b>. Below are the prices for the next 12 months"
                + (f", including the {uplift}% annual adjustment." if uplift else ", held at this year's rates.") + "</p>",
                f"<table>{head}{''.join(rows)}</table>",
                f"<p class=\"t\">Total (excl. tax): {c.money(total)}</p>",
                "<ul>" + "".join(f"<li>{x}</li>" for x in c.some([
                    "Pricing valid until the end of the current term.", "Multi-year option: 3% off each year if signed for 36 months.",
                    "Licences can be reduced by up to 10% at renewal, not during the term.",
                    "Payment annually in advance, 30 days from invoice.", "Support hours and SLAs unchanged."], 2, 4)) + "</ul>",
                f"<p>To accept, sign and return this quote or send a PO quoting {number} to {rep.email}.</p>",
                f"<p>{rep.name}<br>{rep.role}<br>{rep.phone}</p>"]
        title = f"Renewal quote {number}"
    else:
        head = "<tr><th>Réf.</th><th>Désignation</th><th>Qté</th><th>Prix actuel</th><th>Prix renouvellement</th><th>Total HT</th></tr>"
        body = [f"<h1>Proposition de renouvellement {number}</h1>",
                f"<p>À l'attention de {contact.name}, <b>{customer.name}</b> · {c.datestr(long=True)}</p>",
                f"<p>Votre abonnement arrive à échéance le <b>{c.datestr(end, long=True)}</b>. "
                "Voici nos conditions pour les 12 prochains mois"
                + (f", avec une révision annuelle de {uplift} %." if uplift else ", aux mêmes tarifs que cette année.") + "</p>",
                f"<table>{head}{''.join(rows)}</table>",
                f"<p class=\"t\">Total HT : {c.money(total)}</p>",
                "<ul>" + "".join(f"<li>{x}</li>" for x in c.some([
                    "Tarifs garantis jusqu'à la fin de la période en cours.", "Engagement 3 ans : 3 % de remise par an.",
                    "Possibilité de réduire le nombre de licences de 10 % au renouvellement.",
                    "Facturation annuelle à terme à échoir, paiement à 30 jours.", "Niveaux de service inchangés."], 2, 4)) + "</ul>",
                "<p>Pour accepter, merci de nous retourner ce document signé ou un bon de commande mentionnant "
                f"{number} à {rep.email}.</p>",
                f"<p>{rep.name}<br>{rep.role}<br>{rep.phone}</p>"]
        title = f"Renouvellement {number}"
    page = [f"<!DOCTYPE html>\n<html lang=\"{c.lang}\">", "<head>", "<meta charset=\"utf-8\">", f"<title>{title}</title>",
            "<style>body{font-family:Arial,sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:4px 8px}.n{text-align:right}.t{font-weight:bold}</style>",
            "</head>", "<body>", *body, "</body>", "</html>"]
    return Built(text(page))


@template(CATEGORY, "offer.b4_bid_price_schedule", ("fr", "es"), ".xlsx", split="train", written="round 4")
def offer_bid_price_schedule(c: Ctx) -> Built:
    buyer, us = c.company(), c.vendor()
    author = c.person(us)
    tender = f"{c.day.year}-{c.pick(('FCS', 'INF', 'TIC'))}-{c.rng.randint(100, 999)}"
    items = c.items(4, 7)
    discount = c.pick((0.0, 0.05, 0.08, 0.12))
    rows: list[list[object]] = []
    detail: list[list[object]] = []
    total = 0.0
    for n, item in enumerate(items, 1):
        price = round(item.unit_price * (1 - discount), 2)
        qty = item.quantity * c.pick((1, 2, 3))
        rows.append([f"{n}.{c.rng.randint(1, 4)}", item.sku, item.description, "U" if c.lang == "fr" else "ud.", price,
                     round(price * (1 + VAT_RATES[c.lang]), 2)])
        detail.append([f"{n}", item.description, qty, price, round(qty * price, 2)])
        total += qty * price
    vat = total * VAT_RATES[c.lang]
    if c.lang == "fr":
        detail.append(["", "Total HT", "", "", round(total, 2)])
        detail.append(["", f"TVA {int(VAT_RATES['fr'] * 100)} %", "", "", round(vat, 2)])
        detail.append(["", "Total TTC", "", "", round(total + vat, 2)])
        sheets: list[Sheet] = [
            ("BPU", ["N° prix", "Référence", "Désignation", "Unité", "Prix unitaire HT (€)", "Prix unitaire TTC (€)"], rows),
            ("DQE", ["N°", "Désignation", "Quantité estimée", "Prix unitaire HT (€)", "Montant HT (€)"], detail),
            ("Conditions de l'offre", ["Rubrique", "Engagement du candidat"], [
                ["Acheteur", f"{buyer.name} – consultation n° {tender}"],
                ["Candidat", f"{us.name}, {us.street}, {us.city}"],
                ["Durée de validité de l'offre", f"{c.pick((90, 120, 180))} jours à compter de la date limite de remise des offres"],
                ["Délai de livraison", f"{c.rng.randint(2, 8)} semaines à compter de la notification du bon de commande"],
                ["Révision des prix", "prix fermes la première année, puis révision annuelle selon l'indice Syntec"],
                ["Garantie", "36 mois pièces et main-d'œuvre, sur site"],
                ["Signataire", f"{author.name}, {author.role}"],
                ["Date", short_date(c)],
            ]),
        ]
    else:
        detail.append(["", "Base imponible", "", "", round(total, 2)])
        detail.append(["", f"IVA {int(VAT_RATES['es'] * 100)} %", "", "", round(vat, 2)])
        detail.append(["", "Importe total de la oferta", "", "", round(total + vat, 2)])
        sheets = [
            ("Oferta económica", ["Nº precio", "Referencia", "Descripción", "Unidad", "Precio unitario sin IVA (€)",
                                  "Precio unitario con IVA (€)"], rows),
            ("Desglose", ["Nº", "Descripción", "Cantidad estimada", "Precio unitario (€)", "Importe (€)"], detail),
            ("Condiciones", ["Concepto", "Compromiso del licitador"], [
                ["Órgano de contratación", f"{buyer.name} – expediente nº {tender}"],
                ["Licitador", f"{us.name}, {us.street}, {us.city}"],
                ["Validez de la oferta", f"{c.pick((90, 120, 180))} días desde la fecha límite de presentación"],
                ["Plazo de entrega", f"{c.rng.randint(2, 8)} semanas desde la formalización del pedido"],
                ["Revisión de precios", "precios fijos el primer año; después, revisión anual según IPC"],
                ["Garantía", "36 meses, piezas y mano de obra in situ"],
                ["Firmado", f"{author.name}, {author.role}"],
                ["Fecha", short_date(c)],
            ]),
        ]
    return Built(xlsx(sheets, c, author.name))


def _rtf(paragraphs: Sequence[str]) -> bytes:
    def enc(value: str) -> str:
        return rtf_escape(value).replace("\t", "\\tab ")

    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0", "{\\fonttbl{\\f0\\fswiss Arial;}}", "\\viewkind4\\uc1\\pard\\f0\\fs20"]
    for paragraph in paragraphs:
        if paragraph.startswith("# "):
            body.append(f"{{\\b\\fs28 {enc(paragraph[2:])}}}\\par")
        elif paragraph.startswith("## "):
            body.append(f"{{\\b {enc(paragraph[3:])}}}\\par")
        else:
            body.append(enc(paragraph) + "\\par")
    body.append("}")
    return ("\r\n".join(body) + "\r\n").encode("ascii")


@template(CATEGORY, "offer.b4_refresh_offer", ("en", "de"), ".rtf", split="train", written="round 4")
def offer_refresh(c: Ctx) -> Built:
    customer, us = c.company(), c.vendor()
    contact, seller = c.person(customer), c.person(us)
    number = c.code("Q" if c.lang == "en" else "ANG", 5)
    count = c.rng.randint(20, 120)
    laptop = 1120.0 * c.pick((0.92, 0.95, 1.0))
    dock, monitor = 189.0, 329.0
    trade_in = c.pick((60.0, 85.0, 110.0))
    rollout = c.pick((95.0, 120.0, 140.0))
    lines_: list[tuple[str, int, float]]
    if c.lang == "en":
        lines_ = [("Laptop 14 inch, 16 GB RAM, 512 GB SSD, 3-year on-site warranty", count, laptop),
                  ("USB-C docking station", count, dock),
                  ("Monitor 27 inch, height-adjustable", count * c.pick((1, 2)), monitor),
                  ("Imaging, data migration and desk-side rollout per device", count, rollout),
                  ("Trade-in credit for returned devices (certified data wiping included)", count, -trade_in)]
    else:
        lines_ = [("Notebook 14 Zoll, 16 GB RAM, 512 GB SSD, 3 Jahre Vor-Ort-Garantie", count, laptop),
                  ("USB-C-Dockingstation", count, dock),
                  ("Monitor 27 Zoll, höhenverstellbar", count * c.pick((1, 2)), monitor),
                  ("Installation, Datenübernahme und Rollout am Arbeitsplatz je Gerät", count, rollout),
                  ("Gutschrift Inzahlungnahme Altgeräte (inkl. zertifizierter Datenlöschung)", count, -trade_in)]
    net = sum(q * p for _, q, p in lines_)
    vat = net * VAT_RATES[c.lang]
    table = [f"{n}\t{q}\t{d}\t{c.money(p)}\t{c.money(q * p)}" for n, (d, q, p) in enumerate(lines_, 1)]
    if c.lang == "en":
        paras = [
            f"# Quotation {number} – workplace hardware refresh",
            f"{us.name}, {us.street}, {us.city}",
            "",
            f"{customer.name}", f"Attn. {contact.name}, {contact.role}", customer.street, customer.city,
            "",
            f"Date: {c.datestr(long=True)}",
            f"Dear {contact.first},",
            f"Thank you for the meeting last week. As discussed, we are pleased to quote for replacing {count} workplaces, "
            "including the take-back of your current devices.",
            "## Pricing",
            "Pos.\tQty\tDescription\tUnit price\tTotal",
            *table,
            f"Net total: {c.money(net)}",
            f"VAT {int(VAT_RATES['en'] * 100)}%: {c.money(vat)}",
            f"Total: {c.money(net + vat)}",
            "## Terms",
            f"This quotation is valid until {long_date(c, 30)}. Delivery within {c.rng.randint(3, 6)} weeks of order, "
            "rollout in agreed waves of up to 25 devices per day.",
            "Payment 30 days net from invoice. The trade-in value applies to complete devices with power supply.",
            "Prices are subject to availability of the quoted models; we will propose an equivalent if a model is discontinued.",
            "We look forward to your order.",
            "Kind regards,",
            f"{seller.name}", f"Account Manager, {us.name}", f"{seller.phone} · {seller.email}",
        ]
    else:
        paras = [
            f"# Angebot {number} – Erneuerung der Arbeitsplatz-Hardware",
            f"{us.name}, {us.street}, {us.city}",
            "",
            f"{customer.name}", f"z. Hd. {contact.name}, {contact.role}", customer.street, customer.city,
            "",
            f"Datum: {c.datestr(long=True)}",
            f"Guten Tag {contact.name},",
            f"vielen Dank für das Gespräch in der vergangenen Woche. Wie besprochen bieten wir Ihnen den Austausch von {count} "
            "Arbeitsplätzen einschließlich der Rücknahme Ihrer Altgeräte an.",
            "## Preise",
            "Pos.\tMenge\tBezeichnung\tEinzelpreis\tGesamt",
            *table,
            f"Summe netto: {c.money(net)}",
            f"zzgl. {int(VAT_RATES['de'] * 100)} % USt.: {c.money(vat)}",
            f"Gesamtbetrag: {c.money(net + vat)}",
            "## Konditionen",
            f"Dieses Angebot ist gültig bis {long_date(c, 30)}. Lieferzeit ca. {c.rng.randint(3, 6)} Wochen nach Auftragseingang, "
            "Rollout in abgestimmten Wellen mit bis zu 25 Geräten pro Tag.",
            "Zahlungsziel 30 Tage netto ab Rechnungsdatum. Der Rücknahmewert gilt für vollständige Geräte mit Netzteil.",
            "Liefermöglichkeit vorbehalten; bei Modellwechsel schlagen wir ein gleichwertiges Gerät vor.",
            "Wir freuen uns auf Ihren Auftrag.",
            "Mit freundlichen Grüßen",
            f"{seller.name}", f"Key Account Manager, {us.name}", f"{seller.phone} · {seller.email}",
        ]
    return Built(_rtf(paras))


@template(CATEGORY, "offer.b5_leasing", ("de", "es"), ".pdf", split="train", written="round 5")
def offer_leasing(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    rep, contact = c.person(vendor, lang=c.lang), c.person(customer)
    items = goods(c, 2, 4)
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
                 letter_salutation(c, contact),
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
                 letter_salutation(c, contact),
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


@template(CATEGORY, "offer.b5_training_quote", ("en", "fr"), ".html", split="train", written="round 5")
def offer_training_quote(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    rep, contact = c.person(vendor, lang=c.lang), c.person(customer)
    product = c.pick(PRODUCT_NAMES)
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
        body = [f"<h1>Quotation {escape_html(number)} – on-site training</h1>",
                f"<p>{escape_html(vendor.name)}, {escape_html(vendor.street)}, {escape_html(vendor.city)}</p>",
                f"<p><b>For:</b> {escape_html(contact.name)}, {escape_html(contact.role)}, {escape_html(customer.name)}<br>"
                f"<b>Date:</b> {escape_html(short_date(c))}<br><b>Valid until:</b> {escape_html(short_date(c, 45))}</p>",
                f"<p>Dear {escape_html(contact.first)},</p>",
                f"<p>Thank you for your enquiry. As discussed, we are pleased to quote the following training for your team "
                f"of {participants} at your premises in {escape_html(postcode_and_town(customer)[1])}:</p>",
                *html_table(["Module", "Days", "Participants", "Day rate", "Amount"], rows),
                f"<p>Travel and accommodation, flat rate: {escape_html(c.money(travel)) if travel else 'included'}<br>"
                f"<b>Total excl. VAT: {escape_html(c.money(total + travel))}</b><br>VAT: {escape_html(c.money(vat))}<br>"
                f"<b>Total incl. VAT: {escape_html(c.money(total + travel + vat))}</b></p>",
                "<h2>Included</h2><ul><li>Certified trainer, course material in English</li>"
                "<li>Training environment with sample data for every participant</li>"
                "<li>Certificate of attendance</li></ul>",
                "<h2>Terms</h2><ul><li>Dates to be agreed, at least three weeks ahead</li>"
                "<li>Free cancellation up to 10 working days before the training, 50 % after that</li>"
                "<li>Payment 30 days after the training</li></ul>",
                f"<p>To accept this quotation, simply reply to {escape_html(rep.email)} or sign and return it.</p>",
                f"<p>Kind regards,<br>{escape_html(rep.name)}<br>Training Sales<br>{escape_html(rep.phone)}</p>"]
        title = f"Quotation {number}"
    else:
        body = [f"<h1>Proposition {escape_html(number)} – formation intra-entreprise</h1>",
                f"<p>{escape_html(vendor.name)}, {escape_html(vendor.street)}, {escape_html(vendor.city)}</p>",
                f"<p><b>À l'attention de :</b> {escape_html(contact.name)}, {escape_html(contact.role)}, {escape_html(customer.name)}<br>"
                f"<b>Date :</b> {escape_html(short_date(c))}<br><b>Validité :</b> jusqu'au {escape_html(short_date(c, 45))}</p>",
                f"<p>Madame, Monsieur,</p><p>Suite à votre demande, nous avons le plaisir de vous proposer la formation "
                f"suivante pour {participants} collaborateurs, dans vos locaux de {escape_html(postcode_and_town(customer)[1])} :</p>",
                *html_table(["Module", "Jours", "Participants", "Prix journée HT", "Montant HT"], rows),
                f"<p>Frais de déplacement (forfait) : {escape_html(c.money(travel)) if travel else 'inclus'}<br>"
                f"<b>Total HT : {escape_html(c.money(total + travel))}</b><br>TVA 20 % : {escape_html(c.money(vat))}<br>"
                f"<b>Total TTC : {escape_html(c.money(total + travel + vat))}</b></p>",
                "<h2>Inclus</h2><ul><li>Formateur certifié, support de cours en français</li>"
                "<li>Environnement de formation avec données d'exemple pour chaque participant</li>"
                "<li>Attestation de fin de formation</li></ul>",
                "<p>Notre organisme est certifié Qualiopi : la formation peut être prise en charge par votre OPCO.</p>"
                if c.maybe() else "",
                "<h2>Conditions</h2><ul><li>Dates à convenir, au moins trois semaines à l'avance</li>"
                "<li>Annulation gratuite jusqu'à 10 jours ouvrés avant la session, 50 % au-delà</li>"
                "<li>Règlement à 30 jours après la formation</li></ul>",
                f"<p>Pour accepter cette proposition, retournez-la signée avec la mention « Bon pour accord » ou répondez à "
                f"{escape_html(rep.email)}.</p>",
                f"<p>Cordialement,<br>{escape_html(rep.name)}<br>Service formation<br>{escape_html(rep.phone)}</p>"]
        title = f"Proposition {number}"
    return Built(html_page(c.lang, title, [b for b in body if b], SPACIOUS_CSS))


@template(CATEGORY, "offer.b6_managed_service", ("en", "fr"), ".docx", split="blind", written="round 6")
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
            f"{vendor.name} for your {users} workstations, servers and network at your {town_of(cust)} site.",
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
            f"vos {users} postes de travail, serveurs et réseau du site de {town_of(cust)}.",
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


@template(CATEGORY, "offer.b6_opentrans_quotation", ("de", "es"), ".xml", split="blind", written="round 6")
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
                  f"            <bmecat:NAME>{escape_xml(co.name)}</bmecat:NAME>",
                  "            <bmecat:CONTACT_DETAILS><bmecat:CONTACT_SURNAME>"
                  f"{escape_xml(who)}</bmecat:CONTACT_SURNAME></bmecat:CONTACT_DETAILS>",
                  f"            <bmecat:STREET>{escape_xml(co.street)}</bmecat:STREET>",
                  f"            <bmecat:ZIP>{escape_xml(pc)}</bmecat:ZIP>",
                  f"            <bmecat:CITY>{escape_xml(city)}</bmecat:CITY>", "          </ADDRESS>", "        </PARTY>"]
    lines += ["      </PARTIES>", "      <bmecat:CURRENCY>EUR</bmecat:CURRENCY>",
              f"      <REMARKS type=\"general\">{escape_xml(remark)}</REMARKS>", "    </QUOTATION_INFO>", "  </QUOTATION_HEADER>",
              "  <QUOTATION_ITEM_LIST>"]
    for n, it in enumerate(items, 1):
        lines += ["    <QUOTATION_ITEM>", f"      <LINE_ITEM_ID>{n}</LINE_ITEM_ID>", "      <PRODUCT_ID>",
                  f"        <bmecat:SUPPLIER_PID>{it.sku}</bmecat:SUPPLIER_PID>",
                  f"        <bmecat:DESCRIPTION_SHORT>{escape_xml(it.description)}</bmecat:DESCRIPTION_SHORT>", "      </PRODUCT_ID>",
                  f"      <QUANTITY>{it.quantity}</QUANTITY>", "      <bmecat:ORDER_UNIT>C62</bmecat:ORDER_UNIT>",
                  "      <PRODUCT_PRICE_FIX>", f"        <bmecat:PRICE_AMOUNT>{it.unit_price:.2f}</bmecat:PRICE_AMOUNT>",
                  "      </PRODUCT_PRICE_FIX>", f"      <PRICE_LINE_AMOUNT>{it.total:.2f}</PRICE_LINE_AMOUNT>", "    </QUOTATION_ITEM>"]
    lines += ["  </QUOTATION_ITEM_LIST>", "  <QUOTATION_SUMMARY>", f"    <TOTAL_ITEM_NUM>{len(items)}</TOTAL_ITEM_NUM>",
              f"    <TOTAL_AMOUNT>{net + vat:.2f}</TOTAL_AMOUNT>", "    <TOTAL_TAX>", "      <TAX_AMOUNT>",
              f"        <bmecat:TAX>{VAT_RATES[c.lang]:.2f}</bmecat:TAX>", f"        <TAX_AMOUNT>{vat:.2f}</TAX_AMOUNT>",
              "      </TAX_AMOUNT>", "    </TOTAL_TAX>", "  </QUOTATION_SUMMARY>", "</QUOTATION>"]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    quote_pdf,
    proposal_docx,
    offer_letter,
    quote_xlsx,
    rfp_response,
    devis_pdf,
    commercial_proposal,
    blind_estimate,
    offer_cost_estimate,
    offer_renewal_html,
    offer_bid_price_schedule,
    offer_refresh,
    offer_leasing,
    offer_training_quote,
    offer_managed_service,
    offer_opentrans,
)
