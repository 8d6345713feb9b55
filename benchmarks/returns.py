"""Statistical returns at province scale (issue 19, Scale): a province of 150 districts
consolidates a 30-row table (target: under a second), and filling a district's return
computes each cell from the records once. Not a test: it prints figures side by side, beside
the indicator benchmark (benchmarks/indicators.py, whose synthetic province it loads).

    .venv/bin/python benchmarks/returns.py --postgres postgres://…/db [--count 100000]

For each database (a throw-away SQLite file, and PostgreSQL when given) a worker loads the
synthetic province (`generate_scale_data --scale 0`: N reconsideration cases, N/7 lawsuits
and no other line's records, 16 cities, 150 districts), installs a 30-row table of the year (26 rows counted by the reconsideration
and litigation indicators, a typed row, two sums, a rate; a balance and a logic check) and
measures, in process, through the services (the workflow, the checks and the audit included):
  (a) filling one district's return (创建 = 取数): milliseconds, engine computations, the
      indicators they were asked for and SQL statements — one computation for the whole
      table, each counted indicator once;
  (b) every district's return filled, reviewed, submitted and accepted (not timed: set-up),
      then the consolidation: each city sums its districts (建立 + 填报完成, which checks and
      locks the districts' returns), the cities' returns are submitted and accepted (not
      timed), and the province sums its cities. The consolidation time is the cities' and
      the province's 建立 + 填报完成 together; the statements of one city's and of the
      province's are printed beside the number of children they sum.
"""

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's fazhi, not an installed one
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402 (benchmarks/common.py, beside this script)

YEAR = 2025
CODE = "BENCH表"
COUNTED = (
    "reconsideration.received",
    "reconsideration.accepted",
    "reconsideration.not_accepted",
    "reconsideration.not_supplemented",
    "reconsideration.closed",
    "reconsideration.upheld",
    "reconsideration.dismissed",
    "reconsideration.revoked",
    "reconsideration.altered",
    "reconsideration.confirmed_illegal",
    "reconsideration.ordered_performance",
    "reconsideration.confirmed_invalid",
    "reconsideration.mediated",
    "reconsideration.terminated",
    "reconsideration.corrected",
    "reconsideration.comprehensive_corrected",
    "reconsideration.closed_by_merits_decision",
    "reconsideration.closed_on_time",
    "reconsideration.opinion_letters",
    "reconsideration.performance_due",
    "reconsideration.performed",
    "litigation.cases",
    "litigation.concluded",
    "litigation.lost",
    "litigation.heard_cases",
    "litigation.head_appearances",
)
DECISIONS = ("07-1", "08-1", "09-1", "10-1", "11-1", "12-1", "13-1")  # upheld … invalid


def definition() -> dict:
    rows = [
        {"code": f"{n:02d}", "label": indicator_id, "cells": {"1": {"indicator": indicator_id}}}
        for n, indicator_id in enumerate(COUNTED, start=2)
    ]
    rows.insert(0, {"code": "01", "label": "上期结转", "cells": {"1": {"manual": True}}})
    rows += [
        {"code": "28", "label": "决定合计", "cells": {"1": {"sum": list(DECISIONS)}}},
        {"code": "29", "label": "复议与应诉合计", "cells": {"1": {"sum": ["02-1", "23-1"]}}},
        {
            "code": "30",
            "label": "按期结案率",
            "unit": "%",
            "cells": {"1": {"rate": ["19-1", "06-1"]}},
        },
    ]
    return {
        "code": CODE,
        "version": 1,
        "name": "基准测试表（30行）",
        "work_line": "statistics",
        "issuer": "基准测试",
        "period_type": "year",
        "due_day": 20,
        "scope_text": "全省各区县",
        "valid_from": YEAR,
        "layout": {"columns": [{"code": "1", "label": "本期数"}], "rows": rows},
        "checks": [
            {"kind": "balance", "total": "28-1", "parts": list(DECISIONS)},
            {"kind": "le", "left": ["19-1"], "right": ["06-1"]},
        ],
    }


class Counted:
    """Engine computations and the indicators asked for, while active."""

    def __init__(self):
        from fazhi.indicators import engine

        self.engine, self.calls, self.ids = engine, 0, []
        self.compute, self.breakdown = engine.compute, engine.breakdown

    def __enter__(self):
        def compute(ids, **kwargs):
            self.calls += 1
            self.ids += list(ids)
            return self.compute(ids, **kwargs)

        def breakdown(ids, **kwargs):
            self.calls += 1
            return self.breakdown(ids, **kwargs)

        self.engine.compute, self.engine.breakdown = compute, breakdown
        return self

    def __exit__(self, *exc):
        self.engine.compute, self.engine.breakdown = self.compute, self.breakdown


def timed(func):
    """(result, milliseconds, SQL statements) of `func()`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        result = func()
        elapsed = (time.perf_counter() - started) * 1000
    return result, elapsed, len(captured.captured_queries)


def worker(count: int) -> dict:
    loaded, user, province, _ = common.load_province(
        YEAR, scale=0.0, count=[f"reconsideration={count}", f"litigation={count // 7}"]
    )
    from fazhi.core.models import Unit
    from fazhi.statistics import services
    from fazhi.statistics.models import StatReturn

    services.install_template(actor=user, definition=definition())
    bureaus = list(
        Unit.objects.filter(
            path__startswith=province.path,
            kind=Unit.Kind.JUSTICE_BUREAU,
            parent__kind=Unit.Kind.DISTRICT,
        ).select_related("parent")
    )
    figures = {"load_s": loaded, "districts": len(bureaus)}
    submitted = datetime.date(YEAR + 1, 1, 10)

    def open_return(unit):
        return services.create_return(
            actor=user, unit=unit, template_code=CODE, period_key=str(YEAR)
        )

    def through(statreturn):
        if not statreturn.consolidated:
            services.set_manual_value(
                actor=user, statreturn=statreturn, cell="01-1", value="3", explanation="上年"
            )
            services.complete_filling(actor=user, statreturn=statreturn)
        services.approve_return(actor=user, statreturn=statreturn)
        services.submit_return(actor=user, statreturn=statreturn, submitted_on=submitted)
        services.accept_return(actor=user, statreturn=statreturn)

    # (a) one district's return, filled from the records.
    with Counted() as counted:
        first, figures["fill_ms"], figures["fill_queries"] = timed(lambda: open_return(bureaus[0]))
    figures["fill_computations"] = counted.calls
    figures["fill_indicators_asked"] = len(counted.ids)
    figures["fill_indicators_distinct"] = len(set(counted.ids))
    figures["table_rows"] = len(first.template.layout["rows"])
    assert counted.calls == 1 and sorted(counted.ids) == sorted(COUNTED), counted.ids
    through(first)
    started = time.perf_counter()
    for bureau in bureaus[1:]:
        through(open_return(bureau))
    figures["set_up_districts_s"] = time.perf_counter() - started

    # (b) the consolidation: the cities sum their districts, the province its cities.
    cities = list(Unit.objects.filter(parent=province, kind=Unit.Kind.CITY).order_by("path"))
    # The synthetic province has a 司法局 in each district only: the cities' and the
    # province's, who consolidate, are added (benchmark units, as the loader's, unaudited).
    bureau = Unit.Kind.JUSTICE_BUREAU
    Unit.objects.unaudited_bulk_create(
        [
            Unit(
                name=f"{area.name}司法局",
                kind=bureau,
                parent=area,
                path=f"{area.path}{Unit.new_path_segment()}/",
            )
            for area in [*cities, province]
        ]
    )
    city_bureaus = [Unit.objects.get(parent=city, kind=bureau) for city in cities]
    consolidation_ms = 0.0
    per_city = []
    for bureau in city_bureaus:
        statreturn, opened_ms, opened_q = timed(lambda bureau=bureau: open_return(bureau))
        _, filled_ms, filled_q = timed(
            lambda statreturn=statreturn: services.complete_filling(
                actor=user, statreturn=statreturn
            )
        )
        consolidation_ms += opened_ms + filled_ms
        per_city.append((len(statreturn.parts), opened_q + filled_q))
        through(statreturn)
    top = Unit.objects.get(parent=province, kind=Unit.Kind.JUSTICE_BUREAU)
    statreturn, opened_ms, opened_q = timed(lambda: open_return(top))
    _, filled_ms, filled_q = timed(
        lambda: services.complete_filling(actor=user, statreturn=statreturn)
    )
    consolidation_ms += opened_ms + filled_ms
    figures["consolidation_ms"] = consolidation_ms
    figures["province_ms"] = opened_ms + filled_ms
    figures["province_children"] = len(statreturn.parts)
    figures["province_queries"] = opened_q + filled_q
    biggest = max(per_city)
    figures["city_children"], figures["city_queries"] = biggest
    smallest = min(per_city)
    figures["small_city_children"], figures["small_city_queries"] = smallest
    # The province's figures are the districts' sum (every record of the province counted).
    districts_sum = sum(
        r.values["02-1"]
        for r in StatReturn.objects.filter(template__code=CODE, area__kind=Unit.Kind.DISTRICT)
    )
    assert statreturn.values["02-1"] == districts_sum, (statreturn.values["02-1"], districts_sum)
    figures["province_received"] = districts_sum
    return figures


ROWS = [
    ("load_s", "loading the data set (s)", None),
    ("districts", "districts (returns submitted)", None),
    ("table_rows", "rows of the table", "30"),
    ("fill_ms", "(a) filling one district's return (ms)", None),
    ("fill_computations", "(a) engine computations", "1"),
    ("fill_indicators_asked", "(a) indicators asked (26 counted cells)", "each once"),
    ("fill_indicators_distinct", "(a) distinct indicators", None),
    ("fill_queries", "(a) SQL statements", None),
    ("set_up_districts_s", "set-up: the other districts filled … accepted (s)", None),
    ("consolidation_ms", "(b) consolidation, cities + province (ms)", "< 1000"),
    ("province_ms", "(b) the province's own (ms)", None),
    ("province_children", "(b) the province's children", None),
    ("province_queries", "(b) the province's SQL statements", None),
    ("city_children", "(b) largest city's children", None),
    ("city_queries", "(b) largest city's SQL statements", None),
    ("small_city_children", "(b) smallest city's children", None),
    ("small_city_queries", "(b) smallest city's SQL statements", None),
]


def main() -> None:
    common.count_main(
        __doc__,
        __file__,
        worker,
        lambda results: common.side_by_side(results, ROWS, 52),
        default=100_000,
        title=lambda count: f"{count} reconsideration cases, {count // 7} lawsuits, year {YEAR}",
    )


if __name__ == "__main__":
    main()
