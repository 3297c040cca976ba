"""Orchestration of the stages (read, annotate, extract, resolve, map, load): ``kg ingest``, ``kg extract``
shards, ``kg load`` of RDF files and ``kg remove``. Modules: :mod:`~kg.ingest.pipeline` (the ingest),
:mod:`~kg.ingest.extraction` and :mod:`~kg.ingest.workers` (stages 2-3 in one or several processes),
:mod:`~kg.ingest.resolve` (stage 4: encounter identity, corroborated dates), :mod:`~kg.ingest.spill`,
:mod:`~kg.ingest.shards` and :mod:`~kg.ingest.rdf_files`."""
