"""The timeline picture's labels: the countries discussed of encounters close in time never cover one
another (issue 16 saw "IRN, ISR, UKRN, ISR, UKR"), checked on the drawn text, not on the estimate."""

from __future__ import annotations

import pytest

from kg.views.labels import estimated_width, levels
from kg.views.model import EncounterSummary, Participant
from kg.views.timeline import timeline_figure, timeline_points

PERSON = "https://w3id.org/kg-diplomacy/id/person/"
DISCUSSED = (("country", "Iran", "IRN"), ("country", "Israel", "ISR"), ("country", "Ukraine", "UKR"))


def _encounters(sides: tuple[str, str], dates: list[str], discussed=DISCUSSED) -> list[EncounterSummary]:
    people = tuple(Participant(PERSON + side.lower(), side, side) for side in sides)
    return [EncounterSummary(iri=f"https://w3id.org/kg-diplomacy/id/encounter/{'-'.join(sides)}/{i}",
                             kind="PhoneCall", date=date, participants=people, discussed=discussed)
            for i, date in enumerate(dates)]


def test_levels_keep_labels_of_one_level_apart() -> None:
    assert levels([(0, 10), (20, 30), (40, 50)]) == [0, 0, 0]
    assert levels([(0, 10), (5, 15), (8, 18), (30, 40)]) == [0, 1, 2, 0]
    assert levels([(30, 40), (0, 10), (5, 15)]) == [0, 0, 1]  # placed left to right, answered in order given
    assert levels([(0, 10), (12, 20)], gap=6) == [0, 1] and levels([]) == []
    assert estimated_width("IRN, ISR, UKR", 7, 100) > estimated_width("IRN", 7, 100) > 0


@pytest.mark.parametrize("dates", [
    ["2026-02-04", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-08", "2026-02-09", "2026-02-11"],
    ["2025", "2025-06", "2025-06-14", "2025-07-02", "2026-01-10"],
    ["2026-02-04", "2026-02-20"],
])
def test_labels_of_close_encounters_do_not_overlap(dates: list[str]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    summaries = _encounters(("RUS", "CHN"), dates) + _encounters(("USA", "UKR"), dates[:3], DISCUSSED[:2])
    fig = timeline_figure(timeline_points(summaries))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_gid() == "kg-discussed"]
    assert len(boxes) == len(dates) + min(3, len(dates))
    clashes = [(a.bounds, b.bounds) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    assert not clashes
    height = fig.bbox.height
    assert all(0 <= box.y0 and box.y1 <= height for box in boxes)  # the rows grew to hold their labels
