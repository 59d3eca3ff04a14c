"""What every evaluation sheet shares: one guard, one way to act, one kind of to-do.

The KPI sheet (seed 003 §17-24, seed 004 §28), the competency sheet (seed 003
§25-28) and the differentiation sheet (seed 004 §29-33, and the 2025
quarterly evaluation), like ``hr_holidays``' leave and its one approval
guard: each sheet says which of its states is final and writes only what is
its own (its form, its steps); the campaign's state, who acts for a manager
without a user, the to-dos of the next responsible person, and what closing
the campaign does to them are here.
"""

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyGettext

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
# Dedicated activity types, so that "my evaluation to-dos" is a filter of
# Odoo's activity views (hr_holidays does the same for its approvals).
ACTIVITY_EVALUATE = "hr_bagalau.mail_activity_type_bagalau_evaluate"
ACTIVITY_APPROVE = "hr_bagalau.mail_activity_type_bagalau_approve"
ACTIVITY_TYPES = (ACTIVITY_EVALUATE, ACTIVITY_APPROVE)
# The followers ``_bagalau_schedule_many`` inserted in one batch, in the
# cursor's cache while its ``mail.activity`` create runs.
SUBSCRIBED_KEY = "bagalau_subscribed_followers"


class HrBagalauSheetWorkflow(models.AbstractModel):
    _name = "hr.bagalau.sheet.workflow"
    _description = "Evaluation Sheet Workflow"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.bagalau.integrity.mixin"]

    # The states in which the sheet is final: nothing of it changes by hand.
    _bagalau_final_states = ()

    campaign_id = fields.Many2one("hr.bagalau.campaign", string="Campaign")
    employee_id = fields.Many2one("hr.employee", string="Employee")

    def _bagalau_campaigns(self):
        return self.campaign_id

    @api.depends("employee_id", "campaign_id.name")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = f"{sheet.employee_id.name} – {sheet.campaign_id.name}" if sheet.campaign_id \
                else sheet.employee_id.name

    def action_bagalau_open(self):
        """The document's own form, from a list embedded elsewhere (the result page)."""
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "current"}

    # --- who acts --------------------------------------------------------------

    def _bagalau_acts_as(self, employee, paper=True):
        """Whether the current user acts as ``employee`` (an evaluator, an
        agreeing manager): his own user; or, with ``paper``, an HR officer when
        he has none: not every civil servant has an Odoo user, and HR then
        records the steps signed on paper (DESIGN.md, "Users and delivery")."""
        if not employee:
            return False
        user = employee.sudo().user_id
        if not user:
            return paper and self.env.user.has_group(HR_GROUP)
        return user == self.env.user

    def _bagalau_hr_user(self):
        """The HR officer who launched the campaign, who gets HR's to-dos."""
        self.ensure_one()
        user = self.campaign_id.create_uid
        return user if user.active and user.has_group(HR_GROUP) else self.env["res.users"]

    # --- the one guard -------------------------------------------------------------

    def _bagalau_check_can_change(self):
        """Nothing of a closed campaign changes; a final sheet neither."""
        self._bagalau_check_campaign_open()
        for sheet in self:
            if sheet.state in self._bagalau_final_states:
                state = dict(sheet._fields["state"]._description_selection(self.env))[sheet.state]
                raise UserError(_("%(record)s is final (%(state)s) and can no longer change.",
                                  record=sheet._bagalau_record_label(), state=state))

    # --- to-dos ------------------------------------------------------------------------

    def _bagalau_schedule(self, employee_or_user, summary, deadline, approval=False):
        """A to-do for the next responsible person, when he has a user who can
        open the sheet; returns whether one was made. A lazy ``summary``
        (``_lt``) is written in the recipient's language, not the actor's."""
        self.ensure_one()
        return bool(self._bagalau_schedule_many([(self, employee_or_user, summary, deadline, approval)]))

    @api.model
    def _bagalau_existing_and_missing(self, campaign, entries):
        """For a launch batch of ``entries`` — ``(employee, due date)`` — the
        campaign's sheets they already have, ``{employee id: sheet}``, and the
        entries still without one (one search, whatever the batch)."""
        employee_ids = [employee.id for employee, _due in entries]
        sheets = {sheet.employee_id.id: sheet for sheet in self.search(
            [("campaign_id", "=", campaign.id), ("employee_id", "in", employee_ids)])}
        missing = [(employee.sudo(), due_date) for employee, due_date in entries if employee.id not in sheets]
        return sheets, missing

    @api.model
    def _bagalau_schedule_many(self, todos, notify=True):
        """The to-dos ``todos`` — ``(sheet, employee or user, summary, deadline,
        approval)`` — in one ``mail.activity`` create; a to-do whose person has
        no user who can open the sheet is left out. Returns the ids of the
        sheets that got one.

        ``notify=False`` (the launch of a campaign): Odoo's own
        ``mail_activity_quick_update`` context, which ``mail.activity.create``
        reads to skip ``action_notify`` (hr_contract's job does the same):
        the assignees see their to-dos in the activity menu and in Odoo's
        digest instead of one e-mail per sheet. The assignees follow their
        sheets, subscribed in one insert for all the to-dos
        (``_bagalau_subscribe_many``), not one call per assignee.
        """
        per_user = {}
        for sheet, employee_or_user, summary, deadline, approval in todos:
            user = employee_or_user.sudo().user_id if employee_or_user._name == "hr.employee" else employee_or_user
            if user:
                per_user.setdefault(user, []).append((sheet, summary, deadline, approval))
        if not per_user:
            return set()
        types = {flag: self.env["ir.model.data"]._xmlid_to_res_id(xmlid)
                 for flag, xmlid in ((False, ACTIVITY_EVALUATE), (True, ACTIVITY_APPROVE))}
        model_ids = {}
        today = fields.Date.context_today(self)
        vals_list, scheduled, followers = [], set(), set()
        for user, items in per_user.items():
            # One access check per assignee and model, not per sheet.
            readable = set()
            for model in {sheet._name for sheet, *_rest in items}:
                sheets = self.env[model].browse({sheet.id for sheet, *_rest in items if sheet._name == model})
                readable |= {(model, record_id) for record_id in sheets.with_user(user)._filtered_access("read").ids}
            for sheet, summary, deadline, approval in items:
                if (sheet._name, sheet.id) not in readable:
                    continue
                if sheet._name not in model_ids:
                    model_ids[sheet._name] = self.env["ir.model"]._get_id(sheet._name)
                vals_list.append({
                    "activity_type_id": types[bool(approval)],
                    "summary": self._bagalau_in_lang_of(user, summary),
                    "automated": True,
                    "date_deadline": deadline or today,
                    "res_model_id": model_ids[sheet._name],
                    "res_id": sheet.id,
                    "user_id": user.id,
                })
                scheduled.add(sheet.id)
                followers.add((sheet._name, sheet.id, user.sudo().partner_id.id))
        if vals_list:
            Activity = self.env["mail.activity"].sudo()
            if not notify:
                Activity = Activity.with_context(mail_activity_quick_update=True)
            subscribed = self._bagalau_subscribe_many(followers)
            # mail.activity.create subscribes each assignee again, one call
            # per assignee and model: the pairs just inserted are skipped.
            pending = self.env.cr.cache.setdefault(SUBSCRIBED_KEY, set())
            pending |= subscribed
            try:
                Activity.create(vals_list)
            finally:
                pending -= subscribed
        return scheduled

    @api.model
    def _bagalau_subscribe_many(self, pairs):
        """The followers ``pairs`` — ``(model, record id, partner id)`` — that
        are missing, with the model's default subtypes as ``message_subscribe``
        gives them, in one ``mail.followers`` create and one query per model
        for those already there. Returns the pairs that follow now."""
        Followers = self.env["mail.followers"].sudo()
        partners = self.env["res.partner"].sudo().browse({partner for _model, _id, partner in pairs})
        # message_subscribe leaves out archived partners.
        partners = partners.filtered("active")
        pairs = {pair for pair in pairs if pair[2] in partners.ids}
        customers = set(partners.filtered("partner_share").ids)
        vals_list = []
        for model in {model for model, _id, _partner in pairs}:
            wanted = {(record_id, partner) for pair_model, record_id, partner in pairs if pair_model == model}
            existing = {(record_id, partner) for _fid, record_id, partner, _subtypes in
                        Followers._get_subscription_data([(model, list({record_id for record_id, _p in wanted}))],
                                                         list({partner for _id, partner in wanted}))}
            default, _internal, external = self.env["mail.message.subtype"].default_subtypes(model)
            vals_list += [{
                "res_model": model, "res_id": record_id, "partner_id": partner,
                "subtype_ids": [Command.set((external if partner in customers else default).ids)],
            } for record_id, partner in sorted(wanted - existing)]
        if vals_list:
            Followers.create(vals_list)
        return pairs

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Only the pairs ``_bagalau_schedule_many`` inserted itself, in this
        # transaction and during its own activity create: server state, not
        # client input.
        pending = self.env.cr.cache.get(SUBSCRIBED_KEY)
        if pending and partner_ids and not subtype_ids and all(
                (self._name, record_id, partner) in pending for record_id in self.ids for partner in partner_ids):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    @api.model
    def _bagalau_in_lang_of(self, user, text):
        """``text`` in ``user``'s language when it is a lazy translation."""
        if isinstance(text, LazyGettext):
            return text._translate(user.sudo().lang or self.env.lang or "en_US")
        return text

    def _bagalau_steps(self, user=None):
        """The open to-dos of the workflow (of ``user`` only, when given)."""
        return self.sudo().activity_search(list(ACTIVITY_TYPES), user_id=user.id if user else None)

    def _bagalau_close_activities(self, feedback=None):
        """The step is taken: its to-dos are done."""
        self.sudo().activity_feedback(list(ACTIVITY_TYPES), feedback=feedback)

    @api.model
    def _bagalau_cancel_steps_of(self, campaigns):
        """Closing a campaign freezes its sheets: their open to-dos go away
        (nobody can take the step any more)."""
        for model in self.env.registry.descendants([self._name], "_inherit"):
            Model = self.env[model]
            if Model._abstract or "campaign_id" not in Model._fields:
                continue
            records = Model.sudo().search([("campaign_id", "in", campaigns.ids)])
            records.activity_unlink(list(ACTIVITY_TYPES))
