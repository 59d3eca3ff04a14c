from . import test_survey_type
from . import test_survey360
from . import test_anonymity
from . import test_survey_controllers
from . import test_tours
from . import test_methodology_360_parameters
from . import test_survey360_followup
