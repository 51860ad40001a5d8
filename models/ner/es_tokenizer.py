"""Training-time tokenizer tweak for the Spanish pipeline (``spacy train ... --code models/ner/es_tokenizer.py``).

What: registers the ``leakcensus.es_tokenizer_tweaks.v1`` callback used as ``[initialize.before_init]``
in ``es.cfg``. It adds two rules to spaCy's Spanish tokenizer:

* a suffix rule splitting a final ``.`` after an upper-case letter or ``º``/``ª``, so that a
  line-final address such as ``Calle Vinuesa, 66, 3A.`` or ``..., Bajo A.`` ends in its own
  ``.`` token (and the ``n.`` special case is dropped, for ``... s/n.``);
* an infix rule splitting a hyphen between a digit and a letter (``08005-Barcelona``).

Why: MEDDOCAN annotates addresses and towns without the trailing period / postcode; with the
stock rules about one in six LOCATION spans does not start or end on a token boundary, so the
model can never predict it exactly. The rules are stored as regular-expression patterns in the
pipeline's ``tokenizer`` file, so the trained model loads and runs without this module (the shipped
``config.cfg`` has ``before_init = null``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

UPPER = "A-ZÁÉÍÓÚÜÑ"
LETTER = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ"
EXTRA_SUFFIXES = [rf"(?<=[{UPPER}ºª])\."]
DROPPED_SPECIAL_CASES = ("n.",)  # "s/n." (sin número) ends addresses; keep its "." apart
EXTRA_INFIXES = [rf"(?<=[0-9])-(?=[{LETTER}])"]


def es_tokenizer_tweaks() -> Callable[[Language], Language]:
    """Return the ``before_init`` callback that adds the rules above to ``nlp.tokenizer``."""

    def tweak(nlp: Language) -> Language:
        tokenizer = nlp.tokenizer
        if not isinstance(tokenizer, Tokenizer):
            raise TypeError(f"expected spaCy's rule-based Tokenizer, got {type(tokenizer)!r}")
        suffixes = list(nlp.Defaults.suffixes or []) + EXTRA_SUFFIXES
        infixes = list(nlp.Defaults.infixes or []) + EXTRA_INFIXES
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        tokenizer.rules = {key: value for key, value in tokenizer.rules.items() if key not in DROPPED_SPECIAL_CASES}
        return nlp

    return tweak


registry.callbacks.register("leakcensus.es_tokenizer_tweaks.v1", func=es_tokenizer_tweaks)
