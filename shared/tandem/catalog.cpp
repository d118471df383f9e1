// The record types of every domain, one line each: the only place that knows all the domains. Adding a
// record type to a domain changes that domain's records list, not this file; adding a domain adds a line.
#include "tandem/feedback/records.h"
#include "tandem/guides/records.h"
#include "tandem/journal/records.h"
#include "tandem/one_on_ones/records.h"
#include "tandem/partnership/records.h"
#include "tandem/people/records.h"
#include "tandem/surveys/records.h"

namespace tandem {

const std::vector<const EntitySpec*>& all_entities() {
    static const std::vector<const EntitySpec*> entities = [] {
        std::vector<const EntitySpec*> all;
        for (const auto* domain : {&people_records(), &one_on_ones_records(), &journal_records(), &guides_records(),
                                   &feedback_records(), &surveys_records(), &partnership_records()})
            all.insert(all.end(), domain->begin(), domain->end());
        return all;
    }();
    return entities;
}

} // namespace tandem
