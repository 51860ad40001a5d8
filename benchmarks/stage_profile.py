"""Where a worker's time goes, stage by stage, on one corpus (part of benchmarks/speed).

    .venv/bin/python -m benchmarks.stage_profile ROOT RESULT_JSON [--prose-sample DIR]

One process walks ROOT and analyses every file as a scan worker does (`analyze_entry` on a
`DocumentAnalyzer`), with a CPU clock (`time.process_time`) around each stage's entry point.
The clocks wrap the functions the analyzer calls, by the names it calls them under; nothing
is replaced. Stages are exclusive: a stage's time leaves out the stages it calls (NER and
pattern recognisers are inside the PII tagger, and reported on their own):

- walk + hash: `walk_roots`, then the keyed content hash of each document's bytes;
- read: the file's bytes from disk;
- sniff: libmagic and the extension checks;
- extract <mime>: the extractor of that MIME type (members are extracted within their container);
- language: language identification;
- NER: spaCy pipelines, through Presidio's `process_batch` (tokenizer and NER);
- patterns: Presidio's `AnalyzerEngine.analyze` with the NER results given (pattern
  recognisers, validators, context) and the tokenizer for text that gets no NER;
- PII other: the PII tagger's own work (windows, columns, noise rules, keyed hashes);
- categories, dates, near-dups (MinHash signature), name masking;
- other: the rest of `analyze_entry` (records, duplicates, budgets).

With `--prose-sample DIR`, it also measures the PII stage against NER alone on the prose of
the `.txt` files in DIR (same model, same text, same windows): characters per CPU-second of
`tag_pii` on the text as one prose document, and of the English pipeline's `pipe` over the
windows that `tag_pii` makes of it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

seconds: dict[str, float] = defaultdict(float)
_stack: list[str] = []


@contextlib.contextmanager
def in_stage(name: str) -> Iterator[None]:
    """CPU time spent inside, counted under `name` and taken off the stage it interrupts."""
    started = time.process_time()
    _stack.append(name)
    try:
        yield
    finally:
        _stack.pop()
        spent = time.process_time() - started
        seconds[name] += spent
        if _stack:
            seconds[_stack[-1]] -= spent


def clocked(stage: str | Callable[..., str], function: F) -> F:
    """`function` with its CPU time counted under `stage` (exclusive of clocked stages it calls)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with in_stage(stage(*args, **kwargs) if callable(stage) else stage):
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def clock(owner: object, name: str, wrapper: Callable[..., Any]) -> None:
    setattr(owner, name, wrapper)


def clocked_generator(stage: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """A generator function whose every step is counted under `stage`."""

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        iterator = iter(function(*args, **kwargs))
        while True:
            with in_stage(stage):
                item = next(iterator, _END)
            if item is _END:
                return
            yield item

    return wrapper


_END = object()


characters: Counter[str] = Counter()  # MIME type -> characters extracted; "NER" -> characters through NER
# Long enough for a MinHash signature (which imports datasketch and scipy on first use).
WARM_UP = b" ".join([b"Dear Jane Doe, thank you for your order number %d of this week." % n for n in range(8)]
                    + [b"jane.doe@example.com +1 212 555 0100\n"])


def counting_characters(function: F) -> F:
    def wrapper(data: bytes, mime: str, *args: Any, **kwargs: Any) -> Any:
        extracted = function(data, mime, *args, **kwargs)
        characters[mime] += sum(len(segment.text) for segment in extracted.segments)
        return extracted

    return wrapper  # type: ignore[return-value]


def profile(root: Path) -> dict[str, Any]:
    import classifier.analyze as analyze
    from classifier.categories.tagger import tag_categories
    from classifier.dates import date_range, dates_in_text
    from classifier.extract import extract
    from classifier.language import detect_language
    from classifier.limits import Limits
    from classifier.near_duplicates import signature
    from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL, ner_models
    from classifier.pii.tagger import tag_pii
    from classifier.walk import walk_roots

    started = time.process_time()
    analyzer = analyze.DocumentAnalyzer(b"k" * 32, DEFAULT_SPACY_MODEL, Limits(),
                                        ner_models=tuple(ner_models(DEFAULT_SPACY_MODEL).items()))
    # Models load on first use (spaCy, language identification, MinHash): a warm-up document
    # puts that in start-up, where a scan worker pays it once.
    analyzer.analyze_bytes(WARM_UP, "warm-up.txt")
    load_s = time.process_time() - started
    engine = analyzer.pii
    # The clocks go where the analyzer looks the functions up: on its objects and in its module.
    batches = engine.nlp_engine.process_batch

    def counted_batches(texts: list[str], *args: Any, **kwargs: Any) -> Iterator[Any]:
        characters["NER"] += sum(len(text) for text in texts)
        return batches(texts, *args, **kwargs)

    clock(engine.nlp_engine, "process_batch", clocked_generator("NER", counted_batches))
    clock(engine.analyzer, "analyze", clocked("patterns", engine.analyzer.analyze))
    clock(engine, "tokenizer", clocked("patterns", engine.tokenizer))
    clock(analyzer.content, "of_bytes", clocked("walk + hash", analyzer.content.of_bytes))
    clock(analyzer.sniffer, "sniff", clocked("sniff", analyzer.sniffer.sniff))
    clock(analyze, "extract", counting_characters(clocked(lambda data, mime, *_: f"extract {mime}", extract)))
    for name, stage, function in (
        ("detect_language", "language", detect_language), ("tag_pii", "PII other", tag_pii),
        ("tag_categories", "categories", tag_categories), ("date_range", "dates", date_range),
        ("dates_in_text", "dates", dates_in_text), ("near_signature", "near-dups", signature),
        ("with_masked_paths", "name masking", analyze.with_masked_paths), ("read_within", "read", analyze.read_within),
    ):
        clock(analyze, name, clocked(stage, function))

    started = time.process_time()
    entries = list(walk_roots([root], Counter()))
    seconds["walk + hash"] += time.process_time() - started
    documents = 0
    entry_clock = clocked("other", analyze.analyze_entry)
    for entry in entries:
        documents += len(entry_clock(analyzer, entry))
    # The stages add up to the whole (each is exclusive), which this checks.
    return {"files": len(entries), "documents": documents, "load_cpu_s": load_s,
            "total_cpu_s": time.process_time() - started, "stages": dict(seconds), "characters": dict(characters)}


def prose_comparison(folder: Path) -> dict[str, Any]:
    from classifier.language import load_identifiers
    from classifier.pii.engine import build_pii_engine
    from classifier.pii.keyed_hash import KeyedHasher
    from classifier.pii.tagger import tag_pii, windows
    from classifier.records import Extracted, SegmentKind

    engine = build_pii_engine()
    hasher = KeyedHasher(b"k" * 32)
    texts = [p.read_text("utf-8", "replace") for p in sorted(folder.glob("*.txt"))]
    characters = sum(len(t) for t in texts)
    nlp = engine.nlp_engine.nlp[engine.pipeline_key("en")]  # type: ignore[index]
    nlp("warm-up Jane Doe")
    # Loaded before the first file, as a worker loads them (analyzer_settings.py): otherwise the first
    # file's PII time held the language identifier's load (0.56 s, ~3% of this comparison).
    load_identifiers(engine.ner_languages)
    tag_pii(Extracted(), engine, hasher, "US", "en")

    def ner(text: str) -> None:
        for _ in nlp.pipe([chunk for _, chunk in windows(text)], batch_size=8):
            pass

    def pii(text: str) -> None:
        extracted = Extracted()
        extracted.add(SegmentKind.PROSE, text)
        tag_pii(extracted, engine, hasher, "US", "en")

    # Side by side, file by file, each measured first on every other file: this machine's speed drifts
    # by several percent within a minute, which two passes one after the other took as a difference.
    ner_s = pii_s = 0.0
    for number, text in enumerate(texts):
        for run in ((ner, pii) if number % 2 == 0 else (pii, ner)):
            started = time.process_time()
            run(text)
            spent = time.process_time() - started
            if run is ner:
                ner_s += spent
            else:
                pii_s += spent
    return {"files": len(texts), "characters": characters, "ner_cpu_s": ner_s, "pii_cpu_s": pii_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("result_json", type=Path)
    parser.add_argument("--prose-sample", type=Path)
    args = parser.parse_args()
    result = profile(args.root)
    if args.prose_sample:
        result["prose"] = prose_comparison(args.prose_sample)
    args.result_json.write_text(json.dumps(result), "utf-8")


if __name__ == "__main__":
    main()
