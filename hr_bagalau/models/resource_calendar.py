import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..engine.workdays import kazakhstan_calendar, kazakhstan_holidays


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    bagalau_public_holiday = fields.Boolean(
        string="Kazakhstan Public Holiday",
        help="Loaded from Kazakhstan's calendar (the holidays package); decreed transfers are added by hand.",
    )


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _bagalau_public_holidays(self, year):
        """The loaded public holidays whose day (in the calendar's time zone) is in ``year``."""
        tz = self.tz or "Asia/Almaty"
        # Stored in UTC: widen the search by a day on each side, then keep the local year.
        leaves = self.env["resource.calendar.leaves"].sudo().search([
            ("calendar_id", "=", self.id),
            ("resource_id", "=", False),
            ("bagalau_public_holiday", "=", True),
            ("date_from", ">=", f"{year - 1}-12-31 00:00:00"),
            ("date_from", "<=", f"{year + 1}-01-01 23:59:59"),
        ])
        return leaves.filtered(lambda leave: self._bagalau_local_date(leave.date_from, tz).year == year)

    def _bagalau_ensure_public_holidays(self, year):
        """Load ``year``'s holidays unless they already are in the calendar."""
        self.ensure_one()
        if not self._bagalau_public_holidays(year):
            self._bagalau_load_public_holidays(year)

    def _bagalau_load_public_holidays(self, year):
        """Kazakhstan's public holidays of ``year`` as public-holiday leaves of
        this calendar, with their Kazakh names, and the decreed working
        Saturdays the package knows. Days already there are kept."""
        self.ensure_one()
        Leaves = self.env["resource.calendar.leaves"].sudo()
        tz = self.tz or "Asia/Almaty"
        present = {self._bagalau_local_date(leave.date_from, tz) for leave in self._bagalau_public_holidays(year)}
        values = []
        for day, name in kazakhstan_holidays(year):
            if day in present:
                continue
            # Whole days in the calendar's time zone, stored in UTC as Odoo does.
            start = fields.Datetime.to_datetime(day)
            values.append({
                "name": name,
                "calendar_id": self.id,
                "company_id": self.company_id.id,
                "resource_id": False,
                "bagalau_public_holiday": True,
                "date_from": self._bagalau_to_utc(start, tz),
                "date_to": self._bagalau_to_utc(start + datetime.timedelta(hours=23, minutes=59, seconds=59), tz),
            })
        Leaves.create(values)
        Workday = self.env["hr.bagalau.workday"].sudo()
        known = set(Workday.search([("company_id", "in", [self.company_id.id, False])]).mapped("date"))
        Workday.create([
            {"date": day, "name": _("Decreed working day"), "company_id": self.company_id.id}
            for day in sorted(kazakhstan_calendar(year).extra_working_days) if day not in known
        ])
        return len(values)

    @api.model
    def _bagalau_to_utc(self, moment, tz):
        return pytz.timezone(tz).localize(moment).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _bagalau_local_date(self, moment, tz):
        return pytz.utc.localize(moment).astimezone(pytz.timezone(tz)).date()

    def _bagalau_days_off(self, first_year, last_year):
        """Dates of the calendar's public holidays (any leave without resource)."""
        self.ensure_one()
        leaves = self.env["resource.calendar.leaves"].sudo().search([
            ("calendar_id", "in", [self.id, False]),
            ("resource_id", "=", False),
            ("date_from", "<=", f"{last_year}-12-31 23:59:59"),
            ("date_to", ">=", f"{first_year - 1}-12-31 00:00:00"),
        ])
        tz = self.tz or "Asia/Almaty"
        days = set()
        for leave in leaves:
            start = self._bagalau_local_date(leave.date_from, tz)
            end = self._bagalau_local_date(leave.date_to, tz)
            while start <= end:
                days.add(start)
                start += datetime.timedelta(days=1)
        return days

    def action_bagalau_load_holidays(self):
        """Button: this year's and next year's public holidays of Kazakhstan."""
        if not self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
            raise AccessError(_("Only HR officers load the public holidays into a working calendar."))
        year = fields.Date.context_today(self).year
        count = 0
        for calendar in self:
            count += calendar._bagalau_load_public_holidays(year)
            count += calendar._bagalau_load_public_holidays(year + 1)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s public holidays of %(year)s and %(next)s loaded.",
                             count=count, year=year, next=year + 1),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_bagalau_open_public_holidays(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Public Holidays"),
            "res_model": "resource.calendar.leaves",
            "view_mode": "list,form",
            "domain": [("calendar_id", "=", self.id), ("resource_id", "=", False)],
            "context": {"default_calendar_id": self.id, "default_company_id": self.company_id.id},
        }

    @api.model
    def _cron_bagalau_load_holidays(self):
        """Yearly: every company calendar gets next year's holidays."""
        year = fields.Date.context_today(self).year
        for calendar in self.env["res.company"].search([]).mapped("resource_calendar_id"):
            calendar._bagalau_load_public_holidays(year)
            calendar._bagalau_load_public_holidays(year + 1)
