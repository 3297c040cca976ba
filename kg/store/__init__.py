"""Triple stores behind one small protocol; :func:`open_store` picks the implementation from a URL."""

from kg.store.base import Store, open_store

__all__ = ["Store", "open_store"]
