"""Merge /tmp/vocab/part*.json into models/categories.json's lexicon (dedupe, drop cross-category collisions)."""
import json, sys
from pathlib import Path
sys.path.insert(0, "/work/main")
from classifier.categories.lexicon import fold

model_path = Path("/work/main/models/categories.json")
m = json.loads(model_path.read_text())
lx = m["lexicon"]
owner: dict[tuple[str, str], str] = {}  # (tier-kind, folded phrase) -> category
def kind(tier): return "header" if tier == "header" else "text"
for cat, tiers in lx.items():
    for tier, langs in tiers.items():
        for lang, phrases in langs.items():
            for p in phrases:
                owner.setdefault((kind(tier), fold(p)), cat)
added = dropped = 0
for part in sorted(Path("/tmp/vocab").glob("part*.json")):
    new = json.loads(part.read_text())
    for cat, tiers in new.items():
        assert cat in lx, cat
        for tier, langs in tiers.items():
            assert tier in ("title", "term", "header"), tier
            for lang, phrases in langs.items():
                assert lang in ("en", "de", "fr", "es"), lang
                target = lx[cat].setdefault(tier, {}).setdefault(lang, [])
                for p in phrases:
                    p = p.strip().lower()
                    key = (kind(tier), fold(p))
                    if not p or key in owner and owner[key] != cat:
                        if p: print(f"drop {cat}/{tier}/{lang}: {p!r} (is {owner[key]})")
                        dropped += 1
                        continue
                    if p in target or any(fold(q) == fold(p) for q in target):
                        continue
                    # the same phrase in the other text tier of the same category: keep the first
                    target.append(p); owner[key] = cat; added += 1
print(f"added {added}, dropped {dropped}")
if "--write" in sys.argv:
    model_path.write_text(json.dumps(m, indent=1, ensure_ascii=False) + "\n")
    print("written")
