"""`python -m classifier`: the same command line as `leakcensus`."""

from classifier.cli import main

# Guarded: worker processes started with "spawn" import the main module again as __mp_main__.
if __name__ == "__main__":
    main(prog_name="leakcensus")
