from . import models
from . import wizards
from .core_translations import patch_code_translations
