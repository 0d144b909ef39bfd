from . import test_metric_portfolio
