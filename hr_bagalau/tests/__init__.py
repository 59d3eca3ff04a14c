from . import test_language
from . import test_menus
from . import test_methodology
from . import test_position_category
from . import test_translations
from . import test_ui
from . import test_campaign
from . import test_working_days
