"""Pure clinical calculations: units, trial statistics, force–time metrics, normalisation,
asymmetry, measurement error, norms, outcome scores, positions and batteries, and the summary.

No Qt, no SQLAlchemy, no serial (tests/unit/domain/test_purity.py). Errors a user can cause are
raised as hiptrack.domain.errors.DomainError. Formulas and worked examples: clinical.md.
"""
