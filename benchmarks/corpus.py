"""A deterministic corpus of synthetic diplomacy articles for the benchmarks.

Article ``i`` depends only on the seed and ``i``, so the first 2,000 articles of a 10,000 corpus are the
2,000 corpus. Each article (about 750 words) has a header block, a lead reporting one encounter between two
leaders who hold a head-of-state or head-of-government office on its date (phone call, video call,
meeting, summit or state visit), its length, the countries discussed, quotes, background paragraphs
that mention other countries, and noise.

Usage (from the repository root)::

    .venv/bin/python benchmarks/corpus.py N OUT [--seed S] [--jsonl]

``OUT`` is a folder of ``.txt`` files, or with ``--jsonl`` one ``.jsonl`` file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer"
FIRST_DAY, LAST_DAY = dt.date(2008, 1, 1), dt.date(2025, 12, 31)
WORDS = 700


@dataclass(frozen=True)
class Leader:
    name: str
    title: str  # "President", "Prime Minister", ...
    iso3: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str
    capital: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    url: str
    outlet: str
    published: str
    text: str

    def as_txt(self) -> str:
        return (f"Title: {self.title}\nURL: {self.url}\nOutlet: {self.outlet}\nPublished: {self.published}\n"
                f"License: synthetic benchmark text\n\n{self.text}\n")

    def as_json(self) -> str:
        return json.dumps({"id": self.id, "title": self.title, "url": self.url, "outlet": self.outlet,
                           "published": self.published, "text": self.text}, ensure_ascii=False)


def _day(text: str | None, default: dt.date) -> dt.date:
    if not text:
        return default
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def load_world(gazetteer: Path = GAZETTEER) -> tuple[list[Leader], dict[str, Country]]:
    people = [json.loads(line) for line in (gazetteer / "people.jsonl").read_text(encoding="utf-8").splitlines()]
    ruled = {office["of"] for p in people for office in p["offices"]}
    countries: dict[str, Country] = {}
    for line in (gazetteer / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        if c.get("wikidata") and c.get("demonyms") and c.get("capitals") and c["iso3"] in ruled:
            countries[c["iso3"]] = Country(c["iso3"], c["name"], c["demonyms"][0], c["capitals"][0])
    leaders = []
    for p in people:
        for office in p["offices"]:
            if office["role"] in ("head_of_state", "head_of_government") and office["of"] in countries:
                title = office["title"].split(" of ")[0]
                if title in ("President", "Prime Minister", "Chancellor", "King", "Premier", "Emir"):
                    leaders.append(Leader(p["name"], title, office["of"], _day(office["start"], FIRST_DAY),
                                          _day(office["end"], LAST_DAY)))
    return leaders, countries


KINDS = {
    "phone call": ("{a} and {b} spoke by phone on {when}, discussing {topics}.",
                   "{a} held a phone call with {b} on {when} to discuss {topics}."),
    "video call": ("{a} and {b} held a video call on {when}, discussing {topics}.",
                   "{a} spoke with {b} by video link on {when} about {topics}."),
    "meeting": ("{a} met {b} in {venue} on {when} for talks on {topics}.",
                "{a} and {b} met in {venue} on {when} and discussed {topics}."),
    "summit": ("{a} and {b} held a summit in {venue} on {when}, discussing {topics}.",
               "{a} met {b} at a summit in {venue} on {when} to discuss {topics}."),
    "state visit": ("{a} paid a state visit to {venue} on {when}, where {b} received the visitor for talks on "
                    "{topics}.",
                    "{b} hosted {a} for a state visit in {venue} on {when}; the two discussed {topics}."),
}
THEMES = ("the war in {c}", "the situation in {c}", "energy supplies to {c}", "the crisis in {c}",
          "security guarantees for {c}", "trade with {c}", "sanctions on {c}", "humanitarian aid to {c}")
TOPICS = ("trade", "energy", "climate change", "investment", "security", "migration", "food security", "technology")
QUOTES = ("\"We had a frank and constructive conversation,\" {a} told reporters afterwards.",
          "\"Our positions on {c} are close, and we agreed to keep in touch,\" {a} said.",
          "{b} said the talks were \"useful and open\" and that both sides would continue the dialogue.",
          "\"There is no alternative to diplomacy,\" {b} said, according to the official readout.")
BACKGROUND = (
    "The relationship has been strained since {year}, when a dispute over {c} led to a recall of ambassadors.",
    "Analysts in {cap} said a visit by a delegation from {c} last year had set the stage.",
    "Trade between the two countries reached a record last year, helped by exports to {c} and {d}.",
    "Officials in {c} have watched the rapprochement closely, as have diplomats from {d}.",
    "In {year}, the two governments signed a framework agreement on ports, railways and power lines.",
    "Observers note that elections in {c} and {d} next year could change the regional balance.",
    "A report by a think tank in {cap} described the partnership as pragmatic rather than strategic.",
    "Both countries abstained in a United Nations vote on {c} in {year}.",
    "Shipping through the region has been disrupted for months, raising freight costs for {c}.",
    "The central bank of {c} cut interest rates last week, citing weaker demand from {d}.",
    "A pipeline project linking {c} and {d} has been delayed by a financing dispute.",
    "Tens of thousands of workers from {c} live in the two countries, sending money home every month.",
    "Opposition politicians in {cap} criticised the government for moving too slowly.",
    "The foreign ministry in {cap} said further consultations would take place at the level of deputies.",
    "Farm exports have suffered since {c} raised tariffs on grain and fertiliser in {year}.",
    "A ferry disaster off the coast of {c} in {year} still weighs on public opinion.",
    "The two armies held joint exercises near the border with {c} in {year}.",
    "Tourism from {c} and {d} has recovered to its level before the pandemic.",
    "Several companies from {d} have opened factories in special economic zones.",
    "Relations cooled briefly after a spy scandal involving a diplomat from {c}.",
    "The government has promised to cut its dependence on imports from {c} within five years.",
    "A new air route to {c} will open in the spring, the transport ministry said.",
    "Universities in {cap} have signed exchange agreements with partners in {c} and {d}.",
    "Human rights groups have urged both leaders to raise the detention of journalists in {c}.",
)
NOISE = ("Markets closed slightly higher on the day, with energy shares leading the gains.",
         "Subscribe to our newsletter for the latest world news, delivered every morning.",
         "Heavy rain is expected across the region over the weekend, forecasters said.",
         "This story has been updated with additional reporting.",
         "The national football team will play a friendly match next month.",
         "Reporting by our correspondents; editing by the world desk.",
         "Photos: a gallery of the day's events is available on our website.",
         "Read more: the week in review, and what to watch next.",
         "Fuel prices rose for the third week in a row, according to official data.",
         "A film festival opened in the capital on the same evening.",
         "Comments on this article are closed.",
         "Follow us on social media for live updates.")
OUTLETS = ("World Desk", "Daily Courier", "Global Times Review", "The Observer Wire", "Capital News")


def _date_phrase(rng: random.Random, day: dt.date, published: dt.date) -> str:
    choice = rng.random()
    if choice < 0.4 and (published - day).days <= 6:
        return day.strftime("%A")
    if choice < 0.8:
        return f"{day:%B} {day.day}"
    return f"{day:%B} {day.day}, {day.year}"


def _pick_pair(rng: random.Random, leaders: list[Leader]) -> tuple[dt.date, Leader, Leader]:
    span = (LAST_DAY - FIRST_DAY).days
    while True:
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        holding = [x for x in leaders if x.start <= day < x.end]
        a, b = rng.sample(holding, 2)
        if a.iso3 != b.iso3 and a.name != b.name:  # one monarch may hold several crowns (Charles III)
            return day, a, b


def make_article(index: int, seed: int, leaders: list[Leader], countries: dict[str, Country]) -> Article:
    rng = random.Random(f"{seed}:{index}")
    day, a, b = _pick_pair(rng, leaders)
    published = day + dt.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    ca, cb = countries[a.iso3], countries[b.iso3]
    pool = [c for c in countries.values() if c.iso3 not in (a.iso3, b.iso3)]
    others = rng.sample(pool, 3)
    kind = rng.choice(tuple(KINDS))
    venue = cb.capital
    full_a, full_b = f"{ca.adjective} {a.title} {a.name}", f"{cb.adjective} {b.title} {b.name}"
    short_a, short_b = a.name.split()[-1], b.name.split()[-1]
    discussed = others[:rng.choice((1, 2, 3))]
    themes = [rng.choice(THEMES).format(c=c.name) for c in discussed] + [rng.choice(TOPICS)]
    topics = ", ".join(themes[:-1]) + f" and {themes[-1]}"
    lead = rng.choice(KINDS[kind]).format(a=full_a, b=full_b, when=_date_phrase(rng, day, published),
                                          topics=topics, venue=venue)
    minutes = rng.choice((30, 45, 60, 90, 120, 150))
    length = f"The {kind} lasted about {minutes} minutes, according to {short_a}'s office."
    first = [lead, length, f"The two leaders also exchanged views on {discussed[0].name}, officials said."]
    quotes = [q.format(a=short_a, b=short_b, c=discussed[0].name) for q in rng.sample(QUOTES, 2)]
    paragraphs = [" ".join(first), " ".join(quotes)]
    background = iter(rng.sample(BACKGROUND, len(BACKGROUND)))
    while sum(len(p.split()) for p in paragraphs) < WORDS:
        sentences = []
        for template in (next(background, None) or rng.choice(BACKGROUND) for _ in range(rng.choice((2, 3, 4)))):
            c, d = rng.sample(pool, 2)
            sentences.append(template.format(c=c.name, d=d.name, cap=rng.choice((ca, cb)).capital,
                                             year=rng.randrange(1995, 2008)))
        if rng.random() < 0.5:
            sentences.append(rng.choice(NOISE))
        paragraphs.append(" ".join(sentences))
    title = f"{short_a} and {short_b} hold {kind} on {discussed[0].name}"
    article_id = f"bench-{seed}-{index:06d}"
    return Article(article_id, title, f"https://example.org/bench/{article_id}", rng.choice(OUTLETS),
                   published.isoformat(), "\n\n".join(paragraphs))


def generate(n: int, seed: int = 1, start: int = 0) -> Iterator[Article]:
    """Articles ``start`` to ``start + n - 1`` of the seed's corpus."""
    leaders, countries = load_world()
    for index in range(start, start + n):
        yield make_article(index, seed, leaders, countries)


def write_corpus(n: int, out: Path, *, seed: int = 1, jsonl: bool = False, start: int = 0) -> Path:
    """Write ``n`` articles (from article ``start`` on) to ``out`` (a folder of .txt files, or one .jsonl
    file); returns ``out``."""
    if jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for article in generate(n, seed, start):
                handle.write(article.as_json() + "\n")
        return out
    out.mkdir(parents=True, exist_ok=True)
    for article in generate(n, seed, start):
        (out / f"{article.id}.txt").write_text(article.as_txt(), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles (100 to 100,000)")
    parser.add_argument("out", type=Path, help="output folder (or .jsonl file with --jsonl)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jsonl", action="store_true", help="write one .jsonl file instead of .txt files")
    args = parser.parse_args(argv)
    write_corpus(args.n, args.out, seed=args.seed, jsonl=args.jsonl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
