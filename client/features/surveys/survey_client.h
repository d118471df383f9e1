#pragma once
// What the survey screens need from the server beyond sync: results by group (kept on the device with the
// other figures from the server, so they can be read offline) and answer links exported as a CSV file.
// Screens draw from this state; requests finish later, from the platform's poll.
#include <map>
#include <string>

#include "feature_api/kept_figures.h"
#include "platform/platform.h"
#include "tandem/base/change.h"
#include "tandem/sync/store.h"

namespace tandem::client {

class SurveyClient {
public:
    // The screens' selection.
    std::string survey_id;  // open in the editor or on the results screen
    std::string group;      // the group whose results are shown
    std::string message;    // the last outcome of a server action, for the person to read
    bool message_is_error = false;

    // Results of `group` with its child groups, from memory, else this device's copy, else nothing yet.
    using Results = KeptFigures::Entry;  // body: docs/api.md, Survey results, with "children"
    const Results& results(KeptFigures& kept, const std::string& survey, const std::string& group);
    // Asks the server again (online); the answer replaces the kept copy.
    void refresh(KeptFigures& kept, Platform& platform, const std::string& token, const std::string& survey,
                 const std::string& group, const std::string& today);

    // Makes `count` answer links for a manager's team and hands them over as a CSV download.
    void export_links(Platform& platform, const std::string& token, const std::string& survey,
                      const std::string& survey_title, const std::string& manager_id,
                      const std::string& manager_name, int count);
    bool busy = false;
};

} // namespace tandem::client
