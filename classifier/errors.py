"""The one base class for the operator's errors: a run that cannot go on (a bad root, key,
catalog, model, policy or cluster) ends with one line and exit status 2, never a traceback.

A bad *document* is not one of these: it is data, a record with a status (records.py).
"""


class RunError(Exception):
    """Ends a run: the CLI prints the message on one line and exits 2. The message names the
    operator's input (a path, an option), never a document's content."""
