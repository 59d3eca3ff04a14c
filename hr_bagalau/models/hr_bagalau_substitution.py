"""An acting evaluator while the evaluator is away.

Not every evaluator is at work when his sheets fall due: leave, sickness,
business trips. The 2025 orders name "the person replacing him" as the
evaluating person; seed 003 §4 and seed 004 §6 defer only the absent
*evaluated* servant, never the evaluation of his team. HR names the acting
evaluator for a period: the open plans and sheets whose step falls due in
the period go to him with their to-dos, the chatter of each says so, and the
absent evaluator keeps reading them (hr_bagalau_substitution_security.xml)
without acting on them. *Give Back* returns what is still open.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

from .hr_bagalau_sheet_workflow import ACTIVITY_TYPES

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
# The fields of a plan or sheet that name who acts on it.
ROLE_FIELDS = ("direct_manager_id", "superior_id", "evaluator_id")


class HrBagalauSubstitution(models.Model):
    _name = "hr.bagalau.substitution"
    _description = "Acting Evaluator"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    absent_id = fields.Many2one(
        "hr.employee", string="Absent Evaluator", required=True, index=True, tracking=True,
        domain="[('company_id', '=', company_id)]")
    acting_id = fields.Many2one(
        "hr.employee", string="Acting Evaluator", required=True, index=True, tracking=True,
        domain="[('company_id', '=', company_id), ('id', '!=', absent_id), ('user_id', '!=', False)]")
    date_from = fields.Date(string="Absent From", required=True, tracking=True)
    date_to = fields.Date(string="Absent To", required=True, tracking=True)
    reason = fields.Char(required=True, tracking=True, help="Leave, business trip, sickness; the order if any.")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Acting"), ("returned", "Given Back"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True)
    document_count = fields.Integer(string="Plans and Sheets Taken Over", readonly=True)


    @api.depends("absent_id", "acting_id", "date_from", "date_to")
    def _compute_display_name(self):
        for substitution in self:
            substitution.display_name = _(
                "%(acting)s for %(absent)s", acting=substitution.acting_id.name or "",
                absent=substitution.absent_id.name or "")

    @api.constrains("absent_id", "acting_id", "company_id", "date_from", "date_to")
    def _check_people(self):
        for substitution in self:
            if substitution.date_to < substitution.date_from:
                raise ValidationError(_("The absence cannot end (%(date_to)s) before it starts (%(date_from)s).",
                                        date_to=format_date(self.env, substitution.date_to),
                                        date_from=format_date(self.env, substitution.date_from)))
            if substitution.acting_id == substitution.absent_id:
                raise ValidationError(_("%(employee)s cannot act for himself: name another evaluator.",
                                        employee=substitution.absent_id.name))
            foreign = (substitution.absent_id | substitution.acting_id).filtered(
                lambda employee, company=substitution.company_id: employee.company_id != company)
            if foreign:
                raise ValidationError(_("%(employee)s works in another body: the acting evaluator and the absent "
                                        "one are employees of %(company)s.", employee=foreign[0].name,
                                        company=substitution.company_id.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda item: item.state not in ("draft", "cancelled")):
            raise UserError(_("A substitution that handed plans and sheets over stays in their history."))

    def _bagalau_check_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR names an acting evaluator."))

    def write(self, vals):
        if not self.env.su and set(vals) - {"reason"} and self.filtered(lambda item: item.state != "draft"):
            raise UserError(_("A confirmed substitution no longer changes: give the plans and sheets back, "
                              "then name the acting evaluator anew."))
        return super().write(vals)

    # --- what is taken over ----------------------------------------------------------------

    def _bagalau_open_documents(self, holder, whenever=False):
        """The open plans and sheets on which ``holder`` acts, with a step due in
        the period (``whenever``: whatever the date): {model: records}."""
        self.ensure_one()
        found = {}
        Workflow = self.env["hr.bagalau.sheet.workflow"]
        for name in sorted(self.env.registry.descendants([Workflow._name], "_inherit")):
            Model = self.env[name].sudo()
            if Model._abstract:
                continue
            roles = [field for field in ROLE_FIELDS if field in Model._fields]
            records = Model.search(expression.AND([
                expression.OR([[(field, "=", holder.id)] for field in roles]),
                [("company_id", "=", self.company_id.id), ("campaign_id.state", "!=", "closed"),
                 ("state", "not in", list(Model._bagalau_final_states))],
            ]))
            user = holder.user_id
            # Nobody evaluates himself: the acting evaluator's own sheet stays.
            records = records.filtered(lambda record: record.employee_id != self.acting_id)
            if not whenever:
                records = records.filtered(lambda record, user=user: self._bagalau_due_in_period(record, user))
            if records:
                found[name] = records
        return found

    def _bagalau_due_in_period(self, record, user):
        types = self.env["mail.activity.type"].browse([self.env.ref(xmlid).id for xmlid in ACTIVITY_TYPES])
        steps = record.activity_ids.filtered(
            lambda activity: activity.user_id == user and activity.activity_type_id in types) if user \
            else self.env["mail.activity"]
        days = steps.mapped("date_deadline") or [record.due_date]
        return any(day and self.date_from <= day <= self.date_to for day in days)

    def _bagalau_hand_over(self, giver, taker, documents, body):
        """Move the roles of ``giver`` on ``documents`` to ``taker``, with their to-dos."""
        count = 0
        for records in documents.values():
            for record in records:
                roles = {field: taker.id for field in ROLE_FIELDS
                         if field in record._fields and record[field] == giver}
                steps = record.activity_ids.filtered(
                    lambda activity: giver.user_id and activity.user_id == giver.user_id)
                record.sudo().write(roles)
                # A sheet may already have moved its to-do with its evaluator.
                if taker.user_id:
                    steps.exists().sudo().write({"user_id": taker.user_id.id})
                record.sudo().write({"replaced_evaluator_ids": [fields.Command.link(giver.id)]})
                record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
                count += 1
        return count

    # --- buttons -------------------------------------------------------------------------------

    def action_confirm(self):
        """HR confirms: the open plans and sheets of the period go to the acting evaluator."""
        self._bagalau_check_hr()
        for substitution in self:
            if substitution.state != "draft":
                raise UserError(_("Only a draft substitution is confirmed."))
            if not substitution.acting_id.user_id:
                raise UserError(_("%(employee)s has no Odoo user: the acting evaluator fills the sheets in "
                                  "himself.", employee=substitution.acting_id.name))
            body = _("%(acting)s evaluates in place of %(absent)s, absent from %(date_from)s to %(date_to)s "
                     "(%(reason)s), as HR (%(user)s) decided.",
                     acting=substitution.acting_id.name, absent=substitution.absent_id.name,
                     date_from=format_date(self.env, substitution.date_from),
                     date_to=format_date(self.env, substitution.date_to), reason=substitution.reason,
                     user=self.env.user.name)
            documents = substitution._bagalau_open_documents(substitution.absent_id)
            count = substitution._bagalau_hand_over(substitution.absent_id, substitution.acting_id, documents, body)
            substitution.sudo().write({"state": "active", "document_count": count})
            substitution.message_post(body=_("%(count)s plans and sheets handed over.", count=count))
        return True

    def action_give_back(self):
        """The evaluator is back: what is still open returns to him."""
        self._bagalau_check_hr()
        for substitution in self.filtered(lambda item: item.state == "active"):
            body = _("%(absent)s is back: %(acting)s hands the evaluation back, as HR (%(user)s) decided.",
                     absent=substitution.absent_id.name, acting=substitution.acting_id.name,
                     user=self.env.user.name)
            documents = {
                name: records.filtered(lambda record, absent=substitution.absent_id: absent in
                                       record.replaced_evaluator_ids)
                for name, records in substitution._bagalau_open_documents(substitution.acting_id, whenever=True).items()
            }
            substitution._bagalau_hand_over(substitution.acting_id, substitution.absent_id, documents, body)
            substitution.sudo().write({"state": "returned"})
        return True

    def action_cancel(self):
        self._bagalau_check_hr()
        if self.filtered(lambda item: item.state != "draft"):
            raise UserError(_("A confirmed substitution is given back, not cancelled."))
        self.sudo().write({"state": "cancelled"})
        return True


class HrBagalauSheetWorkflow(models.AbstractModel):
    _inherit = "hr.bagalau.sheet.workflow"

    replaced_evaluator_ids = fields.Many2many(
        "hr.employee", string="Replaced Evaluators", readonly=True, copy=False,
        help="Evaluators who were away when a step fell due: they keep reading the document.")
