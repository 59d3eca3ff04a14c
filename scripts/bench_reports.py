# The second part of the benchmark of issue 13, run by `make bench` inside
# `odoo-bin shell` after scripts/bench.py, on the same database (the agency
# bench.py built): the exports of hr_bagalau_reports, the analysis over a
# large table of results, and the 360 results of hr_bagalau_360. It prints its
# rows in the table format of bench.py. The data is synthetic and made in bulk
# (the rows the system itself would make, inserted with SQL or batched
# superuser creates); what is timed goes through the real code paths.
#
# Sizes (the targets of the issue, whatever N is): PROTOCOL_ROWS decisions in
# one commission protocol, SUMMARY_ROWS people in a campaign summary,
# RESULTS annual results, PEOPLE_360 people with RESPONDENTS_360 respondents
# (PUBLISH_360 of them published again through HR's button).
# ruff: noqa: F821, T201  (``env`` is the shell's; the table is printed)
import datetime
import os
import resource
import time

from lxml import etree

from odoo.addons.web.controllers.export import ExcelExport
from odoo.http import _request_stack
from odoo.tools import SQL

N = int(os.environ.get("N", "10000"))
COMMIT = os.environ.get("BENCH_COMMIT", "1") != "0"
PROTOCOL_ROWS = int(os.environ.get("PROTOCOL_ROWS", "5000"))
SUMMARY_ROWS = int(os.environ.get("SUMMARY_ROWS", "10000"))
RESULTS = int(os.environ.get("RESULTS", "100000"))
PEOPLE_360 = int(os.environ.get("PEOPLE_360", "1000"))
RESPONDENTS_360 = int(os.environ.get("RESPONDENTS_360", "7"))
# How many of them HR's whole publication (with its to-dos) is timed on.
PUBLISH_360 = int(os.environ.get("PUBLISH_360", "100"))
SUMMARY_YEAR = 2024
cr = env.cr
rows = []


def _status_mb(key):
    """``VmHWM`` (peak) or ``VmRSS`` of this process in MB, None off Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak():
    """Linux resets the peak resident size to the current one on ``5`` in
    clear_refs: the peak of a step is then its own, not the run's."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


class Step:
    """A timed step: wall, SQL queries, peak memory of the process during
    the step (its own peak where Linux lets us reset it), and a note
    (a ratio, a target) printed in the last column."""

    def __init__(self, name, employees):
        self.name, self.employees, self.note = name, employees, ""

    def __enter__(self):
        env.flush_all()
        self.own_peak = _reset_peak()
        self.queries, self.start = cr.sql_log_count, time.perf_counter()
        return self

    def __exit__(self, *exc):
        env.flush_all()
        self.wall = time.perf_counter() - self.start
        self.queries = cr.sql_log_count - self.queries
        hwm = _status_mb("VmHWM") if self.own_peak else None
        self.peak = hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if exc[0] is None:
            rows.append(self)
            if COMMIT:
                cr.commit()


def top_up_employees(count):
    """At least ``count`` employees in the main company (bench.py made N):
    more servants spread over the existing units, copied in bulk (SQL) from
    the columns of one servant bench.py made, each with its own resource."""
    company = env.ref("base.main_company")
    Employee = env["hr.employee"]
    missing = count - Employee.search_count([("company_id", "=", company.id)])
    if missing > 0:
        env.flush_all()
        cr.execute(SQL("SELECT id, resource_id FROM hr_employee WHERE company_id = %s AND user_id IS NULL "
                       "AND parent_id IS NOT NULL ORDER BY id LIMIT 1", company.id))
        template, resource = cr.fetchone()
        cr.execute(SQL("SELECT id, manager_id FROM hr_department WHERE company_id = %s AND manager_id IS NOT NULL "
                       "ORDER BY id", company.id))
        departments = cr.fetchall()
        resource_columns = [column for column in _columns("resource_resource") if column != "id"]
        employee_columns = [column for column in _columns("hr_employee") if column != "id"]
        employee_overrides = {
            "resource_id": SQL("r.id"), "name": SQL("r.name"), "work_contact_id": SQL("NULL"),
            "barcode": SQL("NULL"), "pin": SQL("NULL"), "user_id": SQL("NULL"),
            "department_id": SQL("(%s::int[])[1 + mod(r.number, %s)]", [dep for dep, _head in departments],
                                 len(departments)),
            "parent_id": SQL("(%s::int[])[1 + mod(r.number, %s)]", [head for _dep, head in departments],
                             len(departments)),
        }
        cr.execute(SQL(
            "WITH r AS (INSERT INTO resource_resource (%(columns)s) SELECT %(values)s FROM resource_resource t, "
            "generate_series(1, %(missing)s) g WHERE t.id = %(resource)s RETURNING id, name, "
            "substring(name FROM '[0-9]+$')::int AS number) "
            "INSERT INTO hr_employee (%(employee_columns)s) SELECT %(employee_values)s FROM hr_employee t, r "
            "WHERE t.id = %(template)s",
            columns=SQL(", ").join(SQL.identifier(column) for column in resource_columns),
            values=SQL(", ").join(SQL("'Servant extra ' || lpad(g::text, 6, '0')") if column == "name"
                                  else SQL("t.%s", SQL.identifier(column)) for column in resource_columns),
            missing=missing, resource=resource,
            employee_columns=SQL(", ").join(SQL.identifier(column) for column in employee_columns),
            employee_values=SQL(", ").join(employee_overrides.get(column, SQL("t.%s", SQL.identifier(column)))
                                           for column in employee_columns),
            template=template))
        env.invalidate_all()
        if COMMIT:
            cr.commit()
    return Employee.search([("company_id", "=", company.id)], order="id")


def campaign(preset, year, quarter=False):
    """A campaign of the main company, made by HR's form (draft)."""
    return env["hr.bagalau.campaign"].create({
        "methodology_id": env.ref(preset).id, "year": year, "quarter": quarter,
        "company_id": env.ref("base.main_company").id,
    })


# --- exports -------------------------------------------------------------------


def build_protocol(employees):
    """A commission of the 2018 methodology and one session with
    PROTOCOL_ROWS decided rows (one per person, every tenth revised with
    recommendations), its signatures; the rows inserted in bulk."""
    company = env.ref("base.main_company")
    the_campaign = campaign("hr_bagalau.methodology_typical_2018", 2023)
    members = employees[:8]
    commission = env["hr.bagalau.commission"].create({
        "name": "Bench commission", "company_id": company.id, "methodology_id": the_campaign.methodology_id.id,
        "authorised_id": members[0].id,
    })
    order = env["hr.bagalau.commission.order"].create({
        "commission_id": commission.id, "date": datetime.date(2023, 1, 9), "number": "B-1",
        "chair_id": members[1].id, "member_ids": [(6, 0, members[2:7].ids)], "secretary_id": members[7].id,
    })
    session = env["hr.bagalau.commission.session"].create({
        "commission_id": commission.id, "campaign_id": the_campaign.id, "date": datetime.date(2024, 1, 25),
        "notice_date": datetime.date(2024, 1, 10), "order_id": order.id, "protocol_number": "1",
        "conclusion": "The results are approved; the corrections as voted.",
    })
    env["hr.bagalau.commission.signature"].create([
        {"session_id": session.id, "employee_id": member.id, "role": role,
         "paper_signed_on": datetime.date(2024, 1, 25)}
        for member, role in [(members[7], "secretary"), (members[1], "chair")]
        + [(member, "member") for member in members[2:7]]])
    env.flush_all()
    grades = ("excellent", "effective", "satisfactory", "unsatisfactory")
    people = employees[8:8 + PROTOCOL_ROWS]
    cr.execute(SQL("""
        INSERT INTO hr_bagalau_commission_decision
            (session_id, company_id, kind, employee_id, kpi_sheet_id, proposal, original_grade, corrected_grade,
             recommendations, votes_for, votes_against, chair_vote, state, outcome, final_grade, decided_on,
             create_uid, create_date, write_uid, write_date)
        SELECT %(session)s, %(company)s, 'kpi', e.id,
               (SELECT s.id FROM hr_bagalau_kpi_sheet s WHERE s.employee_id = e.id ORDER BY s.id LIMIT 1),
               CASE WHEN mod(e.n, 10) = 0 THEN 'revise' ELSE 'approve' END,
               (%(grades)s::varchar[])[1 + mod(e.n, 4)],
               CASE WHEN mod(e.n, 10) = 0 THEN 'effective' END,
               CASE WHEN mod(e.n, 10) = 0 THEN 'Training in project management and in the legislation.' END,
               6, 0, 'for', 'decided', CASE WHEN mod(e.n, 10) = 0 THEN 'revised' ELSE 'approved' END,
               CASE WHEN mod(e.n, 10) = 0 THEN 'effective' ELSE (%(grades)s::varchar[])[1 + mod(e.n, 4)] END,
               '2024-01-25', 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM hr_employee WHERE id = ANY(%(ids)s)) e
    """, session=session.id, company=company.id, grades=list(grades), ids=people.ids))
    env.invalidate_all()
    return session, len(people)


def build_workbook(report, records, lang):
    """The workbook as the user gets it: his download or, above
    BACKGROUND_EXPORT_ROWS rows, the job runner's (both build the attachment
    with ``_bagalau_xlsx_attach``; the job adds one notice)."""
    return env["hr.bagalau.xlsx.export"]._bagalau_xlsx_attach(report, records, lang)


def export_protocol(session, count):
    with Step(f"protocol xlsx ({count} rows)", count) as step:
        attachment = build_workbook("protocol", session, "kk")
    step.note = f"{attachment.file_size // 1024} KB file; target 5 s, 300 MB"


def build_summary(employees):
    """A closed quarter of SUMMARY_ROWS people under the 2023 methodology:
    their differentiation sheets done (a band each), copied in bulk from the
    columns of one sheet the filling step completed."""
    the_campaign = campaign("hr_bagalau.methodology_typical_2023", SUMMARY_YEAR, "4")
    people = employees[:SUMMARY_ROWS]
    table = "hr_bagalau_differentiation_sheet"
    cr.execute(SQL("SELECT id FROM hr_bagalau_differentiation_sheet ORDER BY state = 'done' DESC, id LIMIT 1"))
    template = cr.fetchone()
    if not template:
        raise SystemExit("bench_reports: no differentiation sheet to copy (did bench.py launch?)")
    bands = ("excellent", "effective", "proper", "satisfactory", "unsatisfactory")
    overrides = {
        "campaign_id": SQL("%s", the_campaign.id),
        "employee_id": SQL("e.id"),
        "department_id": SQL("e.department_id"),
        "direct_manager_id": SQL("e.parent_id"),
        "result_id": SQL("NULL"),
        "state": SQL("'done'"),
        "score": SQL("mod(e.n, 5) + 1"),
        "result_key": SQL("(%s::varchar[])[1 + mod(e.n, 5)]", list(bands)),
    }
    columns = [column for column in _columns(table) if column != "id"]
    cr.execute(SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s t, (SELECT id, department_id, parent_id, row_number() OVER "
        "(ORDER BY id) AS n FROM hr_employee WHERE id = ANY(%s)) e WHERE t.id = %s",
        SQL.identifier(table), SQL(", ").join(SQL.identifier(column) for column in columns),
        SQL(", ").join(overrides.get(column, SQL("t.%s", SQL.identifier(column))) for column in columns),
        SQL.identifier(table), people.ids, template[0]))
    env.invalidate_all()
    return the_campaign, len(people)


def _columns(table):
    cr.execute(SQL("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                   "ORDER BY ordinal_position", table))
    return [name for (name,) in cr.fetchall()]


# The fields of the summary, as Odoo's list export names them from a sheet.
SUMMARY_EXPORT_FIELDS = [
    "employee_id", "department_id", "employee_id/job_title", "employee_id/bagalau_category_id/code",
    "campaign_id/year", "quarter", "methodology_id", "score", "result_key", "result_label", "state",
    "done_on", "result_id/year_score", "result_id/result_key", "direct_manager_id", "evaluator_id",
    "quality_score", "deadlines_score", "initiative_score", "discipline_score",
]


def export_summary(the_campaign, count):
    with Step(f"summary xlsx ({count} rows)", count) as ours:
        build_workbook("summary", the_campaign, "ru")
    env.invalidate_all()
    with Step(f"Odoo list export xlsx ({count} rows)", count) as odoo_export:
        odoo_list_export("hr.bagalau.differentiation.sheet", [("campaign_id", "=", the_campaign.id)],
                         SUMMARY_EXPORT_FIELDS)
    ours.note = f"×{ours.wall / odoo_export.wall:.2f} of Odoo's list export; target ≤ ×1"
    odoo_export.note = f"{len(SUMMARY_EXPORT_FIELDS)} fields, as /web/export/xlsx"


def odoo_list_export(model, domain, field_names):
    """What the controller of /web/export/xlsx does: search, export_data,
    then its own xlsx writer (it reads ``request.env``: a stand-in request)."""
    class Request:
        pass

    request = Request()
    request.env = env
    _request_stack.push(request)
    try:
        Model = env[model]
        fields = [{"name": name, "label": name, "type": Model._fields[name.split("/")[0]].type}
                  for name in field_names]
        records = Model.search(domain, offset=0, limit=False, order=False)
        data = records.export_data(field_names).get("datas", [])
        return ExcelExport().from_data(fields, [field["label"] for field in fields], data)
    finally:
        _request_stack.pop()


# --- analysis --------------------------------------------------------------------


def build_results(employees):
    """RESULTS annual results: every employee, year after year back from
    SUMMARY_YEAR (the system's rows, inserted in bulk)."""
    company = env.ref("base.main_company")
    methodology = env.ref("hr_bagalau.methodology_typical_2023")
    years = -(-RESULTS // len(employees))
    bands = ("excellent", "effective", "proper", "satisfactory", "unsatisfactory")
    cr.execute(SQL("""
        INSERT INTO hr_bagalau_result
            (employee_id, department_id, company_id, year, methodology_id, q1_score, q2_score, q3_score, q4_score,
             q1_evaluated, q2_evaluated, q3_evaluated, q4_evaluated, year_score, result_key,
             create_uid, create_date, write_uid, write_date)
        SELECT e.id, e.department_id, %(company)s, y, %(methodology)s, s, s, s, s, true, true, true, true, s,
               (%(bands)s::varchar[])[1 + mod(e.id + y, 5)], 1, now() AT TIME ZONE 'UTC', 1,
               now() AT TIME ZONE 'UTC'
          FROM (SELECT id, department_id FROM hr_employee WHERE id = ANY(%(ids)s)) e,
               generate_series(%(last)s - %(years)s + 1, %(last)s) y,
               LATERAL (SELECT 5 - mod(e.id + y, 5)::numeric AS s) score
         ORDER BY y, e.id
         LIMIT %(count)s
        ON CONFLICT (employee_id, year, company_id) DO NOTHING
    """, company=company.id, methodology=methodology.id, bands=list(bands), ids=employees.ids,
        last=SUMMARY_YEAR, years=years, count=RESULTS))
    env.invalidate_all()
    cr.execute("ANALYZE hr_bagalau_result")
    return env["hr.bagalau.result"].search_count([])


def list_specification(model):
    """The fields the web client asks for when it opens the list view of
    ``model``: every field of the arch, many2ones with their display name."""
    Model = env[model]
    view = Model.get_view(view_type="list")
    specification = {}
    for node in etree.fromstring(view["arch"]).iter("field"):
        name = node.get("name")
        field = Model._fields[name]
        specification[name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
    return specification


def analyse(total):
    Result = env["hr.bagalau.result"]
    env.invalidate_all()
    with Step(f"band distribution ({total} results)", total) as step:
        groups = Result.read_group([], ["department_id"], ["department_id", "result_key"], lazy=False)
    step.note = f"{len(groups)} groups; target 1 s"
    specification = list_specification("hr.bagalau.result")
    for label, domain in ((f"results list ({total})", []),
                          (f"results list of a year ({Result.search_count([('year', '=', SUMMARY_YEAR)])})",
                           [("year", "=", SUMMARY_YEAR)])):
        env.invalidate_all()
        with Step(label, total) as step:
            # What the list view asks when it opens: the first page and, the
            # page being full, the count (web_search_read's search_count).
            page = Result.web_search_read(domain, specification, limit=80, count_limit=10001)
        step.note = f"{len(page['records'])} rows of {page['length']}; target 1 s"


# --- 360 -----------------------------------------------------------------------------


def build_360(employees):
    """PEOPLE_360 people of a 2023 campaign with RESPONDENTS_360 respondents
    and the self-assessment, every questionnaire answered (the answers'
    rows inserted in bulk, as survey's pages save them, anonymised as
    hr_bagalau_360 leaves them)."""
    the_campaign = campaign("hr_bagalau.methodology_typical_2023", 2022, "4")
    the_campaign.sudo().state = "running"
    survey = env["hr.bagalau.campaign"]._bagalau_360_survey(employees[:1])
    people = employees[:PEOPLE_360]
    Evaluation = env["hr.bagalau.survey360"].with_context(tracking_disable=True, mail_create_nolog=True)
    evaluations = Evaluation.create([{"campaign_id": the_campaign.id, "employee_id": person.id,
                                      "survey_id": survey.id} for person in people])
    pool = employees.ids
    lines = []
    for index, evaluation in enumerate(evaluations):
        lines.append({"assignment_id": evaluation.id, "employee_id": evaluation.employee_id.id, "role": "self",
                      "state": "answered"})
        for number in range(RESPONDENTS_360):
            # The next people of the agency (the person is pool[index]).
            other = pool[(index + 1 + number) % len(pool)]
            lines.append({"assignment_id": evaluation.id, "employee_id": other,
                          "role": "manager" if number == 0 else "peer", "state": "answered"})
    Respondent = env["hr.bagalau.survey360.respondent"]
    for start in range(0, len(lines), 2000):
        Respondent.create(lines[start:start + 2000])
    evaluations.write({"state": "running", "invited_on": datetime.datetime(2023, 1, 5),
                       "deadline": datetime.date(2023, 1, 10)})
    env.flush_all()
    # The answers: one per respondent, done, without who gave it.
    cr.execute(SQL("""
        INSERT INTO survey_user_input (survey_id, bagalau_360_id, bagalau_360_self, state, access_token,
                                       test_entry, create_uid, create_date, write_uid, write_date)
        SELECT %(survey)s, r.assignment_id, r.role = 'self', 'done', md5(random()::text || r.id), false,
               1, '2023-01-05', 1, '2023-01-05'
          FROM hr_bagalau_survey360_respondent r
          JOIN hr_bagalau_survey360 a ON a.id = r.assignment_id
         WHERE a.campaign_id = %(campaign)s
    """, survey=survey.id, campaign=the_campaign.id))
    answers = cr.rowcount
    # A row per line of each matrix, the points varying with the answer and the row.
    cr.execute(SQL("""
        INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, answer_type, skipped,
                                            matrix_row_id, suggested_answer_id,
                                            create_uid, create_date, write_uid, write_date)
        SELECT i.id, %(survey)s, q.id, 'suggestion', false, m.id,
               (SELECT c.id FROM survey_question_answer c WHERE c.question_id = q.id
                 ORDER BY c.sequence, c.id OFFSET mod(i.id + m.id, 5) LIMIT 1),
               1, '2023-01-05', 1, '2023-01-05'
          FROM survey_user_input i
          JOIN survey_question q ON q.survey_id = i.survey_id AND q.bagalau_competency_key IS NOT NULL
          JOIN survey_question_answer m ON m.matrix_question_id = q.id
          JOIN hr_bagalau_survey360 a ON a.id = i.bagalau_360_id
         WHERE a.campaign_id = %(campaign)s
    """, survey=survey.id, campaign=the_campaign.id))
    answer_rows = cr.rowcount
    env.invalidate_all()
    return evaluations, answers, answer_rows


def results_360(evaluations, answers, answer_rows):
    """The results computation alone (the averages of every person, what
    publishing computes), then HR's whole publication: the same, with the
    chatter message, the manager's feedback to-do and the acknowledgement."""
    size = f"{len(evaluations)}×{RESPONDENTS_360}+self"
    with Step(f"360 results ({size})", len(evaluations)) as step:
        evaluations._bagalau_publish()
    published = env["hr.bagalau.survey360.result"].search_count([("assignment_id", "in", evaluations.ids)])
    step.note = f"{answers} answers, {answer_rows} rows → {published} results; target 5 s"
    # Back to answering, to publish them again as HR does.
    cr.execute(SQL("DELETE FROM hr_bagalau_survey360_result WHERE assignment_id = ANY(%s)", evaluations.ids))
    cr.execute(SQL("UPDATE hr_bagalau_survey360 SET state = 'running', published_on = NULL WHERE id = ANY(%s)",
                   evaluations.ids))
    env.invalidate_all()
    # The to-dos and their e-mails cost per person, as at launch: a sample.
    sample = evaluations[:PUBLISH_360]
    with Step(f"360 publish as HR ({len(sample)} people)", len(sample)) as step:
        sample.action_publish()
    step.note = "results, a message, 2 to-dos + e-mails per person"


# --- the run -------------------------------------------------------------------------


def main():
    employees = top_up_employees(max(SUMMARY_ROWS, PROTOCOL_ROWS + 8, PEOPLE_360 + RESPONDENTS_360 + 1))
    session, count = build_protocol(employees)
    if COMMIT:
        cr.commit()
    export_protocol(session, count)
    the_campaign, count = build_summary(employees)
    total = build_results(employees)
    if COMMIT:
        cr.commit()
    export_summary(the_campaign, count)
    analyse(total)
    evaluations, answers, answer_rows = build_360(employees)
    if COMMIT:
        cr.commit()
    results_360(evaluations, answers, answer_rows)
    print()
    print(f"Bagalau bench (exports, analysis, 360): N={N}, {os.cpu_count()} CPU; peak MB: the step's own peak "
          "resident memory")
    header = f"| {'step':<40} | {'wall s':>8} | {'queries':>8} | {'q/row':>7} | {'peak MB':>7} | {'note':<50} |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for step in rows:
        print(f"| {step.name:<40} | {step.wall:>8.2f} | {step.queries:>8} | "
              f"{step.queries / max(step.employees, 1):>7.2f} | {step.peak:>7.0f} | {step.note:<50} |")


main()
