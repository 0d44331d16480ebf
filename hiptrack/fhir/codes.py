"""Every code and unit the FHIR bundle uses, declared once (docs/fhir.md lists them).

No LOINC code exists for hand-held dynamometry of hip abduction or extension, so the observation
codes come from hiptrack's own CodeSystem, which every bundle carries in full. Body sites are
SNOMED CT, units UCUM, body weight and height LOINC.
"""

from __future__ import annotations

from hiptrack.domain.positions import POSITIONS, Muscle

# hiptrack has no web address of its own: `.invalid` (RFC 2606) says so, and the bundle carries the
# CodeSystem itself, so nothing needs to resolve.
BASE = "https://hiptrack.invalid/fhir"
CODE_SYSTEM = f"{BASE}/CodeSystem/hiptrack"
INVOLVED_SIDE_EXTENSION = f"{BASE}/StructureDefinition/involved-side"
UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
# Used when the clinic has not set its own system for chart numbers (Clinic settings).
DEFAULT_CHART_SYSTEM = f"{BASE}/chart-number"

# Observation codes: (code, display).
STRENGTH_CODE: dict[Muscle, tuple[str, str]] = {
    Muscle.GLUTEUS_MEDIUS: ("hip-abduction-strength", "Hip abduction isometric strength, hand-held dynamometer"),
    Muscle.GLUTEUS_MAXIMUS: ("hip-extension-strength", "Hip extension isometric strength, hand-held dynamometer"),
}
TRIAL_PEAK = ("trial-peak-force", "Peak force of one accepted trial")
LSI = ("limb-symmetry-index", "Limb symmetry index (involved / uninvolved × 100)")
PERCENT_DIFFERENCE = ("percent-difference", "Side-to-side difference ((stronger − weaker) / stronger × 100)")
# Component codes.
TORQUE = ("torque", "Torque (force × lever arm)")
FORCE_PER_MASS = ("force-per-body-mass", "Force normalised to body mass")
TORQUE_PER_MASS = ("torque-per-body-mass", "Torque normalised to body mass")
LEVER_ARM = ("lever-arm", "Lever arm: greater trochanter to the centre of the pad")
TIME_TO_PEAK = ("time-to-peak", "Time from onset to peak force")
RFD_100 = ("rfd-0-100", "Rate of force development, 0–100 ms")
RFD_200 = ("rfd-0-200", "Rate of force development, 0–200 ms")
TRIAL_NUMBER = ("trial-number", "Trial number within the test")
TEST_POSITION = ("test-position", "Test position")
FORCE_TRACE = ("force-trace", "Force–time trace of the trial (N, uniformly sampled)")
# Methods, and the interpretation of asymmetry and LSI.
METHODS = {"make": "Make test (patient pushes against a still dynamometer)",
           "break": "Break test (the tester overcomes the patient)"}
FLAGS = {"green": "Asymmetry below the clinic's amber threshold", "amber": "Asymmetry at the amber threshold or above",
         "red": "Asymmetry at the red threshold or above"}
LSI_RESULT = {"lsi-pass": "LSI at or above the clinic's pass threshold",
              "lsi-below": "LSI below the clinic's pass threshold"}

# SNOMED CT: hip region structure, refined by laterality (compositional grammar).
HIP_REGION = "29836001"
LATERALITY = "272741003"
SIDE_QUALIFIER = {"left": "7771000", "right": "24028007"}
# LOINC.
BODY_WEIGHT = ("29463-7", "Body weight")
BODY_HEIGHT = ("8302-2", "Body height")
# Outcome scores: (system, code, display). NPRS and ODI have LOINC codes; no LOINC code for the PSFS
# was found, so it is a local code. All are scores without a unit: UCUM annotation {score}.
PSFS_MEAN = ("psfs-mean", "Patient-Specific Functional Scale: mean of the activities' ratings (0–10)")
OUTCOME_CODE: dict[str, tuple[str, str, str]] = {
    "nprs": (LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "odi": (LOINC, "97909-6", "Oswestry disability index score ODI"),
    "psfs": (CODE_SYSTEM, *PSFS_MEAN),
}
SCORE_UNIT = "{score}"


def body_site_code(side: str) -> str:
    return f"{HIP_REGION}:{LATERALITY}={SIDE_QUALIFIER[side]}"


def side_of_body_site(code: str) -> str | None:
    return next((side for side in SIDE_QUALIFIER if body_site_code(side) == code), None)


def concepts() -> list[tuple[str, str]]:
    """All concepts of the local CodeSystem, in a fixed order."""
    fixed = [*STRENGTH_CODE.values(), TRIAL_PEAK, LSI, PERCENT_DIFFERENCE, TORQUE, FORCE_PER_MASS, TORQUE_PER_MASS,
             LEVER_ARM, TIME_TO_PEAK, RFD_100, RFD_200, TRIAL_NUMBER, TEST_POSITION, FORCE_TRACE, PSFS_MEAN]
    fixed += list(METHODS.items()) + [(f"asymmetry-{k}", v) for k, v in FLAGS.items()] + list(LSI_RESULT.items())
    fixed += [(code, f"{p.title}: {p.set_up}") for code, p in POSITIONS.items()]
    return fixed


def code_system_resource(version: str) -> dict[str, object]:
    return {
        "resourceType": "CodeSystem", "id": "hiptrack", "url": CODE_SYSTEM, "version": version, "name": "Hiptrack",
        "title": "hiptrack hand-held dynamometry codes", "status": "active", "content": "complete",
        "caseSensitive": True,
        "description": "Codes for hip strength measured with a hand-held dynamometer, for which LOINC has none.",
        "concept": [{"code": code, "display": display} for code, display in concepts()],
    }
