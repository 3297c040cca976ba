"""kg: news articles about diplomacy in, an ontology-backed knowledge graph out."""

__version__ = "0.1.0"
