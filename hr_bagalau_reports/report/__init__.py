from . import hr_bagalau_report_form
from . import hr_bagalau_report_documents
