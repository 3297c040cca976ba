"""Views of the graph: a picture of one encounter (SVG, PNG, HTML), a timeline, and a static site.

The data side (:mod:`kg.views.fetch`) reads the store with the saved SPARQL in ``kg/views/sparql``; the
rendering side works on the plain dataclasses of :mod:`kg.views.model` and never touches a store.
"""
