from odoo import models


class HrBagalauSurvey360(models.Model):
    """The individual report of the 360 (seed 004 §37, Appendices 7-8) goes
    to the person as any other evaluation result: once HR publishes it above
    the anonymity threshold, he reads it in the chatter and presses “I have
    read it”, or HR records the signed paper or the refusal act (hr_bagalau's
    acknowledgement). Below the threshold there is no report to read."""

    _name = "hr.bagalau.survey360"
    _inherit = ["hr.bagalau.survey360", "mail.activity.mixin", "hr.bagalau.acknowledgement.mixin"]

    def action_publish(self):
        result = super().action_publish()
        published = self.filtered(lambda evaluation: evaluation.state == "done" and not evaluation.below_threshold)
        published._bagalau_start_acknowledgement()
        return result
