import contextlib

from odoo import fields, models

from ..engine.workdays import WorkingCalendar

CALENDAR_MEMO = "bagalau_working_calendars"


class ResCompany(models.Model):
    _inherit = "res.company"

    bagalau_authorised_id = fields.Many2one(
        "hr.employee",
        string="Authorised Person",
        help="The official who appoints and dismisses the agency's corps B staff, "
        "unless a department names another one.",
    )

    def _bagalau_working_calendar(self, *dates):
        """The engine's working-day calendar of the company for the years of
        ``dates`` (and the next one, for deadlines that cross New Year).

        Days off are the public holidays of the company's working calendar
        (loaded from the ``holidays`` package, plus what HR adds by hand);
        Saturdays and Sundays are weekends except the decreed working days.
        Every deadline of the module counts working days over it.
        """
        self.ensure_one()
        years = set()
        for day in dates:
            years |= {day.year, day.year + 1}
        memo = self.env.cr.cache.get(CALENDAR_MEMO)
        key = (self.id, frozenset(years))
        if memo is not None and key in memo:
            return memo[key]
        working_calendar = self._bagalau_build_working_calendar(years)
        if memo is not None:
            memo[key] = working_calendar
        return working_calendar

    def _bagalau_build_working_calendar(self, years):
        calendar = self.resource_calendar_id
        for year in sorted(years):
            calendar._bagalau_ensure_public_holidays(year)
        holidays = calendar._bagalau_days_off(min(years), max(years))
        extra = self.env["hr.bagalau.workday"].sudo().search([
            ("company_id", "in", [self.id, False]),
            ("date", ">=", f"{min(years)}-01-01"),
            ("date", "<=", f"{max(years)}-12-31"),
        ]).mapped("date")
        return WorkingCalendar(holidays=frozenset(holidays), extra_working_days=frozenset(extra), years=years)

    @contextlib.contextmanager
    def _bagalau_calendar_memo(self):
        """Within the block, each company's calendar of given years is built
        once (a launch batch asks for it per sheet). Nothing in the block may
        change the days off: the memo dies with the block."""
        cache = self.env.cr.cache
        if CALENDAR_MEMO in cache:
            yield
            return
        cache[CALENDAR_MEMO] = {}
        try:
            yield
        finally:
            cache.pop(CALENDAR_MEMO, None)

    def _bagalau_add_working_days(self, start, count):
        """The ``count``-th working day after ``start`` in this company."""
        return self._bagalau_working_calendar(start).add_working_days(start, count)
