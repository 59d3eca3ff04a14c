from . import hr_bagalau_print_form
from . import hr_bagalau_xlsx_export_wizard
from . import hr_bagalau_xlsx_import_wizard
from . import hr_bagalau_archive_wizard
