import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import QueryError
from kg.query.saved import catalogue, get_query, parse_saved_query

EX = "http://example.org/"


def _query(tmp_path, text):
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    return parse_saved_query(path)


def test_catalogue_has_the_promised_queries():
    names = set(catalogue())
    assert {"calls", "countries-discussed-per-call", "calls-with", "treaties", "stances", "evidence",
            "articles-mentioning"} <= names
    for query in catalogue().values():
        assert query.summary, query.name
        assert "WHERE" in query.text.upper()


def test_header_declares_typed_parameters():
    query = get_query("evidence")
    assert [(p.name, p.type, p.required) for p in query.parameters] == [
        ("call", "iri", True), ("country", "name", True)]
    assert not get_query("stances").parameters[0].required


def test_unknown_and_missing_parameters_are_named():
    query = get_query("calls-with")
    with pytest.raises(QueryError, match="needs parameter actor"):
        query.bind({})
    with pytest.raises(QueryError, match="no parameter who.*actor"):
        query.bind({"who": "x", "actor": "y"})


def test_invalid_iri_parameter_is_rejected():
    with pytest.raises(QueryError, match="not a valid iri"):
        get_query("evidence").bind({"call": "not an iri> . ?s ?p ?o", "country": "IRN"})


def test_injection_attempt_stays_one_literal(tmp_path):
    query = _query(tmp_path, "# name: q\n# param: name (string): a name\n"
                   f"SELECT ?s WHERE {{ ?s <{EX}name> ?n . FILTER(STR(?n) = ?name) }}\n")
    store = Store()
    store.add(Quad(NamedNode(EX + "public"), NamedNode(EX + "name"), Literal("Alice")))
    store.add(Quad(NamedNode(EX + "hidden"), NamedNode(EX + "secret"), Literal("s3cret")))
    hostile = 'Alice") } UNION { ?s ?p ?o . FILTER("x" = "x'
    rows = list(store.query(query.bind({"name": hostile})))
    assert rows == []
    rows = list(store.query(query.bind({"name": "Alice"})))
    assert [r["s"] for r in rows] == [NamedNode(EX + "public")]


def test_a_parameter_bound_to_several_values_gives_one_values_row_each(tmp_path):
    query = _query(tmp_path, "# name: q\n# param: who (name): a name\n# param: n (integer, optional): n\n"
                   f"SELECT ?s WHERE {{ ?s <{EX}name> ?m . FILTER(STR(?m) = ?who) }}\n")
    store = Store()
    for name in ("Ćosić", "Cosic", "Other"):
        store.add(Quad(NamedNode(EX + name), NamedNode(EX + "name"), Literal(name)))
    text = query.bind({"who": ("Ćosić", "Cosic")})
    assert '("Ćosić" UNDEF) ("Cosic" UNDEF)' in text
    assert {r["s"] for r in store.query(text)} == {NamedNode(EX + "Ćosić"), NamedNode(EX + "Cosic")}


def test_optional_parameter_binds_undef(tmp_path):
    query = _query(tmp_path, "# name: q\n# param: x (string, optional): x\nSELECT ?x WHERE { }\n")
    assert "UNDEF" in query.bind({})


def test_malformed_parameter_declaration_names_the_line(tmp_path):
    with pytest.raises(QueryError, match=r"q.rq:2"):
        _query(tmp_path, "# name: q\n# param: x (colour): x\nSELECT * WHERE {}\n")


def test_syntax_error_names_file_line_and_column(tmp_path):
    query = _query(tmp_path, "# name: q\n# summary: broken\nSELECT ?x WHERE {\n  ?x ?y ?z .\n} LIMT 5\n")
    with pytest.raises(QueryError) as caught:
        query.check_syntax()
    assert caught.value.where == f"{tmp_path / 'q.rq'}:5:9"


def test_every_saved_query_is_valid_sparql():
    for query in catalogue().values():
        query.check_syntax()
