"""One module per category: its CATEGORY and its TEMPLATES, whatever round each template was written in.

Each template declares its split ("train", "held_out" or "blind") and the round it was written in; the package
docstring of category_corpus tells the rounds' history, and category_corpus.registry lists the modules.
"""
