"""The demo agency's calendar, counted from the day the demo is installed.

Plain Python (no Odoo import), so that pytest checks it on any day of the
year. A newcomer who installs the demo sees the previous year closed and the
current quarter running, whatever the date: nothing is months overdue because
the demo was written in another year.

- The annual evaluation of the 2018 generation ends with the commission in
  January and the ten working days of appeal (seed 003 §29, §42): from March
  the previous year is closed; in January and February the demo shows the
  year before it, whose cycle is complete.
- The 2023 generation evaluates each quarter (seed 004 §3): the campaign of
  the quarter that holds the install day runs.
- The 2025 quarterly evaluation of the quarter before it falls due in the
  current quarter (the 20th of its first month): its sheets are what the
  evaluators are finishing now.
"""

import datetime
from dataclasses import dataclass

ONE_DAY = datetime.timedelta(days=1)
#: From this day of the year the previous year's evaluation is over.
YEAR_CLOSED_FROM = (3, 1)


def quarter_of(day):
    """The quarter (1-4) that holds ``day``."""
    return (day.month - 1) // 3 + 1


def quarter_start(year, quarter):
    return datetime.date(year, 3 * quarter - 2, 1)


def quarter_end(year, quarter):
    if quarter == 4:
        return datetime.date(year, 12, 31)
    return quarter_start(year, quarter + 1) - ONE_DAY


def previous_quarter(year, quarter):
    """The (year, quarter) before ``quarter`` of ``year``."""
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


@dataclass(frozen=True)
class DemoTimeline:
    """Every period and date of the demo agency, derived from ``today``."""

    today: datetime.date

    @property
    def closed_year(self):
        """The last year whose annual evaluation (2018 generation) is over."""
        year = self.today.year
        closed_from = datetime.date(year, *YEAR_CLOSED_FROM)
        return year - 1 if self.today >= closed_from else year - 2

    @property
    def running(self):
        """(year, quarter) of the running 2023 campaign: today's quarter."""
        return self.today.year, quarter_of(self.today)

    @property
    def previous(self):
        """(year, quarter) of the 2025 quarterly campaign being finished."""
        return previous_quarter(*self.running)

    @property
    def running_quarter_start(self):
        return quarter_start(*self.running)

    @property
    def running_quarter_end(self):
        return quarter_end(*self.running)

    # --- people whose dates make a rule visible ---------------------------

    @property
    def late_joiner_appointed(self):
        """Under three months in the position at the closed year's end: not
        evaluated for that year (seed 003 §4)."""
        return datetime.date(self.closed_year, 11, 10)

    @property
    def probationer_appointed(self):
        return datetime.date(self.closed_year, 12, 1)

    @property
    def probation_end(self):
        """Six months' probation from the appointment: on probation at the
        closed year's end (seed 003 §4)."""
        return datetime.date(self.closed_year + 1, 5, 31)

    @property
    def newcomer_appointed(self):
        """Appointed during the running quarter: six weeks after it began, or
        today when the quarter is younger than that (never in the future)."""
        return min(self.running_quarter_start + datetime.timedelta(days=46), self.today)

    @property
    def absence(self):
        """Leave over the running quarter's end: evaluated after the return
        (seed 004 §6). Returns (first day, last day)."""
        end = self.running_quarter_end
        return end - datetime.timedelta(days=12), end + datetime.timedelta(days=10)

    # --- the closed year's commission ----------------------------------------

    @property
    def commission_order_date(self):
        return datetime.date(self.closed_year, 12, 1)

    @property
    def commission_session_target(self):
        """The commission sits in the second half of January after the year
        (the working day on or before it is taken with the agency's calendar)."""
        return datetime.date(self.closed_year + 1, 1, 22)

    @property
    def history_years(self):
        """The two years before the closed one, kept in the agency's former
        workbook and imported."""
        return self.closed_year - 2, self.closed_year - 1
