"""PII tagging: Presidio engine set-up, our recognizers, normalisers, table typing."""
