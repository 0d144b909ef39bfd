from . import (
    test_client_access,
    test_metric_portfolio,
    test_predictions,
    test_predictions_models,
    test_segments,
)
