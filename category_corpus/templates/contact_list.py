"""Templates of `contact_list`: lists of people or companies with contact details."""

from __future__ import annotations

import html
import json

from category_corpus.common import (
    DIGITS,
    LANGUAGES,
    POC_PRODUCTS,
    Built,
    Ctx,
    Person,
    Template,
    is_female,
    long_date,
    persons,
    postcode_and_town,
    short_date,
    template,
    token,
)
from category_corpus.writers import SPACIOUS_CSS, Sheet, csv_text, docx, escape_html, html_page, html_table, pdf, text, xlsx

CATEGORY = "contact_list"


def contacts(c: Ctx, count: int) -> list[Person]:
    return [c.person(c.company(c.pick((c.lang, c.lang, c.pick(LANGUAGES)))), c.lang) for _ in range(count)]


@template(CATEGORY, "contacts.csv", ("en", "de"), ".csv", split="train", written="round 0")
def contacts_csv(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(6, 15))
    if c.lang == "en":
        rows: list[list[object]] = [[p.name, p.company.name, p.email, p.phone, p.company.city] for p in people]
        return Built(csv_text(["Name", "Company", "Email", "Phone", "City"], rows))
    rows = [[p.first, p.last, p.company.name, p.email, p.phone, p.company.city.split(" ", 1)[-1]] for p in people]
    return Built(csv_text(["Vorname", "Nachname", "Firma", "E-Mail", "Telefon", "Ort"], rows, ";"))


@template(CATEGORY, "contacts.xlsx", ("fr", "es"), ".xlsx", split="train", written="round 0")
def contacts_xlsx(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(6, 15))
    header = c.t({"fr": ["Nom", "Prénom", "Société", "Fonction", "Courriel", "Téléphone"],
                  "es": ["Apellidos", "Nombre", "Empresa", "Cargo", "Correo", "Teléfono"]})
    rows: list[list[object]] = [[p.last, p.first, p.company.name, p.role, p.email, p.phone] for p in people]
    return Built(xlsx([(c.t({"fr": "Contacts", "es": "Contactos"}), header, rows)], c, people[0].name))


@template(CATEGORY, "contacts.vcf", ("en", "de"), ".vcf", split="held_out", written="round 0")
def vcards(c: Ctx) -> Built:
    out: list[str] = []
    for p in contacts(c, c.rng.randint(4, 10)):
        out += ["BEGIN:VCARD", "VERSION:3.0", f"N:{p.last};{p.first};;;", f"FN:{p.name}", f"ORG:{p.company.name}",
                f"TITLE:{p.role}", f"TEL;TYPE=WORK:{p.phone}", f"EMAIL;TYPE=INTERNET:{p.email}", "END:VCARD"]
    return Built(text(out))


@template(CATEGORY, "contacts.docx", ("es", "en"), ".docx", split="train", written="round 0")
def contacts_docx(c: Ctx) -> Built:
    project = c.pick(POC_PRODUCTS)
    people = contacts(c, c.rng.randint(5, 10))
    title = c.t({"es": f"Lista de contactos del proyecto {project}", "en": f"Project contact list – {project}"})
    header = c.t({"es": ["Nombre", "Función", "Empresa", "Correo electrónico", "Teléfono"],
                  "en": ["Name", "Role", "Company", "Email", "Phone"]})
    blocks: list[str | list[list[str]]] = [
        c.t({"es": "Personas de contacto de todas las partes.", "en": "Contacts of all parties."}),
        [header, *([p.name, p.role, p.company.name, p.email, p.phone] for p in people)]]
    return Built(docx(title, blocks, c, people[0].name))


@template(CATEGORY, "contacts.attendees_pdf", ("de", "fr"), ".pdf", split="train", written="round 0")
def attendee_list(c: Ctx) -> Built:
    event = c.t({"de": c.pick(("Anwendertreffen", "Partnerkonferenz", "Kundenworkshop")),
                 "fr": c.pick(("Journée utilisateurs", "Conférence partenaires", "Atelier clients"))})
    people = contacts(c, c.rng.randint(6, 14))
    lines = [c.t({"de": f"{c.datestr()}, {c.company().city}", "fr": f"{c.datestr()}, {c.company().city}"}), "",
             *(f"{p.name}, {p.company.name}, {p.email}, {p.phone}" for p in people)]
    return Built(pdf(c.t({"de": f"Teilnehmerliste – {event}", "fr": f"Liste des participants – {event}"}), lines, c,
                     people[0].name))


@template(CATEGORY, "contacts.distribution_txt", ("fr", "en"), ".txt", split="held_out", written="round 0")
def distribution_list(c: Ctx) -> Built:
    team = c.pick(("Support N2", "Comité de pilotage", "Achats", "Projet Atlas"))
    people = contacts(c, c.rng.randint(5, 12))
    out = [c.t({"fr": f"Liste de diffusion – {team}", "en": f"Distribution list – {team}"}), "",
           *(f"{p.name} <{p.email}> – {p.phone}" for p in people)]
    return Built(text(out))


@template(CATEGORY, "contacts.phone_directory_pdf", ("es", "fr"), ".pdf", split="train", written="round 1")
def phone_directory(c: Ctx) -> Built:
    company = c.company()
    people = [c.person(company) for _ in range(c.rng.randint(8, 16))]
    title = c.t({"es": f"Directorio telefónico - {company.name}", "fr": f"Annuaire téléphonique - {company.name}"})
    head = c.t({"es": "Nombre | Cargo | Extensión | Móvil | Correo", "fr": "Nom | Fonction | Poste | Portable | E-mail"})
    lines = [c.t({"es": f"Actualizado: {c.datestr()}", "fr": f"Mise à jour : {c.datestr()}"}), "", head]
    lines += [f"{p.name} | {p.role} | {c.rng.randrange(200, 899)} | {p.phone} | {p.email}" for p in people]
    return Built(pdf(title, lines, c, people[0].name))


@template(CATEGORY, "contacts.blind_crm_export_json", ("en", "de"), ".json", split="train", written="round 2")
def blind_crm_export(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(5, 12))
    keys = c.t({"en": ("name", "company", "title", "email", "phone"), "de": ("name", "firma", "position", "email", "telefon")})
    records = [dict(zip(keys, (p.name, p.company.name, p.role, p.email, p.phone), strict=True)) for p in people]
    return Built((json.dumps(records, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


@template(CATEGORY, "contacts.b3_fair_leads", ("de", "fr"), ".xlsx", split="train", written="round 3")
def contacts_fair_leads(c: Ctx) -> Built:
    author = c.person(c.vendor())
    fair = c.pick(("Hannover Messe", "it-sa Nürnberg", "SPS Nürnberg", "VivaTech", "Salon Global Industrie", "LogiMAT"))
    interests = c.t({"de": ("Predictive Maintenance", "Cloud-Migration", "Lagerlogistik", "nur Prospekt", "Rückruf gewünscht",
                            "Demo vereinbaren", ""),
                     "fr": ("Maintenance prédictive", "Migration cloud", "Logistique entrepôt", "Documentation seulement",
                            "Rappel souhaité", "Démo à planifier", "")})
    rows: list[list[object]] = []
    for p in contacts(c, c.rng.randint(8, 45)):
        rows.append([p.first, p.last, p.company.name, p.role, p.email, p.phone, p.company.city, c.pick(interests)])
    head = c.t({"de": ["Vorname", "Nachname", "Firma", "Position", "E-Mail", "Telefon", "Ort", "Interesse"],
                "fr": ["Prénom", "Nom", "Société", "Fonction", "E-mail", "Téléphone", "Ville", "Intérêt"]})
    return Built(xlsx([(f"{fair[:20]} {c.day.year}", head, rows)], c, author.name))


@template(CATEGORY, "contacts.b3_phone_directory", ("en", "es"), ".html", split="train", written="round 3")
def contacts_phone_directory(c: Ctx) -> Built:
    employer = c.company()
    depts = c.t({"en": ("Reception", "Sales", "Finance", "IT Service Desk", "Warehouse", "Management", "Customer Service"),
                 "es": ("Recepción", "Comercial", "Administración", "Soporte informático", "Almacén", "Dirección", "Atención al cliente")})
    people = [(c.person(employer), c.pick(depts)) for _ in range(c.rng.randint(8, 35))]
    people.sort(key=lambda x: (x[1], x[0].last))
    rows = []
    for p, dept in people:
        ext = c.rng.randrange(200, 499)
        mobile = c.t({"en": f"+44 7700 9{c.rng.randrange(10000, 99999)}",
                      "es": f"+34 6{c.rng.randrange(10, 99)} {c.rng.randrange(100, 999)} {c.rng.randrange(100, 999)}"})
        rows.append(f"<tr><td>{p.last}, {p.first}</td><td>{dept}</td><td>{ext}</td><td>{p.phone}</td>"
                    f"<td>{mobile if c.maybe(0.6) else ''}</td><td><a href=\"mailto:{p.email}\">{p.email}</a></td></tr>")
    if c.lang == "en":
        title, head = f"Phone list – {employer.name}", ["Name", "Department", "Ext.", "Direct line", "Mobile", "E-mail"]
        foot = f"Switchboard: dial 0 · last updated {c.datestr()} · changes to {c.person(employer).email}"
    else:
        title, head = f"Listín telefónico – {employer.name}", ["Nombre", "Departamento", "Ext.", "Directo", "Móvil", "Correo"]
        foot = f"Centralita: marcar 9 · actualizado el {c.datestr()} · cambios a {c.person(employer).email}"
    page = [f"<!DOCTYPE html>\n<html lang=\"{c.lang}\">", "<head><meta charset=\"utf-8\">", f"<title>{title}</title>",
            "<style>table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #ddd}</style>",
            "</head>", "<body>", f"<h2>{title}</h2>", "<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>",
            *rows, "</table>", f"<p><small>{foot}</small></p>", "</body>", "</html>"]
    return Built(text(page))


@template(CATEGORY, "contacts.b4_visitors", ("de", "fr"), ".xlsx", split="train", written="round 4")
def contacts_visitors(c: Ctx) -> Built:
    host_co = c.company()
    reception = c.person(host_co)
    hosts = persons(c, c.rng.randint(3, 5), host_co)
    rows: list[list[object]] = []
    for n in range(c.rng.randint(10, 22)):
        company = c.company(c.pick(("de", "fr", "en", "es"))) if c.maybe(0.7) else c.vendor()
        guest = c.person(company, lang=c.pick(("de", "fr", "en", "es")) if c.maybe(0.3) else None)
        day = c.later(n // 6)
        rows.append([f"B-{c.rng.randint(100, 999)}", guest.name, company.name, guest.email, guest.phone, c.pick(hosts).name,
                     c.datestr(day, long=False), f"{c.rng.randint(8, 15)}:{c.pick(('00', '15', '30', '45'))}",
                     c.pick(("ja", "nein")) if c.lang == "de" else c.pick(("oui", "non"))])
    host_rows: list[list[object]] = [[h.name, h.role, h.phone, h.email] for h in hosts]
    if c.lang == "de":
        sheets: list[Sheet] = [
            ("Besucher", ["Ausweis-Nr.", "Name", "Firma", "E-Mail", "Telefon", "Gastgeber", "Datum", "Ankunft",
                          "Sicherheitsunterweisung"], rows),
            ("Gastgeber", ["Name", "Funktion", "Durchwahl", "E-Mail"], host_rows),
            ("Hinweise", ["Hinweis"], [[f"Empfang {host_co.name}, {host_co.street}, {host_co.city} – {reception.name}, {reception.phone}"],
                                      ["Ausweise bitte beim Verlassen des Geländes zurückgeben."],
                                      ["Liste wird nach 30 Tagen gelöscht (Datenschutz)."]]),
        ]
    else:
        sheets = [
            ("Visiteurs", ["N° badge", "Nom", "Société", "E-mail", "Téléphone", "Hôte", "Date", "Arrivée", "Consignes de sécurité"],
             rows),
            ("Hôtes", ["Nom", "Fonction", "Poste", "E-mail"], host_rows),
            ("Consignes", ["Consigne"], [[f"Accueil {host_co.name}, {host_co.street}, {host_co.city} – {reception.name}, "
                                          f"{reception.phone}"],
                                         ["Les badges sont à restituer à l'accueil en quittant le site."],
                                         ["Liste supprimée au bout de 30 jours (RGPD)."]]),
        ]
    return Built(xlsx(sheets, c, reception.name))


@template(CATEGORY, "contacts.b4_suppliers", ("en", "es"), ".html", split="train", written="round 4")
def contacts_suppliers(c: Ctx) -> Built:
    us = c.company()
    buyer = c.person(us)
    cats = {"en": ("IT hardware", "Office supplies", "Facility management", "Logistics", "Printing", "Catering", "Travel"),
            "es": ("Material informático", "Material de oficina", "Mantenimiento de instalaciones", "Transporte", "Imprenta",
                   "Catering", "Agencia de viajes")}[c.lang]
    rows = []
    roles = {"en": ("Account Manager", "Sales Representative", "Customer Service", "Key Account Manager", "Service Coordinator"),
             "es": ("Gestor de cuentas", "Comercial", "Atención al cliente", "Delegada comercial", "Coordinador de servicio")}[c.lang]
    for _ in range(c.rng.randint(8, 16)):
        company = c.company() if c.maybe(0.75) else c.vendor()
        while company == us:
            company = c.company()
        person = c.person(company)
        rows.append((c.pick(cats), company.name, person.name, c.pick(roles), person.phone, person.email,
                     f"{company.street}, {company.city}"))
    rows.sort()
    if c.lang == "en":
        title = f"{us.name} – Approved supplier contacts"
        header = ("Category", "Supplier", "Contact", "Role", "Phone", "Email", "Address")
        intro = (f"Maintained by Procurement ({buyer.name}, {buyer.email}). Last updated {short_date(c)}. Please use these contacts for "
                 "orders and call-offs; report changes to Procurement.")
    else:
        title = f"{us.name} – Directorio de proveedores homologados"
        header = ("Categoría", "Proveedor", "Contacto", "Cargo", "Teléfono", "Correo electrónico", "Dirección")
        intro = (f"Mantenido por Compras ({buyer.name}, {buyer.email}). Última actualización: {short_date(c)}. Utilice estos contactos "
                 "para pedidos; comunique cualquier cambio a Compras.")
    parts = ["<!DOCTYPE html>", f'<html lang="{c.lang}">', "<head>", '<meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
             "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px}</style>", "</head>", "<body>",
             f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(intro)}</p>", "<table>",
             "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        cells = [html.escape(v) for v in row]
        cells[5] = f'<a href="mailto:{cells[5]}">{cells[5]}</a>'
        parts.append("<tr>" + "".join(f"<td>{v}</td>" for v in cells) + "</tr>")
    parts += ["</table>", "</body>", "</html>"]
    return Built(text(parts))


@template(CATEGORY, "contacts.b5_outlook_export", ("de", "fr"), ".csv", split="train", written="round 5")
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
        postcode, town = postcode_and_town(p.company)
        female = is_female(p)
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


@template(CATEGORY, "contacts.b5_dealer_directory", ("en", "es"), ".html", split="train", written="round 5")
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
        body = [f"<h1>{escape_html(vendor.name)} – authorised partner directory</h1>",
                f"<p>Updated {escape_html(long_date(c))}. For sales, installation and on-site service please contact the partner "
                "nearest to "
                "you. Partners marked <i>Authorised service centre</i> carry out warranty repairs.</p>",
                *html_table(["Region", "Company", "Contact", "Address", "Phone", "Email", "Website", "Status"], rows),
                f"<p>Your region is not listed? Write to partners@{escape_html(vendor.domain)} and we will put you in touch.</p>"]
        title = "Partner directory"
    else:
        body = [f"<h1>{escape_html(vendor.name)} – red de distribuidores oficiales</h1>",
                f"<p>Actualizado el {escape_html(long_date(c))}. Para venta, instalación y servicio técnico, póngase en contacto con el "
                "distribuidor más cercano. Los marcados como <i>Servicio técnico oficial</i> realizan reparaciones en garantía.</p>",
                *html_table(["Zona", "Empresa", "Persona de contacto", "Dirección", "Teléfono", "Correo electrónico", "Web",
                              "Categoría"], rows),
                f"<p>¿No encuentra su zona? Escríbanos a distribuidores@{escape_html(vendor.domain)} y le pondremos en contacto.</p>"]
        title = "Red de distribuidores"
    return Built(html_page(c.lang, title, body, SPACIOUS_CSS))


@template(CATEGORY, "contacts.b6_emergency_contacts", ("de", "es"), ".pdf", split="blind", written="round 6")
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


@template(CATEGORY, "contacts.b6_press_list", ("en", "fr"), ".xlsx", split="blind", written="round 6")
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


TEMPLATES: tuple[Template, ...] = (
    contacts_csv,
    contacts_xlsx,
    vcards,
    contacts_docx,
    attendee_list,
    distribution_list,
    phone_directory,
    blind_crm_export,
    contacts_fair_leads,
    contacts_phone_directory,
    contacts_visitors,
    contacts_suppliers,
    contacts_outlook_export,
    contacts_dealer_directory,
    contacts_emergency,
    contacts_press,
)
