"""The literature that hiptrack's outputs cite: a short citation in the text, the full one in a
reference list at the end of a document. No output prints an internal identifier (a norm id, a
position code, a section of our notes) where a reader needs a source (issue 14).

Reference-table rows (norms, MDC defaults) carry their full source text; `short_citation` turns
it into "Ramskov 2014". Fixed statements that every document makes cite the entries below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    short: str
    full: str


SAPEGA_1990 = Reference(
    "Sapega 1990",
    "Sapega AA. Muscle performance evaluation in orthopaedic practice. J Bone Joint Surg Am 1990;72(10):1562-74.",
)
BOHANNON_1999 = Reference(
    "Bohannon & Andrews 1999",
    "Bohannon RW, Andrews AW. Percept Mot Skills 1999;89:878-80 (side-to-side differences in hand-held "
    "dynamometry of healthy adults aged 50-79). doi:10.2466/pms.1999.89.3.878",
)
OSTELO_2008 = Reference(
    "Ostelo 2008",
    "Ostelo RW, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back "
    "pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90-4.",
)
MAFFIULETTI_2016 = Reference(
    "Maffiuletti 2016",
    "Maffiuletti NA, Aagaard P, Blazevich AJ, et al. Rate of force development: physiological and methodological "
    "considerations. Eur J Appl Physiol 2016;116(6):1091-116. doi:10.1007/s00421-016-3346-6",
)


def short_citation(source: str | None) -> str:
    """"Harbo T, Brincks J, Andersen H. … 2012;112:267" → "Harbo 2012"; "" when there is no source."""
    if not source:
        return ""
    author = source.strip().split(",")[0].split(" ")[0]
    year = re.search(r"\b(19|20)\d\d\b", source)
    return f"{author} {year.group(0)}" if year else author
