"""Human report (self-contained HTML) rendered from inventory.json."""
