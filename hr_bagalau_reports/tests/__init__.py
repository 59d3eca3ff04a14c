from . import test_analysis
from . import test_print_forms_2018
from . import test_print_forms_2023
from . import test_print_pdf
