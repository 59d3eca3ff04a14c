"""The printed forms of the 360 evaluation (seed 004 §34-37): the
questionnaire of Appendix 5 (heads of structural units) or 6 (corps B
staff), and the result of one person, Appendix 7 or 8, with its radar chart.

Anonymity (seed 004 §34 "жасырын", Appendices 5-6 "Жасырындылыққа кепілдік
беріледі"): no form ever shows one respondent's answers. Once a respondent
submits, hr_bagalau_360 cuts every link from him to his answer, so no one
could print "his" questionnaire; the only filled questionnaire is HR's
aggregate (seed 004 §37: HR makes the individual reports): per question the
respondents' average, the self-assessment left out, and nothing at all
below the methodology's threshold of answers."""

from markupsafe import Markup

from odoo import _, api, models
from odoo.addons.hr_bagalau.engine.survey_360 import competency_averages
from odoo.exceptions import AccessError, UserError

from .radar_svg import radar_svg

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
#: seed 004 §34: the questionnaire of Appendix 5 for heads, 6 for staff;
#: the result of Appendix 7 for heads, 8 for staff.
QUESTIONNAIRE_APPENDIX = {"head": 5, "staff": 6}
RESULT_APPENDIX = {"head": 7, "staff": 8}


class ReportSurvey360Questionnaire(models.AbstractModel):
    """The blank 360 questionnaire (seed 004 Appendices 5-6), printed from
    the questionnaire itself: for a 360 answered on paper (§34)."""

    _name = "report.hr_bagalau_reports.report_survey360_questionnaire"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Blank 360 Questionnaire"
    _bagalau_model = "survey.survey"

    @api.model
    def _bagalau_is_final(self, record):
        # A blank form: nothing in it is a draft.
        return True

    @api.model
    def _bagalau_check_printable(self, records):
        for survey in records:
            if survey.survey_type != "bagalau_360" or not survey.bagalau_360_audience:
                raise UserError(_("“%(survey)s” is not a 360 questionnaire of the methodology: only those print "
                                  "as its form.", survey=survey.title))

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        return dict(values, **self._bagalau_360_helpers(values["docs"].env))

    @api.model
    def _bagalau_360_helpers(self, env):
        def average_label(question):
            return env._("Average score on “%(competency)s”", competency=question.title)

        return {
            "questionnaire_appendix": lambda survey: env._(
                "Appendix %(number)s", number=QUESTIONNAIRE_APPENDIX[survey.bagalau_360_audience]),
            "competencies": lambda survey: survey.question_ids.filtered("bagalau_competency_key").sorted("sequence"),
            "average_label": average_label,
        }


class ReportSurvey360Answers(models.AbstractModel):
    """The 360 questionnaire of one person: blank with his name while the
    questionnaires are out (to be answered on paper, §34), then filled with
    the respondents' averages per question once HR publishes the results.
    HR's form only (seed 004 §37)."""

    _name = "report.hr_bagalau_reports.report_survey360_answers"
    _inherit = "report.hr_bagalau_reports.report_survey360_questionnaire"
    _description = "Printed 360 Questionnaire of a Person"
    _bagalau_model = "hr.bagalau.survey360"

    @api.model
    def _bagalau_check_printable(self, records):
        for evaluation in records:
            if evaluation.state == "done" and evaluation.below_threshold:
                raise UserError(_(
                    "Too few respondents answered the 360 of %(person)s: its answers stay hidden, so that nobody "
                    "can guess who answered what.", person=evaluation.employee_id.name))

    @api.model
    def _get_report_values(self, docids, data=None):
        # Who may read a person's 360 (he himself, his manager) reads its
        # results (Appendices 7-8); the questionnaire's answers are HR's.
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("The answers to the 360 questionnaires are anonymous: only the personnel "
                                "management service prints them, as averages."))
        values = super()._get_report_values(docids, data)
        docs = values["docs"]
        values["question_averages"] = {evaluation.id: self._bagalau_question_averages(evaluation)
                                       for evaluation in docs}
        values["competency_averages"] = {evaluation.id: {result.question_id.id: result.average
                                                         for result in evaluation.result_ids}
                                         for evaluation in docs}
        return values

    @api.model
    def _bagalau_question_averages(self, evaluation):
        """``{matrix row id: average}`` over the respondents' answers, the
        self-assessment left out (seed 004 §36), rounded like the results;
        empty until the results are published above the threshold."""
        if evaluation.state != "done" or evaluation.below_threshold:
            return {}
        points = evaluation.methodology_id._bagalau_360_points()
        rows = []
        answers = self.env["survey.user_input"].sudo().search([
            ("bagalau_360_id", "=", evaluation.id), ("state", "=", "done"), ("bagalau_360_self", "=", False)])
        for line in answers.user_input_line_ids:
            answer_key = line.suggested_answer_id.bagalau_answer_key
            if line.matrix_row_id and answer_key:
                rows.append((line.matrix_row_id.id, "peer", points[answer_key]))
        bounds = {"min_points": min(points.values()), "max_points": max(points.values())}
        return {row_id: float(average) for row_id, average in competency_averages(rows, **bounds).items()}


class ReportSurvey360Result(models.AbstractModel):
    """The result of one person's 360 (seed 004 §37, Appendices 7-8): the
    average per competency, the number of respondents, the radar chart.
    Whoever reads the 360 evaluation prints it: the person, his direct
    manager, HR; it exists once HR publishes it above the threshold."""

    _name = "report.hr_bagalau_reports.report_survey360_result"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed 360 Result"
    _bagalau_model = "hr.bagalau.survey360"

    @api.model
    def _bagalau_is_final(self, record):
        return record.state == "done"

    @api.model
    def _bagalau_check_printable(self, records):
        for evaluation in records:
            if evaluation.state != "done":
                raise UserError(_("The 360 results of %(person)s are not published yet: they are printed once "
                                  "the personnel management service closes the questionnaires.",
                                  person=evaluation.employee_id.name))
            if evaluation.below_threshold:
                raise UserError(_(
                    "Too few respondents answered the 360 of %(person)s: its results stay hidden, so that nobody "
                    "can guess who answered what.", person=evaluation.employee_id.name))

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        env = values["docs"].env
        values.update(
            result_appendix=lambda evaluation: env._(
                "Appendix %(number)s", number=RESULT_APPENDIX[evaluation.audience]),
            radar={evaluation.id: self._bagalau_radar(evaluation) for evaluation in values["docs"]},
        )
        return values

    @api.model
    def _bagalau_radar(self, evaluation):
        """The radar chart's SVG: the respondents' averages, and the
        self-assessment when the person gave it."""
        results = evaluation.result_ids.sorted("sequence")
        own = [result.self_score or None for result in results] if evaluation.self_answered else []
        series = [results.mapped("average")] + ([own] if own else [])
        svg = radar_svg([str(number) for number in range(1, len(results) + 1)], series,
                        max_value=evaluation.methodology_id.survey_360_score_always or 5, size=260,
                        title=evaluation.employee_id.name)
        return Markup(svg)  # noqa: S704 - built by radar_svg from numbers and escaped text
