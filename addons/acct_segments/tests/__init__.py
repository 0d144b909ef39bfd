from . import (
    test_client_access,
    test_client_figures_agree,
    test_fit_reasons_bulgarian,
    test_metric_portfolio,
    test_period_labels,
    test_predictions,
    test_predictions_engagement_fee,
    test_predictions_models,
    test_segment_access,
    test_segment_companies,
    test_segments,
    test_tier_names,
)
