"""Templates of `contract`: agreements, NDAs, statements of work, licence terms."""

from __future__ import annotations

from collections.abc import Sequence

from category_corpus.common import (
    DIGITS,
    POC_PRODUCTS,
    PRODUCT_NAMES,
    Built,
    Company,
    Ctx,
    Person,
    Template,
    goods,
    long_date,
    short_date,
    template,
    token,
    town_of,
)
from category_corpus.writers import docx, pdf, rtf_escape, text

CATEGORY = "contract"


def signature_block(c: Ctx, a: Person, b: Person) -> list[str]:
    labels = c.t({"en": ("By", "Name", "Title", "Date"), "de": ("Unterschrift", "Name", "Funktion", "Datum"),
                  "fr": ("Signature", "Nom", "Qualité", "Date"), "es": ("Firma", "Nombre", "Cargo", "Fecha")})
    out: list[str] = []
    for person in (a, b):
        out += [f"{person.company.name}", f"{labels[0]}: ____________________", f"{labels[1]}: {person.name}",
                f"{labels[2]}: {person.role}", f"{labels[3]}: ______________"]
    return out


@template(CATEGORY, "contract.nda_docx", ("en", "de"), ".docx", split="train", written="round 0")
def nda(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    years = c.pick((2, 3, 5))
    title = c.t({"en": c.pick(("Mutual Non-Disclosure Agreement", "Confidentiality Agreement")),
                 "de": c.pick(("Geheimhaltungsvereinbarung", "Vertraulichkeitsvereinbarung"))})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"This Agreement is made on {c.datestr(long=True)} between {ours.company.name}, {ours.company.street}, "
               f"{ours.company.city} and {theirs.company.name}, {theirs.company.street}, {theirs.company.city} "
               "(each a \"Party\", together the \"Parties\").",
               "WHEREAS the Parties wish to exchange confidential information to evaluate a possible business relationship;",
               "1. Definitions. \"Confidential Information\" means all information disclosed by one Party to the other.",
               "2. Obligations. Each Party shall keep the Confidential Information of the other Party secret and use it only "
               "for the purpose stated above.",
               f"3. Term. This Agreement remains in force for {years} years; the obligations survive termination.",
               f"Notices: {theirs.name}, {theirs.email}, {theirs.phone}; {ours.name}, {ours.email}.",
               "4. Governing law. This Agreement is governed by the laws of England and Wales.",
               "IN WITNESS WHEREOF the Parties have signed this Agreement.", *signature_block(c, ours, theirs)],
        "de": [f"zwischen {ours.company.name}, {ours.company.street}, {ours.company.city} und {theirs.company.name}, "
               f"{theirs.company.street}, {theirs.company.city} (nachfolgend gemeinsam die „Vertragsparteien“).",
               "Präambel: Die Vertragsparteien beabsichtigen, vertrauliche Informationen auszutauschen.",
               "§ 1 Vertrauliche Informationen. Vertraulich sind alle Informationen, die eine Partei der anderen offenlegt.",
               "§ 2 Pflichten. Jede Partei verpflichtet sich, die vertraulichen Informationen geheim zu halten und nur für den "
               "vereinbarten Zweck zu nutzen.",
               f"§ 3 Laufzeit. Diese Vereinbarung gilt für {years} Jahre; die Pflichten bestehen nach Kündigung fort.",
               "§ 4 Schlussbestimmungen. Es gilt deutsches Recht. Gerichtsstand ist München. Änderungen bedürfen der Schriftform.",
               *signature_block(c, ours, theirs)],
    })
    return Built(docx(title, blocks, c, ours.name))


@template(CATEGORY, "contract.services_pdf", ("fr", "es"), ".pdf", split="train", written="round 0")
def services_contract(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    fee = c.rng.randrange(2, 30) * 1000
    title = c.t({"fr": "Contrat de prestation de services", "es": "Contrato de prestación de servicios"})
    lines = c.t({
        "fr": ["Entre les soussignés :", f"{theirs.company.name}, {theirs.company.street}, {theirs.company.city}, ci-après "
               "dénommée « le Client »,", f"et {ours.company.name}, ci-après dénommée « le Prestataire ».", "",
               "Article 1 – Objet", "Le présent contrat a pour objet la maintenance et l'exploitation de la plateforme du Client.",
               "Article 2 – Durée", f"Le contrat est conclu pour une durée de {c.pick((12, 24, 36))} mois à compter de sa signature.",
               "Article 3 – Prix et facturation", f"Les prestations sont facturées {c.money(fee)} HT par mois. Les factures "
               "sont payables à 30 jours.",
               "Article 4 – Responsabilité", "La responsabilité du Prestataire est limitée au montant annuel du contrat.",
               "Article 5 – Résiliation", "Chaque partie peut résilier le contrat avec un préavis de trois mois.",
               "Article 6 – Droit applicable", "Le présent contrat est soumis au droit français.", "",
               f"Fait à Paris, le {c.datestr()}, en deux exemplaires.", *signature_block(c, theirs, ours)],
        "es": ["Reunidos:", f"De una parte, {theirs.company.name}, con domicilio en {theirs.company.street}, {theirs.company.city}, "
               "en adelante «el Cliente».", f"De otra parte, {ours.company.name}, en adelante «el Proveedor».", "",
               "Cláusula 1 – Objeto", "El presente contrato tiene por objeto el mantenimiento de la plataforma del Cliente.",
               "Cláusula 2 – Duración", f"El contrato tendrá una duración de {c.pick((12, 24, 36))} meses desde su firma.",
               "Cláusula 3 – Precio y facturación", f"Los servicios se facturarán a razón de {c.money(fee)} al mes más IVA. "
               "Las facturas se pagarán a 30 días.",
               "Cláusula 4 – Responsabilidad", "La responsabilidad del Proveedor se limita al importe anual del contrato.",
               "Cláusula 5 – Resolución", "Cualquiera de las partes podrá resolver el contrato con un preaviso de tres meses.",
               "Cláusula 6 – Ley aplicable", "El presente contrato se rige por la ley española.", "",
               f"Y en prueba de conformidad, las partes firman en Madrid, a {c.datestr()}.", *signature_block(c, theirs, ours)],
    })
    return Built(pdf(title, lines, c, ours.name))


@template(CATEGORY, "contract.sow_docx", ("en", "es"), ".docx", split="held_out", written="round 0")
def statement_of_work(c: Ctx) -> Built:
    ours, theirs, product = c.person(c.vendor()), c.person(), c.pick(POC_PRODUCTS)
    n = c.rng.randint(2, 9)
    deliverables = c.t({"en": ("Installation and configuration", "Data migration", "Training of key users", "Go-live support",
                               "Operations handbook"),
                        "es": ("Instalación y configuración", "Migración de datos", "Formación de usuarios clave",
                               "Soporte a la puesta en marcha", "Manual de operación")})
    table = [c.t({"en": ["Deliverable", "Due date", "Acceptance"], "es": ["Entregable", "Fecha", "Aceptación"]}),
             *([d, c.datestr(c.later(14 * k), long=False), c.t({"en": "Sign-off by customer", "es": "Firma del cliente"})]
               for k, d in enumerate(c.some(deliverables, 3, 5), start=1))]
    title = c.t({"en": f"Statement of Work No. {n}", "es": f"Anexo de servicios n.º {n} (Statement of Work)"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"This Statement of Work is entered into under the Master Services Agreement dated {c.datestr(c.later(-400))} "
               f"between {ours.company.name} (\"Supplier\") and {theirs.company.name} (\"Customer\").",
               "1. Scope", f"Supplier shall implement {product} for Customer as described below.", "2. Deliverables", table,
               "3. Fees", f"Fees of {c.money(c.rng.randrange(20, 200) * 1000)} shall be invoiced monthly in arrears.",
               "4. Term", "This SOW ends on acceptance of the last deliverable unless terminated earlier under the Agreement.",
               *signature_block(c, ours, theirs)],
        "es": [f"El presente anexo se celebra al amparo del contrato marco de servicios de fecha {c.datestr(c.later(-400))} "
               f"entre {ours.company.name} (el «Proveedor») y {theirs.company.name} (el «Cliente»).",
               "1. Alcance", f"El Proveedor implantará {product} para el Cliente según se describe a continuación.",
               "2. Entregables", table,
               "3. Honorarios", f"Los honorarios de {c.money(c.rng.randrange(20, 200) * 1000)} se facturarán mensualmente.",
               "4. Vigencia", "Este anexo finaliza con la aceptación del último entregable, salvo resolución anticipada "
               "conforme al contrato.", *signature_block(c, ours, theirs)],
    })
    return Built(docx(title, blocks, c, ours.name))


@template(CATEGORY, "contract.licence_txt", ("en", "fr"), ".txt", split="train", written="round 0")
def licence_terms(c: Ctx) -> Built:
    licensor, product = c.vendor(), c.pick(POC_PRODUCTS)
    out = c.t({
        "en": [c.pick(("SOFTWARE LICENCE AGREEMENT", "END USER LICENSE AGREEMENT")), "",
               f"This Software Licence Agreement (the \"Agreement\") is between {licensor.name} (\"Licensor\") and the "
               "customer named in the order form (\"Licensee\").", "",
               f"1. GRANT OF LICENCE. Licensor hereby grants Licensee a non-exclusive, non-transferable licence to use {product} "
               "for its internal business purposes during the term.",
               "2. RESTRICTIONS. Licensee shall not copy, modify, reverse engineer or sublicense the software.",
               "3. FEES. Licence fees are set out in the order form and are payable within 30 days of invoice.",
               "4. WARRANTY. Licensor warrants that the software will perform substantially in accordance with its "
               "documentation for ninety days.",
               "5. LIMITATION OF LIABILITY. In no event shall either party be liable for indirect or consequential damages.",
               "6. TERMINATION. Either party may terminate this Agreement for material breach not cured within 30 days.",
               "7. GOVERNING LAW. This Agreement shall be governed by the laws of the State of New York.",
               "8. ENTIRE AGREEMENT. This Agreement constitutes the entire agreement between the parties."],
        "fr": [c.pick(("CONTRAT DE LICENCE DE LOGICIEL", "CONDITIONS GÉNÉRALES DE LICENCE")), "",
               f"Le présent contrat est conclu entre {licensor.name} (ci-après « le Concédant ») et le client désigné dans "
               "le bon de commande (ci-après « le Licencié »).", "",
               f"Article 1 – Concession. Le Concédant concède au Licencié une licence non exclusive et non cessible "
               f"d'utilisation de {product} pour ses besoins internes.",
               "Article 2 – Restrictions. Le Licencié s'engage à ne pas copier, modifier ni décompiler le logiciel.",
               "Article 3 – Redevances. Les redevances figurent au bon de commande et sont payables à 30 jours.",
               "Article 4 – Garantie. Le Concédant garantit la conformité du logiciel à sa documentation pendant 90 jours.",
               "Article 5 – Responsabilité. Aucune des parties ne sera responsable des dommages indirects.",
               "Article 6 – Résiliation. Chaque partie peut résilier le contrat en cas de manquement grave non corrigé "
               "sous 30 jours.",
               "Article 7 – Droit applicable. Le présent contrat est régi par le droit français ; tribunaux de Paris compétents."],
    })
    return Built(text(out))


@template(CATEGORY, "contract.supply_docx", ("de", "en"), ".docx", split="train", written="round 0")
def supply_agreement(c: Ctx) -> Built:
    seller, buyer = c.person(c.vendor()), c.person()
    title = c.t({"de": "Liefervertrag", "en": "Supply Agreement"})
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"zwischen {seller.company.name} (Lieferant) und {buyer.company.name} (Käufer)",
               "§ 1 Vertragsgegenstand. Der Lieferant liefert dem Käufer die in Anlage 1 genannten Produkte.",
               "§ 2 Bestellungen. Der Käufer bestellt die Produkte durch schriftliche Bestellungen; der Lieferant bestätigt "
               "jede Bestellung innerhalb von fünf Werktagen.",
               "§ 3 Preise und Zahlung. Es gelten die Preise der Anlage 2. Rechnungen sind innerhalb von 30 Tagen zahlbar.",
               "§ 4 Lieferung. Die Lieferung erfolgt DAP an das Werk des Käufers.",
               "§ 5 Gewährleistung. Die Gewährleistungsfrist beträgt 24 Monate ab Lieferung.",
               f"§ 6 Laufzeit und Kündigung. Der Vertrag beginnt am {c.datestr()} und läuft zwei Jahre; er kann mit einer Frist "
               "von sechs Monaten gekündigt werden.",
               "§ 7 Schlussbestimmungen. Gerichtsstand ist Stuttgart. Sollte eine Bestimmung unwirksam sein, bleibt der "
               "Vertrag im Übrigen wirksam (salvatorische Klausel).", *signature_block(c, seller, buyer)],
        "en": [f"This Supply Agreement is made between {seller.company.name} (\"Supplier\") and {buyer.company.name} (\"Buyer\").",
               "1. Subject matter. Supplier shall supply the products listed in Schedule 1.",
               "2. Orders. Buyer shall place written purchase orders; Supplier shall confirm each order within five business days.",
               "3. Prices and payment. Prices are set out in Schedule 2. Invoices are payable within 30 days.",
               "4. Delivery. Delivery DAP Buyer's plant.",
               "5. Warranty. Supplier warrants the products for 24 months from delivery.",
               f"6. Term and termination. This Agreement starts on {c.datestr()} and runs for two years; either party may "
               "terminate it on six months' notice.",
               "7. Miscellaneous. If any provision is held invalid, the remainder of this Agreement shall remain in force.",
               *signature_block(c, seller, buyer)],
    })
    return Built(docx(title, blocks, c, seller.name))


@template(CATEGORY, "contract.amendment_pdf", ("de", "fr"), ".pdf", split="held_out", written="round 0")
def amendment(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    n = c.rng.randint(1, 4)
    title = c.t({"de": f"Nachtrag Nr. {n} zum Rahmenvertrag vom {c.datestr(c.later(-500), long=False)}",
                 "fr": f"Avenant n° {n} au contrat-cadre du {c.datestr(c.later(-500), long=False)}"})
    lines = c.t({
        "de": [f"zwischen {ours.company.name} und {theirs.company.name}", "",
               "Die Parteien vereinbaren folgende Änderungen des Rahmenvertrags:",
               f"1. Die Laufzeit wird bis zum {c.datestr(c.later(365))} verlängert.",
               f"2. Die monatliche Vergütung erhöht sich ab dem {c.datestr(c.later(30))} um {c.rng.randint(2, 6)} %.",
               c.pick(("3. Anlage 3 (Service Level) wird durch die beigefügte Fassung ersetzt.",
                       "3. Der Leistungsumfang wird um den Standort Leipzig erweitert.")),
               "4. Alle übrigen Bestimmungen des Vertrags bleiben unverändert.", "", *signature_block(c, ours, theirs)],
        "fr": [f"entre {ours.company.name} et {theirs.company.name}", "",
               "Les parties conviennent des modifications suivantes du contrat-cadre :",
               f"1. La durée du contrat est prolongée jusqu'au {c.datestr(c.later(365))}.",
               f"2. La redevance mensuelle est augmentée de {c.rng.randint(2, 6)} % à compter du {c.datestr(c.later(30))}.",
               c.pick(("3. L'annexe 3 (niveaux de service) est remplacée par la version jointe.",
                       "3. Le périmètre est étendu au site de Nantes.")),
               "4. Toutes les autres dispositions du contrat restent inchangées.", "",
               f"Fait à Lyon, le {c.datestr()}, en deux exemplaires originaux.", *signature_block(c, ours, theirs)],
    })
    return Built(pdf(title, lines, c, ours.name))


@template(CATEGORY, "contract.data_processing_pdf", ("en", "es"), ".pdf", split="train", written="round 1")
def data_processing(c: Ctx) -> Built:
    controller, processor = c.person(), c.person(c.vendor())
    if c.lang == "en":
        title = "Data Processing Addendum"
        lines = [f"This Data Processing Addendum (\"DPA\") is entered into on {c.datestr(long=True)} between "
                 f"{controller.company.name} (the \"Controller\") and {processor.company.name} (the \"Processor\").", "",
                 "1. Subject matter. The Processor processes personal data on behalf of the Controller only on documented "
                 "instructions, for the duration of the main services agreement.",
                 "2. Confidentiality. The Processor ensures that persons authorised to process the personal data have committed "
                 "themselves to confidentiality.",
                 "3. Sub-processors. The Processor shall not engage another processor without prior written authorisation.",
                 "4. Deletion. At the end of the provision of services the Processor shall delete or return all personal data.",
                 "5. Governing law. This DPA is governed by the laws of England and Wales.", "",
                 "Signed for and on behalf of the Controller:  ______________________",
                 f"Name: {controller.name}    Title: {controller.role}    Date: __________", "",
                 "Signed for and on behalf of the Processor:  ______________________",
                 f"Name: {processor.name}    Title: {processor.role}    Date: __________"]
    else:
        title = "Contrato de encargado del tratamiento"
        lines = [f"En {controller.company.city.split(' ', 1)[-1]}, a {c.datestr(long=True)}", "", "REUNIDOS",
                 f"De una parte, {controller.name}, en nombre y representación de {controller.company.name} "
                 "(en adelante, el \"Responsable\").",
                 f"De otra parte, {processor.name}, en nombre y representación de {processor.company.name} "
                 "(en adelante, el \"Encargado\").", "", "CLÁUSULAS",
                 "PRIMERA.- Objeto. El Encargado tratará los datos personales por cuenta del Responsable únicamente "
                 "siguiendo sus instrucciones documentadas.",
                 "SEGUNDA.- Duración. El presente contrato tendrá la misma duración que el contrato principal de servicios.",
                 "TERCERA.- Confidencialidad. El Encargado garantiza que las personas autorizadas se han comprometido a "
                 "respetar la confidencialidad.",
                 "CUARTA.- Destino de los datos. Al finalizar la prestación, el Encargado suprimirá o devolverá los datos.", "",
                 "Y en prueba de conformidad, las partes firman el presente contrato por duplicado.", "",
                 "El Responsable: ______________________        El Encargado: ______________________"]
    return Built(pdf(title, lines, c, controller.name))


@template(CATEGORY, "contract.blind_lease_docx", ("de", "fr"), ".docx", split="train", written="round 2")
def blind_lease(c: Ctx) -> Built:
    landlord, tenant = c.person(), c.person(c.vendor())
    rent = c.rng.randint(18, 60) * 100
    area = c.rng.randint(120, 900)
    if c.lang == "de":
        title = "Mietvertrag über Gewerberäume"
        blocks: list[str | list[list[str]]] = [
            f"Zwischen {landlord.company.name}, vertreten durch {landlord.name} (Vermieter), und {tenant.company.name}, "
            f"vertreten durch {tenant.name} (Mieter), wird Folgendes vereinbart:",
            f"§ 1 Mietgegenstand. Vermietet werden Büroräume mit {area} m² in {landlord.company.street}, {landlord.company.city}.",
            f"§ 2 Mietzeit. Das Mietverhältnis beginnt am {c.datestr(long=True)} und läuft fünf Jahre.",
            f"§ 3 Miete. Die monatliche Miete beträgt {c.money(rent)} zuzüglich Nebenkosten und ist im Voraus zu zahlen.",
            "§ 4 Kaution. Der Mieter leistet eine Sicherheit in Höhe von drei Monatsmieten.",
            "§ 5 Schlussbestimmungen. Änderungen bedürfen der Schriftform.",
            f"{landlord.company.city.split(' ', 1)[-1]}, den ____________",
            "______________________ Vermieter        ______________________ Mieter"]
    else:
        title = "Bail commercial"
        blocks = [
            f"Entre les soussignés : {landlord.company.name}, représentée par {landlord.name}, ci-après « le Bailleur », "
            f"et {tenant.company.name}, représentée par {tenant.name}, ci-après « le Preneur ».",
            f"Article 1 - Désignation. Le Bailleur donne à bail des locaux de {area} m² situés {landlord.company.street}, "
            f"{landlord.company.city}.",
            f"Article 2 - Durée. Le bail est consenti pour neuf années à compter du {c.datestr(long=True)}.",
            f"Article 3 - Loyer. Le loyer annuel est fixé à {c.money(rent * 12)} hors charges, payable trimestriellement.",
            "Article 4 - Dépôt de garantie. Le Preneur verse un dépôt égal à trois mois de loyer.",
            f"Fait à {landlord.company.city.split(' ', 1)[-1]}, en deux exemplaires originaux.",
            "Le Bailleur : ______________________        Le Preneur : ______________________"]
    return Built(docx(title, blocks, c, landlord.name))


@template(CATEGORY, "contract.b3_dpa", ("en", "de"), ".docx", split="train", written="round 3")
def contract_dpa(c: Ctx) -> Built:
    controller, processor = c.company(), c.vendor()
    signer_a, signer_b = c.person(controller), c.person(processor)
    subs = c.some(c.t({"en": ("Microsoft Ireland Operations Ltd (hosting, EU)", "Zendesk Inc (support tickets)",
                              "Hetzner Online GmbH (backup, Germany)", "SendGrid / Twilio Inc (transactional e-mail)",
                              "Datadog Inc (monitoring, EU region)"),
                       "de": ("Microsoft Ireland Operations Ltd (Hosting, EU)", "Zendesk Inc (Ticketsystem Support)",
                              "Hetzner Online GmbH (Datensicherung, Deutschland)", "SendGrid / Twilio Inc (E-Mail-Versand)",
                              "Datadog Inc (Monitoring, Region EU)")}), 1, 4)
    notice = c.pick((30, 60, 90))
    if c.lang == "en":
        blocks: list[str | list[list[str]]] = [
            f"between {controller.name}, {controller.street}, {controller.city} (the \"Controller\") and "
            f"{processor.name}, {processor.street}, {processor.city} (the \"Processor\")",
            "## 1. Subject matter and duration",
            "The Processor processes personal data on behalf of the Controller for the purpose of providing the services under the "
            f"main agreement dated {c.datestr(c.later(-c.rng.randint(30, 400)), long=True)}. This agreement runs for as long as the "
            "main agreement is in force.",
            "## 2. Categories of data and data subjects",
            "- " + c.pick(("Employees and contractors of the Controller", "Customers and prospects of the Controller")),
            "- Names, business contact details, user IDs, log data" + (", location data of vehicles" if c.maybe() else ""),
            "## 3. Obligations of the Processor",
            "The Processor shall process the data only on documented instructions from the Controller, ensure that persons "
            "authorised to process the data have committed themselves to confidentiality, and implement the technical and "
            "organisational measures set out in Annex 2.",
            "The Processor shall notify the Controller without undue delay, and in any event within "
            f"{c.pick((24, 36, 48))} hours, after becoming aware of a personal data breach.",
            "## 4. Sub-processors",
            f"The Controller authorises the following sub-processors. Changes will be notified at least {notice} days in advance; "
            "the Controller may object on reasonable grounds.",
            *[f"- {s}" for s in subs],
            "## 5. Audits",
            "The Controller may audit compliance once per calendar year with 30 days' notice, or rely on the Processor's current "
            "ISO 27001 certificate.",
            "## 6. Deletion and return",
            "On termination the Processor shall, at the Controller's choice, delete or return all personal data within 30 days.",
            [["For the Controller", "For the Processor"], [signer_a.name, signer_b.name], [signer_a.role, signer_b.role],
             ["Date:", "Date:"]],
        ]
        title = "Data Processing Agreement"
    else:
        blocks = [
            f"zwischen {controller.name}, {controller.street}, {controller.city} – nachstehend „Auftraggeber“ – und "
            f"{processor.name}, {processor.street}, {processor.city} – nachstehend „Auftragnehmer“",
            "## § 1 Gegenstand und Dauer",
            "Der Auftragnehmer verarbeitet personenbezogene Daten im Auftrag des Auftraggebers zur Erbringung der Leistungen aus "
            f"dem Hauptvertrag vom {c.datestr(c.later(-c.rng.randint(30, 400)), long=True)}. "
            "Die Laufzeit richtet sich nach dem Hauptvertrag.",
            "## § 2 Art der Daten, Kreis der Betroffenen",
            "- " + c.pick(("Beschäftigte und Leiharbeitnehmer des Auftraggebers", "Kunden und Interessenten des Auftraggebers")),
            "- Namen, dienstliche Kontaktdaten, Benutzerkennungen, Protokolldaten" + (", Standortdaten der Fahrzeuge" if c.maybe() else ""),
            "## § 3 Pflichten des Auftragnehmers",
            "Der Auftragnehmer verarbeitet die Daten ausschließlich auf dokumentierte Weisung des Auftraggebers. Er verpflichtet "
            "die eingesetzten Personen auf Vertraulichkeit und trifft die in Anlage 2 beschriebenen technischen und "
            "organisatorischen Maßnahmen.",
            "Verletzungen des Schutzes personenbezogener Daten meldet der Auftragnehmer unverzüglich, "
            f"spätestens binnen {c.pick((24, 36, 48))} "
            "Stunden nach Kenntnis.",
            "## § 4 Unterauftragsverhältnisse",
            f"Der Auftraggeber stimmt den folgenden Unterauftragnehmern zu. Änderungen werden mindestens {notice} Tage vorher angekündigt; "
            "der Auftraggeber kann aus wichtigem Grund widersprechen.",
            *[f"- {s}" for s in subs],
            "## § 5 Kontrollrechte",
            "Der Auftraggeber kann die Einhaltung einmal pro Kalenderjahr nach Anmeldung mit 30 Tagen Vorlauf prüfen oder sich "
            "auf ein aktuelles ISO-27001-Zertifikat des Auftragnehmers stützen.",
            "## § 6 Löschung und Rückgabe",
            "Nach Vertragsende löscht der Auftragnehmer nach Wahl des Auftraggebers alle Daten oder gibt sie "
            "innerhalb von 30 Tagen zurück.",
            [["Für den Auftraggeber", "Für den Auftragnehmer"], [signer_a.name, signer_b.name], [signer_a.role, signer_b.role],
             ["Ort, Datum:", "Ort, Datum:"]],
        ]
        title = "Vereinbarung zur Auftragsverarbeitung gemäß Art. 28 DSGVO"
    return Built(docx(title, blocks, c, signer_b.name))


@template(CATEGORY, "contract.b3_service_agreement", ("fr", "es"), ".pdf", split="train", written="round 3")
def contract_service_agreement(c: Ctx) -> Built:
    client, provider = c.company(), c.vendor()
    a, b = c.person(client), c.person(provider)
    fee = c.rng.randrange(20, 400) * 100
    months = c.pick((12, 24, 36))
    notice = c.pick((1, 2, 3))
    scope = c.pick(c.t({"fr": ("l'infogérance du parc informatique", "la maintenance de l'application de gestion des stocks",
                               "l'assistance utilisateurs de niveau 1 et 2", "l'hébergement et l'exploitation du site e-commerce"),
                        "es": ("la gestión del parque informático", "el mantenimiento de la aplicación de almacén",
                               "el soporte a usuarios de nivel 1 y 2", "el alojamiento y la explotación de la tienda online")}))
    if c.lang == "fr":
        title = "Contrat de prestation de services"
        lines = ["ENTRE LES SOUSSIGNÉS :", f"{client.name}, {client.street}, {client.city}, représentée par {a.name}, {a.role},",
                 "ci-après « le Client »,", "ET", f"{provider.name}, {provider.street}, {provider.city}, représentée par {b.name},",
                 "ci-après « le Prestataire ».", "", "IL A ÉTÉ CONVENU CE QUI SUIT :", "",
                 "Article 1 - Objet", f"Le présent contrat a pour objet {scope}, dans les conditions décrites en annexe 1.", "",
                 "Article 2 - Durée",
                 f"Le contrat prend effet le {c.datestr(c.later(14), long=True)} pour une durée de {months} mois. Il se renouvelle "
                 f"tacitement par périodes de 12 mois, sauf dénonciation par lettre recommandée avec un préavis de {notice} mois.", "",
                 "Article 3 - Prix et modalités de paiement",
                 f"En contrepartie, le Client verse une redevance mensuelle de {c.money(fee)} HT, payable à 30 jours fin de mois. "
                 "Le prix est révisé chaque année selon l'indice Syntec.", "",
                 "Article 4 - Niveaux de service",
                 f"Le Prestataire s'engage sur un délai de prise en charge de {c.pick((2, 4, 8))} heures ouvrées. Les pénalités sont "
                 "plafonnées à 10 % de la redevance mensuelle.", "",
                 "Article 5 - Confidentialité",
                 "Chaque partie s'engage à ne pas divulguer les informations de l'autre partie pendant la durée du contrat et "
                 "trois ans après son terme.", "",
                 "Article 6 - Résiliation",
                 "En cas de manquement grave non corrigé dans un délai de 30 jours après mise en demeure, l'autre partie peut "
                 "résilier de plein droit.", "",
                 "Article 7 - Droit applicable",
                 f"Le contrat est soumis au droit français. Tout litige relève du tribunal de commerce de {client.city.split(' ', 1)[1]}.",
                 "", f"Fait en deux exemplaires, le {c.datestr(long=True)}", "",
                 f"Pour le Client : {a.name}                    Pour le Prestataire : {b.name}"]
    else:
        title = "Contrato de prestación de servicios"
        lines = ["REUNIDOS", f"De una parte, {a.name}, en nombre de {client.name}, con domicilio en {client.street}, {client.city} "
                 "(en adelante, el «Cliente»).",
                 f"De otra parte, {b.name}, en nombre de {provider.name}, con domicilio en {provider.street}, {provider.city} "
                 "(en adelante, el «Proveedor»).", "", "Ambas partes acuerdan las siguientes", "", "CLÁUSULAS", "",
                 f"Primera. Objeto. El Proveedor prestará al Cliente {scope}, según el anexo I.",
                 f"Segunda. Duración. El contrato entra en vigor el {c.datestr(c.later(14), long=True)} y tendrá una duración de "
                 f"{months} meses, prorrogable por años salvo preaviso por escrito de {notice} mes{'es' if notice > 1 else ''}.",
                 f"Tercera. Precio. El Cliente abonará {c.money(fee)} mensuales más IVA, mediante transferencia a 30 días. "
                 "El precio se actualizará anualmente conforme al IPC.",
                 f"Cuarta. Nivel de servicio. Tiempo de respuesta máximo de {c.pick((2, 4, 8))} horas laborables.",
                 "Quinta. Confidencialidad. Las partes guardarán secreto sobre la información a la que tengan acceso durante "
                 "la vigencia del contrato y tres años después.",
                 "Sexta. Protección de datos. El Proveedor actuará como encargado del tratamiento conforme al RGPD.",
                 "Séptima. Resolución. Cualquiera de las partes podrá resolver el contrato por incumplimiento grave no "
                 "subsanado en 30 días.",
                 f"Octava. Jurisdicción. Las partes se someten a los juzgados de {client.city.split(' ', 1)[1]}.", "",
                 f"Y en prueba de conformidad, firman el presente en {client.city.split(' ', 1)[1]}, a {c.datestr(long=True)}.", "",
                 f"El Cliente: {a.name}                    El Proveedor: {b.name}"]
    return Built(pdf(title, lines, c, b.name))


@template(CATEGORY, "contract.b4_price_annex", ("de", "fr"), ".docx", split="train", written="round 4")
def contract_price_annex(c: Ctx) -> Built:
    customer, us = c.company(), c.vendor()
    signer_c, signer_v = c.person(customer), c.person(us)
    frame = f"RV-{c.day.year}-{c.rng.randint(100, 999)}"
    annex = c.pick((2, 3, 4))
    items = c.items(4, 7)
    tiers = [(c.rng.randint(5, 20) * 10_000, 3), (c.rng.randint(25, 40) * 10_000, 5), (c.rng.randint(50, 90) * 10_000, 8)]
    index_name = c.t({"de": "Verbraucherpreisindex für Deutschland (VPI) des Statistischen Bundesamtes",
                      "fr": "indice Syntec publié par la fédération Syntec"})
    if c.lang == "de":
        blocks: list[str | list[list[str]]] = [
            f"zum Rahmenvertrag Nr. {frame} vom {long_date(c, -c.rng.randint(20, 200))} zwischen {customer.name}, {customer.city} "
            f"(nachfolgend „Auftraggeber“) und {us.name}, {us.city} (nachfolgend „Auftragnehmer“)",
            "## § 1 Geltungsbereich",
            "Diese Anlage regelt die Preise und Konditionen für alle Einzelabrufe aus dem Rahmenvertrag. Sie ist "
            "Vertragsbestandteil; bei Widersprüchen gehen die Regelungen des Rahmenvertrags vor.",
            "## § 2 Vertragspreise",
            [["Art.-Nr.", "Leistung", "Einheit", "Vertragspreis netto"],
             *[[i.sku, i.description, "Stück", c.money(round(i.unit_price * 0.9, 2))] for i in items]],
            "Die Preise verstehen sich zuzüglich der gesetzlichen Umsatzsteuer, frei Verwendungsstelle, inklusive Verpackung.",
            "## § 3 Mengenrabatt",
            [["Abrufvolumen je Vertragsjahr (netto)", "Rabatt auf Vertragspreise"],
             *[[f"ab {c.money(t)}", f"{r} %"] for t, r in tiers]],
            "Der Rabatt wird rückwirkend zum Ende des Vertragsjahres als Gutschrift gewährt.",
            "## § 4 Preisanpassung",
            f"Die Preise sind bis zum {long_date(c, 365)} fest. Danach kann jede Partei einmal jährlich eine Anpassung entsprechend der "
            f"Veränderung des {index_name} verlangen, höchstens jedoch um 3 % pro Jahr.",
            "## § 5 Zahlungsbedingungen",
            "Zahlung innerhalb von 30 Tagen nach Rechnungseingang ohne Abzug oder innerhalb von 14 Tagen mit 2 % Skonto.",
            "## § 6 Laufzeit",
            "Diese Anlage gilt für die Laufzeit des Rahmenvertrags und ersetzt alle früheren Preisvereinbarungen.",
            "",
            [["Für den Auftraggeber", "Für den Auftragnehmer"],
             [f"{customer.city}, den ____________", f"{us.city}, den ____________"],
             [f"{signer_c.name}, Leitung Einkauf", f"{signer_v.name}, Geschäftsführung"]],
        ]
        title = f"Anlage {annex} – Preise und Konditionen"
    else:
        blocks = [
            f"à l'accord-cadre n° {frame} du {long_date(c, -c.rng.randint(20, 200))} conclu entre {customer.name}, {customer.city} "
            f"(ci-après « le Client ») et {us.name}, {us.city} (ci-après « le Titulaire »)",
            "## Article 1 – Objet",
            "La présente annexe fixe les prix et conditions tarifaires applicables à tous les bons de commande émis au titre de "
            "l'accord-cadre. Elle fait partie intégrante du contrat ; en cas de contradiction, les stipulations de l'accord-cadre "
            "prévalent.",
            "## Article 2 – Prix contractuels",
            [["Référence", "Prestation", "Unité", "Prix contractuel HT"],
             *[[i.sku, i.description, "unité", c.money(round(i.unit_price * 0.9, 2))] for i in items]],
            "Les prix s'entendent hors TVA, franco de port et emballage compris.",
            "## Article 3 – Remises sur volume",
            [["Volume commandé par année contractuelle (HT)", "Remise sur les prix contractuels"],
             *[[f"à partir de {c.money(t)}", f"{r} %"] for t, r in tiers]],
            "La remise est accordée sous forme d'avoir à la fin de chaque année contractuelle.",
            "## Article 4 – Révision des prix",
            f"Les prix sont fermes jusqu'au {long_date(c, 365)}. Ils sont ensuite révisables une fois par an selon l'évolution de "
            f"l'{index_name}, dans la limite de 3 % par an.",
            "## Article 5 – Conditions de paiement",
            "Paiement à 45 jours fin de mois à compter de la date d'émission de la facture. Pas d'escompte pour paiement anticipé.",
            "## Article 6 – Durée",
            "La présente annexe s'applique pendant toute la durée de l'accord-cadre et remplace toute grille tarifaire antérieure.",
            "",
            [["Pour le Client", "Pour le Titulaire"],
             [f"Fait à {town_of(customer)}, le ____________", f"Fait à {town_of(us)}, le ____________"],
             [f"{signer_c.name}, Direction des achats", f"{signer_v.name}, Direction générale"]],
        ]
        title = f"Annexe {annex} – Bordereau de prix et conditions tarifaires"
    return Built(docx(title, blocks, c, signer_v.name))


@template(CATEGORY, "contract.b4_reseller", ("en", "es"), ".pdf", split="train", written="round 4")
def contract_reseller(c: Ctx) -> Built:
    us, partner = c.vendor(), c.company()
    signer_v, signer_p = c.person(us), c.person(partner)
    margin = c.pick((15, 20, 25, 30))
    target = c.rng.randint(10, 60) * 10_000
    term = c.pick((1, 2, 3))
    territory = c.t({"en": c.pick(("the United Kingdom and Ireland", "the Midwest region of the United States", "Scotland")),
                     "es": c.pick(("España peninsular y Baleares", "Cataluña y Aragón", "Andalucía y Extremadura"))})
    if c.lang == "en":
        title = "Non-exclusive Reseller Agreement"
        lines = [
            f"This Agreement is made on {c.datestr(long=True)} between {us.name}, {us.street}, {us.city} (the \"Supplier\") and "
            f"{partner.name}, {partner.street}, {partner.city} (the \"Reseller\").",
            "",
            "1. Appointment",
            f"1.1 The Supplier appoints the Reseller as a non-exclusive reseller of the Products listed in Schedule 1 in {territory} "
            "(the \"Territory\").",
            "1.2 The Reseller shall not actively market the Products outside the Territory.",
            "2. Prices and margin",
            f"2.1 The Reseller buys the Products at the Supplier's list price less a discount of {margin}%.",
            "2.2 The Reseller is free to set its own resale prices.",
            "3. Orders and delivery",
            "3.1 Each order placed by the Reseller is subject to acceptance by the Supplier.",
            "3.2 Delivery is DAP (Incoterms 2020) to the Reseller's premises unless agreed otherwise.",
            "4. Minimum commitment",
            f"4.1 The Reseller shall purchase Products with a net value of at least {c.money(target)} per contract year.",
            "4.2 If the minimum is not reached, the Supplier may reduce the discount or terminate under clause 9.",
            "5. Marketing and trademarks",
            "5.1 The Reseller may use the Supplier's trademarks solely to promote the Products and in line with the brand guidelines.",
            "6. Support",
            "6.1 The Reseller provides first-level support to its customers; the Supplier provides second-level support.",
            "7. Warranty and liability",
            "7.1 The warranty terms of the Supplier's standard end-user terms apply. Neither party is liable for indirect or "
            "consequential loss. Total liability is limited to the amounts paid in the preceding twelve months.",
            "8. Confidentiality",
            "8.1 Each party keeps the other's confidential information secret during the term and for three years thereafter.",
            "9. Term and termination",
            f"9.1 This Agreement runs for {term} year(s) and renews automatically for one year unless terminated with three months' "
            "notice.",
            "9.2 Either party may terminate with immediate effect for material breach not remedied within 30 days.",
            "10. Governing law",
            "10.1 This Agreement is governed by the laws of England and Wales.",
            "",
            f"Signed for the Supplier: {signer_v.name}, {signer_v.role}            Signed for the Reseller: {signer_p.name}, "
            f"{signer_p.role}",
        ]
    else:
        title = "Contrato de distribución no exclusiva"
        lines = [
            f"En {town_of(partner)}, a {c.datestr(long=True)}",
            "REUNIDOS",
            f"De una parte, {us.name}, con domicilio en {us.street}, {us.city} (en adelante, el «Proveedor»), representada por "
            f"{signer_v.name}.",
            f"De otra parte, {partner.name}, con domicilio en {partner.street}, {partner.city} (en adelante, el «Distribuidor»), "
            f"representada por {signer_p.name}, en calidad de {signer_p.role}.",
            "Ambas partes se reconocen capacidad suficiente para obligarse y, a tal efecto, acuerdan las siguientes",
            "CLÁUSULAS",
            f"Primera. Objeto. El Proveedor nombra al Distribuidor distribuidor no exclusivo de los productos del Anexo I en "
            f"{territory} (el «Territorio»).",
            f"Segunda. Precios. El Distribuidor adquirirá los productos al precio de tarifa del Proveedor con un descuento del "
            f"{margin} %. El Distribuidor fijará libremente sus precios de reventa.",
            "Tercera. Pedidos y entrega. Los pedidos estarán sujetos a aceptación por el Proveedor. La entrega se realizará DAP "
            "(Incoterms 2020) en las instalaciones del Distribuidor.",
            f"Cuarta. Compromiso mínimo. El Distribuidor se compromete a adquirir productos por un importe neto mínimo de "
            f"{c.money(target)} por año de contrato.",
            "Quinta. Marcas. El Distribuidor podrá utilizar las marcas del Proveedor únicamente para la promoción de los productos.",
            "Sexta. Soporte. El Distribuidor prestará el soporte de primer nivel; el Proveedor, el de segundo nivel.",
            "Séptima. Responsabilidad. Ninguna de las partes responderá de daños indirectos. La responsabilidad total queda limitada "
            "a los importes abonados en los doce meses anteriores.",
            "Octava. Confidencialidad. Las partes guardarán secreto sobre la información confidencial durante la vigencia del "
            "contrato y tres años después.",
            f"Novena. Duración. El contrato tendrá una duración de {term} año(s), prorrogable tácitamente por periodos anuales salvo "
            "denuncia con tres meses de antelación.",
            "Décima. Ley aplicable y jurisdicción. El presente contrato se rige por la ley española. Las partes se someten a los "
            f"juzgados y tribunales de {town_of(partner)}.",
            "",
            "Y en prueba de conformidad, firman el presente contrato por duplicado en el lugar y fecha indicados.",
            f"Por el Proveedor: {signer_v.name}            Por el Distribuidor: {signer_p.name}",
        ]
    return Built(pdf(title, lines, c, signer_v.name))


def _rtf(blocks: Sequence[str], font: str = "Calibri") -> bytes:
    """A small RTF writer: '# ' title, '## ' heading, '- ' bullet, '' empty line, anything else a paragraph."""
    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1", "{\\fonttbl{\\f0\\fswiss " + font + ";}}",
            "\\viewkind4\\f0\\fs22"]
    for block in blocks:
        if block.startswith("# "):
            body.append("\\pard\\qc\\sb120\\sa240{\\b\\fs32 " + rtf_escape(block[2:]) + "}\\par")
        elif block.startswith("## "):
            body.append("\\pard\\sb240\\sa120{\\b\\fs24 " + rtf_escape(block[3:]) + "}\\par")
        elif block.startswith("- "):
            body.append("\\pard\\fi-284\\li568\\sa60 \\bullet\\tab " + rtf_escape(block[2:]) + "\\par")
        elif not block:
            body.append("\\pard\\par")
        else:
            body.append("\\pard\\sa120\\qj " + rtf_escape(block) + "\\par")
    body.append("}")
    return ("\n".join(body) + "\n").encode("ascii")


@template(CATEGORY, "contract.b5_subcontract", ("de", "fr"), ".docx", split="train", written="round 5")
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
    project = ("Einführung " if c.lang == "de" else "Déploiement ") + c.pick(PRODUCT_NAMES)
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


@template(CATEGORY, "contract.b5_escrow", ("en", "es"), ".rtf", split="train", written="round 5")
def contract_escrow(c: Ctx) -> Built:
    depositor, licensee = c.vendor(), c.company()
    agent = c.t({"en": Company("SafeVault Escrow Services Ltd", "safevault.co.uk", "10 Old Bailey", "London EC4M 7NG"),
                 "es": Company("Custodia Digital Notarial SL", "custodiadigital.es", "Calle Serrano 90", "28006 Madrid")})
    p1, p2, p3 = c.person(depositor, lang=c.lang), c.person(licensee), c.person(agent)
    product = c.pick(PRODUCT_NAMES)
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


@template(CATEGORY, "contract.b6_framework_purchase", ("en", "es"), ".pdf", split="blind", written="round 6")
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
        lines = [f"Acuerdo n.º {ref}", "", f"En {town_of(cust)}, a {long_date(c)}", "", "REUNIDOS",
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
                 f"Octava. Legislación y jurisdicción. Ley española; juzgados y tribunales de {town_of(cust)}.", "",
                 "Y en prueba de conformidad, firman el presente documento por duplicado.",
                 f"Por el Cliente: {cs.name}                Por el Proveedor: {vs.name}"]
    return Built(pdf(title, lines, c, vs.name))


@template(CATEGORY, "contract.b6_equipment_loan", ("de", "fr"), ".docx", split="blind", written="round 6")
def contract_equipment_loan(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cs, vs = c.person(cust), c.person(vendor)
    items = goods(c, 1, 3)
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
            f"{town_of(cust)}, den {short_date(c)}",
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


TEMPLATES: tuple[Template, ...] = (
    nda,
    services_contract,
    statement_of_work,
    licence_terms,
    supply_agreement,
    amendment,
    data_processing,
    blind_lease,
    contract_dpa,
    contract_service_agreement,
    contract_price_annex,
    contract_reseller,
    contract_subcontract,
    contract_escrow,
    contract_framework,
    contract_equipment_loan,
)
