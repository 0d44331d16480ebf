"""The one exception type of the domain layer.

Every message names the problem in words a clinician understands, so the GUI and the command
line can show it as it stands (docs/ARCHITECTURE.md, "Conventions").
"""

from __future__ import annotations


class DomainError(ValueError):
    """Input that a calculation cannot accept, e.g. a negative force or a missing body mass.

    A subclass of ValueError so that generic callers (argparse, CSV import) that already handle
    ValueError keep working.
    """


class NothingImported(Exception):
    """A file or bundle refused whole: nothing was imported. `problems` holds one line per problem.

    The one shape of every all-or-nothing import's refusal (results CSV, FHIR bundle), so the command
    line and the GUI list the problems the same way whichever import refused.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems) + " (nothing was imported)")
