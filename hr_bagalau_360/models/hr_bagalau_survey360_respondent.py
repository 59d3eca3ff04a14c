from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class HrBagalauSurvey360Respondent(models.Model):
    """One person asked to answer a 360 questionnaire (seed 004 §36): the
    direct manager, a subordinate, a peer, or the person himself.

    It keeps whether he answered, never what: once he submits, the link to
    his answer is cut (survey.user_input._bagalau_360_detach)."""

    _name = "hr.bagalau.survey360.respondent"
    _description = "360 Respondent"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "assignment_id, role_order, id"
    _bagalau_workflow_fields = frozenset({"state", "user_input_id", "reminded"})
    _bagalau_frozen_when_closed = False

    assignment_id = fields.Many2one("hr.bagalau.survey360", string="360 Evaluation", required=True,
                                    ondelete="cascade", index=True)
    company_id = fields.Many2one(related="assignment_id.company_id", store=True)
    evaluated_id = fields.Many2one(related="assignment_id.employee_id", string="Evaluated Person")
    deadline = fields.Date(related="assignment_id.deadline")
    employee_id = fields.Many2one("hr.employee", string="Respondent", required=True, index=True,
                                  domain="[('company_id', '=', company_id)]")
    role = fields.Selection([("self", "Self-assessment"), ("manager", "Direct manager"),
                             ("subordinate", "Subordinate"), ("peer", "Peer")], required=True, default="peer")
    role_order = fields.Integer(compute="_compute_role_order", store=True)
    state = fields.Selection([("proposed", "Proposed"), ("invited", "Invited"), ("answered", "Answered"),
                              ("expired", "Not answered")], default="proposed", required=True, readonly=True)
    reminded = fields.Boolean(readonly=True, copy=False)
    # Only while the questionnaire waits: cut when it is answered.
    user_input_id = fields.Many2one("survey.user_input", readonly=True, groups="base.group_system", copy=False)

    _sql_constraints = [
        ("assignment_employee_unique", "unique(assignment_id, employee_id)",
         "A respondent answers once about the same person."),
    ]

    @api.depends("role")
    def _compute_role_order(self):
        order = {"self": 0, "manager": 1, "subordinate": 2, "peer": 3}
        for line in self:
            line.role_order = order.get(line.role, 9)

    def _bagalau_campaigns(self):
        return self.assignment_id.campaign_id

    @api.constrains("employee_id", "role", "assignment_id")
    def _check_respondent(self):
        for line in self.sudo():
            evaluated = line.assignment_id.employee_id
            if (line.employee_id == evaluated) != (line.role == "self"):
                raise ValidationError(_("%(person)s cannot be his own respondent: his own answer is the "
                                        "self-assessment, already on the list.", person=evaluated.name))
            if line.employee_id.company_id != line.assignment_id.company_id:
                raise ValidationError(_("%(respondent)s works in another agency: the respondents come from the "
                                        "working environment of %(person)s.", respondent=line.employee_id.name,
                                        person=evaluated.name))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._bagalau_check_editable()
        return lines

    def write(self, vals):
        if not self.env.su and {"employee_id", "role", "assignment_id"} & set(vals):
            self._bagalau_check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent_or_self(self):
        if not self.env.su:
            self._bagalau_check_editable()
            if self.filtered(lambda line: line.role == "self"):
                raise UserError(_("The self-assessment stays on the list (the methodology asks for it)."))

    def _bagalau_check_editable(self):
        if self.env.su:
            return
        if self.assignment_id.filtered(lambda evaluation: evaluation.state != "draft"):
            raise UserError(_("The questionnaires are sent: the respondents no longer change."))

    def _bagalau_mark_answered(self):
        self.sudo().write({"state": "answered", "user_input_id": False})

    def action_answer(self):
        """Open the waiting questionnaire (the respondent himself)."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user or self.state != "invited":
            raise UserError(_("This questionnaire is not waiting for you."))
        return {"type": "ir.actions.act_url", "target": "self", "url": self.sudo().user_input_id.get_start_url()}
