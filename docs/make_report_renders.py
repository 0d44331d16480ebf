"""Page renders of hiptrack's documents for docs/screenshots/, made the way a reader sees them:
the real PDF from the report code, turned into PNG pages by pdftoppm (poppler-utils).

    .venv/bin/python docs/make_report_renders.py

A demo-like patient with a signed visit report, a referrer and the clinic's contact details; the
first page of the home-exercise handout and the referral letter are kept.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from hiptrack import settings as S
    from hiptrack.reports.build import load_report_data
    from hiptrack.reports.render import ensure_gui_application, write_report
    from hiptrack.storage.clinicians import add_clinician
    from hiptrack.storage.database import Actor, Database
    from hiptrack.storage.migrate import prepare_database
    from hiptrack.storage.models import Visit
    from hiptrack.storage.settings_store import save_clinic_setting
    from hiptrack.storage.visit_reports import save_report, sign_report
    from tests.unit.reports import data as D

    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="hiptrack-renders-") as tmp:
        folder = Path(tmp)
        db = Database(f"sqlite:///{folder / 'clinic.sqlite3'}", actor=Actor(name="Jane Lee, PT", workstation="docs"))
        prepare_database(db)
        with db.session() as s:
            for setting, value in ((S.CLINIC_NAME, "Harbour Physiotherapy"), (S.CLINIC_PHONE, "01234 567890"),
                                   (S.CLINIC_EMAIL, "desk@harbour-physio.example"),
                                   (S.CLINIC_ADDRESS, "1 Quay Street, Portsmouth")):
                save_clinic_setting(s, setting, value)
            patient = D.standard_patient(s)
            visit = s.scalars(select(Visit).where(Visit.patient_id == patient)
                              .order_by(Visit.visit_date.desc())).first()
            assert visit is not None
            visit.clinician_id = add_clinician(s, "jlee", "Jane Lee, PT")
            visit_id = visit.id
        with db.session() as s:
            save_report(s, visit_id, "Left hip abductors 10 % weaker than the right, improved from 18 % last "
                        "month. Pain settling (NPRS 4, from 8).", "Continue the home programme; progress the "
                        "clamshell to the red band. Review in four weeks.",
                        referrer="Dr M. Keller\nHarbour Medical Practice\n2 High Street, Portsmouth")
            sign_report(s, visit_id)
        for kind, name in (("program", "handout_page1"), ("referral", "referral_letter")):
            with db.session() as s:
                data = load_report_data(s, patient)
            pdf = folder / f"{kind}.pdf"
            write_report(data, kind, pdf)
            subprocess.run(["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf),
                            str(folder / name)], check=True)
            shutil.copyfile(folder / f"{name}.png", OUT / f"{name}.png")
            print(f"wrote docs/screenshots/{name}.png")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
