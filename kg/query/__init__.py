"""Stage 8, reading the graph back: the saved-query catalogue and its loader (:mod:`~kg.query.saved`),
running a query into rows and writing them (:mod:`~kg.query.results`), and exporting the store as RDF
(:mod:`~kg.query.export`)."""
