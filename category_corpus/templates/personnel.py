"""Templates of `personnel`: CVs, employee records, payroll, HR cases."""

from __future__ import annotations

from datetime import date, timedelta

from category_corpus.common import COMPANIES, LANGUAGES, ROLES, Built, Ctx, Template, lines_of, long_date, short_date, template, town_of
from category_corpus.writers import Sheet, csv_text, docx, pdf, text, xlsx

CATEGORY = "personnel"


def birthday(c: Ctx) -> date:
    return date(c.rng.randint(1962, 2000), c.rng.randint(1, 12), c.rng.randint(1, 28))


@template(CATEGORY, "hr.cv_docx", ("en", "de"), ".docx", split="train", written="round 0")
def cv_docx(c: Ctx) -> Built:
    person = c.person()
    employers = c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 2, 3)
    title = c.t({"en": f"Curriculum Vitae – {person.name}", "de": f"Lebenslauf – {person.name}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": ["## Personal details", f"Date of birth: {c.datestr(birthday(c), long=True)}", f"Phone: {person.phone}",
               f"Email: {person.email}", "## Work experience",
               *(f"- {2023 - 3 * k - 3} – {2023 - 3 * k}: {c.pick(ROLES['en'])}, {e.name}" for k, e in enumerate(employers)),
               "## Education", c.pick(("- MSc Computer Science, University of Leeds", "- BA Business Administration, King's College")),
               "## Skills", "- " + ", ".join(c.some(("SAP", "Python", "Project management", "Negotiation", "SQL", "Excel"), 3, 5)),
               "## Languages", "- English (native), German (B2)"],
        "de": ["## Persönliche Daten", f"Geburtsdatum: {c.datestr(birthday(c), long=False)}", f"Telefon: {person.phone}",
               f"E-Mail: {person.email}", "## Berufserfahrung",
               *(f"- {2023 - 3 * k - 3} – {2023 - 3 * k}: {c.pick(ROLES['de'])}, {e.name}" for k, e in enumerate(employers)),
               "## Ausbildung", c.pick(("- M.Sc. Informatik, TU München", "- Diplom-Kaufmann, Universität zu Köln")),
               "## Kenntnisse", "- " + ", ".join(c.some(("SAP", "Python", "Projektmanagement", "Verhandlung", "SQL", "Excel"), 3, 5)),
               "## Sprachen", "- Deutsch (Muttersprache), Englisch (verhandlungssicher)"],
    })
    return Built(docx(title, blocks, c, person.name))


@template(CATEGORY, "hr.employees_xlsx", ("fr", "es"), ".xlsx", split="train", written="round 0")
def employee_list(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"fr": ["Matricule", "Nom", "Prénom", "Service", "Poste", "Date d'embauche", "Salaire brut annuel"],
                  "es": ["Número de empleado", "Apellidos", "Nombre", "Departamento", "Puesto", "Fecha de alta", "Salario bruto"]})
    departments = c.t({"fr": ("Ventes", "Finance", "Informatique", "Logistique", "RH"),
                       "es": ("Ventas", "Finanzas", "Sistemas", "Logística", "RR. HH.")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 15)):
        p = c.person(company)
        rows.append([f"E{c.rng.randrange(1000, 9999)}", p.last, p.first, c.pick(departments), p.role,
                     date(c.rng.randint(2005, 2023), c.rng.randint(1, 12), 1), c.rng.randrange(28, 95) * 1000])
    return Built(xlsx([(c.t({"fr": "Personnel", "es": "Plantilla"}), header, rows)], c, c.person(company).name))


@template(CATEGORY, "hr.payroll_csv", ("de", "en"), ".csv", split="held_out", written="round 0")
def payroll_csv(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"de": ["Personalnummer", "Name", "Abteilung", "Bruttogehalt", "Steuerklasse", "Sozialversicherung", "Nettogehalt"],
                  "en": ["Employee ID", "Name", "Department", "Gross pay", "Tax code", "National insurance", "Net pay"]})
    departments = c.t({"de": ("Vertrieb", "Finanzen", "IT", "Logistik"), "en": ("Sales", "Finance", "IT", "Logistics")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 14)):
        gross = c.rng.randrange(2800, 9000)
        rows.append([c.rng.randrange(10000, 99999), c.person(company).name, c.pick(departments), gross,
                     c.t({"de": c.pick(("I", "III", "IV")), "en": c.pick(("1257L", "BR", "K475"))}),
                     round(gross * 0.2, 2), round(gross * 0.62, 2)])
    return Built(csv_text(header, rows, ";" if c.lang == "de" else ","))


@template(CATEGORY, "hr.review_docx", ("en", "es"), ".docx", split="train", written="round 0")
def performance_review(c: Ctx) -> Built:
    company = c.company()
    employee, manager = c.person(company), c.person(company)
    title = c.t({"en": f"Annual performance review {c.day.year}", "es": f"Evaluación del desempeño {c.day.year}"})
    ratings = c.t({"en": [["Area", "Rating"], ["Results", c.pick(("exceeds", "meets", "below"))], ["Teamwork", "meets"],
                          ["Communication", c.pick(("exceeds", "meets"))]],
                   "es": [["Área", "Valoración"], ["Resultados", c.pick(("supera", "cumple", "por debajo"))],
                          ["Trabajo en equipo", "cumple"], ["Comunicación", c.pick(("supera", "cumple"))]]})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Employee: {employee.name}. Position: {employee.role}. Manager: {manager.name}.", ratings,
               "## Goals for next year", "- Lead the migration project", "- Complete the certification",
               "## Manager comments", c.pick(("Strong year; recommended for a salary increase of 4%.",
                                              "Performance below expectations in Q3; improvement plan agreed."))],
        "es": [f"Empleado/a: {employee.name}. Puesto: {employee.role}. Responsable: {manager.name}.", ratings,
               "## Objetivos para el próximo año", "- Liderar el proyecto de migración", "- Obtener la certificación",
               "## Comentarios del responsable", c.pick(("Buen año; se propone una subida salarial del 4 %.",
                                                         "Rendimiento por debajo de lo esperado en el T3; plan de mejora acordado."))],
    })
    return Built(docx(title, blocks, c, manager.name))


@template(CATEGORY, "hr.case_txt", ("fr", "de"), ".txt", split="train", written="round 0")
def hr_case(c: Ctx) -> Built:
    company = c.company()
    employee = c.person(company)
    out = c.t({
        "fr": [c.pick(("Dossier RH – confidentiel", "DOSSIER DU PERSONNEL")), f"Salarié : {employee.name}",
               f"Matricule : {c.rng.randrange(1000, 9999)}", f"Service : {employee.role}", "",
               *lines_of(c, ("Arrêt maladie du 3 au 21 mars, certificat reçu.", "Avertissement écrit remis le 12 avril pour retards "
                             "répétés.", "Entretien annuel reporté à la demande du salarié.",
                             "Demande de rupture conventionnelle à l'étude."), 2, 4), "",
               "Prochaine étape : entretien avec le responsable RH et un représentant du personnel."],
        "de": [c.pick(("Personalfall – vertraulich", "PERSONALAKTE – VERMERK")), f"Mitarbeiter: {employee.name}",
               f"Personalnummer: {c.rng.randrange(1000, 9999)}", f"Funktion: {employee.role}", "",
               *lines_of(c, ("Krankmeldung vom 3. bis 21. März liegt vor.", "Abmahnung am 12. April wegen wiederholter "
                             "Verspätungen ausgesprochen.", "Mitarbeitergespräch auf Wunsch des Mitarbeiters verschoben.",
                             "Aufhebungsvertrag wird geprüft."), 2, 4), "",
               "Nächster Schritt: Gespräch mit der Personalleitung und dem Betriebsrat."],
    })
    return Built(text(out))


@template(CATEGORY, "hr.cv_pdf", ("es", "fr"), ".pdf", split="held_out", written="round 0")
def cv_pdf(c: Ctx) -> Built:
    person = c.person()
    employers = c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 2, 3)
    lines = c.t({
        "es": [person.name, f"{person.phone} | {person.email}", f"Fecha de nacimiento: {c.datestr(birthday(c), long=False)}", "",
               "EXPERIENCIA PROFESIONAL", *(f"{2023 - 4 * k - 4}-{2023 - 4 * k}  {c.pick(ROLES['es'])} en {e.name}"
                                           for k, e in enumerate(employers)), "",
               "FORMACIÓN ACADÉMICA", c.pick(("Grado en Ingeniería Informática, Universidad de Sevilla",
                                              "Máster en Dirección de Empresas, IE Business School")), "",
               "IDIOMAS", "Español (nativo), inglés (C1), francés (B1)"],
        "fr": [person.name, f"{person.phone} | {person.email}", f"Née le {c.datestr(birthday(c), long=True)}", "",
               "EXPÉRIENCE PROFESSIONNELLE", *(f"{2023 - 4 * k - 4}-{2023 - 4 * k}  {c.pick(ROLES['fr'])} chez {e.name}"
                                               for k, e in enumerate(employers)), "",
               "FORMATION", c.pick(("Diplôme d'ingénieur, INSA Lyon", "Master Management, Université Paris-Dauphine")), "",
               "LANGUES", "Français (langue maternelle), anglais (courant), espagnol (notions)"],
    })
    return Built(pdf(c.t({"es": "Currículum vítae", "fr": "Curriculum vitae"}), lines, c, person.name))


@template(CATEGORY, "hr.absences_xlsx", ("fr", "de"), ".xlsx", split="train", written="round 1")
def absences(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"fr": ["Matricule", "Collaborateur", "Service", "Type d'absence", "Du", "Au", "Jours"],
                  "de": ["Personalnr.", "Mitarbeiter", "Abteilung", "Abwesenheitsart", "Von", "Bis", "Tage"]})
    kinds = c.t({"fr": ("Congés payés", "Maladie", "RTT", "Congé parental", "Formation"),
                 "de": ("Urlaub", "Krankheit", "Elternzeit", "Sonderurlaub", "Fortbildung")})
    units = c.t({"fr": ("Comptabilité", "Ventes", "Production", "Logistique"), "de": ("Buchhaltung", "Vertrieb", "Produktion", "Lager")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(10, 25)):
        person = c.person(company)
        start = c.later(c.rng.randrange(300))
        days = c.rng.randint(1, 15)
        rows.append([c.rng.randrange(1000, 9999), person.name, c.pick(units), c.pick(kinds), c.datestr(start, long=False),
                     c.datestr(start + timedelta(days=days), long=False), days])
    sheet = c.t({"fr": f"Absences {c.day.year}", "de": f"Abwesenheiten {c.day.year}"})
    return Built(xlsx([(sheet, header, rows)], c, c.person(company).name))


@template(CATEGORY, "hr.blind_reference_docx", ("de", "fr"), ".docx", split="train", written="round 2")
def blind_reference(c: Ctx) -> Built:
    employer, employee = c.company(), c.person()
    manager = c.person(employer)
    start = c.later(-c.rng.randrange(700, 3000))
    if c.lang == "de":
        title = "Arbeitszeugnis"
        blocks: list[str | list[list[str]]] = [
            f"{employee.name}, geboren am {c.datestr(birthday(c), long=True)}, war vom {c.datestr(start, long=True)} bis zum "
            f"{c.datestr(long=True)} in unserem Unternehmen als {employee.role} beschäftigt.",
            "Zu ihren/seinen Aufgaben gehörten die Betreuung der Schlüsselkunden und die Einarbeitung neuer Kolleginnen und "
            "Kollegen.",
            "Die übertragenen Aufgaben wurden stets zu unserer vollsten Zufriedenheit erledigt. Das Verhalten gegenüber "
            "Vorgesetzten und Kollegen war jederzeit einwandfrei.",
            "Das Arbeitsverhältnis endet auf eigenen Wunsch. Wir bedauern das Ausscheiden und wünschen für die Zukunft alles Gute.",
            f"{employer.city.split(' ', 1)[-1]}, {c.datestr(long=True)}", f"{manager.name}, {manager.role}"]
    else:
        title = "Certificat de travail"
        blocks = [
            f"Nous soussignés, {employer.name}, certifions que {employee.name}, né(e) le {c.datestr(birthday(c), long=True)}, "
            f"a été employé(e) dans notre société du {c.datestr(start, long=True)} au {c.datestr(long=True)} en qualité de "
            f"{employee.role}.",
            "Nous lui remettons ce certificat, libre de tout engagement, pour servir et valoir ce que de droit.",
            f"Fait à {employer.city.split(' ', 1)[-1]}, le {c.datestr(long=True)}", f"{manager.name}, {manager.role}"]
    return Built(docx(title, blocks, c, manager.name))


@template(CATEGORY, "hr.b3_absence_record", ("de", "es"), ".xlsx", split="train", written="round 3")
def hr_absence_record(c: Ctx) -> Built:
    employer = c.company()
    hr = c.person(employer)
    staff = [(c.person(employer), c.rng.randrange(1000, 9999)) for _ in range(c.rng.randint(4, 14))]
    depts = c.t({"de": ("Vertrieb", "Lager", "Buchhaltung", "IT", "Produktion", "Kundendienst"),
                 "es": ("Ventas", "Almacén", "Contabilidad", "Sistemas", "Producción", "Atención al cliente")})
    kinds: tuple[tuple[str, int, bool], ...] = c.t({
        "de": (("Krankheit (AU)", 21, True), ("Krankheit (AU)", 12, True), ("Krankheit ohne AU", 3, False), ("Kind krank", 3, True),
               ("Kur / Reha", 21, True), ("Arbeitsunfall", 15, True)),
        "es": (("IT enfermedad común", 21, True), ("IT enfermedad común", 12, True), ("Indisposición (sin baja)", 3, False),
               ("Hijo enfermo", 2, False), ("IT accidente laboral", 15, True), ("Consulta médica", 1, False)),
    })
    yes, no = c.t({"de": ("ja", "nein"), "es": ("sí", "no")})
    dept_of = {p.name: c.pick(depts) for p, _ in staff}
    found: list[tuple[str, date, list[object]]] = []
    taken: dict[str, set[date]] = {}
    totals: dict[str, int] = {}
    for _ in range(c.rng.randint(8, 40)):
        person, number = c.pick(staff)
        kind, longest, certified = c.pick(kinds)
        start = c.later(-c.rng.randint(1, 330))
        days = c.rng.randint(1, longest)
        span = {start + timedelta(days=n) for n in range(days)}
        if span & taken.setdefault(person.name, set()):
            continue
        taken[person.name] |= span
        totals[person.name] = totals.get(person.name, 0) + days
        note = c.pick(c.t({"de": ("", "", "", "Folgebescheinigung", "BEM-Gespräch angeboten", "telefonisch krankgemeldet"),
                           "es": ("", "", "", "parte de confirmación", "revisar con la mutua", "avisó por teléfono")}))
        found.append((person.name, start, [number, person.name, dept_of[person.name], c.datestr(start, long=False),
                                           c.datestr(start + timedelta(days=days - 1), long=False), days, kind,
                                           yes if certified or days > 3 else no, note]))
    rows = [row for _, _, row in sorted(found, key=lambda f: (f[0], f[1]))]
    head = c.t({"de": ["Personalnr.", "Name", "Abteilung", "von", "bis", "Tage", "Art", "AU-Bescheinigung", "Bemerkung"],
                "es": ["N.º empleado", "Nombre", "Departamento", "Desde", "Hasta", "Días", "Tipo", "Parte de baja", "Observaciones"]})
    limit = 42
    summary: list[list[object]] = [[name, total, c.t({"de": "über 6 Wochen – BEM prüfen", "es": "revisar"}) if total > limit else ""]
                                   for name, total in sorted(totals.items())]
    sheets = [(c.t({"de": f"Fehlzeiten {c.day.year}", "es": f"Ausencias {c.day.year}"}), head, rows),
              (c.t({"de": "Summen", "es": "Totales"}), c.t({"de": ["Name", "Tage gesamt", "Hinweis"], "es": ["Nombre", "Días", "Nota"]}),
               summary)]
    return Built(xlsx(sheets, c, hr.name))


@template(CATEGORY, "hr.b3_onboarding", ("en", "fr"), ".md", split="train", written="round 3")
def hr_onboarding(c: Ctx) -> Built:
    employer = c.company()
    hire, manager, buddy = c.person(employer), c.person(employer), c.person(employer)
    start = c.later(c.rng.randint(7, 40))
    salary = c.rng.randrange(32, 95) * 1000
    probation = c.pick((3, 4, 6))
    def box(done: bool) -> str:
        return "[x]" if done else "[ ]"
    if c.lang == "en":
        out = [f"# Onboarding – {hire.name}", "", f"- **Position:** {hire.role}", f"- **Start date:** {c.datestr(start, long=True)}",
               f"- **Manager:** {manager.name}", f"- **Buddy:** {buddy.name}",
               f"- **Contract:** {c.pick(('permanent, full time', 'fixed term 12 months', 'permanent, 30 h/week'))}, "
               f"{probation} months probation",
               f"- **Salary:** {c.money(salary)} p.a."
               + (f" + car allowance {c.money(c.pick((3600, 4800, 6000)))}" if c.maybe(0.3) else ""),
               f"- **Employee no.:** {c.rng.randrange(10000, 99999)}", "", "## Before day one"]
        tasks = ["Signed contract back from employee", "Right to work documents checked and copied", "Bank details and tax code to payroll",
                 "Laptop ordered", "Account and e-mail created", "Desk / locker assigned", "Welcome e-mail sent with first-day info"]
        later_tasks = ["Health & safety induction", "Data protection training", "Meet the team lunch", "Systems access: CRM, ERP, VPN",
                       "First 1:1 with manager",
                       f"Probation review booked for {c.datestr(start + timedelta(days=30 * probation), long=True)}"]
        out += [f"- {box(c.maybe(0.7))} {t}" for t in c.some(tasks, 4, 7)]
        out += ["", "## First weeks"] + [f"- {box(False)} {t}" for t in c.some(later_tasks, 3, 6)]
        if c.maybe():
            out += ["", f"> Note: {hire.first} has a pre-booked holiday in week {c.rng.randint(2, 5)} – agreed at interview."]
    else:
        out = [f"# Arrivée de {hire.name}", "", f"- **Poste :** {hire.role}", f"- **Date d'entrée :** {c.datestr(start, long=True)}",
               f"- **Responsable :** {manager.name}", f"- **Parrain / marraine :** {buddy.name}",
               f"- **Contrat :** {c.pick(('CDI temps plein', 'CDD 12 mois', 'CDI, 4/5e'))}, période d'essai {probation} mois",
               f"- **Rémunération :** {c.money(salary)} brut annuel" + (" + 13e mois" if c.maybe(0.4) else ""),
               f"- **Matricule :** {c.rng.randrange(10000, 99999)}", "", "## Avant l'arrivée"]
        tasks = ["Contrat signé reçu", "Copie pièce d'identité et carte Vitale", "RIB transmis à la paie", "Visite médicale planifiée",
                 "PC portable commandé", "Compte et adresse mail créés", "Badge d'accès demandé", "Mail d'accueil envoyé"]
        later_tasks = ["Accueil sécurité", "Formation RGPD", "Déjeuner avec l'équipe", "Accès CRM, ERP, VPN",
                       "Premier point avec le responsable",
                       f"Bilan de fin de période d'essai le {c.datestr(start + timedelta(days=30 * probation))}"]
        out += [f"- {box(c.maybe(0.7))} {t}" for t in c.some(tasks, 4, 8)]
        out += ["", "## Premières semaines"] + [f"- {box(False)} {t}" for t in c.some(later_tasks, 3, 6)]
        if c.maybe():
            out += ["", f"> Remarque : congés déjà posés en semaine {c.rng.randint(2, 5)}, validés lors de l'entretien."]
    return Built(text(out))


_HOME_STREETS = {
    "en": ("14 Elm Grove", "27 Victoria Road", "8 Orchard Close", "112 Maple Avenue"),
    "de": ("Lindenstraße 14", "Am Mühlbach 7", "Goethestraße 27", "Birkenweg 3"),
    "fr": ("14 rue des Lilas", "7 allée des Tilleuls", "27 avenue Jean Jaurès", "3 impasse du Moulin"),
    "es": ("Calle Mayor 14, 3º B", "Avenida de América 27, 5º A", "Calle del Olivo 3", "Plaza de España 7, 2º D"),
}


@template(CATEGORY, "hr.b4_job_offer", ("de", "es"), ".pdf", split="train", written="round 4")
def hr_job_offer(c: Ctx) -> Built:
    employer = c.company()
    hr_person, manager = c.person(employer), c.person(employer)
    candidate = c.person(c.company())
    start = c.later(c.rng.randint(30, 90)).replace(day=1)
    salary = c.rng.randint(38, 72) * 1000
    answer = long_date(c, c.rng.randint(5, 10))
    home = c.pick(_HOME_STREETS[c.lang])
    if c.lang == "de":
        position = c.pick(("Softwareentwickler (m/w/d) Backend", "Sachbearbeiterin Buchhaltung (m/w/d)",
                           "Servicetechniker (m/w/d) Außendienst", "Teamleitung Kundenservice (m/w/d)"))
        title = "Vertragsangebot"
        lines = [
            f"{employer.name} · Personalabteilung · {employer.street} · {employer.city}", "",
            candidate.name, home, candidate.company.city, "",
            f"{town_of(employer)}, {c.datestr(long=True)}", "",
            f"Ihr Vertragsangebot als {position}", "",
            f"Guten Tag {candidate.name},", "",
            "vielen Dank für die angenehmen Gespräche. Wir freuen uns, Ihnen eine Anstellung zu folgenden Eckdaten anbieten zu können:",
            "",
            f"Position: {position}",
            f"Eintrittsdatum: {c.datestr(start, long=True)}",
            f"Dienstort: {employer.city}, "
            f"{c.pick(('bis zu zwei Tage mobiles Arbeiten pro Woche', 'Präsenz im Büro', 'hybrid nach Absprache'))}",
            f"Führungskraft: {manager.name}",
            f"Jahresbruttogehalt: {c.money(salary)}, zahlbar in 12 Monatsgehältern",
            f"Variable Vergütung: bis zu {c.pick((5, 8, 10))} % des Jahresgehalts bei Zielerreichung",
            "Wochenarbeitszeit: 40 Stunden, Gleitzeit",
            f"Urlaub: {c.pick((28, 30))} Arbeitstage pro Kalenderjahr",
            "Probezeit: 6 Monate",
            "Zusatzleistungen: Jobticket, betriebliche Altersvorsorge mit 20 % Arbeitgeberzuschuss, Fahrradleasing",
            "",
            "Der Arbeitsvertrag wird Ihnen nach Ihrer Zusage zugesandt. Das Angebot steht unter dem Vorbehalt der Zustimmung des "
            "Betriebsrats und der Vorlage Ihrer Zeugnisse.",
            f"Bitte teilen Sie uns Ihre Entscheidung bis zum {answer} mit.",
            "",
            "Wir freuen uns darauf, Sie bald in unserem Team begrüßen zu dürfen.",
            "", "Mit freundlichen Grüßen", "",
            f"{hr_person.name}, Personalabteilung            {manager.name}, Fachbereich",
        ]
    else:
        position = c.pick(("Desarrollador/a backend", "Técnico/a de administración contable", "Técnico/a de servicio de campo",
                           "Responsable de atención al cliente"))
        title = "Carta de oferta de empleo"
        lines = [
            f"{employer.name} · Departamento de Personas · {employer.street} · {employer.city}", "",
            candidate.name, home, candidate.company.city, "",
            f"{town_of(employer)}, {c.datestr(long=True)}", "",
            f"Asunto: oferta de incorporación como {position}", "",
            f"Estimado/a {candidate.name}:", "",
            "Tras el proceso de selección, tenemos el placer de ofrecerle incorporarse a nuestra empresa en las siguientes condiciones:",
            "",
            f"Puesto: {position}",
            f"Fecha de incorporación: {c.datestr(start, long=True)}",
            f"Centro de trabajo: {employer.city} ({c.pick(('dos días de teletrabajo a la semana', 'presencial', 'modalidad híbrida'))})",
            f"Responsable directo: {manager.name}",
            f"Salario bruto anual: {c.money(salary)}, distribuido en 14 pagas",
            f"Retribución variable: hasta un {c.pick((5, 8, 10))} % del salario fijo según objetivos",
            "Jornada: 40 horas semanales, con jornada intensiva en agosto",
            "Vacaciones: 23 días laborables al año",
            "Periodo de prueba: 6 meses, conforme al convenio colectivo aplicable",
            "Tipo de contrato: indefinido",
            "Beneficios: seguro médico, tarjeta restaurante y formación en idiomas",
            "",
            "Una vez aceptada la oferta le haremos llegar el contrato de trabajo. La incorporación queda sujeta a la presentación "
            "de la documentación requerida.",
            f"Le agradeceríamos que nos comunicara su decisión antes del {answer}.",
            "",
            "Esperamos contar pronto con usted en el equipo.",
            "", "Atentamente,", "",
            f"{hr_person.name}, Departamento de Personas            {manager.name}",
        ]
    return Built(pdf(title, lines, c, hr_person.name))


@template(CATEGORY, "hr.b4_salary_review", ("en", "fr"), ".xlsx", split="train", written="round 4")
def hr_salary_review(c: Ctx) -> Built:
    company = c.company()
    hrbp = c.person(company)
    year = c.day.year + 1
    grades = ("G4", "G5", "G6", "G7", "G8")
    mids = {"G4": 38_000, "G5": 45_000, "G6": 54_000, "G7": 66_000, "G8": 82_000}
    ratings = ("1", "2", "3", "4", "5")
    merit = {"1": 0.0, "2": 0.01, "3": 0.025, "4": 0.04, "5": 0.055}
    jobs = {"en": ("Software Engineer", "Accountant", "Field Service Technician", "Sales Assistant", "Team Lead Support",
                   "Buyer", "HR Generalist"),
            "fr": ("Ingénieur logiciel", "Comptable", "Technicien SAV", "Assistante commerciale", "Responsable d'équipe support",
                   "Acheteur", "Chargée RH")}[c.lang]
    depts = {"en": ("R&D", "Finance", "Service", "Sales", "Support", "Procurement", "HR"),
             "fr": ("R&D", "Finance", "SAV", "Commerce", "Support", "Achats", "RH")}[c.lang]
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(8, 16)):
        emp = c.person(company)
        grade = c.pick(grades)
        salary = round(mids[grade] * c.rng.uniform(0.82, 1.18) / 100) * 100
        rating = c.pick(ratings)
        pct = merit[rating] + (0.01 if salary / mids[grade] < 0.9 and rating in ("3", "4", "5") else 0.0)
        job_index = c.rng.randrange(len(jobs))
        rows.append([f"E{c.rng.randint(1000, 9999)}", emp.name, depts[job_index], jobs[job_index], grade, salary,
                     round(salary / mids[grade], 2), rating, round(pct, 3), round(salary * (1 + pct)),
                     f"{year}-{c.pick(('01', '04'))}-01"])
    if c.lang == "en":
        sheets: list[Sheet] = [
            (f"Proposals {year}", ["Employee ID", "Name", "Department", "Job title", "Grade", "Current base salary", "Compa-ratio",
                                   "Performance rating", "Proposed increase", "New base salary", "Effective date"], rows),
            ("Merit matrix", ["Performance rating", "Increase if compa-ratio >= 0.90", "Increase if compa-ratio < 0.90"],
             [[r, merit[r], merit[r] + (0.01 if r in ("3", "4", "5") else 0.0)] for r in ratings]),
            ("Instructions", ["Step", "Detail"], [
                ["1", "Managers enter proposals in column I; do not change salaries directly."],
                ["2", f"Total merit budget is 3.0% of the payroll of the department; HR checks the totals ({hrbp.name})."],
                ["3", "Promotions are handled separately and are not part of this file."],
                ["4", "Confidential – do not share with employees before letters are issued."],
            ]),
        ]
    else:
        sheets = [
            (f"Propositions {year}", ["Matricule", "Nom", "Service", "Poste", "Niveau", "Salaire de base annuel", "Compa-ratio",
                                      "Évaluation", "Augmentation proposée", "Nouveau salaire", "Date d'effet"], rows),
            ("Grille", ["Évaluation", "Augmentation si compa-ratio >= 0,90", "Augmentation si compa-ratio < 0,90"],
             [[r, merit[r], merit[r] + (0.01 if r in ("3", "4", "5") else 0.0)] for r in ratings]),
            ("Mode d'emploi", ["Étape", "Détail"], [
                ["1", "Les managers saisissent leurs propositions en colonne I ; ne pas modifier les salaires."],
                ["2", f"L'enveloppe NAO est de 3,0 % de la masse salariale du service ; contrôle par les RH ({hrbp.name})."],
                ["3", "Les promotions sont traitées à part et ne figurent pas dans ce fichier."],
                ["4", "Confidentiel – ne pas communiquer aux salariés avant l'envoi des courriers."],
            ]),
        ]
    return Built(xlsx(sheets, c, hrbp.name))


@template(CATEGORY, "hr.b5_shift_roster", ("de", "es"), ".xlsx", split="train", written="round 5")
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


@template(CATEGORY, "hr.b5_exit_interview", ("en", "fr"), ".docx", split="train", written="round 5")
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


@template(CATEGORY, "hr.b6_training_attendance", ("en", "fr"), ".csv", split="blind", written="round 6")
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


@template(CATEGORY, "hr.b6_personnel_change", ("de", "es"), ".pdf", split="blind", written="round 6")
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


TEMPLATES: tuple[Template, ...] = (
    cv_docx,
    employee_list,
    payroll_csv,
    performance_review,
    hr_case,
    cv_pdf,
    absences,
    blind_reference,
    hr_absence_record,
    hr_onboarding,
    hr_job_offer,
    hr_salary_review,
    hr_shift_roster,
    hr_exit_interview,
    hr_training_attendance,
    hr_personnel_change,
)
