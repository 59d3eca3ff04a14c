"""What the reports build in the background: the campaign archive and the
large Excel workbooks. A job is one record; Odoo's job runner (ir.cron) takes
the oldest one still running, a batch per call, in a savepoint, so that a
crash resumes where it stopped and a refused job says why instead of
blocking the others."""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

JOB_STATES = [
    ("running", "Building"),
    ("done", "Done"),
    ("failed", "Failed"),
]


class HrBagalauReportJob(models.AbstractModel):
    _name = "hr.bagalau.report.job"
    _description = "Background Job of the Evaluation Reports"
    _order = "id desc"

    user_id = fields.Many2one("res.users", string="Requested By", required=True, readonly=True, index=True)
    state = fields.Selection(JOB_STATES, default="running", required=True, readonly=True)
    done_count = fields.Integer(readonly=True)
    total_count = fields.Integer(readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True, ondelete="set null")
    error = fields.Text(readonly=True)

    def _bagalau_run_batch(self, batch_size):
        """Build the next part of the job; return how much is left (0: done)."""
        raise NotImplementedError

    def _bagalau_fail(self, message):
        self.sudo().write({"state": "failed", "error": message})

    @api.model
    def _bagalau_run_jobs(self, batch_size):
        """Job runner: one batch of the oldest job still running, with the
        progress reported to the runner."""
        job = self.sudo().search([("state", "=", "running")], limit=1, order="id")
        if not job:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        try:
            with self.env.cr.savepoint():
                left = job._bagalau_run_batch(batch_size)
        except (UserError, AccessError) as error:
            _logger.warning("%s %s failed: %s", self._name, job.id, error)
            job._bagalau_fail(str(error.args[0] if error.args else error))
            left = 0
        remaining = left + self.sudo().search_count([("state", "=", "running"), ("id", "!=", job.id)])
        self.env["ir.cron"]._notify_progress(done=min(batch_size, job.done_count), remaining=remaining)
