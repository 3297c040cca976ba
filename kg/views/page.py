"""Self-contained HTML pages (inline CSS, no script needed, nothing fetched from elsewhere)."""

from __future__ import annotations

from kg.views.text import esc

CSS = """
body{font-family:DejaVu Sans,Verdana,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
header{background:#17324d;color:#fff;padding:10px 20px}header a{color:#cde}
main{padding:16px 20px;max-width:1200px}
.picture{background:#fff;border:1px solid #d9e2ec;overflow:auto}
table{border-collapse:collapse;background:#fff;margin:8px 0}th,td{border:1px solid #d9e2ec;padding:4px 8px;
text-align:left;vertical-align:top;font-size:13px}th{background:#e4ebf2}
.fact{background:#fff;border:1px solid #d9e2ec;margin:8px 0;padding:6px 10px}
.fact:target{outline:3px solid #ff7f0e}
.fact h3{margin:2px 0;font-size:14px}.role{font-size:11px;text-transform:uppercase;color:#52606d}
blockquote{margin:4px 0 4px 12px;font-size:13px}.src{font-size:12px;color:#52606d}
label{margin-right:12px;font-size:13px}input,select{font-size:13px}
.muted{color:#7b8794}
"""


def document(title: str, body: str, *, script: str = "", nav: str = "") -> str:
    """A complete HTML document; ``body`` and ``nav`` are already-escaped HTML, ``script`` trusted code."""
    js = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
        "script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "connect-src *\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f"<body><header>{nav}<h1 style=\"margin:4px 0;font-size:20px\">{esc(title)}</h1></header>"
        f"<main>{body}</main>{js}</body></html>\n"
    )
