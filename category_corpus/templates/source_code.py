"""Templates of `source_code`: program source and scripts."""

from __future__ import annotations

from category_corpus.common import Built, Ctx, Template, password, short_date, template, token
from category_corpus.writers import text

CATEGORY = "source_code"


@template(CATEGORY, "code.python", ("en", "de"), ".py", split="train", written="round 0")
def python_source(c: Ctx) -> Built:
    leaks = c.maybe(0.35)
    comment = c.t({"en": ("Import orders from the shop export and push them to the ERP.", "# retry once on timeouts",
                          "# TODO: move the fallback into the vault"),
                   "de": ("Importiert Bestellungen aus dem Shop-Export und überträgt sie ins ERP.", "# bei Timeout einmal wiederholen",
                          "# TODO: Fallback in den Vault verschieben")})
    name = c.pick(("sync_orders", "import_customers", "push_invoices", "export_stock"))
    maintainer = c.person(c.vendor())
    out = [f'"""{comment[0]}', "", f"Maintainer: {maintainer.name} <{maintainer.email}>", '"""', "", "import csv", "import logging",
           "import os", "", "import requests", "",
           "log = logging.getLogger(__name__)", 'API_URL = os.environ.get("ERP_URL", "https://erp.example.internal/api")']
    if leaks:
        out += [comment[2], f'API_TOKEN = "{token(c, 32)}"']
    out += ["", "", f"def {name}(path: str) -> int:", "    count = 0", '    with open(path, newline="") as handle:',
            "        for row in csv.DictReader(handle):", "            payload = {\"id\": row[\"id\"], \"qty\": int(row[\"qty\"])}",
            f"            {comment[1]}", "            for attempt in range(2):", "                try:",
            "                    requests.post(API_URL, json=payload, timeout=10).raise_for_status()",
            "                    break", "                except requests.Timeout:", "                    log.warning(\"timeout\")",
            "            count += 1", "    return count", "", "", 'if __name__ == "__main__":',
            f'    print({name}(os.environ.get("INPUT", "orders.csv")))']
    return Built(text(out), ("credentials",) if leaks else ())


@template(CATEGORY, "code.ruby", ("fr", "es"), ".rb", split="train", written="round 0")
def ruby_source(c: Ctx) -> Built:
    # JavaScript would be the obvious second language, but libmagic calls it application/javascript,
    # which the extractor registry does not read yet: the tagger would never see it.
    comment = c.t({"fr": ("# Service de calcul des remises client", "# renvoie nil si le client n'existe pas"),
                   "es": ("# Servicio de cálculo de descuentos", "# devuelve nil si el cliente no existe")})
    model = c.pick(("Customer", "Order", "Quote", "Discount"))
    out = [comment[0], "require 'json'", "require 'pg'", "", f"class {model}Pricing", "  RATES = { 'A' => 0.15, 'B' => 0.05 }.freeze",
           "", "  def initialize(connection)", "    @connection = connection", "  end", "", "  def rate_for(id)",
           f"    row = @connection.exec_params('SELECT segment FROM {model.lower()}s WHERE id = $1', [id]).first",
           f"    {comment[1]}", "    return nil if row.nil?", "", "    RATES.fetch(row['segment'], 0.0)", "  end", "",
           "  def to_json(id)", "    { id: id, rate: rate_for(id) }.to_json", "  end", "end"]
    return Built(text(out))


@template(CATEGORY, "code.java", ("en", "fr"), ".java", split="held_out", written="round 0")
def java_source(c: Ctx) -> Built:
    cls = c.pick(("InvoiceService", "StockLevelChecker", "CustomerImporter", "ReportBuilder"))
    comment = c.t({"en": ("/** Computes totals for the nightly report. */", "// skip cancelled lines"),
                   "fr": ("/** Calcule les totaux du rapport nocturne. */", "// ignorer les lignes annulées")})
    out = ["package com.example.backoffice;", "", "import java.math.BigDecimal;", "import java.util.List;", "", comment[0],
           f"public class {cls} {{", "", "    private final LineRepository repository;", "",
           f"    public {cls}(LineRepository repository) {{", "        this.repository = repository;", "    }", "",
           "    public BigDecimal total(String orderId) {", "        BigDecimal sum = BigDecimal.ZERO;",
           "        List<Line> lines = repository.findByOrder(orderId);", "        for (Line line : lines) {",
           f"            {comment[1]}", "            if (line.isCancelled()) {", "                continue;", "            }",
           "            sum = sum.add(line.getPrice().multiply(BigDecimal.valueOf(line.getQuantity())));", "        }",
           "        return sum;", "    }", "}"]
    return Built(text(out))


@template(CATEGORY, "code.php", ("de", "es"), ".php", split="train", written="round 0")
def php_source(c: Ctx) -> Built:
    comment = c.t({"de": ("// Kundendaten für das Portal laden", "// leere Ergebnisse abfangen"),
                   "es": ("// Cargar los datos del cliente para el portal", "// controlar resultados vacíos")})
    out = ["<?php", comment[0], "declare(strict_types=1);", "", "function loadCustomer(PDO $db, int $id): ?array", "{",
           "    $stmt = $db->prepare('SELECT id, name, segment FROM customers WHERE id = :id');",
           "    $stmt->execute(['id' => $id]);", "    $row = $stmt->fetch(PDO::FETCH_ASSOC);", f"    {comment[1]}",
           "    if ($row === false) {", "        return null;", "    }", "    return $row;", "}", "",
           "$db = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS'));",
           "echo json_encode(loadCustomer($db, (int) $_GET['id']));"]
    return Built(text(out))


@template(CATEGORY, "code.shell", ("en", "de"), ".sh", split="train", written="round 0")
def shell_source(c: Ctx) -> Built:
    leaks = c.maybe(0.35)
    comment = c.t({"en": ("# Nightly backup of the ERP database", "# keep 14 days"),
                   "de": ("# Nächtliche Sicherung der ERP-Datenbank", "# 14 Tage aufbewahren")})
    out = ["#!/bin/bash", comment[0], "set -euo pipefail", "", f'BACKUP_DIR="/var/backups/{c.pick(("erp", "crm", "shop"))}"',
           'STAMP="$(date +%Y%m%d)"']
    if leaks:
        out.append(f'export PGPASSWORD="{password(c)}"')
    out += ["", 'mkdir -p "$BACKUP_DIR"', 'pg_dump -h db01 -U backup erp | gzip > "$BACKUP_DIR/erp-$STAMP.sql.gz"', comment[1],
            'find "$BACKUP_DIR" -name "*.sql.gz" -mtime +14 -delete', 'if [ $? -ne 0 ]; then', '  echo "backup failed" >&2',
            "  exit 1", "fi"]
    return Built(text(out), ("credentials",) if leaks else ())


@template(CATEGORY, "code.go", ("es", "en"), ".go", split="held_out", written="round 0")
def go_source(c: Ctx) -> Built:
    comment = c.t({"es": ("// Package health expone el estado del servicio.", "// responder siempre en JSON"),
                   "en": ("// Package health exposes the service status.", "// always answer in JSON")})
    out = [comment[0], "package health", "", "import (", '\t"encoding/json"', '\t"net/http"', '\t"time"', ")", "",
           "type Status struct {", '\tService string `json:"service"`', '\tUp      bool   `json:"up"`',
           '\tChecked string `json:"checked"`', "}", "", "func Handler(w http.ResponseWriter, r *http.Request) {",
           f"\t{comment[1]}", '\tw.Header().Set("Content-Type", "application/json")',
           f'\tstatus := Status{{Service: "{c.pick(("billing", "orders", "stock"))}", Up: true, Checked: time.Now().Format(time.RFC3339)}}',
           "\tif err := json.NewEncoder(w).Encode(status); err != nil {",
           "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)", "\t}", "}"]
    return Built(text(out))


@template(CATEGORY, "code.typescript", ("en", "fr"), ".ts", split="train", written="round 1")
def typescript_source(c: Ctx) -> Built:
    comment = c.t({"en": ("// Retries a request with exponential back-off.", "// Returns the parsed body or throws."),
                   "fr": ("// Relance une requête avec un délai exponentiel.", "// Renvoie le corps décodé ou lève une erreur.")})
    attempts = c.rng.randint(3, 6)
    out = ["import { setTimeout as sleep } from 'node:timers/promises';", "",
           "export interface RetryOptions {", "  attempts: number;", "  baseDelayMs: number;", "}", "",
           comment[0], f"export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = "
           f"{{ attempts: {attempts}, baseDelayMs: {c.pick((100, 250, 500))} }}): Promise<T> {{",
           "  let lastError: unknown;", "  for (let attempt = 0; attempt < options.attempts; attempt++) {", "    try {",
           "      return await task();", "    } catch (error) {", "      lastError = error;",
           "      await sleep(options.baseDelayMs * 2 ** attempt);", "    }", "  }", "  throw lastError;", "}", "",
           comment[1], "export async function fetchJson<T>(url: string): Promise<T> {",
           "  const response = await withRetry(() => fetch(url));",
           "  if (!response.ok) {", "    throw new Error(`HTTP ${response.status}`);", "  }",
           "  return (await response.json()) as T;", "}"]
    return Built(text(out))


@template(CATEGORY, "code.blind_csharp", ("en", "de"), ".cs", split="train", written="round 2")
def blind_csharp(c: Ctx) -> Built:
    summary = c.t({"en": "/// <summary>Sums the open orders of one customer.</summary>",
                   "de": "/// <summary>Summiert die offenen Aufträge eines Kunden.</summary>"})
    namespace = c.pick(("Shop.Billing", "Erp.Orders", "Contoso.Sales"))
    out = ["using System;", "using System.Collections.Generic;", "using System.Linq;", "", f"namespace {namespace}", "{",
           "    public sealed class OrderTotals", "    {", "        private readonly IOrderRepository _orders;", "",
           "        public OrderTotals(IOrderRepository orders) => _orders = orders;", "", f"        {summary}",
           "        public decimal OpenTotal(int customerId)", "        {",
           "            return _orders.ForCustomer(customerId)", "                .Where(o => !o.IsClosed)",
           "                .Sum(o => o.Lines.Sum(l => l.Quantity * l.UnitPrice));", "        }", "    }", "}"]
    return Built(text(out))


@template(CATEGORY, "code.b3_go_handler", ("en", "es"), ".go", split="train", written="round 3")
def code_go_handler(c: Ctx) -> Built:
    pkg = c.pick(("stock", "inventory", "warehouse"))
    timeout = c.pick((2, 3, 5, 10))
    table = c.pick(("stock_levels", "inventory_snapshot", "v_stock"))
    cache = c.maybe()
    cm = c.t({
        "en": {"pkg": f"Package {pkg} serves current stock levels to the shop frontend.",
               "item": "Item is one row of the stock list as the frontend expects it.",
               "handler": "Handler answers GET /stock?sku=...&warehouse=...",
               "cache": "short-lived cache, the ERP sync only runs every few minutes anyway",
               "bad": "missing sku", "scan": "Available never goes below zero, reserved can exceed on-hand during sync.",
               "todo": "TODO: paginate once the B2B portal asks for full lists"},
        "es": {"pkg": f"El paquete {pkg} devuelve el stock actual a la tienda online.",
               "item": "Item es una fila del listado de stock tal como la espera el frontend.",
               "handler": "Handler responde a GET /stock?sku=...&warehouse=...",
               "cache": "caché corta, la sincronización con el ERP solo corre cada pocos minutos",
               "bad": "falta el sku", "scan": "Disponible nunca baja de cero; reservado puede superar a existencias durante la sync.",
               "todo": "TODO: paginar cuando el portal B2B pida listados completos"},
    })
    cache_field = "\n\tcache   sync.Map\n" if cache else "\n"
    cache_read = (f"""
	// {cm['cache']}
	if v, ok := h.cache.Load(key); ok {{
		e := v.(cacheEntry)
		if time.Since(e.at) < {c.pick((30, 60, 120))}*time.Second {{
			writeJSON(w, http.StatusOK, e.items)
			return
		}}
	}}
""" if cache else "")
    cache_write = "\n\th.cache.Store(key, cacheEntry{at: time.Now(), items: items})" if cache else ""
    cache_type = ("\ntype cacheEntry struct {\n\tat    time.Time\n\titems []Item\n}\n" if cache else "")
    imports = ["context", "database/sql", "encoding/json", "log", "net/http", "strings", *(["sync"] if cache else []), "time"]
    src = f"""// {cm['pkg']}
package {pkg}

import (
{chr(10).join(f'	"{i}"' for i in imports)}
)

// {cm['item']}
type Item struct {{
	SKU       string    `json:"sku"`
	Warehouse string    `json:"warehouse"`
	OnHand    int       `json:"on_hand"`
	Reserved  int       `json:"reserved"`
	Available int       `json:"available"`
	UpdatedAt time.Time `json:"updated_at"`
}}
{cache_type}
// {cm['handler']}
type Handler struct {{
	DB      *sql.DB
	Timeout time.Duration{cache_field}}}

func NewHandler(db *sql.DB) *Handler {{
	return &Handler{{DB: db, Timeout: {timeout} * time.Second}}
}}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {{
	if r.Method != http.MethodGet {{
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}}
	sku := strings.TrimSpace(r.URL.Query().Get("sku"))
	if sku == "" {{
		http.Error(w, "{cm['bad']}", http.StatusBadRequest)
		return
	}}
	wh := r.URL.Query().Get("warehouse")
	key := sku + "|" + wh
{cache_read}
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()

	items, err := h.load(ctx, sku, wh)
	if err != nil {{
		log.Printf("{pkg}: load %s: %v", key, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}}{cache_write}
	writeJSON(w, http.StatusOK, items)
}}

// {cm['scan']}
func (h *Handler) load(ctx context.Context, sku, wh string) ([]Item, error) {{
	q := `SELECT sku, warehouse, on_hand, reserved, updated_at FROM {table} WHERE sku = $1`
	args := []any{{sku}}
	if wh != "" {{
		q += ` AND warehouse = $2`
		args = append(args, wh)
	}}
	rows, err := h.DB.QueryContext(ctx, q, args...)
	if err != nil {{
		return nil, err
	}}
	defer rows.Close()

	var out []Item
	for rows.Next() {{
		var it Item
		if err := rows.Scan(&it.SKU, &it.Warehouse, &it.OnHand, &it.Reserved, &it.UpdatedAt); err != nil {{
			return nil, err
		}}
		it.Available = max(0, it.OnHand-it.Reserved)
		out = append(out, it)
	}}
	// {cm['todo']}
	return out, rows.Err()
}}

func writeJSON(w http.ResponseWriter, status int, v any) {{
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}}
"""
    return Built(src.encode("utf-8"))


@template(CATEGORY, "code.b3_sql_report", ("de", "fr"), ".sql", split="train", written="round 3")
def code_sql_report(c: Ctx) -> Built:
    schema = c.pick(("reporting", "bi", "dwh"))
    author = c.person(c.vendor())
    months = c.pick((12, 18, 24, 36))
    cm = c.t({
        "de": {"head": "Monatsumsatz je Kunde und Produktgruppe für das Vertriebs-Dashboard",
               "who": f"Autor: {author.name}, angelegt {c.datestr(long=False)}",
               "note": "Gutschriften werden negativ gezählt, stornierte Belege ausgeschlossen.",
               "idx": "Index, sonst dauert der Nachtlauf > 40 min", "top": "Top-Kunden des laufenden Jahres",
               "fix": "FIXME: Fremdwährung wird noch nicht umgerechnet"},
        "fr": {"head": "CA mensuel par client et famille de produits pour le tableau de bord commercial",
               "who": f"Auteur : {author.name}, créé le {c.datestr(long=False)}",
               "note": "Les avoirs sont comptés en négatif, les pièces annulées sont exclues.",
               "idx": "index, sinon le traitement de nuit dépasse 40 min", "top": "Meilleurs clients de l'année en cours",
               "fix": "FIXME : les devises étrangères ne sont pas encore converties"},
    })
    limit = c.pick((10, 20, 25, 50))
    role = c.pick(("bi_reader", "powerbi", "report_ro"))
    index_block = (f"-- {cm['idx']}\nCREATE INDEX IF NOT EXISTS ix_invoice_line_doc ON erp.invoice_line (document_id);\n\n"
                   if c.maybe() else "")
    src = f"""-- {cm['head']}
-- {cm['who']}
-- {cm['note']}

CREATE SCHEMA IF NOT EXISTS {schema};

{index_block}CREATE OR REPLACE VIEW {schema}.v_revenue_monthly AS
SELECT
    date_trunc('month', d.document_date)::date           AS month,
    cu.customer_no,
    cu.name                                               AS customer_name,
    pg.code                                               AS product_group,
    SUM(CASE WHEN d.doc_type = 'CN' THEN -l.net_amount ELSE l.net_amount END) AS net_revenue,
    SUM(CASE WHEN d.doc_type = 'CN' THEN -l.quantity ELSE l.quantity END)     AS units
FROM erp.invoice_document d
JOIN erp.invoice_line l    ON l.document_id = d.id
JOIN erp.customer cu       ON cu.id = d.customer_id
LEFT JOIN erp.article a    ON a.id = l.article_id
LEFT JOIN erp.product_group pg ON pg.id = a.product_group_id
WHERE d.status <> 'CANCELLED'
  AND d.document_date >= date_trunc('month', now()) - interval '{months} months'
GROUP BY 1, 2, 3, 4;
-- {cm['fix']}

-- {cm['top']}
CREATE OR REPLACE VIEW {schema}.v_top_customers_ytd AS
SELECT customer_no,
       customer_name,
       SUM(net_revenue)                                  AS revenue_ytd,
       RANK() OVER (ORDER BY SUM(net_revenue) DESC)      AS rnk
FROM {schema}.v_revenue_monthly
WHERE month >= date_trunc('year', now())
GROUP BY customer_no, customer_name
ORDER BY revenue_ytd DESC
LIMIT {limit};

GRANT USAGE ON SCHEMA {schema} TO {role};
GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role};
"""
    return Built(src.encode("utf-8"))


@template(CATEGORY, "code.b4_kotlin", ("de", "fr"), ".kt", split="train", written="round 4")
def code_kotlin(c: Ctx) -> Built:
    company = c.company()
    dev = c.person(company)
    pkg = company.domain.split(".")[0].replace("-", "")
    module = c.pick(("lieferung", "versand", "planung")) if c.lang == "de" else c.pick(("livraison", "expedition", "planification"))
    lead = c.pick((1, 2, 3))
    cutoff = c.pick((12, 14, 15))
    if c.lang == "de":
        doc = [
            "/**",
            " * Berechnet den voraussichtlichen Liefertermin für eine Bestellung.",
            " *",
            f" * Bestellungen, die nach {cutoff}:00 Uhr eingehen, werden erst am nächsten Werktag bearbeitet.",
            " * Wochenenden und die übergebenen Feiertage werden übersprungen.",
            " *",
            f" * @author {dev.name}",
            " */",
        ]
        c_holiday = "// Feiertage kommen aus der Konfiguration des jeweiligen Standorts"
        c_loop = "// so lange weiterzählen, bis genügend Werktage erreicht sind"
        err = "Lieferzeit darf nicht negativ sein"
        cls, fn, wd = "LieferterminRechner", "liefertermin", "istWerktag"
    else:
        doc = [
            "/**",
            " * Calcule la date de livraison prévisionnelle d'une commande.",
            " *",
            f" * Les commandes reçues après {cutoff}h00 ne sont traitées que le jour ouvré suivant.",
            " * Les week-ends et les jours fériés fournis sont ignorés.",
            " *",
            f" * @author {dev.name}",
            " */",
        ]
        c_holiday = "// Les jours fériés proviennent de la configuration de chaque site"
        c_loop = "// on avance jusqu'à atteindre le nombre de jours ouvrés demandé"
        err = "Le délai de livraison ne peut pas être négatif"
        cls, fn, wd = "CalculDateLivraison", "dateLivraison", "estJourOuvre"
    lines = [
        f"package com.{pkg}.{module}",
        "",
        "import java.time.DayOfWeek",
        "import java.time.LocalDate",
        "import java.time.LocalDateTime",
        "",
        *doc,
        f"class {cls}(",
        "    private val feiertage: Set<LocalDate>," if c.lang == "de" else "    private val joursFeries: Set<LocalDate>,",
        f"    private val annahmeschluss: Int = {cutoff}," if c.lang == "de" else f"    private val heureLimite: Int = {cutoff},",
        f"    private val standardLieferzeit: Int = {lead}," if c.lang == "de" else f"    private val delaiStandard: Int = {lead},",
        ") {",
        "",
        f"    {c_holiday}",
        f"    fun {wd}(tag: LocalDate): Boolean =",
        "        tag.dayOfWeek != DayOfWeek.SATURDAY &&",
        "            tag.dayOfWeek != DayOfWeek.SUNDAY &&",
        f"            tag !in {'feiertage' if c.lang == 'de' else 'joursFeries'}",
        "",
        f"    fun {fn}(eingang: LocalDateTime, werktage: Int = {'standardLieferzeit' if c.lang == 'de' else 'delaiStandard'}): LocalDate {{"
        if c.lang == "de" else
        f"    fun {fn}(reception: LocalDateTime, joursOuvres: Int = delaiStandard): LocalDate {{",
    ]
    if c.lang == "de":
        lines += [
            f"        require(werktage >= 0) {{ \"{err}\" }}",
            "        var tag = eingang.toLocalDate()",
            "        if (eingang.hour >= annahmeschluss || !istWerktag(tag)) {",
            "            tag = naechsterWerktag(tag)",
            "        }",
            "        var gezaehlt = 0",
            f"        {c_loop}",
            "        while (gezaehlt < werktage) {",
            "            tag = tag.plusDays(1)",
            "            if (istWerktag(tag)) gezaehlt++",
            "        }",
            "        return tag",
            "    }",
            "",
            "    private fun naechsterWerktag(tag: LocalDate): LocalDate {",
            "        var naechster = tag.plusDays(1)",
            "        while (!istWerktag(naechster)) naechster = naechster.plusDays(1)",
            "        return naechster",
            "    }",
            "}",
            "",
            "fun main() {",
            "    val rechner = LieferterminRechner(setOf(LocalDate.of(2021, 12, 24), LocalDate.of(2021, 12, 31)))",
            "    println(rechner.liefertermin(LocalDateTime.now()))",
            "}",
        ]
    else:
        lines += [
            f"        require(joursOuvres >= 0) {{ \"{err}\" }}",
            "        var jour = reception.toLocalDate()",
            "        if (reception.hour >= heureLimite || !estJourOuvre(jour)) {",
            "            jour = jourOuvreSuivant(jour)",
            "        }",
            "        var compteur = 0",
            f"        {c_loop}",
            "        while (compteur < joursOuvres) {",
            "            jour = jour.plusDays(1)",
            "            if (estJourOuvre(jour)) compteur++",
            "        }",
            "        return jour",
            "    }",
            "",
            "    private fun jourOuvreSuivant(jour: LocalDate): LocalDate {",
            "        var suivant = jour.plusDays(1)",
            "        while (!estJourOuvre(suivant)) suivant = suivant.plusDays(1)",
            "        return suivant",
            "    }",
            "}",
            "",
            "fun main() {",
            "    val calcul = CalculDateLivraison(setOf(LocalDate.of(2021, 7, 14), LocalDate.of(2021, 8, 15)))",
            "    println(calcul.dateLivraison(LocalDateTime.now()))",
            "}",
        ]
    if c.maybe():
        lines.insert(0, c.t({"de": f"// Copyright (c) {c.day.year} {company.name}. Alle Rechte vorbehalten.",
                             "fr": f"// Copyright (c) {c.day.year} {company.name}. Tous droits réservés."}))
    return Built(text(lines))


@template(CATEGORY, "code.b4_rust", ("en", "es"), ".rs", split="train", written="round 4")
def code_rust(c: Ctx) -> Built:
    dev = c.person(c.company())
    threshold = c.pick((75.0, 80.0, 85.0, 90.0))
    window = c.pick((5, 10, 15))
    if c.lang == "en":
        comments = {
            "head": [f"//! Reads temperature readings exported by the gateways (CSV) and reports sensors above {threshold} °C.",
                     f"//! Maintainer: {dev.name}"],
            "struct": "/// One line of the export: sensor id, unix timestamp, value in degrees Celsius.",
            "parse": "/// Parses one CSV line; returns None for the header and for malformed lines.",
            "avg": f"/// Moving average over the last {window} readings of one sensor.",
            "main": "// Usage: sensor-report <file.csv>",
            "err": "could not open input file",
            "out": "sensor {} above threshold: avg {:.1} °C",
        }
    else:
        comments = {
            "head": [f"//! Lee las lecturas de temperatura exportadas por las pasarelas (CSV) e informa de los sensores por encima "
                     f"de {threshold} °C.",
                     f"//! Responsable: {dev.name}"],
            "struct": "/// Una línea de la exportación: id del sensor, marca de tiempo unix y valor en grados Celsius.",
            "parse": "/// Interpreta una línea CSV; devuelve None para la cabecera y las líneas mal formadas.",
            "avg": f"/// Media móvil de las últimas {window} lecturas de un sensor.",
            "main": "// Uso: sensor-report <fichero.csv>",
            "err": "no se pudo abrir el fichero de entrada",
            "out": "sensor {} por encima del umbral: media {:.1} °C",
        }
    lines = [
        *comments["head"],
        "",
        "use std::collections::HashMap;",
        "use std::env;",
        "use std::fs::File;",
        "use std::io::{BufRead, BufReader};",
        "",
        f"const THRESHOLD: f64 = {threshold:.1f};",
        f"const WINDOW: usize = {window};",
        "",
        str(comments["struct"]),
        "#[derive(Debug, Clone)]",
        "struct Reading {",
        "    sensor: String,",
        "    timestamp: i64,",
        "    value: f64,",
        "}",
        "",
        str(comments["parse"]),
        "fn parse_line(line: &str) -> Option<Reading> {",
        "    let mut parts = line.split(',');",
        "    let sensor = parts.next()?.trim().to_string();",
        "    let timestamp = parts.next()?.trim().parse::<i64>().ok()?;",
        "    let value = parts.next()?.trim().parse::<f64>().ok()?;",
        "    Some(Reading { sensor, timestamp, value })",
        "}",
        "",
        str(comments["avg"]),
        "fn moving_average(values: &[f64]) -> f64 {",
        "    let start = values.len().saturating_sub(WINDOW);",
        "    let slice = &values[start..];",
        "    slice.iter().sum::<f64>() / slice.len().max(1) as f64",
        "}",
        "",
        "fn main() {",
        f"    {comments['main']}",
        "    let path = env::args().nth(1).expect(\"path\");",
        f"    let file = File::open(&path).expect(\"{comments['err']}\");",
        "    let mut by_sensor: HashMap<String, Vec<f64>> = HashMap::new();",
        "    let mut last_seen: HashMap<String, i64> = HashMap::new();",
        "    for line in BufReader::new(file).lines().map_while(Result::ok) {",
        "        if let Some(r) = parse_line(&line) {",
        "            last_seen.insert(r.sensor.clone(), r.timestamp);",
        "            by_sensor.entry(r.sensor).or_default().push(r.value);",
        "        }",
        "    }",
        "    let mut sensors: Vec<_> = by_sensor.keys().cloned().collect();",
        "    sensors.sort();",
        "    for sensor in sensors {",
        "        let avg = moving_average(&by_sensor[&sensor]);",
        "        if avg > THRESHOLD {",
        f"            println!(\"{comments['out']}\", sensor, avg);",
        "        }",
        "    }",
        "}",
        "",
        "#[cfg(test)]",
        "mod tests {",
        "    use super::*;",
        "",
        "    #[test]",
        "    fn parses_valid_line() {",
        f"        let r = parse_line(\"S-{c.rng.randint(100, 999)},1617181920,{threshold + 1.5:.1f}\").unwrap();",
        f"        assert!(r.value > {threshold:.1f});",
        "    }",
        "",
        "    #[test]",
        "    fn skips_header() {",
        "        assert!(parse_line(\"sensor,timestamp,value\").is_none());",
        "    }",
        "}",
    ]
    return Built(text(lines))


@template(CATEGORY, "code.b5_js", ("en", "fr"), ".js", split="train", written="round 5")
def code_js(c: Ctx) -> Built:
    author = c.person(c.vendor(), lang=c.lang)
    host = c.pick(("erp", "api", "erp-api", "sap-gw")) + "." + c.company().domain
    limit = c.pick((100, 200, 500))
    threshold = c.pick((5, 10, 25))
    en = c.lang == "en"
    com = {
        "head": ("Syncs stock levels from the ERP into the web shop. Run hourly from cron.",
                 "Synchronise les niveaux de stock de l'ERP vers la boutique en ligne. Lancé toutes les heures par cron."),
        "cfg": ("Configuration comes from the environment – never hard-code tokens here.",
                "La configuration vient de l'environnement : ne jamais mettre de jeton en dur ici."),
        "page": ("Fetch one page of articles; the ERP caps the page size.",
                 "Récupère une page d'articles ; l'ERP limite la taille des pages."),
        "retry": ("Retry with exponential backoff, the ERP returns 503 during its nightly backup.",
                  "Nouvel essai avec attente exponentielle : l'ERP renvoie 503 pendant sa sauvegarde nocturne."),
        "low": ("Articles below this quantity are flagged as low stock in the shop.",
                "En dessous de cette quantité, l'article est signalé « stock faible » dans la boutique."),
        "main": ("Main loop: read all pages, push the changed quantities, log a summary.",
                 "Boucle principale : lit toutes les pages, envoie les quantités modifiées, journalise un résumé."),
        "done": ("Done: {0} articles checked, {1} updated, {2} low stock",
                 "Terminé : {0} articles vérifiés, {1} mis à jour, {2} en stock faible"),
        "err": ("Stock sync failed:", "Échec de la synchronisation des stocks :"),
    }
    i = 0 if en else 1
    lines = [
        "#!/usr/bin/env node",
        "/**",
        f" * stock-sync.js – {com['head'][i]}",
        f" * @author {author.name} <{author.email}>",
        f" * @since {c.day.isoformat()}",
        " */",
        "'use strict';",
        "",
        "const fs = require('node:fs/promises');",
        "const path = require('node:path');",
        "",
        f"// {com['cfg'][i]}",
        f"const ERP_URL = process.env.ERP_URL || 'https://{host}/api/v2';",
        "const SHOP_URL = process.env.SHOP_URL;",
        "const TOKEN = process.env.ERP_TOKEN;",
        f"const PAGE_SIZE = {limit};",
        f"// {com['low'][i]}",
        f"const LOW_STOCK = {threshold};",
        "const STATE_FILE = path.join(__dirname, '.last-sync.json');",
        "",
        "const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));",
        "",
        f"// {com['retry'][i]}",
        "async function fetchWithRetry(url, options = {}, attempts = 4) {",
        "  for (let attempt = 1; attempt <= attempts; attempt++) {",
        "    const res = await fetch(url, { ...options, headers: { Authorization: `Bearer ${TOKEN}`, ...options.headers } });",
        "    if (res.ok) return res.json();",
        "    if (res.status !== 503 || attempt === attempts) {",
        "      throw new Error(`${res.status} ${res.statusText} for ${url}`);",
        "    }",
        "    await sleep(2 ** attempt * 1000);",
        "  }",
        "}",
        "",
        f"// {com['page'][i]}",
        "async function fetchArticles(page) {",
        "  return fetchWithRetry(`${ERP_URL}/articles?page=${page}&size=${PAGE_SIZE}&fields=sku,qty,warehouse`);",
        "}",
        "",
        "async function loadState() {",
        "  try {",
        "    return JSON.parse(await fs.readFile(STATE_FILE, 'utf8'));",
        "  } catch {",
        "    return {};",
        "  }",
        "}",
        "",
        f"// {com['main'][i]}",
        "async function main() {",
        "  const previous = await loadState();",
        "  const current = {};",
        "  let checked = 0;",
        "  let updated = 0;",
        "  let low = 0;",
        "  for (let page = 0; ; page++) {",
        "    const { items, last } = await fetchArticles(page);",
        "    for (const { sku, qty } of items) {",
        "      checked++;",
        "      current[sku] = qty;",
        "      if (qty < LOW_STOCK) low++;",
        "      if (previous[sku] === qty) continue;",
        "      await fetchWithRetry(`${SHOP_URL}/products/${encodeURIComponent(sku)}/stock`, {",
        "        method: 'PUT',",
        "        headers: { 'Content-Type': 'application/json' },",
        "        body: JSON.stringify({ quantity: qty, lowStock: qty < LOW_STOCK }),",
        "      });",
        "      updated++;",
        "    }",
        "    if (last) break;",
        "  }",
        "  await fs.writeFile(STATE_FILE, JSON.stringify(current));",
        "  console.log(`" + com["done"][i].format("${checked}", "${updated}", "${low}") + "`);",
        "}",
        "",
        "main().catch((err) => {",
        f"  console.error('{com['err'][i].replace(chr(39), chr(92) + chr(39))}', err.message);",
        "  process.exitCode = 1;",
        "});",
    ]
    return Built(text(lines))


@template(CATEGORY, "code.b5_powershell", ("de", "es"), ".ps1", split="train", written="round 5")
def code_powershell(c: Ctx) -> Built:
    company = c.company()
    author = c.person(company)
    domain = company.domain.split(".")[0]
    ou = c.pick(("Mitarbeiter", "Benutzer", "Staff") if c.lang == "de" else ("Empleados", "Usuarios", "Staff"))
    de = c.lang == "de"
    t = {
        "syn": ("Legt neue Mitarbeiter aus dem HR-Export im Active Directory an und deaktiviert Austritte.",
                "Crea en Active Directory las altas del export de RR. HH. y desactiva las bajas."),
        "desc": ("Erwartet eine CSV mit Spalten Vorname;Nachname;Abteilung;Eintritt;Austritt. Läuft nachts als geplante Aufgabe.",
                 "Espera un CSV con las columnas Nombre;Apellidos;Departamento;Alta;Baja. Se ejecuta cada noche como tarea programada."),
        "pw": ("Zufälliges Startpasswort erzeugen; der Benutzer muss es bei der ersten Anmeldung ändern.",
               "Genera una contraseña inicial aleatoria; el usuario debe cambiarla en el primer inicio de sesión."),
        "sam": ("Anmeldename: vorname.nachname, Umlaute ersetzt, max. 20 Zeichen",
                "Nombre de inicio de sesión: nombre.apellido, sin tildes, máx. 20 caracteres"),
        "exists": ("existiert bereits, übersprungen", "ya existe, se omite"),
        "created": ("angelegt", "creado"),
        "disabled": ("deaktiviert und verschoben", "desactivado y movido"),
        "leavers": ("Austritte: Konto deaktivieren und in die OU 'Ausgeschieden' verschieben",
                    "Bajas: desactivar la cuenta y moverla a la OU 'Bajas'"),
        "summary": ("Fertig. Neu: {0}, deaktiviert: {1}", "Terminado. Altas: {0}, bajas: {1}"),
    }
    i = 0 if de else 1
    gone = "Ausgeschieden" if de else "Bajas"
    first_col, last_col, leave_col = ("Vorname", "Nachname", "Austritt") if de else ("Nombre", "Apellidos", "Baja")
    lines = [
        "<#",
        ".SYNOPSIS",
        f"    {t['syn'][i]}",
        ".DESCRIPTION",
        f"    {t['desc'][i]}",
        ".NOTES",
        f"    Autor: {author.name}, {short_date(c)}",
        "#>",
        "[CmdletBinding(SupportsShouldProcess)]",
        "param(",
        f"    [string]$CsvPath = '\\\\fs01\\hr-export\\{'mitarbeiter' if de else 'empleados'}.csv',",
        f"    [string]$TargetOU = 'OU={ou},DC={domain},DC=local',",
        "    [string]$LogPath = \"C:\\Scripts\\Logs\\ad-sync-$(Get-Date -Format yyyyMMdd).log\"",
        ")",
        "",
        "Import-Module ActiveDirectory",
        "$ErrorActionPreference = 'Stop'",
        "",
        "function Write-Log([string]$Message) {",
        "    $line = '{0:yyyy-MM-dd HH:mm:ss}  {1}' -f (Get-Date), $Message",
        "    Add-Content -Path $LogPath -Value $line",
        "    Write-Verbose $line",
        "}",
        "",
        f"# {t['pw'][i]}",
        "function New-StartPassword {",
        "    $chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%&?'.ToCharArray()",
        "    $plain = -join (1..16 | ForEach-Object { Get-Random -InputObject $chars })",
        "    ConvertTo-SecureString $plain -AsPlainText -Force",
        "}",
        "",
        f"# {t['sam'][i]}",
        "function Get-SamName([string]$First, [string]$Last) {",
        "    $name = ('{0}.{1}' -f $First, $Last).ToLower()",
        "    $name = $name -replace 'ä','ae' -replace 'ö','oe' -replace 'ü','ue' -replace 'ß','ss'" if de else
        "    $name = $name.Normalize([Text.NormalizationForm]::FormD) -replace '\\p{Mn}',''",
        "    $name = $name -replace '[^a-z0-9.]', ''",
        "    return $name.Substring(0, [Math]::Min(20, $name.Length))",
        "}",
        "",
        "$rows = Import-Csv -Path $CsvPath -Delimiter ';' -Encoding UTF8",
        "$created = 0; $disabled = 0",
        "",
        f"foreach ($row in $rows | Where-Object {{ -not $_.{'Austritt' if de else 'Baja'} }}) {{",
        f"    $sam = Get-SamName $row.{'Vorname' if de else 'Nombre'} $row.{'Nachname' if de else 'Apellidos'}",
        "    if (Get-ADUser -Filter \"SamAccountName -eq '$sam'\") {",
        f"        Write-Log \"$sam {t['exists'][i]}\"",
        "        continue",
        "    }",
        "    $params = @{",
        f"        Name                  = \"$($row.{first_col}) $($row.{last_col})\"",
        f"        GivenName             = $row.{'Vorname' if de else 'Nombre'}",
        f"        Surname               = $row.{'Nachname' if de else 'Apellidos'}",
        "        SamAccountName        = $sam",
        f"        UserPrincipalName     = \"$sam@{company.domain}\"",
        f"        EmailAddress          = \"$sam@{company.domain}\"",
        f"        Department            = $row.{'Abteilung' if de else 'Departamento'}",
        "        Path                  = $TargetOU",
        "        AccountPassword       = New-StartPassword",
        "        ChangePasswordAtLogon = $true",
        "        Enabled               = $true",
        "    }",
        "    if ($PSCmdlet.ShouldProcess($sam, 'New-ADUser')) {",
        "        New-ADUser @params",
        f"        Write-Log \"$sam {t['created'][i]}\"",
        "        $created++",
        "    }",
        "}",
        "",
        f"# {t['leavers'][i]}",
        f"foreach ($row in $rows | Where-Object {{ $_.{leave_col} -and [datetime]$_.{leave_col} -le (Get-Date) }}) {{",
        f"    $sam = Get-SamName $row.{'Vorname' if de else 'Nombre'} $row.{'Nachname' if de else 'Apellidos'}",
        "    $user = Get-ADUser -Filter \"SamAccountName -eq '$sam'\" -ErrorAction SilentlyContinue",
        "    if ($user -and $user.Enabled) {",
        "        Disable-ADAccount -Identity $user",
        f"        Move-ADObject -Identity $user.DistinguishedName -TargetPath 'OU={gone},DC={domain},DC=local'",
        f"        Write-Log \"$sam {t['disabled'][i]}\"",
        "        $disabled++",
        "    }",
        "}",
        "",
        f"Write-Log (\"{t['summary'][i]}\" -f $created, $disabled)",
    ]
    return Built(text(lines))


@template(CATEGORY, "code.b6_cpp", ("en", "es"), ".cpp", split="blind", written="round 6")
def code_cpp(c: Ctx) -> Built:
    author = c.person()
    cap = c.pick((64, 128, 256, 1024))
    window = c.pick((5, 10, 20))
    en = c.lang == "en"

    def t(e: str, s: str) -> str:
        return e if en else s
    lines = [
        "// sensor_filter.cpp",
        "// " + t("Moving-average filter for temperature sensor readings.",
            "Filtro de media móvil para las lecturas de los sensores de temperatura.") + "",
        f"// {t('Author', 'Autor')}: {author.name}, {c.day.year}", "",
        "#include <array>", "#include <cstddef>", "#include <iostream>", "#include <optional>", "#include <sstream>",
        "#include <string>", "", "namespace sensors {", "",
        f"constexpr std::size_t kCapacity = {cap};", f"constexpr std::size_t kWindow = {window};",
        f"constexpr double kMaxJump = {c.pick(('5.0', '7.5', '10.0'))};  // "
        + t("degrees between two samples", "grados entre dos muestras"), "",
        "template <typename T, std::size_t N>", "class RingBuffer {", " public:",
        "  void push(const T& value) {", "    data_[head_] = value;", "    head_ = (head_ + 1) % N;", "    if (size_ < N) ++size_;", "  }",
        "  std::size_t size() const { return size_; }",
        f"  // {t('i = 0 is the most recent value', 'i = 0 es el valor más reciente')}",
        "  const T& at(std::size_t i) const { return data_[(head_ + N - 1 - i) % N]; }", "", " private:",
        "  std::array<T, N> data_{};", "  std::size_t head_ = 0;", "  std::size_t size_ = 0;", "};", "",
        "class Filter {", " public:", "  std::optional<double> add(double reading) {",
        "    // " + t("Reject spikes: a jump larger than kMaxJump is treated as a glitch.",
            "Descarta picos: un salto mayor que kMaxJump se considera un error de lectura.") + "",
        "    if (buffer_.size() > 0 && std::abs(reading - buffer_.at(0)) > kMaxJump) {", "      ++rejected_;",
        "      return std::nullopt;", "    }", "    buffer_.push(reading);", "    return average();", "  }", "",
        "  double average() const {", "    const std::size_t n = std::min(kWindow, buffer_.size());", "    double sum = 0.0;",
        "    for (std::size_t i = 0; i < n; ++i) sum += buffer_.at(i);", "    return n ? sum / n : 0.0;", "  }", "",
        "  std::size_t rejected() const { return rejected_; }", "", " private:", "  RingBuffer<double, kCapacity> buffer_;",
        "  std::size_t rejected_ = 0;", "};", "", "}  // namespace sensors", "",
        "// " + t("Reads one value per line from stdin, prints the smoothed value.",
            "Lee un valor por línea de stdin e imprime el valor suavizado.") + "",
        "int main() {", "  sensors::Filter filter;", "  std::string line;", "  while (std::getline(std::cin, line)) {",
        "    std::istringstream in(line);", "    double value;", "    if (!(in >> value)) {",
        f"      std::cerr << \"{t('skipping invalid line: ', 'línea no válida, se ignora: ')}\" << line << '\\n';",
        "      continue;", "    }", "    if (auto avg = filter.add(value)) std::cout << *avg << '\\n';", "  }",
        f"  std::cerr << \"{t('rejected samples: ', 'muestras descartadas: ')}\" << filter.rejected() << '\\n';", "  return 0;", "}"]
    lines.insert(5, "#include <algorithm>")
    lines.insert(6, "#include <cmath>")
    return Built(text(lines))


@template(CATEGORY, "code.b6_perl", ("de", "fr"), ".pl", split="blind", written="round 6")
def code_perl(c: Ctx) -> Built:
    author = c.person()
    de = c.lang == "de"
    limit = c.pick((500, 1000, 2000))

    def t(d: str, f: str) -> str:
        return d if de else f
    host = c.company().domain
    lines = [
        "#!/usr/bin/perl", "# auswertung_zugriffe.pl" if de else "# stats_acces.pl",
        "# " + t("Wertet die Apache-Zugriffslogs aus: Anfragen je Stunde, langsamste URLs, 5xx-Fehler.",
            "Analyse des logs d’accès Apache : requêtes par heure, URL les plus lentes, erreurs 5xx.") + "",
        f"# {t('Aufruf', 'Usage')}: perl {'auswertung_zugriffe.pl' if de else 'stats_acces.pl'} /var/log/apache2/{host}-access.log",
        f"# {author.name}, {short_date(c)}", "", "use strict;", "use warnings;", "use Getopt::Long;", "", f"my $limit = {limit};  # ms",
        "my $top   = 10;", "GetOptions('limit=i' => \\$limit, 'top=i' => \\$top) or die \"Usage: $0 [--limit ms] [--top n] logfile\\n\";",
        "", "my (%per_hour, %slow, $errors, $total);", "",
        "# " + t("Format: LogFormat mit %D (Antwortzeit in Mikrosekunden) am Zeilenende",
            "Format : LogFormat avec %D (temps de réponse en microsecondes) en fin de ligne") + "",
        "while (my $line = <>) {",
        "    next unless $line =~ m{\\[(\\d+)/(\\w+)/(\\d+):(\\d+):\\d+:\\d+ [^\\]]+\\] "
        "\"(\\w+) (\\S+) [^\"]*\" (\\d{3}) \\S+ .* (\\d+)$};",
        "    my ($hour, $url, $status, $micros) = ($4, $6, $7, $8);", "    $total++;", "    $per_hour{$hour}++;",
        "    $errors++ if $status >= 500;", "    my $ms = $micros / 1000;", "    push @{ $slow{$url} }, $ms if $ms > $limit;", "}", "",
        f"print \"{t('Anfragen gesamt', 'Requêtes au total')}: $total\\n\";",
        f"printf \"{t('5xx-Fehler', 'Erreurs 5xx')}: %d (%.2f %%)\\n\", $errors // 0, $total ? 100 * ($errors // 0) / $total : 0;",
        "", f"print \"\\n{t('Anfragen je Stunde', 'Requêtes par heure')}:\\n\";",
        "printf \"  %s:00  %6d\\n\", $_, $per_hour{$_} for sort keys %per_hour;", "",
        f"print \"\\n{t('Langsamste URLs (über', 'URL les plus lentes (plus de')} $limit ms):\\n\";",
        "my @urls = sort { @{ $slow{$b} } <=> @{ $slow{$a} } } keys %slow;",
        "for my $url (grep { defined } @urls[0 .. $top - 1]) {", "    my @t = sort { $b <=> $a } @{ $slow{$url} };",
        "    printf \"  %-50s %4d x, max %.0f ms\\n\", $url, scalar @t, $t[0];", "}"]
    return Built(text(lines))


TEMPLATES: tuple[Template, ...] = (
    python_source,
    ruby_source,
    java_source,
    php_source,
    shell_source,
    go_source,
    typescript_source,
    blind_csharp,
    code_go_handler,
    code_sql_report,
    code_kotlin,
    code_rust,
    code_js,
    code_powershell,
    code_cpp,
    code_perl,
)
