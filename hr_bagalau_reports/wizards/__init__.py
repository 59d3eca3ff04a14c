from . import hr_bagalau_print_form
