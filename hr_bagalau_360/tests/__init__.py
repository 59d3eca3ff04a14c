from . import test_survey_type
