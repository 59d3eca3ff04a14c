from . import hr_bagalau_methodology, hr_bagalau_position_category, hr_employee, res_lang
