"""Business-sensitivity tagging: what kind of document is this?"""
