"""Templates of `product_order`: purchase orders, order confirmations, order lists and line items."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from category_corpus.common import LANGUAGES, VAT_RATES, Built, Company, Ctx, Person, Template, goods, short_date, template
from category_corpus.writers import Sheet, csv_text, docx, pdf, text, xlsx

CATEGORY = "product_order"


@template(CATEGORY, "order.po_xlsx", ("en", "de"), ".xlsx", split="train", written="round 0")
def purchase_order_xlsx(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number = c.code("PO", 6)
    head = c.t({"en": ["PO number", "Order date", "Supplier", "Buyer", "Buyer email", "Buyer phone", "Delivery date"],
                "de": ["Bestellnummer", "Bestelldatum", "Lieferant", "Besteller", "E-Mail", "Telefon", "Liefertermin"]})
    lines_header = c.t({"en": ["Line", "SKU", "Description", "Qty", "Unit price", "Line total"],
                        "de": ["Pos", "Artikelnummer", "Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis"]})
    lines: list[list[object]] = [[n, i.sku, i.description, i.quantity, i.unit_price, i.total]
                                 for n, i in enumerate(c.items(2, 6), start=1)]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"en": "Purchase order", "de": "Bestellung"}), head,
         [[number, c.day, supplier.name, buyer.name, buyer.email, buyer.phone, c.later(c.rng.randint(7, 30))]]),
        (c.t({"en": "Lines", "de": "Positionen"}), lines_header, lines)]
    return Built(xlsx(sheets, c, buyer.name))


@template(CATEGORY, "order.po_pdf", ("fr", "es"), ".pdf", split="train", written="round 0")
def purchase_order_pdf(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number, items = c.code(c.t({"fr": "BC", "es": "OC"})), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Bon de commande n° {number}", "es": f"Orden de compra n.º {number}"})
    lines = c.t({
        "fr": [f"Date : {c.datestr()}    Fournisseur : {supplier.name}", f"Acheteur : {buyer.name}, {buyer.company.name}",
               f"Adresse de livraison : {buyer.company.street}, {buyer.company.city}", "",
               *(f"{i.quantity} x {i.description} ({i.sku}) à {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}", f"Date de livraison souhaitée : {c.datestr(c.later(21))}",
               c.pick(("Merci de confirmer la commande sous 48 heures.", "Conditions : paiement à 30 jours fin de mois."))],
        "es": [f"Fecha: {c.datestr()}    Proveedor: {supplier.name}", f"Comprador: {buyer.name}, {buyer.company.name}",
               f"Dirección de entrega: {buyer.company.street}, {buyer.company.city}", "",
               *(f"{i.quantity} x {i.description} ({i.sku}) a {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total sin IVA: {c.money(net)}", f"Fecha de entrega solicitada: {c.datestr(c.later(21))}",
               c.pick(("Rogamos confirmen el pedido en 48 horas.", "Condiciones: pago a 30 días."))],
    })
    return Built(pdf(title, lines, c, buyer.name))


@template(CATEGORY, "order.confirmation_docx", ("de", "en"), ".docx", split="held_out", written="round 0")
def order_confirmation(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"de": "AB", "en": "SO"})), c.items(2, 5)
    title = c.t({"de": f"Auftragsbestätigung {number}", "en": f"Order confirmation {number}"})
    table = [c.t({"de": ["Pos.", "Artikel", "Menge", "Einzelpreis", "Gesamt"], "en": ["Item", "Product", "Quantity", "Price", "Amount"]}),
             *([str(n), i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)] for n, i in enumerate(items, 1))]
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"{customer.company.name}, {customer.name}, {customer.company.street}, {customer.company.city}",
               f"Vielen Dank für Ihren Auftrag vom {c.datestr(c.later(-3))}. Wir bestätigen die Lieferung der folgenden Positionen:",
               table, f"Voraussichtlicher Liefertermin: {c.datestr(c.later(14))}. Lieferung frei Haus.",
               c.pick(("Es gelten unsere Lieferbedingungen.", "Teillieferungen behalten wir uns vor."))],
        "en": [f"{customer.company.name}, attn. {customer.name}, {customer.company.street}, {customer.company.city}",
               f"Thank you for your order of {c.datestr(c.later(-3))}. We confirm delivery of the following items:",
               table, f"Expected delivery date: {c.datestr(c.later(14))}. Shipping included.",
               c.pick(("Our terms of delivery apply.", "Partial shipments may occur."))],
    })
    return Built(docx(title, blocks, c, clerk.name))


@template(CATEGORY, "order.order_export_csv", ("es", "en"), ".csv", split="train", written="round 0")
def order_export(c: Ctx) -> Built:
    header = c.t({"es": ["Pedido", "Fecha", "Cliente", "Referencia", "Cantidad", "Precio unitario", "Importe"],
                  "en": ["Order ID", "Order date", "Customer", "SKU", "Quantity", "Unit price", "Total"]})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 15)):
        item = c.items(1, 1)[0]
        rows.append([f"{c.rng.randrange(100000, 999999)}", c.later(-c.rng.randint(0, 60)).isoformat(),
                     c.company(c.pick(LANGUAGES)).name, item.sku, item.quantity, item.unit_price, item.total])
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template(CATEGORY, "order.webshop_txt", ("en", "de"), ".txt", split="train", written="round 0")
def webshop_order(c: Ctx) -> Built:
    customer, items = c.person(), c.items(1, 4)
    number = f"{c.rng.randrange(100, 999)}-{c.rng.randrange(1000000, 9999999)}"
    width = max(len(i.description) for i in items) + 2
    item_lines = [f"{i.quantity} x {i.description.ljust(width)} {c.money(i.unit_price):>14} {c.money(i.total):>14}" for i in items]
    out = c.t({
        "en": [c.pick(("Thank you for your order!", "Your order has been received.")), "",
               f"Order number: {number}", f"Order date: {c.datestr()}", "", *item_lines, "",
               f"Order total: {c.money(sum(i.total for i in items))}", "", "Shipping address:", customer.name,
               customer.company.street, customer.company.city, "",
               f"Estimated delivery: {c.datestr(c.later(c.rng.randint(2, 6)))}",
               "You can track your order in your customer account."],
        "de": [c.pick(("Vielen Dank für Ihre Bestellung!", "Ihre Bestellung ist bei uns eingegangen.")), "",
               f"Bestellnummer: {number}", f"Bestelldatum: {c.datestr()}", "", *item_lines, "",
               f"Gesamtbetrag: {c.money(sum(i.total for i in items))}", "", "Lieferadresse:", customer.name,
               customer.company.street, customer.company.city, "",
               f"Voraussichtliche Lieferung: {c.datestr(c.later(c.rng.randint(2, 6)))}",
               "Den Versandstatus sehen Sie in Ihrem Kundenkonto."],
    })
    return Built(text(out))


@template(CATEGORY, "order.order_sheet_xlsx", ("fr", "es"), ".xlsx", split="held_out", written="round 0")
def order_sheet(c: Ctx) -> Built:
    buyer = c.person()
    header = c.t({"fr": ["Référence", "Désignation", "Quantité", "Prix unitaire HT", "Montant HT", "Date de livraison"],
                  "es": ["Referencia", "Artículo", "Cantidad", "Precio unitario", "Importe", "Fecha de entrega"]})
    rows: list[list[object]] = [[i.sku, i.description, i.quantity, i.unit_price, i.total, c.later(c.rng.randint(5, 40))]
                                for i in c.items(3, 7)]
    return Built(xlsx([(c.t({"fr": "Commande", "es": "Pedido"}), header, rows)], c, buyer.name))


@template(CATEGORY, "order.erp_order_txt", ("de", "es"), ".txt", split="train", written="round 1")
def erp_order(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number = f"45000{c.rng.randrange(10000, 99999)}"
    items = c.items(2, 5)
    total = sum(i.total for i in items)
    if c.lang == "de":
        out = [f"{buyer.company.name}", f"{buyer.company.street}, {buyer.company.city}", "",
               f"Bestellung Nr. {number} vom {c.datestr(long=False)}", "",
               f"Lieferant: {supplier.name}, {supplier.street}, {supplier.city}",
               f"Ansprechpartner Einkauf: {buyer.name}, Tel. {buyer.phone}", "",
               "Pos  Material   Bezeichnung                       Menge  ME   Preis/ME      Wert"]
        out += [f"{10 * (n + 1):<4} {i.sku:<10} {i.description:<33} {i.quantity:>5}  ST   {c.number(i.unit_price):>10} "
                f"{c.number(i.total):>10}" for n, i in enumerate(items)]
        out += ["", f"Gesamtwert netto EUR {c.number(total)}", f"Liefertermin: {c.datestr(c.later(21), long=False)}",
                "Lieferbedingung: frei Haus", "Bitte Bestellnummer auf Lieferschein und Rechnung angeben."]
    else:
        out = [f"{buyer.company.name}", f"{buyer.company.street}, {buyer.company.city}", "",
               f"PEDIDO DE COMPRA N.º {number}      Fecha: {c.datestr(long=False)}", "",
               f"Proveedor: {supplier.name}, {supplier.street}, {supplier.city}",
               f"Comprador: {buyer.name}, tel. {buyer.phone}", "",
               "Pos  Código     Descripción                       Cant.  Ud.  Precio ud.   Importe"]
        out += [f"{10 * (n + 1):<4} {i.sku:<10} {i.description:<33} {i.quantity:>5}  ud   {c.number(i.unit_price):>10} "
                f"{c.number(i.total):>10}" for n, i in enumerate(items)]
        out += ["", f"Total pedido (sin IVA): {c.number(total)} EUR", f"Fecha de entrega: {c.datestr(c.later(21), long=False)}",
                "Indique el número de pedido en el albarán y en la factura."]
    return Built(text(out))


@template(CATEGORY, "order.blind_api_order_json", ("en", "fr"), ".json", split="train", written="round 2")
def blind_api_order(c: Ctx) -> Built:
    buyer = c.person()
    items = c.items(1, 4)
    if c.lang == "en":
        order: dict[str, object] = {
            "orderId": f"SO-{c.rng.randrange(100000, 999999)}", "createdAt": f"{c.day.isoformat()}T10:{c.rng.randrange(60):02d}:00Z",
            "status": c.pick(("confirmed", "processing", "shipped")),
            "customer": {"name": buyer.name, "email": buyer.email, "company": buyer.company.name},
            "shipTo": {"street": buyer.company.street, "city": buyer.company.city},
            "lines": [{"sku": i.sku, "description": i.description, "quantity": i.quantity, "unitPrice": i.unit_price,
                       "lineTotal": i.total} for i in items],
            "currency": "USD", "orderTotal": round(sum(i.total for i in items), 2)}
    else:
        order = {
            "numeroCommande": f"CMD-{c.rng.randrange(100000, 999999)}", "dateCommande": c.day.isoformat(),
            "statut": c.pick(("validée", "en préparation", "expédiée")),
            "client": {"nom": buyer.name, "courriel": buyer.email, "societe": buyer.company.name},
            "livraison": {"adresse": buyer.company.street, "ville": buyer.company.city},
            "lignes": [{"reference": i.sku, "libelle": i.description, "quantite": i.quantity, "prixUnitaireHT": i.unit_price,
                        "montantHT": i.total} for i in items],
            "devise": "EUR", "totalHT": round(sum(i.total for i in items), 2)}
    return Built((json.dumps(order, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


@template(CATEGORY, "order.b3_purchase_pdf", ("de", "es"), ".pdf", split="train", written="round 3")
def order_purchase_pdf(c: Ctx) -> Built:
    buyer, supplier = c.company(), c.vendor()
    clerk = c.person(buyer)
    number = c.code(c.t({"de": "BE", "es": "PC"}), 6)
    items = c.items(2, 6)
    net = sum(i.total for i in items)
    delivery = c.later(c.rng.randint(7, 30))
    cost_centre = c.rng.randrange(4000, 4999)
    if c.lang == "de":
        title = f"Bestellung {number}"
        lines = [f"{buyer.name} · {buyer.street} · {buyer.city}", "",
                 supplier.name, supplier.street, supplier.city, "",
                 f"Bestelldatum: {c.datestr(long=False)}    Ihr Angebot: {c.code('AN', 5) if c.maybe() else 'telefonisch'}",
                 f"Sachbearbeiter: {clerk.name}, Tel. {clerk.phone}    Kostenstelle: {cost_centre}", "",
                 "Wir bestellen zu den Bedingungen Ihres Angebots:", "",
                 "Pos.  Menge  Art.-Nr.   Bezeichnung                          Einzelpreis      Gesamt"]
        lines += [f"{n:>3}  {i.quantity:>5}  {i.sku:<9}  {i.description:<36} {c.money(i.unit_price):>12} {c.money(i.total):>12}"
                  for n, i in enumerate(items, start=10)]
        lines += ["", f"Gesamtwert netto: {c.money(net)}", "",
                  f"Liefertermin: spätestens {c.datestr(delivery, long=True)}, frei Haus",
                  f"Lieferanschrift: {c.pick(('Wareneingang Tor 3', 'Lager, Rampe 2', 'Zentrale, Poststelle'))}, "
                  f"{buyer.street}, {buyer.city}",
                  "Zahlung: 30 Tage netto, 14 Tage 2 % Skonto",
                  "Bitte geben Sie unsere Bestellnummer auf Lieferschein und Rechnung an. Teillieferungen nur nach Absprache.",
                  "", "Bitte senden Sie uns eine Auftragsbestätigung innerhalb von 3 Werktagen.", "", "Mit freundlichen Grüßen", clerk.name]
    else:
        title = f"Pedido de compra {number}"
        lines = [f"{buyer.name} · {buyer.street} · {buyer.city}", "",
                 f"Proveedor: {supplier.name}", supplier.street, supplier.city, "",
                 f"Fecha: {c.datestr(long=False)}    Su presupuesto: {c.code('P', 5) if c.maybe() else 'por teléfono'}",
                 f"Gestionado por: {clerk.name}, tel. {clerk.phone}    Centro de coste: {cost_centre}", "",
                 "Ref.      Descripción                               Uds.     Precio unit.      Importe"]
        lines += [f"{i.sku:<9} {i.description:<40} {i.quantity:>5} {c.money(i.unit_price):>14} {c.money(i.total):>12}" for i in items]
        lines += ["", f"Base imponible: {c.money(net)}", f"IVA 21 %: {c.money(net * 0.21)}", f"Total: {c.money(net * 1.21)}", "",
                  f"Entrega antes del {c.datestr(delivery, long=True)} en {c.pick(('nuestro almacén', 'la recepción de mercancías'))}, "
                  f"{buyer.street}, {buyer.city}.",
                  "Forma de pago: transferencia a 60 días fecha factura.",
                  "Indiquen el número de pedido en el albarán y en la factura; sin él no podremos tramitar el pago.", "",
                  "Atentamente,", clerk.name, clerk.role]
    return Built(pdf(title, lines, c, clerk.name))


@template(CATEGORY, "order.b3_shop_json", ("en", "fr"), ".json", split="train", written="round 3")
def order_shop_json(c: Ctx) -> Built:
    customer = c.company()
    buyer = c.person(customer)
    items = c.items(1, 5)
    net = sum(i.total for i in items)
    shipping = c.pick((0.0, 9.9, 24.0, 49.0))
    vat = VAT_RATES[c.lang]
    order = {
        "order_id": f"{c.rng.randrange(100000, 999999)}",
        "channel": c.pick(("webshop", "b2b-portal", "edi")),
        "created_at": f"{c.day.isoformat()}T{c.rng.randrange(7, 19):02d}:{c.rng.randrange(60):02d}:{c.rng.randrange(60):02d}Z",
        "status": c.pick(("confirmed", "in_fulfilment", "shipped", "partially_shipped")),
        "currency": "GBP" if c.lang == "en" and c.money_style % 2 else ("USD" if c.lang == "en" else "EUR"),
        "customer": {"account": f"C{c.rng.randrange(10000, 99999)}", "company": customer.name, "contact": buyer.name,
                     "email": buyer.email, "phone": buyer.phone, "po_reference": c.code("PO", 5) if c.maybe(0.7) else None},
        "billing_address": {"street": customer.street, "city": customer.city},
        "shipping_address": {"attn": c.pick((buyer.name, c.t({"en": "Goods in", "fr": "Réception marchandises"}))),
                             "street": customer.street, "city": customer.city},
        "lines": [{"line": n, "sku": i.sku, "name": i.description, "qty": i.quantity, "unit_price": i.unit_price,
                   "line_total": i.total, "backordered": c.rng.randrange(0, i.quantity) if c.maybe(0.15) else 0}
                  for n, i in enumerate(items, start=1)],
        "shipping": {"method": c.pick(("standard", "express", "pallet", "pickup")), "cost": shipping,
                     "requested_date": c.later(c.rng.randint(2, 14)).isoformat()},
        "totals": {"net": round(net + shipping, 2), "tax_rate": vat, "tax": round((net + shipping) * vat, 2),
                   "gross": round((net + shipping) * (1 + vat), 2)},
        "payment": {"terms": c.pick(("NET30", "NET14", "PREPAID", "CARD")), "paid": c.maybe(0.4)},
        "note": c.pick(c.t({"en": ("", "Please deliver before 3pm, loading bay closes early on Fridays.",
                                   "Ship all together, no partial deliveries.", "Call the contact 30 min before arrival."),
                            "fr": ("", "Livraison avant 15 h svp, le quai ferme tôt le vendredi.",
                                   "Merci de tout livrer en une seule fois.", "Prévenir le contact 30 min avant l'arrivée.")})),
    }
    return Built(json.dumps(order, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")


@template(CATEGORY, "order.b4_ubl_order", ("de", "es"), ".xml", split="train", written="round 4")
def order_ubl(c: Ctx) -> Built:
    buyer, seller = c.company(), c.vendor()
    buyer_person = c.person(buyer)
    number = c.code("PO" if c.lang == "es" else "BE", 6)
    items = c.items(2, 6)
    note = c.pick({
        "de": ("Bitte Bestellnummer auf Lieferschein und Rechnung angeben.", "Anlieferung Mo–Fr 7–15 Uhr, Rampe 3.",
               "Teillieferungen nur nach Rücksprache mit dem Einkauf."),
        "es": ("Indiquen el número de pedido en el albarán y en la factura.", "Horario de descarga: lunes a viernes de 8 a 14 h.",
               "No se aceptan entregas parciales sin confirmación previa de compras."),
    }[c.lang])
    total = round(sum(i.total for i in items), 2)
    delivery = c.later(c.rng.randint(7, 30)).isoformat()

    def party(tag: str, company: Company, contact: Person | None) -> list[str]:
        street, city = company.street, company.city
        out = [f"  <cac:{tag}>", "    <cac:Party>",
               f"      <cac:PartyName><cbc:Name>{escape(company.name)}</cbc:Name></cac:PartyName>",
               "      <cac:PostalAddress>", f"        <cbc:StreetName>{escape(street)}</cbc:StreetName>",
               f"        <cbc:CityName>{escape(city)}</cbc:CityName>", "      </cac:PostalAddress>"]
        if contact:
            out += ["      <cac:Contact>", f"        <cbc:Name>{escape(contact.name)}</cbc:Name>",
                    f"        <cbc:Telephone>{contact.phone}</cbc:Telephone>",
                    f"        <cbc:ElectronicMail>{contact.email}</cbc:ElectronicMail>", "      </cac:Contact>"]
        return [*out, "    </cac:Party>", f"  </cac:{tag}>"]

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"',
             '       xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
             '       xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
             "  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>",
             f"  <cbc:ID>{number}</cbc:ID>",
             f"  <cbc:IssueDate>{c.day.isoformat()}</cbc:IssueDate>",
             f"  <cbc:Note>{escape(note)}</cbc:Note>",
             "  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>",
             f"  <cbc:AccountingCost>{c.pick(('4100', '4710', '6300'))}</cbc:AccountingCost>",
             *party("BuyerCustomerParty", buyer, buyer_person),
             *party("SellerSupplierParty", seller, None),
             "  <cac:Delivery>",
             "    <cac:DeliveryLocation><cac:Address>",
             f"      <cbc:StreetName>{escape(buyer.street)}</cbc:StreetName><cbc:CityName>{escape(buyer.city)}</cbc:CityName>",
             "    </cac:Address></cac:DeliveryLocation>",
             f"    <cac:RequestedDeliveryPeriod><cbc:EndDate>{delivery}</cbc:EndDate></cac:RequestedDeliveryPeriod>",
             "  </cac:Delivery>",
             "  <cac:AnticipatedMonetaryTotal>",
             f'    <cbc:LineExtensionAmount currencyID="EUR">{total:.2f}</cbc:LineExtensionAmount>',
             f'    <cbc:PayableAmount currencyID="EUR">{total:.2f}</cbc:PayableAmount>',
             "  </cac:AnticipatedMonetaryTotal>"]
    for index, item in enumerate(items, 1):
        lines += ["  <cac:OrderLine>", "    <cac:LineItem>",
                  f"      <cbc:ID>{index * 10}</cbc:ID>",
                  f'      <cbc:Quantity unitCode="C62">{item.quantity}</cbc:Quantity>',
                  f'      <cbc:LineExtensionAmount currencyID="EUR">{item.total:.2f}</cbc:LineExtensionAmount>',
                  f'      <cac:Price><cbc:PriceAmount currencyID="EUR">{item.unit_price:.2f}</cbc:PriceAmount></cac:Price>',
                  "      <cac:Item>",
                  f"        <cbc:Description>{escape(item.description)}</cbc:Description>",
                  f"        <cbc:Name>{escape(item.description)}</cbc:Name>",
                  f"        <cac:SellersItemIdentification><cbc:ID>{item.sku}</cbc:ID></cac:SellersItemIdentification>",
                  "      </cac:Item>", "    </cac:LineItem>", "  </cac:OrderLine>"]
    lines.append("</Order>")
    return Built(text(lines))


@template(CATEGORY, "order.b4_requisition", ("en", "fr"), ".docx", split="train", written="round 4")
def order_requisition(c: Ctx) -> Built:
    company, supplier = c.company(), c.vendor()
    requester, approver = c.person(company), c.person(company)
    items = c.items(2, 5)
    total = sum(i.total for i in items)
    number = c.code("PR" if c.lang == "en" else "DA", 5)
    needed = short_date(c, c.rng.randint(10, 40))
    if c.lang == "en":
        dept = c.pick(("IT Operations", "Engineering", "Customer Service", "Warehouse"))
        reason = c.pick(("Replacement of end-of-life equipment for the service desk.",
                         "Equipment for four new starters joining in the next quarter.",
                         "Expansion of the monitoring pilot to the second site."))
        blocks: list[str | list[list[str]]] = [
            [["Requisition no.", number, "Date", short_date(c)],
             ["Requested by", requester.name, "Department", dept],
             ["Cost centre", c.pick(("CC-4100", "CC-2300", "CC-5120")), "Needed by", needed],
             ["Preferred supplier", supplier.name, "Budget line", c.pick(("IT hardware", "Projects capex", "Operating supplies"))]],
            "## Items requested",
            [["#", "Item code", "Description", "Qty", "Unit price", "Line total"],
             *[[str(n), i.sku, i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)]
               for n, i in enumerate(items, 1)],
             ["", "", "Estimated total (excl. VAT)", "", "", c.money(total)]],
            "## Business justification",
            reason,
            f"Deliver to: {company.name}, {company.street}, {company.city} – goods-in, attn. {requester.name}.",
            "## Approvals",
            [["Role", "Name", "Decision", "Date"],
             ["Line manager", approver.name, "Approved", short_date(c, 1)],
             ["Procurement", "", "Pending", ""]],
            "Purchasing will raise the purchase order once all approvals are complete.",
        ]
        title = "Purchase requisition"
    else:
        dept = c.pick(("Exploitation informatique", "Bureau d'études", "Service client", "Logistique"))
        reason = c.pick(("Remplacement de matériel en fin de vie pour le support utilisateurs.",
                         "Équipement de quatre nouveaux arrivants prévus au prochain trimestre.",
                         "Extension du pilote de supervision au second site."))
        blocks = [
            [["N° de demande", number, "Date", short_date(c)],
             ["Demandeur", requester.name, "Service", dept],
             ["Centre de coût", c.pick(("CC-4100", "CC-2300", "CC-5120")), "Date souhaitée", needed],
             ["Fournisseur proposé", supplier.name, "Ligne budgétaire", c.pick(("Matériel informatique", "Investissements projets",
                                                                                "Fournitures"))]],
            "## Articles demandés",
            [["N°", "Référence", "Désignation", "Qté", "Prix unitaire", "Total ligne"],
             *[[str(n), i.sku, i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)]
               for n, i in enumerate(items, 1)],
             ["", "", "Total estimé HT", "", "", c.money(total)]],
            "## Justification",
            reason,
            f"Livraison : {company.name}, {company.street}, {company.city} – quai de réception, à l'attention de {requester.name}.",
            "## Validations",
            [["Rôle", "Nom", "Décision", "Date"],
             ["Responsable hiérarchique", approver.name, "Validé", short_date(c, 1)],
             ["Service achats", "", "En attente", ""]],
            "Le service achats émettra le bon de commande une fois toutes les validations obtenues.",
        ]
        title = "Demande d'achat"
    return Built(docx(title, blocks, c, requester.name))


@template(CATEGORY, "order.b5_delivery_note", ("de", "fr"), ".pdf", split="train", written="round 5")
def order_delivery_note(c: Ctx) -> Built:
    vendor, customer = c.vendor(), c.company()
    clerk, receiver = c.person(vendor, lang=c.lang), c.person(customer)
    items = goods(c, 2, 6)
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


@template(CATEGORY, "order.b5_replenishment", ("en", "es"), ".csv", split="train", written="round 5")
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
        for line, item in enumerate(goods(c, 1, 4), 1):
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


@template(CATEGORY, "order.b6_call_off", ("de", "fr"), ".pdf", split="blind", written="round 6")
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


@template(CATEGORY, "order.b6_goods_received", ("en", "es"), ".xlsx", split="blind", written="round 6")
def order_goods_received(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    clerk = c.person(cust)
    po = c.code("PO", 6)
    grn = f"GRN{c.rng.randint(100000, 999999)}" if c.lang == "en" else f"ER-{c.rng.randint(10000, 99999)}"
    rows: list[list[object]] = []
    issues: list[list[object]] = []
    for i, it in enumerate(goods(c, 3, 6), 1):
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


TEMPLATES: tuple[Template, ...] = (
    purchase_order_xlsx,
    purchase_order_pdf,
    order_confirmation,
    order_export,
    webshop_order,
    order_sheet,
    erp_order,
    blind_api_order,
    order_purchase_pdf,
    order_shop_json,
    order_ubl,
    order_requisition,
    order_delivery_note,
    order_replenishment,
    order_call_off,
    order_goods_received,
)
