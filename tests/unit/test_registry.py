"""The step registry: defaults by versioned name, one role replaced by configuration, clear errors."""

from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.extract.article import Extractor
from kg.extract.registry import DEFAULT_STEPS, ROLES, build_steps, parse_steps, register, registered_steps, step_id
from kg.lexicon import load_lexicon
from kg.records import Polarity, Stance
from tests.unit.handmade import PHONE_CALL, annotated, article_for, gazetteer, rule_extractor


class _FixedStances:
    """A stand-in for a trained stance model: one neutral stance per article, from sentence 0."""

    name = "test.stances"
    version = 2

    def __init__(self, data) -> None:
        self.data = data

    def __call__(self, ctx) -> tuple[Stance, ...]:
        holder = ctx.encounters[0].participants[0]
        return (Stance(holder, Polarity.NEUTRAL, "q", ctx.evidence(0, step_id(self)), None, "the call"),)


register("test.stances.v2")(_FixedStances)


def test_every_role_has_a_registered_default():
    assert set(DEFAULT_STEPS) == set(ROLES) and set(DEFAULT_STEPS.values()) <= set(registered_steps())
    assert step_id(rule_extractor().steps.encounters) == "kg.encounters.v1"


def test_a_step_replaced_by_configuration_writes_its_own_name_into_the_evidence():
    extractor = Extractor(gazetteer(), load_lexicon("en"), parse_steps("stances = test.stances.v2"))
    doc = annotated(PHONE_CALL)
    extraction = extractor(doc, article_for(doc))
    [stance] = extraction.stances
    assert stance.evidence.extractor == "test.stances.v2"
    assert {e.extractor for e in extraction.encounters[0].evidence} == {"kg.encounters.v1"}  # the rest: rules


@pytest.mark.parametrize(("setting", "message"), [
    ("stances=acme.stances.v9", "no extraction step is registered as 'acme.stances.v9'"),
    ("feelings=kg.stances.v1", "unknown extraction role"),
    ("stances", "not role=name"),
])
def test_a_wrong_steps_setting_is_a_clear_error(setting: str, message: str):
    with pytest.raises(ConfigError, match=message):
        build_steps(rule_extractor().data, parse_steps(setting))


def test_a_step_must_call_itself_what_it_is_registered_as():
    register("test.misnamed.v1")(_FixedStances)
    with pytest.raises(ConfigError, match="calls itself 'test.stances.v2'"):
        build_steps(rule_extractor().data, {"stances": "test.misnamed.v1"})
