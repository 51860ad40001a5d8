"""Templates of `proof_of_concept`: proof-of-concept work, solution designs, technical architecture for a customer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from category_corpus.common import POC_PRODUCTS, PRODUCT_NAMES, Built, Ctx, Template, long_date, para, short_date, template
from category_corpus.writers import Sheet, docx, pdf, pptx, rtf_escape, text, xlsx

CATEGORY = "proof_of_concept"


@template(CATEGORY, "poc.plan_docx", ("en", "de"), ".docx", split="train", written="round 0")
def poc_plan(c: Ctx) -> Built:
    customer, product, weeks = c.company(), c.pick(POC_PRODUCTS), c.rng.randint(3, 8)
    lead = c.person(c.vendor())
    title = c.t({"en": c.pick((f"Proof of Concept Plan – {customer.name}", f"PoC plan: {product} at {customer.name}")),
                 "de": c.pick((f"PoC-Plan – {customer.name}", f"Proof of Concept: {product} bei {customer.name}"))})
    intro = c.t({
        "en": para(c, ("This document describes the scope, success criteria and schedule of the proof of concept for {cust}. "
                       "The pilot runs for {weeks} weeks in the customer's test environment.",
                       "Purpose of this PoC is to show that {product} meets the technical requirements of {cust} before a "
                       "purchase decision. The pilot takes {weeks} weeks."), cust=customer.name, weeks=weeks, product=product),
        "de": para(c, ("Dieses Dokument beschreibt Umfang, Erfolgskriterien und Zeitplan des Proof of Concept für {cust}. "
                       "Die Pilotphase dauert {weeks} Wochen in der Testumgebung des Kunden.",
                       "Ziel des PoC ist der Nachweis, dass {product} die technischen Anforderungen von {cust} erfüllt. "
                       "Der Pilot läuft {weeks} Wochen."), cust=customer.name, weeks=weeks, product=product),
    })
    objectives = c.t({
        "en": ("Ingest sensor data from two plants in near real time", "Integrate with the customer's SAP system",
               "Single sign-on with the existing identity provider", "Dashboards for the operations team",
               "Show failover of the gateway cluster", "Validate data retention for 90 days"),
        "de": ("Übernahme der Sensordaten aus zwei Werken nahezu in Echtzeit", "Anbindung an das SAP-System des Kunden",
               "Single Sign-on mit dem vorhandenen Identity Provider", "Dashboards für den Betrieb",
               "Nachweis des Failovers im Gateway-Cluster", "Aufbewahrung der Daten über 90 Tage"),
    })
    criteria = c.t({
        "en": [["Criterion", "Target", "Method"], ["Throughput", f"{c.rng.randint(5, 50)},000 events/s", "Load test"],
               ["Latency", f"< {c.rng.randint(1, 5)} s end to end", "Measurement"], ["Failover", "< 30 s", "Switch-off test"],
               ["Integration", "Orders visible in SAP", "Demo"]],
        "de": [["Kriterium", "Zielwert", "Nachweis"], ["Durchsatz", f"{c.rng.randint(5, 50)}.000 Ereignisse/s", "Lasttest"],
               ["Latenz", f"< {c.rng.randint(1, 5)} s", "Messung"], ["Failover", "< 30 s", "Abschalttest"],
               ["Integration", "Aufträge in SAP sichtbar", "Vorführung"]],
    })
    architecture = c.t({
        "en": "Two edge gateways in the plant network forward data to an analytics cluster of three nodes in the customer's "
              "data centre; results are shown in a web dashboard.",
        "de": "Zwei Edge-Gateways im Werksnetz leiten die Daten an einen Analytics-Cluster mit drei Knoten im Rechenzentrum "
              "des Kunden weiter; die Ergebnisse zeigt ein Web-Dashboard.",
    })
    heads = c.t({"en": ("## Objectives", "## Success criteria", "## Architecture", "## Schedule"),
                 "de": ("## Ziele", "## Erfolgskriterien", "## Architektur", "## Zeitplan")})
    schedule = c.t({"en": [f"- Week 1: installation and set-up, lead {lead.name}", "- Week 2: data integration",
                           f"- Week {weeks}: results workshop and recommendation"],
                    "de": [f"- Woche 1: Installation und Einrichtung, Leitung {lead.name}", "- Woche 2: Datenanbindung",
                           f"- Woche {weeks}: Ergebnisworkshop und Empfehlung"]})
    team = [lead, c.person(customer), *(c.person(customer) for _ in range(c.rng.randint(0, 2)))]
    team_table = [c.t({"en": ["Name", "Role", "Email", "Phone"], "de": ["Name", "Rolle", "E-Mail", "Telefon"]}),
                  *([p.name, p.role, p.email, p.phone] for p in team)]
    blocks: list[str | list[list[str]]] = [intro, heads[0], *(f"- {o}" for o in c.some(objectives, 3, 5)), heads[1], criteria,
                                           heads[2], architecture, heads[3], *schedule,
                                           c.t({"en": "## Project team", "de": "## Projektteam"}), team_table]
    return Built(docx(title, blocks, c, lead.name))


@template(CATEGORY, "poc.solution_design_docx", ("fr", "en"), ".docx", split="train", written="round 0")
def poc_solution_design(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    title = c.t({"fr": c.pick((f"Conception de la solution – {customer.name}", f"Architecture de la solution {product}")),
                 "en": c.pick((f"Solution design – {customer.name}", f"Technical design document: {product} pilot"))})
    context = c.t({
        "fr": f"Ce document décrit l'architecture technique retenue pour le pilote {product} chez {customer.name}. Il complète "
              "le cahier des exigences et sert de référence pour l'intégration.",
        "en": f"This document describes the technical architecture chosen for the {product} pilot at {customer.name}. It "
              "complements the requirements and is the reference for integration work.",
    })
    components = c.t({
        "fr": ("Deux passerelles Edge dans la DMZ du site de production", "Cluster d'analyse de trois nœuds (Kubernetes)",
               "Authentification unique via SAML avec l'annuaire du client", "Connecteur REST vers l'ERP",
               "Base de données PostgreSQL en haute disponibilité", "Tableaux de bord web pour l'exploitation"),
        "en": ("Two edge gateways in the DMZ of the production site", "Analytics cluster of three nodes (Kubernetes)",
               "Single sign-on via SAML against the customer directory", "REST connector to the ERP",
               "PostgreSQL database in high availability", "Web dashboards for operations"),
    })
    flow = c.t({
        "fr": "Flux de données : les capteurs publient en MQTT vers la passerelle, qui agrège et chiffre les messages avant "
              "de les transmettre au cluster ; les résultats sont exposés par API.",
        "en": "Data flow: sensors publish over MQTT to the gateway, which aggregates and encrypts messages before forwarding "
              "them to the cluster; results are exposed through an API.",
    })
    nfr = c.t({
        "fr": [["Exigence", "Valeur"], ["Disponibilité", "99,5 %"], ["Latence", f"< {c.rng.randint(2, 9)} s"],
               ["Rétention", f"{c.pick((30, 90, 180))} jours"], ["Débit", f"{c.rng.randint(2, 20)} 000 messages/s"]],
        "en": [["Requirement", "Value"], ["Availability", "99.5%"], ["Latency", f"< {c.rng.randint(2, 9)} s"],
               ["Retention", f"{c.pick((30, 90, 180))} days"], ["Throughput", f"{c.rng.randint(2, 20)},000 messages/s"]],
    })
    heads = c.t({"fr": ("## Contexte", "## Composants", "## Exigences non fonctionnelles", "## Points ouverts"),
                 "en": ("## Context", "## Components", "## Non-functional requirements", "## Open points")})
    open_points = c.t({"fr": ("Dimensionnement du stockage à confirmer", "Choix du certificat pour la passerelle",
                              "Accès VPN pour l'équipe projet"),
                       "en": ("Storage sizing to be confirmed", "Certificate choice for the gateway", "VPN access for the team")})
    blocks: list[str | list[list[str]]] = [heads[0], context, heads[1], *(f"- {x}" for x in c.some(components, 3, 6)), flow,
                                           heads[2], nfr, heads[3], *(f"- {x}" for x in c.some(open_points, 1, 3))]
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "poc.results_pdf", ("es", "de"), ".pdf", split="held_out", written="round 0")
def poc_results(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    start = c.later(-c.rng.randint(30, 60))
    measured = c.rng.randint(12, 30)
    title = c.t({"es": f"Resultados de la prueba de concepto – {customer.name}",
                 "de": f"Ergebnisbericht Pilotprojekt {product} – {customer.name}"})
    body = c.t({
        "es": [f"Cliente: {customer.name}. Periodo del piloto: {c.datestr(start)} a {c.datestr()}.", "",
               "Criterios de éxito y resultados:",
               f"1. Procesar 10.000 eventos por segundo: cumplido ({measured}.500 medidos).",
               "2. Conmutación por error de la pasarela en menos de 30 segundos: cumplido.",
               "3. Integración con el ERP del cliente: cumplido parcialmente; la exportación solo es nocturna.",
               c.pick(("4. Inicio de sesión único con el directorio corporativo: cumplido.",
                       "4. Cuadros de mando para el equipo de operaciones: cumplido.")), "",
               f"Equipo: {author.name} ({author.role}).",
               c.pick(("Recomendación: pasar a producción con la arquitectura validada en el piloto.",
                       "Conclusión: el piloto demuestra la viabilidad técnica; se recomienda una segunda fase."))],
        "de": [f"Kunde: {customer.name}. Pilotzeitraum: {c.datestr(start)} bis {c.datestr()}.", "",
               "Erfolgskriterien und Ergebnisse:",
               f"1. Verarbeitung von 10.000 Ereignissen pro Sekunde: erfüllt ({measured}.500 gemessen).",
               "2. Failover des Gateways in unter 30 Sekunden: erfüllt.",
               "3. Anbindung an das ERP des Kunden: teilweise erfüllt, Export nur nächtlich.",
               c.pick(("4. Single Sign-on mit dem Unternehmensverzeichnis: erfüllt.",
                       "4. Dashboards für den Betrieb: erfüllt.")), "",
               f"Projektteam: {author.name} ({author.role}).",
               c.pick(("Empfehlung: Übergang in den Produktivbetrieb mit der im Pilot validierten Architektur.",
                       "Fazit: Der Pilot belegt die technische Machbarkeit; empfohlen wird eine zweite Phase."))],
    })
    return Built(pdf(title, body, c, author.name))


@template(CATEGORY, "poc.architecture_md", ("en", "es"), ".md", split="train", written="round 0")
def poc_architecture(c: Ctx) -> Built:
    customer, product = c.company(), c.pick(POC_PRODUCTS)
    subnet = f"10.{c.rng.randint(10, 90)}.{c.rng.randint(1, 200)}"
    out = c.t({
        "en": [f"# Architecture overview – {customer.name} pilot", "",
               f"Target architecture for the {product} proof of concept. Status: draft {c.rng.randint(1, 5)}.", "",
               "## Components", "", *(f"- {x}" for x in c.some((
                   f"Ingest service on two VMs ({subnet}.10, {subnet}.11)", "Message broker (Kafka, three brokers)",
                   "Stream processing jobs", "Object storage for raw data", "Grafana dashboards",
                   "Identity provider integration (OIDC)"), 3, 6)), "",
               "## Data flow", "", "1. Devices send telemetry to the ingest service.", "2. Events are written to the broker.",
               "3. Processing jobs enrich events and store aggregates.", "4. Dashboards query the aggregates.", "",
               "## Success criteria", "", "- End-to-end latency below 5 seconds", "- No data loss when one broker fails"],
        "es": [f"# Arquitectura de la solución – piloto {customer.name}", "",
               f"Arquitectura objetivo de la prueba de concepto de {product}. Estado: borrador {c.rng.randint(1, 5)}.", "",
               "## Componentes", "", *(f"- {x}" for x in c.some((
                   f"Servicio de ingesta en dos máquinas virtuales ({subnet}.10, {subnet}.11)",
                   "Bróker de mensajes (Kafka, tres nodos)", "Procesos de tratamiento en streaming",
                   "Almacenamiento de objetos para datos en bruto", "Cuadros de mando en Grafana",
                   "Integración con el proveedor de identidad (OIDC)"), 3, 6)), "",
               "## Flujo de datos", "", "1. Los dispositivos envían telemetría al servicio de ingesta.",
               "2. Los eventos se escriben en el bróker.", "3. Los procesos enriquecen los eventos y guardan agregados.",
               "4. Los cuadros de mando consultan los agregados.", "",
               "## Criterios de éxito", "", "- Latencia de extremo a extremo inferior a 5 segundos",
               "- Sin pérdida de datos si falla un nodo"],
    })
    return Built(text(out))


@template(CATEGORY, "poc.slides_pptx", ("de", "fr"), ".pptx", split="train", written="round 0")
def poc_slides(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    slides = c.t({
        "de": [(f"Pilotprojekt {product} bei {customer.name}", [f"Vorstellung der Ergebnisse, {c.datestr()}", author.name]),
               ("Ziele des Piloten", c.some(("Machbarkeit der Echtzeitauswertung nachweisen", "Integration in die bestehende IT",
                                             "Akzeptanz bei den Anwendern prüfen", "Betriebskonzept validieren"), 2, 4)),
               ("Aufbau der Testumgebung", ["Zwei Gateways im Werk", "Cluster mit drei Knoten", "Anbindung an SAP"]),
               ("Ergebnisse", [f"Durchsatz: {c.rng.randint(10, 40)}.000 Ereignisse/s", "Failover in 12 s",
                               "Alle Erfolgskriterien bis auf eines erfüllt"]),
               ("Nächste Schritte", ["Entscheidung über Rollout", "Angebot für die Produktivphase"])],
        "fr": [(f"Projet pilote {product} – {customer.name}", [f"Restitution du {c.datestr()}", author.name]),
               ("Objectifs du pilote", c.some(("Démontrer l'analyse en temps réel", "Intégration au SI existant",
                                               "Valider l'adoption par les utilisateurs", "Valider le modèle d'exploitation"), 2, 4)),
               ("Environnement de test", ["Deux passerelles sur site", "Cluster de trois nœuds", "Connexion à l'ERP"]),
               ("Résultats", [f"Débit : {c.rng.randint(10, 40)} 000 événements/s", "Bascule en 12 s",
                              "Tous les critères de succès atteints sauf un"]),
               ("Prochaines étapes", ["Décision de déploiement", "Proposition pour la phase de production"])],
    })
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "poc.test_protocol_xlsx", ("en", "fr"), ".xlsx", split="held_out", written="round 0")
def poc_test_protocol(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"en": ["Test case", "Scenario", "Success criterion", "Expected result", "Measured", "Status"],
                  "fr": ["Cas de test", "Scénario", "Critère de succès", "Résultat attendu", "Mesuré", "Statut"]})
    scenarios = c.t({
        "en": (("Load", "10,000 events per second", "No message lost"), ("Failover", "Stop gateway 1", "Switch in < 30 s"),
               ("SSO", "Login with corporate account", "Access granted"), ("Export", "Nightly export to ERP", "File delivered"),
               ("Dashboard", "Open plant overview", "Loads in < 3 s"), ("Retention", "Query 90-day history", "Data present"),
               ("Alerting", "Sensor exceeds threshold", "Alert within 1 min")),
        "fr": (("Charge", "10 000 événements par seconde", "Aucune perte"), ("Bascule", "Arrêt passerelle 1", "Bascule < 30 s"),
               ("SSO", "Connexion compte entreprise", "Accès accordé"), ("Export", "Export nocturne vers l'ERP", "Fichier livré"),
               ("Tableau de bord", "Vue d'ensemble usine", "Affichage < 3 s"), ("Rétention", "Historique 90 jours", "Données présentes"),
               ("Alertes", "Seuil capteur dépassé", "Alerte sous 1 min")),
    })
    status = c.t({"en": ("passed", "passed", "failed", "open"), "fr": ("réussi", "réussi", "échoué", "ouvert")})
    rows: list[list[object]] = [[f"T{n:02d}", name, scenario, expected, c.pick(("ok", "12 s", "2.1 s", "yes", "-")), c.pick(status)]
                                for n, (name, scenario, expected) in enumerate(c.some(scenarios, 4, 7), start=1)]
    return Built(xlsx([(c.t({"en": "PoC tests", "fr": "Tests pilote"}), header, rows)], c, author.name))


@template(CATEGORY, "poc.pilot_report_md", ("en", "es"), ".md", split="train", written="round 1")
def pilot_report(c: Ctx) -> Built:
    customer, engineer = c.company(), c.person(c.vendor())
    product = c.pick(POC_PRODUCTS)
    sites, devices = c.rng.randint(2, 6), c.rng.randint(20, 400)
    latency, target = c.rng.randint(40, 180), c.pick((200, 250, 300))
    if c.lang == "en":
        out = [f"# {product} pilot at {customer.name} - technical evaluation", "",
               f"Prepared by {engineer.name} ({engineer.role}), {c.datestr()}", "",
               "## Scope", f"Validate that {product} can ingest telemetry from {devices} devices across {sites} sites "
               f"before {customer.name} commits to a production rollout.", "",
               "## Environment", f"- {sites} edge nodes in the customer's plants, one collector VM in their data centre",
               "- Connected to the customer's Active Directory for single sign-on", "",
               "## Test scenarios and outcome",
               f"1. Ingest rate under peak load - passed ({devices * 12} events/min sustained)",
               f"2. End-to-end latency below {target} ms - {'passed' if latency < target else 'failed'} ({latency} ms p95)",
               "3. Failover of the collector - passed after a configuration change", "",
               "## Recommendation",
               c.pick(("Proceed to a paid phase 1 covering all plants.",
                       "Extend the pilot by four weeks to cover the remaining integration questions."))]
    else:
        out = [f"# Piloto de {product} en {customer.name}: evaluación técnica", "",
               f"Elaborado por {engineer.name} ({engineer.role}), {c.datestr()}", "",
               "## Alcance", f"Comprobar que {product} puede recoger la telemetría de {devices} dispositivos en {sites} "
               f"centros antes de que {customer.name} decida el despliegue en producción.", "",
               "## Entorno", f"- {sites} nodos en las plantas del cliente y una VM colectora en su centro de datos",
               "- Integrado con el directorio activo del cliente", "",
               "## Escenarios probados",
               f"1. Carga máxima - superado ({devices * 12} eventos/min)",
               f"2. Latencia extremo a extremo inferior a {target} ms - {'superado' if latency < target else 'no superado'} "
               f"({latency} ms p95)",
               "3. Conmutación por error del colector - superado tras un cambio de configuración", "",
               "## Recomendación",
               c.pick(("Pasar a una fase 1 de pago que cubra todas las plantas.",
                       "Ampliar el piloto cuatro semanas para cerrar las dudas de integración."))]
    return Built(text(out))


@template(CATEGORY, "poc.blind_test_setup_txt", ("de", "fr"), ".txt", split="train", written="round 2")
def blind_test_setup(c: Ctx) -> Built:
    customer, engineer = c.company(), c.person(c.vendor())
    product = c.pick(POC_PRODUCTS)
    weeks, vms = c.rng.randint(2, 8), c.rng.randint(2, 5)
    if c.lang == "de":
        out = [f"Teststellung {product} bei {customer.name}", "", f"Verantwortlich: {engineer.name}, {engineer.phone}",
               f"Laufzeit: {weeks} Wochen ab {c.datestr()}", "",
               "Ziel", f"{customer.name} möchte vor einer Kaufentscheidung prüfen, ob {product} mit den vorhandenen "
               "Maschinendaten zurechtkommt.", "",
               "Voraussetzungen beim Kunden", f"- {vms} virtuelle Maschinen mit je 8 vCPU und 32 GB RAM",
               "- Zugriff auf das Test-Netz der Fertigung", "- ein Ansprechpartner aus der Instandhaltung", "",
               "Abnahme", "Die Teststellung gilt als erfolgreich, wenn die drei vereinbarten Szenarien ohne Datenverlust "
               "durchlaufen. Danach Rückbau der Installation oder Überführung in den Betrieb."]
    else:
        out = [f"Maquette {product} chez {customer.name}", "", f"Responsable : {engineer.name}, {engineer.phone}",
               f"Durée : {weeks} semaines à partir du {c.datestr()}", "",
               "Objectif", f"Avant toute décision d'achat, {customer.name} veut vérifier que {product} sait traiter les "
               "données de ses machines.", "",
               "Prérequis côté client", f"- {vms} machines virtuelles de 8 vCPU et 32 Go de RAM",
               "- accès au réseau de test de l'usine", "- un interlocuteur de la maintenance", "",
               "Validation", "La maquette est concluante si les trois scénarios convenus passent sans perte de données. "
               "Ensuite, désinstallation ou passage en production."]
    return Built(text(out))


@template(CATEGORY, "poc.b3_test_log", ("de", "es"), ".xlsx", split="train", written="round 3")
def poc_test_log(c: Ctx) -> Built:
    customer = c.company()
    tester, theirs = c.person(c.vendor()), c.person(customer)
    product = c.pick(("DataHub", "FleetView", "SecureSync", "OptiRoute", "InsightCloud"))
    n, users, hall = c.pick((2000, 10000, 25000)), c.pick((20, 50, 80)), c.rng.randint(1, 6)
    cases = c.t({
        "de": [("Anmeldung über das vorhandene Active Directory (SSO)", "Login ohne erneute Passworteingabe"),
               (f"Übernahme Stammdaten aus dem Altsystem, Stichprobe {n} Datensätze", "max. 0,5 % Abweichung"),
               ("Ausfall eines Knotens im Testcluster", "Dienst nach < 60 s wieder erreichbar"),
               (f"Dashboard mit {users} gleichzeitigen Nutzern", "Ladezeit unter 2 s"),
               ("Export der Tageswerte an SAP (IDoc)", "Übergabe ohne manuellen Eingriff"),
               ("Rollenkonzept: Fachbereich nur lesend", "Schreibversuch wird abgewiesen"),
               ("Alarm per E-Mail bei Grenzwertüberschreitung", "Zustellung innerhalb 5 min"),
               ("Sicherung im Nachtlauf, Wiederherstellung einer Tabelle", "Restore vollständig, Prüfsumme ok"),
               (f"Maschinendaten Halle {hall} über OPC UA anbinden", "alle 48 Signale sichtbar"),
               ("Mandantentrennung Werk Nord / Werk Süd", "keine Sicht auf fremde Daten")],
        "es": [("Inicio de sesión con el Active Directory del cliente (SSO)", "Acceso sin volver a pedir contraseña"),
               (f"Migración de datos maestros, muestra de {n} registros", "desviación máx. 0,5 %"),
               ("Caída de un nodo del clúster de pruebas", "servicio disponible en < 60 s"),
               (f"Cuadro de mando con {users} usuarios concurrentes", "carga en menos de 2 s"),
               ("Envío de los datos diarios a SAP", "sin intervención manual"),
               ("Perfiles: el área de negocio solo consulta", "se rechaza cualquier modificación"),
               ("Aviso por correo al superar umbrales", "llega en menos de 5 min"),
               ("Copia nocturna y restauración de una tabla", "restauración completa"),
               (f"Conexión de las máquinas de la nave {hall} por OPC UA", "se ven las 48 señales"),
               ("Separación de datos entre plantas", "ninguna planta ve datos de otra")],
    })
    verdicts = c.t({"de": ("bestanden", "bestanden", "bestanden", "teilweise", "nicht bestanden", "offen"),
                    "es": ("OK", "OK", "OK", "parcial", "KO", "pendiente")})
    notes = c.t({
        "de": {"teilweise": ("läuft, aber nur nach Neustart des Agenten", "3 von 4 Werten korrekt, Rundung prüfen",
                             "bei 80 Nutzern 3,4 s – Cache noch nicht aktiv"),
               "nicht bestanden": ("Zertifikat vom Kunden fehlt noch", "Timeout nach 30 s, Ticket #{t} beim Hersteller",
                                   "Firewallfreigabe Port 4840 fehlt"),
               "offen": ("Termin mit IT-Betrieb steht aus", "Testdaten noch nicht geliefert"),
               "bestanden": ("", "", "sauber durchgelaufen", "mit Kunde gemeinsam geprüft")},
        "es": {"parcial": ("funciona tras reiniciar el agente", "3 de 4 valores bien, revisar redondeo",
                           "con 80 usuarios tarda 3,4 s, falta activar la caché"),
               "KO": ("falta el certificado del cliente", "timeout a los 30 s, ticket #{t} abierto con el fabricante",
                      "no está abierto el puerto 4840 en el firewall"),
               "pendiente": ("pendiente de fecha con sistemas", "el cliente aún no ha enviado datos de prueba"),
               "OK": ("", "", "sin incidencias", "revisado junto con el cliente")},
    })
    rows: list[list[object]] = []
    count = {v: 0 for v in verdicts}
    for index, (case, expected) in enumerate(c.some(cases, 6, 10), start=1):
        verdict = c.pick(verdicts)
        count[verdict] += 1
        note = c.pick(notes[verdict]).format(t=c.rng.randrange(10000, 99999))
        who = c.pick((tester.name, tester.name, theirs.name))
        rows.append([f"T{index:02d}", case, expected, verdict, note, who, short_date(c, c.rng.randrange(0, 20))])
    head = c.t({"de": ["Nr.", "Testfall", "Erwartetes Ergebnis", "Ergebnis", "Bemerkung", "Getestet von", "Datum"],
                "es": ["N.º", "Caso de prueba", "Resultado esperado", "Resultado", "Observaciones", "Probado por", "Fecha"]})
    summary: list[list[object]] = [
        [c.t({"de": "Kunde", "es": "Cliente"}), customer.name],
        [c.t({"de": "Produkt / Version", "es": "Producto / versión"}), f"{product} {c.rng.randint(3, 7)}.{c.rng.randint(0, 9)}"],
        [c.t({"de": "Testzeitraum", "es": "Periodo de pruebas"}), f"{short_date(c)} – {short_date(c, 21)}"],
        [c.t({"de": "Ansprechpartner Kunde", "es": "Contacto en el cliente"}), theirs.name],
        *[[key, value] for key, value in count.items() if value],
    ]
    sheets = [(c.t({"de": "Testprotokoll", "es": "Pruebas"}), head, rows),
              (c.t({"de": "Zusammenfassung", "es": "Resumen"}), [c.t({"de": "Feld", "es": "Campo"}), c.t({"de": "Wert", "es": "Valor"})],
               summary)]
    return Built(xlsx(sheets, c, tester.name))


@template(CATEGORY, "poc.b3_pilot_readout", ("en", "fr"), ".pptx", split="train", written="round 3")
def poc_pilot_readout(c: Ctx) -> Built:
    customer = c.company()
    author = c.person(c.vendor())
    weeks, sites, devices = c.rng.randint(4, 10), c.rng.randint(1, 4), c.rng.randint(6, 60)
    gain = c.rng.randint(8, 31)
    site_word = c.pick(c.t({"en": ("plant", "warehouse", "depot", "branch"), "fr": ("usine", "entrepôt", "dépôt", "agence")}))
    if c.lang == "en":
        slides: list[tuple[str, list[str]]] = [
            (f"{customer.name} pilot – readout", [f"{weeks} weeks, {sites} {site_word}{'s' if sites > 1 else ''}",
                                                  f"Prepared by {author.name}, {c.datestr()}"]),
            ("What we agreed to prove", c.some([
                f"Cut unplanned downtime on the packaging lines by at least {gain - 5}%",
                "Get sensor data into their existing reporting without new hardware in the data centre",
                "Show that the shift leads actually use the alerts (not just IT)",
                "Run on their network as is: no inbound ports, proxy only",
                "Keep the whole thing under the innovation budget, i.e. no capex"], 3, 5)),
            ("How it was set up", [f"{devices} sensors retrofitted, {sites} edge box{'es' if sites > 1 else ''} on site",
                                   "Data pushed every 30 s over MQTT to our tenant in their Azure subscription",
                                   "Single sign-on against their Entra ID, read-only role for the plant managers",
                                   c.pick(("Integration to SAP PM stubbed out – manual export only",
                                           "Maintenance tickets created in ServiceNow via REST"))]),
            ("Results", [f"Unplanned stops down {gain}% against the 8 weeks before",
                         f"{c.rng.randint(3, 12)} bearing failures flagged 2–5 days early",
                         f"False alarm rate {c.rng.randint(4, 19)}% after re-tuning thresholds in week {c.rng.randint(2, 4)}",
                         "Dashboards opened daily by every shift lead on line 2, less so on line 1"]),
            ("What did not work", c.some(["Cellular backup dropped out in the cold store",
                                          "Historian import took three attempts (timestamp format)",
                                          "Two sensors mounted on the wrong motor for the first week",
                                          "Their proxy re-signs TLS – had to pin their CA",
                                          "Nobody owned the alert rota at night"], 2, 4)),
            ("Recommendation & next steps", ["Roll out to the remaining lines in two waves",
                                             f"Go/no-go with {c.person(customer).name} by {c.datestr(c.later(30), long=True)}",
                                             c.pick(("Convert pilot licences to a 3-year subscription",
                                                     "Keep the pilot tenant; production tenant in their EU region"))]),
        ]
    else:
        slides = [
            (f"Pilote {customer.name} – bilan", [f"{weeks} semaines, {sites} site{'s' if sites > 1 else ''} ({site_word})",
                                                 f"Rédigé par {author.name}, le {c.datestr(long=True)}"]),
            ("Ce que nous devions démontrer", c.some([
                f"Réduire d'au moins {gain - 5} % les arrêts non planifiés des lignes de conditionnement",
                "Remonter les données capteurs dans le reporting existant, sans matériel supplémentaire",
                "Vérifier que les chefs d'équipe utilisent réellement les alertes",
                "Fonctionner sur leur réseau tel quel : aucun port entrant, uniquement via le proxy",
                "Rester dans l'enveloppe innovation, sans investissement"], 3, 5)),
            ("Mise en place", [f"{devices} capteurs posés, {sites} boîtier{'s' if sites > 1 else ''} edge sur site",
                               "Envoi toutes les 30 s en MQTT vers notre instance dans leur abonnement Azure",
                               "Authentification unique sur leur annuaire, profil lecture seule pour les responsables",
                               c.pick(("Interface SAP PM simulée – export manuel", "Tickets de maintenance créés dans ServiceNow"))]),
            ("Résultats", [f"Arrêts non planifiés en baisse de {gain} % par rapport aux 8 semaines précédentes",
                           f"{c.rng.randint(3, 12)} défauts de roulement détectés 2 à 5 jours à l'avance",
                           f"Taux de fausses alertes de {c.rng.randint(4, 19)} % après réglage des seuils",
                           "Tableaux de bord consultés chaque jour par l'équipe de la ligne 2"]),
            ("Ce qui n'a pas marché", c.some(["Coupures du lien 4G dans la chambre froide",
                                             "Import de l'historique en trois fois (format des horodatages)",
                                             "Deux capteurs posés sur le mauvais moteur la première semaine",
                                             "Leur proxy réécrit les certificats TLS",
                                             "Personne d'astreinte pour les alertes de nuit"], 2, 4)),
            ("Recommandation et suite", ["Déploiement sur les autres lignes en deux vagues",
                                         f"Décision avec {c.person(customer).name} d'ici le {c.datestr(c.later(30), long=True)}",
                                         c.pick(("Transformer les licences pilote en abonnement 3 ans",
                                                 "Conserver l'instance pilote, production dans leur région UE"))]),
        ]
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "poc.b4_sizing", ("de", "fr"), ".xlsx", split="train", written="round 4")
def poc_sizing(c: Ctx) -> Built:
    customer, us = c.company(), c.vendor()
    product = c.pick(PRODUCT_NAMES)
    author = c.person(us)
    sites = c.rng.randint(2, 9)
    sensors = c.rng.randint(40, 400)
    interval = c.pick((1, 5, 10, 30, 60))
    users = c.rng.randint(8, 60)
    retention = c.pick((30, 60, 90, 180))
    per_day = round(sites * sensors * (86400 / interval) * 0.25 / 1_000_000, 2)
    workshop = short_date(c, -c.rng.randint(5, 20))
    if c.lang == "de":
        cover: list[list[object]] = [
            ["Projekt", f"Proof of Concept {product} bei {customer.name}"],
            ["Dokument", "Sizing der Pilotumgebung (Vorabschätzung)"],
            ["Stand", short_date(c)],
            ["Erstellt von", f"{author.name}, {us.name}"],
            ["Grundlage", f"Technischer Workshop vom {workshop} mit der IT von {customer.name}"],
            ["Hinweis", "Werte gelten nur für die PoC-Laufzeit; ein Produktiv-Sizing folgt nach Auswertung der Messwerte."],
        ]
        assumptions: list[list[object]] = [
            ["Anzahl Standorte im Pilot", sites, "Workshop"],
            ["Sensoren je Standort", sensors, "Angabe Kunde, Stichprobe"],
            ["Messintervall (Sekunden)", interval, "Konfiguration Bestandsanlage"],
            ["Datenvolumen je Tag (GB, geschätzt)", c.number(per_day), "250 Byte je Messwert"],
            ["Aufbewahrung Rohdaten (Tage)", retention, "Vorgabe Fachbereich"],
            ["Gleichzeitige Benutzer Dashboard", users, "Schätzung Projektleitung"],
            ["Anbindung", c.pick(("OPC UA", "MQTT über VPN", "REST-Schnittstelle SCADA")), "zu bestätigen"],
        ]
        sizing_head = ["Komponente", "Anzahl", "vCPU", "RAM (GB)", "Speicher (GB)", "Betrieb", "Bemerkung"]
        notes_head = ["Nr.", "Offener Punkt", "Verantwortlich", "Fällig", "Status"]
        open_points = [
            "Freigabe der Firewall-Regeln für die Testsegmente",
            "Bereitstellung der VM-Ressourcen im Rechenzentrum des Kunden",
            "Klärung Zugriff auf historische Messdaten (6 Monate)",
            "Benennung eines Ansprechpartners Produktion je Standort",
            "Abnahme der Messgrößen für die Erfolgsbewertung",
            "Lizenzschlüssel für die Testinstallation anfordern",
        ]
        owners = (customer.name, us.name)
        status = ("offen", "in Klärung", "erledigt")
        names = ("Deckblatt", "Annahmen", "Sizing PoC", "Offene Punkte")
        assumption_head = ["Parameter", "Wert", "Quelle"]
        where = ("Kunden-RZ", "Cloud (Testmandant)", "vor Ort")
        comps = ("Ingest-Knoten", "Zeitreihen-Datenbank", "Analytics-Worker", "Web-Frontend", "Edge-Gateway je Standort")
    else:
        cover = [
            ["Projet", f"Proof of concept {product} chez {customer.name}"],
            ["Document", "Dimensionnement de la plateforme pilote (estimation préliminaire)"],
            ["Version du", short_date(c)],
            ["Rédigé par", f"{author.name}, {us.name}"],
            ["Base", f"Atelier technique du {workshop} avec la DSI de {customer.name}"],
            ["Remarque", "Valeurs valables pour la durée du POC uniquement ; le dimensionnement cible sera fait après analyse."],
        ]
        assumptions = [
            ["Nombre de sites pilotes", sites, "Atelier"],
            ["Capteurs par site", sensors, "Donnée client, échantillon"],
            ["Intervalle de mesure (secondes)", interval, "Configuration existante"],
            ["Volume de données par jour (Go, estimé)", c.number(per_day), "250 octets par mesure"],
            ["Conservation des données brutes (jours)", retention, "Exigence métier"],
            ["Utilisateurs simultanés tableau de bord", users, "Estimation chef de projet"],
            ["Raccordement", c.pick(("OPC UA", "MQTT via VPN", "API REST de la supervision")), "à confirmer"],
        ]
        sizing_head = ["Composant", "Nombre", "vCPU", "RAM (Go)", "Stockage (Go)", "Hébergement", "Commentaire"]
        notes_head = ["N°", "Point ouvert", "Responsable", "Échéance", "Statut"]
        open_points = [
            "Validation des règles de pare-feu pour les segments de test",
            "Mise à disposition des VM dans le datacenter du client",
            "Accès à l'historique des mesures (6 mois)",
            "Désignation d'un référent production par site",
            "Validation des indicateurs retenus pour l'évaluation",
            "Demande des clés de licence pour l'installation de test",
        ]
        owners = (customer.name, us.name)
        status = ("ouvert", "en cours", "clos")
        names = ("Page de garde", "Hypothèses", "Dimensionnement POC", "Points ouverts")
        assumption_head = ["Paramètre", "Valeur", "Source"]
        where = ("datacenter client", "cloud (tenant de test)", "sur site")
        comps = ("Nœud d'ingestion", "Base de séries temporelles", "Worker analytique", "Frontal web", "Passerelle edge par site")
    sizing: list[list[object]] = []
    for index, comp in enumerate(comps):
        count = sites if index == 4 else c.pick((1, 1, 2, 3))
        storage = max(50, int(per_day * retention * 1.3)) if index == 1 else c.pick((40, 60, 100))
        sizing.append([comp, count, c.pick((2, 4, 8, 16)), c.pick((4, 8, 16, 32, 64)), storage,
                       where[2] if index == 4 else c.pick(where[:2]),
                       c.pick(("", "HA nicht erforderlich" if c.lang == "de" else "pas de HA requise", "x86, Linux"))])
    notes: list[list[object]] = [[i + 1, point, c.pick(owners), short_date(c, 3 + 4 * i), c.pick(status)]
                                 for i, point in enumerate(c.some(open_points, 4, 6))]
    return Built(xlsx([(names[0], ["", ""], cover), (names[1], assumption_head, assumptions),
                       (names[2], sizing_head, sizing), (names[3], notes_head, notes)], c, author.name))


@template(CATEGORY, "poc.b4_interface_spec", ("en", "es"), ".md", split="train", written="round 4")
def poc_interface_spec(c: Ctx) -> Built:
    customer, us = c.company(), c.vendor()
    product = c.pick(PRODUCT_NAMES)
    author, contact = c.person(us), c.person(customer)
    erp = c.pick(("SAP S/4HANA", "Microsoft Dynamics 365", "Sage X3", "Odoo 16"))
    version = f"0.{c.rng.randint(2, 9)}"
    fields = [("order_id", "VBELN", "string(10)"), ("customer_no", "KUNNR", "string(10)"), ("material", "MATNR", "string(18)"),
              ("quantity", "KWMENG", "decimal(13,3)"), ("requested_date", "EDATU", "date"), ("plant", "WERKS", "string(4)")]
    chosen = c.some(fields, 4, 6)
    if c.lang == "en":
        lines = [
            f"# Interface specification – {product} prototype connector for {customer.name}",
            "",
            f"Version {version} · {c.datestr(long=True)} · Author: {author.name} ({us.name}) · Customer contact: {contact.name}",
            "",
            "## 1. Purpose",
            f"This page describes the connector we build during the proof of concept to show that {product} can read "
            f"open orders from {customer.name}'s {erp} system and return planned delivery dates. The connector is a "
            "prototype: no production data, no high availability, no support commitment.",
            "",
            "## 2. Systems in scope",
            f"- Source: {erp} test client (copy of production from {short_date(c, -30)})",
            f"- Target: {product} trial tenant hosted by {us.name}",
            "- Transport: HTTPS through the customer's reverse proxy, IP allow-list on both sides",
            "",
            "## 3. Endpoints",
            "| Method | Path | Direction | Notes |",
            "|---|---|---|---|",
            "| GET | /api/poc/orders?since={timestamp} | ERP → prototype | polled every 5 minutes |",
            "| POST | /api/poc/plans | prototype → ERP | one call per order, idempotent by order_id |",
            "| GET | /api/poc/health | monitoring | returns 200 and build number |",
            "",
            "## 4. Field mapping",
            "| Prototype field | ERP field | Type |",
            "|---|---|---|",
            *[f"| {a} | {b} | {t} |" for a, b, t in chosen],
            "",
            "## 5. Error handling",
            "- Records failing validation are written to a reject file and shown on the demo dashboard.",
            "- After three failed calls the connector pauses for 15 minutes and raises an alert in the PoC channel.",
            "",
            "## 6. Demo scenarios for the evaluation",
            "1. Import of all open orders of one plant and display on the planning board",
            "2. Rescheduling after a simulated machine breakdown, write-back of new dates",
            "3. Load test with twelve months of historical orders",
            "",
            "## 7. Open questions",
            f"- Does {customer.name} allow write-back into the test client, or only a CSV file?",
            "- Who provides the service user and which authorisations does it get?",
        ]
        if c.maybe():
            lines += ["- Is the plant calendar maintained in the ERP or in a separate tool?"]
    else:
        lines = [
            f"# Especificación de interfaz – conector prototipo de {product} para {customer.name}",
            "",
            f"Versión {version} · {c.datestr(long=True)} · Autor: {author.name} ({us.name}) · Contacto cliente: {contact.name}",
            "",
            "## 1. Objetivo",
            f"Este documento describe el conector que desarrollamos durante la prueba de concepto para demostrar que {product} "
            f"puede leer los pedidos abiertos del sistema {erp} de {customer.name} y devolver fechas de entrega planificadas. "
            "Se trata de un prototipo: sin datos productivos, sin alta disponibilidad y sin compromiso de soporte.",
            "",
            "## 2. Sistemas implicados",
            f"- Origen: mandante de pruebas de {erp} (copia de producción del {short_date(c, -30)})",
            f"- Destino: entorno de prueba de {product} alojado por {us.name}",
            "- Transporte: HTTPS a través del proxy inverso del cliente, lista de IP permitidas en ambos lados",
            "",
            "## 3. Endpoints",
            "| Método | Ruta | Sentido | Observaciones |",
            "|---|---|---|---|",
            "| GET | /api/poc/orders?since={timestamp} | ERP → prototipo | consulta cada 5 minutos |",
            "| POST | /api/poc/plans | prototipo → ERP | una llamada por pedido, idempotente por order_id |",
            "| GET | /api/poc/health | monitorización | devuelve 200 y número de build |",
            "",
            "## 4. Correspondencia de campos",
            "| Campo prototipo | Campo ERP | Tipo |",
            "|---|---|---|",
            *[f"| {a} | {b} | {t} |" for a, b, t in chosen],
            "",
            "## 5. Gestión de errores",
            "- Los registros que no pasan la validación se guardan en un fichero de rechazos y se muestran en el panel de la demo.",
            "- Tras tres llamadas fallidas el conector se detiene 15 minutos y envía una alerta al canal de la PoC.",
            "",
            "## 6. Escenarios de demostración para la evaluación",
            "1. Importación de todos los pedidos abiertos de una planta y visualización en el tablero de planificación",
            "2. Replanificación tras una avería simulada y devolución de las nuevas fechas",
            "3. Prueba de carga con doce meses de pedidos históricos",
            "",
            "## 7. Preguntas abiertas",
            f"- ¿Permite {customer.name} escribir en el mandante de pruebas o solo mediante fichero CSV?",
            "- ¿Quién facilita el usuario técnico y con qué autorizaciones?",
        ]
        if c.maybe():
            lines += ["- ¿El calendario de planta se mantiene en el ERP o en otra herramienta?"]
    return Built(text(lines))


@template(CATEGORY, "poc.b5_prerequisites", ("en", "de"), ".md", split="train", written="round 5")
def poc_prerequisites(c: Ctx) -> Built:
    customer, vendor = c.company(), c.vendor()
    se, it = c.person(vendor), c.person(customer)
    product = c.pick(PRODUCT_NAMES)
    start = c.later(c.rng.randint(10, 25))
    end = start + timedelta(days=c.pick((10, 14, 21, 28)))
    window = f"{c.datestr(start, long=False)} – {c.datestr(end, long=False)}"
    os_name = c.pick(("Ubuntu 22.04 LTS", "RHEL 9", "Windows Server 2022", "Debian 12"))
    roles = c.t({"en": ("Application server", "Database server", "Collector / agent host", "Jump host"),
                 "de": ("Applikationsserver", "Datenbankserver", "Collector-/Agent-Host", "Jumphost")})
    vm_rows = [f"| {role} | {c.pick((4, 8, 16))} | {c.pick((16, 32, 64))} GB | {c.pick((100, 250, 500))} GB | {os_name} |"
               for role in roles[:c.rng.randint(2, 4)]]
    source = c.pick(("SAP ERP", "the MES", "the historian (OSIsoft PI)", "Microsoft Dynamics", "the ticketing system"))
    records = c.pick((50_000, 120_000, 250_000, 1_000_000))
    if c.lang == "en":
        ports = c.some((
            "- [ ] 443/tcp from the test clients to the application server",
            "- [ ] 5432/tcp from the application server to the database server",
            "- [ ] 8883/tcp (MQTT over TLS) from the edge gateways to the collector",
            "- [ ] 22/tcp from the jump host to all PoC machines",
            "- [ ] 514/udp syslog from the firewalls to the collector",
            "- [ ] Outbound 443/tcp to our licence server (or an offline licence file, see 3.4)",
        ), 3, 6)
        cases = c.some((
            f"Connect {source} and load at least {c.number(records, 0)} records",
            "Near-real-time dashboard for one production line",
            "Alerting to the on-call team via e-mail and Teams",
            "Single sign-on with the customer's Entra ID / Azure AD",
            "Role-based access: plant manager vs. operator view",
            "Export of the weekly KPI report as PDF",
            "Failover test: stop the database node during ingest",
        ), 3, 5)
        criteria = c.some((
            f"Ingest of {c.number(records, 0)} records in under {c.pick((10, 15, 30))} minutes",
            "Dashboard refresh under 5 seconds with 20 concurrent users",
            "No data loss during the failover test",
            "SSO login works for all pilot users without a second password",
            "Operators can build a new report without help from IT",
        ), 3, 4)
        out = [
            f"# Proof of Concept {product} – prerequisites checklist", "",
            f"**Customer:** {customer.name}  ",
            f"**PoC window:** {window}  ",
            f"**Prepared by:** {se.name}, {vendor.name}  ",
            f"**Customer contact:** {it.name} ({it.role})", "",
            "Please work through this list before the kick-off workshop. Anything that is not in place on day one "
            "usually costs us two to three days of the PoC window.", "",
            "## 1. Infrastructure", "",
            "| Role | vCPU | RAM | Disk | OS |", "|---|---|---|---|---|", *vm_rows, "",
            "Virtual machines are fine; the PoC does not need to run on production hardware." if c.maybe()
            else "Please provision the VMs in the test network, not in the production VLAN.", "",
            "## 2. Network and firewall", "", *ports, "",
            "## 3. Accounts and permissions", "",
            f"- [ ] Read-only service account for {source} (no admin rights needed)",
            "- [ ] Local admin rights on the PoC machines for our engineers during the PoC",
            f"- [ ] VPN access for {se.first} {se.last} and one colleague (named accounts, MFA is fine)",
            "- [ ] Licence file or outbound access to the licence server", "",
            "## 4. Test data", "",
            "- [ ] Anonymised extract or a copy of the test system, no production personal data",
            "- [ ] Written OK from your data protection officer that the data may be used for the PoC", "",
            "## 5. Use cases in scope", "", *[f"{i}. {case}" for i, case in enumerate(cases, 1)], "",
            "## 6. Success criteria (to be confirmed at kick-off)", "", *[f"- {crit}" for crit in criteria], "",
            "## 7. Timeline", "",
            "| When | What |", "|---|---|",
            f"| {c.datestr(start, long=False)} | Kick-off and installation |",
            f"| {c.datestr(start + timedelta(days=3), long=False)} | Data connection, first dashboards |",
            f"| {c.datestr(end - timedelta(days=2), long=False)} | Test of the success criteria together with {customer.name} |",
            f"| {c.datestr(end, long=False)} | Wrap-up workshop and go/no-go |", "",
            f"Questions: {se.email} / {se.phone}",
        ]
    else:
        ports = c.some((
            "- [ ] 443/tcp von den Test-Clients zum Applikationsserver",
            "- [ ] 5432/tcp vom Applikationsserver zum Datenbankserver",
            "- [ ] 8883/tcp (MQTT über TLS) von den Edge-Gateways zum Collector",
            "- [ ] 22/tcp vom Jumphost auf alle PoC-Maschinen",
            "- [ ] 514/udp Syslog von den Firewalls zum Collector",
            "- [ ] Ausgehend 443/tcp zu unserem Lizenzserver (alternativ Offline-Lizenzdatei)",
        ), 3, 6)
        quelle = c.pick(("SAP ERP", "das MES", "den Historian (OSIsoft PI)", "Microsoft Dynamics", "das Ticketsystem"))
        cases = c.some((
            f"Anbindung an {quelle}, Import von mindestens {c.number(records, 0)} Datensätzen",
            "Dashboard in nahezu Echtzeit für eine Fertigungslinie",
            "Alarmierung der Rufbereitschaft per E-Mail und Teams",
            "Single Sign-on über Entra ID / Azure AD des Kunden",
            "Rollenkonzept: Sicht Werkleitung vs. Sicht Schichtführer",
            "Export des wöchentlichen KPI-Berichts als PDF",
            "Ausfalltest: Datenbankknoten während des Imports stoppen",
        ), 3, 5)
        criteria = c.some((
            f"Import von {c.number(records, 0)} Datensätzen in unter {c.pick((10, 15, 30))} Minuten",
            "Aktualisierung der Dashboards in unter 5 Sekunden bei 20 gleichzeitigen Nutzern",
            "Kein Datenverlust beim Ausfalltest",
            "SSO-Anmeldung funktioniert für alle Pilotanwender ohne zweites Passwort",
            "Fachbereich kann einen neuen Bericht ohne Unterstützung der IT erstellen",
        ), 3, 4)
        out = [
            f"# Proof of Concept {product} – Voraussetzungen und Checkliste", "",
            f"**Kunde:** {customer.name}  ",
            f"**PoC-Zeitraum:** {window}  ",
            f"**Erstellt von:** {se.name}, {vendor.name}  ",
            f"**Ansprechpartner beim Kunden:** {it.name} ({it.role})", "",
            "Bitte arbeiten Sie diese Liste vor dem Kick-off-Workshop durch. Was am ersten Tag nicht bereitsteht, "
            "kostet uns erfahrungsgemäß zwei bis drei Tage des PoC-Zeitraums.", "",
            "## 1. Infrastruktur", "",
            "| Rolle | vCPU | RAM | Platte | Betriebssystem |", "|---|---|---|---|---|", *vm_rows, "",
            "Virtuelle Maschinen genügen, der PoC muss nicht auf Produktivhardware laufen." if c.maybe()
            else "Bitte die VMs im Testnetz bereitstellen, nicht im Produktiv-VLAN.", "",
            "## 2. Netzwerk und Firewall", "", *ports, "",
            "## 3. Benutzer und Berechtigungen", "",
            f"- [ ] Technischer Benutzer mit Lesezugriff auf {quelle} (keine Adminrechte nötig)",
            "- [ ] Lokale Adminrechte auf den PoC-Maschinen für unsere Techniker während des PoC",
            f"- [ ] VPN-Zugang für {se.first} {se.last} und einen Kollegen (personalisierte Konten, MFA ist kein Problem)",
            "- [ ] Lizenzdatei oder ausgehender Zugriff auf den Lizenzserver", "",
            "## 4. Testdaten", "",
            "- [ ] Anonymisierter Auszug oder Kopie des Testsystems, keine personenbezogenen Produktivdaten",
            "- [ ] Schriftliche Freigabe durch Ihren Datenschutzbeauftragten", "",
            "## 5. Anwendungsfälle im Scope", "", *[f"{i}. {case}" for i, case in enumerate(cases, 1)], "",
            "## 6. Erfolgskriterien (Abstimmung im Kick-off)", "", *[f"- {crit}" for crit in criteria], "",
            "## 7. Zeitplan", "",
            "| Wann | Was |", "|---|---|",
            f"| {c.datestr(start, long=False)} | Kick-off und Installation |",
            f"| {c.datestr(start + timedelta(days=3), long=False)} | Datenanbindung, erste Dashboards |",
            f"| {c.datestr(end - timedelta(days=2), long=False)} | Gemeinsamer Test der Erfolgskriterien mit {customer.name} |",
            f"| {c.datestr(end, long=False)} | Abschlussworkshop und Go/No-Go-Entscheidung |", "",
            f"Rückfragen gerne an {se.email} bzw. {se.phone}",
        ]
    return Built(text(out))


@template(CATEGORY, "poc.b5_scorecard", ("fr", "es"), ".xlsx", split="train", written="round 5")
def poc_scorecard(c: Ctx) -> Built:
    customer, vendor = c.company(), c.vendor()
    se, lead = c.person(vendor), c.person(customer)
    product = c.pick(PRODUCT_NAMES)
    fr = c.lang == "fr"
    criteria = c.some(c.t({
        "fr": (("Intégration avec l'annuaire (SSO)", "Test de connexion avec 10 comptes pilotes"),
               ("Temps de réponse des tableaux de bord", "Mesure avec 20 utilisateurs simultanés"),
               ("Import des données historiques", "Chargement de 24 mois d'historique"),
               ("Haute disponibilité", "Arrêt d'un nœud pendant l'ingestion"),
               ("Ergonomie pour les utilisateurs métier", "Atelier avec 5 utilisateurs clés"),
               ("Sécurité et chiffrement", "Revue par le RSSI, scan de vulnérabilités"),
               ("Connecteur ERP", "Synchronisation des articles et des commandes de test"),
               ("Exploitabilité", "Sauvegarde/restauration, supervision")),
        "es": (("Integración con el directorio (SSO)", "Prueba de acceso con 10 cuentas piloto"),
               ("Tiempo de respuesta de los cuadros de mando", "Medición con 20 usuarios simultáneos"),
               ("Carga de datos históricos", "Carga de 24 meses de histórico"),
               ("Alta disponibilidad", "Parada de un nodo durante la ingesta"),
               ("Usabilidad para usuarios de negocio", "Taller con 5 usuarios clave"),
               ("Seguridad y cifrado", "Revisión por el CISO, escaneo de vulnerabilidades"),
               ("Conector ERP", "Sincronización de artículos y pedidos de prueba"),
               ("Operación", "Copia de seguridad/restauración, monitorización")),
    }), 5, 8)
    weights = [c.pick((10, 15, 20)) for _ in criteria]
    total_weight = sum(weights)
    rows: list[list[object]] = []
    weighted_sum = 0.0
    for index, ((name, method), weight) in enumerate(zip(criteria, weights, strict=True), 1):
        share = round(100 * weight / total_weight, 1)
        score = c.pick((2, 3, 3, 4, 4, 5)) if c.maybe(0.7) else None
        weighted = round(share * score / 5, 1) if score is not None else None
        weighted_sum += weighted or 0
        comment = c.pick(c.t({"fr": ("", "À retester après correctif", "Validé en atelier", "Attente accès VPN",
                                     "Conforme au cahier des charges"),
                              "es": ("", "Repetir tras la corrección", "Validado en el taller", "Pendiente acceso VPN",
                                     "Conforme al pliego")}))
        status = c.t({"fr": "Évalué" if score is not None else "En cours", "es": "Evaluado" if score is not None else "En curso"})
        rows.append([f"C{index:02d}", name, share, method, score if score is not None else "", weighted or "", status, comment])
    scenarios = c.some(c.t({
        "fr": ("Connexion SSO et attribution des rôles", "Import initial des données de production anonymisées",
               "Création d'un tableau de bord par un utilisateur métier", "Bascule sur le nœud secondaire",
               "Envoi des alertes par e-mail", "Export mensuel vers le contrôle de gestion"),
        "es": ("Acceso SSO y asignación de roles", "Carga inicial de datos de producción anonimizados",
               "Creación de un cuadro de mando por un usuario de negocio", "Conmutación al nodo secundario",
               "Envío de alertas por correo electrónico", "Exportación mensual para control de gestión"),
    }), 4, 6)
    owners = [se.name, lead.name, c.person(customer).name]
    scen_rows: list[list[object]] = [[f"S{i}", s, c.pick(owners), c.datestr(c.later(c.rng.randint(2, 20)), long=False),
                                      c.pick(c.t({"fr": ("Terminé", "En cours", "Planifié", "Bloqué"),
                                                  "es": ("Terminado", "En curso", "Planificado", "Bloqueado")}))]
                                     for i, s in enumerate(scenarios, 1)]
    threshold = c.pick((60, 65, 70))
    if fr:
        summary: list[list[object]] = [
            ["Projet", f"Preuve de concept {product} – {customer.name}"],
            ["Chef de projet client", lead.name],
            ["Avant-vente", f"{se.name} ({vendor.name})"],
            ["Période", f"{short_date(c)} au {short_date(c, 30)}"],
            ["Score pondéré actuel (sur 100)", round(weighted_sum, 1)],
            ["Seuil de réussite convenu", threshold],
            ["Recommandation provisoire", "Go" if weighted_sum >= threshold else "Prolonger la PoC de deux semaines"],
            ["Barème", "0 = non démontré, 3 = conforme avec réserves, 5 = entièrement démontré"],
        ]
        sheets: list[Sheet] = [
            ("Synthèse", ["Élément", "Valeur"], summary),
            ("Critères", ["Réf.", "Critère", "Pondération %", "Méthode de vérification", "Note (0-5)", "Note pondérée",
                          "Statut", "Commentaire"], rows),
            ("Scénarios de test", ["N°", "Scénario", "Responsable", "Date prévue", "Statut"], scen_rows),
        ]
    else:
        summary = [
            ["Proyecto", f"Prueba de concepto {product} – {customer.name}"],
            ["Jefe de proyecto cliente", lead.name],
            ["Preventa", f"{se.name} ({vendor.name})"],
            ["Periodo", f"del {short_date(c)} al {short_date(c, 30)}"],
            ["Puntuación ponderada actual (sobre 100)", round(weighted_sum, 1)],
            ["Umbral de éxito acordado", threshold],
            ["Recomendación provisional", "Go" if weighted_sum >= threshold else "Ampliar la PoC dos semanas"],
            ["Escala", "0 = no demostrado, 3 = cumple con reservas, 5 = demostrado por completo"],
        ]
        sheets = [
            ("Resumen", ["Concepto", "Valor"], summary),
            ("Criterios", ["Ref.", "Criterio", "Peso %", "Método de verificación", "Nota (0-5)", "Nota ponderada",
                           "Estado", "Comentario"], rows),
            ("Escenarios de prueba", ["N.º", "Escenario", "Responsable", "Fecha prevista", "Estado"], scen_rows),
        ]
    return Built(xlsx(sheets, c, se.name))


def _rtf(lines: Sequence[str]) -> bytes:
    """A minimal RTF document: '# ' lines are bold headings, others are paragraphs."""
    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20"]
    for line in lines:
        if line.startswith("# "):
            body.append("{\\pard\\sb120\\b\\fs24 " + rtf_escape(line[2:]) + "\\par}")
        else:
            body.append("{\\pard " + rtf_escape(line) + "\\par}")
    body.append("}")
    return ("\n".join(body) + "\n").encode("ascii")


@template(CATEGORY, "poc.b6_acceptance", ("en", "de"), ".rtf", split="blind", written="round 6")
def poc_acceptance(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    cp, vp = c.person(cust), c.person(vendor)
    product = c.pick(PRODUCT_NAMES)
    start = c.later(-c.rng.randint(30, 60))
    sites = c.rng.randint(1, 4)
    crit = c.t({
        "en": [f"Data from {sites} site(s) ingested automatically, no manual export", "Dashboard load time under 3 seconds",
               f"Single sign-on with {cust.name.split()[0]} Azure AD tenant", "Alerts delivered to the on-call team within 2 minutes",
               "Role-based access for plant managers and controllers", "Nightly export to the existing data warehouse",
               "Operation by customer staff after a half-day training"],
        "de": [f"Daten aus {sites} Standort(en) werden automatisch übernommen, kein manueller Export",
               "Ladezeit der Dashboards unter 3 Sekunden", "Single Sign-on über das Azure AD des Kunden",
               "Alarme erreichen die Rufbereitschaft innerhalb von 2 Minuten", "Rollenkonzept für Werkleitung und Controlling",
               "Nächtlicher Export in das bestehende Data Warehouse", "Bedienung durch Mitarbeiter des Kunden nach halbtägiger Schulung"],
    })
    marks = c.t({"en": ("met", "met", "met", "partly met"), "de": ("erfüllt", "erfüllt", "erfüllt", "teilweise erfüllt")})
    chosen = c.some(crit, 4, 6)
    if c.lang == "en":
        lines = ["# Proof of Concept – Acceptance Certificate", f"Reference: {c.code('POC', 4)}",
                 f"Customer: {cust.name}, {cust.street}, {cust.city}", f"Supplier: {vendor.name}",
                 f"Solution evaluated: {product}", f"Evaluation period: {c.datestr(start, False)} to {short_date(c)}", "",
                 "# Agreed success criteria and outcome"]
        lines += [f"{i}. {k} – {c.pick(marks)}" for i, k in enumerate(chosen, 1)]
        lines += ["", "# Remarks", c.pick((
            "The remaining open point will be addressed in the first phase of the roll-out.",
            "Performance was measured on the customer's test tenant with production-like data volumes.",
            "Minor usability findings were logged and are not blocking.")),
            "", "# Decision", c.pick(("The customer confirms that the proof of concept has been completed successfully "
                                       "and agrees to proceed to the commercial phase.",
                                       "The proof of concept is accepted with the remarks above. Both parties agree "
                                       "to prepare the roll-out plan by " + long_date(c, 21) + ".")),
            "", "# Signatures", f"For {cust.name}: {cp.name}, {cp.role}          Date: ____________",
            f"For {vendor.name}: {vp.name}, {vp.role}          Date: ____________"]
    else:
        lines = ["# Abnahmeprotokoll Proof of Concept", f"Protokoll-Nr.: {c.code('POC', 4)}",
                 f"Auftraggeber: {cust.name}, {cust.street}, {cust.city}", f"Auftragnehmer: {vendor.name}",
                 f"Getestete Lösung: {product}", f"Testzeitraum: {c.datestr(start, False)} bis {short_date(c)}", "",
                 "# Vereinbarte Erfolgskriterien und Ergebnis"]
        lines += [f"{i}. {k} – {c.pick(marks)}" for i, k in enumerate(chosen, 1)]
        lines += ["", "# Anmerkungen", c.pick((
            "Der offene Punkt wird in der ersten Phase des Rollouts umgesetzt.",
            "Die Messungen erfolgten auf der Testumgebung des Kunden mit produktionsnahen Datenmengen.",
            "Kleinere Bedienungsmängel wurden dokumentiert; sie stehen der Abnahme nicht entgegen.")),
            "", "# Ergebnis", c.pick(("Der Auftraggeber bestätigt den erfolgreichen Abschluss des Proof of Concept. "
                                       "Die Parteien treten in die Angebotsphase ein.",
                                       "Der Proof of Concept gilt unter den genannten Anmerkungen als abgenommen. Der "
                                       "Rolloutplan wird bis zum " + long_date(c, 21) + " gemeinsam erstellt.")),
            "", "# Unterschriften", f"Für {cust.name}: {cp.name}, {cp.role}          Datum: ____________",
            f"Für {vendor.name}: {vp.name}, {vp.role}          Datum: ____________"]
    return Built(_rtf(lines))


@template(CATEGORY, "poc.b6_use_cases", ("fr", "es"), ".yaml", split="blind", written="round 6")
def poc_use_cases(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    owner, lead = c.person(cust), c.person(vendor)
    product = c.pick(PRODUCT_NAMES)
    cases = c.t({
        "fr": [("Suivi des tournées en temps réel", "positions GPS des véhicules, toutes les 30 s",
                "écart de position affiché < 1 minute"),
               ("Détection des anomalies de température", "capteurs des chambres froides de l'entrepôt",
                "alerte envoyée en moins de 5 minutes"),
               ("Tableau de bord direction", "extraction mensuelle de l'ERP", "indicateurs validés par le contrôle de gestion"),
               ("Connexion SSO", "annuaire Active Directory du client", "connexion sans second mot de passe"),
               ("Rapprochement des bons de livraison", "fichiers CSV du WMS", "90 % des bons rapprochés automatiquement"),
               ("Export vers l'entrepôt de données", "API REST de la solution", "export nocturne sans erreur pendant 10 jours")],
        "es": [("Seguimiento de rutas en tiempo real", "posiciones GPS de los vehículos cada 30 s",
                "desfase de posición inferior a 1 minuto"),
               ("Detección de anomalías de temperatura", "sensores de las cámaras frigoríficas del almacén",
                "alerta enviada en menos de 5 minutos"),
               ("Cuadro de mando para dirección", "extracción mensual del ERP", "indicadores validados por control de gestión"),
               ("Acceso con SSO", "directorio activo del cliente", "acceso sin segunda contraseña"),
               ("Conciliación de albaranes", "ficheros CSV del SGA", "90 % de albaranes conciliados automáticamente"),
               ("Exportación al almacén de datos", "API REST de la solución", "exportación nocturna sin errores durante 10 días")],
    })
    status = c.t({"fr": ("à faire", "en cours", "validé", "bloqué"), "es": ("pendiente", "en curso", "validado", "bloqueado")})
    fr = c.lang == "fr"
    k = ("cas_usage", "titre", "donnees", "critere_reussite", "responsable", "statut", "priorite") if fr else \
        ("casos_uso", "titulo", "datos", "criterio_exito", "responsable", "estado", "prioridad")
    lines = [f"# {'Catalogue des cas d’usage – PoC' if fr else 'Catálogo de casos de uso – PoC'} {product}",
             f"# {'Client' if fr else 'Cliente'} : {cust.name} – {'version du' if fr else 'versión del'} {short_date(c)}",
             "poc:", f"  {'nom' if fr else 'nombre'}: \"PoC {product} {' '.join(cust.name.split()[:-1])}\"",
             f"  {'client' if fr else 'cliente'}: \"{cust.name}\"",
             f"  {'fournisseur' if fr else 'proveedor'}: \"{vendor.name}\"",
             f"  {'debut' if fr else 'inicio'}: {c.later(7).isoformat()}", f"  fin: {c.later(49).isoformat()}",
             f"  sponsor: \"{owner.name}\"", f"  {'chef_de_projet' if fr else 'jefe_proyecto'}: \"{lead.name}\"",
             f"{k[0]}:"]
    for i, (title, data, crit) in enumerate(c.some(cases, 4, 6), 1):
        lines += [f"  - id: UC-{i:02d}", f"    {k[1]}: \"{title}\"", f"    {k[2]}: \"{data}\"", f"    {k[3]}: \"{crit}\"",
                  f"    {k[4]}: \"{c.pick((owner.name, lead.name))}\"", f"    {k[6]}: {c.pick(('P1', 'P1', 'P2', 'P3'))}",
                  f"    {k[5]}: \"{c.pick(status)}\""]
    lines += [f"{'hors_perimetre' if fr else 'fuera_alcance'}:"]
    lines += [f"  - \"{x}\"" for x in c.some(c.t({
        "fr": ("Reprise de l'historique avant 2019", "Application mobile chauffeurs", "Intégration à la paie",
               "Haute disponibilité"),
        "es": ("Migración del histórico anterior a 2019", "App móvil para conductores", "Integración con nóminas",
               "Alta disponibilidad")}), 2, 3)]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    poc_plan,
    poc_solution_design,
    poc_results,
    poc_architecture,
    poc_slides,
    poc_test_protocol,
    pilot_report,
    blind_test_setup,
    poc_test_log,
    poc_pilot_readout,
    poc_sizing,
    poc_interface_spec,
    poc_prerequisites,
    poc_scorecard,
    poc_acceptance,
    poc_use_cases,
)
