"""Extraction steps behind one small interface, registered by versioned name ("kg.triggers.v1").

An article is extracted by one step per *role* (marks, triggers, encounters, ...), run in the order of
:data:`ROLES`; each step reads the :class:`~kg.extract.context.ArticleContext` (the Doc, the pipeline's
rule data, the outputs of the earlier roles) and returns its records. The ``steps`` setting picks another
registered step for a role (``"stances=acme.stances.v2"``), so a trained model can replace one step while
the rules do the rest. Steps register with :func:`register`, or from another package through the
``kg.steps`` entry-point group (name = the registered name, object = the factory). The registered name of
the step that produced a fact is recorded in its evidence (``kg:extractorVersion``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from kg.errors import ConfigError

if TYPE_CHECKING:
    from kg.extract.cast import Cast
    from kg.extract.context import ArticleContext, RuleData
    from kg.extract.mentions import Mark
    from kg.extract.sightings import Cluster
    from kg.extract.treaties import TreatyName
    from kg.extract.triggers import Trigger
    from kg.records import ActorMention, Discussion, Stance

R_co = TypeVar("R_co", covariant=True)
ENTRY_POINT_GROUP = "kg.steps"
_NAME = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*\.v[0-9]+$")


class Step(Protocol[R_co]):
    """One extraction step: ``name`` and ``version`` make its registered name ``f"{name}.v{version}"``."""

    name: str
    version: int

    def __call__(self, ctx: ArticleContext) -> R_co: ...


StepFactory = Callable[["RuleData"], Step[Any]]

_FACTORIES: dict[str, StepFactory] = {}


def step_id(step: Step[Any]) -> str:
    """The registered, versioned name of a step ("kg.encounters.v1")."""
    return f"{step.name}.v{step.version}"


def register(name: str) -> Callable[[StepFactory], StepFactory]:
    """Register a step factory (called once per pipeline with the :class:`RuleData`) under ``name``."""
    if not _NAME.match(name):
        raise ValueError(f"step name {name!r} is not of the form 'package.step.vN'")

    def add(factory: StepFactory) -> StepFactory:
        if name in _FACTORIES and _FACTORIES[name] is not factory:
            raise ValueError(f"step {name!r} is registered twice")
        _FACTORIES[name] = factory
        return factory

    return add


def registered_steps() -> tuple[str, ...]:
    _load_defaults()
    return tuple(sorted(_FACTORIES))


def make_step(name: str, data: RuleData) -> Step[Any]:
    """Build the step registered as ``name`` (looking in the ``kg.steps`` entry points when unknown)."""
    _load_defaults()
    factory = _FACTORIES.get(name) or _from_entry_points(name)
    if factory is None:
        raise ConfigError(
            f"no extraction step is registered as {name!r}",
            fix=f"registered: {', '.join(registered_steps())}; a package adds one under the "
                f"'{ENTRY_POINT_GROUP}' entry-point group",
        )
    step = factory(data)
    if step_id(step) != name:
        raise ConfigError(f"the step registered as {name!r} calls itself {step_id(step)!r}",
                          fix="make its name and version match the name it is registered under")
    return step


def _from_entry_points(name: str) -> StepFactory | None:
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name == name:
            factory = point.load()
            register(name)(factory)
            return factory
    return None


def _load_defaults() -> None:
    from kg.extract.rule_steps import RULE_STEPS

    for step in RULE_STEPS:
        register(f"{step.name}.v{step.version}")(step)


@dataclass(frozen=True)
class Steps:
    """The step of each role, in the order they run."""

    marks: Step[tuple[Mark, ...]]
    cast: Step[Cast]
    triggers: Step[tuple[tuple[Trigger, ...], ...]]
    encounters: Step[tuple[Cluster, ...]]
    links: Step[dict[int, list[int]]]
    treaties: Step[tuple[TreatyName, ...]]
    discussions: Step[dict[int, tuple[Discussion, ...]]]
    mentions: Step[tuple[ActorMention, ...]]
    stances: Step[tuple[Stance, ...]]


ROLES = tuple(f.name for f in fields(Steps))
DEFAULT_STEPS: dict[str, str] = {role: f"kg.{role}.v1" for role in ROLES}


def parse_steps(text: str) -> dict[str, str]:
    """The ``steps`` setting: comma-separated ``role=name`` pairs (empty: the defaults)."""
    chosen: dict[str, str] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        role, sep, name = (s.strip() for s in item.partition("="))
        if not sep or not name:
            raise ConfigError(f"the steps setting has {item!r}, not role=name",
                              fix='write it as "role=name,...", e.g. "stances=kg.stances.v1"')
        chosen[role] = name
    return chosen


def build_steps(data: RuleData, chosen: Mapping[str, str] | None = None) -> Steps:
    """One step per role: the defaults, with the roles of ``chosen`` replaced."""
    chosen = dict(chosen or {})
    unknown = sorted(set(chosen) - set(ROLES))
    if unknown:
        raise ConfigError(f"unknown extraction role(s) in the steps setting: {', '.join(unknown)}",
                          fix=f"roles are {', '.join(ROLES)}")
    names = {**DEFAULT_STEPS, **chosen}
    return Steps(**{role: make_step(names[role], data) for role in ROLES})
