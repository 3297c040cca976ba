"""Consistency of the ontology plus a set of data triples, decided by HermiT (or Pellet) through owlready2.

Each call starts a JVM (about 3 s here, most of the cost for graphs of up to ~10k individuals), so the
callers check the whole graph once and only come back for small subsets when explaining a failure.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from functools import cache

import owlready2
from pyoxigraph import RdfFormat, Triple, serialize

from kg.errors import KgError
from kg.rdf.vocab import KG_ID_NS, ONTOLOGY_IRI
from kg.validate.source import ontology_triples

REASONERS = ("hermit", "pellet")


class ReasonerError(KgError):
    """The reasoner could not run (no Java, a Java error, an unsupported construct)."""


def java_available() -> bool:
    return shutil.which(owlready2.JAVA_EXE) is not None


@cache
def _ontology_ntriples() -> bytes:
    return serialize(ontology_triples(), format=RdfFormat.N_TRIPLES)


def is_consistent(triples: Sequence[Triple], *, reasoner: str = "hermit") -> bool:
    """True when kg.ttl together with ``triples`` is consistent under the reasoner."""
    if reasoner not in REASONERS:
        raise ReasonerError(f"unknown reasoner {reasoner!r}", fix=f"use one of {', '.join(REASONERS)}")
    if not java_available():
        raise ReasonerError("java was not found", fix="install a Java runtime (17+) or skip the OWL check")
    world = owlready2.World()
    try:
        onto = world.get_ontology(ONTOLOGY_IRI)
        onto.load(fileobj=io.BytesIO(_ontology_ntriples()), format="ntriples")
        data = world.get_ontology(KG_ID_NS)
        data.load(fileobj=io.BytesIO(serialize(triples, format=RdfFormat.N_TRIPLES)), format="ntriples")
        if reasoner == "hermit":
            owlready2.sync_reasoner_hermit([onto, data], infer_property_values=False, debug=0)
        else:
            owlready2.sync_reasoner_pellet([onto, data], infer_property_values=False, debug=0)
        return True
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    except owlready2.OwlReadyJavaError as exc:
        first = next((line for line in str(exc).splitlines()[1:] if line.strip()), str(exc))
        raise ReasonerError(f"{reasoner} failed: {first.strip()}", fix="see docs/validation.md (reasoners)") from exc
    finally:
        world.close()
