"""The corpus's templates: one module per category, listed here in the order of the taxonomy.

A new template goes into its category's module (and its TEMPLATES); a new category is one new module and one line
here.
"""

from __future__ import annotations

from typing import Protocol, get_args

from category_corpus.common import Round, Template
from category_corpus.templates import (
    contact_list,
    contract,
    correspondence,
    credentials,
    customer_asset,
    financial,
    internal_comment,
    invoice,
    offer,
    other,
    personnel,
    product_order,
    proof_of_concept,
    sales_data,
    sales_strategy,
    source_code,
)


class CategoryModule(Protocol):
    __name__: str
    CATEGORY: str
    TEMPLATES: tuple[Template, ...]  # the order of the fitting script's folds


MODULES: tuple[CategoryModule, ...] = (
    proof_of_concept,
    sales_data,
    sales_strategy,
    product_order,
    offer,
    invoice,
    contract,
    customer_asset,
    internal_comment,
    correspondence,
    personnel,
    financial,
    source_code,
    credentials,
    contact_list,
    other,
)
CATEGORIES = tuple(module.CATEGORY for module in MODULES)

def templates() -> tuple[Template, ...]:
    """Every template, round by round (oldest first), within a round category by category, within a category in its
    TEMPLATES order. labels.json lists the documents in this order and the fit's sums run over them in it."""
    rounds: tuple[Round, ...] = get_args(Round)
    return tuple(spec for written in rounds for module in MODULES for spec in module.TEMPLATES if spec.written == written)
