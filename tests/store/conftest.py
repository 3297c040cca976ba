from __future__ import annotations

import pytest
from pyoxigraph import Quad


@pytest.fixture(scope="session")
def sample_quads(sample_store) -> list[Quad]:
    return list(sample_store.quads())
