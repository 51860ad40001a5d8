"""The per-process PII engine: Presidio's AnalyzerEngine on a spaCy model, offline.

Built once per worker process and passed in (never a module global), with the
recognizers the entity-type table names. The spaCy model must already be
installed: Presidio would otherwise try to download it, and responders work air-gapped.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, NlpEngine, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vectors import Vectors

from classifier.pii.countries import country_names
from classifier.pii.entity_types import ENTITY_TYPES, NER_ENTITIES, Recognizer
from classifier.pii.recognizers.offline_email import OfflineEmailRecognizer
from classifier.pii.recognizers.phone import RegionPhoneRecognizer
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL, model_location, ner_models, require_spacy_model

# Only NER (and the tok2vec it may listen to) is needed. The tagger,
# attribute ruler and lemmatizer cost about a third of the pipeline's time and
# serve only Presidio's context words, which match lower-cased tokens just as
# well (measured: same entities on the CUAD contracts, ~25% less time).
UNUSED_PIPES = ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer")


class LowercaseLemmaNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine with each token's lower-cased text as its lemma (its context enhancer
    matches lemmas; there is no lemmatizer, see UNUSED_PIPES), read in the one pass over the tokens that
    also reads their offsets. A pipeline component that set each lemma, then Presidio's two passes
    reading lemmas and offsets, were three passes, each making a Python object per token (measured:
    ~4% of the PII stage on contract prose). Entities and scores are Presidio's own."""

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        return lowercase_artifacts(doc, self, language, entities, scores)


def lowercase_artifacts(doc: Doc, nlp_engine: NlpEngine, language: str, entities: list[Span] | None = None,
                        scores: list[float] | None = None) -> LazyKeywordsArtifacts:
    """Artifacts of `doc` with each token's lower-cased text as its lemma, read with its offset in one
    pass; for pattern-only text (no entities) as for NER windows."""
    lemmas: list[str] = []
    offsets: list[int] = []
    for token in doc:
        lemmas.append(token.lower_)
        offsets.append(token.idx)
    return LazyKeywordsArtifacts(entities or [], doc, offsets, lemmas, nlp_engine, language, scores)


class LazyKeywordsArtifacts(NlpArtifacts):
    """Presidio's NlpArtifacts with its keywords (the lemmas that are neither stop words nor punctuation,
    each looked up in the vocabulary) made when first read instead of for every text: only the context
    enhancer reads them, and only for a result whose recognizer has context words, which most windows
    of prose do not have (measured: 3% of the PII stage on contract prose). The same keywords: Presidio's
    own set_keywords makes them."""

    def __init__(self, entities: list[Span], tokens: Doc, tokens_indices: list[int], lemmas: list[str],
                 nlp_engine: NlpEngine, language: str, scores: list[float] | None = None) -> None:
        super().__init__(entities, tokens, tokens_indices, lemmas, None, language, scores)  # no engine: no keywords yet
        del self.keywords  # the attribute Presidio set, so that the property below makes them on first read
        self.nlp_engine = nlp_engine
        self._language = language

    @functools.cached_property
    def keywords(self) -> list[str]:  # type: ignore[override]  # an attribute in Presidio
        return self.set_keywords(self.nlp_engine, self.lemmas, self._language)


class InPlaceContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's own context enhancer, without the deep copy it makes of every result of every call
    (measured: 3% of the PII stage's time on contract prose). AnalyzerEngine hands it a list built for
    this call, of results each recognizer made anew, and keeps no other reference to them: enhancing
    them in place gives the same results (tests/test_pii_engine.py compares the two)."""

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: Any,
                              recognizers: list[EntityRecognizer], context: list[str] | None = None) -> list[RecognizerResult]:
        return super().enhance_using_context(text, _Shared(raw_results), nlp_artifacts, recognizers, context)


class _Shared(list[RecognizerResult]):
    """A list whose deep copy is a new list of the same results."""

    def __deepcopy__(self, memo: dict[int, object]) -> list[RecognizerResult]:
        return list(self)


@dataclass
class PiiEngine:
    analyzer: AnalyzerEngine
    nlp_engine: SpacyNlpEngine
    # Code and table cells reach Presidio only through this screen: the union of what every match of every
    # recognizer run on them contains (built from the recognizers' own shapes, so it passes all they find).
    prefilter: re.Pattern[str]
    phone: RegionPhoneRecognizer
    tokenizer: Language  # a blank pipeline: tokens and lemmas-as-lowercase for pattern-only text
    domains: tldextract.TLDExtract
    free_mail_domains: frozenset[str]
    model_name: str
    country_by_name: dict[str, str]
    # Language -> spaCy pipeline name or path; each is loaded the first time a text of
    # that language is met (a scan of English files never pays for the others).
    ner_models: dict[str, str]
    # Told True before and False after a pipeline loads on first use: a scan worker pauses
    # its file's time limit meanwhile (loading is the worker's start-up, not the file's time).
    on_model_load: Callable[[bool], None] | None = None
    # Prose windows this engine has analysed, by language, phone regions and digest -> their
    # mentions, oldest first (classifier.pii.tagger.prose_mentions keeps it bounded).
    analysed_windows: OrderedDict[tuple[object, ...], list[Any]] = field(default_factory=OrderedDict)
    # Static vectors by the directory of the pipeline they come from, loaded once: the German
    # pipeline reads the English medium one's (see attach_vectors).
    vectors: dict[str, Vectors] = field(default_factory=dict)

    @property
    def ner_languages(self) -> tuple[str, ...]:
        return tuple(self.ner_models)

    def pipeline_key(self, language: str) -> str:
        """The key under which Presidio's engine holds this language's pipeline, loading it on first use."""
        pipelines: dict[str, Language] = self.nlp_engine.nlp  # type: ignore[assignment]  # set in build_pii_engine
        if language not in pipelines:
            if self.on_model_load is not None:
                self.on_model_load(True)
            try:
                pipelines[language] = load_spacy_model(self.ner_models[language], self.vectors)
            finally:
                if self.on_model_load is not None:
                    self.on_model_load(False)
        return language


def load_spacy_model(model_name: str, vectors: dict[str, Vectors] | None = None) -> Language:
    """`model_name` loaded for NER only; `vectors` (pipeline directory -> its static vectors) is
    shared by the pipelines of one engine, so that vectors two of them read are held once."""
    require_spacy_model(model_name)
    # Without the vocabulary's string table (700,000 words and ~100 MiB per worker for the medium
    # English model): NER reads words by hash, and the strings a document holds are added as it is
    # read. The vectors, lookups and norm exceptions are read as spaCy reads them (same entities on
    # every ner-dev set, checked).
    nlp = spacy.load(model_location(model_name), exclude=[*UNUSED_PIPES, "vocab"])
    nlp.vocab.from_disk(Path(nlp.path) / "vocab", exclude=["strings"])
    if vectors is not None and nlp.vocab.vectors.shape[0]:
        vectors.setdefault(str(Path(nlp.path).resolve()), nlp.vocab.vectors)
    if (source := nlp.meta.get(VECTORS_FROM_KEY)) is not None:
        attach_vectors(nlp, source, vectors)
    # In the small and medium English pipelines NER has its own embedding layer; the
    # shared tok2vec then feeds only the components removed above (measured:
    # identical entities, 40% less time). Keep it where NER listens to it.
    if "tok2vec" in nlp.pipe_names and "ner" not in getattr(nlp.get_pipe("tok2vec"), "listening_components", ["ner"]):
        nlp.remove_pipe("tok2vec")
    return nlp


# A pipeline fine-tuned from one with static word vectors (the German one, from en_core_web_md)
# reads them unchanged, so it ships without a copy (40 MB) and names its source in meta.json.
VECTORS_FROM_KEY = "leakcensus_vectors_from"


def attach_vectors(nlp: Language, source: str, vectors: dict[str, Vectors] | None = None) -> None:
    """Give `nlp` the static vectors of the installed pipeline `source` (rows keyed by word hash),
    the ones already in `vectors` where `source` was loaded."""
    require_spacy_model(source)
    directory = Path(model_location(source))
    if directory.is_dir() and (known := (vectors or {}).get(str(directory.resolve()))) is not None:
        nlp.vocab.vectors = known
        return
    # Not its string table (700,000 words): rows are found by hash.
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings).from_disk(directory / "vocab", exclude=("strings",))
    if vectors is not None and directory.is_dir():
        vectors[str(directory.resolve())] = nlp.vocab.vectors


def load_free_mail_domains() -> frozenset[str]:
    text = resources.files("classifier.pii").joinpath("free_mail_domains.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def load_recognizer(reference: Recognizer) -> EntityRecognizer:
    module, _, name = reference.path.partition(":")
    recognizer = getattr(importlib.import_module(module), name)()
    if not isinstance(recognizer, EntityRecognizer):
        raise TypeError(f"{reference.path} is not a Presidio recognizer")
    return recognizer


def prefilter_shapes(reference: Recognizer, recognizer: EntityRecognizer) -> tuple[str, ...]:
    """What any match of a pattern recognizer contains, said once: by its class or, for Presidio's, by its row."""
    declared: tuple[str, ...] = getattr(recognizer, "PREFILTER_SHAPES", ())
    if bool(declared) == bool(reference.shapes):
        # With none, the prefilter would keep the recognizer from ever seeing code and table cells.
        raise ValueError(f"{reference.path}: give its shapes once, as PREFILTER_SHAPES or in its table row")
    return declared or reference.shapes


def build_prefilter(shapes: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{shape})" for shape in dict.fromkeys(shapes)))


Found = TypeVar("Found", bound=EntityRecognizer)


def only_instance(recognizers: list[EntityRecognizer], kind: type[Found]) -> Found:
    (found,) = (r for r in recognizers if isinstance(r, kind))
    return found


def build_pii_engine(model_name: str = DEFAULT_SPACY_MODEL, other_models: dict[str, str] | None = None) -> PiiEngine:
    """`model_name` is the English pipeline; `other_models` adds or replaces other languages' (language -> name)."""
    vectors: dict[str, Vectors] = {}
    nlp = load_spacy_model(model_name, vectors)
    nlp_engine = LowercaseLemmaNlpEngine(
        models=[{"lang_code": "en", "model_name": model_name}],
        ner_model_configuration=NerModelConfiguration(),
    )
    # Hand Presidio the loaded pipeline instead of calling load(), which
    # would try to download a model it does not find.
    nlp_engine.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio declares it None until load()
    recognizers: list[EntityRecognizer] = []
    shapes: list[str] = []
    for row in ENTITY_TYPES:
        for reference in row.patterns:
            recognizer = load_recognizer(reference)
            shapes.extend(prefilter_shapes(reference, recognizer))
            recognizers.append(recognizer)
        if row.structure is not None:
            recognizers.append(load_recognizer(row.structure))
    recognizers.append(SpacyRecognizer(supported_entities=list(NER_ENTITIES)))
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"],
                              context_aware_enhancer=InPlaceContextEnhancer())
    return PiiEngine(
        analyzer=analyzer,
        nlp_engine=nlp_engine,
        prefilter=build_prefilter(shapes),
        phone=only_instance(recognizers, RegionPhoneRecognizer),
        tokenizer=spacy.blank("en"),
        # The addresses the tagger counts are split with the suffix list the email recognizer validated them with.
        domains=only_instance(recognizers, OfflineEmailRecognizer).domains,
        free_mail_domains=load_free_mail_domains(),
        model_name=model_name,
        country_by_name=country_names(),
        ner_models=ner_models(model_name, other_models),
        vectors=vectors,
    )
