"""Self-contained HTML pages (inline CSS, no script needed, nothing fetched from elsewhere)."""

from __future__ import annotations

from kg.style import CSS, favicon_link
from kg.views.text import esc


def document(title: str, body: str, *, script: str = "", nav: str = "") -> str:
    """A complete HTML document; ``body`` and ``nav`` are already-escaped HTML, ``script`` trusted code."""
    js = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
        "script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "connect-src *\">"
        f"<title>{esc(title)}</title>{favicon_link()}<style>{CSS}</style></head>"
        f"<body><header>{nav}<h1>{esc(title)}</h1></header>"
        f"<main>{body}</main>{js}</body></html>\n"
    )
