"""Templates of `correspondence`: email messages and letters."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from email.utils import format_datetime

from category_corpus.common import (
    HEX,
    Built,
    Ctx,
    Person,
    Template,
    civility,
    initials,
    is_female,
    letter_salutation,
    long_date,
    short_date,
    template,
    token,
    town_of,
    varied_salutation,
)
from category_corpus.writers import docx, eml, pdf
from sample_data.generate import at

CATEGORY = "correspondence"


@template(CATEGORY, "corr.email_eml", ("en", "de"), ".eml", split="train", written="round 0")
def business_email(c: Ctx) -> Built:
    sender, recipient = c.person(c.vendor()), c.person()
    subject, body = c.t({
        "en": c.pick((
            ("Meeting next week", f"Hi {recipient.first},\n\nwould Tuesday at 10:00 work for a short call about the rollout? "
             "I can also do Thursday afternoon.\n\nBest regards\n{name}\n{role}\n{phone}"),
            ("Thank you for your visit", f"Dear {recipient.first},\n\nthank you for taking the time to visit us yesterday. "
             "As promised I will send the slides by Friday. Let me know if your colleagues have questions.\n\n"
             "Kind regards,\n{name}\n{phone}"),
            ("Following up", f"Hello {recipient.first},\n\nI hope you had a good week. Just following up on our conversation "
             "about the training dates - do you already know who will attend?\n\nCheers\n{name}"))),
        "de": c.pick((
            ("Termin nächste Woche", f"Hallo {recipient.first},\n\npasst dir Dienstag um 10 Uhr für ein kurzes Telefonat zum "
             "Rollout? Donnerstagnachmittag ginge auch.\n\nViele Grüße\n{name}\n{role}\n{phone}"),
            ("Vielen Dank für Ihren Besuch", "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihren Besuch gestern. Wie "
             "besprochen sende ich Ihnen die Unterlagen bis Freitag.\n\nMit freundlichen Grüßen\n{name}\n{phone}"),
            ("Kurze Rückfrage", f"Hallo {recipient.first},\n\nich hoffe, es geht dir gut. Weißt du schon, wer an der Schulung "
             "teilnimmt?\n\nBeste Grüße\n{name}"))),
    })
    body = body.format(name=sender.name, role=sender.role, phone=sender.phone)
    return Built(eml(c, sender, [recipient], subject, body))


@template(CATEGORY, "corr.letter_docx", ("fr", "es"), ".docx", split="train", written="round 0")
def formal_letter(c: Ctx) -> Built:
    sender, recipient = c.person(), c.person()
    subject, body = c.t({
        "fr": c.pick((("Changement d'interlocuteur", "Nous vous informons qu'à compter du 1er du mois prochain, votre "
                       "interlocuteur sera {new}. Il reste à votre disposition pour toute question."),
                      ("Déménagement de nos bureaux", "Nous avons le plaisir de vous informer que nos bureaux déménagent. "
                       "Notre nouvelle adresse figure en en-tête de ce courrier."),
                      ("Demande de documents", "Afin de finaliser votre dossier, nous vous remercions de nous faire parvenir "
                       "l'attestation d'assurance en cours de validité."))),
        "es": c.pick((("Cambio de interlocutor", "Le informamos de que a partir del próximo mes su interlocutor será {new}, "
                       "que queda a su disposición para cualquier consulta."),
                      ("Traslado de nuestras oficinas", "Nos complace comunicarle que nuestras oficinas se trasladan. "
                       "La nueva dirección figura en el membrete de esta carta."),
                      ("Solicitud de documentación", "Para completar su expediente, le rogamos nos remita el certificado "
                       "de seguro vigente."))),
    })
    body = body.format(new=c.person(sender.company).name)
    blocks: list[str | list[list[str]]] = c.t({
        "fr": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}",
               f"{recipient.company.name}, à l'attention de {recipient.name}, {recipient.company.city}",
               f"{sender.company.city.split()[-1]}, le {c.datestr(long=True)}", f"Objet : {subject}", "Madame, Monsieur,", body,
               "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", sender.name,
               sender.role],
        "es": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}",
               f"{recipient.company.name}, a la atención de {recipient.name}, {recipient.company.city}",
               f"{sender.company.city.split()[-1]}, {c.datestr(long=True)}", f"Asunto: {subject}", "Estimado/a señor/a:", body,
               "Sin otro particular, reciba un cordial saludo.", "Atentamente,", sender.name, sender.role],
    })
    return Built(docx(subject, blocks, c, sender.name))


@template(CATEGORY, "corr.order_email_eml", ("en", "fr"), ".eml", also=("product_order",), split="held_out", written="round 0")
def order_email(c: Ctx) -> Built:
    buyer, seller = c.person(), c.person(c.vendor())
    number, items = c.code("PO", 6), c.items(1, 3)
    item_lines = "\n".join(f"- {i.quantity} x {i.description} ({i.sku}) at {c.money(i.unit_price)}" for i in items)
    subject, body = c.t({
        "en": (f"Purchase order {number}",
               f"Hello {seller.first},\n\nplease find below our purchase order {number}:\n\n{item_lines}\n\n"
               f"Delivery address: {buyer.company.street}, {buyer.company.city}. Please confirm the delivery date.\n\n"
               f"Best regards\n{buyer.name}\n{buyer.role}, {buyer.company.name}\n{buyer.phone}"),
        "fr": (f"Commande {number}",
               f"Bonjour {seller.first},\n\nveuillez trouver ci-dessous notre commande n° {number} :\n\n"
               + item_lines.replace(" at ", " à ") + "\n\n"
               f"Adresse de livraison : {buyer.company.street}, {buyer.company.city}. Merci de nous confirmer la date de "
               f"livraison.\n\nCordialement,\n{buyer.name}\n{buyer.role}, {buyer.company.name}\n{buyer.phone}"),
    })
    return Built(eml(c, buyer, [seller], subject, body))


@template(CATEGORY, "corr.quote_email_eml", ("de", "es"), ".eml", also=("offer",), split="train", written="round 0")
def quote_email(c: Ctx) -> Built:
    rep, customer = c.person(c.vendor()), c.person()
    number, total = c.code(c.t({"de": "ANG", "es": "OF"}), 4), c.rng.randrange(5, 90) * 1000
    subject, body = c.t({
        "de": (f"Ihr Angebot {number}",
               f"Sehr geehrte{'r Herr' if c.maybe() else ' Frau'} {customer.last},\n\nwie besprochen erhalten Sie anbei unser "
               f"Angebot {number} über {c.money(total)} netto. Das Angebot ist gültig bis {c.datestr(c.later(30))}.\n\n"
               f"Für Rückfragen stehe ich gerne zur Verfügung.\n\nMit freundlichen Grüßen\n{rep.name}\n{rep.phone}"),
        "es": (f"Oferta {number}",
               f"Estimado/a {customer.first}:\n\ncomo acordamos, le adjunto nuestra oferta {number} por un importe de "
               f"{c.money(total)} sin IVA, válida hasta el {c.datestr(c.later(30))}.\n\nQuedo a su disposición para cualquier "
               f"duda.\n\nUn saludo,\n{rep.name}\n{rep.phone}"),
    })
    return Built(eml(c, rep, [customer], subject, body))


@template(CATEGORY, "corr.invoice_email_eml", ("en", "es"), ".eml", also=("invoice",), split="train", written="round 0")
def invoice_email(c: Ctx) -> Built:
    clerk, customer = c.person(c.vendor()), c.person()
    number, amount = c.code(c.t({"en": "INV", "es": "F"})), c.rng.uniform(500, 20000)
    subject, body = c.t({
        "en": c.pick(((f"Invoice {number}",
                       f"Dear {customer.first},\n\nplease find attached invoice {number} for {c.money(amount)}, due on "
                       f"{c.datestr(c.later(30))}.\n\nKind regards\n{clerk.name}\nAccounts receivable"),
                      (f"Payment reminder: invoice {number}",
                       f"Dear {customer.first},\n\nour records show that invoice {number} for {c.money(amount)} is overdue. "
                       f"We would be grateful if you could settle the amount within seven days.\n\nBest regards\n{clerk.name}"))),
        "es": c.pick(((f"Factura {number}",
                       f"Estimado/a {customer.first}:\n\nle adjuntamos la factura {number} por {c.money(amount)}, con "
                       f"vencimiento el {c.datestr(c.later(30))}.\n\nAtentamente,\n{clerk.name}\nDepartamento de facturación"),
                      (f"Recordatorio de pago: factura {number}",
                       f"Estimado/a {customer.first}:\n\nla factura {number} por {c.money(amount)} está vencida. Le rogamos "
                       f"que realice el pago en los próximos siete días.\n\nUn saludo,\n{clerk.name}"))),
    })
    attachment = [(f"{number}.pdf", pdf(subject, [subject, c.money(amount)], c, clerk.name), "application/pdf")] if c.maybe() else []
    return Built(eml(c, clerk, [customer], subject, body, attachments=attachment))


@template(CATEGORY, "corr.letter_pdf", ("de", "en"), ".pdf", split="held_out", written="round 0")
def letter_pdf(c: Ctx) -> Built:
    sender, recipient = c.person(), c.person()
    subject, body = c.t({
        "de": c.pick((("Beschwerde über die Lieferung", "leider mussten wir feststellen, dass die letzte Lieferung unvollständig "
                       "war. Wir bitten Sie, die fehlenden Teile umgehend nachzuliefern."),
                      ("Änderung unserer Anschrift", "hiermit teilen wir Ihnen mit, dass sich unsere Anschrift zum Monatsende "
                       "ändert. Bitte passen Sie Ihre Unterlagen entsprechend an."),
                      ("Einladung zum Kundentag", "wir freuen uns, Sie zu unserem Kundentag im Herbst einzuladen. Das Programm "
                       "senden wir Ihnen in Kürze."))),
        "en": c.pick((("Complaint about the last delivery", "we regret to inform you that the last delivery was incomplete. "
                       "Please ship the missing parts as soon as possible."),
                      ("Change of address", "we would like to inform you that our address changes at the end of the month. "
                       "Please update your records."),
                      ("Invitation to our customer day", "we are delighted to invite you to our customer day this autumn. "
                       "The programme will follow shortly."))),
    })
    lines = c.t({
        "de": [f"{sender.company.name} · {sender.company.street} · {sender.company.city}", "",
               recipient.company.name, recipient.name, recipient.company.street, recipient.company.city, "",
               f"{sender.company.city.split()[-1]}, {c.datestr(long=False)}", "", f"Betreff: {subject}", "",
               "Sehr geehrte Damen und Herren,", "", body, "", "Mit freundlichen Grüßen", "", sender.name, sender.role],
        "en": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}", "",
               recipient.name, recipient.company.name, recipient.company.street, recipient.company.city, "",
               c.datestr(long=True), "", f"Dear {recipient.first} {recipient.last},", "", body, "", "Yours sincerely,", "",
               sender.name, sender.role],
    })
    return Built(pdf(subject, lines, c, sender.name))


@template(CATEGORY, "corr.reply_thread_eml", ("es", "fr"), ".eml", split="train", written="round 1")
def reply_thread(c: Ctx) -> Built:
    sender, recipient = c.person(c.vendor()), c.person()
    day = c.datestr(c.later(-2), long=True)
    if c.lang == "es":
        subject = c.pick(("RE: Taller de formación", "RE: Visita a la planta", "RE: Cambio de fecha"))
        body = (f"Hola {recipient.first}:\n\nGracias por la respuesta. Nos viene bien el jueves por la mañana; "
                "llevaremos a dos compañeros del equipo técnico.\n\nUn saludo,\n"
                f"{sender.name}\n{sender.phone}\n\n"
                f"El {day}, {recipient.name} <{recipient.email}> escribió:\n"
                "> ¿Os vendría bien el jueves o el viernes? El miércoles tenemos auditoría.\n> Saludos\n")
    else:
        subject = c.pick(("RE: Atelier de formation", "RE: Visite du site", "RE: Changement de date"))
        body = (f"Bonjour {recipient.first},\n\nMerci pour votre retour. Jeudi matin nous convient ; nous viendrons avec deux "
                "collègues de l'équipe technique.\n\nBien à vous,\n"
                f"{sender.name}\n{sender.phone}\n\n"
                f"Le {day}, {recipient.name} <{recipient.email}> a écrit :\n"
                "> Jeudi ou vendredi vous irait-il ? Mercredi nous avons un audit.\n> Cordialement\n")
    return Built(eml(c, sender, [recipient], subject, body))


@template(CATEGORY, "corr.blind_complaint_eml", ("en", "de"), ".eml", split="train", written="round 2")
def blind_complaint(c: Ctx) -> Built:
    customer, provider = c.person(), c.person(c.vendor())
    outages = c.rng.randint(2, 5)
    if c.lang == "en":
        subject = "Repeated outages this month"
        body = (f"Dear {provider.first} {provider.last},\n\nthis is the {outages}th time this month that the portal has been "
                "unavailable during our business hours, and each time we learned it from our own staff rather than from "
                "you.\n\nI would like to understand what you are doing about it, and I expect a written answer by the end "
                f"of the week.\n\nSincerely,\n{customer.name}\n{customer.role}, {customer.company.name}\n")
    else:
        subject = "Wiederholte Ausfälle in diesem Monat"
        body = (f"Sehr geehrter Herr {provider.last},\n\nin diesem Monat war das Portal bereits {outages}-mal während unserer "
                "Geschäftszeiten nicht erreichbar, und jedes Mal haben wir es von unseren eigenen Leuten erfahren, nicht "
                "von Ihnen.\n\nBitte teilen Sie mir bis Ende der Woche schriftlich mit, was Sie dagegen unternehmen.\n\n"
                f"Mit freundlichen Grüßen\n{customer.name}\n{customer.role}, {customer.company.name}\n")
    return Built(eml(c, customer, [provider], subject, body))


@template(CATEGORY, "mail.b3_delivery_delay", ("en", "de"), ".eml", also=("product_order",), split="train", written="round 3")
def mail_delivery_delay(c: Ctx) -> Built:
    supplier, customer = c.vendor(), c.company()
    sender, buyer = c.person(supplier), c.person(customer)
    cc = [c.person(supplier)] if c.maybe() else []
    order = c.code("PO", 5)
    items = c.items(1, 3)
    weeks = c.rng.randint(1, 5)
    late = c.pick(items)
    if c.lang == "en":
        subject = c.pick((f"Your order {order} – revised delivery date", f"RE: {order} delivery", f"Delay on order {order}"))
        body = "\n".join([
            f"Hi {buyer.first},", "",
            c.pick((f"I'm afraid I have to let you know that part of your order {order} will be late.",
                    f"Following up on your call this morning about {order}.")),
            "",
            f"The {late.description} ({late.quantity} pcs) is on backorder with our supplier – they now confirm shipment in "
            f"week {(c.later(weeks * 7)).isocalendar()[1]}, so around {weeks} week{'s' if weeks > 1 else ''} later than planned.",
            "Everything else is in stock and can go out " + c.pick(("tomorrow.", "this Friday.", "as soon as you give the go-ahead.")),
            "",
            "Would you prefer a partial delivery now, or should we hold everything and ship in one go? Either way there is no "
            "extra freight charge for you.",
            *(["", "If the date doesn't work for you, we could offer the next model up at the same price."] if c.maybe() else []),
            "", "Sorry for the trouble, and thanks for your patience.", "", "Best regards,", sender.name, sender.role,
            f"{supplier.name} | {sender.phone}",
        ])
    else:
        subject = c.pick((f"Ihre Bestellung {order} – neuer Liefertermin", f"AW: Lieferung {order}", f"Verzögerung Bestellung {order}"))
        body = "\n".join([
            f"Guten Tag {buyer.name},", "",
            c.pick((f"leider muss ich Ihnen mitteilen, dass sich ein Teil Ihrer Bestellung {order} verzögert.",
                    f"wie heute Morgen am Telefon besprochen, hier der Stand zu {order}.")),
            "",
            f"Die Position {late.description} ({late.quantity} Stück) ist beim Hersteller im Rückstand. Zugesagt ist jetzt "
            f"der Versand in KW {(c.later(weeks * 7)).isocalendar()[1]}, also etwa {weeks} Woche{'n' if weeks > 1 else ''} "
            "später als geplant.",
            "Alles andere ist am Lager und kann " + c.pick(("morgen raus.", "am Freitag raus.", "sofort nach Ihrer Rückmeldung raus.")),
            "",
            "Möchten Sie eine Teillieferung, oder sollen wir alles zusammen schicken? Zusätzliche Frachtkosten entstehen Ihnen "
            "in keinem Fall.",
            *(["", "Falls der Termin nicht passt, könnten wir ersatzweise das Nachfolgemodell zum gleichen Preis liefern."]
              if c.maybe() else []),
            "", "Entschuldigen Sie die Unannehmlichkeiten.", "", "Viele Grüße", sender.name, sender.role,
            f"{supplier.name} | Tel. {sender.phone}",
        ])
    return Built(eml(c, sender, [buyer], subject, body, cc=cc))


@template(CATEGORY, "mail.b3_letter", ("fr", "es"), ".pdf", split="train", written="round 3")
def mail_letter(c: Ctx) -> Built:
    sender_co, recipient_co = c.company(), c.company()
    sender, recipient = c.person(sender_co), c.person(recipient_co)
    ref = c.rng.randrange(1000, 9999)
    if c.lang == "fr":
        topic = c.rng.randrange(3)
        subject = ("Changement de coordonnées", f"Votre courrier du {short_date(c, -c.rng.randint(5, 25))}", "Fermeture estivale")[topic]
        body = (
            [f"Nous vous informons qu'à compter du {c.datestr(c.later(30), long=True)}, notre société s'installera au "
             f"{c.pick(('14 avenue Jean Jaurès', '2 rue des Tanneurs', '61 boulevard de la Liberté'))}.",
             "Nos numéros de téléphone restent inchangés. Merci de bien vouloir mettre à jour vos fichiers et d'adresser "
             "dorénavant vos courriers à cette adresse."],
            ["Nous avons bien reçu votre courrier et vous remercions d'avoir pris le temps de nous faire part de votre mécontentement.",
             f"Après vérification, nous confirmons que la livraison (dossier {ref}) a été effectuée en retard. Nous le regrettons "
             "sincèrement et avons pris des mesures avec notre transporteur.",
             c.pick(("À titre de geste commercial, nous vous accordons une remise sur votre prochaine commande.",
                     "Notre service client reprendra contact avec vous cette semaine."))],
            [f"Nos bureaux seront fermés du {c.datestr(c.later(20), long=True)} au {c.datestr(c.later(34), long=True)} inclus.",
             "Les commandes passées pendant cette période seront traitées dès notre retour. Une permanence téléphonique est "
             "assurée pour les urgences."],
        )[topic]
        lines = [sender_co.name, sender_co.street, sender_co.city, "", f"{recipient_co.name}", f"À l'attention de {recipient.name}",
                 recipient_co.street, recipient_co.city, "", f"{sender_co.city.split(' ', 1)[1]}, le {c.datestr(long=True)}", "",
                 f"Objet : {subject}", f"N/Réf. : {initials(sender)}/{ref}", "",
                 "Madame, Monsieur,", "", *body, "",
                 "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
                 "", sender.name, sender.role]
    else:
        topic = c.rng.randrange(3)
        subject = ("Cambio de domicilio social", f"Su escrito de {short_date(c, -c.rng.randint(5, 25))}", "Cierre por vacaciones")[topic]
        body = (
            [f"Por la presente les comunicamos que, a partir del {c.datestr(c.later(30), long=True)}, nuestras oficinas se trasladan a "
             f"{c.pick(('Calle Mayor 14', 'Avenida de América 32', 'Calle San Vicente 9'))}.",
             "Los teléfonos no cambian. Les rogamos actualicen sus datos y nos envíen la correspondencia a la nueva dirección."],
            ["Hemos recibido su escrito y le agradecemos que nos haya trasladado su queja.",
             f"Tras revisarlo, confirmamos que la entrega (expediente {ref}) se realizó con retraso. Lo lamentamos sinceramente y ya "
             "hemos hablado con la agencia de transporte.",
             c.pick(("Como compensación, le aplicaremos un descuento en su próximo pedido.",
                     "Nuestro departamento de atención al cliente se pondrá en contacto con usted esta semana."))],
            [f"Les informamos de que permaneceremos cerrados del {c.datestr(c.later(20), long=True)} al "
             f"{c.datestr(c.later(34), long=True)}, ambos inclusive.",
             "Los pedidos recibidos en esas fechas se tramitarán a nuestra vuelta. Para urgencias habrá un teléfono de guardia."],
        )[topic]
        lines = [sender_co.name, sender_co.street, sender_co.city, "", recipient_co.name, f"A la atención de {recipient.name}",
                 recipient_co.street, recipient_co.city, "", f"{sender_co.city.split(' ', 1)[1]}, {c.datestr(long=True)}", "",
                 f"Asunto: {subject}", f"N/Ref.: {initials(sender)}/{ref}", "", "Estimados señores:", "", *body, "",
                 "Sin otro particular, reciban un cordial saludo.", "", sender.name, sender.role]
    return Built(pdf(subject, lines, c, sender.name))


@template(CATEGORY, "corr.b4_visit_mail", ("de", "es"), ".eml", split="train", written="round 4")
def corr_visit_mail(c: Ctx) -> Built:
    host_co, guest_co = c.company(), c.vendor()
    host, guest = c.person(host_co), c.person(guest_co)
    extra = c.person(host_co)
    visit = c.later(c.rng.randint(7, 25))
    hour = c.pick((9, 10, 13, 14))
    if c.lang == "de":
        subject = f"Ihr Besuch bei {host_co.name} am {c.datestr(visit, long=False)}"
        body = "\n".join([
            f"Guten Tag {guest.name},",
            "",
            f"vielen Dank für Ihre Rückmeldung. Gerne bestätige ich Ihnen unseren Termin am {c.datestr(visit, long=True)} um "
            f"{hour}:00 Uhr bei uns in {town_of(host_co)}.",
            "",
            "Zum Ablauf:",
            f"- {hour}:00 Uhr Begrüßung und kurze Vorstellungsrunde",
            f"- {hour}:30 Uhr Rundgang durch die Fertigung mit {extra.name}",
            "- 12:00 Uhr gemeinsames Mittagessen in unserer Kantine" if hour < 12 else
            f"- {hour + 2}:00 Uhr Abschlussgespräch im Besprechungsraum „Rhein“",
            "",
            f"Bitte melden Sie sich am Empfang ({host_co.street}). Besucherparkplätze finden Sie direkt vor dem Haupteingang. "
            "Für den Rundgang benötigen Sie festes Schuhwerk; Sicherheitsbrillen stellen wir.",
            "",
            "Falls Sie mit weiteren Kollegen anreisen, teilen Sie mir bitte bis zwei Tage vorher die Namen mit, damit wir die "
            "Besucherausweise vorbereiten können.",
            "",
            "Ich freue mich auf Ihren Besuch.",
            "",
            "Mit freundlichen Grüßen",
            host.name,
            host.role,
            host_co.name,
            f"Tel. {host.phone}",
            "",
            f"-----Ursprüngliche Nachricht-----\nVon: {guest.name} <{guest.email}>\nGesendet: {c.datestr(long=False)}\n"
            f"Betreff: Terminvorschlag Besuch\n\nHallo {host.first},\nwie am Telefon besprochen würden wir gern vorbeikommen. "
            f"Passt Ihnen der {c.datestr(visit, long=False)}?\nViele Grüße\n{guest.name}",
        ])
    else:
        subject = f"Confirmación de su visita a {host_co.name} el {c.datestr(visit, long=False)}"
        body = "\n".join([
            f"Estimado/a {guest.name}:",
            "",
            f"Gracias por su respuesta. Le confirmo nuestra reunión el {c.datestr(visit, long=True)} a las {hour}:00 h en nuestras "
            f"oficinas de {town_of(host_co)}.",
            "",
            "Programa previsto:",
            f"- {hour}:00 h Bienvenida y presentación de los asistentes",
            f"- {hour}:30 h Visita a la planta con {extra.name}",
            "- 14:00 h Comida en el restaurante de al lado" if hour < 12 else
            f"- {hour + 2}:00 h Reunión de cierre en la sala «Guadalquivir»",
            "",
            f"Al llegar, diríjase a la recepción de {host_co.street}. Hay plazas de aparcamiento para visitas junto a la entrada "
            "principal. Para la visita a planta es necesario calzado cerrado; las gafas de seguridad se las facilitamos nosotros.",
            "",
            "Si le acompañan otras personas, le agradecería que me indicara sus nombres con dos días de antelación para preparar "
            "las acreditaciones.",
            "",
            "Quedo a su disposición para cualquier consulta.",
            "",
            "Un cordial saludo,",
            host.name,
            host.role,
            host_co.name,
            f"Tel. {host.phone}",
            "",
            f"-----Mensaje original-----\nDe: {guest.name} <{guest.email}>\nEnviado: {c.datestr(long=False)}\n"
            f"Asunto: Propuesta de visita\n\nHola, {host.first}:\ncomo comentamos por teléfono, nos gustaría visitaros. "
            f"¿Os viene bien el {c.datestr(visit, long=False)}?\nSaludos,\n{guest.name}",
        ])
    cc = [extra] if c.maybe() else []
    return Built(eml(c, host, [guest], subject, body, cc=cc))


def _mbox_message(c: Ctx, sender: Person, to: Person, subject: str, body: str, day: date) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender.name} <{sender.email}>"
    message["To"] = f"{to.name} <{to.email}>"
    message["Subject"] = subject
    when = at(day, 8 + c.rng.randrange(10))
    message["Date"] = format_datetime(when)
    message["Message-ID"] = f"<{c.rng.randrange(10 ** 9, 10 ** 10)}@{sender.company.domain}>"
    message.set_content(body)
    raw = message.as_bytes().replace(b"\r\n", b"\n")
    escaped = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n"))
    envelope = f"From {sender.email} {when.strftime('%a %b %d %H:%M:%S %Y')}\n".encode()
    return envelope + escaped.rstrip(b"\n") + b"\n\n"


@template(CATEGORY, "corr.b4_mbox", ("en", "fr"), ".mbox", split="train", written="round 4")
def corr_mbox(c: Ctx) -> Built:
    me_co = c.company()
    me = c.person(me_co)
    messages: list[bytes] = []
    options = ["thanks", "invite", "contact_change", "greetings", "condolence"]
    for n, kind in enumerate(c.some(options, 3, 4)):
        other = c.person(c.company()) if c.maybe() else c.person(c.vendor())
        day = c.later(-7 * (4 - n))
        incoming = c.maybe()
        sender, to = (other, me) if incoming else (me, other)
        if c.lang == "en":
            subject, body = {
                "thanks": ("Thank you for your visit",
                           f"Dear {to.first},\n\nThank you for taking the time to visit us in {town_of(sender.company)} last week. "
                           "It was a "
                           "pleasure to show you around and to hear about your plans for the coming year.\n\nWe will send the "
                           "documents we promised by the end of the month.\n\nBest regards,\n" + sender.name),
                "invite": (f"Invitation: customer day on {long_date(c, 30)}",
                           f"Dear {to.first},\n\nWe would be delighted to welcome you to our annual customer day on {long_date(c, 30)} "
                           f"at our offices in {town_of(sender.company)}. The programme includes talks from customers, a product "
                           "showcase and dinner.\n\nPlease let me know by the end of next week whether you can join us.\n\n"
                           f"Kind regards,\n{sender.name}\n{sender.role}"),
                "contact_change": ("Change of contact person",
                                   f"Dear {to.first},\n\nI am writing to let you know that I am moving to a new role within "
                                   f"{sender.company.name} at the end of the month. From then on, my colleague will be your "
                                   "contact; I will introduce you in person before I hand over.\n\nThank you for the excellent "
                                   f"cooperation over the past years.\n\nYours sincerely,\n{sender.name}"),
                "greetings": ("Season's greetings",
                              f"Dear {to.first},\n\nAs the year draws to a close, I would like to thank you for your trust and "
                              "the good cooperation. Our offices will be closed between Christmas and New Year.\n\nWishing you "
                              f"and your family a peaceful holiday season.\n\nWarm regards,\n{sender.name}"),
                "condolence": ("Our condolences",
                               f"Dear {to.first},\n\nWe were very sorry to hear of the passing of your former colleague. Please "
                               "pass on our heartfelt condolences to the team and to the family.\n\nWith sympathy,\n"
                               f"{sender.name}"),
            }[kind]
        else:
            subject, body = {
                "thanks": ("Merci pour votre visite",
                           f"Bonjour {to.first},\n\nMerci d'avoir pris le temps de nous rendre visite à {town_of(sender.company)} la "
                           "semaine dernière. Ce fut un plaisir de vous faire découvrir nos locaux et d'échanger sur vos projets "
                           "pour l'année à venir.\n\nNous vous enverrons les documents promis d'ici la fin du mois.\n\n"
                           f"Bien cordialement,\n{sender.name}"),
                "invite": (f"Invitation : journée clients du {long_date(c, 30)}",
                           f"Madame, Monsieur,\n\nNous avons le plaisir de vous convier à notre journée clients annuelle le "
                           f"{long_date(c, 30)} dans nos locaux de {town_of(sender.company)}. Au programme : témoignages clients, "
                           "démonstrations et dîner.\n\nMerci de me confirmer votre présence avant la fin de la semaine "
                           f"prochaine.\n\nBien à vous,\n{sender.name}\n{sender.role}"),
                "contact_change": ("Changement d'interlocuteur",
                                   f"Bonjour {to.first},\n\nJe vous informe qu'à la fin du mois je rejoins un nouveau poste "
                                   f"au sein de notre groupe. Un collègue prendra le relais ; je vous le présenterai "
                                   "avant mon départ.\n\nJe vous remercie pour l'excellente collaboration de ces dernières "
                                   f"années.\n\nCordialement,\n{sender.name}"),
                "greetings": ("Meilleurs vœux",
                              f"Bonjour {to.first},\n\nÀ l'approche de la fin d'année, je tenais à vous remercier pour votre "
                              "confiance et notre collaboration. Nos bureaux seront fermés entre Noël et le jour de l'An.\n\n"
                              f"Je vous souhaite d'excellentes fêtes.\n\nBien cordialement,\n{sender.name}"),
                "condolence": ("Nos sincères condoléances",
                               f"Bonjour {to.first},\n\nC'est avec tristesse que nous avons appris le décès de votre ancien "
                               "collègue. Nous vous prions de transmettre nos sincères condoléances à l'équipe et à sa "
                               f"famille.\n\nAvec toute notre sympathie,\n{sender.name}"),
            }[kind]
        messages.append(_mbox_message(c, sender, to, subject, body, day))
    return Built(b"".join(messages))


@template(CATEGORY, "mail.b5_fax_cover", ("de", "fr"), ".pdf", split="train", written="round 5")
def mail_fax_cover(c: Ctx) -> Built:
    sender_co, rec_co = c.company(), c.company()
    while rec_co == sender_co:
        rec_co = c.company()
    sender, recipient = c.person(sender_co), c.person(rec_co)
    fax = c.t({"de": f"+49 {c.pick(('30', '89', '221', '711'))} {c.rng.randint(100000, 999999)}-{c.rng.randint(10, 99)}",
               "fr": f"+33 {c.rng.randint(1, 5)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} "
                     f"{c.rng.randint(10, 99)} {c.rng.randint(10, 99)}"})
    pages = c.rng.randint(2, 6)
    flags = c.some(c.t({"de": ("Dringend", "Zur Kenntnisnahme", "Bitte um Rückruf", "Bitte um Rücksendung", "Zur Unterschrift"),
                        "fr": ("Urgent", "Pour information", "Merci de rappeler", "Merci de retourner", "Pour signature")}), 1, 2)
    all_flags = c.t({"de": ("Dringend", "Zur Kenntnisnahme", "Bitte um Rückruf", "Bitte um Rücksendung", "Zur Unterschrift"),
                     "fr": ("Urgent", "Pour information", "Merci de rappeler", "Merci de retourner", "Pour signature")})
    tick = "   ".join(f"[{'x' if f in flags else ' '}] {f}" for f in all_flags)
    if c.lang == "de":
        topic = c.pick(("Unterschriebene Vollmacht für die Zollabwicklung", "Bestätigung der Gewerbeanmeldung",
                        "Unterlagen zum Schadensfall vom letzten Monat", "Nachweis der Haftpflichtversicherung"))
        lines = [f"{sender_co.name} · {sender_co.street} · {sender_co.city}", "",
                 f"An: {recipient.name}", f"Firma: {rec_co.name}", f"Fax: {fax}", "",
                 f"Von: {sender.name}, {sender.role}", f"Telefon: {sender.phone}", f"Datum: {short_date(c)}",
                 f"Seiten (inkl. Deckblatt): {pages}", f"Betreff: {topic}", "", tick, "",
                 letter_salutation(c, recipient), "",
                 f"wie heute Vormittag telefonisch besprochen, erhalten Sie anbei vorab per Fax: {topic}. Das Original geht "
                 "Ihnen zusätzlich mit der Post zu.",
                 c.pick(("Bitte bestätigen Sie uns den Eingang kurz per Rückfax oder telefonisch.",
                         "Sollten Seiten fehlen oder unleserlich sein, rufen Sie mich bitte direkt an.",
                         "Für Rückfragen stehe ich Ihnen gerne zur Verfügung.")), "",
                 "Mit freundlichen Grüßen", "", sender.name, "",
                 "Dieses Fax enthält vertrauliche Informationen und ist ausschließlich für den Empfänger bestimmt. Sollten Sie "
                 "es irrtümlich erhalten haben, benachrichtigen Sie bitte umgehend den Absender und vernichten Sie das Dokument."]
        title = "TELEFAX"
    else:
        topic = c.pick(("Pouvoir signé pour les formalités douanières", "Extrait Kbis à jour",
                        "Pièces relatives au sinistre du mois dernier", "Attestation d'assurance responsabilité civile"))
        lines = [f"{sender_co.name} · {sender_co.street} · {sender_co.city}", "",
                 f"Destinataire : {recipient.name}", f"Société : {rec_co.name}", f"Fax : {fax}", "",
                 f"Expéditeur : {sender.name}, {sender.role}", f"Téléphone : {sender.phone}", f"Date : {short_date(c)}",
                 f"Nombre de pages (y compris celle-ci) : {pages}", f"Objet : {topic}", "", tick, "",
                 letter_salutation(c, recipient), "",
                 f"Comme convenu ce matin par téléphone, vous trouverez ci-joint par télécopie : {topic}. L'original vous "
                 "parvient par courrier.",
                 c.pick(("Merci de bien vouloir m'en accuser réception par retour de fax ou par téléphone.",
                         "Si des pages manquent ou sont illisibles, n'hésitez pas à m'appeler directement.",
                         "Je reste à votre disposition pour tout complément d'information.")), "",
                 f"Je vous prie d'agréer, {letter_salutation(c, recipient)[:-1]}, l'expression de mes salutations distinguées.", "",
                 sender.name,
                 "",
                 "Ce fax contient des informations confidentielles destinées exclusivement à son destinataire. Si vous l'avez reçu "
                 "par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire."]
        title = "TÉLÉCOPIE"
    return Built(pdf(title, lines, c, sender.name))


@template(CATEGORY, "mail.b5_invitation", ("en", "es"), ".eml", split="train", written="round 5")
def mail_invitation(c: Ctx) -> Built:
    host_co = c.vendor() if c.lang == "en" else c.company()
    guest_co = c.company()
    while guest_co == host_co:
        guest_co = c.company()
    host = c.person(host_co, lang=c.lang)
    guests = [c.person(guest_co) for _ in range(c.rng.randint(1, 3))]
    colleague = c.person(host_co, lang=c.lang)
    meet = c.later(c.rng.randint(7, 30))
    hour = c.pick((9, 10, 11, 14))
    duration = c.pick((1, 2, 3))
    room = c.pick(("Harbour", "Atlas", "Columbus", "Meridian"))
    uid = f"{token(c, 8, HEX)}-{token(c, 4, HEX)}-{token(c, 4, HEX)}-{token(c, 12, HEX)}"
    if c.lang == "en":
        subject = f"Invitation: annual review meeting – {c.datestr(meet, long=True)}"
        body = "\n".join([
            f"Dear {guests[0].first}{',' if len(guests) == 1 else ' and colleagues,'}", "",
            f"Thank you again for the good cooperation this year. We would like to invite you to our annual review meeting "
            f"on {c.datestr(meet, long=True)} from {hour}:00 to {hour + duration}:00 at our office, {host_co.street}, "
            f"{host_co.city} (meeting room {room}).", "",
            "Proposed agenda:",
            "1. Review of the past year from your point of view",
            "2. Plans and priorities on your side for the coming year",
            "3. Support and communication – what should we do differently?",
            "4. Any other business", "",
            f"My colleague {colleague.name} will join us. Parking is available in the visitors' car park; please register at "
            "reception on arrival." if c.maybe() else
            f"My colleague {colleague.name} will join us. If you prefer to meet online, just let me know and I will send a Teams link.",
            "", "I have attached a calendar invitation. Please let me know if the date does not suit you.", "",
            "Kind regards,", host.name, "Account Manager", host_co.name, host.phone])
        summary, location = "Annual review meeting", f"{host_co.name}, {host_co.street}, {host_co.city} – room {room}"
    else:
        subject = f"Convocatoria: reunión anual de seguimiento – {c.datestr(meet, long=True)}"
        mate = "mi compañera" if is_female(colleague) else "mi compañero"
        body = "\n".join([
            letter_salutation(c, guests[0]) if len(guests) == 1 else "Estimados todos:", "",
            "Ante todo, gracias por la buena colaboración de este año. Nos gustaría invitarles a nuestra reunión anual de "
            f"seguimiento el {c.datestr(meet, long=True)}, de {hour}:00 a {hour + duration}:00, en nuestras oficinas de "
            f"{host_co.street}, {host_co.city} (sala {room}).", "",
            "Orden del día propuesto:",
            "1. Balance del año desde su punto de vista",
            "2. Planes y prioridades de su empresa para el próximo año",
            "3. Soporte y comunicación: ¿qué podemos mejorar?",
            "4. Ruegos y preguntas", "",
            f"Nos acompañará {mate} {colleague.name}. Disponen de aparcamiento para visitas; al llegar, por favor, "
            "identifíquense en recepción." if c.maybe() else
            f"Nos acompañará {mate} {colleague.name}. Si prefieren una reunión en línea, indíquenmelo y les envío el "
            "enlace de Teams.",
            "", "Adjunto la convocatoria para su calendario. Si la fecha no les viene bien, no duden en decírmelo.", "",
            "Un cordial saludo,", host.name, "Gerente de cuentas", host_co.name, host.phone])
        summary, location = "Reunión anual de seguimiento", f"{host_co.name}, {host_co.street}, {host_co.city} – sala {room}"
    zone = c.t({"en": "Europe/London", "es": "Europe/Madrid"})
    start = f"{meet:%Y%m%d}T{hour:02d}0000"
    end = f"{meet:%Y%m%d}T{hour + duration:02d}0000"
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0", "METHOD:REQUEST",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{c.day:%Y%m%d}T090000Z", f"DTSTART;TZID={zone}:{start}",
        f"DTEND;TZID={zone}:{end}", f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}", f"ORGANIZER;CN={host.name}:mailto:{host.email}",
        *[f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={g.name}:mailto:{g.email}" for g in guests],
        "END:VEVENT", "END:VCALENDAR", ""]).encode("utf-8")
    return Built(eml(c, host, guests, subject, body, cc=[colleague], attachments=[("invite.ics", ics, "application/ics")]))


@template(CATEGORY, "mail.b6_new_account_manager", ("en", "es"), ".eml", split="blind", written="round 6")
def mail_new_account_manager(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp = c.person(cust)
    new, old = c.person(vendor), c.person(vendor)
    if c.lang == "en":
        subject = c.pick(("Your new account manager at " + vendor.name, "Introduction – new point of contact"))
        body = "\n".join([varied_salutation(c, cp), "", f"I'm writing to introduce myself as your new account manager at {vendor.name}. "
                          f"{old.first} {old.last} has taken on a new role within the company, and from {long_date(c, 7)} I will "
                          f"be your main contact for everything relating to {cust.name}.", "",
                          c.pick((f"{old.first} has briefed me thoroughly on your projects, so nothing should fall between the "
                                  "cracks during the changeover.", "Your support arrangements and contacts in our service team "
                                  "stay exactly as they are.")), "",
                          f"I'd welcome the chance to meet you in person. Would a short visit in {town_of(cust)} in the "
                          "next few weeks suit you? Otherwise a call is fine too.", "",
                          "Best regards,", "", new.name, "Account Manager", vendor.name, new.phone])
    else:
        subject = c.pick(("Nuevo interlocutor comercial en " + vendor.name, "Presentación de su nueva gestora de cuenta"
                          if new.first in {"Lucía", "Carmen", "Marta", "Elena", "Isabel", "Paula"} else
                          "Presentación de su nuevo gestor de cuenta"))
        body = "\n".join([varied_salutation(c, cp), "",
                          f"Me pongo en contacto con usted para presentarme: a partir del {long_date(c, 7)} seré su "
                          f"interlocutor comercial en {vendor.name}. {old.name} asume nuevas responsabilidades dentro de la "
                          "empresa y me ha traspasado la cuenta.", "",
                          c.pick((f"{old.first} me ha puesto al día de los proyectos en curso, de modo que el cambio no debería "
                                  "afectarles en nada.", "Su contrato de soporte y sus contactos en el servicio técnico no cambian.")),
                          "", "Me encantaría conocerle en persona. ¿Le vendría bien una breve visita en las próximas semanas? "
                          "Si lo prefiere, podemos hablar por teléfono.", "", "Un cordial saludo,", "", new.name, "Gestión de cuentas",
                          vendor.name, f"Tel. {new.phone}"])
    return Built(eml(c, new, [cp], subject, body, cc=[old] if c.maybe() else ()))


@template(CATEGORY, "mail.b6_change_of_name", ("de", "fr"), ".pdf", split="blind", written="round 6")
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
                 f"{town_of(vendor)}, {long_date(c)}", "", "Änderung unseres Firmennamens", "", varied_salutation(c, cp), "",
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
        lines = [f"{vendor.name} · {vendor.street} · {vendor.city}", "", cust.name, f"À l’attention de {civility(c, cp)} {cp.name}",
                 cust.street, cust.city, "", f"{town_of(vendor)}, le {long_date(c)}", "",
                 "Objet : changement de dénomination sociale", "", varied_salutation(c, cp), "",
                 f"Nous avons le plaisir de vous informer qu’à compter du {eff}, notre société exercera ses activités sous la "
                 f"dénomination {new_name}.", "",
                 "Ce changement n’a aucune incidence sur nos relations : vos interlocuteurs, notre adresse, nos numéros SIRET et "
                 "de TVA ainsi que nos coordonnées bancaires restent inchangés. Les contrats en cours se poursuivent de plein droit.",
                 "", c.pick(("Nous vous remercions de bien vouloir mettre à jour vos fichiers fournisseurs.",
                             "Nos factures porteront la nouvelle dénomination à partir de cette date.")), "",
                 f"Nous vous prions d’agréer, {varied_salutation(c, cp)[:-1]}, l’expression de nos salutations distinguées.", "",
                 sender.name, role]
    return Built(pdf(title, lines, c, sender.name))


TEMPLATES: tuple[Template, ...] = (
    business_email,
    formal_letter,
    order_email,
    quote_email,
    invoice_email,
    letter_pdf,
    reply_thread,
    blind_complaint,
    mail_delivery_delay,
    mail_letter,
    corr_visit_mail,
    corr_mbox,
    mail_fax_cover,
    mail_invitation,
    mail_new_account_manager,
    mail_change_of_name,
)
