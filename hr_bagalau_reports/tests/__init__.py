from . import test_analysis
