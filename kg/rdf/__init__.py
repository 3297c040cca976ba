"""RDF side of kg: the ontology vocabulary and the mapping of records to RDF."""
