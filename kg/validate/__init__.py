"""Checks a reader can trust: SHACL shapes, OWL reasoning and domain checks over a kg graph.

>>> from kg.store import open_store
>>> from kg.validate import ValidateOptions, validate
>>> report = validate(open_store("memory:"), ValidateOptions(checks=("shacl", "domain")))
>>> report.conforms, report.exit_code
(True, 0)
"""

from kg.validate.report import CheckResult, Finding, ValidationReport
from kg.validate.run import CHECKS, ValidateOptions, validate
from kg.validate.source import INFERRED_GRAPH, load_file

__all__ = ["CHECKS", "INFERRED_GRAPH", "CheckResult", "Finding", "ValidateOptions", "ValidationReport", "load_file",
           "validate"]
