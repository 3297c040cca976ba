"""The picture of one encounter as PNG, drawn with matplotlib's Agg backend (from the same layout as the
SVG). matplotlib is the ``views`` extra; no pyplot, no global state, no math-text parsing of labels."""

from __future__ import annotations

import io

from kg.errors import ConfigError
from kg.views.layout import COLOURS, SWATCH, Box, Layout, layout
from kg.views.model import EncounterView
from kg.views.text import clean, shorten

DPI = 100


def new_figure(width_px: float, height_px: float):
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError("PNG output needs matplotlib",
                          fix="pip install 'kg[views]' (or choose --format svg)") from exc
    return Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI)


def _box(ax, box: Box) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((box.x - box.w / 2, box.y - box.h / 2), box.w, box.h,
                                boxstyle="round,pad=0,rounding_size=6", color=COLOURS.get(box.role, "#444")))
    top = box.y - box.h / 2
    for i, line in enumerate(box.lines):
        ax.text(box.x, top + 14 + 18 * i, clean(line), ha="center", va="center", color="white",
                fontsize=9 if i == 0 else 8, parse_math=False)


def _legend(ax, lay: Layout) -> None:
    from matplotlib.patches import Rectangle

    for key in lay.legend:
        ax.add_patch(Rectangle((key.x, key.y), SWATCH, SWATCH, color=COLOURS.get(key.role, "#444"), gid="kg-key"))
        ax.text(key.x + SWATCH + 6, key.y + SWATCH / 2, key.text, fontsize=8, color="#52606d", va="center",
                parse_math=False)


def draw(lay: Layout) -> bytes:
    fig = new_figure(lay.width, lay.height)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(lay.height, 0)
    ax.axis("off")
    ax.text(20, 25, clean(shorten(lay.title, 110)), fontsize=12, weight="bold", color="#17324d", parse_math=False)
    _legend(ax, lay)
    c = lay.centre
    for e in lay.edges:
        ax.plot([c.x, e.box.x], [c.y, e.box.y], color="#9aa5b1", linewidth=1.2, zorder=1)
        ax.text((c.x + e.box.x) / 2, (c.y + e.box.y) / 2 - 4, e.word, fontsize=7, color="#52606d",
                ha="center", parse_math=False)
    _box(ax, c)
    for e in lay.edges:
        _box(ax, e.box)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def render_png(view: EncounterView) -> bytes:
    return draw(layout(view))
