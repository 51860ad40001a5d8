"""The per-process PII engine: Presidio's AnalyzerEngine on a spaCy model, offline.

Built once per worker process and passed in (never a module global). The
spaCy model must already be installed: Presidio would otherwise try to
download it, and responders work air-gapped.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    IbanRecognizer,
    IpRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)
from spacy.language import Language
from spacy.tokens import Doc

from classifier.pii.countries import country_names
from classifier.pii.recognizers.legal_form import LegalFormOrganizationRecognizer
from classifier.pii.recognizers.offline_email import OfflineEmailRecognizer, offline_domain_extractor
from classifier.pii.recognizers.phone import RegionPhoneRecognizer
from classifier.pii.recognizers.secret import SecretRecognizer
from classifier.pii.recognizers.structural_name import StructuralNameRecognizer
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL, ner_models, require_spacy_model

NER_ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")
PATTERN_ENTITIES = (
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "URL", "CRYPTO", "SECRET",
    "ORGANIZATION",  # by legal form only (LegalFormOrganizationRecognizer); NER adds the rest in prose
)
# Only NER (and the tok2vec it may listen to) is needed. The tagger,
# attribute ruler and lemmatizer cost about a third of the pipeline's time and
# serve only Presidio's context words, which match lower-cased tokens just as
# well (measured: same entities on the CUAD contracts, ~25% less time).
UNUSED_PIPES = ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer")


@Language.component("leakcensus_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lemmas for Presidio's context enhancer, without a lemmatizer: the lower-cased token."""
    for token in doc:
        token.lemma_ = token.lower_
    return doc


@dataclass
class PiiEngine:
    analyzer: AnalyzerEngine
    nlp_engine: SpacyNlpEngine
    phone: RegionPhoneRecognizer
    tokenizer: Language  # a blank pipeline: tokens and lemmas-as-lowercase for pattern-only text
    domains: tldextract.TLDExtract
    free_mail_domains: frozenset[str]
    model_name: str
    country_by_name: dict[str, str]
    # Language -> spaCy pipeline name or path; each is loaded the first time a text of
    # that language is met (a scan of English files never pays for the others).
    ner_models: dict[str, str]

    @property
    def ner_languages(self) -> tuple[str, ...]:
        return tuple(self.ner_models)

    def pipeline_key(self, language: str) -> str:
        """The key under which Presidio's engine holds this language's pipeline, loading it on first use."""
        pipelines: dict[str, Language] = self.nlp_engine.nlp  # type: ignore[assignment]  # set in build_pii_engine
        if language not in pipelines:
            pipelines[language] = load_spacy_model(self.ner_models[language])
        return language


def load_spacy_model(model_name: str) -> Language:
    require_spacy_model(model_name)
    nlp = spacy.load(model_name, exclude=list(UNUSED_PIPES))
    # In the small English pipelines NER has its own embedding layer; the
    # shared tok2vec then feeds only the components removed above (measured:
    # identical entities, 40% less time). Keep it where NER listens to it.
    if "tok2vec" in nlp.pipe_names and "ner" not in getattr(nlp.get_pipe("tok2vec"), "listening_components", ["ner"]):
        nlp.remove_pipe("tok2vec")
    nlp.add_pipe("leakcensus_lower_lemma", last=True)
    return nlp


def load_free_mail_domains() -> frozenset[str]:
    text = resources.files("classifier.pii").joinpath("free_mail_domains.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def build_pii_engine(model_name: str = DEFAULT_SPACY_MODEL, other_models: dict[str, str] | None = None) -> PiiEngine:
    """`model_name` is the English pipeline; `other_models` adds or replaces other languages' (language -> name)."""
    nlp = load_spacy_model(model_name)
    nlp_engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model_name}],
        ner_model_configuration=NerModelConfiguration(),
    )
    # Hand Presidio the loaded pipeline instead of calling load(), which
    # would try to download a model it does not find.
    nlp_engine.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio declares it None until load()
    domains = offline_domain_extractor()
    phone = RegionPhoneRecognizer()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (
        OfflineEmailRecognizer(domains),
        phone,
        CreditCardRecognizer(),
        IbanRecognizer(),
        UsSsnRecognizer(),
        IpRecognizer(),
        UrlRecognizer(),
        CryptoRecognizer(),
        SecretRecognizer(),
        LegalFormOrganizationRecognizer(),
        StructuralNameRecognizer(),
        SpacyRecognizer(supported_entities=list(NER_ENTITIES)),
    ):
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
    return PiiEngine(
        analyzer=analyzer,
        nlp_engine=nlp_engine,
        phone=phone,
        tokenizer=spacy.blank("en"),
        domains=domains,
        free_mail_domains=load_free_mail_domains(),
        model_name=model_name,
        country_by_name=country_names(),
        ner_models=ner_models(model_name, other_models),
    )
