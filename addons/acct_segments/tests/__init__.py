from . import test_metric_portfolio, test_predictions, test_segments
