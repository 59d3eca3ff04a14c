from . import hr_bagalau_calibration_request
