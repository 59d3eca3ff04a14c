from odoo import api, models

# Points a demo respondent gives per competency (seed 004 Appendices 5-6, 1..5),
# before his own offset: a profile with clear strengths and weaknesses.
DEMO_PROFILE = {
    "management": 4, "communication": 4, "ethics": 5, "change": 3, "results": 4, "decisions": 3,
    "team": 2, "leadership": 3, "cooperation": 4, "promptness": 4, "self_development": 2, "initiative": 3,
}


class HrBagalauDemo(models.AbstractModel):
    _inherit = "hr.bagalau.demo"

    @api.model
    def _load_demo_360(self):
        self._demo_translations("hr_bagalau_360")
        ref = self.env.ref
        company = ref("hr_bagalau.demo_company_agency")
        hr_user = ref("hr_bagalau.user_bagalau_hr")
        campaign = self.env["hr.bagalau.campaign"].search([
            ("company_id", "=", company.id), ("year", "=", self._timeline().running[0]),
            ("methodology_id.generation", "=", "2023"), ("state", "=", "running")], limit=1, order="id")
        if not campaign:
            return
        for slug, login in (("petrov_andrey", "petrov"), ("nurpeisov_arman", "nurpeisov"),
                            ("zhumabekova_asel", "zhumabekova"), ("yskakova_madina", "yskakova")):
            ref(f"hr_bagalau.employee_{slug}").sudo().user_id = ref(f"hr_bagalau_360.user_360_{login}")
        self._by(campaign, hr_user).action_start_360()
        evaluations = campaign.survey360_ids
        head = evaluations.filtered(lambda e: e.employee_id == ref("hr_bagalau.employee_mukhamediyarov_yerlan"))
        servant = evaluations.filtered(lambda e: e.employee_id == ref("hr_bagalau.employee_sultanova_aliya"))
        # The head of the control department: every respondent answers, HR publishes.
        self._by(head, hr_user).action_invite()
        for offset, line in enumerate(head.respondent_ids.sorted("id")):
            self._demo_360_answer(line, offset)
        self._by(head, hr_user).action_publish()
        # One of his servants: two peers and the self-assessment answered; the
        # manager's questionnaire waits for him (login manager).
        self._by(servant, hr_user).action_invite()
        peers = servant.respondent_ids.filtered(lambda line: line.role == "peer").sorted("id")[:2]
        own = servant.respondent_ids.filtered(lambda line: line.role == "self")
        for offset, line in enumerate(peers | own):
            self._demo_360_answer(line, offset + 1)

    def _demo_360_answer(self, line, offset):
        """Answer ``line``'s questionnaire as survey's pages would save it."""
        answer = line.sudo().user_input_id
        answer._mark_in_progress()
        for question in answer.survey_id.question_ids:
            base = DEMO_PROFILE.get(question.bagalau_competency_key, 3)
            columns = question.suggested_answer_ids.sorted("sequence")
            rows = {}
            for index, row in enumerate(question.matrix_row_ids.sorted("sequence")):
                points = min(5, max(1, base + ((offset + index) % 3) - 1))
                rows[row.id] = [columns[points - 1].id]
            answer._save_lines(question, rows)
        answer._mark_done()
