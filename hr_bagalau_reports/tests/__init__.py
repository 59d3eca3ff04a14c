from . import test_analysis
from . import test_xlsx_calibration
from . import test_xlsx_demo
from . import test_xlsx_import
from . import test_xlsx_protocol
from . import test_xlsx_summary
from . import test_xlsx_analysis
