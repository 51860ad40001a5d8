"""Templates of `sales_strategy`: account plans, go-to-market and competitive strategy, pricing strategy."""

from __future__ import annotations

from collections.abc import Sequence

from category_corpus.common import (
    COMPANIES,
    COMPETITORS,
    COMPETITORS_ROUND_3,
    COMPETITORS_ROUND_5,
    LANGUAGES,
    POC_PRODUCTS,
    PRODUCT_NAMES,
    Built,
    Ctx,
    Template,
    lines_of,
    long_date,
    short_date,
    template,
)
from category_corpus.writers import docx, markdown_table, pptx, text, xlsx

CATEGORY = "sales_strategy"


@template(CATEGORY, "strategy.account_plan_docx", ("en", "de"), ".docx", split="train", written="round 0")
def account_plan(c: Ctx) -> Built:
    customer, owner, competitor = c.company(), c.person(c.vendor()), c.pick(COMPETITORS)
    stakeholders = [c.person(customer) for _ in range(c.rng.randint(2, 4))]
    target = c.rng.randrange(400, 2400) * 1000
    title = c.t({"en": f"Account plan {customer.name} FY{c.day.year + 1}", "de": f"Accountplan {customer.name} {c.day.year + 1}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Account owner: {owner.name}. Confidential – internal sales strategy.", "## Account overview",
               f"{customer.name} buys analytics and support from us; current annual revenue is about {c.money(target / 2)}.",
               "## Key stakeholders",
               [["Name", "Role", "Email", "Phone", "Attitude"],
                *([p.name, p.role, p.email, p.phone, c.pick(("sponsor", "neutral", "critic"))] for p in stakeholders)],
               "## Objectives", f"- Grow annual revenue to {c.money(target)}",
               c.pick(("- Land the analytics suite in two more business units", "- Win the renewal against the incumbent")),
               "## Competitive situation",
               f"{competitor} is the incumbent in logistics and discounts aggressively; our differentiation is integration "
               "and support quality.",
               "## Whitespace and upsell", "- Cloud storage for the plants", "- Premium support for the new site"],
        "de": [f"Verantwortlich: {owner.name}. Vertraulich – interne Vertriebsstrategie.", "## Kundenüberblick",
               f"{customer.name} bezieht Analytics und Support; der aktuelle Jahresumsatz liegt bei etwa {c.money(target / 2)}.",
               "## Entscheider",
               [["Name", "Rolle", "E-Mail", "Telefon", "Haltung"],
                *([p.name, p.role, p.email, p.phone, c.pick(("Befürworter", "neutral", "kritisch"))] for p in stakeholders)],
               "## Ziele", f"- Jahresumsatz auf {c.money(target)} steigern",
               c.pick(("- Analytics in zwei weiteren Geschäftsbereichen platzieren", "- Verlängerung gegen den Wettbewerber gewinnen")),
               "## Wettbewerbssituation",
               f"{competitor} ist Bestandslieferant in der Logistik und gewährt hohe Rabatte; unsere Stärken sind Integration "
               "und Supportqualität.",
               "## Potenziale", "- Cloud-Speicher für die Werke", "- Premium-Support für den neuen Standort"],
    })
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "strategy.gtm_pptx", ("fr", "es"), ".pptx", split="train", written="round 0")
def go_to_market(c: Ctx) -> Built:
    author, product = c.person(c.vendor()), c.pick(POC_PRODUCTS)
    slides = c.t({
        "fr": [(f"Stratégie de mise sur le marché – {product}", [author.name, c.datestr()]),
               ("Segments cibles", c.some(("ETI industrielles", "Logistique et transport", "Distribution spécialisée",
                                           "Collectivités"), 2, 4)),
               ("Proposition de valeur", ["Mise en service en deux semaines", "Intégration native aux ERP du marché"]),
               ("Positionnement prix", [f"10 à 15 % sous {c.pick(COMPETITORS)}", "Remise maximale 20 % sans validation"]),
               ("Canaux", ["Vente directe grands comptes", "Partenaires intégrateurs en région"]),
               ("Plan d'action", ["Webinaires clients au T2", "Programme partenaires au T3"])],
        "es": [(f"Estrategia de salida al mercado – {product}", [author.name, c.datestr()]),
               ("Segmentos objetivo", c.some(("Mediana industria", "Logística y transporte", "Distribución especializada",
                                              "Administraciones públicas"), 2, 4)),
               ("Propuesta de valor", ["Puesta en marcha en dos semanas", "Integración nativa con los ERP del mercado"]),
               ("Posicionamiento de precios", [f"Entre un 10 y un 15 % por debajo de {c.pick(COMPETITORS)}",
                                               "Descuento máximo del 20 % sin aprobación"]),
               ("Canales", ["Venta directa a grandes cuentas", "Socios integradores regionales"]),
               ("Plan de acción", ["Seminarios web en el T2", "Programa de socios en el T3"])],
    })
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "strategy.battlecard_md", ("en", "de"), ".md", split="held_out", written="round 0")
def battlecard(c: Ctx) -> Built:
    competitor, product = c.pick(COMPETITORS), c.pick(POC_PRODUCTS)
    out = c.t({
        "en": [f"# Battlecard: {product} vs {competitor}", "", f"Last update {c.datestr()} – for the sales team only.", "",
               "## Where we win", "", *(f"- {x}" for x in c.some(("Faster deployment (weeks, not months)",
                                                                 "Better ERP integration", "Local support in four languages",
                                                                 "Transparent per-user pricing"), 2, 4)), "",
               f"## Where {competitor} wins", "", "- Larger installed base in retail", "- Bundles hardware at cost", "",
               "## Objection handling", "",
               f"- \"{competitor} is cheaper\": compare three-year cost including services.",
               "- \"You are too small\": reference customers in the same industry.", "",
               "## Pricing tactics", "", "- Never discount more than 20% in the first round.",
               "- Offer a paid pilot instead of a free one."],
        "de": [f"# Wettbewerbsanalyse: {competitor}", "", f"Stand {c.datestr()} – nur für den Vertrieb.", "",
               "## Unsere Stärken", "", *(f"- {x}" for x in c.some(("Schnellere Einführung (Wochen statt Monate)",
                                                                   "Bessere ERP-Integration", "Support vor Ort",
                                                                   "Transparente Preise pro Benutzer"), 2, 4)), "",
               f"## Stärken von {competitor}", "", "- Große Kundenbasis im Handel", "- Hardware zum Selbstkostenpreis", "",
               "## Einwandbehandlung", "",
               f"- „{competitor} ist günstiger“: Gesamtkosten über drei Jahre vergleichen.",
               "- „Sie sind zu klein“: Referenzkunden aus derselben Branche nennen.", "",
               "## Preistaktik", "", "- In der ersten Runde nie mehr als 20 % Rabatt.",
               "- Bezahlten Piloten statt kostenlosem anbieten."],
    })
    return Built(text(out))


@template(CATEGORY, "strategy.pricing_docx", ("es", "fr"), ".docx", split="train", written="round 0")
def pricing_strategy(c: Ctx) -> Built:
    author = c.person(c.vendor())
    title = c.t({"es": f"Estrategia de precios {c.day.year + 1}", "fr": f"Stratégie tarifaire {c.day.year + 1}"})
    bands = c.t({"es": [["Segmento", "Descuento máximo", "Aprobación"], ["Gran cuenta", "25 %", "Director comercial"],
                        ["Mediana empresa", "15 %", "Jefe de ventas"], ["Pyme", "5 %", "Comercial"]],
                 "fr": [["Segment", "Remise maximale", "Validation"], ["Grands comptes", "25 %", "Directeur commercial"],
                        ["ETI", "15 %", "Responsable des ventes"], ["PME", "5 %", "Commercial"]]})
    blocks: list[str | list[list[str]]] = c.t({
        "es": ["## Posicionamiento", f"Nos posicionamos un {c.rng.randint(5, 15)} % por debajo de {c.pick(COMPETITORS)} en la "
               "gama media y al mismo nivel en la gama alta, donde ganamos por servicio.",
               "## Política de descuentos", bands, "## Competencia",
               f"{c.pick(COMPETITORS)} ha bajado sus precios de lista un 10 %; no seguimos esa bajada y reforzamos la "
               "propuesta de valor.", "## Objetivos", "- Margen bruto mínimo del 60 %", "- Subida de precios del 3 % en renovaciones"],
        "fr": ["## Positionnement", f"Nous nous positionnons {c.rng.randint(5, 15)} % sous {c.pick(COMPETITORS)} en milieu de "
               "gamme et au même niveau en haut de gamme, où nous gagnons sur le service.",
               "## Politique de remise", bands, "## Concurrence",
               f"{c.pick(COMPETITORS)} a baissé ses prix catalogue de 10 % ; nous ne suivons pas et renforçons la "
               "proposition de valeur.", "## Objectifs", "- Marge brute minimale de 60 %", "- Hausse de 3 % au renouvellement"],
    })
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "strategy.territory_xlsx", ("de", "en"), ".xlsx", split="train", written="round 0")
def territory_plan(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"de": ["Kunde", "Segment", "Priorität", "Potenzial", "Wettbewerber", "Strategie", "Nächster Schritt"],
                  "en": ["Account", "Segment", "Priority", "Potential", "Incumbent", "Strategy", "Next action"]})
    strategies = c.t({"de": ("Verdrängung", "Ausbau", "Halten", "Neukunde"), "en": ("Displace", "Expand", "Retain", "New logo")})
    actions = c.t({"de": ("Workshop mit IT-Leitung", "Referenzbesuch", "Angebot Q3", "Pilot vorschlagen"),
                   "en": ("Workshop with IT", "Reference visit", "Proposal in Q3", "Propose a pilot")})
    rows: list[list[object]] = [[company.name, c.pick(("Enterprise", "Mid-market", "SMB")), c.pick(("A", "B", "C")),
                                 c.rng.randrange(50, 800) * 1000, c.pick(COMPETITORS), c.pick(strategies), c.pick(actions)]
                                for company in c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 6, 12)]
    return Built(xlsx([(c.t({"de": "Gebiet Süd", "en": "Territory"}), header, rows)], c, author.name))


@template(CATEGORY, "strategy.swot_txt", ("fr", "en"), ".txt", split="held_out", written="round 0")
def swot(c: Ctx) -> Built:
    product = c.pick(POC_PRODUCTS)
    market = c.t({"fr": c.pick(("Espagne", "Italie", "Benelux")), "en": c.pick(("the Nordics", "Germany", "Benelux"))})
    out = c.t({
        "fr": [f"Analyse SWOT – {product} : entrée sur le marché {market}", "",
               "Forces :", "- Produit éprouvé chez 40 clients", "- Intégration ERP native", "",
               "Faiblesses :", "- Pas d'équipe locale", "- Notoriété faible", "",
               "Opportunités :", f"- Programme public de modernisation en {market}", "- Concurrents locaux peu présents", "",
               "Menaces :", f"- Guerre des prix menée par {c.pick(COMPETITORS)}", "- Cycle de vente long", "",
               "Objectifs stratégiques :", f"- 10 clients en {c.day.year + 1}",
               c.pick(("- Recruter un partenaire intégrateur", "- Ouvrir un bureau commercial"))],
        "en": [f"SWOT analysis – expansion of {product} into {market}", "",
               "Strengths:", "- Product proven at 40 customers", "- Native ERP integration", "",
               "Weaknesses:", "- No local team", "- Low brand awareness", "",
               "Opportunities:", f"- Public modernisation programme in {market}", "- Few local competitors", "",
               "Threats:", f"- Price war led by {c.pick(COMPETITORS)}", "- Long sales cycles", "",
               "Strategic goals:", f"- 10 customers in {c.day.year + 1}",
               c.pick(("- Sign an integration partner", "- Open a sales office"))],
    })
    return Built(text(out))


@template(CATEGORY, "strategy.win_plan_docx", ("en", "fr"), ".docx", split="train", written="round 1")
def win_plan(c: Ctx) -> Built:
    customer, owner = c.company(), c.person(c.vendor())
    rival, other = c.some(COMPETITORS, 2)
    value = c.money(c.rng.randint(80, 900) * 1000)
    cap = c.rng.choice((10, 12, 15, 20))
    if c.lang == "en":
        title = f"Win plan: {customer.name} renewal {c.day.year + 1}"
        blocks: list[str | list[list[str]]] = [
            f"Owner: {owner.name}. Deal value: {value}. Decision expected in Q{c.rng.randint(1, 4)}.",
            "## Where we stand",
            f"{rival} is the incumbent in two of their business units and is offering a three-year lock-in. "
            f"{other} was shortlisted last year but dropped out on price.",
            "## Buying centre",
            [["Person", "Role in decision", "Attitude"], ["CIO", "Signs off", "Neutral"], ["Head of procurement", "Runs the tender",
             "Price driven"], ["Plant IT lead", "Technical evaluator", "Champion"]],
            "## How we win",
            "- Lead with the integration story: their plant IT lead already uses our connector",
            f"- Do not compete on licence price with {rival}; bundle the support tier instead",
            f"- Maximum discount without director approval: {cap}%",
            "## Risks", f"- Procurement may split the award between us and {rival}", "- Budget freeze announced for H2",
        ]
    else:
        title = f"Stratégie de conquête : {customer.name} ({c.day.year + 1})"
        blocks = [
            f"Responsable : {owner.name}. Montant visé : {value}. Décision attendue au T{c.rng.randint(1, 4)}.",
            "## Situation",
            f"{rival} est en place dans deux directions et propose un engagement de trois ans. "
            f"{other} avait été retenu l'an dernier puis écarté sur le prix.",
            "## Décideurs",
            [["Interlocuteur", "Rôle", "Position"], ["DSI", "Valide", "Neutre"], ["Directeur des achats", "Pilote l'appel d'offres",
             "Sensible au prix"], ["Responsable IT usine", "Évaluateur technique", "Allié"]],
            "## Notre angle d'attaque",
            "- Mettre en avant l'intégration : l'équipe IT usine utilise déjà notre connecteur",
            f"- Ne pas se battre sur le prix des licences face à {rival} ; inclure le support premium",
            f"- Remise maximale sans accord de la direction : {cap} %",
            "## Risques", f"- Les achats pourraient partager le marché avec {rival}", "- Gel budgétaire annoncé au second semestre",
        ]
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "strategy.blind_channel_pptx", ("de", "es"), ".pptx", split="train", written="round 2")
def blind_channel(c: Ctx) -> Built:
    owner = c.person(c.vendor())
    year = c.day.year + 1
    rival = c.pick(COMPETITORS)
    share = c.rng.randint(20, 60)
    if c.lang == "de":
        slides = [(f"Partnerstrategie {year}", [owner.name, owner.role]),
                  ("Ausgangslage", [f"{share} % des Umsatzes kommt heute über Partner", f"{rival} wirbt unsere Systemhäuser ab"]),
                  ("Zielmärkte", ["Mittelstand Fertigung in Süddeutschland", "Öffentliche Hand über Rahmenverträge der Partner"]),
                  ("Partnerprogramm", ["Drei Stufen: Registered, Silver, Gold", "Gold: 25 % Marge und eigener Presales-Kontakt"]),
                  ("Ziele", [f"Partneranteil auf {share + 15} % steigern", "Zehn neue Gold-Partner bis Jahresende"])]
    else:
        slides = [(f"Estrategia de canal {year}", [owner.name, owner.role]),
                  ("Punto de partida", [f"El {share} % de la facturación llega hoy por partners",
                                        f"{rival} está captando a nuestros integradores"]),
                  ("Mercados prioritarios", ["Industria mediana en el norte", "Administración pública a través de partners"]),
                  ("Programa de partners", ["Tres niveles: Registered, Silver, Gold", "Gold: 25 % de margen y preventa dedicada"]),
                  ("Objetivos", [f"Subir la cuota de canal al {share + 15} %", "Diez nuevos partners Gold antes de fin de año"])]
    return Built(pptx(slides, c, owner.name))


@template(CATEGORY, "strategy.b3_account_plan", ("en", "de"), ".docx", split="train", written="round 3")
def strategy_account_plan(c: Ctx) -> Built:
    customer = c.company()
    owner = c.person(c.vendor())
    year = c.day.year + 1
    revenue, wallet = c.rng.randrange(80, 900) * 1000, c.rng.randint(8, 35)
    rival = c.pick(COMPETITORS_ROUND_3)
    people = [c.person(customer) for _ in range(c.rng.randint(3, 5))]
    stance = c.t({"en": ("sponsor", "supportive", "neutral", "sceptical", "favours " + rival),
                  "de": ("Sponsor", "wohlwollend", "neutral", "skeptisch", "bevorzugt " + rival)})
    table = [c.t({"en": ["Name", "Role", "Attitude", "Last contact"], "de": ["Name", "Funktion", "Haltung", "Letzter Kontakt"]})]
    table += [[p.name, p.role, c.pick(stance), short_date(c, -c.rng.randrange(5, 120))] for p in people]
    if c.lang == "en":
        blocks: list[str | list[list[str]]] = [
            f"{customer.name} · owner {owner.name} · updated {c.datestr()}",
            "## Where we stand",
            f"Revenue with us last year: {c.money(revenue)}, roughly {wallet}% of what they spend on this kind of tooling. "
            f"{rival} holds the analytics platform at group level and is up for renewal in {c.pick(('Q2', 'Q3', 'autumn'))}.",
            "## People", table,
            "## Goals for " + str(year),
            *[f"- {g}" for g in c.some([f"Grow share of wallet to {wallet + 10}%", "Land the second plant before the group tender",
                                        "Get onto the preferred supplier list in procurement",
                                        "Move support from Silver to Gold on renewal",
                                        "Get a reference quote we can use with others in their sector"], 2, 4)],
            "## How",
            c.pick(("Lead with the downtime numbers from the pilot; do not get into a licence price fight with "
                    f"{rival} – bundle services instead.",
                    f"Go around IT: the plant managers feel the pain, IT just wants fewer vendors. {rival} is strong with IT.")),
            *[f"- {a}" for a in c.some(["Executive sponsor meeting with their COO (ask our MD to join)",
                                        "Free health check on their current setup, results presented to the board",
                                        "Offer a 3-year deal with price hold instead of discount",
                                        "Joint webinar with their reference plant", "Introduce partner for the SAP side"], 2, 4)],
            "## Risks",
            c.pick(("Budget moves to group IT next year.", "Our champion is rumoured to be leaving.",
                    f"{rival} will undercut by 20–30% to keep the account.")),
        ]
    else:
        blocks = [
            f"{customer.name} · verantwortlich {owner.name} · Stand {c.datestr()}",
            "## Ausgangslage",
            f"Umsatz mit uns im Vorjahr: {c.money(revenue)}, das sind etwa {wallet} % ihres Budgets in diesem Bereich. "
            f"Die Konzernplattform liegt bei {rival}, deren Vertrag läuft "
            f"{c.pick(('im zweiten Quartal', 'im Herbst', 'Ende des Jahres'))} aus.",
            "## Entscheider und Beeinflusser", table,
            f"## Ziele {year}",
            *[f"- {g}" for g in c.some([f"Anteil auf {wallet + 10} % ausbauen",
                                        "Zweites Werk gewinnen, bevor die Konzernausschreibung kommt",
                                        "Aufnahme in die Lieferantenliste des Einkaufs",
                                        "Bei der Verlängerung von Silber- auf Gold-Support wechseln",
                                        "Referenz für andere Unternehmen der Branche bekommen"], 2, 4)],
            "## Vorgehen",
            c.pick((f"Mit den Stillstandszahlen aus dem Pilot argumentieren, keine Preisschlacht mit {rival} über Lizenzen – "
                    "lieber Dienstleistung dazupacken.",
                    f"Über die Werksleiter gehen, nicht über die IT: die IT will weniger Lieferanten, und dort ist {rival} stark.")),
            *[f"- {a}" for a in c.some(["Termin auf Vorstandsebene (unsere GF mitnehmen)",
                                        "Kostenloser Check der bestehenden Umgebung, Ergebnis vor der Geschäftsleitung",
                                        "3-Jahres-Laufzeit mit Preisbindung statt Rabatt anbieten",
                                        "Gemeinsames Webinar mit dem Referenzwerk", "Partner für die SAP-Seite vorstellen"], 2, 4)],
            "## Risiken",
            c.pick(("Budget wandert nächstes Jahr in die Konzern-IT.", "Unser Fürsprecher verlässt angeblich das Unternehmen.",
                    f"{rival} geht 20–30 % runter, um den Kunden zu halten.")),
        ]
    title = c.t({"en": f"Account plan {year} – {customer.name}", "de": f"Kundenplan {year} – {customer.name}"})
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "strategy.b3_battlecard", ("fr", "es"), ".pptx", split="train", written="round 3")
def strategy_battlecard(c: Ctx) -> Built:
    rival = c.pick(COMPETITORS_ROUND_3)
    author = c.person(c.vendor())
    discount = c.pick((10, 12, 15, 18, 20))
    if c.lang == "fr":
        slides: list[tuple[str, list[str]]] = [
            (f"Face à {rival}", [f"Fiche concurrent – usage interne uniquement – {c.datestr()}", f"Contact : {author.name}"]),
            ("Leurs points forts", c.some(["Marque très connue chez les DSI", "Prix d'entrée bas sur le premier module",
                                           "Gros partenaire intégrateur en France", "Interface jolie en démo",
                                           "Offre gratuite pour les petites équipes"], 3, 4)),
            ("Leurs faiblesses", c.some(["Hébergement uniquement aux États-Unis", "Hausse de prix de 20 % au renouvellement",
                                         "Pas de mode hors ligne sur site", "Support en anglais seulement",
                                         "Connecteurs SAP facturés en plus"], 3, 4)),
            ("Comment gagner", ["Amener le débat sur le coût total à 3 ans, pas sur le prix de la licence",
                                "Proposer un pilote payant déductible de la commande",
                                "Faire parler un client de référence du même secteur",
                                c.pick(("Impliquer le DPO tôt : la question de l'hébergement joue pour nous",
                                        "Mettre l'exploitation dans la boucle avant la démo"))]),
            ("Questions à poser au client", c.some(["Que se passe-t-il chez eux si la connexion internet tombe ?",
                                                    "Avez-vous vu le prix de l'année 2 et 3 ?",
                                                    "Où sont stockées vos données de production ?",
                                                    "Qui assure le support le week-end ?"], 2, 4)),
            ("Prix", [f"Remise maximale sans validation : {discount} %", f"Au-delà de {discount} % : accord du directeur commercial",
                      "Ne jamais baisser le prix du support, offrir des jours de conseil à la place"]),
        ]
    else:
        slides = [
            (f"Cómo ganar a {rival}", [f"Ficha de competencia – uso interno – {c.datestr()}", f"Dudas: {author.name}"]),
            ("En qué son buenos", c.some(["Marca conocida entre los directores de sistemas", "Precio de entrada bajo",
                                          "Integrador grande en España", "Demo muy vistosa",
                                          "Versión gratuita para equipos pequeños"], 3, 4)),
            ("Dónde flojean", c.some(["Solo alojan en EE. UU.", "Suben un 20 % en la renovación",
                                      "No funciona sin conexión en planta", "Soporte solo en inglés",
                                      "El conector de SAP se paga aparte"], 3, 4)),
            ("Cómo lo enfocamos", ["Hablar de coste total a 3 años, no de precio de licencia",
                                   "Ofrecer un piloto de pago que se descuenta del pedido",
                                   "Que hable un cliente de referencia del mismo sector",
                                   c.pick(("Meter pronto al delegado de protección de datos",
                                           "Contar con operaciones antes de la demo"))]),
            ("Preguntas para el cliente", c.some(["¿Qué pasa si se cae internet en la planta?",
                                                  "¿Les han dado precio para el segundo y tercer año?",
                                                  "¿Dónde se guardan sus datos de producción?",
                                                  "¿Quién da soporte en fin de semana?"], 2, 4)),
            ("Precios", [f"Descuento máximo sin aprobación: {discount} %", f"Por encima del {discount} %: lo aprueba dirección comercial",
                         "No bajar nunca el soporte; mejor regalar jornadas de consultoría"]),
        ]
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "strategy.b4_kickoff", ("fr", "es"), ".pptx", split="train", written="round 4")
def strategy_kickoff(c: Ctx) -> Built:
    us = c.vendor()
    author = c.person(us)
    year = c.day.year if c.day.month < 7 else c.day.year + 1
    product = c.pick(PRODUCT_NAMES)
    growth = c.rng.randint(12, 35)
    rival = c.pick(("Veridian Systems", "Nexora", "Altamira Data", "Kestrel Analytics"))
    if c.lang == "fr":
        slides: list[tuple[str, Sequence[str]]] = [
            (f"Convention commerciale {year}", [f"{us.name} – équipes France et Benelux", f"{author.name}, direction commerciale",
                                                c.datestr(long=True)]),
            ("Où voulons-nous gagner ?", [
                "Industrie de taille intermédiaire (ETI) : priorité n° 1",
                "Collectivités et logistique : approche sélective, via partenaires",
                f"Objectif : +{growth} % de nouveaux clients, 60 % de la croissance sur la base installée",
            ]),
            ("Nos trois priorités", c.some([
                f"Faire de {product} la porte d'entrée chez les nouveaux comptes",
                "Vendre de la valeur, pas des remises : pas de remise au-delà de 15 % sans comité",
                "Ventes croisées support Gold et services sur les 50 premiers clients",
                "Réduire le cycle de vente moyen de 120 à 90 jours",
            ], 3)),
            (f"Face à {rival}", [
                "Ils attaquent sur le prix d'entrée : nous répondons coût total sur 3 ans",
                "Mettre en avant l'hébergement en France et la réversibilité",
                "Ne jamais laisser un appel d'offres sans visite préalable du client",
            ]),
            ("Positionnement tarifaire", [
                "Offre « Essentiel » pour les comptes < 200 utilisateurs",
                "Engagement pluriannuel récompensé plutôt que remise ponctuelle",
                "Hausse de liste de 4 % au 1er mars, communiquée en janvier",
            ]),
            ("Organisation et rôles", [
                "Chasseurs dédiés aux nouveaux logos, éleveurs sur la base installée",
                "Avant-vente mutualisée, réservation via le canal Teams",
                "Revue des comptes stratégiques chaque trimestre avec la direction",
            ]),
            ("Ce que nous arrêtons", [
                "Les petites affaires sans partenaire en dessous de 5 k€",
                "Les pilotes gratuits sans critères de succès signés",
            ]),
        ]
    else:
        slides = [
            (f"Reunión anual de ventas {year}", [f"{us.name} – equipo Iberia", f"{author.name}, dirección comercial",
                                                 c.datestr(long=True)]),
            ("¿Dónde queremos ganar?", [
                "Mediana industria y distribución: prioridad número uno",
                "Sector público: solo con socio integrador y pliegos con criterios técnicos",
                f"Meta: +{growth} % de clientes nuevos y el 60 % del crecimiento en la base instalada",
            ]),
            ("Nuestras tres prioridades", c.some([
                f"{product} como producto de entrada en cuentas nuevas",
                "Vender valor y no descuento: nada por encima del 15 % sin comité",
                "Venta cruzada de Soporte Oro y servicios en los 50 mayores clientes",
                "Acortar el ciclo de venta medio de 120 a 90 días",
            ], 3)),
            (f"Cómo competimos contra {rival}", [
                "Ellos entran por precio: nosotros hablamos de coste total a tres años",
                "Destacar soporte local en español y centros de datos en la UE",
                "Ninguna licitación sin reunión previa con el cliente",
            ]),
            ("Posicionamiento de precios", [
                "Paquete «Básico» para cuentas de menos de 200 usuarios",
                "Premiar el compromiso plurianual en lugar de descuentos puntuales",
                "Subida de tarifa del 4 % el 1 de marzo, comunicada en enero",
            ]),
            ("Organización", [
                "Cazadores para logos nuevos, gestores de cuenta para la base instalada",
                "Preventa compartida con reserva por el canal de Teams",
                "Revisión trimestral de cuentas estratégicas con dirección",
            ]),
            ("Qué dejamos de hacer", [
                "Operaciones pequeñas sin socio por debajo de 5.000 €",
                "Pilotos gratuitos sin criterios de éxito firmados",
            ]),
        ]
    return Built(pptx(slides, c, author.name))


@template(CATEGORY, "strategy.b4_segmentation", ("en", "de"), ".docx", split="train", written="round 4")
def strategy_segmentation(c: Ctx) -> Built:
    us = c.vendor()
    author = c.person(us)
    fy = f"FY{(c.day.year + 1) % 100:02d}"
    counts = [c.rng.randint(20, 60), c.rng.randint(120, 300), c.rng.randint(600, 1500), c.rng.randint(2000, 6000)]
    if c.lang == "en":
        blocks: list[str | list[list[str]]] = [
            f"Owner: {author.name}, {c.pick(('VP Sales', 'Head of Sales Operations'))} · "
            f"Draft for the leadership meeting on {long_date(c, 10)}",
            "## Why we are changing the model",
            "Today every account executive covers every size of customer. Large accounts get too little attention, "
            "and small ones cost more to serve than they bring in. From the next fiscal year we assign accounts by segment.",
            "## Segments",
            [["Segment", "Criteria", "Accounts", "Coverage", "Sales motion"],
             ["Strategic", "> 5,000 employees or > $500k potential", str(counts[0]), "Named account director", "Multi-year account plan"],
             ["Enterprise", "1,000–5,000 employees", str(counts[1]), "Account executive, 25 accounts each", "Solution selling"],
             ["Mid-market", "200–999 employees", str(counts[2]), "Inside sales team", "Packaged offers, short cycle"],
             ["SMB", "< 200 employees", str(counts[3]), "Partners and web shop", "Self-service, partner led"]],
            "## Assignment rules",
            "- An account stays with its current owner while an opportunity above stage 3 is open.",
            "- Re-segmentation once a year in the planning cycle; exceptions only with approval of the sales director.",
            "- Partner-sourced SMB deals remain with the partner; we do not compete against our own channel.",
            "## Growth plays per segment",
            f"- Strategic: expand from one business unit to group-wide contracts; executive sponsor for each of the top {counts[0]}.",
            "- Enterprise: lead with the analytics bundle and land a paid pilot before the full rollout.",
            "- Mid-market: fixed-price starter package, quarterly campaigns with marketing.",
            "- SMB: move renewals to auto-renew online; no field visits.",
            "## What we need",
            f"Two additional account directors and one inside sales lead in {fy}; CRM fields for segment and coverage owner by "
            f"{long_date(c, 45)}.",
        ]
        title = f"Customer segmentation and coverage model {fy}"
    else:
        blocks = [
            f"Verantwortlich: {author.name}, {c.pick(('Vertriebsleitung', 'Leitung Sales Operations'))} · "
            f"Entwurf für die Geschäftsleitungssitzung am {long_date(c, 10)}",
            "## Warum wir das Betreuungsmodell ändern",
            "Heute betreut jeder Vertriebsmitarbeiter Kunden jeder Größe. Großkunden bekommen zu wenig Aufmerksamkeit, "
            "kleine Kunden kosten mehr, als sie einbringen. Ab dem neuen Geschäftsjahr ordnen wir Kunden nach Segmenten zu.",
            "## Segmente",
            [["Segment", "Kriterien", "Kunden", "Betreuung", "Vertriebsansatz"],
             ["Strategisch", "> 5.000 Mitarbeiter oder > 500 T€ Potenzial", str(counts[0]), "Fester Key Account Manager",
              "Mehrjähriger Kundenplan"],
             ["Großkunden", "1.000–5.000 Mitarbeiter", str(counts[1]), "Account Manager, je 25 Kunden", "Lösungsvertrieb"],
             ["Mittelstand", "200–999 Mitarbeiter", str(counts[2]), "Innendienst", "Paketangebote, kurzer Zyklus"],
             ["Kleinkunden", "< 200 Mitarbeiter", str(counts[3]), "Partner und Webshop", "Self-Service, über Partner"]],
            "## Zuordnungsregeln",
            "- Ein Kunde bleibt beim bisherigen Betreuer, solange eine Opportunity ab Phase 3 offen ist.",
            "- Neusegmentierung einmal jährlich in der Planungsrunde; Ausnahmen nur mit Zustimmung der Vertriebsleitung.",
            "- Von Partnern gebrachte Kleinkunden bleiben beim Partner; wir treten nicht gegen den eigenen Kanal an.",
            "## Wachstumshebel je Segment",
            f"- Strategisch: vom einzelnen Geschäftsbereich zum Konzernvertrag; Sponsor aus der Geschäftsleitung für die Top {counts[0]}.",
            "- Großkunden: Einstieg über das Analytics-Paket, bezahlter Pilot vor dem Rollout.",
            "- Mittelstand: Festpreis-Einstiegspaket, quartalsweise Kampagnen mit dem Marketing.",
            "- Kleinkunden: Verlängerungen automatisch online, keine Außendienstbesuche.",
            "## Was wir brauchen",
            f"Zwei zusätzliche Key Account Manager und eine Teamleitung Innendienst im {fy}; CRM-Felder für Segment und "
            f"Betreuer bis {long_date(c, 45)}.",
        ]
        title = f"Kundensegmentierung und Betreuungsmodell {fy}"
    if c.maybe():
        blocks.append("Vertraulich – nur für den internen Gebrauch." if c.lang == "de" else "Confidential – internal use only.")
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "strategy.b5_installed_base", ("de", "fr"), ".docx", split="train", written="round 5")
def strategy_installed_base(c: Ctx) -> Built:
    owner = c.person(c.vendor(), lang=c.lang)
    year = c.day.year + 1
    accounts = [c.company(lang) for lang in c.some(("de", "fr", "es", "en"), 3, 4)]
    current = c.some(PRODUCT_NAMES, 1, 2)
    target = [p for p in PRODUCT_NAMES if p not in current]
    reps = [c.person() for _ in range(3)]
    share = c.rng.randint(18, 34)
    churn = c.rng.randint(4, 12)
    rows_de = [["Kunde", "Installiert", "Potenzial", "Ansatz", "Verantwortlich"]]
    rows_fr = [["Client", "Installé", "Potentiel", "Approche", "Responsable"]]
    for acc in accounts:
        installed = ", ".join(c.some(current, 1, 2))
        up = c.pick(target)
        rep = c.pick(reps).name
        rows_de.append([acc.name, installed, c.pick(("hoch", "mittel", "hoch", "niedrig")),
                        c.pick((f"{up} als Erweiterung über das bestehende Budget der IT platzieren",
                                f"Workshop mit dem Fachbereich, {up} am eigenen Datenbestand zeigen",
                                f"Vertragsverlängerung nutzen, um {up} im Paket anzubieten",
                                "Zuerst Zufriedenheit sichern (offene Tickets), dann Upsell")), rep])
        rows_fr.append([acc.name, installed, c.pick(("fort", "moyen", "fort", "faible")),
                        c.pick((f"Positionner {up} en extension sur le budget existant de la DSI",
                                f"Atelier avec les métiers, démonstration de {up} sur leurs propres données",
                                f"Profiter du renouvellement pour proposer {up} en offre groupée",
                                "D'abord sécuriser la satisfaction (tickets ouverts), ensuite la vente additionnelle")), rep])
    if c.lang == "de":
        blocks: list[str | list[list[str]]] = [
            f"Stand: {long_date(c)} · Verantwortlich: {owner.name}, Vertriebsleitung · Vertraulich, nur für den Vertrieb",
            "## Ausgangslage",
            f"Rund {share} % unseres Neugeschäfts kommt heute aus Bestandskunden, bei Wettbewerbern mit vergleichbarem "
            f"Portfolio sind es eher 40 %. Die meisten Kunden nutzen nur {' und '.join(current)}; das übrige Portfolio "
            "kennen sie kaum. Gleichzeitig verlieren wir jedes Jahr "
            f"{churn} % der Wartungsverträge, meist still und ohne dass der Vertrieb vorher davon erfährt.",
            "## Ziele für " + str(year),
            f"- Anteil Bestandskundengeschäft am Auftragseingang auf {share + 10} % steigern",
            f"- Jeder Top-30-Kunde nutzt mindestens zwei Produkte, Schwerpunkt {c.pick(target)}",
            f"- Kündigungsquote bei Wartungsverträgen unter {max(churn - 4, 2)} % senken",
            "## Schwerpunktkunden",
            rows_de,
            "## Maßnahmen",
            "- Quartalsweise Account Reviews mit dem Kunden, vorbereitet von Vertrieb und Customer Success gemeinsam",
            f"- Kampagne „Mehr aus {current[0]} herausholen“ mit Anwenderforum im Frühjahr",
            "- Frühwarnsystem: Nutzungsdaten und Ticketaufkommen monatlich auswerten, Auffälligkeiten an den Account Manager",
            "- Bundles statt Einzelrabatte: zweites Produkt im ersten Jahr mit bis zu 20 % Einführungsnachlass, danach Listenpreis",
            "## Wettbewerb",
            f"{c.pick(COMPETITORS_ROUND_5)} spricht unsere Bestandskunden gezielt mit Migrationsangeboten an. Argumentationslinie: "
            "geringere Gesamtkosten durch vorhandene Schnittstellen, keine Neuschulung, ein Ansprechpartner.",
            "## Nächste Schritte",
            f"- Kundenliste mit Potenzialbewertung bis {short_date(c, 14)} finalisieren ({c.pick(reps).name})",
            f"- Freigabe der Bundle-Konditionen durch die Geschäftsleitung bis {short_date(c, 21)}",
            "- Kick-off mit dem gesamten Vertriebsteam beim nächsten Regionalmeeting",
        ]
        title = f"Strategie Bestandskunden {year}: Cross- und Upselling"
    else:
        blocks = [
            f"Version du {long_date(c)} · Responsable : {owner.name}, direction commerciale · Confidentiel, diffusion équipe commerciale",
            "## Constat",
            f"Environ {share} % de nos nouvelles prises de commande viennent aujourd'hui du parc installé, contre près de 40 % "
            f"chez les concurrents au portefeuille comparable. La plupart des clients n'utilisent que {' et '.join(current)} "
            f"et connaissent mal le reste de l'offre. Dans le même temps, nous perdons chaque année {churn} % des contrats de "
            "maintenance, souvent sans que le commercial ne soit prévenu.",
            f"## Objectifs {year}",
            f"- Porter la part du parc installé dans les prises de commande à {share + 10} %",
            f"- Chaque client du top 30 utilise au moins deux produits, en priorité {c.pick(target)}",
            f"- Ramener le taux de résiliation des contrats de maintenance sous {max(churn - 4, 2)} %",
            "## Comptes prioritaires",
            rows_fr,
            "## Plan d'action",
            "- Revues de compte trimestrielles avec le client, préparées conjointement par le commercial et le Customer Success",
            f"- Campagne « Tirer le meilleur de {current[0]} » avec un club utilisateurs au printemps",
            "- Alerte précoce : analyse mensuelle de l'usage et des tickets, signalement au commercial en cas d'anomalie",
            "- Offres groupées plutôt que remises ponctuelles : 2e produit jusqu'à -20 % la première année, puis prix catalogue",
            "## Concurrence",
            f"{c.pick(COMPETITORS_ROUND_5)} démarche activement nos clients avec des offres de migration. Notre argumentaire : coût "
            "total plus faible grâce aux interfaces existantes, pas de nouvelle formation, un seul interlocuteur.",
            "## Prochaines étapes",
            f"- Finaliser la liste des comptes avec la cotation du potentiel d'ici le {short_date(c, 14)} ({c.pick(reps).name})",
            f"- Validation des conditions des offres groupées par la direction d'ici le {short_date(c, 21)}",
            "- Lancement auprès de toute l'équipe commerciale lors de la prochaine réunion régionale",
        ]
        title = f"Stratégie parc installé {year} : ventes croisées et montée en gamme"
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "strategy.b5_negotiation", ("en", "es"), ".docx", split="train", written="round 5")
def strategy_negotiation(c: Ctx) -> Built:
    customer = c.company()
    owner = c.person(c.vendor(), lang=c.lang)
    buyer, sponsor, blocker = c.person(customer), c.person(customer), c.person(customer)
    current = c.rng.randint(180, 900) * 1000
    ask = round(current * (1 + c.rng.randint(4, 12) / 100), -3)
    floor = round(current * (1 - c.rng.randint(3, 8) / 100), -3)
    years = c.pick((2, 3, 5))
    comp = c.pick(COMPETITORS_ROUND_5)
    m = c.money
    if c.lang == "en":
        gives = [["We can give", "Only in exchange for"],
                 ["Price freeze for year 2", f"{years}-year term instead of annual renewal"],
                 ["Five free consulting days", "Reference call and a case study with their logo"],
                 ["Payment terms 60 days", "Signature before quarter end"],
                 [f"Extra {c.pick((50, 100, 200))} user licences at 50 %", "Roll-out to a second site in the same year"]]
        blocks: list[str | list[list[str]]] = [
            f"Prepared by {owner.name} · {long_date(c)} · INTERNAL – do not share with the customer",
            "## Objective",
            f"Renew the framework with {customer.name} for {years} years at {m(ask)} per year or more, without opening the "
            "door to a competitive tender.",
            "## Where we stand",
            f"Current annual value {m(current)}. Contract ends {long_date(c, c.rng.randint(60, 150))}. {buyer.name} ({buyer.role}) "
            f"has hinted that {comp} offered a migration at roughly 20 % below our price.",
            "## Our limits",
            f"- Target: {m(ask)} per year",
            f"- Walk-away: {m(floor)} per year – below that we let them go to tender",
            "- No uncapped liability, no most-favoured-customer clause",
            "## Concessions (never give without getting)",
            gives,
            "## People around the table",
            f"- {sponsor.name}, {sponsor.role}: sponsor, happy with the service, wants stability",
            f"- {buyer.name}, {buyer.role}: measured on savings, will open with the competitor's number",
            f"- {blocker.name}, {blocker.role}: pushed for {comp} last year, keep them informed early",
            "## Talking points",
            "- Cost of switching: migration, retraining, two parallel systems for at least six months",
            "- Our roadmap items they asked for are in the next two releases",
            "- Anchor on value delivered this year, not on the list price",
            "## Plan",
            f"- First meeting {short_date(c, 7)}: listen, no numbers from our side",
            f"- Written offer at {m(round(ask * 1.04, -3))} after the meeting, leaves room for one concession round",
            f"- Escalation to our VP only if they go below {m(floor)}",
        ]
        title = f"Negotiation strategy – {customer.name} renewal"
    else:
        gives = [["Podemos ceder", "Solo a cambio de"],
                 ["Congelación de precios el segundo año", f"Plazo de {years} años en lugar de renovación anual"],
                 ["Cinco jornadas de consultoría gratuitas", "Llamada de referencia y caso de éxito con su logo"],
                 ["Pago a 60 días", "Firma antes del cierre del trimestre"],
                 [f"{c.pick((50, 100, 200))} licencias adicionales al 50 %", "Despliegue en una segunda sede el mismo año"]]
        blocks = [
            f"Preparado por {owner.name} · {long_date(c)} · USO INTERNO – no compartir con el cliente",
            "## Objetivo",
            f"Renovar el acuerdo marco con {customer.name} a {years} años por {m(ask)} anuales o más, sin que el cliente "
            "abra un concurso.",
            "## Situación",
            f"Valor anual actual: {m(current)}. El contrato vence el {long_date(c, c.rng.randint(60, 150))}. {buyer.name} "
            f"({buyer.role}) ha dejado caer que {comp} les ofrece la migración un 20 % por debajo de nuestro precio.",
            "## Nuestros límites",
            f"- Objetivo: {m(ask)} al año",
            f"- Precio mínimo: {m(floor)} al año; por debajo, preferimos que vayan a concurso",
            "- Nada de responsabilidad ilimitada ni cláusula de cliente más favorecido",
            "## Concesiones (nunca ceder sin recibir algo)",
            gives,
            "## Quién se sienta a la mesa",
            f"- {sponsor.name}, {sponsor.role}: sponsor, contento con el servicio, quiere estabilidad",
            f"- {buyer.name}, {buyer.role}: le miden por ahorro, abrirá con la cifra de la competencia",
            f"- {blocker.name}, {blocker.role}: defendió a {comp} el año pasado, hay que implicarle pronto",
            "## Argumentos",
            "- Coste del cambio: migración, formación, dos sistemas en paralelo durante al menos seis meses",
            "- Las mejoras que pidieron están en las dos próximas versiones",
            "- Hablar del valor aportado este año, no del precio de tarifa",
            "## Plan",
            f"- Primera reunión el {short_date(c, 7)}: escuchar, ninguna cifra por nuestra parte",
            f"- Oferta por escrito a {m(round(ask * 1.04, -3))} tras la reunión, deja margen para una ronda de concesiones",
            f"- Escalar a nuestra dirección solo si bajan de {m(floor)}",
        ]
        title = f"Estrategia de negociación – renovación {customer.name}"
    return Built(docx(title, blocks, c, owner.name))


@template(CATEGORY, "strategy.b6_partner_programme", ("fr", "es"), ".pptx", split="blind", written="round 6")
def strategy_partner_programme(c: Ctx) -> Built:
    year = c.day.year + 1
    vendor = c.vendor()
    recruit = c.rng.randint(8, 25)
    share = c.rng.randint(25, 45)
    m = [c.rng.randint(8, 12), c.rng.randint(14, 20), c.rng.randint(22, 30)]
    comp = c.pick(("Tailwind Systems", "Northbridge Software", "Cobalt Analytics"))
    if c.lang == "fr":
        slides = [
            (f"Programme partenaires {year}", [vendor.name, "Direction des ventes indirectes", "Document interne – ne pas diffuser"]),
            ("Pourquoi faire évoluer le programme", [f"Le canal indirect pèse {share} % du chiffre d’affaires, objectif {share + 10} %",
                                                     "Trop de revendeurs inactifs : 40 % sans affaire depuis 12 mois",
                                                     f"{comp} recrute nos intégrateurs avec des marges plus élevées"]),
            ("Trois niveaux", [f"Silver : marge {m[0]} %, 1 commercial certifié", f"Gold : marge {m[1]} %, 2 certifiés, "
                               "engagement de chiffre d’affaires", f"Platinum : marge {m[2]} %, 4 certifiés, plan d’affaires commun"]),
            ("Leviers", ["Enregistrement des affaires : +5 points de marge pour l’apporteur", "Fonds marketing (MDF) réservés au Gold "
                         "et Platinum", "Certification en ligne gratuite pendant le lancement"]),
            ("Cibles de recrutement", [f"{recruit} nouveaux intégrateurs dans les régions Ouest et Sud-Est",
                                       "Priorité aux ESN de 50 à 300 salariés", "Éviter les conflits de canal sur les grands comptes"]),
            ("Prochaines étapes", [f"Validation par le comité de direction le {long_date(c, 14)}",
                                   "Lancement lors de la convention partenaires",
                                   "Revue des résultats à six mois"]),
        ]
    else:
        slides = [
            (f"Programa de partners {year}", [vendor.name, "Dirección de canal", "Uso interno – no distribuir"]),
            ("Por qué cambiamos el programa", [f"El canal aporta el {share} % de la facturación; objetivo {share + 10} %",
                                               "Demasiados distribuidores inactivos: 40 % sin operaciones en 12 meses",
                                               f"{comp} está captando a nuestros integradores con márgenes mayores"]),
            ("Tres niveles", [f"Silver: margen del {m[0]} %, 1 comercial certificado", f"Gold: margen del {m[1]} %, 2 certificados "
                              "y compromiso de facturación", f"Platinum: margen del {m[2]} %, 4 certificados y plan de negocio conjunto"]),
            ("Palancas", ["Registro de oportunidades: +5 puntos de margen para quien la aporta", "Fondos de marketing (MDF) solo "
                          "para Gold y Platinum", "Certificación online gratuita durante el lanzamiento"]),
            ("Objetivo de captación", [f"{recruit} nuevos integradores en Levante y Andalucía", "Prioridad a consultoras de "
                                       "50 a 300 empleados", "Evitar conflictos de canal en las grandes cuentas"]),
            ("Próximos pasos", [f"Aprobación en el comité de dirección el {long_date(c, 14)}",
                                "Presentación en el encuentro anual de partners",
                                "Revisión de resultados a los seis meses"]),
        ]
    if c.maybe():
        slides.insert(3, (c.t({"fr": "Positionnement face à la concurrence", "es": "Posicionamiento frente a la competencia"}),
                          c.t({"fr": [f"{comp} : marge jusqu’à 32 %, mais pas de support avant-vente",
                                      "Notre différence : accompagnement technique et démos clés en main"],
                               "es": [f"{comp}: margen de hasta el 32 %, pero sin soporte preventa",
                                      "Nuestra diferencia: apoyo técnico y demos listas para usar"]})))
    return Built(pptx(slides, c, c.person().name))


@template(CATEGORY, "strategy.b6_upsell_playbook", ("en", "de"), ".md", split="blind", written="round 6")
def strategy_upsell(c: Ctx) -> Built:
    product = c.pick(PRODUCT_NAMES)
    accounts = [co.name for co in c.some(COMPANIES[c.lang], 3, 4)]
    target = c.rng.randint(8, 20) * 50000
    if c.lang == "en":
        lines = [f"# Upsell playbook – {product} customers", "", f"Owner: {c.person().name} · last updated {short_date(c)}", "",
                 "## Goal", f"Grow revenue from existing {product} customers by {c.money(target)} this fiscal year, mainly through "
                 "add-on modules and support upgrades rather than new logos.", "", "## When to bring it up",
                 *lines_of(c, ("- Licence usage above 85 % for two consecutive months", "- Customer opens a ticket asking for "
                               "reporting features we sell as an add-on", "- Renewal is 120 days away",
                               "- New CIO or IT head at the account", "- Customer expands to a new site or country"), 3, 5),
                 "", "## What to offer", *markdown_table(["Situation", "Offer", "Price guidance"],
                                                   [["Standard support, many tickets", "Gold support", "max. 10 % discount"],
                                                    ["More than 50 users", "Analytics add-on", "bundle with renewal"],
                                                    ["Several sites", "Edge gateways", "list price, free installation"]]),
                 "", "## Handling objections",
                 "- *\"No budget this year\"* – offer a start date after their budget cycle, lock the price now.",
                 "- *\"We only use half of it\"* – propose an adoption workshop first, upsell afterwards.",
                 "", "## Focus accounts", *[f"- {a}" for a in accounts]]
    else:
        lines = [f"# Upselling-Leitfaden – Bestandskunden {product}", "", f"Verantwortlich: {c.person().name} · Stand {short_date(c)}", "",
                 "## Ziel", f"Mehrumsatz von {c.money(target)} im laufenden Geschäftsjahr mit bestehenden {product}-Kunden, vor allem "
                 "über Zusatzmodule und Support-Upgrades statt über Neukunden.", "", "## Wann ansprechen?",
                 *lines_of(c, ("- Lizenzauslastung zwei Monate in Folge über 85 %", "- Kunde fragt im Ticket nach Reporting-Funktionen, "
                               "die wir als Zusatzmodul verkaufen", "- Verlängerung steht in 120 Tagen an",
                               "- Neuer IT-Leiter beim Kunden", "- Kunde eröffnet einen neuen Standort"), 3, 5),
                 "", "## Was anbieten?", *markdown_table(["Situation", "Angebot", "Preisrahmen"],
                                                   [["Standard-Support, viele Tickets", "Gold-Support", "max. 10 % Rabatt"],
                                                    ["Mehr als 50 Anwender", "Analytics-Modul", "im Paket mit der Verlängerung"],
                                                    ["Mehrere Standorte", "Edge-Gateways", "Listenpreis, Installation kostenlos"]]),
                 "", "## Einwände",
                 "- *„Kein Budget in diesem Jahr“* – Start nach dem Budgetzyklus anbieten, Preis jetzt festschreiben.",
                 "- *„Wir nutzen nur die Hälfte“* – erst einen Adoption-Workshop anbieten, danach das Upgrade.",
                 "", "## Fokuskunden", *[f"- {a}" for a in accounts]]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    account_plan,
    go_to_market,
    battlecard,
    pricing_strategy,
    territory_plan,
    swot,
    win_plan,
    blind_channel,
    strategy_account_plan,
    strategy_battlecard,
    strategy_kickoff,
    strategy_segmentation,
    strategy_installed_base,
    strategy_negotiation,
    strategy_partner_programme,
    strategy_upsell,
)
