"""What a scan writes to --out: one module per artefact, owning its file name, its atomic write
and a typed reader (as detect-secrets' `core/baseline.py` owns its baseline file).

    inventory_json.py      inventory.json: the aggregate (contract: schemas/inventory.schema.json)
    documents_jsonl.py     documents.jsonl: one record per document (schemas/document.schema.json)
    documents_csv.py       documents.csv: the same records as a flat table
    documents_parquet.py   documents.parquet: the same, typed (optional, pyarrow)
    report_html.py         report.html: the human report
    organizations_csv.py   organizations.csv: named organisations (only with --list-organizations)
    violations_jsonl.py    violations.jsonl: policy violations (only with --policy)
    derived.py             what is rendered again from inventory.json and documents.jsonl alone
    fingerprint.py         whether the outputs are still those a catalog wrote (rescans reuse them)
    atomic.py              the one way an output is written: beside it, then moved over it

Nothing here reads documents or keeps raw values: these modules only write what the scan counted.
"""
