"""How a remote store's endpoints are derived from its URL, and which URLs are refused."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.store import open_store
from kg.store.endpoints import Endpoints, derive, redact
from kg.store.http import Auth


def test_server_root_is_laid_out_like_oxigraph():
    expected = Endpoints("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert derive("http://h:7878") == expected
    assert derive("http://h:7878/") == expected


def test_a_dataset_path_is_laid_out_like_fuseki():
    assert derive("https://h/fuseki/ds/") == Endpoints(
        "https://h/fuseki/ds/query", "https://h/fuseki/ds/update", "https://h/fuseki/ds/data")


def test_explicit_urls_and_none_override_the_rules():
    got = derive("http://h/ds", query="http://q/sparql", update="none", gsp="NONE")
    assert got == Endpoints("http://q/sparql", None, None)


@pytest.mark.parametrize("url", ["http://", "http://h:99999/", "http://h/ds?x=1", "http://h/a b", "https:///ds"])
def test_malformed_urls_are_refused(url):
    with pytest.raises(StoreError, match="malformed store URL") as caught:
        open_store(url, environ={})
    assert caught.value.exit_code == 3


def test_credentials_in_the_url_are_refused_and_not_repeated():
    with pytest.raises(StoreError) as caught:
        open_store("http://alice:s3cret@h:7878/", environ={})
    assert "KG_STORE_USER" in caught.value.message and "s3cret" not in caught.value.message
    assert redact("http://alice:s3cret@h:7878/ds?token=x") == "http://h:7878/ds"


def test_other_schemes_are_refused():
    with pytest.raises(StoreError, match="unsupported store URL scheme"):
        open_store("ftp://h/ds", environ={})


def test_auth_from_the_environment_keeps_secrets_out_of_repr():
    bearer = Auth.from_environ({"KG_STORE_TOKEN": "tok-123"})
    basic = Auth.from_environ({"KG_STORE_USER": "alice", "KG_STORE_PASSWORD": "pw-456"})
    assert bearer.header == "Bearer tok-123" and basic.header and basic.header.startswith("Basic ")
    assert "tok-123" not in repr(bearer) and "pw-456" not in repr(basic)
    assert basic.scrub("echo pw-456 and " + basic.header) == "echo *** and Basic ***"
    assert Auth.from_environ({}).header is None
