"""``kg serve``: a local SPARQL endpoint over a store, with an offline query page offering the saved queries."""

from kg.serve.app import make_server

__all__ = ["make_server"]
