"""Rules over a spaCy ``Doc``: actors, encounters, dates, discussed subjects, treaties and stances.

Functions here read the spans the pipeline marked and link them; they build :mod:`kg.records` values and
never touch RDF.
"""
