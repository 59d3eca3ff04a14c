"""What every record of an evaluation keeps, whoever calls it and however.

- Input a person can read back: numbers that are numbers (no NaN, no
  Infinity, no text), dates that are dates, free text of a sensible length.
  JSON-RPC sends anything; the ORM would store it or end in a raw error.
- The three-year retention (seed 003 §8, seed 004 §15): nothing that belongs
  to a completed evaluation is deleted before its campaign's
  ``retention_until``, not even by the administrator.
- The freeze of a closed campaign: nothing of it is edited; a final result
  changes only through its revision paths (the appeal, seed 003 §42; the
  calibration, seed 004 §42), which keep the old value beside the new one.
- The fields only the workflow writes: a person changes them through the
  buttons, never by writing them.
- The row lock of a workflow step: of two people pressing the same button at
  once, one wins and the other is told, in his language.

Only the server's own code lifts a guard, by running as superuser
(``self.env.su``) inside a method the client cannot call (its name starts
with an underscore). No context key lifts one: Odoo's context is client input.
"""

import math

from psycopg2 import errors as pg_errors

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_datetime

# Free text a person writes (a justification, a reason, a comment): long
# enough for any real one, short enough that the chatter and the printed
# forms stay readable. A name or a number of a document is far shorter.
CHAR_MAX_LENGTH = 1000
TEXT_MAX_LENGTH = 10000
# PostgreSQL's integer column.
INTEGER_LIMIT = 2**31 - 1
# Fields Odoo's mail machinery writes on any document: never a change of it.
MAIL_FIELDS = frozenset({"message_main_attachment_id", "message_follower_ids", "message_ids",
                         "activity_ids", "website_message_ids"})


class HrBagalauIntegrityMixin(models.AbstractModel):
    """Integrity of the records of an evaluation: bounded input, retention,
    the freeze of a closed campaign, workflow-only fields, row locks."""

    _name = "hr.bagalau.integrity.mixin"
    _description = "Evaluation Record Integrity (mixin)"

    # Fields only the workflow writes (as superuser, once it checked who acts).
    _bagalau_workflow_fields = frozenset()
    # When set, the only fields a person writes by hand; every other is the workflow's.
    _bagalau_hand_fields = None
    # A record of a closed campaign no longer changes (sheets, plans, the
    # commission's protocol). Records that come after the evaluation (the
    # acknowledgement, the appeal, the calibration) have their own states.
    _bagalau_frozen_when_closed = True
    # What still changes on a record of a closed campaign: archiving.
    _bagalau_closed_writable = frozenset({"active"})

    # --- hooks -------------------------------------------------------------

    def _bagalau_campaigns(self):
        """The campaigns these records belong to (as superuser)."""
        return self.env["hr.bagalau.campaign"]

    def _bagalau_record_label(self):
        """How a message names one record: “The KPI sheet of Aigerim Bekova”."""
        self.ensure_one()
        return _("“%(record)s” (%(kind)s)", record=self.sudo().display_name, kind=self._bagalau_model_label())

    def _bagalau_model_label(self):
        """The model's name in the user's language."""
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    # --- input ---------------------------------------------------------------

    def _bagalau_field_label(self, name):
        return self._fields[name]._description_string(self.env)

    def _bagalau_check_input(self, vals):
        """A clear ValidationError, in the user's language, for a value that
        the ORM would store as garbage or turn into a raw error."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is False or value is None:
                continue
            if field.type in ("float", "monetary"):
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = None
                if isinstance(value, bool) or number is None or not math.isfinite(number):
                    raise ValidationError(_("“%(field)s” takes a number; “%(value)s” is not one. Nothing was saved.",
                                            field=self._bagalau_field_label(name), value=str(value)[:50]))
            elif field.type == "integer":
                try:
                    number = int(value) if not isinstance(value, float) or value.is_integer() else None
                except (TypeError, ValueError, OverflowError):
                    number = None
                if isinstance(value, bool) or number is None or abs(number) > INTEGER_LIMIT:
                    raise ValidationError(_("“%(field)s” takes a whole number; “%(value)s” is not one. Nothing was "
                                            "saved.", field=self._bagalau_field_label(name), value=str(value)[:50]))
            elif field.type in ("date", "datetime"):
                try:
                    converted = field.to_date(value) if field.type == "date" else field.to_datetime(value)
                except (TypeError, ValueError, OverflowError):
                    converted = None
                if converted is None:
                    raise ValidationError(_("“%(field)s” takes a date; “%(value)s” is not one. Nothing was saved.",
                                            field=self._bagalau_field_label(name), value=str(value)[:50]))
            elif field.type in ("char", "text", "html") and isinstance(value, str):
                limit = CHAR_MAX_LENGTH if field.type == "char" else TEXT_MAX_LENGTH
                self._bagalau_check_text(value, self._bagalau_field_label(name), limit)

    def _bagalau_check_text(self, value, label, limit=TEXT_MAX_LENGTH):
        """ValidationError for a free text longer than ``limit`` characters;
        used too for a text that comes as a method's argument."""
        if isinstance(value, str) and len(value) > limit:
            raise ValidationError(_("“%(field)s” is too long: %(length)s characters, at most %(limit)s. Shorten "
                                    "it; nothing was saved.", field=label, length=len(value), limit=limit))
        return value

    # --- who writes what -----------------------------------------------------

    def _bagalau_workflow_only(self, vals, creating=False):
        """The fields of ``vals`` a person may not write by hand."""
        names = set(vals) - MAIL_FIELDS
        if self._bagalau_hand_fields is not None:
            blocked = names - set(self._bagalau_hand_fields)
        else:
            blocked = names & set(self._bagalau_workflow_fields)
        if creating:
            # A default the form sends back (a draft state) is no forgery.
            blocked = {name for name in blocked
                       if not (self._fields[name].default
                               and vals[name] == self._fields[name].default(self))}
        return blocked

    def _bagalau_check_hand_write(self, vals, creating=False):
        if self.env.su:
            return
        blocked = self._bagalau_workflow_only(vals, creating=creating)
        if blocked:
            labels = ", ".join(sorted("“" + self._bagalau_field_label(name) + "”" for name in blocked))
            raise AccessError(_("%(fields)s of “%(model)s” change only through the evaluation's own steps "
                                "(its buttons), not by hand.", fields=labels, model=self._bagalau_model_label()))

    # --- closed campaigns ----------------------------------------------------

    def _bagalau_check_campaign_open(self, vals=None):
        """UserError for a record of a closed campaign (superuser included):
        the documented revision paths change the results, never the sheets."""
        if not self._bagalau_frozen_when_closed:
            return
        if vals is not None and not (set(vals) - MAIL_FIELDS - set(self._bagalau_closed_writable)):
            return
        for record in self:
            closed = record.sudo()._bagalau_campaigns().filtered(lambda campaign: campaign.state == "closed")
            if closed:
                raise UserError(_("The campaign “%(campaign)s” is closed: %(record)s can no longer change.",
                                  campaign=closed[0].name, record=record._bagalau_record_label()))

    def _bagalau_check_final(self, vals=None):
        """Hook: UserError when these records are final in their own right (an
        approved protocol, a vote cast, a recorded act), superuser included.
        ``vals`` is what a write changes, None for a deletion."""

    # --- retention -------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        """seed 003 §8, seed 004 §15: the documents of an evaluation are kept
        three years after it, whoever asks; what is final is never deleted."""
        self._bagalau_check_final()
        for record in self:
            record.sudo()._bagalau_campaigns()._bagalau_check_retention(record._bagalau_record_label())

    # --- ORM -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._bagalau_check_input(vals)
            self._bagalau_check_hand_write(vals, creating=True)
        records = super().create(vals_list)
        records._bagalau_check_campaign_open()
        return records

    def write(self, vals):
        self._bagalau_check_input(vals)
        self._bagalau_check_hand_write(vals)
        self._bagalau_check_campaign_open(vals)
        if set(vals) - MAIL_FIELDS:
            self._bagalau_check_final(vals)
        return super().write(vals)

    # --- concurrency -------------------------------------------------------------

    def _bagalau_lock(self):
        """Lock the rows of a workflow step and read them again.

        ``SELECT … FOR UPDATE NOWAIT``: while another transaction holds them,
        the caller is told at once instead of waiting or failing on a unique
        constraint; once it committed, Odoo retries the request on the
        serialization failure and the step finds the new state, which the
        caller reports ("already agreed by …")."""
        if not self.ids:
            return self
        try:
            with self.env.cr.savepoint():
                # A busy row is an answer here, not an error for the server log.
                self.env.cr.execute(SQL("SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
                                        SQL.identifier(self._table), tuple(self.ids)), log_exceptions=False)
        except pg_errors.LockNotAvailable:
            raise UserError(_("%(record)s is being changed by someone else at this very moment. Reload the page "
                              "and look again before you repeat the step.",
                              record=self[:1]._bagalau_record_label())) from None
        self.invalidate_recordset()
        return self

    def _bagalau_already_done(self, step, user=None, when=None):
        """The message for a step someone else took first."""
        self.ensure_one()
        user = user or self.sudo().write_uid
        when = when or self.sudo().write_date
        return UserError(_("%(record)s: “%(step)s” was already done by %(user)s on %(date)s.",
                           record=self._bagalau_record_label(), step=step, user=user.name or "?",
                           date=format_datetime(self.env, when) if when else "?"))
