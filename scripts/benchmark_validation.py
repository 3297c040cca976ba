"""Time the checks of ``kg validate`` on synthetic graphs of N encounters (one article graph each).

    python scripts/benchmark_validation.py 100 1000 10000 [--skip owl] [--batch-size N]

Prints, per N: data triples, typed individuals, seconds for pySHACL over the union graph, for HermiT
(owlready2) over the ontology and all individuals, and for the SPARQL domain checks. Figures go to
docs/validation.md; nothing here is asserted (timings depend on the machine).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.store import open_store
from kg.validate.domain import check_domain
from kg.validate.owl import check_owl
from kg.validate.rdfconv import rdflib_graph
from kg.validate.shacl import check_shacl
from kg.validate.source import data_triples

KG = "https://w3id.org/kg-diplomacy/ontology#"
ID = "https://w3id.org/kg-diplomacy/id/"
GRAPH = "https://w3id.org/kg-diplomacy/graph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def k(name: str) -> NamedNode:
    return NamedNode(KG + name)


def i(path: str) -> NamedNode:
    return NamedNode(ID + path)


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def reference(people: int) -> Iterator[tuple]:
    for n in range(people):
        person, office = i(f"person/p{n}"), i(f"office/p{n}/leader")
        code = f"{chr(65 + n // 676 % 26)}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
        country = i(f"country/{code}")
        yield from [(country, RDF_TYPE, k("Country")), (country, LABEL, Literal(f"Country {code}", language="en")),
                    (country, k("iso3166Alpha3"), Literal(code)),
                    (person, RDF_TYPE, k("Person")), (person, LABEL, Literal(f"Person {n}", language="en")),
                    (person, k("represents"), country), (person, k("holdsOffice"), office),
                    (office, RDF_TYPE, k("OfficeTerm")), (office, k("officeTitle"), Literal("Leader")),
                    (office, k("officeOf"), country), (office, k("termStart"), typed("2000-01-01", "date"))]


def article(n: int, people: int) -> Iterator[tuple]:
    art, ev, enc, st = i(f"article/a{n}"), i(f"evidence/a{n}/s0"), i(f"encounter/e{n}"), i(f"stance/a{n}/s1")
    a, b = i(f"person/p{n % people}"), i(f"person/p{(n * 7 + 1) % people}")
    day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
    yield from [(art, RDF_TYPE, k("Article")), (art, k("articleId"), Literal(f"a{n}")),
                (art, NamedNode("http://schema.org/datePublished"), typed("2026-01-01", "date")),
                (ev, RDF_TYPE, k("Evidence")), (ev, k("inArticle"), art),
                (ev, k("sentenceIndex"), typed("0", "integer")),
                (ev, k("charStart"), typed("0", "integer")), (ev, k("charEnd"), typed("40", "integer")),
                (ev, k("sentenceText"), Literal(f"Leaders {n} spoke by phone.")),
                (enc, RDF_TYPE, k("PhoneCall")), (enc, RDF_TYPE, k("Encounter")), (enc, k("participant"), a),
                (enc, k("participant"), b), (enc, k("reportedBy"), art), (enc, k("evidence"), ev),
                (enc, k("date"), typed(day, "date")), (enc, k("datePrecision"), k("DayPrecision")),
                (enc, k("durationMinutes"), typed("30", "integer")),
                (st, RDF_TYPE, k("Stance")), (st, k("holder"), a), (st, k("polarity"), k("Support")),
                (st, k("target"), b), (st, k("evidence"), ev)]


def build(encounters: int, people: int = 200):
    store = open_store("memory:")
    graphs = {NamedNode(GRAPH + "reference"): [Quad(*t, NamedNode(GRAPH + "reference")) for t in reference(people)]}
    for n in range(encounters):
        graph = NamedNode(f"{GRAPH}article/a{n}")
        graphs[graph] = [Quad(*t, graph) for t in article(n, people)]
    store.replace_graphs(graphs)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of encounters")
    parser.add_argument("--skip", action="append", default=[], choices=("shacl", "owl", "domain"))
    parser.add_argument("--batch-size", type=int, default=0)
    args = parser.parse_args()
    print("encounters  triples  individuals  shacl_s  owl_s  owl_calls  domain_s")
    for size in args.sizes:
        store = build(size)
        triples = list(data_triples(store))
        shacl_s = owl_s = domain_s = float("nan")
        calls = individuals = 0
        if "shacl" not in args.skip:
            started = time.perf_counter()
            result, _ = check_shacl(rdflib_graph(triples))
            shacl_s = time.perf_counter() - started
            assert result.status == "passed", result.findings[:3]
        if "owl" not in args.skip:
            owl = check_owl(triples, batch_size=args.batch_size)
            owl_s, calls, individuals = owl.seconds, owl.stats.get("reasoner_calls", 0), owl.stats["individuals"]
            assert owl.status == "passed", owl.findings[:3]
        if "domain" not in args.skip:
            domain_s = check_domain(store).seconds
        row = f"{size:10d}  {len(triples):7d}  {individuals:11d}  {shacl_s:7.1f}  {owl_s:5.1f}  {calls:9d}"
        print(f"{row}  {domain_s:8.2f}", flush=True)


if __name__ == "__main__":
    main()
