"""Templates of `other`: none of the above."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from category_corpus.common import MONTHS, Built, Ctx, Template, lines_of, long_date, short_date, template, town_of
from category_corpus.writers import COMPACT_CSS, docx, escape_html, html_page, pdf, pptx, text
from sample_data.generate import at

CATEGORY = "other"


@template(CATEGORY, "other.app_log", ("en", "de"), ".log", split="train", written="round 0")
def application_log(c: Ctx) -> Built:
    users = [c.person() for _ in range(3)]
    messages = c.t({"en": ("INFO  worker started", "INFO  job {n} finished in {ms} ms", "WARN  cache miss for key {n}",
                           "ERROR connection reset by peer", "INFO  health check ok", "DEBUG queue length {n}",
                           "INFO  login {user}", "WARN  mail to {user} bounced"),
                    "de": ("INFO  Worker gestartet", "INFO  Auftrag {n} nach {ms} ms beendet", "WARN  Cache-Fehltreffer {n}",
                           "ERROR Verbindung zurückgesetzt", "INFO  Statusprüfung ok", "DEBUG Warteschlange {n}",
                           "INFO  Anmeldung {user}", "WARN  Mail an {user} unzustellbar")})
    out = []
    for second in sorted(c.rng.sample(range(86400), c.rng.randint(15, 40))):
        stamp = f"{c.day.isoformat()} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d},{c.rng.randrange(1000):03d}"
        message = c.pick(messages).format(n=c.rng.randrange(10000), ms=c.rng.randrange(5, 900), user=c.pick(users).email)
        out.append(f"{stamp} {message}")
    return Built(text(out))


@template(CATEGORY, "other.manual_docx", ("fr", "es"), ".docx", split="train", written="round 0")
def user_manual(c: Ctx) -> Built:
    device = c.pick(("EG-200", "SEN-10", "DOC-USB"))
    title = c.t({"fr": f"Notice d'utilisation {device}", "es": f"Manual de usuario {device}"})
    blocks: list[str | list[list[str]]] = c.t({
        "fr": ["## Consignes de sécurité", "N'exposez pas l'appareil à l'humidité. Utilisez uniquement l'alimentation fournie.",
               "## Installation", "- Fixez l'appareil au mur avec les vis fournies", "- Branchez le câble d'alimentation",
               "- Attendez que le voyant passe au vert", "## Entretien",
               "Nettoyez le boîtier avec un chiffon sec. Aucune pièce ne doit être remplacée par l'utilisateur."],
        "es": ["## Instrucciones de seguridad", "No exponga el aparato a la humedad. Utilice solo la fuente de alimentación "
               "suministrada.", "## Instalación", "- Fije el aparato a la pared con los tornillos incluidos",
               "- Conecte el cable de alimentación", "- Espere a que el indicador se ponga verde", "## Mantenimiento",
               "Limpie la carcasa con un paño seco. El usuario no debe sustituir ninguna pieza."],
    })
    return Built(docx(title, blocks, c, "Documentation"))


@template(CATEGORY, "other.newsletter_md", ("en", "de"), ".md", split="held_out", written="round 0")
def newsletter(c: Ctx) -> Built:
    out = c.t({
        "en": [f"# Staff newsletter – {MONTHS['en'][c.day.month - 1]}", "",
               *lines_of(c, ("## Summer party\n\nThe summer party takes place in the park on the last Friday of the month.",
                             "## New coffee machine\n\nThe kitchen on the second floor has a new coffee machine.",
                             "## Running club\n\nThe running club meets on Wednesdays at 6 pm at the main entrance.",
                             "## Recycling\n\nPlease separate paper and plastic; new bins are next to the lifts.",
                             "## Charity bake sale\n\nThanks to everyone who baked; we raised a record amount."), 2, 4)],
        "de": [f"# Mitarbeiterzeitung – {MONTHS['de'][c.day.month - 1]}", "",
               *lines_of(c, ("## Sommerfest\n\nDas Sommerfest findet am letzten Freitag des Monats im Park statt.",
                             "## Neue Kaffeemaschine\n\nIn der Küche im zweiten Stock steht eine neue Kaffeemaschine.",
                             "## Lauftreff\n\nDer Lauftreff trifft sich mittwochs um 18 Uhr am Haupteingang.",
                             "## Mülltrennung\n\nBitte Papier und Plastik trennen; neue Behälter stehen an den Aufzügen.",
                             "## Kuchenbasar\n\nDanke an alle, die gebacken haben; es kam ein Rekordbetrag zusammen."), 2, 4)],
    })
    return Built(text(out))


@template(CATEGORY, "other.itinerary_txt", ("de", "es"), ".txt", split="train", written="round 0")
def itinerary(c: Ctx) -> Built:
    city = c.pick(("Lissabon", "Wien", "Kopenhagen")) if c.lang == "de" else c.pick(("Lisboa", "Viena", "Copenhague"))
    out = c.t({
        "de": [f"Reiseplan {city}", "", f"Hinflug: {c.datestr()} 07:15, Flug LH{c.rng.randrange(1000, 9999)}, Sitz {c.rng.randint(3, 30)}C",
               f"Hotel: {c.pick(('Hotel Central', 'Parkhotel', 'Hotel am Fluss'))}, 2 Nächte, Frühstück inklusive",
               "Transfer: Taxi vom Flughafen, ca. 25 Minuten", f"Rückflug: {c.datestr(c.later(2))} 18:40",
               "Bitte Reisepass und Ladekabel nicht vergessen."],
        "es": [f"Itinerario {city}", "",
               f"Vuelo de ida: {c.datestr()} 07:15, vuelo IB{c.rng.randrange(1000, 9999)}, asiento {c.rng.randint(3, 30)}C",
               f"Hotel: {c.pick(('Hotel Central', 'Hotel del Parque', 'Hotel del Río'))}, 2 noches, desayuno incluido",
               "Traslado: taxi desde el aeropuerto, unos 25 minutos", f"Vuelo de vuelta: {c.datestr(c.later(2))} 18:40",
               "No olvidar el pasaporte ni el cargador."],
    })
    return Built(text(out))


@template(CATEGORY, "other.readme_md", ("en", "fr"), ".md", split="train", written="round 0")
def readme(c: Ctx) -> Built:
    tool = c.pick(("pdf-merge", "photo-resizer", "md2slides", "timezone-cli"))
    out = c.t({
        "en": [f"# {tool}", "", "A small command-line tool.", "", "## Installation", "", "```", f"pip install {tool}", "```", "",
               "## Usage", "", "```", f"{tool} --help", "```", "", "## Licence", "", "MIT"],
        "fr": [f"# {tool}", "", "Un petit outil en ligne de commande.", "", "## Installation", "", "```", f"pip install {tool}",
               "```", "", "## Utilisation", "", "```", f"{tool} --help", "```", "", "## Licence", "", "MIT"],
    })
    return Built(text(out))


@template(CATEGORY, "other.press_release_pdf", ("es", "en"), ".pdf", split="held_out", written="round 0")
def press_release(c: Ctx) -> Built:
    company = c.company()
    lines = c.t({
        "es": [f"{company.city.split(' ', 1)[-1]}, {c.datestr(long=True)}", "",
               f"{company.name} inaugura su nueva sede en el centro de la ciudad, con espacio para 300 personas y una "
               "cafetería abierta al barrio.", "La inauguración contará con la presencia de la alcaldesa y una jornada de "
               "puertas abiertas el sábado.", "", "Sobre la empresa: fundada en 1998, trabaja en cuatro países.",
               f"Contacto de prensa: prensa@{company.domain}"],
        "en": [f"{company.city.split(',')[0]}, {c.datestr(long=True)}", "",
               f"{company.name} opens its new headquarters in the city centre, with space for 300 people and a café open to "
               "the neighbourhood.", "The mayor will attend the opening, followed by an open day on Saturday.", "",
               "About the company: founded in 1998, it works in four countries.", f"Press contact: press@{company.domain}"],
    })
    return Built(pdf(c.t({"es": "Nota de prensa", "en": "Press release"}), lines, c, "Communications"))


@template(CATEGORY, "other.release_notes_md", ("en", "de"), ".md", split="train", written="round 1")
def release_notes(c: Ctx) -> Built:
    version = f"{c.rng.randint(2, 9)}.{c.rng.randint(0, 20)}.{c.rng.randint(0, 9)}"
    if c.lang == "en":
        out = [f"# Release notes - version {version}", "", f"Released {c.datestr()}.", "", "## New",
               "- Dark mode for the dashboard", "- Export of charts as PNG", "", "## Fixed",
               "- The date picker no longer jumps to January", "- Faster start on large workspaces", "", "## Known issues",
               "- Printing from Safari cuts the last column"]
    else:
        out = [f"# Versionshinweise {version}", "", f"Veröffentlicht am {c.datestr()}.", "", "## Neu",
               "- Dunkles Design für das Dashboard", "- Diagramme als PNG exportieren", "", "## Behoben",
               "- Die Datumsauswahl springt nicht mehr auf Januar", "- Schnellerer Start bei großen Arbeitsbereichen", "",
               "## Bekannte Probleme", "- Beim Drucken aus Safari fehlt die letzte Spalte"]
    return Built(text(out))


@template(CATEGORY, "other.blind_canteen_menu_pdf", ("fr", "es"), ".pdf", split="train", written="round 2")
def blind_canteen_menu(c: Ctx) -> Built:
    days = c.t({"fr": ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"), "es": ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes")})
    dishes = c.t({"fr": ("Poulet rôti, haricots verts", "Lasagnes végétariennes", "Filet de colin, riz", "Bœuf bourguignon",
                         "Quiche lorraine, salade", "Couscous de légumes"),
                  "es": ("Pollo asado con patatas", "Lasaña de verduras", "Merluza a la plancha", "Lentejas estofadas",
                         "Tortilla de patatas con ensalada", "Paella de verduras")})
    lines = [f"{day} : {dish}" if c.lang == "fr" else f"{day}: {dish}" for day, dish in zip(days, c.shuffled(dishes), strict=False)]
    lines += ["", c.t({"fr": "Dessert du jour et café compris. Bon appétit !", "es": "Postre del día y café incluidos. ¡Buen provecho!"})]
    title = c.t({"fr": f"Menu de la semaine du {c.datestr()}", "es": f"Menú de la semana del {c.datestr()}"})
    return Built(pdf(title, lines, c, c.t({"fr": "Restaurant d'entreprise", "es": "Comedor"})))


@template(CATEGORY, "other.b3_canteen_notice", ("de", "fr"), ".txt", split="train", written="round 3")
def other_canteen_notice(c: Ctx) -> Built:
    monday = c.day - timedelta(days=c.day.weekday())
    if c.lang == "de":
        days = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
        dishes: tuple[str, ...] = ("Schweinegeschnetzeltes mit Spätzle", "Linsensuppe mit Würstchen", "Hähnchenbrust, Reis, Currysoße",
                  "Seelachsfilet mit Kartoffelsalat", "Rindergulasch mit Nudeln", "Putenschnitzel mit Pommes", "Leberkäse mit Spiegelei")
        veggie: tuple[str, ...] = ("Gemüselasagne", "Kässpätzle mit Röstzwiebeln", "Chili sin Carne", "Gemüsecurry mit Basmatireis",
                  "Pfannkuchen mit Apfelmus", "Ofenkartoffel mit Kräuterquark")
        out = [f"KANTINE – Speiseplan KW {monday.isocalendar()[1]}", f"({c.datestr(monday, long=False)} – "
               f"{c.datestr(monday + timedelta(days=4), long=False)})", ""]
        for name, meat, veg in zip(days, c.some(dishes, 5), c.some(veggie, 5), strict=True):
            out.append(f"{name:<11} Menü 1: {meat} ({c.number(c.pick((4.2, 4.8, 5.5)))} €)")
            out.append(f"{'':<11} Menü 2: {veg} ({c.number(c.pick((3.9, 4.5)))} €)")
        out += ["", "Menü 2 immer vegetarisch. Salatbar und Suppe täglich, Dessert 1,20 €."]
        out += c.some([f"Am {c.pick(days)} bleibt die Kantine wegen Betriebsversammlung ab 13:00 Uhr geschlossen.",
                       "Bitte Tabletts zurückbringen – der Wagen steht neben dem Ausgang.",
                       "Neu: Zahlung auch mit Handy / Karte möglich, Bargeld weiterhin ok.",
                       "Allergene hängen an der Ausgabe aus, bei Fragen bitte das Küchenteam ansprechen.",
                       "Die Kaffeemaschine im 2. OG ist repariert."], 1, 3)
        out += ["", "Guten Appetit! Ihr Küchenteam"]
    else:
        days = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi")
        dishes = ("Blanquette de veau, riz", "Poulet basquaise", "Dos de cabillaud, purée", "Hachis parmentier", "Bœuf bourguignon",
                  "Quiche lorraine, salade verte", "Couscous", "Filet de lieu, ratatouille")
        veggie = ("Lasagnes aux légumes", "Curry de légumes", "Omelette aux champignons", "Gratin de courgettes",
                  "Risotto aux champignons", "Galette complète végétarienne")
        out = [f"RESTAURANT D'ENTREPRISE – menus de la semaine du {c.datestr(monday, long=True)}", ""]
        for name, meat, veg in zip(days, c.some(dishes, 5), c.some(veggie, 5), strict=True):
            out.append(f"{name:<10} Plat du jour : {meat}")
            out.append(f"{'':<10} Végétarien : {veg}")
        out += ["", "Entrées et desserts au choix. Formule complète : " + c.number(c.pick((5.9, 6.4, 7.1))) + " €."]
        out += c.some(["Le restaurant fermera exceptionnellement à 13 h 30 jeudi (nettoyage des cuisines).",
                       "Merci de débarrasser vos plateaux et de trier vos déchets.",
                       "Le paiement par badge est de nouveau possible à la caisse 2.",
                       "La liste des allergènes est affichée à l'entrée du self.",
                       "Pensez à recharger vos badges avant vendredi."], 1, 3)
        out += ["", "Bon appétit ! L'équipe de restauration"]
    return Built(text(out))


@template(CATEGORY, "other.b3_quick_start", ("en", "es"), ".pdf", split="train", written="round 3")
def other_quick_start(c: Ctx) -> Built:
    model = c.pick(("MeetPoint 300", "RoomCast Pro", "Conference Bar C20", "ClearView Hub"))
    pin = c.rng.randrange(1000, 9999)
    if c.lang == "en":
        title = f"{model} – quick start"
        lines = ["Meeting room video bar", "", "What's in the box", "- Video bar with camera and speaker", "- Power supply and cable",
                 "- USB-C cable (3 m)", "- Remote control with 2 AAA batteries" if c.maybe() else "- Wall mount kit", "",
                 "Setting up",
                 "1. Mount the bar above or below the screen, centred. The camera needs a clear view of the table.",
                 "2. Connect the HDMI out to the display and power to the mains.",
                 "3. Connect the USB-C cable to the room PC or leave it on the table for laptops.",
                 "4. Wait for the LED to turn steady white (about 60 seconds).", "",
                 "Starting a meeting",
                 "- Plug the USB-C cable into your laptop. The bar appears as camera, microphone and speaker.",
                 "- In your meeting app, select the bar as audio and video device.",
                 "- Press the privacy button to cover the lens; the LED turns red.", "",
                 "Troubleshooting",
                 "- No picture: check the display input and that the LED is white, not blinking.",
                 "- Echo: make sure only one microphone in the room is active.",
                 f"- Factory reset: hold the power button for 15 s. Settings PIN after reset: {pin}.", "",
                 "Safety",
                 "Use only the supplied power supply. Do not cover the ventilation slots. Indoor use only, 0–35 °C.",
                 "", f"Firmware {c.rng.randint(1, 4)}.{c.rng.randint(0, 20)} · document rev. {c.pick('ABCD')}"]
    else:
        title = f"{model} – guía rápida"
        lines = ["Barra de videoconferencia para salas de reuniones", "", "Contenido de la caja", "- Barra con cámara y altavoz",
                 "- Fuente de alimentación y cable", "- Cable USB-C (3 m)", "- Mando a distancia con 2 pilas AAA" if c.maybe() else
                 "- Kit de montaje en pared", "",
                 "Instalación",
                 "1. Coloque la barra encima o debajo de la pantalla, centrada. La cámara debe ver toda la mesa.",
                 "2. Conecte la salida HDMI a la pantalla y la alimentación a la red.",
                 "3. Conecte el cable USB-C al PC de la sala o déjelo en la mesa para los portátiles.",
                 "4. Espere a que el LED quede en blanco fijo (unos 60 segundos).", "",
                 "Iniciar una reunión",
                 "- Conecte el cable USB-C a su portátil. La barra aparece como cámara, micrófono y altavoz.",
                 "- En la aplicación de reuniones, elija la barra como dispositivo de audio y vídeo.",
                 "- Pulse el botón de privacidad para tapar la cámara; el LED se pone en rojo.", "",
                 "Solución de problemas",
                 "- Sin imagen: compruebe la entrada de la pantalla y que el LED esté blanco, no parpadeando.",
                 "- Eco: asegúrese de que solo hay un micrófono activo en la sala.",
                 f"- Restablecer valores de fábrica: mantenga pulsado el botón 15 s. PIN de ajustes tras el reinicio: {pin}.", "",
                 "Seguridad",
                 "Utilice solo la fuente suministrada. No tape las rejillas de ventilación. Solo para interiores, 0–35 °C.",
                 "", f"Firmware {c.rng.randint(1, 4)}.{c.rng.randint(0, 20)} · revisión del documento {c.pick('ABCD')}"]
    return Built(pdf(title, lines, c, model))


def _easter(year: int) -> date:
    a, b, c_ = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c_ // 4, c_ % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    return date(year, month, ((h + lw - 7 * m + 114) % 31) + 1)


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@template(CATEGORY, "other.b4_holidays", ("de", "fr"), ".ics", split="train", written="round 4")
def other_holidays(c: Ctx) -> Built:
    company = c.company()
    year = c.day.year + 1
    easter = _easter(year)
    if c.lang == "de":
        days = [(date(year, 1, 1), "Neujahr"), (easter - timedelta(days=2), "Karfreitag"), (easter + timedelta(days=1), "Ostermontag"),
                (date(year, 5, 1), "Tag der Arbeit"), (easter + timedelta(days=39), "Christi Himmelfahrt"),
                (easter + timedelta(days=50), "Pfingstmontag"), (date(year, 10, 3), "Tag der Deutschen Einheit"),
                (date(year, 12, 25), "1. Weihnachtstag"), (date(year, 12, 26), "2. Weihnachtstag")]
        if c.maybe():
            days.append((easter + timedelta(days=60), "Fronleichnam"))
        extra = [(easter + timedelta(days=40), "Brückentag (Betrieb geschlossen)"),
                 (date(year, 12, 24), "Heiligabend – Betriebsruhe bis 1. Januar")]
        calname = f"Feiertage und Brückentage {year} – {company.name}"
        desc_h = "Gesetzlicher Feiertag. Büros und Lager geschlossen, Rufbereitschaft laut Aushang."
        desc_b = "Betriebsruhe. Bitte Urlaubstag im Zeiterfassungssystem eintragen oder Überstunden abbauen."
    else:
        days = [(date(year, 1, 1), "Jour de l'An"), (easter + timedelta(days=1), "Lundi de Pâques"), (date(year, 5, 1), "Fête du Travail"),
                (date(year, 5, 8), "Victoire 1945"), (easter + timedelta(days=39), "Ascension"),
                (easter + timedelta(days=50), "Lundi de Pentecôte (journée de solidarité)"), (date(year, 7, 14), "Fête nationale"),
                (date(year, 8, 15), "Assomption"), (date(year, 11, 1), "Toussaint"), (date(year, 11, 11), "Armistice 1918"),
                (date(year, 12, 25), "Noël")]
        extra = [(easter + timedelta(days=40), "Pont de l'Ascension (fermeture)"),
                 (date(year, 12, 24), "Fermeture annuelle jusqu'au 1er janvier")]
        calname = f"Jours fériés et ponts {year} – {company.name}"
        desc_h = "Jour férié. Bureaux et entrepôt fermés, astreinte selon le planning affiché."
        desc_b = "Fermeture de l'entreprise. Merci de poser un jour de congé ou de RTT dans l'outil de gestion des temps."
    stamp = at(c.day).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{company.name}//Personalwesen//DE" if c.lang == "de" else
             f"PRODID:-//{company.name}//Ressources humaines//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_ics_text(calname)}", "X-WR-TIMEZONE:Europe/Berlin" if c.lang == "de" else "X-WR-TIMEZONE:Europe/Paris"]
    chosen = days + c.some(extra, 1, 2)
    for n, (day, name) in enumerate(sorted(chosen)):
        desc = desc_b if (day, name) in extra else desc_h
        lines += ["BEGIN:VEVENT", f"UID:{year}-{n:02d}-{c.rng.randrange(10 ** 6, 10 ** 7)}@{company.domain}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{_ics_text(name)}", f"DESCRIPTION:{_ics_text(desc)}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return Built(("\r\n".join(lines) + "\r\n").encode("utf-8"))


@template(CATEGORY, "other.b4_evacuation", ("en", "es"), ".pdf", split="train", written="round 4")
def other_evacuation(c: Ctx) -> Built:
    company = c.company()
    warden, deputy = c.person(company), c.person(company)
    floors = c.rng.randint(2, 6)
    point = c.t({"en": c.pick(("the car park opposite the main entrance", "the lawn next to the visitor car park",
                               "the corner of the street at the bus stop")),
                 "es": c.pick(("el aparcamiento frente a la entrada principal", "la explanada junto al aparcamiento de visitas",
                               "la esquina de la calle, junto a la parada de autobús"))})
    if c.lang == "en":
        title = f"Fire evacuation procedure – {company.street}"
        lines = [
            f"{company.name} · Health & Safety · issued {c.datestr(long=True)} · review annually",
            "",
            "If you discover a fire",
            "1. Raise the alarm by breaking the nearest fire alarm call point.",
            "2. Call 999 (or 112) and give the address: " + f"{company.street}, {company.city}.",
            "3. Only tackle the fire if it is small and you have been trained to use the extinguisher.",
            "",
            "When you hear the alarm (continuous bell)",
            "- Stop work immediately, switch off machines if it is safe to do so.",
            "- Leave by the nearest safe exit; do not use the lifts.",
            "- Do not stop to collect personal belongings.",
            f"- Go to the assembly point: {point}.",
            "- Report to your floor warden and do not re-enter the building until told it is safe.",
            "",
            "Fire wardens",
            f"Chief fire warden: {warden.name}, ext. {warden.phone[-4:]}",
            f"Deputy: {deputy.name}, ext. {deputy.phone[-4:]}",
            f"Each of the {floors} floors has a named warden in a yellow vest; the list is displayed next to the lifts.",
            "",
            "Visitors and contractors",
            "Hosts are responsible for escorting their visitors to the assembly point. Reception brings the visitor book.",
            "",
            "People who need assistance",
            "Colleagues with reduced mobility have a personal emergency evacuation plan (PEEP). Refuge areas are marked on "
            "each staircase landing.",
            "",
            f"Fire drills take place twice a year. The next drill is planned for {c.datestr(c.later(c.rng.randint(20, 120)), long=True)}.",
        ]
    else:
        title = f"Plan de evacuación en caso de incendio – {company.street}"
        lines = [
            f"{company.name} · Prevención de Riesgos Laborales · edición {c.datestr(long=True)} · revisión anual",
            "",
            "Si descubre un incendio",
            "1. Dé la alarma pulsando el pulsador de alarma más cercano.",
            f"2. Llame al 112 e indique la dirección: {company.street}, {company.city}.",
            "3. Intente apagarlo solo si es pequeño y ha recibido formación en el uso de extintores.",
            "",
            "Al oír la alarma (señal acústica continua)",
            "- Interrumpa su trabajo y apague las máquinas si puede hacerlo sin riesgo.",
            "- Salga por la salida de emergencia más próxima; no utilice los ascensores.",
            "- No se detenga a recoger objetos personales.",
            f"- Diríjase al punto de encuentro: {point}.",
            "- Preséntese a su jefe de planta y no vuelva a entrar hasta que se autorice.",
            "",
            "Equipo de emergencia",
            f"Jefe de emergencia: {warden.name}, ext. {warden.phone[-4:]}",
            f"Suplente: {deputy.name}, ext. {deputy.phone[-4:]}",
            f"Cada una de las {floors} plantas cuenta con un responsable con chaleco amarillo; la lista está junto a los ascensores.",
            "",
            "Visitas y contratas",
            "Cada anfitrión acompaña a sus visitas hasta el punto de encuentro. Recepción lleva el registro de visitas.",
            "",
            "Personas que necesitan ayuda",
            "Las personas con movilidad reducida disponen de un plan de evacuación individual. Las zonas de refugio están "
            "señalizadas en cada rellano.",
            "",
            f"Se realizan dos simulacros al año. El próximo está previsto para el {c.datestr(c.later(c.rng.randint(20, 120)), long=True)}.",
        ]
    return Built(pdf(title, lines, c, warden.name))


@template(CATEGORY, "other.b5_datasheet", ("en", "fr"), ".pdf", split="train", written="round 5")
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


@template(CATEGORY, "other.b5_office_move", ("de", "es"), ".pptx", split="train", written="round 5")
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


@template(CATEGORY, "other.b6_it_usage_policy", ("fr", "es"), ".docx", split="blind", written="round 6")
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


@template(CATEGORY, "other.b6_visitor_safety", ("en", "de"), ".html", split="blind", written="round 6")
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
        body = [f"<h1>{escape_html(title)}</h1>",
                f"<p>Welcome to {escape_html(co.name)}, {escape_html(town_of(co))}. For your own safety please read these "
                "rules before entering the site.</p>", "<ol>", *[f"<li>{escape_html(r)}</li>" for r in c.some(rules, 5, 7)], "</ol>",
                "<h2>In an emergency</h2>", f"<p>{escape_html(alarm)}</p>", "<p>First aid: dial 222 from any internal phone.</p>",
                f"<p><small>Issued by Health &amp; Safety, {escape_html(short_date(c))}</small></p>"]
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
        body = [f"<h1>{escape_html(title)}</h1>",
                f"<p>Willkommen bei {escape_html(co.name)}, {escape_html(town_of(co))}. Bitte lesen Sie diese Regeln, "
                "bevor Sie das Gelände betreten.</p>", "<ol>", *[f"<li>{escape_html(r)}</li>" for r in c.some(rules, 5, 7)], "</ol>",
                "<h2>Im Notfall</h2>", f"<p>{escape_html(alarm)}</p>", "<p>Erste Hilfe: intern 222 wählen.</p>",
                f"<p><small>Herausgegeben von der Fachkraft für Arbeitssicherheit, {escape_html(short_date(c))}</small></p>"]
    return Built(html_page(c.lang, title, body, COMPACT_CSS))


TEMPLATES: tuple[Template, ...] = (
    application_log,
    user_manual,
    newsletter,
    itinerary,
    readme,
    press_release,
    release_notes,
    blind_canteen_menu,
    other_canteen_notice,
    other_quick_start,
    other_holidays,
    other_evacuation,
    other_datasheet,
    other_office_move,
    other_it_policy,
    other_visitor_safety,
)
