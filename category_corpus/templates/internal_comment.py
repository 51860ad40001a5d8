"""Templates of `internal_comment`: internal notes, meeting minutes, review comments not meant for the customer."""

from __future__ import annotations

import html
import json

from category_corpus.common import (
    COMPANIES,
    COMPETITORS_ROUND_3,
    POC_PRODUCTS,
    PRODUCT_NAMES,
    Built,
    Ctx,
    Template,
    initials,
    lines_of,
    short_date,
    template,
)
from category_corpus.writers import docx, text, xlsx

CATEGORY = "internal_comment"


@template(CATEGORY, "internal.minutes_docx", ("en", "de"), ".docx", split="train", written="round 0")
def meeting_minutes(c: Ctx) -> Built:
    people = [c.person(c.vendor()) for _ in range(c.rng.randint(3, 5))]
    topic = c.t({"en": c.pick(("Pipeline review", "Project steering", "Support escalations", "Release planning")),
                 "de": c.pick(("Pipeline-Review", "Projektsteuerung", "Support-Eskalationen", "Release-Planung"))})
    actions = c.t({"en": ("Send revised plan to the customer", "Check licence count", "Prepare budget request", "Book workshop room"),
                   "de": ("Überarbeiteten Plan an den Kunden senden", "Lizenzanzahl prüfen", "Budgetantrag vorbereiten",
                          "Workshopraum buchen")})
    table = [c.t({"en": ["Action", "Owner", "Due"], "de": ["Aufgabe", "Verantwortlich", "Fällig"]}),
             *([a, c.pick(people).name, c.datestr(c.later(7 * k), long=False)] for k, a in enumerate(c.some(actions, 2, 4), 1))]
    title = c.t({"en": f"Meeting minutes – {topic}", "de": f"Besprechungsprotokoll – {topic}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Date: {c.datestr()}", "Attendees: " + ", ".join(p.name for p in people), "## Agenda",
               "- Status of open deals", "- Risks", "## Discussion",
               c.pick(("The customer pushes for a 20% discount; we hold at 10% for now.",
                       "Delivery is two weeks late; we will not mention the root cause to the customer.")),
               "## Decisions", "- Next review in two weeks", "## Action items", table],
        "de": [f"Datum: {c.datestr()}", "Teilnehmer: " + ", ".join(p.name for p in people), "## Tagesordnung",
               "- Stand offener Projekte", "- Risiken", "## Diskussion",
               c.pick(("Der Kunde fordert 20 % Rabatt; wir bleiben vorerst bei 10 %.",
                       "Die Lieferung verzögert sich um zwei Wochen; die Ursache teilen wir dem Kunden nicht mit.")),
               "## Beschlüsse", "- Nächster Termin in zwei Wochen", "## Aufgaben", table],
    })
    return Built(docx(title, blocks, c, people[0].name))


@template(CATEGORY, "internal.note_txt", ("fr", "es"), ".txt", split="train", written="round 0")
def internal_note(c: Ctx) -> Built:
    customer, author = c.company(), c.person(c.vendor())
    out = c.t({
        "fr": [c.pick(("Note interne – ne pas diffuser", "NOTE INTERNE")), f"Client : {customer.name}", f"Rédigée par {author.name}",
               "", *lines_of(c, ("Le client est mécontent des délais de livraison du dernier trimestre.",
                                 "Ne pas mentionner la remise de 15 % accordée à leur filiale.",
                                 "Leur DSI envisage de consulter un concurrent au printemps.",
                                 "Le chef de projet côté client est peu disponible ; prévoir des relances.",
                                 "Risque de pénalités si la recette glisse encore."), 3, 5), "",
               "Prochaines étapes : point interne vendredi, puis appel avec le client."],
        "es": [c.pick(("Nota interna – no difundir", "NOTA INTERNA")), f"Cliente: {customer.name}", f"Redactada por {author.name}",
               "", *lines_of(c, ("El cliente está descontento con los plazos de entrega del último trimestre.",
                                 "No mencionar el descuento del 15 % concedido a su filial.",
                                 "Su director de sistemas piensa consultar a un competidor en primavera.",
                                 "La jefa de proyecto del cliente tiene poca disponibilidad; hay que insistir.",
                                 "Riesgo de penalizaciones si la aceptación se retrasa otra vez."), 3, 5), "",
               "Próximos pasos: reunión interna el viernes y después llamada con el cliente."],
    })
    return Built(text(out))


@template(CATEGORY, "internal.review_md", ("en", "fr"), ".md", split="held_out", written="round 0")
def review_comments(c: Ctx) -> Built:
    deliverable = c.t({"en": c.pick(("Solution design", "Migration plan", "Test concept")),
                       "fr": c.pick(("Dossier de conception", "Plan de migration", "Stratégie de test"))})
    reviewer = c.person(c.vendor())
    out = c.t({
        "en": [f"# Review comments – {deliverable} v0.{c.rng.randint(2, 9)}", "", f"Reviewer: {reviewer.name} (internal only)", "",
               *(f"- p. {c.rng.randint(2, 30)}, section {c.rng.randint(1, 6)}.{c.rng.randint(1, 4)}: {x}" for x in c.some((
                   "sizing numbers do not match the offer, please align before sending",
                   "remove the sentence about the known bug, the customer should not see it",
                   "too vague, say which team owns the interface", "typo in the diagram legend",
                   "we promised 99.9% availability here, our SLA says 99.5%"), 3, 5)), "",
               "Overall: not ready to go to the customer yet."],
        "fr": [f"# Commentaires de relecture – {deliverable} v0.{c.rng.randint(2, 9)}", "",
               f"Relecteur : {reviewer.name} (usage interne)", "",
               *(f"- p. {c.rng.randint(2, 30)}, section {c.rng.randint(1, 6)}.{c.rng.randint(1, 4)} : {x}" for x in c.some((
                   "les chiffres de dimensionnement ne correspondent pas à l'offre",
                   "supprimer la phrase sur le bug connu, le client ne doit pas la voir",
                   "trop vague, préciser quelle équipe porte l'interface", "coquille dans la légende du schéma",
                   "on promet 99,9 % de disponibilité ici, notre SLA dit 99,5 %"), 3, 5)), "",
               "Avis général : pas encore prêt à être envoyé au client."],
    })
    return Built(text(out))


@template(CATEGORY, "internal.escalation_txt", ("de", "en"), ".txt", split="train", written="round 0")
def escalation_summary(c: Ctx) -> Built:
    customer, owner = c.company(), c.person(c.vendor())
    out = c.t({
        "de": [f"Interne Eskalation: {customer.name}", f"Verantwortlich: {owner.name}", "",
               "Situation: Drei Ausfälle der Plattform im letzten Monat, der Kunde droht mit Kündigung.",
               "Ursache (intern): fehlerhaftes Update unseres Teams, nicht an den Kunden kommunizieren.",
               "Sprachregelung gegenüber dem Kunden: Störung bei einem Dienstleister.",
               *lines_of(c, ("Offene Punkte: Gutschrift prüfen, Technik-Review ansetzen.",
                             "Nächste Schritte: Telefonat mit der Geschäftsführung am Montag.",
                             "Anmerkung: Vertrieb nicht ohne Abstimmung mit dem Kunden sprechen lassen."), 1, 3)],
        "en": [f"Internal escalation summary – {customer.name}", f"Owner: {owner.name}", "",
               "Situation: three platform outages last month, the customer threatens to terminate.",
               "Root cause (internal): faulty update by our team, do not share with the customer.",
               "What we tell the customer: an incident at a service provider.",
               *lines_of(c, ("Open issues: check service credit, set up a technical review.",
                             "Next steps: call with their management on Monday.",
                             "Note: sales must not talk to the customer without alignment."), 1, 3)],
    })
    return Built(text(out))


@template(CATEGORY, "internal.action_log_xlsx", ("es", "en"), ".xlsx", split="train", written="round 0")
def action_log(c: Ctx) -> Built:
    people = [c.person(c.vendor()) for _ in range(3)]
    header = c.t({"es": ["Acción", "Responsable", "Fecha límite", "Estado", "Comentario"],
                  "en": ["Action item", "Owner", "Due", "Status", "Comment"]})
    actions = c.t({"es": ("Revisar contrato de soporte", "Preparar demo", "Escalar incidencia", "Actualizar plan", "Llamar al cliente"),
                   "en": ("Review support contract", "Prepare demo", "Escalate incident", "Update plan", "Call the customer")})
    notes = c.t({"es": ("solo interno", "bloqueado por compras", "", "pendiente de respuesta"),
                 "en": ("internal only", "blocked by procurement", "", "waiting for reply")})
    rows: list[list[object]] = [[a, c.pick(people).name, c.later(c.rng.randint(1, 30)), c.pick(("open", "done", "late")), c.pick(notes)]
                                for a in c.some(actions, 3, 5)]
    return Built(xlsx([(c.t({"es": "Acciones", "en": "Actions"}), header, rows)], c, people[0].name))


@template(CATEGORY, "internal.weekly_status_docx", ("es", "de"), ".docx", split="held_out", written="round 0")
def weekly_status(c: Ctx) -> Built:
    author, project = c.person(c.vendor()), c.pick(POC_PRODUCTS)
    title = c.t({"es": f"Informe interno semanal – proyecto {project}", "de": f"Interner Wochenbericht – Projekt {project}"})
    blocks: list[str | list[list[str]]] = c.t({
        "es": [f"Semana {c.day.isocalendar()[1]}. Autor: {author.name}.", "## Estado general",
               c.pick(("Amarillo: el plan se mantiene pero con poco margen.", "Rojo: la migración va dos semanas tarde.")),
               "## Riesgos", "- El cliente no ha validado el diseño", "- Falta un perfil de bases de datos",
               "## Comentarios internos", "No compartir con el cliente: el retraso se debe a nuestra planificación."],
        "de": [f"KW {c.day.isocalendar()[1]}. Verfasser: {author.name}.", "## Gesamtstatus",
               c.pick(("Gelb: Plan hält, aber ohne Puffer.", "Rot: Migration zwei Wochen im Verzug.")),
               "## Risiken", "- Design vom Kunden noch nicht freigegeben", "- Datenbankexperte fehlt",
               "## Interne Anmerkungen", "Nicht an den Kunden weitergeben: Der Verzug liegt an unserer Planung."],
    })
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "internal.retro_md", ("de", "es"), ".md", split="train", written="round 1")
def retro(c: Ctx) -> Built:
    customer, lead = c.company(), c.person(c.vendor())
    team = [c.person(c.vendor()) for _ in range(3)]
    if c.lang == "de":
        out = [f"# Retro Projekt {customer.name} - Sprint {c.rng.randint(3, 30)}", "",
               f"Moderation: {lead.name}. Dabei: {', '.join(p.first for p in team)}.", "",
               "**Nicht an den Kunden weitergeben.**", "",
               "## Was lief gut", "- Abnahme der Schnittstelle ohne Nacharbeit", "- Tägliches Stand-up hat sich bewährt", "",
               "## Was lief nicht gut",
               f"- Der IT-Leiter bei {customer.name} blockiert jede Änderung, wir sollten über seinen Chef gehen",
               "- Aufwand für Testdaten um 3 PT unterschätzt, das berechnen wir nicht weiter", "",
               "## Maßnahmen", f"- [ ] {team[0].first}: Eskalationsweg mit Vertrieb klären",
               f"- [ ] {team[1].first}: Schätzung für Phase 2 neu machen"]
    else:
        out = [f"# Retrospectiva proyecto {customer.name} - sprint {c.rng.randint(3, 30)}", "",
               f"Facilita: {lead.name}. Asisten: {', '.join(p.first for p in team)}.", "",
               "**No compartir con el cliente.**", "",
               "## Qué fue bien", "- La interfaz se aceptó sin retrabajo", "- La reunión diaria funciona", "",
               "## Qué mejorar",
               f"- El responsable de sistemas de {customer.name} bloquea cualquier cambio; habría que hablar con su jefe",
               "- Subestimamos en 3 jornadas los datos de prueba y no los vamos a facturar", "",
               "## Acciones", f"- [ ] {team[0].first}: acordar con ventas cómo escalar",
               f"- [ ] {team[1].first}: rehacer la estimación de la fase 2"]
    return Built(text(out))


@template(CATEGORY, "internal.blind_chat_export_txt", ("en", "fr"), ".txt", split="train", written="round 2")
def blind_chat_export(c: Ctx) -> Built:
    customer = c.company()
    a, b, d = (c.person(c.vendor()) for _ in range(3))
    lines = c.t({
        "en": [f"{a.first}: call with {customer.name} went badly, they want the discount or they walk",
               f"{b.first}: honestly their IT lead has no idea what he's asking for",
               f"{a.first}: let's not put that in writing to them :)",
               f"{d.first}: I can live with 8% if they sign this quarter, not more",
               f"{b.first}: ok, I'll draft the reply tonight, please check before it goes out",
               f"{d.first}: and keep legal out of this until we have a yes"],
        "fr": [f"{a.first} : l'appel avec {customer.name} s'est mal passé, ils veulent la remise sinon ils partent",
               f"{b.first} : franchement leur DSI ne sait pas ce qu'il demande",
               f"{a.first} : on ne leur écrit surtout pas ça :)",
               f"{d.first} : 8 % ça passe s'ils signent ce trimestre, pas plus",
               f"{b.first} : ok je prépare la réponse ce soir, relisez avant envoi",
               f"{d.first} : et on laisse le juridique en dehors tant qu'on n'a pas de oui"],
    })
    short = customer.name.split()[0].lower()
    channel = c.t({"en": f"#deal-{short} (export)", "fr": f"#affaire-{short} (export)"})
    out = [channel, ""]
    for minute, line in enumerate(lines):
        out.append(f"[{9 + minute // 3:02d}:{(minute * 7) % 60:02d}] {line}")
    return Built(text(out))


@template(CATEGORY, "internal.b3_team_notes", ("de", "es"), ".txt", split="train", written="round 3")
def internal_team_notes(c: Ctx) -> Built:
    team = [c.person(c.vendor()) for _ in range(c.rng.randint(3, 6))]
    accounts = [c.company() for _ in range(4)]
    if c.lang == "de":
        out = [f"Vertriebsrunde {short_date(c)} – Notizen ({team[0].first})", "",
               "dabei: " + ", ".join(p.first for p in team), ""]
        pool = [f"- {accounts[0].name}: zahlt wieder schleppend, 2 Rechnungen > 60 Tage. Nichts mehr ohne Vorkasse rausgeben, "
                "bis das geklärt ist.",
                f"- {accounts[1].name}: wollen 15 % – wir gehen max. auf 8, intern ist bis 12 freigegeben, aber das bitte nicht sagen.",
                f"- {accounts[2].name} hat sich beim Chef beschwert (Support). {team[1].first} kümmert sich, Ton bleibt freundlich.",
                "- Angebot für die Messe: wer macht den Stand? Keiner hat Lust, Thema vertagt.",
                f"- {accounts[3].name}: Einkäufer ist neu und hat keine Ahnung – Vorteil für uns, schnell Termin machen.",
                "- Preisliste neu ab Quartal: noch nicht an Kunden schicken, ist noch nicht freigegeben!",
                "- Provisionsabrechnung Q3 ist falsch, Personal weiß Bescheid.",
                "- Demo-Umgebung ist seit Montag kaputt, IT sagt frühestens Donnerstag.",
                f"- {accounts[1].name} kündigt evtl. zum Jahresende, Gerücht über Wechsel zu {c.pick(COMPETITORS_ROUND_3)}."]
        out += c.some(pool, 4, 7)
        out += ["", "ToDo:"]
        out += [f"  [{initials(c.pick(team))}] {x} bis {short_date(c, c.rng.randint(2, 14))}"
                for x in c.some(("Mahnung rausschicken", "Rückruf Einkauf", "Zahlen für Forecast", "Termin Geschäftsführung",
                                 "Testzugang verlängern", "Angebot überarbeiten"), 2, 4)]
        if c.maybe():
            out += ["", "nächste Runde wieder Dienstag 9:00, Raum 2.14"]
    else:
        out = [f"Reunión comercial {short_date(c)} – notas de {team[0].first}", "",
               "asistentes: " + ", ".join(p.first for p in team), ""]
        pool = [f"- {accounts[0].name}: vuelven a pagar tarde, dos facturas de más de 60 días. No servir nada sin pago por "
                "adelantado hasta que se aclare.",
                f"- {accounts[1].name}: piden un 15 %; les damos como mucho un 8, internamente tenemos hasta el 12 pero eso no se dice.",
                f"- {accounts[2].name} se ha quejado al director por el soporte. Lo lleva {team[1].first}, con buenas formas.",
                "- Feria: nadie quiere encargarse del stand, lo dejamos para la próxima.",
                f"- {accounts[3].name}: el comprador es nuevo y está perdido, aprovechar y pedir reunión ya.",
                "- Tarifa nueva del trimestre: NO mandarla todavía a clientes, falta la aprobación.",
                "- Las comisiones del tercer trimestre están mal calculadas, RR. HH. ya lo sabe.",
                "- La demo lleva caída desde el lunes; sistemas dice que hasta el jueves nada.",
                f"- Rumor: {accounts[1].name} se puede ir con {c.pick(COMPETITORS_ROUND_3)} a final de año."]
        out += c.some(pool, 4, 7)
        out += ["", "Pendientes:"]
        out += [f"  [{initials(c.pick(team))}] {x} para el {short_date(c, c.rng.randint(2, 14))}"
                for x in c.some(("enviar reclamación de pago", "llamar a compras", "cifras para la previsión", "reunión con dirección",
                                 "ampliar acceso de prueba", "rehacer la oferta"), 2, 4)]
        if c.maybe():
            out += ["", "próxima reunión el martes a las 9:00, sala 2"]
    return Built(text(out))


@template(CATEGORY, "internal.b3_lost_deal_review", ("en", "fr"), ".docx", split="train", written="round 3")
def internal_lost_deal_review(c: Ctx) -> Built:
    customer = c.company()
    rival = c.pick(COMPETITORS_ROUND_3)
    people = [c.person(c.vendor()) for _ in range(c.rng.randint(2, 4))]
    value = c.rng.randrange(40, 600) * 1000
    gap = c.rng.randint(8, 35)
    if c.lang == "en":
        comments = [
            "We were too late with the security questionnaire – three weeks, they had chased twice.",
            f"Price was {gap}% above {rival}. Honestly the gap was not the licence, it was our services estimate.",
            "Demo went fine but we showed features they did not ask for. Nobody prepped with the sales engineer.",
            "Their IT lead never trusted us after the outage at the reference site; we should have addressed it head on.",
            "Legal redlines on liability took forever on our side. That cost us the March board slot.",
            "We only ever spoke to procurement. Never met the actual users.",
        ]
        blocks: list[str | list[list[str]]] = [
            f"{customer.name} – {c.money(value)} – lost to {rival} · review held {c.datestr()}",
            "Internal only. Please do not forward outside the sales team.",
            "## What happened",
            c.pick((f"Decision came on {c.datestr(c.later(-c.rng.randint(5, 20)), long=True)} by e-mail, no call.",
                    "We heard it from the partner before the customer told us.")),
            "## Comments",
            *[f"- {p.first} {p.last[0]}.: {text_}" for p, text_ in zip(people, c.some(comments, len(people)), strict=False)],
            "## What we change",
            *[f"- {x}" for x in c.some(["Security pack ready before first meeting, not on request",
                                        "Pre-approved discount bands so we don't wait a week for sign-off",
                                        "Services estimate reviewed by delivery before it goes out",
                                        "Always get one meeting with end users", "Win/loss call with the customer – who asks?"], 2, 4)],
            "Next review in the team meeting. " + c.pick(("Don't beat yourselves up, it was close.", "")),
        ]
        title = "Lost deal review"
    else:
        comments = [
            "Questionnaire sécurité rendu avec trois semaines de retard, ils nous ont relancés deux fois.",
            f"Prix {gap} % au-dessus de {rival}. Franchement l'écart ne venait pas des licences mais de notre chiffrage des services.",
            "Démo correcte mais on a montré des fonctions qu'ils n'avaient pas demandées. Pas de préparation avec l'avant-vente.",
            "Leur DSI ne nous faisait plus confiance depuis la panne chez le client de référence ; il aurait fallu en parler franchement.",
            "Le juridique a mis un temps fou sur la clause de responsabilité, on a raté le comité de mars.",
            "On n'a parlé qu'aux achats. Jamais rencontré les utilisateurs.",
        ]
        blocks = [
            f"{customer.name} – {c.money(value)} – perdu face à {rival} · point fait le {c.datestr()}",
            "Usage interne, ne pas diffuser en dehors de l'équipe commerciale.",
            "## Ce qui s'est passé",
            c.pick((f"Réponse reçue le {c.datestr(c.later(-c.rng.randint(5, 20)), long=True)} par mail, sans appel.",
                    "On l'a appris par l'intégrateur avant que le client ne nous le dise.")),
            "## Commentaires",
            *[f"- {p.first} {p.last[0]}. : {text_}" for p, text_ in zip(people, c.some(comments, len(people)), strict=False)],
            "## Ce qu'on change",
            *[f"- {x}" for x in c.some(["Dossier sécurité prêt avant le premier rendez-vous",
                                        "Grille de remises pré-validée pour ne pas attendre une semaine",
                                        "Chiffrage services relu par la production avant envoi",
                                        "Toujours obtenir un rendez-vous avec les utilisateurs",
                                        "Appel de débrief avec le client – qui s'en charge ?"], 2, 4)],
            "On en reparle en réunion d'équipe. " + c.pick(("C'était serré, pas de quoi se flageller.", "")),
        ]
        title = "Retour d'expérience – affaire perdue"
    return Built(docx(title, blocks, c, people[0].name))


@template(CATEGORY, "internal.b4_postmortem", ("en", "fr"), ".md", split="train", written="round 4")
def internal_postmortem(c: Ctx) -> Built:
    customer = c.company()
    us = c.vendor()
    lead, oncall, manager = c.person(us), c.person(us), c.person(us)
    product = c.pick(PRODUCT_NAMES)
    start_h = c.rng.randint(0, 20)
    minutes = c.rng.randint(35, 240)
    sev = c.pick(("SEV1", "SEV2"))
    cause_en, cause_fr, fix_en, fix_fr = c.pick((
        ("an expired TLS certificate on the ingestion load balancer", "un certificat TLS expiré sur le répartiteur de charge d'ingestion",
         "Alert on certificate expiry 30 days ahead", "Alerte sur l'expiration des certificats 30 jours avant"),
        ("a database migration that locked the orders table", "une migration de base qui a verrouillé la table des commandes",
         "Run schema migrations only in the maintenance window", "Migrations de schéma uniquement en fenêtre de maintenance"),
        ("a full disk on the message broker after a retention change",
         "un disque plein sur le broker de messages après un changement de rétention",
         "Disk usage alert at 75% on all broker nodes", "Alerte d'occupation disque à 75 % sur tous les nœuds du broker"),
        ("a configuration push that disabled the health checks", "un déploiement de configuration qui a désactivé les sondes de santé",
         "Peer review for every configuration change in production",
         "Relecture obligatoire de tout changement de configuration en production"),
    ))
    if c.lang == "en":
        lines = [
            f"# Post-mortem: {product} outage for {customer.name} ({sev})",
            "",
            "> INTERNAL – do not forward to the customer. The customer-facing incident report is written separately by "
            f"{manager.name} and reviewed by Legal before it goes out.",
            "",
            f"**Date:** {c.datestr(long=True)} · **Duration:** {minutes} min · **Incident lead:** {lead.name} · **On call:** {oncall.name}",
            "",
            "## Summary",
            f"{customer.name} could not load dashboards or receive alerts for {minutes} minutes. Root cause was {cause_en}.",
            "",
            "## Timeline (UTC)",
            f"- {start_h:02d}:04 first customer ticket, priority set too low by the service desk",
            f"- {start_h:02d}:31 monitoring alert acknowledged by {oncall.first}",
            f"- {(start_h + 1) % 24:02d}:02 cause identified, fix rolled out",
            f"- {(start_h + 1) % 24:02d}:{c.rng.randint(10, 59):02d} service confirmed healthy, customer informed by phone",
            "",
            "## What went well",
            "- Rollback procedure worked on the first attempt.",
            "- The account manager kept the customer updated every 30 minutes.",
            "",
            "## What went badly",
            "- We learned about the outage from the customer, not from our monitoring.",
            "- The runbook still pointed to the old cluster; twenty minutes lost.",
        ]
        if c.maybe():
            lines.append("- Honestly, this was known: the same warning was in last month's ops review and nobody picked it up.")
        lines += [
            "",
            "## Action items",
            "| # | Action | Owner | Due |",
            "|---|---|---|---|",
            f"| 1 | {fix_en} | {oncall.name} | {short_date(c, 14)} |",
            f"| 2 | Update runbook and link it from the alert | {lead.name} | {short_date(c, 7)} |",
            f"| 3 | Check whether the SLA credit applies before the QBR | {manager.name} | {short_date(c, 10)} |",
            "",
            "_Don't mention item 3 to the customer until Finance has confirmed the amount._",
        ]
    else:
        lines = [
            f"# Retour d'expérience : interruption {product} chez {customer.name} ({sev})",
            "",
            "> INTERNE – ne pas transmettre au client. Le rapport d'incident destiné au client est rédigé à part par "
            f"{manager.name} et relu par le juridique avant envoi.",
            "",
            f"**Date :** {c.datestr(long=True)} · **Durée :** {minutes} min · **Pilote de l'incident :** {lead.name} · "
            f"**Astreinte :** {oncall.name}",
            "",
            "## Résumé",
            f"{customer.name} n'a pas pu consulter ses tableaux de bord ni recevoir d'alertes pendant {minutes} minutes. "
            f"Cause racine : {cause_fr}.",
            "",
            "## Chronologie",
            f"- {start_h:02d}h04 premier ticket du client, priorité sous-estimée par le centre de services",
            f"- {start_h:02d}h31 alerte de supervision prise en compte par {oncall.first}",
            f"- {(start_h + 1) % 24:02d}h02 cause identifiée, correctif déployé",
            f"- {(start_h + 1) % 24:02d}h{c.rng.randint(10, 59):02d} service rétabli, client prévenu par téléphone",
            "",
            "## Ce qui a bien fonctionné",
            "- La procédure de retour arrière a fonctionné du premier coup.",
            "- L'ingénieur commercial a tenu le client informé toutes les 30 minutes.",
            "",
            "## Ce qui n'a pas fonctionné",
            "- C'est le client qui nous a prévenus, pas notre supervision.",
            "- La procédure d'exploitation pointait encore vers l'ancien cluster : vingt minutes perdues.",
        ]
        if c.maybe():
            lines.append("- Soyons honnêtes : l'alerte figurait déjà dans la revue d'exploitation du mois dernier, "
                         "personne ne l'a traitée.")
        lines += [
            "",
            "## Actions",
            "| N° | Action | Responsable | Échéance |",
            "|---|---|---|---|",
            f"| 1 | {fix_fr} | {oncall.name} | {short_date(c, 14)} |",
            f"| 2 | Mettre à jour la procédure et la lier à l'alerte | {lead.name} | {short_date(c, 7)} |",
            f"| 3 | Vérifier si les pénalités SLA s'appliquent avant le comité trimestriel | {manager.name} | {short_date(c, 10)} |",
            "",
            "_Ne pas évoquer le point 3 avec le client tant que la finance n'a pas confirmé le montant._",
        ]
    return Built(text(lines))


@template(CATEGORY, "internal.b4_deal_desk", ("de", "es"), ".html", split="train", written="round 4")
def internal_deal_desk(c: Ctx) -> Built:
    customer, us = c.company(), c.vendor()
    rep, finance, legal, head = c.person(us), c.person(us), c.person(us), c.person(us)
    discount = c.pick((22, 25, 28, 30, 35))
    value = c.rng.randint(6, 90) * 5_000
    case = f"DD-{c.rng.randint(1000, 9999)}"
    if c.lang == "de":
        title = f"Freigabeanfrage {case}: Sonderrabatt {customer.name}"
        facts = [("Kunde", customer.name), ("Vertriebsverantwortlich", rep.name), ("Auftragswert (netto)", c.money(value)),
                 ("Beantragter Rabatt", f"{discount} %"), ("Standardgrenze", "15 %"), ("Status", "in Prüfung")]
        comments = [
            (rep, f"Kunde droht mit Wechsel zu Nexora, deren Angebot liegt ca. {discount - 10} % unter unserem. Ohne Freigabe bis "
                  f"Freitag verlieren wir den Deal. Bitte wohlwollend prüfen."),
            (finance, "Marge läge dann bei knapp 41 %. Vertretbar nur mit 3 Jahren Laufzeit und jährlicher Vorauszahlung."),
            (legal, "Achtung: Kunde will unsere Haftungsklausel streichen. Das geht nicht zusammen mit dem Rabatt."),
            (head, f"Einverstanden mit max. {discount - 5} % bei 36 Monaten Laufzeit. Bitte dem Kunden NICHT sagen, dass wir "
                   "noch Spielraum haben – erst nach dessen Gegenangebot nachlegen."),
        ]
        if c.maybe():
            comments.append((rep, f"Verstanden. Ich gehe mit {discount - 8} % rein und halte den Rest als Reserve. "
                                  "Danke für die schnelle Rückmeldung."))
        head_title, comment_title = "Eckdaten", "Interne Kommentare (nicht für den Kunden)"
        footer = "Nur für den internen Gebrauch. Inhalte dieser Seite nicht in Angebote oder E-Mails an Kunden kopieren."
    else:
        title = f"Solicitud de aprobación {case}: descuento especial {customer.name}"
        facts = [("Cliente", customer.name), ("Comercial responsable", rep.name), ("Importe de la operación", c.money(value)),
                 ("Descuento solicitado", f"{discount} %"), ("Límite estándar", "15 %"), ("Estado", "en revisión")]
        comments = [
            (rep, f"El cliente tiene una oferta de Nexora un {discount - 10} % más barata. Si no tenemos aprobación antes del viernes, "
                  "perdemos la operación."),
            (finance, "El margen quedaría en torno al 41 %. Solo lo veo con contrato a tres años y pago anual por adelantado."),
            (legal, "Ojo: el cliente quiere eliminar nuestra cláusula de limitación de responsabilidad. "
                    "No es compatible con el descuento."),
            (head, f"De acuerdo con un máximo del {discount - 5} % a 36 meses. Que el cliente NO sepa que tenemos margen: "
                   "solo subimos si hace contraoferta."),
        ]
        if c.maybe():
            comments.append((rep, f"Entendido. Empiezo con el {discount - 8} % y guardo el resto. Gracias por la rapidez."))
        head_title, comment_title = "Datos clave", "Comentarios internos (no compartir con el cliente)"
        footer = "Uso interno exclusivamente. No copiar el contenido de esta página en ofertas ni correos a clientes."
    parts = [
        "<!DOCTYPE html>", f'<html lang="{c.lang}">', "<head>", '<meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
        "</head>", "<body>", f"<h1>{html.escape(title)}</h1>", f"<h2>{head_title}</h2>", "<table>",
        *[f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in facts],
        "</table>", f"<h2>{comment_title}</h2>", '<div class="comments">',
    ]
    for n, (who, said) in enumerate(comments):
        stamp = f"{short_date(c, n // 2)} {9 + n}:{c.rng.randint(0, 59):02d}"
        parts += ['<div class="comment">', f'<p class="meta"><strong>{html.escape(who.name)}</strong> – {stamp}</p>',
                  f"<p>{html.escape(said)}</p>", "</div>"]
    parts += ["</div>", f'<p class="footer">{html.escape(footer)}</p>', "</body>", "</html>"]
    return Built(text(parts))


@template(CATEGORY, "internal.b5_visit_briefing", ("de", "es"), ".md", split="train", written="round 5")
def internal_visit_briefing(c: Ctx) -> Built:
    customer = c.company()
    vendor = c.vendor()
    rep, se, boss = (c.person(vendor, lang=c.lang) for _ in range(3))
    cto, buyer = c.person(customer), c.person(customer)
    product = c.pick(PRODUCT_NAMES)
    tickets = c.rng.randint(3, 14)
    if c.lang == "de":
        out = [f"# Internes Briefing: Termin bei {customer.name} am {short_date(c, 3)}", "",
               "> **Nur intern – nicht an den Kunden weiterleiten, nicht ins Kundenportal hochladen.**", "",
               f"**Von uns dabei:** {rep.name} (Vertrieb), {se.name} (Technik){', ' + boss.name + ' (GF)' if c.maybe() else ''}  ",
               f"**Beim Kunden:** {cto.name} ({cto.role}), {buyer.name} ({buyer.role})", "",
               "## Worum es eigentlich geht",
               f"Offiziell ist es ein Statusgespräch zu {product}. Tatsächlich will {cto.first} {cto.last} prüfen, ob wir die "
               "Probleme der letzten Wochen im Griff haben, bevor über die Verlängerung gesprochen wird.", "",
               "## Stimmung",
               f"- {tickets} offene Tickets, davon {max(1, tickets // 4)} mit Prio 1 – der Kunde zählt mit",
               "- Das Update im letzten Monat lief schlecht, Ausfall über zwei Stunden. Ursache lag bei uns (Migrationsskript), "
               "das haben wir dem Kunden bisher nur teilweise gesagt.",
               f"- {buyer.first} ist genervt von den Rechnungen für Zusatztage – bitte nicht von uns aus ansprechen", "",
               "## Wer sagt was",
               f"- {rep.first}: Einstieg, Dank für die Geduld, Fahrplan bis zur Verlängerung",
               f"- {se.first}: technische Ursache ehrlich, aber knapp; keine Namen aus unserem Team nennen",
               "- Zusagen zu Terminen nur nach Rücksprache mit dem Produktmanagement", "",
               "## Was wir NICHT ansprechen",
               f"- Die Preiserhöhung zum {short_date(c, 120)} – kommt erst mit dem Verlängerungsangebot",
               "- Den Personalwechsel im Support-Team", "",
               "## Offene interne Punkte",
               f"- [ ] @{se.first}: Root-Cause-Analyse bis morgen fertig, damit wir sie zumindest in Kurzform zeigen können",
               f"- [ ] @{rep.first}: Gutschrift über zwei Beratungstage als Geste vorbereiten? Freigabe {boss.name}",
               "- [ ] Nach dem Termin: Kurzprotokoll hier ergänzen, **nicht** per Mail an den Kunden", ""]
        if c.maybe():
            out += ["## Nachtrag", f"{boss.first}: Gutschrift ist ok, aber nur wenn das Thema aktiv aufkommt."]
    else:
        out = [f"# Briefing interno: reunión con {customer.name} el {short_date(c, 3)}", "",
               "> **Solo uso interno – no reenviar al cliente ni subir al portal.**", "",
               f"**Por nuestra parte:** {rep.name} (comercial), {se.name} (preventa)"
               f"{', ' + boss.name + ' (dirección)' if c.maybe() else ''}  ",
               f"**Por el cliente:** {cto.name} ({cto.role}), {buyer.name} ({buyer.role})", "",
               "## De qué va realmente",
               f"Oficialmente es una reunión de seguimiento de {product}. En realidad {cto.first} quiere comprobar si tenemos "
               "controlados los problemas de las últimas semanas antes de hablar de la renovación.", "",
               "## Ambiente",
               f"- {tickets} incidencias abiertas, {max(1, tickets // 4)} de prioridad 1; el cliente las tiene contadas",
               "- La actualización del mes pasado salió mal, más de dos horas de caída. La causa fue nuestra (script de "
               "migración) y al cliente solo se lo hemos contado a medias.",
               f"- A {buyer.first} le molestan las facturas de jornadas adicionales; mejor no sacar el tema nosotros", "",
               "## Quién dice qué",
               f"- {rep.first}: apertura, agradecer la paciencia, hoja de ruta hasta la renovación",
               f"- {se.first}: causa técnica con honestidad pero breve; sin nombrar a nadie del equipo",
               "- Ningún compromiso de fechas sin hablarlo antes con producto", "",
               "## Lo que NO vamos a mencionar",
               f"- La subida de precios a partir del {short_date(c, 120)}; irá en la oferta de renovación",
               "- Los cambios de personal en el equipo de soporte", "",
               "## Pendientes internos",
               f"- [ ] @{se.first}: terminar el análisis de causa raíz para mañana, al menos en versión resumida",
               f"- [ ] @{rep.first}: ¿preparamos un abono de dos jornadas como gesto? Necesita el visto bueno de {boss.name}",
               "- [ ] Después de la reunión: completar aquí un acta breve, **no** enviarla por correo al cliente", ""]
        if c.maybe():
            out += ["## Añadido", f"{boss.first}: el abono está aprobado, pero solo si el cliente saca el tema."]
    return Built(text(out))


@template(CATEGORY, "internal.b5_ticket_comments", ("en", "fr"), ".json", split="train", written="round 5")
def internal_ticket_comments(c: Ctx) -> Built:
    customer = c.company()
    vendor = c.vendor()
    agents = [c.person(vendor, lang=c.lang) for _ in range(3)]
    reporter = c.person(customer)
    key = f"SUP-{c.rng.randint(1000, 9999)}"
    product = c.pick(PRODUCT_NAMES)
    version = f"{c.rng.randint(3, 7)}.{c.rng.randint(0, 9)}.{c.rng.randint(0, 9)}"
    when = [c.later(0), c.later(0), c.later(1), c.later(1), c.later(2), c.later(3)]
    if c.lang == "en":
        summary = f"{product} {version}: nightly export to the ERP stops with timeout"
        bodies = [
            f"Reproduced on our lab with {version}. It is the new batching code – the export loads everything into memory "
            "before sending. Not a config problem on their side.",
            f"Please don't tell {reporter.first} it is a bug yet, we are waiting for R&D to confirm. For now: 'we are analysing'.",
            f"This is the third ticket from {customer.name} this quarter and renewal is in {c.rng.randint(2, 5)} months. "
            "Flagging to the account manager.",
            "R&D confirms. Fix planned for the next patch. Workaround: set export.batchSize to 500. Let's give them the "
            "workaround today and present it as a tuning recommendation.",
            "Disagree on hiding it – they will see the fix in the release notes anyway. Suggest we say it openly and offer "
            "the patch early.",
            "Agreed with the team lead: we tell them it is a known issue with a fix on the way. Closing the internal thread.",
        ]
        visibility = "Internal (agents only)"
    else:
        summary = f"{product} {version} : l'export nocturne vers l'ERP s'arrête sur un timeout"
        bodies = [
            f"Reproduit sur notre labo en {version}. C'est le nouveau code de traitement par lots : l'export charge tout en "
            "mémoire avant l'envoi. Pas un problème de paramétrage chez eux.",
            f"Merci de ne pas encore dire à {reporter.first} que c'est un bug, on attend la confirmation de la R&D. "
            "Pour l'instant : « analyse en cours ».",
            f"C'est le troisième ticket de {customer.name} ce trimestre et le renouvellement tombe dans "
            f"{c.rng.randint(2, 5)} mois. Je préviens le commercial.",
            "La R&D confirme. Correctif prévu dans le prochain patch. Contournement : export.batchSize = 500. On leur donne "
            "le contournement aujourd'hui en le présentant comme une recommandation d'optimisation.",
            "Pas d'accord pour le cacher : ils verront le correctif dans les notes de version de toute façon. Je propose de le "
            "dire franchement et de leur livrer le patch en avance.",
            "Validé avec le responsable d'équipe : on leur annonce un problème connu avec un correctif en cours. Je clos le fil interne.",
        ]
        visibility = "Interne (agents uniquement)"
    chosen = bodies[:2] + c.some(bodies[2:5], 2, 3) + bodies[5:]
    comments = []
    for n, body in enumerate(chosen):
        author = agents[n % len(agents)] if n else agents[0]
        comments.append({"id": str(c.rng.randint(100000, 999999)), "author": {"displayName": author.name, "emailAddress": author.email},
                         "created": f"{when[n].isoformat()}T{9 + n:02d}:{c.rng.randint(0, 59):02d}:00.000+0000",
                         "visibility": {"type": "role", "value": visibility}, "body": body})
    issue = {"key": key, "fields": {
        "summary": summary, "issuetype": {"name": "Incident"}, "priority": {"name": c.pick(("High", "Highest", "Medium"))},
        "status": {"name": c.pick(("In Progress", "Waiting for R&D", "Resolved"))},
        "customfield_10010": {"organisation": customer.name},
        "reporter": {"displayName": reporter.name, "emailAddress": reporter.email},
        "assignee": {"displayName": agents[0].name, "emailAddress": agents[0].email},
        "created": f"{c.day.isoformat()}T08:{c.rng.randint(10, 59)}:00.000+0000",
        "comment": {"total": len(comments), "comments": comments}}}
    return Built((json.dumps(issue, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


@template(CATEGORY, "internal.b6_bid_no_bid", ("de", "es"), ".docx", split="blind", written="round 6")
def internal_bid_no_bid(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    owner = c.person(vendor)
    people = [c.person(vendor) for _ in range(3)]
    value = c.rng.randint(3, 40) * 25000
    crit_de = ("Strategischer Fit", "Chancen gegen Wettbewerb", "Beziehung zum Kunden", "Technische Machbarkeit",
               "Marge", "Ressourcen verfügbar")
    crit_es = ("Encaje estratégico", "Posibilidades frente a la competencia", "Relación con el cliente", "Viabilidad técnica",
               "Margen", "Recursos disponibles")
    scores = [c.rng.randint(1, 5) for _ in crit_de]
    total = sum(scores)
    go = total >= 19
    com_de = ("Ausschreibung klingt nach {comp} – Anforderungen fast wortgleich aus deren Datenblatt.",
              "Kunde hat uns bei der letzten Ausschreibung nicht einmal eingeladen.",
              "Deadline sehr knapp, Presales ist im Juni ausgebucht.",
              "Marge nur machbar, wenn wir die Installation an einen Partner geben.")
    com_es = ("El pliego parece escrito por {comp}: los requisitos coinciden casi literalmente con su ficha técnica.",
              "En la última licitación ni siquiera nos invitaron.", "Plazo muy justo y preventa sin disponibilidad en junio.",
              "El margen solo sale si la instalación la hace un partner.")
    comp = c.pick(("Tailwind Systems", "Northbridge Software", "Cobalt Analytics"))
    if c.lang == "de":
        table = [["Kriterium", "Punkte (1–5)"], *[[k, str(s)] for k, s in zip(crit_de, scores, strict=True)],
                 ["Summe", f"{total} / 30"]]
        blocks: list[str | list[list[str]]] = [
            "INTERN – nicht an den Kunden weitergeben", f"Ausschreibung: {cust.name}, Vergabe-Nr. {c.code('VG', 4)}",
            f"Geschätztes Volumen: {c.money(value)} · Abgabefrist: {short_date(c, c.rng.randint(10, 30))}",
            f"Bewertet von: {', '.join(p.name for p in people)}", table, "## Kommentare",
            *[f"- {x.format(comp=comp)}" for x in c.some(com_de, 2, 4)], "## Entscheidung",
            f"{'Wir geben ein Angebot ab.' if go else 'Wir verzichten auf ein Angebot.'} Freigabe durch {owner.name} am {short_date(c)}."]
        title = "Bid/No-Bid-Entscheidung"
    else:
        table = [["Criterio", "Puntos (1–5)"], *[[k, str(s)] for k, s in zip(crit_es, scores, strict=True)],
                 ["Total", f"{total} / 30"]]
        blocks = [
            "USO INTERNO – no enviar al cliente", f"Licitación: {cust.name}, expediente {c.code('EXP', 4)}",
            f"Importe estimado: {c.money(value)} · Fecha límite: {short_date(c, c.rng.randint(10, 30))}",
            f"Valorado por: {', '.join(p.name for p in people)}", table, "## Comentarios",
            *[f"- {x.format(comp=comp)}" for x in c.some(com_es, 2, 4)], "## Decisión",
            f"{'Nos presentamos.' if go else 'No nos presentamos.'} Aprobado por {owner.name} el {short_date(c)}."]
        title = "Decisión de presentarse o no a la licitación"
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "internal.b6_shift_handover", ("en", "fr"), ".txt", split="blind", written="round 6")
def internal_shift_handover(c: Ctx) -> Built:
    out, inc = c.person(), c.person()
    custs = [co.name for co in c.some(COMPANIES[c.lang], 3)]
    shift = c.pick(("early", "late", "night")) if c.lang == "en" else c.pick(("équipe du matin", "équipe d’après-midi", "équipe de nuit"))
    tickets = [f"INC{c.rng.randint(100000, 999999)}" for _ in range(4)]
    if c.lang == "en":
        lines = [f"SERVICE DESK – SHIFT HANDOVER {short_date(c)} ({shift} shift)", f"From: {out.name}   To: {inc.name}", "",
                 "OPEN / NEEDS ATTENTION",
                 f"- {tickets[0]} {custs[0]}: mail relay queue growing again. Restarted the service at 14:10, keep an eye on it. "
                 "If it happens again escalate to 2nd line, don't restart a third time.",
                 f"- {tickets[1]} {custs[1]}: user can't log in to VPN. Waiting for them to send a screenshot – chase tomorrow.",
                 f"- {tickets[2]} {custs[2]}: disk on file server at 93 %. Customer informed, they'll clean up. Not urgent.", "",
                 "FYI", *lines_of(c, ("- Change window tonight 22:00–23:00 for firewall update (CHG approved).",
                                      "- Monitoring sent a lot of false alarms from the new probe, ignore 'ping loss' on probe 7.",
                                      f"- {custs[0]} is a bit touchy at the moment, account manager asked to be cc'd on everything.",
                                      "- Phone queue was long after lunch, two people off sick.",
                                      "- KB article for the printer issue is outdated, I've flagged it."), 2, 4),
                 "", f"Closed this shift: {c.rng.randint(8, 40)}   Open handed over: {c.rng.randint(3, 15)}", "",
                 c.pick(("Quiet otherwise.", "Ping me on Teams if anything is unclear.", "Have a good one."))]
    else:
        lines = [f"CENTRE DE SERVICES – PASSATION DE CONSIGNES {short_date(c)} ({shift})",
                 f"De : {out.name}   À : {inc.name}", "", "EN COURS / À SURVEILLER",
                 f"- {tickets[0]} {custs[0]} : la file du relais de messagerie remonte. Service redémarré à 14h10, à surveiller. "
                 "Si ça recommence, escalader au niveau 2, ne pas redémarrer une troisième fois.",
                 f"- {tickets[1]} {custs[1]} : utilisateur sans accès VPN. On attend sa capture d’écran – relancer demain.",
                 f"- {tickets[2]} {custs[2]} : disque du serveur de fichiers à 93 %. Client prévenu, il fait le ménage. Pas urgent.",
                 "", "POUR INFO", *lines_of(c, ("- Fenêtre de changement ce soir 22h–23h pour la mise à jour du pare-feu.",
                                                "- La nouvelle sonde génère beaucoup de fausses alertes, ignorer « perte ping » sonde 7.",
                                                f"- {custs[0]} est un peu tendu en ce moment, le commercial veut être en copie.",
                                                "- Grosse attente téléphonique après le déjeuner, deux absents.",
                                                "- La fiche de la base de connaissances sur l’imprimante est obsolète, signalé."),
                                            2, 4),
                 "", f"Clôturés sur le créneau : {c.rng.randint(8, 40)}   Transmis ouverts : {c.rng.randint(3, 15)}", "",
                 c.pick(("RAS sinon.", "N’hésite pas à m’appeler sur Teams si besoin.", "Bon courage !"))]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    meeting_minutes,
    internal_note,
    review_comments,
    escalation_summary,
    action_log,
    weekly_status,
    retro,
    blind_chat_export,
    internal_team_notes,
    internal_lost_deal_review,
    internal_postmortem,
    internal_deal_desk,
    internal_visit_briefing,
    internal_ticket_comments,
    internal_bid_no_bid,
    internal_shift_handover,
)
