"""A completed screening that arrives in a case package counts in the statistics
as one completed here: its statistics row is written as it is imported, and the
counts are the row-by-row counts."""

from __future__ import annotations

import datetime as dt

from idcheck.report.stats import collect
from idcheck.report.stats_rows import collect_rows
from idcheck.sharing import export_cases, import_package, resolve_recipient


def test_imported_completed_screenings_have_their_statistics_row(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    export_cases(nord, [cid], [resolve_recipient(nord, "Mottak Sør")], pair.tmp / "p.idcheck")
    nord.lock()
    sor = pair.sor()
    try:
        import_package(sor, pair.tmp / "p.idcheck")
        with sor.engine.connect() as conn:
            completed = conn.exec_driver_sql(
                "SELECT count(*) FROM screenings WHERE status = 'completed'"
            ).scalar_one()
            kept = conn.exec_driver_sql("SELECT count(*) FROM screening_stats").scalar_one()
        assert completed >= 1 and kept == completed
        today = dt.date.today()
        span = (today - dt.timedelta(days=400), today + dt.timedelta(days=1))
        new, old = collect(sor, *span), collect_rows(sor, *span)
        assert new.counts == old.counts and new.suppressed == old.suppressed
        assert new.counts[("total", "total", "all")] >= 1
    finally:
        sor.lock()
