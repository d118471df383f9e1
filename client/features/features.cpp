// The features of the app: each one's header and one register call. The order of the calls is the navigation bar's
// and the home screen's.
// A feature adds its screens, home items and agenda items from its own folder (its *_feature.cpp).
#include "features/features.h"

#include "features/analytics/analytics.h"
#include "features/feedback/feedback.h"
#include "features/guides/guides.h"
#include "features/journal/journal.h"
#include "features/one_on_ones/one_on_ones.h"
#include "features/partnership/partnership.h"
#include "features/people/people.h"
#include "features/surveys/surveys.h"

namespace tandem::client {

void register_features(Registry& registry) {
    register_one_on_ones(registry);
    register_people(registry);
    register_guides(registry);
    register_feedback(registry);
    register_surveys(registry);
    register_partnership(registry);
    register_analytics(registry);
    register_journal(registry);
}

} // namespace tandem::client
