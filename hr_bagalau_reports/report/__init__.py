from . import hr_bagalau_report_form
from . import hr_bagalau_report_documents
from . import hr_bagalau_report_360
