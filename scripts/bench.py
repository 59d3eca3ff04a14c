# The benchmark of issue 13, run by `make bench` inside `odoo-bin shell` on a
# database of its own (scripts/bench.sh makes and drops it): a synthetic
# agency of N corps B servants, the launch of a Typical 2023 (quarter) and a
# Typical 2018 campaign through the job runner's own method, N quarter
# differentiation sheets scored and completed through the ORM in batches, and
# the band distribution by unit with read_group. One table at the end: wall
# time, SQL queries, queries per employee, peak memory of the process, and the
# plain-SQL floor (the same rows copied with INSERT … SELECT) as a ratio.
# ruff: noqa: F821, T201  (``env`` is the shell's; the table is printed)
import datetime
import os
import resource
import time

from odoo.tools import SQL

N = int(os.environ.get("N", "10000"))
UNIT = 20  # servants per unit, the head included
BATCH = int(os.environ.get("BENCH_BATCH", "200"))
COMMIT = os.environ.get("BENCH_COMMIT", "1") != "0"
# How many quarter sheets the filling step completes (all by default).
FILL = int(os.environ.get("FILL", str(N)))
cr = env.cr
rows = []


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Step:
    def __init__(self, name, employees):
        self.name, self.employees, self.floor = name, employees, None

    def __enter__(self):
        env.flush_all()
        self.queries, self.start = cr.sql_log_count, time.perf_counter()
        return self

    def __exit__(self, *exc):
        env.flush_all()
        self.wall = time.perf_counter() - self.start
        self.queries = cr.sql_log_count - self.queries
        self.peak = peak_mb()
        rows.append(self)
        if COMMIT:
            cr.commit()


def sql_floor(tables):
    """Seconds to INSERT the same rows with plain SQL: ``tables`` is
    ``[(table, where SQL)]``; the rows are copied into unlogged-like temporary
    tables of the same columns (no index, no constraint: a floor)."""
    total, count = 0.0, 0
    for table, where in tables:
        temp = f"bench_floor_{table}"
        cr.execute(SQL("CREATE TEMP TABLE IF NOT EXISTS %s (LIKE %s INCLUDING DEFAULTS)",
                       SQL.identifier(temp), SQL.identifier(table)))
        start = time.perf_counter()
        cr.execute(SQL("INSERT INTO %s SELECT * FROM %s WHERE %s", SQL.identifier(temp), SQL.identifier(table),
                       where))
        total += time.perf_counter() - start
        count += cr.rowcount
        cr.execute(SQL("DROP TABLE %s", SQL.identifier(temp)))
    return total, count


def build_agency():
    company = env.ref("base.main_company")
    category = {code: env.ref(f"hr_bagalau.position_category_{code}").id for code in ("e_2", "e_3", "e_4")}
    Employee = env["hr.employee"].with_context(tracking_disable=True, mail_create_nolog=True)
    units = max(N // UNIT, 1)
    users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True).create([{
        "name": f"Head {unit:05d}", "login": f"bench_head_{unit:05d}",
        "groups_id": [(6, 0, [env.ref("hr_bagalau.group_bagalau_evaluator").id])],
    } for unit in range(units)])
    heads = Employee.create([{
        "name": f"Head {unit:05d}", "company_id": company.id, "user_id": users[unit].id,
        "bagalau_category_id": category["e_3"], "bagalau_is_unit_head": True,
        "bagalau_position_date": datetime.date(2015, 3, 2),
    } for unit in range(units)])
    departments = env["hr.department"].create([{
        "name": f"Unit {unit:05d}", "company_id": company.id, "manager_id": heads[unit].id,
    } for unit in range(units)])
    for head, department in zip(heads, departments, strict=True):
        head.department_id = department
    for start in range(0, N - units, 1000):
        Employee.create([{
            "name": f"Servant {index:06d}", "company_id": company.id,
            "department_id": departments[index % units].id, "parent_id": heads[index % units].id,
            "bagalau_category_id": category["e_4"],
            # A few newcomers, on probation or absent, as in a real agency.
            "bagalau_position_date": datetime.date(2025, 11, 10) if index % 50 == 7 else datetime.date(2016, 5, 3),
        } for index in range(start, min(start + 1000, N - units))])
    return company


def launch(company, preset, name, quarter=False):
    methodology = env.ref(preset)
    campaign = env["hr.bagalau.campaign"].create({
        "methodology_id": methodology.id, "year": 2025, "quarter": quarter, "company_id": company.id,
    })
    campaign.sudo().state = "launching"
    cr.commit()
    with Step(f"launch {name}", N) as step:
        while campaign._launch_batch(BATCH):
            if COMMIT:
                cr.commit()  # as the job runner does after each call
    tables = [(model_table, SQL("campaign_id = %s", campaign.id)) for model_table in (
        "hr_bagalau_differentiation_sheet", "hr_bagalau_kpi_sheet", "hr_bagalau_competency_sheet",
        "hr_bagalau_campaign_exclusion")]
    tables += [
        ("hr_bagalau_kpi_plan", SQL("campaign_id = %s", campaign.id)),
        ("hr_bagalau_competency_sheet_line",
         SQL("sheet_id IN (SELECT id FROM hr_bagalau_competency_sheet WHERE campaign_id = %s)", campaign.id)),
        ("hr_bagalau_competency_sheet_indicator",
         SQL("sheet_id IN (SELECT id FROM hr_bagalau_competency_sheet WHERE campaign_id = %s)", campaign.id)),
        ("mail_activity", SQL("create_date >= (SELECT create_date FROM hr_bagalau_campaign WHERE id = %s)",
                              campaign.id)),
    ]
    step.floor = sql_floor(tables)
    return campaign


def fill(campaign):
    sheets = env["hr.bagalau.differentiation.sheet"].search([("campaign_id", "=", campaign.id)], order="id", limit=FILL)
    with Step(f"fill {len(sheets)} quarter sheets", len(sheets)):
        for start in range(0, len(sheets), 500):
            batch = sheets[start:start + 500]
            for pattern in range(4):
                part = batch[pattern::4]
                part.write({
                    **{f"{parameter}_score": 2 + pattern for parameter in ("quality", "deadlines", "initiative",
                                                                            "discipline")},
                    **{f"{parameter}_justification": "Bench" for parameter in ("quality", "deadlines", "initiative",
                                                                            "discipline")},
                })
            batch.action_done()
            if COMMIT:
                cr.commit()
    return sheets


def analyse():
    Result = env["hr.bagalau.result"]
    with Step("analysis read_group", Result.search_count([])) as step:
        groups = Result.read_group([], ["department_id"], ["department_id", "result_key"], lazy=False)
    step.name += f" ({len(groups)} groups)"
    with Step("results list (80 rows)", Result.search_count([])):
        Result.web_search_read([], {"employee_id": {}, "department_id": {}, "result_key": {}}, limit=80)


def main():
    with Step("build agency", N):
        company = build_agency()
    launch(company, "hr_bagalau.methodology_typical_2023", "Typical 2023 Q4", quarter="4")
    campaign_2018 = launch(company, "hr_bagalau.methodology_typical_2018", "Typical 2018")
    del campaign_2018
    quarter_campaign = env["hr.bagalau.campaign"].search([("quarter", "=", "4")], limit=1)
    fill(quarter_campaign)
    analyse()
    print()
    print(f"Bagalau bench: N={N}, batch={BATCH}, {os.cpu_count()} CPU; q/empl: queries per employee of the step")
    header = f"| {'step':<34} | {'wall s':>8} | {'queries':>8} | {'q/empl':>7} | {'peak MB':>7} | {'SQL floor':>22} |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for step in rows:
        floor = "–"
        if step.floor:
            seconds, count = step.floor
            floor = f"{count} rows {seconds:.2f}s ×{step.wall / seconds:.0f}" if seconds else "–"
        print(f"| {step.name:<34} | {step.wall:>8.2f} | {step.queries:>8} | "
              f"{step.queries / max(step.employees, 1):>7.2f} | {step.peak:>7.0f} | {floor:>22} |")


main()
