"""``open_store`` takes what it needs from its arguments: without ``settings`` the defaults, without
``environ`` no credentials. It never reads the process environment (the CLI passes it; decision 0006)."""

from __future__ import annotations

from kg.settings import Settings
from kg.store import open_store

URL = "http://127.0.0.1:9/ds"  # nothing is sent: opening a remote store makes no request


def test_credentials_come_only_from_the_environ_argument(monkeypatch):
    monkeypatch.setenv("KG_STORE_TOKEN", "tok-from-process")
    monkeypatch.setenv("KG_STORE_TIMEOUT", "1.5")
    store = open_store(URL)
    assert store._client.auth.header is None
    assert store._client.timeout == Settings().store_timeout  # the defaults, not KG_STORE_TIMEOUT
    given = open_store(URL, settings=Settings(store=URL, store_timeout=4.0), environ={"KG_STORE_TOKEN": "tok-given"})
    assert given._client.auth.header == "Bearer tok-given"
    assert given._client.timeout == 4.0
