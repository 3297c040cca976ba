"""Text safety for the renderers: escaping for HTML/SVG, characters XML cannot hold, shortening."""

from __future__ import annotations

import html
import json
import re

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text with the characters an XML or HTML document cannot hold removed."""
    return _NOT_XML.sub("", text)


def esc(text: object) -> str:
    """Escape for HTML and SVG text and attribute values (quotes included)."""
    return html.escape(clean(str(text)), quote=True)


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut between words (never inside one) with "…"; a first
    word longer than the limit is kept whole."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    head = text[:cut] if cut > 0 else text.split(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


def wrap(text: str, width: int, lines: int) -> tuple[str, ...]:
    """``text`` on at most ``lines`` lines of about ``width`` characters, broken between words; what does
    not fit ends the last line with "…"."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] = shorten(out[-1] + " " + " ".join(words), max(width, len(out[-1]) + 1))
    return tuple(out)


def json_for_script(data: object) -> str:
    """JSON safe inside an HTML ``<script type="application/json">`` element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return clean(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def safe_url(url: str) -> str:
    """The URL when it is http(s), else '' (no javascript: or data: links from article metadata)."""
    url = clean(url).strip()
    return url if re.match(r"^https?://", url, re.I) else ""
