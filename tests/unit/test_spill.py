"""The spill queue: records go to a temporary file and come back once, in order, equal to what went in."""

from __future__ import annotations

import datetime as dt

from kg.ingest.spill import Spill
from kg.records import Article, Extraction


def test_records_come_back_in_order_and_equal():
    records = [Extraction(article=Article(id=f"a{i}", text="x" * i, published=dt.date(2026, 2, i + 1)))
               for i in range(5)]
    with Spill[Extraction]() as spill:
        for record in records:
            spill.append(record)
        assert len(spill) == 5
        assert list(spill.drain()) == records
        assert len(spill) == 0 and list(spill.drain()) == []
        spill.append(records[0])
        assert list(spill.drain()) == records[:1]
