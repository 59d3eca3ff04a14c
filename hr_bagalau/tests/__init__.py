from . import test_language, test_menus, test_methodology, test_position_category, test_translations, test_ui
