from . import ir_actions_report
from . import hr_bagalau_xlsx_export
from . import hr_bagalau_xlsx_protocol
from . import hr_bagalau_xlsx_calibration
from . import hr_bagalau_xlsx_summary
from . import hr_bagalau_xlsx_history
from . import hr_bagalau_xlsx_demo
