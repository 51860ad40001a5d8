"""Templates of `customer_asset`: a customer's own assets: environment inventories, server or device lists, network plans."""

from __future__ import annotations

import json
from datetime import timedelta

from category_corpus.common import DIGITS, Built, Ctx, Template, lines_of, short_date, template, token
from category_corpus.writers import Sheet, csv_text, docx, escape_xml, markdown_table, text, xlsx

CATEGORY = "customer_asset"


OPERATING_SYSTEMS = ("Windows Server 2019", "Windows Server 2022", "Ubuntu 22.04 LTS", "RHEL 8.6", "Debian 12", "VMware ESXi 7.0")


def host_rows(c: Ctx, count: int) -> list[tuple[str, str, str, str]]:
    prefix = c.pick(("srv", "app", "db", "web", "dc", "fs"))
    net = f"10.{c.rng.randint(1, 99)}.{c.rng.randint(1, 250)}"
    roles = c.t({"en": ("Domain controller", "ERP database", "File server", "Web frontend", "Backup server", "Hypervisor"),
                 "de": ("Domänencontroller", "ERP-Datenbank", "Dateiserver", "Web-Frontend", "Backup-Server", "Hypervisor"),
                 "fr": ("Contrôleur de domaine", "Base ERP", "Serveur de fichiers", "Frontal web", "Serveur de sauvegarde",
                        "Hyperviseur"),
                 "es": ("Controlador de dominio", "Base de datos ERP", "Servidor de ficheros", "Frontal web",
                        "Servidor de copias", "Hipervisor")})
    return [(f"{prefix}-{c.pick(('prd', 'tst', 'dev'))}-{n:02d}", f"{net}.{10 + n}", c.pick(OPERATING_SYSTEMS), c.pick(roles))
            for n in range(1, count + 1)]


@template(CATEGORY, "asset.server_xlsx", ("en", "de"), ".xlsx", split="train", written="round 0")
def server_inventory(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"en": ["Hostname", "IP address", "OS", "Role", "Environment", "Rack", "Serial number"],
                  "de": ["Hostname", "IP-Adresse", "Betriebssystem", "Rolle", "Umgebung", "Standort", "Seriennummer"]})
    owners = [c.person() for _ in range(3)]
    with_owner = c.maybe()
    if with_owner:
        header += c.t({"en": ["Owner", "Owner email"], "de": ["Verantwortlich", "E-Mail"]})
    rows: list[list[object]] = []
    for h, ip, os_, role in host_rows(c, c.rng.randint(5, 14)):
        owner = c.pick(owners)
        rows.append([h, ip, os_, role, c.pick(("PROD", "TEST")), f"R{c.rng.randint(1, 8)}-U{c.rng.randint(1, 42)}",
                     f"SN{c.rng.randrange(10 ** 7, 10 ** 8)}", *((owner.name, owner.email) if with_owner else ())])
    return Built(xlsx([(c.t({"en": "Servers", "de": "Server"}), header, rows)], c, author.name))


@template(CATEGORY, "asset.network_plan_docx", ("fr", "es"), ".docx", split="train", written="round 0")
def network_plan(c: Ctx) -> Built:
    customer, author = c.company(), c.person()
    base = c.rng.randint(10, 99)
    vlans = c.t({"fr": ("Serveurs de production", "Postes de travail", "Téléphonie IP", "Invités Wi-Fi", "Administration", "DMZ"),
                 "es": ("Servidores de producción", "Puestos de trabajo", "Telefonía IP", "Wi-Fi invitados", "Administración", "DMZ")})
    table = [c.t({"fr": ["VLAN", "Sous-réseau", "Passerelle", "Usage"], "es": ["VLAN", "Subred", "Pasarela", "Uso"]}),
             *([str(10 * k), f"10.{base}.{k}.0/24", f"10.{base}.{k}.1", usage] for k, usage in enumerate(c.some(vlans, 3, 6), 1))]
    title = c.t({"fr": f"Plan d'adressage réseau – {customer.name}", "es": f"Plan de red – {customer.name}"})
    blocks: list[str | list[list[str]]] = c.t({
        "fr": [f"Site principal : {customer.city}. Deux pare-feu en cluster actif/passif protègent l'accès Internet.", table,
               "Les serveurs de production sont hébergés dans la salle serveur du bâtiment B, baie 3.",
               f"Commutateurs cœur : 2 x {c.pick(('Cisco C9500', 'Aruba 8325', 'Juniper EX4650'))}."],
        "es": [f"Sede principal: {customer.city}. Dos cortafuegos en clúster activo/pasivo protegen el acceso a Internet.", table,
               "Los servidores de producción están en el centro de datos del edificio B, armario 3.",
               f"Conmutadores troncales: 2 x {c.pick(('Cisco C9500', 'Aruba 8325', 'Juniper EX4650'))}."],
    })
    return Built(docx(title, blocks, c, author.name))


@template(CATEGORY, "asset.devices_csv", ("de", "en"), ".csv", split="held_out", written="round 0")
def device_list(c: Ctx) -> Built:
    header = c.t({"de": ["Gerät", "Modell", "Seriennummer", "MAC-Adresse", "Standort", "Firmware"],
                  "en": ["Device", "Model", "Serial", "MAC address", "Location", "Firmware"]})
    kinds = c.t({"de": ("Switch", "Access Point", "Drucker", "Firewall", "USV"),
                 "en": ("Switch", "Access point", "Printer", "Firewall", "UPS")})
    sites = c.t({"de": ("Werk 1, Halle 3", "Verwaltung, 2. OG", "Lager Nord"),
                 "en": ("Plant 1, hall 3", "Head office, 2nd floor", "Warehouse")})
    rows: list[list[object]] = []
    for n in range(c.rng.randint(6, 16)):
        mac = ":".join(f"{c.rng.randrange(256):02x}" for _ in range(6))
        rows.append([f"{c.pick(kinds)} {n + 1}", c.pick(("HP M404", "Cisco C9200", "Aruba 515", "FortiGate 100F", "APC SMT1500")),
                     f"{c.rng.randrange(10 ** 9, 10 ** 10)}", mac, c.pick(sites), f"{c.rng.randint(1, 9)}.{c.rng.randint(0, 20)}"])
    return Built(csv_text(header, rows, ";" if c.lang == "de" else ","))


@template(CATEGORY, "asset.cmdb_json", ("en", "es"), ".json", split="train", written="round 0")
def cmdb_export(c: Ctx) -> Built:
    keys = c.t({"en": ("hostname", "ip_address", "os", "environment", "owner", "location"),
                "es": ("nombre_equipo", "direccion_ip", "sistema_operativo", "entorno", "responsable", "ubicacion")})
    records = [dict(zip(keys, (h, ip, os_, c.pick(("prod", "test")), c.person().name, c.company().city), strict=True))
               for h, ip, os_, _ in host_rows(c, c.rng.randint(4, 10))]
    return Built(json.dumps({"exported": c.day.isoformat(), "configuration_items": records}, ensure_ascii=False, indent=2).encode())


@template(CATEGORY, "asset.environment_md", ("en", "fr"), ".md", split="train", written="round 0")
def environment_overview(c: Ctx) -> Built:
    customer = c.company()
    hosts = host_rows(c, c.rng.randint(3, 7))
    out = c.t({
        "en": [f"# Environment overview – {customer.name}", "", "Inventory of the customer's environment as found during the "
               "assessment.", "", "## Production servers", "",
               *(f"- {h} ({ip}) – {os_}, {role}" for h, ip, os_, role in hosts), "", "## Storage", "",
               f"- SAN {c.pick(('NetApp AFF A250', 'Dell PowerStore 1200'))}, {c.rng.randint(20, 200)} TB usable", "",
               "## Backup", "", "- Nightly backup to tape, 30 days retention", "- Offsite copy weekly"],
        "fr": [f"# Vue d'ensemble de l'environnement – {customer.name}", "", "Inventaire de l'environnement du client relevé "
               "lors de l'audit.", "", "## Serveurs de production", "",
               *(f"- {h} ({ip}) – {os_}, {role}" for h, ip, os_, role in hosts), "", "## Stockage", "",
               f"- Baie SAN {c.pick(('NetApp AFF A250', 'Dell PowerStore 1200'))}, {c.rng.randint(20, 200)} To utiles", "",
               "## Sauvegarde", "", "- Sauvegarde nocturne sur bande, rétention 30 jours", "- Copie externalisée hebdomadaire"],
    })
    return Built(text(out))


@template(CATEGORY, "asset.inventory_txt", ("es", "de"), ".txt", split="held_out", written="round 0")
def fixed_width_inventory(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"es": ("Equipo", "IP", "Sistema operativo", "Ubicación"), "de": ("Gerät", "IP", "Betriebssystem", "Standort")})
    places = c.t({"es": ("CPD Madrid", "CPD Barcelona", "Oficina central"), "de": ("RZ Frankfurt", "RZ Berlin", "Zentrale")})
    title = c.t({"es": f"INVENTARIO DE ACTIVOS – {customer.name}", "de": f"IT-BESTANDSLISTE – {customer.name}"})
    out = [title, c.t({"es": f"Actualizado: {c.datestr()}", "de": f"Stand: {c.datestr()}"}), "",
           f"{header[0]:<16}{header[1]:<16}{header[2]:<24}{header[3]}", "-" * 72,
           *(f"{h:<16}{ip:<16}{os_:<24}{c.pick(places)}" for h, ip, os_, _ in host_rows(c, c.rng.randint(5, 12)))]
    return Built(text(out))


@template(CATEGORY, "asset.firewall_rules_xlsx", ("en", "de"), ".xlsx", split="train", written="round 1")
def firewall_rules(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"en": ["Rule", "Source", "Destination", "Port", "Protocol", "Action", "Comment"],
                  "de": ["Regel", "Quelle", "Ziel", "Port", "Protokoll", "Aktion", "Kommentar"]})
    comments = c.t({"en": ("ERP to database", "Backup traffic", "Admin jump host", "Monitoring", "Mail relay", "Legacy - review"),
                    "de": ("ERP zur Datenbank", "Sicherung", "Admin-Sprunghost", "Überwachung", "Mail-Relay", "Altlast - prüfen")})
    rows: list[list[object]] = []
    for number in range(1, c.rng.randint(12, 30)):
        source = f"10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.0/24"
        target = f"10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.{c.rng.randrange(2, 250)}"
        port = c.pick((22, 25, 443, 1433, 3389, 5432, 8080, 9100))
        rows.append([number * 10, source, target, port, c.pick(("TCP", "TCP", "UDP")), c.pick(("allow", "allow", "deny")),
                     c.pick(comments)])
    sheet = c.t({"en": f"FW {customer.name}"[:31], "de": f"FW {customer.name}"[:31]})
    return Built(xlsx([(sheet, header, rows)], c, c.person(c.vendor()).name))


@template(CATEGORY, "asset.blind_laptops_csv", ("es", "fr"), ".csv", split="train", written="round 2")
def blind_laptops(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"es": ["Equipo", "Número de serie", "Modelo", "Usuario asignado", "Sede", "Fecha de compra", "Garantía hasta"],
                  "fr": ["Poste", "N° de série", "Modèle", "Utilisateur", "Site", "Date d'achat", "Fin de garantie"]})
    models = ("Latitude 5430", "ThinkPad T14", "EliteBook 840", "MacBook Pro 14")
    rows: list[list[object]] = []
    for number in range(c.rng.randint(12, 30)):
        bought = c.later(-c.rng.randrange(1, 900))
        rows.append([f"{customer.name.split()[0][:3].upper()}-NB-{number + 1:03d}", token(c, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                     c.pick(models), c.person(customer).name, customer.city.split(" ", 1)[-1], bought.isoformat(),
                     (bought + timedelta(days=3 * 365)).isoformat()])
    return Built(csv_text(header, rows, ";"))


@template(CATEGORY, "asset.b3_cmdb_export", ("en", "es"), ".csv", split="train", written="round 3")
def asset_cmdb_export(c: Ctx) -> Built:
    customer = c.company()
    domain = customer.domain.split(".")[0][:8]
    sites = c.some(c.t({"en": ("LON-DC1", "MAN-OFF", "CHI-DC2", "SEA-HQ", "EDI-OFF"),
                        "es": ("MAD-CPD1", "BCN-OFI", "SEV-ALM", "VLC-CPD2", "MLG-OFI")}), 1, 3)
    roles = (("dc", "Windows Server 2019", c.t({"en": "Domain controller", "es": "Controlador de dominio"})),
             ("sql", "Windows Server 2016", "SQL Server 2016 SP3"),
             ("app", "RHEL 8.6", c.t({"en": "ERP application server", "es": "Servidor de aplicaciones ERP"})),
             ("fs", "Windows Server 2012 R2", c.t({"en": "File server", "es": "Servidor de ficheros"})),
             ("esx", "VMware ESXi 7.0U3", c.t({"en": "Hypervisor host", "es": "Host de virtualización"})),
             ("fw", "FortiOS 7.2", "Firewall"), ("bkp", "Ubuntu 20.04", "Veeam repository"),
             ("web", "Ubuntu 22.04", c.t({"en": "Intranet / reverse proxy", "es": "Intranet / proxy inverso"})),
             ("prt", "Windows Server 2019", c.t({"en": "Print server", "es": "Servidor de impresión"})))
    hardware = ("Dell PowerEdge R740", "HPE ProLiant DL380 Gen10", "Lenovo ThinkSystem SR650")
    teams = c.t({"en": ("Infrastructure", "Applications", "Network", "Finance IT"),
                 "es": ("Infraestructura", "Aplicaciones", "Comunicaciones", "Sistemas financieros")})
    subnet = {site: c.rng.randrange(1, 60) for site in sites}
    third = {"dc": 10, "sql": 20, "app": 30, "fs": 40, "esx": 50, "fw": 1, "bkp": 60, "web": 70, "prt": 80}
    rows: list[list[object]] = []
    counter: dict[tuple[str, str], int] = {}
    for _ in range(c.rng.randint(10, 50)):
        prefix, os_name, role = c.pick(roles)
        site = c.pick(sites)
        number = counter.get((site, prefix), 0) + 1
        if prefix == "fw" and number > 2:
            continue
        counter[(site, prefix)] = number
        physical = prefix in ("esx", "fw") or c.maybe(0.25)
        model = "Fortinet FG-100F" if prefix == "fw" else (c.pick(hardware) if physical else "VM")
        rows.append([f"{site.split('-')[0].lower()}-{prefix}{number:02d}.{domain}.local",
                     f"10.{subnet[site]}.{third[prefix]}.{10 + number}", os_name, role, site, model,
                     "" if model == "VM" else f"{token(c, 7, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}",
                     c.pick(("prod", "prod", "prod", "test", "dev")), c.pick(teams),
                     "" if model == "VM" else (c.later(c.rng.randint(-400, 900))).isoformat()])
    rows.sort(key=lambda r: str(r[0]))
    head = c.t({"en": ["hostname", "ip_address", "os", "role", "site", "model", "serial", "environment", "owner_team", "warranty_end"],
                "es": ["nombre_host", "ip", "so", "funcion", "ubicacion", "modelo", "n_serie", "entorno", "equipo_responsable",
                       "fin_garantia"]})
    return Built(csv_text(head, rows))


@template(CATEGORY, "asset.b3_ip_plan", ("de", "fr"), ".xlsx", split="train", written="round 3")
def asset_ip_plan(c: Ctx) -> Built:
    customer = c.company()
    author = c.person(c.vendor())
    second = c.rng.randrange(10, 200)
    names = c.t({"de": ("Clients Verwaltung", "Server", "Drucker", "VoIP", "WLAN Gäste", "Produktion", "Management", "Kameras",
                        "DMZ", "Backup"),
                 "fr": ("Postes bureautique", "Serveurs", "Imprimantes", "Téléphonie", "Wi-Fi invités", "Production", "Administration",
                        "Vidéosurveillance", "DMZ", "Sauvegarde")})
    sites = c.t({"de": ("Zentrale", "Lager", "Werk 2"), "fr": ("Siège", "Entrepôt", "Usine 2")})
    vlans: list[list[object]] = []
    for n, name in enumerate(c.some(names, 5, 10)):
        vid = (n + 1) * 10
        vlans.append([vid, name, f"10.{second}.{vid}.0/24", f"10.{second}.{vid}.1", c.pick(sites),
                      c.pick(("ja", "nein")) if c.lang == "de" else c.pick(("oui", "non")),
                      c.pick(c.t({"de": ("", "", "nur intern", "kein Internet", "über Proxy"),
                                  "fr": ("", "", "interne uniquement", "pas d'accès internet", "via proxy")}))])
    switches: list[list[object]] = []
    for n in range(c.rng.randint(3, 12)):
        site = c.pick(sites)
        switches.append([f"sw-{site[:3].lower()}-{n + 1:02d}",
                         c.pick(("Cisco C9300-48P", "Aruba 2930F-24G", "HPE 5130-48G", "Cisco C1000-24T")),
                         f"10.{second}.250.{n + 11}", site, f"Rack {c.pick('ABC')}{c.rng.randint(1, 4)} / HE {c.rng.randint(20, 42)}",
                         c.pick(("17.6.4", "16.12.8", "WC.16.11.0012", "7.1.070")),
                         c.pick(("Gi1/1/1-2 → Core", "Te1/1/1 → sw-zen-01", "LACP 2×1G"))])
    head_v = c.t({"de": ["VLAN", "Name", "Netz", "Gateway", "Standort", "DHCP", "Bemerkung"],
                  "fr": ["VLAN", "Nom", "Réseau", "Passerelle", "Site", "DHCP", "Remarque"]})
    head_s = c.t({"de": ["Name", "Modell", "Mgmt-IP", "Standort", "Einbauort", "Firmware", "Uplink"],
                  "fr": ["Nom", "Modèle", "IP d'admin", "Site", "Emplacement", "Firmware", "Liaison montante"]})
    info: list[list[object]] = [[c.t({"de": "Kunde", "fr": "Client"}), customer.name],
                                [c.t({"de": "Stand", "fr": "Version du"}), c.datestr(long=False)],
                                [c.t({"de": "Erstellt von", "fr": "Rédigé par"}), author.name],
                                [c.t({"de": "Internet", "fr": "Accès internet"}),
                                 f"{c.pick(c.t({'de': ('Telekom', 'Vodafone', 'M-net'), 'fr': ('Orange', 'SFR', 'Bouygues')}))} "
                                 f"{c.pick((100, 250, 500, 1000))} Mbit/s, "
                                 f"{c.rng.randrange(80, 220)}.{c.rng.randrange(0, 255)}.{c.rng.randrange(0, 255)}."
                                 f"{c.rng.randrange(1, 250)}/29"]]
    sheets = [("VLANs", head_v, vlans), ("Switches", head_s, switches),
              (c.t({"de": "Allgemein", "fr": "Général"}), [c.t({"de": "Feld", "fr": "Champ"}), c.t({"de": "Wert", "fr": "Valeur"})], info)]
    return Built(xlsx(sheets, c, author.name))


@template(CATEGORY, "asset.b4_licence_inventory", ("en", "de"), ".xlsx", split="train", written="round 4")
def asset_licence_inventory(c: Ctx) -> Built:
    customer = c.company()
    auditor = c.person(c.vendor())
    software = [("Microsoft 365 E3", "Microsoft", "Subscription per user"), ("Windows Server 2019 Datacenter", "Microsoft", "Per core"),
                ("SQL Server 2017 Standard", "Microsoft", "Per core"), ("Adobe Acrobat Pro", "Adobe", "Named user"),
                ("AutoCAD LT 2022", "Autodesk", "Named user"), ("VMware vSphere 7 Enterprise Plus", "VMware", "Per CPU"),
                ("Veeam Backup & Replication", "Veeam", "Per instance"), ("Oracle Database 19c SE2", "Oracle", "Per socket"),
                ("SAP GUI / S/4HANA Professional User", "SAP", "Named user"), ("Atlassian Jira Software", "Atlassian", "Per user")]
    depts = {"en": ("Finance", "Engineering", "Sales", "IT", "Production", "HR"),
             "de": ("Finanzen", "Konstruktion", "Vertrieb", "IT", "Fertigung", "Personal")}[c.lang]
    lic_rows: list[list[object]] = []
    inst_rows: list[list[object]] = []
    for product, vendor, model in c.some(software, 5, 9):
        owned = c.pick((5, 10, 25, 50, 100, 250, 16, 32))
        used = max(0, owned + c.rng.randint(-owned // 3, owned // 5 + 2))
        renew = c.later(c.rng.randint(-30, 400)).isoformat()
        status = ("OK" if used <= owned else ("Under-licensed" if c.lang == "en" else "Unterlizenziert"))
        lic_rows.append([product, vendor, model, owned, used, owned - used, renew, status])
        for _ in range(c.rng.randint(1, 3)):
            host = f"{c.pick(('srv', 'ws', 'nb', 'vdi'))}-{customer.domain.split('.')[0][:6]}-{c.rng.randint(1, 250):03d}"
            inst_rows.append([host, product, f"{c.rng.randint(1, 22)}.{c.rng.randint(0, 9)}", c.pick(depts),
                              c.later(-c.rng.randint(1, 60)).isoformat()])
    if c.lang == "en":
        sheets: list[Sheet] = [
            ("Licence position", ["Product", "Vendor", "Licence metric", "Licences owned", "Deployed", "Surplus / shortfall",
                                  "Maintenance renewal", "Status"], lic_rows),
            ("Installations", ["Hostname", "Product", "Version", "Department", "Last seen"], inst_rows),
            ("Scope", ["Item", "Value"], [["Customer", customer.name], ["Site", customer.city],
                                          ["Data source", "SCCM inventory export and vendor portals"],
                                          ["Prepared by", f"{auditor.name} (licence review)"], ["As of", short_date(c)]]),
        ]
    else:
        sheets = [
            ("Lizenzbilanz", ["Produkt", "Hersteller", "Lizenzmetrik", "Lizenzen vorhanden", "Installiert", "Über-/Unterdeckung",
                              "Wartungsverlängerung", "Status"], lic_rows),
            ("Installationen", ["Hostname", "Produkt", "Version", "Abteilung", "Zuletzt gesehen"], inst_rows),
            ("Rahmen", ["Angabe", "Wert"], [["Kunde", customer.name], ["Standort", customer.city],
                                             ["Datenquelle", "SCCM-Inventarexport und Herstellerportale"],
                                             ["Erstellt von", f"{auditor.name} (Lizenzprüfung)"], ["Stand", short_date(c)]]),
        ]
    return Built(xlsx(sheets, c, auditor.name))


@template(CATEGORY, "asset.b4_ansible_inventory", ("fr", "es"), ".yaml", split="train", written="round 4")
def asset_ansible_inventory(c: Ctx) -> Built:
    customer = c.company()
    engineer = c.person(c.vendor())
    short = customer.domain.split(".")[0].replace("-", "")[:8]
    net = f"10.{c.rng.randint(10, 90)}"
    oses = ("RHEL 8.6", "Ubuntu 20.04 LTS", "Debian 11", "Windows Server 2019", "Rocky Linux 9")
    groups = {"fr": (("serveurs_web", "frontaux web", "web"), ("bases_de_donnees", "bases PostgreSQL", "db"),
                     ("applicatif", "serveurs applicatifs ERP", "app"), ("supervision", "supervision et sauvegarde", "mon")),
              "es": (("servidores_web", "servidores web", "web"), ("bases_de_datos", "bases de datos PostgreSQL", "db"),
                     ("aplicaciones", "servidores de aplicación ERP", "app"), ("monitorizacion", "monitorización y copias", "mon"))}
    lines = [
        "---",
        c.t({"fr": f"# Inventaire Ansible – environnement de production de {customer.name}",
             "es": f"# Inventario Ansible – entorno de producción de {customer.name}"}),
        c.t({"fr": f"# Mis à jour le {short_date(c)} par {engineer.name} – source : visite sur site et export vCenter du client",
             "es": f"# Actualizado el {short_date(c)} por {engineer.name} – origen: visita in situ y exportación vCenter del cliente"}),
        c.t({"fr": "# Les machines marquées « legacy » ne doivent pas être redémarrées sans accord du client.",
             "es": "# Las máquinas marcadas como «legacy» no se reinician sin autorización del cliente."}),
        "all:",
        "  vars:",
        f"    client: \"{customer.name}\"",
        f"    site: \"{customer.city}\"",
        f"    dns_domain: {short}.local",
        f"    ntp_server: {net}.0.10",
        "  children:",
    ]
    third = 1
    for key, label, prefix in groups[c.lang]:
        lines += [f"    {key}:  # {label}", "      hosts:"]
        for n in range(1, c.rng.randint(2, 4) + 1):
            third += 1
            host = f"{short}-{prefix}{n:02d}"
            lines += [f"        {host}:",
                      f"          ansible_host: {net}.{third}.{c.rng.randint(10, 250)}",
                      f"          os: \"{c.pick(oses)}\"",
                      f"          vcpu: {c.pick((2, 4, 8, 16))}",
                      f"          ram_go: {c.pick((4, 8, 16, 32, 64))}" if c.lang == "fr" else
                      f"          ram_gb: {c.pick((4, 8, 16, 32, 64))}",
                      f"          {'baie' if c.lang == 'fr' else 'rack'}: \"{c.pick(('R01', 'R02', 'R03'))}-U{c.rng.randint(4, 40)}\""]
            if c.maybe(0.25):
                legacy = c.t({"fr": "OS hors support, migration prévue", "es": "SO sin soporte, migración pendiente"})
                lines.append(f"          legacy: true  # {legacy}")
    return Built(text(lines))


@template(CATEGORY, "asset.b5_rack_layout", ("en", "de"), ".yaml", split="train", written="round 5")
def asset_rack_layout(c: Ctx) -> Built:
    customer = c.company()
    author = c.person(c.vendor(), lang=c.lang)
    de = c.lang == "de"
    site = c.pick(("DC1", "RZ-Nord", "Serverraum EG", "Colo Equinix FR5") if de else ("DC1", "Server room B1", "Colo LD8", "DR site"))
    models = (("Dell PowerEdge R750", 2, "server"), ("HPE ProLiant DL380 Gen10", 2, "server"), ("Cisco Nexus 93180YC-FX", 1, "switch"),
              ("NetApp AFF A250", 2, "storage"), ("Fortinet FortiGate 200F", 1, "firewall"), ("APC Smart-UPS SRT 5000", 3, "ups"),
              ("Synology RS3621xs+", 2, "backup"), ("Cisco Catalyst 9300-48P", 1, "switch"), ("Dell PowerEdge R650", 1, "server"))
    k = {"site": "standort", "customer": "kunde", "address": "adresse", "updated": "stand", "by": "erfasst_von", "racks": "schraenke",
         "name": "name", "room": "raum", "height": "hoehe_he", "power": "stromversorgung", "devices": "geraete", "pos": "position_he",
         "model": "modell", "serial": "seriennummer", "mgmt": "mgmt_ip", "role": "funktion", "owner": "eigentuemer",
         "warranty": "garantie_bis", "note": "bemerkung"} if de else \
        {k2: k2 for k2 in ("site", "customer", "address", "updated", "by", "racks", "name", "room", "height", "power", "devices",
                            "pos", "model", "serial", "mgmt", "role", "owner", "warranty", "note")}
    k["mgmt"] = "mgmt_ip"
    k["pos"] = "position_he" if de else "position_u"
    roles = {"server": ("Hypervisor", "Hypervisor"), "switch": ("Core switch", "Core-Switch"),
             "storage": ("Primary storage", "Primärspeicher"),
             "firewall": ("Perimeter firewall", "Perimeter-Firewall"), "ups": ("UPS", "USV"), "backup": ("Backup target", "Backup-Ziel")}
    subnet = f"10.{c.rng.randint(0, 60)}.{c.rng.randint(0, 250)}"
    power = ("2x 16A CEE, A/B-Einspeisung", "2x 32A, redundant") if de else ("2x 16A C19, A+B feed", "2x 32A, redundant")
    notes = ("Netzteil 2 defekt, Ticket offen", "Ausbau geplant Q3", "Leihgerät") if de else \
        ("PSU 2 failed, ticket open", "to be decommissioned in Q3", "loan unit")
    out = [f"# {'Rack-Dokumentation' if de else 'Rack documentation'} {customer.name} – {site}",
           f"# {'Quelle: Begehung vor Ort am' if de else 'Source: site walk on'} {short_date(c)}",
           f"{k['site']}: \"{site}\"", f"{k['customer']}: \"{customer.name}\"",
           f"{k['address']}: \"{customer.street}, {customer.city}\"", f"{k['updated']}: {c.day.isoformat()}",
           f"{k['by']}: \"{author.name}\"", f"{k['racks']}:"]
    host = 10
    for r in range(1, c.rng.randint(2, 3) + 1):
        out += [f"  - {k['name']}: R{r:02d}", f"    {k['room']}: \"{c.pick(('EG.014', 'UG.02', 'B1-07', '2.11'))}\"",
                f"    {k['height']}: {c.pick((42, 42, 47))}",
                f"    {k['power']}: \"{c.pick(power)}\"",
                f"    {k['devices']}:"]
        position = 1
        for model, height, kind in c.some(models, 4, 7):
            prefix = {"server": "esx", "switch": "sw", "storage": "nas", "firewall": "fw", "ups": "ups", "backup": "bkp"}[kind]
            out += [f"      - {k['name']}: {customer.domain.split('.')[0][:6]}-{prefix}{r}{position:02d}",
                    f"        {k['pos']}: {position}", f"        {k['model']}: \"{model}\"",
                    f"        {k['serial']}: \"{token(c, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}{token(c, 7, DIGITS)}\"",
                    f"        {k['role']}: \"{roles[kind][1 if de else 0]}\"",
                    f"        {k['mgmt']}: {subnet}.{host}", f"        {k['owner']}: \"{customer.name}\"",
                    f"        {k['warranty']}: {c.later(c.rng.randint(-200, 900)).isoformat()}"]
            if c.maybe(0.3):
                out.append(f"        {k['note']}: \"{c.pick(notes)}\"")
            position += height
            host += 1
    return Built(text(out))


@template(CATEGORY, "asset.b5_mdm_export", ("fr", "es"), ".xml", split="train", written="round 5")
def asset_mdm_export(c: Ctx) -> Built:
    customer = c.company()
    fr = c.lang == "fr"
    models = (("Apple iPhone 14", "iOS", ("17.4.1", "16.7.5")), ("Samsung Galaxy A54", "Android", ("14", "13")),
              ("Apple iPad 10e génération" if fr else "Apple iPad 10.ª generación", "iPadOS", ("17.3", "16.6")),
              ("Zebra TC52", "Android", ("11", "10")), ("Samsung Galaxy Tab Active4 Pro", "Android", ("14", "13")))
    depts = c.t({"fr": ("Logistique", "Commerce", "Maintenance", "Direction", "Atelier"),
                 "es": ("Logística", "Ventas", "Mantenimiento", "Dirección", "Taller")})
    t = {"root": ("ExportAppareils", "ExportacionDispositivos"), "dev": ("Appareil", "Dispositivo"),
         "name": ("NomAppareil", "NombreDispositivo"),
         "model": ("Modele", "Modelo"), "os": ("SystemeExploitation", "SistemaOperativo"), "ver": ("Version", "Version"),
         "sn": ("NumeroSerie", "NumeroSerie"), "imei": ("IMEI", "IMEI"), "user": ("Utilisateur", "Usuario"),
         "dept": ("Service", "Departamento"), "own": ("Propriete", "Propiedad"), "comp": ("Conformite", "Cumplimiento"),
         "sync": ("DerniereSynchronisation", "UltimaSincronizacion"), "phone": ("NumeroLigne", "NumeroLinea"),
         "enc": ("Chiffrement", "Cifrado")}
    i = 0 if fr else 1
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f"<!-- {'Export de la console MDM – parc mobile de' if fr else 'Exportación de la consola MDM – flota móvil de'} "
           f"{escape_xml(customer.name)}, {short_date(c)} -->",
           f'<{t["root"][i]} {"client" if fr else "cliente"}="{escape_xml(customer.name)}" date="{c.day.isoformat()}">']
    for _ in range(c.rng.randint(8, 16)):
        model, os_name, versions = c.pick(models)
        user = c.person(customer)
        compliant = c.maybe(0.8)
        phone = c.t({"fr": f"+33 6 {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)}",
                     "es": f"+34 6{c.rng.randint(10, 99)} {c.rng.randint(100, 999)} {c.rng.randint(100, 999)}"})
        vals = [("name", f"{customer.domain.split('.')[0][:5].upper()}-{c.pick(('MOB', 'TAB', 'SCN'))}-{c.rng.randint(100, 999)}"),
                ("model", model), ("os", os_name), ("ver", c.pick(versions)),
                ("sn", token(c, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")), ("imei", token(c, 15, DIGITS)),
                ("user", user.email), ("dept", c.pick(depts)),
                ("own", c.pick(c.t({"fr": ("Entreprise", "Entreprise", "Personnel"),
                                    "es": ("Corporativo", "Corporativo", "Personal")}))),
                ("comp", c.t({"fr": "Conforme" if compliant else "Non conforme", "es": "Cumple" if compliant else "No cumple"})),
                ("enc", c.t({"fr": "Oui", "es": "Sí"}) if compliant or c.maybe() else c.t({"fr": "Non", "es": "No"})),
                ("sync", f"{c.later(-c.rng.randint(0, 20)).isoformat()}T{c.rng.randint(6, 21):02d}:{c.rng.randint(0, 59):02d}:00"),
                ("phone", phone)]
        out.append(f"  <{t['dev'][i]}>")
        out += [f"    <{t[key][i]}>{escape_xml(value)}</{t[key][i]}>" for key, value in vals]
        out.append(f"  </{t['dev'][i]}>")
    out.append(f"</{t['root'][i]}>")
    return Built(text(out))


@template(CATEGORY, "asset.b6_app_portfolio", ("fr", "es"), ".xlsx", split="blind", written="round 6")
def asset_app_portfolio(c: Ctx) -> Built:
    cust = c.company()
    apps = [("SAP ECC 6.0", "SAP", "EHP8"), ("Sage 100", "Sage", "v9"), ("Microsoft Dynamics 365", "Microsoft", "Cloud"),
            ("Salesforce Sales Cloud", "Salesforce", "SaaS"), ("Cegid", "Cegid", "2023"), ("a3ERP", "Wolters Kluwer", "14.1"),
            ("SharePoint Server 2019", "Microsoft", "16.0"), ("Reflex WMS", "Hardis", "11"), ("Jira Software", "Atlassian", "9.12"),
            ("Veeam Backup", "Veeam", "12.1"), ("Exchange 2016", "Microsoft", "CU23"), ("GLPI", "Teclib", "10.0")]
    owners = [c.person(cust) for _ in range(4)]
    host = c.t({"fr": ("Salle serveur siège", "Datacenter OVH", "SaaS", "Azure"),
                "es": ("CPD sede central", "Housing Interxion", "SaaS", "Azure")})
    crit = c.t({"fr": ("Critique", "Élevée", "Moyenne", "Faible"), "es": ("Crítica", "Alta", "Media", "Baja")})
    prefix = cust.domain.split(".")[0][:5]
    rows: list[list[object]] = []
    chosen = c.some(apps, 6, 10)
    for i, (name, editor, ver) in enumerate(chosen, 1):
        h = c.pick(host)
        rows.append([f"APP-{i:03d}", name, editor, ver, h, "-" if h == "SaaS" else f"{prefix}-app{c.rng.randint(1, 40):02d}",
                     c.rng.randint(5, 400), c.pick(owners).name, c.pick(crit), str(c.rng.randint(2024, 2029))])
    flows: list[list[object]] = []
    for _ in range(c.rng.randint(3, 6)):
        a, b = c.some(chosen, 2)
        flows.append([a[0], b[0], c.pick(("SFTP", "API REST", "ODBC", "EDI", c.t({"fr": "fichier CSV", "es": "fichero CSV"}))), c.pick(
            c.t({"fr": ("quotidien", "temps réel", "horaire"), "es": ("diario", "tiempo real", "cada hora")}))])
    if c.lang == "fr":
        sheets: list[Sheet] = [
            ("Applications", ["ID", "Application", "Éditeur", "Version", "Hébergement", "Serveur", "Utilisateurs",
                              "Responsable métier", "Criticité", "Fin de support"], rows),
            ("Flux", ["Source", "Cible", "Protocole", "Fréquence"], flows)]
    else:
        sheets = [
            ("Aplicaciones", ["ID", "Aplicación", "Fabricante", "Versión", "Alojamiento", "Servidor", "Usuarios",
                              "Responsable de negocio", "Criticidad", "Fin de soporte"], rows),
            ("Interfaces", ["Origen", "Destino", "Protocolo", "Frecuencia"], flows)]
    return Built(xlsx(sheets, c, owners[0].name))


@template(CATEGORY, "asset.b6_site_survey", ("en", "de"), ".md", split="blind", written="round 6")
def asset_site_survey(c: Ctx) -> Built:
    cust, vendor = c.company(), c.vendor()
    eng, contact = c.person(vendor), c.person(cust)
    prefix = cust.domain.split(".")[0][:4]
    closets = c.rng.randint(2, 4)
    models = ("Cisco C9300-48P", "HPE Aruba 2930F", "Cisco C2960X-24", "Juniper EX2300")
    rows = []
    for k in range(1, closets + 1):
        rows.append([f"{'IDF' if c.lang == 'en' else 'UV'}-{k}", c.pick(("GF", "1F", "2F", "B1")) if c.lang == "en" else
                     c.pick(("EG", "1. OG", "2. OG", "UG")), f"{prefix}-sw{k:02d}", c.pick(models),
                     f"FOC{token(c, 8, '0123456789ABCDEFGHJK')}", c.pick(("yes", "no")) if c.lang == "en" else c.pick(("ja", "nein"))])
    aps = c.rng.randint(6, 30)
    wan = c.pick(("1 Gbit/s fibre (BT)", "500 Mbit/s leased line", "2x 100 Mbit/s SD-WAN")) if c.lang == "en" else \
        c.pick(("1 Gbit/s Glasfaser (Telekom)", "500 Mbit/s Standleitung", "2x 100 Mbit/s SD-WAN"))
    if c.lang == "en":
        lines = [f"# Site survey – {cust.name}, {cust.city}", "", f"Surveyed by {eng.name} ({vendor.name}) on {short_date(c)}, "
                 f"accompanied by {contact.name}.", "", "## Building", f"- Floors: {c.rng.randint(2, 5)}, approx. "
                 f"{c.rng.randint(8, 40) * 100} m²", f"- Comms room: {c.pick(('basement', 'ground floor, room 0.14'))}, "
                 f"air-conditioned: {c.pick(('yes', 'no – fan only'))}", "", "## Network closets",
                 *markdown_table(["Closet", "Floor", "Switch", "Model", "Serial", "UPS"], rows), "", "## WAN and wireless",
                 f"- WAN: {wan}, router {prefix}-rt01 ({c.pick(('Cisco ISR 4331', 'FortiGate 100F'))})",
                 f"- Access points: {aps} x {c.pick(('Aruba AP-515', 'Cisco CW9120', 'Ubiquiti U6-Pro'))}, controller in the cloud",
                 f"- Printers on VLAN {c.rng.randint(20, 90)}, CCTV on separate VLAN", "", "## Observations",
                 *lines_of(c, ("- Patch panels in IDF-1 not labelled", "- UPS batteries due for replacement",
                               "- No spare ports left on the ground floor", "- Fibre between closets is multimode OM2",
                               "- Rack in the comms room is not lockable"), 2, 4)]
    else:
        lines = [f"# Standortaufnahme – {cust.name}, {cust.city}", "", f"Aufgenommen von {eng.name} ({vendor.name}) am {short_date(c)}, "
                 f"begleitet von {contact.name}.", "", "## Gebäude", f"- Etagen: {c.rng.randint(2, 5)}, ca. "
                 f"{c.rng.randint(8, 40) * 100} m²", f"- Serverraum: {c.pick(('Keller', 'EG, Raum 0.14'))}, klimatisiert: "
                 f"{c.pick(('ja', 'nein, nur Lüfter'))}", "", "## Verteilerschränke",
                 *markdown_table(["Verteiler", "Etage", "Switch", "Modell", "Seriennr.", "USV"], rows), "", "## WAN und WLAN",
                 f"- WAN: {wan}, Router {prefix}-rt01 ({c.pick(('Cisco ISR 4331', 'FortiGate 100F'))})",
                 f"- Access Points: {aps} x {c.pick(('Aruba AP-515', 'Cisco CW9120', 'Ubiquiti U6-Pro'))}, Controller in der Cloud",
                 f"- Drucker im VLAN {c.rng.randint(20, 90)}, Videoüberwachung in eigenem VLAN", "", "## Feststellungen",
                 *lines_of(c, ("- Patchfelder in UV-1 nicht beschriftet", "- USV-Akkus müssen getauscht werden",
                               "- Im EG keine freien Switchports mehr", "- LWL zwischen den Verteilern nur Multimode OM2",
                               "- Serverschrank nicht abschließbar"), 2, 4)]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    server_inventory,
    network_plan,
    device_list,
    cmdb_export,
    environment_overview,
    fixed_width_inventory,
    firewall_rules,
    blind_laptops,
    asset_cmdb_export,
    asset_ip_plan,
    asset_licence_inventory,
    asset_ansible_inventory,
    asset_rack_layout,
    asset_mdm_export,
    asset_app_portfolio,
    asset_site_survey,
)
